"""Issue 10, "Search finds what a person means": each test here failed before the change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from povcli.index.build import open_index
from povcli.index.store import Index
from povcli.search import query as search_module
from povcli.search.query import parse_query
from povcli.search.textnorm import Normaliser, pinyin_chars
from tests.helpers import SOURCE_BLOCK, ids_found, write_catalog

PV = ["pv-village-stations", "pv-central-stations", "pv-village-income"]


def _one_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# ----------------------------------------------------------------- did you mean


@pytest.mark.parametrize(
    ("query", "meant"),
    [("photovoltiac", "photovoltaic"), ("povery", "poverty"), ("guagn", "guang")],
)
def test_a_misspelt_word_gets_did_you_mean_from_the_vocabulary(
    cli: Any, query: str, meant: str
) -> None:
    run = cli("search", query, "-f", "json")
    assert run.exit_code == 1
    assert json.loads(run.stdout) == []
    line = _one_line(run.stderr)
    prefix = f"no facts match {query!r} (hint: did you mean "
    assert line.startswith(prefix) and line.endswith("?)"), line
    assert meant in line[len(prefix) : -2].split(" or ")


def test_the_vocabulary_holds_english_words_and_pinyin_syllables(
    small_catalog: Path,
) -> None:
    words = set(open_index(small_catalog).vocabulary())
    # labels Income / Average annual growth / Villages, topics, 收入 shou ru, 村 cun
    assert {"income", "average", "annual", "growth", "villages", "village"} <= words
    assert {"shou", "ru", "nian", "jun", "zeng", "zhang", "cun"} <= words
    assert "Income" not in words and "" not in words


def test_a_word_that_is_found_alone_gets_no_suggestion(cli: Any) -> None:
    """光伏 and 2013 each match facts, just no fact holds both: nothing to correct."""
    run = cli("search", "光伏", "guangfu", "2013", "-f", "json")
    assert run.exit_code == 1
    assert _one_line(run.stderr) == "no facts match '光伏 guangfu 2013'"


# ----------------------------------------------------------------- tones


@pytest.mark.parametrize("query", ["guāngfú", "guang1fu2", "GUĀNGFÚ", "guāng fú", "guang1 fu2"])
def test_pinyin_with_tones_finds_what_plain_pinyin_finds(index: Index, query: str) -> None:
    plain = ids_found(index, "guangfu" if " " not in query else "guang fu")
    assert plain[:3] == PV
    assert ids_found(index, query) == plain


def test_toneless_pinyin() -> None:
    assert search_module.toneless_pinyin("guāngfú") == "guangfu"
    assert search_module.toneless_pinyin("guang1fu2") == "guangfu"
    assert search_module.toneless_pinyin("lǜsè") == "lvse"  # ü as pypinyin spells it
    assert search_module.toneless_pinyin("nü3") is None  # not ASCII and no tone mark: left as typed
    assert search_module.toneless_pinyin("q1") is None  # no syllable: an id's part stays as typed
    assert search_module.toneless_pinyin("guangfu") is None
    assert search_module.toneless_pinyin("2013") is None


def test_a_word_with_digits_that_is_no_pinyin_keeps_its_meaning(index: Index) -> None:
    assert set(ids_found(index, "q1")) == {"income-2020-q1-q3", "income-growth-2020-q1-q3"}


# ----------------------------------------------------------------- Chinese numerals


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("三百二十九万", "poor-population"),  # 329萬
        ("三百二十九萬", "poor-population"),
        ("一千零九", "poverty-workshops"),  # 扶貧車間1009個
    ],
)
def test_chinese_numerals_are_numbers(index: Index, query: str, found: str) -> None:
    ids = ids_found(index, query)
    assert found in ids
    assert "income-2013" not in ids


@pytest.mark.parametrize(
    ("written", "value", "resolution"),
    [
        ("兩萬三千", 23000, 1),  # 2 × 10,000 + 3 × 1,000, written to the unit
        ("两万零五", 20005, 1),
        ("一億二千萬", 120_000_000, 10_000),  # 1 × 10^8 + 2,000 × 10^4, written to the 萬
        ("三億五千萬元", 350_000_000, 10_000),
        ("三百二十九万", 3_290_000, 10_000),  # as before: 329 × 10^4
    ],
)
def test_chinese_numerals_above_wan(written: str, value: int, resolution: int) -> None:
    from povcli.numbers import parse_quantity

    quantity = parse_quantity(written)
    assert (quantity.value, quantity.resolution) == (value, resolution)


def test_a_numeral_past_wan_finds_its_number_not_a_part_of_it(tmp_path: Path) -> None:
    """兩萬三千 was read as 20,000 followed by the measure 三千: a wrong fact found."""
    catalog = write_catalog(
        tmp_path / "big",
        catalog=_two_facts(("twenty-three", 23000, "23000人"), ("twenty", 20000, "2萬人")),
        source="23000人\n\n2萬人\n",
    )
    assert ids_found(open_index(catalog), "兩萬三千") == ["twenty-three"]


def test_a_chinese_numeral_still_matches_as_text(tmp_path: Path) -> None:
    """五 is the number 5 and also the character in 五有 (kept: a widening, not a change)."""
    catalog = write_catalog(
        tmp_path / "five",
        catalog=_one_fact("five-haves", subject="五有機制", value=7, written="7個"),
        source="五有機制7個\n",
    )
    index = open_index(catalog)
    assert ids_found(index, "五") == ["five-haves"]
    assert ids_found(index, "七") == ["five-haves"]


# ----------------------------------------------------------------- synonyms


def test_poverty_alleviation_relief_and_reduction_are_one(index: Index) -> None:
    alleviation = set(ids_found(index, "poverty alleviation"))
    # labels say "poverty-relief" (pv-village-stations) and "poverty alleviation"
    assert {"pv-village-stations", "precision-years"} <= alleviation
    assert set(ids_found(index, "poverty relief")) == alleviation
    assert set(ids_found(index, "poverty reduction")) == alleviation
    assert set(ids_found(index, "Poverty Reduction")) == alleviation


def test_relocation_is_resettlement(index: Index) -> None:
    relocation = ids_found(index, "relocation")
    resettlement = ids_found(index, "resettlement")
    assert set(relocation) == set(resettlement)
    assert {"relocation-steps", "resettlement-areas"} <= set(relocation)


def test_synonyms_are_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.resources import files

    shipped = json.loads(files("povcli.search").joinpath("synonyms.json").read_text("utf-8"))
    assert ["relocation", "resettlement"] in shipped["groups"]
    # a group added to the table is used, with no code
    monkeypatch.setattr(search_module, "_SYNONYMS", [{("sunlight",): [("solar",)]}])
    terms = parse_query("sunlight", Normaliser({}))
    assert terms[0].needles == ("sunlight", "solar")


def test_a_single_word_of_a_phrase_is_not_widened() -> None:
    """reduction alone is not relief: only the phrase poverty reduction is."""
    assert parse_query("reduction", Normaliser({}))[0].needles == ("reduction",)
    terms = parse_query("poverty reduction", Normaliser({}))
    assert terms[0].needles == ("poverty",)
    assert set(terms[1].needles) == {"reduction", "alleviation", "relief"}


# ----------------------------------------------------------------- a phrase of the article


def test_a_phrase_of_the_article_in_no_fact_is_named_with_its_paragraph(cli: Any) -> None:
    # (易地扶貧搬遷, the phrase this test once used, now finds the relocation facts through
    # the synonym table: issue 20)
    run = cli("search", "生態補償脫貧", env={"COLUMNS": "100"})
    assert run.exit_code == 1
    # the 11th paragraph of data/source/shanxi-daily-2021-01-20.txt (counted with awk)
    assert _one_line(run.stderr) == (
        "no facts match '生態補償脫貧': not a statistic; the article mentions it in paragraph 11"
    )
    assert "paragraph 11" in run.stdout
    assert "方山縣因地制宜發展養牛業" in run.stdout
    simplified = cli("search", "生态补偿脱贫", "-f", "json")
    assert simplified.exit_code == 1
    assert json.loads(simplified.stdout) == []  # JSON stays JSON
    assert "paragraph 11" in simplified.stderr


def test_the_paragraph_is_counted_from_the_title(cli: Any, small_catalog: Path) -> None:
    run = cli("search", "標題", "--facts", str(small_catalog), "-f", "json")
    assert run.exit_code == 1
    assert run.stderr == (
        "no facts match '標題': not a statistic; the article mentions it in paragraph 1\n"
    )


# ----------------------------------------------------------------- pinyin within a word

RANKING = (
    SOURCE_BLOCK
    + """\
