"""Columns of amounts per unit in a table (`article/unit_columns.py`): the header gives each
column its unit in brackets, and the column in 公斤/公顷 is the column of a mass over the
column of an area, whatever their scales. The shapes are a yearbook's (trial 9's grain table:
播种面积 (千公顷) | 单位面积产量 (公斤/公顷) | 总产量 (万吨), the header one cell a line); the
tables, places and figures are our own, in both scripts, correct and planted."""

from __future__ import annotations

from povcli.article.clean import clean_article
from tests.helpers import both_scripts, judged_relations

# 186.0万吨 = 1,860,000 吨 = 1,860,000,000 公斤 over 310.0千公顷 = 310,000 公顷: 6000.0;
# 44.0万吨 = 440,000 吨 × 1000 / 80,000 公顷 = 5500.0; 65.0 / 100.0 → 6500.0;
# 41.0 / 70.0 → 5857.14 (5857.1); 36.0 / 60.0 → 6000.0
GRAIN = """表3 2024年各县粮食生产情况 | |||
播种面积 (千公顷) |
单位面积产量 (公斤/公顷) |
总产量 (万吨) |
|
全市 | 310.0 | {whole} | 186.0 |
甲县 | 100.0 | 6500.0 | 65.0 |
乙县 | 80.0 | {second} | 44.0 |
丙县 | 70.0 | 5857.1 | 41.0 |
丁县 | 60.0 | 6000.0 | 36.0 |
"""
CORRECT = GRAIN.format(whole="6000.0", second="5500.0")
PLANTED = GRAIN.format(whole="6000.0", second="5800.0")  # 44.0 / 80.0 is 5500.0


def per_unit(text: str) -> list[tuple[str, list[float], float | None]]:
    """(verdict, the inputs' values, the claimed value) of each amount per unit found."""
    cleaned = clean_article("标题\n\n" + text).text
    return [
        (verdict, values, claimed)
        for kind, verdict, values, claimed in judged_relations(cleaned)
        if kind in ("per-unit", "ratio")
    ]


def test_each_rows_yield_is_its_output_over_its_area_in_both_scripts() -> None:
    for text in both_scripts(CORRECT):
        found = per_unit(text)
        # output in 吨, area in 公顷, the factor 1000 公斤 per 吨, the yield as written
        assert ("consistent", [1000.0, 80_000.0, 440_000.0], 5500.0) in found, found
        assert len(found) == 5
        assert all(verdict == "consistent" for verdict, _, _ in found)


def test_a_yield_off_its_output_and_area_is_caught_in_both_scripts() -> None:
    for text in both_scripts(PLANTED):
        found = per_unit(text)
        assert ("inconsistent", [1000.0, 80_000.0, 440_000.0], 5800.0) in found, found
        assert [v for v, _, _ in found].count("inconsistent") == 1


def test_too_few_rows_holding_call_no_row_wrong() -> None:
    """Two rows wrong of five: the rule holds in three rows only for two that break it."""
    text = GRAIN.format(whole="6100.0", second="5800.0")
    assert all(verdict != "inconsistent" for verdict, _, _ in per_unit(text))


def test_a_row_of_growth_rates_under_the_table_is_no_amount_per_unit() -> None:
    text = CORRECT + "比上年增长 | 1.2 | 0.8 | 2.0 |\n"
    found = per_unit(text)
    assert all(verdict != "inconsistent" for verdict, _, _ in found)
    assert len(found) == 5


# 人/平方公里 over 常住人口 (万人) and 土地面积 (平方公里), a page's cells a space apart:
# 60.0万 / 120 = 5000; 50.0万 / 200 = 2500; 40.0万 / 400 = 1000; 20.0万 / 800 = 250
DENSITY = """表5 各区土地面积和人口密度
地区 土地面积(平方公里) 常住人口(万人) 人口密度(人/平方公里)
甲区 120 60.0 5000
乙区 200 50.0 {second}
丙区 400 40.0 1000
丁区 800 20.0 250
"""


def test_a_density_is_the_population_over_the_area() -> None:
    text = DENSITY.format(second="2500")
    for script in both_scripts(text):
        found = per_unit(script)
        assert ("consistent", [200.0, 500_000.0], 2500.0) in found, found
        assert len(found) == 4


def test_a_density_mistyped_is_caught() -> None:
    text = DENSITY.format(second="2800")  # 50.0万 / 200 = 2500
    for script in both_scripts(text):
        found = per_unit(script)
        assert ("inconsistent", [200.0, 500_000.0], 2800.0) in found, found


def test_a_header_whose_units_name_no_such_pair_reads_nothing() -> None:
    """元/人 over columns in 吨 and 公顷: no column counts the yuan or the people."""
    text = CORRECT.replace("公斤/公顷", "元/人")
    assert per_unit(text) == []
