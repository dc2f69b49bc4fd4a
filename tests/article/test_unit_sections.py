"""A table of sections headed by a row in its own unit (article/grid_sections.py), as a
province's transport release pastes it: 货运量(万吨) over its modes, one of them in 吨, rows marked
其中 under a mode, then 旅客运输量(万人) over the same modes. Figures my own, worked by hand:
850.30 + 2359.70 + 0.50 (5000吨) = 3210.50 and 820.10 + 2279.60 + 0.50 = 3100.20 万吨;
500.10 + 900.20 + 100.10 = 1500.40 and 450.00 + 870.10 + 80.10 = 1400.20 万人 (高铁 is of 铁路,
国际货邮 of 民航: left out). Each rate is the row's this year over last: 3210.5 / 3100.2 = 3.6%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

TABLE = """\
指标 | 本年累计 | 上年同期 | 增长(%) |
货运量(万吨) | 3210.50 | 3100.20 | 3.6 |
铁路 | 850.30 | 820.10 | 3.7 |
公路 | {road} | 2279.60 | 3.5 |
民航(吨) | 5000.00 | 5000.00 | 0.0 |
其中:国际货邮(吨) | 1200.00 | 1100.00 | 9.1 |
旅客运输量(万人) | 1500.40 | 1400.20 | 7.2 |
铁路 | 500.10 | 450.00 | 11.1 |
其中:高铁 | 300.00 | 250.00 | 20.0 |
公路 | 900.20 | 870.10 | 3.5 |
民航 | 100.10 | 80.10 | 25.0 |
"""


def _sums(text: str) -> list[tuple[str, float | None]]:
    return [(verdict, claimed) for verdict, _, claimed in of_kind(text, "sum")]


def test_the_rows_under_a_head_in_its_own_unit_add_up_to_it() -> None:
    for text in both_scripts(TABLE.format(road="2359.70")):
        sums = _sums(text)
        for total in (32105000.0, 31002000.0, 15004000.0, 14002000.0):
            assert ("consistent", total) in sums, (total, sums)
        assert accused(text) == [], text


def test_a_column_that_fails_where_the_other_adds_up_is_wrong() -> None:
    # 公路 2395.70: 850.30 + 2395.70 + 0.50 = 3246.50, not 3210.50; last year's column adds up
    for text in both_scripts(TABLE.format(road="2395.70")):
        assert ("sum", 32105000.0) in [(kind, claimed) for kind, _, _, claimed in accused(text)]


ONE_COLUMN = """\
指标 | 本年累计 | 增长(%) |
货运量(万吨) | 3210.50 | 3.6 |
铁路 | 850.30 | 3.7 |
公路 | {road} | 3.5 |
"""


def test_with_no_other_column_a_section_is_shown_when_it_adds_up_and_never_accused() -> None:
    # 850.30 + 2360.20 = 3210.50; with 2300.00 the rows may leave a mode out (水路)
    for text in both_scripts(ONE_COLUMN.format(road="2360.20")):
        assert ("consistent", 32105000.0) in _sums(text)
    for text in both_scripts(ONE_COLUMN.format(road="2300.00")):
        assert accused(text) == [], text


def test_rows_that_add_up_in_no_column_are_no_section() -> None:
    # 水路 left out of the table: 850.30 + 2300.00 = 3150.30, 820.10 + 2230.00 = 3050.10
    text = TABLE.format(road="2300.00").replace("2279.60", "2230.00")
    for each in both_scripts(text):
        assert 32105000.0 not in [claimed for _, claimed in _sums(each)]
        assert "sum" not in [kind for kind, *_ in accused(each)], each
