"""Crude rates: "全年出生人口902万人,人口出生率为6.39‰" with the year-end population and its
change ("年末全国人口140967万人,比上年末减少208万人"): the births (deaths) per thousand of the
year's mean population, the mean of its start and its end. Shown when it holds and never called
wrong: a bureau may take the mean otherwise (of monthly figures, or its own estimate)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import attached, signed, text_span
from povcli.article.notes import CHANGE, LEVEL, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PER_MILLE

# (the rate's word, the count's word)
RATES = (("出生率", "出生人口"), ("死亡率", "死亡人口"))
COUNT_WITHIN = 12  # figures back from a rate to its count
# a population the rate may be of; not one part of it
POPULATION = re.compile(r"人口$|人口总量$|总人口$")
NOT_ALL_OF_IT = re.compile(r"出生|死亡|城镇|乡村|农村|男|女|岁|流动|迁|增长|户籍|劳动|就业")
CRUDE_NOTE = (
    "a crude rate is per thousand of the year's mean population, taken as the mean of its "
    "start and end; a bureau may average otherwise, so it is never called wrong"
)


def crude_rates(reading: Reading) -> Iterator[Relation]:
    for rate in reading.notes:
        if rate.role != LEVEL or rate.figure.kind != PER_MILLE:
            continue
        for rate_word, count_word in RATES:
            if rate_word not in rate.subject:
                continue
            count = _count_before(reading, rate, count_word)
            population = _population(reading, rate, count) if count else None
            change = attached(reading, population, CHANGE) if population else None
            if count is None or population is None or change is None:
                continue
            if change.base not in ("previous", str(int(rate.period or 0) - 1)):
                continue  # the change since last year's end gives the year's start
            start, end, spans = text_span(reading, population, count, rate)
            roles = {"count": count.figure, "level": population.figure, "change": signed(change)}
            yield Relation("crude-rate", dict(roles), start, end, rate.figure, notes=[CRUDE_NOTE],
                           spans=spans, confident=False)  # fmt: skip


def _count_before(reading: Reading, rate: Note, word: str) -> Note | None:
    for note in reversed(reading.notes[max(0, rate.index - COUNT_WITHIN) : rate.index]):
        if (
            note.role == LEVEL
            and word in note.subject
            and note.figure.kind == COUNT
            and note.figure.unit == "person"
            and (note.scope, note.period) == (rate.scope, rate.period)
        ):
            return note
    return None


def _population(reading: Reading, rate: Note, count: Note) -> Note | None:
    """The last whole population before the rate, of its scope and year, with its change."""
    for note in reversed(reading.levels_between(0, count.index)):
        if (
            POPULATION.search(note.subject)
            and not NOT_ALL_OF_IT.search(note.subject)
            and note.figure.same_unit(count.figure)
            and (note.scope, note.period) == (rate.scope, rate.period)
            and note.figure.bounds.low > count.figure.bounds.high
        ):
            return note
    return None
