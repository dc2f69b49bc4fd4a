"""Selecting facts and describing a catalog: plain data in, plain data out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from povcli.catalog import Catalog, Fact
from povcli.errors import require_choice
from povcli.units import UNITS


def _known(wanted: Sequence[str], known: Sequence[str], what: str) -> set[str]:
    """The wanted values, each checked against what the catalog knows."""
    return {require_choice(value, known, what) for value in wanted}


def filter_facts(
    catalog: Catalog, sections: Sequence[str], topics: Sequence[str], units: Sequence[str]
) -> list[Fact]:
    """Facts matching every given filter; several values of one filter mean "any of"."""
    section_ids = [s["id"] for s in catalog.sections if isinstance(s, dict) and "id" in s]
    section_ids += [f.section for f in catalog.facts if f.section not in section_ids]
    want_sections = _known(sections, section_ids, "section")
    want_topics = _known(topics, sorted({t for f in catalog.facts for t in f.topic}), "topic")
    # any unit of the vocabulary may be asked for, as in search; one the catalog lacks finds nothing
    want_units = _known(units, list(UNITS), "unit")
    return [
        fact
        for fact in catalog.facts
        if (not want_sections or fact.section in want_sections)
        and (not want_topics or want_topics.intersection(fact.topic))
        and (not want_units or fact.unit in want_units)
    ]


def paragraph_of(catalog: Catalog, fact: Fact) -> str | None:
    """The paragraph of the source text that holds the fact's quote."""
    for paragraph in catalog.source_text().split("\n\n"):
        if fact.quote in paragraph:
            return paragraph.strip()
    return None


def catalog_info(catalog: Catalog, version: str) -> dict[str, Any]:
    source = catalog.source
    text_path = catalog.text_path
    return {
        "version": version,
        "catalog": str(catalog.path),
        "source_text": str(text_path.resolve()) if text_path else None,
        "title": source.get("title"),
        "title_en": source.get("title_en"),
        "publisher": source.get("publisher"),
        "date": source.get("date"),
        "author": source.get("author"),
        "facts": len(catalog.facts),
        "checks": len(catalog.checks),
        "units": dict(Counter(f.unit for f in catalog.facts).most_common()),
        "sections": dict(Counter(f.section for f in catalog.facts)),
    }
