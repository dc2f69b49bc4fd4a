"""Tables after the prose, in the shapes real releases print them (the NBS income table with
its numbered components, a communiqué's population table with a unit column, a GDP table
whose header starts with an empty cell), with our own figures, in both scripts: each relation
a table states is read, a planted error is caught, and a table whose rows may be lost or
whose header cannot be aligned accuses nobody. Every expected figure is worked by hand in the
comments."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.annotate import annotate
from povcli.article.clean import clean_article
from povcli.article.factcheck import Finding, check_text
from povcli.article.grids import grids_of
from povcli.verdict import Verdict
from tests.helpers import both_scripts, judged_relations

TO_TRADITIONAL = opencc.OpenCC("s2t")

# 12000 + 3000 + 1000 + 4000 = 20000; 11500 + 2800 + 900 + 3800 = 19000; the changes
# 500 + 200 + 100 + 200 = 1000; rates 1000/19000 = 5.26 → 5.3, 500/11500 = 4.35 → 4.3,
# 200/2800 = 7.14 → 7.1, 100/900 = 11.1, 200/3800 = 5.26 → 5.3, 1000/14000 = 7.14 → 7.1;
# 构成 12000/20000 = 60.0, 15.0, 5.0, 20.0 (sum 100); 贡献率 500/1000 = 50.0, 20.0, 10.0,
# 20.0 (sum 100)
INCOME = """\
2024年全市居民人均可支配收入20000元,比上年增长5.3%。

表1 2024年居民收支主要数据
指标 | 2024年 水平 (元) |
2023年 水平 (元) |
增量 (元) |
同比 增长 (%) |
构成 (%) |
贡献率 (%) |
全体居民 | — | ||||
可支配收入 | 20000 | 19000 | 1000 | 5.3 | ||
一、工资性收入 | 12000 | 11500 | 500 | 4.3 | 60.0 | 50.0 |
二、经营净收入 | 3000 | 2800 | 200 | 7.1 | 15.0 | 20.0 |
三、财产净收入 | 1000 | 900 | 100 | 11.1 | 5.0 | 10.0 |
四、转移净收入 | 4000 | 3800 | 200 | 5.3 | 20.0 | 20.0 |
消费支出 | 15000 | 14000 | 1000 | 7.1 | ||
"""
# by row: a difference and a change rate for each of the six rows (12); the components:
# three sums (two years' levels, the changes), four shares of the total and their sum of
# 100, four shares of the change and their sum of 100 (13)
INCOME_RELATIONS = {"difference": 6, "change-rate": 6, "sum": 5, "share": 8}

# 400/500 = 80.00%, 411.06/510 = 80.60%; 60 + 240 = 300, 58 + 247 = 305; 148 + 152 = 300,
# 150.5 + 154.5 = 305; 8.50 − 6.20 = 2.30, 8.10 − 6.40 = 1.70
POPULATION = """\
2024年末全市常住人口510.00万人,比上年末增加10.00万人。

指标名称 | 单位 | 2023年 | 2024年 |
年末常住人口 | 万人 | 500.00 | 510.00 |
城镇人口 | 万人 | 400.00 | 411.06 |
占常住人口比重 | % | 80.00 | 80.60 |
年末户籍人口 | 万人 | 300.00 | 305.00 |
乡村人口 | 万人 | 60.00 | 58.00 |
城镇人口 | 万人 | 240.00 | 247.00 |
男性 | 万人 | 148.00 | 150.50 |
女性 | 万人 | 152.00 | 154.50 |
人口出生率 | ‰ | 8.50 | 8.10 |
人口死亡率 | ‰ | 6.20 | 6.40 |
人口自然增长率 | ‰ | 2.30 | 1.70 |
"""

# 40 + 360 + 400 = 800
GDP = """\
全年全市地区生产总值800.00亿元,比上年增长5.0%。

