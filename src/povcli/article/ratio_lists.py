"""A ratio of several places' levels against one of them:
"东部、中部、东北部和西部地区城镇居民可支配收入的比值为1.39∶1.01∶1.02∶1(以西部地区为1)" after each
region's "城镇居民人均可支配收入为39651.0元" — each term is its place's level over the base place's.
Only where the words name as many places as there are terms, the base is one of them at 1, and each
place has one level of the measure the words name, in the ratio's year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading
from povcli.article.relations import Relation

# "…的比值为1.39∶1.01∶1.02∶1(以西部地区为1": the words, the terms and the base
RATIO_LIST = re.compile(
    r"(?P<words>[\u4e00-\u9fff、和与及]{4,60}?)的?比值?为"
    r"(?P<terms>\d+(?:\.\d+)?(?:\s*[:∶：]\s*\d+(?:\.\d+)?){1,6})\s*"
    r"[(（]以(?P<base>[\u4e00-\u9fff]{2,10}?)为1"
)
# a place as a region list names it: 东部, 中部, 西部, 东北(部), 城镇, 农村
PLACE = re.compile(r"^(东北部?|东部|中部|西部|城镇|农村|城市|乡村)")
NOTE = "the ratio's terms are each place's level over {}'s (at 1)"


def ratio_lists(reading: Reading) -> Iterator[Relation]:
    for found in RATIO_LIST.finditer(reading.simple):
        names = re.split(r"[、和与及]", found["words"].removeprefix("年"))  # (2016年东部…)
        places = [_place(name) for name in names]
        measure = PLACE.sub("", names[-1]).removeprefix("地区")
        terms = _terms(reading, found)
        base = _place(found["base"])
        if None in places or len(places) != len(terms) or base not in places or not measure:
            continue
        at = places.index(base)
        if terms[at].figure.value != 1:
            continue
        levels = [_level(reading, place or "", measure, terms[0]) for place in places]
        base_level = levels[at]
        if base_level is None:
            continue
        for level, term in zip(levels, terms, strict=True):
            if level is None or level is base_level:
                continue
            start, end, spans = text_span(reading, level, base_level, term)
            yield Relation("ratio", {"a": level.figure, "b": base_level.figure}, start, end,
                           term.figure, notes=[NOTE.format(base)], spans=spans)  # fmt: skip


def _place(name: str) -> str | None:
    found = PLACE.match(name)
    return ("东北" if found.group(1) == "东北部" else found.group(1)) if found else None


def _terms(reading: Reading, found: re.Match[str]) -> list[Note]:
    """The figures the terms are, in order (the last 1 among them)."""
    start, end = found.span("terms")
    return [n for n in reading.notes if start <= n.figure.start and n.figure.end <= end]


def _level(reading: Reading, place: str, measure: str, term: Note) -> Note | None:
    """The one level of the place and measure in the ratio's year (人均 may stand between)."""
    fitting = [
        n
        for n in reading.notes[: term.index]
        if n.role == LEVEL
        and n.period == term.period
        and n.figure.unit == "yuan"
        and _names(n.subject, place, measure)
    ]
    if len({n.figure.value for n in fitting}) != 1:
        return None
    return fitting[-1]


def _names(subject: str, place: str, measure: str) -> bool:
    plain = subject.replace("人均", "")
    return plain.startswith(place) and plain.endswith(measure)
