"""What is near a figure in an annotated article: the figures after a head that may be
attached to it, the levels around a part that may be its whole, and the tests several
detectors share (which figures add up, whose population a subject names)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.notes import ATTACHED_WITHIN, LEVEL, Note, Reading
from povcli.numbers import COUNT, Interval, parse_chinese_numeral


def statements(reading: Reading) -> Iterator[list[Note]]:
    """The notes of each statement: a sentence and those a ; joins to it."""
    statement: list[Note] = []
    for number, sentence in enumerate(reading.sentences):
        statement.extend(reading.in_sentence(number))
        if not sentence.goes_on:
            yield statement
            statement = []
    if statement:
        yield statement


def statement_start(reading: Reading, sentence: int) -> int:
    """The first sentence of the statement a sentence is in: those a ; joins to it."""
    while sentence > 0 and reading.sentences[sentence - 1].goes_on:
        sentence -= 1
    return sentence


def text_span(reading: Reading, *notes: Note) -> tuple[int, int, list[tuple[int, int]]]:
    """Where the relation stands: from its first sentence to its last, with each sentence."""
    numbers = sorted({note.sentence for note in notes})
    sentences = [reading.sentences[n] for n in numbers]
    spans = [(s.start, s.end) for s in sentences]
    return sentences[0].start, sentences[-1].end, spans if len(spans) > 1 else []


POPULATION = re.compile(r"^(?:全国居民|城镇居民|农村居民|城镇|农村|乡村|城市)")


def population_of(subject: str) -> str:
    found = POPULATION.match(subject)
    return found.group() if found else ""


# a ratio of two (性别比, 城乡居民收入比) adds up with nothing, as a rate or an index; nor does a
# trade balance, a difference of two (服务贸易逆差 is no part of 服务进出口, and a partner's
# surplus may be larger than all the trade's)
NOT_A_COMPONENT = re.compile(
    r"中位数|率|指数|价格|比重|平均年龄|年龄|性别比|收入比|支出比|顺差|逆差"
    r"|单产|亩产|单位面积产量"  # a yield (公斤/公顷) is an amount per unit of area: none adds up
)
PER_HEAD = re.compile(r"人均|户均|平均|均值|月均|年均|每")


def additive(note: Note, components: bool = False) -> bool:
    """Counts and amounts add up, and so do the parts of one amount per head (工资性收入 …
    转移净收入 make 可支配收入); averages of different people, medians, rates and ages do not."""
    if note.figure.kind != COUNT or note.figure.unit in ("age", "year"):
        return False
    if NOT_A_COMPONENT.search(note.subject):
        return False
    return components or not PER_HEAD.search(note.subject)


def one_span(span: str, ratio_span: str, period: str | None) -> bool:
    """Whether a term's span is the ratio's: the same words, or none named in one's paragraph
    where their period (already one) carries its months or its span (1-9月份 … a paragraph on,
    主营业务收入利润率 with no span of its own; 2021年上半年 … 人均每次旅游消费)."""
    named = span or ratio_span
    carried = "M" in (period or "") or (named != "" and named in (period or ""))
    return span == ratio_span or ("" in (span, ratio_span) and carried)


def compared_amount(note: Note) -> bool:
    """A level compared with (上年同期为…, 比上年同期的…) or a plan's (预算数…): no part or whole
    of this year's amounts."""
    return "base-level" in note.cues or "plan-level" in note.cues


def adds_up(whole: Note, parts: list[Note]) -> bool:
    """Whether the parts' sum and the whole meet within their rounding."""
    low = sum(p.figure.bounds.low for p in parts)
    high = sum(p.figure.bounds.high for p in parts)
    return low <= whole.figure.bounds.high and high >= whole.figure.bounds.low


