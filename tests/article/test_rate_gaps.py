"""Gaps between two rates the article states (`article/rate_gaps.py`), in the shapes of a city's
quarterly report (the real corpus's B29: `同比增长6.8%,高于GDP增速2.6个百分点` with the GDP's rate
in the lead) and an income release (B17: `增长5.2%,增速高于城镇居民人均可支配收入2.0个百分点`).
Our own places and figures, in both scripts, correct and planted."""

from __future__ import annotations

from povcli.article.clean import clean_article
from tests.helpers import both_scripts, judged_relations

# 6.1 − 5.0 = 1.1; 4.6 − 5.0 = −0.4; 5.5 − 5.0 = 0.5
QUARTER = (
    "前三季度全市地区生产总值(GDP)实现2400.0亿元,同比增长5.0%。\n\n"
    "工业生产稳中有进。前三季度规模以上工业增加值同比增长6.1%,高于GDP增速{industry}个百分点。\n\n"
    "第一产业平稳发展。前三季度全市第一产业同比增长4.6%,低于全市经济增长0.4个百分点。"
    "金融业增加值实现180.2亿元,同比增长5.5%,高于GDP增速0.5个百分点。\n"
)
# 6.0 − 4.0 = 2.0
INCOME = (
    "全年全体居民人均可支配收入50000元,同比增长4.8%,其中,城镇居民人均可支配收入60000元,"
    "增长4.0%;农村居民人均可支配收入30000元,增长6.0%,增速高于城镇居民人均可支配收入{gap}个百分点。"
)


def gaps(text: str) -> list[tuple[str, list[float], float | None]]:
    found = judged_relations(clean_article("标题\n\n" + text).text)
    return [
        (verdict, values, claimed)
        for kind, verdict, values, claimed in found
        if kind == "point-change"
    ]


def test_a_rate_above_the_gdps_is_its_gap_in_both_scripts() -> None:
    text = QUARTER.format(industry="1.1")
    for script in both_scripts(text):
        found = gaps(script)
        assert ("consistent", [5.0, 6.1], 1.1) in found, found
        assert ("consistent", [4.6, 5.0], -0.4) in found or ("consistent", [4.6, 5.0], 0.4) in found
        assert ("consistent", [5.0, 5.5], 0.5) in found
        assert len(found) == 3


def test_a_gap_mistyped_is_caught_in_both_scripts() -> None:
    text = QUARTER.format(industry="1.6")  # 6.1 − 5.0 = 1.1
    for script in both_scripts(text):
        found = gaps(script)
        assert ("inconsistent", [5.0, 6.1], 1.6) in found, found
        assert sum(verdict == "inconsistent" for verdict, _, _ in found) == 1


def test_the_rural_rate_above_the_urban_is_its_gap() -> None:
    for gap, verdict in (("2.0", "consistent"), ("2.8", "inconsistent")):
        text = INCOME.format(gap=gap)
        for script in both_scripts(text):
            assert (verdict, [4.0, 6.0], float(gap)) in gaps(script), gaps(script)


def test_a_rate_the_text_does_not_give_is_no_gap() -> None:
    """高于全国 and 高于上年同期: the nation's rate and last year's are not in the text."""
    text = (
        QUARTER.format(industry="1.1")
        .replace("高于GDP增速1.1", "高于全国2.3")
        .replace("高于GDP增速0.5", "高于上年同期0.9")
    )
    assert [claimed for _, _, claimed in gaps(text)] in ([-0.4], [0.4])


def test_two_gdp_rates_of_the_period_bind_no_gap() -> None:
    """The city's GDP rate and the province's, both in the text: which GDP is not guessed."""
    text = QUARTER.format(industry="1.6").replace(
        "同比增长5.0%。", "同比增长5.0%;同期全省地区生产总值同比增长4.7%。", 1
    )
    assert all(verdict != "inconsistent" for verdict, _, _ in gaps(text))


def test_a_rate_of_another_period_is_no_gap() -> None:
    """The GDP's rate of the first half beside a rate of the first three quarters."""
    text = QUARTER.format(industry="1.6").replace(
        "前三季度全市地区生产总值", "上半年全市地区生产总值"
    )
    assert all(verdict != "inconsistent" for verdict, _, _ in gaps(text))


# two gaps after one rate: the nation's rate is not in the text, the province's is; 5.8 − 4.4
TWO_GAPS = (
    "全省地区生产总值同比增长4.4%。全市地区生产总值同比增长5.8%,高于全国0.6个百分点,"
    "高于全省经济增速{gap}个百分点。"
)


def test_a_second_gap_after_one_rate_is_read() -> None:
    for gap, verdict in (("1.4", "consistent"), ("1.9", "inconsistent")):
        text = TWO_GAPS.format(gap=gap)
        for script in both_scripts(text):
            found = gaps(script)
            assert (verdict, [4.4, 5.8], float(gap)) in found, found
            assert len(found) == 1  # the nation's rate is not in the text


# a fall below a rise: the manufacturing's −5.3% is 19.7 points below the mining's 14.4%
FALLING = (
    "1-4月,全市规模以上工业增加值同比增长9.6%。其中采矿业增加值同比增长14.4%;制造业增加值"
    "同比下降5.3%,低于全市工业增加值增速14.9个百分点,低于采矿业增加值增速{gap}个百分点。"
)


def test_a_falling_rate_is_below_zero() -> None:
    for gap, verdict in (("19.7", "consistent"), ("9.1", "inconsistent")):
        text = FALLING.format(gap=gap)
        for script in both_scripts(text):
            found = gaps(script)
            assert any(v == verdict and claimed in (float(gap), -float(gap)) and 14.4 in values
                       for v, values, claimed in found), found  # fmt: skip
            assert ("inconsistent" in {v for v, _, _ in found}) == (verdict == "inconsistent")
