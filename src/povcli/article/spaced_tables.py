"""What a table read as rows (`row_tables`: yearbook pages, | rows, one cell a line) states,
read from its figures and the words it keeps, its layout being lost:

- rows that add up: a row equal, in every column, to the rows that follow it (a row that
  breaks down further counted once, with its own parts skipped) — shown, as the table's
  arithmetic; where they fail in one column, it is called wrong only when the same rows add
  up in other columns, the table shows that column adds up elsewhere and the parts come to
  more than their whole (a whole above them may hold a part not listed: 全省 = 各市 + 省本级),
  or the same labels add up in every column elsewhere in the table;
- columns that add up: a column equal to the sum of the next ones in three rows or more
  (合计 = 进口 + 出口); a row where it fails is called wrong only when the header names a
  total (合计, 总计, Total) and the other rows hold three to one;
- columns of shares: a column of percentages equal to one column over another in three rows
  or more (构成: 跨省流动 / 外出农民工总量); a row where it fails is called wrong only when the
  header names shares (构成, 比重, 占比, %) and the other rows hold three to one;
- a row labelled as a total (合计, 总计) under the rows it sums, and a column of ratios (one
  column over another, 学生与专任教师比): shown where they hold, never called wrong.

A cell that lies between its parts (a growth rate, a share, a figure per head, an index: a
weighted mean of the parts') is no sum, and is called wrong in neither way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from povcli.article.figures import Figure
from povcli.article.relations import Relation
from povcli.article.row_tables import MIN_ROWS, SpacedRow, SpacedTable
from povcli.numbers import PERCENT, Interval

MAX_RUN = 12  # rows one row may break down into
NAMED_ROWS = 2  # rows that show columns adding up under a header naming a total
TOTAL_WORDS = re.compile(r"合计|合計|总计|總計|小计|小計|(?i:total)")
CJK = re.compile(r"[\u3400-\u9fff]+")

ROWS_NOTE = "the table's rows: {} adds up from the rows under it"
ROWS_ABOVE_NOTE = "the table's rows: {} adds up from the rows above it"
ROWS_ELSEWHERE_NOTE = "the same rows add up to it in every column elsewhere in the table ({})"
ROWS_COLUMNS_NOTE = (
    "the same rows add up to it in {} other columns, and this column adds up elsewhere in the table"
)
COLUMNS_NOTE = "the table's columns: column {} is the sum of the columns after it ({})"
COLUMNS_RULE_NOTE = "{} other rows of the table add up so, and its header names a total"
UNSURE_COLUMNS_NOTE = "the header names no total: the columns may only happen to add up"
FEW_ROWS_NOTE = "only {} other rows of the table add up so: too few to call this one wrong"


# ------------------------------------------------------------------ rows that add up


def spaced_relations(tables: list[SpacedTable]) -> Iterator[Relation]:
    """The sums each table's rows and columns state, and its columns of shares."""
    for table in tables:
        yield from _row_sums(table)
        yield from _column_sums(table)
        yield from _share_columns(table)
        yield from _ratio_columns(table)
        yield from _share_sections(table)


def _adds_up(whole: Figure, parts: list[Figure]) -> bool:
    low = sum(p.bounds.low for p in parts)
    high = sum(p.bounds.high for p in parts)
    return low <= whole.bounds.high and whole.bounds.low <= high


def _blocks(table: SpacedTable) -> Iterator[list[SpacedRow]]:
    """Runs of rows on lines with nothing but blank lines between them."""
    block: list[SpacedRow] = []
    for row in table.rows:
        if block and not _adjacent(block[-1], row, table):
            yield block
            block = []
        block.append(row)
    if block:
        yield block


def _adjacent(before: SpacedRow, row: SpacedRow, table: SpacedTable) -> bool:
    # the cleaned text stands one blank line between lines
    return row.line - before.line <= 2


@dataclass
class Breakdown:
    whole: int  # index in the block
    parts: list[int]
    # the columns where they add up (the others hold means of them: rates, shares); all when
    # not given
    columns: list[int] | None = None


