"""Tables scraped one cell a line: a page's table as a scraper or a copy from a browser
gives it, each cell on a line of its own (often closed by "|", often parted by blank lines):

    项 目 |
    单 位 |
    2014年 |
    2015年 |
    2015年比
    2014增长% |
    一、旅游业收入 |
    亿元 |
    210.23 |
    ...

Nothing says where a row ends, so the rows are read from the body and the header must
agree with them, or no table is read at all (a guess would bind cells to the wrong
columns): a row is a label (words that are no figure) followed by the same number of
cells every time, figures or placeholders (—, /), and a unit word where the header names
a 单位 column; the header is the run of header cells right before the first row, as many
as a row has cells (one more with the labels' own header, 项目, 指标), a cell cut over two
lines (`2015年比` / `2014增长%`) joined again. A row whose cells do not count out is left
out, and the table's sums are then shown, never called wrong. The rows found are handed
to `grids` as the rows of a table whose cells are parted by "|".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.grids import (
    BREAKDOWN,
    HEADER_WORDS,
    NUMBER,
    Cell,
    Grid,
    grid_of_run,
    table_unit,
    unit_word,
)

# a cell line: short, no separator inside (a trailing one, or a row of them, is markup)
MAX_CELL = 30
SEPARATORS = "|｜\t"
# an empty cell: dashes, dots, a slash, or the question marks a scrape leaves for a space
PLACEHOLDER = re.compile(r"[—–\-－/／…\.·]{1,6}|[xX×]|[?？]{1,6}")
# the header of the labels' own column
LABEL_HEADER = re.compile(
    r"^(?:(?:项目|項目|指标|指標)(?:名称|名稱)?|类别|類別|名称|名稱|地区|地區|分组|分組|组别|組別|分类|分類"
    r"|行业|行業|按.{1,8}分)$"
)
# a header cell cut in two: what ends it asks for more (比, 较, 比上年, an open bracket)
CUT_HEADER = re.compile(
    r"(?:比|较|較|与|與|及|和|、|[(（][^)）]*|(?:比|较|較)(?:上年|去年|上年同期|(?:19|20)\d{2}年))$"
)
# a caption or a sentence above the header: 表3 …, 单位:元, …如下表。
CAPTION = re.compile(r"^表[\d一二三四五六七八九十]|[,，。;；:：]")
UNIT_HEADER = re.compile(r"^(?:单位|單位)$")
# a column of the month's or the year's levels (本月, 1-本月, 累计)
LEVEL_WORDS = re.compile(r"本月|当月|當月|本年|累计|累計|本期|\d{1,2}-\d{1,2}月")
# a unit word in a 单位 column: short, no digit, no sentence punctuation
UNIT_CELL = re.compile(r"^[^\d\s,，。;；:：]{1,6}$")
MIN_ROWS = 2
MAX_SECTIONS = 2  # section rows between a header and its first row
CAPTION_REACH = 200  # characters above a header searched for its caption
# words that name a column of figures, never a row: a year's or a month's levels, a rate,
# a share (2023年(亿元), 本月, 1-本月, 同比增长(%), 比重)
COLUMN_WORDS = re.compile(
    r"(?:19|20)\d{2}年|本月|当月|當月|累计|累計|本期|同期|\d{1,2}月|增长|增長|增速|增减|增減"
    r"|比重|构成|構成"
)


def cell_grids(text: str, taken: list[Grid]) -> list[Grid]:
    """The tables of the text scraped one cell a line, outside the tables already read."""
    found = []
    for block in _blocks(text):
        if not any(g.start <= block[0][1] < g.end for g in taken):
            for cells in _tables(block):
                found.extend(_grids(cells, text))
    for grid in found:
        grid.caption = _caption(text, grid.start)
    return found


def _caption(text: str, start: int) -> str:
    """The lines above a table's header (its caption, a 单位 line): two at most."""
    above = text[max(0, start - CAPTION_REACH) : start].splitlines()
    return " ".join([line.strip() for line in above if line.strip()][-2:])


def _tables(block: list[Cell]) -> Iterator[list[Cell]]:
    """The tables of a run of cell lines: after the rows of one, a run of header cells
    naming columns (表2 …, 指标, 单位, 2023年, 增长(%); 本月, 1-本月) starts the next, whose
    columns are its own."""
    start, seen = 0, False
    for at, cell in enumerate(block):
        if _is_value(cell[0]):
            seen = True
        elif seen and _is_value(block[at - 1][0]) and _opens_a_header(block, at):
            yield block[start:at]
            start, seen = at, False
    yield block[start:]


