"""Pulls and contributions to a total's growth: "全年地区生产总值…增长5.2%。…第一产业拉动GDP增长
0.7个百分点,第二、三产业分别拉动增长2.1和2.4个百分点,三次产业对GDP增长的贡献率分别为13.3%、
40.4%和46.3%". A part's pull is its increment as a percentage of the total's level a year before, so
the pulls of every part add up to the total's rate (0.7 + 2.1 + 2.4 = 5.2), and a part's
contribution is its pull as a percentage of that rate (0.7 / 5.2 = 13.5%, 13.3% within the
rounding). The total is the one rate before the pulls whose subject the words after 拉动 name
(GDP, 规上工业), of their span of time; the parts make the total only when the pulls name every
member of a partition (三次产业, the three uses of GDP, the three sections of industry)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from povcli.article.figures import LIST_JOINER, Figure
from povcli.article.near import (
    ECONOMY,
    PLACE,
    PLACE_WORDS,
    one_span,
    signed,
    span_of,
    spans_named,
    statements,
    text_span,
)
from povcli.article.notes import LEVEL, POINTS, RATE, SHARE, Note, Reading, grammar, simplified
from povcli.article.partitions import hundred
from povcli.article.relations import Relation
from povcli.article.sharechanges import REAL_GROWTH
from povcli.numbers import PERCENT

# the words right before a pull's points: its verb (下拉 and 向下拉动 pull down) and what
# it pulls (GDP增长, 全市工业增加值增速, 国内生产总值)
# ("影响全市投资下降7.9个百分点": a fall's pull, down)
PULL_VERBS = "向下拉动|下拉|上拉|拉动|影响"
PULL = re.compile(rf"(?P<way>{PULL_VERBS})(?P<named>[^,，;；。:：\d%]{{0,20}})$")
DOWN = ("向下拉动", "下拉")
FALL = re.compile(r"下降|回落|减少")
NAMED_ENDING = re.compile(
    r"(?:的)?(?:拉动)?(?:贡献)?(?:分别)?(?:增长|增速|增幅|下降|回落|为|达|是)*$"
)
CONTRIBUTION = re.compile(r"贡献率[^,，;；。\d%]{0,8}$")
# a statement reaches back to its total's rate within so many characters
TOTAL_WITHIN = 1500
PULLS_NOTE = (
    "each part's pull is its increment as a percentage of the total a year before: the pulls"
    " of all the parts make the total's rate"
)
CONTRIBUTION_NOTE = (
    "a part's contribution to growth is its pull as a percentage of the total's rate"
)


@cache
def _pull_partitions() -> list[list[re.Pattern[str]]]:
    return [[re.compile(member) for member in members] for members in grammar()["pull_parts"]]


def pulls(reading: Reading) -> Iterator[Relation]:
    for statement in statements(reading):
        found = _pulls_of(reading, statement)
        if not found:
            continue
        named = next((words for _, words in found if words), "")
        if _of_last_year(reading, found[0][0]):
            continue  # "上年三次产业分别拉动经济增长…": last year's pulls, whose rate is not given
        total = _total_rate(reading, found[0][0], named)
        if total is None:
            continue
        notes = [note for note, _ in found]
        shared = [_share_and_rate(reading, note) for note in notes]
        of_all = None not in shared and _make_the_whole([s for s in shared if s is not None])
        if _every_member(reading, statement, notes) or of_all:
            start, end, spans = text_span(reading, total, *notes)
            parts = [_pull_figure(note) for note in notes]
            yield Relation("sum", {"parts": parts}, start, end, signed(total),
                           notes=[PULLS_NOTE if not of_all else SHARES_PULLS_NOTE],
                           spans=spans)  # fmt: skip
        yield from _contributions(reading, statement, notes, total)
        for note, share_and_rate in zip(notes, shared, strict=True):
            yield from _pull_of_levels(reading, note, total)
            if share_and_rate is not None:
                yield _pull_of_share(reading, note, share_and_rate, total)
        if of_all:
            yield _growth_of_shares(reading, [s for s in shared if s is not None], total)


def _pulls_of(reading: Reading, statement: list[Note]) -> list[tuple[Note, str]]:
    """The statement's pulls with the words naming what each pulls ("" when a list goes on)."""
    found: list[tuple[Note, str]] = []
    last: Note | None = None
    for note in statement:
        if note.role != POINTS:
            last = note
            continue
        before = reading.sentence_of(note).words_before(note.figure)
        pull = PULL.search(before.rstrip())
        if pull is not None:
            down = pull["way"] in DOWN or (pull["way"] == "影响" and FALL.search(pull["named"]))
            note_sign = -1 if down else 1
            found.append((_with_sign(note, note_sign), _named(pull["named"])))
        elif found and last is found[-1][0] and LIST_JOINER.fullmatch(before):
            found.append((note, ""))  # "分别拉动增长2.1和2.4个百分点"
        last = note
    return found


