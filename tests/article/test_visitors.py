"""Visitors who stay the night and those who do not make all arrivals (a partition, grammar.json),
and a level a rate runs to ("留宿旅客则微升0.4%至1,245,070人次": annotate._reached_by_rate): the
shape of a Macau paper's report of the statistics bureau's arrivals; figures my own, worked by hand:
1,120,400 + 980,600 = 2,101,000."""

from __future__ import annotations

from povcli.article.annotate import annotate
from tests.helpers import accused, both_scripts, of_kind

ARRIVALS = (
    "统计暨普查局资料显示,10月入境旅客为2,101,000人次,按年减少5.2%;不过夜旅客有{day}人次"
    "(占总数53.3%),较去年同月减少9.8%,留宿旅客则微升0.6%至980,600人次。"
)


def test_visitors_by_stay_make_all_arrivals() -> None:
    for text in both_scripts(ARRIVALS.format(day="1,120,400")):
        assert ("consistent", [980600.0, 1120400.0], 2101000.0) in of_kind(text, "sum"), text
        assert accused(text) == []
    # 1,210,400 + 980,600 = 2,191,000, not 2,101,000
    for text in both_scripts(ARRIVALS.format(day="1,210,400")):
        assert ("sum", "inconsistent", [980600.0, 1210400.0], 2101000.0) in accused(text), text


def test_a_level_a_rate_runs_to_is_of_the_clauses_subject() -> None:
    reading = annotate("全年货物出口增长4.1%至1,560亿元;进口下降3.2%至980亿元。")
    rate, level = reading.notes[2], reading.notes[3]
    assert (level.figure.written, level.subject) == ("980亿元", "进口")
    assert rate.head == level.index
