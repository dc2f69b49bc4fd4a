"""Parts and totals the words bind: the parts after 其中, in brackets after their level, after a
whole named with 中 (卫生人员总数中,卫生技术人员…), and some of a whole (119个县中有58个)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from povcli.article.figures import Sentence
from povcli.article.near import (
    additive,
    adds_up,
    attached,
    changes_add_up,
    compared_amount,
    core_words,
    counts_only,
    scopes_agree,
    shared_run,
    span_of,
    statement_start,
    text_span,
    whole_named_among,
)
from povcli.article.notes import LEVEL, RATE, SHARE, Note, Reading, simplified
from povcli.article.partitions import (
    CHANGES_BIND_NOTE,
    EXCEPT,
    ONE_MORE_NOTE,
    Partition,
    changes_on_one_base,
    growth_of_sum,
    known_partitions,
    larger_named,
    member_of,
    one_more_after,
    remainder_of,
    signed_sum,
)
from povcli.article.plan_progress import plans_add_up
from povcli.article.relations import PARTITION_NOTE, Relation
from povcli.numbers import PERCENT


def parts_after_qizhong(reading: Reading) -> Iterator[Relation]:
    """ "农民工总量29251万人,其中外出农民工17172万人,本地农民工12079万人": the levels after
    其中 in the level's unit are parts of it — all of it when they add up to it (or name a
    partition), else they must fit within it. The list may go on past a ; when it adds up,
    or, named alike, when it fits."""
    for number, sentence in enumerate(reading.sentences):
        notes = reading.in_sentence(number)
        text = sentence.text
        for found in QIZHONG.finditer(text):
            at = sentence.start + found.start()
            before = [n for n in notes if n.figure.end <= at and n.role == LEVEL]
            if not before and not text[: found.start()].strip(" ,，:："):
                before = _previous_levels(reading, number)  # "…1288.7亿元。其中,工业…"
                before = before or _level_of_rate_before(reading, number)
                named = _whole_named_by_measure(reading, number, found.end())
                before = [named] if named is not None else before
            # "支出1025.5亿元,完成年初预算36.7%,…。其中:市本级支出…": a share of a plan is
            # no whole of amounts; the amount before it is
            before = [n for n in before if n.figure.kind != PERCENT] or before
            # "…,上年同期为26.94亿元。其中,…": last year's or a plan's amount is no whole here
            before = [n for n in before if not compared_amount(n)]
            if not before or not additive(before[-1]) or _a_ratio(reading, before[-1]):
                continue
            statement = [*notes, *_rest_of_statement(reading, number)]
            whole = _whole_the_parts_make(before, statement, at) or before[-1]
            # "普通高等学校2358所(含独立学院323所)": what brackets hold is part of the level
            # before them, no part of the list
            bracketed = _bracket_spans(sentence)
            if _ends_its_sentence(text, found.end()):
                # "…共发送旅客3712.5万人次,环比增长5.0%…。其中:" and a part on each line after
                listed = _listed_after(reading, whole, number)
                yield from _sum_and_its_growth(reading, whole, listed)
                continue
            own = [span for span in bracketed if span[0] < at < span[1]]
            if own:  # "3.94亿千瓦(其中抽水蓄能0.38亿千瓦)、风电…": its parts are in its brackets
                after = [n for n in notes if at < n.figure.start < own[-1][1]]
            else:
                after = [n for n in notes if n.figure.start > at and not _inside(n, bracketed)]
            parts = _until_next_qizhong(
                _parts_of(whole, after), text, sentence.start, found.end(), bracketed
            )
            bigger = _larger_first_part(reading, whole, after)
            if bigger is not None and (not parts or _of_another_thing(whole, parts, bigger)):
                parts = [bigger]  # "全国发电量77790.6亿…其中,火电发电量253302.5亿": named alike
            more = _parts_of(whole, _rest_of_statement(reading, number))
            # the list may go on past a ; (其中:农业产值…;林业产值…;…渔业产值…)
            every = _every_member_after(reading, whole, [*after, *more])
            if every is not None and (len(every) > len(parts) or parts[: len(every)] == every):
                # 沿海港口12939.90万TEU,内河港口147.30万TEU of 1441.20万TEU; the members are all
                # of it, so a level after them is a thing across them, no part more
                # (出口…,进口…,机电产品进出口…)
                parts = every
                more = [n for n in more if n not in every]
            beyond = []
            if more and parts and _all_of_it(reading, whole, [*parts, *more]):
                parts = [*parts, *more]
            elif more and parts:
                beyond = _named_alike(reading, parts[0], more)
            elif parts and not adds_up(whole, parts):
                parts = [*parts, *_parts_in_later_sentences(reading, whole, parts, number)]
            if not parts or (len(parts) == 1 and _share_of_it(reading, parts[0], whole)):
                continue  # one part with its share of the whole: the share says more
            if beyond and _fit(whole, [*parts, *beyond]):
                parts = [*parts, *beyond]  # (when they do not, they may be no parts of it:
                # 大牲畜存栏…,其中:黄牛存栏…;生猪存栏…)
            parts = _counting_the_wholes_thing(whole, parts)
            yield from _sum_and_its_growth(reading, whole, parts)


def _sum_and_its_growth(reading: Reading, whole: Note, parts: list[Note]) -> Iterator[Relation]:
    if not parts:
        return
    relation = _sum_or_subset(reading, whole, parts)
    yield relation
    if relation.kind == "sum":
        yield from _changes_add_up(reading, whole, parts, relation)
        yield from _rates_make_its_rate(reading, whole, parts, relation.confident)
        plans = plans_add_up(reading, whole, parts) if adds_up(whole, parts) else None
        if plans is not None:
            yield plans


LISTED_LINES = 12  # sentences after a closing 其中 read for its parts
# "其中", and "当中" as Macao's and Hong Kong's releases write it ("…56.3万人次,当中珠海市…")
QIZHONG = re.compile(r"其中|当中")


def _ends_its_sentence(text: str, at: int) -> bool:
    return not text[at:].strip(" :：,，\n")


def _listed_after(reading: Reading, whole: Note, number: int) -> list[Note]:
    """The parts a sentence ending in 其中 lists in the sentences after it: the first level of
    the whole's unit in each, while each has one. Where the list ends is not written, so only
    a list that names every member of a partition (铁路, 公路, 水路, 民航), or the first levels
    that add up to the whole, are taken; else none."""
    levels: list[Note] = []
    last = min(number + 1 + LISTED_LINES, len(reading.sentences))
    for following in range(number + 1, last):
        notes = reading.in_sentence(following)
        if not notes:
            continue  # a line of debris ("?! ?/p>") between the parts
        own = _parts_of(whole, notes)
        own = [n for n in own if n.figure.same_unit(whole.figure)]
        if not own:
            break
        levels.append(own[0])
    every = _every_member_after(reading, whole, levels)
    if every is not None:
        return every
    for count in range(2, len(levels) + 1):
        if adds_up(whole, levels[:count]):
            return levels[:count]
    return []


def _share_of_it(reading: Reading, part: Note, whole: Note) -> bool:
    """Whether the part's share is of this whole: "其中,实物商品网上零售额108042亿元,占社会消费品
    零售总额的比重为24.5%" gives its share of another whole, and leaves its fitting within
    网上零售额 to be checked."""
    share = attached(reading, part, SHARE)
    if share is None:
        return False
    named = core_words(share.whole or "")
    own = core_words(whole.subject)
    return not named or not own or named in own or own in named


def _a_ratio(reading: Reading, note: Note) -> bool:
    """ "生师比13.87:1(其中:城市14.5:1;…)": a ratio's terms are no level with parts."""
    return (
        re.match(r"\s*[:：]\s*\d", reading.text[note.figure.end : note.figure.end + 4]) is not None
    )


