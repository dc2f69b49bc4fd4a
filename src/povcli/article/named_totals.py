"""Totals whose words name their parts: "绝对贫困人口与低收入人口合计数量为2338.4万人,比上年减少
262.4万人" after "农村绝对贫困人口为879.7万人,比上年减少75.3万人" and "农村低收入人口为1458.7万人,
比上年减少187.1万人": the two levels the total names make it, and their changes its change.

A note may define a total apart from its figures: "*海外入境游客为海外旅游者(过夜)和口岸入境
一日游游客合计数" under a list stating each of the three: the one level so named for each makes
the sum, and their levels and rates the total's rate."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import additive, attached, text_span
from povcli.article.notes import CHANGE, LEVEL, Note, Reading, simplified
from povcli.article.partitions import growth_of_sum, one_base, signed_sum
from povcli.article.relations import Relation
from povcli.article.table_cells import bare

NAMED_TOTAL = re.compile(
    r"(?P<a>[\u4e00-\u9fff]{2,12}?)(?:与|和|及)(?P<b>[\u4e00-\u9fff]{2,12}?)合计"
)
PART_WITHIN = 24  # levels back from the total to its parts
NAMED_NOTE = "the total names its two parts ({a} and {b}) and adds them up"
# a sentence defining a total as two named parts (括号里的限定, 过夜, left out of the names)
DEFINED_TOTAL = re.compile(
    r"(?P<total>[\u4e00-\u9fff]{2,12})为(?P<a>[\u4e00-\u9fff()（）]{2,16}?)(?:与|和|及)"
    r"(?P<b>[\u4e00-\u9fff()（）]{2,16}?)(?:的)?(?:合计数|合计|之和|总和)"
)
DEFINED_NOTE = "the text defines {total} as {a} and {b} together"


def named_totals(reading: Reading) -> Iterator[Relation]:
    for total in reading.notes:
        if total.role != LEVEL or not additive(total):
            continue
        named = NAMED_TOTAL.search(simplified(total.subject))
        if named is None:
            continue
        a = _the_part(reading, total, named["a"])
        b = _the_part(reading, total, named["b"])
        if a is None or b is None or a.index == b.index:
            continue
        start, end, spans = text_span(reading, a, b, total)
        note = NAMED_NOTE.format(a=named["a"], b=named["b"])
        yield Relation("sum", {"parts": [a.figure, b.figure]}, start, end, total.figure,
                       notes=[note], spans=spans)  # fmt: skip
        changes = [attached(reading, part, CHANGE) for part in (a, b)]
        total_change = attached(reading, total, CHANGE)
        found = [c for c in changes if c is not None]
        if total_change is not None and len(found) == 2 and one_base(found, total_change):
            change_sum = signed_sum(reading, found, total_change)
            change_sum.notes = [note + "; so do their changes"]
            yield change_sum


def _the_part(reading: Reading, total: Note, name: str) -> Note | None:
    """The nearest level before the total whose words end with the name (民族八省区绝对贫困人口
    for 绝对贫困人口: its place may be left unsaid), of its unit, year and place, out of
    brackets; none if the one before it so named gives another figure."""
    core = re.sub(r"^(?:[\u4e00-\u9fff]{2,6}(?:省区|地区))", "", name)
    found = [
        n
        for n in reading.notes[max(0, total.index - PART_WITHIN) : total.index]
        if n.role == LEVEL
        and simplified(n.subject).endswith(core)
        and n.figure.same_unit(total.figure)
        and n.period == total.period
        and n.scope == total.scope
        and not _in_brackets(reading, n)
    ]
    if not found or len({n.figure.value for n in found}) != 1:
        return None
    return found[-1]


def _in_brackets(reading: Reading, note: Note) -> bool:
    before = reading.text[max(0, note.figure.start - 20) : note.figure.start]
    return bool(re.search(r"[(（][^()（）]*$", before))


def defined_totals(reading: Reading) -> Iterator[Relation]:
    for definition in DEFINED_TOTAL.finditer(reading.simple):
        names = [bare(definition[key]) for key in ("total", "a", "b")]
        found = [_the_named(reading, name, names, definition.start()) for name in names]
        total, a, b = found
        if total is None or a is None or b is None or len({n.index for n in (total, a, b)}) < 3:
            continue
        if any(not p.figure.same_unit(total.figure) or p.period != total.period for p in (a, b)):
            continue
        start, end, spans = text_span(reading, a, b, total)
        note = DEFINED_NOTE.format(total=names[0], a=names[1], b=names[2])
        yield Relation("sum", {"parts": [a.figure, b.figure]}, start, end, total.figure,
                       notes=[note], spans=spans)  # fmt: skip
        yield from growth_of_sum(reading, [a, b], total)


def _the_named(reading: Reading, name: str, names: list[str], before: int) -> Note | None:
    """The one level before the definition whose words end with the name (接待海外入境游客 for
    海外入境游客) and with no longer name of the definition (过夜入境游客 is a part's, not
    入境游客's); none when two are so named."""
    longer = [other for other in names if other != name and other.endswith(name)]
    found = []
    for n in reading.notes:
        if n.role != LEVEL or n.figure.start >= before or not additive(n):
            continue
        words = bare(simplified(n.subject))
        if words.endswith(name) and not any(words.endswith(other) for other in longer):
            found.append(n)
    return found[0] if len(found) == 1 else None
