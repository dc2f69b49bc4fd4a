"""A whole broken down under a heading of its own: "三、分征收部门完成情况为:…国税局完成13040万元,
减少201万元,下降1.52%;地税局完成24307万元,…;财政局完成30602万元,…" after "累计完成公共财政
预算总收入67949万元" a paragraph earlier, or "地方收入按部门分:税务部门完成1431万元…;财政部门
完成289万元…" after "完成地方一般公共预算收入1720万元". The parts are the first amount of each
clause after the heading, to its paragraph's end; the whole is a level before the heading, of the
parts' unit and period — the one the heading names (地方收入), else the nearest they add up to.

Neither where the list ends nor which whole is meant is written: the sum is shown where the parts
add up, and then their changes and rates are judged against the whole's (the levels adding up is
what shows the list whole); a list that does not add up is shown only when the heading names its
whole, never called wrong. The plan amounts each clause states (占年初预算…万元) add up as the
amounts do (povcli.article.plan_progress.plans_add_up)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import (
    WHOLE_WITHIN,
    additive,
    adds_up,
    attached,
    compared_amount,
    text_span,
)
from povcli.article.notes import LEVEL, SHARE, Note, Reading, simplified
from povcli.article.partitions import changes_on_one_base, growth_of_sum, signed_sum
from povcli.article.plan_progress import CLAUSE_END, plans_add_up
from povcli.article.relations import Relation

# "二、分收入结构看:", "三、分征收部门完成情况为:", "按级次分:", "地方收入按构成分:",
# "从征收部门看:"
BREAKDOWN = re.compile(
    r"(?:^|(?<=[。;；\s])|(?<=[一二三四五六七八九十]、)|(?<=[)）]))"
    r"(?P<whole>[\u4e00-\u9fff]{0,8}?)(?:按|分|从)(?!别)(?P<by>[\u4e00-\u9fff]{1,8}?)"
    r"(?:分|看|划分)?(?:完成情况为|完成情况|情况为|情况)?[:：]"
)
BREAKDOWN_NOTE = "the amounts listed under '{}' break down {}"
SHORT_NOTE = "they do not add up to it: the list may leave some out, or count another whole"


def breakdowns(reading: Reading) -> Iterator[Relation]:
    starts = [n.figure.start for n in reading.notes]
    for start, end in reading.paragraphs:
        words = reading.simple[start:end]
        headings = list(BREAKDOWN.finditer(words))
        for number, heading in enumerate(headings):
            until = headings[number + 1].start() if number + 1 < len(headings) else len(words)
            parts = _parts(reading, starts, (start + heading.end(), start + until))
            if len(parts) < 2:
                continue
            yield from _broken_down(reading, heading, parts)


def _broken_down(reading: Reading, heading: re.Match[str], parts: list[Note]) -> Iterator[Relation]:
    named = heading.group("whole")
    whole = _whole(reading, parts, named)
    if whole is None:
        return
    start, end, spans = text_span(reading, whole, *parts)
    made = adds_up(whole, parts)
    notes = [BREAKDOWN_NOTE.format(heading.group(0).strip(), whole.figure.written)]
    if not made:
        notes.append(SHORT_NOTE)
    yield Relation("sum", {"parts": [p.figure for p in parts]}, start, end, whole.figure,
                   notes=notes, spans=spans, confident=made)  # fmt: skip
    if not made:
        return
    changed = changes_on_one_base(reading, whole, parts)
    if changed is not None:
        yield signed_sum(reading, *changed)
    yield from growth_of_sum(reading, parts, whole, named=True)
    yield from _shares_of_the_whole(reading, whole, parts)
    plans = plans_add_up(reading, whole, parts)
    if plans is not None:
        yield plans


SHARE_NOTE = "a part listed under the heading, over the whole its parts make ({})"


def _shares_of_the_whole(reading: Reading, whole: Note, parts: list[Note]) -> Iterator[Relation]:
    """ "从收入结构看:税收收入15348万元,占收入的89.99%,…;非税收入1708万元,占收入的10.01%": each
    part's share of the whole its words name in a word of it (收入 of 大口径财政收入)."""
    named = simplified(whole.subject)
    for part in parts:
        share = attached(reading, part, SHARE)
        words = (share.whole or "").strip() if share is not None else ""
        if share is None or len(words) < 2 or not named.endswith(words):
            continue
        start, end, spans = text_span(reading, whole, part, share)
        roles: dict[str, Figure | list[Figure]] = {"part": part.figure, "whole": whole.figure}
        yield Relation("share", roles, start, end, share.figure,
                       notes=[SHARE_NOTE.format(whole.figure.written)], spans=spans)  # fmt: skip


def _parts(reading: Reading, starts: list[int], span: tuple[int, int]) -> list[Note]:
    """The first amount of each clause between the heading and its end, in the first one's
    unit: not last year's or a plan's amount (`starts`: where each note's figure starts)."""
    start, end = span
    within = reading.notes[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
    levels = [n for n in within if n.role == LEVEL and additive(n) and not compared_amount(n)]
    if not levels:
        return []
    unit = levels[0].figure
    first: dict[int, Note] = {}
    clause, counted_to = 0, start
    for note in levels:  # (the clause ends counted once, from one level to the next)
        clause += len(CLAUSE_END.findall(reading.simple, counted_to, note.figure.start))
        counted_to = note.figure.start
        first.setdefault(clause, note)
    return [n for n in first.values() if n.figure.same_unit(unit)]


def _whole(reading: Reading, parts: list[Note], named: str) -> Note | None:
    """The level before the parts the heading names (the one they add up to, or the only
    one), else the nearest they add up to."""
    first = parts[0]
    before = [
        n
        for n in reading.notes[max(0, first.index - WHOLE_WITHIN) : first.index]
        if n.role == LEVEL
        and additive(n)
        and not compared_amount(n)
        and n.figure.same_unit(first.figure)
        and n.period == first.period
        and n.scope == first.scope
    ]
    if named:
        called = [n for n in before if _names(named, n.subject)]
        made = [n for n in called if adds_up(n, parts)]
        if made:
            return made[-1]
        return called[-1] if len({n.figure.value for n in called}) == 1 else None
    made = [n for n in before if adds_up(n, parts)]
    return made[-1] if made else None


def _names(named: str, subject: str) -> bool:
    """Whether the heading's whole (地方收入) names the level's words (完成地方一般公共预算收入):
    its characters in order, the first two together."""
    if named[:2] not in subject:
        return False
    at = subject.index(named[:2]) + 2
    for char in named[2:]:
        at = subject.find(char, at)
        if at < 0:
            return False
        at += 1
    return True