def _summed_columns(row: SpacedRow, run: list[SpacedRow]) -> list[int] | None:
    """The columns where the run adds up to the row, when every other column holds a mean of
    the run's (a rate, a share: 本月 ±% 累计 ±%) and two columns at least add up in figures
    that count (tiny figures add up by chance)."""
    width = len(row.cells)
    columns = []
    for c in range(width):
        parts = [r.cells[c] for r in run]
        if _adds_up(row.cells[c], parts):
            columns.append(c)
        elif not _reads_as_mean(row.cells[c], parts):
            return None
    telling = [c for c in columns if abs(row.cells[c].value) >= 10]
    return columns if len(telling) >= 2 else None


def _breakdowns(block: list[SpacedRow]) -> list[Breakdown]:
    """Each row that the rows after it add up to in every column holding no mean of them (a
    rate, a share): a run of rows, a row that breaks down further counted with its own parts
    skipped, and a second run after a first."""
    simple = [b for i in range(len(block)) for b in _runs_from(block, i, i + 1)]
    nested = {b.whole: b for b in simple}
    found = list(simple)
    for i in range(len(block)):
        for nested_breakdown in _with_subtotals(block, i, nested):
            if not any(b.whole == i and b.parts == nested_breakdown.parts for b in found):
                found.append(nested_breakdown)
    for b in list(found):  # 医院总计 = two unlabelled rows = 综合医院 + … + 其他医院
        after = b.parts[-1] + 1
        for more in _runs_from(block, b.whole, after):
            if not any(f.whole == b.whole and f.parts == more.parts for f in found):
                found.append(more)
    return found


def _runs_from(block: list[SpacedRow], whole: int, start: int) -> Iterator[Breakdown]:
    row = block[whole]
    width = len(row.cells)
    if width < 2 or max(abs(c.value) for c in row.cells) < 10:
        return  # two columns at least confirm it; tiny figures add up by chance
    for end in range(start + 1, min(len(block), start + MAX_RUN)):
        run = block[start : end + 1]
        if any(len(r.cells) != width for r in run):
            return
        columns = _summed_columns(row, run)
        if columns is not None:
            yield Breakdown(whole, list(range(start, end + 1)), columns)
            return


def _with_subtotals(
    block: list[SpacedRow], whole: int, nested: dict[int, Breakdown]
) -> Iterator[Breakdown]:
    """Children of the row whose own parts follow them (普通中等学校 = 普通中等专业学校 (= 中等
    技术学校 + 中等师范学校) + 普通中学 (= 高中 + 初中) + 职业中学)."""
    row = block[whole]
    width = len(row.cells)
    if width < 2 or max(abs(c.value) for c in row.cells) < 10:
        return
    children: list[int] = []
    at = whole + 1
    skipped = False
    while at < len(block) and len(children) < MAX_RUN and len(block[at].cells) == width:
        children.append(at)
        below = nested.get(at)
        if below is not None and below.parts[0] == at + 1:
            at = below.parts[-1] + 1
            skipped = True
        else:
            at += 1
        if len(children) >= 2 and skipped:
            columns = _summed_columns(row, [block[c] for c in children])
            if columns is not None:
                yield Breakdown(whole, list(children), columns)
                return


def _row_sums(table: SpacedTable) -> Iterator[Relation]:
    blocks = list(_blocks(table))
    found = [(block, b) for block in blocks for b in _breakdowns(block)]
    confirmed = {_signature(block, b) for block, b in found} - {None}
    additive = {c for block, b in found for c in _columns_of(block, b)}
    for block, b in found:
        for column in _columns_of(block, b):
            yield _row_sum(table, block, b, column, [], confident=True)
    yield from _failing_breakdowns(table, blocks, found, confirmed, additive)
    for block in blocks:
        yield from _totals_below(table, block)


TOTAL_LABEL = re.compile(r"^(?:合计|合計|总计|總計|小计|小計|(?i:total))")