def _changes_add_up(
    reading: Reading, whole: Note, parts: list[Note], levels: Relation
) -> Iterator[Relation]:
    """ "…12061万千瓦,较上年少投产1123万千瓦。其中水电1174万千瓦,较上年少投产201万千瓦;…": parts
    that add up to the whole have changes, on its base, that add up to its change. The levels
    adding up within their rounding is what shows the list whole; so a change that does not
    add up is wrong, as the levels' sum is where they do not."""
    changed = changes_on_one_base(reading, whole, parts)
    if changed is None:
        return
    relation = signed_sum(reading, *changed)
    relation.confident = levels.confident or adds_up(whole, parts)
    yield relation


def _all_of_it(reading: Reading, whole: Note, parts: list[Note]) -> bool:
    """Whether the parts are all of the whole: their levels add up to it, or their changes,
    written closely, to its change."""
    return adds_up(whole, parts) or _changes_make_its_change(reading, whole, parts)


def _changes_make_its_change(reading: Reading, whole: Note, parts: list[Note]) -> bool:
    changed = changes_on_one_base(reading, whole, parts)
    return changed is not None and changes_add_up(changed[1], changed[0])


def _rates_make_its_rate(
    reading: Reading, whole: Note, parts: list[Note], named: bool
) -> Iterator[Relation]:
    """ "共发送旅客8201.9万人次,比去年同期增长2.87%。其中铁路发送旅客1069万人次,增长9.2%;…":
    the parts' levels and rates give the whole's rate (judged where the words bind the parts
    as all of it)."""
    yield from growth_of_sum(reading, parts, whole, named)


