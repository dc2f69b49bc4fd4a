"""Heads: the level a change, rate or share is attached to — the figure before it in its
statement whose subject, scope and period fit."""

from __future__ import annotations

import bisect
import re

from povcli.article.figures import Sentence
from povcli.article.near import BRACKETED
from povcli.article.notes import (
    ATTACHED_WITHIN,
    AVERAGE,
    CHANGE,
    LEVEL,
    LOOK_BACK,
    MULTIPLE_OF,
    POINTS,
    RATE,
    SHARE,
    Note,
    Reading,
    simplified,
)
from povcli.article.roles import LISTED, scope_of, segment_of, subject_of
from povcli.numbers import PER_MILLE, PERCENT, PERCENTAGE_POINT

CLAUSE_END = re.compile(r"[,，;；]")


def _last_clause(words: str) -> str:
    return CLAUSE_END.split(words)[-1]


def attach(note: Note, head: Note | None, sentence: Sentence, reading: Reading) -> Note | None:
    """A change qualifies the last level of its unit before it in its sentence; a rate the
    level a change just before it qualifies (减贫103万人,减贫率17.9%), else the last level;
    points the last rate level; a share the last amount. A level is the head of what
    follows. Returns the head after this figure."""
    if note.role == LEVEL:
        if "base-level" in note.cues:
            own = _compared_level(reading, note, sentence)
            if own is not None:
                note.head, note.subject = own.index, own.subject
        return head if "base-level" in note.cues else note
    earlier = _statement_before(reading, note, sentence)
    if note.role in (CHANGE, RATE) and _of_a_ranked_group(reading, note, earlier):
        note.cues.append("ranked")
        return head  # "比111学年减6.2万人(1.5%),以大专生少4.5万人(4%)最多": 大专生's fall
    if earlier and "base-level" in earlier[-1].cues and earlier[-1].clause == note.clause:
        # "比全国(2.5%)高3.7个百分点": the change is of the level compared, from the one in brackets
        compared = earlier[-1]
        if compared.head is None:
            return head
        earlier = [n for n in earlier if n.index <= compared.head]
    if note.role in (CHANGE, RATE):
        earlier = [
            n
            for n in earlier
            if not _base_of_a_percentage(reading, n)
            and not _progress(reading, n)
            and not _of_a_plan_amount(reading, n)
        ]
    target = _target(note, earlier)
    if target is None or _names_other_scope(note, target, sentence):
        return head
    if note.role == POINTS and _own_level_between(reading, target, note):
        return head  # "水电…占比19.28%;火电78.13亿千瓦时,…,环比增长4.68个百分点": 火电's points
    if note.role in (CHANGE, RATE) and _another_place_between(reading, target, note):
        return head  # "台中市相差26.5萬人…,新竹市…多9.9萬人、21.9%": 新竹市's, not 台中市's
    if note.role in (CHANGE, RATE) and _compared_with_target(reading, target, note):
        return head  # "杭州比宁波多3000亿元、25.0%" after 宁波市12000亿元: 杭州's gap over it
    if note.role in (CHANGE, RATE) and _respective_of_several(reading, earlier, target, note):
        return head  # "臺南市1,860千人、高雄市2,740千人,分別減少7千人": not 高雄市's alone
    if target.sentence != note.sentence and _dated_otherwise(note, target):
        return head  # "…减少至551万人;2015—2019年,…累计减少5024万人": another span
    if note.role == RATE and _names_its_own(reading, note, target):
        return head  # "…户籍人口…增加3万人;外来人口增长率为2.5%": another people's rate
    if note.role == CHANGE and _names_its_own(reading, note, target, OWN_CHANGE):
        note.cues.append(OWN_SUBJECT)  # "…冬小麦…增长0.3%;夏杂粮面积增加约73千公顷,增长1.5%"
        return head
    note.head = target.index
    note.subject = target.subject or note.subject
    note.period = target.period or note.period
    note.scope = target.scope or note.scope
    note.segment = target.segment or note.segment
    if note.base is None and note.role in (CHANGE, RATE, POINTS):
        note.base = _chain_base(note, sentence, reading)
    return head


def _own_level_between(reading: Reading, target: Note, note: Note) -> bool:
    """Whether the points' own sentence, after the target's, opens with a level of its own: a
    clause after a ; that names another part."""
    if target.sentence == note.sentence:
        return False
    own = reading.in_sentence(note.sentence)
    return any(n.role == LEVEL and n.index < note.index for n in own)


