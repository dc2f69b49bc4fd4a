"""A year's level so much a month (daily.monthly_averages) and a compound rate over 过去N年
(relations.YEARS_FIGURE), in the shapes of a Taiwanese paper's report of NBS income figures
and a provincial work report; figures my own, worked by hand: 43,200 / 12 = 3,600;
36,300 / 12 = 3,025; (8,000 / 5,000)^(1/5) = 1.0986, 9.9% a year."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

MONTHLY = (
    "大陆国家统计局17日公布,去年全年居民人均可支配收入人民币4万3,200元(新台币19.0万元),"
    "平均到每个月为人民币{month}元(新台币1.6万元)。\n\n"
    "全大陆居民人均可支配收入中位数人民币3万6,300元,平均到每个月人民币3,025元。"
)
COMPOUND = (
    "省政府工作报告指出,过去五年,全省农村居民人均可支配收入由5000元增加到8000元,年均增长{rate}%。"
)


def test_a_years_level_so_much_a_month() -> None:
    for text in both_scripts(MONTHLY.format(month="3,600")):
        ratios = of_kind(text, "ratio")
        assert ("consistent", [12.0, 43200.0], 3600.0) in ratios, ratios
        assert ("consistent", [12.0, 36300.0], 3025.0) in ratios, ratios
        assert accused(text) == []
    for text in both_scripts(MONTHLY.format(month="3,800")):
        assert ("ratio", "inconsistent", [12.0, 43200.0], 3800.0) in accused(text), text


def test_a_quarters_level_is_no_years_months() -> None:
    """A quarter's income over its months is no year's over 12: nothing is computed."""
    text = "一季度,全省居民人均可支配收入10800元,平均到每个月为3600元。"
    for version in both_scripts(text):
        assert of_kind(version, "ratio") == [], version


def test_a_compound_rate_over_the_past_five_years() -> None:
    for text in both_scripts(COMPOUND.format(rate="9.9")):
        assert [v for v, _, _ in of_kind(text, "cagr")] == ["consistent"], text
    # 11.9% compounds to 1.755, not the 1.6 of 8000 over 5000
    for text in both_scripts(COMPOUND.format(rate="11.9")):
        assert [v for v, _, _ in of_kind(text, "cagr")] == ["inconsistent"], text


# RTHK's shape of NBS's profits: the growth on 2019 after 较, then the two years' average;
# 1.210^(1/2) = 1.1000, 10.0% a year
TWO_YEARS = (
    "今年首9个月利润总额5.20万亿元,同比增长30.5%,较2019年同期增长21.0%,两年平均增长{mean}%。"
)


def test_a_two_year_average_after_jiao() -> None:
    for text in both_scripts(TWO_YEARS.format(mean="10.0")):
        assert of_kind(text, "cagr-growth") == [("consistent", [21.0], 10.0)], text
    for text in both_scripts(TWO_YEARS.format(mean="12.0")):
        assert ("cagr-growth", "inconsistent", [21.0], 12.0) in accused(text), text


def test_an_year_on_year_change_written_an_nian() -> None:
    """Hong Kong's 按年 is 同比: 100 / (1,200 − 100) = 9.1%."""
    for text in both_scripts("全年出口1200亿元,按年增加100亿元,增长{rate}%。".format(rate="9.1")):
        assert of_kind(text, "change-rate") == [("consistent", [100e8, 1200e8], 9.1)], text
    for text in both_scripts("全年出口1200亿元,按年增加100亿元,增长{rate}%。".format(rate="8.3")):
        assert ("change-rate", "inconsistent", [100e8, 1200e8], 8.3) in accused(text), text
