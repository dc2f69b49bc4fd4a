"""A labour-force survey's monthly release, in the shape of fresh trial 17's A03 (主計總處's
figures as 財訊 copies them, figures written with spaces): the employed, the unemployed and
those outside the labour force, each with its change, then the participation rate and the
unemployment rate, and a seasonally adjusted rate after. Our own figures, worked by hand:

  labour force 1,150萬2千 + 45萬3千 = 1,195萬5千
  unemployment rate 45.3 / 1195.5 = 3.789% → 3.79%
  participation 1195.5 / (1195.5 + 830.0) = 1195.5 / 2025.5 = 59.022% → 59.02%

A planted unemployment rate of 3.97% and a planted participation of 59.92% are called wrong;
the seasonally adjusted rate (3.70%) is another measure and is bound to nothing."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts, of_kind

TEXT = (
    "统计处今日公布,5 月就业人数 1,150 万 2 千人,较上月增加 1 万 1 千人或 0.10%。"
    "5 月失业人数 45 万 3 千人,较上月减少 2 千人或 0.44%。"
    "5 月非劳动力人数为 830 万人,较上月减少 4 千人或 0.05%。"
    "5 月劳动力参与率为 {lfpr}%,较上月上升 0.03 个百分点。"
    "5 月失业率 {ur}%,较上月下降 0.02 个百分点;经调整季节变动因素后之失业率 3.70%,与上月持平。\n"
)


def text(ur: str = "3.79", lfpr: str = "59.02") -> str:
    return TEXT.format(ur=ur, lfpr=lfpr)


def test_the_rates_are_the_levels_by_their_definitions() -> None:
    for variant in both_scripts(text()):
        found = of_kind(variant, "share-of-sum")
        assert ("consistent", [453000.0, 453000.0, 11502000.0], 3.79) in found, found
        labour = [453000.0, 453000.0, 8300000.0, 11502000.0, 11502000.0]
        assert ("consistent", labour, 59.02) in found, found
        assert len(found) == 2, found


def test_a_planted_unemployment_rate_is_called_wrong() -> None:
    for variant in both_scripts(text(ur="3.97")):
        wrong = [f for f in of_kind(variant, "share-of-sum") if f[0] == "inconsistent"]
        assert wrong == [("inconsistent", [453000.0, 453000.0, 11502000.0], 3.97)], wrong


def test_a_planted_participation_rate_is_called_wrong() -> None:
    for variant in both_scripts(text(lfpr="59.92")):
        wrong = [f for f in of_kind(variant, "share-of-sum") if f[0] == "inconsistent"]
        labour = [453000.0, 453000.0, 8300000.0, 11502000.0, 11502000.0]
        assert wrong == [("inconsistent", labour, 59.92)], wrong


def test_a_group_s_rate_binds_nothing() -> None:
    youth = text().replace("5 月失业率", "5 月15至24岁青年失业率")
    for variant in both_scripts(youth):
        found = of_kind(variant, "share-of-sum")
        assert [f[2] for f in found] == [59.02], found


# fresh trial 19's A06 (a CNA copy of Taiwan's monthly release): the employed and unemployed in
# one paragraph, those outside the labour force and the participation rate in the next, the rate
# written after its verb (失業率降到…). Ours, worked by hand:
#   unemployment 40.8 / (1,160.2 + 40.8) = 3.397% (3.40)
#   participation (1,160.2 + 40.8) / (1,160.2 + 40.8 + 821.6) = 1,201.0 / 2,022.6 = 59.38%
SPLIT = (
    "主計處6月22日公布5月就業人數為1,160.2萬人,相較上月增加0.3萬人;5月失業人數為40.8萬人,"
    "相較上月減少0.1萬人;5月失業率降到3.40%,相較上月下降0.01個百分點。\n\n"
    "5月非勞動力人數為821.6萬人,相較上月增加0.4萬人;5月勞動參與率為{rate}%,相較上月下降0.02個百分點。\n"
)


def test_rates_a_paragraph_from_some_of_their_levels() -> None:
    for variant in both_scripts(SPLIT.format(rate="59.38")):
        found = [(r[0], r[1], r[3]) for r in article_relations(variant) if r[0] == "share-of-sum"]
        assert sorted(found) == [
            ("share-of-sum", "consistent", 3.4),
            ("share-of-sum", "consistent", 59.38),
        ], variant


def test_a_planted_participation_rate_a_paragraph_on_is_called_wrong() -> None:
    for variant in both_scripts(SPLIT.format(rate="61.38")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("share-of-sum", 61.38)], variant
