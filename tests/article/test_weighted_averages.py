"""The whole's average stay from its groups', in the shape of the Macao visitor releases of
fresh trials 13 and 18 (a month's paragraph: the groups' counts with 约, then the whole's
average and each group's; a quarter's paragraph: counts with 有, the averages with their
changes). Our own figures, worked by hand:

  month:   (2.1 × 90.0 + 0.3 × 90.0) / 180.0 = 1.20 (stated 1.2日; planted 1.6日: at most
           (2.15 × 90.05 + 0.35 × 89.95) / 180.0 = 1.25)
  quarter: (2.3 × 250.0 + 0.3 × 200.0) / 450.0 = 1.41 (stated 1.4日; planted 1.9日)"""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

MONTH = (
    "统计局资料显示,5月入境旅客按年上升12.0%至180.0万人次。\n"
    "数据指出,5月留宿旅客约90.0万人次,不过夜旅客约90.0万人次,同比分别增加10.0%及14.0%。"
    "旅客平均逗留时间为{stay}日;留宿旅客的平均逗留时间2.1日按年减少0.1日,"
    "不过夜旅客平均逗留0.3日则增加0.1日。\n"
)
QUARTER = (
    "今年第一季入境旅客共450.0万人次,同比上升8.0%;留宿旅客有250.0万人次,不过夜旅客有200.0万人次,"
    "分别增加9.0%及6.8%。旅客平均逗留{stay}日,与去年同期持平;留宿旅客的平均逗留时间2.3日缩短"
    "0.1日,不过夜旅客平均逗留0.3日则增加0.1日。\n"
)


def _weighted(text: str, verdict: str) -> list[object]:
    return [r for r in article_relations(text) if r[0] == "weighted-average" and r[1] == verdict]


def test_the_whole_stay_is_the_groups_weighted_by_their_visitors() -> None:
    for text, stay in ((MONTH, "1.2"), (QUARTER, "1.4")):
        for variant in both_scripts(text.format(stay=stay)):
            assert _weighted(variant, "consistent"), variant
            assert not accused(variant), variant


def test_a_whole_stay_beyond_its_groups_is_called_wrong() -> None:
    for text, stay in ((MONTH, "1.6"), (QUARTER, "1.9")):
        for variant in both_scripts(text.format(stay=stay)):
            assert _weighted(variant, "inconsistent"), variant


def test_groups_whose_averages_may_meet_bind_nothing() -> None:
    # 0.9 and 0.9: which way the counts move the whole's is not known
    text = MONTH.format(stay="1.6").replace("2.1日", "0.9日").replace("0.3日", "0.9日")
    for variant in both_scripts(text):
        assert not [r for r in article_relations(variant) if r[0] == "weighted-average"]


def test_a_group_without_its_count_binds_nothing() -> None:
    text = QUARTER.format(stay="1.9").replace(",不过夜旅客有200.0万人次", "")
    for variant in both_scripts(text):
        assert not [r for r in article_relations(variant) if r[0] == "weighted-average"]


# fresh trial 13's A05: the counts and the groups' averages in brackets, the second group's
# average named by the group alone. Ours: (2.4 × 120.0 + 0.2 × 80.0) / 200.0 = 1.52
BRACKETS = (
    "今年6月入境旅客按年增加5.0%至200.0万人次。留宿旅客(1,200,000人次)及不过夜旅客(800,000人次)"
    "同比分别增加6.0%及3.8%。旅客平均逗留时间为{stay}日,按年上升0.1日;不过夜旅客的平均逗留时间"
    "(0.2日)增加0.1日,留宿旅客(2.4日)则减少0.2日。\n"
)


def test_a_groups_average_in_brackets_named_by_the_group_alone() -> None:
    for variant in both_scripts(BRACKETS.format(stay="1.5")):
        assert _weighted(variant, "consistent"), variant
        assert not accused(variant), variant
    for variant in both_scripts(BRACKETS.format(stay="1.9")):
        assert _weighted(variant, "inconsistent"), variant


def test_a_parts_average_is_no_whole_of_the_groups() -> None:
    # 内地旅客's average stay (1.6日) is of a part of the visitors, not of all of them: the
    # groups' counts and averages make no average of it
    text = MONTH.format(stay="1.2").replace(
        "旅客平均逗留时间为1.2日", "内地旅客平均逗留时间为1.6日"
    )
    for variant in both_scripts(text):
        assert not [r for r in article_relations(variant) if r[0] == "weighted-average"]
        assert not accused(variant), variant
