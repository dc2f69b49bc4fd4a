"""A change that runs to a level (`减少约1,500人至3,830,100人`), in the shape of fresh trial 19's
A09 (Hong Kong's labour force release): the level takes what the change's clause names, and
the change is its own. Our own figures, worked by hand:

  employed 3,702,300 + unemployed 148,900 = labour force 3,851,200

A planted labour force of 3,815,200 is called wrong."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "同期的总劳动人口减少约2,300人至{force}人。失业人数增加约3,100人至148,900人。"
    "总就业人数减少约5,400人至3,702,300人。\n"
)


def test_levels_a_change_runs_to_make_the_labour_force() -> None:
    for variant in both_scripts(TEXT.format(force="3,851,200")):
        found = article_relations(variant)
        assert ("sum", "consistent", [148900.0, 3702300.0], 3851200.0) in found, found
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_labour_force_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(force="3,815,200")):
        assert [r[0] for r in accused(variant)] == ["sum"], variant


def test_a_change_to_a_level_with_its_rate() -> None:
    # 12.4 / (356.2 − 12.4) = 3.61%
    text = "全市常住人口比上年增加12.4万人至356.2万人,增长3.6%。\n"
    for variant in both_scripts(text):
        found = article_relations(variant)
        assert ("change-rate", "consistent", [124000.0, 3562000.0], 3.6) in found, found
