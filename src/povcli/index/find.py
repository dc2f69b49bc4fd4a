"""Search through an index: a query's terms found in the stored values, ranked by SQLite.

The query rules (what a term is, which fields weigh what, what a match is) are in
`povcli.search`; this module turns them into SQL over one catalog's index, checks
every hit against its fact, and says why a query found nothing.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from povcli.errors import PovcliError
from povcli.index.indexed import IndexedCatalog
from povcli.index.library import Library
from povcli.index.store import MEMO_SIZE, Found, Index, IndexDamaged
from povcli.model import REFERENCE
from povcli.search.query import (
    Term,
    joined_pinyin,
    normaliser_for,
    number_token,
    parse_query,
    query_too_long,
    score_of,
)
from povcli.search.rules import (
    FIELD_WEIGHTS,
    FIELDS,
    ID_CHARS,
    VALUE_FIELDS,
    Hit,
    _fts_phrase,
    contains,
    english_word,
)

if TYPE_CHECKING:
    from povcli.search.suggest import Vocabulary


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
        arms: list[str] = []
        params: list[Any] = []
        chosen: list[tuple[int, int, int]] = []
        for t, term in enumerate(terms):
            if term.number is not None and not term.phrase:
                kinds = "0,1,2" if term.text.isdigit() else "0"
                arms.append(f"SELECT {t}, fact, 8 FROM nums WHERE key = ? AND kind IN ({kinds})")
                params.append(number_token(term.number))
            if not term.as_text:
                continue
            for needle in term.needles:
                chosen.extend((t, vid, FIELD_WEIGHTS[FIELDS[field]]) for vid, field in
                              self._values_with(needle))  # fmt: skip
                if set(needle) <= ID_CHARS:
                    arms.append(self._id_arm(t, needle))
                    params.extend(self._id_params(needle))
        joined = joined_pinyin(terms)
        if joined:
            for vid, field in self._values_with(joined, ("pinyin", "initials")):
                chosen.append((-1 if FIELDS[field] == "pinyin" else -2, vid, 1))
        unfiltered = not units and minimum is None and maximum is None
        if len(terms) == 1 and not joined and not arms and limit and unfiltered:
            return self._by_tiers(chosen, limit, terms)
        if chosen:
            try:
                self.index.db.executemany("INSERT INTO temp.m VALUES (?, ?, ?)", chosen)
            except sqlite3.DatabaseError as exc:
                raise IndexDamaged(str(exc)) from exc
            arms.append("SELECT m.t, p.fact, m.w FROM temp.m m JOIN post p ON p.vid = m.vid")
        if not arms:
            return Found(0, iter(()))
        filters: list[str] = []
        filter_params: list[Any] = []
        if units:
            filters.append(f"f.unit IN ({','.join('?' * len(units))})")
            filter_params.extend(units)
        if minimum is not None:
            filters.append("f.value >= ?")
            filter_params.append(minimum)
        if maximum is not None:
            filters.append("f.value <= ?")
            filter_params.append(maximum)
        join = (" JOIN facts f ON f.fid = a.fact AND " + " AND ".join(filters)) if filters else ""
        n = len(terms)
        hits = f"WITH hits(t, fact, w) AS ({' UNION ALL '.join(arms)})"
        if n == 1 and not joined:  # one term: a fact scores its best field's weight
            sql = (
                f"{hits} SELECT a.fact, max(a.w) AS score, count(*) OVER () FROM hits a{join}"
                " GROUP BY a.fact ORDER BY score DESC, a.fact LIMIT ?"
            )
        else:  # every term's best field, plus one for each reading of the joined words;
            # facts holding the words as one pinyin word (光伏 for guang fu) come first
            sql = (
                f"{hits}, per AS (SELECT fact, t, max(w) AS w FROM hits GROUP BY fact, t),"
                " agg AS (SELECT fact, sum(w) FILTER (WHERE t >= 0) AS s,"
                " count(*) FILTER (WHERE t >= 0) AS n, count(*) FILTER (WHERE t < 0) AS j"
                " FROM per GROUP BY fact)"
                f" SELECT a.fact, CASE WHEN a.n = {n} THEN a.s + a.j ELSE {n} + a.j - 1 END"
                f" AS score, count(*) OVER () FROM agg a{join} WHERE a.n = {n} OR a.j > 0"
                " ORDER BY a.j > 0 DESC, score DESC, a.fact LIMIT ?"
            )
        try:
            cursor = self.index.db.execute(sql, [*params, *filter_params, limit or -1])
            first = cursor.fetchone()
        except sqlite3.DatabaseError as exc:
            if _over_sqlite_limits(exc):  # the query, not the index: never rebuild for it
                raise query_too_long(len(terms)) from None
            raise IndexDamaged(str(exc)) from exc
        total = int(first[2]) if first else 0
        rows = itertools.chain([first] if first else [], cursor)
        return Found(total, self._checked_hits(rows, terms, joined))

    def _by_tiers(self, chosen: list[tuple[int, int, int]], limit: int, terms: Any) -> Found:
        """One word found only in stored values (光伏): the best-ranked facts tier by
        tier (a fact scores its best field), each tier in catalog order, and the
        number of facts; cheaper than ranking every match when only a page is shown."""
        tiers: dict[int, list[int]] = {}
        for _, vid, weight in chosen:
            tiers.setdefault(weight, []).append(vid)
        if not tiers:
            return Found(0, iter(()))
        every = ",".join(str(vid) for vids in tiers.values() for vid in vids)
        rows: list[tuple[int, int, int]] = []
        total = self.index.query(f"SELECT count(DISTINCT fact) FROM post WHERE vid IN ({every})")[
            0
        ][0]
        higher: list[int] = []
        for weight in sorted(tiers, reverse=True):
            vids = ",".join(str(vid) for vid in tiers[weight])
            above = ",".join(str(vid) for vid in higher)
            unless = (
                f" AND NOT EXISTS (SELECT 1 FROM post q WHERE q.vid IN ({above})"
                " AND q.fact = p.fact)"
                if higher
                else ""
            )
            found = self.index.query(
                f"SELECT DISTINCT p.fact FROM post p WHERE p.vid IN ({vids}){unless}"
                " ORDER BY p.fact LIMIT ?",
                (limit - len(rows),),
            )
            rows.extend((int(fact), weight, int(total)) for (fact,) in found)
            higher.extend(tiers[weight])
            if len(rows) >= limit:
                break
        return Found(int(total), self._checked_hits(iter(rows), terms, None))

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

    def vocabulary(self) -> list[str]:
        """The catalog's English words and pinyin syllables (for "did you mean")."""
        rows = self.index.query("SELECT words, crc FROM vocab")
        if len(rows) != 1:
            raise IndexDamaged("the vocabulary is missing")
        return self.index.checked(rows[0][0], rows[0][1]).split("\n")

    def has_term(self, term: Any) -> bool:
        """Whether any fact holds the term on its own (a word of a query that found nothing)."""
        if term.number is not None and not term.phrase:
            key = number_token(term.number)
            if self.index.query("SELECT 1 FROM nums WHERE key = ? LIMIT 1", (key,)):
                return True
        if not term.as_text:
            return False
        for needle in term.needles:
            if self._values_with(needle):
                return True
            if set(needle) <= ID_CHARS:
                sql = f"SELECT 1 FROM ({self._id_arm(0, needle)}) LIMIT 1"
                if self.index.query(sql, self._id_params(needle)):
                    return True
        return False

    def _id_arm(self, t: int, text: str) -> str:
        # an English word of an id from a word's start, as `occurrences` has it: ids are
        # kebab-case, so a word starts the id or follows a hyphen
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

    def _id_params(self, text: str) -> list[str]:
        """The parameters of `_id_arm`, in its order."""
        found = [text, text] if english_word(text) else [text]
        return [_fts_phrase(text), *found] if len(text) >= 3 else found

    def _values_with(
        self, needle: str, fields: Sequence[str] = VALUE_FIELDS
    ) -> list[tuple[int, int]]:
        """Stored values (vid, field) that hold the needle, each checked."""
        if len(needle) >= 3:
            sql = (
                "SELECT v.vid, v.field, v.text, v.marks, v.crc FROM vals_tri"
                " JOIN vals v ON v.vid = vals_tri.rowid WHERE vals_tri MATCH ?"
            )
            param = _fts_phrase(needle)
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

    def _normalised(self, text: str) -> str:
        """Normalised text, remembered (shown facts share labels, topics, quotes)."""
        known = self._normal.get(text)
        if known is None:
            if len(self._normal) >= MEMO_SIZE:
                self._normal.clear()
            known = self._normal[text] = self.normalise(text)
        return known


