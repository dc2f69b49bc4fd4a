"""Structures: "三次产业结构为7.7:37.8:54.5", terms that are shares of one whole (they add up to
100) and each sector's share of the total the text gives for the sectors' levels."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import signed, text_span
from povcli.article.notes import POINTS, Note, Reading
from povcli.article.partitions import (
    Partition,
    adding_levels,
    hundred,
    known_partitions,
    member_of,
    partition_groups,
    remainder_of,
    total_of,
)
from povcli.article.relations import Relation
from povcli.numbers import PERCENT, PERCENTAGE_POINT, Interval

SECTOR = "第一产业"


TERMS = r"\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?){2,4}(?![\d.:：∶])"
STRUCTURE = re.compile(
    r"(?:产业|增加值)?(?P<word>结构(?:比例|比重|比)?|(?:(?<=产业)|(?<=增加值))比例"
    r"|(?<=产业)[^,，。;；\d]{0,6}?的?比重(?=由)"
    # "三次产业投资占比为9.2∶43.9∶46.9": the investment's shares
    r"|(?<=产业)[^,，。;；\d]{0,6}?占比)"
    # "…的比重由上年同期的1.7∶35.8∶62.5调整为2.8∶36.1∶61.1": the year's terms are the second
    rf"(?:由(?:上年同期的?|上年的?|去年同期的?|\d{{4}}年的?)?(?P<before>{TERMS})"
    r"(?:调整|变化|优化|变)?)?(?:调整)?(?:为|是|到)?\s*"
    rf"(?P<terms>{TERMS})"
)


SHARE_WORD = re.compile(r"的?(?:比重|占比)$")


def _words_before_share(word: str) -> str:
    """投资 of "(三次产业)投资占比", 就业人员 of "就业人员的比重"; none of 结构 or 比例."""
    return SHARE_WORD.sub("", word) if SHARE_WORD.search(word) else ""


TERMS_NOTE = "the terms of a structure are shares of one whole"


def structures(reading: Reading) -> Iterator[Relation]:
    """ "三次产业结构比为37.2:20.5:42.3": shares of the sectors in the whole, in %, which add
    up to 100 and are each sector's level over the total the text gives."""
    for number, sentence in enumerate(reading.sentences):
        for match in STRUCTURE.finditer(sentence.text):
            terms = _ratio_terms(sentence.start + match.start("terms"), match.group("terms"))
            # (the words between 产业 and 比重 or 占比 name what the terms are shares of)
            named = sentence.text[: match.start("word")] + _words_before_share(match["word"])
            start, end = sentence.start, sentence.end
            yield Relation("sum", {"parts": terms}, start, end, hundred(terms[-1]),
                           notes=[TERMS_NOTE])  # fmt: skip
            if match.group("before"):  # the year before's structure adds up to 100 too
                before = _ratio_terms(sentence.start + match.start("before"), match["before"])
                yield Relation("sum", {"parts": before}, start, end, hundred(before[-1]),
                               notes=[TERMS_NOTE])  # fmt: skip
            yield from _structure_shares(reading, number, terms, _structure_of(named))
            yield from _changes_of_terms(reading, number)


CHANGES_NOTE = "the shares of every sector add up to 100 both years: their changes, to none"


def _changes_of_terms(reading: Reading, number: int) -> Iterator[Relation]:
    """ "三次产业结构6.8:42.7:50.5,与上年相比,第一产业比重提高0.3个百分点,第二产业比重下降3.1
    个百分点,第三产业比重提高2.8个百分点": each sector's share changed in points, in the
    structure's sentence or the next; the changes of shares that add up to 100 add up to 0."""
    sectors = next((p for p in known_partitions() if SECTOR in p.members[0]), None)
    if sectors is None:
        return
    last = min(number + 1, len(reading.sentences) - 1)
    points = [n for n in reading.notes if number <= n.sentence <= last and n.role == POINTS]
    named = {member_of(n.subject, sectors): n for n in points}
    if len(points) != len(sectors.members) or sorted(k for k in named if k is not None) != list(
        range(len(sectors.members))
    ):
        return
    changes = [signed(named[m]) for m in range(len(sectors.members))]
    start, end, spans = text_span(reading, *[named[m] for m in range(len(sectors.members))])
    zero = Figure("0 (no change in all)", 0.0, "percentage-point", PERCENTAGE_POINT, end, end,
                  Interval(0, 0))  # fmt: skip
    yield Relation("sum", {"parts": changes}, min(start, reading.sentences[number].start), end,
                   zero, notes=[CHANGES_NOTE], spans=spans)  # fmt: skip


def _ratio_terms(offset: int, text: str) -> list[Figure]:
    """Each term of "37.2:20.5:42.3" as a percentage, rounded at its last written digit."""
    terms = []
    for found in re.finditer(r"\d+(?:\.\d+)?", text):
        written = found.group()
        places = len(written.partition(".")[2])
        half = 0.5 * 10**-places
        value = float(written)
        start = offset + found.start()
        terms.append(Figure(written, value, "%", PERCENT, start, start + len(written),
                            Interval(value - half, value + half)))  # fmt: skip
    return terms


