"""The false alarm fresh trial 19 found (a Xinhua report on the summer grain, 2011), in our own
words: after a crop's level, change and rate, a clause after `;` names another crop whose level
the text leaves out ("夏杂粮面积增加约73千公顷,增长1.5%"): its change and rate are not the first
crop's. Our own figures, worked by hand:

  冬小麦 2410 − 81 = 2329, 81 / 2329 = 3.48% (written 3.5)
  夏杂粮 +14 and 2.4%: no level, nothing to judge (14 / (2410 − 14) = 0.58% was the false alarm)

A planted 冬小麦 rate of 4.5% is still called wrong."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "全省夏粮播种面积3012千公顷,增加95千公顷,增长3.3%。其中冬小麦播种面积2410千公顷,"
    "增加81千公顷,增长{wheat}%;夏杂粮面积增加约14千公顷,增长2.4%;夏豆类面积减少约3千公顷。\n"
)


def test_a_change_of_another_crop_is_not_the_crops_before() -> None:
    for variant in both_scripts(TEXT.format(wheat="3.5")):
        found = article_relations(variant)
        rates = sorted(r[3] for r in found if r[0] == "change-rate")
        assert rates == [3.3, 3.5], found
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_rate_of_the_crop_before_is_still_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(wheat="4.5")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("change-rate", 4.5)], variant
