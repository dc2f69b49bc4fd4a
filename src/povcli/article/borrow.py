"""Figures an article leaves implicit, borrowed from the reference library.

"年末農村貧困人口551萬人,比上年末減少1109萬人" needs last year's level; "收入11567元,
比上年增長11.5%" needs last year's income. A figure is borrowed only when everything about it
matches a fact of a reference catalog exactly: its subject names the fact's series (by the
series' aliases, in either script), its unit is the fact's, its scope is the fact's (the
nation is never a province, a region or a programme), and its period is the year before the
year the figure's own clause gives (a plain year: a quarter or half year borrows nothing).
What the text qualifies away (按可比口径: on a revised base; 实际: after prices) borrows
nothing. The borrowed fact comes with its catalog and citation, and the verdict says so.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from povcli.article.figures import Figure
from povcli.article.notes import CHANGE, LEVEL, POINTS, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.checks import Input, input_from_fact
from povcli.fields import REFERENCE
from povcli.index.library import Library
from povcli.model import Fact

PLAIN_YEAR = re.compile(r"\d{4}")
COMPARABLE = re.compile(r"可比口径|按可比")


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
        self.facts: dict[tuple[str, str, str], tuple[str, dict[str, Any]]] = {}
        self.aliases: list[tuple[str, str, str]] = []  # (alias, series, unit)
        self.scopes: dict[str, set[str]] = {}  # the scopes each series has figures for
        seen: set[tuple[str, str]] = set()
        disputed: set[tuple[str, str, str]] = set()
        for catalog, record in records:
            series, period = record.get("series"), record.get("period")
            scope = str(record.get("scope") or "national")
            if not series or not period:
                continue
            key = (series, period, scope)
            # a period two sources state, or one the catalog itself says is disputed, lends
            # nothing: a verdict must not rest on a figure its own source doubts
            if key in self.facts or DISPUTED.search(str(record.get("note") or "")):
                disputed.add(key)
            self.facts.setdefault(key, (catalog, record))
            self.scopes.setdefault(series, set()).add(scope)
            names = [record.get("subject"), *(record.get("aliases") or [])]
            # matched against the article read in Simplified script
            for alias in (simplified(a) for a in names if isinstance(a, str)):
                if len(alias) >= 2 and (alias, series) not in seen:
                    seen.add((alias, series))
                    self.aliases.append((alias, series, record["unit"]))
        for key in disputed:
            del self.facts[key]
        # the longest alias says the most: 贫困地区农村居民人均可支配收入 before 收入
        self.aliases.sort(key=lambda item: -len(item[0]))

    def __bool__(self) -> bool:
        return bool(self.facts)

    def series_of(self, words: str, unit: str | None, scope: str) -> str | None:
        found = self.series_alias(words, unit, scope)
        return found[0] if found else None

    def series_alias(self, words: str, unit: str | None, scope: str) -> tuple[str, str] | None:
        """The series of the scope whose longest alias the words hold, with that alias: the
        nation's and each province's series share the alias 农村居民人均可支配收入."""
        for alias, series, series_unit in self.aliases:
            if series_unit == unit and alias in words and scope in self.scopes[series]:
                return series, alias
        return None

    def fact(self, series: str, period: str, scope: str) -> tuple[str, dict[str, Any]] | None:
        """The fact of a series, period and scope ("national", or a province's name)."""
        return self.facts.get((series, period, scope))


def _series(reference: Reference, note: Note) -> str | None:
    """The series a figure's own subject names (not words of another clause), when the
    series' name covers the part of the place it counts: 东部地区农村贫困人口 never borrows
    the nation's 农村贫困人口."""
    if not note.subject:
        return None
    found = reference.series_alias(note.subject, note.figure.unit, str(note.scope))
    if found is None:
        return None
    series, alias = found
    if note.segment is not None and note.segment not in alias:
        return None
    return series


def _borrowable(reading: Reading, note: Note) -> bool:
    sentence = reading.sentences[note.sentence]
    return (
        note.scope is not None
        and note.period is not None
        and PLAIN_YEAR.fullmatch(note.period) is not None
        and not COMPARABLE.search(sentence.text)
    )


def previous_level(
    reading: Reading, reference: Reference, level: Note, role: str
) -> Borrowed | None:
    """The level a year before the year of a figure's own clause, of its series and scope."""
    if not _borrowable(reading, level):
        return None
    series = _series(reference, level)
    if series is None:
        return None
    found = reference.fact(series, str(int(str(level.period)) - 1), str(level.scope))
    return Borrowed(role, *found) if found else None


def fill_yoy(reading: Reading, relation: Relation, reference: Reference) -> Borrowed | None:
    """ "收入11567元,比上年增長11.5%": the base is last year's level, from the library."""
    if relation.kind != "yoy" or "base" not in relation.missing:
        return None
    value, growth = relation.roles.get("value"), relation.roles.get("growth")
    if not isinstance(value, Figure) or not isinstance(growth, Figure):
        return None
    if reading.note(growth).qualifier == "real":
        return None  # a real rate is not the growth of the levels as written
    borrowed = previous_level(reading, reference, reading.note(value), "old")
    if borrowed is None:
        return None
    # judged as what the text states: the growth from last year's level to this year's
    del relation.missing["base"]
    relation.kind, relation.roles, relation.claimed = "growth", {"new": value}, growth
    return borrowed


def fill_share(reading: Reading, relation: Relation, reference: Reference) -> Borrowed | None:
    """ "40個貧困縣…占全國貧困縣的76.9%": the whole, of the part's year and of the scope the
    words give it (全國: the nation), from the library."""
    part, claimed = relation.roles.get("part"), relation.claimed
    if relation.kind != "share" or "whole" not in relation.missing:
        return None
    if not isinstance(part, Figure) or claimed is None:
        return None
    share = reading.note(claimed)
    words = share.whole or ""
    if not re.match(r"全国|我国", words):
        return None  # only a whole the words say is the nation's
    note = reading.note(part)
    series = reference.series_of(words, part.unit, "national")
    if series is None or note.period is None or not PLAIN_YEAR.fullmatch(note.period):
        return None
    found = reference.fact(series, note.period, "national")
    if found is None or float(found[1]["value"]) <= part.bounds.high:
        return None  # a whole no larger than its part is not the whole the text means
    del relation.missing["whole"]
    # which whole a share means ("全國貧困縣": the 832 of 2014, or those left in 2019?) is
    # matched by words: a share resting on a borrowed whole is shown, never called wrong
    relation.confident = False
    return Borrowed("whole", *found)


def changes_from_last_year(
    reading: Reading, reference: Reference
) -> list[tuple[Relation, Borrowed]]:
    """ "貧困人口551萬人,比上年末減少1109萬人": the change from last year's level, which the
    article does not state and the library holds (no relation when it does not)."""
    found = []
    for note in reading.notes:
        if note.role not in (CHANGE, POINTS) or note.base != "previous" or note.head is None:
            continue
        level = reading.notes[note.head]
        if level.role != LEVEL or "to" in level.cues:
            continue
        borrowed = previous_level(reading, reference, level, "old")
        if borrowed is None:
            continue
        sentence = reading.sentences[note.sentence]
        kind = "point-change" if note.role == POINTS else "difference"
        relation = Relation(kind, {"new": level.figure}, sentence.start, sentence.end,
                            note.figure, note.sign)  # fmt: skip
        first = reading.sentences[level.sentence]
        if first.start < sentence.start:
            relation.start = first.start
            relation.spans = [(first.start, first.end), (sentence.start, sentence.end)]
        found.append((relation, borrowed))
    return found


def reference_of(library: Library) -> Reference:
    """The series of the library's reference catalogs, to borrow from."""
    chosen = [
        (cid, index) for cid, index in library.items() if index.source.get("kind") == REFERENCE
    ]
    return Reference(
        (cid, json.loads(text)) for cid, index in chosen for text in index.facts_json()
    )
