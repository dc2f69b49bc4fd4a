"""Search through an index: a query's terms found in the stored values, ranked by SQLite.

The query rules (what a term is, which fields weigh what, what a match is) are in
`povcli.search`; here a query's terms are planned into SQL arms over one catalog's index
(their occurrences: `povcli.index.occurrences`), ranked (`povcli.index.ranking`), and every
hit shown is checked against its fact.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from povcli.fields import REFERENCE
from povcli.index.library import Library
from povcli.index.occurrences import Occurrences
from povcli.index.ranking import by_tiers, filter_join, over_sqlite_limits, ranked_sql
from povcli.index.reads import MEMO_SIZE, IndexDamaged
from povcli.index.store import Index
from povcli.search.query import (
    Term,
    joined_pinyin,
    normaliser_for,
    number_token,
    parse_query,
    query_too_long,
    score_of,
)
from povcli.search.rules import FIELD_WEIGHTS, FIELDS, ID_CHARS, Hit
from povcli.search.textnorm import share_known


class Found(NamedTuple):
    """Search results, best first, each with its fact's JSON, and how many match in all."""

    total: int
    hits: Iterator[tuple[Hit, str]]


# a query planned: the SQL arms (with their parameters) that match terms by number or id,
# the stored values (term, vid, weight) that hold a term, and the words joined as one pinyin
Plan = tuple[list[str], list[Any], list[tuple[int, int, int]], str | None]


def find(
    index: Index,
    query: str,
    units: Sequence[str] = (),
    minimum: float | None = None,
    maximum: float | None = None,
    limit: int = 0,
) -> Found:
    """Facts of one catalog matching every word of the query, best first."""
    return finder(index).search(query, units, minimum, maximum, limit)


def finder(index: Index) -> Finder:
    """The index's finder, made once per index (it remembers normalised texts)."""
    if index.finder is None:
        index.finder = Finder(index)
    assert isinstance(index.finder, Finder)
    return index.finder


def search_library(
    library: Library,
    query: str,
    units: Sequence[str] = (),
    minimum: float | None = None,
    maximum: float | None = None,
    limit: int = 0,
) -> tuple[int, list[tuple[str, Index, Hit, str]]]:
    """(how many match in all, the hits shown): the articles' facts first, then the
    reference catalogs', best first within each, ties in the order the catalogs were named."""
    total = 0
    hits: list[tuple[str, Index, Hit, str]] = []
    for index in library.indexes:  # what one catalog's index knows of the script, all do
        share_known(index.script)
    for cid, index in library.items():
        found = find(index, query, units, minimum, maximum, limit=limit)
        total += found.total
        hits.extend((cid, index, hit, text) for hit, text in found.hits)
    # stable: catalog order within a score
    hits.sort(key=lambda item: (is_reference(item[1]), -item[2].score))
    return total, hits[:limit] if limit else hits


def is_reference(index: Index) -> bool:
    return bool(index.source.get("kind") == REFERENCE)


