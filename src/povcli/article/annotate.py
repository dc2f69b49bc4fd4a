"""Step one of `check`: every figure of an article, annotated.

Each statistic gets its value and interval and its unit (povcli.article.figures), and here
its role — a level, a change, a rate of change, a change in points, a share, a multiple, an
average per year, a count of years, or a label that is no statistic (an age, a footnote, a
ratio's 1) — the subject it counts with its scope (the nation, a province, a region), its
period, the base it is compared with (比上年, 比2012年), and qualifiers (名义/实际). Subject
and period are carried across clauses, sentences and paragraphs: "2019年末,全国农村贫困人口
551万人,比上年末减少1109万人" gives the change the subject and year of the level it follows.

This module reads the article sentence by sentence and carries periods along; a figure's role,
subject and scope come from povcli.article.roles, the head it is attached to from
povcli.article.heads, and what is kept of it is a povcli.article.notes.Note. Relations are
inferred from these annotations (povcli.article.infer); `povcli check --figures` shows them, so
a reader can see why a relation was or was not found. The phrasings are data: grammar.json.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from povcli.article.cell_lines import cell_grids
from povcli.article.figures import Figure, Sentence, figures_of, sentences_of
from povcli.article.grids import grids_of, table_rows
from povcli.article.heads import attach, rates_after_changes, respective_heads
from povcli.article.notes import (
    CARRIED_SHARE,
    CHANGE,
    LABEL,
    LEVEL,
    LOOK_BACK,
    POINTS,
    RATE,
    SHARE,
    Note,
    Reading,
    any_of,
    grammar,
    sentence_clauses,
    simplified,
    years_in_digits,
)
from povcli.article.roles import (
    DATELINE,
    list_continues,
    open_ended,
    phrase_patterns,
    read_role,
    scope_of,
    segment_of,
    subject_of,
    titled_province,
)
from povcli.article.row_tables import spaced_row_spans, spaced_tables
from povcli.numbers import COUNT, PER_MILLE, PERCENT

YEAR = re.compile(
    r"(\d{4})年(上半年|下半年|前三季度|前两季度|一季度|二季度|三季度|四季度|第[一二三四]季度|末|底|初)?"
)
YEAR_SPAN = re.compile(r"(\d{4})(?:年)?(?:—|–|-|~|～|至|到)(\d{4})年")
# years that date another figure, not this one: a comparison's base, a start level's year
MONTHS = re.compile(
    r"(?:^|[^\d月])(?:(\d{1,2})[-—至~](\d{1,2})月|(\d{1,2})月份|前(?P<first>\d{1,2})个?月)"
    r"(?!\d{1,2}日)"
)
FOREIGN_YEAR = re.compile(r"(?:比|较|与|从|由|自)(\d{4})年")
COMPARED_SPAN = re.compile(r"(?:比|较|与)$")
# "…28.65亿元,上年同期为26.94亿元": the level a year before, of what the clause before counts
LAST_YEAR_WAS = re.compile(
    r"(?:^|[,，;；(（])\s*(?:上年同期|去年同期|上年|去年|上年末|上年底|去年末|去年底)(?:为|是)\s*$"
)
# "为预算数82000万元的100.4%", "(预算数63000万元)": a plan's amount, no amount done
# "为预算数82000万元", "完成年初预算数60999万元", "占全年计划2000万元": the plan's amount
PLAN_AMOUNT = re.compile(
    r"(?:^|[,，;；(（为占]|完成)\s*(?:年初|调整|全年|年度)?(?:预算|计划)数?(?:为|是)?\s*$"
)
# "比2012年的16510元", "較105年的1,106,004元" (a year of the Republic), "比上年的…": the level
# compared with (only a year of four digits dates it)
BASE_LEVEL = re.compile(
    r"(?:比|较|与)之?(?:(?:(\d{4})年(?:[^\d,，;；。的之]{2,16}?)?|\d{2,3}年|上一?年|去年|上年同期|去年同期)"
    r"(?:末|底|同期)?[的之]"
    # ("与2010年第六次全国人口普查的725482人相比": the census named between the year and 的)
    # "较计画目标965,940公吨减少14,763公吨": a target's level is compared with
    r"|(?:年度|全年|年初)?(?:计划|计画|预期|预算)?目标(?:数|值)?的?)\s*$"
)
# "比全国(2.5%)高3.7个百分点", "比全市低2568元(全市为21585元)": the figure compared with
COMPARED_IN_BRACKETS = re.compile(
    r"(?:(?:比|较|与)[^,，;；。()（）]{1,12}[(（]|[(（][^,，;；。()（）]{1,8}(?:为|是))\s*$()"
)
NOTE_IN_BRACKETS = re.compile(r"[(（][^()（）\d]*[)）]")
FROM_YEAR = re.compile(r"(?:从|由|自)(\d{4})年(?:末|底)?的?\s*$")


def annotate(text: str) -> Reading:
    """Read the cleaned article: its figures, each with what the text says it is."""
    simple = simplified(text)
    grids = grids_of(text)
    grids += cell_grids(text, grids)
    cells = [(g.start, g.end) for g in grids] + table_rows(text)
    row_tables = spaced_tables(text, [(g.start, g.end) for g in grids])
    cells += spaced_row_spans(row_tables)
    # (a year in Chinese digits, 二〇二三年, is a date as 2023年 is, no figure)
    read = figures_of(years_in_digits(text))
    figures = [f for f in read if not any(a <= f.start < b for a, b in cells)]
    sentences = sentences_of(simple, figures)
    for sentence in sentences:  # sentences_of reads the Simplified text; keep the raw too
        sentence.raw = text[sentence.start : sentence.end]
    paragraphs = _paragraphs(text)
    title_at, title = title_line(text)
    notes = [Note(figure, index) for index, figure in enumerate(figures)]
    reading = Reading(text, simple, figures, notes, sentences, paragraphs, title, None, None)
    reading.grids = grids
    reading.row_tables = row_tables
    reading.scope = article_scope(reading)
    reading.home = titled_province(simplified(title))
    reading.period = _title_period(simple[title_at : title_at + len(title)])
    carried_period: tuple[str | None, str] = (reading.period, "the article's title")
    paragraph = 0
    for number, sentence in enumerate(sentences):
        while paragraph + 1 < len(paragraphs) and sentence.start >= paragraphs[paragraph + 1][0]:
            paragraph += 1
            carried_period = _paragraph_period(carried_period)
        carried_period = _read_sentence(reading, number, sentence, paragraph, carried_period)
    _wholes_said_once(reading)
    return reading


# "占同期四川外贸进出口总值的(下同)70.3%": the whole every bare 占 after it is of
SAME_BELOW = re.compile(r"[(（]下同[)）]")
BARE_SHARE = re.compile(r"占\s*$")
SHARE_CLAUSE = 40  # characters back from a share read for its clause


def _wholes_said_once(reading: Reading) -> None:
    """A whole the text names once for the shares after it ("(下同)"): a bare "占30.4%" after
    it is a share of that whole."""
    carried = None
    for note in reading.notes:
        if note.role != SHARE:
            continue
        before = reading.simple[max(0, note.figure.start - SHARE_CLAUSE) : note.figure.start]
        clause = re.split(r"[,，;；。]", before)[-1]
        if note.whole and SAME_BELOW.search(clause):
            carried = note.whole
        elif carried and note.whole == "" and BARE_SHARE.search(clause):
            note.whole = carried
            note.cues.append("whole named once before it (下同)")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n+", text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def _paragraph_period(carried: tuple[str | None, str]) -> tuple[str | None, str]:
    period, origin = carried
    if period and "sentence" in origin:
        return period, "an earlier paragraph"
    return carried


def _title_period(title: str) -> str | None:
    """The first year the title dates its figures by: not a comparison's ("比2019年同期下降
    46.3%" in a first line that is the article's lead)."""
    for found in YEAR.finditer(title):
        if not COMPARED_SPAN.search(title[: found.start()]):
            return _period_text(found)
    return None


