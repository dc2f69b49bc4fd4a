"""A figure's role (level, change, rate, share, …), subject and scope, read from the words
before and after it."""

from __future__ import annotations

import dataclasses
import math
import re
from functools import cache

from povcli.article.figures import Figure
from povcli.article.notes import (
    AVERAGE,
    CHANGE,
    LABEL,
    LEVEL,
    MULTIPLE_OF,
    POINTS,
    RATE,
    SHARE,
    YEARS,
    Note,
    Reading,
    alternatives,
    any_of,
    grammar,
)
from povcli.numbers import MULTIPLE, PER_MILLE, PER_MILLE_POINT, PERCENT, PERCENTAGE_POINT, Interval

# "下降至2015年的471万人": the level a change ends at (达到 is no change: "达到53.5%")
RATIO_COLON = re.compile(r"\d\s*[:：]\s*$")
REMARK_AT_END = re.compile(r"[(（][^()（）]{0,40}[)）]\s*$")
LISTED = re.compile(r"\s*(?:和|、|及|与|,|，)\s*")
# what a subject is not: footnote marks and short remarks in brackets; the 从/由 of a start
ASIDES = re.compile(r"\[\d+\]|（[^（）]{0,20}）|\([^()]{0,20}\)")
FROM_AT_END = re.compile(r"(?:从|由|自)(?:\d{4}年(?:末|底)?的?)?$")


@cache
def phrase_patterns() -> dict[str, re.Pattern[str]]:
    up, down = alternatives("up"), alternatives("down")
    bases = alternatives("bases")
    share_of = alternatives("share_of")
    verbs = sorted((w for w in grammar()["up"] + grammar()["down"] if len(w) > 1), key=len)
    verbs_of_two = "|".join(re.escape(w) for w in reversed(verbs))
    return {
        "verb_end": re.compile(
            rf"(?P<verb>{up}|{down})(?:了|为|达到?)?(?:{alternatives('qualifier_prefixes')})?\s*$"
        ),
        # "由上年同期的2.05:1下降为2.02:1": from a figure, the verb and 为 give the level it
        # fell to (as 下降至 does); with no figure it runs from, 自然增加为负312人 is a change
        "from_to": re.compile(rf"[由从][^,，;；。]*\d[^,，;；。]*?(?:{up}|{down})为\s*$"),
        "open_above": re.compile(r"(?:超过|逾|突破|多于|超)\s*$"),
        "open_below": re.compile(r"(?:不足|不到|少于|低于)\s*$"),
        "average": re.compile(rf"(?:{alternatives('average')})(?:{up}|{down})?"),
        "two_year": re.compile(alternatives("two_year_average")),
        "share": re.compile(
            rf"(?:{alternatives('share_verbs')})(?P<whole>[^,，;；。]*?)(?:的)?"
            rf"(?:{alternatives('share_nouns')})?(?:为|达到?|约|是)?\s*$"
        ),
        # "占比为4.6%", "新增火电装机比重达40.1%", "占比分别为32.3%和67.7%": a share whose whole
        # goes unnamed
        "share_of_total": re.compile(r"(?:占比|比重)(?:分别|各|均)?(?:为|达到?)?\s*$"),
        "part_of": re.compile(rf"(?:{share_of})(?P<whole>[^,，;；。]{{1,20}}?)的\s*$"),
        "multiple": re.compile(rf"(?:{share_of})(?P<whole>[^,，;；。]{{1,20}}?)的?\s*$"),
        "base": re.compile(rf"{bases}|{grammar()['base_year']}"),
        "rate_word": re.compile(
            rf"(?:{alternatives('change_of_rate')})(?:分别|各|均)?(?:为|达到?|是)?\s*$"
        ),
        # 人口自然增长率为3.34‰: a rate with a name of its own is a level, not a change's rate
        "named_rate": re.compile(rf"(?:{alternatives('named_rates')})(?:为|达到?|是)?\s*$"),
        "down": re.compile(rf"^(?:{down})"),
        "years_after": re.compile(r"^(?:来|以来|间|时间|中|里)"),
        # "下跌至二零一六年八月至十月的3 810 900人": the date the level is of may come between
        "to_level": re.compile(
            rf"(?:{up}|{down})(?:至|到|为)(?:\d{{4}}年)?(?:{MONTHS_NAMED})?(?:末|底)?的?\s*$"
        ),
        # a verb of two characters or more: 高速公路, 低收入人口 open with 高 and 低, no verbs
        "verb_then_noun": re.compile(
            rf"\s*(?:累计|共|再|又)?(?P<verb>{verbs_of_two})(?!值)(?:了)?[\u4e00-\u9fff]{{2,8}}\s*"
        ),
        "new_flow": re.compile(rf"(?:{alternatives('new_flow')})[^,，;；]{{0,12}}$"),
        # "较上年少投产1123万千瓦": 多/少 and a verb after the base, more or less of it
        "more_or_less": re.compile(
            r"(?:比|较)(?:上一?年|去年)(?:同期|末|底)?(?P<verb>[多少])[\u4e00-\u9fff]{1,3}\s*$"
        ),
        # "比上年增收11487亿元" with a verb not in the grammar: a change all the same
        "after_base": re.compile(
            r"(?:比|较)(?:上一?年|去年)(?:同期|末|底)?(?![的之]\s*$)[\u4e00-\u9fff]{1,2}\s*$"
        ),
    }


