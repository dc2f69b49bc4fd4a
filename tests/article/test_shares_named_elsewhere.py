"""Shares whose whole the words name otherwise than the figure's own words, in the shapes of
fresh trial 23's A01 (a customs release: "民营企业进出口…,占同期X省外贸进出口总值的54.7%,…。
国有企业进出口…,占22.3%。外商投资企业进出口…,占22.9%", the whole "X省外贸进出口1.62万亿元" in
the paragraph before) and A04 (an education bulletin: "全省有普惠性幼儿园…所,…,占总数的68.08%",
the total of 幼儿园 in the paragraph before). Our own figures, by hand: 6600.0 / 12000 = 55.0%,
2700.0 / 12000 = 22.5%, 2640.0 / 12000 = 22.0% (planted 24.0; 1.20万亿 stands for 1.195–1.205万亿,
21.9–22.1%); 3900 / 5200 = 75.00%, 590000 / 820000 = 71.95% (planted 77.95, shown only: 总数
binds no figure by name)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TRADE = (
    "据海关消息,今年前10个月,浙江省外贸进出口1.20万亿元(人民币,下同),比去年同期(下同)增长5%。其中,"
    "出口7400.0亿元,增长9%;进口4600.0亿元,下降0.5%。\n"
    "民营企业依旧扮演进出口主力军。前10个月,浙江省民营企业进出口6600.0亿元,增长8.5%,占同期浙江省"
    "外贸进出口总值的55.0%,比重较去年同期提高1.8个百分点。国有企业进出口2700.0亿元,增长4.3%,占22.5%。"
    "外商投资企业进出口2640.0亿元,增长0.3%,占{foreign}%。\n"
)
SCHOOLS = (
    "二、学前教育\n"
    "全省共有幼儿园5200所,比上年增加40所,增长0.78%。在园(班)幼儿820000人,比上年减少30000人,"
    "下降3.53%。\n"
    "全省有普惠性幼儿园3900所,比上年增加300所,增长8.33%,占总数的75.00%;普惠性幼儿园在园(班)幼儿"
    "590000人,比上年增加20000人,增长3.51%,占总数的{enrolled}%。\n"
)


def _shares(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [(r[2], r[3]) for r in article_relations(text) if r[0] == "share" and r[1] == verdict]


def test_bare_shares_after_a_sentence_naming_the_whole_are_of_it() -> None:
    for variant in both_scripts(TRADE.format(foreign="22.0")):
        found = _shares(variant, "consistent")
        for part, share in ((6600e8, 55.0), (2700e8, 22.5), (2640e8, 22.0)):
            assert ([part, 1.2e12], share) in found, (part, found)
        assert not accused(variant)


def test_a_planted_bare_share_is_called_wrong() -> None:
    for variant in both_scripts(TRADE.format(foreign="24.0")):
        assert ([2640e8, 1.2e12], 24.0) in _shares(variant, "inconsistent"), variant


def test_a_share_of_the_total_is_of_what_the_parts_words_end_with() -> None:
    for variant in both_scripts(SCHOOLS.format(enrolled="71.95")):
        found = _shares(variant, "consistent")
        assert ([3900, 5200], 75.0) in found, found
        assert ([590000, 820000], 71.95) in found, found
        assert not accused(variant)


def test_a_share_bound_by_its_nouns_only_is_never_called_wrong() -> None:
    for variant in both_scripts(SCHOOLS.format(enrolled="77.95")):
        assert not accused(variant), variant