# a scraped page's lines above its title: keywords joined by _ or | (a spam site's header),
# a breadcrumb (首頁>檢索頁>當前)
KEYWORD_LINE = re.compile(r"^[^。，,]*?(?:[_|｜][^_|｜]+){2,}$")
BREADCRUMB = re.compile(r"(?:首[页頁]|当前位置|當前位置)\s*[>＞:：]|[>＞][^>＞]*[>＞]")
# a site's own line above the title: "珠海本土网,每日更新最新珠海新闻! 收藏本站"
SITE_LINE = re.compile(
    r"收藏本站|加入收藏|设为首页|設為首頁|每日更新|您现在的位置|您的位置|您現在的位置"
)
TITLE_WITHIN = 6  # lines from the top: further down, a line is no title


def title_line(text: str) -> tuple[int, str]:
    """Where the article's title stands and its words: its first line, unless that is a spam
    header's keywords, a breadcrumb or the site's own line (then the first line after them)."""
    lines = [(m.start(), m.group().strip()) for m in re.finditer(r"[^\n]+", text)]
    lines = [(at, line) for at, line in lines if line]
    for at, line in lines[:TITLE_WITHIN]:
        if not (KEYWORD_LINE.match(line) or BREADCRUMB.search(line) or SITE_LINE.search(line)):
            return at + text[at:].index(line[0]), line
    return lines[0] if lines else (0, "")


