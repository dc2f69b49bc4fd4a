"""Partitions: parts that make a whole when every member is named (东部, 中部, 西部; 城镇, 乡村;
工资性…转移净), where the text states that whole — their levels, changes and rates — and shares
in one statement that name every member (they add up to 100%). Structures are in structures.py."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from povcli.article.figures import Figure
from povcli.article.near import (
    AMONG,
    BY_ASPECT,
    PLACE,
    SPAN,
    WHOLE_WITHIN,
    additive,
    adds_up,
    among_words,
    attached,
    changes_add_up,
    compared_amount,
    core_words,
    counts_only,
    following,
    population_of,
    scopes_agree,
    signed,
    span_of,
    span_word,
    spans_named,
    spans_named_at,
    statements,
    text_span,
    whole_named_among,
)
from povcli.article.notes import (
    CHANGE,
    LEVEL,
    LOOK_BACK,
    POINTS,
    RATE,
    SHARE,
    Note,
    Reading,
    grammar,
    simplified,
)
from povcli.article.relations import PARTITION_NOTE, Relation
from povcli.article.shares import MEDIAN, of_a_plan, wholes_named
from povcli.numbers import PERCENT, Interval


@dataclass(frozen=True)
class Partition:
    """Parts that make a whole when every one is named: each member with its spellings."""

    members: tuple[tuple[str, ...], ...]
    components: bool  # parts of one amount (income sources, sectors), per head or not
    totals: tuple[str, ...]  # words naming the whole, besides what the parts count
    # words naming the whole the members make by definition (生产总值 of the three sectors'
    # value added): a level so named, the only one near the parts, is their total
    defines: tuple[str, ...] = ()
    # what every part and the whole carry where the parts' other words differ (铁路旅客发送量,
    # 公路人员流动量, 民航客运量 of 跨区域人员流动量: travellers), and a member whose figure so
    # qualified is only some of its own (公路营业性客运量: road travel is also private cars)
    carries: str = ""
    partial: tuple[int, str] | None = None


@cache
def known_partitions() -> list[Partition]:
    found = [
        Partition(
            tuple(tuple(member.split("|")) for member in spec["members"]),
            spec.get("type") == "components",
            tuple(spec.get("totals", ())),
            tuple(spec.get("defines", ())),
            spec.get("carries", ""),
            tuple(spec["partial"]) if "partial" in spec else None,
        )
        for spec in grammar()["partitions"]
    ]
    return sorted(found, key=lambda p: -len(p.members))


def partitions(reading: Reading) -> Iterator[Relation]:
    """Parts named by every member of a partition (东部, 中部, 西部; 城镇, 乡村; 工资性…转移净):
    their levels make the total the text gives for what they count, their changes the
    total's change, and their shares of one whole add up to 100%."""
    used: set[int] = set()
    # which levels add up, asked once for all partitions (it depends only on whether
    # their parts are components)
    adding = {components: adding_levels(reading, components) for components in (False, True)}
    for partition in known_partitions():
        names = _span_names(reading, adding[partition.components]) if of_spans(partition) else None
        for parts in partition_groups(adding[partition.components], partition, names):
            if any(p.index in used for p in parts):
                continue
            found = list(partition_relations(reading, partition, parts))
            if found:
                used.update(p.index for p in parts)
                yield from found


CLAUSE = re.compile(r"[,，;；]")
SHARES_NOTE = PARTITION_NOTE + "; their shares of one whole add up to 100%"


def share_partitions(reading: Reading) -> Iterator[Relation]:
    """ "在全部农民工中,未上过学的占1%,小学文化程度占14.7%,…,大专及以上占12.2%": shares, in one
    statement, that name every member of a partition once add up to 100%, whether or not the
    text gives the parts' levels. The words bind them when the statement opens with their
    whole and 中, follows 其中, or names one whole for all of them; else the sum is shown
    when it holds and never called wrong."""
    used: set[int] = set()
    for statement in statements(reading):
        shares_ = [n for n in statement if n.role == SHARE and not of_a_plan(n)]
        for partition in known_partitions():
            free = [n for n in shares_ if n.index not in used]
            group = _one_share_per_member(reading, free, partition)
            if group is None:
                continue
            used.update(n.index for n in group)
            start, end, spans = text_span(reading, *group)
            yield Relation("sum", {"parts": [n.figure for n in group]}, start, end,
                           hundred(group[-1].figure), notes=[SHARES_NOTE], spans=spans,
                           confident=_shares_bound(reading, group, partition))  # fmt: skip


LISTED_SHARES_NOTE = (
    "the shares listed one after another add up to 100%: together they make their whole"
)


def listed_shares(reading: Reading) -> Iterator[Relation]:
    """ "上述诊所中,西医占48.5%、牙医占35.7%、中医占15.8%": three shares or more in a row in one
    statement, of one whole and period, that add up to 100% make their whole. Shown when they
    do and never called wrong: a list may leave parts out ("…等"), and then says nothing of
    the rest. A share's change in points may stand between them ("占9.73%,较上年下降0.7个
    百分点;…占40.1%")."""
    for statement in statements(reading):
        for run in _share_runs(statement):
            wholes = {n.whole for n in run} - {None, ""}
            if len(run) < 3 or len(wholes) > 1 or len({n.period for n in run}) > 1:
                continue
            low = sum(n.figure.bounds.low for n in run)
            high = sum(n.figure.bounds.high for n in run)
            if low <= 100 <= high:
                start, end, spans = text_span(reading, *run)
                yield Relation("sum", {"parts": [n.figure for n in run]}, start, end,
                               hundred(run[-1].figure), notes=[LISTED_SHARES_NOTE], spans=spans,
                               confident=False)  # fmt: skip


def _share_runs(statement: list[Note]) -> Iterator[list[Note]]:
    """The runs of shares in percent a statement gives one after another; a part's level may
    stand before its share ("医院38.8亿人次(占45.8%),基层医疗卫生机构42.5亿人次(占50.2%)")."""
    run: list[Note] = []
    for at, note in enumerate(statement):
        after = statement[at + 1] if at + 1 < len(statement) else None
        if note.role == SHARE and note.figure.kind == PERCENT and not of_a_plan(note):
            run.append(note)
        elif note.role == POINTS and run and note.head == run[-1].index:
            continue  # "占9.73%,较上年下降0.7个百分点": the share's own change
        elif not (after and after.role == SHARE and after.head == note.index):
            yield run
            run = []
    yield run


