"""An article's statistics as figures with their intervals, and its sentences with the
figures each holds (keywords matched in Simplified script)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from povcli.article.extract import _MEASURE, Mention, find_mentions
from povcli.numbers import (
    CHINESE_DIGITS,
    COUNT,
    PERCENT,
    PERCENTAGE_POINT,
    SCALES,
    Interval,
    NumberError,
    bounds_of,
    parse_big_numeral,
    parse_quantity,
)

# Traditional → Simplified for the characters of this module's keywords only
# (tests compare each pair with OpenCC).
_TRADITIONAL = (
    "從為達長減計總與東區農鎮產業來過間這縣貧國個萬億點數據顯較幅擴縮倍項戶實際內兩體別佔時漲經現脫"
)
_SIMPLIFIED = (
    "从为达长减计总与东区农镇产业来过间这县贫国个万亿点数据显较幅扩缩倍项户实际内两体别占时涨经现脱"
)
KEYWORDS = str.maketrans(_TRADITIONAL, _SIMPLIFIED)

SENTENCE_ENDS = "。!?！？;；\n"
CARRIED_BACK = 400  # characters of a statement's earlier clauses a later clause may lean on


@dataclass(frozen=True)
class Figure:
    """A statistic of the article, with the interval its writing stands for."""

    written: str
    value: float
    unit: str | None
    kind: str
    start: int
    end: int
    bounds: Interval

    @property
    def is_rate(self) -> bool:
        return self.kind == PERCENT

    def signed(self, sign: int) -> Figure:
        """The figure with a stated direction: a fall (减少408.2万, 下降2.7%) counts negative."""
        if sign > 0:
            return self
        return replace(self, value=-self.value, bounds=self.bounds.negated())

    def rounded(self) -> Figure:
        """The figure as a rounded mean or ratio, however exact a whole number it reads as:
        a mean per day of 204人 stands for 203.5–204.5, 每三分鐘 for 2.5 to 3.5 minutes."""
        if self.bounds.low != self.bounds.high:
            return self
        return replace(self, bounds=Interval(self.value - 0.5, self.value + 0.5))

    def same_unit(self, other: Figure) -> bool:
        """Whether two figures count in one unit: alike, or one an item, or one written with
        a scale and no measure word (西部地区农村贫困人口由5086万减少到2251万,累计减少2835万人:
        the 万 of the same people)."""
        if self.unit == other.unit or "item" in (self.unit, other.unit):
            return True
        return self.kind == other.kind == COUNT and (self._bare_scaled() or other._bare_scaled())

    def _bare_scaled(self) -> bool:
        return self.unit is None and self.written[-1:] in "万萬亿億"


@dataclass
class Sentence:
    start: int
    end: int
    text: str  # Simplified keywords, the article's offsets
    figures: list[Figure]
    raw: str = ""  # the article's own characters
    template: str = ""
    # the clauses before it in the same statement, when a ; ended them (the year they name
    # still holds: "2019年末…減少1109萬人;貧困發生率0.6%,比上年下降1.1個百分點")
    carried: str = ""

    @property
    def goes_on(self) -> bool:
        """Whether a ; ends it: its statement goes on in the next sentence."""
        return self.raw.rstrip()[-1:] in ";；"

    def __post_init__(self) -> None:
        parts, at = [], self.start
        for index, figure in enumerate(self.figures):
            parts.append(self.text[at - self.start : figure.start - self.start])
            parts.append(f"\x01{index}\x02")
            at = figure.end
        parts.append(self.text[at - self.start :])
        self.template = "".join(parts)

    def figure(self, group: str | None) -> Figure:
        assert group is not None
        return self.figures[int(group)]

    def _place(self, figure: Figure) -> int:
        """Where the figure stands among the sentence's (by its offset: a bisection, not a
        search comparing every figure field by field)."""
        index = bisect.bisect_left(self.figures, figure.start, key=lambda f: f.start)
        if index == len(self.figures) or self.figures[index] is not figure:
            return self.figures.index(figure)  # (a copy of one: compared by value)
        return index

    def words_before(self, figure: Figure, limit: int = 40) -> str:
        """The sentence's words before a figure, other figures left out."""
        index = self._place(figure)
        left = self.figures[index - 1].end if index else self.start
        return self.text[max(left, figure.start - limit) - self.start : figure.start - self.start]

    def words_after(self, figure: Figure, limit: int = 12) -> str:
        index = self._place(figure)
        right = self.figures[index + 1].start if index + 1 < len(self.figures) else self.end
        return self.text[figure.end - self.start : min(right, figure.end + limit) - self.start]


