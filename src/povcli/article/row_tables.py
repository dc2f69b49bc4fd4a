"""Tables read as rows of a label and figures, however the page laid their cells out, when
no header could be read for them (`grids` reads those it can):

- cells a space apart, as a statistical yearbook's page scrapes
  (``普通中学 Regular Secondary Schools 1373 1361``);
- cells between | or tabs on one line (``东部地区 | 4714 | 826 | 3888 |``);
- one cell a line (``东部地区 |`` then ``4714 |`` …), a header of cells before the first row.

A row is a label and two figures or more after it; rows of a table stand together, a few
lines of words (a section's name) apart at most; a table's title (表 5, 續表, Table 5) starts
another table. The lines above a table give its unit (单位:万美元; 单位:万人、% names the
unit of its levels, its shares in %) and its header. What the rows state is inferred in
`spaced_tables`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from povcli.article.figures import Figure, figures_of
from povcli.article.grids import NUMBER, SEPARATOR, cells_of, unit_word

TOKEN = re.compile(r"\S+")
YEAR = re.compile(r"(?:19|20)\d{2}")
MIN_ROWS = 3  # rows of one width before they are a table
MAX_GAP = 2  # lines of words (a section's name) a table's rows may stand apart
MAX_LABEL = 160
MAX_CELL = 100  # one cell a line: longer lines (or sentences) are prose
MIN_CELLS = 8  # one cell a line: a run of fewer is no table
HEADER_LINES = 14  # lines above a table (a blank line between two) read for its unit, header
UNIT = re.compile(r"(?:单位|單位)\s*[:：]\s*([^\s(（|｜]+)")
SHARES_UNIT = re.compile(r"(?:单位|單位)[:：][^|｜]*[、,，]\s*[%％]")
# a table's title line (表 3-2 …, 續表, Table 5): the rows after it are another table's
TITLE = re.compile(r"\s*(?:续表|續表|表\s*[\dA-Z一二三四五六七八九十]|(?i:table)\s*\d)")


@dataclass
class SpacedRow:
    """A label and its figures, in the table's unit; `raw` the figures as written (a share
    column's 44.7 is 44.7%, whatever the table's unit). `line` orders the rows: rows of
    consecutive lines (two apart: the cleaned text stands a blank line between lines) stand
    together."""

    line: int
    label: str
    cells: list[Figure]
    raw: list[Figure]
    indent: int = 0  # the spaces it stands in by: a yearbook's parts stand under their row


@dataclass
class SpacedTable:
    rows: list[SpacedRow]
    header: str  # the lines above the first row, compacted
    start: int
    end: int
    # the units the header gives its columns in brackets, in order (播种面积(千公顷) 单位面积产量
    # (公斤/公顷) 总产量(万吨)), as written; the columns' when there are as many as figures a row
    column_units: list[str] = field(default_factory=list)

    @property
    def has_shares(self) -> bool:
        """Whether its 单位 line gives shares in % besides its levels' unit (单位:万人、%)."""
        return bool(SHARES_UNIT.search(self.header))


Span = tuple[int, int]


def spaced_tables(text: str, taken: Sequence[Span] = ()) -> list[SpacedTable]:
    """The tables of rows no header was read for (`taken`: the tables `grids` read)."""
    lines = [
        (line, offset) if not _within(offset, taken) else ("", offset)
        for line, offset in _lines(text)
    ]
    tables = list(_line_tables(lines))
    used = {row.line for table in tables for row in table.rows}
    tables += _cell_tables(lines, used)
    return sorted(tables, key=lambda t: t.start)


def spaced_row_spans(tables: list[SpacedTable]) -> list[Span]:
    """Where the tables' rows stand: no prose is read there."""
    return [(row.cells[0].start, row.cells[-1].end) for table in tables for row in table.rows]


def _within(offset: int, taken: Sequence[Span]) -> bool:
    return any(start <= offset < end for start, end in taken)


def _lines(text: str) -> list[tuple[str, int]]:
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((line, at))
        at += len(line) + 1
    return lines


# ------------------------------------------------------------- a row on each line


