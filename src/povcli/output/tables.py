"""The one place output is shaped: a Rich table for people; JSON, CSV, YAML for machines.

Every command hands its records here. Rich is imported only for table output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from povcli.numbers import MINUS
from povcli.output.formats import _SAFE, format_value, safe_text
from povcli.search.query import highlight_spans

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


@dataclass(frozen=True)
class Column:
    """A table column: which record key, its header, and how it lays out."""

    key: str
    header: str
    style: str | None = None
    justify: str = "left"
    min_width: int | None = None
    ratio: int | None = None
    no_wrap: bool = False  # identifiers: never split across lines


class FallbackTable:
    """A table, or, when Rich would have to crop it, the same records stacked.

    Rich wraps CJK cells fine but crops a table whose columns cannot all
    shrink enough; the table is rendered once, and if its right border did
    not survive, the stacked form is printed instead.
    """

    def __init__(self, table: RenderableType, stacked: RenderableType) -> None:
        self.table, self.stacked = table, stacked

    def __rich_console__(self, console: Console, options: Any) -> Any:
        lines = console.render_lines(self.table, options, pad=False, new_lines=True)
        texts = ("".join(segment.text for segment in line).strip() for line in lines)
        top = next((text for text in texts if text.startswith(("┏", "┌"))), "")
        if top.endswith(("┓", "┐")):
            for line in lines:
                yield from line
        else:
            yield self.stacked


def records_table(
    records: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None = None
) -> RenderableType:
    """A table whose cells wrap (CJK too) instead of ending in an ellipsis.

    On a terminal too narrow for the columns, each record is stacked as
    "header  value" lines instead, so nothing is cropped.
    """
    from rich.table import Table

    table = Table(title=_text(title), show_lines=False, expand=False, title_justify="left")
    for column in columns:
        table.add_column(
            column.header,
            style=column.style,
            justify=column.justify,  # type: ignore[arg-type]
            overflow="fold",
            min_width=column.min_width,
            ratio=column.ratio,
            no_wrap=column.no_wrap,
        )
    for record in records:
        table.add_row(*(_cell(record.get(column.key)) for column in columns))
    return FallbackTable(table, stacked_records(records, columns, title))


def stacked_records(
    records: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None = None
) -> RenderableType:
    from rich.console import Group
    from rich.table import Table

    parts: list[RenderableType] = [_text(title)] if title else []
    for record in records:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for column in columns:
            if record.get(column.key) not in (None, "", []):
                grid.add_row(column.header, _cell(record.get(column.key)))
        parts.extend([grid, ""])
    return Group(*parts)


def _cell(value: Any) -> Any:
    """A table cell from data: a Text (never parsed as markup), its controls made visible."""
    from rich.text import Text

    if isinstance(value, Text):
        return value
    if value is None:
        return Text("")
    if isinstance(value, list):
        return _text(", ".join(str(v) for v in value))
    return _text(str(value))


def _text(value: str | None, style: str = "") -> Any:
    """Data as a Rich Text: shown as written, never as markup or escape codes."""
    from rich.text import Text

    return None if value is None else Text(safe_text(value), style=style)


def styled(text: str, spans: Sequence[tuple[int, int, str]]) -> Any:
    """Data as Text with styles on spans of the original string.

    The spans are moved to where `safe_text` puts their characters (a
    control shown as <U+202E> is longer than the one character it stands for).
    """
    from rich.text import Text

    shown = safe_text(text)
    if len(shown) == len(text):
        at = list(range(len(text) + 1))
    else:
        at = [0]
        for char in text:
            at.append(at[-1] + len(char.translate(_SAFE)))
    rich_text = Text(shown)
    for start, end, style in spans:
        rich_text.stylize(style, at[start], at[end])
    return rich_text


def highlight(text: str, needles: Sequence[tuple[str, str]]) -> Any:
    """Rich Text with every occurrence of each (needle, style) styled."""
    import re

    spans = [
        (match.start(), match.end(), style)
        for needle, style in needles
        if needle
        for match in re.finditer(re.escape(needle), text)
    ]
    return styled(text, spans)


SOURCE_COLUMN = Column("catalog", "source", style="magenta", min_width=8)


def facts_table(
    records: Sequence[dict[str, Any]], lang: str, source: bool = False
) -> RenderableType:
    """`source`: a column naming each fact's catalog (when several are shown)."""
    what = "subject" if lang == "zh" else "label"
    rows = [{**r, "value": f"{format_value(r['value'])}{_max(r)} {r['unit']}"} for r in records]
    columns = [
        *([SOURCE_COLUMN] if source else []),
        Column("id", "id", style="cyan", min_width=12, no_wrap=True),
        Column(what, what, ratio=3, min_width=10),
        Column("written", "written", min_width=6),
        Column("value", "value", justify="right", min_width=5),
        Column("period", "period", min_width=4),
    ]
    return records_table(rows, columns)


