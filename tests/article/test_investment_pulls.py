"""A city's investment by sector, in the shape of a city paper's quarterly report (fresh trial 20's
A06): headline bullets restate the figures, the prose gives the total, then `其中` a narrower
investment and its share, then each sector's level, rate and `上拉…个百分点`, then the sectors'
`占比为a∶b∶c`. Our own county and figures, worked by hand:

  total 85.7亿元, +7.7%: a year before 85.7 / 1.077 = 79.57
  sectors 9.5 (+12.0%), 30.0 (+5.0%), 46.2 (+8.6%): 9.5 + 30.0 + 46.2 = 85.7
  pulls: 9.5 × 12 / 112 = 1.0179 → 1.279; 30.0 × 5 / 105 = 1.4286 → 1.795;
         46.2 × 8.6 / 108.6 = 3.6586 → 4.598 (stated 1.3, 1.8, 4.6; planted 2.8)
  shares: 9.5 / 85.7 = 11.09%, 30.0 / 85.7 = 35.01%, 46.2 / 85.7 = 53.91% (stated 11.1∶35.0∶53.9)
  重点项目投资 60.0 / 85.7 = 70.01% (stated 70.0%)

The sectors make all investment, not the 重点项目 part `其中` names: a planted sector (56.2 for
46.2) must be called wrong against 85.7, not left in doubt between 85.7 and 60.0."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

REPORT = (
    "今年一季度——\n"
    "全县固定资产投资完成85.7亿元 同比增长7.7%\n"
    "●第一产业投资完成9.5亿元 同比增长12.0%\n"
    "●第二产业投资完成30.0亿元 同比增长5.0%\n"
    "●第三产业投资完成{tertiary}亿元 同比增长8.6%\n"
    "本报讯 今年以来,全县扎实推进项目建设,投资保持较快增长。一季度,全县固定资产投资完成85.7亿元,"
    "同比增长7.7%。其中,重点项目投资完成60.0亿元,占固定资产投资比重为70.0%,"
    "上拉全县固定资产投资增速5.1个百分点。\n"
    "分产业看,三产投资贡献了主要增量——\n"
    "一季度,第一产业投资完成9.5亿元,同比增长12.0%,上拉全县投资增速1.3个百分点;"
    "第二产业投资完成30.0亿元,同比增长5.0%,增速比1至2月提升3.0个百分点,上拉{pull}个百分点;"
    "第三产业投资完成{tertiary}亿元,同比增长8.6%,上拉4.6个百分点。"
    "三次产业投资占比为11.1∶35.0∶53.9。\n"
)
CORRECT = REPORT.format(tertiary="46.2", pull="1.8")


def _of(found: list[tuple[str, str, list[float], float | None]], kind: str, verdict: str,
        claimed: float) -> list[object]:  # fmt: skip
    return [r for r in found if r[0] == kind and r[1] == verdict and r[3] == claimed]


def test_each_sectors_pull_is_its_increment_over_the_total_a_year_before() -> None:
    for variant in both_scripts(CORRECT):
        found = article_relations(variant)
        for pull in (1.3, 1.8, 4.6):
            assert _of(found, "pull", "consistent", pull), (pull, variant)
        assert not accused(variant), variant


def test_a_pull_beyond_the_sectors_levels_and_rates_is_called_wrong() -> None:
    for variant in both_scripts(REPORT.format(tertiary="46.2", pull="2.8")):
        assert _of(accused(variant), "pull", "inconsistent", 2.8), variant


def test_the_sectors_make_all_investment_not_the_part_qizhong_names() -> None:
    for variant in both_scripts(CORRECT):
        sums = [r for r in article_relations(variant) if r[0] == "sum" and r[3] == 8_570_000_000]
        assert sums and all(r[1] == "consistent" for r in sums), variant
    for variant in both_scripts(REPORT.format(tertiary="56.2", pull="1.8")):
        assert _of(accused(variant), "sum", "inconsistent", 8_570_000_000), variant


def test_the_sectors_shares_after_zhanbi_are_of_their_investment() -> None:
    for variant in both_scripts(CORRECT):
        found = article_relations(variant)
        for share in (11.1, 35.0, 53.9):
            assert _of(found, "share", "consistent", share), (share, variant)
    planted = CORRECT.replace("11.1∶35.0∶53.9", "13.1∶35.0∶53.9")
    for variant in both_scripts(planted):
        assert _of(accused(variant), "share", "inconsistent", 13.1), variant


def test_a_narrower_investment_the_parts_name_stays_their_whole() -> None:
    # "其中,民间投资…" then 第一产业民间投资…: the parts name 民间, so 民间投资 is their whole
    text = (
        "一季度,全县固定资产投资完成85.7亿元,同比增长7.7%。其中,民间投资完成40.0亿元。\n"
        "第一产业民间投资5.0亿元,第二产业民间投资{second}亿元,第三产业民间投资20.0亿元。\n"
    )
    for variant in both_scripts(text.format(second="15.0")):
        found = article_relations(variant)
        assert _of(found, "sum", "consistent", 4_000_000_000), variant
        assert not accused(variant), variant
    for variant in both_scripts(text.format(second="17.0")):
        assert _of(accused(variant), "sum", "inconsistent", 4_000_000_000), variant


def test_a_value_addeds_pull_is_not_computed_from_its_levels() -> None:
    # value added grows at constant prices: its current-price levels make no pull
    text = (
        "全年全县地区生产总值300.0亿元,比上年增长5.0%。第二产业增加值120.0亿元,增长6.0%,"
        "拉动经济增长2.9个百分点。\n"
    )
    for variant in both_scripts(text):
        assert not [r for r in article_relations(variant) if r[0] == "pull"], variant
        assert not accused(variant), variant


# review 24: the span named with the total only ("1-9月,全县固定资产投资…"), the sectors' sentence
# naming none: their period carries it. A sentence naming another span (9月份) binds no pull.
SPAN_ON_TOTAL = (
    "1-9月,全县固定资产投资完成85.7亿元,同比增长7.7%。\n"
    "第一产业投资完成9.5亿元,同比增长12.0%,上拉全县投资增速1.3个百分点;第二产业投资完成30.0亿元,"
    "同比增长5.0%,上拉{pull}个百分点;第三产业投资完成46.2亿元,同比增长8.6%,上拉4.6个百分点。\n"
)


def test_pulls_of_the_span_their_total_names() -> None:
    for variant in both_scripts(SPAN_ON_TOTAL.format(pull="1.8")):
        found = article_relations(variant)
        for pull in (1.3, 1.8, 4.6):
            assert _of(found, "pull", "consistent", pull), (pull, variant)
        assert not accused(variant), variant
    for variant in both_scripts(SPAN_ON_TOTAL.format(pull="2.8")):
        assert _of(accused(variant), "pull", "inconsistent", 2.8), variant


def test_pulls_of_another_span_bind_no_total() -> None:
    text = SPAN_ON_TOTAL.format(pull="2.8").replace("第一产业投资", "9月份,第一产业投资", 1)
    for variant in both_scripts(text):
        assert not [r for r in article_relations(variant) if r[0] == "pull"], variant