# months a level is of: 8月, 8至10月, 八月至十月 (as Hong Kong writes them), 1-8月份
_MONTH = r"[\d一二三四五六七八九十]{1,3}"
MONTHS_NAMED = rf"{_MONTH}月?(?:[-—–至到]{_MONTH})?月份?"


# "环比", "比上月": on the period just before (a month, a quarter), not on the year before
PERIOD_BEFORE = re.compile(r"环比|上月")


def _base_period(words: str) -> str:
    return "period-before" if PERIOD_BEFORE.search(words) else "previous"


def read_role(note: Note, before: str, after: str, upto: str, clause: str = "") -> None:
    patterns = phrase_patterns()
    figure = note.figure
    # "增长(以下如无特别说明,均为同比名义增长) 7.9%": a remark between verb and figure
    words = REMARK_AT_END.sub("", before.rstrip()).rstrip()
    if _is_label(figure, before, after, upto):
        note.role = LABEL
        return
    base = patterns["base"].search(before)
    if base:
        note.base = base.group(1) if base.group(1) else _base_period(base.group())
    note.qualifier = _qualifier(upto[-30:])
    if note.qualifier is None and COMPARABLE_BASIS.search(before):
        note.qualifier = "real"  # a rate on a comparable basis follows from no levels written
    verb = patterns["verb_end"].search(words)
    # (the words back to a comma: a ratio's colon, 2.05:1, ends no clause here)
    if verb and figure.kind not in (PERCENT, PER_MILLE) and patterns["from_to"].search(upto):
        note.role = LEVEL
        return
    if verb:
        note.sign = -1 if patterns["down"].match(verb["verb"]) else 1
    if patterns["average"].search(words[-12:]) and not patterns["two_year"].search(words[-12:]):
        note.role = AVERAGE
        return
    if figure.kind in (PERCENTAGE_POINT, PER_MILLE_POINT):
        note.role = POINTS
        return
    if figure.kind in (PERCENT, PER_MILLE):
        _rate_role(note, words, verb is not None)
        # ")的比重为": its whole may be named before the brackets (not in ")分别占")
        unnamed = note.role != SHARE or not (note.whole or "占" in words)
        if unnamed and "base-level" not in note.cues and re.match(r"^\s*[)）]", words):
            # "占全国农村贫困人口(2365万人)的比重为37.2%": the whole is the figure in brackets
            unbracketed = re.sub(r"[(（][^()（）]*[)）]", "", clause)
            _rate_role(note, unbracketed, verb is not None)
            if note.role == SHARE:
                note.cues.append("whole in brackets")
        return
    if figure.kind == MULTIPLE:
        found = patterns["multiple"].search(words)
        note.role = MULTIPLE_OF if found and not verb else LABEL
        note.whole = found["whole"] if found and not verb else None
        return
    if figure.unit == "year" and (
        patterns["years_after"].match(after) or re.match(r"^(?:累计|共|内|期间)", after)
    ):
        note.role = YEARS
        return
    if not verb:
        # "减少农村贫困人口526万人": a clause that opens with the verb and names what changed
        verb = _verb_then_noun(clause) or patterns["more_or_less"].search(words)
        if verb:
            note.sign = -1 if patterns["down"].match(verb["verb"]) else 1
    if not verb and patterns["after_base"].search(words):
        # a change whose direction povcli cannot read is no level (a share's part, a whole)
        note.role = LABEL
        note.cues.append("a change after 比上年 whose verb povcli does not know")
        return
    note.role = CHANGE if verb and not _new_flow(words) else LEVEL