def _max(record: dict[str, Any]) -> str:
    value_max = record.get("value_max")
    return f"–{format_value(value_max)}" if value_max is not None else ""


def fact_detail(record: dict[str, Any]) -> RenderableType:
    """One fact in full: its fields, then its quote with the number highlighted."""
    from rich.console import Group
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column(overflow="fold")
    shown = {**record, "value": format_value(record["value"]) + _max(record)}
    if isinstance(record.get("citation"), dict):  # a reference catalog's page, a line a field
        shown["citation"] = "\n".join(f"{k}: {v}" for k, v in record["citation"].items())
    for key, value in shown.items():
        if key in ("quote", "context") or value in (None, [], ""):
            continue
        grid.add_row(key, _cell(value))
    grid.add_row("quote", highlight(record["quote"], [(record["written"], "bold yellow")]))
    parts: list[RenderableType] = [grid]
    if record.get("context"):
        from rich.panel import Panel

        needles = [(record["quote"], "underline"), (record["written"], "bold yellow")]
        context = highlight(record["context"], needles)
        parts.append(Panel(context, title="context", title_align="left", expand=False))
    return Group(*parts)


def info_table(info: dict[str, Any]) -> RenderableType:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in info.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        grid.add_row(key, _cell(value))
    return grid


def info_tables(infos: Sequence[dict[str, Any]]) -> RenderableType:
    """`info_table` of each catalog, a blank line between them."""
    from rich.console import Group

    parts: list[RenderableType] = []
    for number, info in enumerate(infos):
        parts.extend([""] if number else [])
        parts.append(info_table(info))
    return Group(*parts)


def series_list(records: Sequence[dict[str, Any]]) -> RenderableType:
    """The series of a library: id, catalogs, periods, how many facts."""
    rows = [
        {**r, "periods": _periods(r["periods"]), "catalog": ", ".join(r["catalog"])}
        for r in records
    ]
    columns = [
        Column("series", "series", style="cyan", min_width=12),
        Column("catalog", "catalog", min_width=8),
        Column("periods", "periods", ratio=2, min_width=10),
        Column("count", "count", justify="right", min_width=5),
        Column("unit", "unit", min_width=4),
    ]
    return records_table(rows, columns)


def _periods(periods: Sequence[str]) -> str:
    """2010, 2011, …, 2019 as 2010–2019 when they run year by year; else listed."""
    if len(periods) > 2 and all(p.isdigit() for p in periods):
        years = [int(p) for p in periods]
        if years == list(range(years[0], years[0] + len(years))):
            return f"{years[0]}–{years[-1]}"
    return ", ".join(periods)


def _change(row: dict[str, Any]) -> str:
    change = row.get("change")
    if change is None:
        return ""
    text = row.get("change_written")  # in the units the figures are written in: −1109万人
    if not text:
        sign = "+" if change > 0 else MINUS if change < 0 else "±"
        text = f"{sign}{format_value(abs(change))} {row['change_unit']}"
    since, period = str(row.get("from_period")), str(row.get("period"))
    if not (since.isdigit() and period.isdigit() and int(period) - int(since) == 1):
        text += f" since {since}"  # not the year before: say which period it is from
    return text


DISPUTED_MARK = " (disputed)"


