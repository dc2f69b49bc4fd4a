"""The one place output is shaped: a table for people; JSON, CSV, YAML for machines.

Every command hands its records here. Tables, grids and results are laid out line by line
(`povcli.output.lines`): plain text into a pipe, Rich's styles on a terminal; panels and
charts are Rich's own renderables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from povcli.output.formats import format_value
from povcli.output.lines import (
    Canvas,
    Column,
    Lines,
    Marked,
    grid,
    joined,
    records_table,
    rule,
    stacked_records,
)
from povcli.units import MINUS

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from povcli.output.lines import Cell

__all__ = ["Column", "records_table", "stacked_records"]


def styled(text: str, spans: Sequence[tuple[int, int, str]]) -> Marked:
    """Data with styles on spans of the original string (shown plain into a pipe)."""
    return Marked(text, tuple(spans))


def highlight(text: str, needles: Sequence[tuple[str, str]]) -> Marked:
    """The text with every occurrence of each (needle, style) styled."""
    spans = [
        (match.start(), match.end(), style)
        for needle, style in needles
        if needle
        for match in re.finditer(re.escape(needle), text)
    ]
    return styled(text, spans)


def _rich(marked: Marked) -> Text:
    """Marked text as Rich Text, for a panel."""
    from rich.text import Text

    made = Canvas(0, styled=True).cell(marked)
    assert isinstance(made, Text)
    return made


SOURCE_COLUMN = Column("catalog", "source", style="magenta", min_width=8, drop=2)


def facts_table(
    records: Iterable[dict[str, Any]], lang: str, source: bool = False
) -> RenderableType | Lines:
    """`source`: a column naming each fact's catalog (when several are shown). On a narrow
    terminal the period is left out first, then the figure as written, then the source."""
    what = "subject" if lang == "zh" else "label"
    rows = ({**r, "value": f"{format_value(r['value'])}{_max(r)} {r['unit']}"} for r in records)
    columns = [
        *([SOURCE_COLUMN] if source else []),
        Column("id", "id", style="cyan", min_width=12, no_wrap=True),
        Column(what, what, min_width=16),  # 8 CJK characters a line at least
        Column("written", "written", min_width=6, drop=3),
        Column("value", "value", justify="right", no_wrap=True),
        Column("period", "period", min_width=4, drop=4),
    ]
    return records_table(rows, columns)


def _max(record: dict[str, Any]) -> str:
    value_max = record.get("value_max")
    return f"–{format_value(value_max)}" if value_max is not None else ""


def fact_detail(record: dict[str, Any]) -> RenderableType | Lines:
    """One fact in full: its fields, then its quote with the number highlighted (and the
    paragraph around it in a panel, with --context)."""
    shown = {**record, "value": format_value(record["value"]) + _max(record)}
    if isinstance(record.get("citation"), dict):  # a reference catalog's page, a line a field
        shown["citation"] = "\n".join(f"{k}: {v}" for k, v in record["citation"].items())
    pairs = [
        (key, value)
        for key, value in shown.items()
        if key not in ("quote", "context") and value not in (None, [], "")
    ]
    pairs.append(("quote", highlight(record["quote"], [(record["written"], "bold yellow")])))
    fields = _fields(pairs)
    if not record.get("context"):
        return fields
    from rich.console import Group
    from rich.panel import Panel

    needles = [(record["quote"], "underline"), (record["written"], "bold yellow")]
    context = _rich(highlight(record["context"], needles))
    return Group(fields, Panel(context, title="context", title_align="left", expand=False))


def _keyed(canvas: Canvas, pairs: Iterable[tuple[str, Any]]) -> list[tuple[Cell, Cell]]:
    """Rows of a "key  value" grid, the keys in bold cyan."""
    return [(canvas.cell(key, "bold cyan"), canvas.cell(value)) for key, value in pairs]


def _info_pairs(info: dict[str, Any]) -> list[tuple[str, Any]]:
    pairs = []
    for key, value in info.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        pairs.append((key, value))
    return pairs


def info_table(info: dict[str, Any]) -> Lines:
    return info_tables([info])


def info_tables(infos: Sequence[dict[str, Any]]) -> Lines:
    """The fields of each catalog, a blank line between them."""
    return joined([_fields(_info_pairs(info)) for info in infos])


def _fields(pairs: list[tuple[str, Any]]) -> Lines:
    """A "key  value" grid of the pairs."""
    return Lines(lambda _, canvas: grid(canvas, _keyed(canvas, pairs)))


def series_list(records: Sequence[dict[str, Any]]) -> RenderableType:
    """The series of a library: id, catalogs, periods, how many facts."""
    rows = [
        {**r, "periods": _periods(r["periods"]), "catalog": ", ".join(r["catalog"])}
        for r in records
    ]
    columns = [
        Column("series", "series", style="cyan", min_width=12),
        Column("catalog", "catalog", min_width=8),
        Column("periods", "periods", min_width=10),
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
        Column("source", "source", min_width=12),
    ]
    table = records_table(shown, columns, title=name)
    chart = Table.grid(padding=(0, 1))
    chart.add_column(style="cyan", no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True)
    top = max((max(float(row["value"]), 0.0) for row in rows), default=0.0) or 1.0
    for row in rows:
        bar = Bar(size=top, begin=0, end=max(float(row["value"]), 0.0), width=40, color="green")
        chart.add_row(_rich(Marked(str(row["period"]))), bar, _rich(Marked(str(row["written"]))))
    disputes = [_rich(Marked(line)) for line in _disputes(rows)]
    return Group(table, *disputes, "", chart)


def problems_table(problems: Sequence[dict[str, Any]], path: str) -> Lines:
    columns = [
        Column("line", "line", justify="right"),
        Column("fact", "fact", style="cyan"),
        Column("level", "level"),
        Column("problem", "problem", min_width=10),
    ]
    table = records_table(problems, columns)

    def produce(lines: Lines, canvas: Canvas) -> Iterator[Cell]:
        # the path on a line of its own: a table title would wrap it at the table's width
        yield from canvas.wrap(canvas.cell(path), canvas.width)
        yield from table.produce(lines, canvas)

    return Lines(produce)


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


def check_results(records: Sequence[dict[str, Any]]) -> Lines:
    """Each result with its formula, bound inputs, bounds, claim, verdict and readings."""

    def produce(_: Lines, canvas: Canvas) -> Iterator[Cell]:
        for record in records:
            style = VERDICT_STYLES.get(record["verdict"], "bold")
            yield from rule(canvas, canvas.cell(f"{record['id']} · {verdict_label(record)}", style))
            yield from grid(canvas, _result_rows(canvas, record))

    return Lines(produce)


def check_findings(records: Sequence[dict[str, Any]]) -> Lines:
    """Each relation of an article: its sentence with the figures marked, then its working."""

    def produce(_: Lines, canvas: Canvas) -> Iterator[Cell]:
        for record in records:
            style = VERDICT_STYLES.get(record["verdict"], "bold")
            title = f"{record['id']} · {record['kind']} · {verdict_label(record)}"
            yield from rule(canvas, canvas.cell(title, style))
            figures = [item["written"] for item in record["inputs"]]
            marks = [(f, "bold yellow") for f in [*figures, record.get("claimed_written") or ""]]
            sentence = canvas.cell(highlight(record["sentence"], marks))
            where = canvas.cell(f"at {record['start']}–{record['end']}", "dim")
            yield from canvas.wrap(canvas.join([sentence, " ", where]), canvas.width)
            yield from grid(canvas, _result_rows(canvas, record))

    return Lines(produce)


def _result_rows(canvas: Canvas, record: dict[str, Any]) -> list[tuple[Cell, Cell]]:
    rows: list[tuple[Cell, Cell]] = []

    def row(key: str, value: str, style: str = "") -> None:
        rows.append((canvas.cell(key, "bold cyan"), canvas.cell(value, style)))

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
    return rows


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
    from povcli.search.query import highlight_spans  # the query rules: `search` only

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
        Column(what, what, min_width=8),
        Column("figure", "figure", min_width=8),
        Column("quote", "quote", min_width=10),
    ]
    return records_table(rows, columns)


def _highlighted(text: str, spans: Sequence[tuple[int, int]]) -> Marked:
    return styled(text, [(start, end, "bold yellow") for start, end in spans])


def article_paragraph(number: int, text: str, query: str) -> RenderableType:
    """A paragraph of the article (as `show --context` shows one), the query highlighted."""
    from rich.panel import Panel

    from povcli.search.query import highlight_spans  # the query rules: `show --context` only

    spans = highlight_spans(text, query, {})
    return Panel(
        _rich(_highlighted(text, spans)),
        title=f"paragraph {number}",
        title_align="left",
        expand=False,
    )


def _mention_value(record: dict[str, Any]) -> str:
    """A year is 2012, not 2,012; other values as people read them."""
    if record["kind"] == "date" and isinstance(record["value"], int | float):
        return str(int(record["value"]))
    return format_value(record["value"]) + _max(record)


def figures_table(records: Sequence[dict[str, Any]]) -> RenderableType:
    """How check reads each figure: `check --figures`."""
    rows = [
        {**r, "n": str(n), "head": "" if r["head"] is None else str(r["head"]),
         "period": (r["period"] or "") + (f" ({r['period_from']})" if r["period_from"] else "")}
        for n, r in enumerate(records)
    ]  # fmt: skip
    columns = [
        Column("n", "#", justify="right"),
        Column("written", "written", min_width=6),
        Column("role", "role"),
        Column("subject", "subject", min_width=8),
        Column("period", "period", min_width=6),
        Column("scope", "scope"),
        Column("head", "of", justify="right"),
    ]
    return records_table(rows, columns)


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
