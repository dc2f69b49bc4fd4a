"""Gaps between two subjects the text gives levels for: "东部地区城镇居民人均可支配收入为39651.0
元,…;中部地区…为28879.3元,… 东部地区与中部地区的收入差距为10771.7元,比2015年扩大了890.0元":
the gap is the larger level less the smaller (a gap has no sign), and its change since the
year before is the difference of the two levels' changes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import attached, signed, text_span
from povcli.article.notes import CHANGE, LEVEL, Note, Reading
from povcli.article.relations import Relation

# the words before a gap's figure: "A与B的收入差距为", "A和B之间的差距最小,为"
GAP = re.compile(
    r"(?P<a>[^,，;；。、与和同]{2,12}?)(?:与|和|同)(?P<b>[^,，;；。、与和同]{2,12}?)(?:之间)?的?"
    r"(?P<what>[^,，;；。]{0,8}?)差距(?:最小|最大|进一步)?[,，]?(?:为|是|达到|达)?$"
)
GAP_NOTE = "a gap between two levels is the larger less the smaller"
GAP_CHANGE_NOTE = "the change of a gap is the difference of the two levels' changes"
SCOPE_OPENERS = re.compile(r"^(?:从绝对差距看|从绝对数看|其中|同时|[,，、\s])+")


def gaps(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if note.role != LEVEL:
            continue
        named = GAP.search(_words_before(reading, note))
        if named is None:
            continue
        names = [SCOPE_OPENERS.sub("", named.group(side)) for side in ("a", "b")]
        first, second = (_level_named(reading, note, name) for name in names)
        if first is None or second is None or first is second:
            continue
        measure = _measure(first, names[0])
        if measure != _measure(second, names[1]) or _what(named.group("what")) not in measure:
            continue  # the two levels count different things, or not what the gap is of
        low, high = sorted((first, second), key=lambda n: n.figure.value)
        if not _alike(low, high, note):
            continue
        start, end, spans = text_span(reading, low, high, note)
        roles = {"old": low.figure, "new": high.figure}
        yield Relation("difference", dict(roles), start, end, note.figure, notes=[GAP_NOTE],
                       spans=spans)  # fmt: skip
        change = _gap_change(reading, note, low, high)
        if change is not None:
            yield change


def _words_before(reading: Reading, note: Note) -> str:
    """The sentence's words before the figure (its Simplified text), back to the clause's start
    or one comma further when the clause is only 为 (…差距最小,为10605.9元)."""
    sentence = reading.sentence_of(note)
    words = sentence.words_before(note.figure, limit=60)
    return SCOPE_OPENERS.sub("", re.split(r"[;；。]", words)[-1])


def _level_named(reading: Reading, gap: Note, name: str) -> Note | None:
    """The one level of the paragraph before the gap whose subject opens with the name, of
    the gap's period, unit and kind."""
    found = [
        n
        for n in reading.levels_between(0, gap.index)
        if n.paragraph == gap.paragraph
        and n.subject.startswith(name)
        and "差距" not in n.subject  # another gap that names the same side first
        and n.period == gap.period
        and n.figure.same_unit(gap.figure)
        and n.figure.kind == gap.figure.kind
    ]
    measures = {_measure(n, name) for n in found}
    return found[-1] if len(measures) == 1 else None


def _alike(low: Note, high: Note, gap: Note) -> bool:
    """Both levels of one scope, and the gap no larger than the larger of them."""
    return gap.figure.bounds.low <= high.figure.bounds.high and low.scope == high.scope


def _what(words: str) -> str:
    """What a gap is of (收入 in 的收入差距), without the words around it."""
    return re.sub(r"地区|部|之间|的|绝对|相对", "", words)


def _measure(note: Note, name: str) -> str:
    """What a level counts: its subject less the name that opens it (东北 in 东北地区…)."""
    return re.sub(r"^(?:地区|部|省|市|县|区)", "", note.subject[len(name) :])


def _gap_change(reading: Reading, gap: Note, low: Note, high: Note) -> Relation | None:
    """ "比2015年扩大了890.0元": the change of each level since the same year gives it."""
    change = attached(reading, gap, CHANGE)
    low_change, high_change = attached(reading, low, CHANGE), attached(reading, high, CHANGE)
    if change is None or low_change is None or high_change is None:
        return None
    bases = {_base_year(n) for n in (change, low_change, high_change)}
    if len(bases) != 1 or None in bases:
        return None  # changes since different years are no one change of the gap
    start, end, spans = text_span(reading, low, high, gap, change)
    roles = {"old": signed(low_change), "new": signed(high_change)}
    return Relation("difference", dict(roles), start, end, signed(change),
                    notes=[GAP_CHANGE_NOTE], spans=spans)  # fmt: skip


def _base_year(change: Note) -> str | None:
    """The year a change runs from: the one 比2015年 names, or the year before its own."""
    if change.base and change.base.isdigit():
        return change.base
    if change.base == "previous" and change.period and change.period.isdigit():
        return str(int(change.period) - 1)
    return None
