"""A count restated in other words (article/restatements.py `_counted_alike`): the shapes of a
province's poverty report, which gives its poor villages as "有934个贫困乡、9000个贫困村" and
later as "贫困乡镇934个、贫困村9000个", a plan's "58个贫困县" twice in different sentences, and a
headline's "最后20县摘帽" over "同意…等20个县市脱贫摘帽". Figures my own. Counts of one value
whose own words share a run naming what they count are one count said twice (shown as agreeing,
never accused); counts whose words share nothing are not."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

NOUN_BEFORE_AND_AFTER = (
    "全省86个县中有重点县42个,有812个贫困乡、7600个贫困村。\n\n"
    "通过建档立卡,共识别出贫困乡镇812个、贫困村7600个、贫困人口540万人。"
)
PLAN_TWICE = (
    "本省107个县中有47个县是贫困县,其中国家扶贫开发工作重点县35个。\n\n"
    "据悉,“十三五”期间,本省计划完成47个贫困县摘帽任务。"
)


@pytest.mark.parametrize(("text", "value"), [(NOUN_BEFORE_AND_AFTER, 7600.0), (PLAN_TWICE, 47.0)])
def test_a_count_said_twice_in_other_words_agrees(text: str, value: float) -> None:
    for each in both_scripts(text):
        assert ("consistent", [value, value]) in [
            (verdict, values) for verdict, values, _ in of_kind(each, "equal")
        ], each
        assert accused(each) == [], each


def test_counts_of_one_value_whose_words_share_nothing_are_two_counts() -> None:
    text = "东部25个县实现脱贫摘帽。\n\n全省另有25个县开展试点工作。"
    for each in both_scripts(text):
        assert [values for _, values, _ in of_kind(each, "equal")] == [], each


def test_a_rough_count_is_not_the_exact_one() -> None:
    text = "全省有贫困村3000多个。\n\n其中深度贫困村3000个完成道路硬化。"
    for each in both_scripts(text):
        assert [values for _, values, _ in of_kind(each, "equal")] == [], each


def test_counts_of_two_places_are_not_one_count() -> None:
    text = "东山县有贫困人口3万人,已全部脱贫。\n\n西山县有贫困人口3万人,将于年底前脱贫。"
    for each in both_scripts(text):
        assert [values for _, values, _ in of_kind(each, "equal")] == [], each
