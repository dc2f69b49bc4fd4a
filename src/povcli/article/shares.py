"""Shares: a part and the whole the words name (占全国农村贫困人口的比重为37.2%), the whole found
near the part, in brackets, or before 其中."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from povcli.article.figures import Figure
from povcli.article.near import (
    additive,
    clause_up_to,
    levels_around,
    listed_from,
    population_of,
    scopes_fit,
    shared_run,
    span_of,
    statement_start,
    text_span,
    whole_named_among,
)
from povcli.article.notes import (
    ATTACHED_WITHIN,
    CARRIED_SHARE,
    LEVEL,
    LOOK_BACK,
    SHARE,
    Note,
    Reading,
    grammar,
    simplified,
)
from povcli.article.relations import Relation
from povcli.numbers import COUNT, Interval

# a share "of" a budget, a plan or a target is a progress against its own line (税收收入完成
# 11136万元,占调整预算90.75%; 非税收入…占调整预算117.66%): no share of one whole
PLAN = re.compile(r"(?:预算|计划|目标|任务)数?$")


def of_a_plan(note: Note) -> bool:
    return bool(note.whole and PLAN.search(simplified(note.whole)))


def shares(reading: Reading) -> Iterator[Relation]:
    """A part over its whole: "占可支配收入的比重为57.5%", "占比83%", "是平均数的86.7%"; a list
    after 分别, each share of its part in order ("A、B、C,分别占…的R1、R2和R3")."""
    for note in reading.notes:
        if note.role != SHARE or of_a_plan(note):
            continue  # (占预算的105%: a progress against the budget, no share of a figure)
        pairs = _listed_pairs(reading, note)
        if pairs is not None:  # (before the words before 占: "珠海市(157,188人次)及…分别占")
            for part, figure in pairs:
                yield from _share_of(reading, part, note, figure)
            continue
        named = _part_named(reading, note)
        if named is NAMED_BUT_ABSENT:
            continue  # the words name a part the text gives no figure for
        if named is not None:
            if note.head is None and not _stated_just_before(reading, named, note):
                continue
            part = named
        elif note.head is not None:
            part = reading.notes[note.head]
        else:
            continue
        yield from _share_of(reading, part, note, note.figure)


def _share_of(reading: Reading, part: Note, note: Note, figure: Figure) -> Iterator[Relation]:
    """The share `figure` of the part, its whole as the share's words (`note`) name it."""
    if part.role != LEVEL or part.figure.kind not in (COUNT,):
        return
    candidates = _in_brackets(reading, part, note) or wholes_named(reading, part, note)
    start, end, _ = text_span(reading, part, note)
    relation = Relation("share", {"part": part.figure}, start, end, figure)
    bound = note.whole or "whole after 其中" in note.cues  # the words or a 其中 name the whole
    by_noun, why = (None if bound else _whole_by_noun(reading, part)), BY_NOUN_NOTE
    if not candidates and BARE_TOTAL.fullmatch((note.whole or "").strip()):
        by_noun, why = _total_before(reading, part), TOTAL_NOTE  # "…(佔總數51.9%)"
        if by_noun is None:  # "全省有普惠性幼儿园4747所,…,占总数的68.08%": 幼儿园's total
            by_noun, why = _whole_by_noun(reading, part), TOTAL_BY_NOUN_NOTE
    elif not candidates and note.whole:
        by_noun, why = _head_named_loosely(reading, part, note), LOOSE_HEAD_NOTE
    if by_noun is not None:
        # "科技类大专生约51.4万人,占比46.9%" and, paragraphs on, "大专生共109.5万人": shown only
        relation.roles["whole"] = replace(by_noun.figure, unit=part.figure.unit)
        relation.confident = False
        relation.notes.append(why.format(by_noun.subject, by_noun.figure.written))
        start, end, spans = text_span(reading, by_noun, part, note)
        relation.start, relation.end, relation.spans = start, end, spans
        yield relation
        return
    if not candidates:
        relation.missing["whole"] = _no_whole(note)
        yield relation
        return
    candidates = _without_thresholds(list({c.index: c for c in candidates}.values()))
    if len({(c.figure.bounds.low, c.figure.bounds.high) for c in candidates}) == 1:
        candidates = candidates[:1]  # one figure stated twice (a lead and its paragraph)
    whole = candidates[0]
    relation.roles["whole"] = replace(whole.figure, unit=part.figure.unit)
    if not note.whole and "whole after 其中" not in note.cues:
        relation.confident = False  # 占X% names no whole: the words do not bind one
    elif not note.whole:
        relation.alternatives = []  # the list after 其中 binds the whole it follows
    start, end, spans = text_span(reading, whole, part, note)
    relation.start, relation.end, relation.spans = start, end, spans
    if len(candidates) > 1 and note.whole:
        # which of several figures the words name is not guessed, even one that fits
        listed = ", ".join(c.figure.written for c in sorted(candidates, key=lambda c: c.index))
        del relation.roles["whole"]
        relation.missing["whole"] = (
            f"the text gives several figures for {note.whole} ({listed}); povcli does not guess"
        )
    elif len(candidates) > 1:
        relation.confident = False
        relation.alternatives = [
            {"whole": replace(c.figure, unit=part.figure.unit)} for c in candidates[1:]
        ]
        listed = ", ".join(c.figure.written for c in candidates)
        relation.notes.append(f"the text names no whole; figures it could be: {listed}")
    else:
        relation.notes.append(f"the whole is {whole.subject or 'the total'} {whole.figure.written}")
    yield relation


