"""Identities by definition that population bulletins state in one statement: the natural
growth rate is the birth rate less the death rate (出生率10.48‰ … 死亡率7.14‰ … 自然增长率3.34‰),
the natural increase the births less the deaths (出生人口103万 … 死亡人口68万 … 自然增长人口35万),
and a change of the one the changes of the others (出生率比上年下降0.75个千分点 …)."""

from __future__ import annotations

from collections.abc import Iterator

from povcli.article.near import attached, signed, text_span
from povcli.article.notes import LEVEL, POINTS, Note, Reading
from povcli.article.relations import Relation

# (what is born, what dies, what the two make), as the bulletins name them
NATURAL_GROWTH = (("出生率", "死亡率", "自然增长率"), ("出生人口", "死亡人口", "自然增长人口"))
STATEMENT_WITHIN = 12  # figures back from the natural growth to its births and deaths
IDENTITY_NOTE = "by definition: natural growth = births − deaths"


def natural_growth(reading: Reading) -> Iterator[Relation]:
    """The natural growth against the births and deaths stated before it, of one scope and
    period in one paragraph; and their changes on the year before, when all three give one."""
    for natural in reading.notes:
        if natural.role != LEVEL:
            continue
        for birth_word, death_word, natural_word in NATURAL_GROWTH:
            if natural_word not in natural.subject:
                continue
            earlier = reading.notes[max(0, natural.index - STATEMENT_WITHIN) : natural.index]
            death = _nearest_named(earlier, death_word, natural)
            birth = _nearest_named(earlier, birth_word, natural)
            if birth is None or death is None or birth.index > death.index:
                continue
            yield _difference(reading, birth, death, natural)
            changes = [attached(reading, n, POINTS) for n in (birth, death, natural)]
            if natural.figure.kind.startswith("per-mille") and all(changes):
                yield _change_difference(reading, changes)


def _nearest_named(earlier: list[Note], word: str, natural: Note) -> Note | None:
    """The last level before the natural growth that the word names, of its paragraph, scope,
    period, kind and unit (出生率 never stands for 出生人口)."""
    for note in reversed(earlier):
        if (
            note.role == LEVEL
            and word in note.subject
            and note.paragraph == natural.paragraph
            and note.scope == natural.scope
            and note.period == natural.period
            and (note.figure.kind, note.figure.unit) == (natural.figure.kind, natural.figure.unit)
        ):
            return note
    return None


def _difference(reading: Reading, birth: Note, death: Note, natural: Note) -> Relation:
    start, end, spans = text_span(reading, birth, death, natural)
    roles = {"old": death.figure, "new": birth.figure}
    return Relation("difference", dict(roles), start, end, natural.figure,
                    notes=[IDENTITY_NOTE], spans=spans)  # fmt: skip


def _change_difference(reading: Reading, changes: list[Note | None]) -> Relation:
    birth, death, natural = (n for n in changes if n is not None)
    start, end, spans = text_span(reading, birth, death, natural)
    roles = {"old": signed(death), "new": signed(birth)}
    return Relation("difference", dict(roles), start, end, signed(natural),
                    notes=[IDENTITY_NOTE + ", so are their changes"], spans=spans)  # fmt: skip
