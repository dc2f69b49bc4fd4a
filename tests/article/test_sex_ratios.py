"""Sex ratios (`article/sex_ratios.py`) in the shapes of the real corpus: the national release
(B06: men, women, then `总人口性别比为R(以女性为100)` in one sentence; B04: the ratio in the lead,
the counts paragraphs later), a provincial census bulletin (B21: each sex with its share, the
ratio's definition in brackets before it) and a county communiqué (B35: `男女性别比为R:100`).
Our own figures, in both scripts, correct and planted."""

from __future__ import annotations

from tests.helpers import both_scripts, of_kind

# 61200 / 58800 × 100 = 104.08; 1650.40 / 1580.20 × 100 = 104.44; 40210 / 38950 × 100 = 103.23
NATIONAL = (
    "年末全国人口120000万人,比上年末增加100万人。从性别结构看,男性人口61200万人,女性人口"
    "58800万人,总人口性别比为{ratio}(以女性为100)。\n"
)
LEAD_FIRST = (
    "全年出生人口1200万人,总人口性别比为{ratio}。\n\n"
    "年末全国人口120000万人。\n\n"
    "男性人口61200万人,女性人口58800万人。\n"
)
PROVINCE = (
    "四、性别构成\n\n2024年末全省常住人口中,男性为1650.40万人,占51.09%;女性为1580.20万人,"
    "占48.91%,性别比(以女性为100,男性对女性的比例)为{ratio}。\n"
)
COUNTY = (
    "年末全县户籍人口为79160人。其中,城镇人口38100人,乡村人口41060人;男性人口40210人,"
    "女性人口38950人,男女性别比为{ratio}:100(女性为100)。\n"
)


def ratios(text: str) -> list[tuple[str, list[float], float | None]]:
    return of_kind(text, "per-hundred")


def test_men_per_hundred_women_in_each_shape() -> None:
    cases = [
        (NATIONAL, "104.08", [588_000_000.0, 612_000_000.0]),
        (LEAD_FIRST, "104.08", [588_000_000.0, 612_000_000.0]),
        (PROVINCE, "104.44", [15_802_000.0, 16_504_000.0]),
        (COUNTY, "103.23", [38950.0, 40210.0]),
    ]
    for text, ratio, values in cases:
        for script in both_scripts(text.format(ratio=ratio)):
            assert ratios(script) == [("consistent", values, float(ratio))], script


def test_a_ratio_mistyped_is_caught() -> None:
    cases = [(NATIONAL, "140.08"), (PROVINCE, "104.84"), (COUNTY, "105.23"), (LEAD_FIRST, "101.08")]
    for text, ratio in cases:
        for script in both_scripts(text.format(ratio=ratio)):
            found = ratios(script)
            assert [v for v, _, claimed in found if claimed == float(ratio)] == ["inconsistent"]


def test_men_of_a_part_of_the_population_are_not_its_men() -> None:
    """城镇男性人口 count the towns' men only: the ratio of all is not theirs."""
    text = "城镇男性人口30100万人,城镇女性人口29000万人,总人口性别比为104.08(以女性为100)。\n"
    assert ratios(text) == []


def test_two_counts_of_men_bind_none() -> None:
    text = LEAD_FIRST.format(ratio="104.08") + "\n另据抽样调查,男性人口61000万人。\n"
    assert ratios(text) == []