def _opens_a_header(block: list[Cell], at: int) -> bool:
    """Whether the cells from `at` up to the next figure are a header: two cells that
    may name a column or more, one of them a year's, a month's, a rate's or a share's (a
    row's label and unit are not)."""
    run = []
    for cell in block[at:]:
        if _is_value(cell[0]):
            break
        run.append(_compact(cell[0]))
    columns = [text for text in run if _column_like(text)]
    return len(columns) >= 2 and any(COLUMN_WORDS.search(text) for text in columns)


def _blocks(text: str) -> Iterator[list[Cell]]:
    """Each run of cell lines (blank lines and lines of separators only pass unseen)."""
    block: list[Cell] = []
    at = 0
    for line in text.splitlines(keepends=True):
        start = at
        at += len(line)
        body = line.strip().strip(SEPARATORS).strip()
        if not body:
            continue
        if len(body) > MAX_CELL or any(mark in body for mark in SEPARATORS):
            if len(block) >= 6:
                yield block
            block = []
            continue
        lead = line.index(body[0])
        block.append((body, start + lead, start + lead + len(body)))
    if len(block) >= 6:
        yield block


def _is_value(text: str) -> bool:
    return bool(NUMBER.fullmatch(text) or PLACEHOLDER.fullmatch(text))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _grids(cells: list[Cell], text: str) -> list[Grid]:
    """The table of a block, when its header and its rows agree: one grid, or one for each
    measure of a header of two levels."""
    first = _first_label(cells)
    if first is None:
        return []
    for body in _bodies(cells, first):
        for header in _headers(cells[:body]):
            names = _column_names(header)
            units = {i for i, name in enumerate(names) if UNIT_HEADER.match(name)}
            rows = _rows(cells[body:], len(names), units)
            if rows is None:
                continue
            grid = grid_of_run([header, *rows[0]], table_unit(_caption(text, header[0][1])))
            if grid is not None:
                grid.lossy = rows[1]
                return [grid]
    return _two_level_grids(cells[:first], cells[first:], text) or _span_grids(
        cells[:first], cells[first:], text
    )


def _bodies(cells: list[Cell], first: int) -> Iterator[int]:
    """Where the body may start: at the first row, then at each section row right above
    it (按产业分, 县域: a label with no figure, never a cell that names a column)."""
    yield first
    at = first
    while at > 1 and first - at < MAX_SECTIONS:
        label = _compact(cells[at - 1][0])
        if _is_value(label) or (_column_like(label) and not BREAKDOWN.match(label)):
            return
        at -= 1
        yield at


def _column_names(header: list[Cell]) -> list[str]:
    """The header's cells that name the rows' cells (not the labels' own header)."""
    names = [_compact(c[0]) for c in header]
    if LABEL_HEADER.match(names[0]) or not HEADER_WORDS.search(names[0]):
        return names[1:]
    return names


def _first_label(cells: list[Cell]) -> int | None:
    """The first cell that is followed by a figure (or by a unit word, then a figure); a
    header cell over a row of years (增长(%) over 2018) is none."""
    for at in range(1, len(cells) - 1):
        text = cells[at][0]
        if _is_value(text) or SUB_CELL.fullmatch(_compact(text)):
            continue  # a figure, or a header's year or months
        following = [c[0] for c in cells[at + 1 : at + 3]]
        if SUB_CELL.fullmatch(_compact(following[0])) and _header_like(text):
            continue
        if NUMBER.fullmatch(following[0]):
            return at
        if len(following) == 2 and unit_word(following[0]) and NUMBER.fullmatch(following[1]):
            return at
    return None


def _headers(cells: list[Cell]) -> Iterator[list[Cell]]:
    """The header cells right before the first row, cut cells joined: the whole run of
    header cells, then each shorter run that starts at the labels' own header (项目): a
    header is never cut short anywhere else (the columns would slide)."""
    joined = _joined(cells)
    run = 0
    while run < len(joined) and _column_like(joined[len(joined) - 1 - run][0]):
        run += 1
    for size in range(run, 1, -1):
        header = joined[len(joined) - size :]
        if size == run or LABEL_HEADER.match(_compact(header[0][0])):
            yield header


