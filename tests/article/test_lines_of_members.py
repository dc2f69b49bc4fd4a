"""Partitions whose members stand on lines of their own, in the shapes of a provincial tourism
bureau's monthly summary (fresh trial 17's A04: `5.接待国内过夜游客…` then a line of its income,
then `6.接待国内一日游游客…`, the whole two lines before them) and of a national investment
release (trial 17's A08: `从项目隶属关系看,…中央项目投资…;地方项目投资…` after the total).
Our own figures, worked by hand:

  visitors 820.40 + 1250.35 = 2070.75 万人次 (2170.75 is shown, not called wrong: the whole's
    旅游者 is not the parts' 游客, so its words suggest it and do not bind it)
    a year before 820.40 / 1.1 + 1250.35 / 1.25 = 745.818 + 1000.28 = 1746.098;
    2070.75 / 1746.098 = 1.18593 → 18.59%
  investment 8000 + 92000 = 100000 亿元 (planted 90000 for 92000)
"""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

SUMMARY = (
    "1.接待入境游客52.10万人次,比去年同期增长8.20%;\n"
    "2.接待国内旅游者{domestic}万人次,比去年同期增长18.59%;\n"
    " 国内旅游收入180.20亿元,比去年同期增长20.10%;\n"
    "3.接待国内过夜游客820.40万人次,比去年同期增长10.00%;\n"
    " 国内过夜游客收入120.50亿元,比去年同期增长15.00%;\n"
    "4.接待国内一日游游客1250.35万人次,比去年同期增长25.00%;\n"
    " 国内一日游收入59.70亿元,比去年同期增长31.20%;\n"
)
RELEASE = (
    "1-9月份,全国固定资产投资(不含农户)100000亿元,同比增长10.0%。\n"
    "从项目隶属关系看,1-9月份,中央项目投资8000亿元,同比下降5.0%;地方项目投资{local}亿元,"
    "增长11.5%。\n"
)


def _sums(text: str, total: float) -> list[str]:
    return [r[1] for r in article_relations(text) if r[0] == "sum" and r[3] == total]


def test_visitors_on_lines_of_their_own_make_the_whole_above_them() -> None:
    for variant in both_scripts(SUMMARY.format(domestic="2070.75")):
        assert _sums(variant, 20_707_500) == ["consistent"], variant
        growths = [r for r in article_relations(variant) if r[0] == "growth-of-sum"]
        assert [(r[1], r[3]) for r in growths] == [("consistent", 18.59)], variant
        assert not accused(variant), variant


def test_a_whole_named_otherwise_that_the_lines_do_not_make_is_shown_not_called_wrong() -> None:
    """旅游者 is not the parts' 游客: the words suggest the whole and do not bind it."""
    for variant in both_scripts(SUMMARY.format(domestic="2170.75")):
        assert _sums(variant, 21_707_500) == ["unverifiable"], variant
        assert not accused(variant), variant


def test_central_and_local_projects_make_the_investment() -> None:
    for variant in both_scripts(RELEASE.format(local="92000")):
        assert _sums(variant, 10_000_000_000_000) == ["consistent"], variant
        assert not accused(variant), variant
    for variant in both_scripts(RELEASE.format(local="90000")):
        assert _sums(variant, 10_000_000_000_000) == ["inconsistent"], variant


FRAMED = (
    "今年上半年,全社会累计完成固定资产投资30000亿元,比去年同期增长20.0%。其中,城镇累计完成投资"
    "25000亿元,增长22.0%;农村累计完成投资5000亿元,增长10.0%。\n"
    "在上半年城镇投资中,国有及国有控股单位投资14000亿元,同比增长18.0%。中央项目投资4000亿元,"
    "增长2.0%;地方项目21000亿元,增长25.0%。\n"
)


def test_parts_of_a_paragraph_framed_by_another_whole_never_accuse_the_first_total() -> None:
    """(fresh trial 8's W01) 在上半年城镇投资中 frames the projects: 4000 + 21000 is the urban
    investment, not the 30000 of all investment the paragraph before states."""
    for variant in both_scripts(FRAMED):
        assert not accused(variant), variant
