"""JSON text as povcli writes it: indented by two spaces, non-ASCII kept, NaN as null.

`json.dumps(..., indent=2)` indents in pure Python (the standard library's C encoder works
only without indentation), which the index build pays for every fact and `verify` for
every result. This writes the same text in one recursive pass, the strings still escaped
by the C encoder, about twice as fast.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

_quoted = json.encoder.encode_basestring  # the C encoder's string escaping


def indented(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)` with NaN and infinities as null, in
    one pass and about twice as fast: the standard library indents in pure Python, here
    the strings are still escaped by its C encoder."""
    parts: list[str] = []
    _encode(data, parts, "\n")
    return "".join(parts)


def _encode(value: Any, parts: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        parts.append(_quoted(value))
    elif value is None or value is True or value is False:
        parts.append("null" if value is None else "true" if value else "false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float:
        parts.append(float.__repr__(value) if math.isfinite(value) else "null")
    elif kind is dict:
        _encode_items(list(value.items()), "{}", parts, newline)
    elif kind is list or kind is tuple:
        _encode_items(value, "[]", parts, newline)
    else:  # subclasses (a str enum), or anything json refuses: as json.dumps does
        parts.append(
            json.dumps(finite(value), ensure_ascii=False, indent=2, allow_nan=False).replace(
                "\n", newline
            )
        )


def _encode_items(items: Sequence[Any], brackets: str, parts: list[str], newline: str) -> None:
    if not items:
        parts.append(brackets)
        return
    inner = newline + "  "
    keyed = brackets == "{}"
    for number, item in enumerate(items):
        parts.append((brackets[0] if number == 0 else ",") + inner)
        if keyed:
            key, item = item
            parts.append(_quoted(key if isinstance(key, str) else _json_key(key)) + ": ")
        _encode(item, parts, inner)
    parts.append(newline + brackets[1])


def _json_key(key: Any) -> str:
    """A key that is not text as json.dumps writes it (numbers and booleans as JSON text)."""
    return json.dumps(finite(key))


def finite(data: Any) -> Any:
    """The data with NaN and infinities as None (JSON has no such numbers)."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data