def _totals_below(table: SpacedTable, block: list[SpacedRow]) -> Iterator[Relation]:
    """A row labelled as a total (合计, 总计) under the rows it sums, from the block's top or
    from the row after an earlier total: shown in each column where they add up, when they add
    up in two columns or more and every other column holds means (a ratio, a rate); never
    called wrong (a total row may count what the rows above it leave out)."""
    top = 0
    for at, row in enumerate(block):
        if not TOTAL_LABEL.match(_words(row.label) or row.label.strip()):
            continue
        run = list(range(top, at))
        top = at + 1
        if len(run) < 2 or any(len(block[i].cells) != len(row.cells) for i in run):
            continue
        columns = range(len(row.cells))
        parts = {c: [block[i].cells[c] for i in run] for c in columns}
        holds = [c for c in columns if _adds_up(row.cells[c], parts[c])]
        telling = [c for c in holds if abs(row.cells[c].value) >= 10]
        if len(telling) < 2 or any(
            c not in holds and not _reads_as_mean(row.cells[c], parts[c]) for c in columns
        ):
            continue
        for column in holds:
            yield _row_sum(table, block, Breakdown(at, run), column, [], confident=True)


def _columns_of(block: list[SpacedRow], b: Breakdown) -> list[int]:
    return b.columns if b.columns is not None else list(range(len(block[b.whole].cells)))


def _signature(block: list[SpacedRow], b: Breakdown) -> tuple[str, ...] | None:
    """The labels of a breakdown (its Chinese words), when every row has its own."""
    labels = [_words(block[i].label) for i in (b.whole, *b.parts)]
    if not all(labels) or len(set(labels)) != len(labels):
        return None
    return tuple(labels)


def _words(label: str) -> str:
    return "".join(CJK.findall(label))


def _failing_breakdowns(
    table: SpacedTable,
    blocks: list[list[SpacedRow]],
    found: list[tuple[list[SpacedRow], Breakdown]],
    confirmed: set[tuple[str, ...] | None],
    additive: set[int],
) -> Iterator[Relation]:
    """Rows that add up in some columns and not in one: wrong when the table shows that they
    break that row down (the same labels add up elsewhere in every column, or two other
    columns hold and the column adds up in another breakdown)."""
    known = {(id(block), b.whole, tuple(b.parts)) for block, b in found}
    for block in blocks:
        for whole in range(len(block)):
            for parts in _candidate_runs(block, whole):
                if (id(block), whole, tuple(parts)) in known:
                    continue
                b = Breakdown(whole, parts)
                yield from _judged_columns(table, block, b, confirmed, additive)


def _candidate_runs(block: list[SpacedRow], whole: int) -> Iterator[list[int]]:
    width = len(block[whole].cells)
    for end in range(whole + 2, min(len(block), whole + 1 + MAX_RUN)):
        if any(len(block[i].cells) != width for i in range(whole + 1, end + 1)):
            return
        yield list(range(whole + 1, end + 1))


def _judged_columns(
    table: SpacedTable,
    block: list[SpacedRow],
    b: Breakdown,
    confirmed: set[tuple[str, ...] | None],
    additive: set[int],
) -> Iterator[Relation]:
    row = block[b.whole]
    width = len(row.cells)
    parts = [[block[i].cells[c] for i in b.parts] for c in range(width)]
    holds = [_adds_up(row.cells[c], parts[c]) for c in range(width)]
    # a column of zeros (0 = 0 + 0) or of small counts holds by chance: no evidence
    telling = sum(h and abs(row.cells[c].value) >= 10 for c, h in enumerate(holds))
    if all(holds) or not telling:
        return
    # a cell between its parts is a mean of them (a growth rate, a share, a figure per head)
    failing = [
        c for c in range(width) if not holds[c] and not _reads_as_mean(row.cells[c], parts[c])
    ]
    signature = _signature(block, b)
    named = signature is not None and signature in confirmed
    if not named and (telling < 2 or len(failing) > 1):
        return
    for column in range(width):
        if holds[column]:
            yield _row_sum(table, block, b, column, [], confident=True)
        elif column not in failing:
            continue
        # a total above its parts may hold one the table leaves out (全省 = 各市 + 省本级)
        elif named or (column in additive and _short_of_parts(row.cells[column], parts[column])):
            note = (
                ROWS_ELSEWHERE_NOTE.format(" + ".join(signature[1:]) if signature else "")
                if named
                else ROWS_COLUMNS_NOTE.format(telling)
            )
            yield _row_sum(table, block, b, column, [note], confident=True)


