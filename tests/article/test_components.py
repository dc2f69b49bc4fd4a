"""A population's change and what makes it (article/components.py), crude rates over the year's
mean population (article/crude.py) and a scraped page's own line above its title. The shapes are
those of Hong Kong's and Taiwan's population releases, NBS's year-end figures and a provincial
communiqué; subjects and figures are my own, every expected value worked by hand."""

from __future__ import annotations

import pytest

from tests.helpers import accused, article_relations, both_scripts, of_kind

# the natural increase first, its births and deaths after 其中 (Hong Kong's shape):
# 21500 − 18300 = 3200; planted: 21500 − 16300 = 5200 (2.15万 and 1.63万 each ± 50)
NATURAL_FIRST = (
    "2024年底至2025年底,本市人口自然增长3200人,其中出生人数为2.15万人,死亡人数为{deaths}万人。"
)
# births, deaths, then the natural increase (爲): 41200 − 29500 = 11700
NATURAL_LAST = "去年年中至今年年中的出生人數爲41200人,死亡人數爲29500人,自然增長人數爲{natural}人。"
# Taiwan's monthly shape: −312 + 1045 = 733
TAIWAN_BALANCE = (
    "據縣府最新統計,截至今年6月底,本縣人口總數58萬3120人,自然增加為負312人、社會增加1045人,"
    "整體比5月增加{whole}人。"
)
# the whole change, then its parts after 包括: 2100 + 6200 = 8300
HONG_KONG_BALANCE = (
    "統計處今天發表的數字顯示,本區的整體人口增加8300人,"
    "包括自然增長的2100人,以及淨移入人口{moves}人。"
)


@pytest.mark.parametrize(
    ("shape", "correct", "planted", "kind"),
    [
        (NATURAL_FIRST, {"deaths": "1.83"}, {"deaths": "1.63"}, "difference"),
        (NATURAL_LAST, {"natural": "11700"}, {"natural": "12700"}, "difference"),
        (TAIWAN_BALANCE, {"whole": "733"}, {"whole": "833"}, "sum"),
        (HONG_KONG_BALANCE, {"moves": "6200"}, {"moves": "6400"}, "sum"),
    ],
)
def test_a_populations_change_in_one_sentence_is_judged(
    shape: str, correct: dict[str, str], planted: dict[str, str], kind: str
) -> None:
    for text in both_scripts(shape.format(**correct)):
        assert ("consistent") in [v for v, _, _ in of_kind(text, kind)], text
        assert accused(text) == [], text
    for text in both_scripts(shape.format(**planted)):
        assert kind in [k for k, *_ in accused(text)], text


# a month's release: the balance in its lead, the month's births and deaths paragraphs later
# (1980 − 2400 = −420); several readings are possible, so it is shown when it holds only
MONTHLY = (
    "據縣府統計,截至5月底,本縣人口總數58萬2387人,自然增加為負420人、社會增加1200人。\n\n"
    "婚姻方面,5月結婚對數為310對。\n\n"
    "新生兒部分,5月出生數為1,980人,較4月減少35人。\n\n"
    "死亡部分,5月死亡數為{deaths}人,較4月增加12人。"
)


def test_a_months_natural_increase_across_paragraphs_is_shown_when_it_holds() -> None:
    for text in both_scripts(MONTHLY.format(deaths="2,400")):
        assert of_kind(text, "difference") == [("consistent", [1980.0, 2400.0], -420.0)], text
        assert accused(text) == []
    for text in both_scripts(MONTHLY.format(deaths="2,500")):
        assert accused(text) == [], text  # another paragraph's deaths may be of another month


def test_no_balance_from_a_natural_growth_rate() -> None:
    """自然增长率 is a rate, not the natural increase in people."""
    text = (
        "全年出生人口3000人,死亡人口2000人,人口自然增长率为2.50‰。"
        "全县人口增加800人,净迁入人口100人。"
    )
    for version in both_scripts(text):
        assert accused(version) == []
        assert [r for r in article_relations(version) if r[0] == "sum"] == []


# NBS's year-end shape: the nation in the first sentence, the births after it name no place;
# 900 / (150000 + 100 / 2) × 1000 = 5.998‰, written 6.00‰
NATIONAL_CRUDE = (
    "2031年末全国人口为150000万人,比上一年减少了100万人。全年出生人口为900万人,出生率为{rate}‰。"
)


def test_a_crude_rate_of_the_nation_whose_births_name_no_place() -> None:
    for text in both_scripts(NATIONAL_CRUDE.format(rate="6.00")):
        assert [v for v, _, _ in of_kind(text, "crude-rate")] == ["consistent"], text
    # 6.60‰ would need 136,364万 people: the year had 150,000万 to 150,100万
    for text in both_scripts(NATIONAL_CRUDE.format(rate="6.60")):
        assert [v for v, _, _ in of_kind(text, "crude-rate")] == ["inconsistent"], text


