"""Totals and parts each given as a pair after 分别, a line apiece: "全省公路水路货运量、货物周转量
分别完成2.92亿吨和2060.95亿吨公里,比去年同月分别下降1.4%和上升4.2%。其中:公路货运量和货物周转量
分别完成2.08亿吨和236.32亿吨公里,…;水路货运量和货物周转量分别完成0.84亿吨和1824.63亿吨公里,…".
Each measure is told by its unit and its place in the pair: the parts' first figures make the
total's first, their second the second, and their levels and rates the total's rate.

The parts are all of the total only where its words name each of them (公路水路货运量 over 公路
and 水路) and name no way of carrying that is not a part (公路水路铁路货运量): then a gap is wrong.
Parts after a period of their own (1-6月 totals, 其中6月:) are no parts of the totals, and rates
on other bases (比去年同月 totals, 比上月 parts) make no total's rate. Otherwise (全省货运量 over
the parts a bulletin chose to list) they are shown where they add up, never called wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import SPAN, adds_up, text_span
from povcli.article.notes import LEVEL, RATE, Note, Reading
from povcli.article.partitions import growth_of_sum
from povcli.article.relations import Relation
from povcli.numbers import COUNT

GAP_WITHIN = 60  # characters between the totals and their parts: a line of rates, 其中:
MEMBER = 2  # characters a part's words open with that name it (公路, 水路)
MOST_PARTS = 12
# the ways of carrying a total's words may name: each must be a part for the parts to be all of it
MODES = re.compile(r"公路|水路|铁路|民航|航空|管道|海运|沿海|内河|远洋|城市客运")
# a period the parts' words may name apart from the totals' (1-6月 over 其中6月)
PERIOD = re.compile(SPAN.pattern + r"|累计")  # the spans of `near`, and the months so far
# the base a rate's words name: a month before (比上月, 环比) or a year before (比去年同月, 同比)
BASES = (re.compile(r"上月|环比|上个月"), re.compile(r"同月|同期|同比|上年|去年"))
PARTS_NOTE = "the parts are given in pairs as the totals are: each adds up by its place in the pair"
UNNAMED_NOTE = "the totals' words do not name every part: the parts may not be all of it"


def respective_parts(reading: Reading) -> Iterator[Relation]:
    for number in range(len(reading.sentences)):
        wholes = _pair(reading, number)
        if wholes is None:
            continue
        parts = _parts_after(reading, number, wholes)
        if len(parts) < 2:
            continue
        members = [part[0].subject[:MEMBER] for part in parts]
        named = len(set(members)) == len(members) and all(m in wholes[0].subject for m in members)
        # 公路水路铁路货运量 over 公路 and 水路 alone: the railway's is left out
        named = named and set(MODES.findall(wholes[0].subject)) <= set(members)
        # 水路中沿海货运量 under 公路水路货运量: a part of a part, not 水路's all
        named = named and all(_measured_alike(wholes[0], part[0], members) for part in parts)
        rates = _rates_after(reading, number, len(wholes))
        alike = _one_base(reading, [number, *(part[0].sentence for part in parts)], rates)
        for place, total in enumerate(wholes):
            rate = rates[place] if rates else None
            yield from _relations(
                reading, total, [part[place] for part in parts], named, rate, alike
            )


def _measured_alike(whole: Note, part: Note, members: list[str]) -> bool:
    """Whether a part's words go on from its name as the totals' go on from the parts' names
    (公路货运量 as 公路水路货运量), not with words of a part of it (水路中沿海货运量)."""
    named_end = max(whole.subject.rfind(m) + len(m) for m in members)
    return part.subject[MEMBER : MEMBER + 2] == whole.subject[named_end : named_end + 2]


def _pair(reading: Reading, number: int) -> list[Note] | None:
    """The levels a sentence lists after 分别, of as many units as they are (亿吨, 亿吨公里)."""
    levels = [
        n
        for n in reading.in_sentence(number)
        if n.role == LEVEL and n.figure.kind == COUNT and n.figure.unit is not None
    ]
    if len(levels) < 2 or "分别" not in levels[0].subject:
        return None
    if len({n.figure.unit for n in levels}) != len(levels):
        return None
    return levels


def _parts_after(reading: Reading, number: int, wholes: list[Note]) -> list[list[Note]]:
    """The pairs of the same units, in the same order, in the sentences after 其中."""
    units = [n.figure.unit for n in wholes]
    parts: list[list[Note]] = []
    after = number + 1
    while after < len(reading.sentences) and len(parts) < MOST_PARTS:
        pair = _pair(reading, after)
        if pair is None:
            if parts or any(n.role == LEVEL for n in reading.in_sentence(after)):
                break
            after += 1  # a line of the totals' rates, or 其中: alone
            continue
        if [n.figure.unit for n in pair] != units:
            break
        if not parts and not _after_qizhong(reading, number, after):
            break
        if not set(_periods(reading, number, after)) <= set(_periods(reading, number, number)):
            break  # 1-6月 totals, 其中6月 parts: of another period
        parts.append(pair)
        after += 1
    return parts


def _rates_after(reading: Reading, number: int, count: int) -> list[Note] | None:
    """The totals' rates in the sentence right after theirs, after 分别, as many as they
    ("…分别完成2868万人和229426万人公里。比去年同月分别上升4.2%和上升6.1%。"), where none is
    attached to its level already."""
    if number + 1 >= len(reading.sentences):
        return None
    notes = reading.in_sentence(number + 1)
    rates = [n for n in notes if n.role == RATE and n.head is None]
    if len(rates) != count or len(notes) != count or "分别" not in rates[0].subject:
        return None
    return rates


def _periods(reading: Reading, whole: int, sentence: int) -> list[str]:
    """The periods a sentence names, with what stands between it and the totals' (其中6月:)."""
    start = reading.sentences[sentence].start
    if sentence != whole:
        start = min(start, reading.sentences[whole].end)
    text = reading.simple[start : reading.sentences[sentence].end]
    found = [re.sub(r"\s", "", period) for period in PERIOD.findall(text)]
    return [re.sub(r"至|到|—|~|～", "-", period) for period in found]