def _reads_as_mean(whole: Figure, parts: list[Figure]) -> bool:
    """The whole lies between its smallest part and its largest: what a weighted mean of them
    does (a growth rate, a share, an average, an index), and no total of two parts or more."""
    low = min(p.bounds.low for p in parts)
    high = max(p.bounds.high for p in parts)
    return whole.bounds.low <= high and low <= whole.bounds.high


def _short_of_parts(whole: Figure, parts: list[Figure]) -> bool:
    """Parts none below zero that come to more than their whole: no part left out explains it."""
    least = sum(p.bounds.low for p in parts)
    return all(p.value >= 0 for p in parts) and whole.value >= 0 and least > whole.bounds.high


def _row_sum(
    table: SpacedTable,
    block: list[SpacedRow],
    b: Breakdown,
    column: int,
    notes: list[str],
    confident: bool,
) -> Relation:
    whole = block[b.whole]
    parts = [block[i].cells[column] for i in b.parts]
    total = whole.cells[column]
    if _share_head(whole):  # 总产出构成(%) 100.00 = 10.50 + 62.40 + 27.10: percentages
        parts = [_as_percent(block[i].raw[column]) for i in b.parts]
        total = _as_percent(whole.raw[column])
    # the row's own words (a yearbook's label is bilingual: 医院 Hospitals), else as written
    label = _words(whole.label) or whole.label.strip() or f"{whole.cells[0].written}…"
    spans = sorted((block[i].cells[0].start, block[i].cells[-1].end) for i in (b.whole, *b.parts))
    said = ROWS_NOTE if b.parts[0] > b.whole else ROWS_ABOVE_NOTE
    return Relation(
        "sum",
        {"parts": parts},
        spans[0][0],
        spans[-1][1],
        total,
        notes=[said.format(label), *notes],
        spans=sorted(spans),
        confident=confident,
        spaced_cells=True,
    )


# --------------------------------------------------------------- columns that add up


def _column_sums(table: SpacedTable) -> Iterator[Relation]:
    widths = sorted({len(row.cells) for row in table.rows})
    for width in widths:
        rows = [row for row in table.rows if len(row.cells) == width]
        if len(rows) < NAMED_ROWS:
            continue
        for total in range(width):
            for last in range(total + 2, width):
                yield from _column_identity(table, rows, total, list(range(total + 1, last + 1)))