def _period_text(match: re.Match[str]) -> str:
    part = match.group(2) or ""
    if part in ("末", "底", "初", ""):
        return match.group(1)
    return f"{match.group(1)}{part}"


def article_scope(reading: Reading) -> str | None:
    """The scope a figure has when its words name none: a province or city the title or the
    first paragraph names, else the nation when they say 全国 or 我国."""
    start = max(reading.text.find(reading.title), 0) if reading.title else 0
    first = next((i for i, (a, b) in enumerate(reading.paragraphs) if a <= start <= b), 0)
    head = DATELINE.sub(
        "",
        reading.simple[start : reading.paragraphs[min(first + 1, len(reading.paragraphs) - 1)][1]],
    )
    provinces: list[str] = [p for p in grammar()["provinces"] if p in head]
    if provinces:
        counts = sorted((head.count(p) for p in provinces), reverse=True)
        if len(counts) > 1 and counts[0] == counts[1]:
            return None  # "西藏的出生率最高,…贵州和宁夏…": several alike, none the article's
        return max(provinces, key=head.count)
    if any(word in head for word in grammar()["province_words"]):
        return "province"
    if any_of("national").search(head):
        return "national"
    return None


def _read_sentence(
    reading: Reading,
    number: int,
    sentence: Sentence,
    paragraph: int,
    carried: tuple[str | None, str],
) -> tuple[str | None, str]:
    """Annotate the figures of one sentence; the period the next sentence inherits."""
    text = sentence.text
    clause_starts = sentence_clauses(text)
    period, origin = carried
    previous_end = 0
    head: Note | None = None
    figures = sentence.figures
    for position, figure in enumerate(figures):
        note = reading.note(figure)
        note.paragraph, note.sentence = paragraph, number
        at = figure.start - sentence.start
        clause = bisect.bisect_right(clause_starts, at) - 1
        note.clause = clause
        before = text[max(previous_end, clause_starts[clause]) : at]
        following = figures[position + 1].start if position + 1 < len(figures) else sentence.end
        after = text[figure.end - sentence.start : following - sentence.start]
        clause_text = text[clause_starts[clause] : at]
        # the words up to the figure, as far back as any phrase reaches: a sentence of
        # thousands of figures (a flattened table) is read in time linear in its length
        upto = text[max(0, at - LOOK_BACK) : at]
        own_period = _own_period(upto, before)
        aside = _in_an_aside(text, at)
        if own_period and aside:  # "(恢复到2019年同期的60.9%)": the aside's year is its own
            note.period, note.period_from = own_period, "its clause"
        else:
            if own_period:
                period, origin = own_period, "its clause" if YEAR.search(before) else "its sentence"
            elif SPAN_WORD.search(upto):
                period = _year_of_months(period)  # "今年1至7月…。前三季度,…": months no more
            note.period, note.period_from = period, origin if period else ""
        start_year = FROM_YEAR.search(before)
        if start_year:  # "从2014年的574万人": the start level's own year, not the sentence's
            note.period, note.period_from = start_year.group(1), "its clause"
        # "与2010年(第六次全国人口普查数据,下同)的133972万人相比": a note in brackets aside
        unnoted = NOTE_IN_BRACKETS.sub("", before)
        base_level = BASE_LEVEL.search(unnoted) or COMPARED_IN_BRACKETS.search(before)
        if base_level:  # "比2012年的16510元增加18618元": the level compared with
            if base_level.group(1):
                note.period, note.period_from = base_level.group(1), "its clause"
            note.cues.append("base-level")
        elif LAST_YEAR_WAS.search(before):  # "28.65亿元,上年同期为26.94亿元": last year's
            note.cues.append("base-level")
        elif PLAN_AMOUNT.search(before):  # "完成82316万元,为预算数82000万元的100.4%"
            note.cues.append("plan-level")
        open_ended(reading, note, before)
        read_role(note, before, after, upto, clause_text)
        previous = reading.note(figures[position - 1]) if position else None
        _rate_in_brackets(note, before, previous)
        _rate_named_after_change(note, before, previous)
        _share_of_the_same_whole(note, before, clause_text, previous)
        _share_of_the_statement_whole(reading, note, before)
        _restated_in_brackets(note, before, after, previous)
        list_continues(reading, note, before)
        _change_of_the_change(note, before, previous)
        words, scope_words = before, upto
        if _closes_an_aside(before):  # "总人口(包括31个省…台湾省…)140005万人": words outside it
            words, scope_words = _outside_brackets(clause_text), _outside_brackets(upto)
        note.subject = subject_of(words if note.role == LEVEL else clause_text)
        reached = _reached_by_rate(note, before, previous)
        if reached is not None:  # "留宿旅客则微升0.4%至1,245,070人次": what the clause names
            rate_at = reached.figure.start - sentence.start
            named = RISING_OR_FALLING.sub("", text[clause_starts[reached.clause] : rate_at])
            note.subject = subject_of(named)
        if note.role == LEVEL and "base-level" in note.cues and head is not None:
            note.subject, note.head = head.subject, head.index
        if (
            note.role == LEVEL
            and head is not None
            and phrase_patterns()["to_level"].search(before)
            and (head.figure.unit, head.figure.kind) == (note.figure.unit, note.figure.kind)
        ):
            note.subject = head.subject  # "从A下降至2015年的B": B counts what A counts
            note.cues.append("to")
            note.head = head.index  # the level it runs from
        note.scope = scope_of(scope_words + note.subject) or reading.scope
        if note.scope == "province" and reading.home:
            note.scope = reading.home  # "湖南三农简讯 … 全省农村居民": Hunan's
        note.segment = segment_of(note.subject) or segment_of(before)
        head = attach(note, head, sentence, reading)
        _rate_turned_from(note, before, after)
        if reached is not None:  # the rate is the level's it runs to, not the one before
            reached.head, reached.subject = note.index, note.subject
        if note.role != LABEL:  # a label inside a word (民族8省区) does not end its subject
            previous_end = figure.end - sentence.start
    respective_heads(reading, reading.in_sentence(number))
    rates_after_changes(reading, reading.in_sentence(number))
    unbracketed = _outside_brackets(text)  # an aside's year is no year the next sentence has
    sentence_period = _own_period(unbracketed, unbracketed)
    if sentence_period:
        return sentence_period, "an earlier sentence"
    if SPAN_WORD.search(unbracketed):
        period = _year_of_months(period)
    return period, origin


