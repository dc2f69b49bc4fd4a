"""A budget's spending with how much of the plan is done, then its parts after 其中:, in the shape
of fresh trial 19's A01 (a city's budget for four months). Our own figures, worked by hand:

  县本级 31.2 + 乡镇 55.2 = 86.4 (亿元)
  31.2 / 1.010 + 55.2 / 1.034 = 30.891 + 53.385 = 84.276; 86.4 / 84.276 − 1 = 2.52% (stated 2.5%)

`完成年初预算42.1%` is how far the plan is done: no whole of the parts, and not what `增长2.5%`
is the growth of. 县本级 and 乡镇 are all of a county's budget (as 市本级 and 区级 are a city's), so
the parts make the whole: planted, 乡镇 57.2 (the parts make 88.4) and a whole of 84.4 are wrong."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "1-5月,全县一般公共预算支出86.4亿元,完成年初预算42.1%,快于序时进度0.4个百分点,"
    "增长{growth}%。其中:县本级支出31.2亿元,增长1.0%;乡镇支出{towns}亿元,增长3.4%。\n"
)


def test_the_parts_after_qizhong_make_the_spending_not_the_plans_share() -> None:
    for variant in both_scripts(TEXT.format(growth="2.5", towns="55.2")):
        found = article_relations(variant)
        assert ("sum", "consistent", [31.2e8, 55.2e8], 86.4e8) in found, found
        assert [r for r in found if r[0] == "growth-of-sum" and r[1] == "consistent"], found
        assert not accused(variant)


def test_a_planted_part_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(growth="2.5", towns="57.2")):
        assert ("sum", "inconsistent", [31.2e8, 57.2e8], 86.4e8) in accused(variant), variant


def test_a_planted_whole_is_called_wrong() -> None:
    text = TEXT.format(growth="2.5", towns="55.2").replace("86.4亿元", "84.4亿元")
    for variant in both_scripts(text):
        assert ("sum", "inconsistent", [31.2e8, 55.2e8], 84.4e8) in accused(variant), variant


def test_a_citys_own_level_and_its_districts_make_its_budget() -> None:
    text = (
        "1-4月,全市一般公共预算收入612.3亿元,增长2.0%。其中:市本级收入287.5亿元,下降0.5%;"
        "区级收入{districts}亿元,增长4.2%。\n"
    )
    for variant in both_scripts(text.format(districts="324.8")):
        assert ("sum", "consistent", [287.5e8, 324.8e8], 612.3e8) in article_relations(variant)
    for variant in both_scripts(text.format(districts="342.8")):
        assert ("sum", "inconsistent", [287.5e8, 342.8e8], 612.3e8) in accused(variant), variant
