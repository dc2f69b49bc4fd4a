"""Tables in an article: a release's statistical table after its prose, as a scraped page
gives it (cells between | or tabs, a header that may wrap over several lines):

    指标 | 2023年 水平 (元) | 2022年 水平 (元) | 增量 (元) | 同比 增长 (%) | 构成 (%) |
    全体居民 | — |
    可支配收入 | 40962 | 38361 | 2601 | 6.8 |
    一、工资性收入 | 26837 | 25244 | 1593 | 6.3 | 65.5 |

Each column is read from its header (a year's level, the change, the rate, a share, a
contribution, a unit), each row from its label (一、 numbers a component of the row above the
run), each cell as a figure in the column's or the row's unit, at the article's offsets. The
relations a table states are in `grid_relations`; a table's cells are no prose, and the
prose reading leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from povcli.article.figures import Figure, figures_of

SEPARATOR = re.compile(r"[|｜\t]")
YEAR = re.compile(r"((?:19|20)\d{2})年")
UNIT_IN_BRACKETS = re.compile(r"[(（]([^()（）]{1,8})[)）]")
NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|(?P<nested>[(（])[一二三四五六七八九十]+[)）]"
    r"|(?P<arabic>\d{1,2})[、.．](?=\D))\s*"
)
BASE_YEAR = re.compile(r"比((?:19|20)\d{2})年")
ORDINALS = "一二三四五六七八九十"
# words of a header cell (a section row such as 全体居民 or 城镇居民 has none of them)
HEADER_WORDS = re.compile(
    r"\d{4}年|[(（]|单位|單位|指标|指標|项目|項目|名称|名稱|增|率|构成|構成|比重|拉动|拉動|水平|绝对数|絕對數"
    r"|绝对量|絕對量|绝对值|絕對值|\d{1,2}月|累计|累計"
)
# a column's measure, by the first of these words its header holds
MEASURES = (
    # 单位 or 计量单位, never 单位面积产量 (a yield per unit of area)
    ("unit", re.compile(r"^(?:计量|計量|计算|計算)?(?:单位|單位)(?![面产產人])")),
    # a real rate (at constant or comparable prices, or on a comparable basis) is no growth
    # of the levels as written, nor is a yearly average
    (
        "other",
        re.compile(
            r"实际|實際|可比|口径|口徑|不变价|不變價|扣除价格|扣除價格|年均|平均增|平均每年"
        ),
    ),
    ("contribution", re.compile(r"贡献率|貢獻率")),
    ("pull", re.compile(r"拉动|拉動")),
    ("share", re.compile(r"构成|構成|比重|占比|佔比|^(?:结构|結構)")),
    ("rate", re.compile(r"增长|增長|增速|增幅|同比|环比|環比")),
    ("change", re.compile(r"增量|增减|增減|增加")),
    (
        "level",
        re.compile(
            r"\d{4}年|水平|绝对数|絕對數|绝对量|絕對量|绝对值|絕對值|数值|數值|总量|總量"
            r"|^(?:本月|当月|當月|1-本月|1-\d{1,2}月|累计|累計|本年累计|本年累計)$"
            r"|^(?:1-)?\d{1,2}月(?:份)?(?:累计|累計)?$"
        ),
    ),
)
# levels of no named year: "本年本月累计 | 上年同期 | 增长速度(%)"
THIS_PERIOD = re.compile(r"^(?:本年|本期|今年)(?:本月)?(?:累计|累計)?(?:数|數)?$")
CUMULATIVE = re.compile(r"累[计計]")
PREVIOUS_PERIOD = re.compile(r"^(?:上年|去年)(?:同期|同月)(?:累计|累計)?(?:数|數)?$")
# a column of a share's change (比重增减, 比重变化 (百分点))
SHARE_CHANGE = re.compile(r"增减|增減|增加|减少|減少|提高|下降|百分点|百分點|变化|變化|变动|變動")
# a caption that lists the main items only (主要支出项目, 主要产品产量): the rows need not be all
SELECTION = re.compile(
    r"主要[^,，。]{0,8}(?:项目|項目|指标|指標|产品|產品|行业|行業|品种|品種|商品|类别|類別)"
)
# the unit a caption gives a whole table: 单位:亿元, (单位：万人)
TABLE_UNIT = re.compile(r"(?:单位|單位)[:：]\s*([^\s,，;；、)）]{1,6})")
# the unit in brackets at the end of a caption: 表4 固定资产投资(亿元)
CAPTION_UNIT = re.compile(r"[(（]([^()（）\d]{1,6})[)）]\s*$")
# the unit a row's label gives in its brackets: 年末常住人口(万人)
LABEL_UNIT = re.compile(r"[(（]([^()（）]{1,6})[)）]$")
# a row in no unit of the table's: a rate, an index, a share, a mean, a ratio
RATE_OR_MEAN = re.compile(
    r"率|指数|指數|比重|占比|佔比|比例|系数|係數|人均|平均|均值|价格|價格|性别比|性別比|抚养比|撫養比"
)
MAX_CELLS = 40  # a row of more cells is no table a release prints
# a row that says how the rows under it break the row above down (按注册类型分)
BREAKDOWN = re.compile(r"^(?:按.{1,10}分|(?:[一二三四五六七八九十]+、)?分[^\d]{1,8})$")
# a table's caption in a row of the table (表1 2016年粮食播种面积… | ||||): no header cell
CAPTION = re.compile(r"^表\s*[\d一二三四五六七八九十]")
# headers of what is no amount: a rate, a mean, an index, a count of years
NOT_LEVELS = re.compile(r"率|平均|均|指数|指數|年龄|年齡|价格|價格|单价|單價")


@dataclass(frozen=True)
class Column:
    """What a column holds: a `measure` (level, change, rate, share, contribution, pull,
    unit, other), the year of its levels and the unit its cells are written in."""

    header: str
    measure: str
    year: str | None
    unit: str
    base: str | None = None  # the year a change or rate column runs from (比2020年增长)
    # a level of no named year: this period's (本年累计) or the same period a year before (上年同期)
    relative: str | None = None


@dataclass
class Row:
    """A row: its label (without its ordinal), whether an ordinal numbers it, the section
    it falls under, the unit a 单位 column gives it, its figures by column and its line;
    `nested`: how deep its ordinal numbers: 0 for 一、, 1 for (一) (the parts of a row 一、
    numbers), 2 for 1. (the parts of a row (一) numbers)."""

    label: str
    ordinal: int  # 1 for 一、, 2 for 二、…; 0 when unnumbered
    section: str
    unit: str
    cells: dict[int, Figure]
    start: int
    end: int
    nested: int = 0
    # the cells of a column of amounts per unit (单位面积产量 (公斤/公顷)), as written: no
    # figure of any unit the other relations know (see `unit_columns`)
    per_unit: dict[int, Figure] = field(default_factory=dict)
    own_unit: str = ""  # the unit its own label's brackets give (货物运输量(万吨))


@dataclass
class Grid:
    start: int
    end: int
    columns: list[Column]
    rows: list[Row]
    caption: str = ""  # the line above the table (表2 …主要支出项目)
    lossy: bool = False  # a row was left out (scraped one cell a line, a cell lost)

    @property
    def a_selection(self) -> bool:
        """Whether the caption says the rows are the main items only, not all of them."""
        return bool(SELECTION.search(self.caption))

    def latest_level(self) -> int | None:
        """The column of the latest year's levels."""
        levels = [(c.year, i) for i, c in enumerate(self.columns) if c.measure == "level"]
        dated = [(year, i) for year, i in levels if year]
        if dated:
            return max(dated)[1]
        this = [i for i, c in enumerate(self.columns) if c.relative == "this"]
        if len(this) == 1:
            return this[0]
        if len(levels) == 1:
            return levels[0][1]
        # a month's column and the months so far (3月, 1-3月累计): the period's level is the
        # cumulative one, which a 结构 column divides
        cumulative = [i for _, i in levels if CUMULATIVE.search(self.columns[i].header)]
        return cumulative[0] if len(cumulative) == 1 else None

    def level_a_year_before(self) -> int | None:
        """The column of the same period a year before (上年同期), beside this period's."""
        before = [i for i, c in enumerate(self.columns) if c.relative == "previous"]
        this = [i for i, c in enumerate(self.columns) if c.relative == "this"]
        return before[0] if len(before) == 1 and len(this) == 1 else None

    def level_of_year(self, year: str) -> int | None:
        for i, column in enumerate(self.columns):
            if column.measure == "level" and column.year == year:
                return i
        return None

    def columns_of(self, measure: str) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.measure == measure]


