"""A month's amount within the months' around it, in the shapes of fresh trial 19 (Taiwan's
export orders: a month, then its quarter after a ;; a housing release: 1-8月, then 前7个月 a
paragraph on; Macao's gaming revenue in Chinese numerals: 二月, then 一至二月 累计). Our own
figures, worked by hand: 512.6 ≤ 1498.3, 62115 ≤ 70210, 一百九十五億三千萬 (195.3亿) ≤
五百八十一億二千萬 (581.2亿), 7812 ≤ 23410; a planted whole below its month is called wrong.
Where the words may be another's (a region's carried on, the parts after 其中, an earlier year)
or the amount is no flow that only grows (a profit), nothing is said, however the figures
stand."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

ORDERS = (
    "經濟部統計處發布9月出口訂單金額為512.6億美元,年增4.2%;"
    "累計第3季出口訂單金額{quarter}億美元,年增2.1%,創歷年第3季新高。\n"
)
HOUSING = (
    "1-9月,全国商品房销售面积70210万平方米,同比下降7.5%。\n"
    "资料显示,前8个月,全国商品房销售面积{first_eight}万平方米,同比下降7.1%。\n"
)
GAMING = (
    "【本報訊】博彩監察協調局公布,三月博彩毛收入一百九十五億三千萬元,日均約六點三億元。\n"
    "今年一至三月博彩毛收入累計{quarter},按年升百分之十一點二。\n"
)
POWER = "3月份,全社会用电量7812亿千瓦时,同比增长5.2%。一季度,全社会用电量{quarter}亿千瓦时。\n"


def _subset(
    found: list[tuple[str, str, list[float], float | None]], verdict: str, values: list[float]
) -> bool:
    return ("subset", verdict, sorted(values), None) in found


def test_a_month_within_its_quarter_after_a_semicolon() -> None:
    for variant in both_scripts(ORDERS.format(quarter="1498.3")):
        found = article_relations(variant)
        assert _subset(found, "consistent", [512.6e8, 1498.3e8]), found
        assert not accused(variant)


def test_a_planted_quarter_below_its_month_is_called_wrong() -> None:
    for variant in both_scripts(ORDERS.format(quarter="498.3")):
        assert _subset(accused(variant), "inconsistent", [498.3e8, 512.6e8]), variant


def test_months_to_date_within_more_months_a_paragraph_on() -> None:
    for variant in both_scripts(HOUSING.format(first_eight="62115")):
        assert _subset(article_relations(variant), "consistent", [621150000.0, 702100000.0])
    for variant in both_scripts(HOUSING.format(first_eight="72115")):
        assert _subset(accused(variant), "inconsistent", [702100000.0, 721150000.0]), variant


def test_months_in_chinese_numerals() -> None:
    for variant in both_scripts(GAMING.format(quarter="五百八十一億二千萬元")):
        assert _subset(article_relations(variant), "consistent", [195.3e8, 581.2e8]), variant
    for variant in both_scripts(GAMING.format(quarter="一百八十一億二千萬元")):
        assert _subset(accused(variant), "inconsistent", [181.2e8, 195.3e8]), variant


def test_a_month_within_its_quarter_in_the_next_sentence() -> None:
    for variant in both_scripts(POWER.format(quarter="23410")):
        assert _subset(article_relations(variant), "consistent", [7812e8, 23410e8]), variant
    for variant in both_scripts(POWER.format(quarter="7410")):
        assert _subset(accused(variant), "inconsistent", [7410e8, 7812e8]), variant


def _said_nothing_of(text: str, values: list[float]) -> None:
    for variant in both_scripts(text):
        found = [r for r in article_relations(variant) if r[0] == "subset"]
        assert not [r for r in found if r[2] == sorted(values)], found
        assert not accused(variant), variant


def test_a_measure_carried_on_from_a_region_is_not_bound() -> None:
    # the 2900 is the east's sales, the 3900 the nation's September: no subset of each other
    _said_nothing_of(
        "1-9月,东部地区商品房销售面积32000万平方米,下降9.1%,销售额2900亿元,下降8.0%。\n"
        "9月份,销售额3900亿元,同比下降3.0%。\n",
        [2900e8, 3900e8],
    )


def test_the_parts_after_qizhong_name_the_wholes_measure() -> None:
    # 进口 after 其中 is the processing trade's imports, not all of them
    _said_nothing_of(
        "前7个月,加工贸易进出口4.21万亿元,下降11.4%。其中,进口1.46万亿元,下降15.9%。\n"
        "7月份,进口2.02万亿元,下降9.2%。\n",
        [1.46e12, 2.02e12],
    )


def test_a_profit_is_no_flow_that_only_grows() -> None:
    # a loss in January and February leaves the quarter's profit below March's
    _said_nothing_of(
        "3月份,全省规模以上工业利润总额1200亿元。一季度,全省规模以上工业利润总额900亿元。\n",
        [900e8, 1200e8],
    )


def test_an_earlier_years_span_is_no_whole() -> None:
    _said_nothing_of(
        "8月份,全国商品房销售额5012亿元,同比下降19.1%。去年前8个月,全国商品房销售额4860亿元。\n",
        [4860e8, 5012e8],
    )


def test_a_month_end_dates_a_stock_not_a_span() -> None:
    # 8月末 is a day, not the month of August: the figure after it is no August amount
    _said_nothing_of(
        "1-8月,全国商品房销售额4100亿元。8月末,全国商品房销售额累计4300亿元。\n",
        [4100e8, 4300e8],
    )


def test_two_readings_of_one_measure_bind_neither() -> None:
    # two different amounts for 销售额 of 1-9月: which one the month is within is not known
    _said_nothing_of(
        "1-9月,销售额2900亿元。\n1-9月,销售额3100亿元。\n9月份,销售额3000亿元。\n",
        [2900e8, 3000e8],
    )