def _disputes(rows: Sequence[dict[str, Any]]) -> list[str]:
    """A line for each period whose sources disagree beyond their rounding."""
    periods: dict[str, list[str]] = {}
    for row in rows:
        if row.get("disputed"):
            periods.setdefault(str(row["period"]), []).append(f"{row['written']} ({row['fact']})")
    return [
        f"{period}{DISPUTED_MARK}: the sources disagree beyond their rounding: "
        + " and ".join(figures)
        for period, figures in periods.items()
    ]


def series_chart(rows: Sequence[dict[str, Any]], name: str) -> RenderableType:
    """One series: a table (period, value as written, change, source), the periods its sources
    state differently, and a bar chart under it."""
    from rich.bar import Bar
    from rich.console import Group
    from rich.table import Table

    shown = [
        {
            **row,
            "period": f"{row['period']}{DISPUTED_MARK if row.get('disputed') else ''}",
            "change": _change(row),
            "source": row["fact"] + (f"\n{row['citation']}" if row.get("citation") else ""),
        }
        for row in rows
    ]
    columns = [
        Column("period", "period", style="cyan", min_width=4),
        Column("written", "written", min_width=6),
        Column("change", "change", justify="right", min_width=6),
        Column("source", "source", ratio=3, min_width=12),
    ]
    table = records_table(shown, columns, title=name)
    chart = Table.grid(padding=(0, 1))
    chart.add_column(style="cyan", no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True)
    top = max((max(float(row["value"]), 0.0) for row in rows), default=0.0) or 1.0
    for row in rows:
        bar = Bar(size=top, begin=0, end=max(float(row["value"]), 0.0), width=40, color="green")
        chart.add_row(_cell(row["period"]), bar, _cell(row["written"]))
    disputes = [_text(line) for line in _disputes(rows)]
    return Group(table, *disputes, "", chart)


def problems_table(problems: Sequence[dict[str, Any]], path: str) -> RenderableType:
    columns = [
        Column("line", "line", justify="right"),
        Column("fact", "fact", style="cyan"),
        Column("level", "level"),
        Column("problem", "problem", ratio=1),
    ]
    from rich.console import Group

    # the path on a line of its own: a table title would wrap it at the table's width
    return Group(_text(path), records_table(problems, columns))


VERDICT_STYLES = {
    "consistent": "bold green",
    "inconsistent": "bold red",
    "derived": "bold blue",
    "unverifiable": "bold yellow",
}


def verdict_label(record: dict[str, Any]) -> str:
    label = str(record["verdict"])
    if record.get("by_rounding_only"):
        label += " (by rounding only)"
    if record.get("gross"):
        label += " (gross)"
    return label


def check_results(records: Sequence[dict[str, Any]]) -> RenderableType:
    """Each result with its formula, bound inputs, bounds, claim, verdict and readings."""
    from rich.console import Group
    from rich.rule import Rule
    from rich.text import Text

    parts: list[RenderableType] = []
    for record in records:
        style = VERDICT_STYLES.get(record["verdict"], "bold")
        title = Text(safe_text(f"{record['id']} · {verdict_label(record)}"), style=style)
        parts.append(Rule(title, align="left"))
        parts.append(_result_grid(record))
    return Group(*parts)


def check_findings(records: Sequence[dict[str, Any]]) -> RenderableType:
    """Each relation of an article: its sentence with the figures marked, then its working."""
    from rich.console import Group
    from rich.rule import Rule
    from rich.text import Text

    parts: list[RenderableType] = []
    for record in records:
        style = VERDICT_STYLES.get(record["verdict"], "bold")
        title = Text(
            safe_text(f"{record['id']} · {record['kind']} · {verdict_label(record)}"), style=style
        )
        figures = [item["written"] for item in record["inputs"]]
        marks = [(f, "bold yellow") for f in [*figures, record.get("claimed_written") or ""]]
        sentence = highlight(record["sentence"], marks)
        where = Text(f"at {record['start']}–{record['end']}", style="dim")
        parts.extend([Rule(title, align="left"), Text.assemble(sentence, " ", where)])
        parts.append(_result_grid(record))
    return Group(*parts)


