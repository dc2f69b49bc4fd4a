"""False alarms an adversarial review found in the new detectors, each a correct text of my own
that must not be accused, with a planted error the detector still catches.

Listed counts (article/listed_counts.py): a count after the places of what they hold (15个社区,
12个景区, 46个小区, 15个自然村), the counties of cities (长沙市、株洲市、湘潭市28个县市区), or
after a list already counted (…两县32个县直部门). Pairs after 分别 (article/respective_parts.py):
totals naming a railway the parts leave out; 1-6月 totals over parts of 其中6月; totals' rates
比去年同月 over parts' 比上月. Net moves (article/components.py): a year-to-date net beside the
month's moves (6月迁入…;1至6月累计迁出…,净迁入…), a nation's net beside a county's moves, a
part's net after 其中. Urbanisation (article/identities.py): a county's, a city's, a region's or
a group's rate in a province's paragraph; a province's rate (全省) after a city's people. A part
of a part (水路中沿海 under 公路水路) is no part of the totals.

Figures worked by hand: 2.08 + 0.84 = 2.92亿吨, 236.32 + 1824.63 = 2060.95亿吨公里; 81234 −
76543 = 4691; 481234 − 469876 = 11358; 3200 − 1200 = 2000万; 2700 / 4500 = 60.00%;
870 / 1050 = 82.86%."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts

PARTS = (
    "公路货运量和货物周转量分别完成2.08亿吨和236.32亿吨公里;\n"
    "水路货运量和货物周转量分别完成0.84亿吨和1824.63亿吨公里。"
)
PROVINCE = "年末全省常住人口4500万人,城镇人口2700万人,城镇化率{rate}%"

CORRECT = [
    # listed counts of what the places hold, or of the counties of cities
    "今年,南开区、河西区、河东区15个社区开展垃圾分类试点。",
    "五华区、盘龙区、官渡区、西山区23个社区率先实现全覆盖。",
    "国庆期间,黄山区、徽州区、屯溪区12个景区实行门票减免。",
    "东城区、西城区46个小区完成加装电梯。",
    "目前,李家村、王家村、张家村15个自然村通上了自来水。",
    "长沙市、株洲市、湘潭市28个县市区全部纳入试点范围。",
    "长沙市、株洲市、湘潭市三市28个县市区全部纳入试点范围。",
    "青山县、白水县两县32个县直部门参与结对帮扶。",
    "专家组走访了青山县、白水县、红岭县12个县次。",
    "渝中区、江北区、南岸区12个区县部门参与结对帮扶。",  # 区县 of more kinds than the list's
    "东部的青山县,中部的白水县、红岭县3个县率先摘帽。",  # one name a comma before
    "青山县,白水县、红岭县3个县率先摘帽。",
    # totals after 分别 whose parts are not all of them, or of another period or base
    "6月,全省公路水路铁路货运量、货物周转量分别完成3.50亿吨和2300.00亿吨公里。\n其中:\n" + PARTS,
    "1-6月,全省公路水路货运量、货物周转量分别完成16.80亿吨和12000.50亿吨公里。其中6月:\n" + PARTS,
    "上半年全省公路水路货运量、货物周转量分别完成16.80亿吨和12000.50亿吨公里。其中,6月份\n" + PARTS,
    "6月,全省公路水路货运量、货物周转量分别完成2.92亿吨和2060.95亿吨公里,"
    "比去年同月分别下降1.4%和上升4.2%。\n其中:\n"
    "公路货运量和货物周转量分别完成2.08亿吨和236.32亿吨公里,比上月分别增长2.0%和3.0%;\n"
    "水路货运量和货物周转量分别完成0.84亿吨和1824.63亿吨公里,比上月分别增长1.0%和5.0%。",
    # net moves of another period, place or part in the statement
    "6月迁入人口数为8万1234人,迁出人口数为7万6543人,净迁入人口数为4691人;"
    "上半年累计净迁入人口数为1万1358人。",
    "6月迁入人口数为8万1234人;1至6月累计迁出人口数为46万9876人,净迁入人口数为1万1358人。",
    "本县6月迁入人口数为1200人,迁出人口数为1000人;全国同期净迁入人口数为4691人。",
    "6月迁入人口数为8万1234人,迁出人口数为7万6543人,净迁入人口数为4691人,"
    "上年同月净迁入人口数为3210人。",
    "全省迁出人口320万人,迁入人口120万人,净迁出人口200万人;其中省会净迁入15万人。",
    # urbanisation rates of others in a province's paragraph
    PROVINCE.format(rate="60.00") + ",其中省会城市城镇化率达85.30%。",
    PROVINCE.format(rate="60.00") + "。长沙市城镇化率为82.60%。",
    PROVINCE.format(rate="60.00") + "。其中,东山县城镇化率为35.20%。",
    PROVINCE.format(rate="60.00") + "。分区域看,东部地区城镇化率为70.10%,西部地区为45.30%。",
    PROVINCE.format(rate="60.00") + ";少数民族人口850万人,城镇化率42.00%。",
    # a part of a part under the totals (水路中沿海); a province's rate after a city's people
    "6月,全省公路水路货运量、货物周转量分别完成2.92亿吨和2060.95亿吨公里。其中:\n"
    "公路货运量和货物周转量分别完成2.08亿吨和236.32亿吨公里;\n"
    "水路中沿海货运量和货物周转量分别完成0.50亿吨和1200.00亿吨公里。",
    "长沙市年末常住人口1050万人,城镇人口870万人,城镇化率82.86%。全省城镇化率为60.00%。",
]

PLANTED = [
    ("equal", "青山县、白水县、红岭县5个贫困县已全部摘帽。"),
    (
        "sum",
        "6月,全省公路水路铁路货运量、货物周转量分别完成3.50亿吨和2300.00亿吨公里。其中:\n"
        + PARTS
        + "\n铁路货运量和货物周转量分别完成0.50亿吨和300.00亿吨公里。",
    ),
    (
        "sum",
        "6月,全省公路水路货运量、货物周转量分别完成3.00亿吨和2060.95亿吨公里。其中6月:\n" + PARTS,
    ),
    (
        "growth-of-sum",
        "6月,全省公路水路货运量、货物周转量分别完成2.92亿吨和2060.95亿吨公里,"
        "比去年同月分别下降1.4%和上升4.2%。\n其中:\n"
        "公路货运量和货物周转量分别完成2.08亿吨和236.32亿吨公里,比去年同月分别增长2.0%和3.0%;\n"
        "水路货运量和货物周转量分别完成0.84亿吨和1824.63亿吨公里,比去年同月分别增长1.0%和5.0%。",
    ),
    (
        "difference",
        "6月迁入人口数为8万1234人,迁出人口数为7万6543人,净迁入人口数为4961人;"
        "上半年累计净迁入人口数为1万1358人。",
    ),
    ("share", PROVINCE.format(rate="62.00") + "。其中,东山县城镇化率为35.20%。"),
    ("share", "长沙市年末常住人口1050万人,城镇人口870万人,城镇化率80.00%。全省城镇化率为60.00%。"),
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_figures_of_other_things_are_not_accused(text: str) -> None:
    for written in both_scripts(text):
        assert accused(written) == [], written


@pytest.mark.parametrize(("kind", "text"), PLANTED)
def test_a_planted_error_beside_them_is_still_caught(kind: str, text: str) -> None:
    for written in both_scripts(text):
        assert kind in [k for k, *_ in accused(written)], written