def _structure_shares(
    reading: Reading, number: int, terms: list[Figure], counted: str
) -> Iterator[Relation]:
    # a structure (产业结构) is of the three sectors, in their order
    sectors = next((p for p in known_partitions() if SECTOR in p.members[0]), None)
    if sectors is not None and len(sectors.members) == len(terms):
        order = list(range(len(terms)))
        yield from member_shares(reading, number, terms, sectors, order, STRUCTURE_NOTE,
                                 counted=counted)  # fmt: skip


# what the sectors' shares are of when the words name nothing else: 产业结构 is the value added's
VALUE_ADDED = re.compile(r"增加值|生产总值|GDP|经济", re.IGNORECASE)
OPENING = re.compile(
    r"^(?:\d{4}年(?:末|底)?|全年|年末|其中|全国|全省|全市|全区|全县|我国|我省|我市|[,，、\s])+"
)
SECTOR_WORDS = re.compile(r"三次产业|三大产业|一二三产业|产业|的")


def _structure_of(before: str) -> str:
    """What a structure is of, from the words of its clause before 结构: 三次产业就业结构 is the
    workers', 投资结构 the investment's, (地区生产总值)三次产业结构 the value added's."""
    clause = re.split(r"[,，;；:：。]", before)[-1]
    return SECTOR_WORDS.sub("", OPENING.sub("", clause)) or "增加值"


def counts_what_they_share(counted: str, parts: list[Note], partition: Partition) -> bool:
    """Whether the members' levels count what their shares are of (words naming nothing:
    whatever they count): the workers' 就业结构 is no share of the sectors' value added."""
    if not counted:
        return True
    rest = remainder_of(parts[0].subject, partition)
    if VALUE_ADDED.search(counted):
        return VALUE_ADDED.search(rest) is not None
    return bool(rest) and (counted in rest or rest in counted or counted[-2:] in rest)


STRUCTURE_NOTE = "a term of the structure is the sector's share of the whole"


def member_shares(
    reading: Reading,
    number: int,
    terms: list[Figure],
    partition: Partition,
    order: list[int],
    note: str,
    bound: bool = True,
    counted: str = "",
) -> Iterator[Relation]:
    """Each member's share (the terms, the member of each given by `order`) as its level
    over their total, from the levels of every member near the sentence `number` that count
    what the shares are of (`counted`: the words naming it, if any)."""
    paragraph = reading.notes[0].paragraph if reading.notes else 0
    for candidate in reading.notes:
        if candidate.sentence == number:
            paragraph = candidate.paragraph
            break
    # "最终核算2021年…生产总值972846万元,…三次产业增加值结构为5.5:50.6:43.9": the shares of
    # the year the sentence dates, not of the levels of the year before it
    dated = {n.period for n in reading.in_sentence(number) if n.period}
    for parts in partition_groups(adding_levels(reading, partition.components), partition):
        if abs(parts[0].paragraph - paragraph) > 1:
            continue
        if dated and parts[0].period not in dated:
            continue
        if not counts_what_they_share(counted, parts, partition):
            continue
        total, total_bound = total_of(reading, parts, partition)
        if total is None:
            continue
        by_member = {member_of(p.subject, partition): p for p in parts}
        levels = [by_member[member].figure for member in order]
        forced = _forced_to_hundred(terms, levels, total.figure)
        for member, term in zip(order, terms, strict=True):
            part = by_member[member]
            start, end, spans = text_span(reading, total, part)
            relation = Relation("share", {"part": part.figure, "whole": total.figure}, start,
                                max(end, reading.sentences[number].end), term,
                                confident=bound and total_bound and not forced,
                                spans=spans)  # fmt: skip
            relation.notes.append(note)
            if forced:
                relation.notes.append(FORCED_NOTE)
            yield relation
        return


FORCED_NOTE = (
    "the shares, each rounded, would not add up to 100: a term within one unit of its last"
    " digit may have been adjusted so that they do"
)


def _forced_to_hundred(terms: list[Figure], levels: list[Figure], total: Figure) -> bool:
    """ "6.8:40.1:53.1" for 6.76, 40.07, 53.17 (rounded: 6.8 + 40.1 + 53.2 = 100.1): terms that
    add up to 100 where the shares rounded on their own would not, each within one unit of
    its last digit of its share — a bureau's adjustment, no error."""
    if not total.value or abs(sum(t.value for t in terms) - 100) > 1e-6:
        return False
    shares = [level.value / total.value * 100 for level in levels]
    places = [len(found[1]) if (found := re.search(r"\.(\d+)", t.written)) else 0 for t in terms]
    if abs(sum(round(s, k) for s, k in zip(shares, places, strict=True)) - 100) < 1e-6:
        return False
    return all(abs(t.value - s) < 10**-k for t, s, k in zip(terms, shares, places, strict=True))