Cell = tuple[str, int, int]  # a cell's text and its offsets in the article


def grids_of(text: str) -> list[Grid]:
    """The tables of the text: runs of lines split by | or tabs that read as a header and
    rows of figures."""
    found = []
    for caption, run in _runs(text):
        grid = grid_of_run(run, table_unit(caption))
        if grid is not None:
            grid.caption = caption
            found.append(grid)
    return found


def _runs(text: str) -> Iterator[tuple[str, list[list[Cell]]]]:
    """Each run of table lines, with the two lines of text above it (its caption, if any)."""
    run: list[list[Cell]] = []
    at, above, caption = 0, ["", ""], ""
    for line in text.splitlines(keepends=True):
        cells = cells_of(line, at) if SEPARATOR.search(line) else None
        at += len(line)
        if cells is not None and len(cells) <= MAX_CELLS:
            # the two lines above: "表3 2023年分行业增加值" over "单位:亿元、%"
            caption = caption if run else " ".join(filter(None, above))
            run.append(cells)
            continue
        if not line.strip():
            continue  # a cleaned page may part the rows with blank lines
        if len(run) >= 3:
            yield caption, run
        run, above = [], [above[-1], line.strip()]
    if len(run) >= 3:
        yield caption, run


def table_rows(text: str) -> list[tuple[int, int]]:
    """The lines that are rows of a table no header could be read for: a label and two
    figures or more between separators (谷物 | 94370.8 | 5988.8 | 56516.5 |). Their cells are
    no prose either: read as sentences, a row's cells (an area, a yield, an output) would
    be taken for the parts of a 其中 list."""
    rows = []
    at = 0
    for line in text.splitlines(keepends=True):
        if len(SEPARATOR.findall(line)) >= 2:
            cells = [c[0] for c in cells_of(line, at)]
            if len(cells) >= 3 and sum(_is_number(c) for c in cells[1:]) >= 2:
                rows.append((at, at + len(line)))
        at += len(line)
    return rows


