"""False alarms of fresh trial 22 (ten real articles judged by someone who had not seen the code),
in our own words and figures, worked by hand:

  yields after 其中 (A05): 小麦单产5900.0公斤/公顷 above 夏粮单产5500.0公斤/公顷 is no part above
    its whole — a yield is an amount per hectare, and none adds up
  Taiwan's 兆 (A06): 1兆200.0億美元 = 10200.0億; 6000.0 + 4200.0 = 10200.0 (planted 4500.0:
    10500.0, called wrong); 2.5兆元 = 2.5萬億元
  points month on month (A07): 火电's `环比增长5.00个百分点` after 水电's `占…比重(下同)为20.00%` is
    neither 水电's nor a change on the year before its shares' rates are on:
    shares 30/150 = 20.00%, 80/150 = 53.33%, 25/150 = 16.67%, 15/150 = 10.00%
    a year before 30/0.75 + 80/0.92 + 25/1.02 + 15/1.2958 = 40 + 86.957 + 24.510 + 11.576
    = 163.043; 150/163.043 = 0.92000 → −8.00%
"""

from __future__ import annotations

from povcli.article.clean import clean_article
from povcli.article.figures import figures_of
from tests.helpers import accused, article_relations, both_scripts, claimed_of

YIELDS = (
    "夏粮单产小幅提高。今年全省夏粮单产5500.0公斤/公顷,比上年增加30.0公斤/公顷,增长0.5%,"
    "其中小麦单产5900.0公斤/公顷,增加40公斤/公顷,增长0.7%。\n"
)
TRADE = (
    "今年前两个月,中國累計進出口總值1兆200.0億美元,年增10%。其中,出口6,000.0億美元,年增12%,"
    "進口{imports}億美元,年增7%。\n"
)
POWER = (
    "当月:全省完成发电量150.00亿千瓦时,同比下降8.00%,环比下降3.00%。其中,水电30.00亿千瓦时,"
    "同比下降25.00%,环比增长30.00个百分点,占总发电量比重(下同)为20.00%;火电80.00亿千瓦时,"
    "同比下降8.00%,环比增长5.00个百分点,占比53.33%;风电25.00亿千瓦时,同比增长2.00%,"
    "环比下降15.00个百分点,占比16.67%;光电15.00亿千瓦时,同比增长29.58%,环比增长6.00个百分点,"
    "占比10.00%。\n"
)


def test_a_yield_after_qizhong_is_no_part_of_the_yield_before() -> None:
    for variant in both_scripts(YIELDS):
        assert not accused(variant), variant


def test_taiwans_zhao_holds_ten_thousand_yi() -> None:
    for variant in both_scripts(TRADE.format(imports="4,200.0")):
        sums = [(r[1], r[3]) for r in article_relations(variant) if r[0] == "sum"]
        assert sums == [("consistent", 1_020_000_000_000.0)], variant
        assert not accused(variant), variant
    for variant in both_scripts(TRADE.format(imports="4,500.0")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("sum", 1_020_000_000_000.0)]


def test_zhao_before_a_currency_is_a_million_million() -> None:
    text = clean_article("標題\n\n全年出口總額2.5兆元,兆瓦級電站10座。").text
    values = [f.value for f in figures_of(text)]
    assert 2_500_000_000_000.0 in values and 10.0 in values, text


def test_points_month_on_month_are_no_change_of_the_shares_on_the_year_before() -> None:
    for variant in both_scripts(POWER):
        assert not accused(variant), variant
        assert claimed_of(variant, "share", "consistent") == [10.0, 16.67, 20.0, 53.33]
