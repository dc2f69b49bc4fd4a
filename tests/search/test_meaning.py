"""Issue 20, what a new user searched for: whole English words, figures written in words,
synonyms of Chinese phrases, "did you mean" for pinyin and Chinese typos, and the whole
library searched by default."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from povcli.index.store import Index
from povcli.search.query import parse_query
from povcli.search.rules import contains
from povcli.search.textnorm import Normaliser
from tests.helpers import ids_found

ARTICLE = "shanxi-daily-2021-01-20"


def _hint(run: Any) -> str:
    found = re.search(r"\(hint: (.*)\)$", run.stderr.strip())
    assert found, run.stderr
    return found.group(1)


# ----------------------------------------------------------------- whole English words


@pytest.mark.parametrize(
    ("text", "needle", "found"),
    [
        ("moderate prosperity", "rate", False),  # inside a word
        ("growth rate", "rate", True),
        ("poverty-rate", "rate", True),  # after a hyphen: a word of its own
        ("photovoltaic stations", "photovolt", True),  # a prefix of a word
        ("income-2013", "2013", True),  # figures anywhere
        ("贫困发生率", "发生", True),  # Chinese anywhere
    ],
)
def test_an_english_word_matches_from_a_words_start(text: str, needle: str, found: bool) -> None:
    assert contains(text, needle, None) is found


def test_poverty_rate_finds_no_fact_by_moderate_or_separate(index: Index) -> None:
    # before: deep-poverty-counties, precision-years … (rate in "moderate", "separate")
    assert ids_found(index, "rate") == []
    assert ids_found(index, "poverty rate") == []
    assert set(ids_found(index, "photovolt")) == {
        "pv-village-stations",
        "pv-central-stations",
        "pv-village-income",
    }


def test_poverty_rate_finds_the_incidence_of_the_library(cli: Any) -> None:
    found = {(r["catalog"], r["id"]) for r in cli("search", "poverty", "rate", "-f", "json").json()}
    # "poverty rate" is the incidence, as the synonym table has it
    assert ("national-poverty", "poverty-incidence-2019") in found
    # none of the facts "rate" inside "moderate" or "separate" once found
    assert not {fact for catalog, fact in found if catalog == ARTICLE}


# ----------------------------------------------------------------- figures written in words


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("3.29 million", 3_290_000),
        ("3.29million", 3_290_000),
        ("1,200 thousand", 1_200_000),
        ("1.1 Billion", 1_100_000_000),
        ("五十八个", 58),
        ("三百二十九万人", 3_290_000),
    ],
)
def test_a_figure_written_in_words_is_a_number(query: str, value: float) -> None:
    terms = parse_query(query, Normaliser({}))
    assert [term.number for term in terms] == [value]


def test_a_name_holding_numerals_is_no_number() -> None:
    # 十八大 is the 18th Party Congress, not 18 of anything
    assert parse_query("十八大", Normaliser({}))[0].number is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("3.29 million", {"poor-population"}),
        ("三百二十九万人", {"poor-population"}),
        ("五十八个", {"poor-counties", "industry-counties"}),
    ],
)
def test_figures_in_words_find_what_they_say(index: Index, query: str, expected: set[str]) -> None:
    assert set(ids_found(index, query)) == expected


# ----------------------------------------------------------------- synonyms of phrases


def test_relocation_phrases_find_the_relocation_facts(index: Index) -> None:
    relocation = set(ids_found(index, "relocation"))
    assert {"resettlement-areas", "relocated-natural-villages"} <= relocation
    for query in ("易地搬迁", "易地搬遷", "易地扶贫搬迁", "异地搬迁"):
        assert set(ids_found(index, query)) == relocation, query


def test_the_phrase_table_is_data() -> None:
    from importlib.resources import files

    shipped = json.loads(files("povcli.search").joinpath("synonyms.json").read_text("utf-8"))
    group = next(g for g in shipped["groups"] if "易地搬迁" in g)
    assert "易地扶贫搬迁" in group
    terms = parse_query("易地搬迁人口", Normaliser({}))
    assert "易地扶贫搬迁人口" in terms[0].needles
    # a quoted phrase matches as written
    assert parse_query('"易地搬迁"', Normaliser({}))[0].needles == ("易地搬迁",)


def test_the_chinese_rate_finds_the_incidence_of_the_library(cli: Any) -> None:
    found = cli("search", "贫困率", "-f", "json").json()
    assert "poverty-incidence-2019" in {r["id"] for r in found}
    # 贫困率 is 贫困发生率, the incidence: the best found are named so
    assert "发生率" in found[0]["subject"] and found[0]["score"] >= 8


# ----------------------------------------------------------------- did you mean


def test_a_pinyin_typo_gets_the_word_it_misspells(cli: Any) -> None:
    run = cli("search", "guangfo")
    assert run.exit_code == 1
    assert _hint(run).startswith("did you mean guangfu (光伏)")


@pytest.mark.parametrize("typo", ["光副", "光服"])
def test_a_chinese_typo_of_the_same_reading_gets_the_word(cli: Any, typo: str) -> None:
    run = cli("search", typo)
    assert run.exit_code == 1
    assert _hint(run) == "did you mean 光伏?"


# ----------------------------------------------------------------- the whole library


def test_search_reads_the_whole_library_by_default(cli: Any) -> None:
    counties = cli("search", "832", "-f", "json").json()
    assert ("national-poverty", "poor-counties-2014") in {(r["catalog"], r["id"]) for r in counties}
    incidence = cli("search", "贫困发生率", "-f", "json").json()
    assert any(r["id"] == "poverty-incidence-2019" for r in incidence)


def test_the_articles_facts_come_first(cli: Any) -> None:
    found = cli("search", "贫困县", "-f", "json").json()
    catalogs = [r["catalog"] for r in found]
    assert catalogs[0] == ARTICLE and ARTICLE not in catalogs[catalogs.count(ARTICLE) :]
    # by score within each: the reference catalogs' facts, best first
    scores = [r["score"] for r in found if r["catalog"] != ARTICLE]
    assert scores == sorted(scores, reverse=True)


def test_facts_narrows_the_search_to_the_catalogs_named(cli: Any) -> None:
    found = cli("search", "贫困县", "--facts", "data/facts.yaml", "-f", "json").json()
    assert found and all("catalog" not in r for r in found)
    assert cli("search", "832", "--facts", "data/facts.yaml").exit_code == 1
