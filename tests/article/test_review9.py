"""False alarms an adversarial review of the spaced-table reader (c79c978, 3081bab) built in
its own words: correct yearbook tables, every figure in them true (worked by hand in each
comment), where `check` called a cell wrong. Each is checked in Simplified and in Traditional
script; beside them, planted errors in the same shapes that must still be caught."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.clean import clean_article
from povcli.article.row_tables import spaced_tables
from tests.helpers import judged_relations

TO_TRADITIONAL = opencc.OpenCC("s2t")
TO_SIMPLIFIED = opencc.OpenCC("t2s")


def both_scripts(text: str, name: str = "") -> list[object]:
    return [
        pytest.param(TO_SIMPLIFIED.convert(text), id=f"{name}simplified"),
        pytest.param(TO_TRADITIONAL.convert(text), id=f"{name}traditional"),
    ]


def sums(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [
        (values, claimed)
        for kind, said, values, claimed in judged_relations(clean_article(text).text)
        if kind == "sum" and said == verdict
    ]


# 合计 = 进口 + 出口 in every row of amounts: 5000 = 2000 + 3000, 3000 = 1200 + 1800,
# 1500 = 600 + 900, 500 = 200 + 300. The last row is growth rates, no amounts: last year's
# imports 2000 / 1.031 = 1939.86, exports 3000 / 1.068 = 2808.99, together 4748.85, and
# 5000 / 4748.85 = 1.0529, so the total grew 5.3%, between its parts' 3.1% and 6.8%.
TRADE_WITH_GROWTH = """\
表1 2023年货物进出口总额
单位:亿元
项目 合计 进口 出口
总值 5000 2000 3000
一般贸易 3000 1200 1800
加工贸易 1500 600 900
其他贸易 500 200 300
比上年增长(%) 5.3 3.1 6.8
"""
# 一般贸易's exports mistyped: 1200 + 1880 = 3080, not 3000
TRADE_WITH_GROWTH_PLANTED = TRADE_WITH_GROWTH.replace("3000 1200 1800", "3000 1200 1880")

# levels add up: 560.5 = 120.3 + 440.2, 575.2 = 118.9 + 456.3; 230.4 = 180.2 + 50.2,
# 236.0 = 183.5 + 52.5. Growth: 575.2 / 560.5 = 1.0262, 118.9 / 120.3 = 0.9884,
# 456.3 / 440.2 = 1.0366 (2.6 = −1.2 + 3.7 only by chance); 236.0 / 230.4 = 1.0243,
# 183.5 / 180.2 = 1.0183, 52.5 / 50.2 = 1.0458: 2.4, between 1.8 and 4.6, is no sum of them
JOBS_TWO_BREAKDOWNS = """\
表2 分单位类型就业人员
单位:万人
指标 2022 2023 增长(%)
城镇就业人员 560.5 575.2 2.6
  国有单位 120.3 118.9 -1.2
  私营单位 440.2 456.3 3.7
第二产业就业人员 230.4 236.0 2.4
  工业 180.2 183.5 1.8
  建筑业 50.2 52.5 4.6
"""

# levels: 1344 = 194 + 1150, 1395 = 201 + 1194; 2021 was 1200 = 200 + 1000, so 2022's
# growth is 1344 / 1200 = 12.0%, 194 / 200 = −3.0%, 1150 / 1000 = 15.0% (12.0 = −3.0 + 15.0
# only by chance); 2023's: 1395 / 1344 = 3.8%, 201 / 194 = 3.6%, 1194 / 1150 = 3.8%
GRAIN_SECTIONS = """\
表3 主要农产品产量
指标 2022 2023
产量(万吨)
粮食 1344 1395
  夏粮 194 201
  秋粮 1150 1194
比上年增长(%)
粮食 12.0 3.8
  夏粮 -3.0 3.6
  秋粮 15.0 3.8
"""

# two tables one after another, the same regions in both: 4000 = 2010 + 1990 = 2000 + 2000,
# 2010 = 1000 + 1010, 1990 = 1000 + 990; 48000 = 30000 + 18000 亿元; per head
# 48000亿 / 4000万 = 120000元, 30000 / 2000 → 150000, 18000 / 2000 → 90000 (no sum)
TWO_TABLES = """\
表4 各地区分性别人口
单位:万人
地区 男 女 合计
全省 2010 1990 4000
  东部 1000 1000 2000
  西部 1010 990 2000
表5 各地区生产总值
地区 常住人口(万人) 生产总值(亿元) 人均生产总值(元)
全省 4000 48000 120000
  东部 2000 30000 150000
  西部 2000 18000 90000
"""

# 全省 = 城市 + 县域 in people (4000 = 2600 + 1400) and output (48000 = 36000 + 12000), and
# each down to its cities and counties in every column (3300 = 1900 + 1400,
# 2400 = 1300 + 1100); the province's spending 6200 also holds the province's own, 500,
# which the table does not list: 6200 = 3300 + 2400 + 500
PROVINCE_SPENDING = """\
表6 各地区财政与经济
地区 常住人口(万人) 地区生产总值(亿元) 一般公共预算支出(亿元)
全省 4000 48000 6200
  城市 2600 36000 3300
  县域 1400 12000 2400
城市 2600 36000 3300
  甲市 1500 21000 1900
  乙市 1100 15000 1400
县域 1400 12000 2400
  丙县 800 7000 1300
  丁县 600 5000 1100
"""
# the province's spending mistyped below its parts: 3300 + 2400 = 5700, more than 5200
PROVINCE_SPENDING_PLANTED = PROVINCE_SPENDING.replace("48000 6200", "48000 5200")


@pytest.mark.parametrize(
    "text",
    [
        *both_scripts(TRADE_WITH_GROWTH, "trade-with-growth-"),
        *both_scripts(JOBS_TWO_BREAKDOWNS, "jobs-two-breakdowns-"),
        *both_scripts(GRAIN_SECTIONS, "grain-sections-"),
        *both_scripts(TWO_TABLES, "two-tables-"),
        *both_scripts(PROVINCE_SPENDING, "province-spending-"),
    ],
)
def test_a_correct_table_is_called_wrong_nowhere(text: str) -> None:
    assert sums(text, "inconsistent") == []


@pytest.mark.parametrize("text", both_scripts(TRADE_WITH_GROWTH))
def test_a_row_of_rates_is_no_row_of_a_column_sum(text: str) -> None:
    # the rate row stands between its parts (a weighted mean): no sum is read in it at all
    assert all(claimed != 5.3 for _, claimed in sums(text, "unverifiable"))
    assert ([1.2e11, 1.8e11], 3e11) in sums(text, "consistent")


@pytest.mark.parametrize("text", both_scripts(TRADE_WITH_GROWTH_PLANTED))
def test_a_mistyped_amount_beside_a_row_of_rates_is_still_caught(text: str) -> None:
    assert sums(text, "inconsistent") == [([1.2e11, 1.88e11], 3e11)]


@pytest.mark.parametrize("text", both_scripts(PROVINCE_SPENDING_PLANTED))
def test_a_total_below_its_parts_is_still_caught(text: str) -> None:
    assert sums(text, "inconsistent") == [([2400.0, 3300.0], 5200.0)]


def test_a_table_title_starts_a_new_table() -> None:
    tables = spaced_tables(clean_article(TWO_TABLES).text)
    assert [len(table.rows) for table in tables] == [3, 3]
