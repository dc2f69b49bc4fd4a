"""Parse figures as Chinese reports write them: 329萬, 39.4億元, 20多頭, 2至3個, 11.5%.

One parser for the whole project: the catalog's validation, `calc` and
extraction all go through `parse_quantity`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from povcli.errors import PovcliError

Number = int | float

SCALES: dict[str, int] = {
    # 兆 is a million million as Taiwan's and Hong Kong's releases write money (5.75兆元); as
    # the prefix of a unit (兆瓦, 兆赫) it is a million, and no scale (SCALE below)
    "兆": 10**12,
    "萬億": 10**12,
    "万亿": 10**12,
    "億": 10**8,
    "亿": 10**8,
    "萬": 10**4,
    "万": 10**4,
    "千": 10**3,
}
# 8千万 and, open above, 8千多万 (a title's "减贫8千多万人" for the text's 8000多万人): thousands
# of 万
SCALES.update({f"千{more}{wan}": 10**7 for more in ("", "多", "余", "餘") for wan in "万萬"})
CHINESE_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}

# qualifier names, one per concept, shared by the catalog and the JSON output
MORE_THAN = "more-than"
NEARLY = "nearly"
ABOUT = "about"
RANGE = "range"
QUALIFIERS = (MORE_THAN, NEARLY, ABOUT, RANGE)
# words before a figure that leave it open above (超过5000万: anything above 5000万)
OPEN_ABOVE = ("超過", "超过", "逾")

PERCENT = "percent"
PERCENTAGE_POINT = "percentage-point"
PER_MILLE = "per-mille"
PER_MILLE_POINT = "per-mille-point"
MULTIPLE = "multiple"
COUNT = "count"

# pieces of the figure grammar, shared with extract's scanner
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = r"[零〇一二兩两三四五六七八九十百千]+"
# 千米 is a kilometre, not a thousand metres' worth of anything
SCALE = (
    "|".join(sorted(SCALES, key=len, reverse=True))
    .replace("千", "千(?!米)")
    .replace("兆", "兆(?![瓦赫帕焦字位比伏欧歐])")
)
RANGE_SEP = r"至|到|—|–|~|～|-"
_QUANTITY = rf"""
    (?P<prefix>近|約|约|大約|大约|超過|超过|逾)?
    (?P<sign>[-−]|负|負)?
    (?P<low>{ARABIC}|{_CHINESE})
    (?P<low_more>多|余|餘)?
    (?P<low_scale>{SCALE})?
    (?:(?P<sep>{RANGE_SEP})(?P<high>{ARABIC}|{_CHINESE})(?P<high_scale>{SCALE})?)?
    (?P<more>多|余|餘)?
    (?P<suffix>%|‰|個百分點|个百分点|百分點|百分点|個千分點|个千分点|千分點|千分点|倍)?
    (?P<measure>[^\d.,%]*?)
    (?P<postfix>以上|左右|多)?
    """


# The grammar's patterns are compiled when a figure is first read (a few milliseconds at
# every start otherwise, paid by commands that read none: list, show, info, a word search).
def quantity_pattern() -> re.Pattern[str]:
    """The pattern of one written figure (see `parse_quantity`)."""
    return _pattern(_QUANTITY, re.VERBOSE)


# Measures of continuous or averaged quantities: a whole number of them is still
# rounded at its last digit (4875元 is a survey mean, 3千米 a measured length).
MEASURED = (
    "元", "美元", "公里", "千米", "米", "平方米", "平方公里", "公頃", "公顷", "畝", "亩", "噸",
    "吨", "公噸", "公吨", "公斤", "千克", "斤", "克", "立方米", "千瓦", "瓦", "度", "小時", "小时",
)  # fmt: skip


class NumberError(ValueError):
    """A written figure the parser cannot read."""


# Figures beyond this are refused: floats end near 1.8e308, and no statistic
# of any report comes near.
MAX_MAGNITUDE = 10**300


class NumberTooLarge(NumberError, PovcliError):
    """A figure beyond MAX_MAGNITUDE: a one-line error, exit 2, wherever it is met.

    Still a NumberError, so a scanner that skips what is not a figure skips it.
    """

    def __init__(self, what: str) -> None:
        PovcliError.__init__(self, f"number too large: {what}; povcli handles up to 1e300")


def too_large(digits: int) -> NumberTooLarge:
    return NumberTooLarge(f"{digits} digits")


def magnitude_problem(value: object, name: str = "value") -> str | None:
    """Why a number from a catalog is unusable (NaN, infinite, beyond 1e300), if it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and math.isnan(value):
        return f"{name} must be a number, not NaN"
    if isinstance(value, float) and math.isinf(value):
        return f"{name} must be a finite number, not infinite"
    # a float is compared with the float nearest 10**300 (1.0e+300 is a hair above it)
    if abs(value) > (float(MAX_MAGNITUDE) if isinstance(value, float) else MAX_MAGNITUDE):
        return f"{name}: {too_large(len(str(abs(int(value)))))}"
    return None