def _with_sign(note: Note, sign: int) -> Note:
    return replace(note, sign=sign) if sign < 0 else note


def _named(words: str) -> str:
    return NAMED_ENDING.sub("", words.strip())


def _pull_figure(note: Note) -> Figure:
    """The pull as the percentage it is (of last year's total), signed."""
    return replace(signed(note), unit="%", kind=PERCENT)


LEVELS_NOTE = (
    "a part's pull is its increment (its level × rate / (1 + rate)) over the total a year"
    " before (its level / (1 + its rate))"
)


def _pull_of_levels(reading: Reading, pull: Note, total: Note) -> Iterator[Relation]:
    """ "第一产业投资完成16.4亿元,同比增长11.7%,上拉全市投资增速1.1个百分点" after "全市固定资产
    投资完成177.4亿元,同比增长9.6%": the pull from the part's level and rate and the total's,
    all nominal (a value added's rate is at constant prices: its levels make no pull)."""
    rate = _own_rate(reading, pull)
    if rate is None or rate is total or total.head is None or rate.head is None:
        return
    level, whole = reading.notes[rate.head], reading.notes[total.head]
    if level.role != LEVEL or whole.role != LEVEL or level is whole:
        return
    if level.sentence != pull.sentence or not level.figure.same_unit(whole.figure):
        return
    if rate.base not in (None, "previous") or "real" in (rate.qualifier, total.qualifier):
        return
    if any(REAL_GROWTH.search(simplified(n.subject)) for n in (level, whole)):
        return
    start, end, spans = text_span(reading, whole, total, level, rate, pull)
    roles: dict[str, Figure | list[Figure]] = {
        "level": level.figure, "growth": signed(rate),
        "total": whole.figure, "total_growth": signed(total),
    }  # fmt: skip
    yield Relation("pull", roles, start, end, signed(pull), notes=[LEVELS_NOTE], spans=spans)


SHARE_PULL_NOTE = (
    "a part's pull is its share of the total × its rate / (1 + its rate) × (1 + the total's"
    " rate): its increment over the total a year before"
)
SHARES_PULLS_NOTE = (
    "the parts' shares of the total make 100%, so they are all of it: their pulls make the"
    " total's rate"
)
SHARES_GROWTH_NOTE = (
    "the parts' shares make 100% of the total: their rates, weighted by the shares a year"
    " before, make the total's rate"
)


def _share_and_rate(reading: Reading, pull: Note) -> tuple[Note, Note] | None:
    """ "城镇投资增长33.0%,占全市投资比重为73.6%,拉动全市投资增长20.6个百分点": the part's share of
    the total this year and its own rate, in the pull's clause run."""
    rate = _own_rate(reading, pull)
    if rate is None or rate.base not in (None, "previous") or rate.qualifier == "real":
        return None
    between = [n for n in reading.in_sentence(pull.sentence) if rate.index < n.index < pull.index]
    shares = [n for n in between if n.role == SHARE and n.figure.kind == PERCENT]
    if len(shares) != 1 or len(between) != 1 or shares[0].base is not None:
        return None  # (a share's change in points, another rate: no plain clause run)
    return shares[0], rate


