"""A part's contribution to a total's increase (an income release's shape): its increase as a
percentage of the total's, in own words and figures."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# 520 / 1000 = 52.0%; 300 / 1000 = 30.0%; the part in its own paragraph, the contribution's
# own change in points after it (no pull); another population's income (全省重点县) stated too
INCOME = (
    "2024年全省农村居民人均可支配收入21000元,比上年增加1000元,增长5.0%。全省重点县农民人均可支配收入"
    "15000元,比上年增加900元。\n\n工资性收入较快增长。2024年农村居民人均工资性收入9000元,增加520元,"
    "增长6.1%。工资性收入对农村居民全年增收的贡献率达{wage}%,比上年提高2.0个百分点。\n\n"
    "2024年,农村居民人均经营净收入7000元,增加300元,增长4.5%。经营净收入对农村居民增收的贡献率为30.0%。"
)


@pytest.mark.parametrize("text", both_scripts(INCOME.format(wage="52.0")))
def test_a_parts_contribution_is_its_increase_over_the_totals(text: str) -> None:
    found = of_kind(text, "percent-of")
    assert ("consistent", [520.0, 1000.0], 52.0) in found
    assert ("consistent", [300.0, 1000.0], 30.0) in found


@pytest.mark.parametrize("text", both_scripts(INCOME.format(wage="58.0")))
def test_a_planted_contribution_to_the_increase_is_wrong(text: str) -> None:
    assert ("inconsistent", [520.0, 1000.0], 58.0) in of_kind(text, "percent-of")


@pytest.mark.parametrize(
    "text",
    both_scripts(
        # two totals of one population's income differ: which the part adds to is unsaid
        "全省农村居民人均可支配收入21000元,比上年增加1000元。农村居民人均纯收入18000元,比上年增加950元。"
        "农村居民人均工资性收入9000元,增加520元。工资性收入对农村居民增收的贡献率达52.0%。"
    ),
)
def test_no_contribution_where_two_totals_fit(text: str) -> None:
    assert of_kind(text, "percent-of") == []
