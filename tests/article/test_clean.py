"""Cleaning a scraped page: what a scrape pastes into the words goes, the words stay."""

from __future__ import annotations

import pytest

from povcli.article.clean import clean_article, strip_readings
from tests.helpers import both_scripts, of_kind


@pytest.mark.parametrize(
    ("scraped", "words"),
    [
        # a reading pasted twice or thrice after one character goes with it
        ("常住人(ren)口(kou)(kou)", "常住人口"),
        ("人口(kou)(kou)(kou)占", "人口占"),
        ("個(ge)(ge)百分點(dian)", "個百分點"),
        # full-width brackets, a space left before the closing one, twice
        ("城（cheng ）（cheng ）鎮", "城鎮"),
    ],
)
def test_a_run_of_readings_after_a_character_goes(scraped: str, words: str) -> None:
    assert strip_readings(scraped)[0] == words


def test_a_remark_in_brackets_after_a_reading_stays() -> None:
    """Only lowercase syllables are readings: "(含港澳)" after "(kou)" is the page's words."""
    assert strip_readings("人口(kou)(含港澳)")[0] == "人口(含港澳)"


# a province's age groups, each word read twice: 17.0 + 66.0 + 17.0 = 100.0 (a planted 18.0
# makes 101.0)
AGES = (
    "年末全(quan)省(sheng)(sheng)常住人口(kou)(kou)800.00万人。其(qi)中,0-14岁人口(kou)(kou)占总人口(kou)"
    "(kou)的{young}%,15-64岁人口(kou)(kou)占66.0%,65岁及以上人口(kou)(kou)占17.0%。"
)


@pytest.mark.parametrize("text", both_scripts(AGES.format(young="17.0")))
def test_shares_read_through_repeated_readings_add_up(text: str) -> None:
    assert of_kind(text, "sum") == [("consistent", [17.0, 17.0, 66.0], 100.0)]


@pytest.mark.parametrize("text", both_scripts(AGES.format(young="18.0")))
def test_a_planted_share_read_through_repeated_readings_is_wrong(text: str) -> None:
    assert of_kind(text, "sum") == [("inconsistent", [17.0, 18.0, 66.0], 100.0)]


def test_the_article_keeps_its_figures_once_readings_are_gone() -> None:
    cleaned = clean_article("标题\n\n" + AGES.format(young="17.0")).text
    assert "(kou)" not in cleaned and "全省常住人口800.00万人" in cleaned


# a bulletin board's repost (fresh trial 21's A05), our own figures, wrapped at 76 columns as the
# board wraps it: a word and a number broken over two lines
WRAPPED = (
    "【本台訊】\n"
    "內政部今天公布六月份戶口統計資料,總人口數為2300萬5000人,較上月增加1200人,增\n"
    "加率為千分之0.05。六月份出生數為1萬2000人,死亡數為1萬800人,自然增加1200人。\n"
    "六月份有1萬1500對新人結婚,粗結婚率千分之6.10;5000對夫妻離婚,粗離婚率千分之2.\n"
    "65。\n"
    "--\n"
    "※ 發信站: 某某站\n"
)


def test_a_repost_wrapped_at_a_fixed_width_is_joined_again() -> None:
    text = clean_article(WRAPPED).text
    assert "增加率為千分之0.05" in text
    assert "粗離婚率千分之2.65。" in text
    assert "--" in text and "發信站" in text  # the signature stays lines of its own


def test_lines_that_fill_no_common_width_stay_apart() -> None:
    """Short lines, or lines of different widths, are no wrapped paragraph."""
    lines = "全县学校120所。\n其中,公办学校100所,非公办学校20所\n在校学生5.2万人"
    text = clean_article("标题\n" + lines).text
    assert "20所\n\n在校学生" in text


def test_a_tables_rows_of_one_width_are_never_joined() -> None:
    """(fresh trial 10's V09) a yearbook table spaced into columns, Chinese beside English, its
    rows as wide as a wrapped repost's lines: each row stays a line of its own."""
    rows = [
        "普通中等学校 Secondary Schools                       1200     1180",
        "    普通中等专业学校     Specialized Secondary Schools 40 38",
        "   中等技术学校         Technical Training Schools    25    24",
        "  中等师范学校         Teacher Training Schools       15    14",
    ]
    text = clean_article("表 教育事业基本情况\n" + "\n".join(rows) + "\n").text
    lines = [line.strip() for line in text.splitlines()]
    assert all(row.strip() in lines for row in rows), text
