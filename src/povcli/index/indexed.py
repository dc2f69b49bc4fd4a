"""A catalog read through its index: what `povcli.checks` and friends need, fact by fact."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import overload

from povcli.index.store import Index
from povcli.model import Catalog, Fact


class IndexedFacts(Sequence[Fact]):
    """The catalog's facts, decoded from the index only when asked for."""

    def __init__(self, index: Index) -> None:
        self.source_index = index

    def __len__(self) -> int:
        return self.source_index.count

    @overload
    def __getitem__(self, position: int) -> Fact: ...
    @overload
    def __getitem__(self, position: slice) -> list[Fact]: ...
    def __getitem__(self, position: int | slice) -> Fact | list[Fact]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if not -len(self) <= position < len(self):
            raise IndexError(position)
        text = next(self.source_index.facts_json(position % len(self)))
        return Fact.from_dict(json.loads(text))

    def __iter__(self) -> Iterator[Fact]:
        for text in self.source_index.facts_json():
            yield Fact.from_dict(json.loads(text))


class IndexedCatalog(Catalog):
    """A `Catalog` whose facts stay in the index: `fact(id)` is one lookup."""

    def __init__(self, index: Index) -> None:
        super().__init__(
            path=index.catalog_path,
            source=index.source,
            facts=IndexedFacts(index),
            checks=index.checks,
        )
        self.index = index
        self._found: dict[str, Fact | None] = {}

    def fact(self, fact_id: str) -> Fact | None:
        if fact_id not in self._found:
            text = self.index.fact_json(fact_id)
            self._found[fact_id] = Fact.from_dict(json.loads(text)) if text else None
        return self._found[fact_id]