OF_A_PERCENTAGE = re.compile(r"的\s*\d[\d.]*\s*%")


def _base_of_a_percentage(reading: Reading, note: Note) -> bool:
    """ "累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元": the budget is
    what the progress is a percentage of, not the level the change after it is of."""
    after = reading.simple[note.figure.end : note.figure.end + 12]
    return note.role == LEVEL and bool(OF_A_PERCENTAGE.match(after))


# "完成年初预算36.7%": how far a plan is done, a percentage no change or rate after it is of
PROGRESS = re.compile(r"完成[^,，;；。]{0,8}(?:预算|计划|目标|任务)[^,，;；。\d]{0,4}$")


def _progress(reading: Reading, note: Note) -> bool:
    """ "支出1025.5亿元,完成年初预算36.7%,快于序时进度3.4个百分点,下降4%": the spending fell 4%,
    not the share of the budget spent."""
    if note.role != LEVEL or note.figure.kind != PERCENT:
        return False
    start = reading.sentence_of(note).start
    return bool(PROGRESS.search(reading.simple[start : note.figure.start]))


def _of_a_plan_amount(reading: Reading, note: Note) -> bool:
    """ "完成财政总收入4348万元,占年初预算10065万元的43.2%,同比下降6.5%": the percentage of the
    plan done, which the rate after it is not of (the amount done fell 6.5%)."""
    if note.role != LEVEL or note.figure.kind != PERCENT or note.index == 0:
        return False
    plan = reading.notes[note.index - 1]
    between = reading.simple[plan.figure.end : note.figure.start]
    return "plan-level" in plan.cues and re.fullmatch(r"\s*的\s*", between) is not None


def _compared_level(reading: Reading, note: Note, sentence: Sentence) -> Note | None:
    """The figure a compared one stands against: "比上年(36.6%)" — the last figure of its
    kind in the statement (this year's share); "贫困发生率比全国(2.5%)高…" — the latest level
    of what is compared (贫困发生率), stated before in the text."""
    at = note.figure.start - sentence.start
    words = _last_clause(sentence.text[max(0, at - LOOK_BACK) : at])
    subject = subject_of(re.split(r"比|较|与", words)[0])
    if len(subject) < 2:
        earlier = _statement_before(reading, note, sentence)
        same = [
            n
            for n in earlier
            if n.figure.kind == note.figure.kind
            and n.role in (LEVEL, SHARE)
            and n.figure.same_unit(note.figure)
            and "base-level" not in n.cues
        ]  # fmt: skip (a level of its unit: "较最近5年平均…较计画目标965,940公吨", not 5年)
        return same[-1] if same else None
    for other in reversed(reading.notes[: note.index]):
        if (
            other.role == LEVEL
            and "base-level" not in other.cues
            and other.figure.kind == note.figure.kind
            and other.subject.endswith(subject)
        ):
            return other
    return None


BARE_DIGITS = re.compile(r"[\d.,]+")


def _names_other_scope(note: Note, target: Note, sentence: Sentence) -> bool:
    """ "减贫率为13.9%,全国同期减贫率为14.9%": a rate whose own clause names another scope than
    the level before it is that scope's, not the level's."""
    at = note.figure.start - sentence.start
    words = _last_clause(sentence.text[max(0, at - LOOK_BACK) : at])
    own, segment = scope_of(words), segment_of(words)
    if note.role == SHARE and own is not None and not BARE_DIGITS.fullmatch(target.figure.written):
        # "山西省机电产品出口430亿元,…,占全省出口的76%", "普惠性幼儿园23.64万所,…,占全国幼儿园
        # 的比例86.16%": a place named only after 占 is the whole's; a bare number (民族8省区's
        # 8) is no part of a whole so named
        own = own if scope_of(words.split("占")[0]) is not None else None
    return (own is not None and own != target.scope) or (
        segment is not None and segment != target.segment
    )


# a clause opening with a city's or a county's name (新竹市、縣亦屬…; 海淀区…): the figures
# after it are that place's; 城市, 超市, 都市, 上市 and the like name none
PLACE_OPENING = re.compile(
    r"(?:^|[,，;；。:：])\s*(?:其中|而|另外)?\s*"
    r"([\u4e00-\u9fff]{1,3}[^\W\d_城都超股夜上门菜集闹全本该各我外][市縣县區区])"
)
PLACE_REACH = 300  # characters between a level and a change read for a place
CLAUSE_REACH = 40  # characters of the change's clause read for a comparison of two places


