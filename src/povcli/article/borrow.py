"""Figures an article leaves implicit, borrowed from the reference library.

"年末農村貧困人口551萬人,比上年末減少1109萬人" needs last year's level; "收入11567元,
比上年增長11.5%" needs last year's income. A figure matches a series of a reference catalog by
its subject (the series' aliases, in either script, in the words before it), its unit and the
nation as its scope; its period is the year its sentence names. The borrowed fact comes with its
catalog and citation, so the reader sees which part of a verdict rests on another source.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from povcli.article.figures import Figure, Sentence
from povcli.article.relations import COMPARED, SCOPE, Relation, _sign
from povcli.checks import Input, input_from_fact
from povcli.index.library import Library
from povcli.model import REFERENCE, Fact

NATIONAL = re.compile(r"全国|全國|我国|我國|中国|中國|national", re.IGNORECASE)
YEAR_IN = re.compile(r"(\d{4})年")
LAST_YEAR = re.compile(r"上年|去年|上一年")


@dataclass(frozen=True)
class Borrowed:
    """A figure taken from a reference catalog to stand where the article is silent."""

    role: str
    catalog: str
    record: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.catalog}:{self.record['id']}"

    def input(self) -> Input:
        """The borrowed fact as an input, named `CATALOG:ID`."""
        fact = Fact.from_dict({k: v for k, v in self.record.items() if k != "catalog"})
        return input_from_fact(self.role, dataclasses.replace(fact, id=self.name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "fact": self.name,
            "catalog": self.catalog,
            "written": self.record["written"],
            "period": self.record.get("period"),
            "citation": self.record.get("citation"),
        }

    def note(self) -> str:
        citation = self.record.get("citation") or {}
        cited = ", ".join(str(citation[k]) for k in ("publisher", "date", "url") if citation.get(k))
        return (
            f"borrowed {self.role}: {self.record['written']} ({self.record.get('period')}) from"
            f" {self.name}" + (f" — {cited}" if cited else "")
        )


DISPUTED = re.compile(r"disagree|disput|不一致|存疑", re.I)


class Reference:
    """The series of the reference catalogs, found by alias, unit and period."""

    def __init__(self, records: Iterable[tuple[str, dict[str, Any]]]) -> None:
        self.facts: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        self.aliases: list[tuple[str, str, str]] = []  # (alias, series, unit)
        seen: set[tuple[str, str]] = set()
        disputed: set[tuple[str, str]] = set()
        for catalog, record in records:
            series, period = record.get("series"), record.get("period")
            if not series or not period:
                continue
            # a period two sources state, or one the catalog itself says is disputed, lends
            # nothing: a verdict must not rest on a figure its own source doubts
            if (series, period) in self.facts or DISPUTED.search(str(record.get("note") or "")):
                disputed.add((series, period))
            self.facts.setdefault((series, period), (catalog, record))
            for alias in [record.get("subject"), *(record.get("aliases") or [])]:
                if isinstance(alias, str) and len(alias) >= 2 and (alias, series) not in seen:
                    seen.add((alias, series))
                    self.aliases.append((alias, series, record["unit"]))
        for key in disputed:
            del self.facts[key]
        # the longest alias says the most: 贫困地区农村居民人均可支配收入 before 收入
        self.aliases.sort(key=lambda item: -len(item[0]))

    def __bool__(self) -> bool:
        return bool(self.facts)

    def series_of(self, words: str, unit: str | None) -> str | None:
        for alias, series, series_unit in self.aliases:
            if series_unit == unit and alias in words:
                return series
        return None

    def fact(self, series: str, period: str) -> tuple[str, dict[str, Any]] | None:
        return self.facts.get((series, period))


def _year(sentence: Sentence, figure: Figure) -> int | None:
    """The year the sentence gives the figure: the last year named before it."""
    before = sentence.raw[: figure.start - sentence.start]
    years = YEAR_IN.findall(before) or YEAR_IN.findall(sentence.carried)
    return int(years[-1]) if years else None


def _national(sentence: Sentence, title: str) -> bool:
    """The figure is the nation's: the sentence or the title says so, and the sentence names
    no province, city or county as its scope."""
    if SCOPE.search(sentence.text) and not NATIONAL.search(sentence.raw):
        return False
    said = NATIONAL.search(sentence.raw) or NATIONAL.search(sentence.carried)
    return bool(said or NATIONAL.search(title))


def _previous(
    reference: Reference, sentence: Sentence, level: Figure, title: str, role: str
) -> Borrowed | None:
    """The level a year before the one the sentence gives, from the library."""
    if not _national(sentence, title):
        return None
    words = sentence.raw[: level.start - sentence.start][-40:]
    series = reference.series_of(words, level.unit)
    year = _year(sentence, level)
    if series is None or year is None:
        return None
    found = reference.fact(series, str(year - 1))
    return Borrowed(role, *found) if found else None


def fill_yoy(
    relation: Relation, sentence: Sentence, reference: Reference, title: str
) -> Borrowed | None:
    """ "收入11567元,比上年增長11.5%": the base is last year's level, from the library."""
    if relation.kind != "yoy" or "base" not in relation.missing:
        return None
    value = relation.roles.get("value")
    if not isinstance(value, Figure):
        return None
    growth = relation.roles.get("growth")
    borrowed = _previous(reference, sentence, value, title, "old")
    if borrowed is None or not isinstance(growth, Figure):
        return None
    # judged as what the text states: the growth from last year's level to this year's
    del relation.missing["base"]
    relation.kind, relation.roles, relation.claimed = "growth", {"new": value}, growth
    return borrowed


