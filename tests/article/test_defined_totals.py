"""A total defined by a note apart from its figures, in the shape of fresh trial 17's A04 (a
province's monthly tourism summary): a numbered list states the total and each part with its
growth, and a note under it says the total is the two parts together. Our own figures, worked
by hand:

  入境游客 80.50 = 过夜入境游客 30.20 + 入境一日游游客 50.30
  last year: 30.20 / 1.2000 + 50.30 / 1.0500 = 25.1667 + 47.9048 = 73.0714,
  so the total grew 80.50 / 73.0714 − 1 = 10.17%

A planted total growth of 12.17% is two points off: called wrong; a planted 一日游 of 52.30
makes the parts 82.50 against 80.50: called wrong."""

from __future__ import annotations

from tests.helpers import article_relations, both_scripts

TEXT = (
    "2024年3月全市旅游接待情况\n"
    "1.接待入境游客80.50万人次,比去年同期增长{growth}%;\n"
    "2.接待过夜入境游客(住宿)30.20万人次,比去年同期增长20.00%;\n"
    "3.接待入境一日游游客{day}万人次,比去年同期增长5.00%;\n"
    "4.国内旅游收入120.3亿元,比去年同期增长8.2%。\n"
    "*入境游客为过夜入境游客(住宿)和入境一日游游客合计数。\n"
)


def text(growth: str = "10.17", day: str = "50.30") -> str:
    return TEXT.format(growth=growth, day=day)


def test_a_note_defining_a_total_makes_its_parts_add_up_to_it() -> None:
    for variant in both_scripts(text()):
        found = article_relations(variant)
        assert ("sum", "consistent", [302000.0, 503000.0], 805000.0) in found, found
        growth = [r for r in found if r[0] == "growth-of-sum"]
        assert growth and growth[0][1] == "consistent" and growth[0][3] == 10.17, growth
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_growth_of_the_total_is_called_wrong() -> None:
    for variant in both_scripts(text(growth="12.17")):
        wrong = [r for r in article_relations(variant) if r[1] == "inconsistent"]
        assert [r[0] for r in wrong] == ["growth-of-sum"], wrong


def test_a_planted_part_is_called_wrong() -> None:
    for variant in both_scripts(text(day="52.30")):
        wrong = [r for r in article_relations(variant) if r[1] == "inconsistent"]
        assert ("sum", "inconsistent", [302000.0, 523000.0], 805000.0) in wrong, wrong


def test_two_levels_so_named_bind_nothing() -> None:
    # the parts named twice (this month's and the quarter's): which pair is meant is unclear
    twice = text() + "一季度接待入境一日游游客150.00万人次。\n"
    twice += "*入境游客为过夜入境游客和入境一日游游客合计数。\n"
    for variant in both_scripts(twice):
        found = article_relations(variant)
        assert not [r for r in found if r[1] == "inconsistent"], found
