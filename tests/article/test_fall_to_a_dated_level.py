"""A fall to a level dated between the verb and the figure, as Hong Kong's labour releases write
it (fresh trial 20's A01: `總就業人數由二零一六年七月至九月的3 813 400人,下跌至二零一六年八月至
十月的3 810 900人,減少約2 500人`): `下跌` is a fall, and the months the level is of (in Chinese
numerals, as Hong Kong writes them, or in digits) may stand between `至` and the figure. Our own
figures, worked by hand: 3 702 300 − 3 698 100 = 4 200; a planted 5 200 is called wrong."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "總就業人數由二零二三年七月至九月的3 702 300人,下跌至二零二三年八月至十月的3 698 100人,"
    "減少約{fall}人。\n"
)
DIGITS = "总就业人数由2023年7月至9月的3702300人,下跌至2023年8月至10月的3698100人,减少约{fall}人。\n"


def test_a_fall_to_a_level_of_named_months() -> None:
    for text in (TEXT.format(fall="4 200"), DIGITS.format(fall="4200")):
        for variant in both_scripts(text):
            found = article_relations(variant)
            assert ("difference", "consistent", [3698100.0, 3702300.0], -4200.0) in found, found


def test_a_planted_fall_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(fall="5 200")):
        assert [r for r in accused(variant) if r[0] == "difference"], variant