def _verb_then_noun(clause: str) -> re.Match[str] | None:
    return phrase_patterns()["verb_then_noun"].fullmatch(clause)


def _rate_role(note: Note, words: str, verb: bool) -> None:
    patterns = phrase_patterns()
    # "占总人口比重(城镇化率)为60.60%": what the brackets name is no part of the phrase
    words = re.sub(r"[(（][^()（）]*[)）]", "", words)
    share = patterns["share"].search(words[-24:])
    part_of = patterns["part_of"].search(words[-24:])
    unnamed = patterns["share_of_total"].search(words)
    if unnamed and (unnamed.group().startswith("占比") or not share):  # not 占全市投资比重为
        note.role, note.whole = SHARE, ""
    elif share:
        note.role, note.whole = SHARE, share["whole"].strip()
    elif part_of and not verb:
        note.role, note.whole = SHARE, part_of["whole"].strip()
    elif patterns["named_rate"].search(words):
        note.role = LEVEL
    elif verb or patterns["rate_word"].search(words):
        note.role = RATE
    else:
        note.role = LEVEL
    if patterns["two_year"].search(words[-10:]):
        note.cues.append("two-year average")


def list_continues(reading: Reading, note: Note, before: str) -> None:
    """ "分别比上年末增加2058万人和395万人": a figure joined by 和/、 to the one before it in
    its clause is of the same role (each is a change), also past the rate in brackets of the
    one before ("分别增加300人(2.6%)及800人(3.2%)": 800人 is a change too)."""
    if note.index == 0:
        return
    previous = reading.notes[note.index - 1]
    past_rate = re.sub(r"^\s*[)）]", "", before)
    if past_rate != before and "rate in brackets" in previous.cues and note.index > 1:
        previous, before = reading.notes[note.index - 2], past_rate
    if not LISTED.fullmatch(before):
        return
    if (previous.sentence, previous.clause) != (note.sentence, note.clause):
        return
    if previous.role in (CHANGE, RATE, POINTS) and previous.figure.kind == note.figure.kind:
        note.role, note.sign, note.base = previous.role, previous.sign, previous.base
        note.qualifier = previous.qualifier
        note.cues.append("listed")
    elif previous.role == SHARE and previous.head is None and note.figure.kind == PERCENT:
        # "关中、陕北、陕南…占全省县域生产总值的比重分别为35.7%、46.7%、17.6%": each a share of
        # the one whole; where the parts' levels are given, `respective` pairs them
        note.role, note.whole = SHARE, previous.whole
        note.cues.append("listed")


def open_ended(reading: Reading, note: Note, before: str) -> None:
    """超过9000万 is any figure above 9000万; 不足 any below: the interval stays open."""
    figure = note.figure
    words = before.rstrip()
    low, high = figure.bounds.low, figure.bounds.high
    if phrase_patterns()["open_above"].search(words):
        low, high = figure.value, math.inf
    elif phrase_patterns()["open_below"].search(words):
        low, high = -math.inf if figure.value <= 0 else 0.0, figure.value
    else:
        return
    opened = dataclasses.replace(figure, bounds=Interval(low, high))
    note.figure = opened
    note.cues.append("open-ended")
    reading.figures[note.index] = opened
    for sentence in reading.sentences:
        if sentence.start <= figure.start < sentence.end:
            sentence.figures[sentence.figures.index(figure)] = opened


def _new_flow(words: str) -> bool:
    """新增装机1.2亿千瓦 is a level of what was added, not a change of a level."""
    return bool(phrase_patterns()["new_flow"].search(words))


# "同口径增长6.5%", "(可比口径增长9.8%)": a rate reckoned on a base the text does not write (a
# revised scope, a factor taken out), so, like a real one, no rate of the written levels'
# change; read from the words right before the figure only, not a clause's earlier rates
COMPARABLE_BASIS = re.compile(r"同口[径徑]|可比口[径徑]")


# 实际 naming what was actually done (实际播种面积, 实际使用外资), no growth at constant prices:
# a word after it that is no change's verb (实际增长, 实际下降, 实际为, 实际分别) nor what grows
# in real terms (实际收入, 实际工资, 实际消费, 实际增加值)
ACTUAL_THING = re.compile(
    r"实际(?=[\u4e00-\u9fff])(?![增下降减提上为分是达比同按年两约仅])"
    r"(?!收入|工资|消费|支出|可支配|人均|生产总值|增加值|购买力|利率|汇率|价值|经济)"
)


