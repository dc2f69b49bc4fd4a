"""A year's change as so much a day, as Taiwan's population releases give it: "人口數為2306萬
3027人,與去年同月比較增加7萬4599人,…平均每天增加204人" (74599 / 365 = 204.4). The year
compared with is twelve months back, so it holds 365 days or, with a 29 February, 366: both
are tried."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import BRACKETED, months_of, signed, span_of, text_span
from povcli.article.notes import CHANGE, LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.numbers import COUNT, Interval

PER_DAY = re.compile(r"(?:平均每天|平均每日|日均)(?:增加|减少|净增|新增)?\s*$")
# the change is on the same month of the year before, not on the month before nor on the end
# of the year before (较上年底: six months back in a June release)
A_YEAR_BACK = re.compile(r"(?:上年|去年|上一年)同[月期]|(?:比|较|与)上年(?![底末])")
# a month's births, deaths, marriages or moves compared with the same month a year back: their
# change is over the month's days, not the year's (4月出生数…增加900人,平均每天增加30人)
FLOWS = re.compile(r"出生|死亡|结婚|离婚|迁入|迁出")
DAYS = [(365, "365 days (a year)"), (366, "366 days (a year with a 29 February)")]
DAILY_NOTE = "a change over a year as so much a day: the change over the year's days"


def daily_averages(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if note.role != CHANGE:
            continue
        sentence = reading.sentence_of(note)
        if not PER_DAY.search(sentence.words_before(note.figure)):
            continue
        change = _yearly_change(reading, note)
        if change is None:
            continue
        start, end, spans = text_span(reading, change, note)
        year, leap_year = (_days(days, words, note) for days, words in DAYS)
        relation = Relation("ratio", {"a": signed(change), "b": year}, start, end,
                            signed(note).rounded(), notes=[DAILY_NOTE], spans=spans)  # fmt: skip
        relation.alternatives = [{"b": leap_year}]
        yield relation


def _days(days: int, words: str, daily: Note) -> Figure:
    """The days of the year as the divisor the text leaves unwritten."""
    at = daily.figure.end
    return Figure(words, float(days), "day", COUNT, at, at, Interval(days, days))


def _yearly_change(reading: Reading, daily: Note) -> Note | None:
    """The change before it in its sentence, of its unit, on the same month a year before."""
    for note in reversed(reading.notes[: daily.index]):
        if note.sentence != daily.sentence:
            return None
        if note.role != CHANGE:
            continue
        before = reading.sentence_of(note).words_before(note.figure)
        yearly = A_YEAR_BACK.search(before) is not None
        flow = note.head is not None and FLOWS.search(simplified(reading.notes[note.head].subject))
        return note if yearly and not flow and note.figure.same_unit(daily.figure) else None
    return None


# "全年居民人均可支配收入39218元,平均到每个月为3268元": a year's level so much a month
PER_MONTH = re.compile(r"(?:平均到?每个?月|月均|每月平均)(?:为|是|约)?(?:人民币)?\s*$")
MONTHLY_NOTE = "a year's level as so much a month: the level over the year's 12 months"


def monthly_averages(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if note.role != LEVEL:
            continue
        if not PER_MONTH.search(reading.sentence_of(note).words_before(note.figure)):
            continue
        year = _years_level(reading, note)
        if year is None:
            continue
        months = Figure("12个月(一年)", 12.0, "month", COUNT, note.figure.end, note.figure.end,
                        Interval(12, 12))  # fmt: skip
        start, end, spans = text_span(reading, year, note)
        yield Relation("ratio", {"a": year.figure, "b": months}, start, end,
                       note.figure.rounded(), notes=[MONTHLY_NOTE], spans=spans)  # fmt: skip


def _years_level(reading: Reading, monthly: Note) -> Note | None:
    """The level before it in its sentence, of its unit and outside brackets (新台币17.2万元
    beside 人民币3万9218元), of the whole year (no quarter's nor month's span named)."""
    level = _level_before(reading, monthly)
    if level is None or not level.figure.same_unit(monthly.figure) or span_of(reading, level):
        return None
    return level


def _level_before(reading: Reading, note: Note) -> Note | None:
    """The nearest level before a figure in its sentence, outside brackets."""
    sentence = reading.sentence_of(note)
    asides = [m.span() for m in BRACKETED.finditer(reading.simple, sentence.start, sentence.end)]
    for earlier in reversed(reading.notes[: note.index]):
        if earlier.sentence != note.sentence:
            return None
        if earlier.role == LEVEL and not any(a <= earlier.figure.start < b for a, b in asides):
            return earlier
    return None


# "12月份,…原油产量1765万吨,…,日均产量56.9万吨": a span's level so much a day
PER_DAY_LEVEL = re.compile(r"(?:日均|平均每天|平均每日)[\u4e00-\u9fff]{0,4}?(?:为|达到?|约)?\s*$")
SPAN_DAILY_NOTE = "a span's level as so much a day: the level over the span's {} days"
MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def span_daily_averages(reading: Reading) -> Iterator[Relation]:
    """A month's (or months') level and its mean a day, the days left unwritten: 1765万吨 in
    December is 1765 / 31 = 56.94万吨 a day. A span holding February holds 28 days of it, or
    29 in a leap year: where the text names no year, both are tried."""
    for note in reading.notes:
        if note.role != LEVEL or not PER_DAY_LEVEL.search(
            reading.sentence_of(note).words_before(note.figure)
        ):
            continue
        level = _spans_level(reading, note)
        span = span_of(reading, note)  # (a span named: 本月 alone names no month's days)
        months = months_of(span) if level is not None and span else None
        if level is None or months is None:
            continue
        counts = _days_in(months, _year_of(note))
        start, end, spans = text_span(reading, level, note)
        divisors = [_days(days, f"{days}天", note) for days in counts]
        relation = Relation("ratio", {"a": level.figure, "b": divisors[0]}, start, end,
                            note.figure.rounded(), spans=spans,
                            notes=[SPAN_DAILY_NOTE.format(counts[0])])  # fmt: skip
        relation.alternatives = [{"b": divisor} for divisor in divisors[1:]]
        # output runs every day of the span; a market trades on its trading days only (银行间
        # 市场日均成交: 136.49万亿元 over 18 days, not 28): what is not output is shown only
        relation.confident = CALENDAR_FLOW.search(simplified(level.subject)) is not None
        yield relation


# what runs on every day of a span, so that its mean a day is over the calendar's days
CALENDAR_FLOW = re.compile(r"产量|发电|加工量|加工|用电量|生产")


def _spans_level(reading: Reading, daily: Note) -> Note | None:
    """The level before it in its sentence, of its unit and span, outside brackets."""
    level = _level_before(reading, daily)
    if level is None or not level.figure.same_unit(daily.figure):
        return None
    return level if span_of(reading, level) == span_of(reading, daily) else None


def _year_of(note: Note) -> int | None:
    year = re.match(r"\d{4}", note.period or "")
    return int(year.group()) if year else None


def _days_in(months: tuple[int, int], year: int | None) -> list[int]:
    """The days of the months first to last: one count, or two where February is in them and
    the year is unknown (28 or 29)."""
    first, last = months
    days = sum(MONTH_DAYS[first - 1 : last])
    if not first <= 2 <= last:
        return [days]
    if year is None:
        return [days, days + 1]
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return [days + 1] if leap else [days]
