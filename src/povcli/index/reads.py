"""Reading one catalog's index: each fact row and stored value checked against its CRC-32
as it is read, and SQLite's own "malformed" errors taken as damage."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from povcli.errors import PovcliError, did_you_mean, require_choice
from povcli.units import UNITS

# texts remembered while building and reading (normalised forms, readings, stored values)
MEMO_SIZE = 50000


class IndexDamaged(Exception):
    """The index file does not hold what it claims: rebuild it."""


class IndexReads:
    """The SQL reads of one catalog's index: facts by id, position or filter, stored
    values, ids to suggest and the "did you mean" vocabulary, each checked."""

    def __init__(self, connection: sqlite3.Connection, cid: int, data: dict[str, Any]) -> None:
        self.db = connection
        self.cid = cid
        self.data = data
        self.count: int = data["count"]
        self._values: dict[int, tuple[str, str | None]] = {}

    def checked(self, text: Any, crc: Any, extra: str = "") -> str:
        if not isinstance(text, str) or zlib.crc32((text + extra).encode("utf-8")) != crc:
            raise IndexDamaged("a fact's checksum does not match")
        return text

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(str(exc)) from exc

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        try:
            yield from self.db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(str(exc)) from exc

    def _fact_text(self, row: Any) -> str:
        return self.checked(row[0], row[1], f"\x1f{row[2]}\x1f{row[3]}")

    def fact_json(self, fact_id: str) -> str | None:
        """One fact's JSON (as printed), by id; ids are lower case, so POOR-POPULATION
        finds poor-population."""
        text = self._fact_json(fact_id)
        if text is None and fact_id.lower() != fact_id:
            text = self._fact_json(fact_id.lower())
        return text

    def _fact_json(self, fact_id: str) -> str | None:
        rows = self.query(
            "SELECT json, crc, pinyin, initials, id FROM facts WHERE catalog = ? AND id = ?",
            (self.cid, fact_id),
        )
        if not rows:
            # not in the id index: make sure the table agrees (a damaged index
            # entry must not turn into "no such fact"); a scan, on this path only
            scan = self.query(
                "SELECT count(*) FROM facts NOT INDEXED WHERE catalog = ? AND id = ?",
                (self.cid, fact_id),
            )
            if scan != [(0,)]:
                raise IndexDamaged("the id index lacks a fact the table holds")
            return None
        text = self._fact_text(rows[0])
        if json.loads(text).get("id") != rows[0][4]:
            raise IndexDamaged("a fact row does not hold its id")
        return text

    def fact(self, position: int) -> dict[str, Any]:
        """One fact as a record, by its position (fid)."""
        rows = self.query(
            "SELECT json, crc, pinyin, initials FROM facts WHERE fid = ?", (position,)
        )
        if not rows:
            raise IndexDamaged(f"no fact at {position}")
        record: dict[str, Any] = json.loads(self._fact_text(rows[0]))
        return record

    def facts_json(self, start: int = 0) -> Iterator[str]:
        """Every fact's JSON in catalog order."""
        for row in self.rows(
            "SELECT json, crc, pinyin, initials FROM facts NOT INDEXED WHERE catalog = ?"
            " ORDER BY fid LIMIT -1 OFFSET ?",
            (self.cid, start),
        ):
            yield self._fact_text(row)

    def ids_like(self, fact_id: str) -> list[str]:
        """Fact ids to suggest for a mistyped one (a bounded set on big catalogs)."""
        if self.count <= 20000:
            rows = self.query("SELECT id FROM facts WHERE catalog = ?", (self.cid,))
        else:
            prefix = fact_id[:3]
            rows = self.query(
                "SELECT id FROM facts WHERE catalog = ? AND id >= ? AND id < ? LIMIT 20000",
                (self.cid, prefix, prefix + "\U0010ffff"),
            )
        return [str(row[0]) for row in rows]

    def ids_starting(self, prefix: str, limit: int = 1000) -> list[str]:
        """Fact ids beginning with `prefix`, in catalog order (shell completion)."""
        rows = self.query(
            "SELECT id FROM facts WHERE catalog = ? AND id >= ? AND id < ? ORDER BY fid LIMIT ?",
            (self.cid, prefix, prefix + "\U0010ffff", limit),
        )
        return [str(row[0]) for row in rows if str(row[0]).startswith(prefix)]

    def missing_fact(self, fact_id: str) -> PovcliError:
        hint = did_you_mean(fact_id.lower(), self.ids_like(fact_id.lower()))
        hint = hint or "list the ids: povcli list"
        return PovcliError(f"no fact with id {fact_id!r}", hint=hint)

    def select(
        self,
        sections: Sequence[str] = (),
        topics: Sequence[str] = (),
        units: Sequence[str] = (),
        limit: int = 0,
    ) -> Iterator[str]:
        """The JSON of facts matching every filter (several values of one mean "any of").

        The filters are checked against what the catalog knows at once; the
        facts are read as the result is consumed.
        """
        known = self.data
        _known(sections, known["section_ids"], "section")
        _known(topics, known["topics"], "topic")
        # any unit of the vocabulary, as search takes; one the catalog lacks finds nothing
        _known(units, list(UNITS), "unit")
        where = ["catalog = ?"]
        params: list[Any] = [self.cid]
        for column, values in (("section", sections), ("unit", units)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        if topics:
            marks = ",".join("?" * len(topics))
            where.append(f"fid IN (SELECT fact FROM topics WHERE topic IN ({marks}))")
            params.extend(topics)
        # unfiltered: the table itself in rowid order, so that damage in an index
        # of it (a row listed twice, or not at all) cannot change what is listed
        table = "facts" if len(where) > 1 else "facts NOT INDEXED"
        sql = (
            f"SELECT json, crc, pinyin, initials, section, unit, fid FROM {table} WHERE "
            + " AND ".join(where)
            + " ORDER BY fid LIMIT ?"
        )
        return self._selected(sql, [*params, limit or -1], sections, units)

    def _selected(
        self, sql: str, params: list[Any], sections: Sequence[str], units: Sequence[str]
    ) -> Iterator[str]:
        previous = 0
        for row in self.rows(sql, params):
            text = self._fact_text(row)
            if (sections and row[4] not in sections) or (units and row[5] not in units):
                raise IndexDamaged("a fact row does not match its filter")
            if row[6] <= previous:  # in catalog order, each once
                raise IndexDamaged("a fact row is listed out of order")
            previous = row[6]
            yield text

    def value(self, vid: int) -> tuple[str, str | None]:
        """A stored value and its syllable marks, checked; remembered for the run."""
        if vid in self._values:
            return self._values[vid]
        rows = self.query("SELECT text, marks, crc FROM vals WHERE vid = ?", (vid,))
        if not rows:
            raise IndexDamaged(f"no value {vid}")
        text, marks, crc = rows[0]
        if len(self._values) >= MEMO_SIZE:
            self._values.clear()
        self._values[vid] = (self.checked(text, crc, marks or ""), marks)
        return self._values[vid]

    def fact_row(self, position: int) -> tuple[str, int, int]:
        rows = self.query(
            "SELECT json, crc, pinyin, initials FROM facts WHERE fid = ? AND catalog = ?",
            (position, self.cid),
        )
        if not rows:
            raise IndexDamaged(f"no fact at {position}")
        return self._fact_text(rows[0]), int(rows[0][2]), int(rows[0][3])

    def vocabulary(self) -> list[str]:
        """The catalog's English words and pinyin syllables (for "did you mean")."""
        rows = self.query("SELECT words, crc FROM vocab")
        if len(rows) != 1:
            raise IndexDamaged("the vocabulary is missing")
        return self.checked(rows[0][0], rows[0][1]).split("\n")


def _known(wanted: Sequence[str], known: Sequence[str], what: str) -> None:
    """Each wanted value checked against what the catalog knows."""
    for value in wanted:
        require_choice(value, known, what)
