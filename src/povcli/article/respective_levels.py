"""Levels listed with 分别 after the names of every member of a partition: "东部、中部、西部地区
农村贫困人口分别为47万人、181万人和323万人", "一季度、二季度、三季度进出口分别为1.10万亿元、
1.21万亿元和1.30万亿元". The names give each level its member, in their order; the parts then
make the total the text states for what they count, in their unit and period, as parts named one
by one do (partitions.py): 全国农村贫困人口551万人, 前三季度进出口3.61万亿元 (not the year's)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from povcli.article.near import additive, listed_from, text_span
from povcli.article.notes import LEVEL, Note, Reading
from povcli.article.partitions import (
    Partition,
    known_partitions,
    member_of,
    of_spans,
    partition_relations,
    remainder_of,
    spans_whole,
)
from povcli.article.relations import Relation
from povcli.article.respective import (
    COLLECTIVE,
    LEAD,
    REACH,
    after_members,
    listed_names,
    member_order,
    members_of,
    partition_named,
)
from povcli.article.shares import SUBJECT_TAIL

# a word for the amount of what the names count (进出口规模: the trade itself)
AMOUNT = re.compile(r"(?:规模|总规模|总额|总值|总量)$")
# the words right before the list's first level
# (and what they count, when the words name it after 分别: "分别实现利润…")
RESPECTIVELY = re.compile(
    r"分别(?:为|是|达到?|有)?(?:实现|完成)?(?P<measure>[\u4e00-\u9fff]{0,6}?)(?:为|达到?)?\s*$"
)


def respective_levels(reading: Reading) -> Iterator[Relation]:
    for number, sentence in enumerate(reading.sentences):
        for first in reading.in_sentence(number):
            if first.role != LEVEL:
                continue
            before = reading.simple[
                max(sentence.start, first.figure.start - REACH) : first.figure.start
            ]
            respectively = RESPECTIVELY.search(before)
            if respectively is None:
                continue
            listed = listed_from(reading, first)
            if len(listed) < 2 or any(not _alike(n, first) for n in listed):
                continue
            clause = re.split(r"[,，;；:：]", RESPECTIVELY.sub("", before))[-1].strip()
            names = LEAD.sub("", clause)
            named = _named_parts(names, listed, respectively["measure"])
            if named is not None:
                partition, parts = named
                yield from partition_relations(reading, partition, parts)
            elif (spans := _spans_alone(names, listed)) is not None:
                yield from _spans_of_the_level_before(reading, spans, listed)
            elif (rest := _with_members_before(reading, names, listed)) is not None:
                yield from partition_relations(reading, *rest)


def _alike(note: Note, first: Note) -> bool:
    return note.role == LEVEL and note.figure.same_unit(first.figure)


def _named_parts(
    names: str, listed: list[Note], measure: str = ""
) -> tuple[Partition, list[Note]] | None:
    """The partition the names give every member of, once each, and the levels each named
    by its member and what the names say they count (东部地区农村贫困人口 …), when every
    one adds up."""
    partition = _partition_spelled(names, len(listed))
    order = member_order(names, partition) if partition is not None else None
    if partition is None or order is None:
        return None
    counted = AMOUNT.sub("", after_members(names, partition)) or after_members(names, partition)
    counted += measure  # "…规模以上工业企业分别实现利润": their profits
    parts = [
        replace(note, subject=partition.members[member][0] + counted)
        for note, member in zip(listed, order, strict=True)
    ]
    if not all(additive(p, partition.components) for p in parts):
        return None  # "…人均可支配收入分别为…": incomes per head of different people
    counts_people = parts[0].subject.endswith("人口")  # (地区人口: people, as total_of reads)
    if len(remainder_of(parts[0].subject, partition)) < 2 and not counts_people:
        return None  # the names say nothing of what the levels count
    return partition, parts


def _partition_spelled(names: str, count: int) -> Partition | None:
    """The partition whose every member the names give once, the last name spelling out its
    member: 一季度、二季度、三季度 are quarters, not the sectors whose heads 一, 二, 三 they open
    with as well (第一、二、三产业)."""
    if any(names.startswith(collective) for collective in COLLECTIVE):
        return partition_named(names, count)
    items = listed_names(names)
    if len(items) != count:
        return None
    for partition in known_partitions():
        order = members_of(items, partition)
        if len(partition.members) != count or order is None:
            continue
        if _spelled(items[-1], partition.members[order[-1]]):
            return partition
    return None


def _spelled(item: str, spellings: tuple[str, ...]) -> bool:
    """Whether a name spells its member out (第四季, 东北地区…), or with the 第 the list said
    once (第一、二、三产业: 三产业); 三季度 is no 第三产业, though both open with 三."""
    return any(s in item or s.removeprefix("第") in item for s in spellings)


SPANS_ALONE_NOTE = (
    "the spans a list names make the span of the level right before it; the list names no "
    "measure, so it is taken as that level's: shown, never called wrong"
)


def _spans_alone(names: str, listed: list[Note]) -> Partition | None:
    """The partition of spans of time (一季度 … 四季度) the names give alone, saying nothing of
    what the levels count ("一季度、二季度、三季度、四季度分别为…")."""
    partition = _partition_spelled(names, len(listed))
    if partition is None or not of_spans(partition) or after_members(names, partition):
        return None
    return partition


def _spans_of_the_level_before(
    reading: Reading, partition: Partition, listed: list[Note]
) -> Iterator[Relation]:
    """The level right before the list, in its paragraph, of its unit and of the span the
    members make, is what they break down: shown when they make it, never called wrong (the
    list names no measure of its own)."""
    first = listed[0]
    before = [n for n in reading.notes[: first.index] if n.role == LEVEL]
    if not before:
        return
    total = before[-1]
    if (
        total.paragraph != first.paragraph
        or not total.figure.same_unit(first.figure)
        or total.figure.kind != first.figure.kind
        or not spans_whole(reading, total, partition)
        or not additive(total, partition.components)
    ):
        return
    start, end, spans = text_span(reading, total, *listed)
    yield Relation("sum", {"parts": [n.figure for n in listed]}, start, end, total.figure,
                   notes=[SPANS_ALONE_NOTE], spans=spans, confident=False)  # fmt: skip


def _with_members_before(
    reading: Reading, names: str, listed: list[Note]
) -> tuple[Partition, list[Note]] | None:
    """ "经陆路入境的旅客共155.8万人次…;经海路及空路入境的旅客分别有26.8万及13.1万人次": a list
    naming some members of a partition, each spelled out, the others' levels stated just
    before it, alone, counting what the list counts: together every member."""
    items = listed_names(names)
    if len(items) != len(listed):
        return None
    for partition in known_partitions():
        members = [_spelled_member(item, partition) for item in items]
        if len(partition.members) <= len(items) or None in members:
            continue
        if len(set(members)) != len(members):
            continue
        counted = _bare_words(after_members(names, partition))
        missing = set(range(len(partition.members))) - set(members)
        before = _members_before(reading, listed[0], partition, missing, counted)
        if before is None:
            continue
        renamed = [
            replace(note, subject=partition.members[member][0] + counted)
            for note, member in zip(listed, members, strict=True)
            if member is not None
        ]
        return partition, [*before, *renamed]
    return None


def _spelled_member(item: str, partition: Partition) -> int | None:
    found = [m for m, spellings in enumerate(partition.members) if _spelled(item, spellings)]
    return found[0] if len(found) == 1 else None


def _members_before(
    reading: Reading, first: Note, partition: Partition, missing: set[int], counted: str
) -> list[Note] | None:
    """The latest level of each missing member in the sentence before the list or its own,
    of its unit, counting what the list counts (经陆路入境的旅客 for 入境的旅客)."""
    found: dict[int, Note] = {}
    for note in reversed(reading.notes[: first.index]):
        if note.paragraph != first.paragraph or note.sentence < first.sentence - 1:
            break
        if note.role != LEVEL or not note.figure.same_unit(first.figure):
            continue
        member = member_of(note.subject, partition)
        if member in missing and member not in found:
            after = note.subject[note.subject.find(partition.members[member][0]) :]
            if _bare_words(after_members(after, partition)) == counted:
                found[member] = note
    if set(found) != missing or not all(additive(n, partition.components) for n in found.values()):
        return None
    return sorted(found.values(), key=lambda n: n.index)


def _bare_words(words: str) -> str:
    """What a name's words count, without what they end with (共, 约, 为, 有) or 的."""
    return SUBJECT_TAIL.sub("", words).replace("的", "")
