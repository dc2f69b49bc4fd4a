from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povcli.article.clean import clean_article
from povcli.article.extract import (
    DATE,
    NAME,
    coverage,
    find_mentions,
    link_mentions,
    mention_records,
)
from povcli.catalog.load import load_catalog
from povcli.numbers import parse_quantity
from tests.helpers import SHIPPED_ARTICLE, scraped, scraped_seed

SHIPPED = SHIPPED_ARTICLE


def _seed() -> str:
    """The bundled article as a scraped page shows it (readings, chrome, a mangled quote)."""
    return scraped(SHIPPED.read_text(encoding="utf-8"))[0]


# ----------------------------------------------------------------- cleaning


def test_cleaned_scraped_page_is_the_shipped_source() -> None:
    page, readings = scraped(SHIPPED.read_text(encoding="utf-8"))
    cleaned = clean_article(page)
    assert cleaned.text == SHIPPED.read_text(encoding="utf-8")
    assert cleaned.flags == []
    assert cleaned.removed_readings == readings
    # the article quotes three speakers whose quotations end its paragraphs
    assert cleaned.restored_quote_ends == SHIPPED.read_text(encoding="utf-8").count("。”\n")


def test_a_character_lost_in_decoding_is_flagged_not_guessed() -> None:
    cleaned = clean_article("標題\n\n社會力量?jì)A斜,幫扶到位。\n")
    assert [flag.text for flag in cleaned.flags] == ["?jì)A"]


def test_hidden_blocks_are_removed_and_unclosed_openers_said() -> None:
    page = "標題\n\n<SCRIPT type=x>var a = '<p>';</script >全縣<style>p{}</style>共有5個村。\n"
    cleaned = clean_article(page)
    assert cleaned.text == "標題\n\n全縣共有5個村。\n"
    assert cleaned.flags == []
    # an opener with no closer after it: the text after it is the article's, and said so
    unclosed = "標題\n\n這是<script>標籤,<script>全縣共有5個村。<style>\n"
    cleaned = clean_article(unclosed)
    assert cleaned.text == "標題\n\n這是標籤,全縣共有5個村。\n"
    assert [(f.offset, f.text, f.in_input) for f in cleaned.flags] == [
        (6, "<script>", True),
        (33, "<style>", True),
    ]
    assert cleaned.flags[0].reason == (
        "2 <script> tags never closed: the text after them is kept as the article's"
    )


def test_bidirectional_controls_leave_the_text_and_are_remembered() -> None:
    """U+202E around a figure shows it reversed and hides it from the relations: it is
    taken out of the text, flagged, and its place kept for whatever shows the text."""
    cleaned = clean_article("標題\n\n年均增長\u202e16.5%\u202c,共\u202e5個村。\n")
    assert cleaned.text == "標題\n\n年均增長16.5%,共5個村。\n"
    assert cleaned.controls == [(8, "\u202e"), (13, "\u202c"), (15, "\u202e")]
    assert cleaned.shown() == "標題\n\n年均增長\u202e16.5%\u202c,共\u202e5個村。\n"
    assert [(f.offset, f.text) for f in cleaned.flags] == [(8, "\u202e"), (13, "\u202c")]
    assert cleaned.flags[0].reason == (
        "bidirectional control U+202E taken out (2 in all): it shows the text around it"
        " in another order"
    )
    assert clean_article("標題\n\n全縣共有5個村。\n").controls == []
    # a line of controls alone is no paragraph
    assert clean_article("標題\n\n甲\n\u202e\u202c\n乙\n").text == "標題\n\n甲\n\n乙\n"


def test_seed_metadata() -> None:
    meta = clean_article(_seed()).metadata
    assert meta["date"] == "2021-01-20"
    assert meta["publisher"] == "山西日報"
    assert meta["author"] == "李全宏"
    assert meta["editor"] == "吉政"
    assert meta["republisher"] == "臨汾日報、臨汾新聞網"
    assert "午夜大片" in meta["spam"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("脫貧攻堅成績(jì)單", "脫貧攻堅成績單"),
        ("社會(huì )組織", "社會組織"),
        ("社會（huì）組織", "社會組織"),
        ("光伏電站(PV)建成", "光伏電站(PV)建成"),
        ("全年(2020)收入", "全年(2020)收入"),
        ("收入7667元(同比增長11.5%)", "收入7667元(同比增長11.5%)"),
        ("內蒙古(自治區)", "內蒙古(自治區)"),
        ("使命光榮?!?/p>", "使命光榮。”"),
        ("<p>第一段</p>", "第一段"),
        ("甲&nbsp;乙&amp;丙", "甲\xa0乙&丙"),
        ("增長,,同比", "增長,同比"),
        ("完成任務,。", "完成任務。"),
    ],
)
def test_cleaning_snippets(raw: str, clean: str) -> None:
    text = clean_article("標題\n\n" + raw).text
    assert text == f"標題\n\n{clean}\n"