def _wholes_named(reading: Reading, group: list[Note], partition: Partition) -> set[str | None]:
    """The wholes the shares name, the first's standing for all when the others name none
    and none is a level's share ("0-14岁人口占总人口的17.86%,15-64岁人口占65.42%,…": the
    whole is named once); a part with its level may be a share of another whole
    ("政府卫生支出360.0亿元,占一般公共预算支出的7.5%;社会卫生支出546.0亿元,占45.5%")."""
    named: set[str | None] = {n.whole or "" for n in group}
    first_only = (
        group[0].whole
        and not any(n.whole for n in group[1:])
        and not _names_a_member(group[0].whole, partition)
        and _counts_as_the_first(reading, group, partition)
    )
    if first_only and all(n.head is None for n in group):
        return {group[0].whole or ""}
    return named


def _counts_as_the_first(reading: Reading, group: list[Note], partition: Partition) -> bool:
    """Whether each later share counts what the first does, named alike or by its member
    alone ("第一产业增加值占…的9.2%,第二产业占38.5%"); "城镇户数占全部户数的60.0%,乡村人口占
    42.0%" shares households and people, of two wholes."""
    rest = remainder_of(_share_words(reading, group[0]), partition)
    for note in group[1:]:
        words = _share_words(reading, note)
        bare = _dashes(OPENERS.sub("", words)).strip("的")
        if remainder_of(words, partition) != rest and not any(
            bare == spelling for spellings in partition.members for spelling in spellings
        ):
            return False
    return True


def _names_a_member(words: str, partition: Partition) -> bool:
    """ "第一产业增加值占全省第一产业增加值的12.0%,第二产业增加值占38.5%": a whole that names a
    member is that member's own bigger whole (the province's), no whole of the others."""
    words = _dashes(words)
    return any(spelling in words for spellings in partition.members for spelling in spellings)


def _one_share_per_member(
    reading: Reading, shares_: list[Note], partition: Partition
) -> list[Note] | None:
    """The shares that name each member once, of one period, counting one thing (their
    words besides the member alike) and of one whole where they name it."""
    named: dict[int, list[Note]] = {}
    words = {n.index: _share_words(reading, n) for n in shares_}
    for note in shares_:
        member = member_of(words[note.index], partition)
        if (
            member is not None
            and _opens_with(words[note.index], partition.members[member])
            and not _within_the_member(note, words[note.index], partition, member)
        ):
            named.setdefault(member, []).append(note)
    if len(named) != len(partition.members) or any(len(n) != 1 for n in named.values()):
        return None
    group = sorted((notes[0] for notes in named.values()), key=lambda n: n.index)
    rests = {remainder_of(words[n.index], partition).strip("的") for n in group} - {""}
    alike: list[set[str | None]] = [
        {n.period for n in group},
        _wholes_named(reading, group, partition),  # one names 一般公共预算支出, the others none: no
        {among_words(reading, n) for n in group},  # "…;60岁及以上人口中,女性占…": another whole
    ]
    if len(rests) > 1 or any(len(values) > 1 for values in alike):
        return None
    return group


SHARE_ENDING = re.compile(r"(?<=..)(?:所占)?(?:比重|占比)$")
OPENERS = re.compile(r"^(?:其中|在|全国|全省|全市|全县|我国|我省|我市|的|[,，、\s])+")


def _opens_with(words: str, spellings: tuple[str, ...]) -> bool:
    """Whether the words name the member first: 第三产业就业人员, never 高技术服务业增加值 (a part
    of the third sector) nor 10—14岁人口 (a part of 0—14)."""
    words = _dashes(OPENERS.sub("", words))
    return any(words.startswith(spelling) for spelling in spellings)


def _share_words(reading: Reading, note: Note) -> str:
    """What a share is of, in its own clause: the words before 占 ("政府卫生支出占30.0%"), else
    the subject of the part it follows ("个人卫生支出294.0亿元,占24.5%")."""
    sentence = reading.sentences[note.sentence]
    reach = max(sentence.start, note.figure.start - LOOK_BACK)  # (linear in a long sentence)
    clause = CLAUSE.split(reading.simple[reach : note.figure.start])[-1]
    own = clause.split("占")[0].strip() if "占" in clause else ""
    # "第二产业增加值比重为38.3%": what the share is of, without the word for a share
    return own if len(own) >= 2 else SHARE_ENDING.sub("", note.subject)


def _within_the_member(note: Note, words: str, partition: Partition, member: int) -> bool:
    """ "本地农民工中女性占43.0%", "城镇居民收入中位数…是平均数的91.3%": a share measured
    within the member's own people, or of its own mean, is no share of one whole."""
    spelling = next(s for s in partition.members[member] if s in _dashes(words))
    after = _dashes(words).split(spelling, 1)[1]
    return "中" in after or _mean_words(note.whole or "") or MEDIAN in words


def _shares_bound(reading: Reading, group: list[Note], partition: Partition) -> bool:
    """The words bind the shares to one whole when their statement opens with it and 中,
    when 其中 follows its level in their sentence, or when each names it (the first for all)."""
    first = group[0]
    sentence = reading.sentences[first.sentence]
    before = sentence.text[: first.figure.start - sentence.start]
    if AMONG.match(before):
        return True
    if "其中" in before:
        qizhong = sentence.start + before.rindex("其中")
        if any(
            n.role == LEVEL and n.figure.end <= qizhong for n in reading.in_sentence(first.sentence)
        ):
            return True
    return "" not in _wholes_named(reading, group, partition)


def _span_names(reading: Reading, levels: list[Note]) -> dict[int, str]:
    """A level named by the span its paragraph gives it where its own words name none ("去年
    第一季,大陆境内出游人次14.19亿": the first quarter's)."""
    names: dict[int, str] = {}
    spans: dict[int, tuple[list[int], list[str]]] = {}  # each paragraph's, read once
    for note in levels:
        if SPAN.search(note.subject):
            continue
        start, end = reading.paragraphs[note.paragraph]
        if note.paragraph not in spans:
            named = spans_named_at(reading.simple[start:end])
            spans[note.paragraph] = ([at for at, _ in named], [word for _, word in named])
        ends, words = spans[note.paragraph]
        before = bisect.bisect_right(ends, note.figure.start - start)
        span = span_word(words[before - 1]) if before else ""
        if span:
            names[note.index] = span + note.subject
    return names