def cells_of(line: str, offset: int) -> list[Cell]:
    """The cells of a line between separators, at their offsets in the article (empty cells
    kept, but for those closing the line)."""
    cells, start = [], 0
    body = line.rstrip("\r\n")
    for match in [*SEPARATOR.finditer(body), None]:
        end = match.start() if match else len(body)
        raw = body[start:end]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        cells.append((stripped, offset + start + lead, offset + start + lead + len(stripped)))
        start = end + 1 if match else end
    while cells and not cells[-1][0]:
        cells.pop()
    if cells and not cells[0][0] and SEPARATOR.match(body.lstrip()):
        cells.pop(0)  # "| 一、社会消费品零售总额 | 万元 | …": a leading | opens the row
    return cells


def _is_number(text: str) -> bool:
    return bool(NUMBER.fullmatch(text))


def _is_data(cells: list[Cell]) -> bool:
    return bool(cells) and not _is_number(cells[0][0]) and any(_is_number(c[0]) for c in cells[1:])


def table_unit(caption: str) -> str:
    """The unit a caption gives the whole table (单位:亿元, or 表4 固定资产投资(亿元)), if
    it is a unit of measure."""
    found = TABLE_UNIT.search(caption) or CAPTION_UNIT.search(caption)
    return found.group(1) if found and unit_word(found.group(1)) else ""


def unit_word(text: str) -> bool:
    """Whether the text is a unit of measure (亿元, 万人次, %), not a word (可支配收入)."""
    return measure_of(text) is not None


def measure_of(text: str) -> tuple[str, float] | None:
    """A unit of measure's base unit and how many of it one is (千公顷: hectare, 1000); None
    for words that are no unit."""
    written = "1" + text
    read = figures_of(written)
    if len(read) != 1 or read[0].unit is None or read[0].end != len(written):
        return None
    return read[0].unit, read[0].value


def grid_of_run(run: list[list[Cell]], unit: str = "") -> Grid | None:
    """The table of a run of rows of cells: a header, then rows of a label and figures;
    `unit`, the table's own (单位:亿元 above it), for the rows that give none."""
    first = next((i for i, cells in enumerate(run) if _is_data(cells)), None)
    if first is None or first == 0:
        return None
    header = [
        c
        for cells in run[:first]
        if _is_header(cells) and not CAPTION.match(cells[0][0])
        for c in cells
        if c[0]
    ]
    if not header:
        return None
    columns = [_column(c[0]) for c in header]
    if columns[0].measure == "other":  # the labels' own header (指标, 项目)
        columns = columns[1:]
    if sum(c.measure not in ("other", "unit") for c in columns) < 2:
        return None
    rows = _rows(run, columns, unit)
    if rows is None or len(rows) < 2:
        return None
    start = min(c[1] for c in header)
    return Grid(start, rows[-1].end, columns, rows)


def _is_header(cells: list[Cell]) -> bool:
    return any(HEADER_WORDS.search(_compact(c[0])) for c in cells)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _column(header: str) -> Column:
    compact = _compact(header)
    year = YEAR.search(compact)
    unit = UNIT_IN_BRACKETS.search(compact)
    measure = next((name for name, words in MEASURES if words.search(compact)), "other")
    if measure == "other" and unit and unit_word(unit.group(1)) and not NOT_LEVELS.search(compact):
        measure = "level"  # 播种面积 (千公顷): an amount in a unit, of no named year
    if measure == "change" and unit and unit.group(1) == "%":
        measure = "rate"  # 增减 (%): a rate
    if measure == "share" and SHARE_CHANGE.search(compact):
        measure = "other"  # 比重增减 (百分点): the change of a share, no share
    base = BASE_YEAR.search(compact) if measure in ("change", "rate") else None
    relative = None
    if not year and THIS_PERIOD.match(compact):
        measure, relative = "level", "this"
    elif not year and PREVIOUS_PERIOD.match(compact):
        measure, relative = "level", "previous"
    return Column(
        header,
        measure,
        year.group(1) if year and not base else None,
        unit.group(1) if unit else "",
        base.group(1) if base else None,
        relative,
    )


