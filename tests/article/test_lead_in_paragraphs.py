"""A total two paragraphs before its parts when the paragraph between is a lead-in of words alone
(`分产业来看,…——`), in the shape of fresh trial 20's A06 (a city's investment by sector). Our
own figures, worked by hand: 8.0 + 30.0 + 50.0 = 88.0 (亿元); a planted 52.0 makes 90.0."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "数据显示,一季度全县固定资产投资完成88.0亿元,同比增长8.0%。\n"
    "分产业来看,二产投资增速由负转正;三产投资增速加快——\n"
    "一季度,第一产业投资完成8.0亿元,同比增长10.0%;第二产业投资完成30.0亿元,同比增长2.0%;"
    "第三产业投资完成{tertiary}亿元,同比增长11.8%。\n"
)


def test_a_lead_in_of_words_alone_is_not_counted() -> None:
    for variant in both_scripts(TEXT.format(tertiary="50.0")):
        found = article_relations(variant)
        assert ("sum", "consistent", [8e8, 30e8, 50e8], 88e8) in found, found


def test_a_planted_part_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(tertiary="52.0")):
        assert ("sum", "inconsistent", [8e8, 30e8, 52e8], 88e8) in accused(variant), variant