# a span of the year other than months (前三季度, 上半年, 全年): it ends a period of months
SPAN_WORD = re.compile(r"全年|上半年|下半年|前三季度|第?[一二三四]季度|首季度?")


def _year_of_months(period: str | None) -> str | None:
    """The year of a period of months (2019M1-7 → 2019, M1-7 → none), other periods as they are."""
    if period is None or "M" not in period:
        return period
    return period.split("M")[0] or None


# the verb of a rate a level is reached by, after what the clause names (则微升, 下降)
RISING_OR_FALLING = re.compile(
    r"(?:则|亦|也|再)?(?:微|略|小幅|大幅|同比|按年)?"
    r"(?:增长|上升|下降|减少|增加|回落|回升|升|增|降|跌)了?\s*$"
)


def _reached_by_rate(note: Note, before: str, previous: Note | None) -> Note | None:
    """The rate a level is reached by ("微升0.4%至1,245,070人次", "下降3.1%至95.2万人"), or the
    points a rate is ("占比下降25.4个百分点至44.6%"), in the level's clause: None when the level
    follows no rate so."""
    if (
        note.role == LEVEL
        and previous is not None
        and previous.clause == note.clause
        and re.fullmatch(r"\s*(?:至|到)\s*", before)
    ):
        if previous.role == RATE and previous.figure.kind == PERCENT:
            return previous
        if previous.role == POINTS and note.figure.kind in (PERCENT, PER_MILLE):
            return previous
        # "总劳动人口减少约1,500人至3,830,100人": the level the change runs to
        if (
            previous.role == CHANGE
            and previous.head is None
            and previous.figure.same_unit(note.figure)
            and previous.figure.kind == note.figure.kind
        ):
            return previous
    return None


