"""Ratios whose words name both terms (`article/named_ratios.py`), in the shapes of the real
corpus: a communiqué's income paragraph ending in `城乡居民收入比1.54,较上年下降0.03` (B17), the
same ratio written against a base of one (`(以农村居民人均收入为1)为2.68`, trial 6's Y08), and the
tourism release's spending per trip after its trips (with each quarter's) and its spending
(C21). Our own figures, in both scripts, correct and planted."""

from __future__ import annotations

from tests.helpers import both_scripts, of_kind

# 52000 / 21500 = 2.4186
INCOME = (
    "全年全体居民人均可支配收入38000元,同比增长5.0%,其中,城镇居民人均可支配收入52000元,"
    "增长4.1%;农村居民人均可支配收入21500元,增长6.6%,增速高于城镇居民2.5个百分点。"
    "城乡居民收入比{ratio},较上年下降0.05。\n"
)
BASE_OF_ONE = (
    "城镇居民人均可支配收入52000元,增长4.1%。农村居民人均可支配收入21500元,增长6.6%。"
    "城乡居民人均收入比(以农村居民人均收入为1)为{ratio},比上年缩小0.05。\n"
)
# 2.40万亿 / 30.00亿 = 800.00; 1.90万亿 / 22.00亿 = 863.64; 0.50万亿 / 8.00亿 = 625.00
TOURISM = (
    "国内旅游人数30.00亿人次,比上年同期下降40.0%。其中,城镇居民出游22.00亿人次,下降38.0%;"
    "农村居民出游8.00亿人次,下降45.0%。分季度看,一季度国内旅游人数7.10亿人次,同比下降60.0%。\n\n"
    "国内旅游收入2.40万亿元,比上年同期下降50.0%。其中,城镇居民出游花费1.90万亿元,下降51.0%;"
    "农村居民出游花费0.50万亿元,下降46.0%。\n\n"
    "人均每次出游花费800.00元,比上年同期下降16.0%。其中,城镇居民人均每次出游花费{urban}元,"
    "下降15.0%;农村居民人均每次出游花费625.00元,下降2.0%。\n"
)


def ratios(text: str) -> list[tuple[str, list[float], float | None]]:
    return of_kind(text, "ratio")


def test_the_towns_income_over_the_countrysides() -> None:
    for text in (INCOME, BASE_OF_ONE):
        for script in both_scripts(text.format(ratio="2.42")):
            assert ratios(script) == [("consistent", [21500.0, 52000.0], 2.42)], script


def test_an_income_ratio_mistyped_is_caught_and_the_base_of_one_is_no_ratio() -> None:
    for text in (INCOME, BASE_OF_ONE):
        for script in both_scripts(text.format(ratio="2.52")):
            assert ratios(script) == [("inconsistent", [21500.0, 52000.0], 2.52)], script


def test_spending_per_trip_of_all_and_of_each_population() -> None:
    for script in both_scripts(TOURISM.format(urban="863.64")):
        found = ratios(script)
        assert ("consistent", [3.0e9, 2.4e12], 800.0) in found, found
        assert ("consistent", [2.2e9, 1.9e12], 863.64) in found
        assert ("consistent", [8.0e8, 5.0e11], 625.0) in found
        assert len(found) == 3  # a quarter's trips (一季度) are of another span


def test_a_spending_per_trip_mistyped_is_caught() -> None:
    for script in both_scripts(TOURISM.format(urban="963.64")):
        assert ("inconsistent", [2.2e9, 1.9e12], 963.64) in ratios(script)


def test_the_income_of_a_city_within_is_no_term() -> None:
    """The province's and its capital's towns each give an income: the capital's is a part
    (省会 names it), the province's is the ratio's."""
    text = (
        "全省城镇居民人均可支配收入52000元。其中,省会城镇居民人均可支配收入61000元。\n\n"
        "全省农村居民人均可支配收入21500元。城乡居民收入比2.42。\n"
    )
    assert ratios(text) == [("consistent", [21500.0, 52000.0], 2.42)]


def test_the_income_of_a_part_of_the_towns_is_not_theirs() -> None:
    text = (
        "省会城镇居民人均可支配收入61000元。全省农村居民人均可支配收入21500元。"
        "城乡居民收入比2.42。\n"
    )
    assert ratios(text) == []


# fresh trial 16's A10: the half-year named in the trips' paragraph only, 旅游消费 for the
# spending and 旅游总人次 for the trips. Ours: 1.20万亿 / 15.00亿 = 800.00; 城镇 0.90万亿 /
# 10.00亿 = 900.00 (planted 950.00); 农村 0.30万亿 / 5.00亿 = 600.00
HALF_YEAR = (
    "根据国内旅游抽样调查结果,2023年上半年,国内旅游总人次15.00亿,比上年同期增长40.0%。其中,"
    "城镇居民旅游总人次10.00亿,增长42.0%;农村居民旅游总人次5.00亿,增长36.0%。\n\n"
    "国内旅游收入(旅游总消费)1.20万亿元,比上年同期增长50.0%。其中,城镇居民旅游消费0.90万亿元,"
    "增长52.0%;农村居民旅游消费0.30万亿元,增长44.0%。\n\n"
    "人均每次旅游消费800.00元,比上年同期增长7.1%。其中,城镇居民人均每次旅游消费{urban}元,"
    "增长7.0%;农村居民人均每次旅游消费600.00元,增长5.9%。\n"
)


def test_spending_per_trip_a_paragraph_from_the_half_year_it_is_of() -> None:
    for script in both_scripts(HALF_YEAR.format(urban="900.00")):
        found = ratios(script)
        assert ("consistent", [1.5e9, 1.2e12], 800.0) in found, found
        assert ("consistent", [1.0e9, 0.9e12], 900.0) in found, found
        assert ("consistent", [5.0e8, 0.3e12], 600.0) in found, found
    for script in both_scripts(HALF_YEAR.format(urban="950.00")):
        assert ("inconsistent", [1.0e9, 0.9e12], 950.0) in ratios(script), script
