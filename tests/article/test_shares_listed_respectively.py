"""Shares listed with 分别 after the parts are named, in the shape of fresh trial 19's A05 (a
province's county economy by region: `关中、陕北、陕南县域生产总值同比分别增长…,占全省县域生产总值
的比重分别为…`). Every figure of the list is a share of the one whole, not the first alone. Our
own figures, worked by hand: 41.2 + 38.5 + 20.3 = 100.0. A list that does not make 100% is shown
and never called wrong (a list may leave parts out)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "分区域看,关中、陕北、陕南县域生产总值同比分别增长5.1%、6.0%、4.4%,"
    "占全省县域生产总值的比重分别为{first}%、38.5%、20.3%。\n"
)


def test_each_share_of_a_respective_list_is_a_share() -> None:
    for variant in both_scripts(TEXT.format(first="41.2")):
        found = article_relations(variant)
        assert ("sum", "consistent", [20.3, 38.5, 41.2], 100.0) in found, found


def test_a_list_short_of_the_whole_is_not_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(first="39.2")):
        assert not accused(variant), variant


def test_listed_shares_are_read_as_shares() -> None:
    from povcli.article.annotate import annotate

    roles = [n.role for n in annotate("标题\n\n" + TEXT.format(first="41.2")).notes]
    assert roles == ["rate", "rate", "rate", "share", "share", "share"], roles