@dataclass(frozen=True)
class Quantity:
    """A figure as written, normalised to base units.

    `resolution` is the size of one unit in the last written digit (0.1 for
    "11.5%", 1e7 for "39.4億"): a written figure stands for the interval
    value ± resolution/2.
    """

    value: Number
    value_max: Number | None
    qualifier: str | None
    kind: str
    measure: str
    resolution: Number
    qualifier_word: str | None = None
    exact: bool = False


def to_number(value: Decimal) -> Number:
    """An int when the value is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_chinese_numeral(text: str) -> int:
    """Chinese numerals below ten thousand: 八 → 8, 十三 → 13, 兩百零五 → 205."""
    if not text:
        raise NumberError("empty numeral")
    if all(char in CHINESE_DIGITS for char in text) and len(text) > 1:
        if len(text) > 301:
            raise too_large(len(text))
        return int("".join(str(CHINESE_DIGITS[char]) for char in text))
    total, digit = 0, None
    for char in text:
        if char in CHINESE_DIGITS:
            if digit not in (None, 0) and CHINESE_DIGITS[char] != 0:
                raise NumberError(f"not a Chinese numeral: {text}")
            digit = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            total += (1 if digit is None else digit) * CHINESE_UNITS[char]
            digit = None
        else:
            raise NumberError(f"not a Chinese numeral: {text}")
    return total + (digit or 0)


def _decimal(text: str) -> tuple[Decimal, int]:
    """The number and its count of decimal places."""
    if re.fullmatch(_CHINESE, text):
        return Decimal(parse_chinese_numeral(text)), 0
    plain = text.replace(",", "")
    digits = len(plain.partition(".")[0].lstrip("0"))
    if digits > 301:
        raise too_large(digits)
    try:
        number = Decimal(plain)
    except InvalidOperation as exc:
        raise NumberError(f"not a number: {text}") from exc
    places = len(plain.partition(".")[2])
    return number, places


def _open_scale(match: re.Match[str]) -> bool:
    """Whether the scale holds a 多 or 余 (8千多万): the figure is open above."""
    return bool(match["low_scale"]) and len(match["low_scale"]) == 3


def _kind(suffix: str | None) -> str:
    if not suffix:
        return COUNT
    if suffix == "%":
        return PERCENT
    if suffix == "‰":
        return PER_MILLE
    if suffix == "倍":
        return MULTIPLE
    if "千" in suffix:
        return PER_MILLE_POINT
    return PERCENTAGE_POINT


def _qualifier(match: re.Match[str]) -> str | None:
    if match["high"]:
        return RANGE
    if match["low_more"] or match["more"] or match["postfix"] in ("以上", "多"):
        return MORE_THAN
    if _open_scale(match):
        return MORE_THAN
    if match["prefix"] in OPEN_ABOVE:
        return MORE_THAN
    if match["prefix"] == "近":
        return NEARLY
    if match["prefix"] or match["postfix"] == "左右":
        return ABOUT
    return None


def _qualifier_word(match: re.Match[str]) -> str | None:
    """The word that made the qualifier: 多, 余, 以上, 近, 約, 左右 or the range's 至."""
    for group in ("sep", "low_more", "more", "postfix", "prefix"):
        if match[group]:
            return match[group]
    if _open_scale(match):
        return match["low_scale"][1]
    return None


