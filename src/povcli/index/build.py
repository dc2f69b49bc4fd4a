"""Building a catalog's index: the YAML streamed into SQLite tables in batches, each fact
checked as it passes, then renamed into place (or kept in memory)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from povcli import __version__
from povcli.catalog.load import (
    fact_problems,
    load_catalog,
    shape_problems,
    yaml_error,
    yaml_failures,
)
from povcli.catalog.validate import figure_problems, validate_catalog
from povcli.errors import CatalogError, PovcliError
from povcli.index.cache import (
    Stamp,
    _prune,
    _racy,
    _remove,
    _temporary,
    cache_dir,
    cache_unwritable,
    catalog_stamp,
    content_key,
    index_path,
    stamp_of,
)
from povcli.index.store import (
    APPLICATION_ID,
    FORMAT,
    ID_DIGITS,
    MEMO_SIZE,
    NUMBER,
    PERIOD_DIGITS,
    Index,
    encode_tagged,
    require_fts5,
)
from povcli.jsontext import indented
from povcli.model import Fact
from povcli.numbers import NumberError, parse_quantity
from povcli.search.query import numbers_of
from povcli.search.rules import FIELDS, digit_runs, short_grams, syllable_marks
from povcli.search.textnorm import (
    Normaliser,
    char_reading,
    initials,
    pinyin_chars,
    pinyin_phrase,
)

BATCH = 5000
# "did you mean": the words of these fields (English words, pinyin syllables), at most so many
VOCABULARY_FIELDS = ("label", "aliases", "topic", "pinyin")
# ... and the Chinese words of these, each with its reading (guangfu for 光伏)
READING_FIELDS = ("subject", "aliases")
MAX_VOCABULARY = 200000
WORD = r"[a-z]+"  # compiled by `re` when an index is built
CJK_RUN = r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}"

SCHEMA = """
CREATE TABLE catalogs(
    cid INTEGER PRIMARY KEY, path TEXT NOT NULL, size INT, mtime_ns INT, ino INT, dev INT,
    content TEXT NOT NULL, data TEXT NOT NULL, crc INT NOT NULL, ctime_ns INT);
CREATE TABLE facts(
    fid INTEGER PRIMARY KEY, catalog INT NOT NULL, id TEXT NOT NULL, section TEXT NOT NULL,
    unit TEXT NOT NULL, value, pinyin INT NOT NULL, initials INT NOT NULL,
    json TEXT NOT NULL, crc INT NOT NULL);
CREATE TABLE topics(topic TEXT NOT NULL, fact INT NOT NULL, PRIMARY KEY(topic, fact))
    WITHOUT ROWID;
CREATE TABLE vals(vid INTEGER PRIMARY KEY, field INT NOT NULL, text TEXT NOT NULL, marks TEXT,
    crc INT NOT NULL);
CREATE TABLE post(vid INT NOT NULL, fact INT NOT NULL, PRIMARY KEY(vid, fact)) WITHOUT ROWID;
CREATE TABLE nums(key TEXT NOT NULL, kind INT NOT NULL, fact INT NOT NULL,
    PRIMARY KEY(key, kind, fact)) WITHOUT ROWID;
