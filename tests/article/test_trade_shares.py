"""Shares of a province's trade in the shapes of customs releases (fresh trial 14's A03:
`占全省外贸总值的23.8%` after `货物贸易进出口总值983.1亿元`; trial 21's A02: a whole named once,
`占同期四川外贸进出口总值的(下同)70.3%`, then a bare `占30.4%`). 外贸 is the 进出口 a customs
release states. Our own figures, worked by hand:

  400.0 / 1000.0 = 40.0%; 350.0 / 1000.0 = 35.0% (planted 45.0%)
  300.0 / 2000.0 = 15.0% (planted 18.0%)
"""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

OWNERS = (
    "前三季度,全省货物贸易进出口总值1000.0亿元,比去年同期增长5.0%。前三季度民营企业进出口"
    "400.0亿元,同比增长10.0%,占全省外贸总值的40.0%;外商投资企业进出口350.0亿元,"
    "占全省外贸总值的{foreign}%。\n"
)
PARTNERS = (
    "1—9月,全省货物贸易进出口总值2000.0亿元,增长8.0%。美国、欧盟为前2大贸易伙伴,合计进出口值"
    "占同期全省外贸进出口总值的(下同)30.0%,其中对美国进出口350.0亿元;对欧盟进出口250.0亿元。"
    "此外,全省对东盟进出口300.0亿元,增长12%,占{asean}%。\n"
)


def _shares(text: str) -> list[tuple[str, float | None]]:
    found = [(r[1], r[3]) for r in article_relations(text) if r[0] == "share"]
    return sorted(found, key=lambda r: (r[0], r[1] or 0.0))


def test_a_share_of_the_trade_named_waimao_binds_the_trade_total() -> None:
    for variant in both_scripts(OWNERS.format(foreign="35.0")):
        assert _shares(variant) == [("consistent", 35.0), ("consistent", 40.0)], variant
        assert not accused(variant), variant
    for variant in both_scripts(OWNERS.format(foreign="45.0")):
        assert ("inconsistent", 45.0) in _shares(variant), variant


def test_a_bare_share_after_a_whole_named_once_below_is_of_that_whole() -> None:
    for variant in both_scripts(PARTNERS.format(asean="15.0")):
        assert ("consistent", 15.0) in _shares(variant), variant
        assert not accused(variant), variant
    for variant in both_scripts(PARTNERS.format(asean="18.0")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("share", 18.0)], variant


GAP = (
    "前三季度,全省外贸进出口总值5000.0亿元,比去年同期增长3.0%。民营企业进出口增长9.5%,"
    "高出外贸整体增速{gap}个百分点,占外贸总值的40.0%。\n"
)


def test_a_rate_over_the_trade_as_a_whole_is_the_gap_to_its_rate() -> None:
    """(fresh trial 18's A08) 高出外贸整体增速7.6个百分点: 9.5 − 3.0 = 6.5 (planted 7.5)."""
    for variant in both_scripts(GAP.format(gap="6.5")):
        gaps = [(r[1], r[3]) for r in article_relations(variant) if r[0] == "point-change"]
        assert gaps == [("consistent", 6.5)], variant
        assert not accused(variant), variant
    for variant in both_scripts(GAP.format(gap="7.5")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("point-change", 7.5)], variant