class Finder:
    """Searches one catalog's index (its stored values, ids and numbers)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.occurrences = Occurrences(index)
        self._normaliser: Any = None
        self._normal: dict[str, str] = {}

    @property
    def normalise(self) -> Any:
        if self._normaliser is None:
            self._normaliser = normaliser_for(self.index.script)
        return self._normaliser

    def search(
        self,
        query: str,
        units: Sequence[str] = (),
        minimum: float | None = None,
        maximum: float | None = None,
        limit: int = 0,
    ) -> Found:
        """Facts matching every word of the query, best first; ties keep catalog order.

        Ranking and the total are computed by SQLite; only the hits returned
        are read and checked against their facts.
        """
        terms = parse_query(query, self.normalise)
        self.index.query("DROP TABLE IF EXISTS temp.m")
        self.index.query("CREATE TEMP TABLE m(t INT, vid INT, w INT)")
        arms, params, chosen, joined = self._plan(terms)
        unfiltered = not units and minimum is None and maximum is None
        if len(terms) == 1 and not joined and not arms and limit and unfiltered:
            total, page = by_tiers(self.index, chosen, limit)
            return Found(total, self._checked_hits(iter(page), terms, None))
        if chosen:
            try:
                self.index.db.executemany("INSERT INTO temp.m VALUES (?, ?, ?)", chosen)
            except sqlite3.DatabaseError as exc:
                raise IndexDamaged(str(exc)) from exc
            arms.append("SELECT m.t, p.fact, m.w FROM temp.m m JOIN post p ON p.vid = m.vid")
        if not arms:
            return Found(0, iter(()))
        join, filter_params = filter_join(units, minimum, maximum)
        sql = ranked_sql(arms, len(terms), bool(joined), join)
        try:
            cursor = self.index.db.execute(sql, [*params, *filter_params, limit or -1])
            first = cursor.fetchone()
        except sqlite3.DatabaseError as exc:
            if over_sqlite_limits(exc):  # the query, not the index: never rebuild for it
                raise query_too_long(len(terms)) from None
            raise IndexDamaged(str(exc)) from exc
        total = int(first[2]) if first else 0
        rows = itertools.chain([first] if first else [], cursor)
        return Found(total, self._checked_hits(rows, terms, joined))

    def _plan(self, terms: Sequence[Term]) -> Plan:
        """Where each term is looked for: its number, the ids, the stored values; and the
        words joined, looked for in the pinyin fields (term -1) and initials (term -2)."""
        arms: list[str] = []
        params: list[Any] = []
        chosen: list[tuple[int, int, int]] = []
        occurrences = self.occurrences
        for t, term in enumerate(terms):
            if term.number is not None and not term.phrase:
                kinds = "0,1,2" if term.text.isdigit() else "0"
                arms.append(f"SELECT {t}, fact, 8 FROM nums WHERE key = ? AND kind IN ({kinds})")
                params.append(number_token(term.number))
            if not term.as_text:
                continue
            for needle in term.needles:
                chosen.extend((t, vid, FIELD_WEIGHTS[FIELDS[field]]) for vid, field in
                              occurrences.values_with(needle))  # fmt: skip
                if set(needle) <= ID_CHARS:
                    arms.append(occurrences.id_arm(t, needle))
                    params.extend(occurrences.id_params(needle))
        joined = joined_pinyin(terms)
        if joined:
            for vid, field in occurrences.values_with(joined, ("pinyin", "initials")):
                chosen.append((-1 if FIELDS[field] == "pinyin" else -2, vid, 1))
        return arms, params, chosen, joined

    def _checked_hits(
        self, rows: Iterator[Any], terms: Any, joined: str | None
    ) -> Iterator[tuple[Hit, str]]:
        """Each hit with its fact's JSON, checked against the fact's own fields."""
        while (row := self._next(rows)) is not None:
            position, score = int(row[0]), int(row[1])
            text, pinyin, initials = self.index.fact_row(position)
            record = json.loads(text)
            checked = score_of(record, self.fact_fields(record, pinyin, initials), terms, joined)
            if checked is None or checked[0] != score:
                raise IndexDamaged("a search hit does not match its fact")
            yield Hit(position, score, checked[1]), text

    @staticmethod
    def _next(rows: Iterator[Any]) -> Any:
        try:
            return next(rows, None)
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(str(exc)) from exc

    def fact_fields(
        self, record: dict[str, Any], pinyin: int, initials: int
    ) -> dict[str, tuple[str, str | None]]:
        """A fact's searchable fields, normalised as the index holds them."""
        normalise = self._normalised
        section = record["section"]
        fields: dict[str, tuple[str, str | None]] = {
            "id": (record["id"], None),
            "written": (normalise(record["written"]), None),
            "subject": (normalise(record["subject"]), None),
            "label": (normalise(record["label"]), None),
            "aliases": (normalise(" | ".join(record["aliases"])), None),
            "topic": (normalise(" | ".join(record["topic"])), None),
            "quote": (normalise(record["quote"]), None),
            "section": (normalise(self.index.headings.get(section, section)), None),
            "pinyin": self.index.value(pinyin),
            "initials": self.index.value(initials),
        }
        return fields

    def _normalised(self, text: str) -> str:
        """Normalised text, remembered (shown facts share labels, topics, quotes)."""
        known = self._normal.get(text)
        if known is None:
            if len(self._normal) >= MEMO_SIZE:
                self._normal.clear()
            known = self._normal[text] = self.normalise(text)
        return known
