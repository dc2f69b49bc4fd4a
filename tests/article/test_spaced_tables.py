"""Tables whose cells stand a space apart, as a statistical yearbook's page scrapes them
(bilingual labels, the indenting that said which row breaks down which lost, a header of two
lines, a 单位 line), with our own figures, in both scripts: the rows and columns that add up
are read, a planted error is caught where the table itself shows the breakdown holds, and
nothing is called wrong where it does not (rates beside levels, a header naming no total).
Sums worked by hand in the comments."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.clean import clean_article
from povcli.article.row_tables import spaced_tables
from tests.helpers import judged_relations

TO_TRADITIONAL = opencc.OpenCC("s2t")
TO_SIMPLIFIED = opencc.OpenCC("t2s")

# three sections of one breakdown, each in 2022 and 2023:
# 公立医院 = 三级 + 二级:   41 = 9 + 32,  42 = 10 + 32;  16480 = 7215 + 9265,
#                           16932 = 7608 + 9324;  11830 = 5410 + 6420, 12240 = 5720 + 6520
# 医院 = 公立 + 民营:       64 = 41 + 23, 67 = 42 + 25;  20310 = 16480 + 3830,
#                           21045 = 16932 + 4113;  14260 = 11830 + 2430, 14890 = 12240 + 2650
HEALTH = """\
表 3-2  卫生机构和人员基本情况
单位:个、人     (unit, person)
            Item 2022 2023
机构数 Institutions
医院 Hospitals 64 67
    公立医院     Public Hospitals 41 42
   三级医院         Grade III 9 10
  二级医院         Grade II 32 32
    民营医院     Private Hospitals 23 25
卫生院 Health Centres 118 115
人员数 Staff
医院 Hospitals 20310 21045
    公立医院     Public Hospitals 16480 16932
   三级医院         Grade III 7215 7608
  二级医院         Grade II 9265 9324
    民营医院     Private Hospitals 3830 4113
卫生院 Health Centres 5120 5086
床位数 Beds
医院 Hospitals 14260 14890
    公立医院     Public Hospitals 11830 12240
   三级医院         Grade III 5410 5720
  二级医院         Grade II 6420 6520
    民营医院     Private Hospitals 2430 2650
卫生院 Health Centres 3300 3270
"""
# the staff of grade III hospitals in 2023 mistyped: 7680 + 9324 = 17004, not 16932
HEALTH_PLANTED = HEALTH.replace("Grade III 7215 7608", "Grade III 7215 7680")

# columns: 合计 = 进口 + 出口 in each year (萬元):
#   52340 = 21870 + 30470, 55916 = 23105 + 32811;  31250 = 12040 + 19210,
#   33402 = 12876 + 20526;  12480 = 5120 + 7360, 12915 = 5330 + 7585;
#   8610 = 4710 + 3900, 9599 = 4899 + 4700
# rows: 总计 = 一般 + 加工 + 其他 in every column: 52340 = 31250 + 12480 + 8610,
#   21870 = 12040 + 5120 + 4710, 30470 = 19210 + 7360 + 3900, 55916 = 33402 + 12915 + 9599,
#   23105 = 12876 + 5330 + 4899, 32811 = 20526 + 7585 + 4700
TRADE = """\
表5 進出口商品總值
單位:萬元
項    目 Item 2022 2023
合 計 進 口 出 口 合 計 進 口 出 口
總 計 Total 52340 21870 30470 55916 23105 32811
一般貿易 Ordinary Trade 31250 12040 19210 33402 12876 20526
加工貿易 Processing Trade 12480 5120 7360 12915 5330 7585
其他貿易 Other Trade 8610 4710 3900 9599 4899 4700
"""
# exports of processing trade in 2023 mistyped: 5330 + 7855 = 13185, not 12915
TRADE_PLANTED = TRADE.replace("5330 7585", "5330 7855")
# the same table with its header naming no total: the columns may only happen to add up
TRADE_UNNAMED = TRADE_PLANTED.replace("合 計 進 口 出 口 合 計 進 口 出 口\n", "")

# levels that add up beside a rate column that does not: 120.3 + 440.2 = 560.5,
# 118.9 + 456.3 = 575.2; the rates 2.6 ≠ −1.2 + 3.7 (rates never add up)
JOBS = """\
单位:万人
指标 2022 2023 增长(%)
城镇就业人员 560.5 575.2 2.6
  国有单位 120.3 118.9 -1.2
  私营单位 440.2 456.3 3.7
