"""The library seen as catalogs: each catalog linked to the others (what the checks read),
the whole library as one catalog (what `calc` reads), and what `verify` found.

Imported by the commands that judge; `search`, `list`, `show` and `info` read the indexes
through `povcli.index.library` and never build the model's classes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, overload

from povcli.fields import SEPARATOR, split_name
from povcli.index.indexed import IndexedCatalog
from povcli.index.store import Index
from povcli.model import Catalog, Fact

if TYPE_CHECKING:
    from povcli.checks import Result


class Library(Protocol):
    """What a catalog of the library asks of it (`povcli.index.library.Library`, which
    builds these views and so is not imported here)."""

    indexes: list[Index]

    def catalog_named(self, name: str) -> str | None: ...
    def catalog(self, catalog: str) -> LinkedCatalog: ...
    def catalogs(self) -> list[LinkedCatalog]: ...
    def fact(self, name: str) -> tuple[str, Fact] | None: ...


class LinkedCatalog(IndexedCatalog):
    """A catalog of the library: its own facts by id, the others' by `CATALOG:ID`."""

    def __init__(self, index: Index, library: Library, name: str) -> None:
        super().__init__(index)
        self.library = library
        self.name = name

    def holds(self, name: str) -> bool:
        return self.library.catalog_named(name.rpartition(SEPARATOR)[0]) is not None

    def own_fact(self, fact_id: str) -> Fact | None:
        return super().fact(fact_id)

    def fact(self, fact_id: str) -> Fact | None:
        catalog, bare = split_name(fact_id)
        catalog = self.library.catalog_named(catalog) if catalog is not None else None
        if catalog is None and SEPARATOR in fact_id:
            return None  # a catalog not read
        if catalog is None or catalog == self.name:
            return self.own_fact(bare)
        fact = self.library.catalog(catalog).own_fact(bare)
        # named as the check names it: the reader sees it comes from elsewhere
        return dataclasses.replace(fact, id=fact_id) if fact else None


class LibraryFacts(Sequence[Fact]):
    """Every fact of the library, catalog after catalog (for "did you mean")."""

    def __init__(self, library: Library) -> None:
        self.parts = [catalog.facts for catalog in library.catalogs()]

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)

    @overload
    def __getitem__(self, position: int) -> Fact: ...
    @overload
    def __getitem__(self, position: slice) -> list[Fact]: ...
    def __getitem__(self, position: int | slice) -> Fact | list[Fact]:
        return list(self)[position]

    def __iter__(self) -> Iterator[Fact]:
        for part in self.parts:
            yield from part


class WholeLibrary(Catalog):
    """The library as one catalog for `calc`: a fact by a bare id held once, or `CATALOG:ID`."""

    def __init__(self, library: Library) -> None:
        first = library.indexes[0]
        super().__init__(path=first.catalog_path, source=first.source, facts=LibraryFacts(library))
        self.library = library

    def fact(self, fact_id: str) -> Fact | None:
        found = self.library.fact(fact_id)
        if found is None:
            return None
        return dataclasses.replace(found[1], id=fact_id)


@dataclasses.dataclass
class Verification:
    """What `verify` found: the first catalog checked (its source names the article), each
    check's result, and the catalog each check belongs to."""

    catalog: LinkedCatalog
    results: list[Result]
    owners: list[str]

    def records(self) -> list[dict[str, Any]]:
        """The results as records; checks of several catalogs say whose each is."""
        records = [result.to_dict() for result in self.results]
        if len(set(self.owners)) > 1:
            return [{"catalog": o, **r} for o, r in zip(self.owners, records, strict=True)]
        return records
