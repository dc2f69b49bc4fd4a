"""Review 15: correct texts in the shapes of Taiwan's 內政部 population releases, Hong Kong's and
Macau's figures and mainland bulletins, and their tricky neighbours, for the five features of
the day: a year's change a day (daily.py), the household size (named_ratios.py), 千分之/百分之
and 1萬87人, a part's contribution to a total's increase (increases.py) and rates named after
their change. None may be called inconsistent; the planted ones (one figure changed) must stay
caught. Every expected value was worked by hand from the figures as written."""

from __future__ import annotations

import pytest

from tests.helpers import (
    accused,
    article_relations,
    both_scripts,
    judged_relations,
    of_kind,
)

CORRECT = {
    "d_year_month": (
        "内政部公布,3月底全国人口数为2340万5120人,与上月比较增加2135人,与上年同月比较增加3万6500人,平均每天增加100人。"
    ),
    "d_month_after_year": (
        "3月底人口数为2340万人,与上年同月比较增加3万人,与上月比较增加3100人,平均每天增加100人。"
    ),
    "d_half_year": ("今年6月底人口数为2342万人,较上年底增加1万8100人,平均每天增加100人。"),
    "d_births_month": (
        "本月出生数1万2045人,较上年同月增加1025人,平均每天出生389人,约每3分42秒出生1人。"
    ),
    "d_half_births": ("1至6月累计出生7万2390人,较上年同期减少3650人,平均每天出生400人。"),
    "d_market": ("全年新登记市场主体25.2万户,比上年增加2.3万户,日均新增690户。"),
    "d_tourists": ("全年全市接待游客1.2亿人次,比上年增加730万人次,日均增加2万人次。"),
    "d_year_end": ("112年底全国人口数为2342万0442人,较111年底增加1万2000人,平均每天增加33人。"),
    "d_hourly": ("与上年同月比较增加8760人,平均每小时增加1人。"),
    "d_deaths_day": ("全年死亡数20万5368人,较上年增加1万0950人,平均每天死亡563人。"),
    "d_leap": ("113年2月底人口数为2339万人,与上年同月比较增加4万3920人,平均每天增加120人。"),
    "h_nation": (
        "截至6月底,全国户数为930万户,人口数为2340万人,户量为2.52人,较上年同月减少0.03人。"
    ),
    "h_nation_city": (
        "截至6月底,全国户数为930万户,人口数为2340万人,户量为2.52人。其中台北市户数为105万户,人口数为249万人,户量为2.37人。"
    ),
    "h_city_other_para": (
        "6月底全国人口数为2340万人,较上月增加1200人。\n\n台北市户数为105万户,户量为2.37人。"
    ),
    "h_county_rank": (
        "6月底全国人口数为2340万人,户数为930万户。\n\n就县市别言,户数以新北市178万户最多,新北市户量为2.25人。"
    ),
    "h_census_family": (
        "全省共有家庭户1500万户,集体户50万户,家庭户人口4500万人,集体户人口300万人。平均每个家庭户的人口为3.00人,比2010年减少0.35人。"
    ),
    "h_census_family2": ("全市共有家庭户300万户,家庭户人口780万人。平均每户人口为2.60人。"),
    "h_register": ("全市常住人口950万人,户籍人口800万人,户籍户数300万户,户均人口2.67人。"),
    "h_village": ("该村共有农户320户,人口1120人,平均每户人口3.50人。"),
    "h_city_vs_prov": (
        "全省户数为1200万户,人口数为3600万人,户均人口3.00人。\n\n福州市户均人口为2.80人。"
    ),
    "h_aborigine": (
        "原住民户数为18万户,原住民人口数为58万9880人,户量为3.28人;全国户数为930万户,人口数为2340万人,户量为2.52人。"
    ),
    "h_poor": ("全村共有贫困户50户,贫困人口180人,户均人口3.60人。"),
    "f_hundred": ("全县行政村通硬化路比例达到百分之百,自然村通电比例为百分之99.5。"),
    "f_one_in_k": ("发生事故的概率不到千分之一,合格率为百分之99.9。"),
    "f_range": ("预计今年增速在百分之五到十之间,去年增速为百分之7.5。"),
    "f_range_digits": ("各县增速在百分之5到10之间,全市平均增速为百分之7.5。"),
    "f_share": ("65岁以上人口为420万人,占总人口2333万人的百分之18.0。"),
    "f_stamp": ("印花税税率为千分之1,手续费为千分之0.5。"),
    "f_birth_rate_change": ("粗出生率为千分之8.5,比上年下降千分之0.3。"),
    "f_mixed": ("全市常住人口1万2千人,较上年增加1200人,增长11.1%。"),
    "f_money": ("人均奖励1万5元,共发放奖金12万元。"),
    "f_three_wan_five": ("参加活动的约3万5人次,同比增长5%。"),
    "f_wan_day": ("2023年1月1日起,全市1万87人领到补助。"),
    "f_wan_years": ("共有12万12户,比上年增加2万2户,增长20.0%。"),
    "f_per_mille_words": (
        "人口数为2307万3000人,与去年同月比较增加7万3000人,人口增加率为千分之3.17。"
    ),
    "c_urban_rural": (
        "城镇居民人均可支配收入45000元,比上年增加2000元;其中工资性收入27000元,增加1200元,对城镇居民增收的贡献率为60.0%。农村居民人均可支配收入18000元,比上年增加1100元;其中工资性收入7000元,增加500元,工资性收入对农村居民增收的贡献率为45.5%。"
    ),
    "c_city_prov": (
        "全市农村居民人均可支配收入20000元,比上年增加1600元;全省农村居民人均可支配收入18000元,比上年增加1200元。全市农村居民工资性收入8000元,增加700元,工资性收入对全市农村居民增收的贡献率为43.8%。"
    ),
    "c_five_years": (
        "2020年农村居民人均可支配收入17131元,比上年增加1200元,比2015年增加5500元。其中工资性收入6974元,比2015年增加2400元,“十三五”期间工资性收入对农村居民增收的贡献率为43.6%。"
    ),
    "c_gdp": (
        "全年地区生产总值5000亿元,比上年增长6.0%。第三产业增加值2600亿元,增长7.0%,对经济增长的贡献率为58.3%。"
    ),
    "c_province": (
        "全省农村居民人均可支配收入18000元,比上年增加1200元。工资性收入7200元,增加540元,工资性收入对全省农村居民增收的贡献率为45.0%。"
    ),
    "c_half": (
        "上半年农村居民人均可支配收入9000元,比上年同期增加600元。其中经营净收入3000元,增加150元,经营净收入对农村居民增收的贡献率为25.0%。"
    ),
    "c_city_to_prov": (
        "全省农村居民人均可支配收入18000元,比上年增加1200元。某市农村居民人均可支配收入20000元,增加1500元,某市农村居民收入对全省农村居民增收的贡献率为12.5%。"
    ),
    "c_consume": (
        "农村居民人均消费支出15000元,比上年增加900元;人均可支配收入20000元,比上年增加1600元。其中工资性收入8000元,增加800元,工资性收入对农村居民增收的贡献率为50.0%。"
    ),
    "c_transfer_rate": (
        "农村居民人均可支配收入20000元,比上年增加1600元。转移净收入4000元,增长10.0%,增加364元,转移净收入对农村居民增收的贡献率为22.8%。"
    ),
    "r_month": ("3月底人口数为2340万5120人,较上年同月增加2万7645人,增加率为0.12%。"),
    "r_both": (
        "3月底人口数为2340万5120人,与上月比较增加2135人,与上年同月比较增加2万7645人,增加率为0.12%。"
    ),
    "r_births": ("本月出生数1万2000人,较上年同月增加1000人,增加率为9.09%。"),
    "r_before": ("人口增加率为0.12%,计增加2万7645人,年底人口数为2340万5120人。"),
    "r_aborigine": (
        "人口数较上年同月增加2万7645人;原住民人口58万9880人,较上年同月增加3120人,增加率为0.53%。"
    ),
    "r_homes": ("户数为930万户,较上年同月增加10万2000户,增加率为1.11%。"),
    "r_fall": ("人口数为2340万人,较上年同月减少2万人,减少率为0.09%。"),
    "r_fall_neg": ("人口数为2340万人,较上年同月减少2万人,增加率为-0.09%。"),
    "r_natural": ("全年出生数13万5571人,死亡数20万5368人,自然增加-6万9797人,自然增加率为-2.98‰。"),
    "r_per_mille": ("年底人口数为2342万0442人,较上年底增加1万2000人,人口增加率为0.51‰。"),
    "r_social": ("社会增加8万1797人,社会增加率为3.49‰,全年人口增加1万2000人。"),
    "r_other_pop": ("全市户籍人口850万人,比上年末增加3万人,增长率为0.35%;常住人口1000万人。"),
    "r_sex": ("男性1155万人,女性1187万人,性比例为97.3。"),
    "r_hk": ("2023年年中香港人口临时数字为749.81万,较一年前增加13.95万(或1.9%)。"),
    "r_macau": ("澳门总人口68.3万,较上年末增加2100人,增幅0.3%。"),
    "r_month_rate": ("人口数为2340万人,与上月比较增加2340人,增加率为0.01%。"),
    "r_month_per_mille": ("人口数为2340万人,与上月比较增加2340人,增加率为0.10‰。"),
    "r_both_monthrate": (
        "与上年同月比较增加2万7645人,人口数为2340万5120人,与上月比较增加2135人,增加率为0.01%。"
    ),
    "r_births_per_mille": ("全年出生数13万5571人,较上年减少3万3000人,粗出生率为5.80‰。"),
    "r_county": ("台中市人口数为285万人,较上年同月增加1万1000人,增加率为3.87‰。"),
    "h_city_other_para2": (
        "全国人口数为2340万人,较上月增加1200人。\n\n台北市户数为105万户,户量为2.37人。"
    ),
    "h_city_sentence": ("台北市户数为105万户,人口数为249万人,户量为2.37人。"),
    "h_city_named_after": (
        "全国户数为930万户,人口数为2340万人。台北市户量为2.37人,高雄市户量为2.40人。"
    ),
    "h_ratio_first": ("全国户量为2.52人,户数为930万户,人口数为2340万人。"),
    "h_prov_city_para": (
        "全省户数为1200万户,人口数为3600万人。\n\n其中福州市户数为300万户,户均人口2.80人。"
    ),
    "h_men_women": ("全国户数为930万户,男性人口1160万人,女性人口1180万人,户量为2.52人。"),
    "d_year_end_dec": ("12月底人口数为2342万人,较上年底增加1万2000人,平均每天增加33人。"),
    "d_two_rates": (
        "与上年同月比较增加7万3000人,增加率为0.32%,平均每天增加200人;人口数为2307万3000人。"
    ),
    "d_month_only": ("人口数为2307万3000人,与上月比较增加6000人,平均每日增加200人。"),
    "m_wan_qian": ("全年出生人数1万2千人,比上年减少1200人,下降9.1%。"),
    "m_wan_people_count": ("全县共有2万5人报名,其中女性1万2人。"),
    "c_to_total_income": (
        "全省居民人均可支配收入30000元,比上年增加1800元。城镇居民人均可支配收入40000元,增加2000元,城镇居民收入对全省居民增收的贡献率为70.0%。"
    ),
    "c_rural_component_two": (
        "农村居民人均可支配收入20000元,比上年增加1600元。其中工资性收入8000元,增加700元;经营净收入7000元,增加500元,经营净收入对农村居民增收的贡献率为31.3%。"
    ),
    "r_after_change_of_births": (
        "出生数较上年同月减少1200人,人口增加率为0.12%,人口数为2340万5120人,较上年同月增加2万7645人。"
    ),
}

