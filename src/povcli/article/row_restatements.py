"""The prose restated in the total row of a table read as rows: "全国夏粮播种面积26703千公顷"
and, under a header `播种面积 (千公顷) | 总产量 (万吨) | 每公顷产量 (公斤)`, the row `全国总计 |
26702.8 | 13871.9 | 5194.9`. A prose level and a cell agree when the row is the whole of the
place the level is of (全国总计 for 全国…), the cell's column is named by the words of what it is
(播种面积; 每公顷产量 for 单位面积产量, by its unit 公斤/公顷) and its unit is the level's, and
the two are one value within their rounding. Shown as agreeing; a pair that differs is left
out, since a column named alike may be a part's (其中谷物播种面积) or another year's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.notes import LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.article.row_tables import SpacedRow, cell_in_unit, header_columns
from povcli.article.table_cells import bare, words

# a row holding the whole: the place's (全国, 全省) or the table's total
TOTAL_ROW = re.compile(r"^(?:全国|全省|全市|全区|全县|总计|合计)")
TOTAL_WORDS = re.compile(r"总计|合计")
PER_HEAD = re.compile(r"^每[\u4e00-\u9fff]{1,2}?(?=产量|收入|支出|面积)")
NOTE = "the prose states the table's total row: its column names what the figure is"


def row_restatements(reading: Reading) -> Iterator[Relation]:
    shown: set[int] = set()
    levels: dict[str | None, list[Note]] = {}  # by unit: a long page's notes are not read per cell
    for level in reading.notes:
        if level.role == LEVEL:
            levels.setdefault(level.figure.unit, []).append(level)
    for table in reading.row_tables:
        columns = header_columns(table.header)
        for row in table.rows:
            label = simplified(words(row.label))
            if not TOTAL_ROW.match(label) or len(columns) != len(row.raw):
                continue
            place = TOTAL_WORDS.sub("", label)
            for cell, (unit, name) in zip(row.raw, columns, strict=True):
                figure = cell_in_unit(cell, unit)
                if figure is None:
                    continue
                candidates = levels.get(figure.unit, [])
                note = _restated(candidates, figure, place, simplified(name), shown)
                if note is not None:
                    shown.add(note.index)
                    yield _equal(reading, note, figure, row)


def _restated(
    levels: list[Note], cell: Figure, place: str, name: str, shown: set[int]
) -> Note | None:
    """The first prose level of the place, named by the column's words, in the cell's unit,
    that the cell restates within their rounding."""
    core = PER_HEAD.sub("", bare(name))
    if len(core) < 2:
        return None
    for note in levels:
        if note.index in shown:
            continue
        subject = simplified(note.subject)
        if (place and place not in subject) or core not in subject:
            continue
        if note.figure.bounds.overlaps(cell.bounds):
            return note
    return None


def _equal(reading: Reading, note: Note, cell: Figure, row: SpacedRow) -> Relation:
    sentence = reading.sentences[note.sentence]
    spans = sorted([(sentence.start, sentence.end), (row.raw[0].start, row.raw[-1].end)])
    return Relation("equal", {"a": note.figure, "b": cell}, spans[0][0], spans[-1][1],
                    notes=[NOTE], spans=spans)  # fmt: skip
