"""The search index cache: one file per catalog content and povcli version.

A corrupt or unreadable cache file is ignored and rebuilt; a cache folder
that cannot be written means working without a cache, never an error.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

try:  # the builtin module: importing hashlib first loads OpenSSL (~4 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b

from povcli import __version__
from povcli.locate import read_bytes
from povcli.search import Index


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/povcli, else the platform's usual cache folder."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "povcli"
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "povcli"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", home)) / "povcli" / "Cache"
    return home / ".cache" / "povcli"


def index_path(raw: bytes) -> Path:
    digest = blake2b(raw, digest_size=16).hexdigest()
    return cache_dir() / f"index-{__version__}-{digest}.json"


def load_index(catalog_path: Path) -> Index:
    """The search index of a catalog: from the cache when it holds this content."""
    raw = read_bytes(catalog_path)
    path = index_path(raw)
    cached = read_index(path)
    if cached is not None:
        return cached
    # the cold path: parse the YAML and compute pinyin
    from povcli.catalog import catalog_from_bytes
    from povcli.search import build_index

    index = build_index(catalog_from_bytes(raw, catalog_path))
    write_index(path, index)
    return index


def read_index(path: Path) -> Index | None:
    try:
        with path.open("rb") as handle:
            return Index.from_json(json.loads(handle.read()))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_index(path: Path, index: Index) -> bool:
    """Write atomically (a temporary file renamed into place); False when it cannot."""
    import tempfile

    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=".index-", delete=False
        ) as handle:
            temporary = Path(handle.name)
            json.dump(index.to_json(), handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
        return True
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return False