# (text, the figure as written, the planted figure): each caught as inconsistent
PLANTED = [
    ("d_year_month", "平均每天增加100人", "平均每天增加130人"),
    ("d_leap", "平均每天增加120人", "平均每天增加150人"),
    ("d_tourists", "日均增加2万人次", "日均增加3万人次"),
    ("h_nation", "户量为2.52人", "户量为2.25人"),
    ("f_per_mille_words", "千分之3.17", "千分之3.71"),
    ("f_mixed", "增长11.1%", "增长12.1%"),
    ("f_wan_years", "增长20.0%", "增长22.0%"),
    ("c_province", "贡献率为45.0%", "贡献率为54.0%"),
    ("c_half", "贡献率为25.0%", "贡献率为30.0%"),
    ("c_urban_rural", "贡献率为45.5%", "贡献率为55.5%"),
    ("c_transfer_rate", "贡献率为22.8%", "贡献率为28.2%"),
    ("r_month", "增加率为0.12%", "增加率为0.21%"),
    ("r_homes", "增加率为1.11%", "增加率为1.41%"),
    ("r_per_mille", "0.51‰", "0.15‰"),
    ("r_county", "3.87‰", "3.78‰"),
    ("r_births", "增加率为9.09%", "增加率为8.33%"),
    ("r_aborigine", "增加率为0.53%", "增加率为0.35%"),
    ("r_fall", "减少率为0.09%", "减少率为0.19%"),
    ("h_city_sentence", "户量为2.37人", "户量为2.73人"),
    ("h_ratio_first", "户量为2.52人", "户量为2.25人"),
    ("c_rural_component_two", "贡献率为31.3%", "贡献率为36.3%"),
    ("d_two_rates", "平均每天增加200人", "平均每天增加220人"),
]


