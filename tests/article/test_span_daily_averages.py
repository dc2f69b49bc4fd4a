"""A month's level and its mean a day, the days unwritten, in the shape of fresh trial 23's A07
(a statistics bureau's monthly energy release: "12月份,规上工业原油产量1765万吨,同比增长4.6%,
增速比11月份加快2.0个百分点,日均产量56.9万吨"). Our own figures, by hand: 1612万吨 in November
(30 days) is 53.73万吨 a day (stated 53.7; planted 57.3); 248亿千瓦时 in January (31 days) is
8.00亿 a day; 1-2月 of 2024 (a leap year) holds 60 days: 372亿 / 60 = 6.20亿 (stated 6.2); of a
year unnamed, 59 or 60 days are both tried (364 / 59 = 6.17, 364 / 60 = 6.07: 6.1 holds)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

ENERGY = (
    "11月份,规上工业原油产量1612万吨,同比增长2.1%,增速比10月份加快0.8个百分点,日均产量{crude}万吨。\n"
    "2024年1月份,规上工业发电量248亿千瓦时,同比增长6.0%,日均发电8.00亿千瓦时。\n"
)
LEAP = "2024年1-2月份,规上工业天然气产量372亿立方米,同比增长3.3%,日均产量6.2亿立方米。\n"
UNNAMED = "1-2月份,规上工业天然气产量364亿立方米,同比增长3.3%,日均产量6.1亿立方米。\n"


def _ratios(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [(r[2], r[3]) for r in article_relations(text) if r[0] == "ratio" and r[1] == verdict]


def test_a_months_level_over_its_days() -> None:
    for variant in both_scripts(ENERGY.format(crude="53.7")):
        found = _ratios(variant, "consistent")
        assert ([30.0, 1612e4], 53.7e4) in found, found
        assert ([31.0, 248e8], 8.00e8) in found, found
        assert not accused(variant)


def test_a_planted_daily_mean_is_called_wrong() -> None:
    for variant in both_scripts(ENERGY.format(crude="57.3")):
        assert ([30.0, 1612e4], 57.3e4) in _ratios(variant, "inconsistent"), variant


def test_february_holds_29_days_in_a_leap_year_and_either_in_a_year_unnamed() -> None:
    for variant in both_scripts(LEAP):
        assert ([60.0, 372e8], 6.2e8) in _ratios(variant, "consistent"), variant
    for variant in both_scripts(UNNAMED):
        assert [r for r in _ratios(variant, "consistent") if r[1] == 6.1e8], variant
        assert not accused(variant)


def test_a_markets_daily_turnover_over_its_trading_days_is_never_called_wrong() -> None:
    # in the shape of fresh trial 20's A10: 118.80万亿元 over February's 19 trading days is 6.25万亿
    # a day; over its 28 calendar days it would be 4.24万亿 — the calendar is no market's
    text = "2月份银行间人民币市场以拆借、现券和回购方式合计成交118.80万亿元,日均成交6.25万亿元。\n"
    for variant in both_scripts(text):
        assert not accused(variant), variant
