"""Shares of a whole named more briefly than the figure the list breaks down, in the shape of
fresh trial 18's A02 (Macao's arrivals by way of entry): "经陆路入境的旅客共约X万人次,当中经甲口岸
有A万人次、乙口岸有B万人次,丙口岸有C万人次,分别佔入境旅客a%、b%及c%". No figure is called
入境旅客; the one the list after 当中 breaks down, 经陆路入境本市的旅客, holds its words in order.
Our own figures, by hand: 48.6 / 120.4 = 40.37% (stated 40.4); 51.3 / 120.4 = 42.61% (42.6);
15.2 / 120.4 = 12.62% (12.6). The binding is the reader's, not the text's: shown when it holds,
and a share that does not (planted 45.6) is left unverifiable, never called wrong."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

ARRIVALS = (
    "按入境渠道统计,5月经陆路入境本市的旅客共约120.4万人次,按年增加1.3倍,当中经北关口岸有48.6万"
    "人次、跨海大桥有51.3万人次,新区口岸有15.2万人次,分别占入境旅客{north}%、42.6%及12.6%。"
    "另一方面,经海路及空路入境的旅客分别有3.1万及7.7万人次。\n"
)


def _shares(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [(r[2], r[3]) for r in article_relations(text) if r[0] == "share" and r[1] == verdict]


def test_the_shares_are_of_the_figure_the_list_breaks_down() -> None:
    for variant in both_scripts(ARRIVALS.format(north="40.4")):
        found = _shares(variant, "consistent")
        assert ([48.6e4, 120.4e4], 40.4) in found, found
        assert ([51.3e4, 120.4e4], 42.6) in found, found
        assert ([15.2e4, 120.4e4], 12.6) in found, found
        assert not accused(variant)


def test_a_share_that_does_not_hold_is_never_called_wrong() -> None:
    for variant in both_scripts(ARRIVALS.format(north="45.6")):
        assert ([48.6e4, 120.4e4], 45.6) not in _shares(variant, "consistent")
        assert not accused(variant), variant


def test_a_whole_whose_words_the_figure_does_not_hold_stays_missing() -> None:
    text = ARRIVALS.format(north="40.4").replace("分别占入境旅客", "分别占出境旅客")
    for variant in both_scripts(text):
        assert not _shares(variant, "consistent"), variant
        assert not accused(variant)