表1 2024年全市生产总值
| 绝 对 数 (亿元) | 比上年增长 (%) |
地区生产总值 | 800.00 | 5.0 |
第一产业 | 40.00 | 3.0 |
第二产业 | 360.00 | 4.5 |
第三产业 | 400.00 | 5.8 |
"""

# a 比重 column whose total row stands at 100.0: 80/200 = 40.0, 120/200 = 60.0, 36/200 = 18.0,
# 50/200 = 25.0; 80 + 120 = 200 and 40.0 + 60.0 = 100 (城镇 and 乡村 right under the total)
HUKOU = """\
2024年末全县户籍人口200.00万人。

表2 2024年末户籍人口及其构成
指 标 | 绝对数(万人) | 比重(%) |
年末户籍人口 | 200.00 | 100.0 |
其中:城镇 | 80.00 | 40.0 |
乡村 | 120.00 | 60.0 |
其中:0-17岁 | 36.00 | 18.0 |
18-34岁 | 50.00 | 25.0 |
"""


def findings(text: str) -> list[Finding]:
    return check_text(clean_article("标题\n\n" + text).text)


def counted(found: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in found:
        counts[finding.result.kind] = counts.get(finding.result.kind, 0) + 1
    return counts


def table_findings(found: list[Finding], text: str) -> list[Finding]:
    table_start = text.index("|")
    return [f for f in found if f.relation.start >= table_start]


def inconsistent(found: list[Finding]) -> list[str]:
    return [f.result.kind for f in found if f.result.verdict.value == "inconsistent"]


@pytest.mark.parametrize("text", both_scripts(INCOME))
def test_the_income_table_states_each_rows_change_and_its_components(text: str) -> None:
    found = table_findings(findings(text), "标题\n\n" + text)
    assert counted(found) == INCOME_RELATIONS
    assert {f.result.verdict.value for f in found} == {"consistent"}


@pytest.mark.parametrize("text", both_scripts(INCOME))
def test_a_cell_is_a_figure_at_the_articles_own_offsets(text: str) -> None:
    (grid,) = grids_of(text)
    assert [c.measure for c in grid.columns] == [
        "level", "level", "change", "rate", "share", "contribution",
    ]  # fmt: skip
    assert [c.year for c in grid.columns[:2]] == ["2024", "2023"]
    wages = grid.rows[1]
    assert wages.ordinal == 1 and wages.section in ("全体居民", "全體居民")
    assert text[wages.cells[0].start : wages.cells[0].end] == "12000"
    assert wages.cells[0].bounds.low == 11999.5  # a survey mean in yuan: rounded
    assert wages.cells[3].value == 4.3


@pytest.mark.parametrize(
    ("old", "new", "kinds"),
    [
        # 构成 of 经营净收入 16.0 for 3000/20000 = 15.0; 60 + 16 + 5 + 20 = 101, not 100
        ("| 7.1 | 15.0 | 20.0 |", "| 7.1 | 16.0 | 20.0 |", ["share", "sum"]),
        # 消费支出 7.1 → 9.1: 1000 / 14000 = 7.14%
        ("| 1000 | 7.1 | ||", "| 1000 | 9.1 | ||", ["change-rate"]),
        # 转移净收入's change 200 → 300: 4000 − 3800 = 200; 500 + 200 + 100 + 300 = 1100;
        # 300 / 3800 = 7.9%, not 5.3%; 300/1000 = 30%, not 20.0% (its share of the change)
        (
            "| 4000 | 3800 | 200 |",
            "| 4000 | 3800 | 300 |",
            ["change-rate", "difference", "share", "sum"],
        ),
    ],
)
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_error_in_the_income_table_is_caught(
    old: str, new: str, kinds: list[str], script: str
) -> None:
    assert old in INCOME
    text = INCOME.replace(old, new)
    text = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    assert sorted(set(inconsistent(findings(text)))) == kinds


@pytest.mark.parametrize("text", both_scripts(POPULATION))
def test_the_population_table_reads_shares_partitions_and_natural_growth(text: str) -> None:
    found = table_findings(findings(text), "标题\n\n" + text)
    # two shares, two urban/rural sums, two male/female sums, two natural growths
    assert counted(found) == {"share": 2, "sum": 4, "difference": 2}
    assert {f.result.verdict.value for f in found} == {"consistent"}
    working = sorted(f.result.working for f in found if f.result.kind == "sum")
    # urban and rural make the household-registered population right above them; so do men
    # and women (further up: shown, never called wrong)
    assert working == [
        "1480000 + 1520000 = 3000000",
        "1505000 + 1545000 = 3050000",
        "580000 + 2470000 = 3050000",
        "600000 + 2400000 = 3000000",
    ]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_natural_growth_in_the_table_is_caught(script: str) -> None:
    text = POPULATION.replace("| 2.30 | 1.70 |", "| 2.30 | 1.90 |")  # 8.10 − 6.40 = 1.70
    text = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    assert inconsistent(findings(text)) == ["difference"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_urban_part_is_caught_where_the_total_stands_right_above(script: str) -> None:
    text = POPULATION.replace("| 58.00 |", "| 68.00 |")  # 68 + 247 = 315, not 305
    text = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    assert inconsistent(findings(text)) == ["sum"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_parts_whose_total_stands_further_up_never_accuse(script: str) -> None:
    """A scraped table has lost its indenting: 男性 and 女性 may break down the row two rows
    up or another; when they do not add up, the sum is unverifiable, never inconsistent."""
    text = POPULATION.replace("| 154.50 |", "| 164.50 |")  # 150.5 + 164.5 = 315 ≠ 305
    text = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    found = findings(text)
    assert inconsistent(found) == []
    sums = [f for f in found if f.result.working == "1505000 + 1645000 = 3150000"]
    assert [f.result.verdict.value for f in sums] == ["unverifiable"]


@pytest.mark.parametrize("text", both_scripts(GDP))
def test_a_header_opening_with_an_empty_cell_still_names_the_columns(text: str) -> None:
    found = table_findings(findings(text), "标题\n\n" + text)
    assert [(f.result.kind, f.result.working) for f in found] == [
        ("sum", "4000000000 + 36000000000 + 40000000000 = 80000000000")
    ]
    assert found[0].result.verdict.value == "consistent"
    planted = findings(text.replace("| 400.00 |", "| 410.00 |"))  # 40 + 360 + 410 = 810
    assert inconsistent(planted) == ["sum"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_components_cut_off_at_the_end_of_a_page_never_accuse(script: str) -> None:
    """The page ends inside the table ("四、转移净" with no figures): three of four components
    are no sum, and nothing says the run is whole."""
    cut = INCOME[: INCOME.index("四、转移净收入")] + "四、转移净"
    text = TO_TRADITIONAL.convert(cut) if script == "traditional" else cut
    found = findings(text)
    assert inconsistent(found) == []
    sums = [f for f in found if f.result.kind == "sum" and f.result.claimed != 100]
    # 12000 + 3000 + 1000 = 16000 against 20000: shown as unverifiable
    assert "unverifiable" in {f.result.verdict.value for f in sums}


def test_a_header_of_two_levels_is_left_alone() -> None:
    """Merged header cells (外出农民工总量 over 跨省流动 | 省内流动): the rows hold more cells
    than the header names, so no column can be trusted and no relation is read from it."""
    text = (
        "单位:万人、% | ||||\n"
        "按输出地分 | 外出农民工总量 | 构成 | |||\n"
        "跨省流动 | 省内流动 | 跨省流动 | 省内流动 | |\n"
        "合计 | 17000 | 7000 | 10000 | 100.0 | 41.2 | 58.8 |\n"
        "东部地区 | 5000 | 1000 | 4000 | 100.0 | 20.0 | 80.0 |\n"
    )
    assert grids_of(text) == []


def test_the_cells_of_a_table_are_no_figures_of_the_prose() -> None:
    """The prose reading would take 城镇人口 | 万人 | 400.00 | 411.06 for figures of one
    sentence (two levels of one year, an unknown period): it reads the table as a table."""
    reading = annotate(clean_article("标题\n\n" + POPULATION).text)
    assert [f.written for f in reading.figures] == ["510.00万人", "10.00万人"]
    assert len(reading.grids) == 1


@pytest.mark.parametrize("text", both_scripts(HUKOU))
def test_shares_under_a_row_at_100_are_of_that_row(text: str) -> None:
    found = table_findings(findings(text), "标题\n\n" + text)
    # four shares of the total, urban and rural making it, their shares making 100
    assert counted(found) == {"share": 4, "sum": 2}
    assert {f.result.verdict.value for f in found} == {"consistent"}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_share_under_a_row_at_100_is_caught(script: str) -> None:
    text = HUKOU.replace("| 120.00 | 60.0 |", "| 120.00 | 62.0 |")  # 120/200 = 60.0; 40 + 62 = 102
    text = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    assert sorted(inconsistent(findings(text))) == ["share", "sum"]


# the prose, then its table: 第一产业 120.40 亿元 up 4.2%, the total 800.00 up 5.1%; the table
# restates both; 第二产业's row says 310.25 where the prose says nothing of it
RESTATED = """\
全年地区生产总值800.00亿元,比上年增长5.1%。其中,第一产业增加值120.40亿元,增长4.2%。