"""


def both_scripts(text: str) -> list[str]:
    return [TO_SIMPLIFIED.convert(text), TO_TRADITIONAL.convert(text)]


def cleaned(text: str) -> str:
    return clean_article(text).text


def sums(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [
        (values, claimed)
        for kind, said, values, claimed in judged_relations(cleaned(text))
        if kind == "sum" and said == verdict
    ]


@pytest.mark.parametrize("text", both_scripts(HEALTH))
def test_rows_that_break_a_row_down_are_read_with_sub_rows_skipped(text: str) -> None:
    found = sums(text, "consistent")
    assert ([9.0, 32.0], 41.0) in found
    assert ([23.0, 41.0], 64.0) in found
    assert ([3830.0, 16480.0], 20310.0) in found  # 医院 = 公立 + 民营, 三级/二级 skipped
    assert ([2650.0, 12240.0], 14890.0) in found
    assert ([5720.0, 6520.0], 12240.0) in found
    assert len(found) == 12  # 2 breakdowns × 2 years × 3 sections
    assert sums(text, "inconsistent") == []


@pytest.mark.parametrize("text", both_scripts(HEALTH_PLANTED))
def test_a_breakdown_the_table_shows_elsewhere_catches_a_mistyped_cell(text: str) -> None:
    assert sums(text, "inconsistent") == [([7680.0, 9324.0], 16932.0)]
    # its other year still adds up
    assert ([7215.0, 9265.0], 16480.0) in sums(text, "consistent")


@pytest.mark.parametrize("text", both_scripts(TRADE))
def test_columns_under_a_total_and_rows_above_their_parts_add_up(text: str) -> None:
    found = sums(text, "consistent")
    assert ([218700000.0, 304700000.0], 523400000.0) in found  # 萬元 read as yuan
    assert ([47000000.0, 48990000.0], 95990000.0) in found
    assert ([86100000.0, 124800000.0, 312500000.0], 523400000.0) in found  # 總計 column 1
    assert ([47000000.0, 75850000.0, 205260000.0], 328110000.0) in found
    assert len(found) == 8 + 6
    assert sums(text, "inconsistent") == []


@pytest.mark.parametrize("text", both_scripts(TRADE_PLANTED))
def test_a_row_whose_total_its_columns_do_not_make_is_caught(text: str) -> None:
    assert sums(text, "inconsistent") == [([53300000.0, 78550000.0], 129150000.0)]


@pytest.mark.parametrize("text", both_scripts(TRADE_UNNAMED))
def test_columns_that_add_up_under_no_total_accuse_nobody(text: str) -> None:
    assert sums(text, "inconsistent") == []
    assert ([53300000.0, 78550000.0], 129150000.0) in sums(text, "unverifiable")


@pytest.mark.parametrize("text", both_scripts(JOBS))
def test_a_rate_column_beside_levels_that_add_up_accuses_nobody(text: str) -> None:
    found = sums(text, "consistent")
    assert ([1203000.0, 4402000.0], 5605000.0) in found
    assert ([1189000.0, 4563000.0], 5752000.0) in found
    assert sums(text, "inconsistent") == []


def test_a_rows_cells_stay_apart_and_its_figures_are_no_prose() -> None:
    text = cleaned(HEALTH)
    # "286 262" in a row would be joined as one number grouped by spaces; here 32 32 stays two
    assert "Grade II 32 32" in text
    rows = [row for table in spaced_tables(text) for row in table.rows]
    assert len(rows) == 18
    assert [c.written for c in rows[1].cells] == ["41", "42"]


def test_a_number_grouped_by_spaces_in_prose_is_still_one_number() -> None:
    text = cleaned("标题\n\n全市常住人口1 896万人,比上年增加12万人。\n")
    assert "1896万人" in text


def test_prose_that_ends_in_figures_is_no_table() -> None:
    text = "标题\n\n全年粮食产量,夏粮、秋粮分别为 120 380\n\n产量 500\n\n收购量 12 30\n"
    assert spaced_tables(text) == []


# one cell a line, as a release's table scrapes (单位:万人、%: levels in 万人, shares in %):
# rows: 合计 = 北部 + 南部 + 西部: 5200 = 1600 + 2400 + 1200, 2080 = 480 + 1200 + 400,
#   3120 = 1120 + 1200 + 800;  columns: 5200 = 2080 + 3120, 1600 = 480 + 1120, 2400 = 1200
#   + 1200, 1200 = 400 + 800, and 100.0 = 40.0 + 60.0 = 30.0 + 70.0 = 50.0 + 50.0 = 33.3 + 66.7;
# shares: 2080/5200 = 40.0%, 3120/5200 = 60.0%, 480/1600 = 30.0%, 1120/1600 = 70.0%,
#   1200/2400 = 50.0%, 400/1200 = 33.33 → 33.3%, 800/1200 = 66.67 → 66.7%
WORKERS_ROWS = {
    "合计": "5200 2080 3120 100.0 40.0 60.0",
    "北部地区": "1600 480 1120 100.0 30.0 70.0",
    "南部地区": "2400 1200 1200 100.0 50.0 50.0",
    "西部地区": "1200 400 800 100.0 33.3 66.7",
}
WORKERS = (
    "表2 2023年外来务工人员地区分布及构成 |\n单位:万人、% |\n按来源地分 |\n务工人员总量 |\n构成 |\n"
    "跨市流动 |\n市内流动 |\n跨市流动 |\n市内流动 |\n"
    + "".join(
        f"{label} |\n" + "".join(f"{cell} |\n" for cell in cells.split())
        for label, cells in WORKERS_ROWS.items()
    )
)
# 南部地区's cross-city workers mistyped: 1260/2400 = 52.5%, not 50.0%
WORKERS_PLANTED = WORKERS.replace("南部地区 |\n2400 |\n1200 |", "南部地区 |\n2400 |\n1260 |")


@pytest.mark.parametrize("text", both_scripts(WORKERS))
def test_a_table_one_cell_a_line_adds_up_and_its_shares_are_read(text: str) -> None:
    found = sums(text, "consistent")
    assert ([4000000.0, 4800000.0, 12000000.0], 20800000.0) in found  # 跨市流动: 合计 row
    assert ([20800000.0, 31200000.0], 52000000.0) in found
    assert ([33.3, 66.7], 100.0) in found
    shares = [
        (values, claimed)
        for kind, verdict, values, claimed in judged_relations(cleaned(text))
        if kind == "share" and verdict == "consistent"
    ]
    assert ([4000000.0, 12000000.0], 33.3) in shares
    assert ([20800000.0, 52000000.0], 40.0) in shares
    assert all(verdict != "inconsistent" for _, verdict, _, _ in judged_relations(cleaned(text)))


@pytest.mark.parametrize("text", both_scripts(WORKERS_PLANTED))
def test_a_share_its_columns_do_not_give_is_caught(text: str) -> None:
    wrong = [
        (values, claimed)
        for kind, verdict, values, claimed in judged_relations(cleaned(text))
        if kind == "share" and verdict == "inconsistent"
    ]
    assert wrong == [([12600000.0, 24000000.0], 50.0)]


# cells between | on one line, no header read for them: 150 + 200 + 130 = 480,
# 105 + 124 + 83 = 312; 构成 is each row's 第三产业 over its 就业人员: 312/480 = 65.0,
# 105/150 = 70.0, 124/200 = 62.0, 83/130 = 63.85 → 63.8
DISTRICTS = """\
表3 各区就业人员构成