def _column_like(text: str) -> bool:
    """A header cell that may name a column: no caption (表3 …, 单位:元) nor sentence."""
    return _header_like(text) and not CAPTION.search(_compact(text))


def _header_like(text: str) -> bool:
    compact = _compact(text)
    words = HEADER_WORDS.search(compact) or LEVEL_WORDS.search(compact)
    named = LABEL_HEADER.match(compact) or UNIT_HEADER.match(compact)
    return bool(words or named) and not NUMBER.fullmatch(compact)


def _joined(cells: list[Cell]) -> list[Cell]:
    """Header cells with each cell cut over two lines joined again."""
    joined: list[Cell] = []
    for cell in cells:
        if joined and CUT_HEADER.search(_compact(joined[-1][0])):
            text, start, _ = joined[-1]
            joined[-1] = (text + cell[0], start, cell[2])
        else:
            joined.append(cell)
    return joined


def _rows(cells: list[Cell], width: int, units: set[int]) -> tuple[list[list[Cell]], bool] | None:
    """The rows of the body: each label with `width` cells (a unit word in the columns of
    `units`); None when fewer than two rows count out. Whether a row was left out."""
    rows: list[list[Cell]] = []
    lossy, at, full = False, 0, 0
    while at < len(cells):
        label = _label(cells[at])  # never a figure: the cells before it took every figure
        values, at = _values(cells, at + 1, width, units)
        if len(values) == width:
            rows.append([label, *values])
            full += 1
        elif not values:
            rows.append([label])  # a section row (按注册类型分)
        else:
            lossy = True  # a cell lost, or one too many: which is unknown
    return (rows, lossy) if full >= MIN_ROWS else None


def _label(cell: Cell) -> Cell:
    """A row's label without the question marks a scrape left for its indenting."""
    text, start, end = cell
    kept = text.lstrip("?？ \u3000")
    return (kept, start + len(text) - len(kept), end) if kept else cell


def _values(cells: list[Cell], at: int, width: int, units: set[int]) -> tuple[list[Cell], int]:
    """The cells of a row from `at`: figures, placeholders and, in a 单位 column, a unit
    word; where the next row's label starts."""
    values: list[Cell] = []
    while at < len(cells):
        text = cells[at][0]
        column = len(values)
        if _is_value(text) or (column in units and column < width and _unit_of(cells, at)):
            values.append(cells[at])
            at += 1
        else:
            break
    return values, at


def _unit_of(cells: list[Cell], at: int) -> bool:
    """Whether the cell at `at` is a row's unit: a unit word, or a short word followed by a
    figure (医院 right after a row, then 个, is the next row's label, no unit)."""
    text = cells[at][0]
    following = cells[at + 1][0] if at + 1 < len(cells) else ""
    return bool(UNIT_CELL.match(text)) and (unit_word(text) or _is_value(following))


# ------------------------------------------------------------- a header of two levels

# a cell of the lower level: a year, or a span of months (2018 / 1-10 over each measure)
SUB_CELL = re.compile(r"(?:19|20)\d{2}年?|\d{1,2}[-—~至]\d{1,2}月?|1-本月|全年|上半年|下半年")
YEAR_CELL = re.compile(r"((?:19|20)\d{2})年?")


def _two_level_grids(before: list[Cell], body: list[Cell], text: str) -> list[Grid]:
    """A header of measures over a row of years (诊疗人次数(万人次) | 增长(%) over 2018 1-10 |
    2019 1-10): each measure of levels spans as many years as every other, each rate one
    column; the rows must have as many cells as that makes. One grid for each measure of
    levels with the rates that follow it, so that no rate is read against another
    measure's levels."""
    layout = _layout(before)
    if layout is None:
        return []
    blocks, width = layout
    rows = _rows(body, width, set())
    if rows is None:
        return []
    return _block_grids(blocks, rows, table_unit(_caption(text, blocks[0][0][0][1])))


def _block_grids(blocks: list[Block], rows: tuple[list[list[Cell]], bool], unit: str) -> list[Grid]:
    """One grid for each block of columns: its header cells, and the label and the block's
    cells of each row (a section row, a label alone, as it is)."""
    grids = []
    for header, columns in blocks:
        run = [header, *([row[0], *(row[1 + i] for i in columns)] if len(row) > 1 else row
                         for row in rows[0])]  # fmt: skip
        grid = grid_of_run(run, unit)
        if grid is not None:
            grid.lossy = rows[1]
            grids.append(grid)
    return grids


