"""The catalog index: one SQLite file per catalog, behind every command.

Built once per catalog content and povcli version, in the cache folder, into
a temporary file renamed into place; found again from the catalog's size,
modification time and inode, so a warm run never reads the YAML (its content
hash is computed only when those change). Facts are rows holding the JSON
the commands print; search runs through an FTS5 trigram table for terms of
three or more characters and a side table of 1- and 2-character grams for
shorter ones (FTS5 trigram MATCH finds nothing below three characters).

Searchable values are stored once however many facts share them (a section
heading, a topic list, a quote several figures come from), with a posting
list from value to facts; ids and numbers are indexed per fact.

A damaged index never yields wrong rows: every fact row and stored value
carries a CRC-32 checked when it is read, every search hit that is shown is
re-checked against its fact's own (checked) fields, and SQLite's own
"malformed" errors count as damage. Damage found before any output is
repaired by rebuilding; found half-way through streamed output, the index
is removed and the command fails with one line.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from povcli import __version__
from povcli.errors import PovcliError, did_you_mean, require_choice
from povcli.index.cache import Stamp, _connect_read_only, index_path
from povcli.model import confined_path
from povcli.search.rules import (
    Hit,
)
from povcli.units import UNITS

# 2: the vocabulary (did you mean), pinyin apart at punctuation; 3: Chinese words with their
# readings in it; ids matched from a word's start; 4: the change time stamped
FORMAT = 4
APPLICATION_ID = 0x706F7663  # "povc"
# nums.kind: a number of the fact, a run of digits in its id, in its period
NUMBER, ID_DIGITS, PERIOD_DIGITS = 0, 1, 2
# streamed output: records read (and checked) before the first is printed
READ_AHEAD = 1000
# texts remembered while building (normalised forms, readings of quotes)
MEMO_SIZE = 50000


class IndexDamaged(Exception):
    """The index file does not hold what it claims: rebuild it."""


class IndexUnavailable(PovcliError):
    """SQLite without FTS5: povcli cannot index."""


_FTS5: list[bool] = []


def require_fts5() -> None:
    """FTS5 is compiled into the Python builds we target; say so clearly when not."""
    if not _FTS5:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
            _FTS5.append(True)
        except sqlite3.OperationalError:
            _FTS5.append(False)
        finally:
            connection.close()
    if not _FTS5[0]:
        raise IndexUnavailable(
            f"this Python's SQLite ({sqlite3.sqlite_version}) lacks FTS5 with the trigram"
            " tokenizer, which povcli's index needs",
            hint="use a Python built with SQLite 3.34 or later and FTS5 (python.org and most"
            " distributions ship it)",
        )


# ----------------------------------------------------------------- the index


@dataclass
class Found:
    """Search results, best first, each with its fact's JSON, and how many match in all."""

    total: int
    hits: Iterator[tuple[Hit, str]]