def _column_identity(
    table: SpacedTable, rows: list[SpacedRow], total: int, parts: list[int]
) -> Iterator[Relation]:
    holding = [r for r in rows if _adds_up(r.cells[total], [r.cells[c] for c in parts])]
    # a row whose total lies between its parts is of means (上年增长%, 比重, 人均): no sum
    failing = [
        r
        for r in rows
        if r not in holding and not _reads_as_mean(r.cells[total], [r.cells[c] for c in parts])
    ]
    # rows that show it: every part in them counts (x = x + 0 shows nothing), and not by chance
    telling = [
        r
        for r in holding
        if abs(r.cells[total].value) >= 10 and all(r.cells[c].value for c in parts)
    ]
    named = bool(TOTAL_WORDS.search(table.header))
    judged = len(telling) >= MIN_ROWS and len(telling) >= 3 * len(failing)
    if not judged and not (named and len(telling) >= NAMED_ROWS):
        return  # (two rows under a header naming a total show it, three to one judge it)
    # a row that adds up with the next column too (合计 = 国有 + 集体 + 其他, 其他 mostly 0):
    # the parts may be more columns than these
    failing = [r for r in failing if not _adds_up_further(r, total, parts)]
    columns = f"{parts[0] + 1}–{parts[-1] + 1}"
    note = COLUMNS_NOTE.format(total + 1, columns)
    # shares and their whole at 100.0, in a table whose 单位 line gives shares in %
    percent = table.has_shares and all(row.raw[total].value == 100 for row in rows)
    for row in [*holding, *failing]:
        cells = [_as_percent(cell) for cell in row.raw] if percent else row.cells
        figures = [cells[c] for c in parts]
        extra = [COLUMNS_RULE_NOTE.format(len(telling))] if row in failing else []
        if not named:
            extra = [UNSURE_COLUMNS_NOTE]
        elif row in failing and not judged:
            extra = [FEW_ROWS_NOTE.format(len(telling))]
        sure = named and (judged or row not in failing)
        start, end = row.cells[total].start, row.cells[parts[-1]].end
        yield Relation("sum", {"parts": figures}, start, end, cells[total],
                       notes=[note, *extra], confident=sure, spaced_cells=True)  # fmt: skip


def _adds_up_further(row: SpacedRow, total: int, parts: list[int]) -> bool:
    more = range(parts[-1] + 1, len(row.cells))
    return any(
        _adds_up(row.cells[total], [row.cells[c] for c in range(parts[0], last + 1)])
        for last in more
    )


# --------------------------------------------------------------- columns of shares

SHARE_WORDS = re.compile(r"构成|構成|比重|占比|佔比|%|％")
SHARES_NOTE = "the table's columns: column {} is column {} as a percentage of column {}"
SHARES_RULE_NOTE = "{} other rows of the table hold so, and its header names shares"
UNSURE_SHARES_NOTE = "the header names no shares: the columns may only happen to agree"


def _share_columns(table: SpacedTable) -> Iterator[Relation]:
    for width in sorted({len(row.cells) for row in table.rows}):
        rows = [row for row in table.rows if len(row.cells) == width]
        if len(rows) < MIN_ROWS:
            continue
        for share in range(width):
            if not all(0 <= row.raw[share].value <= 100 for row in rows):
                continue  # a share column holds percentages
            for whole in range(width):
                for part in range(width):
                    if len({share, whole, part}) == 3:
                        yield from _share_identity(table, rows, (part, whole, share))


RATIO_NOTE = "the table's columns: column {} is column {} over column {}"
UNSURE_RATIO_NOTE = "a column of ratios read from the figures alone: shown, never called wrong"


def _ratio_columns(table: SpacedTable) -> Iterator[Relation]:
    """A column equal to one column over another in three rows or more (学生与专任教师比:
    students over teachers): shown where it holds, never called wrong, since no header word
    says for sure that the column is that ratio."""
    for width in sorted({len(row.cells) for row in table.rows}):
        rows = [row for row in table.rows if len(row.cells) == width]
        if len(rows) < MIN_ROWS:
            continue
        for ratio in range(width):
            for a in range(width):
                for b in range(width):
                    if len({ratio, a, b}) == 3:
                        yield from _ratio_identity(rows, (a, b, ratio))


def _ratio_identity(rows: list[SpacedRow], columns: tuple[int, int, int]) -> Iterator[Relation]:
    a, b, ratio = columns
    holding = [r for r in rows if _ratio_holds(r, a, b, ratio, 1)]
    telling = [
        r
        for r in holding
        if abs(r.raw[b].value) >= 10 and r.raw[ratio].value not in (0, 1) and r.raw[a].value
    ]
    if len(telling) < MIN_ROWS or len(telling) < 3 * (len(rows) - len(holding)):
        return
    if not all("." in r.raw[ratio].written for r in telling):
        return  # a count over a ratio gives the other count back: the ratio is what is derived
    note = RATIO_NOTE.format(ratio + 1, a + 1, b + 1)
    for row in holding:
        roles: dict[str, Figure | list[Figure]] = {"a": row.raw[a], "b": row.raw[b]}
        spans = sorted((c.start, c.end) for c in (row.raw[a], row.raw[b], row.raw[ratio]))
        yield Relation("ratio", roles, spans[0][0], spans[-1][1], row.raw[ratio],
                       notes=[note, UNSURE_RATIO_NOTE], confident=False,
                       spaced_cells=True)  # fmt: skip