# "由上年同期下降2.2%转为增长0.1%": the rate before 转为 is the year before's own rate
TURNED_FROM = re.compile(
    r"由(?:上年同期|去年同期|上年|去年|上月|上季度)?的?(?:下降|增长|减少|增加|上升|回落|下跌)?\s*$"
)
TURNED_TO = re.compile(r"^\s*(?:转为|转变为|变为|转而)")


def _rate_turned_from(note: Note, before: str, after: str) -> None:
    """A rate the text says the level's rate turned from is the rate of the period before, of
    no level here: "生猪出栏19476万头,同比增加20万头,由上年同期下降2.2%转为增长0.1%" (20万 is
    0.1% of last year's level, not 2.2%)."""
    if note.role == RATE and TURNED_FROM.search(before) and TURNED_TO.match(after):
        note.head = None
        note.cues.append("turned from")


def _rate_in_brackets(note: Note, before: str, previous: Note | None) -> None:
    """ "较112年底增加37家(9.9%)", "年增77家(2.0%)", "減少19萬8967人、0.84%": a percentage
    in brackets, or after 、 or 或, right after a change is the rate of that change; a fall's
    may be written negative ("較3月減少704人(-7.5%)") and then carries its own sign."""
    if (
        note.figure.kind == PERCENT
        and before.strip().rstrip("+＋") in ("(", "（", "、", "或")
        and previous is not None
        and previous.role == CHANGE
        and (note.figure.value >= 0 or previous.sign < 0)
    ):
        sign = previous.sign if note.figure.value >= 0 else 1
        note.role, note.sign, note.base = RATE, sign, previous.base or "previous"
        note.cues.append("rate in brackets")


# "較上年同月增加27,645人,增加率為0.24%" (Taiwan's releases): the rate named after the change
NAMED_RATE_AFTER = re.compile(r"^[,，]?\s*(?:人口)?(?:增加|增长|成长|减少|下降)率(?:为|是|达)?\s*$")


def _rate_named_after_change(note: Note, before: str, previous: Note | None) -> None:
    """A percentage (or per-mille figure) its words call the rate of increase, right after a
    change, is its rate."""
    if (
        note.figure.kind in (PERCENT, PER_MILLE)
        and previous is not None
        and previous.role == CHANGE
        and NAMED_RATE_AFTER.match(before)
    ):
        # a fall's rate written negative ("減少…,增加率為-0.55%") carries its own sign
        sign = previous.sign if note.figure.value >= 0 else 1
        note.role, note.sign, note.base = RATE, sign, previous.base or "previous"
        note.cues.append("rate named after its change")


def _share_of_the_same_whole(note: Note, before: str, clause: str, previous: Note | None) -> None:
    """ "第一产业增加值占国内生产总值比重为7.1%,第二产业增加值比重为38.3%": a 比重 with no 占
    right after a share is a share of the same whole."""
    if (
        (note.role == LEVEL or (note.role == SHARE and not note.whole))
        and note.figure.kind == PERCENT
        and re.search(r"比重(?:为|是|达到?)?\s*$", before)
        and "占" not in clause
        and previous is not None
        and previous.role == SHARE
        and previous.whole
        and previous.sentence == note.sentence
    ):
        note.role, note.whole = SHARE, previous.whole
        note.cues.append(CARRIED_SHARE)