表2 2024年地区生产总值及增速
指标 | 绝对数(亿元) | 比上年增长(%) |
地区生产总值 | 800.00 | 5.1 |
其中:第一产业 | 120.40 | 4.2 |
第二产业 | 310.25 | 6.3 |
"""


@pytest.mark.parametrize("text", [RESTATED, TO_TRADITIONAL.convert(RESTATED)])
def test_the_prose_restated_in_its_table_agrees(text: str) -> None:
    equal = [
        (f.relation.roles["a"].written, f.relation.roles["b"].written, f.result.verdict.value)
        for f in findings(text)
        if f.result.kind == "equal"
    ]
    words = "亿元" if "亿" in text else "億元"
    assert sorted(equal) == sorted(
        [
            ("800.00" + words, "800.00" + words, "consistent"),
            ("5.1%", "5.1%", "consistent"),
            ("120.40" + words, "120.40" + words, "consistent"),
            ("4.2%", "4.2%", "consistent"),
        ]
    )


def test_a_row_named_alike_with_another_value_is_no_restatement() -> None:
    # the prose's 第一产业 is a half-year's 58.10, the table's the year's 120.40: not paired,
    # and nothing is called wrong
    text = RESTATED.replace(
        "其中,第一产业增加值120.40亿元,增长4.2%", "上半年第一产业增加值58.10亿元,增长3.9%"
    )
    for written in (text, TO_TRADITIONAL.convert(text)):
        found = findings(written)
        assert all(f.result.verdict.value != "inconsistent" for f in found)
        assert not [f for f in found if f.result.kind == "equal" and "58.10" in f.sentence]


# A table whose header cannot be read (each header cell on a line of its own, a caption
# above), its rows between separators: a row's cells (an area, a yield, an output) are no
# prose list of parts after 其中, whatever they add up to (30.0 + 6000.0 + 18.0 > 40.0).
UNREAD = """\
表1 2024年全县油料作物情况 | |||
播种面积 (千公顷) |
单位面积产量 (公斤/公顷) |
总产量 (万吨) |
|
油料 | 50.0 | 800.0 | 40.0 |
其中:油菜籽 | 30.0 | 6000.0 | 18.0 |
花生 | 20.0 | 11000.0 | 22.0 |
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_the_cells_of_a_table_row_are_no_parts_of_a_prose_list(script: str) -> None:
    text = UNREAD if script == "simplified" else TO_TRADITIONAL.convert(UNREAD)
    assert not any(f.result.verdict == Verdict.INCONSISTENT for f in check_text(text))


