"""The prose restated in its table: "第一产业增加值63.44亿元,增长4.5%" and the table's row
`其中:第一产业 | 63.44 | 4.5 |`. A figure of the prose and a cell of the table agree when
the row's label names what the prose's figure is of, the cell's column holds what the figure
is (a level, a rate, a share, a change) and the two are one value within their rounding.
They are shown as agreeing; a pair that differs is left out, since a row named alike may be
another year's, another area's or a part's (the prose and its table are not matched by
value)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.grids import Grid, Row
from povcli.article.near import signed
from povcli.article.notes import CHANGE, LEVEL, RATE, SHARE, Note, Reading
from povcli.article.relations import Relation

# what a column holds and the role a prose figure of it has
ROLE_OF_MEASURE = {"level": LEVEL, "rate": RATE, "share": SHARE, "change": CHANGE}
# what a row's label may open with besides its name
LABEL_LEAD = re.compile(r"^(?:其中|#|＃|\s|[:：、])+")
NOTE = "the prose states the table's figure: its row names what the figure is of"


def grid_restatements(reading: Reading) -> Iterator[Relation]:
    """Each prose figure restated in a cell, at most once (its first row named alike)."""
    shown: set[int] = set()
    for grid in reading.grids:
        for row in grid.rows:
            label = LABEL_LEAD.sub("", _simplified(reading, row))
            if len(label) < 2:
                continue
            for column, cell in row.cells.items():
                role = ROLE_OF_MEASURE.get(grid.columns[column].measure)
                if role is None or not _latest(grid, column):
                    continue
                for note, stated in _restating(reading, label, role, cell):
                    if note.index not in shown:
                        shown.add(note.index)
                        yield _equal(reading, note, stated, cell, row)


def _simplified(reading: Reading, row: Row) -> str:
    """The row's label in Simplified script, as the prose's subjects are read."""
    at = reading.text.find(row.label, row.start, row.end)
    return reading.simple[at : at + len(row.label)] if at >= 0 else row.label


def _latest(grid: Grid, column: int) -> bool:
    """A column of the latest year (or of no year, where the table has one of its kind)."""
    year = grid.columns[column].year
    years = {c.year for c in grid.columns if c.year}
    return year is None or year == max(years)


def _restating(
    reading: Reading, label: str, role: str, cell: Figure
) -> Iterator[tuple[Note, Figure]]:
    """The prose's notes that state the cell, each with its figure signed as the text
    says it (下降9.2% is the table's −9.2)."""
    for note in reading.notes:
        if note.role != role or note.figure.kind != cell.kind:
            continue
        stated = signed(note) if role in (RATE, CHANGE) else note.figure
        if not _names(note.subject, label) or not stated.bounds.overlaps(cell.bounds):
            continue
        if note.figure.unit and cell.unit and not note.figure.same_unit(cell):
            continue
        yield note, stated


def _names(subject: str, label: str) -> bool:
    """Whether the prose figure is of what the row is: its subject ends with the label
    (地区生产总值 for 地区生产总值, 第一产业增加值 for 第一产业) or holds it whole."""
    subject = re.sub(r"[(（][^()（）]*[)）]", "", subject)
    label = re.sub(r"[(（][^()（）]*[)）]", "", label)
    return len(label) >= 2 and (subject.endswith(label) or label in subject)


def _equal(reading: Reading, note: Note, stated: Figure, cell: Figure, row: Row) -> Relation:
    sentence = reading.sentences[note.sentence]
    spans = sorted([(sentence.start, sentence.end), (row.start, row.end)])
    return Relation("equal", {"a": stated, "b": cell}, spans[0][0], spans[-1][1],
                    notes=[NOTE], spans=spans)  # fmt: skip