Block = tuple[list[Cell], list[int]]  # a measure's header cells and its columns in a row


def _layout(before: list[Cell]) -> tuple[list[Block], int] | None:
    """The blocks of a two-level header and the cells a row has, or None."""
    subs = 0
    while subs < len(before) and SUB_CELL.fullmatch(_compact(before[-1 - subs][0])):
        subs += 1
    years = _years(before[len(before) - subs :])
    tops: list[Cell] = []
    for cell in reversed(before[: len(before) - subs]):
        if not _header_like(cell[0]) or LABEL_HEADER.match(_compact(cell[0])):
            break
        tops.insert(0, cell)
    rates = [_is_rate(c[0]) for c in tops]
    levels = rates.count(False)
    if not years or not levels or len(years) % levels or rates[0]:
        return None
    per = len(years) // levels
    if per < 2:
        return None
    blocks: list[Block] = []
    at = 0
    for top, rate in zip(tops, rates, strict=True):
        if rate:
            blocks[-1][0].append(top)
            blocks[-1][1].append(at)
            at += 1
            continue
        spanned = years[:per]
        years = years[per:]
        named = [(f"{year}年 {_compact(top[0])}", top[1], top[2]) for year in spanned]
        blocks.append((named, list(range(at, at + per))))
        at += per
    return blocks, at


# a span a column group is of, over its measures (10月 | 1-10月 over 绝对量 | 同比增长 twice)
SPAN_CELL = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}[-—~至]\d{1,2}月份?|\d{1,2}月份?|1-本月|本月|全年"
    r"|上半年|下半年|[一二三四]季度|前三季度)"
)
# a unit cut from the measure above it: 绝对量 / (亿元)
UNIT_CUT = re.compile(r"[(（][^()（）]{1,8}[)）]")


def _span_grids(before: list[Cell], body: list[Cell], text: str) -> list[Grid]:
    """A header of spans over a group of measures repeated for each (NBS's `10月 | 1-10月`
    over `绝对量(亿元) | 同比增长(%)` twice): one grid for each span, of its own columns,
    when every row has a cell for each span's measure."""
    layout = _span_layout(before)
    if layout is None:
        return []
    label, spans, measures = layout
    width = len(spans) * len(measures)
    rows = _rows(body, width, set())
    if rows is None:
        return []
    size = len(measures)
    blocks = [
        ([label, *measures], list(range(at * size, (at + 1) * size))) for at in range(len(spans))
    ]
    return _block_grids(blocks, rows, table_unit(_caption(text, label[1])))


def _span_layout(before: list[Cell]) -> tuple[Cell, list[Cell], list[Cell]] | None:
    """The labels' header, the spans and one group of measures of a header of spans over
    measures, or None: the measures (a unit cut off joined again) must repeat alike for
    every span."""
    at = next((i for i, c in enumerate(before) if LABEL_HEADER.match(_compact(c[0]))), None)
    if at is None:
        return None
    spans = []
    for cell in before[at + 1 :]:
        if not SPAN_CELL.fullmatch(_compact(cell[0])):
            break
        spans.append(cell)
    measures: list[Cell] = []
    for cell in before[at + 1 + len(spans) :]:
        if measures and UNIT_CUT.fullmatch(_compact(cell[0])):
            text, start, _ = measures[-1]
            measures[-1] = (text + cell[0], start, cell[2])
        else:
            measures.append(cell)
    if len(spans) < 2 or not measures or len(measures) % len(spans):
        return None
    group = len(measures) // len(spans)
    names = [_compact(c[0]) for c in measures]
    if group < 2 or any(names[i] != names[i % group] for i in range(len(names))):
        return None
    return before[at], spans, measures[:group]


def _years(cells: list[Cell]) -> list[str]:
    """The year of each group of lower-level cells (a year and the months after it)."""
    years: list[str] = []
    for cell in cells:
        year = YEAR_CELL.fullmatch(_compact(cell[0]))
        if year:
            years.append(year.group(1))
        elif not years:
            return []  # months before any year: not a row of years
    return years


def _is_rate(text: str) -> bool:
    return bool(re.search(r"增长|增長|增速|增幅|同比|比重|构成|構成|%", _compact(text)))
