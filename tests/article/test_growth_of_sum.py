"""A total's rate from its parts' levels and rates (`growth-of-sum`): judged where the parts'
levels add up to the total, with half a point of slack for rates on a comparable basis, and
never where the rates are at constant prices (value added)."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# 其中 after a total with its rate, each part with its own (a transport release's shape): last
# year 3000 / 1.060 + 2000 / 1.035 = 4762.6, so 5000 / 4762.6 − 1 = 4.99% (5.0% stated); with
# the coast's rate planted as 9.0%, 3000 / 1.09 + 2000 / 1.035 = 4684.7 gives 6.73%
PORTS = (
    "全省港口共完成货物吞吐量5000万吨,比去年同期增长{total}%。其中沿海港口完成3000万吨,"
    "增长{coast}%;内河港口完成2000万吨,增长3.5%。"
)


def _verdicts(text: str) -> list[tuple[str, float | None]]:
    return [(verdict, claimed) for verdict, _, claimed in of_kind(text, "growth-of-sum")]


@pytest.mark.parametrize("text", both_scripts(PORTS.format(total="5.0", coast="6.0")))
def test_parts_after_qizhong_make_the_total_rate(text: str) -> None:
    assert _verdicts(text) == [("consistent", 5.0)]


@pytest.mark.parametrize("text", both_scripts(PORTS.format(total="5.0", coast="9.0")))
def test_a_part_rate_planted_far_off_is_wrong(text: str) -> None:
    """6.73% against 4.95–5.05%: 1.7 points beyond rounding, more than a comparable basis moves
    a rate."""
    assert _verdicts(text) == [("inconsistent", 5.0)]


@pytest.mark.parametrize("text", both_scripts(PORTS.format(total="5.3", coast="6.0")))
def test_a_gap_of_tenths_of_a_point_accuses_no_one(text: str) -> None:
    """5.25–5.35% against about 4.95–5.02% computed: a quarter of a point beyond rounding, as a
    comparable basis may give: shown, not called wrong."""
    assert _verdicts(text) == [("unverifiable", 5.3)]


# the members of a partition and one more part listed with them (a power-use release's shape):
# 200 / 1.08 + 3000 / 1.04 + 1000 / 1.09 + 800 / 1.06 = 4742.0 last year, so 5000 / 4742.0 − 1
# = 5.44% (5.4% stated); with industry's 4.0% planted as 7.0%, the four give 7.27%
SECTORS = (
    "3月份,全市用电量5000亿千瓦时,同比增长5.4%。从分产业用电看,第一产业用电量200亿千瓦时,"
    "同比增长8.0%;第二产业用电量3000亿千瓦时,同比增长{industry}%;第三产业用电量1000亿千瓦时,"
    "同比增长9.0%;城乡居民生活用电量800亿千瓦时,同比增长6.0%。"
)


@pytest.mark.parametrize("text", both_scripts(SECTORS.format(industry="4.0")))
def test_three_sectors_and_households_make_the_total_rate(text: str) -> None:
    assert _verdicts(text) == [("consistent", 5.4)]


@pytest.mark.parametrize("text", both_scripts(SECTORS.format(industry="7.0")))
def test_a_sector_rate_planted_far_off_is_wrong(text: str) -> None:
    assert _verdicts(text) == [("inconsistent", 5.4)]


# value added grows at constant prices: 500 / 1.03 + 2000 / 1.05 + 2500 / 1.08 = 4705.0, so
# the current-price levels give 6.27%, and 7.0% may still be right (the sectors' prices differ)
GDP = (
    "全年地区生产总值5000亿元,比上年增长7.0%。其中,第一产业增加值500亿元,增长3.0%;"
    "第二产业增加值2000亿元,增长5.0%;第三产业增加值2500亿元,增长8.0%。"
)


@pytest.mark.parametrize("text", both_scripts(GDP))
def test_value_added_at_constant_prices_never_accuses(text: str) -> None:
    assert _verdicts(text) == [("unverifiable", 7.0)]
