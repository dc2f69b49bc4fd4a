"""Find every quantity in a cleaned article and tie each statistic to its catalog fact.

The figures themselves are read by `numbers.parse_quantity`, the one parser
of the project; this module only finds where they are and what they count.

Decisions, documented here because the genre forces them:
- a 4-digit number from 1900 to 2100 followed by 年, a month and day (1月13日)
  and a range of such years (2014—2018年) are dates, not statistics;
- Chinese numerals count something only before a measure word (八大, 七個,
  兩次, 五年 …) and never as 一, which is nearly always an article or idiom;
- names that contain numerals (十八大, 十三五, 兩不愁三保障, 一縣一策, 百千百工程,
  三晉) and idioms (千軍萬馬, 數九寒天, 一方水土) are names, not statistics.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from povcli.model import Catalog, Fact
from povcli.numbers import (
    ARABIC,
    MIXED_FORM,
    PERCENT,
    RANGE_SEP,
    SCALE,
    NumberError,
    Quantity,
    parse_quantity,
)

DATE = "date"
NAME = "name"

NAMES = (
    "十八大", "十九大", "二十大", "十三五", "十四五", "十二五", "兩不愁三保障", "两不愁三保障",
    "一縣一策", "一县一策", "百千百工程", "三晉", "三晋", "千軍萬馬", "千军万马", "數九寒天",
    "数九寒天", "一方水土",
)  # fmt: skip
MEASURES = (
    "人公里", "人次公里", "吨公里", "噸公里",
    "人次", "萬人", "万人", "個百分點", "个百分点", "百分點", "百分点", "個千分點", "个千分点",
    "千分點", "千分点", "平方米", "平方公里",
    "公里", "千米", "保險", "保险", "救助", "個", "个", "家", "座", "所", "處", "处", "戶", "户",
    "人", "元", "頭", "头", "歲", "岁", "年", "項", "项", "種", "种", "次", "級", "级", "大",
    "環", "环", "有", "進", "进", "銷", "销", "名", "畝", "亩", "噸", "吨", "倍", "%", "‰",
    "千瓦時", "千瓦时", "千瓦", "公頃", "公顷", "公斤", "公噸", "公吨", "斤", "萬噸", "万吨", "輛",
    "辆", "艘",
    "架", "台", "對", "对",
    "張", "张", "床", "件", "套", "冊", "册", "部", "篇", "場", "场", "只", "匹", "株", "立方米",
    "標準煤", "标准煤", "標準箱", "标准箱", "標箱", "标箱", "美元", "港元", "歐元", "欧元",
    "周歲", "周岁", "小時", "小时", "分鐘", "分钟", "天",
)  # fmt: skip
MEASURE_UNITS = {
    "人公里": "passenger-kilometre", "人次公里": "passenger-kilometre",
    "吨公里": "tonne-kilometre", "噸公里": "tonne-kilometre",
    "人次": "person-time", "人": "person", "萬人": "person", "万人": "person", "元": "yuan",
    "戶": "household", "户": "household", "座": "station", "所": "school", "處": "project",
    "处": "project", "家": "enterprise", "頭": "head", "头": "head", "歲": "year", "岁": "year",
    "年": "year", "次": "visit", "級": "level", "级": "level", "種": "method", "种": "method",
    "%": "%", "‰": "‰", "倍": "multiple", "千瓦時": "kilowatt-hour", "千瓦时": "kilowatt-hour",
    "千瓦": "kilowatt", "公頃": "hectare", "公顷": "hectare", "公斤": "kilogram", "斤": "jin",
    "噸": "tonne", "吨": "tonne", "公噸": "tonne", "公吨": "tonne",  # Taiwan's metric tonne
    "萬噸": "tonne", "万吨": "tonne", "畝": "mu", "亩": "mu", "平方米": "square-metre",
    "平方公里": "square-kilometre", "公里": "kilometre", "千米": "kilometre", "美元": "US-dollar",
    "周歲": "age", "周岁": "age", "輛": "vehicle", "辆": "vehicle", "床": "bed", "張": "bed",
    "张": "bed", "名": "person", "只": "head", "匹": "head", "小時": "hour", "小时": "hour",
    "分鐘": "minute", "分钟": "minute", "天": "day", "對": "pair", "对": "pair", "標準箱": "teu",
    "标准箱": "teu", "標箱": "teu", "标箱": "teu",
    "個百分點": "percentage-point", "个百分点": "percentage-point",
    "百分點": "percentage-point", "百分点": "percentage-point", "個千分點": "per-mille-point",
    "个千分点": "per-mille-point", "千分點": "per-mille-point", "千分点": "per-mille-point",
}  # fmt: skip
# what the noun right after a figure says it counts (個 and 家 alone say little)
NOUN_UNITS = (
    ("自然村", "natural-village"), ("縣", "county"), ("县", "county"), ("村", "village"),
    ("企業", "enterprise"), ("企业", "enterprise"), ("民企", "enterprise"),
    ("社會組織", "organisation"), ("社会组织", "organisation"), ("單位", "organisation"),
    ("单位", "organisation"), ("人口", "person"), ("殘疾人", "person"), ("残疾人", "person"),
    ("產品", "product"), ("产品", "product"), ("項目", "project"), ("项目", "project"),
    ("產業", "industry"), ("产业", "industry"), ("工程", "programme"), ("品牌", "brand"),
    ("車間", "workshop"), ("车间", "workshop"), ("衛生室", "clinic"), ("卫生室", "clinic"),
    ("安置區", "site"), ("安置区", "site"), ("問題", "item"), ("问题", "item"),
    ("貧困戶", "household"), ("贫困户", "household"), ("農戶", "household"), ("农户", "household"),
)  # fmt: skip
# 村 inside these words is no village: 5306萬農村貧困人口 counts people
NOT_A_VILLAGE = re.compile(r"農村|农村|鄉村|乡村")

_MEASURE = "|".join(re.escape(m) for m in MEASURES)
# a minus sign is the figure's own after a word, a bracket, a comma, an enumeration comma or a
# space (为-2.25‰, 自然增长人口-4.9万人, 0.15、-5.64、1.34个百分点); after a digit or a letter it is
# a range's dash (16-59岁, A-1), and before a year it joins two years (2014年-2018年); 负 before a
# digit is a minus (增长负2.0%)
NEGATIVE = r"(?:(?<=[\u4e00-\u9fff:：(（,，、\s])[-−－](?=\d)(?!\d{4}年)|[负負](?=\d))"
ARABIC_FIGURE = re.compile(
    rf"(?P<prefix>近|約|约)?(?P<negative>{NEGATIVE})?(?P<low>{ARABIC})(?:(?P<sep>{RANGE_SEP})(?P<high>{ARABIC}))?"
    rf"(?P<more>多|余|餘)?(?P<scale>{SCALE})?(?P<measure>{_MEASURE})?(?P<post>以上|左右)?"
)
# a count in 萬 and 億 with four digits after each (2334萬9666人): one figure, never two
MIXED_FIGURE = re.compile(rf"{MIXED_FORM}(?!\d)(?P<measure>{_MEASURE})?")
CHINESE_COUNT = re.compile(
    r"(?<![零〇一二兩两三四五六七八九十百千萬万数數几幾])"
    r"(?P<low>[二兩两三四五六七八九十][零〇一二兩两三四五六七八九十百千]*)"
    rf"(?P<measure>{_MEASURE})"
)
# a count in 万 or 亿 written in Chinese numerals (一千二百四十万人, 三千多万人), not after 数, 几
# or 上 (数十万人: several hundred thousand, no figure)
CHINESE_BIG = re.compile(
    r"(?<![零〇一二兩两三四五六七八九十百千萬万億亿数數几幾上成])"
    r"(?P<low>[一二兩两三四五六七八九十][零〇一二兩两三四五六七八九十百千]*(?:多|余|餘)?[萬万億亿])"
    rf"(?P<measure>{_MEASURE})"
)
# a month and day (1月13日), an ISO date (2018-07-16, 2018/7/16) or a time of day (10:53:59)
MONTH_DAY = re.compile(
    r"\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
    # a span of months (1-8月, 1—8月份, 前8个月): a date, no figure
    r"|(?<![\d.])\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月|前\d{1,2}[个個]?月"
)
SENTENCE_END = "。!?;!?;\n"
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")


@dataclass
class Mention:
    written: str
    value: float | int | None
    value_max: float | int | None
    unit: str | None
    qualifier: str | None
    kind: str
    start: int
    end: int
    sentence: str
    measure: str | None = None
    fact: str | None = None
    link: str | None = None
    sentence_at: int = 0  # where the sentence starts in the text: the sentence's name
    # the parsed figure, kept so that the figures of the text are not parsed twice
    quantity: Quantity | None = field(default=None, repr=False, compare=False)

    @property
    def is_statistic(self) -> bool:
        return self.kind not in (DATE, NAME)

    def to_dict(self, with_sentence: bool = True) -> dict[str, Any]:
        """The mention as a record: its sentence named by where it starts, and its text
        too unless left out (a sentence already written with an earlier mention)."""
        record: dict[str, Any] = {}
        for name in RECORD_FIELDS:
            record[name] = getattr(self, name)
        if not with_sentence:
            record["sentence"] = None
        return record


RECORD_FIELDS = (
    "written", "value", "value_max", "unit", "qualifier", "kind", "start", "end",
    "sentence_at", "sentence", "measure", "fact", "link",
)  # fmt: skip


def mention_records(mentions: Sequence[Mention]) -> list[dict[str, Any]]:
    """Mentions as records, each sentence written once, with the first mention in it:
    the others name it by `sentence_at` (a sentence of 50,000 figures is not written
    50,000 times)."""
    written: set[int] = set()
    records = []
    for mention in mentions:
        records.append(mention.to_dict(with_sentence=mention.sentence_at not in written))
        written.add(mention.sentence_at)
    return records


# names with digits in them: money supply (M0, M1, M2) and fine particles (PM2.5, PM10)
NAMED_CODES = re.compile(r"(?<![A-Za-z])(?:M[0-3]|PM2\.5|PM10)(?![\d.])")
# "前两个月", "前兩個月": the first months of the year, a span, no count of two
FIRST_MONTHS = re.compile(r"前[二两兩三四五六七八九十]{1,3}[个個]月")


def _name_spans(text: str) -> list[tuple[int, int]]:
    return (
        [
            (match.start(), match.end())
            for name in NAMES
            for match in re.finditer(re.escape(name), text)
        ]
        + [match.span() for match in NAMED_CODES.finditer(text)]
        + [match.span() for match in FIRST_MONTHS.finditer(text)]
    )


class Spans:
    """Spans of a text, asked whether one holds a given span in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end of any span starting at or before
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def holds(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.starts, start) - 1
        return at >= 0 and self.reach[at] >= end


