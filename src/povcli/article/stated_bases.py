"""Changes against a year whose level the text stated before: "2008年40岁及以下农民工占比为70%。
…2023年40岁及以下农民工占比为44.6%,比2008年下降25.4个百分点", "2022年全省农村贫困人口为50万人。
2023年全省农村贫困人口为40万人,比上年减少10万人". The level compared with is the one earlier
figure of the same words (subject, place, unit, span of the year) dated the year the comparison
names; where the text gives two such figures that differ, nothing is inferred."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import clause_up_to, span_of, text_span
from povcli.article.notes import CHANGE, LEVEL, POINTS, RATE, SHARE, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PER_MILLE, PERCENT

YEAR = re.compile(r"(\d{4})")
STATED_WITHIN = 300  # figures back the level of the year compared with may stand
STATED_BASE_NOTE = "the level compared with is the one the text states earlier for {}: {}"


def stated_bases(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if note.role not in (CHANGE, POINTS, RATE) or note.head is None:
            continue
        base = note.base or _opening_comparison(reading, note)
        if not base or _compared_with_another(reading, note):
            continue
        head = reading.notes[note.head]
        year = _base_year(head, base)
        if year is None or _has_base_level(reading, head):
            continue
        old = _stated_level(reading, head, year)
        if old is None:
            continue
        kind = _kind(reading, head, note)
        if kind is None:
            continue
        start, end, spans = text_span(reading, old, head, note)
        roles: dict[str, Figure | list[Figure]] = {"old": old.figure, "new": head.figure}
        relation = Relation(kind, roles, start, end, note.figure, note.sign, spans=spans)
        relation.notes.append(STATED_BASE_NOTE.format(year, old.figure.written))
        yield relation


# "与2008年相比,2023年…占比下降25.4个百分点至44.6%": the statement opens with its base
OPENING = re.compile(r"(?:与|和|同)(\d{4})年(?:末|底)?相比\s*[,，]")


# a comparison of its own between (not the 比 of 占比, 比重, 比例)
ANOTHER_BASE = re.compile(r"(?<![占对])比(?![重例率])|较|与")


def _opening_comparison(reading: Reading, note: Note) -> str | None:
    """The year a comparison at the start of the figure's clause names, none coming between."""
    sentence = reading.sentences[note.sentence]
    before = reading.simple[sentence.start : note.figure.start]
    found = list(OPENING.finditer(before))
    if not found or ANOTHER_BASE.search(before[found[-1].end() :]):
        return None
    return found[-1].group(1)


# the base a clause's own comparison names, when it is no year (比全省高3.0个百分点)
CLAUSE_BASE = re.compile(r"(?<![占对同])(?:比|较)(?![重例率])(?!上年|去年|上一年|前一年|\d{4}年)")


def _compared_with_another(reading: Reading, note: Note) -> bool:
    """Whether the figure's own clause compares with something other than a year ("…,比上年
    提高0.5个百分点,比全省高3.0个百分点": the second is the gap to the province's)."""
    clause = clause_up_to(reading, note)
    return CLAUSE_BASE.search(clause) is not None


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
    """The one earlier figure of the head's words, role, unit, place and span, dated the year
    (as far back as STATED_WITHIN figures: a text of thousands is read in linear time)."""
    if len(head.subject) < 4:
        return None
    found = [
        n
        for n in reading.notes[max(0, head.index - STATED_WITHIN) : head.index]
        if n.period == year
        and _same_role(n, head)
        and n.scope == head.scope
        and n.segment == head.segment
        and n.figure.kind == head.figure.kind
        and n.figure.same_unit(head.figure)
        and (n.subject == head.subject or _clause_names(reading, n, head.subject))
    ]
    if found:  # (the span of the year last: it reads the paragraph up to the figure)
        span = span_of(reading, head)
        found = [n for n in found if span_of(reading, n) == span]
    if not found or len({(n.figure.bounds.low, n.figure.bounds.high) for n in found}) > 1:
        return None
    return found[-1]


def _same_role(note: Note, head: Note) -> bool:
    """A level of the head's role; a rate's share (占比为70%) is a level of the rate."""
    rates = (LEVEL, SHARE) if head.figure.kind in (PERCENT, PER_MILLE) else (LEVEL,)
    return note.role == head.role or (note.role in rates and head.role in rates)


# a clause's opening words that name no kind of what it measures: a time, 全市, 其中
OPENING_WORDS = re.compile(
    r"^(?:\s|\d{4}年(?:末|底|度)?|年末|年底|全年|全国|全省|全市|全区|全县|我国|我省|我市|其中|在|的)+"
)


def _clause_names(reading: Reading, note: Note, subject: str) -> bool:
    """Whether the words of a figure's own clause, right before it, are the subject
    ("…约2.25亿人,40岁及以下农民工占比为70%": the share's clause names what it is)."""
    before = clause_up_to(reading, note)
    before = re.sub(r"(?:为|是|达到|达|约|有)+\s*$", "", before.strip())
    if not before.endswith(subject):
        return False
    # what comes before is a time or the place alone, never a kind of it (城镇居民人均可支配收入
    # is no 居民人均可支配收入, 外出农民工 no 农民工)
    rest = OPENING_WORDS.sub("", before[: len(before) - len(subject)])
    return not rest


def _kind(reading: Reading, head: Note, note: Note) -> str | None:
    """The relation a change of this head makes with the level before."""
    is_rate = head.figure.kind in (PERCENT, PER_MILLE)
    if note.role == CHANGE and not is_rate and note.figure.same_unit(head.figure):
        return "difference"
    if note.role == POINTS and is_rate:
        return "point-change"
    if note.role == RATE and head.figure.kind == COUNT and note.figure.kind == PERCENT:
        real = note.qualifier == "real" or _other_basis(reading, head, note)
        return "growth" if not real else None
    return None


# rates a bulletin gives at constant or comparable prices whether or not its sentence says so
# (地区生产总值, 工业增加值, 农林牧渔业总产值; 建筑业总产值 grows at current prices), or on a
# basis of their own (同口径, 扣除…因素)
OTHER_BASIS = re.compile(
    r"生产总值|增加值|GDP|可比价|不变价|农林牧渔|农业(?:总)?产值|工业总产值"
    r"|可比口径|同口径|(?:扣除|剔除)[^,，;；。]*因素",
    re.IGNORECASE,
)


def _other_basis(reading: Reading, head: Note, note: Note) -> bool:
    """Whether a rate grows on another basis than the two levels as written: value added at
    constant prices ("地区生产总值1080亿元,比上年增长5.2%" over 1000亿元), a comparable basis
    the words from the level to the rate name (同口径增长6.5%)."""
    between = reading.simple[head.figure.end : note.figure.start]
    return any(OTHER_BASIS.search(words) for words in (head.subject, note.subject, between))
