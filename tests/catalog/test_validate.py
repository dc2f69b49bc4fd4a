from __future__ import annotations

from pathlib import Path
from typing import Any

from povcli.catalog.validate import validate_catalog
from povcli.catalog.yamlload import load
from tests.helpers import SMALL_CATALOG, write_catalog


def test_shipped_catalog_is_clean() -> None:
    report = validate_catalog()
    assert report.problems == []
    assert report.facts >= 60


def test_small_catalog_is_clean(small_catalog: Path) -> None:
    assert validate_catalog(small_catalog).ok


def _problems(tmp_path: Path, catalog: str) -> list[tuple[int | None, str | None, str]]:
    report = validate_catalog(write_catalog(tmp_path / "c", catalog))
    return [(p.line, p.fact_id, p.message) for p in report.problems]


def test_all_problems_reported_at_once_with_lines(tmp_path: Path) -> None:
    broken = (
        SMALL_CATALOG.replace("value: 100\n", "value: 1000\n")  # line 15
        .replace("unit: village", "unit: villages")  # line 46
        .replace("id: income-2019", "id: income-2013")  # line 20
        .replace("written: 12.2%", "written: 12.3%")  # line 37
    )
    problems = _problems(tmp_path, broken)
    assert (15, "income-2013", "value 1000 but '100元' means 100") in problems
    assert (20, "income-2013", "duplicate id 'income-2013'") in problems
    assert (37, "income-growth", "written '12.3%' not found in its quote") in problems
    unit = (
        "unit 'villages' is not in the unit vocabulary (did you mean village or natural-village?)"
    )
    assert (46, "villages", unit) in problems
    assert (35, "income-growth", "value 12.2 but '12.3%' means 12.3") in problems
    assert len(problems) == 5


def test_content_problems(tmp_path: Path) -> None:
    broken = (
        SMALL_CATALOG.replace("value: 100\n", "value: 1000\n")
        .replace("quote: 共有5個村", "quote: 共有6個村")
        .replace("section: lead\n    topic: [village]", "section: tail\n    topic: [village]")
        .replace('unit: "%"', "unit: yuan")
    )
    problems = _problems(tmp_path, broken)
    messages = {(line, fact, message) for line, fact, message in problems}
    assert (15, "income-2013", "value 1000 but '100元' means 100") in messages
    assert (48, "villages", "quote not found verbatim in the source text") in messages
    assert (47, "villages", "written '5個' not found in its quote") in messages
    assert (41, "villages", "section 'tail' is not one of the source's sections") in messages
    assert (36, "income-growth", "'12.2%' is a percent: unit must be %") in messages
    assert len(messages) == 5


def test_checks_must_name_existing_facts(tmp_path: Path) -> None:
    catalog = SMALL_CATALOG.replace(
        "checks: []\n",
        "checks:\n  - id: growth\n    kind: cagr\n    inputs: {start: income-2013, end: nope}\n",
    )
    problems = _problems(tmp_path, catalog)
    assert problems == [(52, None, "check growth: input end names unknown fact 'nope'")]


def test_missing_source_text_is_a_problem(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "c")
    (path.parent / "source.txt").unlink()
    report = validate_catalog(path)
    assert len(report.problems) == 1
    assert "source text not found" in report.problems[0].message
    assert report.problems[0].line == 5


def test_yaml_lines_maps_paths() -> None:
    _, lines = load("a: 1\nfacts:\n  - id: x\n    value: 2\n", track_lines=True)
    assert lines[("facts", 0, "value")] == 4
    assert lines[("facts", 0)] == 3


def test_shipped_schema_is_the_generated_one() -> None:
    from povcli.catalog.schema import SCHEMA_PATH, schema_text

    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()


def test_catalog_names_its_schema_for_editors() -> None:
    from tests.helpers import CATALOG

    first = CATALOG.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../src/povcli/catalog/facts.schema.json"
    assert (CATALOG.parent / "../src/povcli/catalog/facts.schema.json").resolve().is_file()


