"""The fact catalog: its model, and reading and checking the shape of `facts.yaml`."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from povcli.errors import CatalogError
from povcli.locate import MAX_CATALOG_BYTES, decode, locate_catalog, read_bounded, read_bytes
from povcli.numbers import Number, magnitude_problem

FACT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


TOP_LEVEL_KEYS = ("source", "facts", "checks")
# name -> (allowed types, required)
FACT_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "id": ((str,), True),
    "section": ((str,), True),
    "topic": ((list,), True),
    "series": ((str,), False),
    # what the figure covers: "national", or a province, region or programme by name; borrowing
    # matches it exactly, so a province's figure never stands in for the nation's
    "scope": ((str,), False),
    "subject": ((str,), True),
    "label": ((str,), True),
    "aliases": ((list,), False),
    "value": ((int, float), True),
    "value_max": ((int, float), False),
    "unit": ((str,), True),
    "written": ((str,), True),
    "qualifier": ((str,), False),
    "period": ((str,), False),
    "quote": ((str,), True),
    "citation": ((dict,), False),
    "note": ((str,), False),
}
# fields of a reference catalog's facts: left out of a fact's record when it has none
REFERENCE_FIELDS = ("series", "scope", "citation")
CITATION_FIELDS = ("publisher", "date", "title", "url")
# where the page read is a copy of the publisher's release: the copy's address
CITATION_OPTIONAL = ("via",)
REFERENCE = "reference"


@dataclass(frozen=True)
class Fact:
    """One statistic as the article states it."""

    id: str
    section: str
    topic: tuple[str, ...]
    subject: str
    label: str
    value: Number
    unit: str
    written: str
    quote: str
    aliases: tuple[str, ...] = ()
    value_max: Number | None = None
    qualifier: str | None = None
    period: str | None = None
    note: str | None = None
    series: str | None = None
    scope: str | None = None
    citation: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fact with the catalog's own field names, in the catalog's order
        (`series` and `citation` only when it has them)."""
        record = {
            name: getattr(self, name)
            for name in FACT_FIELDS
            if name not in REFERENCE_FIELDS or getattr(self, name) is not None
        }
        record["topic"] = list(self.topic)
        record["aliases"] = list(self.aliases)
        if self.citation is not None:
            record["citation"] = dict(self.citation)
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        fields: dict[str, Any] = {name: data.get(name) for name in FACT_FIELDS}
        fields["topic"] = tuple(data["topic"])
        fields["aliases"] = tuple(data.get("aliases") or ())
        return cls(**fields)


@dataclass
class Catalog:
    path: Path
    source: dict[str, Any]
    facts: Sequence[Fact]
    checks: list[dict[str, Any]] = field(default_factory=list)

    def fact(self, fact_id: str) -> Fact | None:
        if fact_id.startswith(f"{self.id}:"):  # its own qualified name
            fact_id = fact_id[len(self.id) + 1 :]
        return next((fact for fact in self.facts if fact.id == fact_id), None)

    def holds(self, name: str) -> bool:
        """Whether a qualified name `CATALOG:ID` names a catalog read with this one (this
        one alone: only its own id)."""
        return name.rpartition(":")[0] == self.id

    @property
    def id(self) -> str:
        """The catalog's own id: `source.id`, else the file name's stem."""
        return catalog_id(self.source, self.path)

    @property
    def is_reference(self) -> bool:
        return self.source.get("kind") == REFERENCE

    @property
    def sections(self) -> list[dict[str, Any]]:
        return list(self.source.get("sections") or [])

    @property
    def text_path(self) -> Path | None:
        """The source text's file, checked to lie inside the catalog's folder tree."""
        text = self.source.get("text")
        return confined_path(self.path, text) if isinstance(text, str) else None

    def source_text(self) -> str:
        """The cleaned article the quotes come from."""
        path = self.text_path
        if path is None:
            raise CatalogError(f"{self.path}: source.text does not name the article's text file")
        data = read_bounded(path, "source text", MAX_CATALOG_BYTES)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogError(
                f"source text is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset"
                f" {exc.start}): {path}",
                hint="save it as UTF-8",
            ) from None


