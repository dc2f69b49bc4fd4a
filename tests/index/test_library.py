"""Issue 13: a library of catalogs — reference catalogs, several catalogs at once, series,
cross-source checks."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from povcli.catalog.load import load_catalog
from povcli.catalog.validate import validate_catalog

ROOT = Path(__file__).resolve().parent.parent.parent
LIBRARY = ROOT / "data" / "library" / "national-poverty.yaml"
# the bundled library's catalogs, in name order
LIBRARY_FILES = ["national-poverty.yaml", "province-shanxi.yaml", "provinces.yaml",
                 "shanxi-within-national.yaml"]  # fmt: skip

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


# ----------------------------------------------------------------- step 2: several catalogs


def two_catalogs(tmp_path: Path) -> tuple[Path, Path]:
    """The small article catalog (id: its stem, "facts") and the test reference catalog."""
    from tests.helpers import write_catalog

    return write_catalog(tmp_path / "article"), write_reference(tmp_path / "ref")


def test_catalogs_are_found_in_folders_by_name_and_in_the_variable(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import os

    from povcli.catalog.locate import bundled_catalog, locate_catalogs

    folder = tmp_path / "lib"
    for name in ("b.yaml", "a.yaml", ".hidden.yaml", "notes.txt"):
        write_reference(folder, name=name)
    (folder / "sub").mkdir()
    write_reference(folder / "sub", name="deeper.yaml")
    assert [p.name for p in locate_catalogs([str(folder)])] == ["a.yaml", "b.yaml"]
    single = tmp_path / "one.yaml"
    assert locate_catalogs([str(single), str(folder)])[0] == single
    monkeypatch.setenv("POVCLI_FACTS", f"{single}{os.pathsep}{folder}")
    assert [p.name for p in locate_catalogs(None)] == ["one.yaml", "a.yaml", "b.yaml"]
    monkeypatch.delenv("POVCLI_FACTS")
    bundled = locate_catalogs(None)
    # the article, then the library's catalogs in name order
    assert bundled[0] == bundled_catalog()
    assert bundled[1:] == [(LIBRARY.parent / name).resolve() for name in LIBRARY_FILES]
    assert locate_catalogs(None, library=False) == [bundled_catalog()]


def test_a_folder_without_catalogs_is_an_error(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "empty").mkdir()
    run = cli("list", "--facts", str(tmp_path / "empty"))
    assert run.exit_code == 2
    assert run.stderr.startswith("error: no *.yaml catalog in the folder ")


def test_a_bare_id_held_by_two_catalogs_asks_which(tmp_path: Path, cli: Any) -> None:
    article, ref = two_catalogs(tmp_path)
    run = cli("show", "income-2019", "--facts", str(article), "--facts", str(ref))
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr == (
        "error: fact id 'income-2019' is in 2 catalogs (hint: did you mean facts:income-2019"
        " or test-reference:income-2019?)\n"
    )
    run = cli("show", "test-reference:income-2019", "--facts", str(article), "--facts", str(ref),
              "--format", "json")  # fmt: skip
    record = run.json()
    assert run.exit_code == 0
    assert record["catalog"] == "test-reference" and record["written"] == "1100元"
    # a bare id one catalog holds
    record = cli("show", "income-2018", "--facts", str(article), "--facts", str(ref), "-f", "json")
    assert record.json()["catalog"] == "test-reference"
    record = cli("show", "villages", "--facts", str(article), "--facts", str(ref), "-f", "json")
    assert record.json()["catalog"] == "facts"


def test_mistyped_names_get_qualified_suggestions_only_where_needed(
    tmp_path: Path, cli: Any
) -> None:
    article, ref = two_catalogs(tmp_path)
    both = ["--facts", str(article), "--facts", str(ref)]
    run = cli("show", "income-2081", *both)
    assert run.exit_code == 2
    # income-2018 is in one catalog: bare; income-2019 in both: qualified
    assert "income-2018 or" in run.stderr and "facts:income-2019" in run.stderr
    assert " income-2019" not in run.stderr
    run = cli("show", "zzz:income-2018", *both)
    assert run.stderr == "error: no catalog with id 'zzz' (hint: catalogs: facts, test-reference)\n"
    run = cli("show", "test-refrence:income-2018", *both)
    assert "did you mean test-reference?" in run.stderr


def test_the_variable_names_several_catalogs(tmp_path: Path, cli: Any) -> None:
    import os

    article, ref = two_catalogs(tmp_path)
    run = cli("list", "--format", "json", env={"POVCLI_FACTS": f"{article}{os.pathsep}{ref}"})
    records = run.json()
    assert [(r["catalog"], r["id"]) for r in records] == [
        ("facts", "income-2013"), ("facts", "income-2019"), ("facts", "income-growth"),
        ("facts", "villages"), ("test-reference", "income-2018"),
        ("test-reference", "income-2019"),
    ]  # fmt: skip


def test_tables_gain_a_source_column_only_for_several_catalogs(tmp_path: Path, cli: Any) -> None:
    article, ref = two_catalogs(tmp_path)
    several = cli("list", "--facts", str(article), "--facts", str(ref), "--topic", "income")
    assert several.exit_code == 0
    header = several.stdout.splitlines()[1]
    assert header.split()[1:3] == ["source", "┃"] and "test-re" in several.stdout
    one = cli("list", "--facts", str(article))
    assert (
        "source" not in one.stdout
        and "catalog" not in cli("list", "--facts", str(article), "-f", "json").stdout
    )
    # a section only one catalog knows
    only = cli("list", "--facts", str(article), "--facts", str(ref), "--section", "income",
               "-f", "json").json()  # fmt: skip
    assert [r["id"] for r in only] == ["income-2018", "income-2019"]
    unknown = cli("list", "--facts", str(article), "--facts", str(ref), "--section", "incom")
    assert unknown.exit_code == 2 and "did you mean income?" in unknown.stderr
    limited = cli(
        "list", "--facts", str(article), "--facts", str(ref), "--limit", "5", "-f", "json"
    )
    assert [r["id"] for r in limited.json()][-1] == "income-2018"


def test_search_ranks_across_catalogs(tmp_path: Path, cli: Any) -> None:
    article, ref = two_catalogs(tmp_path)
    run = cli("search", "收入", "--facts", str(article), "--facts", str(ref), "-f", "json")
    found = [(r["catalog"], r["id"]) for r in run.json()]
    assert ("test-reference", "income-2019") in found and ("facts", "income-2013") in found
    table = cli("search", "農民收入", "--facts", str(article), "--facts", str(ref))
    assert "source" in table.stdout and "test-reference" in table.stdout


def test_two_catalogs_with_one_id_are_refused(tmp_path: Path, cli: Any) -> None:
    first = write_reference(tmp_path / "a", name="one.yaml")
    second = write_reference(tmp_path / "b", name="two.yaml")
    run = cli("list", "--facts", str(first), "--facts", str(second))
    assert run.exit_code == 2
    assert "two catalogs have the id 'test-reference'" in run.stderr


def test_the_bundled_library_lookups_and_listing(cli: Any) -> None:
    # show, calc and verify read the whole bundled library; list, search and info the article
    record = cli("show", "poor-population-2019", "-f", "json").json()
    assert record["catalog"] == "national-poverty" and record["written"] == "551万人"
    assert cli("show", "income-2013", "-f", "json").json()["catalog"] == "shanxi-daily-2021-01-20"
    assert len(cli("list", "-f", "json").json()) == 78
    run = cli("calc", "growth", "poor-area-income-2018", "poor-area-income-2020", "-f", "json")
    # 12588 / 10371 − 1 = 21.377 %
    assert run.exit_code == 0 and round(run.json()["computed"], 2) == 21.38
    infos = cli("info", "--facts", "data/facts.yaml", "--facts", str(LIBRARY), "-f", "json").json()
    # counted from the YAML itself, not through povcli
    library_facts = len(yaml.safe_load(LIBRARY.read_text(encoding="utf-8"))["facts"])
    assert [i["facts"] for i in infos] == [78, library_facts]


def test_validate_checks_each_catalog_named(tmp_path: Path, cli: Any) -> None:
    article, ref = two_catalogs(tmp_path)
    run = cli("validate", "--facts", str(article), "--facts", str(ref))
    assert run.exit_code == 0
    assert run.stderr.count("ok: ") == 2
    folder = cli("validate", str(tmp_path / "ref"), "-f", "json")
    assert folder.exit_code == 0 and folder.json()["facts"] == 2


# ----------------------------------------------------------------- step 3: series

GAPPED = REFERENCE.replace('period: "2018"', 'period: "2016"').replace(
    "quote: 2018年农民收入1000元", "quote: 2016年农民收入1000元"
)


def test_series_lists_each_series_with_its_periods(cli: Any) -> None:
    run = cli("series", "--format", "json")
    assert run.exit_code == 0
    found = {record["series"]: record for record in run.json()}
    assert {"rural-poor-population", "poverty-incidence", "poor-area-rural-income",
            "poor-counties", "poor-villages", "counties-removed"} <= set(found)  # fmt: skip
    income = found["poor-area-rural-income"]
    assert income["catalog"] == ["national-poverty"]
    # 6079元 (2013), 8452元 (2016), 10371元 (2018), 12588元 (2020)
    assert income["periods"] == ["2013", "2016", "2018", "2020"]
    assert income["count"] == 4 and income["unit"] == "yuan"


def test_one_series_with_changes_from_the_previous_period(tmp_path: Path, cli: Any) -> None:
    ref = write_reference(tmp_path)
    rows = cli("series", "test-income", "--facts", str(ref), "-f", "json").json()
    assert [(r["period"], r["written"], r["change"], r["from_period"]) for r in rows] == [
        ("2018", "1000元", None, None),
        ("2019", "1100元", 100, "2018"),
    ]
    assert rows[1]["fact"] == "test-reference:income-2019"
    assert rows[1]["citation"] == "测试日报, n.d." and rows[1]["url"] == "http://example.org/2019"
    csv = cli("series", "test-income", "--facts", str(ref), "-f", "csv").stdout.splitlines()
    assert csv[0].startswith("period,written,value,unit,change,")
    assert csv[2].startswith("2019,1100元,1100,yuan,100,yuan,2018,")


# a percentage series of my own with two sources for one year
INCIDENCE = """\
source:
  id: test-incidence
  title: Test incidence figures
  publisher: test
  date: "2026-01-01"
  kind: reference
