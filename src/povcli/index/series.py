"""Series: the facts of a library that measure one thing over time (`series` + `period`)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from povcli.errors import require_choice
from povcli.numbers import (
    SCALES,
    Interval,
    NumberError,
    bounds_of,
    parse_quantity,
    quantity_pattern,
)
from povcli.units import MINUS

YEAR = re.compile(r"\d{4}")
# the change between two periods of a percentage is in percentage points
CHANGE_UNITS = {"%": "percentage-point"}
# ... and is written so: a change of 25.32% to 7.9% is −17.42个百分点
CHANGE_WORDS = {"%": "个百分点"}


def period_key(period: str | None) -> tuple[int, str]:
    """Periods in time order: by their first year, then as written (2020 before 2020 Q1–Q3)."""
    text = period or ""
    year = YEAR.search(text)
    return (int(year.group()) if year else 10**9, text)


def gather(records: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Each series' facts (with their catalog), in time order; series by id."""
    found: dict[str, list[dict[str, Any]]] = {}
    for catalog, record in records:
        if record.get("series"):
            found.setdefault(record["series"], []).append({"catalog": catalog, **record})
    for members in found.values():
        members.sort(key=lambda record: period_key(record.get("period")))
    return dict(sorted(found.items()))


def summaries(found: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One line a series: its id, catalogs, periods, how many facts, and the periods its
    sources state differently."""
    return [
        {
            "series": name,
            "catalog": list(dict.fromkeys(m["catalog"] for m in members)),
            "periods": list(dict.fromkeys(str(m.get("period") or "") for m in members)),
            "count": len(members),
            "unit": members[0]["unit"],
            "disputed": sorted(str(p) for p in disputed_periods(members)),
        }
        for name, members in found.items()
    ]


def rows(found: dict[str, list[dict[str, Any]]], name: str) -> list[dict[str, Any]]:
    """One series as a table: period, value as written, change from the previous period, source.

    The change is from the first fact of the previous period (two sources of one period
    are both shown; each is compared with the same earlier figure), in base units
    (`change`) and as the figures are written (`change_written`: −1386万人, +2373元,
    −17.42个百分点). A period whose sources disagree beyond their rounding is `disputed`.
    """
    members = found[require_choice(name, found, "series")]
    disputed = disputed_periods(members)
    result = []
    previous: dict[str, Any] | None = None
    current_period: str | None = None
    first_of_period: dict[str, Any] | None = None
    for record in members:
        period = record.get("period")
        if period != current_period:
            previous, current_period, first_of_period = first_of_period, period, record
        change = None
        if previous is not None and previous["unit"] == record["unit"]:
            change = round(float(record["value"]) - float(previous["value"]), 10)
            change = int(change) if change.is_integer() else change
        citation = record.get("citation") or {}
        result.append(
            {
                "period": period,
                "written": record["written"],
                "value": record["value"],
                "unit": record["unit"],
                "change": change,
                "change_unit": CHANGE_UNITS.get(record["unit"], record["unit"]),
                "from_period": previous.get("period") if previous is not None else None,
                "change_written": (
                    written_change(change, record, previous)
                    if change is not None and previous is not None
                    else None
                ),
                "disputed": period in disputed,
                "catalog": record["catalog"],
                "fact": f"{record['catalog']}:{record['id']}",
                "citation": ", ".join(
                    str(citation[k]) for k in ("publisher", "date") if citation.get(k)
                )
                or None,
                "url": citation.get("url"),
            }
        )
    return result


def disputed_periods(members: Sequence[dict[str, Any]]) -> set[Any]:
    """Periods two facts of the series state differently: their figures' rounding intervals
    do not meet (25.32% is 25.315–25.325%, 25.2% is 25.15–25.25%: they disagree)."""
    by_period: dict[Any, list[dict[str, Any]]] = {}
    for record in members:
        by_period.setdefault(record.get("period"), []).append(record)
    return {
        period
        for period, records in by_period.items()
        if any(not _agree(a, b) for n, a in enumerate(records) for b in records[n + 1 :])
    }


def _agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["unit"] != b["unit"]:
        return True  # not the same measure: nothing to compare
    return bool(_interval(a).overlaps(_interval(b)))


def _interval(record: dict[str, Any]) -> Interval:
    try:
        return bounds_of(parse_quantity(str(record["written"])))
    except NumberError:
        value = float(record["value"])
        return Interval(value, value)


def written_change(change: float, record: dict[str, Any], previous: dict[str, Any]) -> str | None:
    """A change in the units the two figures are written in: 1660万人 → 551万人 is −1109万人
    (the finer scale and the finer last digit of the two); None when either is not written
    as a plain figure."""
    form, previous_form = (_written_form(str(r["written"])) for r in (record, previous))
    if form is None or previous_form is None:
        return None
    scale_word, scale, step, word = form
    previous_word, previous_scale, previous_step, _ = previous_form
    if previous_scale < scale:
        scale_word, scale = previous_word, previous_scale
    places = max(0, -math.floor(math.log10(min(step, previous_step) / scale) + 1e-9))
    size = f"{abs(change) / scale:,.{places}f}".replace(",", "")
    sign = "+" if change > 0 else MINUS if change < 0 else "±"
    return f"{sign}{size}{scale_word}{CHANGE_WORDS.get(record['unit'], word)}"


def _written_form(written: str) -> tuple[str, float, float, str] | None:
    """(scale word, its size, the size of the last digit, the words after the figure) of a
    figure: 551万人 → (万, 10000, 10000, 人); 25.32% → ("", 1, 0.01, %)."""
    match = quantity_pattern().fullmatch(unicodedata.normalize("NFKC", written).strip())
    if not match or match["high"] or match["prefix"] or match["more"] or match["low_more"]:
        return None
    scale_word = match["low_scale"] or ""
    scale = float(SCALES.get(scale_word, 1))
    places = len(match["low"].partition(".")[2])
    word = (match["suffix"] or "") + (match["measure"] or "") + (match["postfix"] or "")
    return scale_word, scale, scale * 10.0**-places, word