facts:
  - id: broad
    section: lead
    topic: [people]
    subject: 廣泛參與
    label: Full participation
    value: 100
    unit: person
    written: 100人
    quote: 廣泛參與的有100人
  - id: solar
    section: lead
    topic: [energy]
    subject: 電站
    label: Stations
    value: 53
    unit: station
    written: 53座
    quote: 建成光伏電站53座
  - id: summer
    section: lead
    topic: [weather]
    subject: 晴天
    label: Sunny days
    value: 30
    unit: item
    written: 30天
    quote: 陽光,伏天晴天30天
checks: []
"""
)


@pytest.fixture
def ranking(tmp_path: Path) -> Index:
    source = "廣泛參與的有100人。\n\n建成光伏電站53座。\n\n陽光,伏天晴天30天。\n"
    return open_index(write_catalog(tmp_path / "ranking", catalog=RANKING, source=source))


def test_pinyin_words_rank_the_fact_holding_them_as_one_word_first(ranking: Index) -> None:
    # broad: guang in 廣泛 and fu in "Full" (a label, weight 4) outscored 光伏 before
    assert ids_found(ranking, "guang fu") == ["solar", "broad", "summer"]


def test_pinyin_does_not_read_across_punctuation(ranking: Index) -> None:
    assert pinyin_chars("陽光,伏天") == "yang guang / fu tian"
    assert ids_found(ranking, "guangfu") == ["solar"]  # 陽光,伏天 is no 光伏


def test_guang_fu_ranks_the_photovoltaic_facts_first(index: Index) -> None:
    ids = ids_found(index, "guang fu")
    assert ids[:3] == PV
    assert ids[-1] == "eco-beneficiaries"  # 廣泛 ... 扶: last


# ----------------------------------------------------------------- ids


def test_ids_are_case_insensitive(cli: Any) -> None:
    run = cli("show", "POOR-POPULATION", "-f", "json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["id"] == "poor-population"
    mistyped = cli("show", "POOR-POPULATIN")
    assert mistyped.exit_code != 0
    assert "did you mean poor-population" in _one_line(mistyped.stderr)


def _one_fact(fact_id: str, subject: str, value: int, written: str) -> str:
    return (
        SOURCE_BLOCK
        + f"""\
