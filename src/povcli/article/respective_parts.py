"""Totals and parts each given as a pair after 分别, a line apiece: "全省公路水路货运量、货物周转量
分别完成2.92亿吨和2060.95亿吨公里,比去年同月分别下降1.4%和上升4.2%。其中:公路货运量和货物周转量
分别完成2.08亿吨和236.32亿吨公里,…;水路货运量和货物周转量分别完成0.84亿吨和1824.63亿吨公里,…".
Each measure is told by its unit and its place in the pair: the parts' first figures make the
total's first, their second the second, and their levels and rates the total's rate.

The parts are all of the total only where its words name each of them (公路水路货运量 over 公路 and
水路): then a gap is wrong. Otherwise (全省货运量 over the parts a bulletin chose to list) they are
shown where they add up, never called wrong."""

from __future__ import annotations

from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import LEVEL, RATE, Note, Reading
from povcli.article.partitions import growth_of_sum
from povcli.article.relations import Relation
from povcli.numbers import COUNT

GAP_WITHIN = 60  # characters between the totals and their parts: a line of rates, 其中:
MEMBER = 2  # characters a part's words open with that name it (公路, 水路)
MOST_PARTS = 12
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
        rates = _rates_after(reading, number, len(wholes))
        for place, total in enumerate(wholes):
            rate = rates[place] if rates else None
            yield from _relations(reading, total, [part[place] for part in parts], named, rate)


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


def _after_qizhong(reading: Reading, whole: int, first_part: int) -> bool:
    """Whether 其中 stands between the totals' sentence and the first part's, close by."""
    start = reading.sentences[whole].end
    gap = reading.simple[start : reading.sentences[first_part].start]
    head = reading.simple[reading.sentences[first_part].start :][:4]
    return len(gap) <= GAP_WITHIN and ("其中" in gap or head.startswith("其中"))


def _relations(
    reading: Reading, total: Note, parts: list[Note], named: bool, rate: Note | None
) -> Iterator[Relation]:
    low = sum(p.figure.bounds.low for p in parts)
    high = sum(p.figure.bounds.high for p in parts)
    adds_up = low <= total.figure.bounds.high and total.figure.bounds.low <= high
    if not named and not adds_up:
        return
    start, end, spans = text_span(reading, total, *parts)
    roles: dict[str, Figure | list[Figure]] = {"parts": [p.figure for p in parts]}
    notes = [PARTS_NOTE] if named else [PARTS_NOTE, UNNAMED_NOTE]
    yield Relation("sum", roles, start, end, total.figure, notes=notes, spans=spans,
                   confident=named)  # fmt: skip
    grown = growth_of_sum(reading, parts, total, named, rate)
    if grown is not None:
        yield grown
