"""Pulls and contributions to a total's growth: the pulls of every part make the total's
rate; a part's contribution is its pull as a percentage of that rate. Shapes of county and
city communiqués and of the national one, in own words and figures."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, judged_relations

# three sectors, the first named alone and the other two in one list (第二、三产业分别…):
# 0.8 + 2.3 + 2.9 = 6.0; contributions 0.8 / 6.0 = 13.3%, 2.3 / 6.0 = 38.3%, 2.9 / 6.0 = 48.3%
SECTORS = (
    "初步核算,全年实现地区生产总值380.50亿元,同比增长6.0%。分产业看,第一产业实现增加值60.10亿元,"
    "增长3.8%;第二产业实现增加值140.20亿元,增长5.9%;第三产业实现增加值180.20亿元,增长7.0%。"
    "第一产业拉动GDP增长0.8个百分点,第二、三产业分别拉动增长{second}和2.9个百分点,三次产业对GDP增长的"
    "贡献率分别为13.3%、38.3%和48.3%。"
)


def _found(text: str) -> list[tuple[str, str, list[float], float | None]]:
    return [r for r in judged_relations("标题\n\n" + text) if r[0] in ("sum", "percent-of")]


@pytest.mark.parametrize("text", both_scripts(SECTORS.format(second="2.3")))
def test_three_sectors_pulls_make_the_growth_and_their_contributions(text: str) -> None:
    found = _found(text)
    assert ("sum", "consistent", [0.8, 2.3, 2.9], 6.0) in found
    for pull, contribution in ((0.8, 13.3), (2.3, 38.3), (2.9, 48.3)):
        assert ("percent-of", "consistent", sorted([pull, 6.0]), contribution) in found
    assert all(verdict != "inconsistent" for _, verdict, _, _ in found)


@pytest.mark.parametrize("text", both_scripts(SECTORS.format(second="2.8")))
def test_a_planted_pull_breaks_the_sum_and_its_contribution(text: str) -> None:
    """0.8 + 2.8 + 2.9 = 6.5 ≠ 6.0; 2.8 / 6.0 = 46.7% ≠ 38.3%."""
    found = _found(text)
    assert ("sum", "inconsistent", [0.8, 2.8, 2.9], 6.0) in found
    assert ("percent-of", "inconsistent", [2.8, 6.0], 38.3) in found


# the three uses of GDP, net exports pulling down (向下拉动), the growth a paragraph before:
# 3.9 + 1.6 − 0.5 = 5.0
DEMAND = (
    "全年国内生产总值1200000亿元,比上年增长5.0%。\n\n公报显示,最终消费支出拉动国内生产总值增长3.9个"
    "百分点,资本形成总额拉动国内生产总值增长{capital}个百分点,货物和服务净出口向下拉动国内生产总值0.5个"
    "百分点。"
)


@pytest.mark.parametrize("text", both_scripts(DEMAND.format(capital="1.6")))
def test_a_pull_downwards_counts_against_the_others(text: str) -> None:
    assert ("sum", "consistent", [-0.5, 1.6, 3.9], 5.0) in _found(text)


@pytest.mark.parametrize("text", both_scripts(DEMAND.format(capital="2.6")))
def test_a_planted_pull_of_the_uses_is_wrong(text: str) -> None:
    assert ("sum", "inconsistent", [-0.5, 2.6, 3.9], 5.0) in _found(text)


# a fall, the pulls in one list with a minus sign, a two-year average between (not the rate
# pulled): 0.21 − 4.72 + 0.91 = −3.60 against a fall of 3.6%
FALL = (
    "全县实现地区生产总值850000万元,按可比价格计算,比上年下降3.6%;与2020年相比,两年平均增长2.5%。"
    "三次产业对经济增长的拉动贡献分别为{first}、-4.72、0.91个百分点;三次产业增加值结构为6.0:46.9:47.1。"
)


@pytest.mark.parametrize("text", both_scripts(FALL.format(first="0.21")))
def test_pulls_listed_with_a_minus_make_a_fall(text: str) -> None:
    assert ("sum", "consistent", [-4.72, 0.21, 0.91], -3.6) in _found(text)


@pytest.mark.parametrize("text", both_scripts(FALL.format(first="0.51")))
def test_a_planted_pull_of_a_fall_is_wrong(text: str) -> None:
    """0.51 − 4.72 + 0.91 = −3.30, no fall of 3.55–3.65%."""
    assert ("sum", "inconsistent", [-4.72, 0.51, 0.91], -3.6) in _found(text)


# the sections of industry, each with its contribution before its pull (上拉, 下拉), the total's
# rate in a clause of its verb alone (延续…趋势,同比增长7.5%): 7.9 + 0.4
# − 0.8 = 7.5; contributions 7.9 / 7.5 = 105.3%, 0.4 / 7.5 = 5.3%, −0.8 / 7.5 = −10.7%
INDUSTRY = (
    "一季度,全市规模以上工业增加值延续平稳向好趋势,同比增长7.5%,比全省高1.2个百分点。其中采矿业增加值同比增长11.0%,"
    "对全市工业增长的贡献率{mining}%,上拉全市工业增加值增速7.9个百分点;电力、热力、燃气及水生产和供应业"
    "增加值同比增长5.0%,对全市工业增长的贡献率5.3%,上拉全市工业增加值增速0.4个百分点;制造业增加值同比"
    "下降4.0%,对全市工业增长的贡献率-10.7%,下拉全市工业增加值增速0.8个百分点。"
)


@pytest.mark.parametrize("text", both_scripts(INDUSTRY.format(mining="105.3")))
def test_sections_of_industry_pull_up_and_down(text: str) -> None:
    found = _found(text)
    assert ("sum", "consistent", [-0.8, 0.4, 7.9], 7.5) in found
    assert ("percent-of", "consistent", [7.5, 7.9], 105.3) in found
    assert ("percent-of", "consistent", [-0.8, 7.5], -10.7) in found


@pytest.mark.parametrize("text", both_scripts(INDUSTRY.format(mining="150.3")))
def test_a_planted_contribution_is_wrong(text: str) -> None:
    assert ("percent-of", "inconsistent", [7.5, 7.9], 150.3) in _found(text)


# one group's pull and contribution, of the growth of the same span (1-4月), not the month's
ONE_GROUP = (
    "1-4月,全省规上工业增加值同比增长8.0%。其中4月当月同比增长11.0%。\n\n分企业规模看,1-4月,小型企业"
    "同比增长10.0%,拉动规上工业增长4.8个百分点,贡献率达{share}%。"
)


@pytest.mark.parametrize("text", both_scripts(ONE_GROUP.format(share="60.0")))
def test_one_groups_contribution_is_its_pull_over_the_growth(text: str) -> None:
    """4.8 / 8.0 = 60.0%; no sum of one pull."""
    found = _found(text)
    assert ("percent-of", "consistent", [4.8, 8.0], 60.0) in found
    assert not [r for r in found if r[0] == "sum" and 4.8 in r[2]]


@pytest.mark.parametrize("text", both_scripts(ONE_GROUP.format(share="66.0")))
def test_one_groups_planted_contribution_is_wrong(text: str) -> None:
    assert ("percent-of", "inconsistent", [4.8, 8.0], 66.0) in _found(text)


@pytest.mark.parametrize(
    "text",
    both_scripts(
        # two of three sectors: no whole
        "全年地区生产总值380.50亿元,同比增长6.0%。第二产业拉动GDP增长2.3个百分点,第三产业拉动GDP增长"
        "2.9个百分点。"
    )
    + both_scripts(
        # the province's growth the city pulls is not given: nothing to judge
        "全年全市地区生产总值380.50亿元,同比增长6.0%。全市工业拉动全省经济增长0.4个百分点,贡献率为8.0%。"
    ),
)
def test_pulls_that_name_no_whole_or_another_place_are_not_judged(text: str) -> None:
    assert _found(text) == []