def _whole_the_parts_make(before: list[Note], notes: list[Note], at: int) -> Note | None:
    """ "总产值69.93亿元,…增加值37.90亿元,增长2.7%。其中,农业产值7.09亿元;…": an earlier level
    of the statement that the levels after 其中 add up to exactly, when the last one before
    其中 is not it."""
    after = [n for n in notes if n.figure.start > at and n.role == LEVEL and additive(n)]
    for whole in reversed(before[:-1]):
        parts = [n for n in after if n.figure.same_unit(whole.figure)]
        if additive(whole) and len(parts) > 1 and adds_up(whole, parts):
            return whole
    return None


def _bracket_spans(sentence: Sentence) -> list[tuple[int, int]]:
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in re.finditer(r"[(（][^()（）]*[)）]", sentence.text)
    ]


def _inside(note: Note, spans: list[tuple[int, int]]) -> bool:
    return any(start < note.figure.start < end for start, end in spans)


def _previous_levels(reading: Reading, number: int) -> list[Note]:
    """The levels of the sentence before; when it gives none, of its statement's sentence
    before it ("完成旅客运输量17.38亿人,增长1.2%;增速比一季度回落1.3个百分点。其中,…")."""
    while number > 0:
        number -= 1
        levels = [n for n in reading.in_sentence(number) if n.role == LEVEL]
        if levels or number == 0 or not reading.sentences[number - 1].goes_on:
            return levels
    return []


def _counting_the_wholes_thing(whole: Note, parts: list[Note]) -> list[Note]:
    """ "运输机场共有238个,其中定期航班通航机场237个,定期航班通航城市234个": where some parts
    end with a noun the whole's words name (机场) and others with one they do not (城市), those
    others count something else, no part of it."""
    counted = simplified(whole.subject)
    named = [p for p in parts if _head_noun(p) and _head_noun(p) in counted]
    return [p for p in parts if p in named or not any(_parallel(p, n) for n in named)]


def _parallel(one: Note, other: Note) -> bool:
    """Two parts worded alike but for what they count (定期航班通航城市, 定期航班通航机场)."""
    a, b = simplified(one.subject).strip(), simplified(other.subject).strip()
    pairs = zip(a, b, strict=False)
    shared = next((i for i, (x, y) in enumerate(pairs) if x != y), min(len(a), len(b)))
    return shared >= 3 and len(a) - shared <= 4 and _head_noun(one) != _head_noun(other)


def _of_another_thing(whole: Note, parts: list[Note], bigger: Note) -> bool:
    """Whether the parts that fit count something the whole's words do not name (通航城市 of
    运输机场) while the larger one counts what they name (通航机场): it is the part."""
    counted = simplified(whole.subject)
    heads = [_head_noun(p) for p in parts]
    head = _head_noun(bigger)
    return bool(head) and head in counted and all(h and h not in counted for h in heads)


def _head_noun(note: Note) -> str:
    """The last two characters of a part's words, when they are a noun's (not a verb's: 增长)."""
    words = simplified(note.subject).strip()
    tail = words[-2:]
    return tail if len(tail) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2}", tail) else ""


NUMERAL = re.compile(r"\d")
MEASURE_WITHIN = 4  # characters at least the parts' words and the whole's share at their end


def _whole_named_by_measure(reading: Reading, number: int, after: int) -> Note | None:
    """ "…合计主营业务收入10905.4亿元,同比增长37.1%;利润总额890.3亿元,…。其中,…四大行业大类
    主营业务收入分别为5747.3、…亿元": the parts name their measure, and the whole is the one
    level of the statement before whose words end with it, not the last level (the profit)."""
    sentence = reading.sentences[number]
    notes = reading.in_sentence(number)
    # the first figure written in digits: 四大行业 names its parts, it is none of them
    first = next(
        (
            n
            for n in notes
            if n.figure.start > sentence.start + after and NUMERAL.search(n.figure.written)
        ),
        None,
    )
    if first is None:
        return None
    words = RESPECTIVELY_WORDS.sub("", reading.simple[sentence.start + after : first.figure.start])
    candidates = [
        n
        for n in _statement_levels(reading, number)
        if additive(n)
        and shared_run(_ending(simplified(n.subject)), words) >= MEASURE_WITHIN
        and words.endswith(_ending(simplified(n.subject))[-MEASURE_WITHIN:])
    ]
    values = {n.figure.value for n in candidates}
    if len(values) != 1:
        return None
    whole = candidates[-1]
    # a level per unit (5845公斤/公顷) has no parts; nor has a whole any part larger than it
    # alone (其中谷物单位面积产量6419公斤/公顷 after 粮食's 5845): another measure named alike
    if reading.simple[whole.figure.end : whole.figure.end + 1] in ("/", "／"):
        return None
    listed = [n for n in notes if n.figure.start > first.figure.start - 1 and n.role == LEVEL]
    if any(
        n.figure.bounds.low > whole.figure.bounds.high
        for n in listed
        if n.figure.same_unit(whole.figure)
    ):
        return None
    return whole


