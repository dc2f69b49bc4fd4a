"""Budget revenue is its tax and non-tax revenue (a finance ministry's release), in own words
and figures."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# 6000 + 1500 = 7500; planted 6200 (7700 ≠ 7500); the rates with a factor taken out are no
# growth of the levels written, so no total's rate is judged from them
REVENUE = (
    "前4个月,全国一般公共预算收入7500亿元,扣除留抵退税因素后增长5.0%,按自然口径计算下降4.0%。\n\n"
    "全国税收收入{tax}亿元,扣除留抵退税因素后增长3.0%;非税收入1500亿元,比上年同期增长12.0%。"
)


@pytest.mark.parametrize("text", both_scripts(REVENUE.format(tax="6000")))
def test_tax_and_non_tax_revenue_make_the_budget_revenue(text: str) -> None:
    assert ("consistent", [1.5e11, 6e11], 7.5e11) in of_kind(text, "sum")
    assert all(verdict != "inconsistent" for verdict, _, _ in of_kind(text, "growth-of-sum"))


@pytest.mark.parametrize("text", both_scripts(REVENUE.format(tax="6200")))
def test_a_planted_tax_revenue_is_wrong(text: str) -> None:
    assert ("inconsistent", [1.5e11, 6.2e11], 7.5e11) in of_kind(text, "sum")


@pytest.mark.parametrize(
    "text", both_scripts("全年全市一般公共预算收入80.0亿元,增长6.0%。其中,税收收入60.0亿元。")
)
def test_tax_alone_fits_within_the_revenue(text: str) -> None:
    assert of_kind(text, "sum") == []
    assert of_kind(text, "subset") == [("consistent", [6e9, 8e9], None)]
