"""Series: the facts of a library that measure one thing over time (`series` + `period`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from povcli.errors import require_choice

YEAR = re.compile(r"\d{4}")
# the change between two periods of a percentage is in percentage points
CHANGE_UNITS = {"%": "percentage-point"}


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
    """One line a series: its id, catalogs, periods and how many facts."""
    return [
        {
            "series": name,
            "catalog": list(dict.fromkeys(m["catalog"] for m in members)),
            "periods": list(dict.fromkeys(str(m.get("period") or "") for m in members)),
            "count": len(members),
            "unit": members[0]["unit"],
        }
        for name, members in found.items()
    ]


def rows(found: dict[str, list[dict[str, Any]]], name: str) -> list[dict[str, Any]]:
    """One series as a table: period, value as written, change from the previous period, source.

    The change is from the first fact of the previous period (two sources of one period
    are both shown; each is compared with the same earlier figure).
    """
    members = found[require_choice(name, found, "series")]
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