def _rows(run: list[list[Cell]], columns: list[Column], unit: str) -> list[Row] | None:
    """The rows of figures, or None when a row holds more cells than the header names (the
    columns would be misread)."""
    rows: list[Row] = []
    section = carried = ""
    unit_column = next((i for i, c in enumerate(columns) if c.measure == "unit"), None)
    for cells in run:
        if not cells or not cells[0][0] or (_is_header(cells) and not _is_data(cells)):
            continue
        values = cells[1:]
        if len(values) > len(columns):
            return None
        if not _is_data(cells):
            if not BREAKDOWN.match(_compact(cells[0][0])):
                section = cells[0][0]  # 按注册类型分 breaks the row above down: no new block
            continue
        label, own = _label_unit(cells[0][0])
        ordinal = ORDINAL.match(label)
        number, nested = _numbered(ordinal)
        if unit_column is not None:
            row_unit = values[unit_column][0] if unit_column < len(values) else ""
        else:  # a unit in a label's brackets carries to the rows under it that name none
            carried = own or carried
            row_unit = own or _tables_unit(label, carried or unit)
        figures = {
            i: figure
            for i, cell in enumerate(values)
            if (figure := _figure(cell, columns[i], row_unit)) is not None
        }
        label = label[ordinal.end() :] if ordinal else label
        start, end = cells[0][1], cells[-1][2]
        row = Row(_compact(label), number, section, row_unit, figures, start, end, nested)
        row.per_unit = _per_unit_cells(values, columns)
        row.own_unit = own
        rows.append(row)
    return rows


def _per_unit_cells(values: list[Cell], columns: list[Column]) -> dict[int, Figure]:
    per_unit = {}
    for i, (text, start, end) in enumerate(values):
        if "/" in columns[i].unit and NUMBER.fullmatch(text) and not text.startswith(("-", "−")):
            read = figures_of(text)
            if len(read) == 1:
                per_unit[i] = replace(read[0], start=start, end=end)
    return per_unit


def _label_unit(label: str) -> tuple[str, str]:
    """A label without the unit its brackets give (年末常住人口(万人)), and that unit."""
    found = LABEL_UNIT.search(label)
    if found and unit_word(found.group(1)):
        return label[: found.start()].rstrip(), found.group(1)
    return label, ""


def _tables_unit(label: str, unit: str) -> str:
    """The table's unit for a row that gives none, unless the row is a rate, an index, a
    share or a mean (城镇化率, 居民消费价格指数 under 单位:亿元 are in no 亿元)."""
    if PER_HUNDRED.search(label):
        return "%"  # men per hundred women, dependants per hundred of working age
    return "" if RATE_OR_MEAN.search(label) else unit


# the ratios a table gives per hundred, with no unit of their own (人口性别比(女=100))
PER_HUNDRED = re.compile(r"性别比|性別比|抚养比|撫養比")


def _numbered(ordinal: re.Match[str] | None) -> tuple[int, int]:
    """A row's number (1 for 一、, (一) and 1.; 0 unnumbered) and its depth."""
    if ordinal is None:
        return 0, 0
    if ordinal.group("arabic"):
        return int(ordinal.group("arabic")), 2
    number = ORDINALS.find(ordinal.group(0).strip("、.．()（） ")[:1]) + 1
    return number, 1 if ordinal.group("nested") else 0


def _figure(cell: Cell, column: Column, row_unit: str) -> Figure | None:
    """A cell as a figure of its column's unit (else the row's): 40962 in a (元) column is
    40962元, 446.69 in a 万人 row 446.69万人; a pull in 百分点 is a percentage of the base."""
    text, start, end = cell
    if not _is_number(text) or column.measure in ("other", "unit"):
        return None
    unit = column.unit or row_unit
    if column.measure in ("rate", "share", "contribution", "pull") or unit in ("%", "百分点"):
        unit = "%"
    if not unit or "/" in unit:
        return None  # a figure in no unit, or a ratio of two (人/平方千米), is left alone
    negative = text[:1] in "-−－"  # a fall: -38.0 in a rate column, a loss in a level's
    written = text.lstrip("-−－") + unit
    read = figures_of(written)
    if len(read) != 1 or (read[0].start, read[0].end) != (0, len(written)):
        return None
    figure = replace(read[0], start=start, end=end)
    return replace(figure.signed(-1), written="−" + written) if negative else figure