def _qualifier(words: str) -> str | None:
    real = any_of("real").search(ACTUAL_THING.sub("  ", words))
    nominal = any_of("nominal").search(words)
    if nominal and (not real or nominal.start() > real.start()):
        return "nominal"
    return "real" if real else None


# an age group named by its range: 0—14岁, 16至59周岁
AGE_RANGE = re.compile(r"\d\s*[-—–~～至]\s*\d+\s*(?:岁|歲|周岁|週歲)$")


def _is_label(figure: Figure, before: str, after: str, upto: str) -> bool:
    """An age (60周岁及以上), a footnote mark ([2]), a ratio's terms (19.4:1), a list number."""
    if figure.unit in ("age",) or (
        figure.unit == "year" and re.match(r"^(?:及以上|以上|以下|及以下|-|—|~)", after)
    ):
        return True
    if figure.unit == "year" and re.search(r"\d\s*[-—~至]\s*$", before):
        return True  # the second age of 16-59岁
    if figure.unit == "year" and AGE_RANGE.search(figure.written):
        return True  # "0—14歲人口": an age group, named by its range
    if figure.kind == "count" and figure.unit is None:
        if before.endswith("[") or after.startswith("]"):
            return True
        if RATIO_COLON.search(upto) or re.match(r"^\s*[:：]\s*\d", after):
            return True
        if re.match(r"^[.、．]", after) and not re.search(r"\S", before):
            return True  # "1.小学阶段教育": a heading's number
        if re.search(r"(?:图|表|第|附|注)\s*$", before):
            return True
        if FOOTNOTE.fullmatch(figure.written) and not before and FOOTNOTE_AFTER.match(after):
            return re.match(r"[\u4e00-\u9fff]", upto[-1:]) is not None  # "77790.6亿千瓦时1,"
    return False


# a footnote's number right after a figure's unit, before a comma (全国发电量77790.6亿千瓦时1,)
FOOTNOTE = re.compile(r"[1-9]\d?")
FOOTNOTE_AFTER = re.compile(r"[,，。;；、)）]")


# ----------------------------------------------------------------- subjects and scopes


@cache
def _subject_cleaner() -> re.Pattern[str]:
    connectives = alternatives("connectives")
    return re.compile(
        rf"^(?:(?:{connectives})|\d{{4}}年(?:上半年|下半年|前三季度|末|底|初)?|上半年|前三季度|"
        r"年末|年底|全年|当年|目前|今年|去年|[“”\"'()（）\[\]、,，:：\s])+"
    )


@cache
def _subject_tail() -> re.Pattern[str]:
    """The verbs, connectives and quotes that end a clause before its figure."""
    verbs, connectives = alternatives("level_verbs"), alternatives("connectives")
    return re.compile(rf"(?:{verbs}|{connectives}|的|[“”\"\s])+$")


def subject_of(words: str) -> str:
    """The words naming what a figure counts: its clause's words before it, without the
    connectives, dates and verbs around them."""
    words = ASIDES.sub("", words)
    words = FROM_AT_END.sub("", words)
    words = _subject_cleaner().sub("", words)
    words = _subject_tail().sub("", words)
    return words.strip(" ,，:：")[-24:]


def segment_of(words: str) -> str | None:
    """The part of a place a figure counts: 东部地区, 贫困地区, 民族八省区."""
    regions = [r for r in grammar()["regions"] if r in words]
    return max(regions, key=lambda r: (words.rfind(r), len(r))) if regions else None


# a dateline (新华社北京9月3日电, 中评社北京3月23日电): where the report was filed, no place
# its figures are of
DATELINE = re.compile(r"[\u4e00-\u9fff]{1,8}?\d{1,2}月\d{1,2}日(?:电|電|讯|訊)")


def titled_province(title: str) -> str | None:
    """The province a title names, when it names one only (湖南三农简讯; not 湘鄂两省), its
    dateline left out."""
    title = DATELINE.sub("", title)
    named = [p for p in grammar()["provinces"] if p in title]
    distinct = {p for p in named if not any(p != q and p in q for q in named)}
    return distinct.pop() if len(distinct) == 1 else None


def scope_of(words: str) -> str | None:
    words = DATELINE.sub("", words)
    provinces: list[str] = [p for p in grammar()["provinces"] if p in words]
    own = [w for w in grammar()["province_words"] if w in words]
    if own and not provinces:
        return "province"  # 全省, 我省: the article's province, whichever it is
    if any_of("national").search(words) and not provinces:
        return "national"
    if provinces:
        return max(provinces, key=words.rfind)
    return None
