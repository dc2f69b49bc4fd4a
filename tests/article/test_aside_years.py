"""A year in brackets is the aside's own (article/annotate.py): "比上年同期增长40.0%(恢复到
2019年同期的90.0%)" dates no figure after it, as a tourism release's half-year shows — its parts
after 其中 are the half-year's, and add up to it. Figures my own: 1.80 + 0.70 = 2.50亿;
2.50 / (1.80 / 1.35 + 0.70 / 1.55) − 1 = 40.06%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

HALF_YEAR = (
    "根据抽样调查结果,2023年上半年,全省旅游总人次2.50亿,比上年同期增长40.0%(恢复到2019年同期的"
    "90.0%)。其中,城镇居民旅游总人次1.80亿,增长35.0%;农村居民旅游总人次{rural}亿,增长55.0%。"
)


def test_the_parts_after_an_aside_are_of_the_sentences_period() -> None:
    for text in both_scripts(HALF_YEAR.format(rural="0.70")):
        assert ("consistent", 2.5e8) in [(v, c) for v, _, c in of_kind(text, "sum")], text
        assert accused(text) == [], text
    for text in both_scripts(HALF_YEAR.format(rural="0.80")):
        assert "sum" in [kind for kind, *_ in accused(text)], text