def adding_levels(reading: Reading, components: bool) -> list[Note]:
    return [n for n in reading.levels_between(0, len(reading.notes)) if additive(n, components)]


def partition_groups(
    adding: list[Note], partition: Partition, names: dict[int, str] | None = None
) -> Iterator[list[Note]]:
    """Levels (of those that add up), one per member of the partition, of one unit and
    period, within a paragraph and the one before it, each named by its member and the same
    other words (by `names`, where given, else by its subject)."""
    size = len(partition.members)
    by_paragraph: dict[int, dict[int, list[Note]]] = {}
    for note in adding:
        member = member_of(
            names.get(note.index, note.subject) if names else note.subject, partition
        )
        if member is not None:
            by_paragraph.setdefault(note.paragraph, {}).setdefault(member, []).append(note)
    for paragraph, own in sorted(by_paragraph.items()):
        named = own
        if len(own) != size:  # "5.接待国内过夜游客…" and, a line on, "6.接待国内一日游游客…"
            named = _with_the_paragraph_before(by_paragraph, paragraph)
        if len(named) != size:
            continue
        for first in named[0]:
            group = [first]
            rest = remainder_of(first.subject, partition)
            for member in range(1, size):
                match = [
                    n
                    for n in named[member]
                    if _named_like(remainder_of(n.subject, partition), rest, n, first)
                    and n.figure.same_unit(first.figure)
                    and n.period == first.period
                    and abs(n.sentence - first.sentence) <= 3
                ]
                if not match:
                    break
                group.append(min(match, key=lambda n: abs(n.index - first.index)))
            if len(group) == size:
                yield sorted(group, key=lambda n: n.index)


def _with_the_paragraph_before(
    by_paragraph: dict[int, dict[int, list[Note]]], paragraph: int
) -> dict[int, list[Note]]:
    """The members named in a paragraph and, for members it does not name, in the few lines
    before it (one member a line, a line of its income after it)."""
    own = by_paragraph[paragraph]
    merged = {member: list(notes) for member, notes in own.items()}
    for before in range(paragraph - 1, paragraph - 1 - LINES_BACK, -1):
        for member, notes in by_paragraph.get(before, {}).items():
            if member not in own:
                merged.setdefault(member, []).extend(notes)
    return merged


LINES_BACK = 3  # lines before a paragraph read for the members it does not name


def _named_like(remainder: str, first_remainder: str, note: Note, first: Note) -> bool:
    """Whether a member's other words are the first's: the same, none, or, in the first's
    paragraph, their end (东部地区房地产开发投资38544亿元…;中部地区投资15053亿元: the qualifier
    said once)."""
    if remainder in (first_remainder, ""):
        return True
    return (
        note.paragraph == first.paragraph
        and len(remainder) >= 2
        and first_remainder.endswith(remainder)
    )


def member_of(subject: str, partition: Partition) -> int | None:
    """Which member a subject names; None when it names none or several (城镇 in 城镇化率
    is no part)."""
    return _member_of(subject, partition.members, partition.totals)


@functools.lru_cache(maxsize=4096)
def _member_of(
    subject: str, members: tuple[tuple[str, ...], ...], totals: tuple[str, ...] = ()
) -> int | None:
    subject = _dashes(subject)
    for total in totals:  # 出口 inside 进出口 (a total whose word holds a member's) names no part
        if any(spelling in total for spellings in members for spelling in spellings):
            subject = subject.replace(total, "\u3000" * len(total))
    spans: dict[int, tuple[int, int]] = {}
    for i, spellings in enumerate(members):
        # "0-14" is not named in "10-14", nor 65 (岁及以上) in "65-79" (a closed band)
        for spelling in spellings:
            found = re.search(rf"(?<!\d){re.escape(spelling)}(?!\d)(?!岁?-\d)", subject)
            if found and (i not in spans or found.end() - found.start() > _length(spans[i])):
                spans[i] = found.span()
    # a member named inside another's longer word is not named (同性 in 不同性别)
    named = [
        i
        for i, (start, end) in spans.items()
        if not any(j != i and a <= start and end <= b and (a, b) != (start, end)
                   for j, (a, b) in spans.items())
    ]  # fmt: skip
    return named[0] if len(named) == 1 else None


def _length(span: tuple[int, int]) -> int:
    return span[1] - span[0]


def _dashes(text: str) -> str:
    return re.sub(r"[—–~～至]", "-", text)


def remainder_of(subject: str, partition: Partition) -> str:
    """What a part counts besides its member word: 西部地区农村贫困人口 → 农村贫困人口."""
    subject = _dashes(subject)
    member = member_of(subject, partition)
    if member is None:
        return subject
    spelling = max((s for s in partition.members[member] if s in subject), key=len)
    at = subject.find(spelling)
    rest = subject[at + len(spelling) :]
    rest = re.sub(r"^(?:岁及以上|周岁及以上|岁|周岁|地区|居民|人口的?|的)+", "", rest) or ""
    return rest or subject[:at]