def _without_thresholds(candidates: list[Note]) -> list[Note]:
    """A threshold the whole passes (常住人口…达到过亿) is no second figure for it beside the
    exact one it holds (常住人口12656.8万人)."""
    exact = [c for c in candidates if "open-ended" not in c.cues]
    rough = [c for c in candidates if "open-ended" in c.cues]
    if exact and all(any(r.figure.bounds.contains(e.figure.value) for e in exact) for r in rough):
        return exact
    return candidates


RESPECTIVE_SHARE = re.compile(r"分别(?:占|为|是)[^,，;；。\d]{0,20}?的?\s*$")


def _listed_pairs(reading: Reading, share: Note) -> list[tuple[Note, Figure]] | None:
    """The parts and shares of a list after 分别, paired in order: the levels right before
    分别 in the sentence, as many as the percentages listed after it (none where they are
    not as many, or not of one unit: which share is whose is not guessed); None where the
    share is no list's. Looked for near the share only (linear in a sentence of thousands of
    clauses)."""
    sentence = reading.sentences[share.sentence]
    window = max(sentence.start, share.figure.start - 40)
    respectively = RESPECTIVE_SHARE.search(reading.simple[window : share.figure.start])
    if respectively is None:
        return None
    listed = listed_from(reading, share)
    before = window + respectively.start()
    earlier = reading.notes[max(0, share.index - ATTACHED_WITHIN) : share.index]
    levels = [
        n
        for n in earlier
        if n.sentence == share.sentence and n.role == LEVEL and n.figure.end <= before
    ]
    parts = levels[-len(listed) :]
    if len(listed) < 2 or len(parts) != len(listed):
        return []
    if len({(n.figure.unit, n.figure.kind) for n in parts}) != 1:
        return []
    return [(part, note.figure) for part, note in zip(parts, listed, strict=True)]


def _stated_just_before(reading: Reading, part: Note, share: Note) -> bool:
    """ "…城镇人口210万人,乡村人口140万人。城镇人口占总人口的比重为60.0%": a share in a sentence
    of its own names a part of the paragraph before it or its own, of its period, its scope
    (a share naming none is the part's) and its span of the year (前三季度's shares name no
    level of 上半年)."""
    return (
        part.paragraph >= share.paragraph - 1
        and part.period == share.period
        and (scopes_fit(part.scope, share.scope) or _scope_of_its_whole(share))
        and span_of(reading, part) == span_of(reading, share)
    )