def catalog_id(source: dict[str, Any], path: Path) -> str:
    """`source.id`, else the file name's stem (the name other catalogs use for it)."""
    own = source.get("id")
    return own if isinstance(own, str) and own else path.stem


def source_text_problem(text: str) -> str | None:
    """Why `source.text` is not a relative path inside the catalog's folder, if it is not."""
    if not text.strip() or "\x00" in text:
        return f"source.text must name a file, not {text!r}"
    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).anchor:
        return f"source.text must be a path relative to the catalog's folder, not {text!r}"
    if os.path.normpath(text).replace("\\", "/").split("/")[0] == "..":
        return f"source.text must stay inside the catalog's folder, not {text!r}"
    return None


def confined_path(catalog_path: Path, text: str) -> Path:
    """The source text's path, refused unless it lies inside the catalog's folder tree
    once symbolic links are resolved."""
    hint = f"run: povcli validate {catalog_path}"
    problem = source_text_problem(text)
    if problem:
        raise CatalogError(problem, hint=hint)
    folder = catalog_path.parent
    path = folder / text
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise CatalogError(
            f"source.text {text!r} leads outside the catalog's folder (a symbolic link)", hint=hint
        )
    return resolved


def parse_yaml(text: str, path: Path, track_lines: bool = False) -> Any:
    """Parse with a safe loader only: tags such as !!python/object are refused.

    With `track_lines`, return (data, lines) where lines maps each key's
    path in the tree to its 1-based line.
    """

    from povcli.yamlload import load

    try:
        data, lines = load(text, track_lines)
    except yaml_failures() as exc:
        raise yaml_error(exc, path) from None
    return (data, lines) if track_lines else data


def yaml_failures() -> tuple[type[BaseException], ...]:
    """What reading YAML can raise (!!int x and !!timestamp 2021-99-99 are value errors)."""
    import yaml

    return (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError)


def yaml_error(exc: BaseException, path: Path) -> CatalogError:
    """A failure to read a catalog's YAML in one line, for the loader and the index build."""
    import yaml

    if isinstance(exc, yaml.MarkedYAMLError):
        return CatalogError(_yaml_message(exc, path))
    if isinstance(exc, yaml.YAMLError):
        return CatalogError(f"YAML error in {path}: {exc}")
    if isinstance(exc, RecursionError):
        return CatalogError(f"YAML nesting too deep in {path}")
    return CatalogError(f"YAML value error in {path}: {exc}")


def _yaml_message(exc: Any, path: Path) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
    problem = exc.problem or exc.context or "invalid YAML"
    if problem.startswith("number too large"):
        return f"{problem} (at {where} in {path})"
    if "constructor for the tag" in problem:
        tag = problem.split("tag", 1)[1].strip(" '")
        return f"refused unsafe or unknown YAML tag {tag} at {where} in {path}"
    return f"YAML syntax error at {where} in {path}: {problem}"


def load_catalog(path: Path | str | None = None) -> Catalog:
    """Read and check a catalog; raise CatalogError on the first problem found."""
    catalog_path = locate_catalog(path)
    return catalog_from_bytes(read_bytes(catalog_path), catalog_path)


def catalog_from_bytes(raw: bytes, catalog_path: Path) -> Catalog:
    data = parse_yaml(decode(raw, catalog_path), catalog_path)
    problems = shape_problems(data)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CatalogError(
            f"{catalog_path}: {first.describe()}{more}",
            hint=f"run: povcli validate {catalog_path}",
        )
    return build_catalog(data, catalog_path)


