"""Columns of amounts per unit in a table, read by its header or as rows: a header that gives
each column its unit in brackets — 播种面积(千公顷), 单位面积产量(公斤/公顷), 总产量(万吨) — says
that the column in 公斤/公顷 is the column of a mass over the column of an area, whatever their
scales: 61623.9万吨 over 113028.2千公顷 is 5452.1 公斤/公顷 (616,239,000 吨 × 1,000 公斤 per 吨 /
113,028,200 公顷). The units bind the columns; the rows that hold show the rule, so a row that
breaks it where three rows or more hold for each one that does not is called wrong (not one per
head of a year, which is over the year's mean population)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from povcli.article.figures import Figure, figures_of
from povcli.article.grids import Grid, measure_of
from povcli.article.relations import Relation
from povcli.article.row_tables import MIN_ROWS, SpacedTable
from povcli.article.table_cells import quotient_holds
from povcli.numbers import Interval

# how many of the second unit one of the first is: what a mass or a length is converted by
CONVERTED = {
    ("tonne", "kilogram"): 1000.0,
    ("kilogram", "tonne"): 0.001,
    ("tonne", "jin"): 2000.0,
    ("kilogram", "jin"): 2.0,
    ("jin", "kilogram"): 0.5,
    ("kilometre", "metre"): 1000.0,
    ("square-kilometre", "square-metre"): 1e6,
}
WRITTEN = {"tonne": "吨", "kilogram": "公斤", "jin": "斤", "kilometre": "公里", "metre": "米",
           "square-kilometre": "平方公里", "square-metre": "平方米"}  # fmt: skip
# a row of rates under the levels (比上年增长%): no amounts per unit
RATE_ROW = re.compile(r"增长|增長|增速|增幅|增减|增減|比上年|同比|提高|下降|百分点|百分點|%|％")
PER_UNIT_NOTE = "the table's columns: column {} ({}) is column {} ({}) over column {} ({})"
PER_UNIT_RULE_NOTE = "{} other rows of the table hold so, and the header's units name the rule"
# 元/人 of a year (人均地区生产总值) is over the year's average people, where a column counts
# them at its end (年末常住人口): a row whose people changed may differ, and is not called wrong
PER_HEAD_NOTE = "an amount per head of a year is over the year's average people, not the column's"

Measure = tuple[str, float]  # a unit's base unit, and how many of the base one of it is


class UnitRow(NamedTuple):
    """A row's label, its amounts by column in base units, its amounts per unit as written."""

    label: str
    amounts: dict[int, Figure]
    per_unit: dict[int, Figure]


def unit_columns(table: SpacedTable) -> Iterator[Relation]:
    """The columns of amounts per unit of a table read as rows, by its header's units."""
    units = table.column_units
    rows = [
        UnitRow(
            row.label,
            {i: _in_unit(cell, units[i]) for i, cell in enumerate(row.raw) if "/" not in units[i]},
            {i: cell for i, cell in enumerate(row.raw) if "/" in units[i]},
        )
        for row in table.rows
        if len(row.raw) == len(units)
    ]
    yield from per_unit_columns(rows, units)


def grid_unit_columns(grid: Grid) -> Iterator[Relation]:
    """The columns of amounts per unit of a table read by its header."""
    levels = set(grid.columns_of("level"))
    rows = [
        UnitRow(row.label, {i: f for i, f in row.cells.items() if i in levels}, row.per_unit)
        for row in grid.rows
    ]
    yield from per_unit_columns(rows, [column.unit for column in grid.columns])


def per_unit_columns(rows: list[UnitRow], units: list[str]) -> Iterator[Relation]:
    """Each column of amounts per unit that one pair of columns of the units makes."""
    rows = [row for row in rows if not RATE_ROW.search(row.label)]
    measures = [measure_of(unit) if "/" not in unit else None for unit in units]
    for ratio, unit in enumerate(units):
        top, per, bottom = unit.partition("/")
        over, under = measure_of(top), measure_of(bottom)
        if not per or over is None or under is None or over[1] != 1 or under[1] != 1:
            continue  # 公斤/公顷 and 元/人 are read; 万元/人 is left (its scale is its own)
        bound = []
        for a, b in itertools.permutations(range(len(units)), 2):
            top_measure, bottom_measure = measures[a], measures[b]
            if top_measure is None or bottom_measure is None or bottom_measure[0] != under[0]:
                continue
            factor = _factor(top_measure, over[0])
            judged = _judged(rows, (a, b, ratio), units, factor) if factor else []
            if judged:
                bound.append(judged)
        if len(bound) == 1:  # two pairs of columns that would both make it: neither binds
            yield from bound[0]


def _factor(measure: Measure, into: str) -> float | None:
    """What turns the column's base unit into the ratio's (吨 into 公斤: 1,000): the column's
    cells are read in their base unit, so its scale (万吨) is already applied."""
    base = measure[0]
    return 1.0 if base == into else CONVERTED.get((base, into))


def _judged(
    rows: list[UnitRow], columns: tuple[int, int, int], units: list[str], factor: float
) -> list[Relation]:
    a, b, ratio = columns
    cells = [
        (row.amounts[a], row.amounts[b], row.per_unit[ratio].rounded())
        for row in rows
        if a in row.amounts and b in row.amounts and ratio in row.per_unit
    ]
    holding = [cell for cell in cells if quotient_holds(*cell, factor)]
    failing = [c for c in cells if c not in holding and c[0].value > 0 and c[1].value > 0]
    telling = [c for c in holding if c[2].value not in (0, 1) and c[0].value > 0]
    if len(telling) < MIN_ROWS or len(telling) < 3 * len(failing):
        return []
    note = PER_UNIT_NOTE.format(ratio + 1, units[ratio], a + 1, units[a], b + 1, units[b])
    per_head = measure_of(units[ratio].partition("/")[2]) == ("person", 1.0)
    judged = []
    for cell in [*holding, *failing]:
        notes = [note, PER_UNIT_RULE_NOTE.format(len(telling))] if cell in failing else [note]
        if cell in failing and per_head:
            notes.append(PER_HEAD_NOTE)
        relation = _relation(*cell, units[ratio], factor, notes)
        relation.confident = not (cell in failing and per_head)
        judged.append(relation)
    return judged


def _in_unit(cell: Figure, unit: str) -> Figure:
    """The cell in its column's unit, in base units (61623.9 in 万吨: 616,239,000 吨)."""
    read = figures_of(cell.written.lstrip("-−") + unit)
    if len(read) != 1 or read[0].end != len(cell.written.lstrip("-−") + unit):
        return cell
    return replace(read[0], start=cell.start, end=cell.end)


def _relation(
    top: Figure, bottom: Figure, said: Figure, unit: str, factor: float, notes: list[str]
) -> Relation:
    over = unit.partition("/")[0]
    claimed = replace(said, written=said.written + unit, unit=None)
    spans = sorted((c.start, c.end) for c in (top, bottom, said))
    roles: dict[str, Figure | list[Figure]] = {"a": top, "b": bottom}
    kind = "ratio"
    if factor != 1:
        kind = "per-unit"
        words = f"1{WRITTEN.get(top.unit or '', '')} = {factor:g}{over}"
        into = measure_of(over)
        roles["factor"] = replace(top, written=words, value=factor, unit=into[0] if into else None,
                                  bounds=Interval(factor, factor))  # fmt: skip
    return Relation(kind, roles, spans[0][0], spans[-1][1], claimed, notes=notes,
                    confident=True, spaced_cells=True)  # fmt: skip