def _scope_of_its_whole(share: Note) -> bool:
    """ "合计数量占全国(6432万人)的比重为36.4%": the scope the share's words give is its whole's."""
    return (share.whole or "").startswith(("全国", "全省", "全市", "全区"))


# figures back a named part may stand (a paragraph), or as far as the paragraph before (民族八省区
# …合计数量为2338.4万人 and, a paragraph on, 合计数量占全国(6432万人)的比重为36.4%)
NAMED_WITHIN = 4 * ATTACHED_WITHIN
# the words before 占 name a part, but no level of the text is it
NAMED_BUT_ABSENT = Note(Figure("", 0.0, None, COUNT, -1, -1, Interval(0, 0)), -1)


def _part_named(reading: Reading, share: Note) -> Note | None:
    """ "第一产业增加值占国内生产总值比重为7.1%", "民族八省区农村贫困人口占全国农村贫困人口
    (2365万人)的比重为37.2%": the part is named by the words before 占 in the share's clause,
    its figure stated before (the latest level those words end)."""
    sentence = reading.sentences[share.sentence]
    reach = max(sentence.start, share.figure.start - LOOK_BACK)  # (linear in a long sentence)
    words = sentence.text[reach - sentence.start : share.figure.start - sentence.start]
    clause = re.split(r"[,，;；]", words)[-1]
    # "…占国内生产总值比重为7.1%,第二产业增加值比重为38.3%": the words before 比重 name it
    marker = "比重" if CARRIED_SHARE in share.cues else "占"
    if marker == "占" and marker not in clause and "是" in clause:
        marker = "是"  # "收入是支出的50.0%": the words before 是 name the part
    if marker not in clause:
        return None
    if re.search(r"\d[^\d(（]{0,4}[(（]\s*$", clause.split(marker)[0]):
        return None  # "医院713.1万张(占78.4%)": in brackets right after its part's figure
    named = re.sub(r"^\d{4}年(?:末|底)?|[(（][^()（）]*[)）]", "", clause.split(marker)[0]).strip()
    # what names no part: "其占", "分别占", "约占" (the part is the figure before)
    named = re.sub(
        r"(?:其|分别|分別|各|均|共|合计|合計|约|約|大约|大約|则|則|这|這|此|并|並|也|仍|已)+$",
        "",
        named,
    )
    if len(named) < 2 or not re.search(r"[\u4e00-\u9fff]{2}", named):
        return None
    # stated before the 占 (the figure in brackets after it is the whole)
    zhan = reach + len(words) - len(clause) + clause.index(marker)
    earlier = [
        n
        for n in reading.notes[max(0, share.index - 3 * NAMED_WITHIN) : share.index]
        if n.index >= share.index - NAMED_WITHIN or n.paragraph >= share.paragraph - 1
    ]
    for other in reversed(earlier):
        if other.figure.start > zhan:
            continue
        if other.role == LEVEL and additive(other) and _names(other.subject, named):
            return other
    # (the words before 是 that name no amount, 中位数是平均数的: the figure before stands)
    return NAMED_BUT_ABSENT if marker != "是" else None


def _names(subject: str, named: str) -> bool:
    """Whether a level's subject is what the words name: 城镇常住人口 for 城镇人口, 税收收入 for
    税收 (a measure's word the share's words leave off)."""
    return (
        subject.endswith(named[-8:])
        or (named[:2] in subject and subject.endswith(named[-2:]))
        or any(subject.endswith(named[-8:] + word) for word in MEASURE_WORDS)
    )


MEASURE_WORDS = (
    "收入",
    "总额",
    "总量",
    "总值",
    "里程",
    "面积",
    "产量",
    "人数",
    "数量",
    "金额",
    "总数",
)