def test_schema_checks_checks_and_source(tmp_path: Path) -> None:
    catalog = SMALL_CATALOG.replace(
        "checks: []\n",
        "checks:\n  - id: Growth\n    kind: median\n    inputs: {a: villages}\n",
    ).replace('  date: "2021-01-01"\n', "  date: 1 January\n")
    problems = _problems(tmp_path, catalog)
    messages = {message for _, _, message in problems}
    assert (
        "kind 'median' is not one of cagr, growth, yoy, sum, subset, equal, share-change, "
        "share-change-rates, pull, weighted-average, "
        "conversion, share, share-of-sum, percent-of, per-hundred, ratio, per-unit, difference, "
        "point-change, "
        "same-base, change-rate, change-rate-per-mille, change-rate-per-mille-mid-year, "
        "average, "
        "average-change, cagr-multiple, cagr-growth, crude-rate, annualised-rate, "
        "growth-of-sum, agree" in messages
    )
    assert "id 'Growth' is not kebab-case (income-2013)" in messages
    assert "date '1 January' must be written like 2021-01-20" in messages
    assert len(problems) == 3


def _fact_variants() -> list[Any]:
    """A valid fact and, for each field, values the schema accepts and refuses."""
    import datetime

    good = {
        "id": "income-2013", "section": "lead", "topic": ["income"], "subject": "收入",
        "label": "Income", "value": 4875, "unit": "yuan", "written": "4875元",
        "quote": "收入4875元", "period": "2013",
    }  # fmt: skip
    values: dict[str, list[Any]] = {
        "id": ["Bad_Id", "", "a--b", "-a", "a1-b2", 5, None, "ok-id"],
        "section": ["", 3, "x", None],
        "topic": [[], [""], ["a", 2], "income", ["a", "b"]],
        "subject": ["", 1.5, "主題"],
        "value": [True, "5", None, 1.5, -3, 10**20],
        "value_max": [False, 7, "7", 7.5],
        "unit": ["yuan", "Yuan", "", "%", "percentage-point", 3],
        "written": ["", "5元", ["5元"]],
        "qualifier": ["about", "roughly", ""],
        "period": [datetime.date(2013, 1, 1), 2013, "2013", ""],
        "series": ["poor-population", "Poor", ""],
        "aliases": [[], ["a"], [""], "a"],
        "citation": [
            {"publisher": "p", "date": "d", "title": "t", "url": "u"},
            {"publisher": "p", "date": "d", "title": "t"},
            {"publisher": "p", "date": "d", "title": "t", "url": "u", "via": "v"},
            {"publisher": "", "date": "d", "title": "t", "url": "u"},
            {"publisher": "p", "date": "d", "title": "t", "url": "u", "extra": 1},
            "a page",
        ],
        "extra": ["not in the schema"],
    }
    variants: list[Any] = [good, {k: v for k, v in good.items() if k != "unit"}, [], "fact"]
    for key, choices in values.items():
        variants += [{**good, key: choice} for choice in choices]
    return variants


def test_the_fast_fact_check_agrees_with_jsonschema() -> None:
    """The index build trusts fastjsonschema's "valid": jsonschema (what validate reports)
    must find nothing wrong with any fact it passes, and something with every fact it
    refuses."""
    from povcli.catalog.schema import _fact_is_valid, _validators

    fast, full = _fact_is_valid(), _validators()[1]
    for item in _fact_variants():
        assert fast(item) == full.is_valid(item), item


def test_a_fact_id_with_a_line_break_is_described_on_one_line() -> None:
    """A fuzzed catalog gave a fact the id "\\n": its error must stay one line."""
    from povcli.model import Problem

    described = Problem("missing required field 'section'", fact_id="\n").describe()
    assert described == "fact '\\n': missing required field 'section'"