def _another_place_between(reading: Reading, target: Note, note: Note) -> bool:
    """Whether a clause between the level and the change opens with a place the level is
    not of."""
    between = reading.simple[target.figure.end : note.figure.start]
    if len(between) > PLACE_REACH:
        return False
    subject = simplified(target.subject)
    return any(place.group(1) not in subject for place in PLACE_OPENING.finditer(between))


# "杭州比宁波多3000亿元": one place's gap over another, the one after 比 being its base
PLACE_OVER_PLACE = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?:比|较)([\u4e00-\u9fff]{2,8}?)(?:多|少|高|低|增加|减少)[^,，;；。]*$"
)


def _compared_with_target(reading: Reading, target: Note, note: Note) -> bool:
    """Whether the change's clause compares another with the level's own (X比Y多, the level
    being Y's): the level is the base the gap is over, not the level the gap is of."""
    between = reading.simple[target.figure.end : note.figure.start]
    found = PLACE_OVER_PLACE.search(between[-CLAUSE_REACH:])
    if found is None:
        return False
    subject = simplified(target.subject)
    own, other = found.group(1), found.group(2)
    return _named_in(other, subject) and not _named_in(own, subject)


def _named_in(name: str, subject: str) -> bool:
    core = re.sub(r"[市县省区]$", "", name)
    return len(core) >= 2 and core in subject


RESPECTIVE_WORD = re.compile(r"分别")


def _respective_of_several(reading: Reading, earlier: list[Note], target: Note, note: Note) -> bool:
    """Whether the change or rate follows 分别 after two levels or more listed last in its
    sentence, all in the level's unit: it is one of a list that pairs with them in turn
    (`respective_heads`), not the last level's; one level with 分别 (比上年和2019年分别增长…)
    keeps it."""
    between = reading.simple[target.figure.end : note.figure.start]
    if len(between) > PLACE_REACH or not RESPECTIVE_WORD.search(between):
        return False
    if re.search(r"[(（]\s*$", between):
        return False  # "增加0.4家(2.8%)": a rate in brackets is its change's, bound as such
    # the two levels listed last, both of the level's unit ("医疗院所15.9家、医事人员262.6人,
    # 分别增加0.4家…、8.4人…": one of each unit, each change finds its own by its unit)
    levels = [n for n in earlier if n.role == LEVEL and n.sentence == note.sentence][-2:]
    return len(levels) == 2 and all(n.figure.same_unit(target.figure) for n in levels)


def _dated_otherwise(note: Note, target: Note) -> bool:
    """Whether a figure's own clause dates it otherwise than the level before the ;."""
    return note.period_from in ("its clause", "its sentence") and note.period != target.period


def _statement_before(reading: Reading, note: Note, sentence: Sentence) -> list[Note]:
    """The notes before a figure in its statement: its sentence, and the sentences before it
    that a ; joins to it ("…下降至471万人;…减贫103万人,减贫率达17.9%")."""
    number, earlier = note.sentence, 0
    first = number
    # as far back as a head may be attached (a list of thousands of clauses joined by ; is
    # read in time linear in its length)
    while first > 0 and earlier < ATTACHED_WITHIN and reading.sentences[first - 1].goes_on:
        first -= 1
        earlier += len(reading.sentences[first].figures)
    notes = [reading.note(f) for s in reading.sentences[first:number] for f in s.figures]
    # within its own sentence too, as far back as a head may be attached (a sentence of
    # thousands of comma-joined clauses is read in time linear in its length)
    at = bisect.bisect_left(sentence.figures, note.figure.start, key=lambda f: f.start)
    own = [reading.note(f) for f in sentence.figures[max(0, at - ATTACHED_WITHIN) : at]]
    notes += own
    if note.role not in (CHANGE, RATE):
        return notes
    # "贫困人口1000人(其中:…;缺劳力500人),比上年减少200人": what brackets closed before a
    # change holds is an aside, not the level it changes (a level compared with stays)
    reach = own[0].figure.start if own else note.figure.start
    asides = [
        (reach + m.start(), reach + m.end())
        for m in BRACKETED.finditer(reading.simple[reach : note.figure.start])
    ]
    return [
        n
        for n in notes
        if "base-level" in n.cues or not any(a < n.figure.start < b for a, b in asides)
    ]


# a rate that opens a clause after a ; with words of its own: "外来人口增长率为2.5%"
OWN_RATE = re.compile(
    r"[;；]\s*(?P<subject>[\u4e00-\u9fff]{2,12}?)(?:的)?(?:同比|比上年|较上年)?"
    r"(?:增长率|增长|增速|增幅|增加率|下降率|下降|减少率)(?:为|是|达)?\s*$"
)


