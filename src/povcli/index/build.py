"""Building a catalog's index: the YAML streamed into SQLite tables in batches, each fact
checked as it passes, then renamed into place (or kept in memory)."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from povcli.catalog.load import load_catalog, shape_problems, yaml_error, yaml_failures
from povcli.catalog.validate import validate_catalog
from povcli.errors import CatalogError, PovcliError
from povcli.index.cache import (
    Stamp,
    cache_dir,
    cache_unwritable,
    catalog_stamp,
    content_key,
    index_path,
    is_racy,
    prune,
    remove_with_journal,
    stamp_of,
    temporary_beside,
)
from povcli.index.pipeline import streamed
from povcli.index.rows import Builder
from povcli.index.store import Index, require_fts5
from povcli.index.tables import APPLICATION_ID, EMPTIED, FORMAT, INDEXES, SCHEMA


def open_index(catalog_path: Path, rebuild: bool = False, prune: bool = True) -> Index:
    """The index of a catalog: the cached one when it holds this content, else built (and
    then the cache pruned, unless the caller prunes once for several: `prune_after`)."""
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
            racy = is_racy(stamp)  # judged before reading: an edit may follow at once
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
        index = build_index(handle, catalog_path, stamp, key, target, racy)
    if prune:
        prune_after([index])
    return index


def prune_after(indexes: Sequence[Index]) -> None:
    """Prune the cache once after a run's builds (each build pruning opened every index in
    the cache: a cold folder of N catalogs cost N² opens); the indexes just built are
    kept unopened."""
    built = {index_path(index.catalog_path) for index in indexes if index.built}
    if built:
        prune(cache_dir(), built)


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
    try:
        temporary: Path | None = temporary_beside(target)
    except OSError as exc:
        cache_unwritable(target.parent, exc.strerror or str(exc))
        temporary = None
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
        except (OSError, sqlite3.OperationalError) as exc:
            handle.seek(0)  # full disk, quota, a folder made read-only meanwhile
            cache_unwritable(target.parent, getattr(exc, "strerror", None) or str(exc))
        finally:
            if temporary is not None:
                remove_with_journal(temporary)
        index = Index.open(target, catalog_path, key=key)
        if index is not None:
            index.built = True
            return index
    return _in_memory(handle, catalog_path, key, target)


def _for_this_run(temporary: Path, catalog_path: Path, key: str) -> Index | None:
    """The index just built, opened and then removed: never found by another run."""
    index = Index.open(temporary, catalog_path, key=key)
    remove_with_journal(temporary)
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


# Catalogs of at most this many facts are validated in full when their index is built
# (those a person writes); a bigger one (generated) has each fact's own figure checked
# as it streams past, as every build does: validating 100,000 facts in full would
# triple the build. Decided by what the catalog holds, not its size in bytes (8 MiB of
# comments skipped the validation).
VALIDATED_FACTS = 25000  # the bundled catalog's facts take 8 MiB at about this count


def first_validation_problem(catalog_path: Path, facts: int) -> str | None:
    """What `validate` says first about a catalog of `facts` facts, or None."""
    if facts > VALIDATED_FACTS:
        return None
    try:
        errors = validate_catalog(catalog_path).errors
    except (OSError, PovcliError):
        return None  # over the full reader's limit: each fact's figure was checked
    if not errors:
        return None
    first = errors[0]
    where = f"line {first.line}: " if first.line else ""
    who = f"fact {first.fact_id}: " if first.fact_id else ""
    return f"{where}{who}{first.message}"


def _build(
    db: sqlite3.Connection, handle: IO[bytes], catalog_path: Path, stamp: Stamp | None, key: str
) -> None:
    # PyYAML only when a catalog is parsed: a warm run opens the built index and stops there
    from povcli.catalog.yamlload import MergeKeys, load

    db.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
        f" PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={FORMAT};" + SCHEMA
    )
    builder = Builder(db, catalog_path)
    try:
        try:
            root = streamed(handle, builder.prepare, builder.take)
        except MergeKeys:  # rare: loaded whole, as safe_load means it
            db.executescript(EMPTIED)
            builder = Builder(db, catalog_path)
            handle.seek(0)
            root, _ = load(handle)  # what safe_load means, its aliases counted first
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
    validation = first_validation_problem(catalog_path, builder.count)
    data["validation"] = validation or builder.figure_problem
    text = json.dumps(data, ensure_ascii=False)
    db.execute(
        "INSERT INTO catalogs VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (str(catalog_path), *(stamp[:4] if stamp else (None,) * 4), key, text,
         zlib.crc32(text.encode("utf-8")), stamp.ctime_ns if stamp else None),
    )  # fmt: skip
    try:
        db.executescript(INDEXES)
    except sqlite3.IntegrityError:  # two facts with one id
        _refuse(catalog_path, [], builder)
    db.commit()


def _refuse(catalog_path: Path, top: Any, builder: Builder) -> None:
    """The catalog's problems, worded exactly as `load_catalog` words them.

    Only a broken catalog comes here: it is read again in full (within the
    size limit of the full reader) for the message.
    """
    load_catalog(catalog_path)  # raises CatalogError with every problem counted
    problems = [problem.describe() for problem in top or []]
    count = len(problems) + builder.problems
    first = problems[0] if problems else builder.problem or "two facts share an id"
    more = f" (and {count - 1} more)" if count > 1 else ""
    raise CatalogError(
        f"{catalog_path}: {first}{more}", hint=f"run: povcli validate {catalog_path}"
    )