def _texts(keys: list[str]) -> list[str]:
    return [text for key in keys for text in both_scripts(CORRECT[key])]


@pytest.mark.parametrize("text", _texts(list(CORRECT)))
def test_no_correct_text_is_called_inconsistent(text: str) -> None:
    from povcli.article.clean import clean_article

    found = judged_relations(clean_article("标题\n\n" + text).text)
    assert [f for f in found if f[1] == "inconsistent"] == []


@pytest.mark.parametrize(
    "text",
    [t for key, old, new in PLANTED for t in both_scripts(CORRECT[key].replace(old, new))],
)
def test_a_planted_figure_is_caught(text: str) -> None:
    from povcli.article.clean import clean_article

    found = judged_relations(clean_article("标题\n\n" + text).text)
    assert [f for f in found if f[1] == "inconsistent"] != []


@pytest.mark.parametrize("text", _texts(["d_half_year", "d_year_end_dec"]))
def test_a_change_on_the_end_of_last_year_is_no_year(text: str) -> None:
    """较上年底 in a June release is six months back (18,100 / 181 = 100 a day): no 365 days."""
    assert of_kind(text, "ratio") == []


@pytest.mark.parametrize("text", _texts(["h_city_vs_prov", "h_prov_city_para"]))
def test_a_city_household_size_is_not_the_province_people_over_homes(text: str) -> None:
    """福州市户均人口 2.80: the province's 3600万 people over its 1200万 homes are not its."""
    assert [r for r in of_kind(text, "ratio") if r[2] == 2.8] == []


