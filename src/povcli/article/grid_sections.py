"""Sections of a table headed by a row in its own unit: "货物运输量(万吨)" over 铁路, 公路,
民航(吨), then "货物周转量(万吨公里)" over the same modes. The rows under a head, up to the
next head of another measure (rows marked 其中 left out), add up to it when they are all of it
— which nothing in the table says, so a column where they do not is called wrong only when
they add up in another column of levels (this year's and last year's): the rows are then all
of the head, and a column where they fail holds a wrong figure. Only where they come to more
than the head, and the column where they add up has none of them at nothing: rows short of it
may leave out a part that was nothing there (水路 in a frozen month), and a row at nothing there
may be a part of another (高铁 under 铁路, opened this year)."""

from __future__ import annotations

from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.grids import Grid, Row, measure_of
from povcli.article.relations import Relation
from povcli.article.table_cells import adds_up
from povcli.numbers import COUNT

SECTION_NOTE = "the table's rows under {} (its own unit in brackets), up to the next such head"
CONFIRMED_NOTE = "they add up to it in the table's {} column, so they are all of it"
UNCONFIRMED_NOTE = "they add up to it in no other column: they may not be all of it"
SHORT_NOTE = (
    "they come to less than it, or add up to it elsewhere only with a row at nothing: "
    "they may leave a part out, or hold a part of another row"
)
SUB_ROW = ("其中", "#", "＃")


def unit_sections(grid: Grid) -> Iterator[Relation]:
    levels = grid.columns_of("level")
    for head, members in _sections(grid.rows):
        sums = {c: s for c in levels if (s := _column_sum(head, members, c)) is not None}
        holding = [c for c, (whole, parts) in sums.items() if adds_up(whole, parts)]
        if not holding:
            continue  # other indicators under a headline, or parts left out: no section
        for column, (whole, parts) in sums.items():
            relation = _relation(head, members, whole, parts)
            # rows short of the head may leave out a part that is nothing in the column where
            # they add up (a mode begun this year); a row that is nothing there may be a part
            # of another row (高铁 under 铁路, opened this year): neither confirms the column
            others = [c for c in holding if c != column and all(p.value for p in sums[c][1])]
            if others and not _falls_short(whole, parts):
                relation.notes.append(CONFIRMED_NOTE.format(grid.columns[others[0]].header))
            else:
                relation.confident = False
                alone = holding == [column]
                relation.notes.append(UNCONFIRMED_NOTE if alone else SHORT_NOTE)
            yield relation


def _sections(rows: list[Row]) -> Iterator[tuple[Row, list[Row]]]:
    """Each row in a unit of its own with the rows under it in that measure (民航(吨) under
    货物运输量(万吨) is one of them; 货物周转量(万吨公里) heads the next section)."""
    head: Row | None = None
    members: list[Row] = []
    for row in rows:
        if row.own_unit and (head is None or not _same_measure(row.own_unit, head.own_unit)):
            if head is not None and len(members) >= 2:
                yield head, members
            head, members = row, []
        elif head is not None and not row.label.startswith(SUB_ROW) and not row.ordinal:
            members.append(row)
    if head is not None and len(members) >= 2:
        yield head, members


def _same_measure(one: str, other: str) -> bool:
    first, second = measure_of(one), measure_of(other)
    return first is not None and second is not None and first[0] == second[0]


def _column_sum(head: Row, members: list[Row], column: int) -> tuple[Figure, list[Figure]] | None:
    whole = head.cells.get(column)
    parts = [row.cells.get(column) for row in members]
    if whole is None or whole.kind != COUNT or whole.unit is None:
        return None
    found = [p for p in parts if p is not None]
    if len(found) != len(parts) or not all(p.same_unit(whole) for p in found):
        return None
    return whole, found


def _falls_short(whole: Figure, parts: list[Figure]) -> bool:
    return sum(p.bounds.high for p in parts) < whole.bounds.low


def _relation(head: Row, members: list[Row], whole: Figure, parts: list[Figure]) -> Relation:
    rows = [head, *members]
    spans = sorted({(row.start, row.end) for row in rows})
    roles: dict[str, Figure | list[Figure]] = {"parts": parts}
    return Relation("sum", roles, spans[0][0], spans[-1][1], whole,
                    notes=[SECTION_NOTE.format(head.label)], spans=spans)  # fmt: skip
