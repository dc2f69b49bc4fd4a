"""A month's crude rates written as a year's (article/annualised.py): the shapes of 內政部's
monthly population releases as Taiwan's papers carry them: the month-end population before the
rates or a paragraph after them, the rate after a `;`, marriages with their parts after 其中.
Subjects and figures are my own; each expected rate worked by hand as the month's count times
the year's days over the month's, per thousand of the month-end population:
9876 × 365/30 / 23,412,345 × 1000 = 5.132 (5.146 over 366 days), 15432 → 8.020, 11234 → 5.838;
in a leap February 9000 × 366/29 / 23,400,000 × 1000 = 4.854, in a common one × 365/28 = 5.014.
A hundredth of the rate is allowed beyond rounding (the bureau's mean of the month), so
5.13 → 5.31 and 5.84 → 5.48 are far out."""

from __future__ import annotations

import opencc
import pytest

from tests.helpers import accused, both_scripts, of_kind

KIND = "annualised-rate"

# the population first, then the month's births and deaths, each with its rate
POPULATION_FIRST = (
    "户政司今天公布最新户籍登记资料,114年6月底人口数为2341万2345人,与上月比较减少8765人。"
    "6月出生数为9876人,折合年粗出生率为{births}‰;6月人口死亡数为1万5432人,"
    "折合年粗死亡率为8.02‰,较上年同月增加321人。"
)
# the rate first, the population a paragraph later (Taiwan's 爲, 摺合, 臺 as a paper prints them)
POPULATION_AFTER = (
    "戶政司昨日發佈最新人口統計,6月出生數爲9,876人,摺合年粗出生率爲千分之{births},"
    "較去年同月減少1,234人(-11.11%)。\n\n"
    "戶政司統計,6月死亡數有1萬5,432人;截至6月全臺人口數爲2,341萬2,345人,比5月減少8,765人。"
)
# the count and its rate on either side of a ;
AFTER_A_SEMICOLON = (
    "截至今年6月底,人口总数为2341万2345人。6月出生数为9,876人,平均约每4.4分钟出生一个婴儿;"
    "折合年粗出生率为{births}‰,较上年同月增加0.21个千分点。"
)
# marriages, then their parts after 其中, then the rate of them all
MARRIAGES = (
    "截至6月底,全台人口数来到2341万2345人。至于6月结婚对数共有1万1234对,"
    "其中不同性别1万1000对,相同性别234对,折合年粗结婚率为千分之{marriages}。"
)


def _simplified(text: str) -> str:
    return str(opencc.OpenCC("t2s").convert(text))


@pytest.mark.parametrize(
    ("shape", "correct", "planted"),
    [
        (POPULATION_FIRST, {"births": "5.13"}, {"births": "5.31"}),
        (AFTER_A_SEMICOLON, {"births": "5.13"}, {"births": "5.31"}),
        (MARRIAGES, {"marriages": "5.84"}, {"marriages": "5.48"}),
        # 合计 of a month's kinds of marriage is no sum of months
        (MARRIAGES.replace("共有", "合计"), {"marriages": "5.84"}, {"marriages": "5.48"}),
    ],
)
def test_a_months_rate_is_its_count_over_the_population_as_a_year(
    shape: str, correct: dict[str, str], planted: dict[str, str]
) -> None:
    for text in both_scripts(shape.format(**correct)):
        assert "consistent" in [verdict for verdict, _, _ in of_kind(text, KIND)], text
        assert accused(text) == [], text
    for text in both_scripts(shape.format(**planted)):
        assert KIND in [kind for kind, *_ in accused(text)], text


def test_the_population_may_follow_the_rate_a_paragraph_later() -> None:
    correct, planted = (POPULATION_AFTER.format(births=b) for b in ("5.13", "5.31"))
    for text in (correct, _simplified(correct)):
        found = of_kind(text, KIND)
        assert [(v, claimed) for v, _, claimed in found] == [("consistent", 5.13)], text
        assert 23412345 in found[0][1] and 9876 in found[0][1], text
        assert accused(text) == [], text
    for text in (planted, _simplified(planted)):
        assert KIND in [kind for kind, *_ in accused(text)], text


def test_the_deaths_rate_is_judged_beside_the_births() -> None:
    text = POPULATION_FIRST.format(births="5.13")
    found = of_kind(text, KIND)
    assert sorted(claimed for _, _, claimed in found if claimed is not None) == [5.13, 8.02]
    wrong = text.replace("8.02‰", "8.20‰")
    assert [claimed for kind, _, _, claimed in accused(wrong)] == [8.2]


