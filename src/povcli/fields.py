"""The names a catalog is written in, shared by the loader, the schema, the index and the
commands: its fields and their types, a fact's id, the kinds of catalog. Plain data, light
enough for every start-up (the model's classes are in `povcli.model`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

FACT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# name -> (allowed types, required)
FACT_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "id": ((str,), True),
    "section": ((str,), True),
    "topic": ((list,), True),
    "series": ((str,), False),
    # what the figure covers: "national", or a province, region or programme by name; borrowing
    # matches it exactly, so a province's figure never stands in for the nation's
    "scope": ((str,), False),
    "subject": ((str,), True),
    "label": ((str,), True),
    "aliases": ((list,), False),
    "value": ((int, float), True),
    "value_max": ((int, float), False),
    "unit": ((str,), True),
    "written": ((str,), True),
    "qualifier": ((str,), False),
    "period": ((str,), False),
    "quote": ((str,), True),
    "citation": ((dict,), False),
    "note": ((str,), False),
}
# fields of a reference catalog's facts: left out of a fact's record when it has none
REFERENCE_FIELDS = ("series", "scope", "citation")
CITATION_FIELDS = ("publisher", "date", "title", "url")
# where the page read is a copy of the publisher's release: the copy's address
CITATION_OPTIONAL = ("via",)
REFERENCE = "reference"


def catalog_id(source: dict[str, Any], path: Path) -> str:
    """`source.id`, else the file name's stem (the name other catalogs use for it)."""
    own = source.get("id")
    return own if isinstance(own, str) and own else path.stem


# what a draft leaves for a person to write: `validate` warns, and nothing refuses it
TO_FILL = "[to fill]"


def type_name(value: Any) -> str:
    """A value's type in the words the error messages use."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    names = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


# a fact of a library is named CATALOG:ID
SEPARATOR = ":"


def split_name(name: str) -> tuple[str | None, str]:
    """`CATALOG:ID` as (catalog, id); a bare id as (None, id)."""
    catalog, separator, fact_id = name.rpartition(SEPARATOR)
    return (catalog, fact_id) if separator else (None, name)
