"""The fact catalog: its model, and reading and checking the shape of `facts.yaml`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from povcli.catalog.locate import locate_catalog
from povcli.catalog.schema import fact_schema_problems, top_problems
from povcli.errors import CatalogError
from povcli.fields import TO_FILL, type_name
from povcli.files import decode, read_bytes
from povcli.model import Catalog, Fact, Problem
from povcli.numbers import magnitude_problem


def parse_yaml(text: str, path: Path, track_lines: bool = False) -> Any:
    """Parse with a safe loader only: tags such as !!python/object are refused.

    With `track_lines`, return (data, lines) where lines maps each key's
    path in the tree to its 1-based line.
    """

    # PyYAML is imported only when a catalog is parsed: a warm run reads the index alone
    from povcli.catalog.yamlload import load

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
    if problem.startswith(("aliases expand", "alias *")):
        return f"YAML {problem} (at {where} in {path})"
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


def paragraph_of(catalog: Catalog, fact: Fact) -> str | None:
    """The paragraph of the source text that holds the fact's quote."""
    for paragraph in catalog.source_text().split("\n\n"):
        if fact.quote in paragraph:
            return paragraph.strip()
    return None