CREATE TABLE grams(gram TEXT NOT NULL, vid INT NOT NULL, PRIMARY KEY(gram, vid)) WITHOUT ROWID;
CREATE TABLE vocab(words TEXT NOT NULL, crc INT NOT NULL);
CREATE VIRTUAL TABLE vals_tri USING fts5(
    text, content='vals', content_rowid='vid', tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE ids_tri USING fts5(
    id, content='facts', content_rowid='fid', tokenize='trigram case_sensitive 1');
"""
_EMPTIED = "".join(
    f"DELETE FROM {table};" for table in ("facts", "topics", "vals", "post", "nums", "grams")
)
INDEXES = """
CREATE UNIQUE INDEX facts_id ON facts(catalog, id);
CREATE INDEX facts_section ON facts(catalog, section);
CREATE INDEX facts_unit ON facts(catalog, unit);
INSERT INTO vals_tri(vals_tri) VALUES('rebuild');
INSERT INTO ids_tri(ids_tri) VALUES('rebuild');
"""


def open_index(catalog_path: Path, rebuild: bool = False, prune: bool = True) -> Index:
    """The index of a catalog: the cached one when it holds this content, else built (and
    then the cache pruned, unless the caller prunes once for several: `prune_after`)."""
    require_fts5()
    stamp = catalog_stamp(catalog_path)
    target = index_path(catalog_path)
    if not rebuild:
        index = Index.open(target, catalog_path, stamp=stamp)
        if index is not None:
            return index
    try:
        handle = open(catalog_path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CatalogError(f"cannot read catalog {catalog_path}: {exc.strerror}") from None
    with handle:
        try:
            stamp = stamp_of(os.fstat(handle.fileno()))
            racy = _racy(stamp)  # judged before reading: an edit may follow at once
            key = content_key(handle, catalog_path)
        except OSError as exc:
            raise CatalogError(f"cannot read catalog {catalog_path}: {exc.strerror}") from None
        if not rebuild:
            index = Index.open(target, catalog_path, key=key)
            if index is not None:  # touched, not changed: trust the new metadata
                if not racy:
                    index.restamp(target, stamp)
                return index
        handle.seek(0)
        index = build_index(handle, catalog_path, stamp, key, target, racy)
    if prune:
        prune_after([index])
    return index


def prune_after(indexes: Sequence[Index]) -> None:
    """Prune the cache once after a run's builds (each build pruning opened every index in
    the cache: a cold folder of N catalogs cost N² opens); the indexes just built are
    kept unopened."""
    built = {index_path(index.catalog_path) for index in indexes if index.built}
    if built:
        _prune(cache_dir(), built)


# ----------------------------------------------------------------- build


def build_index(
    handle: IO[bytes],
    catalog_path: Path,
    stamp: Stamp,
    key: str,
    target: Path,
    racy: bool = False,
) -> Index:
    """Build into a temporary file beside the target and rename it into place.

    A catalog modified while it was read (in place: the open file's metadata
    changed) gives an index for this run only: what was hashed and what was
    parsed may differ. So does a cache folder that cannot be written (the
    index is then built in memory).
    """
    kept = None if racy else stamp
    try:
        temporary: Path | None = _temporary(target)
    except OSError as exc:
        cache_unwritable(target.parent, exc.strerror or str(exc))
        temporary = None
    if temporary is not None:
        try:
            connection = sqlite3.connect(str(temporary))
            try:
                _build(connection, handle, catalog_path, kept, key)
            finally:
                connection.close()
            if stamp_of(os.fstat(handle.fileno())) != stamp:
                return _for_this_run(temporary, catalog_path, key) or _in_memory(
                    handle, catalog_path, key, target
                )
            os.replace(temporary, target)
            temporary = None
        except (OSError, sqlite3.OperationalError) as exc:
            handle.seek(0)  # full disk, quota, a folder made read-only meanwhile
            cache_unwritable(target.parent, getattr(exc, "strerror", None) or str(exc))
        finally:
            if temporary is not None:
                _remove(temporary)
        index = Index.open(target, catalog_path, key=key)
        if index is not None:
            index.built = True
            return index
    return _in_memory(handle, catalog_path, key, target)


def _for_this_run(temporary: Path, catalog_path: Path, key: str) -> Index | None:
    """The index just built, opened and then removed: never found by another run."""
    index = Index.open(temporary, catalog_path, key=key)
    _remove(temporary)
    return index


def _in_memory(handle: IO[bytes], catalog_path: Path, key: str, target: Path) -> Index:
    handle.seek(0)
    connection = sqlite3.connect(":memory:")
    _build(connection, handle, catalog_path, None, key)
    connection.isolation_level = None
    index = Index.open(target, catalog_path, key=key, connection=connection)
    if index is None:
        raise CatalogError(f"cannot index {catalog_path}")
    return index


# Catalogs of at most this many facts are validated in full when their index is built
# (those a person writes); a bigger one (generated) has each fact's own figure checked
# as it streams past, as every build does: validating 100,000 facts in full would
# triple the build. Decided by what the catalog holds, not its size in bytes (8 MiB of
# comments skipped the validation).
VALIDATED_FACTS = 25000  # the bundled catalog's facts take 8 MiB at about this count


def first_validation_problem(catalog_path: Path, facts: int) -> str | None:
    """What `validate` says first about a catalog of `facts` facts, or None."""
    if facts > VALIDATED_FACTS:
        return None
    try:
        errors = validate_catalog(catalog_path).errors
    except (OSError, PovcliError):
        return None  # over the full reader's limit: each fact's figure was checked
    if not errors:
        return None
    first = errors[0]
    where = f"line {first.line}: " if first.line else ""
    who = f"fact {first.fact_id}: " if first.fact_id else ""
    return f"{where}{who}{first.message}"


# a fact made ready for its rows: ("fact", fact, JSON text, number keys, searchable fields),
# or ("problems", how many, the first described)
Prepared = tuple[Any, ...]


class Preparer:
    """What a fact's rows need from the fact alone: checked against the schema, its JSON
    text, its number keys and its normalised and pinyin fields. In a pipeline, the parser's
    process does this too, so that the two processes share the work."""

    def __init__(self) -> None:
        self.normalise = Normaliser({})
        self.normal: dict[str, str] = {}
        self.readings: dict[str, str] = {}
        self.parsed: dict[str, Any] = {}  # written figure: what the parser read, or the error
        self.figure_problem: str | None = None  # the first fact whose figure is wrong

    def __call__(self, item: Any, position: int) -> Prepared:
        problems = fact_problems(item, position)
        if problems:
            return ("problems", len(problems), problems[0].describe())
        fact = Fact.from_dict(item)
        try:
            text = indented(fact.to_dict())
            numbers = list(number_keys(fact))
        except (ValueError, OverflowError) as exc:
            return ("problems", 1, f"fact {fact.id}: {exc}")
        if self.figure_problem is None:
            self._check_figure(fact)
            wrong = self.figure_problem
        else:
            wrong = None  # said once, by the fact that first had it
        return ("fact", fact, text, numbers, self._fields(fact), wrong)

    def _check_figure(self, fact: Fact) -> None:
        """`written` is in the quote and means `value`: what `validate` says of a fact's own
        figure, checked on every catalog however big (a borrowed figure rests on it)."""
        problems = figure_problems(fact, self._parse)
        if problems:
            self.figure_problem = f"fact {fact.id}: {problems[0][0]}"

    def _parse(self, written: str) -> Any:
        """parse_quantity, each written form read once (generated catalogs repeat them)."""
        known = self.parsed.get(written)
        if known is None:
            try:
                known = parse_quantity(written)
            except NumberError as exc:
                known = exc
            if len(self.parsed) >= MEMO_SIZE:
                self.parsed.clear()
            self.parsed[written] = known
        if isinstance(known, NumberError):
            raise known
        return known

    def _fields(self, fact: Any) -> dict[str, str]:
        normalise = self._normalised
        subject, quote = normalise(fact.subject), normalise(fact.quote)
        reading = pinyin_phrase(subject)
        quote_reading = self.readings.get(quote)
        if quote_reading is None:
            quote_reading = self._remember(self.readings, quote, pinyin_chars(quote))
        return {
            "written": normalise(fact.written),
            "subject": subject,
            "label": normalise(fact.label),
            "aliases": normalise(" | ".join(fact.aliases)),
            "topic": normalise(" | ".join(fact.topic)),
            "quote": quote,
            "section": "",
            "pinyin": f"{reading} / {quote_reading}",
            "initials": initials(reading),
        }

    def _normalised(self, text: str) -> str:
        """Normalised text; texts repeat (labels, topics, quotes): each is done once."""
        known = self.normal.get(text)
        return self._remember(self.normal, text, self.normalise(text)) if known is None else known

    @staticmethod
    def _remember(memo: dict[str, str], key: str, value: str) -> str:
        if len(memo) >= MEMO_SIZE:
            memo.clear()  # bounded: a catalog of distinct texts must not fill memory
        memo[key] = value
        return value


class _Builder:
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
            (fid, 1, fact.id, fact.section, fact.unit, _sql_number(fact.value),
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


def reading_entries(text: str) -> set[str]:
    """Each piece of 2 to 4 Chinese characters of a text, as "reading<TAB>piece"
    (光伏扶贫 → guangfu<TAB>光伏, guangfufu<TAB>光伏扶, …)."""
    entries = set()
    for run in re.findall(CJK_RUN, text):
        readings = [char_reading(char) for char in run]
        for size in range(2, min(len(run), 4) + 1):
            for at in range(len(run) - size + 1):
                piece = readings[at : at + size]
                if all(piece):
                    entries.add("".join(piece) + "\t" + run[at : at + size])
    return entries


def _sql_number(value: Any) -> Any:
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        try:
            return float(value)
        except OverflowError:
            return None
    return value


def number_keys(fact: Any) -> Iterable[tuple[int, str]]:
    """The numbers a fact is found by: its values, the number as written, and the
    runs of digits standing alone in its id and its period."""
    for token in numbers_of(fact.value, fact.value_max, fact.written):
        yield NUMBER, token
    for run in digit_runs(fact.id):
        yield ID_DIGITS, run
    for run in digit_runs(fact.period or ""):
        yield PERIOD_DIGITS, run


def _build(
    db: sqlite3.Connection, handle: IO[bytes], catalog_path: Path, stamp: Stamp | None, key: str
) -> None:
    # PyYAML only when a catalog is parsed: a warm run opens the built index and stops there
    from povcli.catalog.yamlload import MergeKeys, load

    db.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
        f" PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={FORMAT};" + SCHEMA
    )
    builder = _Builder(db, catalog_path)
    try:
        try:
            root = _streamed(handle, builder.prepare, builder.take)
        except MergeKeys:  # rare: loaded whole, as safe_load means it
            db.executescript(_EMPTIED)
            builder = _Builder(db, catalog_path)
            handle.seek(0)
            root, _ = load(handle)  # what safe_load means, its aliases counted first
            facts = root.get("facts") if isinstance(root, dict) else None
            for position, item in enumerate(facts if isinstance(facts, list) else []):
                builder.add(item, position)
                facts[position] = None  # type: ignore[index]
    except yaml_failures() as exc:
        raise yaml_error(exc, catalog_path) from None
    if isinstance(root, dict) and isinstance(root.get("facts"), list):
        for position, item in enumerate(root["facts"]):
            if item is not None:  # not streamed (an alias standing for a fact)
                builder.add(item, position)
        top = shape_problems({**root, "facts": []})
    else:
        top = shape_problems(root)
    if top or builder.problems or not isinstance(root, dict):
        _refuse(catalog_path, top, builder)
    assert isinstance(root, dict)
    data = builder.finish(root)
    validation = first_validation_problem(catalog_path, builder.count)
    data["validation"] = validation or builder.figure_problem
    text = json.dumps(data, ensure_ascii=False)
    db.execute(
        "INSERT INTO catalogs VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (str(catalog_path), *(stamp[:4] if stamp else (None,) * 4), key, text,
         zlib.crc32(text.encode("utf-8")), stamp.ctime_ns if stamp else None),
    )  # fmt: skip
    try:
        db.executescript(INDEXES)
    except sqlite3.IntegrityError:  # two facts with one id
        _refuse(catalog_path, [], builder)
    db.commit()


# a catalog at least this large is parsed in a process of its own while this one indexes
# the facts it hands over (a pipeline on two cores); a smaller one costs more to hand over
PIPELINE_BYTES = 4 * 1024 * 1024
HANDED = 500  # facts handed over at a time


def _streamed(handle: IO[bytes], prepare: Preparer, take: Any) -> Any:
    """The catalog's top level, each fact prepared and taken as it is parsed: here, or, when
    the catalog is large and the system forks, by a forked child that parses and prepares
    while this process inserts the rows (two cores at work, not one)."""
    from povcli.catalog.yamlload import load

    size = os.fstat(handle.fileno()).st_size
    if size < PIPELINE_BYTES or not sys.platform.startswith("linux"):
        return load(handle, on_fact=lambda item, at: take(prepare(item, at)))[0]
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    parser = context.Process(target=_parse_for, args=(handle, prepare, sender), daemon=True)
    parser.start()
    sender.close()
    try:
        while True:
            kind, payload = receiver.recv()
            if kind == "facts":
                for prepared in payload:
                    take(prepared)
            elif kind == "done":  # the top level, and the script table the child learnt
                root, table = payload
                prepare.normalise = Normaliser(table)
                return root
            else:  # the parser's exception, raised here as if parsed here
                raise payload
    except EOFError:
        raise CatalogError("the catalog's parser stopped unexpectedly") from None
    finally:
        receiver.close()
        if parser.is_alive():
            parser.terminate()
        parser.join()


def _parse_for(handle: IO[bytes], prepare: Preparer, sender: Any) -> None:
    """The forked parser: facts prepared and sent in batches as they complete, then the top
    level, or the exception that stopped it. Ctrl-C is the parent's to handle."""
    import signal

    from povcli.catalog.yamlload import load

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    batch: list[Prepared] = []

    def hand(item: Any, position: int) -> None:
        batch.append(prepare(item, position))
        if len(batch) >= HANDED:
            sender.send(("facts", batch[:]))
            batch.clear()

    try:
        root = load(handle, on_fact=hand)[0]
        sender.send(("facts", batch))
        sender.send(("done", (root, prepare.normalise.table)))
    except Exception as exc:  # every failure goes to the parent, which says what it is
        try:
            sender.send(("error", exc))
        except Exception:  # an exception that cannot be pickled: its words
            sender.send(("error", CatalogError(f"cannot parse the catalog: {exc}")))
    finally:
        sender.close()


def _refuse(catalog_path: Path, top: Any, builder: _Builder) -> None:
    """The catalog's problems, worded exactly as `load_catalog` words them.

    Only a broken catalog comes here: it is read again in full (within the
    size limit of the full reader) for the message.
    """
    load_catalog(catalog_path)  # raises CatalogError with every problem counted
    problems = [problem.describe() for problem in top or []]
    count = len(problems) + builder.problems
    first = problems[0] if problems else builder.problem or "two facts share an id"
    more = f" (and {count - 1} more)" if count > 1 else ""
    raise CatalogError(
        f"{catalog_path}: {first}{more}", hint=f"run: povcli validate {catalog_path}"
    )
