"""A share's change in points written bare after a bulletin's first 比上年末, in the shape of
fresh trial 3's V10 (a transport bulletin: "全国等级公路里程…万公里,比上年末增加…万公里。等级公路
占公路总里程的85.2%,提高1.1个百分点。其中,二级及以上公路里程…,增加…,占公路总里程的11.8%,提高0.3
个百分点"). The share names its part briefly (等级公路 for 等级公路里程). Our own figures, by hand:
440.00 / 500.00 = 88.0%; last year (440.00 − 30.00) / (500.00 − 25.00) = 410 / 475 = 86.32%,
so 88.0 − 86.32 = 1.68 points (stated 1.7; planted 2.7); 65.00 / 500.00 = 13.0%, last year
60 / 475 = 12.63%, 0.37 points (stated 0.4)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

ROADS = (
    "(一)公路。\n"
    "年末全省公路总里程达500.00万公里,比上年末增加25.00万公里。公路密度为52.10公里/百平方公里。\n"
    "全省等级公路里程440.00万公里,比上年末增加30.00万公里。等级公路占公路总里程的88.0%,提高{graded}"
    "个百分点。其中,二级及以上公路里程65.00万公里,增加5.00万公里,占公路总里程的13.0%,提高0.4个百分点。\n"
)


def _kind(text: str, kind: str, verdict: str) -> list[float | None]:
    return [r[3] for r in article_relations(text) if r[0] == kind and r[1] == verdict]


def test_a_share_named_briefly_and_its_bare_points() -> None:
    for variant in both_scripts(ROADS.format(graded="1.7")):
        assert sorted(_kind(variant, "share", "consistent")) == [13.0, 88.0], variant
        assert sorted(_kind(variant, "share-change", "consistent")) == [0.4, 1.7], variant
        assert not accused(variant)


def test_planted_points_are_called_wrong() -> None:
    for variant in both_scripts(ROADS.format(graded="2.7")):
        assert _kind(variant, "share-change", "inconsistent") == [2.7], variant


def test_points_of_changes_since_another_year_are_not_judged() -> None:
    text = ROADS.format(graded="2.7").replace("比上年末增加", "比2015年末增加")
    for variant in both_scripts(text):
        assert not _kind(variant, "share-change", "consistent"), variant
        assert not accused(variant), variant
