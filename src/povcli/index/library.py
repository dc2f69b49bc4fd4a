"""Several catalogs read as one library: each through its own index, combined here.

A fact of the library is named `CATALOG:ID` (the catalog's `source.id`, else its
file's stem); a bare id names the one fact of that id, wherever it is.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from povcli.catalog.locate import locate_catalogs
from povcli.errors import CatalogError, PovcliError, did_you_mean, require_choice
from povcli.fields import REFERENCE, SEPARATOR, catalog_id, split_name
from povcli.index import store
from povcli.index.cache import catalog_stamp, index_path
from povcli.index.reads import IndexDamaged
from povcli.index.store import Index, require_fts5

if TYPE_CHECKING:
    from pathlib import Path

    from povcli.checks import Result
    from povcli.index.remembered import JudgedRecords
    from povcli.index.views import LinkedCatalog, Verification
    from povcli.model import Fact

T = TypeVar("T")


class Library:
    """The catalogs in use, in the order named, each with its index."""

    def __init__(self, indexes: Sequence[Index]) -> None:
        self.indexes = list(indexes)
        self.ids = [catalog_id(index.source, index.catalog_path) for index in self.indexes]
        self.by_id: dict[str, Index] = {}
        for name, index in zip(self.ids, self.indexes, strict=True):
            if name in self.by_id:
                raise CatalogError(
                    f"two catalogs have the id {name!r}: {self.by_id[name].catalog_path} and"
                    f" {index.catalog_path}",
                    hint="give one of them its own source.id",
                )
            self.by_id[name] = index
        self._catalogs: dict[str, LinkedCatalog] = {}

    @property
    def several(self) -> bool:
        return len(self.indexes) > 1

    def items(self) -> Iterator[tuple[str, Index]]:
        yield from zip(self.ids, self.indexes, strict=True)

    def catalog_named(self, name: str) -> str | None:
        """The id of the catalog a `CATALOG:` prefix names: as written, else the one id
        equal to it but for case (fact ids are found whatever their case, and so are these)."""
        if name in self.by_id:
            return name
        same = [cid for cid in self.ids if cid.casefold() == name.casefold()]
        return same[0] if len(same) == 1 else None

    def index_of(self, catalog: str) -> Index:
        named = self.catalog_named(catalog)
        return self.by_id[named if named else require_choice(catalog, self.ids, "catalog")]

    def catalog(self, catalog: str) -> LinkedCatalog:
        """One catalog, whose `fact()` also takes the qualified names of the others."""
        if catalog not in self._catalogs:
            # the model's classes: only a command that reads facts as facts builds them
            from povcli.index.views import LinkedCatalog

            self._catalogs[catalog] = LinkedCatalog(self.index_of(catalog), self, catalog)
        return self._catalogs[catalog]

    def catalogs(self) -> list[LinkedCatalog]:
        return [self.catalog(name) for name in self.ids]

    # ------------------------------------------------------------- naming facts

    def locate(self, name: str) -> tuple[str, str] | None:
        """(catalog, id) of a fact named bare or qualified; None when no catalog holds it.

        A bare id held by several catalogs is an error naming them.
        """
        catalog, fact_id = split_name(name)
        if catalog is not None:
            catalog = self.catalog_named(catalog)
            if catalog is None:
                return None
            return (catalog, fact_id) if self.by_id[catalog].fact_json(fact_id) else None
        holders = [cid for cid, index in self.items() if index.fact_json(fact_id) is not None]
        if len(holders) > 1:
            qualified = " or ".join(f"{cid}{SEPARATOR}{fact_id}" for cid in holders)
            raise PovcliError(
                f"fact id {fact_id!r} is in {len(holders)} catalogs",
                hint=f"did you mean {qualified}?",
            )
        return (holders[0], fact_id) if holders else None

    def fact_json(self, name: str) -> tuple[str, str]:
        """(catalog, the fact's JSON as printed); a "did you mean" error when none has it."""
        found = self.locate(name)
        if found is None:
            raise self.missing_fact(name)
        text = self.by_id[found[0]].fact_json(found[1])
        assert text is not None
        return found[0], text

    def fact(self, name: str) -> tuple[str, Fact] | None:
        found = self.locate(name)
        if found is None:
            return None
        fact = self.catalog(found[0]).own_fact(found[1])
        return (found[0], fact) if fact else None

    def names(self, like: str) -> list[str]:
        """Fact names to suggest: bare where the id is in one catalog, else qualified."""
        catalog, fact_id = split_name(like)
        ids = {cid: index.ids_like(fact_id) for cid, index in self.items()}
        seen: dict[str, int] = {}
        for found in ids.values():
            for one in found:
                seen[one] = seen.get(one, 0) + 1
        names = []
        for cid, found in ids.items():
            for one in found:
                qualified = catalog is not None or seen[one] > 1
                names.append(f"{cid}{SEPARATOR}{one}" if qualified else one)
        return names

    def missing_fact(self, name: str) -> PovcliError:
        catalog, _ = split_name(name)
        if catalog is not None and self.catalog_named(catalog) is None:
            hint = did_you_mean(catalog, self.ids) or f"catalogs: {', '.join(self.ids)}"
            return PovcliError(f"no catalog with id {catalog!r}", hint=hint)
        # ids are lower case: POOR-POPULATIN is close to poor-population
        hint = did_you_mean(name.lower(), self.names(name.lower())) or "list the ids: povcli list"
        return PovcliError(f"no fact with id {name!r}", hint=hint)

    # ------------------------------------------------------------- listing

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(catalog, fact record) of every fact, catalog after catalog."""
        for cid, index in self.items():
            for text in index.facts_json():
                yield cid, json.loads(text)

    def select(
        self,
        sections: Sequence[str] = (),
        topics: Sequence[str] = (),
        units: Sequence[str] = (),
        limit: int = 0,
    ) -> Iterator[tuple[str, Index, str]]:
        """(catalog, its index, a fact's JSON) of the facts matching every filter, catalog by
        catalog; a section or topic need only be known to one of the catalogs."""
        if not self.several:
            index = self.indexes[0]
            yield from (
                (self.ids[0], index, t) for t in index.select(sections, topics, units, limit)
            )
            return
        known_sections = [s for index in self.indexes for s in index.data["section_ids"]]
        known_topics = [t for index in self.indexes for t in index.data["topics"]]
        for value in sections:
            require_choice(value, dict.fromkeys(known_sections), "section")
        for value in topics:
            require_choice(value, dict.fromkeys(known_topics), "topic")
        chosen = []
        for cid, index in self.items():
            own_sections = [s for s in sections if s in index.data["section_ids"]]
            own_topics = [t for t in topics if t in index.data["topics"]]
            if (sections and not own_sections) or (topics and not own_topics):
                continue
            chosen.append(_tagged(cid, index, index.select(own_sections, own_topics, units, limit)))
        found = itertools.chain.from_iterable(chosen)
        yield from (itertools.islice(found, limit) if limit else found)

    def guarded(self, found: Iterator[tuple[str, Index, str]]) -> Iterator[dict[str, Any]]:
        """Streamed output of several catalogs (`Index.guarded` for one), each fact a record
        with its catalog: damage found after the first record was printed removes every
        index of the library, and the command fails."""
        shown = 0
        ahead = list(itertools.islice(found, store.READ_AHEAD))
        try:
            for cid, _, text in itertools.chain(ahead, found):
                yield {"catalog": cid, **json.loads(text)}
                shown += 1
        except IndexDamaged:
            if not shown:
                raise
            for index in self.indexes:
                index.discard()
            raise PovcliError(
                f"an index was found damaged after {shown} records were printed; the indexes"
                " have been removed",
                hint="run the command again",
            ) from None


def _tagged(cid: str, index: Index, texts: Iterator[str]) -> Iterator[tuple[str, Index, str]]:
    for text in texts:
        yield cid, index, text


def select_checks(library: Library, names: Sequence[str]) -> list[tuple[LinkedCatalog, Any]]:
    """(catalog, check) of the named checks in the order asked, or of all of them: the
    catalogs' own checks, then the automatic `agree` checks (`agree_checks`).

    A check is named by its id where that is unique, else `CATALOG:ID`.
    """
    every = [(catalog, check) for catalog in library.catalogs() for check in catalog.checks]
    # the automatic checks read every fact of the reference catalogs: only when they may be
    # asked for (all checks, or a name that could be one of theirs)
    if not names or any(split_name(name)[1].startswith("agree-") for name in names):
        every += agree_checks(library)
    if not names:
        return every
    counts: dict[str, int] = {}
    for _, check in every:
        counts[str(check["id"])] = counts.get(str(check["id"]), 0) + 1
    by_name: dict[str, tuple[LinkedCatalog, Any]] = {}
    for catalog, check in every:
        if counts[str(check["id"])] == 1:
            by_name[str(check["id"])] = (catalog, check)
    # offered as a user names them: by id where that is unique, else CATALOG:ID (each once)
    offered = list(by_name)
    for catalog, check in every:
        if library.several:
            qualified = f"{catalog.name}{SEPARATOR}{check['id']}"
            by_name[qualified] = (catalog, check)
            if counts[str(check["id"])] > 1:
                offered.append(qualified)
    return [
        by_name[require_choice(name, by_name, "check", by_name if SEPARATOR in name else offered)]
        for name in names
    ]


def agree_checks(library: Library) -> list[tuple[LinkedCatalog, dict[str, Any]]]:
    """The automatic `agree` checks: each fact of an article's catalog that names a series
    and a period, against each fact of a reference catalog with that series, period and unit."""
    held: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for cid, index in library.items():
        if index.source.get("kind") == REFERENCE:
            for text in index.facts_json():
                record = json.loads(text)
                if record.get("series") and record.get("period"):
                    held.setdefault((record["series"], record["period"]), []).append((cid, record))
    if not held:
        return []
    checks = []
    for cid, index in library.items():
        if index.source.get("kind") == REFERENCE:
            continue
        for text in index.facts_json():
            record = json.loads(text)
            key = (str(record.get("series")), str(record.get("period")))
            for rid, ref in held.get(key, []):
                if ref["unit"] != record["unit"]:
                    continue
                check = {
                    "id": f"agree-{record['id']}-vs-{ref['id']}",
                    "kind": "agree",
                    "title": f"{key[0]} {key[1]}: {cid} against {rid}",
                    "inputs": {"a": record["id"], "b": f"{rid}{SEPARATOR}{ref['id']}"},
                }
                checks.append((library.catalog(cid), check))
    return checks


def open_library(facts: Any = None, library: bool = True, rebuild: bool = False) -> Library:
    """The catalogs named by --facts or $POVCLI_FACTS (else the bundled library), indexed;
    the cache pruned once if any index was built."""
    indexes = [_open_index(path, rebuild) for path in locate_catalogs(facts, library)]
    if any(index.built for index in indexes):
        from povcli.index.build import prune_after  # the builder: only when one was built

        prune_after(indexes)
    return Library(indexes)


def _open_index(path: Path, rebuild: bool) -> Index:
    """`build.open_index`, its warm path first: an index whose catalog is unchanged opens
    without importing the builder (the YAML loader, the schema, pypinyin's glue)."""
    if not rebuild:
        require_fts5()
        index = Index.open(index_path(path), path, stamp=catalog_stamp(path))
        if index is not None:
            return index
    from povcli.index.build import open_index  # the builder (YAML, schema): a cold run only

    return open_index(path, rebuild, prune=False)


def with_library(
    facts: Sequence[str] | None, work: Callable[[Library], T], library: bool = True
) -> T:
    """Run `work` on the catalogs' indexes; a damaged index is rebuilt and the work done
    again. Without `facts`, `library=False` reads the bundled article's catalog only."""
    try:
        return work(open_library(facts, library))
    except IndexDamaged:
        pass
    try:
        return work(open_library(facts, library, rebuild=True))
    except IndexDamaged as exc:
        raise PovcliError(f"an index is damaged even when rebuilt: {exc}") from None


def run_check(check: dict[str, Any], catalog: LinkedCatalog) -> Result:
    """`povcli.catalog.checks.run_check`, imported when a check is first run (the engine of
    the checks is no part of `list`'s or `show`'s start-up)."""
    from povcli.catalog.checks import run_check as run

    return run(check, catalog)


def require_valid(library: Library, kind: str | None = None) -> Library:
    """The library, unless a catalog of it (of the source kind given) is one `validate`
    rejects: no verdict rests on such a catalog."""
    for index in library.indexes:
        if kind is not None and index.source.get("kind") != kind:
            continue
        problem = index.validation_problem()
        if problem:
            path = index.catalog_path
            raise PovcliError(f"{path}: {problem}", hint=f"run: povcli validate {path}")
    return library


def valid_references(library: Library) -> Library:
    """The library, unless a reference catalog to borrow from is one `validate` rejects."""
    return require_valid(library, REFERENCE)


def run_checks(library: Library, names: Sequence[str]) -> Verification:
    """The named checks of the library (all when none is named), each judged on its catalog's
    facts; refused when a catalog is one `validate` rejects (no verdict rests on it)."""
    from povcli.index.views import Verification

    require_valid(library)
    chosen = select_checks(library, names)  # each reads only the facts it names
    results = [run_check(check, catalog) for catalog, check in chosen]
    first = chosen[0][0] if chosen else library.catalogs()[0]
    return Verification(first, results, [catalog.name for catalog, _ in chosen])


def verified_records(library: Library, names: Sequence[str]) -> JudgedRecords:
    """`run_checks(...).records()`, read back when an earlier run judged the same catalogs'
    contents with the same checks and the same povcli (`povcli.index.remembered`)."""
    require_valid(library)
    from povcli.index.remembered import remembered  # the package's stat: verify only

    return remembered(library.indexes, names, lambda: run_checks(library, names).records())


def fact_record(library: Library, name: str, context: bool = False) -> dict[str, Any]:
    """One fact as `show` prints it: with its catalog when several are read, and with the
    paragraph around its quote when asked (None when the catalog names no article)."""
    catalog, text = library.fact_json(name)
    record: dict[str, Any] = json.loads(text)
    if library.several:
        record = {"catalog": catalog, **record}
    if context:
        from povcli import model
        from povcli.catalog.load import paragraph_of  # the source's text: `show --context` only

        own = library.catalog(catalog)
        record["context"] = (
            paragraph_of(own, model.Fact.from_dict(record)) if own.text_path else None
        )
    return record