def _over_sqlite_limits(exc: sqlite3.DatabaseError) -> bool:
    """A statement SQLite refuses for its size (a query of many words and spellings)."""
    message = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and message.startswith(
        ("too many terms in compound SELECT", "Expression tree is too large", "too many SQL")
    )


# ----------------------------------------------------------------- when nothing matches


class NoMatch(NamedTuple):
    """Why a query found no fact: the message, a hint, and the article's paragraph
    that mentions it (its number and text) when it is a phrase of the article."""

    message: str
    hint: str | None = None
    paragraph: tuple[int, str] | None = None


def no_match(library: Library, query: str, filtered: bool = False) -> NoMatch:
    """What to tell a user whose query found nothing in the library's catalogs
    (`filtered`: with --unit, --min or --max).

    Facts the filters left out are counted; a phrase of an article that no
    fact holds is named as such, with its paragraph; a word no fact holds
    gets "did you mean" from the indexes' vocabularies: English words and
    pinyin (guangfo → guangfu), and for a Chinese word the catalogs' words of
    the same or a close reading (光副 → 光伏).
    """
    message = f"no facts match {query!r}"
    indexes = [index for _, index in library.items()]
    if filtered:
        unfiltered = sum(find(index, query, limit=1).total for index in indexes)
        if unfiltered:
            return NoMatch(message, f"{unfiltered} match without --unit, --min and --max")
    first = finder(indexes[0])
    terms = parse_query(query, first.normalise)
    for index in indexes:
        if is_reference(index):
            continue
        mention = article_mention(index, parse_query(query, finder(index).normalise))
        if mention is not None:
            return NoMatch(
                f"{message}: not a statistic; the article mentions it in paragraph {mention[0]}",
                paragraph=mention,
            )
    hints = []
    vocabulary: Vocabulary | None = None
    for term in terms:
        if term.number is not None and not term.numeral:
            continue
        if any(finder(index).has_term(term) for index in indexes):
            continue
        if vocabulary is None:
            from povcli.search.suggest import Vocabulary  # a failed search only

            vocabulary = Vocabulary([finder(index).vocabulary() for index in indexes])
        hint = vocabulary.suggest(term.text)
        if hint:
            hints.append(hint)
    return NoMatch(message, "; ".join(hints) or None)


def article_mention(index: Index, terms: Sequence[Term]) -> tuple[int, str] | None:
    """The first paragraph of the article holding every word of a query of words (none a
    number), as (its number counting from 1, its text); None if none or no article."""
    if any(not term.as_text for term in terms):
        return None
    try:
        text = IndexedCatalog(index).source_text()
    except PovcliError:
        return None  # no article to look in: the bare message
    normalise = finder(index).normalise
    if all(needle.isascii() for term in terms for needle in term.needles):
        # script conversion makes no Latin letter: the article needs no OpenCC then
        def normalise(paragraph: str) -> str:
            return unicodedata.normalize("NFKC", paragraph).casefold()

    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    for number, paragraph in enumerate(paragraphs, start=1):
        normal = normalise(paragraph)
        if all(any(contains(normal, needle, None) for needle in term.needles) for term in terms):
            return number, paragraph
    return None