def _one_base(reading: Reading, sentences: list[int], rates: list[Note] | None) -> bool:
    """Whether the rates of the totals and parts are all on one base, as their words name it:
    totals 比去年同月 and parts 比上月 are not."""
    named = set()
    for sentence in {*sentences, *(rate.sentence for rate in rates or [])}:
        text = reading.sentences[sentence].text
        named |= {place for place, base in enumerate(BASES) if base.search(text)}
    return len(named) <= 1


def _after_qizhong(reading: Reading, whole: int, first_part: int) -> bool:
    """Whether 其中 stands between the totals' sentence and the first part's, close by."""
    start = reading.sentences[whole].end
    gap = reading.simple[start : reading.sentences[first_part].start]
    head = reading.simple[reading.sentences[first_part].start :][:4]
    return len(gap) <= GAP_WITHIN and ("其中" in gap or head.startswith("其中"))


def _relations(
    reading: Reading,
    total: Note,
    parts: list[Note],
    named: bool,
    rate: Note | None,
    alike: bool,
) -> Iterator[Relation]:
    if not named and not adds_up(total, parts):
        return
    start, end, spans = text_span(reading, total, *parts)
    roles: dict[str, Figure | list[Figure]] = {"parts": [p.figure for p in parts]}
    notes = [PARTS_NOTE] if named else [PARTS_NOTE, UNNAMED_NOTE]
    yield Relation("sum", roles, start, end, total.figure, notes=notes, spans=spans,
                   confident=named)  # fmt: skip
    if alike:
        yield from growth_of_sum(reading, parts, total, named, rate)
