from __future__ import annotations

import json
import os
from typing import Any

import pytest

from povcli.catalog.locate import bundled_catalog
from povcli.errors import PovcliError
from povcli.index.build import open_index
from povcli.index.find import find
from povcli.index.store import Index
from povcli.search.query import highlight_spans
from povcli.search.textnorm import Normaliser
from tests.helpers import QUERIES

# regex characters are literal: they find nothing here, and never raise
LITERAL = ["a[b*", "\\", ".*", "[", "+?", "^$", "\\d+"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    return open_index(bundled_catalog())


def _ids(index: Index, query: str) -> list[str]:
    return [index.fact(hit.position)["id"] for hit, _ in find(index, query).hits]


@pytest.mark.parametrize(("query", "must", "must_not"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_table(index: Index, query: str, must: set[str], must_not: set[str]) -> None:
    found = set(_ids(index, query))
    assert must <= found, f"{query!r} missed {must - found}"
    assert not (must_not & found), f"{query!r} found {must_not & found}"


@pytest.mark.parametrize("query", LITERAL)
def test_regex_characters_are_literal(index: Index, query: str) -> None:
    assert _ids(index, query) == []


def test_a_literal_parenthesis_matches_text_that_has_one(index: Index) -> None:
    assert "income-2020-q1-q3" in _ids(index, "(去年前三季度)")


def test_ranking_id_and_number_before_subject_before_quote(index: Index) -> None:
    ranked = _ids(index, "贫困县")
    # subject matches (score 4) come before quote-only matches, ties in catalog order
    assert ranked == [
        "poor-counties",
        "national-poor-counties",
        "industry-counties",
        "deep-poverty-counties",
        "central-units",
        "industries-per-county",
    ]


def test_empty_query_is_refused(index: Index) -> None:
    with pytest.raises(PovcliError):
        list(find(index, "  ").hits)


def test_highlight_through_script_conversion() -> None:
    text = "26家中央單位中直企業定點幫扶35個國定貧困縣"
    spans = highlight_spans(text, "贫困县", {})
    assert [text[a:b] for a, b in spans] == ["貧困縣"]


def test_normaliser() -> None:
    normalise = Normaliser({})
    assert normalise("ＧＵＡＮＧＦＵ １１２２") == "guangfu 1122"
    assert normalise("貧困 縣") == "贫困县"
    assert normalise("PV 光伏") == "pv 光伏"


# ----------------------------------------------------------------- the command


def test_search_json_adds_score_and_matched(cli: Any) -> None:
    run = cli("search", "光伏", "--facts", "data/facts.yaml", "--format", "json")
    assert run.exit_code == 0
    results = json.loads(run.stdout)
    assert [r["id"] for r in results] == [
        "pv-village-stations",
        "pv-central-stations",
        "pv-village-income",
    ]
    assert results[0]["matched"] == ["subject", "quote"]
    assert results[0]["score"] == 4
    listed = {f["id"]: f for f in cli("list", "-f", "json").json()}
    assert {k: v for k, v in results[0].items() if k not in ("score", "matched")} == listed[
        "pv-village-stations"
    ]


def test_search_no_match_exits_1(cli: Any) -> None:
    run = cli("search", "nothing-like-this", "-f", "json")
    assert run.exit_code == 1
    assert json.loads(run.stdout) == []
    assert run.stderr.strip() == "no facts match 'nothing-like-this'"


def test_search_empty_query_exits_2(cli: Any) -> None:
    run = cli("search", "", "-f", "json")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("error: empty query")


def test_search_filters(cli: Any) -> None:
    stations = cli("search", "光伏", "--unit", "station", "-f", "json").json()
    assert [r["id"] for r in stations] == ["pv-village-stations", "pv-central-stations"]
    big = cli("search", "光伏", "--min", "100", "--max", "1萬", "-f", "json").json()
    assert [r["id"] for r in big] == ["pv-village-stations"]
    bad = cli("search", "光伏", "--min", "lots")
    assert bad.exit_code == 2
    unknown = cli("search", "光伏", "--unit", "stations")
    assert unknown.exit_code == 2
    assert "did you mean station" in unknown.stderr


def test_search_table_highlights(cli: Any) -> None:
    run = cli("search", "贫困县", env={"COLUMNS": "160", "NO_COLOR": "", "FORCE_COLOR": "1"})
    assert run.exit_code == 0
    assert "\x1b[1;33m貧困縣\x1b[0m" in run.stdout


def test_search_limit(cli: Any) -> None:
    run = cli("search", "fu", "--limit", "2", "-f", "json")
    assert len(run.json()) == 2
    assert run.stderr.startswith("showing 2 of ")
