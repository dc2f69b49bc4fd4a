"""A nation's year-end population changes by its births less its deaths (the NBS release's
shape): judged only for the nation and where no moves in or out are named."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# 1000 − 1100 = −100: a fall of 100万 (planted: deaths 1150万, a fall of 150万 ≠ 100万)
NATION = (
    "国家统计局发布数据。年末全国人口141000万人,比上年末减少100万人。全年出生人口1000万人,人口出生率"
    "为7.09‰;死亡人口{deaths}万人,人口死亡率为7.80‰。"
)


@pytest.mark.parametrize("text", both_scripts(NATION.format(deaths="1100")))
def test_the_nations_change_is_its_births_less_its_deaths(text: str) -> None:
    assert ("consistent", [1000e4, 1100e4], -100e4) in of_kind(
        "全国人口统计\n\n" + text, "difference"
    )


@pytest.mark.parametrize("text", both_scripts(NATION.format(deaths="1150")))
def test_a_planted_death_count_breaks_the_balance(text: str) -> None:
    found = of_kind("全国人口统计\n\n" + text, "difference")
    assert ("inconsistent", [1000e4, 1150e4], -100e4) in found


@pytest.mark.parametrize(
    "text",
    both_scripts(
        # a province's people move in and out: its change is no balance of births and deaths
        "全省人口统计\n\n年末全省常住人口5000万人,比上年末增加20万人。全年出生人口40万人,死亡人口35万人。"
    )
    + both_scripts(
        # a release that names moves (社会增加) counts them in its change
        "全国人口统计\n\n年末全国人口2340万人,比上年末增加2万人。全年出生人口14万人,死亡人口20万人,"
        "社会增加8万人。"
    ),
)
def test_no_balance_where_people_may_move(text: str) -> None:
    assert not [r for r in of_kind(text, "difference") if r[2] in (20e4, 2e4)]


# the bureau's definition names Taiwan only to leave it out: still the mainland's balance
DEFINED = (
    "年末全国人口(包括31个省、自治区、直辖市和现役军人,不包括香港、澳门特别行政区和台湾省以及海外华侨人数)"
    "141000万人,比上年末减少100万人。全年出生人口1000万人,死亡人口{deaths}万人。"
)


@pytest.mark.parametrize("text", both_scripts(DEFINED.format(deaths="1100")))
def test_a_definition_leaving_taiwan_out_keeps_the_balance(text: str) -> None:
    found = of_kind("全国人口统计\n\n" + text, "difference")
    assert ("consistent", [1000e4, 1100e4], -100e4) in found


@pytest.mark.parametrize("text", both_scripts(DEFINED.format(deaths="1150")))
def test_a_planted_death_count_under_the_definition_is_wrong(text: str) -> None:
    found = of_kind("全国人口统计\n\n" + text, "difference")
    assert ("inconsistent", [1000e4, 1150e4], -100e4) in found
