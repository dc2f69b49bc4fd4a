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
weighted mean of the parts') is no sum, and is called wrong in neither way. The rows are read
here; the columns in `table_columns`, with what both share in `table_cells`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from povcli.article.relations import Relation
from povcli.article.row_tables import SpacedRow, SpacedTable
from povcli.article.table_cells import (
    adds_up,
    as_percent,
    exceeds_whole,
    reads_as_mean,
    share_head,
    words,
)
from povcli.article.table_columns import column_relations

MAX_RUN = 12  # rows one row may break down into

ROWS_NOTE = "the table's rows: {} adds up from the rows under it"
ROWS_ABOVE_NOTE = "the table's rows: {} adds up from the rows above it"
ROWS_ELSEWHERE_NOTE = "the same rows add up to it in every column elsewhere in the table ({})"
ROWS_COLUMNS_NOTE = (
    "the same rows add up to it in {} other columns, and this column adds up elsewhere in the table"
)


# ------------------------------------------------------------------ rows that add up


def spaced_relations(tables: list[SpacedTable]) -> Iterator[Relation]:
    """The sums each table's rows and columns state, and its columns of shares."""
    for table in tables:
        yield from _row_sums(table)
        yield from column_relations(table)


def _blocks(table: SpacedTable) -> Iterator[list[SpacedRow]]:
    """Runs of rows on lines with nothing but blank lines between them."""
    block: list[SpacedRow] = []
    for row in table.rows:
        if block and not _adjacent(block[-1], row):
            yield block
            block = []
        block.append(row)
    if block:
        yield block


def _adjacent(before: SpacedRow, row: SpacedRow) -> bool:
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
        if adds_up(row.cells[c], parts):
            columns.append(c)
        elif not reads_as_mean(row.cells[c], parts):
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
        if not TOTAL_LABEL.match(words(row.label) or row.label.strip()):
            continue
        run = list(range(top, at))
        top = at + 1
        if len(run) < 2 or any(len(block[i].cells) != len(row.cells) for i in run):
            continue
        columns = range(len(row.cells))
        parts = {c: [block[i].cells[c] for i in run] for c in columns}
        holds = [c for c in columns if adds_up(row.cells[c], parts[c])]
        telling = [c for c in holds if abs(row.cells[c].value) >= 10]
        if len(telling) < 2 or any(
            c not in holds and not reads_as_mean(row.cells[c], parts[c]) for c in columns
        ):
            continue
        for column in holds:
            yield _row_sum(table, block, Breakdown(at, run), column, [], confident=True)


def _columns_of(block: list[SpacedRow], b: Breakdown) -> list[int]:
    return b.columns if b.columns is not None else list(range(len(block[b.whole].cells)))


def _signature(block: list[SpacedRow], b: Breakdown) -> tuple[str, ...] | None:
    """The labels of a breakdown (its Chinese words), when every row has its own."""
    labels = [words(block[i].label) for i in (b.whole, *b.parts)]
    if not all(labels) or len(set(labels)) != len(labels):
        return None
    return tuple(labels)


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
    holds = [adds_up(row.cells[c], parts[c]) for c in range(width)]
    # a column of zeros (0 = 0 + 0) or of small counts holds by chance: no evidence
    telling = sum(h and abs(row.cells[c].value) >= 10 for c, h in enumerate(holds))
    if all(holds) or not telling:
        return
    # a cell between its parts is a mean of them (a growth rate, a share, a figure per head)
    failing = [
        c for c in range(width) if not holds[c] and not reads_as_mean(row.cells[c], parts[c])
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
        elif named or (column in additive and exceeds_whole(row.cells[column], parts[column])):
            note = (
                ROWS_ELSEWHERE_NOTE.format(" + ".join(signature[1:]) if signature else "")
                if named
                else ROWS_COLUMNS_NOTE.format(telling)
            )
            yield _row_sum(table, block, b, column, [note], confident=True)


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
    if share_head(whole):  # 总产出构成(%) 100.00 = 10.50 + 62.40 + 27.10: percentages
        parts = [as_percent(block[i].raw[column]) for i in b.parts]
        total = as_percent(whole.raw[column])
    # the row's own words (a yearbook's label is bilingual: 医院 Hospitals), else as written
    label = words(whole.label) or whole.label.strip() or f"{whole.cells[0].written}…"
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