def changes_add_up(total_change: Note, changes: list[Note]) -> bool:
    """Whether the parts' changes (a fall negative) make the total's within their rounding,
    the total's written to 1% or closer, so that no chance of rounding makes them meet."""
    total = signed(total_change)
    if total.bounds.high - total.bounds.low > 0.01 * abs(total.value):
        return False
    low = sum(signed(c).bounds.low for c in changes)
    high = sum(signed(c).bounds.high for c in changes)
    return low <= total.bounds.high and high >= total.bounds.low


def made_of(claimed: Figure, first: Figure, second: Figure, minus: bool = False) -> bool:
    """Whether the claimed figure may be the first plus (or minus) the second, as written."""
    a, b = first.bounds, second.bounds
    if minus:
        made = Interval(a.low - b.high, a.high - b.low)
    else:
        made = Interval(a.low + b.low, a.high + b.high)
    return made.low <= claimed.bounds.high and claimed.bounds.low <= made.high


def attached(reading: Reading, head: Note, role: str) -> Note | None:
    found = [n for n in following(reading, head) if n.head == head.index and n.role == role]
    return found[0] if found else None


# a whole is stated within so many figures of its part: none looks further, so that the work
# grows with the text (as ATTACHED_WITHIN for heads)
WHOLE_WITHIN = 200


def following(reading: Reading, head: Note) -> list[Note]:
    """The figures after a head that may be attached to it."""
    return reading.notes[head.index + 1 : head.index + 1 + ATTACHED_WITHIN]


def levels_around(reading: Reading, part: Note) -> list[Note]:
    """The levels near a part that may be its whole."""
    return reading.levels_between(part.index - WHOLE_WITHIN, part.index + WHOLE_WITHIN)


def shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters two subjects share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


# between two figures of a list ("10.8%、24.9%、41.6%和2.7%")
LIST_BETWEEN = re.compile(r"^\s*(?:、|和|及|与|,)\s*$")


def listed_from(reading: Reading, first: Note) -> list[Note]:
    """The figures of a list that opens with `first`: each of its kind, in its sentence,
    after the last with only 、 和 及 与 between (as far as a list may reach)."""
    listed = [first]
    for note in reading.notes[first.index + 1 : first.index + ATTACHED_WITHIN]:
        between = reading.simple[listed[-1].figure.end : note.figure.start]
        if note.sentence != first.sentence or note.figure.kind != first.figure.kind:
            break
        if not LIST_BETWEEN.match(between):
            break
        listed.append(note)
    return listed


def signed(note: Note) -> Figure:
    """A change as a signed figure: a fall (减少, 下降) counts negative."""
    return note.figure.signed(note.sign)


# "2023年末全省常住人口中,", "在外出农民工中,", "2017年,全国就业人员中,": a sentence that opens
# with a whole and 中 speaks of parts of it ("60岁及以上人口中," too)
AMONG = re.compile(
    r"^\s*(?:\d{4}年(?:末|底)?[,，]?)?(?:(?:\d{1,2}[-—–~至]\d{1,2}月份?|前\d{1,2}个?月|上半年|前三季度)[,，])?"
    r"在?(?P<whole>[\u4e00-\u9fff\d—–~～-]{2,16}?)之?中\s*[,，:：]"
)
# "医院从经营方式来看,", "从医院等级看,": a sentence that opens with a whole and the aspect its
# parts break it down by speaks of parts of it, as "X中," does
BY_ASPECT = re.compile(
    r"^\s*(?:(?P<whole>[\u4e00-\u9fff]{2,8}?)从[\u4e00-\u9fff]{2,6}?(?:来)?看"
    r"|从(?P<named>[\u4e00-\u9fff]{2,8}?)(?:等级|级别|类型|类别|经营方式|所有制|规模|性质)(?:来)?看)"
    r"\s*[,，:：]"
)
# the words that place a figure's whole before its name (全市投资, 全省经济增长), and the words
# that name the economy's growth (GDP, 生产总值, 经济)
PLACE_WORDS = "全国|我国|全省|我省|全市|我市|全区|全县|全州"
PLACE = re.compile(rf"^(?:{PLACE_WORDS})")
ECONOMY = re.compile(r"GDP|生产总值|经济", re.IGNORECASE)
SCOPE_WORDS = re.compile(r"^(?:全国|全省|全市|全区|全县|我国|我省|我市|全部|全体)")
TOTAL_ENDINGS = re.compile(r"(?:总量|总数|总计|总人数)$")


