"""The catalog's JSON Schema: built from the same definitions the loader checks.

`facts.schema.json` beside this module is this schema written out (a test
keeps the two equal); editors use it through the `yaml-language-server`
line at the top of `data/facts.yaml`, and `povcli validate` checks with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from povcli.catalog import FACT_FIELDS, FACT_ID
from povcli.checks import DIRECTIONS, KINDS
from povcli.numbers import QUALIFIERS
from povcli.units import UNITS

SCHEMA_PATH = Path(__file__).resolve().parent / "facts.schema.json"
_JSON_TYPES = {str: "string", int: "number", float: "number", list: "array", dict: "object"}
_STRINGS = {"type": "string"}


def _fact_schema() -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name, (types, _) in FACT_FIELDS.items():
        properties[name] = {"type": sorted({_JSON_TYPES[t] for t in types})[0]}
    properties["id"]["pattern"] = f"^{FACT_ID.pattern}$"
    properties["topic"].update(items={"type": "string", "minLength": 1}, minItems=1)
    properties["aliases"].update(items={"type": "string", "minLength": 1})
    properties["unit"]["enum"] = list(UNITS)
    properties["qualifier"]["enum"] = list(QUALIFIERS)
    for name in ("subject", "label", "written", "quote", "section"):
        properties[name]["minLength"] = 1
    return {
        "type": "object",
        "required": [name for name, (_, required) in FACT_FIELDS.items() if required],
        "additionalProperties": False,
        "properties": properties,
    }


def _check_schema() -> dict[str, Any]:
    fact_ids = {"oneOf": [_STRINGS, {"type": "array", "items": _STRINGS, "minItems": 1}]}
    return {
        "type": "object",
        "required": ["id", "kind", "inputs"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": f"^{FACT_ID.pattern}$"},
            "kind": {"enum": list(KINDS)},
            "title": _STRINGS,
            "title_en": _STRINGS,
            "inputs": {"type": "object", "additionalProperties": fact_ids},
            "missing": {"type": "object", "additionalProperties": _STRINGS},
            "periods": {"type": "number", "exclusiveMinimum": 0},
            "direction": {"enum": list(DIRECTIONS)},
        },
    }


def _source_schema() -> dict[str, Any]:
    section = {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": _STRINGS,
            "heading": {"type": ["string", "null"]},
            "heading_en": _STRINGS,
        },
    }
    return {
        "type": "object",
        "required": ["title", "date", "publisher", "text"],
        "properties": {
            "title": _STRINGS,
            "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "publisher": _STRINGS,
            "text": _STRINGS,
            "sections": {"type": "array", "items": section},
            "restorations": {"type": "array", "items": {"type": "object"}},
            "not_recorded": {"type": "array", "items": {"type": "object"}},
        },
    }


def catalog_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "povcli fact catalog",
        "description": "Every statistic of an article, each traceable to a verbatim quote.",
        "type": "object",
        "required": ["source", "facts"],
        "additionalProperties": False,
        "properties": {
            "source": {"$ref": "#/$defs/source"},
            "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
            "checks": {"type": "array", "items": {"$ref": "#/$defs/check"}},
        },
        "$defs": {"source": _source_schema(), "fact": _fact_schema(), "check": _check_schema()},
    }


def schema_text() -> str:
    return json.dumps(catalog_schema(), ensure_ascii=False, indent=2) + "\n"


def shipped_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema
