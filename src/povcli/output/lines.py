"""Layout line by line: tables, stacked records and "key  value" grids, written as laid out.

Rich's `Table` measures every cell, then renders each through padding and segment
splitting, before it writes the first line: seconds for a list of thousands of facts, and
for the bundled catalog's 80 checks more than the interpreter's own start. Here the column
widths are fixed up front (from the headers and the first `SAMPLE` rows) and each row is
laid out on its own, so the first row reaches a pipe before the last is read. A `Canvas`
makes the lines: plain strings into a pipe (Rich's console is never imported, and a cell
that fits is never wrapped), Rich `Text` with its styles for a terminal; a cell that does
not fit is wrapped by Rich's own `Text.wrap` in both, so the two agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from povcli.output.formats import _SAFE, clamp_width, safe_text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.text import Text

    Cell: TypeAlias = str | Text  # a plain line or cell, or a styled one

SAMPLE = 100  # rows whose cells set a table's column widths; later rows wrap within them


@dataclass(frozen=True)
class Marked:
    """Text with styles on spans of it (a search's matches, a quote's number), laid out as
    plain text into a pipe and styled on a terminal."""

    text: str
    spans: Sequence[tuple[int, int, str]] = ()
    style: str = ""


@dataclass
class Canvas:
    """How lines are made at a width: plain strings, or Rich `Text` when `styled`."""

    width: int
    styled: bool = False

    def cell(self, value: Any, style: str = "") -> Cell:
        """Data as a cell: shown as written, never parsed as markup, controls made visible."""
        if isinstance(value, Marked):
            return self._marked(value) if self.styled else safe_text(value.text)
        if not isinstance(value, str):
            if value is None:
                value = ""
            elif isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            elif not _is_text(value):
                value = str(value)
            elif not self.styled:
                return str(value.plain)
            else:
                return cast("Text", value)
        if not self.styled:
            return safe_text(value)
        from rich.text import Text

        return Text(safe_text(value), style=style)

    def _marked(self, marked: Marked) -> Text:
        """The spans moved to where `safe_text` puts their characters (a control shown as
        <U+202E> is longer than the one character it stands for)."""
        from rich.text import Text

        shown = safe_text(marked.text)
        if len(shown) == len(marked.text):
            at = list(range(len(marked.text) + 1))
        else:
            at = [0]
            for char in marked.text:
                at.append(at[-1] + len(char.translate(_SAFE)))
        styled = Text(shown, style=marked.style)
        for start, end, style in marked.spans:
            styled.stylize(style, at[start], at[end])
        return styled

    def plain(self, cell: Cell) -> str:
        return cell if isinstance(cell, str) else cell.plain

    def wrap(self, cell: Cell, width: int) -> list[Cell]:
        """A cell's lines at a width: as it is when it fits, else wrapped at spaces and folded
        where a word (or a run of CJK) is longer than the width, by Rich's own line breaker."""
        from rich.cells import cell_len

        plain = self.plain(cell)
        if "\n" not in plain and "\t" not in plain and cell_len(plain) <= width:
            return [cell]
        width = max(width, 2)
        if isinstance(cell, str) and "\t" not in cell:
            return list(_wrap_plain(cell, width))
        from rich.text import Text

        styled = cell if isinstance(cell, Text) else Text(cell)
        # Text.wrap uses its console only to justify; "default" justification never does
        no_console = cast("Console", None)
        lines = list(styled.wrap(no_console, width, justify="default", overflow="fold"))
        if not lines:
            return [cell[:0]]
        return [line.plain for line in lines] if isinstance(cell, str) else list(lines)

    def pad(self, cell: Cell, width: int, justify: str = "left") -> Cell:
        from rich.cells import cell_len

        room = width - cell_len(self.plain(cell))
        if room <= 0:
            return cell
        if justify == "right":
            return self.join([" " * room, cell])
        if justify == "center":
            return self.join([" " * (room // 2), cell, " " * (room - room // 2)])
        return self.join([cell, " " * room])

    def join(self, parts: Sequence[Cell]) -> Cell:
        if not self.styled:
            return "".join(cast("Sequence[str]", parts))
        from rich.text import Text

        return Text.assemble(*parts)

    def under(self, cell: Cell, style: str | None) -> Cell:
        """The cell with a style beneath its own (a column's colour; highlights win)."""
        if not style or isinstance(cell, str) or not cell.plain:
            return cell
        shown = cell.copy()
        shown.stylize(style)
        shown.spans.insert(0, shown.spans.pop())
        return shown


def _wrap_plain(cell: str, width: int) -> list[str]:
    """`Text.wrap` of plain text without importing `rich.text` (a fifth of the start-up of a
    command that prints into a pipe): Rich's own line breaker on each line of the cell, the
    spaces at a break dropped (a cell is padded with spaces anyway)."""
    try:
        from rich._wrap import divide_line
    except ImportError:  # a Rich without it: the public way
        from rich.text import Text

        no_console = cast("Console", None)
        lines = Text(cell).wrap(no_console, width, justify="default", overflow="fold")
        return [line.plain.rstrip() for line in lines] or [""]
    wrapped: list[str] = []
    for line in cell.split("\n"):
        breaks = [0, *divide_line(line, width, fold=True), len(line)]
        wrapped.extend(line[start:end].rstrip() for start, end in itertools.pairwise(breaks))
    return wrapped


def _is_text(value: object) -> bool:
    """A Rich Text, told without importing `rich.text` (a plain layout never needs it)."""
    return type(value).__name__ == "Text" and hasattr(value, "spans")


class Lines:
    """Output produced line by line on a canvas; also a Rich renderable (inside a Group).

    `produce(lines, canvas)` yields lines no wider than the canvas. `notes` are set by the
    producer before its first line (a table that left columns out to fit says which).
    """

    def __init__(self, produce: Callable[[Lines, Canvas], Iterable[Cell]]) -> None:
        self.produce = produce
        self.notes: list[str] = []

    def lines(self, width: int, styled: bool = False) -> Iterator[Cell]:
        """Plain strings, or (`styled`) Rich Text lines, none wider than `width`."""
        produced = self.produce(self, Canvas(clamp_width(width), styled))
        if not styled:
            yield from produced
            return
        from rich.text import Text

        for line in produced:  # a border or a blank line is made plain: never read as markup
            yield Text(line) if isinstance(line, str) else line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Cell]:
        yield from self.lines(options.max_width, styled=True)


def joined(parts: Sequence[Lines], gap: bool = True) -> Lines:
    """Layouts one after another, a blank line between them when `gap`."""

    def produce(lines: Lines, canvas: Canvas) -> Iterator[Cell]:
        for number, part in enumerate(parts):
            if number and gap:
                yield ""
            yield from part.produce(lines, canvas)

    return Lines(produce)


# --------------------------------------------------------------------------- grids


def grid(canvas: Canvas, rows: Iterable[tuple[Cell, Cell]], gap: int = 2) -> Iterator[Cell]:
    """Two columns, "key  value": the keys as wide as the widest, each value wrapped in the
    rest of the width (the layout of Rich's `Table.grid` with a no-wrap first column)."""
    from rich.cells import cell_len

    rows = list(rows)
    if not rows:
        return
    key_width = max(cell_len(canvas.plain(key)) for key, _ in rows)
    room = max(canvas.width - key_width - gap, 2)
    blank = " " * (key_width + gap)
    if not canvas.styled:  # the common case, kept to plain string operations
        for key_text, value_text in cast("list[tuple[str, str]]", rows):
            lead = key_text + " " * (key_width - cell_len(key_text) + gap)
            if cell_len(value_text) <= room and "\n" not in value_text and "\t" not in value_text:
                yield lead + value_text
                continue
            for number, line in enumerate(canvas.wrap(value_text, room)):
                yield (lead if number == 0 else blank) + cast(str, line)
        return
    for key, value in rows:
        first = canvas.join([canvas.pad(key, key_width), " " * gap])
        for number, part in enumerate(canvas.wrap(value, room)):
            yield canvas.join([first if number == 0 else blank, part])


def rule(canvas: Canvas, title: Cell) -> Iterator[Cell]:
    """A title, then a line to the width ("growth · consistent ────"): Rich's left-aligned
    `Rule`, but a title too long for the width is folded onto more lines, not cut."""
    from rich.cells import cell_len

    lines = canvas.wrap(title, canvas.width - 2)
    yield from lines[:-1]
    rest = max(canvas.width - cell_len(canvas.plain(lines[-1])) - 1, 0)
    yield canvas.join([lines[-1], " ", canvas.cell("─" * rest, "rule.line")])


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Column:
    """A table column: which record key, its header, and how it lays out.

    `drop`: 0 for a column the table cannot do without; a column with a higher number is
    left out first when the terminal is too narrow for every column.
    """

    key: str
    header: str
    style: str | None = None
    justify: str = "left"
    min_width: int | None = None
    no_wrap: bool = False  # identifiers: never split across lines, unless a later row must
    drop: int = 0


# Rich's default box for tables (HEAVY_HEAD): top, header, separator under it, rows, bottom
TOP, HEAD, UNDER, BODY, BOTTOM = ("┏━┳┓", "┃ ┃┃", "┡━╇┩", "│ ││", "└─┴┘")


def records_table(
    records: Iterable[dict[str, Any]], columns: Sequence[Column], title: str | None = None
) -> Lines:
    """A table whose cells wrap (CJK too) instead of ending in an ellipsis, streamed.

    When the terminal is too narrow for every column, the columns with the highest `drop`
    are left out (a note says which); when even the others do not fit, each record is
    stacked as "header  value" lines instead, so nothing is cropped.
    """

    def produce(lines: Lines, canvas: Canvas) -> Iterator[Cell]:
        rows = iter(records)
        sample = [_cells(canvas, record, columns) for record in itertools.islice(rows, SAMPLE)]
        if not sample:
            return
        if title:
            yield from canvas.wrap(canvas.cell(title), canvas.width)
        shown = _fitting(canvas, columns, sample)
        if shown is None:
            yield from _stacked(canvas, sample, rows, columns)
            return
        chosen, widths = shown
        left_out = [c.header for c in columns if c not in chosen]
        if left_out:
            lines.notes.append(
                f"note: left out to fit {canvas.width} columns: {', '.join(left_out)}"
                " (a wider terminal, or --format csv, shows every column)"
            )
        places = [columns.index(c) for c in chosen]
        headers = [canvas.cell(c.header, "bold") for c in chosen]
        yield _border(TOP, widths)
        yield from _row(canvas, headers, chosen, widths, HEAD)
        yield _border(UNDER, widths)
        for cells in sample:
            yield from _row(canvas, [cells[p] for p in places], chosen, widths, BODY)
        for record in rows:
            cells = _cells(canvas, record, columns)
            yield from _row(canvas, [cells[p] for p in places], chosen, widths, BODY)
        yield _border(BOTTOM, widths)

    return Lines(produce)


def _cells(canvas: Canvas, record: dict[str, Any], columns: Sequence[Column]) -> list[Cell]:
    return [canvas.cell(record.get(column.key)) for column in columns]


def _fitting(
    canvas: Canvas, columns: Sequence[Column], sample: Sequence[Sequence[Cell]]
) -> tuple[list[Column], list[int]] | None:
    """The columns shown and their widths (without padding): all of them when they fit,
    else without the most droppable ones; None when even the essential ones do not."""
    from rich.cells import cell_len

    natural, least = [], []
    for number, column in enumerate(columns):
        cells = (canvas.plain(row[number]) for row in sample)
        lines = [column.header, *(line for cell in cells for line in cell.split("\n"))]
        widest = max(cell_len(line) for line in lines)
        natural.append(widest)
        least.append(widest if column.no_wrap else min(widest, column.min_width or 4))
    chosen = list(range(len(columns)))
    while True:
        room = canvas.width - 3 * len(chosen) - 1  # a border and a space each side of a cell
        widths = _shrink([natural[n] for n in chosen], [least[n] for n in chosen], room)
        if widths is not None:
            return [columns[n] for n in chosen], widths
        optional = [n for n in chosen if columns[n].drop]
        if not optional:
            return None
        chosen.remove(max(optional, key=lambda n: (columns[n].drop, n)))


def _shrink(natural: list[int], least: list[int], room: int) -> list[int] | None:
    """Widths within `room`, none below its least; None when impossible. The widest
    wrapping columns are narrowed first, as Rich collapses them (so a table Rich could lay
    out looks as Rich lays it out); if the floors take room back, the widest are lowered
    to a common cap."""
    if sum(natural) <= room:
        return natural
    if sum(least) > room:
        return None
    wrapable = [low < n for n, low in zip(natural, least, strict=True)]
    collapsed = _collapse(natural, wrapable, room)
    widths = [max(w, low) for w, low in zip(collapsed, least, strict=True)]
    if sum(widths) <= room:
        return widths
    cap = max(natural)
    while sum(min(n, max(cap, low)) for n, low in zip(natural, least, strict=True)) > room:
        cap -= 1
    return [min(n, max(cap, low)) for n, low in zip(natural, least, strict=True)]


def _collapse(widths: list[int], wrapable: list[bool], room: int) -> list[int]:
    """Rich's `Table._collapse_widths`: the widest wrapping columns narrowed to the next
    widest, together, until the total fits."""
    excess = sum(widths) - room
    while excess > 0 and any(wrapable):
        open_widths = [w for w, ok in zip(widths, wrapable, strict=True) if ok]
        widest = max(open_widths)
        second = max((w for w in open_widths if w != widest), default=0)
        at_widest = [ok and w == widest for w, ok in zip(widths, wrapable, strict=True)]
        widths = _reduce(excess, at_widest, min(excess, widest - second), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, chosen: list[bool], most: int, widths: list[int]) -> list[int]:
    """`total` taken from the chosen widths in turn, at most `most` from each, shared as
    evenly as rounding allows (Rich's `ratio_reduce` with equal ratios)."""
    left, count = total, sum(chosen)
    result = []
    for width, take in zip(widths, chosen, strict=True):
        if take and count:
            share = min(most, round(left / count))
            result.append(width - share)
            left -= share
            count -= 1
        else:
            result.append(width)
    return result


def _border(box: str, widths: Sequence[int]) -> str:
    left, fill, between, right = box[0], box[1], box[2], box[3]
    return left + between.join(fill * (w + 2) for w in widths) + right


def _row(
    canvas: Canvas,
    cells: Sequence[Cell],
    columns: Sequence[Column],
    widths: Sequence[int],
    box: str,
) -> Iterator[Cell]:
    left, between, right = box[0], box[2], box[3]
    wrapped = [canvas.wrap(cell, width) for cell, width in zip(cells, widths, strict=True)]
    last = len(columns) - 1
    for number in range(max(len(lines) for lines in wrapped)):
        parts: list[Cell] = [left + " "]
        for place, (lines, column, width) in enumerate(zip(wrapped, columns, widths, strict=True)):
            part = canvas.under(lines[number], column.style) if number < len(lines) else ""
            parts.append(canvas.pad(part, width, column.justify))
            parts.append(f" {between} " if place < last else f" {right}")
        yield canvas.join(parts)


def stacked_records(
    records: Iterable[dict[str, Any]], columns: Sequence[Column], title: str | None = None
) -> Lines:
    """Each record as "header value" lines, a blank line after each."""

    def produce(lines: Lines, canvas: Canvas) -> Iterator[Cell]:
        if title:
            yield from canvas.wrap(canvas.cell(title), canvas.width)
        yield from _stacked(canvas, [], iter(records), columns)

    return Lines(produce)


def _stacked(
    canvas: Canvas,
    first: Sequence[Sequence[Cell]],
    rest: Iterator[dict[str, Any]],
    columns: Sequence[Column],
) -> Iterator[Cell]:
    for row in _chain(canvas, first, rest, columns):
        shown = [
            (canvas.cell(column.header, "bold"), cell)
            for column, cell in zip(columns, row, strict=True)
            if canvas.plain(cell)
        ]
        yield from grid(canvas, shown, gap=1)
        yield ""


def _chain(
    canvas: Canvas,
    first: Sequence[Sequence[Cell]],
    rest: Iterator[dict[str, Any]],
    columns: Sequence[Column],
) -> Iterator[Sequence[Cell]]:
    yield from first
    for record in rest:
        yield _cells(canvas, record, columns)