def _share_of_the_statement_whole(reading: Reading, note: Note, before: str) -> None:
    """ "对东盟进出口3.08万亿元,…,占进出口总值的15.3%;对欧盟进出口2.75万亿元,增长1.9%,占13.7%":
    a bare 占 in a sentence whose last share named its whole is a share of that whole (not of
    出口, which the part's words happen to end with)."""
    if note.role != SHARE or note.whole or note.figure.kind != PERCENT:
        return
    if not re.fullmatch(r"\s*占\s*", before):
        return
    for earlier in reversed(reading.notes[: note.index]):
        if earlier.paragraph != note.paragraph:
            return
        apart = earlier.sentence != note.sentence and not _one_statement(reading, earlier, note)
        if earlier.role == SHARE:
            named = earlier.whole and earlier.figure.kind == PERCENT
            if named and _parallel(reading, earlier, note, apart):
                note.whole = earlier.whole
                note.cues.append(CARRIED_SHARE)
            return


# the place and period a part's words may open with, before what names it (我国对东盟…)
PLACE_OPENING = re.compile(
    r"^(?:上半年|前三季度|全年|同期|我国|全国|全省|全市|本省|本市|我省|我市)+"
)


def _parallel(reading: Reading, earlier: Note, note: Note, apart: bool = False) -> bool:
    """Whether two shares' parts are items of one list, named alike ("对东盟进出口", "对欧盟进出
    口": the same opening word and measure), with no 其中 between that would make the second
    a part of the first ("东部地区…占全国…的8.5%;其中,河北…占25.5%": of 东部). Sentences
    `apart` in a paragraph name items of one list by the same kind and measure only
    ("民营企业进出口…占…总值的54.7%。国有企业进出口…,占22.3%")."""
    # (the share's own part is the level before it in its sentence: it is not attached yet)
    part = next(
        (n for n in reversed(reading.notes[: note.index]) if n.role == LEVEL),
        None,
    )
    if earlier.head is None or part is None or part.sentence != note.sentence:
        return False
    first, second = (
        PLACE_OPENING.sub("", simplified(reading.notes[n].subject))
        for n in (earlier.head, part.index)
    )
    between = reading.simple[earlier.figure.end : note.figure.start]
    if re.search(r"其中|当中|之中", between) or len(first) < 3 or len(second) < 3:
        return False
    if apart:
        kind = KIND_AND_MEASURE.search(first)
        return kind is not None and second.endswith(kind.group()) and first != second
    return first[0] == second[0] and first[-2:] == second[-2:] and first != second


# the kind of unit and what it measures, that items of one list share (企业进出口, 企业利润)
KIND_AND_MEASURE = re.compile(r"(?:企业|地区|行业|产业|部门)[\u4e00-\u9fff]{2,4}$")


def _one_statement(reading: Reading, earlier: Note, note: Note) -> bool:
    """Whether the sentences from an earlier note's to a note's go on one into the next (a
    semicolon's parts)."""
    return all(reading.sentences[n].goes_on for n in range(earlier.sentence, note.sentence))


def _restated_in_brackets(note: Note, before: str, after: str, previous: Note | None) -> None:
    """ "增加888万吨(178亿斤),增长1.3%": the figure before, restated in another unit in brackets
    right after it, is no figure of its own (the rate after it is the first figure's)."""
    if (
        previous is not None
        and before.strip() in ("(", "（")
        and after.lstrip()[:1] in (")", "）")
        and note.figure.kind == previous.figure.kind == COUNT
        and None not in (note.figure.unit, previous.figure.unit)
        and note.figure.unit != previous.figure.unit
    ):
        note.role = LABEL
        note.cues.append("restated in another unit")


# "比年初增加800亿元,同比多增100亿元": how much more the rise was than last year's rise
MORE_OF_THE_RISE = re.compile(r"(?:多|少)(?:增|减)了?\s*$")


