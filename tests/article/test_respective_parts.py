"""Totals and parts each given as a pair after 分别, a line apiece (article/respective_parts.py), as
a province's transport office reports a month: freight in tonnes and tonne-kilometres by road and
by water after 其中 on a line of its own, the totals' rates in the next sentence for passengers.
Figures my own, worked by hand: 1.95 + 0.75 = 2.70亿吨, 210.40 + 1650.20 = 1860.60亿吨公里;
2500 + 150 = 2650万人, 200000 + 5000 = 205000万人公里. The total's rate from its parts' levels and
rates: 2.70 / (1.95 / 0.995 + 0.75 / 0.970) − 1 = −1.2%, 1860.60 / (210.40 / 1.003 + 1650.20 /
1.045) − 1 = 4.0%, 2650 / (2500 / 1.050 + 150 / 0.900) − 1 = 4.0%, 205000 / (200000 / 1.061 +
5000 / 0.990) − 1 = 5.9%; a planted rise of 3.0% for water's passengers makes the third
2650 / (2500 / 1.05 + 150 / 1.03) − 1 = 4.9%, not 4.0%."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

REPORT = (
    "6月,全省公路水路货运量、货物周转量分别完成2.70亿吨和1860.60亿吨公里,"
    "比去年同月分别下降1.2%和上升4.0%。\n"
    "其中:\n"
    "公路货运量和货物周转量分别完成1.95亿吨和210.40亿吨公里,比去年同月分别下降0.5%和上升0.3%;\n"
    "水路货运量和货物周转量分别完成{water}亿吨和1650.20亿吨公里,比去年同月分别下降3.0%和上升4.5%。\n"
    "6月,全省公路水路客运量和旅客周转量分别完成2650万人和205000万人公里。"
    "比去年同月分别上升4.0%和上升5.9%。\n"
    "其中:\n"
    "公路客运量和旅客周转量分别完成2500万人和200000万人公里,比去年同月分别上升5.0%和上升6.1%;\n"
    "水路客运量和旅客周转量分别完成150万人和5000万人公里,"
    "比去年同月分别{water_rate}和下降1.0%。"
)
CORRECT = {"water": "0.75", "water_rate": "下降10.0%"}


def test_each_measures_parts_add_up_to_its_total_by_their_place_in_the_pair() -> None:
    for text in both_scripts(REPORT.format(**CORRECT)):
        sums = [(verdict, claimed) for verdict, _, claimed in of_kind(text, "sum")]
        for total in (2.7e8, 1860.6e8, 2650e4, 205000e4):
            assert ("consistent", total) in sums, (total, sums)
        grown = [(verdict, claimed) for verdict, _, claimed in of_kind(text, "growth-of-sum")]
        for rate in (-1.2, 4.0, 4.0, 5.9):
            assert ("consistent", rate) in grown, (rate, grown)
        assert accused(text) == [], text


@pytest.mark.parametrize(
    ("planted", "kind"),
    [({"water": "0.57"}, "sum"), ({"water_rate": "上升3.0%"}, "growth-of-sum")],
)
def test_a_wrong_part_is_caught(planted: dict[str, str], kind: str) -> None:
    for text in both_scripts(REPORT.format(**{**CORRECT, **planted})):
        assert kind in [k for k, *_ in accused(text)], text


def test_parts_the_totals_words_do_not_name_are_never_accused() -> None:
    # 全省货运量 names no part: road and water may not be all of it (rail left out)
    text = REPORT.format(**{**CORRECT, "water": "0.57"}).replace("全省公路水路货运量", "全省货运量")
    for each in both_scripts(text):
        assert "sum" not in [k for k, _, _, claimed in accused(each) if claimed == 2.7e8], each
