"""A population's change and what makes it, in counts of people: the natural increase is the
births less the deaths ("自然增长6700人,其中出生人数为5.37万人,死亡人数为4.7万人"), and the
whole change the natural increase and the net moves in ("自然增加為負5929人、社會增加2萬374人,
整體比3月增加1萬4445人"; "整體人口增加61000人,包括自然增長的15200人,以及淨移入人口45800人"),
and the net moves in the people who moved in less those who moved out ("遷入人口數8萬9678人…;
遷出人口數6萬2770人,…淨遷入人口數為2萬6908人").

Each figure is named by the words right before it, the only ones a bulletin gives it. Within one
statement (a sentence and those a ; joins to it), with one figure of each name, the binding is
plain and a gap is wrong; across the
sentences of a few paragraphs (a month's births in one, its natural increase in another) several
readings are possible, so the relation is shown only when it holds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import SPAN, made_of, scopes_fit, signed, statement_start, text_span
from povcli.article.notes import CHANGE, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT

# the words right before a figure that name it (a rate, 自然增长率, is no count)
NATURAL = re.compile(r"自然增[长加](?:人[数口])?[的为是:：]?负?$")
BIRTHS = re.compile(r"(?:出生(?:人[数口])?|出生数|新生儿(?:出生数)?)[为是:：]?(?:仅|约)?$")
DEATHS = re.compile(r"死亡(?:人[数口])?数?[为是:：]?(?:仅|约)?$")
MOVES = re.compile(
    r"(?:社会增[加长]|净迁[入移](?:人口)?(?:人?数)?|净移入(?:人口)?(?:人?数)?)[的为是:：]?负?$"
)
# the people who moved in and out ("遷入人口數8萬9678人", "遷出人口數6萬2770人"), not their net
MOVED_IN = re.compile(r"(?<!净)迁入(?:人口)?(?:人?数)?[为是:：有达]?(?:仅|约)?$")
MOVED_OUT = re.compile(r"(?<!净)迁出(?:人口)?(?:人?数)?[为是:：有达]?(?:仅|约)?$")
NET_OUT = re.compile(r"净迁出(?:人口)?(?:人?数)?[的为是:：]?$")
WHOLE = re.compile(r"(?:整体|总人口|人口总数|人口)[^,，;；。]{0,8}(?:增加|增长|减少|增)了?$")
# a group of people whose change is no natural increase and net moves in ("流动人口增加1.5万人",
# "出生人口比上年减少4000人"); a registered population's (户籍) is its own births, deaths and
# registered moves, so it may be a whole
A_GROUP = re.compile(
    r"出生|死亡|城镇|乡村|农村|农业|男|女|岁|流动|迁|移|劳动|就业|老年|儿童|外来|贫困"
)
CLAUSE = re.compile(r"[^,，;；:：、]*$")  # the words of a figure's own clause
NAMES = ("natural", "births", "deaths", "moves", "whole", "in", "out", "net_out")
NAMED_WITHIN = 16  # characters before a figure that name it
PARAGRAPHS_APART = 8  # a release gives a month's births a few paragraphs from its balance
NATURAL_NOTE = "by definition: the natural increase is the births less the deaths"
BALANCE_NOTE = "by definition: a population changes by its natural increase and its net moves in"
NET_MOVES_NOTE = (
    "by definition: the net moves in are the people who moved in less those who moved out"
)


def natural_increase(reading: Reading) -> Iterator[Relation]:
    yield from _identities(reading, "natural", ("births", "deaths"), "difference", NATURAL_NOTE)


def population_balance(reading: Reading) -> Iterator[Relation]:
    yield from _identities(reading, "whole", ("natural", "moves"), "sum", BALANCE_NOTE)


def net_moves(reading: Reading) -> Iterator[Relation]:
    """ "遷入人口數8萬9678人,…遷出人口數6萬2770人,淨遷入人口數為2萬6908人": in less out; a net
    outflow (淨遷出) the other way round."""
    yield from _identities(reading, "moves", ("in", "out"), "difference", NET_MOVES_NOTE)
    yield from _identities(reading, "net_out", ("out", "in"), "difference", NET_MOVES_NOTE)


def _identities(
    reading: Reading, claimed: str, parts_named: tuple[str, str], kind: str, note: str
) -> Iterator[Relation]:
    """Each figure so named (the natural increase, a whole change) against the nearest two
    that make it (the births and the deaths; the natural increase and the net moves in)."""
    named = _named(reading)
    for claim in named[claimed]:
        inputs = [_near(reading, named[name], claim) for name in parts_named]
        found = [n for n in inputs if n is not None]
        if len(found) == len(parts_named):
            plain = _plain(reading, claim, found)
            yield from _relation(reading, claim, found, kind, note, plain)


# a period a figure's statement may name before it (6月, 1-6月, 上半年: the spans of `near`),
# or a year back (同月, 上年) or the months so far (累计)
PERIOD = re.compile(SPAN.pattern + r"|累计|同月|同期|上年|去年")


def _plain(reading: Reading, claim: Note, inputs: list[Note]) -> bool:
    """Whether a claim's binding within its statement is plain: of no part (其中省会净迁入), of the
    place and the period its inputs are (6月迁入…;1至6月累计迁出…,净迁入…; 上年同月净迁入…)."""
    clause = CLAUSE.search(reading.sentence_of(claim).words_before(claim.figure, 40))
    if clause and "其中" in clause[0]:
        return False
    if not all(scopes_fit(n.scope, claim.scope) for n in inputs):
        return False
    return len({_period(reading, n) for n in [claim, *inputs]} - {""}) <= 1


def _period(reading: Reading, note: Note) -> str:
    """The last period a figure's own clause names before it, else ""."""
    sentence = reading.sentence_of(note)
    clause = CLAUSE.search(sentence.text[: note.figure.start - sentence.start])
    found = PERIOD.findall(clause[0] if clause else "")
    return re.sub(r"\s|至|到|—|~|～", "-", found[-1]) if found else ""


