"""A county's monthly revenue in the shape of a county finance bureau's page (fresh trial 22's
A02): the prose and the table after it run into one line (`…下降92.21%。 具体收入项目情况如下:
…情况表 | 预 算 科 目 | …`), the prose's breakdowns opened `从收入结构看:` and `从征收部门看:`, each
part's share written `占收入的…%`. Our own figures, worked by hand:

  taxes 18000 + 2000 = 20000, changes 1500 + 500 = 2000 (1500 / 16500 = 9.09%, 500 / 1500 =
    33.33%, 2000 / 18000 = 11.11%); shares 18000 / 20000 = 90.00%, 2000 / 20000 = 10.00%
  departments 19000 + 1000 = 20000, changes 1800 + 200 = 2000 (1800 / 17200 = 10.47%, 200 / 800
    = 25.00%); shares 95.00%, 5.00%
  planted: the taxes' share 87.00% (18000 / 20000 is 90.00%, and 87.00 + 10.00 is no 100)
"""

from __future__ import annotations

from tests.helpers import accused, both_scripts, claimed_of

PAGE = (
    "一、大口径财政收入情况\n"
    "1-2月,全县实现大口径财政收入20000万元,完成预算的18.00%,较上年同期增收2000万元,增长11.11%。"
    "从收入结构看:税收收入18000万元,占收入的{tax_share}%,同比增收1500万元,增长9.09%;非税收入"
    "2000万元,占收入的10.00%,同比增收500万元,增长33.33%。从征收部门看:税务部门完成19000万元,"
    "占收入的95.00%,同比增收1800万元,增长10.47%;财政部门完成1000万元,占收入的5.00%,同比增收"
    "200万元,增长25.00%。 具体收入项目情况如下: 二〇二四年二月收入执行情况表 | 预 算 科 目 | "
    "本年收入计划 | 累计完成数 | 累计完成数 | 占计划% | 上年同期数 | 同比增减% | 备注 | 中央级 | "
    "省级 | 市级 | 县乡级 | 合 计 | 税收收入 | 100000 | 8000 | 2500 |\n"
    "| 7500 | 18000 | 18.00 | 16500 | 9.09 |\n"
    "| 增值税 | 50000 | 4000 | 1500 |\n"
    "| 3000 | 8500 | 17.00 | 7500 | 13.33 |\n"
)


def test_the_prose_before_a_table_on_its_line_is_read_as_prose() -> None:
    for variant in both_scripts(PAGE.format(tax_share="90.00")):
        sums = claimed_of(variant, "sum", "consistent")
        assert sums.count(200_000_000.0) >= 2 and sums.count(20_000_000.0) >= 2, variant
        assert 11.11 in claimed_of(variant, "change-rate", "consistent"), variant
        assert not accused(variant), variant


def test_the_parts_shares_of_the_income_are_of_the_whole_they_make() -> None:
    for variant in both_scripts(PAGE.format(tax_share="90.00")):
        assert claimed_of(variant, "share", "consistent") == [5.0, 10.0, 90.0, 95.0], variant
    for variant in both_scripts(PAGE.format(tax_share="87.00")):
        wrong = sorted((r[0], r[3]) for r in accused(variant))
        assert wrong == [("share", 87.0), ("sum", 100.0)], variant  # 87.00 + 10.00 is no 100
