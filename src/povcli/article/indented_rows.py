"""Rows a table sets under a row by indenting them, read as that row's parts: a statistical
yearbook's page lists 医院, then 综合医院, 中医医院 and 专科医院 two spaces in; 总计 heads the
rows at its own indent after it. A row may leave cells empty (村卫生室 has no beds): its
figures are placed in the columns where, alone of all the ways to place them, every column
of the group adds up.

- parts that add up to their row in every column (a rate's or a share's column aside): shown;
- parts that come to no more than their row in any column, and less in some: the table lists
  some of its parts (其中), shown as parts within the whole;
- parts that exceed their row in one column while the same rows add up in two others, that
  column adding up in another group of the table: that column's sum is called wrong. Nothing
  else is: an indent is a weak sign (a page may indent sibling rows by 4, 3 and 2 spaces), so
  it accuses only where the table's own sums confirm it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from povcli.article.figures import Figure
from povcli.article.relations import Relation
from povcli.article.row_tables import SpacedRow, SpacedTable
from povcli.article.table_cells import adds_up, exceeds_whole, reads_as_mean, words

MAX_SHORT = 8  # rows with empty cells in one group: more are not placed
MAX_STEPS = 20000  # placements tried in one group
TELLING = 10  # a column whose whole is smaller adds up by chance

ROWS_NOTE = "the table's rows: {} adds up from the rows set under it"
PART_NOTE = "the table's rows: the rows set under {} are some of its parts"
WRONG_NOTE = "the same rows add up to it in {} other columns, and this column adds up elsewhere"


@dataclass
class Group:
    """A row and the rows it heads, each part's cells by the columns they stand in."""

    whole: SpacedRow
    parts: list[SpacedRow]
    columns: list[list[int]]  # per part, the column of each of its cells

    def cells(self, column: int) -> list[Figure]:
        return [
            part.cells[placed.index(column)]
            for part, placed in zip(self.parts, self.columns, strict=True)
            if column in placed
        ]


def indented_relations(tables: list[SpacedTable]) -> Iterator[Relation]:
    for table in tables:
        if len({row.indent for row in table.rows}) < 2:
            continue  # no row stands in: the layout says nothing of parts
        groups = [g for g in _groups(table.rows) if g is not None]
        additive = {c for g in groups if _all_hold(g) for c in _holding(g)}
        for group in groups:
            yield from _judged(group, additive)


def _groups(rows: list[SpacedRow]) -> Iterator[Group | None]:
    for at, row in enumerate(rows):
        heads = _children(rows, at)
        if len(heads) >= 2 and len(row.cells) >= 2:
            yield _placed(row, [rows[i] for i in heads])


def _children(rows: list[SpacedRow], at: int) -> list[int]:
    """The rows one level in under the row (their own parts, further in, skipped); for a row
    labelled as a total with none in under it, the rows after it at its own indent."""
    row = rows[at]
    if words(row.label).startswith("其中"):
        return []  # "其中:制造业", then 建筑业 set further in: the 其中 list goes on, no parts
    under = []
    for later in range(at + 1, len(rows)):
        if rows[later].indent <= row.indent:
            break
        under.append(later)
    if under:
        level = min(rows[i].indent for i in under)
        return [i for i in under if rows[i].indent == level]
    heads_its_indent = not any(r.indent == row.indent for r in rows[:at])
    if not (heads_its_indent and _total(row)):
        return []
    return [i for i in range(at + 1, len(rows)) if rows[i].indent == row.indent]


def _total(row: SpacedRow) -> bool:
    label = words(row.label)
    return label.startswith(("总计", "總計", "合计", "合計", "总数", "總數", "全部"))


def _placed(whole: SpacedRow, parts: list[SpacedRow]) -> Group | None:
    """The group with each part's cells in their columns: a full part's in order, a short
    part's where alone every column adds up (None when no placement or more than one)."""
    width = len(whole.cells)
    if any(len(p.cells) > width for p in parts):
        return None
    short = [i for i, p in enumerate(parts) if len(p.cells) < width]
    full_columns = list(range(width))
    if not short:
        return Group(whole, parts, [full_columns for _ in parts])
    if len(short) > MAX_SHORT:
        return None
    found = _placements(whole, parts, short)
    if len(found) != 1:
        return None
    columns = [full_columns for _ in parts]
    for i, placed in zip(short, found[0], strict=True):
        columns[i] = placed
    return Group(whole, parts, columns)


