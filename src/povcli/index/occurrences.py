"""Where a query's term occurs in one catalog's index: the stored values holding it (through
the trigram table, or the table of 1- and 2-character grams below three characters), the ids
holding it and the facts holding its number; each value found is checked against the term."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from povcli.index.reads import IndexDamaged
from povcli.index.store import Index
from povcli.search.query import number_token
from povcli.search.rules import FIELDS, ID_CHARS, VALUE_FIELDS, contains, english_word, fts_phrase


class Occurrences:
    """The SQL that finds a term's occurrences in one index, for searching and for saying
    which word of a query that found nothing no fact holds."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def has_term(self, term: Any) -> bool:
        """Whether any fact holds the term on its own (a word of a query that found nothing)."""
        if term.number is not None and not term.phrase:
            key = number_token(term.number)
            if self.index.query("SELECT 1 FROM nums WHERE key = ? LIMIT 1", (key,)):
                return True
        if not term.as_text:
            return False
        for needle in term.needles:
            if self.values_with(needle):
                return True
            if set(needle) <= ID_CHARS:
                sql = f"SELECT 1 FROM ({self.id_arm(0, needle)}) LIMIT 1"
                if self.index.query(sql, self.id_params(needle)):
                    return True
        return False

    def id_arm(self, t: int, text: str) -> str:
        """The SQL of the facts whose id holds `text`, as rows (term `t`, fact, weight 8)."""
        # an English word of an id from a word's start, as `search.rules.occurrences` has
        # it: ids are kebab-case, so a word starts the id or follows a hyphen
        where = (
            "(instr(f.id, ?) = 1 OR instr(f.id, '-' || ?) > 0)"
            if english_word(text)
            else "instr(f.id, ?) > 0"
        )
        if len(text) >= 3:
            return (
                f"SELECT {t}, f.fid, 8 FROM ids_tri JOIN facts f ON f.fid = ids_tri.rowid"
                f" WHERE ids_tri MATCH ? AND {where}"
            )
        return f"SELECT {t}, f.fid, 8 FROM facts f WHERE {where}"

    def id_params(self, text: str) -> list[str]:
        """The parameters of `id_arm`, in its order."""
        found = [text, text] if english_word(text) else [text]
        return [fts_phrase(text), *found] if len(text) >= 3 else found

    def values_with(
        self, needle: str, fields: Sequence[str] = VALUE_FIELDS
    ) -> list[tuple[int, int]]:
        """Stored values (vid, field) that hold the needle, each checked."""
        if len(needle) >= 3:
            sql = (
                "SELECT v.vid, v.field, v.text, v.marks, v.crc FROM vals_tri"
                " JOIN vals v ON v.vid = vals_tri.rowid WHERE vals_tri MATCH ?"
            )
            param = fts_phrase(needle)
        else:
            sql = (
                "SELECT v.vid, v.field, v.text, v.marks, v.crc FROM grams g"
                " JOIN vals v ON v.vid = g.vid WHERE g.gram = ?"
            )
            param = needle
        codes = {FIELDS.index(name) for name in fields}
        found = []
        for vid, field, text, marks, crc in self.index.query(sql, (param,)):
            self.index.checked(text, crc, marks or "")
            if field not in codes:
                continue
            if not contains(text, needle, marks):
                if needle not in text:
                    raise IndexDamaged("the search table names a value without the term")
                continue  # pinyin holding the letters, but not from a syllable's start
            found.append((int(vid), int(field)))
        return found