单位:万人、%

地区 | 就业人员 | 第三产业 | 构成 |
全市 | 480.0 | 312.0 | 65.0 |
甲区 | 150.0 | 105.0 | 70.0 |
乙区 | 200.0 | 124.0 | 62.0 |
丙区 | 130.0 | 83.0 | {share} |
"""


@pytest.mark.parametrize("share,verdict", [("63.8", "consistent"), ("68.3", "inconsistent")])
def test_shares_within_each_row_of_a_table_between_bars(share: str, verdict: str) -> None:
    for text in both_scripts(DISTRICTS.format(share=share)):
        found = [
            (values, claimed, said)
            for kind, said, values, claimed in judged_relations(cleaned(text))
            if kind == "share"
        ]
        assert ([830000.0, 1300000.0], float(share), verdict) in found
        assert ([1050000.0, 1500000.0], 70.0, "consistent") in found


# a ratio column, one cell a line: pupils over teachers, 45630/2874 = 15.877 → 15.88,
# 98210/5720 = 17.170 → 17.17, 52100/4150 = 12.554 → 12.55, 195940/12744 = 15.375 → 15.38
SCHOOLS_ROWS = {
    "幼儿园": "210 45630 2874 15.88",
    "小学": "96 98210 5720 17.17",
    "初中": "41 52100 4150 12.55",
    "合计": "347 195940 12744 15.38",
}
SCHOOLS = (
    "2024年全区各类学校情况表\n类别 |\n学校数 |\n在校学生数 |\n专任教师数 |\n生师比 |\n"
    + "".join(
        f"{label} |\n" + "".join(f"{cell} |\n" for cell in cells.split())
        for label, cells in SCHOOLS_ROWS.items()
    )
)


def ratios(text: str) -> list[tuple[list[float], float | None, str]]:
    return [
        (values, claimed, verdict)
        for kind, verdict, values, claimed in judged_relations(cleaned(text))
        if kind == "ratio"
    ]


@pytest.mark.parametrize("text", both_scripts(SCHOOLS))
def test_a_column_of_ratios_is_read_the_right_way_round(text: str) -> None:
    found = ratios(text)
    assert ([2874.0, 45630.0], 15.88, "consistent") in found  # pupils / teachers
    assert ([12744.0, 195940.0], 15.38, "consistent") in found
    assert len(found) == 4  # not teachers = pupils / ratio as well


@pytest.mark.parametrize("text", both_scripts(SCHOOLS.replace("12.55", "13.55")))
def test_a_ratio_that_does_not_hold_is_never_called_wrong(text: str) -> None:
    found = ratios(text)
    assert all(verdict == "consistent" for _, _, verdict in found)
    assert ([4150.0, 52100.0], 13.55, "consistent") not in found
    assert len(found) == 3


@pytest.mark.parametrize("text", both_scripts(SCHOOLS))
def test_a_total_under_its_rows_is_shown_in_the_columns_that_add_up(text: str) -> None:
    # 210 + 96 + 41 = 347, 45630 + 98210 + 52100 = 195940, 2874 + 5720 + 4150 = 12744; the
    # ratio column's 15.38 lies between its rows' (a mean): no sum
    assert sorted(claimed for _, claimed in sums(text, "consistent")) == [347.0, 12744.0, 195940.0]


@pytest.mark.parametrize("text", both_scripts(SCHOOLS.replace("合计 |\n347", "合计 |\n357")))
def test_a_total_under_its_rows_that_fails_is_never_called_wrong(text: str) -> None:
    # 357 ≠ 347 (a total row may count what the rows above it leave out): shown nowhere wrong
    assert sums(text, "inconsistent") == []
    assert 357.0 not in [claimed for _, claimed in sums(text, "consistent")]


# levels with a rate column each (本月, ±%, 累计, ±%), sub-rows under 1.入境游客:
# 4000 + 48000 = 52000, 25000 + 285000 = 310000; 2500 + 600 + 900 = 4000,
# 15000 + 4000 + 6000 = 25000; each rate lies between its parts' (a mean, no sum)
VISITORS = """\
全市旅游住宿设施接待过夜游客情况(2024年6月)
指标 本月 比上年同月±% 本月止累计 比上年同期±%
一、接待过夜游客(人次) 52000 8.0 310000 6.5
1.入境游客 4000 -2.0 25000 1.5
港澳同胞 2500 3.0 15000 2.0
台湾同胞 600 -10.0 4000 -1.0
外国人 900 -6.0 6000 2.5
2.国内游客 48000 9.0 285000 7.0
"""


@pytest.mark.parametrize("text", both_scripts(VISITORS))
def test_rows_add_up_in_the_level_columns_beside_rate_columns(text: str) -> None:
    assert sorted(claimed for _, claimed in sums(text, "consistent")) == [
        4000.0,
        25000.0,
        52000.0,
        310000.0,
    ]
    assert sums(text, "inconsistent") == []


@pytest.mark.parametrize("text", both_scripts(VISITORS.replace("台湾同胞 600", "台湾同胞 700")))
def test_a_sub_row_mistyped_beside_rate_columns_accuses_no_rate(text: str) -> None:
    # 2500 + 700 + 900 = 4100 ≠ 4000 in one column only: too little to call it wrong
    assert sums(text, "inconsistent") == []
    assert 4000.0 not in [claimed for _, claimed in sums(text, "consistent")]


# a yearbook's table of levels, an index section and a section of shares (构成(%)), the shares
# printed with a last 0: 320/2000 = 16.0 (16.00), 1080/2000 = 54.0, 600/2000 = 30.0;
# 350/2500 = 14.0, 1400/2500 = 56.0, 750/2500 = 30.0; 900/2000 = 45.0, 1150/2500 = 46.0
OUTPUT = """\
| 3-1 总产出 | ||
| 单位:亿元 | ||
| 项目 | 2022 | 2023 |
| 总产出(亿元) | 2000.00 | 2500.00 |
| 第一产业 | 320.00 | 350.00 |
| 第二产业 | 1080.00 | 1400.00 |
| 第三产业 | 600.00 | 750.00 |
| 工业 | 900.00 | 1150.00 |
| 总产出指数(上年=100) | 105.20 | 106.10 |
| 第一产业 | 103.00 | 102.50 |
| 第二产业 | 106.40 | 107.20 |
| 第三产业 | 104.10 | 105.00 |
| 工业 | 106.80 | 107.90 |
| 总产出构成(%) | 100.00 | 100.00 |
| 第一产业 | 16.00 | 14.00 |
| 第二产业 | 54.00 | 56.00 |
| 第三产业 | 30.00 | 30.00 |
| 工业 | 45.00 | {industry} |
"""


def shares_of(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [
        (values, claimed)
        for kind, said, values, claimed in judged_relations(cleaned(text))
        if kind == "share" and said == verdict
    ]


@pytest.mark.parametrize("text", both_scripts(OUTPUT.format(industry="46.00")))
def test_a_section_of_shares_is_each_rows_level_over_the_total(text: str) -> None:
    found = shares_of(text, "consistent")
    assert ([32000000000.0, 200000000000.0], 16.0) in found
    assert ([115000000000.0, 250000000000.0], 46.0) in found
    assert len(found) == 8
    assert shares_of(text, "inconsistent") == []
    # the section's head at 100 is the sum of the sectors' shares, in %
    assert ([14.0, 30.0, 56.0], 100.0) in sums(text, "consistent")


@pytest.mark.parametrize("text", both_scripts(OUTPUT.format(industry="47.00")))
def test_a_share_of_the_section_mistyped_is_caught(text: str) -> None:
    # 1150/2500 = 46.0, printed 47.00
    assert shares_of(text, "inconsistent") == [([115000000000.0, 250000000000.0], 47.0)]


# a header naming a total over its columns (合计 = 男 + 女): 25.0 = 12.0 + 13.0, 40.0 = 21.0 +
# 19.0, 80.0 = 41.0 + 39.0; 中等职业 written 12.0 for 7.0 + 6.0 = 13.0
PUPILS = """\
表1 在校学生数
项目 合计 男 女
普通高中 25.0 12.0 13.0
中等职业 12.0 7.0 6.0
初中 40.0 21.0 19.0
{more}"""


@pytest.mark.parametrize("text", both_scripts(PUPILS.format(more="小学 80.0 41.0 39.0\n")))
def test_a_row_its_columns_do_not_add_up_to_under_a_total_is_caught(text: str) -> None:
    assert sums(text, "inconsistent") == [([6.0, 7.0], 12.0)]
    assert len(sums(text, "consistent")) == 3


@pytest.mark.parametrize("text", both_scripts(PUPILS.format(more="")))
def test_two_rows_show_the_rule_but_too_few_to_call_a_third_wrong(text: str) -> None:
    assert sums(text, "inconsistent") == []
    assert sums(text, "unverifiable") == [([6.0, 7.0], 12.0)]
    assert len(sums(text, "consistent")) == 2
