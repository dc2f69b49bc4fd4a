"""Freight and travel measured in tonne-kilometres and passenger-kilometres (吨公里, 人公里), in
prose and in a province's transport table whose labels give the unit in brackets; figures my
own, worked by hand: 120000 / 100000 = 1.200 (20.0%), 70000 / 60000 = 1.1667 (16.7%),
50000 / 40000 = 1.250 (25.0%), 30000 / 25000 = 1.200 (20.0%)."""

from __future__ import annotations

from povcli.article.figures import figures_of
from tests.helpers import accused, both_scripts, of_kind

TABLE = """\
指 标 | 本年本月累计 | 上年同期 | 增长速度(%) |
货物周转量(万吨公里) | 120000.00 | 100000.00 | 20.0 |
铁路 | 70000.00 | 60000.00 | {rail} |
公路 | 50000.00 | 40000.00 | 25.0 |
旅客周转量(万人公里) | 30000.00 | 25000.00 | 20.0 |
"""


def test_tonne_and_passenger_kilometres_are_units() -> None:
    read = figures_of("完成货物周转量6131.37亿吨公里,旅客周转量956.78亿人公里,客运量17.38亿人")
    assert [(f.unit, f.value) for f in read] == [
        ("tonne-kilometre", 613137000000.0),
        ("passenger-kilometre", 95678000000.0),
        ("person", 1738000000.0),
    ]


def test_a_tables_rates_of_tonne_kilometres_in_its_labels_unit() -> None:
    for text in both_scripts(TABLE.format(rail="16.7")):
        growth = of_kind(text, "growth")
        assert ("consistent", [600e6, 700e6], 16.7) in growth, growth
        assert ("consistent", [1000e6, 1200e6], 20.0) in growth, growth
        assert ("consistent", [250e6, 300e6], 20.0) in growth, growth
        assert accused(text) == []
    for text in both_scripts(TABLE.format(rail="61.7")):
        assert ("growth", "inconsistent", [600e6, 700e6], 61.7) in accused(text), text
