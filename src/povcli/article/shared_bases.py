"""Two rates compared with one base the text does not give: "脱贫地区农民人均可支配收入…增长7.5%,
比全国农民人均可支配收入增速高1.2个百分点。脱贫人口人均纯收入…增长14.3%,比全国农民人均可支配
收入增速高8个百分点". Each comparison implies the base (7.5 − 1.2, 14.3 − 8); the two must be
one. Only where the words name the base's measure (not 全国, 平均水平 alone), in one paragraph
or the next, of one period and span of the year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import PLACE, clause_up_to, signed, span_of, text_span
from povcli.article.notes import LEVEL, POINTS, RATE, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import PERCENT

# "…,比全国农民人均可支配收入增速高1.2个百分点": the base's words and which way
BASE_WORDS = re.compile(
    r"(?:[,，]\s*|^)(?:增速|增幅)?(?:比|较)(?P<base>[^,，;；。、:：\d%()（）]{4,30}?)"
    r"(?P<way>高出|高|低|快|慢)$"
)
HIGHER = ("高出", "高", "快")
# what names no measure: a place, the period, an average
NO_MEASURE = re.compile(r"同期|平均水平|平均|水平|增速|增幅|增长|速度|的")
# a period or span of the year the words compare with: each rate's own earlier value
SPAN = re.compile(
    r"季度|上半年|下半年|\d{1,2}月|[一二三四五六七八九十]+月|上年|去年|前年|同期|上月|年初"
)
MEASURE_LENGTH = 4  # characters at least of the base's measure, place and rate words left out
NOTE = "both rates are compared with {}: the base each comparison implies is one"


def shared_bases(reading: Reading) -> Iterator[Relation]:
    found: dict[str, list[tuple[Note, Note, int]]] = {}
    for note in reading.notes:
        if note.role != POINTS:
            continue
        compared = _compared(reading, note)
        own = _own_rate(reading, note) if compared is not None else None
        if compared is None or own is None:
            continue
        base, sign = compared
        for other, other_gap, other_sign in reversed(found.get(base, [])):
            if other_gap.paragraph < note.paragraph - 1:
                break  # (nearest first: no paragraph further back is read)
            if _alike(reading, own, other):
                yield _relation(reading, base, (own, note, sign), (other, other_gap, other_sign))
                break
        found.setdefault(base, []).append((own, note, sign))


def _compared(reading: Reading, note: Note) -> tuple[str, int] | None:
    """The base's words right before the points, and +1 for 高 (-1 for 低)."""
    sentence = reading.sentences[note.sentence]
    before = reading.simple[max(sentence.start, note.figure.start - 40) : note.figure.start]
    found = BASE_WORDS.search(before.rstrip())
    if found is None:
        return None
    base = found["base"].strip()
    if base.endswith(("提", "升", "降", "增", "抬")):
        return None  # "较一季度提高1.2个百分点": a verb, 提高, and no base named with 高
    if SPAN.search(base) or len(NO_MEASURE.sub("", PLACE.sub("", base))) < MEASURE_LENGTH:
        return None  # (较一季度, 比上年同期: each rate's own earlier value, no base shared)
    return re.sub(r"(?:的)?(?:增速|增幅|增长速度)$", "", base), 1 if found["way"] in HIGHER else -1


def _own_rate(reading: Reading, points: Note) -> Note | None:
    """The growth right before the comparison, in its sentence."""
    if points.index == 0:
        return None
    before = reading.notes[points.index - 1]
    if before.sentence != points.sentence or before.figure.kind != PERCENT:
        return None
    return before if before.role in (RATE, LEVEL) else None


def _alike(reading: Reading, own: Note, other: Note) -> bool:
    """Two rates of one period and span of the year, both nominal or both real, of one kind
    (a year's growth, not one on the month before, a mean over two years or a growth over a
    decade: 环比, 两年平均, 累计)."""
    return (
        own.period == other.period
        and span_of(reading, own) == span_of(reading, other)
        and own.qualifier == other.qualifier
        and _rate_kind(reading, own) == _rate_kind(reading, other)
    )


# words that make a rate other than a year's growth on the year before
RATE_KIND = re.compile(
    r"环比|比上月|比上季|累计|平均|年均|以来|(?<!\d)(?:[两二三四五六七八九十]+|\d{1,2})年|比\d{4}年"
)


def _rate_kind(reading: Reading, rate: Note) -> set[str]:
    """The words of the rate's own clause that make it a rate of its kind."""
    clause = clause_up_to(reading, rate)
    return set(RATE_KIND.findall(clause))


def _relation(
    reading: Reading, base: str, this: tuple[Note, Note, int], that: tuple[Note, Note, int]
) -> Relation:
    own, gap, sign = this
    other, other_gap, other_sign = that
    start, end, spans = text_span(reading, other, other_gap, own, gap)
    roles = {
        "own": signed(own),
        "other": signed(other),
        "other_gap": other_gap.figure.signed(other_sign),
    }
    return Relation("same-base", dict(roles), start, end, gap.figure, sign,
                    notes=[NOTE.format(base)], spans=spans)  # fmt: skip