facts:
  - id: {fact_id}
    section: lead
    topic: [test]
    subject: {subject}
    label: A fact
    value: {value}
    unit: item
    written: {written}
    quote: {subject}{written}
checks: []
"""
    )


def test_a_phrase_filtered_out_is_not_called_no_statistic(cli: Any) -> None:
    """光伏 is a statistic; the filter left its three facts out (none is a county)."""
    run = cli("search", "光伏", "--unit", "county", "-f", "json")
    assert run.exit_code == 1
    assert _one_line(run.stderr) == (
        "no facts match '光伏' (hint: 3 match without --unit, --min and --max)"
    )


def test_the_paragraph_shown_is_data_not_escape_codes(cli: Any, tmp_path: Path) -> None:
    source = "標題\n\n今年全縣收入\x1b[31m紅色\x1b[0m增長。\n\n共有5個村。\n"
    catalog = write_catalog(tmp_path / "hostile", source=source)
    run = cli("search", "紅色", "--facts", str(catalog), env={"COLUMNS": "100"})
    assert run.exit_code == 1
    assert "\x1b" not in run.stdout and "\x1b" not in run.stderr
    assert "paragraph 2" in run.stdout


def _two_facts(*facts: tuple[str, int, str]) -> str:
    head = _one_fact("x", "x", 0, "0")
    head = head[: head.index("facts:")] + "facts:\n"
    items = "".join(
        f"""\
  - id: {fact_id}
    section: lead
    topic: [test]
    subject: 人口
    label: People
    value: {value}
    unit: person
    written: {written}
    quote: 人口{written}
"""
        for fact_id, value, written in facts
    )
    return head + items + "checks: []\n"
