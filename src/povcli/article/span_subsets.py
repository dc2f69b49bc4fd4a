"""A month's amount within the months' around it: "6月外销订单金额588.3亿美元…累计第2季外销
订单金额1661.7亿美元" (June is in the second quarter, so 588.3 ≤ 1661.7), "前7个月,全国商品房
销售面积56480万平方米" within the same words' 64987万平方米 of 1-8月, "二月博彩毛收入" within
"一至二月博彩毛收入". Only what adds up over time and only grows does this (sales, orders,
output, trade, revenue, visitors — grammar `span_flows`): a balance, a month-end stock, an
average, a rate, a net amount or a profit (which another month's loss may exceed) does not.

An accusation needs both figures bound to one measure, so the binding is strict: the same words
name both (the span's and the scope's aside), in the same unit, scope, segment and year; each
names its own measure (no level before it in its statement whose words it may carry on, none
after 其中, whose words are the whole's); and no other amount of those words and that span
disagrees with it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from povcli.article.near import (
    additive,
    months_of,
    spans_named_at,
    statement_start,
    text_span,
)
from povcli.article.notes import LEVEL, Note, Reading, grammar
from povcli.article.relations import Relation

# a day within a month and a month's end date a figure, no span of it (8月末, 6月上旬)
POINT_IN_MONTH = re.compile(r"\d{1,2}月份?(?:末|底|初|上旬|中旬|下旬)")
# a span of an earlier year: 去年1-8月, 上年同期
EARLIER_YEAR = re.compile(r"(?:去年|上年|前年|同期)\s*$")
# what may open a measure's words after its span: 累计, 当月 and the verb of a cumulative figure
OPENING = re.compile(r"^[\s,，:：、]*(?:累计|当月|单月|今年|本年)?")
SUBSET_NOTE = (
    "the span of the first lies within the span of the second, and the words name one flow"
)


@dataclass(frozen=True)
class Dated:
    """A level with the months its words give it and the words of its measure."""

    note: Note
    months: tuple[int, int]
    measure: str


def span_subsets(reading: Reading) -> Iterator[Relation]:
    named = _SpansNamed(reading)
    dated = [d for n in reading.notes if (d := _dated(reading, n, named)) is not None]
    for part in dated:
        for whole in dated:
            if not (_within(part, whole) and _one_measure(part, whole)):
                continue
            if _unambiguous(dated, part, whole):
                start, end, spans = text_span(reading, part.note, whole.note)
                yield Relation("subset", {"part": [part.note.figure], "whole": whole.note.figure},
                               start, end, notes=[SUBSET_NOTE], spans=spans)  # fmt: skip


def _dated(reading: Reading, note: Note, spans: _SpansNamed) -> Dated | None:
    if note.role != LEVEL or not additive(note) or not _a_flow(OPENING.sub("", note.subject)[-8:]):
        return None  # (the words end with a flow's name, whatever span they name first)
    named = spans.last_before(note)
    if named is None:
        return None
    months, word = named
    measure = _measure(note.subject, word)
    if not _a_flow(measure) or not _names_its_own_measure(reading, note):
        return None
    return Dated(note, months, measure)


# the month a monthly release is of, named only as such ("当月:全省完成发电量…。累计:1-4月,…")
THIS_MONTH = re.compile(r"当月|本月|单月")


class _SpansNamed:
    """The spans each paragraph names and the dates in a month it gives, read once a paragraph
    (a long paragraph of figures is read in linear time, not once a figure)."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.read: dict[int, _Paragraph] = {}

    @functools.cached_property
    def this_month(self) -> tuple[int, int] | None:
        """The month 当月 is: the one month every span of the text ends with (1-4月 and 4月),
        when they all start the year or are that month; else none."""
        spans = [months_of(word) for _, word in spans_named_at(self.reading.simple)]
        ends = {span[1] for span in spans if span}
        if len(ends) != 1 or not all(span and span[0] in (1, span[1]) for span in spans):
            return None
        last = ends.pop()
        return (last, last)

    def last_before(self, note: Note) -> tuple[tuple[int, int], str] | None:
        """The months of the span its paragraph names last before it, unless a date in a month
        (8月末) or an earlier year's span (去年1-8月) was named last; 当月 named last is the
        release's month."""
        paragraph = self._paragraph(note.paragraph)
        start = paragraph.start
        at = note.figure.start - start
        before = [(end, word) for end, word in paragraph.spans if end <= at]
        this = [(end, word) for end, word in paragraph.this_month if end <= at]
        if this and (not before or this[-1][0] > before[-1][0]):
            return (self.this_month, this[-1][1]) if self.this_month else None
        if not before:
            return None
        end, word = before[-1]
        if any(end - len(word) < point <= at for point in paragraph.points):
            return None
        words = self.reading.simple[start + max(0, end - len(word) - 8) : start + end - len(word)]
        if EARLIER_YEAR.search(words):
            return None
        months = months_of(word)
        return (months, word) if months else None

    def _paragraph(self, number: int) -> _Paragraph:
        if number not in self.read:
            start, end = self.reading.paragraphs[number]
            words = self.reading.simple[start:end]
            points = [point.end() for point in POINT_IN_MONTH.finditer(words)]
            this = [(found.end(), found.group()) for found in THIS_MONTH.finditer(words)]
            self.read[number] = _Paragraph(start, spans_named_at(words), points, this)
        return self.read[number]


