"""Structures: "三次产业结构为7.7:37.8:54.5", terms that are shares of one whole (they add up to
100) and each sector's share of the total the text gives for the sectors' levels."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import Reading
from povcli.article.partitions import (
    Partition,
    adding_levels,
    hundred,
    known_partitions,
    member_of,
    partition_groups,
    total_of,
)
from povcli.article.relations import Relation
from povcli.numbers import PERCENT, Interval

SECTOR = "第一产业"


STRUCTURE = re.compile(
    r"(?:产业|增加值)?结构(?:比例|比重|比)?(?:调整)?(?:为|是)?\s*"
    r"(?P<terms>\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?){2,4})(?![\d.:：∶])"
)


def structures(reading: Reading) -> Iterator[Relation]:
    """ "三次产业结构比为37.2:20.5:42.3": shares of the sectors in the whole, in %, which add
    up to 100 and are each sector's level over the total the text gives."""
    for number, sentence in enumerate(reading.sentences):
        for match in STRUCTURE.finditer(sentence.text):
            terms = _ratio_terms(sentence.start + match.start("terms"), match.group("terms"))
            start, end = sentence.start, sentence.end
            yield Relation("sum", {"parts": terms}, start, end, hundred(terms[-1]),
                           notes=["the terms of a structure are shares of one whole"])  # fmt: skip
            yield from _structure_shares(reading, number, terms)


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


def _structure_shares(reading: Reading, number: int, terms: list[Figure]) -> Iterator[Relation]:
    # a structure (产业结构) is of the three sectors, in their order
    sectors = next((p for p in known_partitions() if SECTOR in p.members[0]), None)
    if sectors is not None and len(sectors.members) == len(terms):
        order = list(range(len(terms)))
        yield from member_shares(reading, number, terms, sectors, order, STRUCTURE_NOTE)


STRUCTURE_NOTE = "a term of the structure is the sector's share of the whole"


def member_shares(
    reading: Reading,
    number: int,
    terms: list[Figure],
    partition: Partition,
    order: list[int],
    note: str,
    bound: bool = True,
) -> Iterator[Relation]:
    """Each member's share (the terms, the member of each given by `order`) as its level
    over their total, from the levels of every member near the sentence `number`."""
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
        total, total_bound = total_of(reading, parts, partition)
        if total is None:
            continue
        by_member = {member_of(p.subject, partition): p for p in parts}
        for member, term in zip(order, terms, strict=True):
            part = by_member[member]
            start, end, spans = text_span(reading, total, part)
            relation = Relation("share", {"part": part.figure, "whole": total.figure}, start,
                                max(end, reading.sentences[number].end), term,
                                confident=bound and total_bound, spans=spans)  # fmt: skip
            relation.notes.append(note)
            yield relation
        return