# what a list's words end with before its figures: 分别为, 分别是, 为
RESPECTIVELY_WORDS = re.compile(r"(?:分别)?(?:为|是|达|有)?\s*$")


def _ending(subject: str) -> str:
    return re.sub(r"^.*(?:合计|共计|累计|实现|完成)", "", subject)


def _statement_levels(reading: Reading, number: int) -> list[Note]:
    """The levels of the sentences before this one in its statement, back to the sentence
    before the one a ; does not end (… 。 A;B。 其中 …: the levels of A and B)."""
    first = statement_start(reading, max(number - 1, 0))
    return [n for k in range(first, number) for n in reading.in_sentence(k) if n.role == LEVEL]


def _level_of_rate_before(reading: Reading, number: int) -> list[Note]:
    """ "前三季度全市第二产业同比增长5.0%。其中,工业增加值实现1207.7亿元": a sentence of a rate
    alone, the rate restating the rate of a level stated earlier (第二产业增加值1288.7亿元,
    增长5.0%), of the same thing: that level is the whole."""
    rates = [n for n in reading.in_sentence(number - 1) if n.role == RATE] if number else []
    if not rates:
        return []
    rate = rates[-1]
    levels = [
        reading.notes[n.head]
        for n in reading.notes[: rate.index]
        if n.role == RATE
        and n.head is not None
        and n.figure.written == rate.figure.written
        and n.period == rate.period
        and shared_run(simplified(reading.notes[n.head].subject), simplified(rate.subject)) >= 3
    ]
    return levels[-1:] if len({n.figure.value for n in levels}) == 1 else []


def _larger_first_part(reading: Reading, whole: Note, after: list[Note]) -> Note | None:
    """The first level after 其中, larger than the whole, yet named like it (发电量): a part
    too large for its whole, which the words leave no doubt about — unless they say it is of
    another span (其中,3月份实现利润总额…, after 1-3月's profit: a month's profit may exceed the
    months' after a loss) or all but something (除汽车以外的消费品零售额, after 乡村's)."""
    first = next((n for n in after if n.role == LEVEL), None)
    if first is None or not additive(first) or not first.figure.same_unit(whole.figure):
        return None
    if first.figure.bounds.high <= whole.figure.bounds.high:
        return None
    if shared_run(first.subject, whole.subject) < 2 or EXCEPT.search(first.subject):
        return None
    if span_of(reading, first) != span_of(reading, whole):
        return None
    return first


def _every_member_after(reading: Reading, whole: Note, after: list[Note]) -> list[Note] | None:
    """The levels right after 其中 that name each member of a partition once and count what
    the whole counts (沿海港口…内河港口 of 集装箱吞吐量), though one be larger than the whole:
    all of it, so a part too large is an error to judge, not a figure to pass over."""
    levels = [
        n for n in after if n.role == LEVEL and additive(n) and n.figure.same_unit(whole.figure)
    ]
    for partition in known_partitions():
        first = levels[: len(partition.members)]
        if len(first) == len(partition.members) and _every_member(reading, whole, first):
            return first
    return None


# the count a group's name holds (四大行业, 五大市场): it counts the parts, it is none of them
GROUP_COUNT = re.compile(r"[一二三四五六七八九十]{1,2}大")


def _parts_of(whole: Note, notes: list[Note]) -> list[Note]:
    return [
        n
        for n in notes
        if n.role == LEVEL
        and not compared_amount(n)
        and additive(n)
        and not GROUP_COUNT.fullmatch(n.figure.written)
        and n.figure.same_unit(whole.figure)
        and n.figure.bounds.high <= whole.figure.bounds.high * 1.0001
    ]


# a clause that opens with a period of its own starts another statement of the same things
OWN_PERIOD = re.compile(
    r"^\s*(?:\d{4}年|\d{1,2}\s*[-—–~至]\s*\d{1,2}月|\d{1,2}月|全年|上半年|前三季度)"
)


