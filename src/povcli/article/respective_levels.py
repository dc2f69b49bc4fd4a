"""Levels listed with 分别 after the names of every member of a partition: "东部、中部、西部地区
农村贫困人口分别为47万人、181万人和323万人", "一季度、二季度、三季度进出口分别为1.10万亿元、
1.21万亿元和1.30万亿元". The names give each level its member, in their order; the parts then
make the total the text states for what they count, in their unit and period, as parts named one
by one do (partitions.py): 全国农村贫困人口551万人, 前三季度进出口3.61万亿元 (not the year's)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from povcli.article.near import additive, listed_from
from povcli.article.notes import LEVEL, Note, Reading
from povcli.article.partitions import (
    Partition,
    known_partitions,
    partition_relations,
    remainder_of,
)
from povcli.article.relations import Relation
from povcli.article.respective import (
    COLLECTIVE,
    LEAD,
    REACH,
    after_members,
    member_order,
    members_of,
    partition_named,
)

# a word for the amount of what the names count (进出口规模: the trade itself)
AMOUNT = re.compile(r"(?:规模|总规模|总额|总值|总量)$")
# the words right before the list's first level
RESPECTIVELY = re.compile(r"分别(?:为|是|达到?|有|实现|完成)?\s*$")


def respective_levels(reading: Reading) -> Iterator[Relation]:
    for number, sentence in enumerate(reading.sentences):
        for first in reading.in_sentence(number):
            if first.role != LEVEL:
                continue
            before = reading.simple[
                max(sentence.start, first.figure.start - REACH) : first.figure.start
            ]
            if not RESPECTIVELY.search(before):
                continue
            listed = listed_from(reading, first)
            if len(listed) < 2 or any(not _alike(n, first) for n in listed):
                continue
            clause = re.split(r"[,，;；:：]", RESPECTIVELY.sub("", before))[-1].strip()
            named = _named_parts(LEAD.sub("", clause), listed)
            if named is not None:
                partition, parts = named
                yield from partition_relations(reading, partition, parts)


def _alike(note: Note, first: Note) -> bool:
    return note.role == LEVEL and note.figure.same_unit(first.figure)


def _named_parts(names: str, listed: list[Note]) -> tuple[Partition, list[Note]] | None:
    """The partition the names give every member of, once each, and the levels each named
    by its member and what the names say they count (东部地区农村贫困人口 …), when every
    one adds up."""
    partition = _partition_spelled(names, len(listed))
    order = member_order(names, partition) if partition is not None else None
    if partition is None or order is None:
        return None
    counted = AMOUNT.sub("", after_members(names, partition)) or after_members(names, partition)
    parts = [
        replace(note, subject=partition.members[member][0] + counted)
        for note, member in zip(listed, order, strict=True)
    ]
    if not all(additive(p, partition.components) for p in parts):
        return None  # "…人均可支配收入分别为…": incomes per head of different people
    if len(remainder_of(parts[0].subject, partition)) < 2:
        return None  # the names say nothing of what the levels count
    return partition, parts


def _partition_spelled(names: str, count: int) -> Partition | None:
    """The partition whose every member the names give once, the last name spelling out the
    ending the members share: 一季度、二季度、三季度 are quarters (季度), not the sectors whose
    heads 一, 二, 三 they open with as well (第一、二、三产业)."""
    if any(names.startswith(collective) for collective in COLLECTIVE):
        return partition_named(names, count)
    items = [item for item in re.split(r"、|和|及|与", names) if item]
    if len(items) != count:
        return None
    for partition in known_partitions():
        if len(partition.members) != count or members_of(items, partition) is None:
            continue
        if _shared_ending(partition) in items[-1]:
            return partition
    return None


def _shared_ending(partition: Partition) -> str:
    """The ending every member's first spelling shares (季度 of 一季度 … 三季度; 部 of 东部, 中部,
    西部; none of 城镇, 乡村)."""
    firsts = [spellings[0] for spellings in partition.members]
    common = 0
    while common < min(map(len, firsts)) and len({f[len(f) - common - 1] for f in firsts}) == 1:
        common += 1
    return firsts[0][len(firsts[0]) - common :]