def _in_brackets(reading: Reading, part: Note, share: Note) -> list[Note]:
    """ "占全国农村贫困人口(2365万人)的比重为37.2%": the whole the words put in brackets."""
    if "whole in brackets" not in share.cues:
        return []
    found = [
        n
        for n in reading.notes[part.index + 1 : share.index]
        if n.sentence == share.sentence
        and n.figure.kind == part.figure.kind
        and n.figure.same_unit(part.figure)
    ]
    return found[-1:]


BY_NOUN_NOTE = (
    "the words name no whole: taken as {} {}, the one figure for what the part's words end "
    "with; shown, never called wrong"
)
# words around what a subject counts: its period before, 共 or 约 after
SUBJECT_PERIOD = re.compile(r"^(?:\d*学年度?|\d{2,4}年(?:末|底|度)?|今年|全年|年末|本年|当年)")
SUBJECT_TAIL = re.compile(r"(?:共计|合计|总计|总数|总量|共|约|达到?|为|有|是)+$")


# a statement's opening before what it counts: 全省共有 (幼儿园6973所), 全省有 (普惠性幼儿园)
COUNTING_OPENING = re.compile(r"^(?:全国|全省|全市|全县|全区|我国|我省|我市|本市)?(?:共有|有)")


def _counted(subject: str) -> str:
    counted = SUBJECT_TAIL.sub("", SUBJECT_PERIOD.sub("", subject.strip()))
    return COUNTING_OPENING.sub("", counted)


TOTAL_BY_NOUN_NOTE = (
    "the words name the whole as the total only: taken as {} {}, the one figure for what the "
    "part's words end with; shown, never called wrong"
)
TOTAL_NOTE = (
    "the words name the whole as the total only: taken as {} {}, the one larger figure before "
    "the part in its statement; shown, never called wrong"
)
LOOSE_HEAD_NOTE = (
    "no figure is named as the words name the whole: taken as {} {}, the figure the list after "
    "it breaks down, whose words hold the whole's in order; shown, never called wrong"
)


def _head_named_loosely(reading: Reading, part: Note, share: Note) -> Note | None:
    """ "经陆路入境澳门的旅客共约155.8万人次,当中经关闸口岸有69.7万人次、…,分别佔入境旅客44.7%、…":
    the level the list after 当中 breaks down, when its words hold every character of the
    whole's words in order (入境旅客 in 经陆路入境澳门的旅客) though not as one word."""
    core = _counted(ALL_OF_IT.sub("", (share.whole or "").strip().rstrip("的")))
    if len(core) < 2:
        return None
    head = _whole_before_qizhong(reading, part, _larger_levels(reading, part))
    if not head or not _holds_in_order(head[0].subject, core):
        return None
    return head[0]


def _holds_in_order(words: str, core: str) -> bool:
    rest = iter(words)
    return all(char in rest for char in core)


# a whole named only as the total of what is counted (佔總數51.9%)
BARE_TOTAL = re.compile(r"(?:总数|总量|总额|总计|总体|整体|全部)的?")


def _total_before(reading: Reading, part: Note) -> Note | None:
    """The one larger level of the part's unit before it in its statement: what a share of
    "the total" is of ("入境旅客为2,589,451人次,…;不过夜旅客有1,344,381人次(佔總數51.9%)")."""
    first = statement_start(reading, part.sentence)
    found: list[Note] = []
    for at in range(part.index - 1, -1, -1):  # back only as far as the statement goes
        level = reading.notes[at]
        if level.sentence < first:
            break
        if (
            level.role == LEVEL
            and level.figure.kind == part.figure.kind
            and level.figure.same_unit(part.figure)
            and level.figure.bounds.low > part.figure.bounds.high
        ):
            found.append(level)
    return found[0] if len({n.figure.value for n in found}) == 1 else None


