"""The paragraph of the source text around a fact (filtering and describing a catalog
happen in the index: povcli.index)."""

from __future__ import annotations

from povcli.catalog import Catalog, Fact


def paragraph_of(catalog: Catalog, fact: Fact) -> str | None:
    """The paragraph of the source text that holds the fact's quote."""
    for paragraph in catalog.source_text().split("\n\n"):
        if fact.quote in paragraph:
            return paragraph.strip()
    return None