def total_of(reading: Reading, parts: list[Note], partition: Partition) -> tuple[Note | None, bool]:
    """The level before the parts that counts what they count, in their period, unnamed by
    any member: 全国农村贫困人口551万人 for 东部/中部/西部地区农村贫困人口. With it, whether
    the words bind it (its subject holds what the parts count) or only suggest it (a word
    for a whole: 总人口, 生产总值)."""
    first = parts[0]
    rest = remainder_of(first.subject, partition)
    if not rest and first.subject.endswith("人口"):
        rest = "人口"  # 男性人口, 女性人口 count people: 全国人口 is their whole
    before = [
        n
        for n in reading.notes[max(0, first.index - WHOLE_WITHIN) : first.index]
        if n.role == LEVEL
        and n.paragraph >= _reach_back(reading, first.paragraph, 2 if of_spans(partition) else 1)
        and n.figure.same_unit(first.figure)
        and n.figure.kind == first.figure.kind
        and n.period == first.period
        and n not in parts
        and not compared_amount(n)
        and member_of(n.subject, partition) is None
        and n.figure.bounds.high >= max(p.figure.bounds.low for p in parts)
        and additive(n, partition.components)  # a median or a rate is no total of parts
    ]
    people = population_of(first.subject)
    # 全国居民 are the whole of 城镇居民 and 农村居民 (members of 城镇, 农村): their income is no
    # total of the rural residents' income sources
    everyone = ("全国居民",) if not people or member_of(people, partition) is not None else ()
    before = [n for n in before if population_of(n.subject) in (people, "", *everyone)]
    before = [n for n in before if _same_scope(reading, n, first)]
    if of_spans(partition):  # the quarters make the year, the first three 前三季度 only
        before = [n for n in before if spans_whole(reading, n, partition)]
    else:
        before = [n for n in before if _onespan_word(reading, n, first)]
    # (what a part counts names a whole in two characters or more: the 额 of 商品零售额 is none)
    # "除汽车以外的消费品零售额" is all but something: no whole of a partition of all of it
    before = [n for n in before if not EXCEPT.search(n.subject)]
    bound = [
        n
        for n in before
        if len(rest) >= 2 and counts_only(n.subject, rest) and _among_alike(reading, first, n)
    ]
    bound = [n for n in bound if not _narrower_part_of(reading, n, bound, first, rest)]
    if len({n.figure.value for n in bound}) > 1:
        # "一般公共预算收入1046.82亿元…其中,税收收入781.36亿元…;市本级收入…,区级收入…": two
        # levels count 收入; the one the partition's total names binds, else none does
        named = [n for n in bound if any(w in n.subject for w in partition.totals)]
        if len({n.figure.value for n in named}) == 1:
            return named[-1], True
        return bound[-1], False
    if bound:
        return bound[-1], True
    defined = [n for n in before if any(w in n.subject for w in partition.defines)]
    if len(defined) == 1 and _defines(reading, defined[0], first, partition):
        # 第一、二、三产业增加值 and the one 地区生产总值 before them; but not a part 其中 names
        # of a larger total ("公共财政预算总收入67949万元…其中:地方公共财政预算收入51653万元")
        return defined[0], not _part_of_an_earlier(reading, defined[0], before)
    words = (*partition.totals, *grammar()["total_nouns"], rest[-2:])
    suggested = [n for n in before if any(w and w in n.subject for w in words)]
    if suggested:
        return suggested[-1], False
    far = _total_paragraphs_before(reading, parts, partition)
    if far is not None and of_spans(partition) and not spans_whole(reading, far, partition):
        far = None
    return far, far is not None and _named_exactly(reading, far, rest, first)


def _part_of_an_earlier(reading: Reading, note: Note, before: list[Note]) -> bool:
    """Whether a level is a part 其中 names of a larger level before it."""
    return any(
        other.index < note.index
        and other.figure.value > note.figure.value
        and _whole_of_qizhong(reading, other, note)
        for other in before
    )


def _narrower_part_of(
    reading: Reading, note: Note, bound: list[Note], first: Note, counted: str
) -> bool:
    """Whether a level is a part 其中 names of another level that counts the same, narrowed by
    words the parts lack: "固定资产投资177.4亿元…其中,项目投资完成140.5亿元" is no whole of
    第一产业投资 …, which 项目 does not name; 其中民间投资 is the whole of 第一产业民间投资."""
    narrowing = simplified(note.subject).split(counted, 1)[0]
    narrowing = PLACE.sub("", narrowing)
    if not narrowing or narrowing in simplified(first.subject):
        return False
    return _part_of_an_earlier(reading, note, bound)


def _reach_back(reading: Reading, paragraph: int, count: int) -> int:
    """The first paragraph of the `count` before this one that hold figures: a lead-in line of
    words alone ("分产业来看,…——") is not counted."""
    holding = {n.paragraph for n in reading.notes}
    at = paragraph
    while count and at > 0:
        at -= 1
        count -= at in holding
    return at


EXCEPT = re.compile(r"除[^,，。;；]{1,12}(?:以外|之外|外)")


def _named_exactly(reading: Reading, total: Note, counted: str, first: Note) -> bool:
    """ "全国农民工总量29753万人 … (paragraphs on) … 东部地区农民工10484万人…": a total whose words
    are just what the parts count (农民工), and a total's ending, binds them however far back,
    when no other level of the period is so named (总人口 does not name 常住人口, nor does
    外出农民工总量 name 农民工)."""
    if len(counted) < 2 or simplified(core_words(total.subject)) != simplified(counted):
        return False
    named = {
        n.figure.value
        for n in reading.notes[: first.index]
        if n.role == LEVEL
        and n.period == first.period
        and n.figure.same_unit(first.figure)
        and simplified(core_words(n.subject)) == simplified(counted)
    }
    return len(named) == 1


def _among_alike(reading: Reading, first: Note, total: Note) -> bool:
    """ "限额以上单位中,商品零售额…,餐饮收入…": parts among the whole their statement opens
    with are its parts, not those of a total whose words do not name it."""
    among = among_words(reading, first)
    return not among or OPENERS.sub("", among) in total.subject


def _defines(reading: Reading, total: Note, first: Note, partition: Partition) -> bool:
    """Whether the parts are of the total's kind and people (限额以上单位 parts, 农村居民
    income sources: no), so that the total is theirs by definition."""
    among = among_words(reading, first) or ""  # "限额以上单位中,商品零售额…"
    people = population_of(first.subject) or population_of(among)
    alike = _qualified_alike(among + first.subject, total.subject, partition)
    return alike and (not people or population_of(total.subject) in (people, ""))


def _onespan_word(reading: Reading, total: Note, first: Note) -> bool:
    """Whether the parts are of the total's span of time: the last span the words name
    before each (上半年, 12月份, 全年: the year's), the parts inheriting the total's when
    none is named between ("全年社会消费品零售总额471495亿元…12月份商品零售额38000亿元": no)."""
    paragraph_start = reading.paragraphs[total.paragraph][0]
    own = spans_named(reading.simple[paragraph_start : total.figure.start])
    between = spans_named(reading.simple[total.figure.end : first.figure.start])
    return span_word((between or own or [""])[-1]) == span_word((own or [""])[-1])