# a province's births, deaths and natural increase with their rates; the mean population is
# (8000 + 7960) / 2 = 7980万: 70 / 7980 = 8.77‰, 45 / 7980 = 5.64‰, 25 / 7980 = 3.13‰
PROVINCE_CRUDE = (
    "2031年末,本省常住人口8000万人,比上年末增加40万人。2031年本省出生人口70万人,出生率8.77‰;"
    "死亡人口45万人,死亡率5.64‰;自然增长人口25万人,自然增长率{natural}‰。"
)


def test_a_natural_increase_rate_is_a_crude_rate_too() -> None:
    for text in both_scripts(PROVINCE_CRUDE.format(natural="3.13")):
        assert [v for v, _, _ in of_kind(text, "crude-rate")] == ["consistent"] * 3, text
        assert accused(text) == []
    # 25万 (24.5万 to 25.5万) over 7960万 to 8000万 is 3.06‰ to 3.20‰: 3.31‰ is too high
    for text in both_scripts(PROVINCE_CRUDE.format(natural="3.31")):
        assert ("crude-rate", "inconsistent") in [(k, v) for k, v, *_ in accused(text)], text


def test_a_months_annualised_rate_is_no_years_crude_rate() -> None:
    """Taiwan's 折合年粗出生率 is a month's births over a year: no year's mean population."""
    text = (
        "截至4月底,本縣人口總數58萬3120人,較上年底增加1200人。"
        "4月出生數為300人,折合年粗出生率為千分之6.17。"
    )
    for version in both_scripts(text):
        assert of_kind(version, "crude-rate") == []


def test_a_sites_own_line_is_no_title() -> None:
    """The page's own line above the headline; the headline names the nation, so the year-end
    people are the nation's and its change is its births less its deaths (900 − 1000 = −100)."""
    page = (
        "某某本土网,每日更新最新本地新闻! 收藏本站\n"
        "您现在的位置:主页 > 国内新闻 >\n\n"
        "2031年全国出生人口900万人\n\n"
        "年末全国人口150000万人,比上年末减少100万人。\n\n"
        "全年出生人口900万人;死亡人口{deaths}万人。"
    )
    from povcli.article.clean import clean_article
    from tests.helpers import judged_relations

    for text in both_scripts(page.format(deaths="1000")):
        found = judged_relations(clean_article(text).text)
        assert ("difference", "consistent", [900e4, 1000e4], -100e4) in found, found
    for text in both_scripts(page.format(deaths="1100")):
        found = judged_relations(clean_article(text).text)
        assert ("difference", "inconsistent", [900e4, 1100e4], -100e4) in found, found


def test_no_crude_rate_from_another_provinces_paragraph() -> None:
    """Two communiqués quoted one after the other (the real page's shape): the second
    province's rate, which gives no count, is no rate of the first's natural increase
    (25 / 7980 = 3.13‰ is the first's; −0.94‰ the second's)."""
    text = (
        "据《2031年甲省统计公报》,2031年末,甲省常住人口8000万人,比上年末增加40万人。"
        "2031年甲省出生人口70万人,出生率8.77‰;死亡人口45万人,死亡率5.64‰;"
        "自然增长人口25万人,自然增长率3.13‰。\n\n"
        "据《2031年乙省统计公报》,乙省出生率为7.06‰;死亡率为8.00‰;人口自然增长率为-0.94‰。"
    )
    for version in both_scripts(text):
        assert accused(version) == [], version
        assert [v for v, _, _ in of_kind(version, "crude-rate")] == ["consistent"] * 3


# the moves in and out and their net, as Taiwan's monthly releases give them (my own figures):
# 81234 − 76543 = 4691 in; 65432 − 67890 = −2458, a net outflow of 2458
NET_IN = (
    "6月迁入人口数为8万1234人,较上年同月增加2345人;迁出人口数为7万6543人,"
    "较上年同月减少1234人,净迁入人口数为{net}人。"
)
NET_OUT = "7月迁入人口数为6万5432人,迁出人口数为6万7890人,净迁出人口数为{net}人。"


@pytest.mark.parametrize(
    ("shape", "correct", "planted"), [(NET_IN, "4691", "4961"), (NET_OUT, "2458", "2548")]
)
def test_the_net_moves_are_the_moves_in_less_the_moves_out(
    shape: str, correct: str, planted: str
) -> None:
    for text in both_scripts(shape.format(net=correct)):
        assert "consistent" in [v for v, _, _ in of_kind(text, "difference")], text
        assert accused(text) == [], text
    for text in both_scripts(shape.format(net=planted)):
        assert "difference" in [k for k, *_ in accused(text)], text


def test_a_social_increase_paragraphs_from_its_moves_is_shown_when_it_holds() -> None:
    shape = "本月社会增加{net}人。\n\n迁入人口数为8万1234人,迁出人口数为7万6543人。"
    for text in both_scripts(shape.format(net="4691")):
        assert "consistent" in [v for v, _, _ in of_kind(text, "difference")], text
    for text in both_scripts(shape.format(net="4961")):
        assert accused(text) == [], text
