"""A year's figure each after 分别 under a span of years, and their total a sentence later
(article/yearly_lists.py), as NBS's seventy-years report and county reviews of a five-year plan
write them. Figures my own: 3200 + 2850 + 2410 + 1980 + 1560 = 12000 people over 2016–2020; a
planted 2140 for 2410 makes 11730."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

FIVE_YEARS = (
    "按现行标准,2016至2020年全县减贫人数分别为3200人、2850人、{third}人、1980人、1560人,"
    "每年减贫人数均保持在1000人以上。五年来,全县已累计减贫12000人,年均减贫2400人。"
)


def test_a_years_figures_add_up_to_the_spans_total() -> None:
    for text in both_scripts(FIVE_YEARS.format(third="2410")):
        assert ("consistent", 12000.0) in [(v, c) for v, _, c in of_kind(text, "sum")], text
        assert accused(text) == [], text
    for text in both_scripts(FIVE_YEARS.format(third="2140")):
        assert ("sum", 12000.0) in [(k, c) for k, _, _, c in accused(text)], text


@pytest.mark.parametrize(
    "text",
    [
        # four figures for five years: a year left out
        FIVE_YEARS.format(third="2410").replace("、1560人", ""),
        # the total of six years, the list of five
        FIVE_YEARS.format(third="2140").replace("五年来", "六年来"),
    ],
)
def test_a_list_short_of_its_span_or_total_is_never_accused(text: str) -> None:
    for each in both_scripts(text):
        assert "sum" not in [kind for kind, *_ in accused(each)], each


def test_the_total_may_repeat_the_span() -> None:
    text = (
        "2018至2020年全市新增就业人数分别为5.2万人、4.8万人、4.5万人。"
        "2018至2020年全市累计新增就业{total}万人。"
    )
    for each in both_scripts(text.format(total="14.5")):
        assert ("consistent", 145000.0) in [(v, c) for v, _, c in of_kind(each, "sum")], each
    for each in both_scripts(text.format(total="15.4")):
        assert "sum" in [kind for kind, *_ in accused(each)], each


# a month's figure each after 分别 over 1月到5月, a sixth added with 加上, and the half-year's total
# (Taiwan's births): 9800 + 8700 + 9500 + 9400 + 9900 + 9200 = 56500
MONTHS = (
    "今年1月到5月出生数分别为9800人、8700人、{third}人、9400人、9900人,加上6月的9200人,"
    "上半年新生儿累计5万6500人。"
)


def test_a_months_figures_add_up_to_the_months_total() -> None:
    for text in both_scripts(MONTHS.format(third="9500")):
        assert ("consistent", 56500.0) in [(v, c) for v, _, c in of_kind(text, "sum")], text
        assert accused(text) == [], text
    for text in both_scripts(MONTHS.format(third="9050")):
        assert ("sum", 56500.0) in [(k, c) for k, _, _, c in accused(text)], text


def test_a_months_total_of_other_months_is_never_accused() -> None:
    # the total of seven months, the list of six
    text = MONTHS.format(third="9050").replace("上半年新生儿", "前7个月新生儿")
    for each in both_scripts(text):
        assert "sum" not in [kind for kind, *_ in accused(each)], each


def test_a_total_of_another_thing_is_never_accused() -> None:
    # the births listed, the deaths' total after them
    text = MONTHS.format(third="9050").replace("上半年新生儿累计", "上半年死亡人数累计")
    for each in both_scripts(text):
        assert "sum" not in [kind for kind, *_ in accused(each)], each
    five = FIVE_YEARS.format(third="2140").replace("全县已累计减贫", "全县已累计新增就业")
    for each in both_scripts(five):
        assert "sum" not in [kind for kind, *_ in accused(each)], each