def _ratio_holds(row: SpacedRow, a: int, b: int, ratio: int, factor: float) -> bool:
    top, bottom, said = row.raw[a].bounds, row.raw[b].bounds, row.raw[ratio].bounds
    if bottom.low <= 0 or top.low < 0:
        return False
    low, high = top.low / bottom.high * factor, top.high / bottom.low * factor
    return low <= said.high and said.low <= high


# a row of rates or changes under the levels (比上年增长 5.0 8.0 1.7): no row of a part and
# its whole, whatever its share column holds (a share's rise in points)
RATE_ROW = re.compile(r"增长|增長|增速|增幅|增减|增減|比上年|同比|提高|下降|百分点|百分點|%|％")
RATE_NOTE = (
    "column {} is column {} less column {}: column {} is a rate of change, which a bureau may"
    " reckon on a comparable basis, so it is shown, never called wrong"
)


def _share_identity(
    table: SpacedTable, rows: list[SpacedRow], columns: tuple[int, int, int]
) -> Iterator[Relation]:
    part, whole, share = columns
    rows = [r for r in rows if not RATE_ROW.search(r.label)]
    holding = [r for r in rows if _share_holds(r, part, whole, share)]
    failing = [r for r in rows if r not in holding and r.raw[whole].value]
    # rows that show it: a whole that counts, a part neither nothing nor all of it
    telling = [r for r in holding if abs(r.raw[whole].value) >= 10 and 0 < r.raw[share].value < 100]
    if len(telling) < MIN_ROWS or len(telling) < 3 * len(failing):
        return
    named = bool(SHARE_WORDS.search(table.header))
    note = SHARES_NOTE.format(share + 1, part + 1, whole + 1)
    later = _later_column(telling, part, whole)
    for row in [*holding, *failing]:
        extra = [SHARES_RULE_NOTE.format(len(telling))] if row in failing else []
        if not named:
            extra = [UNSURE_SHARES_NOTE]
        if later is not None:  # 增加额 over last year's level: a growth rate, no share
            extra = [RATE_NOTE.format(part + 1, later + 1, whole + 1, share + 1)]
        claimed = _as_percent(row.raw[share])
        spans = sorted((c.start, c.end) for c in (row.cells[part], row.cells[whole], claimed))
        roles: dict[str, Figure | list[Figure]] = {
            "part": row.cells[part],
            "whole": row.cells[whole],
        }
        yield Relation("share", roles, spans[0][0], spans[-1][1], claimed, notes=[note, *extra],
                       confident=named and later is None, spaced_cells=True)  # fmt: skip


def _later_column(rows: list[SpacedRow], part: int, whole: int) -> int | None:
    """The column the part is the change to from the whole, in every row (2023年 = 2022年 +
    增加额): then part over whole is a growth rate."""
    for column in range(len(rows[0].raw)):
        if column not in (part, whole) and all(
            _adds_up(r.raw[column], [r.raw[whole], r.raw[part]]) for r in rows
        ):
            return column
    return None


def _share_holds(row: SpacedRow, part: int, whole: int, share: int) -> bool:
    return _ratio_holds(row, part, whole, share, 100)


def _as_percent(cell: Figure) -> Figure:
    """A share cell as the percentage it is, rounded at its last written digit."""
    places = len(cell.written.partition(".")[2])
    half = 0.5 * 10**-places
    return replace(
        cell, unit="%", kind=PERCENT, bounds=Interval(cell.value - half, cell.value + half)
    )


# ------------------------------------------------------- a section of shares of levels

