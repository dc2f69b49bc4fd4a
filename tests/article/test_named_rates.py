"""A rate its words name after its change (Taiwan's population releases: "較上年同月增加27,645人,
增加率為0.24%"), in own words and figures."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# 25,300 / (5,025,300 − 25,300) = 0.506% → 0.51%; a fall of 12,400 from 3,012,400: −0.41%
TOWNS = (
    "113年12月底男性人口為5,025,300人,較上年同月增加25,300人,增加率為{men}%;女性人口為"
    "3,000,000人,較上年同月減少12,400人,增加率為-0.41%。"
)


@pytest.mark.parametrize("text", both_scripts(TOWNS.format(men="0.51")))
def test_a_rate_named_after_its_change_is_its_rate(text: str) -> None:
    rates = of_kind(text, "change-rate")
    assert ("consistent", [25300.0, 5025300.0], 0.51) in rates
    assert ("consistent", [12400.0, 3000000.0], -0.41) in rates


@pytest.mark.parametrize("text", both_scripts(TOWNS.format(men="0.15")))
def test_a_planted_named_rate_is_wrong(text: str) -> None:
    assert ("inconsistent", [25300.0, 5025300.0], 0.15) in of_kind(text, "change-rate")


# per thousand, as the population's own rate, compared with 与上年同月比较: 90,000 /
# (25,090,000 − 90,000) × 1000 = 3.60‰
PEOPLE = "113年12月底人口數為25,090,000人,與上年同月比較增加90,000人,人口增加率為{rate}‰。"


@pytest.mark.parametrize("text", both_scripts(PEOPLE.format(rate="3.60")))
def test_a_rate_per_thousand_named_after_its_change(text: str) -> None:
    found = of_kind(text, "change-rate-per-mille")
    assert found == [("consistent", [90000.0, 25090000.0], 3.6)]


@pytest.mark.parametrize("text", both_scripts(PEOPLE.format(rate="3.06")))
def test_a_planted_rate_per_thousand_is_wrong(text: str) -> None:
    found = of_kind(text, "change-rate-per-mille")
    assert found == [("inconsistent", [90000.0, 25090000.0], 3.06)]


# the total's rate per thousand and its parts' in % (a release's own mix): no growth of a sum
# is read from rates of two kinds (3.60‰ is 0.36%, never a percentage of 3.60)
MIXED = (
    "113年12月底人口數為25,090,000人,較上年同月增加90,000人,人口增加率為3.60‰。113年12月底男性人口為"
    "12,500,000人,較上年同月增加30,000人,增加率為0.24%;女性人口為12,590,000人,較上年同月增加60,000人,"
    "增加率為0.48%。"
)


@pytest.mark.parametrize("text", both_scripts(MIXED))
def test_rates_per_thousand_and_in_percent_make_no_growth_of_a_sum(text: str) -> None:
    assert of_kind(text, "growth-of-sum") == []
    assert ("consistent", [90000.0, 25090000.0], 3.6) in of_kind(text, "change-rate-per-mille")