def _whole_by_noun(reading: Reading, part: Note) -> Note | None:
    """The one level anywhere in the text whose words are the end of the part's (大专生 for
    科技类大专生), larger than it, in its unit: what a share named by 占比 alone is of."""
    named = _counted(part.subject)
    found = [
        n
        for n in reading.notes
        if n.role == LEVEL
        and n.index != part.index
        and n.figure.kind == part.figure.kind
        and n.figure.same_unit(part.figure)
        and n.figure.bounds.low > part.figure.bounds.high
        and len(_counted(n.subject)) >= 2
        and named.endswith(_counted(n.subject))
        and len(named) > len(_counted(n.subject))
        and n.period == part.period
    ]
    return found[0] if len({n.figure.value for n in found}) == 1 else None


def _no_whole(note: Note) -> str:
    if note.whole:
        return f"the text gives no figure for {note.whole}"
    return "the text does not say what the share is a share of"


MEDIAN = "中位数"
# what says a whole is all of it (占总数, 占整体访港旅客): no word of what it counts
ALL_OF_IT = re.compile(r"^(?:全部|所有|总|全体|整个|整体)")


def wholes_named(reading: Reading, part: Note, share: Note) -> list[Note]:
    """The figures the words name as the whole, nearest first."""
    phrase = (share.whole or "").strip()
    levels = _larger_levels(reading, part)
    if not phrase:
        among = whole_named_among(reading, part)
        if among is not None and among.figure.bounds.low > part.figure.bounds.low:
            share.cues.append("whole after 其中")  # "在外出农民工中,跨省流动…,占比38.2%": it binds
            return [among]
        head = _whole_before_qizhong(reading, part, levels)
        largest = _largest_before(part, levels)
        if head and (not largest or head[0].figure.value >= largest[0].figure.value):
            share.cues.append("whole after 其中")  # the head of 其中 is the largest: it binds
            return head
        return head + [n for n in largest if n not in head]
    if any(word in phrase for word in grammar()["mean_words"]) and MEDIAN in part.subject:
        mean = part.subject.replace(MEDIAN, "")
        return _nearest(part, [n for n in levels if n.subject == mean])
    total = ALL_OF_IT.match(phrase)
    core = ALL_OF_IT.sub("", phrase.rstrip("的"))
    national = re.match(r"^(?:全国|我国|全省|全市)", core)
    core = re.sub(r"^(?:全国|我国|全省|全市|当年|同期)", "", core)
    if len(core) < 2:
        return []
    fitting = _fitting(levels, core)
    if not fitting and TOTAL_ENDING.search(core):
        fitting = _fitting(levels, TOTAL_ENDING.sub("", core))  # (总值 left off by the level)
    if national:
        # "占全国…": the nation's; "占全省外贸总值的18.1%": the province's, never the nation's
        nation_too = national.group() in ("全国", "我国")
        fitting = [
            n
            for n in fitting
            if (n.scope == part.scope or (nation_too and n.scope == "national"))
            and not _itself_a_share_of(reading, n, core)
        ]
    elif part.scope in grammar()["provinces"] or part.scope == "province":
        # "广东…常住人口12706万人,其中城镇常住人口9583万人,占常住人口比重75.42%" beside 河南's
        # and 山东's: words naming no place name the part's own province's whole (全省's too)
        own = [n for n in fitting if (n.scope or reading.scope) == part.scope]
        fitting = own or fitting
    if total:
        # "占總死亡人數72.7%": all the deaths, not 十大死因死亡人數合計 (a total of some of them);
        fitting = [n for n in fitting if not _a_selection(reading, n)]
    narrowed = _narrowed(part, fitting)
    if (total or national) and len(narrowed) > 1:
        # "占总人口的比重": the whole of them all, where one figure says it is a total
        totals = [n for n in narrowed if any(w in n.subject for w in grammar()["total_nouns"])]
        totals = _finest(totals)
        if len(totals) == 1:
            return totals
    if national and len(narrowed) > 1:
        # "占全市投资比重为3.5%": the one figure whose own words say 全市 (全市固定资产投资…
        # 累计完成50.63亿元), not every investment of the text
        placed = [n for n in narrowed if _placed(reading, n, national.group())]
        if len({n.figure.value for n in placed}) == 1:
            return placed[:1]
    return narrowed


