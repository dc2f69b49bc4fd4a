"""Stages of schooling named by the headings of bullet lists, in the shape of fresh trial 19's
A08 (an education bulletin summed up as lists: a heading `义务教育总体情况`, lines
`- 学校21.26万所`, then `小学`, a line of comment, and `- 学校16.01万所`). Our own figures,
worked by hand: the primary schools' 14.98 ≤ the compulsory stage's 20.71 (万所), their
entrants 1801.22 ≤ 3412.56 (万人); a planted 3801.22 is called wrong. A heading only names the
lines that follow it: past a line of prose it names nothing."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "义务教育总体情况\n"
    "- 学校20.71万所\n"
    "- 招生3412.56万人\n"
    "小学\n"
    "学校数量继续减少\n"
    "- 学校14.98万所,比上年下降2.3%\n"
    "- 招生{entrants}万人,比上年下降1.1%\n"
)


def test_the_heading_names_the_stage_of_its_lines() -> None:
    for variant in both_scripts(TEXT.format(entrants="1801.22")):
        found = article_relations(variant)
        assert ("subset", "consistent", [149800.0, 207100.0], None) in found, found
        assert ("subset", "consistent", [18012200.0, 34125600.0], None) in found, found
        assert not accused(variant)


def test_a_planted_part_above_its_stage_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(entrants="3801.22")):
        assert ("subset", "inconsistent", [34125600.0, 38012200.0], None) in accused(variant)


def test_a_heading_names_nothing_past_a_line_of_prose() -> None:
    text = TEXT.format(entrants="3801.22").replace(
        "学校数量继续减少\n",
        "学校数量继续减少,各地推进学校布局调整,农村小规模学校和教学点得到保留和改善。\n",
    )
    for variant in both_scripts(text):
        assert not [r for r in article_relations(variant) if r[0] == "subset"], variant