def _named_alike(reading: Reading, first: Note, more: list[Note]) -> list[Note]:
    """ "其中,完成公路货运量35.5亿吨,同比增长12.7%;完成水路货运量8.4亿吨,…": parts after a ;
    that the parts' own noun names (货运量), up to the first that is not, or whose clause
    dates itself. They are taken only where they fit within the whole: a mismatch may be a
    thing named alike that is no part of it."""
    alike = []
    for note in more:
        sentence = reading.sentences[note.sentence]
        if OWN_PERIOD.match(sentence.text) or _shared_ending(note.subject, first.subject) < 2:
            break
        alike.append(note)
    return alike


def _shared_ending(one: str, other: str) -> int:
    count = 0
    while count < min(len(one), len(other)) and one[-1 - count] == other[-1 - count]:
        count += 1
    return count


LATER_SENTENCES = 6  # sentences after 其中's in which its list may go on


def _parts_in_later_sentences(
    reading: Reading, whole: Note, parts: list[Note], number: int
) -> list[Note]:
    """ "其中铁路完成0.31亿吨,增长10.2%。公路完成8.10亿吨,增长3.9%;…。水运完成5.29亿吨,…": the
    list may go on in the next sentences of its paragraph, each opening with a part. They are
    taken only where they make the whole with the parts before them: a sentence that opens
    with a level may as well speak of something else."""
    later: list[Note] = []
    for sentence in range(number + 1, min(number + 1 + LATER_SENTENCES, len(reading.sentences))):
        levels = [n for n in reading.in_sentence(sentence) if n.role == LEVEL]
        if levels and levels[0].paragraph != parts[-1].paragraph:
            break
        levels = [n for n in levels if additive(n) and n.figure.same_unit(whole.figure)]
        if not levels:
            continue  # "…;增速比一季度回落1.4个百分点。", "各季降幅在6%左右。": of the parts
        later.append(levels[0])
        if adds_up(whole, [*parts, *later]):
            return later
    return []


def _rest_of_statement(reading: Reading, number: int) -> list[Note]:
    """The notes of the sentences a ; joins after this one."""
    found: list[Note] = []
    while number + 1 < len(reading.sentences) and reading.sentences[number].goes_on:
        number += 1
        found.extend(reading.in_sentence(number))
    return found


def _fit(whole: Note, parts: list[Note]) -> bool:
    return sum(p.figure.bounds.low for p in parts) <= whole.figure.bounds.high


# what stands between a whole and some of it: "个县中有", "个县区中", "万人中患慢性病的共"
# (初中, 高中, 集中, 其中, 中央, 中心, 中部 and 中国 are words, no 中 of "among")
AMONG_ZHONG = r"(?<![初高集其])中(?![央心部国级等])"
SOME_OF = re.compile(
    rf"[^,，;；。、\d]{{0,12}}{AMONG_ZHONG}(?:有|包括|共有)?"
    rf"|{AMONG_ZHONG}[^,，;；。、\d]{{1,12}}?(?:共|共有)"
)


def some_of(reading: Reading) -> Iterator[Relation]:
    """Some of a whole, said with 中: "全省119个县中有58个县是贫困县", "107个县区中96个有扶贫
    任务", "3.4万人中患慢性病的共1.43万人"."""
    for number, sentence in enumerate(reading.sentences):
        notes = [n for n in reading.in_sentence(number) if n.role == LEVEL and additive(n)]
        for whole, part in itertools.pairwise(notes):
            between = sentence.text[
                whole.figure.end - sentence.start : part.figure.start - sentence.start
            ]
            if SOME_OF.fullmatch(between) and part.figure.same_unit(whole.figure):
                yield _sum_or_subset(reading, whole, [part])


def parts_in_brackets(reading: Reading) -> Iterator[Relation]:
    """ "93個縣(57個貧困縣、36個非貧困縣)": the parts of a level, in brackets after it."""
    for number, sentence in enumerate(reading.sentences):
        notes = reading.in_sentence(number)
        for bracket in re.finditer(r"[(（]([^()（）]{2,60})[)）]", sentence.text):
            start, end = sentence.start + bracket.start(), sentence.start + bracket.end()
            before = [n for n in notes if n.figure.end <= start]
            if not before or before[-1].role != LEVEL or not additive(before[-1]):
                continue
            whole = before[-1]
            between = sentence.text[whole.figure.end - sentence.start : bracket.start()]
            if between.strip() and not COUNTED_NOUN.fullmatch(between):
                continue  # the brackets follow the level at once, or the noun it counts (93个县)
            inside = [n for n in notes if start < n.figure.start < end]
            including = re.match(r"[(（]\s*(?:含|包括|其中)", bracket.group())
            if including:  # "(含民办学校42所)": a part of the level, however large it is written
                parts = [
                    n
                    for n in inside
                    if n.role == LEVEL and additive(n) and n.figure.same_unit(whole.figure)
                ]
            else:
                parts = _parts_of(whole, inside)
            if parts and len(parts) == len(inside) and (len(parts) >= 2 or including):
                yield _sum_or_subset(reading, whole, parts)


