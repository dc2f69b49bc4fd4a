"""Yields in prose, as the bureau's grain release states them: "全国粮食播种面积118969千公顷 …
全国粮食单位面积产量5845公斤/公顷 … 全国粮食总产量69541万吨": the yield of a crop is its output
over its area (695,410,000 吨 × 1,000 公斤 per 吨 / 118,969,000 公顷 = 5845.2). The three are
bound by their names — one crop (粮食, 谷物, 夏粮), named alike but for the measure — and by
their period and place; the yield is judged when exactly one output and one area are so named."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial

from povcli.article.conversions import PER
from povcli.article.figures import Figure
from povcli.article.grids import measure_of
from povcli.article.near import SCOPE_WORDS, scopes_agree, text_span
from povcli.article.notes import LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.article.unit_columns import CONVERTED, WRITTEN
from povcli.numbers import Interval

YIELD_WORDS = re.compile(r"(?:平均)?(?:单位面积产量|单产)$")
AREA_WORDS = re.compile(r"(?:播种|种植|收获)?面积$")
OUTPUT_WORDS = re.compile(r"(?:总产量|产量|总产)$")
OPENING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d{4}年|全年|其中|[,，、\s])+")
# "单产每公顷4582公斤": the unit a yield is per, named before the figure
PER_BEFORE = re.compile(r"每(公顷|亩)$")
YIELD_NOTE = "the yield is the output over the area, each named for the same crop: {}"


def yields(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        per = _per_unit_of(reading, note)
        if per is None or note.role != LEVEL:
            continue
        crop = _crop(note.subject, YIELD_WORDS)
        if not crop:
            continue
        output = _only(reading, note, crop, OUTPUT_WORDS, lambda unit: unit in _INTO)
        area = _only(reading, note, crop, AREA_WORDS, partial(operator.eq, per[0]))
        factor = _INTO.get(output.figure.unit or "") if output else None
        if output is None or area is None or factor is None:
            continue
        yield _relation(reading, note, per[1], output, area, factor)


# what one of an output's base unit is in kilograms (a yield is in 公斤 per its area)
_INTO = {"kilogram": 1.0, **{a: f for (a, b), f in CONVERTED.items() if b == "kilogram"}}


def _per_unit_of(reading: Reading, note: Note) -> tuple[str, str] | None:
    """The base unit the figure is counted per and its word (公顷), when it is in 公斤 per one:
    written after it (4582公斤/公顷) or before it (单产每公顷4582公斤)."""
    if note.figure.unit != "kilogram":
        return None
    found = PER.match(reading.text, note.figure.end) or PER_BEFORE.search(note.subject)
    if found is None:
        return None
    measure = measure_of(found.group(1))
    if measure is None or measure[1] != 1:
        return None
    return measure[0], found.group(1)


def _crop(subject: str, measure: re.Pattern[str]) -> str:
    """What the figure measures, without the measure's words, its place or its number (一、全国粮食
    单位面积产量 → 粮食); nothing when the words do not end with the measure."""
    words = PER_BEFORE.sub("", OPENING.sub("", simplified(subject).strip()))
    if not measure.search(words):
        return ""
    return SCOPE_WORDS.sub("", measure.sub("", words)).strip()


def _only(
    reading: Reading,
    yield_note: Note,
    crop: str,
    measure: re.Pattern[str],
    unit_fits: Callable[[str | None], bool],
) -> Note | None:
    """The one level (or one value, stated more than once) named for the crop by the measure,
    in the yield's period and place."""
    named = [
        n
        for n in reading.notes
        if n.role == LEVEL
        and unit_fits(n.figure.unit)
        and _crop(n.subject, measure) == crop
        and n.period in (yield_note.period, None)
        and scopes_agree(n.subject, yield_note.subject)
        and (n.scope or reading.scope) == (yield_note.scope or reading.scope)
    ]
    dated = [n for n in named if n.period == yield_note.period] or named
    if len({round(n.figure.value, 6) for n in dated}) != 1:
        return None
    return min(dated, key=lambda n: abs(n.index - yield_note.index))


def _relation(
    reading: Reading, said: Note, per: str, output: Note, area: Note, factor: float
) -> Relation:
    start, end, spans = text_span(reading, *sorted([output, area, said], key=lambda n: n.index))
    claimed = replace(said.figure, written=f"{said.figure.written}/{per}", unit=None)
    roles: dict[str, Figure | list[Figure]] = {"a": output.figure, "b": area.figure}
    kind = "ratio"
    if factor != 1:
        kind = "per-unit"
        words = f"1{WRITTEN.get(output.figure.unit or '', '')} = {factor:g}公斤"
        roles["factor"] = replace(output.figure, written=words, value=factor, unit="kilogram",
                                  bounds=Interval(factor, factor))  # fmt: skip
    note = YIELD_NOTE.format(_crop(said.subject, YIELD_WORDS))
    return Relation(kind, roles, start, end, claimed, notes=[note], spans=spans)