# ----------------------------------------------------------------- reading the text


def figures_of(text: str) -> list[Figure]:
    """Every statistic in the text (dates and names are not statistics)."""
    figures = []
    for mention in find_mentions(text):
        figure = _figure(mention)
        if figure is not None and not _a_grade(text, figure):
            figures.append(figure)
    figures = _with_chinese_figures(text, figures)
    return _with_shared_units(text, _with_fraction_words(text, figures))


# a grade named by its number (三级医院, 二级及以上公路, 一级响应): no count of levels (五级书记)
GRADE_AFTER = re.compile(
    r"医院|醫院|公路|甲等|乙等|及以上|以上|以下|景区|景區|响应|響應|预警|預警|资质|資質"
)  # (figures are read from the text as written, in either script)


def _a_grade(text: str, figure: Figure) -> bool:
    return figure.unit == "level" and GRADE_AFTER.match(text, figure.end) is not None


# a figure in Chinese numerals with a decimal point or with 億 and 萬 inside, as Macao's papers
# write them: 二百零六億二千七百萬元 (20,627,000,000 yuan), 一百九十七點四四億元 (197.44億元),
# 百分之四點五 (4.5%)
_CN = "零〇一二兩两三四五六七八九十百千"
CHINESE_FIGURE = re.compile(
    rf"(?<![{_CN}萬万億亿點点])(?P<fraction>百分之|千分之)?"
    rf"(?P<whole>[{_CN}萬万億亿]*[{_CN}])(?:[點点](?P<decimals>[零〇一二三四五六七八九]+))?"
    rf"(?P<scale>[萬万億亿]?)(?P<measure>{_MEASURE})?"
)