def _until_next_qizhong(
    parts: list[Note], text: str, offset: int, after: int, bracketed: list[tuple[int, int]]
) -> list[Note]:
    """The parts up to the next 其中 of the sentence (one in brackets breaks a part down)."""
    for found in QIZHONG.finditer(text[after:]):
        at = offset + after + found.start()
        if not any(start < at < end for start, end in bracketed):
            return [p for p in parts if p.figure.start < at]
    return parts


def _with_changes(reading: Reading, whole: Note, parts: list[Note]) -> Iterator[Relation]:
    """The parts that add up to the whole, and their changes that make its change."""
    relation = _sum_or_subset(reading, whole, parts)
    yield relation
    changed = changes_on_one_base(reading, whole, parts)
    if relation.kind == "sum" and changed is not None:
        change_sum = signed_sum(reading, *changed)
        change_sum.confident = relation.confident
        yield change_sum
    if relation.kind == "sum":
        yield from _rates_make_its_rate(reading, whole, parts, relation.confident)


def _joined(reading: Reading, number: int) -> bool:
    """Whether the sentence goes on the statement of the one before it (that one ends in ;)."""
    return number > 0 and reading.sentences[number - 1].goes_on


def _sum_or_subset(reading: Reading, whole: Note, parts: list[Note]) -> Relation:
    start, end, spans = text_span(reading, whole, *parts)
    figures = [p.figure for p in parts]
    whole_made = adds_up(whole, parts)
    complements = (
        _complements(parts, reading, whole)
        or _every_member(reading, whole, parts)
        or _whole_names_each(whole, parts)
    )
    if len(parts) > 1 and not whole_made and _changes_make_its_change(reading, whole, parts):
        # the levels fail to add up, their changes do: one level wrongly written, or a rest
        # left out that did not change (拖拉机 beside 汽车 and 摩托车), or parts that overlap
        # (私人汽车, 新能源汽车) whose changes offset: shown, called wrong only where the words
        # bind them as all of it
        return Relation("sum", {"parts": figures}, start, end, whole.figure,
                        notes=[CHANGES_BIND_NOTE], spans=spans,
                        confident=bool(complements))  # fmt: skip
    if len(parts) > 1 and (whole_made or complements):
        note = (
            "the parts after 其中 add up to the whole"
            if whole_made
            else "the parts are a thing and its complement (X, 非X)"
            if _complements(parts, reading, whole)
            else PARTITION_NOTE
        )
        one_more = one_more_after(reading, whole, parts)
        relation = Relation("sum", {"parts": figures}, start, end, whole.figure, notes=[note],
                            confident=complements and not one_more, spans=spans)  # fmt: skip
        if one_more is not None:
            relation.notes.append(ONE_MORE_NOTE.format(one_more.figure.written))
        return relation
    notes = ["the parts listed after 其中 need not be all of the whole: they are checked to fit "
             "within it"]  # fmt: skip
    nested = _nested(parts)
    if nested:
        notes.append(NESTED_NOTE)
    crossing = len(parts) > 1 and not nested and _may_overlap(parts, whole)
    if crossing:
        notes.append(CROSSING_NOTE)
    return Relation("subset", {"part": figures, "whole": whole.figure}, start, end,
                    notes=notes, spans=spans, confident=not (nested or crossing))  # fmt: skip


CROSSING_NOTE = (
    "the parts may overlap (kinds of goods, or people by different traits): more than the "
    "whole together is not called wrong"
)
# a list of names the parts' figures follow with 分别, each named by one of them
NAMES_LISTED = re.compile(r"、[^、]*分别")
# goods classed along different lines (机电产品, 高新技术产品: a phone is both)
GOODS = re.compile(r"(?:产品|商品)")
# lines along which people, firms and trade are classed, each a line of its own: one person has
# a sex, a nation, an age, a schooling; one firm an owner, a size, a field; one export a trade
# mode and a kind of goods
TRAITS = (
    re.compile(r"男|女"),
    re.compile(r"少数民族|汉族"),
    re.compile(r"党员|团员"),
    re.compile(r"学历|大专|本科|研究生|硕士|博士|文化程度"),
    re.compile(r"\d+岁|周岁|青年|老年|儿童|老人"),
    re.compile(r"残疾"),
    re.compile(r"寄宿|住校|走读|留守|随迁"),
    # the groups a job programme counts, which one person may belong to several of
    re.compile(r"毕业生"),
    re.compile(r"转移劳动力|农民工"),
    re.compile(r"职工|离退休|退休"),  # the insured: working or retired (参保职工, 参保农民工)
    re.compile(r"退役军人"),
    re.compile(r"失业人员"),
    re.compile(r"困难人员"),
    re.compile(r"国有|民营|私营|外商|外资|港澳台|集体"),
    re.compile(r"股份制|股份有限|有限责任"),  # a legal form, across every owner
    re.compile(r"高新技术|科技型|专精特新"),
    re.compile(r"规模以上|大型|中型|小型|微型"),
    re.compile(r"一般贸易|加工贸易|保税|边境贸易"),
    GOODS,
)