def _relation(
    reading: Reading, claim: Note, inputs: list[Note], kind: str, note: str, plain: bool
) -> Iterator[Relation]:
    # one statement: a sentence and those a ; joins to it ("遷入…;遷出…,淨遷入…")
    statement = statement_start(reading, claim.sentence)
    one_sentence = plain and all(statement_start(reading, n.sentence) == statement for n in inputs)
    first, second = (_value(n) for n in inputs)
    claimed = _value(claim)
    minus = kind == "difference"
    roles: dict[str, Figure | list[Figure]] = (
        {"old": second, "new": first} if minus else {"parts": [first, second]}
    )
    if not one_sentence and not made_of(claimed, first, second, minus):
        return  # a reading across sentences is offered only when it holds
    start, end, spans = text_span(reading, claim, *inputs)
    yield Relation(kind, dict(roles), start, end, claimed, notes=[note], spans=spans,
                   confident=one_sentence)  # fmt: skip


def _value(note: Note) -> Figure:
    return signed(note) if note.role == CHANGE else note.figure


def _named(reading: Reading) -> dict[str, list[Note]]:
    """The counts of people the words right before them name, by name."""
    named: dict[str, list[Note]] = {name: [] for name in NAMES}
    for note in reading.notes:
        if note.figure.kind != COUNT or note.figure.unit != "person":
            continue
        words = reading.sentence_of(note).words_before(note.figure, NAMED_WITHIN).strip()
        for name, pattern in (("natural", NATURAL), ("births", BIRTHS), ("deaths", DEATHS),
                              ("moves", MOVES), ("in", MOVED_IN), ("out", MOVED_OUT),
                              ("net_out", NET_OUT)):  # fmt: skip
            if pattern.search(words):
                named[name].append(note)
        if note.role == CHANGE and _a_whole_populations(words):
            named["whole"].append(note)
    return named


def _a_whole_populations(words: str) -> bool:
    """Whether the words name the change of a whole population, no group's of it."""
    clause = CLAUSE.search(words)
    own = clause.group() if clause else words
    return bool(WHOLE.search(words)) and not NATURAL.search(words) and not A_GROUP.search(own)


def _near(reading: Reading, candidates: list[Note], claim: Note) -> Note | None:
    """The one figure so named in the claim's statement; else the nearest one of its scope
    within a few paragraphs (None when none, or two as near)."""
    statement = statement_start(reading, claim.sentence)
    same = [
        n
        for n in candidates
        if statement_start(reading, n.sentence) == statement and n is not claim
    ]
    if same:
        return same[0] if len(same) == 1 else None
    near = [
        n
        for n in candidates
        if n is not claim
        and abs(n.paragraph - claim.paragraph) <= PARAGRAPHS_APART
        and scopes_fit(n.scope, claim.scope)
    ]
    if not near:
        return None
    near.sort(key=lambda n: abs(n.index - claim.index))
    if len(near) > 1 and abs(near[0].index - claim.index) == abs(near[1].index - claim.index):
        return None
    return near[0]
