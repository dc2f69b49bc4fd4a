from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import SMALL_CATALOG, write_catalog

GROWTH_CHECK = """\
checks:
  - id: growth
    kind: cagr
    title: 收入年均增長
    title_en: Income growth
    inputs: {start: income-2013, end: income-2019, claimed: income-growth}
  - id: villages-within
    kind: subset
    inputs: {part: villages, whole: villages}
"""


def _catalog(tmp_path: Path, claimed: str = "12.2") -> Path:
    # (200/100)^(1/6) − 1 = 12.2462%: 12.2% is consistent, 13.2% is not
    text = SMALL_CATALOG.replace("checks: []\n", GROWTH_CHECK)
    text = text.replace("12.2", claimed)
    return write_catalog(tmp_path / claimed, text, source=_source(claimed))


def _source(claimed: str) -> str:
    return (
        "標題\n\n今年全縣收入從2013年的100元增長到2019年200元,"
        f"年均增長{claimed}%。\n\n共有5個村。\n"
    )


def test_verify_growth(cli: Any) -> None:
    run = cli("verify", "growth", env={"COLUMNS": "120"})
    assert run.exit_code == 0
    assert "11.5%" in run.stdout
    assert "consistent" in run.stdout
    assert "9.80%" in run.stdout and "15.40%" in run.stdout
    assert (
        run.stderr.strip() == "1 checked, 1 consistent, 0 inconsistent, 0 derived, 0 unverifiable"
    )


def test_verify_all_json(cli: Any) -> None:
    run = cli("verify", "--format", "json")
    assert run.exit_code == 0
    results = json.loads(run.stdout)
    assert len(results) >= 12
    for result in results:
        assert {
            "id",
            "kind",
            "verdict",
            "claimed",
            "computed",
            "bounds",
            "formula",
            "inputs",
        } <= set(result)
    growth = next(r for r in results if r["id"] == "growth")
    assert round(growth["computed"], 2) == 11.52
    assert growth["claimed"] == 11.5
    assert growth["inputs"][0]["fact"] == "income-2013"
    counts = run.stderr.strip()
    assert counts.startswith(f"{len(results)} checked, ")
    assert " 0 inconsistent" in counts


def test_verify_unknown_name(cli: Any) -> None:
    run = cli("verify", "grwth")
    assert run.exit_code == 2
    assert run.stdout == ""
    line = run.stderr.strip()
    assert "\n" not in line
    assert line.startswith("error: unknown check 'grwth'")
    assert "did you mean growth" in line


def test_wrong_claim_in_a_catalog_exits_1(cli: Any, tmp_path: Path) -> None:
    good = cli("verify", "--facts", str(_catalog(tmp_path)), "-f", "json")
    assert good.exit_code == 0
    assert json.loads(good.stdout)[0]["verdict"] == "consistent"
    wrong = cli("verify", "--facts", str(_catalog(tmp_path, "13.2")), "-f", "json")
    assert wrong.exit_code == 1
    result = json.loads(wrong.stdout)[0]
    assert result["verdict"] == "inconsistent"
    assert "1 inconsistent" in wrong.stderr


def test_claimreview(cli: Any) -> None:
    run = cli("verify", "growth", "--format", "claimreview", "--reviewer", "Desk")
    assert run.exit_code == 0
    reviews = json.loads(run.stdout)
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert "年均增長11.5%" in review["claimReviewed"]
    assert review["author"]["name"] == "Desk"
    rating = review["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (5, 5, 1)
    assert rating["alternateName"] == "Consistent"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "山西日報"
    assert item["datePublished"] == "2021-01-20"


def test_claimreview_skips_what_judges_nothing(cli: Any) -> None:
    reviews = json.loads(cli("verify", "ecommerce-share", "-f", "claimreview").stdout)
    assert reviews == []


def test_calc_json(cli: Any) -> None:
    run = cli("calc", "cagr", "4875元", "9379元", "--years", "6", "--claimed", "11.5", "-f", "json")
    assert run.exit_code == 0
    result = json.loads(run.stdout)
    assert round(result["computed"], 2) == 11.52
    assert result["verdict"] == "consistent"
    assert result["bounds"][0] < result["computed"] < result["bounds"][1]


def test_calc_accepts_written_forms_and_fact_ids(cli: Any) -> None:
    by_id = json.loads(
        cli("calc", "ratio", "private-enterprise-investment", "2516", "-f", "json").stdout
    )
    by_form = json.loads(cli("calc", "ratio", "39.4亿", "2516家", "-f", "json").stdout)
    assert by_id["computed"] == by_form["computed"] == 3_940_000_000 / 2516
    share = json.loads(cli("calc", "share", "329萬", "3290000", "-f", "json").stdout)
    assert share["computed"] == 100


def test_calc_inconsistent_claim_exits_1(cli: Any) -> None:
    run = cli("calc", "growth", "100", "90", "--claimed", "10")
    assert run.exit_code == 1
    assert "gross" in run.stdout


def test_calc_impossible_input(cli: Any) -> None:
    for args in (
        ["cagr", "0", "10", "--years", "3"],
        ["cagr", "1", "10", "--years", "0"],
        ["cagr", "1", "x", "--years", "3"],
        ["share", "1", "0"],
        ["ratio", "1", "2", "3"],
    ):
        run = cli("calc", *args)
        assert run.exit_code == 2, args
        assert run.stdout == ""
        assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1
