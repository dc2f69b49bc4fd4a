"""A numbered list under a heading naming a whole stated just before it, in the shape of fresh
trial 17's A05 (a province's budget release): "税收收入…亿元" then "主要税收收入项目情况:", one
item a paragraph, an item listing several taxes, the last item holding the others (其他); and
"主要支出科目情况:", a list of some items. Our own figures, worked by hand:

  税收收入 120.5 = 50.2 + 30.1 + (10.4 + 5.6) + 24.2 (the last item 其他)
  支出 300.8 ≥ 80.5 + 40.2 + 35.0 = 155.7 (some items)
  last year's taxes 50.2/1.040 + 30.1/1.032 + 10.4/0.979 + 5.6/1.013 + 24.2/1.099 = 115.607, so
  120.5 grew 4.23% → 4.2%; the revenue 120.5/1.042 + 59.8/1.085 = 170.758, so 180.3 grew 5.6%

A planted 消费税 of 33.1 makes the taxes 123.5 (at least 123.25 by rounding) against 120.5:
called wrong. A planted 卫生健康支出 of 240.2 makes the items 355.7 against 300.8: called wrong.
A list holding the others that falls short of its whole, an item giving two amounts (one may be
left unread), is not; a list of one amount an item that falls short is."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "一、收入情况\n"
    "上半年,全市一般公共预算收入180.3亿元,增长5.6%。其中税收收入120.5亿元,增长4.2%;"
    "非税收入59.8亿元,增长8.5%。主要税收收入项目情况:\n"
    "1.增值税50.2亿元,增长4.0%。\n"
    "2.消费税{excise}亿元,增长3.2%。\n"
    "3.房地产相关税收中,契税10.4亿元,下降2.1%;房产税5.6亿元,增长1.3%。\n"
    "4.城建税、印花税等其他税收收入{others}亿元,增长9.9%。\n"
    "二、支出情况\n"
    "上半年,全市一般公共预算支出300.8亿元,增长4.4%。主要支出科目情况:\n"
    "1.教育支出80.5亿元,增长6.0%。\n"
    "2.卫生健康支出{health}亿元,增长2.2%。\n"
    "3.交通运输支出35.0亿元,下降1.5%。\n"
)


def text(excise: str = "30.1", others: str = "24.2", health: str = "40.2") -> str:
    return TEXT.format(excise=excise, others=others, health=health)


def test_items_holding_the_others_add_up_to_the_whole_named_by_the_heading() -> None:
    for variant in both_scripts(text()):
        found = article_relations(variant)
        taxes = [round(1e8 * x) for x in (5.6, 10.4, 24.2, 30.1, 50.2)]
        assert ("sum", "consistent", sorted(taxes), 1.205e10) in found, found
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_list_of_some_items_is_part_of_its_whole() -> None:
    for variant in both_scripts(text()):
        found = article_relations(variant)
        spending = sorted([round(1e8 * x) for x in (35.0, 40.2, 80.5)] + [3.008e10])
        assert ("subset", "consistent", spending, None) in found, found


def test_a_planted_item_above_the_whole_is_called_wrong() -> None:
    for variant in both_scripts(text(excise="33.1")):
        wrong = [r for r in article_relations(variant) if r[1] == "inconsistent"]
        taxes = sorted(round(1e8 * x) for x in (5.6, 10.4, 24.2, 33.1, 50.2))
        assert wrong == [("sum", "inconsistent", taxes, 1.205e10)], wrong


def test_a_planted_item_making_some_items_more_than_the_whole_is_called_wrong() -> None:
    for variant in both_scripts(text(health="240.2")):
        wrong = [r for r in article_relations(variant) if r[1] == "inconsistent"]
        spending = sorted([round(1e8 * x) for x in (35.0, 80.5, 240.2)] + [3.008e10])
        assert wrong == [("subset", "inconsistent", spending, None)], wrong


def test_items_short_of_the_whole_accuse_no_one() -> None:
    # 其他 written as 14.2: the items come to 110.5, ten short; an amount may not be read
    for variant in both_scripts(text(others="14.2")):
        found = article_relations(variant)
        assert not [r for r in found if r[1] == "inconsistent"], found


# Unnumbered, as a city's budget release writes it (fresh trial 18's A06): "主要税收收入项目情况如
# 下:" then one item a line closed by ;, the last by 。, holding the others with 等. Ours:
#   税收收入 40.0 = 20.0 + 8.0 + 2.0 + 10.0
#   last year 20.0/1.05 + 8.0/1.02 + 2.0/0.90 + 10.0/1.05 = 38.6367, so 40.0 grew 3.53% → 3.5%
LINES = (
    "上半年,全县一般公共预算收入50.0亿元,同比增长4.6%。其中:税收收入40.0亿元,同比增长3.5%;"
    "非税收入10.0亿元,同比增长9.0%。主要税收收入项目情况如下:\n"
    "增值税20.0亿元,同比增长5.0%;\n"
    "企业所得税{corporate}亿元,同比增长2.0%;\n"
    "个人所得税2.0亿元,同比下降10.0%;\n"
    "契税、印花税等地方税收10.0亿元,同比增长5.0%。\n"
    "二、支出情况\n"
)


def test_unnumbered_lines_holding_the_others_add_up_and_make_the_rate() -> None:
    for variant in both_scripts(LINES.format(corporate="8.0")):
        found = article_relations(variant)
        taxes = sorted(round(1e8 * x) for x in (2.0, 8.0, 10.0, 20.0))
        assert ("sum", "consistent", [float(t) for t in taxes], 4e9) in found, found
        growth = [r for r in found if r[0] == "growth-of-sum" and r[3] == 3.5]
        assert growth and growth[0][1] == "consistent", found
        assert accused(variant) == [], found


def test_a_planted_unnumbered_item_above_the_whole_is_called_wrong() -> None:
    for variant in both_scripts(LINES.format(corporate="11.0")):
        wrong = accused(variant)
        taxes = sorted(float(round(1e8 * x)) for x in (2.0, 10.0, 11.0, 20.0))
        assert wrong == [("sum", "inconsistent", taxes, 4e9)], wrong


def test_a_planted_unnumbered_item_short_of_the_whole_is_called_wrong() -> None:
    # each line gives one amount, and the last holds the others: 37.0 cannot be 40.0
    for variant in both_scripts(LINES.format(corporate="5.0")):
        wrong = [r for r in accused(variant) if r[0] == "sum"]
        taxes = sorted(float(round(1e8 * x)) for x in (2.0, 5.0, 10.0, 20.0))
        assert wrong == [("sum", "inconsistent", taxes, 4e9)], wrong


# An item may name a second amount after its own: the budget it is a share of, or last year's
# (review 21). Ours: 30.20亿元 = 62000 + 54000 + 186000 万元; the 63000 and 30500 are none of it.
SECOND_AMOUNTS = (
    "全县一般公共预算支出30.20亿元。主要支出科目情况：\n"
    "1. 教育支出62000万元，为预算数的98.4%（预算数63000万元）；\n"
    "2. 农林水支出54000万元，上年为52000万元；\n"
    "3. 其他各项支出186000万元。\n"
)


def test_a_budget_s_or_last_year_s_amount_in_an_item_is_no_part() -> None:
    for variant in both_scripts(SECOND_AMOUNTS):
        found = article_relations(variant)
        spending = [6.2e8, 5.4e8, 1.86e9]
        assert ("sum", "consistent", sorted(spending), 3.02e9) in found, found
        assert accused(variant) == [], found
