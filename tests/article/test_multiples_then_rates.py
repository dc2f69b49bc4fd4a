"""A multiple of a base year, nominal and real, and the yearly rates in the next statement (NBS's
"名义水平是2012年的1.6倍;扣除价格因素,实际水平是2012年的1.5倍。2013-2016年…年均名义增长12.8%,
扣除价格因素,年均实际增长10.7%"), and a rate's fall in points a year after its two levels. My
figures: 1.45^(1/5) − 1 = 7.71%; 1.30^(1/5) − 1 = 5.39%; (12.6 − 3.6) / 5 = 1.8 points."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

INCOME = (
    "2024年,山区县农村居民人均可支配收入16500元,名义水平是2019年的1.45倍;扣除价格因素,"
    "实际水平是2019年的1.30倍。2020-2024年山区县农村居民人均收入保持较快增长,"
    "年均名义增长{nominal}%,扣除价格因素,年均实际增长{real}%。"
)
POINTS = (
    "全县农村低收入人口占比由2019年的12.6%下降至2024年的3.6%,下降9.0个百分点,"
    "平均每年下降{mean}个百分点。"
)


def test_each_multiple_goes_with_its_rate_in_the_next_statement() -> None:
    for text in both_scripts(INCOME.format(nominal="7.7", real="5.4")):
        found = [(verdict, values) for verdict, values, _ in of_kind(text, "cagr-multiple")]
        assert found == [("consistent", [1.45]), ("consistent", [1.3])], found
        assert accused(text) == [], text


def test_a_real_rate_written_wrong_is_caught_against_the_real_multiple() -> None:
    for text in both_scripts(INCOME.format(nominal="7.7", real="7.4")):
        assert [values for _, _, values, _ in accused(text)] == [[1.3]], text


def test_rates_of_another_span_are_not_the_multiples() -> None:
    other = INCOME.format(nominal="9.9", real="8.8").replace("2020-2024年", "2022-2024年")
    for text in both_scripts(other):
        assert of_kind(text, "cagr-multiple") == [], text


def test_a_rates_fall_in_points_a_year() -> None:
    for text in both_scripts(POINTS.format(mean="1.8")):
        means = [(verdict, values) for verdict, values, _ in of_kind(text, "average")]
        assert means == [("consistent", [9.0])], means
    for text in both_scripts(POINTS.format(mean="2.8")):
        assert [values for _, _, values, _ in accused(text)] == [[9.0]], text


def test_the_next_statements_rate_of_another_level_is_not_the_multiples() -> None:
    # the income's multiple has its own rate; the spending's rate is the spending's
    text = (
        "2024年,山区县农村居民人均可支配收入16500元,是2019年的1.45倍,年均增长7.7%;"
        "2024年山区县农村居民人均消费支出12800元,与2019年相比,年均增长6.1%,扣除价格因素,"
        "年均实际增长4.0%。"
    )
    for version in both_scripts(text):
        assert [values for _, values, _ in of_kind(version, "cagr-multiple")] == [[1.45]], version
        assert accused(version) == [], version