def _result_grid(record: dict[str, Any]) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column(overflow="fold")

    def row(key: str, value: str, style: str = "") -> None:
        grid.add_row(Text(key), Text(safe_text(value), style=style))

    for key in ("title", "title_en"):
        if record.get(key):
            row("", record[key], "bold")
    if "sentence" not in record:
        row("kind", record["kind"])
    row("formula", record["formula"])
    row("working", record["working"])
    for item in record["inputs"]:
        source = f" = {item['fact']}" if item["fact"] else ""
        period = f", {item['period']}" if item.get("period") else ""
        row(item["role"], f"{item['written']}{source}{period}  {_bounds(item['bounds'])}")
    if record.get("computed") is not None:
        unit = record.get("unit") or ""
        computed = format_value(record["computed"])
        row("computed", f"{computed} {unit}".rstrip() + f"  bounds {_bounds(record['bounds'])}")
    if record.get("claimed_written"):
        bounds = _bounds(record["claimed_bounds"])
        row("claimed", f"{record['claimed_written']}  stands for {bounds}")
    if record.get("periods"):
        row("periods", f"{format_value(record['periods']['value'])} — {record['periods']['from']}")
    for reading in record.get("readings") or []:
        mark = "  ← matches the claim" if reading.get("matches_claim") else ""
        value = f"{reading['value']:.2f}".replace("-", MINUS)
        row("reading", f"{reading['reading']}: {value}%{mark}")
    for line in record.get("notes") or []:
        row("note", line)
    row("verdict", record["explanation"], VERDICT_STYLES.get(record["verdict"], "bold"))
    return grid


def _bounds(bounds: Sequence[float]) -> str:
    return f"[{format_value(bounds[0])}, {format_value(bounds[1])}]"


def search_table(
    records: Sequence[dict[str, Any]],
    query: str,
    script: dict[str, str],
    lang: str,
    source: bool = False,
) -> RenderableType:
    """Search results with the query's words highlighted where they occur."""
    what = "subject" if lang == "zh" else "label"
    rows = []
    for record in records:
        row = {**record, "value": format_value(record["value"]) + _max(record)}
        for key in (what, "quote"):
            row[key] = _highlighted(record[key], highlight_spans(record[key], query, script))
        row["figure"] = f"{record['written']} = {row['value']} {record['unit']}"
        rows.append(row)
    columns = [
        *([SOURCE_COLUMN] if source else []),
        Column("id", "id", style="cyan", min_width=12, no_wrap=True),
        Column(what, what, ratio=2, min_width=8),
        Column("figure", "figure", min_width=8),
        Column("quote", "quote", ratio=3, min_width=10),
    ]
    return records_table(rows, columns)


def _highlighted(text: str, spans: Sequence[tuple[int, int]]) -> Any:
    return styled(text, [(start, end, "bold yellow") for start, end in spans])


def article_paragraph(number: int, text: str, query: str) -> RenderableType:
    """A paragraph of the article (as `show --context` shows one), the query highlighted."""
    from rich.panel import Panel

    spans = highlight_spans(text, query, {})
    return Panel(
        _highlighted(text, spans), title=f"paragraph {number}", title_align="left", expand=False
    )


def _mention_value(record: dict[str, Any]) -> str:
    """A year is 2012, not 2,012; other values as people read them."""
    if record["kind"] == "date" and isinstance(record["value"], int | float):
        return str(int(record["value"]))
    return format_value(record["value"]) + _max(record)


def mentions_table(records: Sequence[dict[str, Any]]) -> RenderableType:
    rows = [{**r, "value": _mention_value(r), "at": f"{r['start']}–{r['end']}"} for r in records]
    columns = [
        Column("at", "at", justify="right", min_width=5),
        Column("written", "written", min_width=6),
        Column("value", "value", justify="right", min_width=5),
        Column("unit", "unit", min_width=4),
        Column("qualifier", "qualifier"),
        Column("kind", "kind"),
        Column("fact", "fact", style="cyan", min_width=10),
    ]
    return records_table(rows, columns)
