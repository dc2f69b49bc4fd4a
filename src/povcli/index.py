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
import os
import re
import sqlite3
import stat
import sys
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple

from povcli import __version__
from povcli.errors import CatalogError, PovcliError, did_you_mean, require_choice
from povcli.locate import MAX_INDEXED_BYTES, file_kind
from povcli.units import UNITS

FORMAT = 2  # 2: the vocabulary (did you mean), pinyin apart at punctuation
APPLICATION_ID = 0x706F7663  # "povc"
# Search fields by rank: an id or number match outranks subject and label,
# which outrank the quote, which outranks pinyin.
FIELD_WEIGHTS: dict[str, int] = {
    "id": 8,
    "number": 8,
    "written": 8,
    "subject": 4,
    "label": 4,
    "aliases": 4,
    "topic": 4,
    "quote": 2,
    "section": 2,
    "pinyin": 1,
    "initials": 1,
}
FIELDS = list(FIELD_WEIGHTS)
TEXT_FIELDS = [name for name in FIELD_WEIGHTS if name != "number"]
# fields stored once per distinct value, with postings to their facts
VALUE_FIELDS = [name for name in TEXT_FIELDS if name != "id"]
ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
# nums.kind: a number of the fact, a run of digits in its id, in its period
NUMBER, ID_DIGITS, PERIOD_DIGITS = 0, 1, 2
SYLLABLE_START = "1"
# a catalog modified this recently may change again within the clock's
# resolution: its metadata is not trusted, its content is hashed next time
RACY_SECONDS = 2.0
# temporary files of builds that died (SIGKILL, power loss) are removed after this
STALE_TEMPORARY_SECONDS = 24 * 3600
# indexes of other povcli versions are removed once unused this long
OTHER_VERSION_SECONDS = 7 * 24 * 3600
BATCH = 5000
# streamed output: records read (and checked) before the first is printed
READ_AHEAD = 1000
# texts remembered while building (normalised forms, readings of quotes)
MEMO_SIZE = 50000
# "did you mean": the words of these fields (English words, pinyin syllables), at most so many
VOCABULARY_FIELDS = ("label", "aliases", "topic", "pinyin")
MAX_VOCABULARY = 200000
WORD = r"[a-z]+"  # compiled by `re` when an index is built

SCHEMA = """
CREATE TABLE catalogs(
    cid INTEGER PRIMARY KEY, path TEXT NOT NULL, size INT, mtime_ns INT, ino INT, dev INT,
    content TEXT NOT NULL, data TEXT NOT NULL, crc INT NOT NULL);
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


class IndexDamaged(Exception):
    """The index file does not hold what it claims: rebuild it."""


class IndexUnavailable(PovcliError):
    """SQLite without FTS5: povcli cannot index."""


# ----------------------------------------------------------------- where


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/povcli, else the platform's usual cache folder.

    A relative $XDG_CACHE_HOME is ignored, as the XDG spec says.
    """
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "povcli"
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "povcli"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", home)) / "povcli" / "Cache"
    return home / ".cache" / "povcli"


def index_path(catalog_path: Path) -> Path:
    """The index file of a catalog: one per catalog path and povcli version."""
    name = str(catalog_path).encode("utf-8", "surrogateescape")
    key = f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}"
    return cache_dir() / f"index-{__version__}-{key}.sqlite"


class Stamp(NamedTuple):
    """What identifies a catalog file's content without reading it."""

    size: int
    mtime_ns: int
    ino: int
    dev: int


def stamp_of(result: os.stat_result) -> Stamp:
    return Stamp(result.st_size, result.st_mtime_ns, result.st_ino, result.st_dev)