def whole_named_among(reading: Reading, first: Note) -> Note | None:
    """The level the words that open a part's statement with 中 name ("卫生人员总数中,卫生技术人员
    1124.2万人": 卫生人员总数 1398.3万人), stated before it, however far: the latest of the
    part's unit, kind, period and scope whose subject those words name (全省常住人口 for
    常住人口, 农民工总量 for 全部农民工; never 全省常住人口 for 全市常住人口)."""
    found = among_words(reading, first) or _framed_before(reading, first)
    if found is None:
        return None
    named = core_words(found)
    for note in reversed(reading.notes[: first.index]):
        if (
            note.role == LEVEL
            and note.sentence < first.sentence
            and note.figure.same_unit(first.figure)
            and note.figure.kind == first.figure.kind
            and note.period == first.period
            and _names_with_its_measure(core_words(note.subject), named, first.subject)
            and scopes_agree(found, note.subject)
            and scopes_fit(note.scope, first.scope)
        ):
            return note
    return _total_named_otherwise(reading, first, named)


def _names_with_its_measure(subject: str, named: str, part: str) -> bool:
    """Whether a level's words are the words before 中, or those words and what the part
    measures ("规模以上工业企业中,国有控股企业实现利润总额…": 规模以上工业企业实现利润总额)."""
    if subject == named:
        return True
    measure = subject[len(named) :] if subject.startswith(named) else ""
    return len(measure) >= 2 and part.endswith(measure) and len(part) > len(measure)


def _total_named_otherwise(reading: Reading, first: Note, named: str) -> Note | None:
    """ "2021年总诊疗量中,医院38.8亿人次…" after "医疗卫生机构总诊疗人次84.7亿": a total the
    words name in other words (总诊疗), the one level of the part's unit, kind, period and
    scope in its paragraph or the one before whose subject shares three characters with them,
    总 among them."""
    if "总" not in named:
        return None
    found = [
        note
        for note in reading.levels_between(0, first.index)
        if note.sentence < first.sentence
        and first.paragraph - 1 <= note.paragraph <= first.paragraph
        and note.figure.same_unit(first.figure)
        and note.figure.kind == first.figure.kind
        and note.period == first.period
        and scopes_fit(note.scope, first.scope)
        and (run := _longest_shared(named, core_words(note.subject)))
        and len(run) >= 3
        and "总" in run
        and MEASURE_LEFT.fullmatch(named.replace(run, "", 1))
    ]
    return found[0] if len(found) == 1 else None


# what the words before 中 may hold beyond the run they share with the total: a word for a
# measure (总诊疗量 beside 总诊疗人次), never a part's own name (医院总诊疗人次 is the hospitals')
MEASURE_LEFT = re.compile(r"(?:量|数|额|总量|总数|总额)?")


def _longest_shared(a: str, b: str) -> str:
    length = shared_run(a, b)
    return next((a[i : i + length] for i in range(len(a)) if a[i : i + length] in b), "")


# a sentence that opens with its span: "1-6月份,限额以上单位商品零售72420亿元"
OPENS_WITH_SPAN = re.compile(
    r"^\s*(?:\d{1,2}[-—–~至]\d{1,2}月份?|\d{1,2}月份?|前\d{1,2}个?月|上半年|前三季度|全年)[,，]"
)