def _make_the_whole(shared: list[tuple[Note, Note]]) -> bool:
    """Whether the parts' shares, of one whole, make 100% within their rounding."""
    if len(shared) < 2 or len({simplified(s.whole or "") for s, _ in shared}) != 1:
        return False
    low = sum(s.figure.bounds.low for s, _ in shared)
    high = sum(s.figure.bounds.high for s, _ in shared)
    return low <= 100 <= high


def _pull_of_share(
    reading: Reading, pull: Note, share_and_rate: tuple[Note, Note], total: Note
) -> Relation:
    share, rate = share_and_rate
    start, end, spans = text_span(reading, total, rate, share, pull)
    roles: dict[str, Figure | list[Figure]] = {
        "level": share.figure, "growth": signed(rate),
        "total": hundred(share.figure), "total_growth": signed(total),
    }  # fmt: skip
    return Relation("pull", roles, start, end, signed(pull), notes=[SHARE_PULL_NOTE], spans=spans)


def _growth_of_shares(reading: Reading, shared: list[tuple[Note, Note]], total: Note) -> Relation:
    """The total's rate from its parts' shares and rates: a year before, each part was its share
    over one plus its rate, and all of them the whole over one plus the total's rate."""
    shares = [s for s, _ in shared]
    rates = [r for _, r in shared]
    start, end, spans = text_span(reading, total, *shares, *rates)
    roles: dict[str, Figure | list[Figure]] = {
        "total": hundred(shares[0].figure),
        "parts": [s.figure for s in shares],
        "rates": [signed(r) for r in rates],
    }
    return Relation("growth-of-sum", roles, start, end, signed(total),
                    notes=[SHARES_GROWTH_NOTE], spans=spans)  # fmt: skip


# what a contribution is to: "对全省第一产业增长的贡献率", "对GDP增长的贡献率分别为"
CONTRIBUTED_TO = re.compile(r"对(?P<named>[^,，;；。\d%]*?)(?:的)?(?:增长|增速)?的?贡献率[^对]*$")


def _to_the_total(reading: Reading, share: Note, total: Note) -> bool:
    """Whether the contribution is to the growth of the total the pulls make: "对全省第一产业
    增长的贡献率" after pulls of the city's growth, or "对经济增长的贡献率" after a pull of
    industry, is a share of another total's growth."""
    sentence = reading.sentence_of(share)
    before = reading.simple[max(sentence.start, share.figure.start - 80) : share.figure.start]
    found = CONTRIBUTED_TO.search(before)
    return found is None or _fits(reading, total, _named(found["named"]))


def _fits(reading: Reading, note: Note, named: str) -> bool:
    """Whether the rate's subject is what the words name (GDP: 生产总值, not 第一产业增加值 nor
    人均生产总值; 全省经济: the province's)."""
    place = PLACE.match(named)
    core = PLACE.sub("", named)
    subject = re.sub("规上", "规模以上", _subject(reading, note))
    if place and place.group() not in subject:
        return False
    if not core or ECONOMY.search(core):
        return THE_ECONOMY.search(subject) is not None and not re.search(
            "产业|人均|增加值", subject
        )
    wanted = re.sub("规上", "规模以上", core)
    return wanted in subject and not ANOTHER_MEASURE.search(subject.split(wanted, 1)[1])


# the economy's growth: GDP, 生产总值, or 经济 of a place (全市经济), not 数字经济 nor 民营经济
THE_ECONOMY = re.compile(
    rf"GDP|生产总值|(?:^|[^\u4e00-\u9fff]|{PLACE_WORDS}|全年)经济", re.IGNORECASE
)
# what follows the words a pull names, when the rate is of another measure of it: "规模以上工业
# 企业实现利润总额…增长10.0%" is no growth of 规上工业 (its value added)
ANOTHER_MEASURE = re.compile(r"^企业|利润|收入|投资|用电|出口|进口|税")


