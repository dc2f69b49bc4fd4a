"""Changes against a year whose level the text stated before: "2008年40岁及以下农民工占比为70%。
…2023年40岁及以下农民工占比为44.6%,比2008年下降25.4个百分点", "2022年全省农村贫困人口为50万人。
2023年全省农村贫困人口为40万人,比上年减少10万人". The level compared with is the one earlier
figure of the same words (subject, place, unit, span of the year) dated the year the comparison
names; where the text gives two such figures that differ, nothing is inferred."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import span_of, text_span
from povcli.article.notes import CHANGE, POINTS, RATE, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PER_MILLE, PERCENT

YEAR = re.compile(r"(\d{4})")
STATED_BASE_NOTE = "the level compared with is the one the text states earlier for {}: {}"


def stated_bases(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if note.role not in (CHANGE, POINTS, RATE) or note.head is None or not note.base:
            continue
        head = reading.notes[note.head]
        year = _base_year(head, note.base)
        if year is None or _has_base_level(reading, head):
            continue
        old = _stated_level(reading, head, year)
        if old is None:
            continue
        kind = _kind(head, note)
        if kind is None:
            continue
        start, end, spans = text_span(reading, old, head, note)
        roles: dict[str, Figure | list[Figure]] = {"old": old.figure, "new": head.figure}
        relation = Relation(kind, roles, start, end, note.figure, note.sign, spans=spans)
        relation.notes.append(STATED_BASE_NOTE.format(year, old.figure.written))
        yield relation


def _base_year(head: Note, base: str) -> str | None:
    """The year the comparison names: the head's year less one for 上年, else the year written
    (比2008年); none for a base that is no year (同期, 上月, 上年末 of a month's level)."""
    own = YEAR.fullmatch(head.period or "")
    if base == "previous":
        return str(int(own.group(1)) - 1) if own else None
    named = YEAR.fullmatch(base)
    if named and own and int(named.group(1)) < int(own.group(1)):
        return named.group(1)
    return None


def _has_base_level(reading: Reading, head: Note) -> bool:
    """Whether the comparison states its base itself (比2012年的16510元增加…): chains' work."""
    return any(
        n.head == head.index and "base-level" in n.cues
        for n in reading.notes[head.index : head.index + 8]
    )


def _stated_level(reading: Reading, head: Note, year: str) -> Note | None:
    """The one earlier figure of the head's words, role, unit, place and span, dated the year."""
    span = span_of(reading, head)
    found = [
        n
        for n in reading.notes[: head.index]
        if n.role == head.role
        and n.period == year
        and n.subject == head.subject
        and len(n.subject) >= 4
        and n.scope == head.scope
        and n.segment == head.segment
        and n.figure.kind == head.figure.kind
        and n.figure.same_unit(head.figure)
        and span_of(reading, n) == span
    ]
    if not found or len({(n.figure.bounds.low, n.figure.bounds.high) for n in found}) > 1:
        return None
    return found[-1]


def _kind(head: Note, note: Note) -> str | None:
    """The relation a change of this head makes with the level before."""
    is_rate = head.figure.kind in (PERCENT, PER_MILLE)
    if note.role == CHANGE and not is_rate and note.figure.same_unit(head.figure):
        return "difference"
    if note.role == POINTS and is_rate:
        return "point-change"
    if note.role == RATE and head.figure.kind == COUNT and note.figure.kind == PERCENT:
        return "growth" if note.qualifier != "real" else None
    return None