def catalog_stamp(path: Path) -> Stamp:
    """The catalog's metadata, with one clear error for each way it can be unusable."""
    try:
        result = os.stat(path)
    except (FileNotFoundError, ValueError):  # ValueError: a NUL in the name
        raise CatalogError(f"catalog not found: {path}") from None
    except OSError as exc:
        raise CatalogError(f"cannot read catalog {path}: {exc.strerror}") from None
    if stat.S_ISDIR(result.st_mode):
        raise CatalogError(f"catalog is a folder, not a file: {path}")
    if not stat.S_ISREG(result.st_mode):
        raise CatalogError(f"catalog is not a regular file: {path} ({file_kind(result.st_mode)})")
    if result.st_size > MAX_INDEXED_BYTES:
        raise CatalogError(f"catalog is too large ({result.st_size} bytes): {path}")
    return stamp_of(result)


def content_key(handle: IO[bytes], path: Path) -> str:
    """The content hash of an open catalog (CRC-32 and Adler-32 with the length).

    A guard against stale indexes, not against forgery (the cache folder is
    the user's own). Read in chunks; checks on the way that the file is
    UTF-8, not empty and within the size limit.
    """
    import codecs

    crc, adler, size = 0, 1, 0
    blank = True
    decoder = codecs.getincrementaldecoder("utf-8")()
    while chunk := handle.read(1 << 20):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError:
            _not_utf8(handle, path)
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
        size += len(chunk)
        blank = blank and chunk.isspace()
        if size > MAX_INDEXED_BYTES:
            raise CatalogError(f"catalog is too large (over {MAX_INDEXED_BYTES} bytes): {path}")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        _not_utf8(handle, path)
    if blank:
        raise CatalogError(f"catalog is empty: {path}")
    return f"{crc:08x}{adler:08x}-{size}"


def _not_utf8(handle: IO[bytes], path: Path) -> None:
    """The decoding error worded as for any catalog (rare: the file is read again)."""
    import codecs

    from povcli.locate import MAX_CATALOG_BYTES, _guess_encoding, decode

    handle.seek(0)
    small = handle.read(MAX_CATALOG_BYTES + 1)
    if len(small) <= MAX_CATALOG_BYTES:
        decode(small, path)  # the same words as for a catalog read in full
    del small
    handle.seek(0)
    first = handle.read(4096)
    handle.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    consumed = 0
    offset = 0
    while True:
        chunk = handle.read(1 << 20)
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            offset = consumed - pending + exc.start
            break
        if not chunk:
            break
        consumed += len(chunk)
    handle.seek(offset)
    byte = handle.read(1)[:1] or b"\x00"
    raise CatalogError(
        f"catalog is not UTF-8 text (byte 0x{byte[0]:02x} at offset {offset})"
        f"{_guess_encoding(first)}: {path}",
        hint="save it as UTF-8",
    )


# ----------------------------------------------------------------- open


def _connect_read_only(path: Path) -> sqlite3.Connection:
    name = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    # autocommit: a reader never holds a lock past its statement
    return sqlite3.connect(f"file:{name}?mode=ro", uri=True, isolation_level=None)


def open_index(catalog_path: Path, rebuild: bool = False) -> Index:
    """The index of a catalog: the cached one when it holds this content, else built."""
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
        return build_index(handle, catalog_path, stamp, key, target, racy)


def _racy(stamp: Stamp) -> bool:
    return time.time() - stamp.mtime_ns / 1e9 < RACY_SECONDS


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