def _change_of_the_change(note: Note, before: str, previous: Note | None) -> None:
    """A 多增/少增 right after a change in its unit tells the change of that change, no change
    of the level: "余额10000亿元,比年初增加800亿元,同比多增100亿元,增长8.7%" (800/9200)."""
    if (
        note.role == CHANGE
        and previous is not None
        and previous.role == CHANGE
        and previous.sentence == note.sentence
        and previous.figure.unit == note.figure.unit
        and MORE_OF_THE_RISE.search(before)
    ):
        note.role = LABEL
        note.cues.append("the change of the change before it")


def _closes_an_aside(before: str) -> bool:
    """Whether the words before a figure end with a bracket opened before the figure before:
    an aside holding figures of its own (包括31个省…) between a subject and its figure."""
    ending = before.rstrip()
    if not ending.endswith((")", "）")):
        return False
    return ending.count(")") + ending.count("）") > ending.count("(") + ending.count("（")


def _in_an_aside(text: str, at: int) -> bool:
    """Whether a sentence's place is inside brackets opened before it and not yet closed."""
    before = text[:at]
    return sum(before.count(c) for c in "(（") > sum(before.count(c) for c in ")）")


def _outside_brackets(text: str) -> str:
    """The text without what brackets hold; from an unmatched closing bracket on (the text
    begins inside an aside)."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char in "(（":
            depth += 1
        elif char in ")）":
            if depth == 0:
                kept.clear()  # all so far was inside the aside
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def _own_period(upto: str, before: str) -> str | None:
    """The year the words up to a figure date it with: the last one named, leaving out the
    years of a comparison's base and of a start level (比2012年, 从2014年的)."""
    month = next((m for m in MONTHS.finditer(upto) if not _compared_with(upto, m)), None)
    if month and SPAN_WORD.search(upto, month.end()):
        return _own_year(upto)  # "1至7月…,前三季度…": the span named last is the figure's
    if month:  # "12月份", "1-3月": a month's or months' figures, in the year named before
        year = _own_year(upto[: month.start()])
        months = (
            f"1-{month['first']}"  # 前8个月 is 1-8月
            if month["first"]
            else month.group(3) or f"{month.group(1)}-{month.group(2)}"
        )
        return f"{year or ''}M{months}"
    return _own_year(upto)


def _compared_with(upto: str, month: re.Match[str]) -> bool:
    """Whether the months are a comparison's base ("增速比1至2月提升3.0个百分点"): no span
    of the figures after them."""
    lead = re.match(r"[^\d前]?", month.group())
    return COMPARED_SPAN.search(upto[: month.start()] + (lead.group() if lead else "")) is not None


def _own_year(upto: str) -> str | None:
    foreign = {m.start(1) for m in FOREIGN_YEAR.finditer(upto)}
    spans = []
    for span in YEAR_SPAN.finditer(upto):
        if COMPARED_SPAN.search(upto[: span.start()]):
            # "比2000年到2010年的年平均增长率0.57%": a span compared with dates no figure
            foreign.update((span.start(1), span.start(2)))
        else:
            spans.append(span)
    # "2015—2019年,全国农村贫困人口累计减少5024万人": a span no later year follows
    if spans and not YEAR.search(upto[spans[-1].end() :]):
        first, last = spans[-1].groups()
        return f"{first}–{last}"
    found = [m for m in YEAR.finditer(upto) if m.start(1) not in foreign]
    return _period_text(found[-1]) if found else None


def figures_table(reading: Reading) -> list[dict[str, Any]]:
    """Every figure's note as a record (`check --figures`), its subject in the article's own
    characters where the words stand before it in its sentence (全縣 in a Traditional text)."""
    records = []
    for note in reading.notes:
        record = note.to_dict()
        record["subject"] = _as_written(reading, note)
        records.append(record)
    return records


def _as_written(reading: Reading, note: Note) -> str:
    sentence = reading.sentences[note.sentence]
    at = sentence.text.rfind(note.subject, 0, note.figure.start - sentence.start)
    if not note.subject or at == -1 or len(sentence.raw) != len(sentence.text):
        return note.subject
    return sentence.raw[at : at + len(note.subject)]


def notes_of(reading: Reading, figures: Sequence[Figure]) -> list[Note]:
    return [reading.note(figure) for figure in figures]
