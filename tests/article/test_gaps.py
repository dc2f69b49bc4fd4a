"""Gaps between two regions' levels, in the shape of a yearbook's regional comparison (each
region's level with its change and rate; then "A与B的收入差距为G,比YYYY年扩大了C"), our own
regions' figures, in both scripts; worked by hand in the comments."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.clean import clean_article
from povcli.article.factcheck import Finding, check_text

TO_TRADITIONAL = opencc.OpenCC("s2t")

# 48000 − 36000 = 12000; 2400/45600 = 5.26% → 5.3, 1500/34500 = 4.35% → 4.3; the gap grew
# 2400 − 1500 = 900 since 2022 (both changes are on the year before 2023)
EAST_WEST = (
    "2023年,东部地区城镇居民人均可支配收入为48000.0元,比上年增加2400.0元,增长5.3%;"
    "西部地区城镇居民人均可支配收入为36000.0元,比上年增加1500.0元,增长4.3%。"
    "从绝对差距看,东部地区与西部地区的收入差距为12000.0元,比2022年扩大了900.0元。"
)
# 1600/18400 = 8.70% → 8.7, 1000/16500 = 6.06% → 6.1; 20000 − 17500 = 2500; 1600 − 1000 = 600
EAST_NORTHEAST = (
    "2023年,东部地区农村居民人均可支配收入为20000.0元,比上年增加1600.0元,增长8.7%;"
    "东北地区农村居民人均可支配收入为17500.0元,比上年增加1000.0元,增长6.1%。"
    "东部地区与东北地区的收入差距最小,为2500.0元,比上年扩大了600.0元。"
)


def findings(text: str) -> list[Finding]:
    return check_text(clean_article("标题\n\n" + text + "\n").text)


def differences(text: str) -> list[tuple[str, str]]:
    return [
        (f.result.working, f.result.verdict.value)
        for f in findings(text)
        if f.result.kind == "difference"
    ]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (EAST_WEST, [("48000 − 36000 = 12000", "consistent"), ("2400 − 1500 = 900", "consistent")]),
        (
            EAST_NORTHEAST,
            [("20000 − 17500 = 2500", "consistent"), ("1600 − 1000 = 600", "consistent")],
        ),
    ],
    ids=["east-west", "east-northeast"],
)
def test_a_gap_is_the_larger_level_less_the_smaller_and_its_change_the_changes(
    text: str, expected: list[tuple[str, str]], script: str
) -> None:
    text = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    assert differences(text) == expected


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("text", "old", "new", "working"),
    [
        (EAST_WEST, "差距为12000.0元", "差距为12600.0元", "48000 − 36000 = 12000"),
        (EAST_WEST, "扩大了900.0元", "扩大了960.0元", "2400 − 1500 = 900"),
        (EAST_NORTHEAST, "为2500.0元", "为2700.0元", "20000 − 17500 = 2500"),
    ],
    ids=["gap", "gap-change", "smallest-gap"],
)
def test_a_planted_gap_is_caught(text: str, old: str, new: str, working: str, script: str) -> None:
    planted = text.replace(old, new)
    assert planted != text
    planted = TO_TRADITIONAL.convert(planted) if script == "traditional" else planted
    assert (working, "inconsistent") in differences(planted)


NO_GAP = [
    # a gap of consumption where the text gives only incomes: no relation
    "2023年,东部地区居民人均可支配收入为40000元;西部地区居民人均可支配收入为30000元。"
    "东部地区与西部地区的消费支出差距为8000元。",
    # the gap's change is since 2020, the levels' since the year before: no one change
    "2023年,东部地区居民人均可支配收入为40000元,比上年增加2000元;西部地区居民人均可支配收入"
    "为30000元,比上年增加1500元。东部地区与西部地区的收入差距为10000元,比2020年扩大了1500元。",
    # two measures of each region in the paragraph: which level the gap is of is unclear
    "2023年,东部地区城镇居民人均可支配收入为50000元,东部地区农村居民人均可支配收入为25000元;"
    "西部地区城镇居民人均可支配收入为40000元,西部地区农村居民人均可支配收入为16000元。"
    "东部地区与西部地区的收入差距为9000元。",
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("text", NO_GAP, ids=["other-measure", "other-base", "two-measures"])
def test_no_gap_is_accused_without_an_unambiguous_binding(text: str, script: str) -> None:
    text = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    assert [f.result.kind for f in findings(text) if f.result.verdict.value == "inconsistent"] == []
