"""A month's crude rates, annualised: "1月出生數為8723人,折合年粗出生率為4.41‰" with "115年1月底
人口數為2328萬9045人". 內政部 gives each month's births (deaths, marriages, divorces) per thousand
of the population as a year's rate: the month's count times the days of the year over the days of
the month. Its population is the month's mean, which differs from the month's end by less than a
month's change (a few ten-thousandths), so a hundredth of the rate is allowed beyond rounding, as
for a year's crude rate."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace

from povcli.article.crude import BUREAU_AVERAGING
from povcli.article.figures import Figure
from povcli.article.near import statement_start, text_span
from povcli.article.notes import LEVEL, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PER_MILLE, Interval

# the rate's word (its own after 折合年 / 年) and the words of the count it is of
RATE = re.compile(r"(?:折合|换算)?年(?:粗)?(出生|死亡|结婚|离婚)率$")
COUNT_WORDS = {
    "出生": re.compile(r"出生(?:人?数|婴儿数|人口)|新生儿(?:出生)?数?"),
    "死亡": re.compile(r"死亡(?:人?数|人口)"),
    "结婚": re.compile(r"结婚对?数"),
    "离婚": re.compile(r"离婚对?数"),
}
COUNT_UNITS = {"出生": "person", "死亡": "person", "结婚": "pair", "离婚": "pair"}
# one month, not several (1-4月, 前4月, 1至4月累计): the days are the month's
ONE_MONTH = re.compile(r"(?<![\d\-—–~到前])(?<!(?<!截)至)(1[0-2]|[1-9])\s*月(?!\s*[\-—–~至到])")
SEVERAL_MONTHS = re.compile(r"累[计积]|前\s*\d|\d\s*[\-—–~至到]\s*\d+\s*月|上半年|季")
# the months so far, or the year's, after a month named before them ("截至3月底…,今年以來出生數")
SO_FAR = re.compile(r"以来|迄今|至今|全年|年初|今年(?!\s*(?:\d|[一二三四五六七八九十]+\s*月))")
# a year as 內政部 writes it (民國115年) or the common era's, not a count of years (近60年來)
YEAR = re.compile(r"(?<![\d近逾过])(\d{2,4})\s*年(?![来以间内])")
ROC_OFFSET = 1911
# the whole population at a month's end, not a place's or a group's
POPULATION = re.compile(
    r"(?:^|月底?|止|全台|台湾|全国|我国|,|，)\s*(?:人口总?数|总人口数?)(?:为|达|来到?|共)?$"
)
# a county or city named without 縣 or 市 (桃園1月出生數)
COUNTIES = (
    r"台北|新北|桃园|台中|台南|高雄|基隆|新竹|苗栗|彰化|南投|云林|嘉义|屏东|宜兰|花莲|台东"
    r"|澎湖|金门|连江|马祖"
)
PLACES_OR_GROUPS = re.compile(rf"[县市区乡镇]|原住民|男|女|岁|外籍|新住民|户籍以外|六都|{COUNTIES}")
# a place the statement is of, before its count ("以桃園市為例,1月出生數"; "桃園市政府表示"),
# not a dateline's city (中央社記者台北10日電)
PLACE_BEFORE = re.compile(
    rf"(?:{COUNTIES})(?!\s*\d+\s*日\s*电)|[县市]政府|[县市]府|[全本该][县市]|为例"
)
# a count of another time than the month's (去年同月出生數) or a day's mean (平均每日出生人數)
EARLIER = re.compile(r"去年|上年|前年|同月|同期|上月")
PER_DAY = re.compile(r"每[日天]|日均")
ANNUALISED_NOTE = (
    "a month's rate as a year's: its count times the days of the year over the month's days, "
    "per thousand of the population; the bureau's mean of the month differs from its end by "
    "less than the hundredth of the rate allowed"
)


def annualised_rates(reading: Reading) -> Iterator[Relation]:
    for rate in reading.notes:
        found = RATE.search(rate.subject) if rate.figure.kind == PER_MILLE else None
        if found is None or rate.role != LEVEL or PLACES_OR_GROUPS.search(rate.subject):
            continue
        event = found.group(1)
        counts = _counts_before(reading, rate, event)
        count = counts[0] if counts else None
        month = _month_of(reading, count) if count else None
        if count is None or month is None:
            continue
        population = _population(reading, month)
        factor = _days_factor(reading, count, month)
        if population is None or factor is None:
            continue
        start, end, spans = text_span(reading, count, rate, population)
        roles = {"count": count.figure, "factor": factor, "level": population.figure}
        relation = Relation("annualised-rate", dict(roles), start, end, rate.figure,
                            notes=[ANNUALISED_NOTE], spans=spans,
                            slack=abs(rate.figure.value) * BUREAU_AVERAGING)  # fmt: skip
        relation.alternatives = [{"count": other.figure} for other in counts[1:]]
        yield relation


EVERY = re.compile(r"每\s*$")
# what happens once every so many minutes, in the words after them (1人死亡, 出生一個嬰兒)
EVENTS = {
    "出生": re.compile(r"出生|婴儿|新生儿"),
    "死亡": re.compile(r"死亡|过世|去世|离世"),
    "结婚": re.compile(r"结婚"),
    "离婚": re.compile(r"离婚"),
}
EVENT_WITHIN = 16  # characters after the minutes
MINUTES_A_DAY = 24 * 60
INTERVAL_NOTE = (
    "one every so many minutes: the month's minutes over its count; a mean written roughly "
    "may be cut rather than rounded, so half its last digit more is allowed"
)


def intervals(reading: Reading) -> Iterator[Relation]:
    """ "8月出生數為12,588人,平均約每3.5分鐘出生一個嬰兒": the month's minutes (31 × 1440) over
    its count."""
    for note in reading.notes:
        sentence = reading.sentence_of(note)
        if note.figure.unit != "minute" or not EVERY.search(sentence.words_before(note.figure)):
            continue
        after = reading.simple[note.figure.end : min(sentence.end, note.figure.end + EVENT_WITHIN)]
        clause = re.split(r"[,，;；。]", after)[0]
        events = [event for event, words in EVENTS.items() if words.search(clause)]
        counts = _counts_before(reading, note, events[0]) if len(events) == 1 else []
        count = counts[0] if counts else None
        month = _month_of(reading, count) if count else None
        if count is None or month is None:
            continue
        minutes = _months_minutes(reading, count, month, note.figure.start)
        if not minutes:
            continue
        start, end, spans = text_span(reading, count, note)
        every = note.figure.rounded()
        relation = Relation("ratio", {"a": minutes[0], "b": count.figure}, start, end, every,
                            notes=[INTERVAL_NOTE], spans=spans,
                            slack=(every.bounds.high - every.bounds.low) / 2)  # fmt: skip
        relation.alternatives = [{"a": other} for other in minutes[1:]]
        relation.alternatives += [{"b": other.figure} for other in counts[1:]]
        yield relation


def _months_minutes(reading: Reading, count: Note, month: int, at: int) -> list[Figure]:
    """The minutes of the month: February's of its year, or of either kind of year."""
    year = _year_of(reading, count)
    days = sorted({calendar.monthrange(y, month)[1] for y in ([year] if year else [2025, 2024])})
    return [_minutes(n, at) for n in days]


