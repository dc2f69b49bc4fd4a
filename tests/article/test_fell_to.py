"""A figure a level fell to, written with 为 after the verb ("由上年同期的2.05:1下降为2.02:1"),
is the level it reached, as with 至 or 到: in the shape of fresh trial 17's A01 (a county's
quarterly report), the towns' and the countryside's income per head, then their ratio,
which narrowed over a short clause before 由. Our own figures, worked by hand:
9180 / 4500 = 2.04; a planted 2.10 is off by more than its rounding (2.035–2.045).
With no figure it runs from (自然增加为负312人), 为 still gives a change."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

INCOME = (
    "全区居民人均可支配收入6812元,增长5.9%。按常住地分,城镇常住居民人均可支配收入9180元,"
    "增长5.1%;农村常住居民人均可支配收入4500元,增长6.7%。城乡收入比持续缩小,"
    "由上年同期的2.07:1下降为{ratio}:1。"
)


def test_the_ratio_a_text_says_it_fell_to_is_the_towns_over_the_countryside() -> None:
    for text in both_scripts(INCOME.format(ratio="2.04")):
        assert ("consistent", [4500.0, 9180.0], 2.04) in of_kind(text, "ratio"), text
        assert accused(text) == [], text


def test_a_wrong_ratio_it_fell_to_is_caught() -> None:
    for text in both_scripts(INCOME.format(ratio="2.10")):
        wrong = [(kind, values, claimed) for kind, _, values, claimed in accused(text)]
        assert wrong == [("ratio", [4500.0, 9180.0], 2.10)], wrong


def test_a_count_that_fell_to_a_level_is_that_level() -> None:
    # 8630 − 512 = 8118: the 512 is the level reached, not a fall of 512
    text = "全县贫困人口由2015年末的8630人减少为512人,累计减少8118人。"
    for script in both_scripts(text):
        found = of_kind(script, "difference")
        assert ("consistent", [512.0, 8630.0], -8118.0) in found, found  # a fall
        assert accused(script) == [], script
