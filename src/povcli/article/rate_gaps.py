"""Gaps between two rates the article states: "营利性服务业…同比增长6.8%,高于GDP增速2.6个百分点"
with the GDP's growth (4.2%) stated before; "农村居民人均可支配收入…增长5.2%,增速高于城镇居民人均
可支配收入2.0个百分点" with the urban residents' 3.2% in the sentence. The gap is the rate before
高于 (低于) less the rate the words after it name: the one rate of the article whose subject they
name, in the same period and span of it (前三季度), GDP, 生产总值 and 经济增长 naming the economy's
growth. Where the words name a rate the text does not give (全国, 全省, 上年同期) or several,
nothing is inferred."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import ECONOMY, PLACE, signed, span_of, text_span
from povcli.article.notes import LEVEL, POINTS, RATE, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.article.roles import scope_of
from povcli.numbers import PERCENT

# "…6.8%,高于GDP增速" right before the points: which way, and the words naming the other rate
COMPARED = re.compile(
    r"(?:增速|增幅|降幅)?(?P<way>高于|低于|快于|慢于|高出|超出)(?P<named>[^,，;；。、:：\d%()（）]{1,20})$"
)
HIGHER = ("高于", "快于", "高出", "超出")
# a rate's words after what it is of (GDP增速, 城镇居民人均可支配收入的增速, 全市经济增长)
RATE_ENDING = re.compile(
    r"(?:整体|总体)?(?:的)?(?:平均)?(?:增速|增幅|增长速度|增长|降幅|水平)$"
)  # ("高出外贸整体增速7.6个百分点": 外贸's rate)
GAP_NOTE = "the rate less the one rate of its period the words after {} name"


def rate_gaps(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if note.role != POINTS:
            continue
        compared = _compared(reading, note)
        if compared is None:
            continue
        way, named = compared
        own = _own_rate(reading, note)
        other = _named_rate(reading, own, named) if own is not None else None
        if own is None or other is None:
            continue
        start, end, spans = text_span(reading, *sorted([own, other, note], key=lambda n: n.index))
        roles = {"old": signed(other), "new": signed(own)}  # a fall (下降5.3%) is below zero
        yield Relation("point-change", dict(roles), start, end, note.figure,
                       1 if way in HIGHER else -1, notes=[GAP_NOTE.format(way)],
                       spans=spans)  # fmt: skip


def _compared(reading: Reading, note: Note) -> tuple[str, str] | None:
    sentence = reading.sentences[note.sentence]
    before = reading.simple[max(sentence.start, note.figure.start - 40) : note.figure.start]
    found = COMPARED.search(before.rstrip())
    if found is None:
        return None
    named = RATE_ENDING.sub("", found["named"].strip())
    return (found["way"], named) if len(named) >= 2 else None


def _own_rate(reading: Reading, points: Note) -> Note | None:
    """The percentage right before the comparison, in its sentence (同比增长6.8%,高于…), past
    the gaps to other rates stated before it (…高于全国2.0个百分点,高于全省经济增速1.4个百分点)."""
    for note in reversed(reading.notes[max(0, points.index - 6) : points.index]):
        if note.sentence != points.sentence:
            return None
        if note.role == POINTS:
            if _compared(reading, note) is None:
                return None
            continue
        if note.figure.kind == PERCENT and note.role in (RATE, LEVEL):
            return note
    return None


def _named_rate(reading: Reading, own: Note, named: str) -> Note | None:
    """The one rate of the own rate's period, kind and place whose subject the words name: a
    place they name (全国, 全市经济) or else the own rate's. Words that name a place alone
    (高于全国0.7个百分点) name the place's rate of the same thing, which may not be in the
    text: none is inferred."""
    core = PLACE.sub("", named)
    if core in ("", "平均"):
        return None
    economy = ECONOMY.fullmatch(core) is not None
    place = _place(reading, scope_of(named)) or _place(reading, own.scope)
    fitting = [
        n
        for n in reading.notes
        if n.role == RATE
        and n.index != own.index
        and n.figure.kind == PERCENT
        and n.period == own.period
        and span_of(reading, n) == span_of(reading, own)
        and (own.qualifier is None or n.qualifier in (None, own.qualifier))
        and _place(reading, n.scope) == place
        and _names(simplified(n.subject), named, economy)
    ]
    if len({round(n.figure.value, 6) for n in fitting}) != 1:
        return None
    return fitting[0]


def _place(reading: Reading, scope: str | None) -> str | None:
    """Where a rate is: its scope, the article's where it names none, 全省 being the one
    province the article is of."""
    scope = scope or reading.scope
    return (reading.home or reading.only_province() or scope) if scope == "province" else scope


def _names(subject: str, named: str, economy: bool) -> bool:
    """Whether the words name the rate's subject: GDP names 地区生产总值, not 第一产业增加值 or
    人均地区生产总值 (a part of the economy, or per head)."""
    if economy:
        return ECONOMY.search(subject) is not None and not re.search(r"产业|人均|增加值", subject)
    return named in subject
