"""Review 18: false alarms of the annualised monthly rates, the one-every-so-many-minutes
intervals and a table's unit sections, on correct texts of my own (figures worked by hand).

A month's rate: count × days of the year / days of the month / population × 1000, with the
population 23,289,045: January 8723 × 365/31 → 4.41, a leap February 8500 × 366/29 → 4.61;
a quarter's 32,000 births × 365/90 → 5.57 (its month would give 16.18); 桃園's 2000 births
over its own 2,330,000 → 10.11 (over the whole 1.01). An interval: August's 44,640 minutes
over 12,588 births → 3.5 (over a day's mean of 406 births, 110)."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

RATE = "annualised-rate"
HEAD = "115年1月底人口数为2328万9045人。"


def _kinds(text: str) -> list[str]:
    return [kind for kind, *_ in accused(text)]


@pytest.mark.parametrize(
    "text",
    [
        # the months so far, after the month-end named before them
        "截至115年3月底,人口数为2328万9045人,今年以来出生数为3万2000人,折合年粗出生率为5.57‰。",
        "内政部公布3月人口统计,3月底全国人口数为2328万9045人;今年累积出生数为3万2000人,"
        "折合年粗出生率为5.57‰。",
        # a year's births, in the release of its December: 107,812 × 525,600 min → 4.9
        "内政部公布114年12月人口统计,12月底人口数为2329万9132人,114年全年出生数为10万7812人,"
        "平均每4.9分钟出生一个婴儿。",
        "截至8月底,今年以来出生数为8万5000人,平均每4分钟出生一个婴儿。",
    ],
)
def test_the_months_so_far_after_a_month_are_no_month(text: str) -> None:
    for each in both_scripts(text):
        assert accused(each) == [], each


@pytest.mark.parametrize(
    "lead",
    [
        "1月底全国人口数为2328万9045人。六都之中,桃园",
        "1月底全国人口数为2328万9045人。以桃园市为例,",
    ],
)
def test_a_countys_births_are_not_over_the_whole_population(lead: str) -> None:
    for each in both_scripts(lead + "1月出生数为2000人,折合年粗出生率为10.11‰。"):
        assert accused(each) == [], each
        assert of_kind(each, RATE) == [], each


def test_a_dateline_city_is_no_place_of_the_count() -> None:
    text = (
        "(中央社记者王小明台北10日电)内政部今天公布,"
        + HEAD
        + "1月出生数为8723人,折合年粗出生率为{}‰。"
    )
    for each in both_scripts(text.format("4.41")):
        assert [v for v, _, _ in of_kind(each, RATE)] == ["consistent"], each
    for each in both_scripts(text.format("4.14")):
        assert RATE in _kinds(each), each


@pytest.mark.parametrize(
    "middle",
    [
        ",较去年同月出生数1万0234人减少1511人",
        ",去年同月出生数为1万0234人",
        ",平均每日出生人数为281人",
    ],
)
def test_the_rate_is_of_the_months_count_not_a_year_agos_or_a_days(middle: str) -> None:
    text = HEAD + "1月出生数为8723人" + middle + ",折合年粗出生率为{}‰。"
    for each in both_scripts(text.format("4.41")):
        assert accused(each) == [], each
        assert [v for v, _, _ in of_kind(each, RATE)] == ["consistent"], each
    for each in both_scripts(text.format("4.14")):
        assert RATE in _kinds(each), each


def test_a_year_agos_rate_beside_its_count_is_judged_on_it() -> None:
    text = (
        HEAD
        + "1月出生数为8723人,折合年粗出生率为4.41‰,"
        + "去年同月出生数为1万0234人,折合年粗出生率为5.17‰。"
    )
    for each in both_scripts(text):
        assert [v for v, _, _ in of_kind(each, RATE)] == ["consistent", "consistent"], each


def test_marriages_beside_a_year_agos() -> None:
    # 12,000 × 365/31 / 23,289,045 × 1000 = 6.07
    text = (
        HEAD + "1月结婚对数为1万2000对,较去年同月结婚对数1万3500对减少1500对,折合年粗结婚率为{}‰。"
    )
    for each in both_scripts(text.format("6.07")):
        assert accused(each) == [], each
    for each in both_scripts(text.format("7.06")):
        assert RATE in _kinds(each), each


@pytest.mark.parametrize(
    "middle",
    [",平均每日出生人数为406人", ",较去年同月出生数1万3500人减少912人"],
)
def test_an_interval_is_of_the_months_count(middle: str) -> None:
    text = "8月出生数为12,588人" + middle + ",平均约每{}分钟出生一个婴儿。"
    for each in both_scripts(text.format("3.5")):
        assert accused(each) == [], each
        # (with 平均每日 written, 12588 / 31 days = 406.06 is a second ratio, consistent too)
        ratios = [v for v, _, _ in of_kind(each, "ratio")]
        assert ratios == ["consistent"] * (2 if "每日" in middle else 1), each
    for each in both_scripts(text.format("5.3")):
        assert "ratio" in _kinds(each), each


def test_a_count_of_years_is_no_year() -> None:
    # 近60年 is no year 60 (1971, a common February): 113 is 2024, a leap one
    text = (
        "113年2月底人口数为2328万9045人。113年创近60年新低,2月出生数为8500人,折合年粗出生率为{}‰。"
    )
    for each in both_scripts(text.format("4.61")):
        assert [v for v, _, _ in of_kind(each, RATE)] == ["consistent"], each
    for each in both_scripts(text.format("4.16")):
        assert RATE in _kinds(each), each


# a mode left out of the table (水路), nothing last year or in a frozen month
SHORT = """\
指标 | 本年累计 | 上年同期 |
货物运输量(万吨) | 3260.50 | 3100.20 |
铁路 | 850.30 | 820.10 |
公路 | 2360.20 | 2280.10 |
"""
FROZEN = """\
指标 | 12月 | 1-12月 |
货物运输量(万吨) | 300.00 | 3260.50 |
铁路 | 100.00 | 850.30 |
公路 | 200.00 | 2360.20 |
"""
# 高铁 under 铁路 not marked 其中, opened this year: nothing last year
OPENED = """\
指标 | 本年累计 | 上年同期 |
旅客运输量(万人) | 1500.40 | 1400.20 |
铁路 | 500.10 | 450.00 |
高铁 | {rail} | 0.00 |
公路 | 900.20 | 870.10 |
民航 | 100.10 | 80.10 |
"""


@pytest.mark.parametrize("table", [SHORT, FROZEN, OPENED.format(rail="120.00")])
def test_a_section_that_adds_up_only_where_a_row_is_nothing_is_not_accused(table: str) -> None:
    for each in both_scripts(table):
        assert "sum" not in _kinds(each), each


def test_a_section_over_its_head_where_every_row_counts_is_still_accused() -> None:
    # 500.10 + 900.20 + 110.10 = 1510.40, not 1500.40; last year's adds up, no row at nothing
    table = OPENED.replace("高铁 | {rail} | 0.00 |\n", "").replace(
        "100.10 | 80.10", "110.10 | 80.10"
    )
    for each in both_scripts(table):
        assert "sum" in _kinds(each), each
