"""The relations a statistical table states (tables read by `grids`):

- each row: this year's level − last year's = the change column, and the rate column is
  the change over last year's level (not for a rate's row, whose growth column holds its
  change in points, nor for value added, whose rates are at constant prices);
- rows numbered 一、二、… under an unnumbered row, or over a 合计 row, are its components
  (rows among them that break one down, 其中:工业 or (一)工业, are not): they add up to it in
  every column of levels and changes; a 构成 column is each one's share of it, a 贡献率
  column its share of the change, a 拉动 column its change as a percentage of last year's
  total (those add up to the total's rate);
- a row 占X比重 is the share of the row above it in the row labelled X;
- rows naming every member of a partition (城镇, 乡村; 男性, 女性) add up to the row above
  them (when that row stands right above them; further up, the sum is shown, never called
  wrong: a scraped table has lost the indenting that says which row they break down);
- 出生率 − 死亡率 = 自然增长率;
- a 比重 column holds the shares of the row above that stands at 100.
- a row in a unit of its own (货物运输量(万吨)) heads the rows under it, up to the next such
  head of another measure: they add up to it (called wrong only where they add up in another
  column of levels: see `grid_sections`).
Numbered rows under a caption that lists the main items only (主要支出项目), components that
end the table and parts whose total stands further up are shown when they add up, never
called wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.grid_sections import unit_sections
from povcli.article.grids import Grid, Row
from povcli.article.identities import IDENTITY_NOTE
from povcli.article.near import NOT_A_COMPONENT, PER_HEAD
from povcli.article.notes import Reading, simplified
from povcli.article.partitions import (
    GROWTH_OF_SUM_NOTE,
    OPENERS,
    Partition,
    hundred,
    known_partitions,
    member_of,
    remainder_of,
)
from povcli.article.relations import Relation
from povcli.article.unit_columns import grid_unit_columns
from povcli.numbers import COUNT

ROW_NOTE = "the table's row {}: this year's level, last year's, the change and the rate"
COMPONENTS_NOTE = "the table's rows numbered 一、二、… under {} are its components"
SHARE_NOTE = "the table's {} column: each component's share of {}"
CONTRIBUTION_NOTE = "the table's {} column: each component's share of the change of {}"
PULL_NOTE = "the table's {} column: each component's change as a percentage of {} last year"
SHARE_ROW_NOTE = "the table's row {} is the share of the row above it in {}"
PARTITION_ROWS_NOTE = "the table's rows name every member of a partition, so they make {}"
SELECTION_NOTE = "the table's caption says it lists the main items only: {}"
LAST_RUN_NOTE = "the components end the table: rows after them may have been lost"
LOSSY_NOTE = (
    "a row of the table, scraped one cell a line, did not count out and was left out:"
    " the rows read may not be all"
)
SUB_ROWS_NOTE = "rows marked 其中 or # stand between {} and the rows numbered under it"
FAR_NOTE = (
    "the numbered rows are far from adding up to {}: other indicators listed under it,"
    " not its parts"
)
FURTHER_UP_NOTE = "{} stands further up the table than the row right above them"
HUNDRED_NOTE = "the table's {} column: the row at 100 is the whole of the shares under it ({})"
OTHER_BASIS_NOTE = (
    "a note by the table puts its rates on a comparable basis or at constant prices:"
    " they need not be the growth of its levels as written"
)
# a note that puts a table's rates on another basis than its levels as written
OTHER_BASIS = re.compile(r"可比口径|可比价|按可比|不变价|扣除价格因素|实际增长")
NOTE_LINES = 4  # the lines of notes under a table read for it
NOTE_REACH = 600  # characters around a table searched for its caption and notes
# 占常住人口比重: the share of the row above in 常住人口 (城镇人口比重 is the share OF 城镇人口)
SHARE_OF = re.compile(r"^占(.+?)的?(?:比重|比例)$")
# 其中:工业, #网上零售: a part of the row above, no component of the run
SUB_ROW = re.compile(r"^(?:其中[:：]?|[#＃])")
TOTAL_BELOW = re.compile(r"(?:合计|总计|小计)$")  # a total written under its components
# value added: its rates (and contributions, pulls) are at constant prices, unless the
# column says 名义; an industry's row (第一产业, 工业) in a table of value added is one too
VALUE_ADDED = re.compile(r"生产总值|增加值|GDP|总产值")
INDUSTRY = re.compile(r"(?:产业|业)$")
NOMINAL = re.compile(r"名义|名義|现价|現價")


def grid_relations(reading: Reading) -> Iterator[Relation]:
    for grid in reading.grids:
        other_basis = _rates_on_another_basis(reading.text, grid)
        for relation in _relations(grid):
            if grid.lossy and len(relation.sentences()) > 1:
                relation.confident = False  # rows of it may be the one left out
                relation.notes.append(LOSSY_NOTE)
            if other_basis and relation.kind in ("growth", "change-rate"):
                relation.confident = False
                relation.notes.append(OTHER_BASIS_NOTE)
            yield relation


def _rates_on_another_basis(text: str, grid: Grid) -> bool:
    """Whether a note by the table (its caption's lines above, 注: lines under it) puts its
    rates on a comparable basis or at constant prices: then they are no growth of its levels
    as written (unless its rate column says 名义, nominal)."""
    if any(NOMINAL.search(grid.columns[i].header) for i in grid.columns_of("rate")):
        return False
    before = text[max(0, grid.start - NOTE_REACH) : grid.start].splitlines()
    after = text[grid.end : grid.end + NOTE_REACH].splitlines()
    above = [line for line in before if line.strip()][-2:]
    below = [line for line in after if line.strip()][:NOTE_LINES]
    return bool(OTHER_BASIS.search(simplified("\n".join(above + below))))


def _relations(grid: Grid) -> Iterator[Relation]:
    yield from _row_changes(grid)
    yield from _components(grid)
    yield from _share_rows(grid)
    yield from _partition_rows(grid)
    yield from _natural_growth(grid)
    yield from _sex_ratio_rows(grid)
    yield from _shares_of_a_hundred(grid)
    yield from grid_unit_columns(grid)
    yield from unit_sections(grid)


def _relation(
    kind: str, roles: dict[str, Figure | list[Figure]], claimed: Figure, rows: list[Row],
    note: str,
) -> Relation:  # fmt: skip
    """A relation of the table, quoted by the rows it reads (each row's line)."""
    spans = sorted({(row.start, row.end) for row in rows})
    start, end = spans[0][0], spans[-1][1]
    return Relation(kind, roles, start, end, claimed, notes=[note], spans=spans)


def _years(grid: Grid) -> tuple[int | None, int | None]:
    """The columns of the latest year's levels and of the year before."""
    latest = grid.latest_level()
    year = grid.columns[latest].year if latest is not None else None
    before = grid.level_of_year(str(int(year) - 1)) if year else grid.level_a_year_before()
    return latest, before


def _on_the_year_before(grid: Grid, measure: str) -> list[int]:
    """The columns of changes or rates on the year before the latest level's (比2020年增长
    runs from another year)."""
    latest = grid.latest_level()
    year = grid.columns[latest].year if latest is not None else None
    before = str(int(year) - 1) if year else None
    return [i for i in grid.columns_of(measure) if grid.columns[i].base in (None, before)]


def _real_by_convention(grid: Grid, row: Row, rate_column: int | None) -> bool:
    """Whether the row's rates are at constant prices: value added (地区生产总值, 工业增加值,
    and an industry's row in a table of value added), unless its rate column says 名义."""
    if rate_column is not None and NOMINAL.search(grid.columns[rate_column].header):
        return False
    label = simplified(row.label)
    if VALUE_ADDED.search(label):
        return True
    return bool(INDUSTRY.search(label)) and (
        any(VALUE_ADDED.search(simplified(r.label)) for r in grid.rows)
        or bool(VALUE_ADDED.search(simplified(grid.caption)))  # 表3 2023年分行业增加值
    )


def _row_changes(grid: Grid) -> Iterator[Relation]:
    latest, before = _years(grid)
    if latest is None:
        return
    changes, rates = _on_the_year_before(grid, "change"), _on_the_year_before(grid, "rate")
    for row in grid.rows:
        new = row.cells.get(latest)
        old = row.cells.get(before) if before is not None else None
        change = next((row.cells[i] for i in changes if i in row.cells), None)
        column = next((i for i in rates if i in row.cells), None)
        rate = row.cells[column] if column is not None else None
        note = ROW_NOTE.format(row.label)
        if new and old and change:
            yield _relation("difference", {"old": old, "new": new}, change, [row], note)
        if new is None or new.kind != COUNT or _real_by_convention(grid, row, column):
            continue  # a rate's growth cell holds points; value added grows at constant prices
        if change and rate:
            yield _relation("change-rate", {"level": new, "change": change}, rate, [row], note)
        elif old and rate:
            yield _relation("growth", {"old": old, "new": new}, rate, [row], note)


def _component_runs(grid: Grid) -> Iterator[tuple[Row, list[Row], bool, bool]]:
    """Each run of rows numbered 一、二、… in order from 一 (a run that skips a number is not
    read) with its total, and whether a row of the table follows the run: a run that ends
    the table may have lost its last rows (a page cut short, "八、其他用品和" with no
    figures), so its sums are never called wrong. Rows that break a component down (其中:
    工业, or (一)工业 in a run of 一、二、) are passed over; the total is the 合计 row right
    under the run, else the unnumbered row right above it (never another block's 合计: a
    合计 above is the run's only when it opens the table or its section), or above the 其中
    rows right above it: then, whether the run breaks down that row or the 其中 row is
    unknown, and the last flag (the total stands right by the run) is False."""
    rows = grid.rows
    for at, first in enumerate(rows):
        if first.ordinal != 1:
            continue
        run, end = _run_from(rows, at)
        below = rows[end] if end < len(rows) else None
        top = at
        while top and rows[top - 1].section == first.section and SUB_ROW.match(rows[top - 1].label):
            top -= 1  # 其中:限额以上单位 breaks down the row above, as the run does
        above = rows[top - 1] if top else None
        if below is not None and TOTAL_BELOW.search(simplified(below.label)):
            total: Row | None = below
        elif above is not None and _heads(above, first):
            # a 合计 above closes the run above it, unless it opens its section (合计 first)
            closing = top > 1 and rows[top - 2].section == above.section
            total = None if closing and TOTAL_BELOW.search(simplified(above.label)) else above
        else:
            total = None
        if total is not None and len(run) >= 2:
            yield total, run, below is not None, total is below or top == at


def _run_from(rows: list[Row], at: int) -> tuple[list[Row], int]:
    """The rows numbered in order from rows[at], passing over the rows that break one of
    them down, and the index of the first row after the run (past those rows)."""
    first = rows[at]
    run = [first]
    end = at + 1
    for index in range(at + 1, len(rows)):
        row = rows[index]
        if row.section != first.section:
            break
        if (row.nested > first.nested and row.ordinal) or SUB_ROW.match(row.label):
            continue  # (一)工业 under 二、第二产业, 其中:工业
        if not row.ordinal and _numbered_next(rows, index, first, len(run) + 1):
            continue  # 执业医师, 注册护士 between 1.卫生技术人员 and 2.: its rows, unindented
        if row.nested != first.nested or row.ordinal != len(run) + 1:
            break
        run.append(row)
        end = index + 1
    while end < len(rows) and _breaks_down(rows[end], first):
        end += 1
    return run, end


def _numbered_next(rows: list[Row], at: int, first: Row, number: int) -> bool:
    """Whether the run's next number (2. after 1.) comes after the unnumbered rows from `at`,
    before any other numbered row: they are then the rows of the one before them. Only for a
    run numbered 1. 2. 3., whose rows a scrape has lost the indenting of."""
    if first.nested != 2:
        return False
    for row in rows[at:]:
        if row.section != first.section:
            return False
        if row.ordinal:
            return row.nested == first.nested and row.ordinal == number
    return False


def _breaks_down(row: Row, first: Row) -> bool:
    return row.section == first.section and bool(
        (row.ordinal and row.nested > first.nested) or SUB_ROW.match(row.label)
    )


def _heads(above: Row, first: Row) -> bool:
    """Whether the row above a run is the row it breaks down: unnumbered, or numbered at a
    shallower depth (二、 above (一)(二), (一) above 1. 2. 3.)."""
    shallower = not above.ordinal or above.nested < first.nested
    return above.section == first.section and shallower


def _components(grid: Grid) -> Iterator[Relation]:
    latest, before = _years(grid)
    changes = grid.columns_of("change")
    for total, parts, closed, beside in _component_runs(grid):
        if not _measured_alike(total, parts):
            continue  # other indicators (人均 income in 元 under 地区生产总值 in 亿元)
        rows = [total, *parts]
        note = COMPONENTS_NOTE.format(total.label)
        sums = []
        for column in grid.columns_of("level") + changes:
            figures = [row.cells.get(column) for row in parts]
            whole = total.cells.get(column)
            if whole is not None and whole.kind == COUNT and all(figures):
                sums.append(_relation("sum", {"parts": _all(figures)}, whole, rows, note))
        shares: list[Relation] = []
        change = next((total.cells[i] for i in changes if i in total.cells), None)
        base = total.cells.get(before) if before is not None else None
        rate_column = next((i for i in grid.columns_of("rate") if i in total.cells), None)
        rate = total.cells[rate_column] if rate_column is not None else None
        if _real_by_convention(grid, total, rate_column):
            change = base = None  # shares of the real change: the levels cannot give them
        wholes = {
            "share": (total.cells.get(latest) if latest is not None else None, SHARE_NOTE),
            "contribution": (change, CONTRIBUTION_NOTE),
            "pull": (base, PULL_NOTE),
        }
        for measure, (whole, words) in wholes.items():
            for column in grid.columns_of(measure):
                for relation in _shares_of(grid, column, measure, parts, total, whole, rate, words):
                    (sums if relation.kind == "sum" else shares).append(relation)
        for relation in sums:
            if not closed:
                relation.confident = False
                relation.notes.append(LAST_RUN_NOTE)
            elif grid.a_selection:
                relation.confident = False
                relation.notes.append(SELECTION_NOTE.format(grid.caption))
        if not beside:
            for relation in [*sums, *shares]:
                relation.confident = False  # the run may break down the 其中 row instead
                relation.notes.append(SUB_ROWS_NOTE.format(total.label))
        if _far_from_adding_up(grid, total, parts):
            for relation in [*sums, *shares]:
                relation.confident = False
                relation.notes.append(FAR_NOTE.format(total.label))
        yield from sorted([*sums, *shares], key=lambda r: r.start)


def _measured_alike(total: Row, parts: list[Row]) -> bool:
    """Whether numbered rows may be the parts of the row above: in its unit (单位), and
    none a mean or a rate when it is none (居民人均可支配收入 is no part of 地区生产总值)."""
    if any(row.unit != total.unit for row in parts):
        return False
    mean = PER_HEAD.search(total.label) or NOT_A_COMPONENT.search(total.label)
    return bool(mean) or not any(
        PER_HEAD.search(row.label) or NOT_A_COMPONENT.search(row.label) for row in parts
    )


def _far_from_adding_up(grid: Grid, total: Row, parts: list[Row]) -> bool:
    """Whether, in a column of levels, rows none below zero add up to less than half the
    row above or to more than half as much again: other indicators listed under a headline
    (规模以上工业增加值, 固定资产投资, … under 地区生产总值), no parts of it."""
    for column in grid.columns_of("level"):
        figures = [row.cells.get(column) for row in parts]
        whole = total.cells.get(column)
        if whole is None or not all(figures) or whole.value <= 0:
            continue
        values = [f.value for f in _all(figures)]
        if min(values) >= 0 and abs(sum(values) - whole.value) > whole.value / 2:
            return True
    return False


def _shares_of(
    grid: Grid, column: int, measure: str, parts: list[Row], total: Row, whole: Figure | None,
    rate: Figure | None, words: str,
) -> Iterator[Relation]:  # fmt: skip
    """Each component's share in a share column, and their sum: 100%, or for a pull column
    the total's rate."""
    level = _level_of_shares(grid, column)
    if measure == "share":
        whole = total.cells.get(level) if level is not None else None
    changes = grid.columns_of("change")
    note = words.format(grid.columns[column].header, total.label)
    shares = [row.cells.get(column) for row in parts]
    for row, share in zip(parts, shares, strict=True):
        part = row.cells.get(level) if measure == "share" and level is not None else None
        if measure != "share":
            part = next((row.cells[i] for i in changes if i in row.cells), None)
        if share and part and whole:
            yield _relation("share", {"part": part, "whole": whole}, share, [row, total], note)
    if not all(shares):
        return
    figures = _all(shares)
    claimed = rate if measure == "pull" else hundred(figures[-1])
    if claimed is not None:
        yield _relation("sum", {"parts": figures}, claimed, [total, *parts], note)


def _level_of_shares(grid: Grid, column: int) -> int | None:
    """The column of the levels a share column is of: its year's (2022年比重), else the
    latest year's."""
    year = grid.columns[column].year
    return grid.level_of_year(year) if year else grid.latest_level()


def _all(figures: list[Figure | None]) -> list[Figure]:
    return [f for f in figures if f is not None]


def _share_rows(grid: Grid) -> Iterator[Relation]:
    """ "城镇人口 | 万人 | 388.62" then "占常住人口比重 | % | 87": the share of the row above
    in the row the label names (年末常住人口)."""
    for at, row in enumerate(grid.rows[1:], 1):
        named = SHARE_OF.match(simplified(row.label))
        if named is None:
            continue
        above = grid.rows[at - 1]
        whole = _row_named(grid.rows[: at - 1], named.group(1), row.section)
        if whole is None:
            continue
        note = SHARE_ROW_NOTE.format(row.label, whole.label)
        for column, share in row.cells.items():
            if grid.columns[column].measure != "level":
                continue  # a share row's change or growth cell holds points
            part, total = above.cells.get(column), whole.cells.get(column)
            if part and total and share.is_rate and part.same_unit(total):
                yield _relation("share", {"part": part, "whole": total}, share,
                                [whole, above, row], note)  # fmt: skip


# "人口性别比(以女性人口为100)" under "男性" and "女性": the population's men per hundred women
SEX_RATIO_ROW = re.compile(r"(?:总人口|人口|常住人口|户籍人口)?性别比")
SEX_ROW = {"男": re.compile(r"(?:其中[:：]?)?男性?(?:人口)?"), "女": re.compile(r"女性?(?:人口)?")}
SEX_RATIO_NOTE = (
    "the table's row {} is the men per hundred women of the rows 男性 and 女性 above it"
)
SEX_ROWS_WITHIN = 3  # rows up from the ratio to the counts of men and women


def _sex_ratio_rows(grid: Grid) -> Iterator[Relation]:
    for at, row in enumerate(grid.rows):
        label = simplified(row.label)
        if not SEX_RATIO_ROW.fullmatch(BRACKETED_WORDS.sub("", label)):
            continue
        if "男" in "".join(re.findall(r"以(男|女)", label)):
            continue  # women per hundred men: not the usual ratio, left to the prose's reading
        above = grid.rows[max(0, at - SEX_ROWS_WITHIN) : at]
        men = [r for r in above if SEX_ROW["男"].fullmatch(simplified(r.label))]
        women = [r for r in above if SEX_ROW["女"].fullmatch(simplified(r.label))]
        if len(men) != 1 or len(women) != 1 or men[0].section != women[0].section:
            continue
        if not _of_people(grid, men[0], women[0]):
            continue  # 就业人员's men and women: no counts of the population's sexes
        note = SEX_RATIO_NOTE.format(row.label)
        for column, ratio in row.cells.items():
            a, b = men[0].cells.get(column), women[0].cells.get(column)
            if (
                a is None
                or b is None
                or not a.same_unit(b)
                or grid.columns[column].measure != "level"
            ):
                continue
            yield _relation("per-hundred", {"a": a, "b": b}, ratio, [men[0], women[0], row], note)


BRACKETED_WORDS = re.compile(r"[(（][^()（）]*[)）]")


def _of_people(grid: Grid, men: Row, women: Row) -> bool:
    """Whether the rows of men and women break down people (常住人口, 总人口 above them, or
    nothing), not some of them (就业人员, 在校学生)."""
    first = min(grid.rows.index(men), grid.rows.index(women))
    if first == 0:
        return True
    return "人口" in simplified(grid.rows[first - 1].label)


def _row_named(rows: list[Row], words: str, section: str) -> Row | None:
    """The last row before, of the section, whose label is the words (年末 or 全部 before
    them allowed): 常住人口 names 年末常住人口."""
    for row in reversed(rows):
        label = simplified(row.label)
        if row.section == section and re.fullmatch(
            rf"(?:年末|年底|全部|全体)?{re.escape(words)}", label
        ):
            return row
    return None


def _partition_rows(grid: Grid) -> Iterator[Relation]:
    """Consecutive rows naming every member of a partition, and the row they break down:
    the unnumbered row above them that names no member of any partition."""
    rows = grid.rows
    for partition in known_partitions():
        size = len(partition.members)
        for at in range(1, len(rows) - size + 1):
            run = rows[at : at + size]
            members = [member_of(simplified(row.label), partition) for row in run]
            if sorted(m for m in members if m is not None) != list(range(size)):
                continue
            if any(row.ordinal or row.section != run[0].section for row in run):
                continue
            if not _one_thing(run, partition):
                continue
            if _more_members(run, rows[at + size] if at + size < len(rows) else None):
                continue
            whole, adjacent = _row_broken_down(rows[:at], run[0].section, partition)
            if whole is None:
                continue
            yield from _partition_sums(grid, partition, whole, run, adjacent)


def _one_thing(run: list[Row], partition: Partition) -> bool:
    """Whether the rows count one thing besides their members (城镇人口, 乡村人口), not two
    (城镇新增就业, 农村劳动力转移就业: neither a part of the row above)."""
    bare = [OPENERS.sub("", SUB_ROW.sub("", simplified(row.label))) for row in run]
    rests = {remainder_of(label, partition) for label in bare}
    return len(rests - {""}) <= 1


def _more_members(run: list[Row], after: Row | None) -> bool:
    """Whether the row after the run is one more member: 其他 (the rest), a member of a
    larger partition with them (东北地区 after 东部, 中部, 西部), or a row named as they are
    (生物质发电 after 风电, 太阳能发电)."""
    if after is None or after.ordinal or after.section != run[0].section:
        return False
    label = simplified(after.label)
    if re.search(r"其他|其它|其余", label):
        return True
    labels = [simplified(row.label) for row in run]
    for partition in known_partitions():
        members = {member_of(name, partition) for name in [*labels, label]}
        if None not in members and len(members) == len(labels) + 1:
            return True  # each row a member of its own
    endings = {name[-1:] for name in labels}
    alike = len(endings) == 1 and len({name[-2:] for name in labels}) > 1
    return alike and label.endswith(endings.pop())


def _row_broken_down(
    rows: list[Row], section: str, partition: Partition
) -> tuple[Row | None, bool]:
    """The row the partition's rows break down: the nearest above that names no member of
    a partition and is no part itself (其中:限额以上单位 breaks down the row above it), or
    that names the partition's whole (城镇居民人均可支配收入 over the income sources, though
    城镇 is a member of another); right above them, or further up (then only shown)."""
    for distance, row in enumerate(reversed(rows)):
        if row.section != section:
            return None, False
        label = simplified(row.label)
        if SUB_ROW.match(label):
            continue
        at = len(rows) - 1 - distance
        named = [p for p in known_partitions() if member_of(label, p) is not None]
        if not named or (_names_whole(label, partition) and not _sibling(rows, at, named)):
            return row, distance == 0
    return None, False


def _names_whole(label: str, partition: Partition) -> bool:
    return member_of(label, partition) is None and any(t in label for t in partition.totals)


def _sibling(rows: list[Row], at: int, named: list[Partition]) -> bool:
    """Whether the row stands beside another member of a partition it is a member of:
    one of a run of parts (民营医院 after 公立医院), not a whole."""
    beside = [rows[i] for i in (at - 1, at + 1) if 0 <= i < len(rows)]
    return any(member_of(simplified(r.label), p) is not None for r in beside for p in named)


def _partition_sums(
    grid: Grid, partition: Partition, whole: Row, run: list[Row], adjacent: bool
) -> Iterator[Relation]:
    note = PARTITION_ROWS_NOTE.format(whole.label)
    labels = [simplified(row.label) for row in (whole, *run)]
    if any(NOT_A_COMPONENT.search(label) for label in labels):
        return  # rates of the members: they average to the whole's, never add up
    if not partition.components and any(PER_HEAD.search(label) for label in labels):
        return  # means of the members (城镇, 农村 人均): they average to the whole's
    # (the income sources of 人均可支配收入 are parts of one mean: they add up to it)
    if any(
        part.bounds.low > whole.cells[column].bounds.high
        for row in run
        for column, part in row.cells.items()
        if column in whole.cells and grid.columns[column].measure == "level"
    ):
        return  # a part larger than the whole: means (人均, 预期寿命), no parts of it
    yield from _growth_of_sum(grid, whole, run, note)
    for column, total in whole.cells.items():
        parts = [row.cells.get(column) for row in run]
        rates = [total.is_rate, *(p.is_rate for p in _all(parts))]
        # shares of the whole (its own at 100) add up to it; other rates never do
        hundred = all(rates) and total.bounds.low <= 100 <= total.bounds.high
        if not all(parts) or (any(rates) and not hundred):
            continue
        if not all(p.same_unit(total) for p in _all(parts)):
            continue
        relation = _relation("sum", {"parts": _all(parts)}, total, [whole, *run], note)
        if not adjacent:
            relation.confident = False
            relation.notes.append(FURTHER_UP_NOTE.format(whole.label))
        yield relation


def _growth_of_sum(grid: Grid, whole: Row, run: list[Row], note: str) -> Iterator[Relation]:
    """The whole's rate from its parts' levels and rates (each part's last year is its
    level brought back by its own rate): shown, never called wrong (a bureau computes its
    rates on a comparable basis)."""
    rows = [whole, *run]
    for level, rate in _levels_and_rates(grid):
        if not all(level in row.cells and rate in row.cells for row in rows):
            continue
        if any(_real_by_convention(grid, row, rate) or row.cells[level].kind != COUNT
               for row in rows):  # fmt: skip
            continue  # constant prices, or a rate's row: its growth cell holds points
        roles: dict[str, Figure | list[Figure]] = {
            "total": whole.cells[level],
            "parts": [row.cells[level] for row in run],
            "rates": [row.cells[rate] for row in run],
        }
        relation = _relation("growth-of-sum", roles, whole.cells[rate], rows, note)
        relation.confident = False
        relation.notes.append(GROWTH_OF_SUM_NOTE)
        yield relation


def _levels_and_rates(grid: Grid) -> list[tuple[int, int]]:
    """(levels, their rates) columns: the latest year's levels with the first rate column;
    where the levels have no year (本月 | 比去年同月增长 | 1-本月 | 比去年同期增长), each rate
    column with the levels right before it."""
    latest = grid.latest_level()
    rates = grid.columns_of("rate")
    if latest is not None:
        return [(latest, rates[0])] if rates else []
    return [
        (rate - 1, rate)
        for rate in rates
        if rate > 0
        and grid.columns[rate - 1].measure == "level"
        and not grid.columns[rate - 1].year
    ]


def _natural_growth(grid: Grid) -> Iterator[Relation]:
    """出生率 − 死亡率 = 自然增长率, in each column the three rows fill (the population's:
    婴儿死亡率 is no death rate)."""
    found: dict[str, Row] = {}
    for row in grid.rows:
        label = simplified(row.label)
        for word in ("自然增长率", "出生率", "死亡率"):
            if re.fullmatch(rf"(?:全年)?(?:人口)?{word}(?:[(（][^()（）]*[)）])?", label):
                found.setdefault(word, row)
                break
    if len(found) < 3:
        return
    birth, death, natural = found["出生率"], found["死亡率"], found["自然增长率"]
    for column, value in natural.cells.items():
        born, died = birth.cells.get(column), death.cells.get(column)
        if born and died:
            yield _relation("difference", {"old": died, "new": born}, value,
                            [birth, death, natural], IDENTITY_NOTE)  # fmt: skip


def _shares_of_a_hundred(grid: Grid) -> Iterator[Relation]:
    """ "年末户籍人口 | 117.95 | 100.0" then "其中:城镇 | 44.37 | 37.6": a row whose share is 100
    is the whole of the shares in the rows under it, until the next such row."""
    levels = grid.columns_of("level")
    if len(levels) != 1:
        return  # which year's levels the shares are of would be a guess
    level = levels[0]
    for column in grid.columns_of("share"):
        if grid.columns[column].year not in (None, grid.columns[level].year):
            continue  # 2022年比重 beside the 2023 levels only
        whole: Row | None = None
        for row in grid.rows:
            share = row.cells.get(column)
            if share is None:
                continue
            if share.bounds.low <= 100 <= share.bounds.high:
                whole = row
                continue
            part, total = row.cells.get(level), whole.cells.get(level) if whole else None
            if whole is None or part is None or total is None or row.section != whole.section:
                continue
            note = HUNDRED_NOTE.format(grid.columns[column].header, whole.label)
            yield _relation("share", {"part": part, "whole": total}, share, [whole, row], note)
