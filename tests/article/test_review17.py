"""Review 17: correct texts aimed at the day's features (monthly averages, 过去N年, overlapping
parts, other-named totals, flows over a span, 吨公里, progress against a plan, a change after its
rate, 分别 with bracketed rates) that `check` called inconsistent, in both scripts, each beside
the planted error that must stay caught. Every figure worked by hand:
comparable: 5.2亿 − 4000万 = 4.8亿, nominal 8.33%, the 同口径 6.5% is on another base;
plan: 8 / 10 = 80.0%, 占预算的105% is a progress against the budget;
listed: 12000 − 300 = 11700, 300 / 11700 = 2.56%; 26000 − 800 = 25200, 800 / 25200 = 3.17%;
signed: 420 − 5 = 415, 5 / 415 = 1.20%; 372 + 3 = 375, 3 / 375 = 0.80%; 10 / 400 = 2.5%;
span: 5.0 − 0.8 = 4.2万 over 2014–2019, the 2.1万 is 2017–2019's;
place: 34.36 − 4.5 = 29.86万 is 全市's, not 全省's 300万."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, each_in_both_scripts, judged_relations

CORRECT = {
    "comparable": "全县一般公共预算收入5.2亿元,同口径增长6.5%,比上年增收4000万元。",
    "comparable-bracketed": ("全县税收收入3.43亿元,同比增长14.6%(同口径增长9.8%),增收4376万元。"),
    "factor-taken-out": (
        "全县一般公共预算收入5.2亿元,扣除减税降费因素同口径增长9.5%,比上年增收2000万元,增长4.0%。"
    ),
    "plan": (
        "全县一般公共预算收入10亿元,其中税收收入8亿元,占一般公共预算收入的80.0%,占预算的105%。"
    ),
    "listed": (
        "本市醫事人員5.2萬人,其中醫師1.2萬人、護理人員2.6萬人,"
        "較上年底分別增加300人(2.6%)及800人(3.2%)。"
    ),
    "signed": (
        "本市醫院420家、診所372家、藥局410家,"
        "較上年底分別增加5家(+1.2%)、減少3家(-0.8%)及增加10家(+2.5%)。"
    ),
    "unequal": (
        "本市醫院36家、診所3,928家、藥局1,200家,較上年底分別減少1家(-2.7%)及增加78家(2.0%)。"
    ),
    "own-span": (
        "全县贫困人口从2014年的5.0万人减少到2019年的0.8万人,其中2017年至2019年减贫2.1万人。"
    ),
}

PLANTED = {
    "listed": (  # 800 / 25200 = 3.17%, planted 4.2%
        "本市醫事人員5.2萬人,其中醫師1.2萬人、護理人員2.6萬人,"
        "較上年底分別增加300人(2.6%)及800人(4.2%)。"
    ),
    "signed": (  # 3 / 375 = 0.80%, planted -1.8%
        "本市醫院420家、診所372家、藥局410家,"
        "較上年底分別增加5家(+1.2%)、減少3家(-1.8%)及增加10家(+2.5%)。"
    ),
    "nominal": "全县税收收入3.43亿元,同比增长16.6%,增收4376万元。",  # 14.62%, planted 16.6%
    "from-to": (  # 5.0 − 0.8 = 4.2万, planted 3.2万
        "全县贫困人口从2014年的5.0万人减少到2019年的0.8万人,减贫3.2万人。"
    ),
}


@pytest.mark.parametrize("text", each_in_both_scripts(CORRECT))
def test_no_correct_text_is_called_inconsistent(text: str) -> None:
    assert accused(text) == [], text


@pytest.mark.parametrize("text", each_in_both_scripts(PLANTED))
def test_planted_errors_stay_caught(text: str) -> None:
    assert accused(text) != [], text


def titled(title: str, body: str) -> list[tuple[str, str, list[float], float | None]]:
    from povcli.article.clean import clean_article

    return judged_relations(clean_article(title + "\n\n" + body + "\n").text)


BODY = "全市贫困人口从2014年的34.36万人减少到2018年底的4.5万人。"


def test_a_title_over_another_place_is_no_flow_of_the_body() -> None:
    for title, body in zip(both_scripts("全省五年减贫300万人"), both_scripts(BODY), strict=True):
        assert [r for r in titled(title, body) if r[1] == "inconsistent"] == [], title
    # the same place's title, planted 25.86万 (34.36 − 4.5 = 29.86)
    for title, body in zip(both_scripts("全市五年减贫25.86万人"), both_scripts(BODY), strict=True):
        found = [r for r in titled(title, body) if r[1] == "inconsistent"]
        assert [(k, c) for k, _, _, c in found] == [("difference", -258600.0)], title


def test_a_title_over_the_whole_is_no_flow_of_a_part() -> None:
    body = "五年间全市贫困人口减少12万人。其中,某县贫困人口从2014年的3万人减少到2019年的0.2万人。"
    for title, text in zip(both_scripts("全市五年减贫12万人"), both_scripts(body), strict=True):
        assert [r for r in titled(title, text) if r[1] == "inconsistent"] == [], title
