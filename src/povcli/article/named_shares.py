"""Rates a release defines by two counts it also gives: "劳动人口共37.97万人…失业人数为8,600人…
失业率为2.3%" (8,600 / 379,700 = 2.26%). The rate, its part and its whole are each named by
their own words with nothing that narrows them (本地居民失业率 is no rate of all the
unemployed), in one scope and period, and each is the only figure so named near the rate.
Shown when it holds and never called wrong: a bureau computes its rate from unrounded counts
or from a survey's weights."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading, grammar
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PERCENT

NEAR = 12  # figures either side of the rate where its counts may stand
# what may open a name without narrowing it: the whole area, 总体, 全年, 期内, a year
OPENING = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:末|底)?|全[国省市区县]|总体|整体|全年|期内|年末|[，,、\s])*"
)
NAMED_NOTE = (
    "the rate is the part's count over the whole's, each named by its own words; a bureau"
    " computes it from unrounded counts or a survey's weights, so it is shown, never called wrong"
)


def named_shares(reading: Reading) -> Iterator[Relation]:
    for spec in grammar()["named_shares"]:
        for rate in reading.notes:
            if rate.role != LEVEL or rate.figure.kind != PERCENT:
                continue
            if _name(rate) != spec["rate"]:
                continue
            part = _only(reading, rate, spec["part"])
            whole = _only(reading, rate, spec["whole"])
            if part is None or whole is None:
                continue
            start, end, spans = text_span(reading, *sorted([part, whole, rate], key=_at))
            yield Relation("share", {"part": part.figure, "whole": whole.figure}, start, end,
                           rate.figure, notes=[NAMED_NOTE], spans=spans,
                           confident=False)  # fmt: skip


def _at(note: Note) -> int:
    return note.index


def _name(note: Note) -> str:
    return OPENING.sub("", note.subject)


def _only(reading: Reading, rate: Note, names: list[str]) -> Note | None:
    """The one count named so near the rate, of its scope and period (None when there are
    two different ones, or none)."""
    near = reading.notes[max(0, rate.index - NEAR) : rate.index + NEAR + 1]
    found = [
        note
        for note in near
        if note.role == LEVEL
        and note.figure.kind == COUNT
        and note.figure.unit == "person"
        and _name(note) in names
        and (note.scope, note.period) == (rate.scope, rate.period)
    ]
    values = {note.figure.value for note in found}
    return found[0] if len(values) == 1 else None
