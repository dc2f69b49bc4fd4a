"""Tables scraped one cell a line, in the shapes pages give them (each cell closed by "|",
or cells parted by blank lines; a header cell cut over two lines; 单位 column; rows
numbered 一、, (一) and 1.; falls written -10.0), with our own figures, in both scripts:
each relation is read, a planted error is caught, and a table whose rows do not count out
or whose header does not match its rows accuses nobody. Figures worked by hand in the
comments."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.clean import clean_article
from povcli.article.factcheck import Finding, check_text
from povcli.verdict import Verdict
from tests.helpers import both_scripts
from tests.helpers import judged_relations as judged

TO_TRADITIONAL = opencc.OpenCC("s2t")

# growth: 165/150 = 1.100 → 10.0; 1320/1200 = 1.100 → 10.0; 180/200 = 0.900 → −10.0;
# 102/120 = 0.850 → −15.0; 78/80 = 0.975 → −2.5; 1140/1000 = 1.140 → 14.0; 99/90 = 1.100
# → 10.0 (a row after the parts closes them: parts that end a table may have lost rows)
# sums: (一) + (二) = 二、: 200 + 1000 = 1200, 180 + 1140 = 1320;
#       1. + 2. = (一): 120 + 80 = 200, 102 + 78 = 180
TOURISM = """\
2023年全市旅游业发展情况如下表。

项 目 |
单 位 |
2022年 |
2023年 |
2023年比
2022年增长% |
一、旅游总收入 |
亿元 |
150.00 |
165.00 |
10.0 |
二、接待游客 |
万人次 |
1200 |
1320 |
10.0 |
(一)入境游客 |
万人次 |
200 |
180 |
-10.0 |
1.外国人 |
万人次 |
120 |
102 |
-15.0 |
2.港澳台同胞 |
万人次 |
80 |
78 |
-2.5 |
(二)国内游客 |
万人次 |
1000 |
1140 |
14.0 |
三、旅行社接待人次 |
万人次 |
90 |
99 |
10.0 |
"""

# growth: 84/80 = 1.05 → 5.0; 19/20 = 0.95 → −5.0; 103/100 → 3.0
# sums over 一、二、 into 合计: 80 + 20 = 100, 84 + 19 = 103
FARMING = """\
表2 农林业产值

指标

单位

2021年

2022年

增长(%)

一、农业产值

亿元

80.0

84.0

5.0

二、林业产值

亿元

20.0

19.0

-5.0

合计

亿元

100.0

103.0

