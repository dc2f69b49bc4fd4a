"""Crude rates: "全年出生人口902万人,人口出生率为6.39‰" with the year-end population and its
change ("年末全国人口140967万人,比上年末减少208万人"): the births (deaths, natural increase) per
thousand of the year's mean population, the mean of its start and its end. A bureau may take the
mean otherwise (of monthly figures, or its own estimate), but the mean lies between the year's
start and end: a rate beyond that, and beyond a hundredth of itself more, is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from povcli.article.near import attached, scopes_fit, signed, text_span
from povcli.article.notes import CHANGE, LEVEL, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PER_MILLE

# (the rate's word, the count's word)
RATES = (("出生率", "出生人口"), ("死亡率", "死亡人口"), ("自然增长率", "自然增长人口"))
COUNT_WITHIN = 12  # figures back from a rate to its count
POPULATION_PARAGRAPHS = 3  # a bulletin's section on people: the population heads it
# a population the rate may be of; not one part of it
POPULATION = re.compile(r"人口$|人口总量$|总人口$")
NOT_ALL_OF_IT = re.compile(r"出生|死亡|城镇|乡村|农村|男|女|岁|流动|迁|增长|户籍|劳动|就业")
# a rate of some of the people, over their own count: 婴儿死亡率 is per thousand live births,
# 5岁以下儿童死亡率 and 围产儿死亡率 alike, 城镇人口出生率 of the towns' people
A_GROUPS_RATE = re.compile(NOT_ALL_OF_IT.pattern + r"|婴|儿|围产|孕|妇")
# a month's rate is annualised (折合年), and a registered count is of other people than the
# resident population's
NOT_THE_YEARS = re.compile(r"月|户籍")
CRUDE_NOTE = (
    "a crude rate is per thousand of the year's mean population, taken as the mean of its "
    "start and end; a bureau may average otherwise, so a gap within what the year's change "
    "and a hundredth of the rate allow is not called wrong"
)
BUREAU_AVERAGING = 0.01  # of the rate: how far a bureau's own mean population may move it


def crude_rates(reading: Reading) -> Iterator[Relation]:
    for rate in reading.notes:
        if rate.role != LEVEL or rate.figure.kind != PER_MILLE:
            continue
        for rate_word, count_word in RATES:
            if rate_word not in rate.subject or _of_a_group(rate.subject, rate_word):
                continue
            count = _count_before(reading, rate, count_word)
            population = _population(reading, rate, count) if count else None
            change = _change_of(reading, population) if population else None
            if count is None or population is None or change is None:
                continue
            if change.base not in ("previous", str(int(rate.period or 0) - 1)):
                continue  # the change since last year's end gives the year's start
            if not _of_a_year(reading, change, count, rate):
                continue
            start, end, spans = text_span(reading, population, count, rate)
            level = replace(population.figure, unit=count.figure.unit)  # 常住人口766579: people
            roles = {"count": count.figure, "level": level, "change": signed(change)}
            yield Relation("crude-rate", dict(roles), start, end, rate.figure, notes=[CRUDE_NOTE],
                           spans=spans, slack=_slack(rate, population, change))  # fmt: skip


def _of_a_group(subject: str, rate_word: str) -> bool:
    """Whether the words before the rate's own name a group of the people ("婴儿死亡率")."""
    return bool(A_GROUPS_RATE.search(subject.split(rate_word)[0]))


def _of_a_year(reading: Reading, change: Note, count: Note, rate: Note) -> bool:
    """Whether the change is since last year's end and the count and rate of the whole year:
    "比上年末减少208万人", not "较上月增加", nor "4月出生数…折合年粗出生率"."""
    changed = reading.simple[max(0, change.figure.start - 12) : change.figure.start]
    counted = reading.simple[max(0, count.figure.start - 24) : rate.figure.end]
    return "年" in changed and not NOT_THE_YEARS.search(changed + counted)


def _slack(rate: Note, population: Note, change: Note) -> float:
    """How far beyond rounding a correct rate may lie from the one over the mean of the year's
    start and end: to the rate over either end, and a hundredth of the rate for the bureau's
    own averaging."""
    end = population.figure.value
    start = end - signed(change).value
    half_span = abs(end - start) / 2 / max(min(start, end), 1)
    return abs(rate.figure.value) * (half_span + BUREAU_AVERAGING)


def _count_before(reading: Reading, rate: Note, word: str) -> Note | None:
    for note in reversed(reading.notes[max(0, rate.index - COUNT_WITHIN) : rate.index]):
        if (
            note.role == LEVEL
            and word in note.subject
            and note.paragraph == rate.paragraph  # 广东's births make no rate of 河南's
            and note.figure.kind == COUNT
            and note.figure.unit == "person"
            and (note.scope, note.period) == (rate.scope, rate.period)
        ):
            return note
    return None


def _change_of(reading: Reading, population: Note) -> Note | None:
    """The population's change: the one attached to it, or for a count of people with its 人
    left off, the change right after it in its sentence."""
    change = attached(reading, population, CHANGE)
    if change is None and population.figure.unit is None:
        following = reading.notes[population.index + 1 : population.index + 2]
        if (
            following
            and following[0].role == CHANGE
            and following[0].sentence == population.sentence
        ):
            change = following[0]
    return change


def _people_unwritten(reading: Reading, note: Note) -> bool:
    """A whole number of no unit whose change counts people ("年末全县常住人口766579,比上年末
    增加2028人"): a count of people with its 人 left off."""
    change = _change_of(reading, note)
    return (
        note.figure.unit is None
        and note.figure.kind == COUNT
        and float(note.figure.value).is_integer()
        and change is not None
        and change.figure.unit == "person"
    )


def _population(reading: Reading, rate: Note, count: Note) -> Note | None:
    """The last whole population before the rate, of its scope and year, with its change, in
    the count's paragraph or the few before it."""
    for note in reversed(reading.levels_between(0, count.index)):
        if (
            count.paragraph - POPULATION_PARAGRAPHS <= note.paragraph <= count.paragraph
            and POPULATION.search(note.subject)
            and not NOT_ALL_OF_IT.search(note.subject)
            and (note.figure.same_unit(count.figure) or _people_unwritten(reading, note))
            and scopes_fit(note.scope, rate.scope)
            and note.period == rate.period
            and note.figure.bounds.low > count.figure.bounds.high
        ):
            return note
    return None
