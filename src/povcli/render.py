"""The one place output is shaped: a Rich table for people; JSON, CSV, YAML for machines.

Every command hands its records here. Rich is imported only for table output.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

FORMATS = ("table", "json", "csv", "yaml")


@dataclass(frozen=True)
class Column:
    """A table column: which record key, its header, and how it lays out."""

    key: str
    header: str
    style: str | None = None
    justify: str = "left"
    min_width: int | None = None
    ratio: int | None = None


def write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def write_json_items(items: Iterable[str]) -> int:
    """A JSON list of records already encoded as `to_json` encodes them, written as they
    come (memory stays flat however many); the same text as `write(to_json(list))`."""
    from povcli.errors import OutputClosed

    out = sys.stdout
    count = 0
    try:
        for item in items:
            out.write(",\n  " if count else "[\n  ")
            out.write(item.replace("\n", "\n  "))  # JSON strings hold no raw newline
            count += 1
        out.write("\n]\n" if count else "[]\n")
    except BrokenPipeError:
        raise OutputClosed from None
    return count


def to_yaml(data: Any) -> str:
    import yaml

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def to_csv(records: Sequence[dict[str, Any]]) -> str:
    """One row per record; lists joined with "; ", nested data as JSON."""
    import csv
    import io

    keys: list[str] = []
    for record in records:
        keys.extend(key for key in record if key not in keys)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(record.get(key)) for key in keys})
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def output(data: Any, fmt: str, table: Callable[[], RenderableType | None]) -> None:
    """The one format switch of every command: machine formats, or the command's table.

    The table is built only when asked for (Rich is imported only then); an
    empty result prints no table at all.
    """
    if fmt != "table":
        emit_data(data, fmt)
    elif data:
        renderable = table()
        if renderable is not None:
            print_renderable(renderable)


def emit_data(data: Any, fmt: str) -> None:
    """Machine formats of any record or list of records."""
    if fmt == "json":
        write(to_json(data))
    elif fmt == "yaml":
        write(to_yaml(data))
    elif fmt == "csv":
        write(to_csv(data if isinstance(data, list) else [data]))
    else:
        raise ValueError(f"not a machine format: {fmt}")


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            # let the entry point end quietly with one exit code for every format
            raise BrokenPipeError

    return PipeAwareConsole(stderr=stderr, highlight=False, soft_wrap=False)


def print_renderable(renderable: RenderableType) -> None:
    console().print(renderable)


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

    table = Table(title=title, show_lines=False, expand=False, title_justify="left")
    for column in columns:
        table.add_column(
            column.header,
            style=column.style,
            justify=column.justify,  # type: ignore[arg-type]
            overflow="fold",
            min_width=column.min_width,
            ratio=column.ratio,
        )
    for record in records:
        table.add_row(*(_cell(record.get(column.key)) for column in columns))
    return FallbackTable(table, stacked_records(records, columns, title))


def stacked_records(
    records: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None = None
) -> RenderableType:
    from rich.console import Group
    from rich.table import Table

    parts: list[RenderableType] = [title] if title else []
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
    from rich.text import Text

    if isinstance(value, Text):
        return value
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def format_value(value: Any) -> str:
    """A number as people read it: 3,290,000 and 11.5 (no trailing .0)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"


def highlight(text: str, needles: Sequence[str], style: str = "bold yellow") -> Any:
    """Rich Text with every occurrence of each needle styled."""
    from rich.text import Text

    rich_text = Text(text)
    for needle in needles:
        if needle:
            rich_text.highlight_words([needle], style=style)
    return rich_text


def facts_table(records: Sequence[dict[str, Any]], lang: str) -> RenderableType:
    what = "subject" if lang == "zh" else "label"
    rows = [{**r, "value": f"{format_value(r['value'])}{_max(r)} {r['unit']}"} for r in records]
    columns = [
        Column("id", "id", style="cyan", min_width=12),
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
    for key, value in shown.items():
        if key in ("quote", "context") or value in (None, [], ""):
            continue
        grid.add_row(key, _cell(value))
    grid.add_row("quote", highlight(record["quote"], [record["written"]]))
    parts: list[RenderableType] = [grid]
    if record.get("context"):
        from rich.panel import Panel

        context = highlight(record["context"], [record["quote"]], style="underline")
        context.highlight_words([record["written"]], style="bold yellow")
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


def problems_table(problems: Sequence[dict[str, Any]], path: str) -> RenderableType:
    columns = [
        Column("line", "line", justify="right"),
        Column("fact", "fact", style="cyan"),
        Column("message", "problem", ratio=1),
    ]
    return records_table(problems, columns, title=path)


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
        title = Text(f"{record['id']} · {verdict_label(record)}", style=style)
        parts.append(Rule(title, align="left"))
        parts.append(_result_grid(record))
    return Group(*parts)


def _result_grid(record: dict[str, Any]) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column(overflow="fold")

    def row(key: str, value: str, style: str = "") -> None:
        grid.add_row(key, Text(value, style=style))

    for key in ("title", "title_en"):
        if record.get(key):
            row("", record[key], "bold")
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
        row("computed", f"{computed} {unit}  bounds {_bounds(record['bounds'])}")
    if record.get("claimed_written"):
        bounds = _bounds(record["claimed_bounds"])
        row("claimed", f"{record['claimed_written']}  stands for {bounds}")
    for reading in record.get("readings") or []:
        mark = "  ← matches the claim" if reading.get("matches_claim") else ""
        row("reading", f"{reading['reading']}: {reading['value']:.2f}%{mark}")
    row("verdict", record["explanation"], VERDICT_STYLES.get(record["verdict"], "bold"))
    return grid


def _bounds(bounds: Sequence[float]) -> str:
    return f"[{format_value(bounds[0])}, {format_value(bounds[1])}]"


def search_table(
    records: Sequence[dict[str, Any]], query: str, script: dict[str, str], lang: str
) -> RenderableType:
    """Search results with the query's words highlighted where they occur."""
    from povcli.search import highlight_spans

    what = "subject" if lang == "zh" else "label"
    rows = []
    for record in records:
        row = {**record, "value": format_value(record["value"]) + _max(record)}
        for key in (what, "quote"):
            row[key] = _highlighted(record[key], highlight_spans(record[key], query, script))
        row["figure"] = f"{record['written']} = {row['value']} {record['unit']}"
        rows.append(row)
    columns = [
        Column("id", "id", style="cyan", min_width=12),
        Column(what, what, ratio=2, min_width=8),
        Column("figure", "figure", min_width=8),
        Column("quote", "quote", ratio=3, min_width=10),
    ]
    return records_table(rows, columns)


def _highlighted(text: str, spans: Sequence[tuple[int, int]]) -> Any:
    from rich.text import Text

    rich_text = Text(text)
    for start, end in spans:
        rich_text.stylize("bold yellow", start, end)
    return rich_text


def mentions_table(records: Sequence[dict[str, Any]]) -> RenderableType:
    rows = [
        {**r, "value": format_value(r["value"]) + _max(r), "at": f"{r['start']}–{r['end']}"}
        for r in records
    ]
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
