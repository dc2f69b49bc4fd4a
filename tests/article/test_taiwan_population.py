"""Taiwan's monthly population releases, in own words and figures: a rate per thousand written
千分之, a year's change as so much a day, 萬 with the zeros after it left unwritten, and the
household size (戶量) as the people over the homes."""

from __future__ import annotations

import pytest

from povcli.article.figures import figures_of
from tests.helpers import both_scripts, of_kind

# 73,000 / (23,073,000 − 73,000) × 1000 = 3.17‰; 73,000 / 365 = 200.0 a day (planted 230)
MONTH = (
    "內政部說,5月底人口數為2307萬3000人,與去年同月比較增加7萬3000人,人口增加率為千分之{rate},"
    "平均每天增加{day}人。"
)


@pytest.mark.parametrize("text", both_scripts(MONTH.format(rate="3.17", day="200")))
def test_a_rate_per_thousand_in_words_and_a_daily_mean(text: str) -> None:
    assert of_kind(text, "change-rate-per-mille") == [("consistent", [73000.0, 23073000.0], 3.17)]
    assert of_kind(text, "ratio") == [("consistent", [365.0, 73000.0], 200.0)]


@pytest.mark.parametrize("text", both_scripts(MONTH.format(rate="3.71", day="230")))
def test_planted_rate_and_daily_mean_are_wrong(text: str) -> None:
    assert of_kind(text, "change-rate-per-mille")[0][0] == "inconsistent"
    assert of_kind(text, "ratio") == [("inconsistent", [365.0, 73000.0], 230.0)]


def test_a_leap_year_holds_366_days() -> None:
    """91,500 / 366 = 250.0 (a year with a 29 February), 91,500 / 365 = 250.7: both tried."""
    text = "101年12月底人口數為2331萬5822人,較上年同月增加9萬1500人,平均每天增加250人。"
    assert of_kind(text, "ratio") == [("consistent", [366.0, 91500.0], 250.0)]


def test_a_change_on_the_month_before_is_no_year() -> None:
    """與上月比較: a month's change, no 365 days."""
    text = "5月底人口數為2307萬3000人,與上月比較增加6000人,平均每天增加200人。"
    assert of_kind(text, "ratio") == []


@pytest.mark.parametrize(
    ("written", "value"),
    [("減少1萬87人", 10087.0), ("增加35萬87戶", 350087.0), ("共有2萬5人", 20005.0)],
)
def test_the_zeros_after_wan_left_unwritten(written: str, value: float) -> None:
    assert [f.value for f in figures_of(written)] == [value]


# 2300萬 people over 980萬 homes = 2.3469 → 2.35 (planted 2.53)
HOMES = (
    "內政部公布最新戶籍登記資料,115年1月底人口數為2300萬人,與上月比較減少1萬87人。\n\n截至115年1月底止,"
    "戶數共有980萬戶,與上年同月比較增加35萬87戶;戶量為{size}人,較上年同月減少0.10人。"
)


@pytest.mark.parametrize("text", both_scripts(HOMES.format(size="2.35")))
def test_the_household_size_is_the_people_over_the_homes(text: str) -> None:
    assert of_kind(text, "ratio") == [("consistent", [9.8e6, 2.3e7], 2.35)]


@pytest.mark.parametrize("text", both_scripts(HOMES.format(size="2.53")))
def test_a_planted_household_size_is_wrong(text: str) -> None:
    assert of_kind(text, "ratio") == [("inconsistent", [9.8e6, 2.3e7], 2.53)]


# places ranked by the ratio, and by their homes, after the whole's: none is the whole's ratio
RANKED = HOMES.format(size="2.35") + (
    "就縣市別言,戶數以新北市178萬8322戶最多,占總戶數18.14%;戶量以連江縣3.34人最多,"
    "其次為金門縣2.97人,再其次為彰化縣2.72人。"
)


@pytest.mark.parametrize("text", both_scripts(RANKED))
def test_places_ranked_by_household_size_are_not_the_whole(text: str) -> None:
    assert of_kind(text, "ratio") == [("consistent", [9.8e6, 2.3e7], 2.35)]
