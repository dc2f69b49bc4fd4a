"""False alarms an adversarial review of 675e635/0a8e5a4 (tables read as rows, share columns,
totals defined by their parts, each sector's share from the levels) built in its own words:
correct texts, every figure in them true (worked by hand in each comment), on which `check`
said "inconsistent". Each is checked in Simplified and in Traditional script, and beside each
a planted error in the legitimate shape next to it that must still be caught."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.clean import clean_article
from povcli.article.factcheck import check_text

TO_TRADITIONAL = opencc.OpenCC("s2t")


def findings(text: str) -> list[tuple[str, float | None, str]]:
    cleaned = clean_article("标题\n\n" + text + "\n").text
    return [(f.result.kind, f.result.claimed, f.result.verdict.value) for f in check_text(cleaned)]


def written_in(script: str, text: str) -> str:
    return TO_TRADITIONAL.convert(text) if script == "traditional" else text


# the sectors' value added: 4300 + 20500 + 27200 = 52000 (8.3 : 39.4 : 52.3 of it)
SECTORS = (
    "2023年全省地区生产总值52000亿元,比上年增长5.8%。其中,第一产业增加值4300亿元,增长4.0%;"
    "第二产业增加值20500亿元,增长6.1%;第三产业增加值27200亿元,增长5.9%。"
)

NO_ALARM = [
    # the workers' structure by sector (a labour survey's), no share of the value added
    SECTORS + "年末全省就业人员4800万人,三次产业就业结构为22.8:29.1:48.1。",
    # investment's structure by sector: 3.1 + 31.0 + 65.9 = 100, none of them of GDP
    SECTORS + "全年固定资产投资比上年增长3.2%,三次产业投资结构为3.1:31.0:65.9。",
    # each sector's share of the workers, listed with 分别
    SECTORS + "全年第一、第二、第三产业就业人员占比分别为22.8%、29.1%和48.1%。",
    # each sector's share of all the workers, the whole named after 占
    SECTORS + "年末第一、第二、第三产业占全部就业人员的比重分别为22.8%、29.1%和48.1%。",
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("text", NO_ALARM)
def test_no_false_alarm(text: str, script: str) -> None:
    found = findings(written_in(script, text))
    assert [f for f in found if f[2] == "inconsistent"] == [], found


PLANTED = [
    # the value added's structure: 4300/52000 = 8.27 → 8.3; 27200/52000 = 52.31 → 52.3,
    # planted 53.3 (and 38.4 so that the terms still add up to 100)
    pytest.param(SECTORS + "三次产业结构为8.3:38.4:53.3。", 53.3, id="structure"),
    pytest.param(SECTORS + "地区生产总值三次产业结构为8.3:38.4:53.3。", 53.3, id="gdp-structure"),
    pytest.param(SECTORS + "三次产业增加值结构为8.3:38.4:53.3。", 53.3, id="value-added-structure"),
    pytest.param(
        SECTORS + "第一、第二、第三产业增加值占地区生产总值的比重分别为8.3%、38.4%和53.3%。",
        53.3, id="respective-value-added",
    ),
    pytest.param(
        SECTORS + "第一、第二、第三产业占GDP的比重分别为8.3%、38.4%和53.3%。",
        53.3, id="respective-of-gdp",
    ),
]  # fmt: skip


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("text", "planted"), PLANTED)
def test_a_sectors_share_of_the_value_added_mistyped_is_caught(
    text: str, planted: float, script: str
) -> None:
    found = findings(written_in(script, text))
    assert ("share", planted, "inconsistent") in found, found
    assert ("share", 8.3, "consistent") in found, found


# ------------------------------------------- a total by definition, of other parts than these

DEFINED_NO_ALARM = [
    # the first half's value added is no part of the year's GDP: 1500 + 9800 + 13200 = 24500
    "2023年全省地区生产总值52000亿元,比上年增长5.8%。\n\n上半年,第一产业增加值1500亿元,"
    "第二产业增加值9800亿元,第三产业增加值13200亿元。",
    # December's sales after the year's total: 38000 + 5550 = 43550, December's total
    "12月份,社会消费品零售总额43550亿元,同比增长7.4%。全年社会消费品零售总额471495亿元,"
    "比上年增长7.2%。12月份商品零售额38000亿元,餐饮收入5550亿元。",
    # …and after a part of December's total counted otherwise (除汽车以外的 sales, 39000):
    # the 额 of 商品零售额 names no whole
    "12月份,社会消费品零售总额43550亿元,同比增长7.4%。其中,除汽车以外的消费品零售额39000亿元。"
    "全年社会消费品零售总额471495亿元,比上年增长7.2%。12月份商品零售额38000亿元,餐饮收入"
    "5550亿元。",
    # the rural residents' income sources after the nation's residents' income:
    # 9163 + 7431 + 540 + 4557 = 21691, the rural income (not given), not 39218
    "全年全国居民人均可支配收入39218元,比上年增长6.3%。全国居民人均消费支出26796元,比上年"
    "增长9.2%。\n\n农村居民人均工资性收入9163元,人均经营净收入7431元,人均财产净收入540元,"
    "人均转移净收入4557元。",
    # the sales of the units above the quota, named in the sentence's opening: 165000 + 14000
    # = 179000, their own total, not all retail sales
    "全年社会消费品零售总额471495亿元,比上年增长7.2%。限额以上单位中,商品零售额165000亿元,"
    "餐饮收入14000亿元。",
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("text", DEFINED_NO_ALARM)
def test_parts_of_another_span_people_or_units_never_accuse_a_defined_total(
    text: str, script: str
) -> None:
    found = findings(written_in(script, text))
    assert [f for f in found if f[2] == "inconsistent"] == [], found


DEFINED_PLANTED = [
    # December's own total: 38000 + 5560 = 43560 ≠ 43550
    pytest.param(
        "12月份,社会消费品零售总额43550亿元,同比增长7.4%。其中,商品零售额38000亿元,"
        "餐饮收入5560亿元。", 43550e8, id="december-retail",
    ),
    # the first half's GDP in the paragraph before: 1500 + 9800 + 13300 = 24600 ≠ 24500
    pytest.param(
        "上半年,全省地区生产总值24500亿元,同比增长5.5%。\n\n第一产业增加值1500亿元,"
        "第二产业增加值9800亿元,第三产业增加值13300亿元。", 24500e8, id="half-year-gdp",
    ),
    # the rural residents' own income: 9163 + 7431 + 540 + 4567 = 21701 ≠ 21691
    pytest.param(
        "全年全国居民人均可支配收入39218元。农村居民人均可支配收入21691元。\n\n农村居民人均工资性"
        "收入9163元,人均经营净收入7431元,人均财产净收入540元,人均转移净收入4567元。",
        21691, id="rural-income",
    ),
]  # fmt: skip


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("text", "total"), DEFINED_PLANTED)
def test_parts_of_a_defined_total_of_their_own_span_and_people_still_caught(
    text: str, total: float, script: str
) -> None:
    found = findings(written_in(script, text))
    assert ("sum", total, "inconsistent") in found, found


# ------------------------------------------------------------- tables read as rows

# growth on a comparable basis beside the levels at current prices: 13.5 is no 300 / 2000;
# the other rows' rates happen to be their change over last year (100/1000 = 10.0%, …)
GROWTH_COLUMN = """\
表3 2023年分行业增加值