# a Chinese numeral with digits after 萬 or 億 (兩萬三千, 一億二千萬): the grammar
# above reads 萬 and 億 only as a figure's last word (329萬)
_BIG_UNITS = "萬万億亿"
_COMPOUND_NUMERAL = (
    rf"(?P<numeral>{_CHINESE}(?:[{_BIG_UNITS}]+{_CHINESE})+[{_BIG_UNITS}]*)(?P<measure>\w*)"
)
_NOT_A_MEASURE = frozenset("多余餘倍點点以左右至到零〇一二兩两三四五六七八九十百千萬万億亿")


def parse_big_numeral(text: str) -> tuple[int, int]:
    """A Chinese numeral with 萬 and 億 anywhere (兩萬三千 → 23000, 三萬億 → 3e12) and
    the place value of its last word (1; 萬 for 一億二千萬)."""
    value = 0
    sections = re.split("[億亿]", text)
    for power, section in enumerate(reversed(sections)):
        below = re.split("[萬万]", section)
        part = 0
        for wan, piece in enumerate(reversed(below)):
            part += (parse_chinese_numeral(piece) if piece else 0) * 10 ** (4 * wan)
        value += part * 10 ** (8 * power)
    trailing = len(text) - len(text.rstrip(_BIG_UNITS))
    resolution = SCALES.get(text[len(text) - trailing :], 1) if trailing else 1
    return value, resolution


def _compound(text: str) -> Quantity | None:
    match = _pattern(_COMPOUND_NUMERAL).fullmatch(text)
    if not match or set(match["measure"]) & _NOT_A_MEASURE:
        return None
    value, resolution = parse_big_numeral(match["numeral"])
    _check_magnitude(Decimal(value))
    exact = resolution == 1 and not match["measure"].startswith(MEASURED)
    return Quantity(value, None, None, COUNT, match["measure"], resolution, None, exact)


# 2334萬9666人, 1億2345萬6789人: a count written in 萬 and 億 with four digits after each (as
# Taiwan's releases write them), exact to the last digit; three digits after 萬 leave out a
# zero (the news writes 2萬374人 for 20,374); 1万2 (colloquial 12,000) is no such count
# 2萬374, 51萬2755, 605萬7,907, 1,664萬4,684 (commas in the groups of four): what extract
# finds, too
MIXED_FORM = (
    r"(?:(?:\d{1,4}[億亿](?:\d{4}|\d,\d{3})[萬万]|(?:\d,\d{3}|\d{1,5})[萬万])(?:\d{3,4}|\d,\d{3})"
    r"|(?:\d,\d{3}|\d{1,5})[萬万][1-9]千"  # 759萬7千人, 1,145萬9千人: to the thousand
    # 1萬87人 is 10,087 people, the zeros after 萬 left unwritten (a count of people or homes)
    r"|\d{1,5}[萬万]\d{1,2}(?=[人戶户]))"
)
_MIXED = rf"(?P<number>{MIXED_FORM})(?P<measure>[^\d.,%]*)"


@lru_cache(maxsize=4)
def _pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(source, flags)


def _mixed(text: str) -> Quantity | None:
    match = _pattern(_MIXED).fullmatch(text)
    if not match:
        return None
    number = match["number"]
    if number.endswith("千"):  # 759萬7千: to the thousand, a rounded figure
        wan, thousands = re.split("[萬万]", number[:-1].replace(",", ""))
        return Quantity(int(wan) * 10**4 + int(thousands) * 1000, None, None, COUNT,
                        match["measure"], 1000)  # fmt: skip
    value = 0
    for group in re.split("[億亿萬万]", number):  # 億, 萬 and units: base 10,000
        value = value * 10**4 + int(group.replace(",", ""))
    exact = not match["measure"].startswith(MEASURED)
    return Quantity(value, None, None, COUNT, match["measure"], 1, None, exact)