def spans_whole(reading: Reading, total: Note, partition: Partition) -> bool:
    """Whether a total is of the span the member spans make (一季度, 二季度 and 三季度 make
    前三季度, not 全年; the four quarters 全年, the year's, named by no span)."""
    return span_of(reading, total) in {span_word(word) for word in partition.totals}


def of_spans(partition: Partition) -> bool:
    """Whether the members are spans of time themselves (一季度 … 四季度)."""
    return any(SPAN.fullmatch(s) for member in partition.members for s in member)


def _qualified_alike(part: str, total: str, partition: Partition) -> bool:
    """Whether the words before the part's member (限额以上单位 in 限额以上单位商品零售), less
    the place and the period, are the total's too: 限额以上 parts are no parts of the
    whole of 社会消费品零售总额."""
    part = _dashes(part)
    member = member_of(part, partition)
    if member is None:
        return False
    spelling = max((s for s in partition.members[member] if s in part), key=len)
    before = OPENERS.sub("", part[: part.find(spelling)])
    before = re.sub(r"^(?:\d{4}年|全年|年末|年底|上半年|前三季度|\d{1,2}月)+", "", before)
    return not before or before in total


def _same_scope(reading: Reading, total: Note, first: Note) -> bool:
    """ "全国就业人员73400万人。…全省就业人员中,第一产业…": the nation's total is no province's
    (the regions 东部, 中部, 西部 are the nation's parts: only the words 全国, 全省 tell)."""
    return scopes_agree(among_words(reading, first) or first.subject, total.subject)


def _total_paragraphs_before(
    reading: Reading, parts: list[Note], partition: Partition
) -> Note | None:
    """ "年末全国总人口140005万人…(three paragraphs on)…城镇常住人口84843万人;乡村常住人口
    55162万人": a communiqué states its total once, at the top. Further back than the paragraph
    before, only a word for a whole (总人口, 总量) suggests a level is the parts' total."""
    first = parts[0]
    words = [*partition.totals, *(w for w in grammar()["total_nouns"] if w.startswith("总"))]
    people = population_of(first.subject)
    for note in reversed(reading.notes[: first.index]):
        if (
            note.role == LEVEL
            and note.paragraph < first.paragraph - 1
            and note.figure.same_unit(first.figure)
            and note.figure.kind == first.figure.kind
            and note.period == first.period
            and member_of(note.subject, partition) is None
            and note.figure.bounds.high >= max(p.figure.bounds.low for p in parts)
            and additive(note, partition.components)
            and population_of(note.subject) in (people, "", "全国居民")
            and _same_scope(reading, note, first)
            and any(w in note.subject for w in words)
        ):
            return note
    return None


ONE_MORE_NOTE = "{} right after the parts counts what they count: they may not be all of it"


def one_more_after(reading: Reading, whole: Note, parts: list[Note]) -> Note | None:
    """The first level of the sentence after the parts' last, when it counts what they
    count (城乡居民生活用电量 after 第一、第二、第三产业用电量): one more part, maybe."""
    last = parts[-1]
    for note in reading.notes[last.index + 1 : last.index + 4]:
        if note.sentence != last.sentence + 1:
            continue
        if note.role != LEVEL or not note.figure.same_unit(whole.figure):
            return None
        counted = _counted_by_all(parts)
        named_alike = counted is not None and note.subject.endswith(counted)
        opening = reading.simple[reading.sentences[note.sentence].start : note.figure.start]
        # (or a breakdown by another aspect: "从医院等级看,三级医院…" after 公立 and 民营)
        another_whole = (
            ANOTHER_WHOLE.match(opening)
            or BY_ASPECT.match(opening)
            or note.subject == whole.subject
        )
        return note if named_alike and not another_whole else None
    return None


# a sentence that opens anew, with a whole or a period of its own (全年谷物产量 after 夏粮,
# 秋粮: the grain broken down otherwise), states no further part
ANOTHER_WHOLE = re.compile(
    r"^\s*(?:全年|全国|全省|全市|全区|全县|全社会|全体|总|\d{4}年|\d{1,2}月|上半年|前三季度)"
)


def _counted_by_all(parts: list[Note]) -> str | None:
    """What every part counts besides its member word (用电量 of 第一产业用电量…第三产业用电量),
    for parts that name every member of a partition; None otherwise."""
    subjects = [p.subject for p in parts]
    for partition in known_partitions():
        named = sorted(m for s in subjects if (m := member_of(s, partition)) is not None)
        if named == list(range(len(partition.members))) == list(range(len(parts))):
            counted = {remainder_of(s, partition) for s in subjects}
            if len(counted) == 1 and len(rest := counted.pop()) >= 2:
                return rest
    return None


def larger_named(reading: Reading, partition: Partition, part: Note) -> bool:
    """Whether the part's paragraph names a member of a larger partition beside the
    partition's own (东北地区 beside 东部, 中部, 西部; 城乡居民生活 beside the three
    industries): then its members are not every part of the whole."""
    start, end = reading.paragraphs[part.paragraph]
    words = reading.simple[start:end]
    return any(
        set(partition.members) < set(larger.members)
        and any(
            spelling in words
            for member in set(larger.members) - set(partition.members)
            for spelling in member
        )
        for larger in known_partitions()
    )


