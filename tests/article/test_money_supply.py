"""Money within the money that holds it, in the shape of fresh trial 20's A10 (the central bank's
monthly money and credit release): currency in circulation (M0) within narrow money (M1) within
broad money (M2), each a balance at the month's end. `M2` is a name, no figure 2. Our own
figures, worked by hand: 12.30 ≤ 67.20 ≤ 300.12 (万亿元); a planted M1 of 330.20 is called
wrong."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "2月末,广义货币(M2)余额300.12万亿元,同比增长8.5%。狭义货币(M1)余额{m1}万亿元,同比增长1.5%。"
    "流通中货币(M0)余额12.30万亿元,同比增长12.0%。\n"
)


def test_narrow_money_within_broad_money() -> None:
    for variant in both_scripts(TEXT.format(m1="67.20")):
        found = article_relations(variant)
        assert ("subset", "consistent", [67.2e12, 300.12e12], None) in found, found
        assert ("subset", "consistent", [12.3e12, 67.2e12], None) in found, found
        assert not accused(variant)


def test_a_planted_narrow_money_above_broad_money_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(m1="330.20")):
        assert ("subset", "inconsistent", [300.12e12, 330.2e12], None) in accused(variant)


def test_m2_is_a_name_not_a_figure() -> None:
    from povcli.article.figures import figures_of

    read = [f.written for f in figures_of("广义货币(M2)余额300.12万亿元,PM2.5浓度下降")]
    assert read == ["300.12万亿元"], read