def _fitting(levels: list[Note], core: str) -> list[Note]:
    return [
        n
        for n in levels
        if _names_the_whole(n.subject, core)
        and MEDIAN not in n.subject
        and not _a_larger_total(n.subject, core)
    ]


def _larger_levels(reading: Reading, part: Note) -> list[Note]:
    """The levels around a part, of its kind and unit, larger than it: the wholes it may be of."""
    return [
        n
        for n in levels_around(reading, part)
        if n.role == LEVEL
        and n.index != part.index
        and n.figure.kind == part.figure.kind
        and n.figure.same_unit(part.figure)
        and n.figure.bounds.low > part.figure.bounds.low
    ]


def _names_the_whole(subject: str, core: str) -> bool:
    """Whether a level's words name the whole a share's words name: 财政总收入 is the
    公共财政预算总收入 a budget report states (预算 names the budget's kind, not another whole);
    外贸总值 is the 进出口总值 a customs report states (grammar.json's whole_synonyms)."""
    return any(
        named in subject or ("预算" not in named and named in subject.replace("预算", ""))
        for named in _said_otherwise(core)
    )


# the word of a total a share's words may end with and the whole's own words leave off
# (占同期福建省外贸进出口总值的54.7% of 福建省外贸进出口1.62万亿元)
TOTAL_ENDING = re.compile(r"(?<=..)(?:总值|总额)$")


@cache
def _said_otherwise(core: str) -> tuple[str, ...]:
    synonyms: dict[str, list[str]] = grammar()["whole_synonyms"]
    found = [core]
    for word, others in synonyms.items():
        if not word.startswith("_") and word in core:
            found += [core.replace(word, other) for other in others]
    return tuple(found)


def _a_larger_total(subject: str, core: str) -> bool:
    """Whether the words name a total whose word holds the whole's (进出口总值 for 占全省出口的
    76%: exports are a part of trade, not all of it)."""
    return any(total in subject for total in _totals_holding(core))


@cache
def _totals_holding(core: str) -> tuple[str, ...]:
    """The totals of the partitions that have the words' first word as a member, whose word
    holds it: 进出口 for 出口 and for 出口总值 (占出口总值的65.3% is no share of 进出口总值)."""
    return tuple(
        total
        for partition in grammar()["partitions"]
        for member in partition["members"]
        for word in member.split("|")
        if core.startswith(word)
        for total in partition.get("totals", ())
        if word in total and total != word
    )


def _placed(reading: Reading, level: Note, place: str) -> bool:
    """Whether the words of its sentence name the place before it with no other level between
    (全市固定资产投资…累计完成50.63亿元, not the 21.77亿元 after it)."""
    sentence = reading.sentence_of(level)
    at = sentence.text.rfind(place, 0, level.figure.start - sentence.start)
    if at < 0:
        return False
    return not any(
        n.role == LEVEL and sentence.start + at < n.figure.start < level.figure.start
        for n in reading.in_sentence(level.sentence)
    )


def _itself_a_share_of(reading: Reading, level: Note, core: str) -> bool:
    """ "可再生能源新增装机2541万千瓦,占全国新增发电装机的80%": a level the text gives as a share
    of the whole the words name (新增装机, 新增发电装机: a word of it) is a part of it, not it."""
    return any(
        n.role == SHARE
        and (
            (n.head == level.index and shared_run(core, n.whole or "") >= 2)
            or _share_of_the_scope(level, n)
        )
        for n in reading.notes[level.index + 1 : level.index + 4]
    )


