"""Issue 13: a library of catalogs — reference catalogs, several catalogs at once, series,
cross-source checks."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from povcli.catalog import load_catalog
from povcli.validate import validate_catalog

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "data" / "library" / "national-poverty.yaml"

# a reference catalog of my own: two years of one series, each fact citing a page
REFERENCE = """\
source:
  id: test-reference
  title: Test reference figures
  publisher: test
  date: "2026-01-01"
  kind: reference
facts:
  - id: income-2018
    section: income
    topic: [income]
    series: test-income
    subject: 农民收入
    label: Farmers' income
    aliases: [农民收入, 農民收入]
    value: 1000
    unit: yuan
    written: 1000元
    period: "2018"
    quote: 2018年农民收入1000元
    citation:
      publisher: 测试日报
      date: "2019-01-02"
      title: 农民收入公报
      url: "https://example.org/2018"
  - id: income-2019
    section: income
    topic: [income]
    series: test-income
    subject: 农民收入
    label: Farmers' income
    aliases: [农民收入, 農民收入]
    value: 1100
    unit: yuan
    written: 1100元
    period: "2019"
    quote: 2019年农民收入达到1100元
    citation:
      publisher: 测试日报
      date: n.d.
      title: 农民收入公报
      url: "http://example.org/2019"
"""


def write_reference(folder: Path, text: str = REFERENCE, name: str = "ref.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[tuple[str | None, str]]:
    return [(p.fact_id, p.message) for p in validate_catalog(path).problems]


# ----------------------------------------------------------------- step 1: the format


def test_the_national_reference_catalog_validates() -> None:
    report = validate_catalog(LIBRARY)
    assert report.problems == []
    catalog = load_catalog(LIBRARY)
    assert catalog.id == "national-poverty" and catalog.is_reference
    assert all(fact.citation and fact.citation["url"].startswith("http") for fact in catalog.facts)
    series = {fact.series for fact in catalog.facts}
    assert {"rural-poor-population", "poverty-incidence", "poor-area-rural-income"} <= series


def test_a_reference_catalog_needs_no_text_when_each_fact_cites(tmp_path: Path) -> None:
    path = write_reference(tmp_path)
    assert problems_of(path) == []
    catalog = load_catalog(path)
    fact = catalog.fact("income-2019")
    assert fact is not None and fact.series == "test-income"
    assert fact.citation == {
        "publisher": "测试日报", "date": "n.d.", "title": "农民收入公报",
        "url": "http://example.org/2019",
    }  # fmt: skip
    record = fact.to_dict()
    assert record["series"] == "test-income" and record["citation"]["date"] == "n.d."


def test_a_fact_without_citation_in_a_reference_catalog_is_an_error(tmp_path: Path) -> None:
    text = REFERENCE.replace(
        """    citation:
      publisher: 测试日报
      date: n.d.
      title: 农民收入公报
      url: "http://example.org/2019"
""",
        "",
    )
    problems = problems_of(write_reference(tmp_path, text))
    assert problems == [
        ("income-2019", "no citation: without a source text, each fact cites the page it quotes")
    ]


def test_written_must_appear_in_the_cited_quote(tmp_path: Path) -> None:
    text = REFERENCE.replace("quote: 2019年农民收入达到1100元", "quote: 2019年农民收入达到1,100元")
    assert problems_of(write_reference(tmp_path, text)) == [
        ("income-2019", "written '1100元' not found in its quote")
    ]


def test_citation_fields_series_and_source_id_are_checked(tmp_path: Path) -> None:
    text = (
        REFERENCE.replace('url: "https://example.org/2018"', "url: example.org/2018")
        .replace("series: test-income\n    subject: 农民收入\n    label: Farmers' income\n"
                 "    aliases: [农民收入, 農民收入]\n    value: 1100",
                 "series: Test Income\n    subject: 农民收入\n    label: Farmers' income\n"
                 "    aliases: [农民收入, 農民收入]\n    value: 1100")
        .replace("      title: 农民收入公报\n      url: \"http://example.org/2019\"",
                 "      url: \"http://example.org/2019\"")
        .replace("id: test-reference", "id: Test_Reference")
    )  # fmt: skip
    problems = problems_of(write_reference(tmp_path, text))
    assert ("income-2018", "url 'example.org/2018' must start with http:// or https://") in problems
    assert ("income-2019", "series 'Test Income' is not kebab-case (income-2013)") in problems
    assert ("income-2019", "missing required field 'title'") in problems
    assert (None, "id 'Test_Reference' is not kebab-case (income-2013)") in problems
    assert len(problems) == 4


def test_an_article_catalog_still_needs_its_text(tmp_path: Path) -> None:
    text = REFERENCE.replace("  kind: reference\n", "")
    assert (None, "missing required field 'text'") in problems_of(write_reference(tmp_path, text))


def test_catalog_id_defaults_to_the_file_stem(tmp_path: Path) -> None:
    path = write_reference(tmp_path, REFERENCE.replace("  id: test-reference\n", ""), "my-ref.yaml")
    assert load_catalog(path).id == "my-ref"


def test_article_facts_keep_their_json_fields(cli: Any) -> None:
    record = cli("show", "income-2013", "--format", "json").json()
    assert "series" not in record and "citation" not in record