def partition_relations(
    reading: Reading, partition: Partition, parts: list[Note]
) -> Iterator[Relation]:
    total, bound = total_of(reading, parts, partition)
    if total is not None and any(_set_apart(reading, p) for p in parts if p.index > total.index):
        total = None  # "普通高等学校106所,其中… 另有成人高等学校6所": beyond the total before
    if bound and total is not None and _framed_otherwise(reading, total, parts[0]):
        bound = False  # "在上半年城镇投资中,…中央项目投资3370亿元;地方项目18474亿元": 城镇's
    if total is not None and not bound:
        bound = (
            _whole_of_qizhong(reading, total, parts[0])
            and _counts_alike(total, parts[0], partition)
            and not any(_a_kind_of_its_member(p, total, partition) for p in parts)
        )
    named = _whole_the_shares_name(reading, parts) if not bound else None
    if named is not None:  # the words of every share bind it, wherever it stands
        total, bound = named, True
    among = _whole_they_are_among(reading, parts, partition) if not bound else None
    if among is not None:  # "常住人口中,男性…,女性…": the words bind it, wherever it stands
        total, bound = among, True
    one_more = one_more_after(reading, total, parts) if total is not None else None
    if bound and (larger_named(reading, partition, parts[0]) or one_more is not None):
        bound = False  # 城乡居民生活用电量 after the three industries: they are not all of it
    if total is not None and additive(total, partition.components):
        start, end, spans = text_span(reading, total, *parts)
        relation = Relation("sum", {"parts": [p.figure for p in parts]}, start, end,
                            total.figure, notes=[PARTITION_NOTE], spans=spans,
                            confident=bound)  # fmt: skip
        if not bound:
            relation.notes.append(f"{total.figure.written} is the whole the words suggest")
        added = {a.index for n in [total, *parts] if (a := _addition_after(reading, n))}
        others = [
            n
            for n in _siblings(reading, parts, total)
            if n.index not in added and not _a_kind_of_the_whole(n, partition)
        ]
        changed = changes_on_one_base(reading, total, parts)
        if (
            not bound
            and not others
            and one_more is None
            and changed is not None
            and changes_add_up(changed[1], changed[0])
        ):
            # the members of a partition leave nothing out: what was in doubt is whether the
            # total the words suggest (总人口 for 城镇/乡村常住人口) is theirs, and changes that
            # meet, written closely, show it is
            relation.confident = True
            relation.notes.append(PARTITION_CHANGES_NOTE)
        if others:  # 农业、林业、牧业、渔业 and 农林牧渔服务业: the list may hold more parts
            relation.confident = False
            every = sorted([*parts, *others], key=lambda n: n.index)
            relation.alternatives = [{"parts": [n.figure for n in every]}]
            listed = ", ".join(n.figure.written for n in others)
            relation.notes.append("the text lists other parts beside them: " + listed)
        yield relation
        if changed is not None:
            change_sum = signed_sum(reading, *changed)
            change_sum.confident = relation.confident
            yield change_sum
        additions = _additions_add_up(reading, total, parts)
        if additions is not None:
            additions.confident = relation.confident or (not others and adds_up(total, parts))
            yield additions
        with_others = sorted([*parts, *others], key=lambda n: n.index)
        made_of = with_others if others and adds_up(total, with_others) else parts
        yield from growth_of_sum(reading, made_of, total)
    shares_ = [_share_of_a_whole(reading, p) for p in parts]
    if None not in shares_:
        found_shares = [s for s in shares_ if s is not None]
        wholes = {s.whole for s in found_shares}
        if len(wholes) == 1 and not _mean_words(next(iter(wholes)) or ""):
            start, end, spans = text_span(reading, *found_shares)
            whole = hundred(found_shares[-1].figure)
            shown = [s.figure for s in found_shares]
            yield Relation("sum", {"parts": shown}, start, end, whole, notes=[SHARES_NOTE],
                           spans=spans)  # fmt: skip


def _share_of_a_whole(reading: Reading, part: Note) -> Note | None:
    """The part's first share that is no progress against a plan of its own ("占调整预算90.75%,
    占一般公共预算收入的38.96%": the second)."""
    found = [
        n
        for n in following(reading, part)
        if n.head == part.index and n.role == SHARE and not of_a_plan(n)
    ]
    return found[0] if found else None


def _framed_otherwise(reading: Reading, total: Note, first: Note) -> bool:
    """Whether the parts' paragraph opens by naming, with 中, a whole other than the total
    ("在上半年城镇投资中," before the projects of 全社会固定资产投资's paragraph)."""
    start = reading.paragraphs[first.paragraph][0]
    opening = AMONG.match(reading.simple[start : first.figure.start])
    if opening is None or total.paragraph == first.paragraph:
        return False
    named = SPAN.sub("", core_words(opening["whole"]))
    return not named or named not in core_words(simplified(total.subject))


def _whole_they_are_among(reading: Reading, parts: list[Note], partition: Partition) -> Note | None:
    """ "2023年末全省常住人口中,男性为1769.69万人,…;女性为1696.30万人": the words that open the
    parts' sentence with 中 name the whole they make; its figure may stand paragraphs before."""
    whole = whole_named_among(reading, parts[0])
    if whole is None or member_of(whole.subject, partition) is not None:
        return None
    return whole if additive(whole, partition.components) else None


GROWTH_OF_SUM_NOTE = (
    "the total's rate from its parts' levels and rates; a bulletin may compute its rates on a"
    " comparable basis, so this is shown, never called wrong"
)
# parts that add up to their total make its rate too, but a bureau reckons rates on a
# comparable basis (可比口径) or at constant prices over levels at current prices: either
# moves a total's rate by tenths of a point, never by half a point
COMPARABLE_BASIS_SLACK = 0.5
ADDING_UP_NOTE = (
    "the parts add up to the total, so their rates make its rate; rates on a comparable basis"
    f" may differ from it by tenths of a point: within {COMPARABLE_BASIS_SLACK} points beyond"
    " rounding it is never called wrong"
)


# "累计装机18559万千瓦,…新增1140万千瓦。其中,集中式…13058万千瓦,…新增682万千瓦": what each
# level gained in the period, written right after it
NEW_FLOW = re.compile(r"^(?:新增|新投产|新建成?)(?:装机|容量)?$")
ADDITIONS_NOTE = PARTITION_NOTE + "; so do the additions written after each"


def _additions_add_up(reading: Reading, total: Note, parts: list[Note]) -> Relation | None:
    """The additions of the parts make the total's addition."""
    flows = [_addition_after(reading, note) for note in [total, *parts]]
    found = [f for f in flows if f is not None]
    if len(found) != len(flows):
        return None
    start, end, spans = text_span(reading, *found)
    return Relation("sum", {"parts": [f.figure for f in found[1:]]}, start, end,
                    found[0].figure, notes=[ADDITIONS_NOTE], spans=spans)  # fmt: skip


def _addition_after(reading: Reading, level: Note) -> Note | None:
    """The next level after this one in its sentence (its rates aside), when its words call
    it an addition (新增682万千瓦) of the same unit."""
    for after in reading.notes[level.index + 1 : level.index + 4]:
        if after.sentence != level.sentence:
            return None
        if after.role != LEVEL:
            continue
        addition = NEW_FLOW.match(simplified(after.subject)) is not None
        return after if addition and after.figure.same_unit(level.figure) else None
    return None