def build_catalog(data: dict[str, Any], path: Path) -> Catalog:
    return Catalog(
        path=path,
        source=data.get("source") or {},
        facts=[Fact.from_dict(item) for item in data["facts"]],
        checks=list(data.get("checks") or []),
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalog, located by its path in the YAML tree."""

    message: str
    where: tuple[str | int, ...] = ()
    fact_id: str | None = None

    def describe(self) -> str:
        who = f"fact {self.fact_id}: " if self.fact_id else ""
        return who + self.message


# what a draft leaves for a person to write: `validate` warns, and nothing refuses it
TO_FILL = "[to fill]"


def placeholders_filled(data: dict[str, Any]) -> dict[str, Any]:
    """The document as the schema should see it: a date still to fill is a date."""
    source = data.get("source")
    if not isinstance(source, dict):
        return data
    date = source.get("date")
    if isinstance(date, str) and date.startswith(TO_FILL):
        return {**data, "source": {**source, "date": "0001-01-01"}}
    return data


def shape_problems(data: Any) -> list[Problem]:
    """Problems of shape and schema, found without the article's text: the JSON Schema's."""
    from povcli.schema import top_problems

    if not isinstance(data, dict):
        return [Problem(f"the top level must be a mapping, not {type_name(data)}")]
    top = top_problems(placeholders_filled(data))
    # what is wrong with what is there comes before what is missing
    missing = [p for p in top if p.message.startswith("missing required field")]
    problems = [p for p in top if p not in missing]
    facts = data.get("facts")
    if isinstance(facts, list):
        for index, item in enumerate(facts):
            problems.extend(fact_problems(item, index))
        problems += duplicate_id_problems(facts) + periods_problems(data.get("checks"))
    return problems + missing


def fact_problems(item: Any, index: int) -> list[Problem]:
    """One fact against the schema (the index checks facts one by one as it reads them)."""
    from povcli.schema import fact_schema_problems

    if not isinstance(item, dict):
        where: tuple[str | int, ...] = ("facts", index)
        return [Problem(f"fact #{index + 1} must be a mapping, not {type_name(item)}", where)]
    return fact_schema_problems(item, index) + fact_number_problems(item, index)


def fact_number_problems(item: dict[str, Any], index: int) -> list[Problem]:
    """A fact's numbers are finite and at most 1e300 (NaN and infinity compute nothing)."""
    fact_id = item.get("id") if isinstance(item.get("id"), str) else None
    problems = []
    for key in ("value", "value_max"):
        problem = magnitude_problem(item.get(key), key)
        if problem:
            problems.append(Problem(problem, ("facts", index, key), fact_id))
    return problems


def magnitude_problems(data: Any) -> list[Problem]:
    """`fact_number_problems` of every fact, and of every check's `periods`."""
    if not isinstance(data, dict):
        return []
    facts = data.get("facts")
    problems = [
        problem
        for index, item in enumerate(facts if isinstance(facts, list) else [])
        if isinstance(item, dict)
        for problem in fact_number_problems(item, index)
    ]
    return problems + periods_problems(data.get("checks"))


def periods_problems(checks: Any) -> list[Problem]:
    """A check's `periods` is a finite number at most 1e300."""
    problems = []
    for index, check in enumerate(checks if isinstance(checks, list) else []):
        problem = (
            magnitude_problem(check.get("periods"), "periods") if isinstance(check, dict) else None
        )
        if problem:
            where: tuple[str | int, ...] = ("checks", index, "periods")
            problems.append(Problem(problem, where))
    return problems


def duplicate_id_problems(facts: Any) -> list[Problem]:
    """Each fact id is used once (JSON Schema cannot say so)."""
    seen: set[str] = set()
    problems = []
    for index, fact in enumerate(facts if isinstance(facts, list) else []):
        fact_id = fact.get("id") if isinstance(fact, dict) else None
        if isinstance(fact_id, str):
            if fact_id in seen:
                where: tuple[str | int, ...] = ("facts", index, "id")
                problems.append(Problem(f"duplicate id {fact_id!r}", where, fact_id))
            seen.add(fact_id)
    return problems


def type_name(value: Any) -> str:
    """A value's type in the words the error messages use."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    names = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def _types_name(types: tuple[type, ...]) -> str:
    if types == (int, float):
        return "a number"
    return " or ".join(type_name(t()) for t in types)
