"""Figures listed after 分别 pair in order: "分别比上年增加7.5万亩、8.5万亩、9.9万亩,分别增长
3.6%、0.7%、0.5%" pairs 9.9万亩 with 0.5%, never with 3.6%. A relation that binds figures of
two such lists at different places rests on a pairing the words do not make: it is kept, but
never called wrong."""

from __future__ import annotations

import re
from collections.abc import Iterable

from povcli.article.near import LIST_BETWEEN, listed_from
from povcli.article.notes import Note, Reading
from povcli.article.relations import Relation

RESPECTIVELY = re.compile(r"分别[^,，;；。0-9]{0,10}$")
ORDER_NOTE = "the figures listed after 分别 pair in order, and this relation pairs them otherwise"


def out_of_order(reading: Reading, relations: Iterable[Relation]) -> None:
    """Mark each relation whose figures stand at different places of lists after 分别."""
    notes = {note.figure.start: note for note in reading.notes}
    for relation in relations:
        places = [
            place
            for figure in relation.figures()
            if (note := notes.get(figure.start)) is not None
            and (place := _place(reading, note)) is not None
        ]
        if any(
            a[0] != b[0] and a[1] == b[1] and a[2] != b[2] for a in places for b in places
        ):  # two lists of one length, the figures at different places
            relation.confident = False
            relation.notes.append(ORDER_NOTE)


def _place(reading: Reading, note: Note) -> tuple[int, int, int] | None:
    """(where the list starts, its length, the figure's place in it) for a figure of a
    list after 分别."""
    first = note
    for earlier in reversed(reading.notes[: note.index]):
        between = reading.simple[earlier.figure.end : first.figure.start]
        same = earlier.sentence == note.sentence and earlier.figure.kind == note.figure.kind
        if not same or not LIST_BETWEEN.match(between):
            break
        first = earlier
    listed = listed_from(reading, first)
    before = reading.simple[max(0, first.figure.start - 14) : first.figure.start]
    if len(listed) < 2 or not RESPECTIVELY.search(before):
        return None
    return first.index, len(listed), [n.index for n in listed].index(note.index)