def _framed_before(reading: Reading, note: Note) -> str | None:
    """The whole the sentence before names with 中, when it opens "在X中," and then its span,
    and this sentence, in its paragraph, opens with another span ("在商品零售中,6月份,…。1-6月份,
    限额以上单位商品零售72420亿元": the same frame, of the other span)."""
    sentence = reading.sentences[note.sentence]
    if note.sentence == 0 or not OPENS_WITH_SPAN.match(sentence.text):
        return None
    before = reading.sentences[note.sentence - 1]
    framed = reading.in_sentence(note.sentence - 1)
    if not framed or framed[0].paragraph != note.paragraph:
        return None  # (a frame's sentence names its own figures, in the same paragraph)
    frame = AMONG.match(before.text)
    if frame is None or not OPENS_WITH_SPAN.match(before.text[frame.end() :]):
        return None
    return frame["whole"]


def among_words(reading: Reading, note: Note) -> str | None:
    """The words naming the whole a figure's statement is among: its own sentence's opening
    "X中," else that of the statement's head, a ; before ("在外出农民工中,跨省流动…;省内流动…")."""
    number = note.sentence
    while True:
        sentence = reading.sentences[number]
        upto = note.figure.start - sentence.start if number == note.sentence else None
        found = AMONG.match(sentence.text[:upto])
        if found is not None:
            return found["whole"]
        aspect = BY_ASPECT.match(sentence.text[:upto])
        if aspect is not None:
            return aspect["whole"] or aspect["named"]
        if number == 0 or not reading.sentences[number - 1].goes_on:
            return None
        number -= 1


def scopes_fit(one: str | None, other: str | None) -> bool:
    """Whether two notes' scopes may be of one place: the same, or one left unnamed."""
    return one == other or None in (one, other)


BRACKETED = re.compile(r"[(（][^()（）]*[)）]")  # an aside in brackets
# the words between a figure's name and the value it had before (由105.20下降为104.08, 由上年的
# 2.50缩小到2.42): the figure after them is the earlier value
FROM_VALUE = re.compile(r"[由从][^为至到]*$")


def scope_word(words: str) -> str:
    """The scope a subject opens with (全省, 全国; 我省 is 全省), else ""."""
    found = SCOPE_WORDS.match(words.strip())
    if found is None or found.group() in ("全部", "全体"):
        return ""
    return found.group().replace("我国", "全国").replace("我", "全")


def scopes_agree(words: str, other: str) -> bool:
    """Whether two subjects may be of one place: only two different scope words (全省, 全市)
    part them."""
    one, two = scope_word(words), scope_word(other)
    return not one or not two or one == two


def core_words(words: str) -> str:
    """What words name without their scope or a total's ending (全省常住人口总数 → 常住人口)."""
    return TOTAL_ENDINGS.sub("", SCOPE_WORDS.sub("", words.strip()))


def counts_only(subject: str, counted: str) -> bool:
    """Whether a whole's subject names what parts count, and nothing beside it (全省医院 for
    公立医院 and 民营医院; not 医院及乡镇卫生院, whose health centres they are not)."""
    return bool(counted) and counted in subject and not re.search(r"[及和与、]", subject)


# a span of time shorter than the year (上半年, 一季度, 1-11月, 12月份); 全年 is the year's
SPAN = re.compile(
    r"全年|上半年|下半年|前三季度|第?[一二三四1-4]季度|第[一二三四1-4]季|首季度?"
    r"|前\d{1,2}个?月|前[二两三四五六七八九十]{1,3}个月|\d{1,2}[-—–~至]\d{1,2}月份?|\d{1,2}月份?"
    r"|[一二三四五六七八九十]{1,2}[至到][一二三四五六七八九十]{1,3}月份?|[一二三四五六七八九十]{1,3}月份?"
)


CLAUSE_BREAK = re.compile(r"[,，;；。:：]")


def clause_up_to(reading: Reading, note: Note) -> str:
    """The words of a figure's own clause, from its last comma, semicolon or colon up to it."""
    start = reading.sentence_of(note).start
    return CLAUSE_BREAK.split(reading.simple[start : note.figure.start])[-1]