@dataclass(frozen=True)
class _Paragraph:
    """Where a paragraph starts, and where the spans, the dates in a month and 当月 it names end."""

    start: int
    spans: list[tuple[int, str]]
    points: list[int]
    this_month: list[tuple[int, str]]


def _measure(subject: str, span: str) -> str:
    """The words of the measure: the subject after its span (经济部统计处发布6月外销订单金额 →
    外销订单金额), less what opens a cumulative figure (累计)."""
    at = subject.rfind(span)
    if at >= 0:
        subject = subject[at + len(span) :]
    # "中国累计进出口总值": 累计 names the span's sum, wherever it stands, no other measure
    return OPENING.sub("", subject).replace("累计", "")


def _a_flow(measure: str) -> bool:
    flows = grammar()["span_flows"]
    return (
        len(measure) >= 2
        and measure.endswith(tuple(flows["endings"]))
        and not any(word in measure for word in flows["not_flows"])
    )


def _names_its_own_measure(reading: Reading, note: Note) -> bool:
    """Whether its words are its own, not carried on from a level before it: "东部地区商品房销售
    面积30485万平方米,…,销售额24128亿元" (the region's), "其中,进口1.21万亿元" (the whole's
    imports). A span named after the level before starts a statement of its own."""
    sentence = reading.sentence_of(note)
    opening = reading.simple[sentence.start : note.figure.start]
    if "其中" in opening:
        return False
    first = statement_start(reading, note.sentence)
    earlier = [
        n
        for number in range(first, note.sentence + 1)
        for n in reading.in_sentence(number)
        if n.role == LEVEL and n.figure.start < note.figure.start
    ]
    if not earlier:
        return True
    return bool(spans_named_at(reading.simple[earlier[-1].figure.end : note.figure.start]))


def _within(part: Dated, whole: Dated) -> bool:
    (first, last), (whole_first, whole_last) = part.months, whole.months
    return whole_first <= first and last <= whole_last and part.months != whole.months


def _one_measure(part: Dated, whole: Dated) -> bool:
    a, b = part.note, whole.note
    return (
        part.measure == whole.measure
        and a.figure.unit == b.figure.unit
        and (a.scope, a.segment) == (b.scope, b.segment)
        and _year(a) == _year(b)
    )


def _year(note: Note) -> str:
    """The year of its period (2022M6 → 2022), empty when the text names none."""
    year = re.match(r"\d{4}", note.period or "")
    return year.group() if year else ""


def _unambiguous(dated: list[Dated], part: Dated, whole: Dated) -> bool:
    """Whether no other amount the same words give one of the two spans disagrees with it: two
    readings of one measure bind neither."""
    for one in (part, whole):
        for other in dated:
            if (
                other.note is not one.note
                and other.months == one.months
                and other.measure == one.measure
                and not other.note.figure.bounds.overlaps(one.note.figure.bounds)
            ):
                return False
    return True
