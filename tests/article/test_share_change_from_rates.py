"""A share's or a margin's change in points from the rates of its two levels, in the shapes of
NBS's industrial profits release (`利润总额…同比下降…;营业收入…同比增长…;营业收入利润率为…,同比下降
…个百分点`) and of fresh trial 19's A04. Our own figures, worked by hand:

  margin: 4120 / (1 − 0.032) = 4256.20; 70150 / (1 + 0.011) = 69386.75; last year 6.134%,
          so 5.87 − 6.134 = −0.26 points (stated 下降0.26个百分点; planted 下降0.56)
  share:  312 / 1.025 = 304.39; 520 / (1 − 0.012) = 526.32; last year 57.83%, so
          60.0 − 57.83 = 2.17 points (stated 提高2.2个百分点; planted 提高3.2)

A value added's rate is at constant prices, no nominal share's: no change is computed from it."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

MARGIN = (
    "1—5月份,全国规模以上工业企业实现利润总额4120亿元,同比下降3.2%。\n"
    "1—5月份,规模以上工业企业实现营业收入70150亿元,同比增长1.1%;"
    "营业收入利润率为5.87%,同比下降{points}个百分点。\n"
)
SHARE = (
    "前三季度,河北省出口520亿元,同比下降1.2%。\n"
    "前三季度,河北省机电产品出口312亿元,同比增长2.5%,占全省出口的60.0%,"
    "比上年同期提高{points}个百分点。\n"
)
VALUE_ADDED = (
    "全年全省规模以上工业增加值9800亿元,比上年增长4.5%。其中,高技术制造业增加值1500亿元,"
    "比上年增长8.0%,占规模以上工业增加值的比重为15.3%,比上年提高1.5个百分点。\n"
)


def _changes(found: list[tuple[str, str, list[float], float | None]], verdict: str) -> list[object]:
    return [r for r in found if r[0] == "share-change-rates" and r[1] == verdict]


def test_a_margins_change_from_the_rates_of_its_terms() -> None:
    for variant in both_scripts(MARGIN.format(points="0.26")):
        assert _changes(article_relations(variant), "consistent"), variant
        assert not accused(variant)
    for variant in both_scripts(MARGIN.format(points="0.56")):
        assert _changes(accused(variant), "inconsistent"), variant


def test_a_shares_change_from_the_rates_of_its_part_and_whole() -> None:
    for variant in both_scripts(SHARE.format(points="2.2")):
        assert _changes(article_relations(variant), "consistent"), variant
        assert not accused(variant)
    for variant in both_scripts(SHARE.format(points="3.2")):
        assert _changes(accused(variant), "inconsistent"), variant


def test_rates_of_value_added_make_no_change_of_a_share() -> None:
    for variant in both_scripts(VALUE_ADDED):
        assert not _changes(article_relations(variant), "consistent"), variant
        assert not accused(variant), variant


def test_a_rate_with_no_base_after_the_first_is_on_the_year_before() -> None:
    # "其中,…机电产品出口…,增长2.5%": as a bulletin writes the rates after the first
    text = SHARE.replace("同比增长2.5%", "增长2.5%").replace(
        "前三季度,河北省机电", "其中,河北省机电"
    )
    for variant in both_scripts(text.format(points="2.2")):
        assert _changes(article_relations(variant), "consistent"), variant
    for variant in both_scripts(text.format(points="3.2")):
        assert _changes(accused(variant), "inconsistent"), variant