def _with_chinese_figures(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures with those written in Chinese numerals with a decimal point or with 億 and
    萬 inside read whole (their pieces, 四億元 of 七點四億元, are no figures)."""
    found = [f for m in CHINESE_FIGURE.finditer(text) if (f := _chinese_figure(m)) is not None]
    if not found:
        return figures
    taken = [(f.start, f.end) for f in found]
    kept = [f for f in figures if not any(a < f.end and f.start < b for a, b in taken)]
    return sorted([*kept, *found], key=lambda f: f.start)


def _chinese_figure(match: re.Match[str]) -> Figure | None:
    whole, decimals, scale = match["whole"], match["decimals"] or "", match["scale"]
    fraction, measure = match["fraction"] or "", match["measure"] or ""
    inner_scale = bool(re.search("[萬万億亿]", whole))
    if not (decimals or inner_scale or fraction):
        return None  # 三省, 二千七百萬元: read as before
    if fraction and (scale or inner_scale or measure):
        return None
    if not fraction and not measure:
        return None  # a number with no measure after it may be a name (一二三產業)
    if decimals and inner_scale:
        return None  # 二萬點五: no such writing
    try:  # (with no decimals, the scale after the numeral is its last word: …二千七百萬)
        integer, place = parse_big_numeral(whole if decimals else whole + scale)
    except NumberError:
        return None
    digits = "".join(str(CHINESE_DIGITS[c]) for c in decimals)
    unit = SCALES.get(scale, 1) if decimals else 1
    value = (Decimal(integer) + (Decimal("0." + digits) if digits else 0)) * unit
    resolution = Decimal(1).scaleb(-len(digits)) * unit if digits else _last_place(integer, place)
    sign = {"百分之": "%", "千分之": "‰"}.get(fraction, "")
    shape = _read_alone(
        f"{value / unit}{scale}{measure}{sign}" if decimals else f"{value}{measure}{sign}"
    )
    if shape is None:
        return None
    half = float(resolution) / 2
    start, end = match.start(), match.end()
    return replace(shape, written=match.group(), start=start, end=end, value=float(value),
                   bounds=Interval(float(value) - half, float(value) + half))  # fmt: skip


def _last_place(value: int, place: int) -> Decimal:
    """The place of the last digit written (二百零六億二千七百萬: the 百萬, 10^6)."""
    resolution = place
    while value and value % (resolution * 10) == 0:
        resolution *= 10
    return Decimal(resolution)


# "人口增加率為千分之3.25", "占百分之12.5": a rate written in words before its number
FRACTION_WORDS = {"千分之": "‰", "百分之": "%"}


def _with_fraction_words(text: str, figures: list[Figure]) -> list[Figure]:
    out = []
    for figure in figures:
        sign = FRACTION_WORDS.get(text[max(0, figure.start - 3) : figure.start])
        rate = _read_alone(figure.written + sign) if sign and _bare(figure) else None
        if rate is None:
            out.append(figure)
            continue
        start = figure.start - 3
        out.append(replace(rate, written=text[start : figure.end], start=start, end=figure.end))
    return out


def _read_alone(written: str) -> Figure | None:
    """The one figure a short writing is, read on its own ("3.25‰", "2.1个百分点")."""
    found = [m for m in find_mentions(written) if m.start == 0 and m.end == len(written)]
    return _figure(found[0]) if len(found) == 1 else None


# "分别拉动增长2.1和2.4个百分点", "拉动贡献分别为0.15、-5.64、1.34个百分点": bare numbers
# listed before a figure take its unit (the list names it once, at its end)
LIST_JOINER = re.compile(r"\s*[、和与與及]\s*")
BARE = re.compile(r"[\d.,]+")
NUMERIC_PART = re.compile(r"^[-+−]?[\d.,]+")
MINUS_SIGNS = "-−－"


def _with_shared_units(text: str, figures: list[Figure]) -> list[Figure]:
    out = list(figures)
    suffix = ""  # the unit as the list's last figure writes it ("个百分点")
    for at in range(len(out) - 2, -1, -1):  # from the end: a donor's unit runs back the list
        bare, donor = out[at], out[at + 1]
        if donor is figures[at + 1]:
            suffix = NUMERIC_PART.sub("", donor.written)
        if not _bare(bare) or donor.unit is None or _bare(donor):
            continue
        if not LIST_JOINER.fullmatch(text[bare.end : donor.start]):
            continue
        shared = _in_the_unit(text, bare, donor, suffix)
        if shared is not None:
            out[at] = shared
    return out


def _bare(figure: Figure) -> bool:
    digits = figure.written.lstrip(MINUS_SIGNS)
    return figure.unit is None and figure.kind == COUNT and BARE.fullmatch(digits) is not None


def _in_the_unit(text: str, bare: Figure, donor: Figure, suffix: str) -> Figure | None:
    """The bare number read with the donor's unit (and the minus sign written before it)."""
    if not suffix or suffix[0].isdigit():
        return None
    digits = bare.written.lstrip(MINUS_SIGNS)  # the parser's "-5.64", read as 5.64 in the unit
    figure = _read_alone(digits + suffix)
    if figure is None or figure.unit != donor.unit or figure.kind != donor.kind:
        return None
    figure = figure.signed(-1) if digits != bare.written else figure
    return replace(figure, written=bare.written, start=bare.start, end=bare.end)


def _figure(mention: Mention) -> Figure | None:
    if not mention.is_statistic or mention.value is None:
        return None
    quantity = mention.quantity
    if quantity is None:
        try:
            quantity = parse_quantity(mention.written)
        except NumberError:
            return None
    unit = mention.unit if mention.kind != PERCENTAGE_POINT else "percentage-point"
    return Figure(mention.written, float(mention.value), unit, mention.kind, mention.start,
                  mention.end, bounds_of(quantity))  # fmt: skip


BRACKETS = {"(": 1, "（": 1, ")": -1, "）": -1}


def sentences_of(text: str, figures: Sequence[Figure]) -> list[Sentence]:
    simple = text.translate(KEYWORDS)
    sentences: list[Sentence] = []
    start = index = depth = 0
    for at, char in enumerate(text):
        # "(東部地區…第18位;離島地區…第22位)": a ; inside brackets ends no sentence (a line's
        # end or a 。 closes what a bracket left open)
        depth = 0 if char in "\n。" else max(0, depth + BRACKETS.get(char, 0))
        if char in ";；" and depth > 0 and at != len(text) - 1:
            continue
        if char in SENTENCE_ENDS or at == len(text) - 1:
            end = at + 1
            inside = []
            while index < len(figures) and figures[index].start < end:
                inside.append(figures[index])
                index += 1
            if simple[start:end].strip():
                last = sentences[-1] if sentences else None
                # the statement's earlier clauses, as far back as a phrase may reach: a list of
                # thousands of clauses joined by ; is read in time and memory linear in it
                carried = (last.carried + last.raw)[-CARRIED_BACK:] if last and last.goes_on else ""
                sentence = Sentence(start, end, simple[start:end], inside, text[start:end])
                sentence.carried = carried
                sentences.append(sentence)
            start = end
    return sentences