def _minutes(days: int, at: int) -> Figure:
    minutes = days * MINUTES_A_DAY
    written = f"{days} days × {MINUTES_A_DAY} minutes (the month's)"
    return Figure(written, float(minutes), "minute", COUNT, at, at, Interval(minutes, minutes))


def _counts_before(reading: Reading, figure: Note, event: str) -> list[Note]:
    """The month's count a rate (or one every so many minutes) is of: the last level before
    it in its statement named by the count's words ("11月新生兒出生數1萬2348人"), of no place
    and no part ("其中不同性別…"), not a day's mean; then the counts of an earlier time
    (去年同月出生數) between it and the rate, which the rate may be of instead."""
    # "12月出生數為21,202人,…;折合年粗出生率為10.74‰": the statement, not the sentence
    first = statement_start(reading, figure.sentence)
    statement = [n for s in range(first, figure.sentence + 1) for n in reading.in_sentence(s)]
    words = reading.simple[reading.sentences[first].start : figure.figure.start]
    if PLACE_BEFORE.search(words):
        return []
    earlier: list[Note] = []
    for note in reversed(statement):
        if note.index >= figure.index or note.role != LEVEL:
            continue
        if not COUNT_WORDS[event].search(note.subject) or PER_DAY.search(note.subject):
            continue
        if note.figure.kind != COUNT or note.figure.unit != COUNT_UNITS[event]:
            return []
        if PLACES_OR_GROUPS.search(note.subject) or "open-ended" in note.cues:
            return []
        if EARLIER.search(note.subject):
            earlier.append(note)
            continue
        return [note, *earlier]
    return []