def _placements(
    whole: SpacedRow, parts: list[SpacedRow], short: list[int]
) -> list[list[list[int]]]:
    """Every way, up to two, to place the short parts' cells in order so that each column adds
    up to the whole's cell (an empty cell counts nothing)."""
    width = len(whole.cells)
    full = [p for i, p in enumerate(parts) if i not in short]
    found: list[list[list[int]]] = []
    steps = 0

    def place(column: int, taken: list[list[int]]) -> None:
        nonlocal steps
        if len(found) > 1 or steps > MAX_STEPS:
            return
        if column == width:
            found.append([list(t) for t in taken])
            return
        left = width - column
        for choice in range(1 << len(short)):
            steps += 1
            chosen = [bool(choice >> k & 1) for k in range(len(short))]
            if not _fits(parts, short, taken, chosen, left):
                continue
            cells = [p.cells[column] for p in full] + [
                parts[i].cells[len(taken[k])] for k, i in enumerate(short) if chosen[k]
            ]
            if not adds_up(whole.cells[column], cells):
                continue
            for k in range(len(short)):
                if chosen[k]:
                    taken[k].append(column)
            place(column + 1, taken)
            for k in range(len(short)):
                if chosen[k]:
                    taken[k].pop()

    place(0, [[] for _ in short])
    return found[:2] if steps <= MAX_STEPS else [[], []]


def _fits(
    parts: list[SpacedRow], short: list[int], taken: list[list[int]], chosen: list[bool], left: int
) -> bool:
    """Whether each short part can take (or skip) this column and still place all its cells."""
    for k, i in enumerate(short):
        remaining = len(parts[i].cells) - len(taken[k])
        if chosen[k] and remaining == 0:
            return False
        if not chosen[k] and remaining >= left:
            return False
    return True


def _holding(group: Group) -> list[int]:
    return [
        c for c in range(len(group.whole.cells)) if adds_up(group.whole.cells[c], group.cells(c))
    ]


def _all_hold(group: Group) -> bool:
    """Every column adds up or holds a mean of the parts', two columns at least telling."""
    holding = _holding(group)
    telling = [c for c in holding if abs(group.whole.cells[c].value) >= TELLING]
    means = [c for c in range(len(group.whole.cells)) if c not in holding and _mean(group, c)]
    return len(telling) >= 2 and len(holding) + len(means) == len(group.whole.cells)


def _mean(group: Group, column: int) -> bool:
    cells = group.cells(column)
    return bool(cells) and reads_as_mean(group.whole.cells[column], cells)


def _judged(group: Group, additive: set[int]) -> Iterator[Relation]:
    width = len(group.whole.cells)
    holding = _holding(group)
    if _all_hold(group):
        for column in holding:
            yield _relation(group, column, "sum", [ROWS_NOTE], confident=True)
        return
    over = [
        c
        for c in range(width)
        if c not in holding and exceeds_whole(group.whole.cells[c], group.cells(c))
    ]
    if not over:
        if any(not _mean(group, c) for c in range(width) if c not in holding):
            for column in range(width):
                if group.cells(column) and (column in holding or not _mean(group, column)):
                    yield _relation(group, column, "subset", [PART_NOTE], confident=False)
        return
    telling = [c for c in holding if abs(group.whole.cells[c].value) >= TELLING]
    failing = [c for c in range(width) if c not in holding and not _mean(group, c)]
    if len(telling) >= 2 and failing == over == [over[0]] and over[0] in additive:
        for column in holding:
            yield _relation(group, column, "sum", [ROWS_NOTE], confident=True)
        note = WRONG_NOTE.format(len(telling))
        yield _relation(group, over[0], "sum", [ROWS_NOTE, note], confident=True)


def _relation(group: Group, column: int, kind: str, notes: list[str], confident: bool) -> Relation:
    whole = group.whole
    parts = group.cells(column)
    label = words(whole.label) or whole.label.strip() or f"{whole.cells[0].written}…"
    rows = [whole, *group.parts]
    spans = sorted((row.cells[0].start, row.cells[-1].end) for row in rows)
    roles: dict[str, Figure | list[Figure]]
    if kind == "sum":
        roles, claimed = {"parts": parts}, whole.cells[column]
    else:
        roles, claimed = {"part": parts, "whole": whole.cells[column]}, None
    return Relation(
        kind,
        roles,
        spans[0][0],
        spans[-1][1],
        claimed,
        notes=[note.format(label) for note in notes],
        spans=spans,
        confident=confident,
        spaced_cells=True,
    )
