"""The quarters of a span make it, in the shape of fresh trial 18's A08 (a customs press release:
the first three quarters' trade, then each quarter's): 一季度, 二季度 and 三季度 make 前三季度,
一季度 and 二季度 make 上半年, the four quarters the year. Our own figures, worked by hand:

  前三季度 0.98 + 1.07 + 1.15 = 3.20 (万亿元)
  上半年   412.6 + 437.9 = 850.5 (亿元)

A planted third quarter of 1.25 makes 3.30 against 3.20: called wrong. Quarter-end balances
(一季度末) are stocks, no parts of a span's flow, and three quarters are never the year's."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

NINE_MONTHS = (
    "今年前三季度,本省货物贸易进出口总值3.20万亿元,比去年同期增长4.1%。"
    "分季度看,一季度进出口0.98万亿元,二季度1.07万亿元,三季度{third}万亿元。\n"
)
LISTED = (
    "今年前三季度,本省货物贸易进出口总值3.20万亿元。"
    "一季度、二季度、三季度进出口分别为0.98万亿元、1.07万亿元和{third}万亿元。\n"
)
HALF_YEAR = "上半年全市社会消费品零售总额850.5亿元。其中,一季度412.6亿元,二季度437.9亿元。\n"


def test_three_quarters_make_the_first_three_quarters() -> None:
    for template in (NINE_MONTHS, LISTED):
        for variant in both_scripts(template.format(third="1.15")):
            found = article_relations(variant)
            parts = [0.98e12, 1.07e12, 1.15e12]
            assert ("sum", "consistent", parts, 3.2e12) in found, found
            assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_quarter_is_called_wrong() -> None:
    for template in (NINE_MONTHS, LISTED):
        for variant in both_scripts(template.format(third="1.25")):
            wrong = accused(variant)
            assert ("sum", "inconsistent", [0.98e12, 1.07e12, 1.25e12], 3.2e12) in wrong, wrong


def test_two_quarters_make_the_half_year() -> None:
    for variant in both_scripts(HALF_YEAR):
        found = article_relations(variant)
        assert ("sum", "consistent", [412.6e8, 437.9e8], 850.5e8) in found, found


def test_three_quarters_are_not_the_year() -> None:
    # the year's total with three quarters only: the fourth is left out, nothing to judge
    year = (
        "全年本省货物贸易进出口总值4.40万亿元。"
        "一季度进出口0.98万亿元,二季度1.07万亿元,三季度1.15万亿元。\n"
    )
    for variant in both_scripts(year):
        assert not [r for r in article_relations(variant) if r[0] == "sum"], variant


def test_quarter_end_balances_make_no_span() -> None:
    balances = (
        "前三季度,全省人民币贷款增加0.77万亿元。"
        "一季度末人民币贷款余额0.21万亿元,二季度末0.26万亿元,三季度末0.30万亿元。\n"
    )
    for variant in both_scripts(balances):
        assert not accused(variant), variant


PARCELS = (
    "前三季度,全市快递业务量3.00亿件,同比增长{rate}%。其中,一季度0.90亿件,增长25.0%;"
    "二季度1.00亿件,增长15.0%;三季度1.10亿件,增长20.0%。\n"
)


def test_the_quarters_rates_make_the_spans_rate() -> None:
    # last year's quarters 0.90/1.25 + 1.00/1.15 + 1.10/1.20 = 2.50623; 3.00 / 2.50623 − 1 = 19.70%
    for variant in both_scripts(PARCELS.format(rate="19.7")):
        found = article_relations(variant)
        growth = [r for r in found if r[0] == "growth-of-sum"]
        assert growth and growth[0][1] == "consistent" and growth[0][3] == 19.7, found
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_rate_of_the_span_is_called_wrong() -> None:
    for variant in both_scripts(PARCELS.format(rate="22.7")):
        assert [r[0] for r in accused(variant)] == ["growth-of-sum"], variant


PAGE = (
    "据统计,今年前三季度全省外贸进出口总值3.20万亿元,比去年同期增长4.1%。\n"
    "今年1至8月,全省跨境电商进出口占外贸的比重比去年同期提升0.3个百分点。\n"
    "从前三季度的数据看,全省外贸运行平稳,其中第一季度、第二季度、第三季度进出口规模"
    "分别为0.98万亿、1.07万亿和{third}万亿元。\n"
)


def test_months_named_in_between_do_not_date_the_quarters() -> None:
    # "1至8月" dates the paragraph it stands in; the next names 前三季度 again, and its
    # quarters (the last alone written with 元) make the total two paragraphs up
    for variant in both_scripts(PAGE.format(third="1.15")):
        found = article_relations(variant)
        assert ("sum", "consistent", [0.98e12, 1.07e12, 1.15e12], 3.2e12) in found, found
    for variant in both_scripts(PAGE.format(third="1.25")):
        wrong = accused(variant)
        assert ("sum", "inconsistent", [0.98e12, 1.07e12, 1.25e12], 3.2e12) in wrong, wrong


def test_quarters_naming_no_measure_break_down_the_level_before() -> None:
    # 1612.4 + 1733.9 + 1705.2 + 2011.6 = 7063.1, the unit written on the last alone
    text = (
        "2024年,全省一般公共预算支出{total}亿元,比上年增长3.9%。一季度、二季度、三季度、四季度"
        "分别为1612.4、1733.9、1705.2和2011.6亿元。\n"
    )
    parts = [1612.4e8, 1705.2e8, 1733.9e8, 2011.6e8]
    for variant in both_scripts(text.format(total="7063.1")):
        assert ("sum", "consistent", parts, 7063.1e8) in article_relations(variant), variant
    for variant in both_scripts(text.format(total="7163.1")):
        assert not accused(variant), variant  # the list names no measure: never called wrong


def test_hong_kongs_quarters_spelled_without_du() -> None:
    # 6,981.2 + 7,045.6 + 7,402.7 + 7,913.5 = 29,343.0 (億元), years in Chinese digits
    text = (
        "二〇二三年全年本地生產總值為{total}億元。按季度計算,第一季、第二季、第三季及第四季"
        "本地生產總值分別為6,981.2億元、7,045.6億元、7,402.7億元及7,913.5億元。\n"
    )
    parts = [6981.2e8, 7045.6e8, 7402.7e8, 7913.5e8]
    for variant in both_scripts(text.format(total="29,343.0")):
        assert ("sum", "consistent", parts, 29343.0e8) in article_relations(variant), variant
    for variant in both_scripts(text.format(total="29,443.0")):
        assert [r[0] for r in accused(variant)] == ["sum"], variant