def _month_of(reading: Reading, note: Note) -> int | None:
    """The one month a figure's own words name before it in its statement ("5月嬰兒出生數…;
    人口死亡數為1萬327人")."""
    first = statement_start(reading, note.sentence)
    before = reading.simple[reading.sentences[first].start : note.figure.start]
    months = list(ONE_MONTH.finditer(before))
    after = before[months[-1].start() :] if months else ""
    if not months or SEVERAL_MONTHS.search(after) or SO_FAR.search(after):
        return None
    if SEVERAL_MONTHS.search(before[: months[-1].start()][-6:]):
        return None  # 1至4月累计: a span whose end alone was read
    return int(months[-1].group(1))


def _population(reading: Reading, month: int) -> Note | None:
    """The whole population at the end of that month, if the article gives one; two that
    disagree give none."""
    found = [
        note
        for note in reading.notes
        if note.role == LEVEL
        and note.figure.kind == COUNT
        and note.figure.unit == "person"
        and POPULATION.search(note.subject)
        and not PLACES_OR_GROUPS.search(note.subject)
        and "open-ended" not in note.cues
        and _month_of(reading, note) == month
    ]
    if not found:
        return None
    narrowest = min(found, key=lambda n: n.figure.bounds.high - n.figure.bounds.low)
    if any(not narrowest.figure.bounds.overlaps(n.figure.bounds) for n in found):
        return None
    return narrowest


def _days_factor(reading: Reading, count: Note, month: int) -> Figure | None:
    """The days of the year over the days of the month: for a year not named, what either a
    common or a leap year gives (February's days are the year's too, so it needs its year)."""
    year = _year_of(reading, count)
    if year is None and month == 2:
        return None
    years = [year] if year is not None else [2025, 2024]  # a common year and a leap one
    factors = [(365 + calendar.isleap(y)) / calendar.monthrange(y, month)[1] for y in years]
    days = calendar.monthrange(years[0], month)[1]
    written = f"{365 + calendar.isleap(years[0]) if year else '365–366'}/{days}"
    low, high = min(factors), max(factors)
    return replace(count.figure, written=written, value=(low + high) / 2, unit=None,
                   bounds=Interval(low, high))  # fmt: skip


def _year_of(reading: Reading, count: Note) -> int | None:
    """The year the count's own sentence names before it (a page's date elsewhere may be
    another year's)."""
    sentence = reading.sentences[count.sentence]
    years = YEAR.finditer(reading.simple[sentence.start : count.figure.start])
    known = [y for y in (_calendar_year(int(m.group(1))) for m in years) if y is not None]
    return known[-1] if known else None


def _calendar_year(written: int) -> int | None:
    if 1949 <= written <= 2100:
        return written
    if 38 <= written <= 189:  # 民國: 1949 to 2100
        return written + ROC_OFFSET
    return None
