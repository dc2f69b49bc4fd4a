"""Shares of the parts of a whole stated paragraphs after them: "全国电源新增生产能力12061万千瓦
…其中水电1174万千瓦…火电4836万千瓦…" and then "新增水电占新增总装机的9.73%", "新增火电装机比重达
40.1%": each share names one part of a list that adds up to its whole (1174 / 12061 = 9.73%).
The words name the part, not its figure, and the whole only as a total (总装机), so the binding
rests on the list: shares are judged when three or more of its parts are named and the shares
that hold outnumber those that fail three to one; else they are shown, never called wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import LEVEL, SHARE, Note, Reading, grammar, simplified
from povcli.article.relations import Relation
from povcli.article.table_cells import adds_up, quotient_holds
from povcli.numbers import PERCENT

REACH = 80  # figures after the whole where its parts' shares may stand
MIN_NAMED = 3  # parts whose shares are named before a failing one may be called wrong
# what names the share's part: the words before 占, or before 比重 (新增火电装机比重达40.1%)
PART_WORDS = re.compile(r"^(?P<part>.+?)(?:占|比重|占比)(?P<whole>[^占]*)$")
# a whole named as a total (新增总装机), or as the list's own whole
TOTAL = re.compile(r"总|全部|合计|所有")
MEMBER_NOTE = (
    "the share names one part of the list after 其中 that adds up to {}: its share of that whole"
)
UNSURE_NOTE = "too few of the list's parts are named with shares to call one wrong"


def member_shares(reading: Reading, relations: list[Relation]) -> Iterator[Relation]:
    """The shares named for the parts of each list that adds up to its whole."""
    bound = {
        r.claimed.start for r in relations if r.kind == "share" and r.claimed and not r.missing
    }
    by_start = {n.figure.start: n for n in reading.notes}
    for relation in relations:
        whole = by_start.get(relation.claimed.start) if relation.claimed else None
        parts = relation.roles.get("parts")
        if relation.kind != "sum" or whole is None or not isinstance(parts, list):
            continue
        members = [by_start.get(p.start) for p in parts]
        if len(members) < 2 or None in members or not adds_up(whole.figure, parts):
            continue
        named = [m for m in members if m is not None]
        yield from _shares_named(reading, whole, named, bound)


def _shares_named(
    reading: Reading, whole: Note, parts: list[Note], bound: set[int]
) -> Iterator[Relation]:
    names = [simplified(p.subject).strip() for p in parts]
    if any(len(n) < 2 for n in names) or any(a in b for a in names for b in names if a != b):
        return  # parts named too briefly, or one within another's name: no name is sure
    found: dict[int, tuple[Note, Note]] = {}  # part's position: (part, share)
    for note in reading.notes[whole.index + 1 : whole.index + REACH]:
        if note.figure.start in bound or not _a_share(note) or note.period != whole.period:
            continue
        member = _member_named(note, names, whole)
        if member is not None and member not in found and _flow_named(whole, note):
            found[member] = (parts[member], note)
    held = [
        pair
        for pair in found.values()
        if quotient_holds(pair[0].figure, whole.figure, pair[1].figure, 100)
    ]
    failing = len(found) - len(held)
    sure = len(found) >= MIN_NAMED and len(held) >= 3 * failing and len(held) >= 2
    # the words the shares that hold give their whole (新增总装机): a failing share naming
    # another (全部发电量) may be of another whole of the same parts' names
    named_wholes = {_whole_words(share) for _, share in held}
    for part, share in found.values():
        alike = _whole_words(share) in {"", *named_wholes}
        yield _relation(reading, whole, part, share, sure and alike)


def _flow_named(whole: Note, share: Note) -> bool:
    """A whole of what is new (新增发电装机容量) has shares whose words say so too (新增水电占
    新增总装机…): 太阳能发电装机占总装机的比重 is a share of all the capacity."""
    flows = [w for w in grammar()["new_flow"] if w in simplified(whole.subject)]
    return not flows or any(w in simplified(share.subject) for w in flows)


def _whole_words(share: Note) -> str:
    words = PART_WORDS.match(simplified(share.subject).strip())
    return words.group("whole").strip("的 ") if words else ""


def _a_share(note: Note) -> bool:
    if note.figure.kind != PERCENT:
        return False
    return note.role == SHARE or (note.role == LEVEL and simplified(note.subject).endswith("比重"))


def _member_named(share: Note, names: list[str], whole: Note) -> int | None:
    """The one part the share's words name, when the whole they name (if any) is a total."""
    words = PART_WORDS.match(simplified(share.subject).strip())
    if words is None:
        return None
    whole_words = words.group("whole")
    if whole_words and not TOTAL.search(whole_words) and whole_words not in whole.subject:
        return None  # 占全国的比重: a whole of another name
    named = [i for i, name in enumerate(names) if name in words.group("part")]
    return named[0] if len(named) == 1 else None


def _relation(reading: Reading, whole: Note, part: Note, share: Note, sure: bool) -> Relation:
    start, end, spans = text_span(reading, whole, part, share)
    roles: dict[str, Figure | list[Figure]] = {
        "part": part.figure,
        "whole": replace(whole.figure, unit=part.figure.unit),
    }
    notes = [MEMBER_NOTE.format(whole.figure.written)]
    if not sure:
        notes.append(UNSURE_NOTE)
    return Relation("share", roles, start, end, share.figure, notes=notes, confident=sure,
                    spans=spans)  # fmt: skip