def _total_rate(reading: Reading, first: Note, named: str) -> Note | None:
    """The nearest rate before the pulls, of their span of time, whose subject the words
    name (GDP: 生产总值, not 第一产业增加值 nor 人均生产总值)."""
    reach = first.figure.start - TOTAL_WITHIN
    found: Note | None = None
    own = _own_rate(reading, first)
    for note in reversed(reading.notes[: first.index]):
        if note.figure.start < reach:
            break
        if note.role != RATE or note.figure.kind != PERCENT or note.base not in (None, "previous"):
            continue
        if note is own:
            continue  # "工业投资增长12.0%,拉动投资增长3.6个百分点": the part's own rate
        subject = _subject(reading, note)
        if LAST_YEAR.match(subject):
            continue  # "上年全市地区生产总值增长4.0%": last year's growth, not the one pulled
        if _names_a_part(subject):
            continue  # "第三产业投资增长6.0%;三次产业投资分别拉动投资增长…": a part's own rate
        if not _fits(reading, note, named):
            continue  # "拉动全省经济增长" after the city's growth: the province's, not given
        if found is None:
            spans = span_of(reading, note), span_of(reading, first)
            if spans[0] != spans[1] and not _span_carried(note, first, *spans):
                continue
            found = note
            if _names_its_span(reading, first):
                return found
        elif note.sentence == found.sentence and span_of(reading, note) != span_of(reading, found):
            # "全年…增长5.6%,其中四季度增长6.0%。三次产业分别拉动…": the pulls' sentence names
            # no span, and the year's and the quarter's growth both stand before it
            return None
        else:
            return found
    return found


def _span_carried(total: Note, first: Note, total_span: str, pull_span: str) -> bool:
    """Whether the pulls, naming no span, are of the total's, which their period carries
    ("1-9月,全县固定资产投资…增长6.0%。…第一产业投资…上拉全县投资增速1.2个百分点")."""
    return total.period == first.period and one_span(total_span, pull_span, first.period)


# a pull whose clause opens with its verb: its subject is the previous clause's
ELIDED = re.compile(rf"[,，]\s*(?:{PULL_VERBS})[^,，;；。]*$")


def _own_rate(reading: Reading, first: Note) -> Note | None:
    """The pulling part's own rate: the last rate of the pull's sentence before it, where the
    pull's clause names no subject of its own (",拉动…")."""
    sentence = reading.sentence_of(first)
    if not ELIDED.search(sentence.text[: first.figure.start - sentence.start]):
        return None
    before = [n for n in reading.in_sentence(first.sentence) if n.index < first.index]
    rates = [n for n in before if n.role == RATE]
    return rates[-1] if rates else None


def _names_a_part(subject: str) -> bool:
    return any(m.search(subject) for members in _pull_partitions() for m in members)


# a rate of the year before ("上年全市地区生产总值增长4.0%。今年三次产业分别拉动…")
LAST_YEAR = re.compile(r"^(?:上年|去年|上一年|前一年)")


def _of_last_year(reading: Reading, first: Note) -> bool:
    sentence = reading.sentence_of(first)
    return (
        LAST_YEAR.match(sentence.text[: first.figure.start - sentence.start].lstrip()) is not None
    )


def _names_its_span(reading: Reading, first: Note) -> bool:
    """Whether the pulls' own sentence names their span of time before them (11月份…拉动)."""
    sentence = reading.sentence_of(first)
    return bool(spans_named(sentence.text[: first.figure.start - sentence.start]))


# a rate whose subject is its verb only ("…工业增加值延续平稳向好趋势,同比增长9.6%")
VERB_ONLY = re.compile(r"^(?:同比|比上年|较上年)?(?:增长|下降|增加|减少)$")


def _subject(reading: Reading, note: Note) -> str:
    """The rate's subject, or the words of its sentence before it where the subject is its
    verb alone."""
    subject = simplified(note.subject)
    if VERB_ONLY.match(subject):
        sentence = reading.sentence_of(note)
        return sentence.text[: note.figure.start - sentence.start]
    return subject


def _every_member(reading: Reading, statement: list[Note], pulls_: list[Note]) -> bool:
    """Whether the pulls name every member of a partition, one pull each."""
    start = reading.sentence_of(statement[0]).start
    words = _pulled_by_all(reading.simple[start : pulls_[-1].figure.end])
    return any(
        len(members) == len(pulls_) and all(member.search(words) for member in members)
        for members in _pull_partitions()
    )


