"""Charts in the terminal: each compound rate year by year as Rich bars (`--chart`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from povcli.output.formats import console, format_value
from povcli.periods import compound_years

if TYPE_CHECKING:
    from rich.console import RenderableType


def cagr_chart(record: dict[str, Any]) -> RenderableType | None:
    """The path each rate draws from the start year to the end, year by year, as bars:
    the rate the figures imply beside the rate the text states."""
    if record.get("kind") != "cagr" or record.get("computed") is None:
        return None
    values = {item["role"]: item["value"] for item in record["inputs"]}
    first, periods = compound_years(record)
    if not periods or periods <= 0 or "start" not in values or not float(periods).is_integer():
        return None  # no whole number of years to draw (none, or the years reversed)
    start, implied = values["start"], record["computed"] / 100
    claimed = record.get("claimed")
    rates = [("figures imply", implied, "green")]
    if claimed is not None:
        rates.append(("text states", claimed / 100, "red"))
    steps = range(int(periods) + 1)
    paths = [compound_path(start, rate, steps) for _, rate, _ in rates]
    if start <= 0 or any(path is None for path in paths):
        return None  # a level at or below zero, or a path beyond any number: no chart
    from rich.bar import Bar
    from rich.table import Table
    from rich.text import Text

    top = max(value for path in paths if path for value in path)
    table = Table(box=None, padding=(0, 1), show_header=True)
    table.add_column("period")
    for name, rate, _ in rates:
        table.add_column(Text(f"{name} {rate * 100:.2f}%"), width=32)
        table.add_column("", justify="right")
    for step in steps:
        cells: list[Any] = [str(first + step) if first else f"+{step}"]
        for (_, _, colour), path in zip(rates, paths, strict=True):
            value = path[step] if path else 0.0
            cells += [Bar(top, 0, value, width=30, color=colour), format_value(round(value))]
        table.add_row(*cells)
    return table


def compound_path(start: float, rate: float, steps: Sequence[float]) -> list[float] | None:
    """start × (1 + rate)^step at each step; None when a value is not a finite number
    (a rate of 1e297% overflows; a fall of over 100% has no real power)."""
    path = []
    for step in steps:
        try:
            value = start * (1 + rate) ** step
        except (OverflowError, ZeroDivisionError):
            return None
        if isinstance(value, complex) or not math.isfinite(value):
            return None
        path.append(value)
    return path


def with_charts(records: Sequence[dict[str, Any]], body: RenderableType) -> RenderableType:
    """The results, then a chart of each compound rate: only on a terminal (a pipe gets
    the results alone)."""
    from rich.console import Group
    from rich.text import Text

    charts = [chart for record in records if (chart := cagr_chart(record)) is not None]
    if not charts or not console().is_terminal:
        return body
    titled: list[RenderableType] = []
    for record, chart in zip(
        [r for r in records if cagr_chart(r) is not None], charts, strict=True
    ):
        titled += [Text(f"{record['id']}: compound growth, year by year", style="bold"), chart]
    return Group(body, *titled)


def charted(records: Sequence[dict[str, Any]], body: RenderableType, chart: bool) -> RenderableType:
    """The body, with the compound rates' charts under it when asked."""
    return with_charts(records, body) if chart else body
