"""Figures written wholly in Chinese numerals, as Macao's papers write them (fresh trial 19's
A10): 二百零六億二千七百萬元 is 20,627,000,000 yuan (to the million its last digit names),
一百九十七點四四億元 is 197.44億, 百分之四點五 is 4.5%; their pieces (四億元 of 七點四億元)
are no figures. And a level compared with last year's (`較去年同期的…上升…`) in either writing.
Worked by hand: 206.27 / 197.44 − 1 = 4.47% (written 4.5); a planted 6.5% is called wrong."""

from __future__ import annotations

from povcli.article.figures import figures_of
from tests.helpers import accused, article_relations, both_scripts


def test_chinese_numerals_with_points_and_inner_scales_are_read_whole() -> None:
    text = (
        "收入二百零六億二千七百萬元,日均約七點四億元,較上年的一百九十七點四四億元上升百分之四點五。"
    )
    read = [(f.written, f.value) for f in figures_of(text)]
    assert read == [
        ("二百零六億二千七百萬元", 20_627_000_000.0),
        ("七點四億元", 740_000_000.0),
        ("一百九十七點四四億元", 19_744_000_000.0),
        ("百分之四點五", 4.5),
    ], read
    first = figures_of(text)[0]
    assert (first.bounds.low, first.bounds.high) == (20_626_500_000.0, 20_627_500_000.0)


GAMING = (
    "二月博彩毛收入二百零六億二千七百萬元,較去年同期的一百九十七點四四億元上升百分之{rate};"
    "日均約七點四億元。\n"
)


def test_a_rise_on_last_years_level_in_chinese_numerals() -> None:
    for variant in both_scripts(GAMING.format(rate="四點五")):
        found = article_relations(variant)
        assert ("growth", "consistent", [19744000000.0, 20627000000.0], 4.5) in found, found
    for variant in both_scripts(GAMING.format(rate="六點五")):
        assert [r[0] for r in accused(variant)] == ["growth"], variant


def test_a_rise_on_last_years_level_in_digits() -> None:
    text = "二月博彩毛收入206.27亿元,较去年同期的197.44亿元上升{rate}%。\n"
    for variant in both_scripts(text.format(rate="4.5")):
        found = article_relations(variant)
        assert ("growth", "consistent", [19744000000.0, 20627000000.0], 4.5) in found, found
    for variant in both_scripts(text.format(rate="6.5")):
        assert [r[0] for r in accused(variant)] == ["growth"], variant