def _may_overlap(parts: list[Note], whole: Note) -> bool:
    """Whether the parts may count some of the same things, so that their sum may exceed the
    whole with each of them right: kinds of goods (机电产品, 高新技术产品), or people by
    different traits (女性, 少数民族). A single part larger than the whole is wrong anyway."""
    if any(p.figure.bounds.low > whole.figure.bounds.high for p in parts):
        return False
    subjects = [simplified(p.subject) for p in parts]
    if NAMES_LISTED.search(subjects[0]):
        return True  # "国有控股企业、股份制企业…分别实现…": kinds whose bounds the words leave open
    if sum(bool(GOODS.search(s)) for s in subjects) > 1:
        return True
    lines = {i for s in subjects for i, trait in enumerate(TRAITS) if trait.search(s)}
    return len(lines) > 1


NESTED_NOTE = "a part is the sum of the parts after it: they break it down, within the whole"


def _nested(parts: list[Note]) -> bool:
    """ "其中医院床位4.2万张,公立医院3.0万张,民营医院1.2万张": a part the parts right after
    it add up to is broken down by them, and the list counts them twice; so does a part whose
    words end with an earlier one's ("当中内地旅客281.2万人次,…以个人游来澳的内地旅客132.7万
    人次": a group of the mainland visitors)."""
    for at, part in enumerate(parts[:12]):
        for end in range(at + 3, min(len(parts), 12) + 1):
            if adds_up(part, parts[at + 1 : end]):
                return True
    return _a_group_of_an_earlier(parts[:12])


def _a_group_of_an_earlier(parts: list[Note]) -> bool:
    names = [QIZHONG.sub("", simplified(p.subject)).strip(" ,，:：") for p in parts]
    return any(
        len(earlier) >= 2 and len(later) > len(earlier) and later.endswith(earlier)
        for at, earlier in enumerate(names)
        for later in names[at + 1 :]
    )


def _every_member(reading: Reading, whole: Note, parts: list[Note]) -> bool:
    """The parts name each member of a partition once (其中不同性别…,相同性别…) and count
    what the whole counts (公立医院, 民营医院 of 医院; not of 卫生机构): all of it."""
    for partition in known_partitions():
        named = sorted(m for p in parts if (m := member_of(p.subject, partition)) is not None)
        if len(parts) != len(partition.members) or named != list(range(len(parts))):
            continue
        counted = {remainder_of(p.subject, partition) for p in parts}
        alike = len(counted) == 1 and _counts(whole.subject, counted.pop())
        if (
            (alike or _carry_alike(reading, partition, whole, parts))
            and all(_alike(p, whole) for p in parts)
            and not larger_named(reading, partition, parts[0])
        ):
            return True
    return False


def _carry_alike(reading: Reading, partition: Partition, whole: Note, parts: list[Note]) -> bool:
    """Whether parts named otherwise all carry what the whole carries (travellers by rail, road,
    water and air), none of them only some of its own member's (公路营业性客运量 of all travel).
    The whole's noun may follow its figure (完成612.88亿人次跨区域人员流动量)."""
    if not partition.carries:
        return False
    after = re.split(r"[,，;；。、]", reading.simple[whole.figure.end : whole.figure.end + 16])[0]
    carried = [whole.subject + after, *(p.subject for p in parts)]
    if not all(re.search(partition.carries, words) for words in carried):
        return False
    if partition.partial is not None:
        member, words = partition.partial
        some = [
            p for p in parts if member_of(p.subject, partition) == member and words in p.subject
        ]
        return not some or words in whole.subject
    return True


def _alike(part: Note, whole: Note) -> bool:
    """A part of the whole's period and place (not 2023年末 of 2024年末, 全市 of 全省)."""
    return part.period == whole.period and scopes_agree(part.subject, whole.subject)


def _counts(subject: str, counted: str) -> bool:
    """What every member counts (医院; nothing when the parts name only the members: 不同性别,
    相同性别) is what the whole counts, and nothing beside it."""
    return counts_only(subject, counted) if counted else True


