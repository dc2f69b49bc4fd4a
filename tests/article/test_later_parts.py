"""Parts after 其中 that go on in the next sentences of their paragraph (parts.
_parts_in_later_sentences), and a whole stated in the sentence before 其中's statement
(parts._previous_levels): the shapes of a provincial transport bulletin, with my own figures.
Every sum and rate worked by hand: 0.42 + 3.80 + 1.40 = 5.62; last year 0.42 / 1.040 +
3.80 / 1.050 + 1.40 / 1.094 = 5.3026, and 5.62 / 5.3026 = 1.0599 (6.0%)."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

FREIGHT = (
    "1-3季度,本市铁路、公路、水路完成货物运输量5.62亿吨,同比增长6.0%;增速比一季度回落0.3个百分点。"
    "其中铁路完成0.42亿吨,增长4.0%,比一季度回落1.1个百分点。公路完成3.80亿吨,增长5.0%;"
    "增速比一季度回落0.4个百分点。今年以来,公路运价连续下降,降幅在3%左右。"
    "水运完成{water}亿吨,增长9.4%,增速比一季度提高0.2个百分点。"
)
# 0.481 + 5.60 + 0.169 = 6.25; 6.25 / (0.481 / 1.08 + 5.60 / 1.015 + 0.169 / 1.05) = 1.0206
PASSENGERS = (
    "完成旅客运输量6.25亿人,增长2.1%;增速比一季度回落0.6个百分点。其中,铁路客运量4810万人,"
    "增长8.0%;公路客运量5.60亿人,增长{road}%;水运客运量1690万人,增长5.0%。"
)


def test_parts_going_on_in_later_sentences_make_their_whole() -> None:
    for text in both_scripts(FREIGHT.format(water="1.40")):
        sums = of_kind(text, "sum")
        assert ("consistent", [0.42e8, 1.40e8, 3.80e8], 5.62e8) in sums, sums
        assert [v for v, _, _ in of_kind(text, "growth-of-sum")] == ["consistent"], text
        assert accused(text) == []


def test_later_sentences_that_do_not_make_the_whole_are_not_its_parts() -> None:
    """水运 1.60亿吨 would make 5.82亿吨: the later sentences are not taken, nothing accused."""
    for text in both_scripts(FREIGHT.format(water="1.60")):
        assert [s for s in of_kind(text, "sum") if len(s[1]) == 3] == [], text
        assert accused(text) == []


def test_a_whole_before_a_statement_of_its_rates_change() -> None:
    for text in both_scripts(PASSENGERS.format(road="1.5")):
        sums = of_kind(text, "sum")
        assert ("consistent", [0.169e8, 0.481e8, 5.60e8], 6.25e8) in sums, sums
        assert [v for v, _, _ in of_kind(text, "growth-of-sum")] == ["consistent"], text
    # 公路 up 11.5%: 6.25 / (0.44537 + 5.02242 + 0.16095) = 1.1104, not 2.1%; parts after 其中
    # that merely add up are not bound as all of it (a rest may be left out), so it is shown
    # as unverifiable, never called wrong
    for text in both_scripts(PASSENGERS.format(road="11.5")):
        assert [v for v, _, _ in of_kind(text, "growth-of-sum")] == ["unverifiable"], text
        assert accused(text) == []
