"""Years and spans of years, as catalogs and results write them: the one period parser.

A period is text: "2019", "2019-12", "2013—2019"; its year is the four-digit year it starts
with (a five-digit "10000" is no year). A span runs from one year to a later one: the
number of periods between two year-end levels of 2013 and 2019 is 6.
"""

from __future__ import annotations

import re
from typing import Any

YEAR = re.compile(r"(\d{4})(?!\d)")
# "2013 → 2019: the years of the two levels": the first year a result's periods count from
FROM_YEAR = re.compile(r"(\d{4}) →")


def year_of(period: str | None) -> int | None:
    """The year a period starts with, if it starts with one."""
    found = YEAR.match(period or "")
    return int(found.group(1)) if found else None


def year_span(start: str | None, end: str | None) -> int | None:
    """Years from the start period to a later end period; None when either has no year or
    the end is not after the start (such periods make no span to compound over)."""
    first, last = year_of(start), year_of(end)
    if first is None or last is None or last <= first:
        return None
    return last - first


def compound_years(record: dict[str, Any]) -> tuple[int | None, float | None]:
    """The first year and the number of periods of a judged compound rate (a result's record):
    from the periods the relation was judged over, else from its inputs' periods."""
    periods = record.get("periods") or {}
    if periods.get("value"):
        found = FROM_YEAR.match(periods.get("from") or "")
        return (int(found.group(1)) if found else None), float(periods["value"])
    inputs = {item.get("role"): item for item in record.get("inputs") or []}
    start, end = (inputs.get(role, {}).get("period") for role in ("start", "end"))
    span = year_span(start, end)
    return (year_of(start), float(span)) if span else (None, None)