def _complements(parts: list[Note], reading: Reading, whole: Note) -> bool:
    """Two parts, a thing and what is not it (贫困县, 非贫困县): by their subjects, or by the
    nouns their counts are of (57个贫困县、36个非贫困县), of the thing the whole counts (93个
    县; not 5.2亿元 of money, some of which no village had)."""
    if len(parts) != 2:
        return False
    counted = _counted(reading, whole)
    for names in ([p.subject for p in parts], [_counted(reading, p) for p in parts]):
        a, b = names
        if a and b and (f"非{a}" == b or f"非{b}" == a):
            thing = min(a, b, key=len)[-1:]
            return thing in counted or thing in whole.subject
    return False


def _whole_names_each(whole: Note, parts: list[Note]) -> bool:
    """ "公路水路客运量5000万人次…其中,公路客运量…;水路客运量…": the whole's words name each
    part's own word, so the parts are all of it (进出口 of 出口 and 进口 is not read so: 进口 is
    no run of its words)."""
    if len(parts) < 2:
        return False
    subject = simplified(whole.subject)
    names = [simplified(p.subject) for p in parts]
    owns = [_own_word(name) for name in names]
    if not all(owns) or len(set(owns)) != len(owns):
        return False
    # the whole's words are the parts' own words in a row, then the parts' shared measure:
    # not 公路水路铁路货物运输量 of 公路 and 水路 (铁路 left out), not 城镇新增就业 of 城镇失业人员
    # 再就业 and 就业困难人员就业, not 一般公共预算支出 of 一般公共服务支出 and 公共安全支出
    own = "(?:" + "|".join(map(re.escape, owns)) + ")"
    named = re.search(own + f"(?:[、和与及]?{own}){{{len(owns) - 1}}}", subject)
    if named is None or set(re.findall(own, named.group())) != set(owns):
        return False
    tails = {name[2:3] for name in names}
    # "铁路、公路共发送旅客" of "铁路发送旅客" and "公路发送旅客": 共 between them and the measure
    after = TOGETHER.sub("", subject[named.end() :], count=1)
    return tails == {""} or (len(tails) == 1 and after[:1] in tails)


TOGETHER = re.compile(r"^(?:共计|合计|总计|累计|共)")


def _own_word(subject: str) -> str:
    """A part's first two characters, when they are its own (not 全市, 其中, 年末)."""
    own = subject[:2]
    return "" if re.match(r"全|其中|年|本|当|我|该", own) or len(own) < 2 else own


COUNTED_NOUN = re.compile(r"[^\W\d_]{1,6}")


def _counted(reading: Reading, note: Note) -> str:
    """The noun right after a count (57个贫困县 → 贫困县), or nothing."""
    after = reading.sentence_of(note).words_after(note.figure, limit=8)
    found = COUNTED_NOUN.match(after)
    return found.group() if found else ""


def parts_among(reading: Reading) -> Iterator[Relation]:
    """ "2021年末卫生人员总数中,卫生技术人员1124.2万人", "在外出农民工中,…进城农民工13101万人":
    each level of the whole's unit in a sentence that opens with the whole and 中 is a part of
    it, whatever else the sentence lists (the parts may overlap: 60岁及以上, 65岁及以上), so
    each is checked to fit within the whole on its own; when they add up to it, that is shown."""
    run: list[Note] = []  # the whole, then its parts in the statement so far
    for number, sentence in enumerate(reading.sentences):
        bracketed = _bracket_spans(sentence)
        parts = [
            n
            for n in reading.in_sentence(number)
            if n.role == LEVEL and additive(n) and not _inside(n, bracketed)
        ]
        whole = whole_named_among(reading, parts[0]) if parts else None
        if whole is None or not additive(whole):
            run = []
            continue
        parts = [
            p
            for p in parts
            if p.figure.same_unit(whole.figure)
            and p.period == whole.period
            and span_of(reading, p) == span_of(reading, whole)  # 1-3月份 of no 3月份 whole
        ]
        for part in parts:
            start, end, spans = text_span(reading, whole, part)
            yield Relation("subset", {"part": [part.figure], "whole": whole.figure}, start, end,
                           notes=[f"the words before 中 name {whole.figure.written} its whole"],
                           spans=spans)  # fmt: skip
        if len(parts) > 1 and adds_up(whole, parts):
            yield from _with_changes(reading, whole, parts)
        # "在外出农民工中,跨省流动农民工7052万人,…;在省内就业的外出农民工9907万人": the
        # statement goes on past ; with parts of the same whole
        if run and run[0].index == whole.index and _joined(reading, number):
            run.extend(parts)
            if len(run) > len(parts) + 1 and adds_up(whole, run[1:]):
                yield from _with_changes(reading, whole, run[1:])
        else:
            run = [whole, *parts]