3.0
"""


def findings(text: str) -> list[Finding]:
    return check_text(text)


def of_kind(text: str, kind: str) -> list[tuple[str, list[float], float | None]]:
    return [(v, values, claimed) for k, v, values, claimed in judged(text) if k == kind]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_each_rows_growth_is_read_with_its_falls(script: str) -> None:
    text = TOURISM if script == "simplified" else TO_TRADITIONAL.convert(TOURISM)
    growth = of_kind(text, "growth")
    assert sorted((values[0], values[1], claimed) for _, values, claimed in growth) == sorted(
        [
            (150e8, 165e8, 10.0),
            (1200e4, 1320e4, 10.0),
            (180e4, 200e4, -10.0),
            (102e4, 120e4, -15.0),
            (78e4, 80e4, -2.5),
            (1000e4, 1140e4, 14.0),
            (90e4, 99e4, 10.0),
        ]
    )
    assert {verdict for verdict, _, _ in growth} == {"consistent"}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_rows_numbered_one_level_deeper_make_the_row_above(script: str) -> None:
    text = TOURISM if script == "simplified" else TO_TRADITIONAL.convert(TOURISM)
    sums = of_kind(text, "sum")
    assert sorted((values, claimed) for _, values, claimed in sums) == sorted(
        [
            ([200e4, 1000e4], 1200e4),
            ([180e4, 1140e4], 1320e4),
            ([80e4, 120e4], 200e4),
            ([78e4, 102e4], 180e4),
        ]
    )
    assert {verdict for verdict, _, _ in sums} == {"consistent"}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_figure_is_caught_in_its_row_and_in_its_sum(script: str) -> None:
    # 国内游客 2023: 1140 → 1150: 1150/1000 = 15.0% against 14.0; 180 + 1150 = 1330 ≠ 1320
    planted = TOURISM.replace("1140 |", "1150 |")
    text = planted if script == "simplified" else TO_TRADITIONAL.convert(planted)
    wrong = [(k, values, claimed) for k, v, values, claimed in judged(text) if v == "inconsistent"]
    assert ("growth", [1000e4, 1150e4], 14.0) in wrong
    assert ("sum", [180e4, 1150e4], 1320e4) in wrong
    assert len(wrong) == 2


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_cells_parted_by_blank_lines_with_a_total_below(script: str) -> None:
    text = FARMING if script == "simplified" else TO_TRADITIONAL.convert(FARMING)
    found = judged(text)
    assert ("sum", "consistent", [20e8, 80e8], 100e8) in found
    assert ("sum", "consistent", [19e8, 84e8], 103e8) in found
    assert ("growth", "consistent", [19e8, 20e8], -5.0) in found
    assert all(verdict == "consistent" for _, verdict, _, _ in found)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_part_is_caught_below_the_parts(script: str) -> None:
    # 林业 2022: 19.0 → 21.0: 84 + 21 = 105 ≠ 103; 21/20 = +5% against −5.0
    planted = FARMING.replace("19.0", "21.0")
    text = planted if script == "simplified" else TO_TRADITIONAL.convert(planted)
    wrong = [(k, values, claimed) for k, v, values, claimed in judged(text) if v == "inconsistent"]
    assert sorted(wrong) == sorted([("sum", [21e8, 84e8], 103e8), ("growth", [20e8, 21e8], -5.0)])


def test_a_row_that_lost_a_cell_is_left_out_and_the_sums_accuse_nobody() -> None:
    # 入境游客 lost its 2022 cell: its row has three cells, not four, and is left out; the
    # sum into 接待游客 is planted wrong (1140 → 1150) but may have lost a part: not accused
    lossy = TOURISM.replace("200 |\n180 |\n-10.0 |", "180 |\n-10.0 |")
    planted = lossy.replace("1140 |", "1150 |")
    for text in (lossy, planted, TO_TRADITIONAL.convert(planted)):
        found = judged(text)
        assert not any(k == "sum" and v == "inconsistent" for k, v, _, _ in found)
        assert ("growth", "consistent", [150e8, 165e8], 10.0) in found
    # a row's own growth needs no other row: still caught
    assert ("growth", "inconsistent", [1000e4, 1150e4], 14.0) in judged(planted)


@pytest.mark.parametrize(
    "header",
    [
        # four columns named, three cells a row: which column is missing is unknown
        "项 目 |\n单 位 |\n2022年 |\n2023年 |\n增长% |\n",
        # two levels of header (a block of years under each measure): not read
        "项 目 |\n游客人数 |\n收入 |\n2022年 |\n2023年 |\n2022年 |\n2023年 |\n",
    ],
)
def test_a_header_that_does_not_match_its_rows_reads_no_table(header: str) -> None:
    body = (
        "一、城区 |\n万人次 |\n100 |\n130 |\n二、郊区 |\n万人次 |\n50 |\n40 |\n"
        "合计 |\n万人次 |\n150 |\n190 |\n"
    )
    text = "全市游客情况如下。\n\n" + header + body
    assert not any(finding.result.verdict == Verdict.INCONSISTENT for finding in findings(text))
    assert not any(kind == "growth" for kind, _, _, _ in judged(text))


def test_a_caption_above_the_header_is_no_column() -> None:
    """表1 and a year in the caption look like a header cell: the header starts at 项目."""
    text = TOURISM.replace("项 目 |", "表1 2022—2023年旅游情况 |\n项 目 |")
    assert ("growth", "consistent", [150e8, 165e8], 10.0) in judged(text)


# A header of two levels, as a health commission's monthly table is scraped: the measures
# over a row of years and months, question marks for the spaces of empty cells and indents.
# 门诊: 1100/1000 → 10.0; 630/600 → 5.0; 520/500 → 4.0; 110/100 → 10.0; 470/400 → 17.5
# 住院: 210/200 → 5.0; 165/150 → 10.0; 126/120 → 5.0; 39/30 → 30.0; 45/50 → −10.0
HOSPITALS = """\
1-6月全市医疗服务情况(见表1)。
?
表1? 全市医疗机构医疗服务量
?
门诊人次数(万人次)
门诊人次增长(%
住院人数(万人)
住院人数增长(%
2022
1-6
2023
1-6
2022
1-6
2023
1-6
医疗机构合计
1000.0
1100.0
10.0
200.0
210.0
5.0
一、医院
600.0
630.0
5.0
150.0
165.0
10.0
??? 按经济类型分
?
?
?
?
?
?
???? ?公立医院
500.0
520.0
4.0
120.0
126.0
5.0
???? ?民营医院
100.0
110.0
10.0
30.0
39.0
30.0
二、基层医疗机构
400.0
470.0
17.5
50.0
45.0
-10.0
"""
VISITS = [(1000, 1100, 10.0), (600, 630, 5.0), (500, 520, 4.0), (100, 110, 10.0),
          (400, 470, 17.5)]  # fmt: skip
STAYS = [(200, 210, 5.0), (150, 165, 10.0), (120, 126, 5.0), (30, 39, 30.0), (50, 45, -10.0)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_header_of_two_levels_reads_each_measure_with_its_own_rate(script: str) -> None:
    text = HOSPITALS if script == "simplified" else TO_TRADITIONAL.convert(HOSPITALS)
    growth = sorted((values, claimed) for _, values, claimed in of_kind(text, "growth"))
    expected = [([old * 1e4, new * 1e4][:: 1 if old < new else -1], rate)
                for old, new, rate in VISITS + STAYS]  # fmt: skip
    assert growth == sorted(expected)
    assert all(verdict == "consistent" for _, verdict, _, _ in judged(text))


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_rate_under_a_header_of_two_levels_is_caught(script: str) -> None:
    # 民营医院 住院 2023: 39.0 → 36.0: 36/30 = 1.20 → 20.0% against 30.0; and 公立 + 民营
    # under 按经济类型分 make 医院: 126 + 36 = 162 ≠ 165
    planted = HOSPITALS.replace("39.0", "36.0")
    text = planted if script == "simplified" else TO_TRADITIONAL.convert(planted)
    wrong = [(k, values, claimed) for k, v, values, claimed in judged(text) if v == "inconsistent"]
    assert sorted(wrong) == [("growth", [30e4, 36e4], 30.0), ("sum", [36e4, 126e4], 165e4)]


def test_years_that_do_not_share_out_over_the_measures_read_no_table() -> None:
    # three years under two measures of levels: which measure spans two is unknown
    text = HOSPITALS.replace("2022\n1-6\n2023\n1-6\n2022\n1-6\n2023\n1-6\n", "2021\n2022\n2023\n")
    assert not any(kind == "growth" for kind, _, _, _ in judged(text))
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in judged(text))


# A city's monthly retail release scraped one cell a line, cells parted by blank lines: the
# month's and the year-to-date levels each followed by its rate, the unit in the first row's
# label, the first part marked # (其中). 450 + 50 = 500, 3600 + 400 = 4000; the total's rate
# from its parts: 450/1.04 + 50/1.149 = 476.21, 500/476.21 − 1 = 5.00%; 3600/1.02 + 400/1.13
# = 3883.39, 4000/3883.39 − 1 = 3.00%
MONTHLY_RETAIL = """\
2024年5月社会消费品零售总额

指标

本月

比去年同月增长(%)

1-本月

比去年同期增长(%)

社会消费品零售总额(亿元)

500.00

5.0

4000.00

3.0

     # 批发零售业

450.00

4.0

3600.00

2.0

       住宿餐饮业

50.00

14.9

400.00

13.0
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_the_months_and_the_years_levels_each_with_its_rate(script: str) -> None:
    text = MONTHLY_RETAIL if script == "simplified" else TO_TRADITIONAL.convert(MONTHLY_RETAIL)
    found = judged(text)
    assert ("sum", "consistent", [50e8, 450e8], 500e8) in found
    assert ("sum", "consistent", [400e8, 3600e8], 4000e8) in found
    rates = {claimed: verdict for kind, verdict, _, claimed in found if kind == "growth-of-sum"}
    assert rates == {5.0: "consistent", 3.0: "consistent"}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_part_of_the_months_retail_is_caught(script: str) -> None:
    # 住宿餐饮业 本月 50.00 → 60.00: 450 + 60 = 510 ≠ 500
    planted = MONTHLY_RETAIL.replace("\n50.00\n", "\n60.00\n")
    text = planted if script == "simplified" else TO_TRADITIONAL.convert(planted)
    wrong = [(k, values, claimed) for k, v, values, claimed in judged(text) if v == "inconsistent"]
    assert wrong == [("sum", [60e8, 450e8], 500e8)]


# 城镇新增就业 and 农村劳动力转移就业 name 城镇 and 农村 but count two different things, none
# of them a part of 年末从业人员: no sum. 城镇人口 + 乡村人口 = 年末常住人口 is one:
# 652.77 + 332.33 = 985.10; 640.31 + 340.11 = 980.42
JOBS = """\
就业和人口
指标 |
单位 |
2022年 |
2023年 |
年末从业人员 |
万人 |
620.5 |
624.1 |
城镇新增就业 |
万人 |
10.2 |
10.9 |
农村劳动力转移就业 |
万人 |
8.1 |
8.4 |
年末常住人口 |
万人 |
980.42 |
985.10 |
城镇人口 |
万人 |
640.31 |
652.77 |
乡村人口 |
万人 |
340.11 |
332.33 |
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_rows_naming_城镇_and_农村_that_count_other_things_make_no_sum(script: str) -> None:
    text = JOBS if script == "simplified" else TO_TRADITIONAL.convert(JOBS)
    sums = sorted((verdict, values, claimed) for verdict, values, claimed in of_kind(text, "sum"))
    assert sums == [
        ("consistent", [332.33e4, 652.77e4], 985.10e4),
        ("consistent", [340.11e4, 640.31e4], 980.42e4),
    ]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_planted_part_of_the_population_is_still_caught(script: str) -> None:
    # 乡村人口 2023: 332.33 → 335.33: 652.77 + 335.33 = 988.10 ≠ 985.10
    planted = JOBS.replace("332.33", "335.33")
    text = planted if script == "simplified" else TO_TRADITIONAL.convert(planted)
    wrong = [(values, claimed) for verdict, values, claimed in of_kind(text, "sum")
             if verdict == "inconsistent"]  # fmt: skip
    assert wrong == [([335.33e4, 652.77e4], 985.10e4)]


# 其中:限额以上单位 (or #限额以上单位) breaks down the total above it; 一、城镇 and 二、乡村
# are the total's own parts, not its: 1650.2 + 420.1 = 2070.3; 1790.4 + 441.0 = 2231.4
RETAIL = """\
消费品市场
指标 |
单位 |
2022年 |
2023年 |
社会消费品零售总额 |
亿元 |
2070.3 |
2231.4 |
其中:限额以上单位 |
亿元 |
780.3 |
822.6 |
一、城镇 |
亿元 |
1650.2 |
1790.4 |
二、乡村 |
亿元 |
420.1 |
441.0 |
网上零售额 |
亿元 |
310.5 |
352.2 |
"""


@pytest.mark.parametrize("mark", ["其中:", "#", "＃"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_part_marked_其中_above_the_numbered_rows_is_not_their_total(
    script: str, mark: str
) -> None:
    shaped = RETAIL.replace("其中:", mark)
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    sums = sorted((values, claimed) for _, values, claimed in of_kind(text, "sum"))
    assert sums == [([420.1e8, 1650.2e8], 2070.3e8), ([441.0e8, 1790.4e8], 2231.4e8)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_numbered_rows_right_under_their_total_are_still_caught(script: str) -> None:
    # without the 其中 row, 城镇 2023 planted 1790.4 → 1799.4: 1799.4 + 441.0 = 2240.4 ≠ 2231.4
    planted = RETAIL.replace("其中:限额以上单位 |\n亿元 |\n780.3 |\n822.6 |\n", "")
    planted = planted.replace("1790.4", "1799.4")
    text = planted if script == "simplified" else TO_TRADITIONAL.convert(planted)
    wrong = [(values, claimed) for verdict, values, claimed in of_kind(text, "sum")
             if verdict == "inconsistent"]  # fmt: skip
    assert wrong == [([441.0e8, 1799.4e8], 2231.4e8)]


# rows marked # break down the row above them, as 其中 rows do: the run 一、…四、 is read
# past them. 512.0 + 860.2 + 65.4 + 210.9 = 1648.5; 548.3 + 911.7 + 72.1 + 236.0 = 1768.1
TRADE = """\
指标 |
单位 |
2022年 |
2023年 |
销售额 |
亿元 |
1648.5 |
1768.1 |
一、批发业 |
亿元 |
512.0 |
548.3 |
#限额以上 |
亿元 |
400.0 |
431.2 |
二、零售业 |
亿元 |
860.2 |
911.7 |
#网上零售 |
亿元 |
150.3 |
170.8 |
三、住宿业 |
亿元 |
65.4 |
72.1 |
四、餐饮业 |
亿元 |
210.9 |
236.0 |
从业人员 |
万人 |
40.2 |
41.0 |
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_rows_marked_with_a_hash_are_passed_over_in_a_run(script: str) -> None:
    text = TRADE if script == "simplified" else TO_TRADITIONAL.convert(TRADE)
    assert sorted(of_kind(text, "sum")) == [
        ("consistent", [65.4e8, 210.9e8, 512.0e8, 860.2e8], 1648.5e8),
        ("consistent", [72.1e8, 236.0e8, 548.3e8, 911.7e8], 1768.1e8),
    ]
    # 餐饮业 2023 planted 236.0 → 246.0: 548.3 + 911.7 + 72.1 + 246.0 = 1778.1 ≠ 1768.1
    planted = text.replace("236.0", "246.0")
    wrong = [(values, claimed) for verdict, values, claimed in of_kind(planted, "sum")
             if verdict == "inconsistent"]  # fmt: skip
    assert wrong == [([72.1e8, 246.0e8, 548.3e8, 911.7e8], 1768.1e8)]


# A header without 单位 (units in its brackets) whose last cell is followed by a short
# label: 可支配收入 is no unit word, so 构成(%) is no row's label but the header's last cell;
# a caption (表3 …, a sentence) before the header is no column of it.
# 46110 = 27140 + 6215 + 3822 + 8933; 44052 = 25810 + 6050 + 3790 + 8402
# 46110/44052 = 1.0467 → 4.7; 27140/25810 → 5.2; 6215/6050 → 2.7; 3822/3790 → 0.8;
# 8933/8402 → 6.3; shares of 46110: 58.9, 13.5, 8.3, 19.4 (100.1: each rounded)
INCOME = """\
2023年,全市居民收入稳步增长。
表3 2022—2023年居民人均可支配收入
指标
2022年(元)
2023年(元)
增长(%)
构成(%)
可支配收入
44052
46110
4.7
100.0
一、工资性收入
25810
27140
5.2
58.9
二、经营净收入
6050
6215
2.7
13.5
三、财产净收入
3790
3822
0.8
8.3
四、转移净收入
8402
8933
6.3
19.4
"""


@pytest.mark.parametrize("drop", ["", "指标\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_short_label_after_the_header_is_no_unit_word(script: str, drop: str) -> None:
    shaped = INCOME.replace(drop, "", 1) if drop else INCOME
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    growth = sorted(claimed for verdict, _, claimed in of_kind(text, "growth"))
    assert growth == [0.8, 2.7, 4.7, 5.2, 6.3]
    sums = of_kind(text, "sum")
    assert ("consistent", [3822.0, 6215.0, 8933.0, 27140.0], 46110.0) in sums
    assert all(verdict == "consistent" for _, verdict, _, _ in judged(text))
    # 经营净收入 2023 planted 6215 → 6315: 6315/6050 = 4.4% against 2.7; 6315/46110 = 13.7%
    # against 13.5 (the sum, 46210, ends the table: rows may be lost, it is only shown)
    planted = text.replace("6215", "6315")
    wrong = sorted((k, claimed) for k, v, _, claimed in judged(planted) if v == "inconsistent")
    assert wrong == [("growth", 2.7), ("share", 13.5)]


# Two tables one after the other, in one run of cell lines: the second's header (a caption,
# then 指标 … 比重(%)) starts a table of its own, whose columns are its own even when its
# rows have as many cells as the first's. Table 1: 215.3/210.5 → 2.3; 44.1/45.6 → −3.3.
# Table 2: shares of 4700.0: 310.2 → 6.6, 1890.5 → 40.2, 2499.3 → 53.2 (sum 4700.0)
TWO_TABLES = """\
表1 农业
指标 |
单位 |
2022年 |
2023年 |
增长(%) |
粮食产量 |
万吨 |
210.5 |
215.3 |
2.3 |
肉类产量 |
万吨 |
45.6 |
44.1 |
-3.3 |
表2 地区生产总值
指标 |
单位 |
2023年 |
增长(%) |
比重(%) |
地区生产总值 |
亿元 |
4700.0 |
5.2 |
100.0 |
第一产业 |
亿元 |
310.2 |
3.8 |
6.6 |
第二产业 |
亿元 |
1890.5 |
4.9 |
40.2 |
第三产业 |
亿元 |
2499.3 |
5.6 |
53.2 |
"""

# the second table has one cell more a row: its header would otherwise be read as rows of
# the first, 医院 as the unit of the row above it. 126/120 → 5.0, 6 = 126 − 120;
# 79/80 → −1.3, −1 = 79 − 80
WIDER_SECOND = """\
表1 游客
指标 |
单位 |
2022年 |
2023年 |
增长(%) |
城区 |
万人次 |
100 |
130 |
30.0 |
郊区 |
万人次 |
50 |
40 |
-20.0 |
表2 卫生机构
项目 |
单位 |
2022年 |
2023年 |
增减 |
增长(%) |
医院 |
个 |
120 |
126 |
6 |
5.0 |
卫生院 |
个 |
80 |
79 |
-1 |
-1.3 |
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_second_table_right_after_the_first_is_read_with_its_own_header(script: str) -> None:
    text = TWO_TABLES if script == "simplified" else TO_TRADITIONAL.convert(TWO_TABLES)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    assert sorted(claimed for _, _, claimed in of_kind(text, "growth")) == [-3.3, 2.3]
    assert ("sum", "consistent", [310.2e8, 1890.5e8, 2499.3e8], 4700.0e8) in found
    assert ("share", "consistent", [310.2e8, 4700.0e8], 6.6) in found
    # 第二产业 planted 1890.5 → 1990.5: 1990.5/4700 = 42.4% against 40.2; the sum is 4800
    planted = text.replace("1890.5", "1990.5")
    wrong = sorted((k, claimed) for k, v, _, claimed in judged(planted) if v == "inconsistent")
    assert wrong == [("share", 40.2), ("sum", 4700.0e8)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_second_table_with_one_cell_more_a_row_is_read_with_its_own_header(
    script: str,
) -> None:
    text = WIDER_SECOND if script == "simplified" else TO_TRADITIONAL.convert(WIDER_SECOND)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    assert ("growth", "consistent", [50e4, 40e4][::-1], -20.0) in found
    assert ("change-rate", "consistent", [6.0, 126.0], 5.0) in found
    assert ("difference", "consistent", [79.0, 80.0], -1.0) in found
    # 医院 2023 planted 126 → 129: 129 − 120 = 9 against 6
    planted = text.replace("126 |", "129 |")
    wrong = [(k, claimed) for k, v, _, claimed in judged(planted) if v == "inconsistent"]
    assert ("difference", 6.0) in wrong


# A section row (按经济类型分) right before a row of a table with a 单位 column: the next
# row's label (国有企业) is no unit of the section row.
# 322.4/310 → 4.0; 457.8/420 → 9.0; 279.5/270 → 3.5
SECTIONS = """\
指标
单位
2022年
2023年
增长(%)
规模以上工业企业营业收入
亿元
1000.0
1059.7
6.0
按经济类型分
国有企业
亿元
310.0
322.4
4.0
私营企业
亿元
420.0
457.8
9.0
外资企业
亿元
270.0
279.5
3.5
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_section_row_takes_no_label_for_its_unit(script: str) -> None:
    text = SECTIONS if script == "simplified" else TO_TRADITIONAL.convert(SECTIONS)
    growth = sorted(claimed for verdict, _, claimed in of_kind(text, "growth"))
    assert growth == [3.5, 4.0, 6.0, 9.0]
    assert all(verdict == "consistent" for _, verdict, _, _ in judged(text))
    # 私营企业 2023 planted 457.8 → 467.8: 467.8/420 = 11.4% against 9.0
    planted = text.replace("457.8", "467.8")
    wrong = [(k, claimed) for k, v, _, claimed in judged(planted) if v == "inconsistent"]
    assert wrong == [("growth", 9.0)]


# Growth on a comparable basis, as the note under the table says: the levels are as
# published (last year's not revised to this year's coverage), so 2980.2/3120.5 = −4.5%
# is no test of 3.2. The sum of levels still holds: 1012.5 + 1967.7 = 2980.2;
# 980.3 + 2140.2 = 3120.5.
COMPARABLE = """\
表3 固定资产投资
指标
单位
2022年
2023年
增长(%)
固定资产投资
亿元
3120.5
2980.2
3.2
一、工业投资
亿元
980.3
1012.5
8.1
二、非工业投资
亿元
2140.2
1967.7
-1.5
民间投资
亿元
1610.2
1490.7
-1.5
注:固定资产投资增长速度按可比口径计算。
"""


@pytest.mark.parametrize("bars", [False, True])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_rates_a_note_puts_on_a_comparable_basis_are_never_called_wrong(
    script: str, bars: bool
) -> None:
    shaped = COMPARABLE
    if bars:  # the same table with its cells between |, a row a line
        lines = COMPARABLE.splitlines()
        shaped = "\n".join([lines[0], " | ".join(lines[1:6])]
                           + [" | ".join(lines[i : i + 5]) for i in range(6, 26, 5)]
                           + [lines[26], ""])  # fmt: skip
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    assert ("sum", "consistent", [1012.5e8, 1967.7e8], 2980.2e8) in found
    assert len([k for k, _, _, _ in found if k == "growth"]) == 4
    # a planted level is still caught in its sum: 1012.5 → 1022.5 makes 2990.2 ≠ 2980.2
    wrong = [k for k, v, _, _ in judged(text.replace("1012.5", "1022.5")) if v == "inconsistent"]
    assert wrong == ["sum"]
    # without the note, the rates are the levels' own: caught
    bare = text.replace("注:固定资产投资增长速度按可比口径计算。", "").replace(
        "注:固定資產投資增長速度按可比口徑計算。", ""
    )
    assert any(k == "growth" and v == "inconsistent" for k, v, _, _ in judged(bare))


# Numbered rows under a headline row that are other indicators, none a part of it: their
# sum (1320.5 + 2890.2 + 2110.4 + 412.3 = 6733.4 亿元, with 人均 income in 元 besides) is
# no test of 地区生产总值 4500.0. A careful reader sees it: a row per head, a unit of its own,
# a sum off by half the headline or more.
INDICATORS = """\
表1 2023年全市主要经济指标
指标 |
单位 |
2022年 |
2023年 |
地区生产总值 |
亿元 |
4500.0 |
4743.0 |
一、规模以上工业增加值 |
亿元 |
1320.5 |
1401.2 |
二、固定资产投资 |
亿元 |
2890.2 |
3040.6 |
三、社会消费品零售总额 |
亿元 |
2110.4 |
2281.0 |
四、一般公共预算收入 |
亿元 |
412.3 |
436.0 |
五、居民人均可支配收入 |
元 |
40210 |
42390 |
城镇登记失业率 |
% |
3.3 |
3.1 |
"""
PER_HEAD_ROW = "五、居民人均可支配收入 |\n元 |\n40210 |\n42390 |\n"


@pytest.mark.parametrize("drop", ["", PER_HEAD_ROW])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_numbered_indicators_under_a_headline_are_not_called_its_wrong_parts(
    script: str, drop: str
) -> None:
    shaped = INDICATORS.replace(drop, "") if drop else INDICATORS
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in judged(text))


# A caption that lists the main products (主要农产品产量): 稻谷, 小麦 and 玉米 are three of the
# kinds of 粮食, not all (210.2 + 180.6 + 150.3 = 541.1 of 620.5): shown, never called wrong
MAIN_PRODUCTS = """\
表4 2023年主要农产品产量
指标 |
单位 |
2022年 |
2023年 |
粮食 |
万吨 |
620.5 |
634.2 |
1.稻谷 |
万吨 |
210.2 |
215.8 |
2.小麦 |
万吨 |
180.6 |
183.1 |
3.玉米 |
万吨 |
150.3 |
156.0 |
油料 |
万吨 |
40.2 |
41.5 |
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_caption_of_main_products_makes_the_numbered_rows_a_selection(script: str) -> None:
    text = MAIN_PRODUCTS if script == "simplified" else TO_TRADITIONAL.convert(MAIN_PRODUCTS)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in judged(text))
    assert len(of_kind(text, "sum")) == 2  # shown
    # under a caption that names no selection, the run is whole: its sum is judged
    whole = text.replace("表4 2023年主要农产品产量", "表4 2023年农产品产量").replace(
        "表4 2023年主要農產品產量", "表4 2023年農產品產量"
    )
    assert {verdict for verdict, _, _ in of_kind(whole, "sum")} == {"inconsistent"}


# Units given by the labels' brackets (年末常住人口(万人)), no 单位 column: each row's figures
# are read in its own unit; a rate's row (城镇化率(%)) keeps its change in points.
# 985.10/980.42 → 0.5; 652.77/640.31 → 1.9; 332.33/340.11 → −2.3; 78600/82100 → −4.3
# 640.31 + 340.11 = 980.42; 652.77 + 332.33 = 985.10
LABEL_UNITS = """\
人口
指标
2022年
2023年
增长(%)
年末常住人口(万人)
980.42
985.10
0.5
城镇人口(万人)
640.31
652.77
1.9
乡村人口(万人)
340.11
332.33
-2.3
城镇化率(%)
65.31
66.26
0.95
出生人口(人)
82100
78600
-4.3
"""

# The table's unit on a line of its own above the header (单位:亿元), or at the end of its
# caption: 412.35 + 23.67 = 436.02; 320.10 + 92.25 = 412.35; 341.70 + 94.32 = 436.02;
# 436.02/412.35 → 5.7; 341.70/320.10 → 6.7; 94.32/92.25 → 2.2
TABLE_UNIT = """\
表5 一般公共预算收入
单位:亿元
指标
2022年
2023年
增减
增长(%)
一般公共预算收入
412.35
436.02
23.67
5.7
一、税收收入
320.10
341.70
21.60
6.7
二、非税收入
92.25
94.32
2.07
2.2
税收收入占比(%)
77.6
78.4
0.8
—
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_units_in_the_labels_brackets_are_the_rows_units(script: str) -> None:
    text = LABEL_UNITS if script == "simplified" else TO_TRADITIONAL.convert(LABEL_UNITS)
    found = judged(text)
    assert sorted(claimed for k, _, _, claimed in found if k == "growth") == [
        -4.3, -2.3, 0.5, 1.9
    ]  # fmt: skip
    assert ("sum", "consistent", [332.33e4, 652.77e4], 985.10e4) in found
    assert all(verdict == "consistent" for _, verdict, _, _ in found)
    # 乡村人口 2023 planted 332.33 → 335.33: 652.77 + 335.33 = 988.10 ≠ 985.10
    planted = text.replace("332.33", "335.33")
    wrong = sorted(k for k, v, _, _ in judged(planted) if v == "inconsistent")
    assert wrong == ["growth", "sum"]


@pytest.mark.parametrize("where", ["line", "caption", "bars"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_the_tables_unit_above_its_header_is_its_rows_unit(script: str, where: str) -> None:
    shaped = TABLE_UNIT
    if where == "caption":
        shaped = shaped.replace(
            "表5 一般公共预算收入\n单位:亿元\n", "表5 一般公共预算收入(单位:亿元)\n"
        )
    if where == "bars":
        lines = shaped.splitlines()
        shaped = "\n".join(lines[:2] + [" | ".join(lines[i : i + 5]) for i in range(2, 28, 5)])
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    found = judged(text)
    assert ("sum", "consistent", [92.25e8, 320.10e8], 412.35e8) in found
    assert ("change-rate", "consistent", [2.07e8, 94.32e8], 2.2) in found
    assert all(verdict == "consistent" for _, verdict, _, _ in found)
    assert not any(412.35e8 in values and k == "share" for k, _, values, _ in found)
    # 非税收入 2023 planted 94.32 → 95.32: 95.32 − 92.25 = 3.07 ≠ 2.07; 341.70 + 95.32 ≠ 436.02
    # (2.07 over 95.32 − 2.07 is still 2.2%)
    planted = text.replace("94.32", "95.32")
    wrong = sorted(k for k, v, _, _ in judged(planted) if v == "inconsistent")
    assert wrong == ["difference", "sum"]


# A row "城镇人口比重" (or 城镇人口占比) is the share OF 城镇人口, not the share of the row
# above it IN 城镇人口 (that is "占城镇人口比重"): 650.0/1000.0 = 65.0%, 666.6/1010.0 = 66.0%,
# while 350.0/650.0 = 53.8% would be no claim of the table.
# 650.0 + 350.0 = 1000.0; 666.6 + 343.4 = 1010.0
SHARE_OF_THE_PART = """\
指标 | 单位 | 2022年 | 2023年
年末常住人口 | 万人 | 1000.0 | 1010.0
城镇人口 | 万人 | 650.0 | 666.6
乡村人口 | 万人 | 350.0 | 343.4
城镇人口比重 | % | 65.0 | 66.0
"""


@pytest.mark.parametrize("label", ["城镇人口比重", "城镇人口占比", "城镇人口的比例"])
@pytest.mark.parametrize("cells", [False, True])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_rows_share_of_the_part_it_names_is_no_share_in_it(
    script: str, cells: bool, label: str
) -> None:
    shaped = SHARE_OF_THE_PART.replace("城镇人口比重", label)
    if cells:  # one cell a line, each closed by |
        shaped = "".join(f"{cell.strip()} |\n" for cell in shaped.replace("\n", "|").split("|"))
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    assert ("sum", "consistent", [343.4e4, 666.6e4], 1010.0e4) in found
    # a row 占X比重 is the share of the row above in X: 343.4/1010.0 = 34.0%, planted 35.0
    named = text.replace(
        TO_TRADITIONAL.convert(label) if script != "simplified" else label,
        "占常住人口比重" if script == "simplified" else "佔常住人口比重",
    )
    named = named.replace("| 65.0 | 66.0", "| 35.0 | 35.0").replace("65.0 |\n66.0", "35.0 |\n35.0")
    wrong = [(values, claimed) for verdict, values, claimed in of_kind(named, "share")
             if verdict == "inconsistent"]  # fmt: skip
    assert wrong == [([343.4e4, 1010.0e4], 35.0)]


# Misses a careful reader would not make: 合计 first in the table (the total above its
# numbered parts), the labels' header 指标名称, a section row right under the header, and
# the unit at the end of the caption (表6 …(亿元)).
# 300.0 + 1800.0 + 2400.0 = 4500.0; 309.0 + 1890.0 + 2544.0 = 4743.0; 4743/4500 → 5.4;
# 309/300 → 3.0; 1890/1800 → 5.0; 2544/2400 → 6.0
TOTAL_FIRST = """\
表6 三次产业(亿元)
指标名称
2022年
2023年
增长(%)
按产业分
合计
4500.0
4743.0
5.4
一、第一产业
300.0
309.0
3.0
二、第二产业
1800.0
1890.0
5.0
三、第三产业
2400.0
2544.0
6.0
从业人员(万人)
120.0
121.2
1.0
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_total_first_under_a_section_row_and_a_caption_unit(script: str) -> None:
    text = TOTAL_FIRST if script == "simplified" else TO_TRADITIONAL.convert(TOTAL_FIRST)
    found = judged(text)
    assert ("sum", "consistent", [309.0e8, 1890.0e8, 2544.0e8], 4743.0e8) in found
    assert ("growth", "consistent", [120.0e4, 121.2e4], 1.0) in found
    assert all(verdict == "consistent" for _, verdict, _, _ in found)
    # 第二产业 2023 planted 1890.0 → 1990.0: 309 + 1990 + 2544 = 4843 ≠ 4743; 1990/1800 ≠ 5.0
    planted = text.replace("1890.0", "1990.0")
    wrong = sorted(k for k, v, _, _ in judged(planted) if v == "inconsistent")
    assert wrong == ["growth", "sum"]


# Shares of two years, and their change in points: 2022年比重 is of the 2022 levels, the
# 比重增减 column no share at all. 300/4500 = 6.7, 1800/4500 = 40.0, 2400/4500 = 53.3;
# 309/4743 = 6.5, 1890/4743 = 39.8, 2544/4743 = 53.6; changes −0.2, −0.2, +0.3
TWO_YEARS_OF_SHARES = """\
项目 | 2022年(亿元) | 2023年(亿元) | 2022年比重(%) | 2023年比重(%) | 比重增减(百分点)
合计 | 4500.0 | 4743.0 | 100.0 | 100.0 | —
一、第一产业 | 300.0 | 309.0 | 6.7 | 6.5 | -0.2
二、第二产业 | 1800.0 | 1890.0 | 40.0 | 39.8 | -0.2
三、第三产业 | 2400.0 | 2544.0 | 53.3 | 53.6 | 0.3
"""


@pytest.mark.parametrize("cells", [False, True])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_years_shares_are_of_that_years_levels(script: str, cells: bool) -> None:
    shaped = TWO_YEARS_OF_SHARES
    if cells:  # one cell a line, each closed by |
        shaped = "".join(f"{cell.strip()} |\n" for cell in shaped.replace("\n", "|").split("|"))
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    shares = sorted((values, claimed) for _, values, claimed in of_kind(text, "share"))
    assert ([300.0e8, 4500.0e8], 6.7) in shares
    assert ([309.0e8, 4743.0e8], 6.5) in shares
    assert not any(claimed in (-0.2, 0.3) for _, claimed in shares)
    # 第二产业 2022 share planted 40.0 → 41.0: 1800/4500 = 40.0%
    planted = text.replace("| 40.0 |", "| 41.0 |").replace("40.0 |\n39.8", "41.0 |\n39.8")
    wrong = [(values, claimed) for verdict, values, claimed in of_kind(planted, "share")
             if verdict == "inconsistent"]  # fmt: skip
    assert wrong == [([1800.0e8, 4500.0e8], 41.0)]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_last_years_shares_beside_this_years_levels_only_are_not_read(script: str) -> None:
    # the 2022 levels left out: 2022年比重 has no levels of its year to be read against
    shaped = "\n".join(
        " | ".join(cell for i, cell in enumerate(line.split(" | ")) if i != 1)
        for line in TWO_YEARS_OF_SHARES.splitlines()
    )
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    assert ("share", "consistent", [1890.0e8, 4743.0e8], 39.8) in found
    assert not any(k == "share" and claimed == 40.0 for k, _, _, claimed in found)


# A monthly table (本月 | 1-本月 | 同比增长(%)) right after a yearly one with as many cells a
# row: its header names no year, yet it starts a table of its own; read under the yearly
# header, 118.9 would be this year's level against 20.3 last year's.
# 241.8/230.5 → 4.9; 795.6/810.2 → −1.8
YEAR_THEN_MONTH = """\
表1 年度工业产品产量
指标
2022年
2023年
增长(%)
发电量(亿千瓦时)
230.5
241.8
4.9
原煤(万吨)
810.2
795.6
-1.8
表2 2024年6月工业产品产量
指标
本月
1-本月
同比增长(%)
发电量(亿千瓦时)
20.3
118.9
3.1
原煤(万吨)
70.2
402.5
-1.2
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_monthly_table_after_a_yearly_one_is_a_table_of_its_own(script: str) -> None:
    text = YEAR_THEN_MONTH if script == "simplified" else TO_TRADITIONAL.convert(YEAR_THEN_MONTH)
    found = judged(text)
    assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    assert sorted(claimed for _, _, claimed in of_kind(text, "growth")) == [-1.8, 4.9]
    # 原煤 2023 planted 795.6 → 785.6: 785.6/810.2 = −3.0% against −1.8
    wrong = [k for k, v, _, _ in judged(text.replace("795.6", "785.6")) if v == "inconsistent"]
    assert wrong == ["growth"]


# a header cell cut after 比上年: 比上年 / 增长(%) is one cell. 3244/3100 → 4.6; 901/820 → 9.9
CUT_AFTER_THE_YEAR = """\
指标
单位
2022年
2023年
比上年
增长(%)
一、货运量
万吨
3100
3244
4.6
二、客运量
万人
820
901
9.9
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_header_cell_cut_after_比上年_is_joined(script: str) -> None:
    shaped = CUT_AFTER_THE_YEAR
    text = shaped if script == "simplified" else TO_TRADITIONAL.convert(shaped)
    assert sorted(of_kind(text, "growth")) == [
        ("consistent", [820e4, 901e4], 9.9),
        ("consistent", [3100e4, 3244e4], 4.6),
    ]
    wrong = [k for k, v, _, _ in judged(text.replace("3244", "3344")) if v == "inconsistent"]
    assert wrong == ["growth"]


# fresh trial 13's A07: a yearbook table one cell a line, its staff numbered 1. 2. 3. 4. under
# 三、人员数, 1.'s own rows (执业医师 …) left unindented between 1. and 2.
STAFF = "\n".join(
    [
        "表8-3 卫生机构基本情况 |",
        "|",
        "项目 |",
        "2021年 |",
        "2022年 |",
        "|",
        "一、机构数(个) |",
        "410 |",
        "418 |",
        "|",
        "二、人员数(人) |",
        "{total} |",
        "9210 |",
        "|",
        "1.卫生技术人员 |",
        "7120 |",
        "7460 |",
        "|",
        "执业(助理)医师 |",
        "2730 |",
        "2850 |",
        "|",
        "注册护士 |",
        "3010 |",
        "3190 |",
        "|",
        "2.其他技术人员 |",
        "310 |",
        "330 |",
        "|",
        "3.管理人员 |",
        "420 |",
        "440 |",
        "|",
        "4.工勤人员 |",
        "960 |",
        "980 |",
        "|",
        "三、床位数(张) |",
        "5200 |",
        "5350 |",
        "|",
    ]
)


def test_staff_numbered_1_to_4_add_up_past_the_unindented_rows_of_1() -> None:
    # 7120 + 310 + 420 + 960 = 8810; 7460 + 330 + 440 + 980 = 9210
    for script in both_scripts("标题\n\n" + STAFF.format(total="8810") + "\n"):
        found = judged(clean_article(script).text)
        assert ("sum", "consistent", [310.0, 420.0, 960.0, 7120.0], 8810.0) in found, found
        assert ("sum", "consistent", [330.0, 440.0, 980.0, 7460.0], 9210.0) in found
    for script in both_scripts("标题\n\n" + STAFF.format(total="8910") + "\n"):
        found = judged(clean_article(script).text)
        assert ("sum", "inconsistent", [310.0, 420.0, 960.0, 7120.0], 8910.0) in found, found