LEAP_FEBRUARY = "{year}年2月底人口数为2340万人。{year}年2月出生数为9000人,折合年粗出生率为4.85‰。"


def test_february_takes_its_years_days() -> None:
    # 113年 is 2024, a leap year: 366/29 gives 4.854; 112年 is 2023: 365/28 gives 5.014
    for text in both_scripts(LEAP_FEBRUARY.format(year="113")):
        assert [v for v, _, _ in of_kind(text, KIND)] == ["consistent"], text
    for text in both_scripts(LEAP_FEBRUARY.format(year="112")):
        assert KIND in [kind for kind, *_ in accused(text)], text


@pytest.mark.parametrize(
    "text",
    [
        # February of no year: 28 or 29 days, and 365 or 366, are too far apart to judge
        "2月底人口数为2340万人。2月出生数为9000人,折合年粗出生率为4.85‰。",
        # several months' births: their days are not one month's
        "截至6月底,人口总数为2341万2345人。1至6月累计出生数为5万8000人,折合年粗出生率为4.2‰。",
        "截至6月底,人口总数为2341万2345人。前6月出生数为5万8000人,折合年粗出生率为4.2‰。",
        # a city's births over the whole population would be wrong: a place's count is none
        "截至6月底,人口总数为2341万2345人。台北市6月出生数为1,234人,折合年粗出生率为6.0‰。",
        # the population of another month is not this month's
        "截至5月底,人口总数为2342万1110人。6月出生数为9876人,折合年粗出生率为5.13‰。",
        # two populations of the month that disagree: no binding
        "截至6月底,人口总数为2341万2345人。6月底全台人口数为2300万人。"
        "6月出生数为9876人,折合年粗出生率为5.13‰。",
        # a group's population is not the whole's
        "截至6月底,原住民人口数为58万1234人。6月出生数为9876人,折合年粗出生率为5.13‰。",
    ],
)
def test_no_rate_is_judged_without_one_month_and_the_whole_population(text: str) -> None:
    for each in both_scripts(text):
        assert of_kind(each, KIND) == [], each
        assert accused(each) == [], each


# one every so many minutes: the month's minutes over its count. June: 30 × 1440 = 43200;
# 43200 / 9876 = 4.374 (4.4), 43200 / 15432 = 2.799 (2.8, and 三 as a rounded mean: 2.5–3.5).
# A mean written roughly may be cut rather than rounded: half its last digit more is allowed,
# so 4.8 (4.70–4.90) and 五 (4–6) are out.
EVERY_MINUTES = (
    "6月婴儿出生数为9876人,平均约每{births}分钟有1名婴儿出生;"
    "人口死亡数为1万5432人,平均约每{deaths}分钟就有一个人过世。"
)


@pytest.mark.parametrize(
    ("correct", "planted"),
    [
        ({"births": "4.4", "deaths": "2.8"}, {"births": "4.8", "deaths": "2.8"}),
        ({"births": "4.4", "deaths": "三"}, {"births": "4.4", "deaths": "五"}),
    ],
)
def test_one_every_so_many_minutes_is_the_months_minutes_over_its_count(
    correct: dict[str, str], planted: dict[str, str]
) -> None:
    for text in both_scripts(EVERY_MINUTES.format(**correct)):
        found = [(v, values) for v, values, _ in of_kind(text, "ratio")]
        assert ("consistent", [9876, 43200]) in found, text
        assert ("consistent", [15432, 43200]) in found, text
        assert accused(text) == [], text
    for text in both_scripts(EVERY_MINUTES.format(**planted)):
        assert "ratio" in [kind for kind, *_ in accused(text)], text


def test_a_february_of_no_year_may_have_either_length() -> None:
    # 28 × 1440 / 9000 = 4.48, 29 × 1440 / 9000 = 4.64: 4.5 and 4.6 both hold, 5.6 neither
    shape = "2月出生数为9,000人,平均约每{every}分钟出生一个婴儿。"
    for every in ("4.5", "4.6"):
        for text in both_scripts(shape.format(every=every)):
            assert [v for v, _, _ in of_kind(text, "ratio")] == ["consistent"], text
    for text in both_scripts(shape.format(every="5.6")):
        assert "ratio" in [kind for kind, *_ in accused(text)], text


def test_several_months_make_no_interval() -> None:
    text = "1至6月累计出生数为5万8000人,平均每4.5分钟出生一个婴儿。"
    for each in both_scripts(text):
        assert of_kind(each, "ratio") == [] and accused(each) == [], each