facts:
""" + "".join(
    f"""\
  - id: {fact_id}
    section: incidence
    topic: [poverty]
    series: test-incidence
    subject: 贫困发生率
    label: Poverty incidence
    value: {value}
    unit: "%"
    written: "{value}%"
    period: "{year}"
    quote: {year}年贫困发生率{value}%
    citation: {{publisher: 测试日报, date: n.d., title: 公报, url: "https://example.org/{fact_id}"}}
"""
    for fact_id, value, year in (
        ("a-2010", 17.2, 2010),
        ("a-2011", 12.7, 2011),
        ("b-2011", 13.4, 2011),
    )
)


def test_a_percentage_changes_in_points(tmp_path: Path, cli: Any) -> None:
    rows = cli("series", "poverty-incidence", "-f", "json").json()
    by_fact = {r["fact"]: r for r in rows}
    # 2019: 0.6% after 1.7% in 2018 → −1.1 points
    row = by_fact["national-poverty:poverty-incidence-2019"]
    assert row["change"] == -1.1 and row["change_unit"] == "percentage-point"
    # two sources of 2011 are both shown, each compared with 2010 (17.2%):
    # 12.7 − 17.2 = −4.5 and 13.4 − 17.2 = −3.8
    ref = write_reference(tmp_path, INCIDENCE)
    rows = cli("series", "test-incidence", "--facts", str(ref), "-f", "json").json()
    twenty_eleven = [r for r in rows if r["period"] == "2011"]
    assert sorted(r["change"] for r in twenty_eleven) == [-4.5, -3.8]
    assert {r["from_period"] for r in twenty_eleven} == {"2010"}


def test_the_series_table_has_a_bar_chart_under_it(tmp_path: Path, cli: Any) -> None:
    ref = write_reference(tmp_path, GAPPED)
    run = cli("series", "test-income", "--facts", str(ref), env={"COLUMNS": "100"})
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    # in the figures' own unit (issue 20); 2016 is not the year before 2019
    assert "+100元 since 2016" in run.stdout
    bars = [line for line in lines if line.startswith(("2016 ", "2019 "))]
    # Rich's Bar, 40 cells wide: 1100元 fills it; 1000元 is 10/11 of it (36.4 cells)
    assert bars[1].split()[1] == "█" * 40 and bars[1].endswith("1100元")
    assert bars[0].split()[1].startswith("█" * 36) and len(bars[0].split()[1]) == 37


def test_an_unknown_series_gets_did_you_mean(cli: Any) -> None:
    run = cli("series", "poverty-incidense")
    assert run.exit_code == 2
    assert run.stderr.startswith("error: unknown series 'poverty-incidense' (hint: did you mean")


def test_no_series_is_not_found(cli: Any, small_catalog: Path) -> None:
    run = cli("series", "--facts", str(small_catalog))
    assert run.exit_code == 1 and run.stdout == ""
    assert run.stderr == "no series in these catalogs (facts name one with series:)\n"


# ----------------------------------------------------------------- step 4: cross-source checks

BRIEF = ROOT / "docs" / "examples" / "library" / "brief.yaml"


def test_agree_is_a_check_kind_judged_by_rounding_intervals() -> None:
    from povcli.checks import Input, evaluate
    from povcli.kinds import KINDS
    from povcli.numbers import Interval
    from povcli.verdict import Verdict

    assert "agree" in KINDS
    kind = KINDS["agree"]

    def figure(role: str, value: float, low: float, high: float) -> Input:
        return Input(role, value, Interval(low, high), str(value), "person")

    # 550萬 is [5,495,000, 5,505,000); 551万 is [5,505,000, 5,515,000): they only touch
    apart = evaluate("x", kind, {"a": figure("a", 5.50e6, 5.495e6, 5.505e6),
                                 "b": figure("b", 5.51e6, 5.505e6, 5.515e6)})  # fmt: skip
    assert apart.verdict == Verdict.INCONSISTENT
    # 1.16萬 is [11,550, 11,650); 11567 lies inside
    inside = evaluate("y", kind, {"a": figure("a", 11600, 11550, 11650),
                                  "b": figure("b", 11567, 11566.5, 11567.5)})  # fmt: skip
    assert inside.verdict == Verdict.CONSISTENT


def test_verify_pairs_each_series_fact_with_the_reference(cli: Any) -> None:
    run = cli("verify", "--facts", str(BRIEF), "--facts", str(LIBRARY.parent), "-f", "json")
    assert run.exit_code == 1  # 550萬人 disagrees with 551万人
    results = {r["id"]: r for r in run.json()}
    # the library holds the 2019 level and incidence; no citable page gave the 2019
    # poor-area income, so income-2019 has no partner to be paired with
    assert {name: r["verdict"] for name, r in results.items() if r["kind"] == "agree"} == {
        "agree-poor-population-2019-vs-poor-population-2019": "inconsistent",
        "agree-poverty-incidence-2019-vs-poverty-incidence-2019": "consistent",
    }
    pair = results["agree-poor-population-2019-vs-poor-population-2019"]
    assert [i["fact"] for i in pair["inputs"]] == [
        "poor-population-2019",
        "national-poverty:poor-population-2019",
    ]
    assert "550萬人" in pair["explanation"] and "551万人" in pair["explanation"]


def test_a_check_borrows_an_input_from_another_catalog(cli: Any) -> None:
    run = cli("verify", "income-growth", "--facts", str(BRIEF), "--facts", str(LIBRARY),
              "-f", "json")  # fmt: skip
    (result,) = run.json()
    assert run.exit_code == 0 and result["verdict"] == "consistent"
    old = result["inputs"][0]
    assert old["fact"] == "national-poverty:poor-area-income-2018" and old["written"] == "10371元"
    # (11550 / 10371.5 − 1) × 100 = 11.363 … (11650 / 10370.5 − 1) × 100 = 12.338
    low, high = result["bounds"]
    assert round(low, 3) == 11.363 and round(high, 3) == 12.338


def test_without_the_other_catalog_the_check_is_unverifiable(cli: Any) -> None:
    run = cli("verify", "--facts", str(BRIEF), "-f", "json")
    (result,) = run.json()  # no reference read: no agree pairs either
    assert run.exit_code == 0 and result["verdict"] == "unverifiable"
    assert result["missing"] == {
        "old": "national-poverty:poor-area-income-2018 is in catalog national-poverty, which is"
        " not read"
    }


def test_validate_leaves_other_catalogs_to_verify_but_checks_its_own(tmp_path: Path) -> None:
    assert validate_catalog(BRIEF).problems == []
    text = BRIEF.read_text(encoding="utf-8").replace(
        "new: income-2019", "new: income-brief:income-2091"
    )
    (tmp_path / "brief.txt").write_text(
        (BRIEF.parent / "brief.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    assert [p.message for p in validate_catalog(path).problems] == [
        "check income-growth: input new names unknown fact 'income-brief:income-2091'"
    ]


def test_the_bundled_verify_is_the_articles_checks_and_the_cross_checks(cli: Any) -> None:
    # the Shanxi facts name no series: no automatic pairs
    results = cli("verify", "-f", "json").json()
    assert "agree" not in {r["kind"] for r in results}
    owners = [r["catalog"] for r in results]
    assert owners.count("shanxi-daily-2021-01-20") == 26
    # the article's 58 counties and 7993 villages equal Xinhua's; Shanxi's 36 national
    # counties ≤ the nation's 832; its 7993 villages ≤ the nation's 12.8万
    cross = [r for r in results if r["catalog"] == "shanxi-within-national"]
    assert [(r["kind"], r["verdict"]) for r in cross] == [
        ("equal", "consistent"), ("equal", "consistent"),
        ("subset", "consistent"), ("subset", "consistent"),
    ]  # fmt: skip
    assert [[i["fact"] for i in r["inputs"]] for r in cross] == [
        ["shanxi-daily-2021-01-20:poor-counties", "province-shanxi:shanxi-poor-counties"],
        ["shanxi-daily-2021-01-20:poor-villages", "province-shanxi:shanxi-poor-villages"],
        ["province-shanxi:shanxi-national-poor-counties", "national-poverty:poor-counties-2014"],
        ["province-shanxi:shanxi-poor-villages", "national-poverty:poor-villages-2014"],
    ]


# ----------------------------------------------------------------- step 5: check borrows

# texts of my own that leave last year's figure implicit; the 2018 levels are in the library:
# poor population 1660万人 (poor-population-2018), poor-area income 10371元 (poor-area-income-2018)
IMPLICIT = (
    "全國扶貧簡報\n\n"
    "2019年末,全國農村貧困人口551萬人,比上年末減少1109萬人。"
    "2019年,全國貧困地區農村居民人均可支配收入11567元,比上年增長11.5%。\n"
)


def check_json(cli: Any, tmp_path: Path, text: str, *extra: str) -> tuple[int, list[Any]]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    run = cli("check", str(path), "-f", "json", *extra)
    return run.exit_code, run.json()


def test_check_borrows_last_years_level_and_says_from_where(tmp_path: Path, cli: Any) -> None:
    code, records = check_json(cli, tmp_path, IMPLICIT)
    assert code == 0
    change, yoy = records
    # 551萬 − 1660万 = −1109萬: the stated fall of 1109萬人
    assert (change["kind"], change["verdict"]) == ("difference", "consistent")
    old = change["inputs"][0]
    assert old["fact"] == "national-poverty:poor-population-2018" and old["written"] == "1660万人"
    assert old["start"] is None and old["borrowed"]["catalog"] == "national-poverty"
    assert old["borrowed"]["citation"]["url"].startswith("http")
    assert change["inputs"][1]["written"] == "551萬人"
    assert change["notes"][-1].startswith(
        "borrowed old: 1660万人 (2018) from national-poverty:poor-population-2018 — "
    )
    # judged as the text states it: 11567 / 10371 − 1 = 11.53%, the stated 11.5% holds
    assert (yoy["kind"], yoy["verdict"]) == ("growth", "consistent")
    assert yoy["claimed_written"] == "11.5%" and yoy["missing"] == {}
    assert yoy["borrowed"][0]["fact"] == "national-poverty:poor-area-income-2018"
    assert [i["role"] for i in yoy["inputs"]] == ["old", "new"]


def test_a_wrong_change_is_caught_with_the_borrowed_level(tmp_path: Path, cli: Any) -> None:
    wrong = IMPLICIT.replace("減少1109萬人", "減少1000萬人")
    code, records = check_json(cli, tmp_path, wrong)
    assert code == 1 and records[0]["verdict"] == "inconsistent"


def test_simplified_text_matches_too(tmp_path: Path, cli: Any) -> None:
    text = (
        "简报\n\n2019年全国贫困发生率0.6%,比上年下降1.1个百分点。\n"
        "2019年末全国农村贫困人口551万人,比上年末减少1109万人。\n"
    )
    code, records = check_json(cli, tmp_path, text)
    borrowed = [(r["kind"], r["borrowed"][0]["fact"]) for r in records if r.get("borrowed")]
    # 0.6% − 1.7% (2018) = −1.1 points; 551万 − 1660万 = −1109万
    assert code == 0 and borrowed == [
        ("point-change", "national-poverty:poverty-incidence-2018"),
        ("difference", "national-poverty:poor-population-2018"),
    ]
    assert {r["verdict"] for r in records} == {"consistent"}


def test_nothing_is_borrowed_without_the_reference(tmp_path: Path, cli: Any) -> None:
    from tests.helpers import write_catalog

    article = write_catalog(tmp_path / "only")
    code, records = check_json(cli, tmp_path, IMPLICIT, "--facts", str(article))
    assert code == 0
    # the change needs last year's level: no relation; the yoy base stays missing
    assert [(r["kind"], r["verdict"]) for r in records] == [("yoy", "unverifiable")]
    assert "borrowed" not in records[0] and "base" in records[0]["missing"]


def test_a_province_or_an_unnamed_year_borrows_nothing(tmp_path: Path, cli: Any) -> None:
    province = IMPLICIT.replace("全國", "全省")
    _, records = check_json(cli, tmp_path, province)
    assert not any(r.get("borrowed") for r in records)
    no_year = "全國扶貧簡報\n\n年末全國農村貧困人口551萬人,比上年末減少1109萬人。\n"
    _, records = check_json(cli, tmp_path, no_year)
    assert records == []


# a province's report card in my own words: Hunan's rural income for 2015 with only its growth
# on the year before; the library holds Hunan's 2014 level (10060元, provinces.yaml) and the
# nation's 2015 level (11422元), never Gansu's
PROVINCE_INCOME = (
    "湖南三农简讯\n\n据住户调查,2015年湖南农村居民人均可支配收入为10993元,比上年增长9.3%。\n"
)


def test_a_province_report_borrows_the_provinces_own_last_year(tmp_path: Path, cli: Any) -> None:
    code, records = check_json(cli, tmp_path, PROVINCE_INCOME)
    (growth,) = records
    # 10993 / 10060 − 1 = 9.27%: the stated 9.3% holds
    assert code == 0 and (growth["kind"], growth["verdict"]) == ("growth", "consistent")
    assert [b["fact"] for b in growth["borrowed"]] == ["provinces:hunan-rural-income-2014"]
    assert growth["notes"][-1].startswith(
        "borrowed old: 10060元 (2014) from provinces:hunan-rural-income-2014 — 湖南省统计局"
    )
    # the borrowed level catches a wrong rate: 9.8% is not 9.27%
    code, records = check_json(cli, tmp_path, PROVINCE_INCOME.replace("9.3%", "9.8%"))
    assert code == 1 and records[0]["verdict"] == "inconsistent"


# the same report card as a province's own bulletin says it: the title names the province and
# the sentence says only 全省 (the whole province), in both scripts
HOME_PROVINCE = {
    "simplified": "湖南省农村经济简报\n\n2015年,全省农村居民人均可支配收入为10993元,"
    "比上年增长9.3%。\n",
    "traditional": "湖南省農村經濟簡報\n\n2015年，全省農村居民人均可支配收入為10993元，"
    "比上年增長9.3%。\n",
}


@pytest.mark.parametrize("script", sorted(HOME_PROVINCE))
def test_whole_province_in_a_titled_bulletin_borrows_that_provinces_figure(
    tmp_path: Path, cli: Any, script: str
) -> None:
    text = HOME_PROVINCE[script]
    code, records = check_json(cli, tmp_path, text)
    # 10993 / 10060 − 1 = 9.27%, within the 9.25–9.35% that 9.3% stands for
    assert code == 0 and [(r["kind"], r["verdict"]) for r in records] == [("growth", "consistent")]
    assert [b["fact"] for b in records[0]["borrowed"]] == ["provinces:hunan-rural-income-2014"]
    code, records = check_json(cli, tmp_path, text.replace("9.3%", "9.8%"))
    assert code == 1 and records[0]["verdict"] == "inconsistent"


def test_whole_province_under_a_title_naming_two_provinces_borrows_nothing(
    tmp_path: Path, cli: Any
) -> None:
    # which province 全省 means is not said: nothing is lent, the growth stays unverifiable
    text = HOME_PROVINCE["simplified"].replace("湖南省农村经济简报", "湖南湖北农村经济简报")
    code, records = check_json(cli, tmp_path, text.replace("9.3%", "9.8%"))
    assert code == 0 and [(r["kind"], r["verdict"]) for r in records] == [("yoy", "unverifiable")]
    assert not any(r.get("borrowed") for r in records)


def test_a_province_without_a_library_figure_never_borrows_the_nations(
    tmp_path: Path, cli: Any
) -> None:
    # Gansu has no rural income in the library; the nation's 2015 level (11422元) would make
    # 7457元 "−34.7%" and the stated 7.5% look wrong
    gansu = "甘肃三农简讯\n\n据住户调查,2016年甘肃农村居民人均可支配收入为7457元,比上年增长7.5%。\n"
    code, records = check_json(cli, tmp_path, gansu)
    assert code == 0 and [(r["kind"], r["verdict"]) for r in records] == [("yoy", "unverifiable")]
    assert not any(r.get("borrowed") for r in records) and "base" in records[0]["missing"]


def one_fact_reference(
    series: str, subject: str, unit: str, written: str, value: float, period: str, note: str = ""
) -> str:
    """A reference catalog of my own holding one national fact."""
    return textwrap.dedent(f"""\
        source: {{id: test-one, title: One figure, publisher: test, date: "2026-01-01",
                  kind: reference}}
        facts:
          - id: {series}-{period}
            section: main
            topic: [poverty]
            series: {series}
            scope: national
            subject: {subject}
            label: {subject}
            aliases: [{subject}]
            value: {value}
            unit: {unit}
            written: {written}
            period: "{period}"
            quote: {period}年{subject}{written}
            citation: {{publisher: 测试日报, date: n.d., title: 公报, url: "https://example.org/"}}
            note: "{note}"
        """)


# the 52 poor counties left at the end of 2019, in a reference catalog of my own
COUNTIES = one_fact_reference("test-poor-counties", "貧困縣", "county", "52个", 52, "2019")


def test_the_whole_of_a_share_is_borrowed_for_the_year_named(tmp_path: Path, cli: Any) -> None:
    ref = str(write_reference(tmp_path / "ref", COUNTIES))
    text = "簡報\n\n2019年,全國尚有40個貧困縣未摘帽,占全國貧困縣的76.9%。\n"
    code, records = check_json(cli, tmp_path, text, "--facts", ref)
    (share,) = records
    # 40 / 52 = 76.92 %
    assert code == 0 and (share["kind"], share["verdict"]) == ("share", "consistent")
    whole = next(i for i in share["inputs"] if i["role"] == "whole")
    assert whole["fact"] == "test-one:test-poor-counties-2019" and whole["written"] == "52个"
    # which whole a share means is matched by words: resting on a borrowed whole, a share
    # that does not fit is shown as unsure, never called wrong
    wrong = text.replace("76.9%", "86.9%")
    code, records = check_json(cli, tmp_path, wrong, "--facts", ref)
    assert code == 0 and records[0]["verdict"] == "unverifiable"
    assert "certainty" in records[0]["missing"]
    # a year the series does not hold: the whole stays missing
    _, records = check_json(cli, tmp_path, text.replace("2019年", "2016年"), "--facts", ref)
    assert records[0]["verdict"] == "unverifiable" and "whole" in records[0]["missing"]


def test_a_borrowed_whole_is_never_the_part_itself(tmp_path: Path, cli: Any) -> None:
    # 344 counties removed in 2019: the 52 left that year cannot be the whole of 344
    ref = str(write_reference(tmp_path / "ref", COUNTIES))
    text = "簡報\n\n2019年,全國有344個貧困縣脫貧摘帽,占全國貧困縣的41.3%。\n"
    code, records = check_json(cli, tmp_path, text, "--facts", ref)
    assert code == 0 and [r["verdict"] for r in records] == ["unverifiable"]
    assert not any(r.get("borrowed") for r in records)


def test_a_disputed_figure_is_never_borrowed(tmp_path: Path, cli: Any) -> None:
    # 12238万 at end-2011: 9899萬 − 12238万 = −2339万, the stated fall
    text = "全國扶貧簡報\n\n2012年末,全國農村貧困人口9899萬人,比上年末減少2339萬人。\n"
    plain = one_fact_reference(
        "test-poor", "農村貧困人口", "person", "12238万人", 122380000, "2011"
    )
    ref = str(write_reference(tmp_path / "plain", plain))
    code, records = check_json(cli, tmp_path, text, "--facts", ref)
    assert code == 0 and [r["borrowed"][0]["fact"] for r in records] == ["test-one:test-poor-2011"]
    # the same figure, noted by its own catalog as disputed, lends nothing
    disputed = plain.replace('note: ""', 'note: "DISAGREEMENT: two sources differ"')
    ref = str(write_reference(tmp_path / "disputed", disputed))
    code, records = check_json(cli, tmp_path, text, "--facts", ref)
    assert code == 0 and all(r["verdict"] != "inconsistent" for r in records)
    assert not any(r.get("borrowed") for r in records)


def test_damage_while_streaming_several_catalogs_removes_their_indexes(
    tmp_path: Path, cli: Any, monkeypatch: Any
) -> None:
    import povcli.index.store as index_module
    from povcli.index.cache import index_path

    article, ref = two_catalogs(tmp_path)
    monkeypatch.setattr(index_module, "READ_AHEAD", 2)
    args = ("list", "--facts", str(ref), "--facts", str(article), "-f", "json")
    expected = cli(*args).stdout
    target = index_path(article)
    data = bytearray(target.read_bytes())
    at = data.index('"written": "5個"'.encode()) + 12  # the article's 4th fact: the 6th printed
    data[at] ^= 0x01
    target.write_bytes(bytes(data))
    run = cli(*args)
    assert run.exit_code == 2 and "the indexes have been removed" in run.stderr
    assert expected.startswith(run.stdout) and "test-reference" in run.stdout
    assert not target.exists() and not index_path(ref).exists()
    assert cli(*args).stdout == expected


def test_a_cited_fact_shows_its_citation_and_has_no_context(cli: Any) -> None:
    run = cli("show", "counties-outside-2019-round", "--context", "-f", "json")
    record = run.json()
    assert run.exit_code == 0 and record["context"] is None  # no source text to take it from
    table = cli("show", "counties-outside-2019-round", env={"COLUMNS": "120"}).stdout
    assert "publisher: 央视新闻 (吉林广播电视台网站转载)" in table
    assert "url: http://gbss-www.plus.jlntv.cn/" in table


def test_calc_takes_facts_named_with_their_catalog(cli: Any) -> None:
    run = cli(
        "calc", "growth", "national-poverty:poor-area-income-2016",
        "national-poverty:poor-area-income-2018", "-f", "json",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    # 10371 / 8452 − 1 = 0.2270469…: 22.7047% to six figures
    assert json.loads(run.stdout)["working"] == "(10371 / 8452 − 1) × 100 = 22.7047"


def test_a_year_named_before_a_semicolon_still_holds(tmp_path: Path, cli: Any) -> None:
    # the shape of the bureau's own sentence: the year, then two statements split by a ;
    text = (
        "简报\n\n2019年末,全国农村贫困人口551万人,比上年末减少1109万人;"
        "贫困发生率0.6%,比上年下降1.1个百分点。\n"
    )
    code, records = check_json(cli, tmp_path, text)
    # 0.6% − 1.7% (2018, borrowed) = −1.1 points; 551万 − 1660万 = −1109万
    assert code == 0
    assert [(r["kind"], r["verdict"]) for r in records] == [
        ("difference", "consistent"),
        ("point-change", "consistent"),
    ]
    planted = text.replace("下降1.1个百分点", "下降1.5个百分点")
    code, records = check_json(cli, tmp_path, planted)
    assert code == 1 and records[1]["verdict"] == "inconsistent"


# ----------------------------------------------------------------- the library's own slips


def test_the_truncated_yearly_average_of_2013_2017_is_inconsistent(
    tmp_path: Path, cli: Any
) -> None:
    """央视网 writes 累计减贫6853万人,年均减贫1370万人: 6853万 / 5 = 1370.6万, which rounds to
    1371万. The bundled library keeps no check on it (its note says DISAGREEMENT); checked as
    an average over the 5 years 2013–2017, it must come out inconsistent."""
    fact = cli("show", "average-reduction-2013-2017", "-f", "json").json()
    assert fact["written"] == "1370万人" and "DISAGREEMENT" in fact["note"]
    checks = tmp_path / "average.yaml"
    checks.write_text(
        textwrap.dedent("""\
            source: {id: test-average, title: one check, publisher: test, date: "2026-01-01",
                     kind: reference}
            facts: []
            checks:
              - id: average-2013-2017
                kind: average
                inputs:
                  total: national-poverty:cumulative-reduction-2013-2017
                  claimed: national-poverty:average-reduction-2013-2017
                periods: 5
            """),
        encoding="utf-8",
    )
    run = cli("verify", "--facts", str(checks), "--facts", str(LIBRARY), "-f", "json")
    assert run.exit_code == 1
    (result,) = [r for r in run.json() if r["id"] == "average-2013-2017"]
    assert result["verdict"] == "inconsistent"
    # 6853万 stands for [6852.5万, 6853.5万]: / 5 = [1370.5万, 1370.7万];
    # 1370万 stands for [1369.5万, 1370.5万]: the two only touch at 1370.5万
    assert [round(b) for b in result["bounds"]] == [13705000, 13707000]
    assert result["claimed_bounds"] == [13695000, 13705000]
    assert round(result["computed"]) == 13706000