单位:亿元、%

行业 2022年 2023年 增加额 增长
农林牧渔业 1000 1100 100 10.0
工业 5000 5400 400 8.0
建筑业 3000 3150 150 5.0
批发和零售业 2000 2300 300 13.5
金融业 1500 1590 90 6.0
"""

# a row of growth rates under the levels: 1.7 is the share's rise in points, no 8.0 / 5.0
GROWTH_ROW = """\
表2 2023年货物出口

单位:亿元、%

地区 出口总额 其中:机电产品 机电产品占比
全省 12000 7200 60.0
甲市 5000 3100 62.0
乙市 4000 2300 57.5
丙市 3000 1800 60.0
比上年增长 5.0 8.0 1.7
"""


def as_bars(table: str) -> str:
    """The same table with its cells between bars."""
    lines = table.split("\n")
    return "\n".join(
        "| " + " | ".join(line.split()) + " |" if len(line.split()) > 2 else line for line in lines
    )


TABLE_NO_ALARM = [
    pytest.param(GROWTH_COLUMN, id="growth-column"),
    pytest.param(as_bars(GROWTH_COLUMN), id="growth-column-bars"),
    pytest.param(GROWTH_ROW, id="growth-row"),
    pytest.param(as_bars(GROWTH_ROW), id="growth-row-bars"),
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("table", TABLE_NO_ALARM)
def test_rates_in_a_table_of_shares_are_no_shares(table: str, script: str) -> None:
    found = findings(written_in(script, table))
    assert [f for f in found if f[2] == "inconsistent"] == [], found


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("bars", [False, True])
def test_a_share_mistyped_beside_a_growth_row_is_caught(script: str, bars: bool) -> None:
    """乙市 2300 / 4000 = 57.5%, planted 59.5; the other rows hold (7200/12000 = 60.0, …)."""
    table = GROWTH_ROW.replace("57.5", "59.5")
    found = findings(written_in(script, as_bars(table) if bars else table))
    assert ("share", 59.5, "inconsistent") in found, found
    assert ("share", 62.0, "consistent") in found, found


# ---------------------------------------------- a structure's terms forced to add up to 100

# 676/10000 = 6.76 → 6.8, 4007/10000 = 40.07 → 40.1, 5317/10000 = 53.17 → 53.2: rounded each
# on its own they come to 100.1, so the bureau wrote the largest 53.1 for the structure to add
# up to 100 — no error. 53.0 is off by more than that adjustment explains.
FORCED = (
    "2023年全市地区生产总值10000亿元,比上年增长5.0%。其中,第一产业增加值676亿元,第二产业增加值"
    "4007亿元,第三产业增加值5317亿元。三次产业结构为{}。"
)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_structure_rounded_to_add_up_to_100_is_no_error(script: str) -> None:
    found = findings(written_in(script, FORCED.format("6.8:40.1:53.1")))
    assert [f for f in found if f[2] == "inconsistent"] == [], found
    assert ("share", 6.8, "consistent") in found, found


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_structure_term_off_by_more_than_the_rounding_is_caught(script: str) -> None:
    found = findings(written_in(script, FORCED.format("6.8:40.2:53.0")))
    assert ("share", 53.0, "inconsistent") in found, found
