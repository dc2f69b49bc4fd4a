"""Levels, changes and rates attached to one head: 由A下降到B, 比上年增长r%, 比2012年的A增加C."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from povcli.article.figures import Figure
from povcli.article.near import following, signed, text_span
from povcli.article.notes import AVERAGE, CHANGE, LEVEL, POINTS, RATE, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import PER_MILLE, PERCENT
from povcli.periods import year_span


def chains(reading: Reading) -> Iterator[Relation]:
    """ "收入11567元,比上年增加994元,名义增长10.6%": the rate of the change from its base;
    "增长11.5%" alone after a level: a year-on-year rate whose base the text leaves out."""
    by_head: dict[int, list[Note]] = {}
    for note in reading.notes:
        if note.head is not None and note.role in (CHANGE, RATE, AVERAGE, LEVEL, POINTS):
            by_head.setdefault(note.head, []).append(note)
    yield from _headless(reading)
    yield from _from_to_levels(reading)
    for head_index, attached in by_head.items():
        head = reading.notes[head_index]
        yield from _against_base_level(reading, head, attached)
        attached = [n for n in attached if n.role in (CHANGE, RATE)]
        bases = [n for n in by_head[head_index] if "base-level" in n.cues]
        if bases:  # compared with a stated level, not with last year's, up to a new comparison
            attached = [
                n for n in attached
                if _compared_anew(reading, bases[0], n) or _compared_before(bases[0], n)
            ]  # fmt: skip
        if head.figure.kind in (PERCENT, PER_MILLE) and any(n.role == RATE for n in attached):
            continue  # the relative change of a rate: left to the points it changes by
        changes = [n for n in attached if n.role == CHANGE and n.base != "comparable"]
        rates = [n for n in attached if n.role == RATE and n.qualifier != "real"]
        if len(changes) > 1 and any("listed" in n.cues for n in changes):
            continue  # a list of changes (…各增加A、B) of several levels, none paired to its own
        if any(n.qualifier == "real" for n in attached) and not rates:
            continue  # a real rate follows from no two nominal levels
        paired: set[int] = set()
        for rate in rates:
            change = _change_before(changes, rate)
            if change is not None and change.index not in paired:
                paired.add(change.index)
                yield _change_rate(reading, head, change, rate)
            elif change is None and rate.base is not None and not _is_to_level(head):
                yield _year_on_year(reading, head, rate)


def _from_to_levels(reading: Reading) -> Iterator[Relation]:
    """ "从2014年的574万人下降至2015年的471万人;…减贫103万人": what the text says of the way
    from one level to the other, in the clauses after it (a ; does not end it)."""
    for end in reading.notes:
        if "to" not in end.cues or end.head is None:
            continue
        start = reading.notes[end.head]
        for note in following(reading, end):
            if note.head != end.index:
                continue
            between = reading.simple[end.figure.end : note.figure.start]
            if set(re.findall(r"(\d{4})年", between)) - {start.period, end.period}:
                continue  # "其中2017年至2019年减贫2.1万人": a change over a span of its own
            span, finish, spans = text_span(reading, start, end, note)
            roles: dict[str, Figure | list[Figure]] = {"old": start.figure, "new": end.figure}
            if note.role == CHANGE and note.figure.same_unit(end.figure):
                yield Relation("difference", roles, span, finish, note.figure, note.sign,
                               spans=spans)  # fmt: skip
            elif note.role == POINTS and end.figure.kind in (PERCENT, PER_MILLE):
                yield Relation("point-change", roles, span, finish, note.figure, note.sign,
                               spans=spans)  # fmt: skip


def _headless(reading: Reading) -> Iterator[Relation]:
    """ "比上年末減少1109萬人,下降66.8%": a change and its rate whose level the text leaves out."""
    for change, rate in itertools.pairwise(reading.notes):
        if (
            change.role == CHANGE
            and change.head is None
            and change.base == "previous"
            and rate.role == RATE
            and rate.sentence == change.sentence
            and rate.qualifier != "real"
        ):
            start, end, _ = text_span(reading, change, rate)
            relation = Relation(_rate_kind(rate), {"change": change.figure}, start, end,
                                rate.figure, change.sign)  # fmt: skip
            relation.alternative = _other_basis(rate)
            relation.missing["level"] = "the text does not give the level the change ends at"
            yield relation


def _against_base_level(reading: Reading, head: Note, attached: list[Note]) -> Iterator[Relation]:
    """ "收入35128元,比2012年的16510元增加18618元,累计名义增长112.8%,年均名义增长8.8%": the
    change, the growth and the compound rate from the level compared with."""
    bases = [n for n in attached if n.role == LEVEL and "base-level" in n.cues]
    if not bases:
        return
    base = bases[0]
    later = [
        n
        for n in attached
        if n.qualifier != "real"
        and n is not base
        and (n.index > base.index or (n.sentence == base.sentence and n.base is None))
        and not _compared_anew(reading, base, n)
    ]  # (before the base level, "比上年增长6.0%,比2020年的4000亿元…" names a base of its own)
    for note in later:
        start, end, spans = text_span(reading, head, base, note)
        roles: dict[str, Figure | list[Figure]]
        if note.role == CHANGE and note.figure.same_unit(head.figure):
            roles = {"old": base.figure, "new": head.figure}
            yield Relation("difference", roles, start, end, note.figure, note.sign, spans=spans)
        elif note.role == POINTS and head.figure.kind in (PERCENT, PER_MILLE):
            roles = {"old": base.figure, "new": head.figure}
            yield Relation("point-change", roles, start, end, note.figure, note.sign, spans=spans)
        elif note.role == RATE and note.figure.kind == PERCENT:
            change = _stated_change(head, base, later, note)
            if change is not None:  # the levels and the change disagree: the rate is judged
                roles = {"a": signed(change), "b": base.figure}  # on the change it is of
                spans = text_span(reading, head, base, change, note)[2]
                yield Relation("percent-of", roles, start, end, signed(note), spans=spans)
                continue
            roles = {"old": base.figure, "new": head.figure}
            yield Relation("growth", roles, start, end, note.figure, note.sign, spans=spans)
        elif note.role == AVERAGE and note.figure.kind == PERCENT:
            years = year_span(base.period, head.period)
            relation = Relation("cagr", {"start": base.figure, "end": head.figure}, start, end,
                                note.figure, note.sign, spans=spans)  # fmt: skip
            if years:
                relation.periods = [
                    (years, f"{base.period} → {head.period}: the years of the two levels")
                ]
            else:
                relation.missing["periods"] = "the text does not say over how many years"
            yield relation


def _compared_anew(reading: Reading, base: Note, note: Note) -> bool:
    """ "較105年的B增加C(R%),較之103年以來,四年間增加了C2(R2%)": a comparison named after the
    base level opens another, with a base of its own."""
    between = reading.simple[base.figure.end : note.figure.start]
    return note.index > base.index and re.search(r"(?<!相)比|较|与", between) is not None


def _stated_change(head: Note, base: Note, later: list[Note], rate: Note) -> Note | None:
    """The change stated before the rate against the base level, when the two levels do not
    make it, nor the rate ("较计画目标965,940公吨减少14,763公吨(-1.52%)" after 897,808公吨): the
    difference is wrong already, and the rate is of the change as written, not of the levels
    again."""
    changes = [n for n in later if n.role == CHANGE and n.index < rate.index]
    if not changes or not changes[-1].figure.same_unit(head.figure):
        return None
    change = signed(changes[-1]).bounds
    low = head.figure.bounds.low - base.figure.bounds.high
    high = head.figure.bounds.high - base.figure.bounds.low
    if (low <= change.high and change.low <= high) or base.figure.bounds.low <= 0:
        return None
    # a rate the levels make is right, and the change alone is wrong: judged on the levels
    said = signed(rate).bounds
    least = (head.figure.bounds.low / base.figure.bounds.high - 1) * 100
    most = (head.figure.bounds.high / base.figure.bounds.low - 1) * 100
    return None if least <= said.high and said.low <= most else changes[-1]


def _compared_before(base: Note, note: Note) -> bool:
    """ "糙米为897,808公吨,较去年同期减少102,355公吨(-10.23%),…较计画目标965,940公吨减少…": a
    change before the base level, compared with a year of its own, is of that year's level."""
    return note.index < base.index and note.base is not None and note.sentence == base.sentence


