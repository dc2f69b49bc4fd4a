"""Where indexes live and when one is stale: the cache folder, a catalog's stamp and content
key, temporary files, and pruning what no run will use again."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
import time
import zlib
from collections.abc import Collection
from pathlib import Path
from typing import IO, NamedTuple

from povcli import __version__
from povcli.errors import CatalogError
from povcli.files import MAX_CATALOG_BYTES, MAX_INDEXED_BYTES, decode, file_kind, guess_encoding

# a catalog modified this recently may change again within the clock's
# resolution: its metadata is not trusted, its content is hashed next time
RACY_SECONDS = 2.0
# temporary files of builds that died (SIGKILL, power loss) are removed after this
STALE_TEMPORARY_SECONDS = 24 * 3600
# indexes of other povcli versions are removed once unused this long
OTHER_VERSION_SECONDS = 7 * 24 * 3600


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
    """What identifies a catalog file's content without reading it. The change time too:
    `cp -p` of a same-size edit keeps the inode, size and modification time, but no one
    can set a file's change time."""

    size: int
    mtime_ns: int
    ino: int
    dev: int
    ctime_ns: int


def stamp_of(result: os.stat_result) -> Stamp:
    return Stamp(
        result.st_size, result.st_mtime_ns, result.st_ino, result.st_dev, result.st_ctime_ns
    )


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
        f"{guess_encoding(first)}: {path}",
        hint="save it as UTF-8",
    )


# ----------------------------------------------------------------- open


def connect_read_only(path: Path) -> sqlite3.Connection:
    name = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    # autocommit: a reader never holds a lock past its statement
    return sqlite3.connect(f"file:{name}?mode=ro", uri=True, isolation_level=None)


def is_racy(stamp: Stamp) -> bool:
    # judged by the modification time, which a coarse file system keeps to 2 s; the change
    # time is kept to the kernel's tick, so only two edits within a few milliseconds, the
    # second restoring the first's modification time, could share a stamp
    return time.time() - stamp.mtime_ns / 1e9 < RACY_SECONDS


def temporary_beside(target: Path) -> Path:
    """A temporary file beside the target (OSError when the cache cannot be written)."""
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".index-{os.getpid()}-", suffix=".tmp"
    )
    os.close(descriptor)
    return Path(name)


# what the run should be told once (the command line prints them on stderr)
_NOTICES: list[str] = []
_SAID: set[str] = set()


def cache_unwritable(folder: Path, reason: str) -> None:
    """Say once per run that indexes cannot be kept: every run then reads in full."""
    if "cache" in _SAID:
        return
    _SAID.add("cache")
    _NOTICES.append(
        f"note: cannot write the index cache {folder} ({reason}): each run reads the catalogs"
        " in full (hint: set XDG_CACHE_HOME to a folder you can write)"
    )


def take_notices() -> list[str]:
    """The notes not yet shown, once each."""
    taken = list(_NOTICES)
    _NOTICES.clear()
    return taken


def remove_with_journal(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def prune(folder: Path, keep: Collection[Path] = ()) -> None:
    """Remove what no run will use again: indexes of the old binary format, of
    catalogs that are gone, of other versions unused for a week, and the
    temporary files of builds that were killed (`keep`: indexes known sound)."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        path = Path(entry.path)
        if path in keep or not entry.is_file(follow_symlinks=False):
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
        connection = connect_read_only(path)
        try:
            row = connection.execute("SELECT path FROM catalogs").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return True  # not an index we can read: it would be rebuilt anyway
    return row is None or not os.path.exists(row[0])