class Index:
    """An open index: one catalog's facts, checks and search tables."""

    def __init__(self, connection: sqlite3.Connection, catalog_path: Path, row: Any) -> None:
        self.db = connection
        self.catalog_path = catalog_path
        self.cid = int(row[0])
        data = json.loads(row[7])
        self.data: dict[str, Any] = data
        self.script: dict[str, str] = data["script"]
        self.count: int = data["count"]
        self.headings: dict[str, str] = data["headings"]
        self._values: dict[int, tuple[str, str | None]] = {}
        self.finder: object = None  # povcli.index.find.Finder, made when a search needs it
        self.built = False  # built by this run (and kept in the cache)

    @classmethod
    def open(
        cls,
        target: Path,
        catalog_path: Path,
        stamp: Stamp | None = None,
        key: str | None = None,
        connection: sqlite3.Connection | None = None,
    ) -> Index | None:
        """The index in `target` if it is sound and of this catalog (by metadata or key)."""
        try:
            if connection is None:
                if not target.is_file():
                    return None
                connection = _connect_read_only(target)
            head = connection.execute("PRAGMA application_id").fetchone()
            version = connection.execute("PRAGMA user_version").fetchone()
            if head != (APPLICATION_ID,) or version != (FORMAT,):
                connection.close()
                return None
            row = connection.execute(
                "SELECT cid, path, size, mtime_ns, ino, dev, content, data, crc, ctime_ns"
                " FROM catalogs"
            ).fetchone()
            if row is None or zlib.crc32(row[7].encode("utf-8")) != row[8]:
                connection.close()
                return None
            same = row[1] == str(catalog_path) and (
                (stamp is not None and (*row[2:6], row[9]) == tuple(stamp))
                or (key is not None and row[6] == key)
            )
            if not same or json.loads(row[7]).get("version") != __version__:
                connection.close()
                return None
            return cls(connection, catalog_path, row)
        except (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError, OSError):
            if connection is not None:
                connection.close()
            return None

    def restamp(self, target: Path, stamp: Stamp) -> None:
        """Record the catalog's new metadata after its content was found unchanged."""
        with contextlib.suppress(sqlite3.Error, OSError):
            writer = sqlite3.connect(str(target), timeout=1)
            try:
                # no journal: a journal left by a killed run would be "rolled back"
                # into whatever index is later renamed to this name
                writer.execute("PRAGMA journal_mode=OFF")
                with writer:
                    writer.execute(
                        "UPDATE catalogs SET size=?, mtime_ns=?, ino=?, dev=?, ctime_ns=?"
                        " WHERE cid=?",
                        (*stamp, self.cid),
                    )
            finally:
                writer.close()

    # ------------------------------------------------------------- facts

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

    def guarded(self, items: Iterable[str]) -> Iterator[str]:
        """Streamed output: damage found after the first item was printed cannot be
        repaired by running again silently; the index is removed and the command fails."""
        shown = 0
        iterator = iter(items)
        # the first records are read before any is printed: damage among them
        # (all of a small catalog's) is repaired by rebuilding, unseen
        ahead = list(itertools.islice(iterator, READ_AHEAD))
        try:
            for item in itertools.chain(ahead, iterator):
                yield item
                shown += 1
        except IndexDamaged:
            if not shown:
                raise
            self.discard()
            raise PovcliError(
                f"the index of {self.catalog_path} was found damaged after {shown} records"
                " were printed; it has been removed",
                hint="run the command again",
            ) from None

    def discard(self) -> None:
        """Remove this catalog's index file (the next run rebuilds it)."""
        self.close()
        with contextlib.suppress(OSError):
            index_path(self.catalog_path).unlink()

    def validation_problem(self) -> str | None:
        """The first problem `validate` found in this catalog when the index was built,
        or None: `verify` refuses what `validate` rejects without validating every run."""
        problem = self.data.get("validation")
        return problem if isinstance(problem, str) else None

    def info(self, version: str) -> dict[str, Any]:
        """Version, the catalog, its source and what it holds."""
        source = self.source
        text = source.get("text")
        # a source text outside the catalog's folder is an error here too, as everywhere
        text_path = confined_path(self.catalog_path, text) if isinstance(text, str) else None
        return {
            "version": version,
            "catalog": str(self.catalog_path),
            "source_text": str(text_path.resolve()) if text_path else None,
            "title": source.get("title"),
            "title_en": source.get("title_en"),
            "publisher": source.get("publisher"),
            "date": source.get("date"),
            "author": source.get("author"),
            "facts": self.count,
            "checks": len(self.checks),
            "units": self.data["unit_counts"],
            "sections": self.data["section_counts"],
        }

    @property
    def source(self) -> dict[str, Any]:
        source: dict[str, Any] = decode_tagged(self.data["source"])
        return source

    @property
    def checks(self) -> list[dict[str, Any]]:
        checks: list[dict[str, Any]] = decode_tagged(self.data["checks"])
        return checks

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

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()


def _known(wanted: Sequence[str], known: Sequence[str], what: str) -> None:
    """Each wanted value checked against what the catalog knows."""
    for value in wanted:
        require_choice(value, known, what)


# ----------------------------------------------------------------- tagged JSON


def encode_tagged(value: Any) -> Any:
    """YAML data as JSON that decodes back to the same Python values (dates, non-text keys)."""
    import datetime

    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and not (
            len(value) == 1 and next(iter(value)).startswith("$")
        ):
            return {k: encode_tagged(v) for k, v in value.items()}
        return {"$map": [[encode_tagged(k), encode_tagged(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple):
        return [encode_tagged(v) for v in value]
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, bytes):
        import base64

        return {"$bytes": base64.b64encode(value).decode("ascii")}
    return value


def decode_tagged(value: Any) -> Any:
    if isinstance(value, list):
        return [decode_tagged(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            tag, inner = next(iter(value.items()))
            if tag == "$map":
                return {_hashable(decode_tagged(k)): decode_tagged(v) for k, v in inner}
            if tag in ("$date", "$datetime"):
                import datetime

                kind = datetime.date if tag == "$date" else datetime.datetime
                return kind.fromisoformat(inner)
            if tag == "$bytes":
                import base64

                return base64.b64decode(inner)
        return {k: decode_tagged(v) for k, v in value.items()}
    return value


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