class Sentences:
    """The sentence around any span, found by bisecting the text's sentence ends."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [match.start() for match in _SENTENCE_END.finditer(text)]
        # mentions of one sentence share its text: (where it starts, the text)
        self.seen: dict[tuple[int, int], tuple[int, str]] = {}

    def around(self, start: int, end: int) -> str:
        return self.place(start, end)[1]

    def place(self, start: int, end: int) -> tuple[int, str]:
        """(where the sentence around a span starts, its text), blanks trimmed."""
        before = bisect.bisect_left(self.ends, start)  # ends before `start`: ends[:before]
        left = self.ends[before - 1] + 1 if before else 0
        after = bisect.bisect_left(self.ends, end)  # the first end at or after `end`
        right = self.ends[after] + 1 if after < len(self.ends) else len(self.text)
        if (left, right) not in self.seen:
            raw = self.text[left:right]
            trimmed = raw.lstrip()
            self.seen[left, right] = (left + len(raw) - len(trimmed), trimmed.rstrip())
        return self.seen[left, right]


# (a symbol over another, "120 km/h", "450 kg/亩", is a rate: no length, no weight)
LATIN_UNIT = re.compile(r" ?(?P<symbol>km2|km²|m2|m²|m3|m³|km|kWh|kW|kg|TEU|t|m)(?![A-Za-z/／])")
LATIN_UNITS = {
    "km2": "square-kilometre", "km²": "square-kilometre", "m2": "square-metre",
    "m²": "square-metre", "km": "kilometre", "kWh": "kilowatt-hour", "kW": "kilowatt",
    "kg": "kilogram", "t": "tonne", "m": "metre", "m3": "cubic-metre", "m³": "cubic-metre",
    "TEU": "teu",
}  # fmt: skip


def _unit(measure: str | None, text: str, end: int, kind: str) -> str | None:
    """The unit: from the measure word, else from the noun that follows (個貧困縣 → county)."""
    if kind == PERCENT:
        return "%"
    if measure in MEASURE_UNITS and measure != "家":
        return MEASURE_UNITS[measure]
    symbol = LATIN_UNIT.match(text, end) if measure is None else None
    if symbol:  # "1033.23万m", "5221 km": a unit written in Latin letters
        return LATIN_UNITS[symbol["symbol"]]
    after = re.split(r"[,，、。;；:：“”()（）]", text[end : end + 8], maxsplit=1)[0]
    after = NOT_A_VILLAGE.sub("  ", after)
    nouns = [(after.find(noun), -len(noun), unit) for noun, unit in NOUN_UNITS if noun in after]
    if nouns:
        return min(nouns)[2]
    return MEASURE_UNITS.get(measure or "") or ("item" if measure else None)


def _is_date(match: re.Match[str]) -> bool:
    if match["measure"] != "年" or match["scale"] or "." in match["low"]:
        return False
    years = [match["low"], match["high"]] if match["high"] else [match["low"]]
    return all(len(y) == 4 and 1900 <= int(y) <= 2100 for y in years if y)


# a year of the Republic of China (民國113年 is 2024), as Taiwan's releases date their figures:
# named so, or a number of 1 to 3 digits dated further (113年底, 112年度, 113年11月)
ROC_NAMED = re.compile(r"民[國国]\s*$")
ROC_DATED = re.compile(r"(?:底|末|初|度|[上下]半年|第|\d{1,2}月|全年|[1-4一二三四]季)")
# or a year compared with (較105年的1,106,004元, 較之103年以來, 比110年增加): not 比100年前,
# a span of years
ROC_COMPARED = re.compile(r"(?:比|較|较|與|与|自|從|从|由)之?\s*$")
ROC_NOT_DATED = re.compile(r"(?:前|后|後|来|來|间|間|里|裡|内|內|中|左右|多|以上)")


# 較上(105)年同月底: last year, its number of the Republic in brackets
ROC_BRACKETED = re.compile(r"[)）]年")


def _roc_year(text: str, match: re.Match[str]) -> bool:
    if (
        text[max(0, match.start() - 1) : match.start()] in ("(", "（")
        and ROC_BRACKETED.match(text, match.end())
        and match["low"].isdigit()
        and 30 <= int(match["low"]) <= 200
    ):
        return True
    if match["measure"] != "年" or match["scale"] or "." in match["low"] or match["high"]:
        return False
    if ROC_NAMED.search(text[max(0, match.start() - 4) : match.start()]):
        return True
    if not 30 <= int(match["low"]) <= 200:
        return False
    if ROC_COMPARED.search(text[max(0, match.start() - 4) : match.start()]):
        return not ROC_NOT_DATED.match(text, match.end())
    return bool(ROC_DATED.match(text, match.end()))


# a school year (110學年 of the Republic, 2023学年): a date, no quantity
SCHOOL_YEAR = re.compile(r"\s*[學学]年")


def _school_year(text: str, match: re.Match[str]) -> bool:
    number = match.group()
    if not number.isdigit() or not SCHOOL_YEAR.match(text, match.end()):
        return False
    return 30 <= int(number) <= 200 or 1900 <= int(number) <= 2100


def find_mentions(text: str) -> list[Mention]:
    """Every quantity in the text, in order, dates and names included (with their kind).

    Linear in the text: spans and sentence ends are looked up by bisection.
    """
    names = _name_spans(text)
    dates = [(m.start(), m.end()) for m in MONTH_DAY.finditer(text)]
    in_name, in_date, sentences = Spans(names), Spans(dates), Sentences(text)
    mentions = [_bare(sentences, start, end, NAME) for start, end in names]
    mixed = [m for m in MIXED_FIGURE.finditer(text) if not in_name.holds(*m.span())]
    mentions.extend(_mention(sentences, m, in_date) for m in mixed)
    in_mixed = Spans([m.span() for m in mixed])
    for match in ARABIC_FIGURE.finditer(text):
        if in_mixed.holds(*match.span()):
            continue
        if re.fullmatch(r"\d+", match.group()) and _glued_to_date(text, match):
            continue
        if _ordinal(text, match):
            mentions.append(_bare(sentences, *match.span(), NAME))
        elif not in_name.holds(*match.span()):
            mentions.append(_mention(sentences, match, in_date))
    for match in CHINESE_COUNT.finditer(text):
        if _ordinal(text, match):
            mentions.append(_bare(sentences, *match.span(), NAME))
        elif match["low"] != "一" and not in_name.holds(*match.span()):
            mentions.append(_mention(sentences, match, in_date))
    starts = sorted(m.start for m in mentions)
    for match in CHINESE_BIG.finditer(text):
        # (五百萬人 is CHINESE_COUNT's already: one figure is found once)
        at = bisect.bisect_left(starts, match.start())
        taken = at < len(starts) and starts[at] < match.end()
        if not taken and not in_name.holds(*match.span()):
            mentions.append(_mention(sentences, match, in_date))
    mentions.extend(_bare(sentences, start, end, DATE) for start, end in dates)
    return sorted(mentions, key=lambda m: m.start)


def _ordinal(text: str, match: re.Match[str]) -> bool:
    """第六次, 第1327號: a place in an order, no quantity."""
    return match.start() > 0 and text[match.start() - 1] == "第"


def _bare(sentences: Sentences, start: int, end: int, kind: str) -> Mention:
    """A name or a date: found and shown, but not a statistic."""
    at, sentence = sentences.place(start, end)
    return Mention(sentences.text[start:end], None, None, None, None, kind, start, end,
                   sentence, sentence_at=at)  # fmt: skip


def _glued_to_date(text: str, match: re.Match[str]) -> bool:
    return (
        text[match.end() : match.end() + 1] in ("月", "日")
        or text[match.start() - 1 : match.start()] == "月"
    )


def _mention(sentences: Sentences, match: re.Match[str], dates: Spans) -> Mention:
    start, end = match.span()
    text, written = sentences.text, match.group()
    if dates.holds(start, end):
        return _bare(sentences, start, end, DATE)
    at, sentence = sentences.place(start, end)
    try:
        quantity = parse_quantity(written)  # it reads full-width digits itself (NFKC)
    except NumberError:  # not a figure, or one too large to be a statistic
        return _bare(sentences, start, end, NAME)
    measure = match["measure"]
    if match.re is ARABIC_FIGURE and (
        _is_date(match) or _roc_year(text, match) or _school_year(text, match)
    ):
        return Mention(written, quantity.value, quantity.value_max, None, None, DATE, start,
                       end, sentence, measure, sentence_at=at)  # fmt: skip
    unit = _unit(measure, text, end, quantity.kind)
    return Mention(written, quantity.value, quantity.value_max, unit, quantity.qualifier,
                   quantity.kind, start, end, sentence, measure, sentence_at=at,
                   quantity=quantity)  # fmt: skip


# ----------------------------------------------------------------- catalog links


def link_mentions(mentions: list[Mention], text: str, catalog: Catalog) -> None:
    """Tie each statistic to the catalog fact whose written figure sits at its place.

    A fact is placed by finding its quote in the text and its written form in
    the quote. A figure repeated where the catalog records it once (a heading
    restating its paragraph) links to the one fact with that written form,
    provided that fact was placed in this text: an unrelated article is not
    linked by coincidence of spelling.
    """
    # each place keeps the first fact in catalog order that claims it
    placed: dict[tuple[int, int], tuple[int, str]] = {}
    for quote, facts in _by_quote(catalog).items():
        for quote_at in _occurrences(text, quote):
            for index, fact in facts:
                inner = quote.find(fact.written)
                if inner != -1:
                    start = quote_at + inner
                    span = (start, start + len(fact.written))
                    if span not in placed or index < placed[span][0]:
                        placed[span] = (index, fact.id)
    by_written: dict[str, list[str]] = {}
    for fact in catalog.facts:
        by_written.setdefault(fact.written, []).append(fact.id)
    by_id = {fact.id: fact for fact in reversed(catalog.facts)}  # the first of a duplicate id
    here = {fact_id for _, fact_id in placed.values()}
    places = Places(placed)
    for mention in mentions:
        if not mention.is_statistic:
            continue
        fact_id = places.first_overlapping(mention.start, mention.end)
        if fact_id:
            mention.fact, mention.link = fact_id, "quote"
        elif (
            len(by_written.get(mention.written, [])) == 1 and by_written[mention.written][0] in here
        ):
            mention.fact, mention.link = by_written[mention.written][0], "repeat"
        linked = by_id.get(mention.fact) if mention.fact else None
        if linked is not None:
            mention.unit = linked.unit  # the curated unit names what the text counts


def _by_quote(catalog: Catalog) -> dict[str, list[tuple[int, Fact]]]:
    """Facts (with their place in the catalog) grouped by quote: each quote is searched once."""
    grouped: dict[str, list[tuple[int, Fact]]] = {}
    for index, fact in enumerate(catalog.facts):
        grouped.setdefault(fact.quote, []).append((index, fact))
    return grouped


class Places:
    """Where facts were placed, asked which one first overlaps a span.

    "First" is catalog order, then text order; only the places that can
    reach the span are looked at.
    """

    def __init__(self, placed: dict[tuple[int, int], tuple[int, str]]) -> None:
        self.spans = sorted(
            (start, end, (index, start), fact_id)
            for (start, end), (index, fact_id) in placed.items()
        )
        self.starts = [span[0] for span in self.spans]
        self.longest = max((end - start for start, end in placed), default=0)

    def first_overlapping(self, start: int, end: int) -> str | None:
        low = bisect.bisect_right(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        candidates = self.spans[low:high]
        found = [(order, fact_id) for _, until, order, fact_id in candidates if until > start]
        return min(found)[1] if found else None


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1 and needle:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def coverage(mentions: Sequence[Mention]) -> tuple[int, int]:
    """(statistic mentions linked to a fact, all statistic mentions)."""
    statistics = [m for m in mentions if m.is_statistic]
    return sum(m.fact is not None for m in statistics), len(statistics)


def coverage_summary(mentions: Sequence[Mention], named: bool = True) -> str:
    """The line `extract` ends with: how much of the article the catalog covers.

    Coverage means something only against a catalog of this article: one the user named
    (`named`), or the bundled one when the text is its article (a fact's quote is found
    in it). Otherwise the line says what was found, and no coverage.
    """
    linked, statistics = coverage(mentions)
    if not named and not linked:
        return (
            f"{len(mentions)} mentions, {statistics} statistics (no catalog of this article:"
            " --facts CATALOG reports how much of it the catalog covers)"
        )
    share = f"{100 * linked / statistics:.1f}%" if statistics else "n/a"
    return (
        f"{len(mentions)} mentions, {statistics} statistics, {linked} linked to facts "
        f"(coverage {share}), {statistics - linked} uncurated"
    )