# "以大专生少4.5万人最多": the group a ranking names, and its change
RANKED_CHANGE = re.compile(r"以[\u4e00-\u9fff]{1,12}?(?:减少|增加|少|多|减|增|下降|上升)$")


def _of_a_ranked_group(reading: Reading, note: Note, earlier: list[Note]) -> bool:
    """A change a ranking gives its group (以大专生少4.5万人), or the rate in brackets after it:
    of the group, whose level the text may not give, never of the level before."""
    if note.role == RATE and earlier and "ranked" in earlier[-1].cues:
        between = reading.simple[earlier[-1].figure.end : note.figure.start]
        return between.strip() in ("(", "（", "、", "或")
    start = max(0, note.figure.start - 16)
    return (
        note.role == CHANGE
        and RANKED_CHANGE.search(reading.simple[start : note.figure.start]) is not None
    )


FILLER_SUBJECT = re.compile(r"^(?:同比|比上年|较上年|与上年|全年|累计|名义|实际|比|较|与)")


# a change whose clause, after a ;, names what changed (夏杂粮面积增加约73千公顷)
OWN_CHANGE = re.compile(
    r"[;；]\s*(?P<subject>[\u4e00-\u9fff]{2,12}?)(?:的)?(?:同比|比上年|较上年)?"
    r"(?:增加|减少|下降|上升|增|减)了?(?:约|近|超过|逾)?\s*$"
)
OWN_SUBJECT = "names a subject of its own"


def _names_its_own(
    reading: Reading, rate: Note, target: Note, phrase: re.Pattern[str] = OWN_RATE
) -> bool:
    """Whether the rate's (or change's) clause, after a ;, names what it is the rate of, and
    that is not the level's own thing."""
    start = max(0, rate.figure.start - 30)
    found = phrase.search(reading.simple[start : rate.figure.start])
    if found is None or FILLER_SUBJECT.match(found["subject"]):
        return False  # ";同比增长12.5%": no words of its own
    return found["subject"] not in simplified(target.subject)


def _target(note: Note, earlier: list[Note]) -> Note | None:
    levels = [n for n in earlier if n.role == LEVEL and "base-level" not in n.cues]
    same_unit = [
        n for n in levels if (n.figure.unit, n.figure.kind) == (note.figure.unit, note.figure.kind)
    ] or [n for n in levels[-1:] if n.figure.same_unit(note.figure) and n.figure.unit != "item"]
    rates = [n for n in levels if n.figure.kind in (PERCENT, PER_MILLE)]
    amounts = [n for n in levels if n.figure.kind not in (PERCENT, PER_MILLE, PERCENTAGE_POINT)]
    if note.role == CHANGE:
        return same_unit[-1] if same_unit else None
    if note.role == RATE:
        last = earlier[-1] if earlier else None
        if last is not None and last.role == CHANGE and OWN_SUBJECT in last.cues:
            return None  # the rate of a change of something whose level is not given
        if last is not None and last.role == CHANGE and last.head is not None:
            return next(n for n in earlier if n.index == last.head)
        return levels[-1] if levels else None
    if note.role == POINTS:
        shares = [n for n in earlier if n.role == SHARE]
        last = max([*rates[-1:], *shares[-1:]], key=lambda n: n.index, default=None)
        return last
    if note.role == SHARE:
        return amounts[-1] if amounts else None
    if note.role in (AVERAGE, MULTIPLE_OF):
        return levels[-1] if levels else None
    return None


def _chain_base(note: Note, sentence: Sentence, reading: Reading) -> str | None:
    """A rate after a change compared with last year is compared with last year too:
    "比上年增加994元,名义增长10.6%"."""
    for figure in sentence.figures:
        other = reading.note(figure)
        if other.index >= note.index:
            break
        if other.head == note.head and other.base:
            return other.base
    return None


# "参保职工34917万人,参保离退休人员13157万人,分别比上年末增加2058万人和395万人"
RESPECTIVELY = re.compile(r"(?:分别|各)\s*(?:比|较|与|同比|增|减|下降|上升|提高)")
# between two changes of a 分别 list: a joiner, after the first's rate in brackets, and the
# second's own verb ("分别减少1家(-2.7%)及增加78家(2.0%)")
LISTED_CHANGE = re.compile(
    rf"^\s*[)）]?{LISTED.pattern}(?:增加|减少|增长|下降|上升|提高|降低|增|减)?\s*$"
)


