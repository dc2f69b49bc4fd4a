"""The rows of one catalog's index, inserted in batches as its facts stream past; then
the section headings, the "did you mean" vocabulary and the catalog's own row."""

from __future__ import annotations

import re
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from povcli import __version__
from povcli.index.prepare import Prepared, Preparer, reading_entries, sql_number
from povcli.index.tagged import encode_tagged
from povcli.search.rules import FIELDS, short_grams, syllable_marks

BATCH = 5000
# "did you mean": the words of these fields (English words, pinyin syllables), at most so many
VOCABULARY_FIELDS = ("label", "aliases", "topic", "pinyin")
# ... and the Chinese words of these, each with its reading (guangfu for 光伏)
READING_FIELDS = ("subject", "aliases")
MAX_VOCABULARY = 200000
WORD = r"[a-z]+"  # compiled by `re` when an index is built


class Builder:
    """Rows of one catalog, inserted in batches as the YAML streams past."""

    def __init__(self, db: sqlite3.Connection, catalog_path: Path) -> None:
        self.db = db
        self.catalog_path = catalog_path
        self.prepare = Preparer()
        self.vids: dict[tuple[int, str], int] = {}
        self.section_vids: dict[str, int] = {}
        self.values: list[tuple[int, int, str, str | None, int]] = []
        self.facts: list[tuple[Any, ...]] = []
        self.post: list[tuple[int, int]] = []
        self.nums: list[tuple[str, int, int]] = []
        self.topics: list[tuple[str, int]] = []
        self.problem: str | None = None
        self.problems = 0
        self.count = 0
        self.unit_counts: dict[str, int] = {}
        self.section_counts: dict[str, int] = {}
        self.topic_names: set[str] = set()
        self.words: set[str] = set()
        self.figure_problem: str | None = None  # the first fact whose figure is wrong

    def add(self, item: Any, position: int) -> None:
        self.take(self.prepare(item, position))

    def take(self, prepared: Prepared) -> None:
        """A prepared fact's rows (or its problems, counted)."""
        if prepared[0] == "problems":
            self.problems += prepared[1]
            self.problem = self.problem or prepared[2]
            return
        if self.problems:
            return
        _, fact, text, numbers, fields, wrong = prepared
        self.figure_problem = self.figure_problem or wrong
        self.count += 1
        fid = self.count
        vids = {}
        for name, value in fields.items():
            if name == "section":
                vid = self.section_vids.setdefault(fact.section, self._new_vid())
            else:
                vid = self._vid(name, value)
            vids[name] = vid
            if value or name == "section":
                self.post.append((vid, fid))
        crc = zlib.crc32(f"{text}\x1f{vids['pinyin']}\x1f{vids['initials']}".encode())
        self.facts.append(
            (fid, 1, fact.id, fact.section, fact.unit, sql_number(fact.value),
             vids["pinyin"], vids["initials"], text, crc)
        )  # fmt: skip
        for kind, key in numbers:
            self.nums.append((key, kind, fid))
        for topic in dict.fromkeys(fact.topic):
            self.topics.append((topic, fid))
            self.topic_names.add(topic)
        self.unit_counts[fact.unit] = self.unit_counts.get(fact.unit, 0) + 1
        self.section_counts[fact.section] = self.section_counts.get(fact.section, 0) + 1
        if len(self.facts) >= BATCH:
            self.flush()

    def _new_vid(self) -> int:
        return len(self.vids) + len(self.section_vids) + 1

    def _vid(self, name: str, value: str) -> int:
        field = FIELDS.index(name)
        vid = self.vids.get((field, value))
        if vid is None:
            vid = self.vids[(field, value)] = self._new_vid()
            marks = None
            if name in VOCABULARY_FIELDS:
                self._learn_words(value)
            if name in READING_FIELDS:
                self._learn_readings(value)
            if name == "pinyin":
                value, marks = syllable_marks(value)
            self.values.append(
                (vid, field, value, marks, zlib.crc32((value + (marks or "")).encode()))
            )
        return vid

    def _learn_words(self, value: str) -> None:
        """The English words and pinyin syllables of a value, for "did you mean"."""
        if len(self.words) < MAX_VOCABULARY:
            self.words.update(word for word in re.findall(WORD, value) if len(word) > 1)

    def _learn_readings(self, value: str) -> None:
        """The Chinese words of a value (its runs' pieces of 2 to 4 characters), each as
        "reading<TAB>word", for "did you mean" of a mistyped pinyin or Chinese word."""
        if len(self.words) < MAX_VOCABULARY:
            self.words.update(reading_entries(value))

    def flush(self) -> None:
        db = self.db
        db.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?)", self.facts)
        db.executemany("INSERT INTO vals VALUES (?,?,?,?,?)", self.values)
        db.executemany("INSERT OR IGNORE INTO post VALUES (?,?)", self.post)
        db.executemany("INSERT OR IGNORE INTO nums VALUES (?,?,?)", self.nums)
        db.executemany("INSERT OR IGNORE INTO topics VALUES (?,?)", self.topics)
        grams = [(gram, vid) for vid, _, text, marks, _ in self.values
                 for gram in short_grams(text, marks)]  # fmt: skip
        db.executemany("INSERT OR IGNORE INTO grams VALUES (?,?)", grams)
        for rows in (self.facts, self.values, self.post, self.nums, self.topics):
            rows.clear()

    def finish(self, root: dict[str, Any]) -> dict[str, Any]:
        """The section values and the catalog row, once the whole document is read."""
        source = root.get("source") or {}
        sections = [s for s in source.get("sections") or [] if isinstance(s, dict)]
        headings = {
            s.get("id"): " ".join(str(s.get(k) or "") for k in ("id", "heading", "heading_en"))
            for s in sections
        }
        for section, vid in self.section_vids.items():
            text = self.prepare.normalise(headings.get(section, section))
            self._learn_words(text)
            field = FIELDS.index("section")
            self.values.append((vid, field, text, None, zlib.crc32(text.encode())))
        self.flush()
        words = "\n".join(sorted(self.words))
        self.db.execute("INSERT INTO vocab VALUES (?, ?)", (words, zlib.crc32(words.encode())))
        section_ids = [s["id"] for s in sections if "id" in s]
        section_ids += [s for s in self.section_counts if s not in section_ids]
        unit_counts = dict(sorted(self.unit_counts.items(), key=lambda kv: -kv[1]))
        return {
            "version": __version__,
            "count": self.count,
            "script": self.prepare.normalise.table,
            "headings": {str(k): v for k, v in headings.items() if isinstance(k, str)},
            "section_ids": [str(s) for s in section_ids],
            "topics": sorted(self.topic_names),
            "units": sorted(self.unit_counts),
            "unit_counts": unit_counts,
            "section_counts": self.section_counts,
            "source": encode_tagged(source),
            "checks": encode_tagged(list(root.get("checks") or [])),
        }
