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