# 三次产业 names the pulls' parts where its clause pulls ("三次产业分别拉动…", "三次产业对经济增长的
# 拉动贡献分别为…"), not in "三次产业结构调整为9.8:38.1:52.1,工业拉动…"
ALL_SECTORS = re.compile(r"三次产业(?![^,，;；。]*(?:拉动|贡献))")


def _pulled_by_all(words: str) -> str:
    return ALL_SECTORS.sub("", words)


def _contributions(
    reading: Reading, statement: list[Note], pulls_: list[Note], total: Note
) -> Iterator[Relation]:
    """Each pull's contribution, when the statement gives one per pull in their order."""
    shares = [n for n in statement if _a_contribution(reading, n, statement)]
    if len(shares) != len(pulls_) or not _of_the_pulls(reading, pulls_, shares):
        return
    if not all(_to_the_total(reading, share, total) for share in shares):
        return
    for pull, share in zip(pulls_, shares, strict=True):
        start, end, spans = text_span(reading, total, *sorted([pull, share], key=lambda n: n.index))
        yield Relation("percent-of", {"a": _pull_figure(pull), "b": signed(total)}, start, end,
                       share.figure, notes=[CONTRIBUTION_NOTE], spans=spans)  # fmt: skip


def _a_contribution(reading: Reading, note: Note, statement: list[Note]) -> bool:
    """A percentage after 贡献率, or listed after one ("贡献率分别为13.3%、40.4%和46.3%")."""
    if note.figure.kind != PERCENT:
        return False
    before = reading.sentence_of(note).words_before(note.figure)
    if CONTRIBUTION.search(before.rstrip()):
        return True
    at = statement.index(note)
    return (
        at > 0
        and LIST_JOINER.fullmatch(before) is not None
        and _a_contribution(reading, statement[at - 1], statement)
    )


# the words that name what a list of contributions is of, before 对…贡献率 or 贡献率 in its clause
CONTRIBUTORS = re.compile(
    r"(?P<named>[^,，;；。:：\d%]*?)(?:对[^,，;；。\d%]*)?贡献率[^,，;；。\d%]*$"
)
NAMES_NONE = re.compile(r"^(?:其中|其|分别|三次产业|各产业|三大产业|三大门类|三大需求)*$")


def _of_the_pulls(reading: Reading, pulls_: list[Note], shares: list[Note]) -> bool:
    """Whether each contribution is of the part whose pull the zip pairs it with: in the
    pull's own clause group (no ; between them) where it comes first ("…,对工业增长的贡献率
    105.3%,上拉…7.9个百分点"), and listed after the pulls only where the list names no parts
    of its own or the pulls' parts in their order ("三次产业对GDP增长的贡献率分别为…", not
    "第三产业、第二产业、第一产业对经济增长的贡献率分别为…" nor "工业、建筑业…的贡献率分别为…")."""
    for pull, share in zip(pulls_, shares, strict=True):
        if share.index < pull.index and re.search(
            "[;；]", reading.simple[share.figure.end : pull.figure.start]
        ):
            return False
    if shares[0].index < pulls_[-1].index:
        return True
    before = reading.simple[pulls_[-1].figure.end : shares[0].figure.start]
    named = CONTRIBUTORS.search(before)
    if named is None:
        return True
    words = re.sub(r"[、,，和与及\s]", "", named["named"])
    if NAMES_NONE.match(words):
        return True
    pulled = reading.simple[reading.sentence_of(pulls_[0]).start : pulls_[-1].figure.end]
    return _named_in_order(words, pulled, len(pulls_))


def _named_in_order(words: str, pulled: str, count: int) -> bool:
    """Whether the words name the members of a partition in the order the pulls name them."""
    for members in _pull_partitions():
        if len(members) != count:
            continue
        here = [m.search(words) for m in members]
        there = [m.search(_pulled_by_all(pulled)) for m in members]
        if all(here) and all(there):
            order = sorted(range(count), key=lambda i: here[i].start())  # type: ignore[union-attr]
            return order == sorted(range(count), key=lambda i: there[i].start())  # type: ignore[union-attr]
    return False
