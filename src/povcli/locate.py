"""Finding and reading the catalog file: light enough for every start-up."""

from __future__ import annotations

import os
from pathlib import Path

from povcli.errors import CatalogError

ENV_FACTS = "POVCLI_FACTS"
PACKAGE_DIR = Path(__file__).resolve().parent
# In a wheel the data folder is shipped inside the package; an editable
# install does not see force-included files, so fall back to the source tree.
BUNDLED_CATALOGS = (
    PACKAGE_DIR / "_data" / "facts.yaml",
    PACKAGE_DIR.parent.parent / "data" / "facts.yaml",
)
# read in full (validate, extract): the limit; read through the index, streamed: a guard
MAX_CATALOG_BYTES = 64 * 1024 * 1024
MAX_INDEXED_BYTES = 2 * 1024 * 1024 * 1024


def bundled_catalog() -> Path:
    for candidate in BUNDLED_CATALOGS:
        if candidate.is_file():
            return candidate
    raise CatalogError(
        "the bundled catalog is missing from this installation",
        hint=f"reinstall povcli, or name a catalog with --facts or {ENV_FACTS}",
    )


def locate_catalog(path: Path | str | None = None) -> Path:
    """The catalog in use: the given path, then $POVCLI_FACTS, then the bundled one."""
    chosen = path or os.environ.get(ENV_FACTS) or None
    return Path(chosen).expanduser().absolute() if chosen else bundled_catalog()


def read_text(path: Path) -> str:
    """The catalog file as text, with one clear error for each way it can fail."""
    return decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    if "\x00" in str(path) or not path.exists():
        raise CatalogError(f"catalog not found: {path}")
    if path.is_dir():
        raise CatalogError(f"catalog is a folder, not a file: {path}")
    try:
        size = path.stat().st_size
        if size > MAX_CATALOG_BYTES:
            raise CatalogError(f"catalog is too large ({size} bytes): {path}")
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read catalog {path}: {exc.strerror}") from exc
    if not data or data.isspace():
        raise CatalogError(f"catalog is empty: {path}")
    return data


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        raise CatalogError(
            f"catalog is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            f"{guess}: {path}",
            hint="save it as UTF-8",
        ) from None


def _guess_encoding(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        return "; it looks binary"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    cjk = sum("\u4e00" <= char <= "\u9fff" for char in text)
    return "; it looks like GB18030 (GBK) Chinese text" if cjk else ""