def span_of(reading: Reading, note: Note) -> str:
    """The span of time the words of its paragraph name last before the figure (前三季度,
    12月份), the year's when they name none or 全年."""
    paragraph_start = reading.paragraphs[note.paragraph][0]
    named = spans_named(reading.simple[paragraph_start : note.figure.start])
    return span_word(named[-1]) if named else ""


def spans_named(text: str) -> list[str]:
    """The spans of time the words give their figures, less those compared with (比上半年高
    1.5个百分点 dates no figure of the text) and the days of a date (1月17日, 发布于1月)."""
    return [word for _, word in spans_named_at(text)]


DAY_AFTER = re.compile(r"\s*\d{1,2}\s*日")


def spans_named_at(text: str) -> list[tuple[int, str]]:
    """`spans_named` with where each ends in the text (read in one pass: no slice of the text
    per span, which made a long paragraph's spans quadratic)."""
    return [
        (found.end(), found.group())
        for found in SPAN.finditer(text)
        if text[found.start() - 1 : found.start()] not in COMPARED_WITH
        and not DAY_AFTER.match(text, found.end())
    ]


COMPARED_WITH = ("比", "较", "與", "与", "同", "于")


def span_word(word: str) -> str:
    """A span as one word: the year's is none, 12月份 is 12月, 第一季 (as Taiwan writes it) and
    第一季度 are 一季度."""
    if word.startswith("首季"):  # 首季 (as Macao writes it) is the first quarter
        return "一季度"
    quarter = re.fullmatch(r"第?([一二三四1-4])季度?", word)
    if quarter:
        return (
            "一二三四"[int(quarter[1]) - 1] + "季度"
            if quarter[1].isdigit()
            else f"{quarter[1]}季度"
        )
    months = re.fullmatch(r"前(\d{1,2})个?月|(\d{1,2})[-—–~至](\d{1,2})月份?", word)
    if months:  # 前8个月, 1—8月 and 1-8月份 are one span
        first, last = ("1", months[1]) if months[1] else (months[2], months[3])
        return f"{int(first)}-{int(last)}月"
    spelled_first = re.fullmatch(r"前([二两三四五六七八九十]{1,3})个月", word)
    if spelled_first:  # 前两个月 (as a Taiwan paper writes it) is 1-2月
        return f"1-{parse_chinese_numeral(spelled_first[1])}月"
    # 一至二月 (as Macao writes it) is 1-2月, 二月 is 2月
    spelled = re.fullmatch(
        r"(?:([一二三四五六七八九十]{1,2})[至到])?([一二三四五六七八九十]{1,3})月份?", word
    )
    if spelled:
        last = parse_chinese_numeral(spelled[2])
        return f"{parse_chinese_numeral(spelled[1])}-{last}月" if spelled[1] else f"{last}月"
    return "" if word == "全年" else word.removesuffix("份")


# the months of each span of the year, as span_word writes it
SPAN_MONTHS = {
    "": (1, 12),
    "上半年": (1, 6),
    "前两季度": (1, 6),
    "下半年": (7, 12),
    "前三季度": (1, 9),
}
SPAN_MONTHS.update({f"{q}季度": (3 * n - 2, 3 * n) for n, q in enumerate("一二三四", 1)})


def months_of(word: str) -> tuple[int, int] | None:
    """The first and last month a span names (二季度 → 4, 6; 1-8月 → 1, 8; 6月份 → 6, 6), or
    None for none (13月)."""
    span = span_word(word)
    if span in SPAN_MONTHS:
        return SPAN_MONTHS[span]
    found = re.fullmatch(r"(?:(\d{1,2})-)?(\d{1,2})月", span)
    if not found:
        return None
    last = int(found[2])
    first = int(found[1]) if found[1] else last
    return (first, last) if 1 <= first <= last <= 12 else None
