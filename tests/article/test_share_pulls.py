"""A county's investment by ownership in the shape of a county statistics bureau's monthly
commentary (fresh trial 21's A06): the total's rate alone, then `其中:` each part's rate,
its share `占全县投资比重为…%` and its pull, a fall's pull written `影响全县投资下降…个百分点`.
No levels: the shares carry the parts' weight. Our own figures, worked by hand:

  total +10.0%; 城镇投资 +20.0%, share 60.0%; 房地产开发投资 −2.2%, share 40.0%
  pulls: 60 × 20 / 120 × 1.10 = 11.0; 40 × 2.2 / 97.8 × 1.10 = 0.9898 → 1.0 (down)
  the shares make 100%: 11.0 − 1.0 = 10.0, the total's rate
  a year before 60 / 1.20 + 40 / 0.978 = 50 + 40.900 = 90.900; 100 / 90.900 → 10.0%
  planted: the first pull 12.0 (12.0 − 1.0 = 11.0, not 10.0)
"""

from __future__ import annotations

from tests.helpers import accused, both_scripts, claimed_of

COMMENTARY = (
    "1至6月,全县固定资产投资同比增长10.0%,较上月下降0.5个百分点。其中:城镇投资增长20.0%,"
    "占全县投资比重为60.0%,拉动全县投资增长{pull}个百分点;房地产开发投资下降2.2%,"
    "占全县投资比重为40.0%,影响全县投资下降1.0个百分点。\n"
)


def test_each_parts_pull_from_its_share_and_rate() -> None:
    for variant in both_scripts(COMMENTARY.format(pull="11.0")):
        assert claimed_of(variant, "pull", "consistent") == [-1.0, 11.0], variant
        assert not accused(variant), variant


def test_shares_that_make_the_whole_make_the_pulls_add_up_to_its_rate() -> None:
    for variant in both_scripts(COMMENTARY.format(pull="11.0")):
        assert 10.0 in claimed_of(variant, "sum", "consistent"), variant
        assert claimed_of(variant, "growth-of-sum", "consistent") == [10.0], variant


def test_a_pull_beyond_its_share_and_rate_is_called_wrong() -> None:
    for variant in both_scripts(COMMENTARY.format(pull="12.0")):
        wrong = sorted((r[0], r[3]) for r in accused(variant))
        assert wrong == [("pull", 12.0), ("sum", 10.0)], variant
