"""False alarms an adversarial review found in the day's new detectors, each a correct text of my
own that must not be accused, with a planted error the detector still catches.

Stated bases (article/stated_bases.py): value added and the output of farming and industry
grow at constant prices (地区生产总值1000亿元 → 1080亿元, 增长5.2%), a rate on a
comparable basis (同口径) from another level; a gap to another place's (比全省高3.0个百分点)
after a year's change is no change from the year before; a level of a kind of what the
comparison measures (城镇居民 for 居民, 外出农民工 for 农民工, 规模以上工业企业 for
工业企业) is no level of it. Shared bases (article/shared_bases.py): rates of other kinds
(环比 beside 同比, 两年平均, 累计) imply no one base. Titles (article/restatements.py): a
title of another place (中国 over 全省), of a kind of the subject (农村居民 over 居民) or of
a county over the city's figure restates nothing. Tables (article/grids.py,
grid_relations.py): a sex ratio's row takes no unit carried down from the counts above it,
nor is it of the men and women of the employed. Partitions (article/partitions.py): 企业职工
after 其中 is a kind of the insured workers, not all of them. Shares (article/shares.py): a
level the text gives as a share of 全国 (its whole in brackets) is a part of the nation's
figure, not its whole.

Figures worked by hand: 1080 / 1000 = 8.0% nominal (5.2% real); 320 / 300 = 6.7%;
32000 − 30500 = 1500, 1500 / 30500 = 4.9%; 7.5 − 1.2 = 6.3 = 14.3 − 8.0; 510 / 490 = 104.08,
505 / 495 = 102.02, 2300 / 2200 = 104.55, 2250 / 2150 = 104.65; 110 + 40 = 150;
1200 / 6432 = 18.7%, 2340 / 6432 = 36.4%; 45.5 − 45.0 = 0.5; 530 / 500 = 6.0%."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, judged_relations

INCOME = (
    "2022年{a}居民人均可支配收入{old}元。"
    "2023年居民人均可支配收入32000元,比上年增加1500元,增长4.9%。"
)
SEXES = (
    "| 指标 | 2010年 | 2020年 |\n| --- | --- | --- |\n"
    "| 男性(万人) | 505 | 510 |\n| 女性(万人) | 495 | 490 |\n"
    "| 人口性别比(女=100) | 102.02 | {ratio} |"
)
INSURED = (
    "全市参加城镇职工基本养老保险人数150万人,"
    "其中{first}职工{workers}万人,{second}离退休人员40万人。"
)
COVER = (
    "2022年全市森林覆盖率为45.0%。"
    "2023年全市森林覆盖率为45.5%,比上年提高{points}个百分点,比全省高3.0个百分点。"
)
TWO_PROVINCES = (
    "{before}甲、乙两省低收入人口合计2340万人,占全国(6432万人)的比重为36.4%;"
    "其中甲省低收入人口1200万人,占全国低收入人口的比重为{share}%。"
)

CORRECT = [
    # value added and farming's output grow at constant prices; a rate on a comparable basis
    "2022年全市地区生产总值1000亿元。2023年全市地区生产总值1080亿元,比上年增长5.2%。",
    "2022年全市规模以上工业增加值500亿元。2023年全市规模以上工业增加值540亿元,比上年增长6.1%。",
    "2022年全市工业总产值1000亿元。2023年全市工业总产值1080亿元,比上年增长5.2%。",
    "2022年全市农林牧渔业总产值300亿元。2023年全市农林牧渔业总产值320亿元,比上年增长4.1%。",
    "2022年全市一般公共预算收入100亿元。2023年全市一般公共预算收入108亿元,按同口径比上年增长6.5%。",
    # a level of a kind of what the comparison measures
    INCOME.format(a="城镇", old=40000),
    INCOME.format(a="农村", old=20000),
    "2022年外出农民工总量170万人。2023年农民工总量300万人,比上年增加5万人。",
    "2022年规模以上工业企业利润总额80亿元。2023年工业企业利润总额120亿元,比上年增加5亿元。",
    "2022年脱贫县农村居民人均可支配收入15000元。2023年农村居民人均可支配收入21400元,比上年增加1400元。",
    # a gap to the province's in a clause after the year's change
    COVER.format(points="0.5"),
    # rates of other kinds compared with one base
    "全市农村居民人均可支配收入同比增长7.0%,比全省农村居民人均可支配收入增速高0.5个百分点;"
    "环比增长2.0%,比全省农村居民人均可支配收入增速低0.3个百分点。",
    "全市农村居民人均可支配收入增长7.0%,比全省农村居民人均可支配收入增速高0.5个百分点,"
    "两年平均增长6.0%,比全省农村居民人均可支配收入增速高0.4个百分点。",
    "全市农村居民人均可支配收入增长7.0%,比全省农村居民人均可支配收入增速高0.5个百分点。"
    "全市农村居民人均可支配收入累计增长80.0%,比全省农村居民人均可支配收入增速高5.0个百分点。",
    # a sex ratio under counts in 万人, in two years' columns; under the employed's sexes
    SEXES.format(ratio="104.08"),
    "| 指标 | 2020年 | 2010年 |\n| --- | --- | --- |\n"
    "| 常住人口(万人) | 4500 | 4400 |\n| 男性 | 2300 | 2250 |\n| 女性 | 2200 | 2150 |\n"
    "| 就业人员(万人) | 2400 | 2300 |\n| 男性 | 1300 | 1250 |\n| 女性 | 1100 | 1050 |\n"
    "| 人口性别比(女=100) | 104.55 | 104.65 |",
    # kinds of the insured workers after 其中
    INSURED.format(first="企业", workers=90, second=""),
    INSURED.format(first="机关事业单位", workers=20, second=""),
    # a level that is itself a share of the nation's
    TWO_PROVINCES.format(before="", share="18.7"),
]

PLANTED = [
    ("growth", "2022年全市建筑业总产值300亿元。2023年全市建筑业总产值320亿元,比上年增长4.0%。"),
    (
        "growth",
        "2022年全市一般公共预算收入100亿元。2023年全市一般公共预算收入108亿元,比上年增长6.5%,"
        "扣除留抵退税因素后增长8.0%。",
    ),
    ("difference", INCOME.format(a="", old=30000).replace("32000", "32500")),
    ("point-change", COVER.format(points="1.5")),
    (
        "growth",
        "2022年全市社会消费品零售总额500亿元。2023年全市社会消费品零售总额530亿元,同比增长5.0%。",
    ),
    ("difference", "2022年农民工总量290万人。2023年农民工总量300万人,比上年增加4万人。"),
    (
        "same-base",
        "2023年,脱贫县农村居民人均可支配收入增长7.5%,比全国农村居民人均可支配收入增速高1.2个百分点。"
        "脱贫人口人均纯收入增长14.3%,比全国农村居民人均可支配收入增速高7.0个百分点。",
    ),
    (
        "same-base",
        "全市农村居民人均可支配收入两年平均增长7.0%,比全省农村居民人均可支配收入增速高0.5个百分点;"
        "城镇居民人均可支配收入两年平均增长6.0%,比全省农村居民人均可支配收入增速高0.4个百分点。",
    ),
    ("per-hundred", SEXES.format(ratio="105.08")),
    ("sum", INSURED.format(first="参保", workers=100, second="参保")),
    ("share", TWO_PROVINCES.format(before="全国低收入人口6432万人。", share="19.7")),
]

TITLED_CORRECT = [
    (
        "十年间中国居民人均可支配收入累计实际增长78.0%",
        "2022年全省居民人均可支配收入30000元,比2012年增加15000元,扣除价格因素,累计实际增长85.0%。",
    ),
    (
        "全市农村居民人均可支配收入实际增长7.0%",
        "全市居民人均可支配收入32000元,扣除价格因素,实际增长5.0%。",
    ),
    (
        "甲县居民人均可支配收入实际增长6.5%",
        "全市居民人均可支配收入32000元,扣除价格因素,实际增长5.0%。",
    ),
]

TITLED_PLANTED = [
    (
        "十年间全省居民人均可支配收入累计实际增长78.0%",
        "2022年全省居民人均可支配收入30000元,比2012年增加15000元,扣除价格因素,累计实际增长85.0%。",
    ),
    (
        "我省居民人均可支配收入累计实际增长78.0%",
        "2022年全省居民人均可支配收入30000元,比2012年增加15000元,扣除价格因素,累计实际增长85.0%。",
    ),
    (
        "上半年全市农村居民人均可支配收入实际增长7.0%",
        "上半年,全市农村居民人均可支配收入9000元,扣除价格因素,实际增长6.0%。",
    ),
]


def _titled(title: str, body: str) -> list[tuple[str, str, list[float], float | None]]:
    from povcli.article.clean import clean_article

    return judged_relations(clean_article(title + "\n\n" + body).text)


@pytest.mark.parametrize("text", CORRECT)
def test_correct_figures_are_not_accused(text: str) -> None:
    for written in both_scripts(text):
        assert accused(written) == [], written


@pytest.mark.parametrize(("kind", "text"), PLANTED)
def test_a_planted_error_is_still_caught(kind: str, text: str) -> None:
    for written in both_scripts(text):
        assert kind in [k for k, *_ in accused(written)], written


@pytest.mark.parametrize(("title", "body"), TITLED_CORRECT)
def test_a_title_of_another_subject_restates_nothing(title: str, body: str) -> None:
    for written_title, written in zip(both_scripts(title), both_scripts(body), strict=True):
        found = _titled(written_title, written)
        assert [r for r in found if r[1] == "inconsistent"] == [], written_title


@pytest.mark.parametrize(("title", "body"), TITLED_PLANTED)
def test_a_title_restated_with_another_value_is_still_caught(title: str, body: str) -> None:
    for written_title, written in zip(both_scripts(title), both_scripts(body), strict=True):
        found = _titled(written_title, written)
        assert ("equal", "inconsistent") in [(k, v) for k, v, *_ in found], written_title