def test_lost_characters_are_flagged_not_guessed() -> None:
    cleaned = clean_article("標題\n\n人才力量?jì)A斜支持")
    assert "?jì)A" in cleaned.text
    assert len(cleaned.flags) == 1


def test_cleaning_is_idempotent() -> None:
    once = clean_article(_seed()).text
    assert clean_article(once).text == once


# ----------------------------------------------------------------- mentions


def test_seed_coverage_is_complete() -> None:
    catalog = load_catalog()
    text = catalog.source_text()
    mentions = find_mentions(text)
    link_mentions(mentions, text, catalog)
    linked, statistics = coverage(mentions)
    assert linked == statistics
    assert {m.fact for m in mentions if m.fact} == {f.id for f in catalog.facts}
    dates = [m.written for m in mentions if m.kind == DATE]
    assert dates == ["2013年", "2019年", "1月13日", "2016年", "1月18日", "2018年"]
    names = [m.written for m in mentions if m.kind == NAME]
    assert sorted(set(names)) == sorted(
        ["十八大", "千軍萬馬", "百千百工程", "三晉", "數九寒天", "十三五", "一方水土", "一縣一策",
         "兩不愁三保障"]
    )  # fmt: skip


def _only(text: str) -> list[tuple[str, Any, Any, str | None, str | None, str]]:
    return [
        (m.written, m.value, m.value_max, m.unit, m.qualifier, m.kind) for m in find_mentions(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全省財政收入3,215億元。", [("3,215億元", 321_500_000_000, None, "yuan", None, "count")]),
        ("人均12,350元", [("12,350元", 12350, None, "yuan", None, "count")]),
        (
            "社会消费品零售总额2.3万亿元",
            [("2.3万亿元", 2_300_000_000_000, None, "yuan", None, "count")],
        ),
        (
            "比上年提高0.8個百分點",
            [("0.8個百分點", 0.8, None, "percentage-point", None, "percentage-point")],
        ),
        ("增长到2.05倍", [("2.05倍", 2.05, None, "multiple", None, "multiple")]),
        ("帶動20多萬人", [("20多萬人", 200_000, None, "person", "more-than", "count")]),
        ("吸纳就业1000余人", [("1000余人", 1000, None, "person", "more-than", "count")]),
        ("新建20個以上", [("20個以上", 20, None, "item", "more-than", "count")]),
        ("惠及近20萬貧困人口", [("近20萬", 200_000, None, "person", "nearly", "count")]),
        ("约5万人受益", [("约5万人", 50_000, None, "person", "about", "count")]),
        ("5萬人左右", [("5萬人左右", 50_000, None, "person", "about", "count")]),
        ("每縣2至3個產業", [("2至3個", 2, 3, "industry", "range", "count")]),
        ("2014—2018年", [("2014—2018年", 2014, 2018, None, None, DATE)]),
        ("2015至2019年累計", [("2015至2019年", 2015, 2019, None, None, DATE)]),
        (
            "分別為1120萬人、986萬人",
            [
                ("1120萬人", 11_200_000, None, "person", None, "count"),
                ("986萬人", 9_860_000, None, "person", None, "count"),
            ],
        ),
        ("“十三五”期間", [("十三五", None, None, None, None, NAME)]),
        ("重點布局八大工程", [("八大", 8, None, "programme", None, "count")]),
        ("统筹解决七个问题", [("七个", 7, None, "item", None, "count")]),
        ("1月13日召開", [("1月13日", None, None, None, None, DATE)]),
        ("一場述職會", []),
        ("千軍萬馬齊上陣", [("千軍萬馬", None, None, None, None, NAME)]),
        ("建成光伏電站5479座", [("5479座", 5479, None, "station", None, "count")]),
        ("贫困发生率降至0.5%", [("0.5%", 0.5, None, "%", None, "percent")]),
    ],
)
def test_mentions_in_snippets(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _only(text) == expected


def test_mojibake_around_figures_does_not_hide_them() -> None:
    scraped = "標題\n\n收(shōu)入達到20多萬(wàn)元?!?/p>全省58個(gè)貧困縣"
    text = clean_article(scraped).text
    assert [(m.written, m.value) for m in find_mentions(text)] == [
        ("20多萬元", 200_000),
        ("58個", 58),
    ]


SCALES = [("", 1), ("萬", 10**4), ("万", 10**4), ("億", 10**8), ("亿", 10**8), ("萬億", 10**12)]


@settings(max_examples=300, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**7),
    places=st.integers(min_value=0, max_value=3),
    scale=st.sampled_from(SCALES),
    separators=st.booleans(),
)
def test_format_then_parse_round_trips(
    whole: int, places: int, scale: tuple[str, int], separators: bool
) -> None:
    number = Decimal(whole).scaleb(-places)
    written = f"{number:,f}" if separators else f"{number:f}"
    quantity = parse_quantity(written + scale[0] + "元")
    assert Decimal(str(quantity.value)) == number * scale[1]
    assert quantity.measure == "元"