def _line_tables(lines: list[tuple[str, int]]) -> Iterator[SpacedTable]:
    group: list[SpacedRow] = []
    gap = 0
    floor = 0  # the first line a table's header may take: none of an earlier table's lines
    for number, (line, offset) in enumerate(lines):
        row = _row(line, offset, number)
        if row is not None:
            group.append(row)
            gap = 0
        elif line.strip():
            gap += 1
            titled = bool(TITLE.match(line))
            if group and (gap > MAX_GAP or titled):  # a table's title starts another table
                yield from _table(group, lines, floor, group[0].line)
                floor = group[-1].line + 1
                group = []
            if titled:
                floor = number
    if group:
        yield from _table(group, lines, floor, group[0].line)


def _row(line: str, offset: int, number: int) -> SpacedRow | None:
    cells = _separated_cells(line) if len(SEPARATOR.findall(line)) >= 2 else _tokens(line)
    trailing: list[tuple[str, int]] = []
    for text, at in reversed(cells):
        if not NUMBER.fullmatch(text):
            break
        trailing.insert(0, (text, at))
    if len(trailing) < 2 or all(YEAR.fullmatch(text) for text, _ in trailing):
        return None  # one figure, or a header of years (项目 2020 2021)
    label = line[: trailing[0][1]].strip(" |｜\t")
    if len(label) > MAX_LABEL or re.search(r"[。，;；]", label):
        return None  # prose that happens to end in figures
    figures = [_cell(text, offset + at) for text, at in trailing]
    indent = len(line) - len(line.lstrip(" "))
    return SpacedRow(number, " ".join(SEPARATOR.split(label)).strip(), figures, figures, indent)


def _tokens(line: str) -> list[tuple[str, int]]:
    return [(t.group(), t.start()) for t in TOKEN.finditer(line)]


def _separated_cells(line: str) -> list[tuple[str, int]]:
    """The cells between separators, empty ones left out (a cell a row leaves blank)."""
    return [(text, start) for text, start, _ in cells_of(line, 0) if text]


def _cell(text: str, start: int) -> Figure:
    """A cell in no unit known: a whole number in it stands for what rounds to it (a table's
    cells may be rounded amounts: 1 + 128 = 128 in 万美元), not for an exact count."""
    negative = text[0] in "-−"
    digits = text.lstrip("-−")
    figure = replace(figures_of(digits)[0], start=start, end=start + len(text))
    if figure.bounds.low == figure.bounds.high:
        half = 0.5
        bounds = type(figure.bounds)(figure.value - half, figure.value + half)
        figure = replace(figure, bounds=bounds)
    return figure.signed(-1) if negative else figure


def _table(
    group: list[SpacedRow], lines: list[tuple[str, int]], floor: int, first: int
) -> Iterator[SpacedTable]:
    if len(group) < MIN_ROWS:
        return
    above = [line for line, _ in lines[max(floor, first - HEADER_LINES) : group[0].line]]
    unit = _unit(above)
    rows = [_in_unit(row, unit) for row in group] if unit else group
    start = rows[0].cells[0].start
    header = "".join("".join(above).split())
    yield SpacedTable(rows, header, start, rows[-1].cells[-1].end, column_units(header))


# a unit in brackets (千公顷), or one over another (公斤/公顷, 元/人)
BRACKETED = re.compile(r"[(（]([^()（）]{1,12})[)）]")


# a column's words naming what its unit is per: 每公顷产量 (公斤) is in 公斤/公顷
PER_WORDS = re.compile(r"每(公顷|公頃|亩|畝|平方米|平方公里|人|户|戶)[^()（）]{0,6}$")


def column_units(header: str) -> list[str]:
    """The units a table's header gives in brackets, in order (每公顷产量 (公斤): 公斤/公顷);
    brackets of anything else (a title's (区、市) or (2016年)) are passed over."""
    return [unit for unit, _ in header_columns(header)]