@lru_cache(maxsize=8192)  # a bulletin writes the same figures again (a table, a summary)
def parse_quantity(written: str) -> Quantity:
    """Parse one written figure; raise NumberError when it is not one. A Quantity is frozen,
    so the parses are kept and shared."""
    text = unicodedata.normalize("NFKC", written).strip()
    compound = _compound(text) or _mixed(text)
    if compound is not None:
        return compound
    match = quantity_pattern().fullmatch(text)
    if not match:
        raise NumberError(f"not a figure: {written!r}")
    low, places = _decimal(match["low"])
    if match["sign"]:
        low = -low
    scale = SCALES.get(match["low_scale"] or match["high_scale"] or "", 1)
    value_max: Number | None = None
    if match["high"]:
        high, _ = _decimal(match["high"])
        high *= SCALES.get(match["high_scale"] or "", scale)
        _check_magnitude(high)
        value_max = to_number(high)
    _check_magnitude(low * scale)
    resolution = Decimal(1).scaleb(-places) * scale
    exact = (
        scale == 1
        and places == 0
        and _kind(match["suffix"]) == COUNT
        and not match["measure"].startswith(MEASURED)
    )
    return Quantity(
        value=to_number(low * scale),
        value_max=value_max,
        qualifier=_qualifier(match),
        kind=_kind(match["suffix"]),
        measure=match["measure"],
        resolution=to_number(resolution),
        qualifier_word=_qualifier_word(match),
        exact=exact,
    )


def _check_magnitude(number: Decimal) -> None:
    if abs(number) > MAX_MAGNITUDE:
        raise too_large(number.adjusted() + 1)


def parse_number(text: str) -> Number:
    """A bare number or a written figure (329萬, 39.4亿, １１２２) as a number."""
    return parse_quantity(text).value


# ----------------------------------------------------------------- intervals


@dataclass(frozen=True)
class Interval:
    """Bounds of a figure. A rounding interval excludes its upper end (57.5 rounds
    to 58, so "57" is [56.5, 57.5)); an exact figure is a single point."""

    low: float
    high: float

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def overlaps(self, other: Interval) -> bool:
        low, high = max(self.low, other.low), min(self.high, other.high)
        return low < high or (low == high and (self.exact or other.exact))

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def negated(self) -> Interval:
        return Interval(-self.high, -self.low)

    def to_list(self) -> list[float]:
        return [self.low, self.high]


def _step(quantity: Quantity) -> float:
    """The size of the place value a 多/近/約 refers to: 20多萬 → 10萬."""
    units = round(quantity.value / quantity.resolution)
    zeros = 0
    while units and units % 10 == 0:
        units //= 10
        zeros += 1
    return float(quantity.resolution) * float(10**zeros)


def bounds_of(quantity: Quantity) -> Interval:
    """The interval a written figure stands for.

    A count of discrete things in full digits with no scale word (58個, 5年, 六年)
    is exact; anything else is rounded at its last written digit (329萬, 11.5%,
    4875元); 多, 近, 約 and ranges span what the words allow.
    """
    value = float(quantity.value)
    half = 0.0 if quantity.exact else float(quantity.resolution) / 2
    if quantity.qualifier == RANGE and quantity.value_max is not None:
        return Interval(value - half, float(quantity.value_max) + half)
    if quantity.qualifier == MORE_THAN:
        # 20多 is 21–29, 20以上 is anything from 20 up
        open_ended = quantity.qualifier_word in ("以上", *OPEN_ABOVE)
        return Interval(value, math.inf if open_ended else value + _step(quantity))
    if quantity.qualifier == NEARLY:
        # 近20萬: a little under 200,000 — within half a place value
        return Interval(value - _step(quantity) / 2, value)
    if quantity.qualifier == ABOUT:
        return Interval(value - _step(quantity) / 2, value + _step(quantity) / 2)
    return Interval(value - half, value + half)
