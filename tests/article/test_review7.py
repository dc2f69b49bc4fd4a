"""False alarms an adversarial review of 09a7bb9..42adebf (shares listed with 分别 after a
partition's members, a level as a percentage of another, 较上年少投产, 較105年的B, spaced
thousands, units in Latin letters) built in its own words: correct texts, every figure in them
true (worked by hand in each comment), on which `check` said "inconsistent". Each is checked in
Simplified and in Traditional script, and beside each a planted error in a nearby legitimate
shape that must still be caught."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.clean import clean_article
from povcli.article.factcheck import check_text

TO_TRADITIONAL = opencc.OpenCC("s2t")


def findings(text: str) -> list[tuple[str, str]]:
    cleaned = clean_article("标题\n\n" + text + "\n").text
    return [(f.result.kind, f.result.verdict.value) for f in check_text(cleaned)]


def written_in(script: str, text: str) -> str:
    return TO_TRADITIONAL.convert(text) if script == "traditional" else text


NO_ALARM = [
    # --- 分别 after a partition's members, each figure a share WITHIN its member ---------
    # the food share of each one's own spending (Engel-like): 28.5 + 32.7 = 61.2 is no sum
    "城镇、乡村居民人均消费支出中食品烟酒支出所占比重分别为28.5%和32.7%。",
    # private investment's share within each sector's investment
    "第一、第二、第三产业中民间投资占比分别为60.1%、75.2%、50.3%。",
    # exports' share of each industry's own output
    "轻、重工业出口交货值占比分别为12.1%和8.5%。",
    # households owning a car, among each one's households
    "城镇和乡村居民家庭中拥有汽车的比例分别为45.2%和30.1%。",
    # the educated share of each sex's workers
    "男性和女性就业人员中高中以上学历的比例分别为45.2%和48.1%。",
    # companies' share of each region's research money
    "东部、中部、西部和东北地区研发经费中企业资金占比分别为80.1%、75.2%、70.3%和65.4%。",
    # women among each sector's workers
    "第一、第二、第三产业就业人员中女性比重分别为48.1%、30.2%和52.3%。",
    # boarders among each one's pupils
    "城市和农村学校中寄宿生比例分别为12.5%和40.3%。",
    # good varieties within each harvest
    "夏粮、秋粮中优质品种占比分别为80.0%和70.0%。",
    # the young among each kind of migrant worker
    "外出、本地农民工中新生代农民工占比分别为60.0%和45.0%。",
    # --- 是/相当于 …的R%, the clause naming its own subject --------------------------------
    # income 12000 is 80.0% of 15000; the spending 9000 stands between (9000/15000 = 60%)
    "人均可支配收入12000元,人均消费支出9000元,收入是全省平均水平15000元的80.0%。",
    # the total 500 is 96.2% of the record 520 (500/520 = 96.15); the part 300 is no subject
    "全年粮食产量500万吨,其中秋粮300万吨,总产量相当于历史最高水平520万吨的96.2%。",
    # urban 40000 is 125.0% of 32000; the rural 20000 comes later in the sentence
    "城镇居民人均可支配收入40000元,农村居民人均可支配收入20000元,"
    "城镇居民收入是全国平均水平32000元的125.0%。",
    # takings 800 are 133.3% of last year's 600 (800/600 = 133.33); 1000元 a head is no total
    "全年实现旅游收入800亿元,人均旅游消费1000元,旅游收入是上年同期600亿元的133.3%。",
    # --- 同比多增/少增 after a change: the change of that change, no change of the level ---
    # 800 / (10000 − 800) = 8.70%; the 100 is how much more the rise was than last year's
    "年末人民币各项存款余额10000亿元,比年初增加800亿元,同比多增100亿元,增长8.7%。",
    # 500 / (6000 − 500) = 9.09%; 60 less than last year's rise
    "年末金融机构贷款余额6000亿元,比年初增加500亿元,同比少增60亿元,增长9.1%。",
    # --- a rate on last year before a base level (比2020年的B): no growth from B ---------
    # 1000 / 4000 = 25.0%; the 6.0% is on last year (5000/1.06 = 4717)
    "全市生产总值5000亿元,比上年增长6.0%,比2020年的4000亿元增加1000亿元,增长25.0%。",
    # --- a Latin symbol over another is a rate: 120 km/h is no length of the line ---------
    # 250 km of 300 km new; the speed 120 km/h is no part of them (250 + 120 > 300)
    "全省高速铁路总里程300 km,其中新建250 km,设计时速120 km/h。",
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("text", NO_ALARM)
def test_no_false_alarm(text: str, script: str) -> None:
    found = findings(written_in(script, text))
    assert [kind for kind, verdict in found if verdict == "inconsistent"] == [], found


# the legitimate shapes beside them, correct (consistent) and planted (still caught)
PLANTED = [
    # the sectors' shares of their own amount: 7.0 + 38.0 + 55.0 = 100; planted 56.0 → 101
    pytest.param(
        "第一、第二、第三产业增加值占比分别为7.0%、38.0%和55.0%。", "55.0%", "56.0%", "sum",
        id="sectors-own-value-added",
    ),
    # towns and villages of one population: 65.2 + 34.8 = 100; planted 35.8 → 101
    pytest.param("城镇、乡村人口占比分别为65.2%和34.8%。", "34.8%", "35.8%", "sum",
                 id="urban-rural-population"),
    # the sectors' own investment: 2.1 + 31.5 + 66.4 = 100; planted 67.4 → 101
    pytest.param(
        "第一、第二、第三产业投资占比分别为2.1%、31.5%和66.4%。", "66.4%", "67.4%", "sum",
        id="sectors-own-investment",
    ),
    # the verb opens its clause: 12000 / 15000 = 80.0%; planted 85.0%
    pytest.param(
        "农村居民人均可支配收入12000元,比上年增加800元,相当于全省平均水平15000元的80.0%。",
        "80.0%", "85.0%", "percent-of", id="percent-of-after-a-change",
    ),
    # the part before the verb, the verb opening its clause: 5000 / 6000 = 83.3%; planted 88.3%
    pytest.param(
        "农村居民人均可支配收入12000元,其中工资性收入5000元,"
        "是全省农村居民人均工资性收入6000元的83.3%。",
        "83.3%", "88.3%", "percent-of", id="percent-of-a-part",
    ),
    # the rise and its rate: 800 / 9200 = 8.70%; planted 9.7%
    pytest.param(
        "年末人民币各项存款余额10000亿元,比年初增加800亿元,同比多增100亿元,增长8.7%。",
        "8.7%", "9.7%", "change-rate", id="rise-beside-more-of-the-rise",
    ),
    # 多增 of a flow is its change: 44 / (1250 − 44) = 3.65%; planted 4.6%
    pytest.param("全年城镇新增就业1250万人,比上年多增44万人,增长3.6%。", "3.6%", "4.6%",
                 "change-rate", id="more-of-a-flow"),
    # growth from the base level, after the rate on last year: 25.0%; planted 26.0%
    pytest.param(
        "全市生产总值5000亿元,比上年增长6.0%,比2020年的4000亿元增加1000亿元,增长25.0%。",
        "25.0%", "26.0%", "growth", id="growth-from-a-base-level-after-last-years",
    ),
    # lengths in km after 其中: 250 + 40 = 290 ≤ 300; planted 60 → 310 > 300
    pytest.param(
        "全省高速铁路总里程300 km,其中新建250 km,改建40 km,设计时速350 km/h。",
        "改建40 km", "改建60 km", "subset", id="lengths-in-km-beside-a-speed",
    ),
]  # fmt: skip


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("text", "old", "new", "kind"), PLANTED)
def test_the_nearby_shape_is_judged(text: str, old: str, new: str, kind: str, script: str) -> None:
    correct = findings(written_in(script, text))
    assert (kind, "consistent") in correct, correct
    assert all(verdict != "inconsistent" for _, verdict in correct), correct
    assert old in text
    planted = findings(written_in(script, text.replace(old, new)))
    assert (kind, "inconsistent") in planted, planted
