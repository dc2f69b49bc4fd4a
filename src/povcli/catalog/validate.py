"""`povcli validate`: every problem of a catalog at once, each with its YAML line."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from povcli.catalog.load import build_catalog, parse_yaml, shape_problems
from povcli.catalog.locate import catalog_specs, locate_catalog, locate_catalogs
from povcli.errors import CatalogError
from povcli.fields import TO_FILL
from povcli.files import read_text
from povcli.model import Fact, Problem
from povcli.numbers import COUNT, NumberError, NumberTooLarge, Quantity, parse_quantity

KIND_UNITS = {"percent": "%", "percentage-point": "percentage-point", "multiple": "multiple"}


ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class LocatedProblem:
    line: int | None
    fact_id: str | None
    message: str
    level: str = ERROR

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "fact": self.fact_id, "level": self.level,
                "problem": self.message}  # fmt: skip


@dataclass(frozen=True)
class Report:
    path: Path
    facts: int
    checks: int
    problems: list[LocatedProblem]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[LocatedProblem]:
        return [problem for problem in self.problems if problem.level == ERROR]

    def to_dict(self) -> dict[str, Any]:
        return {
            "catalog": str(self.path),
            "ok": self.ok,
            "facts": self.facts,
            "checks": self.checks,
            "problems": [problem.to_dict() for problem in self.problems],
        }

    def summary(self) -> str:
        """One line for stderr: the verdict on the catalog."""
        if not self.ok:
            count = len(self.errors)
            return f"error: {count} problem{'s' if count > 1 else ''} in {self.path}"
        facts = f"{self.facts} fact{'s' if self.facts != 1 else ''}"
        checks = f"{self.checks} check{'s' if self.checks != 1 else ''}"
        warnings = len(self.problems)
        left = f" ({warnings} field{'s' if warnings != 1 else ''} to fill)" if warnings else ""
        return f"ok: {facts}, {checks}, no problems{left} in {self.path}"


def validate_catalog(path: Path | str | None = None) -> Report:
    """Check a catalog; unreadable files still raise CatalogError."""
    catalog_path = locate_catalog(path)
    text = read_text(catalog_path)
    data, lines = parse_yaml(text, catalog_path, track_lines=True)
    to_fill = list(to_fill_places(data))
    # the loader's own check: one source of truth for the catalog's shape (the JSON Schema)
    problems = shape_problems(data)
    facts_count = checks_count = 0
    if isinstance(data, dict) and isinstance(data.get("facts"), list):
        facts_count = len(data["facts"])
        checks_count = len(data["checks"]) if isinstance(data.get("checks"), list) else 0
        problems += content_problems(data, catalog_path, problems)
    located = [LocatedProblem(_line(lines, p.where), p.fact_id, p.message) for p in problems]
    located += [
        LocatedProblem(_line(lines, where), fact_id, f"{where[-1]} is still to fill", WARNING)
        for where, fact_id in to_fill
    ]
    located.sort(key=lambda p: (p.line or 0, p.level))
    return Report(catalog_path, facts_count, checks_count, located)


def to_fill_places(
    data: Any,
    where: tuple[str | int, ...] = (),
    fact_id: str | None = None,
    seen: set[int] | None = None,
) -> Iterator[tuple[tuple[str | int, ...], str | None]]:
    """Where a draft left a value for a person: (path in the YAML, fact id).

    A YAML alias is the same object again: each container is walked once, so an
    alias bomb costs no more than its text.
    """
    seen = set() if seen is None else seen
    if isinstance(data, dict | list):
        if id(data) in seen:
            return
        seen.add(id(data))
    if isinstance(data, dict):
        own = data.get("id") if where[:1] == ("facts",) and len(where) == 2 else None
        for key, value in data.items():
            owner = own if isinstance(own, str) else fact_id
            yield from to_fill_places(value, (*where, key), owner, seen)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from to_fill_places(value, (*where, index), fact_id, seen)
    elif isinstance(data, str) and data.startswith(TO_FILL):
        yield where, fact_id


def content_problems(data: dict[str, Any], path: Path, shape: list[Problem]) -> list[Problem]:
    """Problems that need the article's text and the number parser.

    Facts that already have shape problems are skipped, the others checked,
    so one run reports everything.
    """
    source: dict[str, Any] = data["source"] if isinstance(data.get("source"), dict) else {}
    checks = data.get("checks") if isinstance(data.get("checks"), list) else []
    catalog = build_catalog({"source": source, "facts": [], "checks": checks}, path)
    problems: list[Problem] = []
    article: str | None = None
    if source.get("text") is not None:  # a missing source or text is a schema problem
        try:
            article = catalog.source_text()
        except CatalogError as exc:
            problems.append(Problem(exc.message, ("source", "text")))
    sections = {s.get("id") for s in catalog.sections if isinstance(s, dict)}
    cited = source.get("text") is None  # a reference catalog: each fact cites its page
    broken = {p.where[1] for p in shape if p.where[:1] == ("facts",) and len(p.where) > 1}
    ids = set()
    for index, item in enumerate(data["facts"]):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            ids.add(item["id"])
        if index not in broken:
            fact = Fact.from_dict(item)
            problems.extend(fact_content_problems(fact, index, article, sections, cited))
    problems.extend(check_reference_problems(catalog.checks, ids, catalog.id))
    return problems


def fact_content_problems(
    fact: Fact, index: int, article: str | None, sections: set[Any], cited: bool = False
) -> list[Problem]:
    where: tuple[str | int, ...] = ("facts", index)
    problems: list[Problem] = []

    def add(message: str, key: str) -> None:
        problems.append(Problem(message, (*where, key), fact.id))

    if sections and fact.section not in sections:
        add(f"section {fact.section!r} is not one of the source's sections", "section")
    if article is not None and fact.citation is None and fact.quote not in article:
        add("quote not found verbatim in the source text", "quote")
    if cited and fact.citation is None:
        add("no citation: without a source text, each fact cites the page it quotes", "citation")
    for message, key in figure_problems(fact):
        add(message, key)
    return problems


def figure_problems(
    fact: Fact, parse: Callable[[str], Quantity] = parse_quantity
) -> list[tuple[str, str]]:
    """What a fact says of its own figure, checked without the article: `written` is in
    its quote and means `value` (as (message, field) pairs)."""
    problems = []
    if fact.written not in fact.quote:
        problems.append((f"written {fact.written!r} not found in its quote", "written"))
    return problems + number_problems(fact, parse)


def number_problems(
    fact: Fact, parse: Callable[[str], Quantity] = parse_quantity
) -> list[tuple[str, str]]:
    """Does `value` say what the parser makes of `written`? (`parse`: the parser, or one
    that remembers what it read.)"""
    try:
        parsed = parse(fact.written)
    except NumberTooLarge as exc:
        return [(f"written: {exc}", "written")]
    except NumberError:
        return [(f"written {fact.written!r} is not a figure the number parser reads", "written")]
    problems = []
    if parsed.value != fact.value:
        problems.append((f"value {fact.value} but {fact.written!r} means {parsed.value}", "value"))
    if parsed.value_max != fact.value_max:
        problems.append(
            (f"value_max {fact.value_max} but {fact.written!r} means {parsed.value_max}", "value")
        )
    if parsed.qualifier != fact.qualifier:
        problems.append(
            (f"qualifier {fact.qualifier} but {fact.written!r} reads {parsed.qualifier}", "written")
        )
    expected_unit = KIND_UNITS.get(parsed.kind)
    if parsed.kind != COUNT and fact.unit != expected_unit:
        problems.append(
            (f"{fact.written!r} is a {parsed.kind}: unit must be {expected_unit}", "unit")
        )
    if parsed.kind == COUNT and fact.unit in KIND_UNITS.values():
        problems.append((f"unit {fact.unit} but {fact.written!r} is a plain count", "unit"))
    return problems


def check_reference_problems(
    checks: list[Any], known: set[str], own: str | None = None
) -> list[Problem]:
    """Each check names facts of this catalog; `CATALOG:ID` of another catalog is left to
    `verify`, which reads the library."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, check in enumerate(checks):
        where: tuple[str | int, ...] = ("checks", index)
        if not isinstance(check, dict) or not isinstance(check.get("id"), str):
            problems.append(Problem(f"check #{index + 1} must be a mapping with an id", where))
            continue
        if check["id"] in seen:
            problems.append(Problem(f"duplicate check id {check['id']!r}", (*where, "id")))
        seen.add(check["id"])
        for role, fact_id in _referenced(check.get("inputs")):
            catalog, _, bare = fact_id.rpartition(":")
            if catalog and catalog.casefold() != (own or "").casefold():
                continue  # another catalog's (its prefix, as ids, in any case)
            if bare not in known:
                message = f"check {check['id']}: input {role} names unknown fact {fact_id!r}"
                problems.append(Problem(message, (*where, "inputs")))
    return problems


def _referenced(inputs: Any) -> list[tuple[str, Any]]:
    if not isinstance(inputs, dict):
        return []
    pairs: list[tuple[str, Any]] = []
    for role, value in inputs.items():
        values = value if isinstance(value, list) else [value]
        pairs.extend((str(role), item) for item in values if isinstance(item, str))
    return pairs


def _line(lines: dict[tuple[str | int, ...], int], where: tuple[str | int, ...]) -> int | None:
    while where:
        if where in lines:
            return lines[where]
        where = where[:-1]
    return lines.get((), 1)  # the document as a whole: its first line


def validate_named(named: Sequence[str] | None, facts: Sequence[str] | None = None) -> list[Report]:
    """A report for each catalog named (files or folders); by default those of --facts or
    $POVCLI_FACTS, else the bundled article's catalog."""
    named = list(named) if named else catalog_specs(facts)
    paths = locate_catalogs(named, library=False) if named else [None]
    return [validate_catalog(one) for one in paths]