@pytest.mark.parametrize("text", _texts(["h_aborigine"]))
def test_a_group_household_size_binds_its_own_terms_or_none(text: str) -> None:
    """原住民户数…原住民人口数…户量为3.28人: the aborigines' (589,880 / 180,000 = 3.28), never
    the nation's 2340万 over 930万; the nation's own 户量 2.52 is. (Both terms named with the
    group's words, 原住民, bind since the eighteenth session; before, the group's bound none.)"""
    assert of_kind(text, "ratio") == [
        ("consistent", [1.8e5, 589880.0], 3.28),
        ("consistent", [9.3e6, 2.34e7], 2.52),
    ]


@pytest.mark.parametrize(
    "text", both_scripts("4月出生数为1万0950人,与上年同月比较增加900人,平均每天增加30人。")
)
def test_a_month_of_births_is_no_year(text: str) -> None:
    """A month's births on the same month a year back: 900 more over April's 30 days, not 365."""
    assert of_kind(text, "ratio") == []


# review15's one unfixed false alarm: a rate that opens a clause after ; with words of its own
# (外来人口) is no rate of the level before (户籍人口: 3 / 847 = 0.35%, never 2.5%)
@pytest.mark.parametrize(
    "text",
    both_scripts("全市户籍人口850万人,比上年末增加3万人;外来人口增长率为2.5%。")
    + both_scripts("全市户籍人口850万人,比上年末增加3万人;外来人口增长2.5%。"),
)
def test_a_rate_naming_other_people_after_a_semicolon_is_not_the_levels(text: str) -> None:
    assert accused(text) == []


@pytest.mark.parametrize(
    "text", both_scripts("全市户籍人口850万人,比上年末增加3万人;户籍人口增长率为0.53%。")
)
def test_a_rate_naming_the_levels_own_people_is_still_judged(text: str) -> None:
    """3 / 847 = 0.354%: 0.53% is wrong."""
    assert ("change-rate", "inconsistent") in [(r[0], r[1]) for r in article_relations(text)]


@pytest.mark.parametrize("text", both_scripts("1-7月份,城镇消费品零售额111813亿元;同比增长12.5%。"))
def test_a_rate_after_a_semicolon_with_no_words_of_its_own_is_the_levels(text: str) -> None:
    """ ";同比增长12.5%": the rate of the level before it, shown (its base is not given)."""
    assert ("yoy", "unverifiable") in [(r[0], r[1]) for r in article_relations(text)]