def _change_before(changes: Sequence[Note], rate: Note) -> Note | None:
    """The change the rate is of: the last before it, else the one right after it in its
    sentence ("同比增长14.6%,增收4,376万元")."""
    before = [n for n in changes if n.index < rate.index]
    if before:
        return before[-1]
    after = [n for n in changes if n.index == rate.index + 1 and n.sentence == rate.sentence]
    return after[0] if after else None


def _is_to_level(note: Note) -> bool:
    return "to" in note.cues


def _change_rate(reading: Reading, head: Note, change: Note, rate: Note) -> Relation:
    start, end, spans = text_span(reading, head, change, rate)
    relation = Relation(
        _rate_kind(rate),
        {"level": head.figure, "change": change.figure},
        start,
        end,
        rate.figure,
        change.sign,
        spans=spans,
    )
    relation.alternative = _other_basis(rate)
    if rate.sign != change.sign and "rate_word" not in rate.cues:
        relation.notes.append("the change and its rate point opposite ways as written")
    return relation


def _rate_kind(rate: Note) -> str:
    """A change's rate in % or, as Taiwan's population releases write it, per thousand."""
    return "change-rate-per-mille" if rate.figure.kind == PER_MILLE else "change-rate"


def _other_basis(rate: Note) -> str | None:
    """A rate per thousand may be over the year's mean population (Taiwan's 人口增加率), not its
    start: both readings are tried."""
    return "change-rate-per-mille-mid-year" if rate.figure.kind == PER_MILLE else None


def _year_on_year(reading: Reading, head: Note, rate: Note) -> Relation:
    start, end, spans = text_span(reading, head, rate)
    relation = Relation(
        "yoy", {"value": head.figure, "growth": rate.figure}, start, end, sign=rate.sign,
        spans=spans,
    )  # fmt: skip
    relation.missing["base"] = "the text does not give the level a year before"
    return relation
