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

from povcli.article.grids import HEADER_WORDS, NUMBER, Cell, Grid, grid_of_run

# a cell line: short, no separator inside (a trailing one, or a row of them, is markup)
MAX_CELL = 30
SEPARATORS = "|｜\t"
PLACEHOLDER = re.compile(r"[—–\-－/／…\.·]{1,6}|[xX×]")
# the header of the labels' own column
LABEL_HEADER = re.compile(
    r"^(?:项目|項目|指标|指標|类别|類別|名称|名稱|地区|地區|分组|分組|组别|組別|分类|分類|行业|行業|按.{1,8}分)$"
)
# a header cell cut in two: what ends it asks for more (比, 较, an open bracket)
CUT_HEADER = re.compile(r"(?:比|较|較|与|與|及|和|、|[(（][^)）]*)$")
UNIT_HEADER = re.compile(r"^(?:单位|單位)$")
# a column of the month's or the year's levels (本月, 1-本月, 累计)
LEVEL_WORDS = re.compile(r"本月|当月|當月|本年|累计|累計|本期|\d{1,2}-\d{1,2}月")
# a unit word in a 单位 column: short, no digit, no sentence punctuation
UNIT_CELL = re.compile(r"^[^\d\s,，。;；:：]{1,6}$")
MIN_ROWS = 2


def cell_grids(text: str, taken: list[Grid]) -> list[Grid]:
    """The tables of the text scraped one cell a line, outside the tables already read."""
    found = []
    for cells in _blocks(text):
        if any(g.start <= cells[0][1] < g.end for g in taken):
            continue
        grid = _grid(cells)
        if grid is not None:
            found.append(grid)
    return found


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


def _grid(cells: list[Cell]) -> Grid | None:
    """The table of a block, when its header and its rows agree."""
    first = _first_label(cells)
    if first is None:
        return None
    for header in _headers(cells[:first]):
        rows = _rows(cells[first:], header)
        if rows is None:
            continue
        body, lossy = rows
        grid = grid_of_run([header, *body])
        if grid is not None:
            grid.lossy = lossy
            return grid
    return None


def _first_label(cells: list[Cell]) -> int | None:
    """The first cell that is followed by a figure (or by a unit word, then a figure)."""
    for at in range(1, len(cells) - 1):
        text = cells[at][0]
        if _is_value(text):
            continue
        following = [c[0] for c in cells[at + 1 : at + 3]]
        if following and NUMBER.fullmatch(following[0]):
            return at
        if len(following) == 2 and UNIT_CELL.match(following[0]) and NUMBER.fullmatch(following[1]):
            return at
    return None


def _headers(cells: list[Cell]) -> Iterator[list[Cell]]:
    """The header cells right before the first row, cut cells joined: the whole run of
    header cells, then each shorter run that starts at the labels' own header (项目): a
    header is never cut short anywhere else (the columns would slide)."""
    joined = _joined(cells)
    run = 0
    while run < len(joined) and _header_like(joined[len(joined) - 1 - run][0]):
        run += 1
    for size in range(run, 1, -1):
        header = joined[len(joined) - size :]
        if size == run or LABEL_HEADER.match(_compact(header[0][0])):
            yield header


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


def _rows(cells: list[Cell], header: list[Cell]) -> tuple[list[list[Cell]], bool] | None:
    """The rows of the body for this header: each label with as many cells as the header
    names columns; None when fewer than two rows count out. Whether a row was left out."""
    names = [_compact(c[0]) for c in header]
    if LABEL_HEADER.match(names[0]) or not HEADER_WORDS.search(names[0]):
        names = names[1:]
    width = len(names)
    units = {i for i, name in enumerate(names) if UNIT_HEADER.match(name)}
    rows: list[list[Cell]] = []
    lossy, at, full = False, 0, 0
    while at < len(cells):
        label = cells[at]  # never a figure: the cells before it took every figure
        values, at = _values(cells, at + 1, width, units)
        if len(values) == width:
            rows.append([label, *values])
            full += 1
        elif not values:
            rows.append([label])  # a section row (按注册类型分)
        else:
            lossy = True  # a cell lost, or one too many: which is unknown
    return _enough(rows, full, lossy)


def _values(cells: list[Cell], at: int, width: int, units: set[int]) -> tuple[list[Cell], int]:
    """The cells of a row from `at`: figures, placeholders and, in a 单位 column, a unit
    word; where the next row's label starts."""
    values: list[Cell] = []
    while at < len(cells):
        text = cells[at][0]
        column = len(values)
        if _is_value(text) or (column in units and UNIT_CELL.match(text) and column < width):
            values.append(cells[at])
            at += 1
        else:
            break
    return values, at


def _enough(rows: list[list[Cell]], full: int, lossy: bool) -> tuple[list[list[Cell]], bool] | None:
    return (rows, lossy) if full >= MIN_ROWS else None