# The same shape with a header that reads: a caption row, each header cell on a line of its
# own, a yield per unit of area (单位面积产量: no 单位 column, never summed), sections 分季节
# that break the row above down. 30.0 + 20.0 = 50.0 (千公顷), 7.5 + 4.5 = 12.0 (万吨); the
# yields 2500.0 and 2250.0 are of 2400.0 per hectare and add up to nothing.
SEASONS = """\
表2 2024年全县油料生产情况 | |||
播种面积 (千公顷) |
单位面积产量 (公斤/公顷) |
总产量 (万吨) |
|
全年油料 | 50.0 | 2400.0 | 12.0 |
一、分季节 | |||
1、春播 | 30.0 | 2500.0 | 7.5 |
2、秋播 | 20.0 | 2250.0 | 4.5 |
二、分品种 | |||
1、油菜籽 | 35.0 | 2400.0 | 8.4 |
2、花生 | 15.0 | 2400.0 | 3.6 |
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_header_a_cell_a_line_over_rows_between_separators(script: str) -> None:
    text = SEASONS if script == "simplified" else TO_TRADITIONAL.convert(SEASONS)
    found = [(f.result.kind, str(f.result.verdict), f.result.claimed) for f in check_text(text)]
    assert ("sum", "consistent", 50.0e3) in found  # 50.0 千公顷 = 50,000 hectares
    assert ("sum", "consistent", 12.0e4) in found
    # yields are no parts: no sum claims one; each is its row's output over its area
    # (12.0万吨 × 1000 公斤 per 吨 / 50.0千公顷 = 2400.0)
    assert not any(kind == "sum" and claimed == 2400.0 for kind, _, claimed in found)
    assert ("per-unit", "consistent", 2400.0) in found
    assert all(verdict == "consistent" for _, verdict, _ in found)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_area_under_a_header_a_cell_a_line_is_caught(script: str) -> None:
    # 春播 30.0 → 33.0 千公顷: 33.0 + 20.0 = 53.0 ≠ 50.0; and its yield 2500.0 is no longer
    # 7.5万吨 over it (75,000,000 公斤 / 33,000 公顷 = 2272.7), where four rows hold
    planted = SEASONS.replace("| 30.0 |", "| 33.0 |")
    text = planted if script == "simplified" else TO_TRADITIONAL.convert(planted)
    wrong = [f.result.kind for f in check_text(text) if f.result.verdict == Verdict.INCONSISTENT]
    assert sorted(wrong) == ["per-unit", "sum"]


# fresh trial 13's A04: a monthly release's pipe table of this period's and the same period a
# year before, with the growth; no year named in the header
PERIODS = (
    "指 标 | 本年本月累计 | 上年同期 | 增长速度(%) |\n"
    "货物运输量(万吨) | 4120.50 | 3980.20 | 3.5 |\n"
    "铁路 | 1010.30 | 1050.60 | {rail} |\n"
    "公路 | 3110.20 | 2929.60 | 6.2 |\n"
)


def test_this_periods_levels_grow_from_the_same_period_a_year_before() -> None:
    # 1010.30 / 1050.60 − 1 = −3.84%; 3110.20 / 2929.60 − 1 = 6.16%; 4120.50 / 3980.20 − 1 = 3.52%
    for script in both_scripts("标题\n\n" + PERIODS.format(rail="-3.8")):
        found = judged_relations(clean_article(script).text)
        growth = [(verdict, claimed) for kind, verdict, _, claimed in found if kind == "growth"]
        assert ("consistent", -3.8) in growth, found
        assert ("consistent", 6.2) in growth
        assert ("consistent", 3.5) in growth
    for script in both_scripts("标题\n\n" + PERIODS.format(rail="-8.3")):
        found = judged_relations(clean_article(script).text)
        assert ("inconsistent", -8.3) in [(v, c) for k, v, _, c in found if k == "growth"], found