def _share_of_the_scope(level: Note, share: Note) -> bool:
    """ "甲、乙两省低收入人口合计2340万人,占全国(6432万人)的比重为36.4%": the level's share of
    the nation's, its whole in brackets right before it, makes the level a part of it."""
    return (
        share.sentence == level.sentence
        and share.index == level.index + 2
        and "whole in brackets" in share.cues
        and (share.whole or "").strip() in ("全国", "我国", "全省", "全市")
    )


def _finest(totals: list[Note]) -> list[Note]:
    """Totals less those that only restate another more coarsely: "总人口14亿" in a headline
    and "总人口140005万人" in the text are one figure, and the second is the one to divide by."""
    return [
        n
        for n in totals
        if not any(
            m is not n
            and n.figure.bounds.low <= m.figure.bounds.low
            and m.figure.bounds.high <= n.figure.bounds.high
            and m.figure.bounds.high - m.figure.bounds.low
            < n.figure.bounds.high - n.figure.bounds.low
            for m in totals
        )
    ]


# words that make a total of some of the things counted: the ten leading causes, the main ones
SELECTION = re.compile(
    r"十大|前\s*[\d一二三四五六七八九十]+\s*(?:位|名|大|项)?|主要|重点|部分|其中"
)


def _a_selection(reading: Reading, level: Note) -> bool:
    """Whether a level's clause counts a selection of the things (十大死因死亡人數合計): no total of
    them all, whatever its words share with one."""
    clause = clause_up_to(reading, level)
    return SELECTION.search(clause) is not None


def _narrowed(part: Note, fitting: list[Note]) -> list[Note]:
    """Among the figures the words fit, those of the part's period and population (城镇居民,
    农村居民, 全国居民), nearest first."""
    same_period = [n for n in fitting if n.period == part.period] or fitting
    prefix = population_of(part.subject)
    same_people = [n for n in same_period if population_of(n.subject) == prefix]
    if same_people:
        return _nearest(part, same_people)
    unnamed = [n for n in same_period if population_of(n.subject) in ("", "全国居民")]
    return _nearest(part, unnamed or same_period)


def _nearest(part: Note, notes: list[Note]) -> list[Note]:
    return sorted(notes, key=lambda n: (n.index > part.index, abs(n.index - part.index)))


def _largest_before(part: Note, levels: list[Note]) -> list[Note]:
    """The largest figure of the part's unit and period before it: what 占X% (no whole
    named) is most often a share of."""
    before = [n for n in levels if n.index < part.index and n.period == part.period]
    return sorted(before, key=lambda n: -n.figure.value)[:1]


def _outside_brackets(text: str) -> str:
    """The text with what closed brackets hold blanked (same length)."""
    return re.sub(r"[(（][^()（）]*[)）]", lambda m: " " * len(m.group()), text)


# "其中", and "当中" as Macau's and Hong Kong's releases write it
QIZHONG = re.compile("其中|当中")


def _whole_before_qizhong(reading: Reading, part: Note, levels: list[Note]) -> list[Note]:
    """The level before 其中 in the part's statement (the list of 其中 goes on past a ;)."""
    number = part.sentence
    while True:
        sentence = reading.sentences[number]
        upto = (
            sentence.text[: part.figure.start - sentence.start]
            if number == part.sentence
            else sentence.text
        )
        upto = _outside_brackets(upto) if number != part.sentence else upto
        found = list(QIZHONG.finditer(upto))
        if found:
            at = found[-1].start()
            qizhong = sentence.start + at
            before = [n for n in levels if n.figure.end <= qizhong and n.sentence == number]
            if not before and not upto[:at].strip(" ,，:："):
                # "…床位910.1万张。其中:医院713.1万张(占78.4%)": the sentence before it
                before = [n for n in levels if n.sentence == number - 1]
            return before[-1:] if before else []
        if number == 0 or not reading.sentences[number - 1].goes_on:
            return []
        number -= 1