def fill_share(
    relation: Relation, sentence: Sentence, reference: Reference, title: str
) -> Borrowed | None:
    """ "40個貧困縣…占全國貧困縣的76.9%": the whole, of the year the sentence names, from the
    library (the series named between the part and the share)."""
    part, claimed = relation.roles.get("part"), relation.claimed
    if relation.kind != "share" or "whole" not in relation.missing:
        return None
    if not isinstance(part, Figure) or claimed is None or not _national(sentence, title):
        return None
    words = sentence.raw[part.end - sentence.start : claimed.start - sentence.start]
    series = reference.series_of(words, part.unit)
    year = _year(sentence, part)
    found = reference.fact(series, str(year)) if series and year else None
    if found is None or float(found[1]["value"]) <= part.bounds.high:
        return None  # a whole no larger than its part is not the whole the text means
    del relation.missing["whole"]
    # which whole a share means ("全國貧困縣": the 832 of 2014, or those left in 2019?) is
    # matched by words: a share resting on a borrowed whole is shown, never called wrong
    relation.confident = False
    return Borrowed("whole", *found)


def changes_from_last_year(
    sentence: Sentence, reference: Reference, title: str
) -> list[tuple[Relation, Borrowed]]:
    """ "貧困人口551萬人,比上年末減少1109萬人": the change from last year's level, which the
    article does not state and the library holds (no relation when it does not)."""
    found = []
    for match in COMPARED.finditer(sentence.template):
        if not LAST_YEAR.search(match.group(0)) or match.group(4):
            continue
        change = sentence.figure(match.group(2))
        level = _level_before(sentence, match.start(), change)
        if level is None or change.is_rate:
            continue
        borrowed = _previous(reference, sentence, level, title, "old")
        if borrowed is None:
            continue
        span = (sentence.start, sentence.end)
        # a rate changes in points (0.6%, 比上年下降1.1个百分点); a level by an amount
        kind = "point-change" if level.is_rate else "difference"
        relation = Relation(kind, {"new": level}, *span, change, _sign(match["verb"]))
        found.append((relation, borrowed))
    return found


def _level_before(sentence: Sentence, at: int, change: Figure) -> Figure | None:
    """The nearest figure before the comparison in the change's unit."""
    before = [f for f in sentence.figures if f.end <= change.start]
    points = change.unit == "percentage-point"
    for figure in reversed(before):
        if f"\x01{sentence.figures.index(figure)}\x02" not in sentence.template[:at]:
            continue
        if figure.is_rate if points else (figure.unit, figure.kind) == (change.unit, change.kind):
            return figure
    return None


def reference_of(library: Library) -> Reference:
    """The series of the library's reference catalogs, to borrow from."""
    chosen = [
        (cid, index) for cid, index in library.items() if index.source.get("kind") == REFERENCE
    ]
    return Reference(
        (cid, json.loads(text)) for cid, index in chosen for text in index.facts_json()
    )
