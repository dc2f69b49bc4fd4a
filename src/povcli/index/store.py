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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from povcli import __version__
from povcli.errors import PovcliError
from povcli.files import confined_path
from povcli.index.cache import Stamp, connect_read_only, index_path
from povcli.index.reads import IndexDamaged, IndexReads
from povcli.index.tables import APPLICATION_ID, FORMAT
from povcli.index.tagged import decode_tagged

# streamed output: records read (and checked) before the first is printed
READ_AHEAD = 1000


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


class Index(IndexReads):
    """An open index: one catalog's facts, checks and search tables; its reads are those
    of `IndexReads`, this class holds what the catalog's own row says and the file's life."""

    def __init__(
        self, connection: sqlite3.Connection, catalog_path: Path, row: Any, data: Any = None
    ) -> None:
        data = json.loads(row[7]) if data is None else data
        super().__init__(connection, int(row[0]), data)
        self.catalog_path = catalog_path
        self.content_key = str(row[6])  # the catalog's content hash (`cache.content_key`)
        self.script: dict[str, str] = data["script"]
        self.headings: dict[str, str] = data["headings"]
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
                connection = connect_read_only(target)
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
            data = json.loads(row[7]) if same else None
            if data is None or data.get("version") != __version__:
                connection.close()
                return None
            return cls(connection, catalog_path, row, data)
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

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
