"""A part, the others, and all of them: "2019年19个县(区)退出贫困县(区)…。此前,西藏自治区其他55个
县(区)已经宣布退出…。这意味着,西藏自治区全部74个县(区)均已经实现了脱贫摘帽". The others (其他,
其余) are all but the part the text has just counted, so the part and the others make the whole
(全部, 所有, 共).

The part is the one count of the others' unit the text gives before them, in their paragraph or
the two before (a count stated twice is one): where it gives two, which the others leave out is
not guessed, and nothing is said."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT

OTHERS = re.compile(r"(?:其他|其它|其余|另外)\s*$")
ALL = re.compile(r"(?:全部|所有|共|总共|合计|全)\s*$")
WHOLE_WITHIN = 2  # sentences after the others where all of them are counted
PARAGRAPHS_BACK = 2  # where the part the others leave out may stand
COMPLEMENT_NOTE = (
    "the others are all but the part counted before them: with it they make all of them"
)


def complements(reading: Reading) -> Iterator[Relation]:
    for others in reading.notes:
        if not _counts_things(others):
            continue
        if not OTHERS.search(reading.sentence_of(others).words_before(others.figure, 8)):
            continue
        whole = _all_of_them(reading, others)
        part = _the_part(reading, others, whole) if whole else None
        if whole is None or part is None:
            continue
        start, end, spans = text_span(reading, part, others, whole)
        roles: dict[str, Figure | list[Figure]] = {"parts": [part.figure, others.figure]}
        yield Relation("sum", roles, start, end, whole.figure, notes=[COMPLEMENT_NOTE],
                       spans=spans)  # fmt: skip


def _counts_things(note: Note) -> bool:
    return (
        note.role == LEVEL
        and note.figure.kind == COUNT
        and note.figure.unit not in (None, "year", "age")
        and "open-ended" not in note.cues
    )


def _all_of_them(reading: Reading, others: Note) -> Note | None:
    """The first count of the others' unit after them, within a sentence or two, written as
    all of them (全部74个县); none where another count of that unit comes first."""
    last = min(others.sentence + WHOLE_WITHIN, len(reading.sentences) - 1)
    for note in reading.notes[others.index + 1 :]:
        if note.sentence > last:
            return None
        if not _counts_things(note) or note.figure.unit != others.figure.unit:
            continue
        words = reading.sentence_of(note).words_before(note.figure, 8)
        return note if ALL.search(words) else None
    return None


def _the_part(reading: Reading, others: Note, whole: Note) -> Note | None:
    """The one value of the others' unit counted before them, near, other than the whole's."""
    found = [
        n
        for n in reading.notes[: others.index]
        if _counts_things(n)
        and n.figure.unit == others.figure.unit
        and others.paragraph - PARAGRAPHS_BACK <= n.paragraph <= others.paragraph
        and round(n.figure.value, 9) != round(whole.figure.value, 9)
    ]
    values = {round(n.figure.value, 9) for n in found}
    return found[-1] if len(values) == 1 else None