def header_columns(header: str) -> list[tuple[str, str]]:
    """Each column the header gives a unit in brackets: its unit and the words before it
    (播种面积 (千公顷): 千公顷 and 播种面积)."""
    columns = []
    after = 0  # where the column's words start: after the bracket before
    for found in BRACKETED.finditer(header):
        unit = found.group(1)
        words = header[after : found.start()]
        per = PER_WORDS.search(words)
        after = found.end()
        if re.search(r"\d", unit) or not all(unit_word(u) for u in unit.split("/", 1)):
            continue
        name = re.split(r"[|｜]", words)[-1]
        columns.append((f"{unit}/{per.group(1)}" if per and "/" not in unit else unit, name))
    return columns


def _unit(above: list[str]) -> str:
    """The table's unit from its 单位 line, when it names one unit (单位:人、所 names two);
    单位:万人、% names the levels' unit, the shares' being %."""
    for line in reversed(above):
        found = UNIT.search(line)
        if found:
            unit = re.sub(r"[、,，]\s*%$", "", found.group(1))
            return unit if unit_word(unit) and not re.search(r"[、,，和及]", unit) else ""
    return ""


def _in_unit(row: SpacedRow, unit: str) -> SpacedRow:
    cells = [cell_in_unit(cell, unit) for cell in row.cells]
    if any(cell is None for cell in cells):
        return row
    return replace(row, cells=[cell for cell in cells if cell is not None])


def cell_in_unit(cell: Figure, unit: str) -> Figure | None:
    """A cell read in a unit its table gives (单位:万人, a column's (千公顷)), where it stands;
    None where the two do not read as one figure."""
    read = figures_of(cell.written + unit)
    if len(read) != 1:
        return None
    figure = replace(read[0], start=cell.start, end=cell.end)
    return figure.signed(-1) if cell.value < 0 else figure


# ------------------------------------------------------------- one cell a line


def _cell_tables(lines: list[tuple[str, int]], used: set[int]) -> Iterator[SpacedTable]:
    """Runs of lines of one cell each: a header of cells, then rows of a label and its
    figures."""
    run: list[tuple[str, int, int]] = []  # (text, start, line)
    for number, (line, offset) in enumerate(lines):
        cell = None if number in used else _lone_cell(line, offset)
        if cell is not None:
            run.append((*cell, number))
        elif line.strip() and not _filler(line):
            yield from _cell_table(run, lines)
            run = []
    yield from _cell_table(run, lines)


def _lone_cell(line: str, offset: int) -> tuple[str, int] | None:
    cells = _separated_cells(line)
    if len(cells) != 1 or len(cells[0][0]) > MAX_CELL or re.search(r"[。;；]", cells[0][0]):
        return None
    text, at = cells[0]
    return text, offset + at


def _filler(line: str) -> bool:
    return not line.strip(" |｜\t")  # "||||": cells a row leaves blank


def _cell_table(
    run: list[tuple[str, int, int]], lines: list[tuple[str, int]]
) -> Iterator[SpacedTable]:
    if len(run) < MIN_CELLS:
        return
    rows: list[SpacedRow] = []
    at = 0
    while at < len(run):
        figures = _figures_after(run, at + 1)
        if not NUMBER.fullmatch(run[at][0]) and len(figures) >= 2:
            line = rows[-1].line + 2 if rows else run[at][2]
            rows.append(SpacedRow(line, run[at][0], figures, figures))
            at += 1 + len(figures)
        else:
            at += 1
    if len(rows) < MIN_ROWS:
        return
    first = next(cell for cell in run if cell[0] == rows[0].label)[2]
    header_from = max(0, run[0][2] - HEADER_LINES)
    above = [line for line, _ in lines[header_from:first]]
    unit = _unit(above)
    rows = [_in_unit(row, unit) for row in rows] if unit else rows
    header = "".join("".join(above).split())
    yield SpacedTable(
        rows, header, rows[0].cells[0].start, rows[-1].cells[-1].end, column_units(header)
    )


def _figures_after(run: list[tuple[str, int, int]], at: int) -> list[Figure]:
    figures = []
    while at < len(run) and NUMBER.fullmatch(run[at][0]):
        figures.append(_cell(run[at][0], run[at][1]))
        at += 1
    return figures
