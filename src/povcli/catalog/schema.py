"""The catalog's JSON Schema: built from the same definitions the loader checks.

`facts.schema.json` beside this module is this schema written out (a test
keeps the two equal); editors use it through the `yaml-language-server`
line at the top of `data/facts.yaml`, and `povcli validate` checks with it.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from povcli.checks import DIRECTIONS
from povcli.fields import (
    CITATION_FIELDS,
    CITATION_OPTIONAL,
    FACT_FIELDS,
    FACT_ID,
    REFERENCE,
    type_name,
)
from povcli.kinds import KINDS
from povcli.model import Problem
from povcli.numbers import QUALIFIERS
from povcli.units import UNITS, unknown_unit

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
    properties["series"]["pattern"] = f"^{FACT_ID.pattern}$"
    properties["scope"]["minLength"] = 1
    properties["citation"] = _citation_schema()
    return {
        "type": "object",
        "required": [name for name, (_, required) in FACT_FIELDS.items() if required],
        "additionalProperties": False,
        "properties": properties,
    }


def _citation_schema() -> dict[str, Any]:
    """Where a reference catalog's fact was read: a date as the page shows it
    (2019-02-15, 2017-07, n.d.)."""
    names = CITATION_FIELDS + CITATION_OPTIONAL
    fields = {name: {"type": "string", "minLength": 1} for name in names}
    fields["url"]["pattern"] = fields["via"]["pattern"] = "^https?://"
    return {
        "type": "object",
        "required": list(CITATION_FIELDS),
        "additionalProperties": False,
        "properties": fields,
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
        "required": ["title", "date", "publisher"],
        # an article's catalog bundles its text; a reference catalog cites a page per fact
        "if": {"required": ["kind"], "properties": {"kind": {"const": REFERENCE}}},
        "then": {},
        "else": {"required": ["text"]},
        "properties": {
            "id": {"type": "string", "pattern": f"^{FACT_ID.pattern}$"},
            "kind": {"enum": ["article", REFERENCE]},
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


# ----------------------------------------------------------------- checking with it
# The loader and `validate` check a catalog with this schema and word its errors
# the same way: the catalog's shape is said once.

JSON_TYPE_NAMES = {
    "number": "a number",
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}


@cache
def _validators() -> tuple[Any, Any]:
    """(the catalog without its facts' items, one fact): facts are checked one by one,
    as the index reads them."""
    from jsonschema import Draft202012Validator

    schema = catalog_schema()
    top = {**schema, "properties": {**schema["properties"], "facts": {"type": "array"}}}
    fact = {**schema["$defs"]["fact"], "$defs": schema["$defs"]}
    return Draft202012Validator(top), Draft202012Validator(fact)


@cache
def _fact_is_valid() -> Any:
    """Whether a fact is valid, by the fact schema compiled into Python (fastjsonschema): a
    tenth of the time of jsonschema's validator, which the index build would otherwise spend
    on every fact. A fact it finds invalid is described by jsonschema, as `validate` does.

    The fact schema keeps to keywords that mean the same in draft-07, which fastjsonschema
    compiles, and in draft 2020-12 (type, required, properties, additionalProperties, enum,
    pattern, minLength, items, minItems, $ref): the two validators agree on every fact
    (tests/catalog/test_validate.py compares them on valid and broken facts)."""
    import fastjsonschema

    schema = catalog_schema()
    fact = {
        **schema["$defs"]["fact"],
        "$defs": schema["$defs"],
        "$schema": "http://json-schema.org/draft-07/schema#",
    }
    check = fastjsonschema.compile(fact)

    def valid(item: Any) -> bool:
        try:
            check(item)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return valid


def top_problems(data: Any) -> list[Problem]:
    """The catalog's shape apart from its facts: keys, source, checks."""
    return [
        Problem(describe_error(error, tuple(error.absolute_path)), tuple(error.absolute_path))
        for error in _validators()[0].iter_errors(data)
    ]


def fact_schema_problems(item: dict[str, Any], index: int) -> list[Problem]:
    """One fact's departures from the schema, located in the catalog."""
    if _fact_is_valid()(item):
        return []
    fact_id = item.get("id") if isinstance(item.get("id"), str) else None
    problems = []
    for error in _validators()[1].iter_errors(item):
        where = ("facts", index, *error.absolute_path)
        problems.append(Problem(describe_error(error, where), where, fact_id))
    return problems


def describe_error(error: Any, where: tuple[Any, ...]) -> str:
    """A schema error in the words a person editing YAML uses."""
    field = str(where[-1]) if where and isinstance(where[-1], str) else None
    value, kind = error.instance, error.validator
    if kind == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        return f"missing required field {missing.group(1) if missing else error.message!r}"
    if kind == "additionalProperties":
        extra = [key for key in value if key not in error.schema.get("properties", {})]
        return f"unknown {'top-level key' if not where else 'field'} {extra[0]!r}"
    if kind == "enum" and field == "unit":
        return unknown_unit(value)
    if kind == "enum":
        return f"{field} {value!r} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        names = " or ".join(JSON_TYPE_NAMES.get(str(w), str(w)) for w in wanted)
        subject = field or ("the top level" if not where else f"item {where[-1] + 1}")
        quote = f' — quote it: "{value}"' if isinstance(value, datetime.date) else ""
        return f"{subject} must be {names}, not {type_name(value)}{quote}"
    if kind == "pattern" and field in ("id", "series"):
        return f"{field} {value!r} is not kebab-case (income-2013)"
    if kind == "pattern" and field == "url":
        return f"url {value!r} must start with http:// or https://"
    if kind == "pattern" and field == "date":
        return f"date {value!r} must be written like 2021-01-20"
    if kind in ("minLength", "minItems"):
        return f"{field} must not be empty"
    return f"{field or 'value'}: {error.message}"
