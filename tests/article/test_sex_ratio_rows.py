"""A table of a city's population (a statistics bureau's 人口主要指标, pipe-separated as pages copy
it) gives 男性 and 女性 and, under them, "人口性别比(以女性人口为100)": each year's men per hundred
women. My figures: 52.40 / 50.10 × 100 = 104.59; 53.00 / 50.50 × 100 = 104.95."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

TABLE = (
    "指标名称 | 单位 | 2023年 | 2024年 |\n"
    "年末户籍人口 | 万人 | 102.50 | 103.50 |\n"
    "男性 | 万人 | 52.40 | 53.00 |\n"
    "女性 | 万人 | 50.10 | 50.50 |\n"
    "人口性别比(以女性人口为100) | % | {first} | 104.95 |\n"
    "人口出生率 | ‰ | 7.10 | 6.80 |\n"
)


def test_a_tables_sex_ratio_is_its_men_per_hundred_women() -> None:
    for text in both_scripts(TABLE.format(first="104.59")):
        ratios = [(verdict, values) for verdict, values, _ in of_kind(text, "per-hundred")]
        assert ("consistent", [501000.0, 524000.0]) in ratios, ratios
        assert ("consistent", [505000.0, 530000.0]) in ratios, ratios
        assert accused(text) == [], text


def test_a_wrong_ratio_in_the_table_is_caught() -> None:
    for text in both_scripts(TABLE.format(first="105.49")):
        assert [values for _, _, values, _ in accused(text)] == [[501000.0, 524000.0]], text


def test_a_ratio_of_births_is_no_ratio_of_the_rows_above() -> None:
    births = TABLE.format(first="104.59").replace("人口性别比", "出生人口性别比")
    for text in both_scripts(births.replace("104.95", "112.30")):
        assert of_kind(text, "per-hundred") == [], text