PARTITION_CHANGES_NOTE = (
    "the members' changes add up to the total's change, written closely enough that no chance"
    " makes them meet: the total the words suggest is theirs"
)
CHANGES_BIND_NOTE = (
    "their changes add up to the total's change, written closely: the parts may be all of it,"
    " or what is left out (or counted twice) did not change, so it is shown, not called wrong"
)


def growth_of_sum(
    reading: Reading,
    parts: list[Note],
    total: Note,
    named: bool = True,
    rate: Note | None = None,
) -> Iterator[Relation]:
    """ "农民工总量29251万人,增长2.4%。其中,外出农民工17172万人,增长1.3%;本地农民工12079万人,
    增长4.1%": last year's total is each part brought back by its own rate, so the parts'
    levels and rates give the total's rate. Judged only where the words name the parts all of
    the total (`named`: a partition's members, a thing and its complement) and their levels
    add up to it, with the slack a comparable basis needs: parts after 其中 that add up by
    chance (煤炭 and 外贸 of a port's tonnage overlap) are shown, never called wrong. `rate`:
    the total's rate where the words give it apart from the total (the next sentence's 分别).
    Rates on a second base ("与2019年同期相比增长37.2%" after the year's, "环比…" beside "比
    2019年同期…") make the total's rate on that base in the same way, when every part gives
    one rate on it."""
    rates = [attached(reading, p, RATE) for p in parts]
    total_rate = rate or _nominal_rate(reading, total)
    if total_rate is not None and None not in rates:
        found = [r for r in rates if r is not None]
        growth = _growth_relation(reading, parts, total, (found, total_rate), named)
        if growth is not None:
            yield growth
    if rate is None:
        yield from _growths_on_other_bases(reading, parts, total, total_rate, named)


def _growths_on_other_bases(
    reading: Reading, parts: list[Note], total: Note, first: Note | None, named: bool
) -> Iterator[Relation]:
    first_base = first.base if first is not None else None
    for total_rate in _rates_of(reading, total):
        base = total_rate.base
        if base is None or base == first_base or total_rate.qualifier == "real":
            continue
        per_part = [[r for r in _rates_of(reading, p) if r.base == base] for p in parts]
        if any(len(rates) != 1 for rates in per_part):
            continue  # a part with none on this base, or two: no reading of all of them
        rates = [found[0] for found in per_part]
        growth = _growth_relation(reading, parts, total, (rates, total_rate), named)
        if growth is not None:
            yield growth


def _rates_of(reading: Reading, head: Note) -> list[Note]:
    return [n for n in following(reading, head) if n.head == head.index and n.role == RATE]


def _growth_relation(
    reading: Reading,
    parts: list[Note],
    total: Note,
    rates: tuple[list[Note], Note],
    named: bool,
) -> Relation | None:
    found, total_rate = rates
    if len({r.base for r in [*found, total_rate]} - {None}) > 1:
        return None
    if any(r.figure.kind != PERCENT for r in [*found, total_rate]):
        return None  # "人口增加率為3.91‰": a rate per thousand is no percentage growth
    if any(
        span_of(reading, rate) != span_of(reading, level)
        for rate, level in zip([*found, total_rate], [*parts, total], strict=True)
    ):
        return None  # "1-11月…其中,城镇消费品零售额900.0亿元,11月份增长9.0%": a month's rate
    start, end, spans = text_span(reading, total, *parts, *found, total_rate)
    roles: dict[str, Figure | list[Figure]] = {
        "total": total.figure,
        "parts": [p.figure for p in parts],
        "rates": [signed(r) for r in found],
    }
    whole = (
        named
        and adds_up(total, parts)
        and not _at_constant_prices(reading, [total, *parts, *found, total_rate])
    )
    return Relation("growth-of-sum", roles, start, end, signed(total_rate),
                    notes=[ADDING_UP_NOTE if whole else GROWTH_OF_SUM_NOTE], spans=spans,
                    confident=whole, slack=COMPARABLE_BASIS_SLACK)  # fmt: skip


def _nominal_rate(reading: Reading, total: Note) -> Note | None:
    """The total's rate at current prices, which its parts' rates make: "社会消费品零售总额
    2000亿元,扣除价格因素实际增长6.5%,名义增长8.0%" grows 8.0% as its parts' levels do."""
    found = [n for n in following(reading, total) if n.head == total.index and n.role == RATE]
    nominal = [n for n in found if n.qualifier != "real"]
    chosen = nominal or found
    return chosen[0] if chosen else None


# value added grows at constant prices (按可比价格计算) over levels at current prices: its
# parts' rates make the total's only roughly, by as much as the sectors' prices differ; so
# does the output value of farming (农林牧渔业总产值) or of industry (工业总产值), whose rates a
# bulletin gives at comparable prices whether or not its sentence says so (a note at its end,
# a heading); 建筑业总产值 grows at current prices
CONSTANT_PRICES = re.compile(
    r"生产总值|增加值|GDP|可比价|不变价|农林牧渔|农业(?:总)?产值|工业总产值"
    # a rate with a factor taken out ("扣除留抵退税因素后同口径增长13.3%") grows from a level
    # other than the one written: by points, not tenths, where the factor is large (prices
    # taken out make a real rate, and the nominal one beside it is judged)
    r"|(?:扣除|剔除)(?!价格)[^,，;；。]*因素"
)


def _at_constant_prices(reading: Reading, notes: list[Note]) -> bool:
    if any(n.qualifier == "real" or CONSTANT_PRICES.search(n.subject) for n in notes):
        return True
    return any(
        CONSTANT_PRICES.search(reading.sentences[n].text) for n in {x.sentence for x in notes}
    )


def _whole_the_shares_name(reading: Reading, parts: list[Note]) -> Note | None:
    """ "人均工资性收入8091元,…占可支配收入的比重为57.5%;人均经营净收入2265元,…占可支配收入的
    比重为16.1%;…": when each part's share names its whole and the words bind that whole to one
    and the same figure, that figure is the total the parts make, even paragraphs before them."""
    wholes = set()
    for part in parts:
        share = attached(reading, part, SHARE)
        if share is None or not share.whole:
            return None
        named = wholes_named(reading, part, share)
        if len(named) != 1:
            return None
        wholes.add(named[0].index)
    return reading.notes[wholes.pop()] if len(wholes) == 1 else None


