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
from povcli.article.notes import Reading
from povcli.article.relations import Relation
from povcli.numbers import Interval

FACTORS = {("tonne", "jin"): 2000.0, ("hectare", "mu"): 15.0, ("kilogram", "jin"): 2.0}
FACTOR_WORDS = {("tonne", "jin"): "1吨 = 2000斤", ("hectare", "mu"): "1公顷 = 15亩",
                ("kilogram", "jin"): "1公斤 = 2斤"}  # fmt: skip
BETWEEN = re.compile(
    r"^\s*(?:[(（]\s*(?:约|約|合|折合|约合|約合)?|[,，]?\s*(?:折合|约合|約合|合)约?)\s*$"
)
CONVERSION_NOTE = "the same figure in two units: {}"


def conversions(reading: Reading) -> Iterator[Relation]:
    figures = reading.figures
    for first, second in itertools.pairwise(figures):
        factor = _factor(first.unit, second.unit)
        if factor is None or first.kind != second.kind:
            continue
        if not BETWEEN.match(reading.text[first.end : second.start]):
            continue
        if second.start - first.end > 8:
            continue
        value, words = factor
        exact = replace(first, written=words, value=value, bounds=Interval(value, value))
        roles: dict[str, Figure | list[Figure]] = {"a": first, "factor": exact, "b": second}
        sentence = reading.sentences[_sentence_of(reading, first)]
        yield Relation("conversion", roles, sentence.start, sentence.end,
                       notes=[CONVERSION_NOTE.format(words)])  # fmt: skip


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