class Hit(NamedTuple):
    position: int
    score: int
    matched: list[str]


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
        self.content = str(row[6])
        data = json.loads(row[7])
        self.data: dict[str, Any] = data
        self.script: dict[str, str] = data["script"]
        self.count: int = data["count"]
        self.headings: dict[str, str] = data["headings"]
        self._normaliser: Any = None
        self._normal: dict[str, str] = {}
        self._values: dict[int, tuple[str, str | None]] = {}

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
                "SELECT cid, path, size, mtime_ns, ino, dev, content, data, crc FROM catalogs"
            ).fetchone()
            if row is None or zlib.crc32(row[7].encode("utf-8")) != row[8]:
                connection.close()
                return None
            same = row[1] == str(catalog_path) and (
                (stamp is not None and tuple(row[2:6]) == tuple(stamp))
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
                        "UPDATE catalogs SET size=?, mtime_ns=?, ino=?, dev=? WHERE cid=?",
                        (*stamp, self.cid),
                    )
            finally:
                writer.close()

    # ------------------------------------------------------------- facts

    def _checked(self, text: Any, crc: Any, extra: str = "") -> str:
        if not isinstance(text, str) or zlib.crc32((text + extra).encode("utf-8")) != crc:
            raise IndexDamaged("a fact's checksum does not match")
        return text

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(str(exc)) from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        try:
            yield from self.db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(str(exc)) from exc

    def _fact_text(self, row: Any) -> str:
        return self._checked(row[0], row[1], f"\x1f{row[2]}\x1f{row[3]}")

    def fact_json(self, fact_id: str) -> str | None:
        """One fact's JSON (as printed), by id; ids are lower case, so POOR-POPULATION
        finds poor-population."""
        text = self._fact_json(fact_id)
        if text is None and fact_id.lower() != fact_id:
            text = self._fact_json(fact_id.lower())
        return text

    def _fact_json(self, fact_id: str) -> str | None:
        rows = self._query(
            "SELECT json, crc, pinyin, initials, id FROM facts WHERE catalog = ? AND id = ?",
            (self.cid, fact_id),
        )
        if not rows:
            # not in the id index: make sure the table agrees (a damaged index
            # entry must not turn into "no such fact"); a scan, on this path only
            scan = self._query(
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
        rows = self._query(
            "SELECT json, crc, pinyin, initials FROM facts WHERE fid = ?", (position,)
        )
        if not rows:
            raise IndexDamaged(f"no fact at {position}")
        record: dict[str, Any] = json.loads(self._fact_text(rows[0]))
        return record

    def facts_json(self, start: int = 0) -> Iterator[str]:
        """Every fact's JSON in catalog order."""
        for row in self._rows(
            "SELECT json, crc, pinyin, initials FROM facts NOT INDEXED WHERE catalog = ?"
            " ORDER BY fid LIMIT -1 OFFSET ?",
            (self.cid, start),
        ):
            yield self._fact_text(row)

    def ids_like(self, fact_id: str) -> list[str]:
        """Fact ids to suggest for a mistyped one (a bounded set on big catalogs)."""
        if self.count <= 20000:
            rows = self._query("SELECT id FROM facts WHERE catalog = ?", (self.cid,))
        else:
            prefix = fact_id[:3]
            rows = self._query(
                "SELECT id FROM facts WHERE catalog = ? AND id >= ? AND id < ? LIMIT 20000",
                (self.cid, prefix, prefix + "\U0010ffff"),
            )
        return [str(row[0]) for row in rows]

    def ids_starting(self, prefix: str, limit: int = 1000) -> list[str]:
        """Fact ids beginning with `prefix`, in catalog order (shell completion)."""
        rows = self._query(
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
        for row in self._rows(sql, params):
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
        from povcli.catalog import confined_path

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

    def catalog(self) -> Any:
        """A catalog-like object (povcli.indexed.IndexedCatalog) reading through this index."""
        from povcli.indexed import IndexedCatalog

        return IndexedCatalog(self)

    # ------------------------------------------------------------- search

    @property
    def normalise(self) -> Any:
        if self._normaliser is None:
            from povcli.search import normaliser_for

            self._normaliser = normaliser_for(self.script)
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
        from povcli.search import joined_pinyin, number_token, parse_query

        terms = parse_query(query, self.normalise)
        self._query("DROP TABLE IF EXISTS temp.m")
        self._query("CREATE TEMP TABLE m(t INT, vid INT, w INT)")
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
                    params.append(self._id_param(needle))
        joined = joined_pinyin(terms)
        if joined:
            for vid, field in self._values_with(joined, ("pinyin", "initials")):
                chosen.append((-1 if FIELDS[field] == "pinyin" else -2, vid, 1))
        unfiltered = not units and minimum is None and maximum is None
        if len(terms) == 1 and not joined and not arms and limit and unfiltered:
            return self._by_tiers(chosen, limit, terms)
        if chosen:
            try:
                self.db.executemany("INSERT INTO temp.m VALUES (?, ?, ?)", chosen)
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
            cursor = self.db.execute(sql, [*params, *filter_params, limit or -1])
            first = cursor.fetchone()
        except sqlite3.DatabaseError as exc:
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
        total = self._query(f"SELECT count(DISTINCT fact) FROM post WHERE vid IN ({every})")[0][0]
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
            found = self._query(
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
        from povcli.search import score_of

        while (row := self._next(rows)) is not None:
            position, score = int(row[0]), int(row[1])
            text, pinyin, initials = self.fact_row(position)
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
            "section": (normalise(self.headings.get(section, section)), None),
            "pinyin": self.value(pinyin),
            "initials": self.value(initials),
        }
        return fields

    def vocabulary(self) -> list[str]:
        """The catalog's English words and pinyin syllables (for "did you mean")."""
        rows = self._query("SELECT words, crc FROM vocab")
        if len(rows) != 1:
            raise IndexDamaged("the vocabulary is missing")
        return self._checked(rows[0][0], rows[0][1]).split("\n")

    def has_term(self, term: Any) -> bool:
        """Whether any fact holds the term on its own (a word of a query that found nothing)."""
        from povcli.search import number_token

        if term.number is not None and not term.phrase:
            key = number_token(term.number)
            if self._query("SELECT 1 FROM nums WHERE key = ? LIMIT 1", (key,)):
                return True
        if not term.as_text:
            return False
        for needle in term.needles:
            if self._values_with(needle):
                return True
            if set(needle) <= ID_CHARS:
                sql = f"SELECT 1 FROM ({self._id_arm(0, needle)}) LIMIT 1"
                if self._query(sql, (self._id_param(needle),)):
                    return True
        return False

    def _id_arm(self, t: int, text: str) -> str:
        if len(text) >= 3:
            return (
                f"SELECT {t}, f.fid, 8 FROM ids_tri JOIN facts f ON f.fid = ids_tri.rowid"
                " WHERE ids_tri MATCH ?"
            )
        return f"SELECT {t}, fid, 8 FROM facts WHERE instr(id, ?) > 0"

    def _id_param(self, text: str) -> str:
        return _fts_phrase(text) if len(text) >= 3 else text

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
        for vid, field, text, marks, crc in self._query(sql, (param,)):
            self._checked(text, crc, marks or "")
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

    def value(self, vid: int) -> tuple[str, str | None]:
        """A stored value and its syllable marks, checked; remembered for the run."""
        if vid in self._values:
            return self._values[vid]
        rows = self._query("SELECT text, marks, crc FROM vals WHERE vid = ?", (vid,))
        if not rows:
            raise IndexDamaged(f"no value {vid}")
        text, marks, crc = rows[0]
        if len(self._values) >= MEMO_SIZE:
            self._values.clear()
        self._values[vid] = (self._checked(text, crc, marks or ""), marks)
        return self._values[vid]

    def fact_row(self, position: int) -> tuple[str, int, int]:
        rows = self._query(
            "SELECT json, crc, pinyin, initials FROM facts WHERE fid = ? AND catalog = ?",
            (position, self.cid),
        )
        if not rows:
            raise IndexDamaged(f"no fact at {position}")
        return self._fact_text(rows[0]), int(rows[0][2]), int(rows[0][3])

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()


def contains(text: str, needle: str, marks: str | None) -> bool:
    """Whether the needle occurs in the text; in pinyin (with marks), from a syllable's start."""
    at = text.find(needle)
    if marks is None:
        return at != -1
    while at != -1:
        if marks[at : at + 1] == SYLLABLE_START:
            return True
        at = text.find(needle, at + 1)
    return False


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


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
    temporary = _temporary(target)
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
        except (OSError, sqlite3.OperationalError):
            handle.seek(0)  # full disk, quota, a folder made read-only meanwhile
        finally:
            if temporary is not None:
                _remove(temporary)
        index = Index.open(target, catalog_path, key=key)
        if index is not None:
            _prune(target)
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


def _temporary(target: Path) -> Path | None:
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".index-{os.getpid()}-", suffix=".tmp"
        )
        os.close(descriptor)
        return Path(name)
    except OSError:
        return None


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


VALIDATED_BYTES = 8 * 1024 * 1024


def first_validation_problem(catalog_path: Path) -> str | None:
    """What `validate` says first about the catalog, or None.

    Catalogs a person writes are validated in full when their index is built;
    a generated one over VALIDATED_BYTES is checked for its shape only, as
    every build checks it (validating 100,000 facts would triple the build).
    """
    from povcli.validate import validate_catalog

    try:
        if catalog_path.stat().st_size > VALIDATED_BYTES:
            return None
        errors = validate_catalog(catalog_path).errors
    except (OSError, PovcliError):
        return None  # what cannot be read is refused by the build itself
    if not errors:
        return None
    first = errors[0]
    where = f"line {first.line}: " if first.line else ""
    who = f"fact {first.fact_id}: " if first.fact_id else ""
    return f"{where}{who}{first.message}"


def _prune(keep: Path) -> None:
    """Remove what no run will use again: indexes of the old binary format, of
    catalogs that are gone, of other versions unused for a week, and the
    temporary files of builds that were killed."""
    now = time.time()
    try:
        entries = list(os.scandir(keep.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        path = Path(entry.path)
        if path == keep or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if name.startswith("index-") and name.endswith(".bin"):
            doomed = True  # the binary cache of povcli 0.x
        elif name.startswith(".index-") and name.endswith((".tmp", ".tmp-journal")):
            doomed = age > STALE_TEMPORARY_SECONDS or not _alive(name)
        elif name.startswith(f"index-{__version__}-") and name.endswith(".sqlite"):
            doomed = _catalog_gone(path)
        elif name.startswith("index-") and name.endswith(".sqlite"):
            doomed = age > OTHER_VERSION_SECONDS
        else:
            doomed = False
        if doomed:
            with contextlib.suppress(OSError):
                path.unlink()


def _alive(temporary_name: str) -> bool:
    """Whether the process that made a temporary file still runs."""
    try:
        pid = int(temporary_name.split("-")[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _catalog_gone(path: Path) -> bool:
    try:
        connection = _connect_read_only(path)
        try:
            row = connection.execute("SELECT path FROM catalogs").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return True  # not an index we can read: it would be rebuilt anyway
    return row is None or not os.path.exists(row[0])


class _Builder:
    """Rows of one catalog, inserted in batches as the YAML streams past."""

    def __init__(self, db: sqlite3.Connection, catalog_path: Path) -> None:
        from povcli.search import Normaliser

        self.db = db
        self.catalog_path = catalog_path
        self.normalise = Normaliser({})
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
        self.normal: dict[str, str] = {}
        self.readings: dict[str, str] = {}
        self.words: set[str] = set()

    def add(self, item: Any, position: int) -> None:
        from povcli.catalog import Fact, fact_problems

        problems = fact_problems(item, position)
        if problems:
            self.problems += len(problems)
            self.problem = self.problem or problems[0].describe()
            return
        if self.problems:
            return
        fact = Fact.from_dict(item)
        try:
            text = json.dumps(fact.to_dict(), ensure_ascii=False, indent=2)
            numbers = list(number_keys(fact))
        except (ValueError, OverflowError) as exc:
            self.problems += 1
            self.problem = self.problem or f"fact {fact.id}: {exc}"
            return
        self.count += 1
        fid = self.count
        fields = self._fields(fact)
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

    def _fields(self, fact: Any) -> dict[str, str]:
        from povcli.textnorm import initials, pinyin_chars, pinyin_phrase

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

    def _vid(self, name: str, value: str) -> int:
        field = FIELDS.index(name)
        vid = self.vids.get((field, value))
        if vid is None:
            vid = self.vids[(field, value)] = self._new_vid()
            marks = None
            if name in VOCABULARY_FIELDS:
                self._learn_words(value)
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
            text = self.normalise(headings.get(section, section))
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
            "script": self.normalise.table,
            "headings": {str(k): v for k, v in headings.items() if isinstance(k, str)},
            "section_ids": [str(s) for s in section_ids],
            "topics": sorted(self.topic_names),
            "units": sorted(self.unit_counts),
            "unit_counts": unit_counts,
            "section_counts": self.section_counts,
            "source": encode_tagged(source),
            "checks": encode_tagged(list(root.get("checks") or [])),
        }


def _sql_number(value: Any) -> Any:
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        try:
            return float(value)
        except OverflowError:
            return None
    return value


def syllable_marks(spaced: str) -> tuple[str, str]:
    """Pinyin joined (guangfu) and, char for char, "1" where a syllable starts."""
    joined, marks = [], []
    for word in spaced.split(" "):
        if word:
            joined.append(word)
            marks.append(SYLLABLE_START + "0" * (len(word) - 1))
    return "".join(joined), "".join(marks)


def short_grams(text: str, marks: str | None = None) -> set[str]:
    """Every 1- and 2-character piece of a value (of pinyin: from a syllable's start)."""
    grams = set()
    for at in range(len(text)):
        if marks is not None and marks[at] != SYLLABLE_START:
            continue
        grams.add(text[at])
        if at + 1 < len(text):
            grams.add(text[at : at + 2])
    return grams


def number_keys(fact: Any) -> Iterable[tuple[int, str]]:
    """The numbers a fact is found by: its values, the number as written, and the
    runs of digits standing alone in its id and its period."""
    from povcli.search import numbers_of

    for token in numbers_of(fact.value, fact.value_max, fact.written):
        yield NUMBER, token
    for run in digit_runs(fact.id):
        yield ID_DIGITS, run
    for run in digit_runs(fact.period or ""):
        yield PERIOD_DIGITS, run


def digit_runs(text: str) -> set[str]:
    """Runs of digits with no letter, digit or point on either side (2013 in income-2013)."""
    runs, current = set(), []
    for char in [*text, " "]:
        if char.isalnum() or char == ".":
            current.append(char)
            continue
        word = "".join(current)
        if word.isdigit():
            runs.add(word)
        current = []
    return runs


def _build(
    db: sqlite3.Connection, handle: IO[bytes], catalog_path: Path, stamp: Stamp | None, key: str
) -> None:
    import yaml

    from povcli.catalog import shape_problems, yaml_error, yaml_failures
    from povcli.yamlload import MergeKeys, load

    db.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
        f" PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={FORMAT};" + SCHEMA
    )
    builder = _Builder(db, catalog_path)
    try:
        try:
            root, _ = load(handle, on_fact=builder.add)
        except MergeKeys:  # rare: loaded whole, as safe_load means it
            db.executescript(_EMPTIED)
            builder = _Builder(db, catalog_path)
            handle.seek(0)
            root = yaml.safe_load(handle)
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
    data["validation"] = first_validation_problem(catalog_path)
    text = json.dumps(data, ensure_ascii=False)
    db.execute(
        "INSERT INTO catalogs VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        (str(catalog_path), *(stamp or (None,) * 4), key, text,
         zlib.crc32(text.encode("utf-8"))),
    )  # fmt: skip
    try:
        db.executescript(INDEXES)
    except sqlite3.IntegrityError:  # two facts with one id
        _refuse(catalog_path, [], builder)
    db.commit()


def _refuse(catalog_path: Path, top: Any, builder: _Builder) -> None:
    """The catalog's problems, worded exactly as `load_catalog` words them.

    Only a broken catalog comes here: it is read again in full (within the
    size limit of the full reader) for the message.
    """
    from povcli.catalog import load_catalog

    load_catalog(catalog_path)  # raises CatalogError with every problem counted
    problems = [problem.describe() for problem in top or []]
    count = len(problems) + builder.problems
    first = problems[0] if problems else builder.problem or "two facts share an id"
    more = f" (and {count - 1} more)" if count > 1 else ""
    raise CatalogError(
        f"{catalog_path}: {first}{more}", hint=f"run: povcli validate {catalog_path}"
    )
