"""The first months of the year written in Chinese numerals, in the shape of a Taiwan paper's copy
of a customs release (fresh trial 22's A06: `今年前兩個月…累計進出口總值…`, February's total a
paragraph before): `前兩個月` is a span (January to February), no count of two, and 累计 names the
span's sum. Our own figures, worked by hand:

  February 5,000.0 億美元 within the two months' 10,200.0 (planted 11,000.0: more than both)
"""

from __future__ import annotations

from povcli.article.figures import figures_of
from tests.helpers import accused, article_relations, both_scripts

RELEASE = (
    "海關總署今公布2026年2月進出口統計數據,2月中國進出口總值為{february}億美元,年增20.0%。\n"
    "今年前兩個月,中國累計進出口總值1兆200.0億美元,年增15.0%。\n"
)


def test_the_first_two_months_are_a_span_no_count() -> None:
    assert [f.written for f in figures_of("今年前兩個月,出口6,000億美元")] == ["6,000億美元"]
    assert [f.written for f in figures_of("今年前两个月,出口6,000亿美元")] == ["6,000亿美元"]


def test_februarys_total_lies_within_the_first_two_months() -> None:
    for variant in both_scripts(RELEASE.format(february="5,000.0")):
        subsets = [(r[1], r[2]) for r in article_relations(variant) if r[0] == "subset"]
        assert subsets == [("consistent", [500_000_000_000.0, 1_020_000_000_000.0])], variant
        assert not accused(variant), variant
    for variant in both_scripts(RELEASE.format(february="11,000.0")):
        assert [r[0] for r in accused(variant)] == ["subset"], variant
