"""A level compared with a target stated before the change, in the shape of fresh trial 18's
A01 (Taiwan's agriculture council, 稻米 in 公噸): "糙米为…公噸,較去年同期減少…公噸(-10.23%),…
較計畫目標965,940公噸減少14,763公噸(-1.52%)" — the article's own error, 965,940 − 897,808 being
68,132. Our figures, worked by hand:

  900,000 公吨 against last year: 100,000 less, −100000 / 1000000 = −10.00%
  against the target 950,000: 50,000 less, −50000 / 950000 = −5.263% → −5.26%

Planted: the target gap written 15,000 (the rate still the levels'): the difference is called wrong
and the rate, which the levels make, is not. Both the gap and the rate written wrong (15,000,
−1.58%, as the article's error): the difference is called wrong, and the rate is judged on the
change it states, −15000 / 950000 = −1.579% → −1.58%: consistent with it."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "全年糙米总产量为900,000公吨,较去年同期减少100,000公吨(-10.00%),"
    "较计划目标950,000公吨减少{gap}公吨(-{rate}%),减产原因主要系受病害影响。\n"
)


def text(gap: str = "50,000", rate: str = "5.26") -> str:
    return TEXT.format(gap=gap, rate=rate)


def test_a_level_against_a_target_and_against_last_year() -> None:
    for variant in both_scripts(text()):
        found = article_relations(variant)
        assert ("difference", "consistent", [900000.0, 950000.0], -50000.0) in found, found
        assert ("growth", "consistent", [900000.0, 950000.0], -5.26) in found, found
        assert ("change-rate", "consistent", [100000.0, 900000.0], -10.0) in found, found
        assert accused(variant) == [], found


def test_a_wrong_gap_to_the_target_is_called_wrong_and_the_rate_is_not() -> None:
    for variant in both_scripts(text(gap="15,000")):
        wrong = accused(variant)
        assert [r[0] for r in wrong] == ["difference"], wrong
        assert ("growth", "consistent", [900000.0, 950000.0], -5.26) in article_relations(variant)


def test_a_rate_written_with_a_wrong_gap_is_judged_on_the_gap() -> None:
    for variant in both_scripts(text(gap="15,000", rate="1.58")):
        found = article_relations(variant)
        assert [r[0] for r in accused(variant)] == ["difference"], found
        assert ("percent-of", "consistent", [-15000.0, 950000.0], -1.58) in found, found
