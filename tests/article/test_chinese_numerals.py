"""Counts in 万 written in Chinese numerals (人民日报's "一千二百四十万人去年脱贫", "目标一千万人")
and thousands of 万 (a title's "减贫8千多万人" for the text's "8000多万人"): read as the figures
they are, so a title or a lead restating the text agrees with it. Not "数十万人" (several hundred
thousand) nor "十万火急"."""

from __future__ import annotations

from povcli.article.extract import find_mentions
from povcli.numbers import MORE_THAN, parse_quantity
from tests.helpers import accused, both_scripts, judged_relations


def _figures(text: str) -> list[tuple[str, float | int | None]]:
    return [(m.written, m.value) for m in find_mentions(text) if m.value is not None]


def test_chinese_numerals_in_wan_are_figures() -> None:
    text = "全年目标一千二百万人,实际三千多万人受益,另有两亿元资金到位。"
    found = _figures(text)
    assert ("一千二百万人", 12_000_000) in found, found
    assert ("三千多万人", 30_000_000) in found, found
    assert ("两亿元", 200_000_000) in found, found


def test_no_figure_in_words_that_only_sound_like_one() -> None:
    assert _figures("数十万人参加了活动,十万火急。") == []


def test_thousands_of_wan_are_read_whole() -> None:
    more = parse_quantity("8千多万人")
    assert (more.value, more.qualifier, more.measure) == (80_000_000, MORE_THAN, "人")
    plain = parse_quantity("6千万元")
    assert (plain.value, plain.qualifier, plain.measure) == (60_000_000, None, "元")


ARTICLE = (
    "全省6年减贫3千多万人 年度目标一千万人超额完成\n\n"
    "省扶贫办主任介绍:全省6年减贫3000多万人。全省贫困人口从2014年的3500万人减少到2020年的{left}万人,6年时间减少3000多万人。"
    "2020年贫困人口比上年减少1100万人,超额完成1000万人的目标任务。\n"
)


def test_a_title_in_thousands_of_wan_agrees_with_the_text() -> None:
    for text in both_scripts(ARTICLE.format(left="420")):
        equal = [(v, values) for kind, v, values, _ in judged_relations(text) if kind == "equal"]
        assert ("consistent", [30_000_000.0, 30_000_000.0]) in equal, equal
        assert ("consistent", [10_000_000.0, 10_000_000.0]) in equal, equal
        assert accused(text) == [], text


def test_a_numeral_read_by_both_grammars_is_one_figure() -> None:
    # 五百萬人 is a count of 萬人 to one grammar and of 萬 to the other: found once, and checked
    text = (
        "在園幼兒數連續三年下降,去年較前年減少超五百萬人。"
        "全國共有幼兒園27.44萬所,比上年減少14808所,下降5.12%。"
    )
    assert [m.written for m in find_mentions(text) if m.value == 5_000_000] == ["五百萬人"]
    assert ("consistent", [14808.0, 274400.0]) in [
        (v, values) for kind, v, values, _ in judged_relations(text) if kind == "change-rate"
    ]