# a row heading a section of shares at 100 in every column (总产出构成(%), 比重): the rows under it
# are the shares of the rows of the same labels above, in the total the heading names
SHARE_HEAD = re.compile(r"构成|構成|比重|结构|結構")
SECTION_NOTE = "the table's row {} under {} is its row {} as a percentage of its row {}"
IN_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


def _share_head(row: SpacedRow) -> bool:
    return bool(SHARE_HEAD.search(row.label)) and all(c.value == 100 for c in row.raw)


def _bare(label: str) -> str:
    """A row's label as its words, without what brackets hold (总产出(亿元) → 总产出)."""
    return _words(IN_BRACKETS.sub("", label))


def share_sections(tables: list[SpacedTable], taken: list[tuple[int, int]]) -> Iterator[Relation]:
    """The sections of shares of the tables a header was read for (`taken`), which the
    relations of their header do not read."""
    for table in tables:
        if any(start <= table.start < end for start, end in taken):
            yield from _share_sections(table)


def _share_sections(table: SpacedTable) -> Iterator[Relation]:
    rows = table.rows
    for at, head in enumerate(rows):
        if not _share_head(head):
            continue
        named = _bare(SHARE_HEAD.sub("", IN_BRACKETS.sub("", head.label)))
        wholes = [i for i in range(at) if named and _bare(rows[i].label) == named]
        if not wholes:
            continue
        whole = rows[wholes[0]]
        triples = []
        for share in rows[at + 1 :]:
            if _share_head(share) or len(share.cells) != len(whole.cells):
                break
            level = next(
                (r for r in rows[wholes[0] + 1 : at] if _bare(r.label) == _bare(share.label)),
                None,
            )
            if level is not None and _bare(share.label) and len(level.cells) == len(whole.cells):
                triples.append((level, share))
        yield from _judged_section(head, whole, triples)


def _judged_section(
    head: SpacedRow, whole: SpacedRow, triples: list[tuple[SpacedRow, SpacedRow]]
) -> Iterator[Relation]:
    cells = [
        (level.cells[c], whole.cells[c], share.raw[c], _bare(share.label))
        for level, share in triples
        for c in range(len(whole.cells))
    ]
    if cells and all(re.search(r"\.\d*0$", cell[2].written) for cell in cells):
        # every share printed with a last 0 (10.50, 62.40): a format's digit, not a measured one
        shares = [_one_digit_less(cell[2]) for cell in cells]
    else:
        shares = [_as_percent(cell[2]) for cell in cells]
    cells = [(p, t, share, label) for (p, t, _, label), share in zip(cells, shares, strict=True)]
    holding = [cell for cell in cells if _percent_holds(*cell[:3])]
    telling = [cell for cell in holding if 0 < cell[2].value < 100]
    failing = [cell for cell in cells if cell not in holding]
    if len(telling) < MIN_ROWS or len(telling) < 3 * len(failing):
        return
    for part, total, share, label in cells:
        note = SECTION_NOTE.format(label, _bare(head.label), label, _bare(whole.label))
        roles: dict[str, Figure | list[Figure]] = {"part": part, "whole": total}
        claimed = share  # a percentage, in the bounds it was judged in
        start, end = min(part.start, claimed.start), max(part.end, claimed.end)
        yield Relation("share", roles, start, end, claimed, notes=[note], confident=True,
                       spaced_cells=True)  # fmt: skip


def _percent_holds(part: Figure, whole: Figure, share: Figure) -> bool:
    if whole.bounds.low <= 0 or part.bounds.low < 0:
        return False
    low, high = part.bounds.low / whole.bounds.high * 100, part.bounds.high / whole.bounds.low * 100
    return low <= share.bounds.high and share.bounds.low <= high


def _one_digit_less(cell: Figure) -> Figure:
    """A percentage printed with one digit more than it was rounded to (10.50 for 10.5)."""
    places = len(cell.written.partition(".")[2]) - 1
    half = 0.5 * 10**-places
    bounds = Interval(cell.value - half, cell.value + half)
    return replace(cell, unit="%", kind=PERCENT, bounds=bounds)
