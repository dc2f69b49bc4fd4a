"""`verify`'s records, remembered for the state they were judged in.

The verdicts of a library's checks follow from three things only: the catalogs' contents,
the checks asked for and povcli's own code. A run that finds all three as an earlier run
left them reads that run's records back instead of judging every check again (121 checks
of the bundled library: about 100 ms, a third of a start-up).

A stale verdict is the worst thing a cache could give, so the key is strict: each
catalog's path and content hash (the one its index was built from and is checked
against on every run), the names asked, povcli's version and Python's, and the name,
size and modification time of every file of povcli's package (an edited module or
phrasing file is a new key). A record file that is missing, unreadable, too large,
damaged or of another key is judged again and written anew; a cache folder that cannot
be written leaves the run as it was. Only runs that succeeded are remembered.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from povcli import __version__
from povcli.errors import PovcliError
from povcli.files import read_bounded
from povcli.index.cache import cache_dir
from povcli.index.store import Index
from povcli.jsontext import indented

# the records of 121 checks take 170 KB; a library of checks a thousand times larger is
# judged each run rather than read back
MAX_REMEMBERED_BYTES = 64 * 1024 * 1024
# record files kept (each library and choice of checks has its own); the oldest go first
KEPT = 16
PREFIX = "verify-"
SUFFIX = ".json"
# files of the package whose change may change a verdict: code and the data beside it
PACKAGE_FILES = (".py", ".json", ".yaml", ".txt")

Records = list[dict[str, Any]]


class JudgedRecords(Sequence[dict[str, Any]]):
    """Records as `povcli.jsontext.indented` writes each, with their verdicts: a JSON
    writer copies the texts as they are, and a record is decoded only when read."""

    def __init__(self, texts: list[str], verdicts: list[str], records: Records | None = None):
        self.texts = texts
        self.verdicts = verdicts
        self.records = records  # as judged, when judged by this run

    @classmethod
    def of(cls, records: Records) -> JudgedRecords:
        texts = [indented(record) for record in records]
        return cls(texts, [str(record["verdict"]) for record in records], records)

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, position: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, position: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, position: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if self.records is not None:
            return self.records[position]
        if isinstance(position, slice):
            return [json.loads(text) for text in self.texts[position]]
        decoded: dict[str, Any] = json.loads(self.texts[position])
        return decoded

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if self.records is not None:
            return iter(self.records)
        return (json.loads(text) for text in self.texts)


def remembered(
    indexes: Sequence[Index], names: Sequence[str], judge: Callable[[], Records]
) -> JudgedRecords:
    """The records `judge` returns for these catalogs and names: read back when an
    earlier run judged the same state, else judged now and remembered."""
    key = state_key(indexes, names)
    path = record_path(key)
    found = recall(path, key)
    if found is None:
        records = judge()
        found = JudgedRecords.of(records)
        # remembered only when JSON gives them back exactly (NaN, a tuple, a key that is
        # not text would come back as something else)
        if [json.loads(text) for text in found.texts] == records:
            remember(path, key, found)
    return found


def state_key(indexes: Sequence[Index], names: Sequence[str]) -> list[Any]:
    """Everything a verdict depends on, as JSON data."""
    return [
        __version__,
        list(sys.version_info[:3]),
        package_fingerprint(),
        [[str(index.catalog_path), index.content_key] for index in indexes],
        list(names),
    ]


def package_fingerprint(root: Path | None = None) -> str:
    """The name, size and modification time of every file of povcli's package that its
    verdicts may depend on, one line each (about 100 files: a millisecond of `stat`);
    kept whole in the key, so that no two states of the code can share one."""
    root = root or Path(__file__).resolve().parent.parent
    lines = []
    folders = [root]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda entry: entry.name)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    folders.append(Path(entry.path))
            elif entry.name.endswith(PACKAGE_FILES):
                info = entry.stat()
                lines.append(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\n")
    return "".join(lines)


def record_path(key: list[Any]) -> Path:
    digest = _digest(json.dumps(key, ensure_ascii=False, sort_keys=True))
    return cache_dir() / f"{PREFIX}{__version__}-{digest}{SUFFIX}"


def _digest(text: str) -> str:
    """CRC-32 and Adler-32 of the text, as the index names its files: a file name and a
    guard against staleness, not against forgery (the whole key is compared on reading,
    and the cache folder is the user's own). hashlib would load OpenSSL: 6 ms a run."""
    data = text.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def recall(path: Path, key: list[Any]) -> JudgedRecords | None:
    """The records remembered in `path` for exactly this key, or None."""
    try:
        data = json.loads(read_bounded(path, "remembered records", MAX_REMEMBERED_BYTES))
    except (PovcliError, OSError, ValueError):  # missing, too large, not JSON
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    texts, verdicts = _strings(data.get("texts")), _strings(data.get("verdicts"))
    if texts is None or verdicts is None or len(texts) != len(verdicts):
        return None
    return JudgedRecords(texts, verdicts)


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def remember(path: Path, key: list[Any], found: JudgedRecords) -> None:
    """Keep the records for the next run (a cache folder that cannot be written is left)."""
    from povcli.files import write_whole

    with contextlib.suppress(PovcliError, OSError, ValueError):  # ValueError: a lone surrogate
        data = {"key": key, "texts": found.texts, "verdicts": found.verdicts}
        text = json.dumps(data, ensure_ascii=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, text, replace=True)
        _keep_newest(path.parent)


def _keep_newest(folder: Path) -> None:
    """At most KEPT record files: the least recently written are removed."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(PREFIX) and entry.name.endswith(SUFFIX):
                with contextlib.suppress(OSError):
                    found.append((entry.stat().st_mtime_ns, entry.path))
    for _, doomed in sorted(found, reverse=True)[KEPT:]:
        with contextlib.suppress(OSError):
            os.unlink(doomed)