# ----------------------------------------------------------------- the command


def test_extract_clean_prints_cleaned_text(cli: Any, tmp_path: Path) -> None:
    run = cli("extract", str(scraped_seed(tmp_path)), "--clean")
    assert run.exit_code == 0
    assert run.stdout == SHIPPED.read_text(encoding="utf-8")
    assert run.stderr == ""


def test_extract_json_links_every_statistic(cli: Any, tmp_path: Path) -> None:
    run = cli("extract", str(scraped_seed(tmp_path)), "--format", "json")
    assert run.exit_code == 0
    mentions = json.loads(run.stdout)
    statistics = [m for m in mentions if m["kind"] not in ("date", "name")]
    assert all(m["fact"] for m in statistics)
    assert {
        "written",
        "value",
        "unit",
        "qualifier",
        "kind",
        "start",
        "end",
        "sentence",
        "fact",
    } <= set(mentions[0])
    assert "coverage 100.0%" in run.stderr


def test_each_sentence_is_written_once_with_its_first_mention() -> None:
    mentions = find_mentions("甲有1個、2個。 乙有3個。")
    records = mention_records(mentions)
    assert [(r["written"], r["sentence_at"], r["sentence"]) for r in records] == [
        ("1個", 0, "甲有1個、2個。"),
        ("2個", 0, None),  # the same sentence: named by where it starts
        ("3個", 9, "乙有3個。"),
    ]
    # what is shown decides what is first: a sentence is written with its first shown mention
    assert mention_records(mentions[1:])[0]["sentence"] == "甲有1個、2個。"


def test_extract_uncurated_is_empty_on_the_seed(cli: Any, tmp_path: Path) -> None:
    run = cli("extract", str(scraped_seed(tmp_path)), "--uncurated", "-f", "json")
    assert run.exit_code == 0
    assert json.loads(run.stdout) == []


def test_extract_reports_what_another_text_lacks(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "other.txt"
    article.write_text("標題\n\n全縣建成光伏電站12座,惠及3.5萬人。\n", encoding="utf-8")
    run = cli("extract", str(article), "--uncurated", "-f", "json")
    assert [m["written"] for m in json.loads(run.stdout)] == ["12座", "3.5萬人"]
    # the bundled catalog is not this article's: no coverage is claimed of it (issue 20)
    assert "coverage" not in run.stderr and "2 statistics" in run.stderr
    named = cli("extract", str(article), "--facts", "data/facts.yaml", "-f", "json")
    assert "coverage 0.0%" in named.stderr


def test_extract_bad_files(cli: Any, tmp_path: Path) -> None:
    assert cli("extract", str(tmp_path / "missing.txt")).exit_code == 2
    assert cli("extract", str(tmp_path)).exit_code == 2
    binary = tmp_path / "page.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    run = cli("extract", str(binary))
    assert run.exit_code == 2
    assert "article looks binary" in run.stderr
    # a GB18030 page is read (issue 11), not refused: see tests/test_hostile.py


def test_thousands_a_space_apart_are_joined_and_a_row_of_cells_is_not() -> None:
    # "1 896.66万m" is one figure; "19 436 11 341 10 860 481" is a table's cells a space
    # apart, which no grouping explains (10 860 481 may be 10 860 and 481): left as written
    cleaned = clean_article(
        "標題\n\n隧道19 067處、1 896.66萬m,密度5 221 km。\n\n101年 19 436 11 341 10 860 481\n"
    )
    assert (
        cleaned.text
        == "標題\n\n隧道19067處、1896.66萬m,密度5221 km。\n\n101年 19 436 11 341 10 860 481\n"
    )
