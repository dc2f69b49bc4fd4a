"""实际 naming what was actually done, not growth at constant prices, in the shape of fresh trial
13's A09 (a province's intended sowing: "谷物意向种植面积…千公顷,较上年实际播种面积增加…千公顷,增长
…%"): the rate is the change over last year's actual area, of the levels as written. By hand:
186.40 − 5.20 = 181.20, 5.20 / 181.20 = 2.87% (stated 2.9; planted 3.9); 12.36 − 0.08 = 12.28,
0.08 / 12.28 = 0.65% (stated 0.7, the change's own rounding 0.075–0.085 giving 0.61–0.70%).
Real income (实际收入) and 实际增长 keep their constant prices: no level checks them."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

SOWING = (
    "谷物意向种植面积186.40千公顷,较上年实际播种面积增加5.20千公顷,增长{cereal}%;豆类意向种植面积"
    "12.36千公顷,较上年实际播种面积增加0.08千公顷,增长0.7%。\n"
)
# real growth, of no level as written: 2000 / 40000 = 5.0% nominal, stated 3.1% in real terms
REAL = (
    "全年城镇居民人均可支配收入42000元,比上年增加2000元,实际收入增长3.1%。\n"
    "全年农村居民人均可支配收入21000元,比上年增加1000元,扣除价格因素实际增长3.0%。\n"
)


def _rates(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [
        (r[2], r[3]) for r in article_relations(text) if r[0] == "change-rate" and r[1] == verdict
    ]


def test_a_rate_on_last_years_actual_area_is_of_the_levels_written() -> None:
    for variant in both_scripts(SOWING.format(cereal="2.9")):
        found = _rates(variant, "consistent")
        assert ([5.20e3, 186.40e3], 2.9) in found, found
        assert ([0.08e3, 12.36e3], 0.7) in found, found
        assert not accused(variant)


def test_a_planted_rate_on_the_actual_area_is_called_wrong() -> None:
    for variant in both_scripts(SOWING.format(cereal="3.9")):
        assert ([5.20e3, 186.40e3], 3.9) in _rates(variant, "inconsistent"), variant


def test_real_growth_is_checked_against_no_level() -> None:
    for variant in both_scripts(REAL):
        assert not _rates(variant, "consistent") and not accused(variant), variant
