"""The two false alarms of fresh trial 18, in our own words and both scripts:

- a quarter's total before a month's partition (Macao's visitor release: "首季…入境旅客共
  494.8万人次", then "3月…留宿旅客约97.9万人次,不过夜旅客约97.8万人次"): 首季 is the first
  quarter, another span than 3月, so the quarter's total is no whole of the month's parts;
- a change after a clause opening with another place (a Taiwan census release: "台中市相差
  26.5萬人…,新竹市、縣亦屬人口淨流入,…分別多9.9萬人、21.9%"): 新竹市's difference and rate are
  not of 台中市's level.

Our figures: March 120.0 = 60.5 + 59.5; the quarter 300.0. 乙水市 20.0萬; 丙河市 8.0萬 and 20.0%
(8.0 / (20.0 − 8.0) would be 66.7%, the alarm)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

QUARTER = (
    "统计局最新资料显示,今年3月本市入境旅客按年增加1.5倍至120.0万人次,与2月比较亦上升20.0%。"
    "首季本市入境旅客共300.0万人次,同比上升1.2倍。\n"
    "数据指出,3月本市留宿旅客约60.5万人次,不过夜旅客约59.5万人次,同比分别增加2.0倍及1.0倍。\n"
)
PLACES = (
    "数据显示,四个城市属人口净流入,以甲山市相差30.0万人,约8.0%最多,乙水市相差20.0万人、7.5%"
    "次之,丙河市、县亦属人口净流入,夜间停留人数较户籍人数分别多8.0万人、20.0%及6.0万人、12.0%;"
    "其余县市则皆属人口净流出。\n"
)


def test_a_quarter_s_total_is_no_whole_of_a_month_s_parts() -> None:
    for text in both_scripts(QUARTER):
        assert accused(text) == [], article_relations(text)
        wholes = [r[3] for r in article_relations(text) if r[0] == "sum"]
        assert 3_000_000.0 not in wholes, article_relations(text)


def test_a_change_after_another_place_is_not_the_level_s() -> None:
    for text in both_scripts(PLACES):
        assert accused(text) == [], article_relations(text)
        rates = [r for r in article_relations(text) if r[0] == "change-rate"]
        assert not [r for r in rates if 200_000.0 in r[2]], rates


# 鉅亨網 spaces 主計總處's figures as "1147 萬 5000 人": four digits and the unit after 萬 are
# the figure's (11,475,000), not a figure of their own. Ours: 11,502,000 up 11,000, which is
# 11000 / 11491000 = 0.0957% → 0.10%; a planted 0.30% is called wrong.
SPACED = "從就業面來看,5 月就業人數為 1150 萬 2000 人,月增 1 萬 1000 人或 {rate}%。\n"


def test_four_digits_after_wan_belong_to_the_figure() -> None:
    for text in both_scripts(SPACED.format(rate="0.10")):
        rates = [r for r in article_relations(text) if r[0] == "change-rate"]
        assert rates == [("change-rate", "consistent", [11000.0, 11502000.0], 0.1)], rates


def test_a_planted_rate_of_a_spaced_figure_is_called_wrong() -> None:
    for text in both_scripts(SPACED.format(rate="0.30")):
        assert accused(text) == [("change-rate", "inconsistent", [11000.0, 11502000.0], 0.3)]


# Review 21: changes and rates after 分别, following two cities' levels, are the cities' in turn,
# not all the last city's. Ours: 丙市 1,860千人 less 7千 (7 / 1867 = 0.37% → 0.4%), 丁市
# 2,740千人 less 15千 (15 / 2755 = 0.54% → 0.5%); 0.4% against 丁市 would be the alarm.
RESPECTIVE = (
    "乙市人口2,290千人,较上年增加22千人、成长1.0%;丙市1,860千人、丁市2,740千人,"
    "分别减少7千人、15千人,降幅0.4%、0.5%。\n"
)


def test_changes_after_fenbie_are_not_the_last_level_s_alone() -> None:
    for text in both_scripts(RESPECTIVE):
        assert accused(text) == [], article_relations(text)


# Levels of two units listed before 分别 (trial 1's T03): each change finds its own level by its
# unit. Ours: 0.4 / (16.0 − 0.4) = 2.56% → 2.6%; 8.0 / (260.0 − 8.0) = 3.17% → 3.2%.
UNITS = "同期每万人医疗机构16.0家、医事人员260.0人,分别较上年增加0.4家(2.6%)、8.0人(3.2%)。\n"


def test_changes_after_fenbie_of_two_units_find_their_levels() -> None:
    for text in both_scripts(UNITS):
        rates = [r for r in article_relations(text) if r[0] == "change-rate"]
        assert ("change-rate", "consistent", [0.4, 16.0], 2.6) in rates, rates
        assert ("change-rate", "consistent", [8.0, 260.0], 3.2) in rates, rates
        assert accused(text) == [], rates


# Review 21: "东川比西林多3000亿元、25.0%" after 西林's level is 东川's gap over 西林, whose level
# is its base: 3000 / 12000 = 25.0% (3000 / (12000 − 3000) = 33.3% would be the alarm).
OVER = (
    "全省地区生产总值60000亿元,其中东川市15000亿元,占全省的25.0%;西林市12000亿元,占20.0%,"
    "东川比西林多3000亿元、25.0%。\n"
)


def test_one_place_s_gap_over_another_is_not_the_other_s_change() -> None:
    for text in both_scripts(OVER):
        assert accused(text) == [], article_relations(text)


# Review 21: a change after two pairs of levels in one sentence is the second pair's. Ours:
# 劳动人口 3,809,000 → 3,819,400; 失业人数 113,800 → 118,600, 增加4,800 (118600 − 113800);
# 4,800 against the first pair (10,400) would be the alarm.
PAIRS = (
    "同期,劳动人口由3,809,000人增加至3,819,400人,"
    "失业人数(未经季节性调整)由113,800人增加至118,600人,增加4,800人。\n"
)


def test_a_change_after_two_pairs_of_levels_is_the_second_pair_s() -> None:
    for text in both_scripts(PAIRS):
        found = article_relations(text)
        assert ("difference", "consistent", [113800.0, 118600.0], 4800.0) in found, found
        assert accused(text) == [], found