def _counts_alike(total: Note, part: Note, partition: Partition) -> bool:
    """The total counts what the parts count (全省就业人员 for 城镇就业人员): 其中 after
    全省卫生机构 or 医院及卫生院 lists 公立医院 and 民营医院, which make the hospitals only."""
    rest = remainder_of(part.subject, partition)
    named = counts_only(total.subject, rest)  # 医院床位, not 医疗卫生机构床位 (of 床位 too)
    return not rest or named or any(w in total.subject for w in partition.totals)


# words that say a part is among the insured the total counts: no kind of its member
INSURED = re.compile(r"^(?:参保|参加)")


def _a_kind_of_its_member(part: Note, total: Note, partition: Partition) -> bool:
    """Whether a part after 其中 names a kind of its member the total's words do not (企业职工
    under 城镇职工基本养老保险参保人数: the firms' workers, not all the insured workers)."""
    subject = _dashes(simplified(part.subject))
    member = member_of(subject, partition)
    if member is None:
        return False
    spelling = max((s for s in partition.members[member] if s in subject), key=len)
    before = OPENERS.sub("", subject[: subject.find(spelling)])
    before = INSURED.sub("", re.sub(r"^(?:\d{4}年|全年|年末|年底|上半年|前三季度)+", "", before))
    return bool(before) and before not in simplified(total.subject)


def _whole_of_qizhong(reading: Reading, total: Note, first: Note) -> bool:
    """ "吞吐量31705万吨,同比增长10.1%。其中,沿海港口完成29246万吨": the level 其中 follows
    binds the parts named after it (no other level of its unit between)."""
    between = reading.text[total.figure.end : first.figure.start]
    if "其中" not in between or len(between) > 80:
        return False
    return not any(
        n.role == LEVEL and n.figure.same_unit(total.figure)
        for n in reading.notes[total.index + 1 : first.index]
    )


def _a_kind_of_the_whole(note: Note, partition: Partition) -> bool:
    """Whether a level is named with the word that defines the members' whole (机电产品进出口,
    一般贸易进出口 beside 出口 and 进口): a kind of the whole, across its members, no part more."""
    subject = simplified(note.subject)
    return any(word in subject for word in partition.defines)


def _siblings(reading: Reading, parts: list[Note], total: Note) -> list[Note]:
    """Other levels of the parts' unit in the sentences the parts stand in."""
    last = parts[-1].sentence
    while last + 1 < len(reading.sentences) and reading.sentences[last].goes_on:
        if BY_ASPECT.match(reading.sentences[last + 1].text):
            break  # "…;从医院等级看,三级医院…": the whole broken down another way
        last += 1  # the list goes on to the end of its statement
    taken = {p.index for p in parts}  # (by index: a part may be renamed by its list's names)
    return [
        n
        for number in range(parts[0].sentence, last + 1)
        for n in reading.in_sentence(number)
        if n.role == LEVEL
        and additive(n)
        and n.index not in taken
        and n is not total
        and n.figure.same_unit(total.figure)
        and parts[0].index < n.index
        and not _a_parts_own(reading, n)
    ]


# "普通本科学校1242所(含独立学院164所)": what brackets that open with 含 hold is within the part
OWN_BREAKDOWN = re.compile(r"[(（]\s*(?:含|包括|其中)[^()（）]*$")


def _a_parts_own(reading: Reading, note: Note) -> bool:
    sentence = reading.sentences[note.sentence]
    before = reading.simple[sentence.start : note.figure.start]
    return OWN_BREAKDOWN.search(before) is not None


def _set_apart(reading: Reading, note: Note) -> bool:
    """Whether the words of the figure's clause open with 另有, 此外 (另有成人高等学校6所)."""
    sentence = reading.sentences[note.sentence]
    clause = CLAUSE.split(reading.simple[sentence.start : note.figure.start])[-1].strip()
    return clause.startswith(tuple(grammar()["not_parts"]))


def _mean_words(words: str) -> bool:
    return any(word in words for word in grammar()["mean_words"])


def changes_on_one_base(
    reading: Reading, whole: Note, parts: list[Note]
) -> tuple[list[Note], Note] | None:
    """Each part's change and the whole's, when the text gives every one and all are on one
    base."""
    changes = [attached(reading, p, CHANGE) for p in parts]
    total_change = attached(reading, whole, CHANGE)
    found = [c for c in changes if c is not None]
    if total_change is None or len(found) < len(parts) or not one_base(found, total_change):
        return None
    return found, total_change


def one_base(changes: list[Note], total_change: Note) -> bool:
    """The parts' changes and the total's are on one base. A part may leave its base unsaid
    ("城镇…比上年末增加1706万人;乡村…减少1239万人": the list's), the total never: "累计减少8239
    万人" since 2012 is no sum of falls on the year before."""
    bases = {on_base(c) for c in changes} - {None}
    if total_change.base is None:
        return not bases and all(c.base is None for c in changes)
    return bases <= {on_base(total_change)}


def on_base(change: Note) -> str | None:
    """What a change is on: 比2016年末 in 2017 is 比上年末 ("previous")."""
    year = (change.period or "")[:4]
    if (
        change.base
        and change.base.isdigit()
        and year.isdigit()
        and int(change.base) + 1 == int(year)
    ):
        return "previous"
    return change.base


def signed_sum(reading: Reading, changes: list[Note], total: Note) -> Relation:
    """Changes of the parts make the change of the total; a fall counts negative."""
    parts = [signed(c) for c in changes]
    start, end, spans = text_span(reading, *changes, total)
    relation = Relation("sum", {"parts": parts}, start, end, signed(total),
                        notes=[PARTITION_NOTE + "; so do their changes"], spans=spans)  # fmt: skip
    return relation


def hundred(like: Figure) -> Figure:
    """The whole as a share of itself: 100%, which the text leaves unwritten."""
    return Figure("100% (the whole)", 100.0, "%", PERCENT, like.end, like.end, Interval(100, 100))
