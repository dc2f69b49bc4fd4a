"""Which catalogs a command reads: --facts, $POVCLI_FACTS, else the bundled ones (the
article's catalog and the reference library beside it)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from povcli.errors import CatalogError

ENV_FACTS = "POVCLI_FACTS"
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # povcli/
# In a wheel the data folder is shipped inside the package; an editable
# install does not see force-included files, so fall back to the source tree.
BUNDLED_CATALOGS = (
    PACKAGE_DIR / "_data" / "facts.yaml",
    PACKAGE_DIR.parent.parent / "data" / "facts.yaml",
)


def bundled_catalog() -> Path:
    for candidate in BUNDLED_CATALOGS:
        if candidate.is_file():
            return candidate
    raise CatalogError(
        "the bundled catalog is missing from this installation",
        hint=f"reinstall povcli, or name a catalog with --facts or {ENV_FACTS}",
    )


def locate_catalog(path: Path | str | None = None) -> Path:
    """The catalog in use: the given path, then $POVCLI_FACTS (its first entry), then the
    bundled one."""
    chosen = path or next(iter(catalog_specs(None)), None)
    return Path(chosen).expanduser().absolute() if chosen else bundled_catalog()


def bundled_library() -> list[Path]:
    """The bundled catalogs: the article's, then every reference catalog of `library/`."""
    main = bundled_catalog()
    return [main, *catalogs_in(main.parent / "library")]


def catalog_specs(facts: Path | str | Sequence[Path | str] | None) -> list[str]:
    """What names the catalogs: --facts (repeatable), else $POVCLI_FACTS (os.pathsep-separated)."""
    if isinstance(facts, str | Path):
        return [str(facts)] if str(facts) else []
    if facts:
        return [str(spec) for spec in facts if str(spec)]
    return [part for part in os.environ.get(ENV_FACTS, "").split(os.pathsep) if part]


def catalogs_in(folder: Path) -> list[Path]:
    """Every `*.yaml` catalog of a folder (not its subfolders), by name; hidden files are not."""
    try:
        if not folder.is_dir():
            return []
        return sorted(path for path in folder.glob("*.yaml") if not path.name.startswith("."))
    except (OSError, ValueError):
        return []


def locate_catalogs(
    facts: Path | str | Sequence[Path | str] | None = None, library: bool = True
) -> list[Path]:
    """The catalogs in use: each file named, every `*.yaml` of each folder named; without
    --facts or $POVCLI_FACTS, the bundled library (`library=False`: its article only)."""
    specs = catalog_specs(facts)
    if not specs:
        return bundled_library() if library else [bundled_catalog()]
    paths: list[Path] = []
    for spec in specs:
        path = Path(spec).expanduser().absolute()
        try:
            folder = "\x00" not in spec and path.is_dir()
        except (OSError, ValueError):
            folder = False
        if not folder:
            paths.append(path)
            continue
        found = catalogs_in(path)
        if not found:
            raise CatalogError(f"no *.yaml catalog in the folder {path}")
        paths.extend(found)
    return list(dict.fromkeys(paths))


def first_catalog(facts: Sequence[str] | None) -> Path:
    """The one catalog of a command that reads one: the first named, else the article's."""
    return locate_catalogs(facts, library=False)[0]