def respective_heads(reading: Reading, notes: list[Note]) -> None:
    """Changes (or rates) a 分别 gives the levels listed right before it, one each in order:
    the first change is the first level's, not all of them the last level's; a change's rate
    in brackets goes with it."""
    for at, first in enumerate(notes):
        if first.role not in (CHANGE, RATE) or at == 0:
            continue
        between = reading.simple[notes[at - 1].figure.end : first.figure.start]
        if not RESPECTIVELY.search(between):
            continue
        group, own_rates = _listed_after(reading, notes[at:])
        levels = notes[max(0, at - len(group)) : at]
        if len(group) < 2 or len(levels) != len(group):
            continue
        if at > len(group) and _listed_level(reading, notes[at - len(group) - 1], levels[0]):
            for note in [*group, *(r for rates in own_rates.values() for r in rates)]:
                note.head = None  # three levels listed, two changes: whose is not guessed
            continue
        if any(level.role != LEVEL for level in levels) or (
            first.role == CHANGE and not all(n.figure.same_unit(first.figure) for n in levels)
        ):
            continue
        for level, note in zip(levels, group, strict=True):
            note.head, note.subject = level.index, level.subject
            for rate in own_rates.get(note.index, []):
                rate.head, rate.subject = level.index, level.subject


# what stands between a 分别 list of changes and the rates that go with them, one each
# ("比2019年分别减少1.6万人、4.7万人,降幅分别为14.5%、35.5%", "…,减幅各为…", "…,分别下降…")
RATES_AFTER_CHANGES = re.compile(
    r"^\s*[,，]?\s*(?:(?:增幅|降幅|减幅|增速|幅度)?(?:分别|各)(?:为|是|达到?)?"
    r"|分别(?:增长|下降|减少|增加|上升|提高|降低))\s*$"
)


def rates_after_changes(reading: Reading, notes: list[Note]) -> None:
    """Rates a 分别 (or 各) lists right after a 分别 list of changes, as many as they, are each
    the rate of the change in its place: of the level that change is of."""
    for at, first in enumerate(notes):
        if first.role != RATE or at < 2:
            continue
        between = reading.simple[notes[at - 1].figure.end : first.figure.start]
        if not RATES_AFTER_CHANGES.match(between):
            continue
        rates = _rates_listed(reading, notes[at:])
        changes = notes[at - len(rates) : at]
        if len(rates) < 2 or len(changes) != len(rates):
            continue
        if any(c.role != CHANGE or c.head is None for c in changes):
            continue
        if len({c.head for c in changes}) != len(changes):
            continue  # the changes are not one each of the levels
        for change, rate in zip(changes, rates, strict=True):
            rate.head, rate.subject = change.head, change.subject


def _rates_listed(reading: Reading, notes: list[Note]) -> list[Note]:
    listed = [notes[0]]
    for note in notes[1:]:
        gap = reading.simple[listed[-1].figure.end : note.figure.start]
        if note.role != RATE or not LISTED_CHANGE.match(gap):
            break
        listed.append(note)
    return listed


def _listed_level(reading: Reading, note: Note, first: Note) -> bool:
    """Whether a level is listed right before the first of the levels a 分别 binds
    ("医院36家、诊所3,928家、药局1,200家,…分别减少1家…及增加78家": one level too many)."""
    gap = reading.simple[note.figure.end : first.figure.start]
    return (
        note.role == LEVEL
        and note.sentence == first.sentence
        and note.figure.same_unit(first.figure)
        and re.fullmatch(r"[、和及与]\s*[^\d,，;；。]{0,12}", gap) is not None
    )


def _listed_after(reading: Reading, notes: list[Note]) -> tuple[list[Note], dict[int, list[Note]]]:
    """The changes (or rates) a 分别 lists, from the first, and the rates in brackets each
    change has right after it."""
    first = notes[0]
    group: list[Note] = [first]
    own_rates: dict[int, list[Note]] = {}
    for note in notes[1:]:
        if first.role == CHANGE and note.role == RATE and "rate in brackets" in note.cues:
            own_rates.setdefault(group[-1].index, []).append(note)
            continue
        last = own_rates.get(group[-1].index, [group[-1]])[-1]
        gap = reading.simple[last.figure.end : note.figure.start]
        if note.role != first.role or not LISTED_CHANGE.match(gap):
            break
        group.append(note)
    return group, own_rates
