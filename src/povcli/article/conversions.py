"""One figure in two units: "2802万吨(560.4亿斤)", "2854.5千公顷(4281.8万亩)", "72.3万吨,折合
14.46亿斤": the second is the first times the factor between the units (a tonne is 2,000 jin, a
hectare 15 mu, a kilogram 2 jin), exact; only a figure whose unit ends where the brackets or
折合 begin (5720公斤/公顷 is a yield per hectare, no kilograms)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from povcli.article.figures import Figure
from povcli.article.grids import measure_of
from povcli.article.notes import CHANGE, Reading
from povcli.article.relations import Relation
from povcli.numbers import Interval

FACTORS = {("tonne", "jin"): 2000.0, ("hectare", "mu"): 15.0, ("kilogram", "jin"): 2.0}
FACTOR_WORDS = {("tonne", "jin"): "1吨 = 2000斤", ("hectare", "mu"): "1公顷 = 15亩",
                ("kilogram", "jin"): "1公斤 = 2斤"}  # fmt: skip
BETWEEN = re.compile(
    r"^\s*(?:[(（]\s*(?:约|約|合|折合|约合|約合)?|[,，]?\s*(?:折合|约合|約合|合)约?)\s*$"
)
CONVERSION_NOTE = "the same figure in two units: {}"


# "5845公斤/公顷": the unit after a figure's own, per which it is counted
PER = re.compile(r"\s*/\s*([^\s\d(（),，;；。、]{1,4})")


def conversions(reading: Reading) -> Iterator[Relation]:
    figures = reading.figures
    for first, second in itertools.pairwise(figures):
        between = reading.text[first.end : second.start]
        factor = _factor(first.unit, second.unit)
        per = _per_units(reading, first, second)
        if per is not None:  # "5845公斤/公顷(390公斤/亩)": one yield, per hectare and per mu
            between, factor = per
        if factor is None or first.kind != second.kind:
            continue
        if not BETWEEN.match(between):
            continue
        if second.start - first.end > 8:
            continue
        value, words = factor
        exact = replace(first, written=words, value=value, bounds=Interval(value, value))
        notes = [CONVERSION_NOTE.format(words)]
        a, b = first, second
        if reading.note(first).role == CHANGE:  # 增产474.8万吨(94.9亿斤)
            a, b = _of_two_levels(first), _of_two_levels(second)
            notes.append(CHANGE_NOTE)
        roles: dict[str, Figure | list[Figure]] = {"a": a, "factor": exact, "b": b}
        sentence = reading.sentences[_sentence_of(reading, first)]
        yield Relation("conversion", roles, sentence.start, sentence.end, notes=notes)


# "比2013年增产474.8万吨(94.9亿斤)": each change is the difference of two levels rounded in
# its own unit (13659.6 − 13184.8; 2731.9 − 2637.0), so each may be off by a whole unit of
# its last digit, not half of one
CHANGE_NOTE = (
    "a change between two rounded levels, in each unit: each within one unit of its last digit"
)


def _of_two_levels(figure: Figure) -> Figure:
    half = (figure.bounds.high - figure.bounds.low) / 2
    bounds = Interval(figure.bounds.low - half, figure.bounds.high + half)
    return replace(figure, bounds=bounds)


def _per_units(
    reading: Reading, first: Figure, second: Figure
) -> tuple[str, tuple[float, str] | None] | None:
    """Two figures of one unit, each per another (公斤/公顷, 公斤/亩): the words between them
    after the first's 'per', and the factor from the first to the second (per hectare to per
    mu: a fifteenth)."""
    found, after = PER.match(reading.text, first.end), PER.match(reading.text, second.end)
    if found is None or after is None or first.unit != second.unit or found.end() > second.start:
        return None
    under = [_base(found.group(1)), _base(after.group(1))]
    factor = _factor(under[1], under[0])  # 1公顷 = 15亩: per mu is per hectare over 15
    return reading.text[found.end() : second.start], factor


def _base(word: str) -> str | None:
    """The unit a word names, when it names one without a scale (公顷, not 千公顷)."""
    measure = measure_of(word)
    return measure[0] if measure is not None and measure[1] == 1 else None


def _factor(a: str | None, b: str | None) -> tuple[float, str] | None:
    if a is None or b is None:
        return None
    if (a, b) in FACTORS:
        return FACTORS[(a, b)], FACTOR_WORDS[(a, b)]
    if (b, a) in FACTORS:
        return 1 / FACTORS[(b, a)], FACTOR_WORDS[(b, a)]
    return None


def _sentence_of(reading: Reading, figure: Figure) -> int:
    return reading.note(figure).sentence
