"""A change a title or lead gives over a span of years, against the two dated levels the body
gives for it (article/flows.py): the shapes of a news copy from a prefecture's press conference
and a province's anniversary release; figures my own, worked by hand: 21.60 − 3.20 = 18.40;
78.5 − 26.2 = 52.3 (the province's 480 − 52 = 428 is another pair of the same years)."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

PREFECTURE = (
    "某州五年减贫{fall}万人\n\n"
    "他介绍,通过努力,5个贫困县顺利实现摘帽,全州建档立卡贫困人口从2015年的21.60万人减少到2019年底的"
    "3.20万人,贫困行政村从420个减少到96个。"
)
PROVINCE = (
    "某省山区库区贫困人口5年减少52.3万人\n\n"
    "2014年底到2019年底的5年间,某省山区库区贫困人口减少52.3万人。\n\n"
    "2014年底,全省有贫困县60个,建档立卡贫困人口480万、贫困村5200个。到2019年底,贫困县减少到12个,"
    "贫困人口减少到52万。\n\n"
    "他说,库区山区整体性贫困得到了有效缓解,贫困人口从2014年底的78.5万人减少到2019年底的{end}万人。"
)


def _flows(text: str) -> list[tuple[str, list[float], float | None]]:
    return [found for found in of_kind(text, "difference") if found[2] and found[2] < 0]


def test_a_titles_fall_over_five_years_is_its_levels_difference() -> None:
    for text in both_scripts(PREFECTURE.format(fall="18.40")):
        assert ("consistent", [32000.0, 216000.0], -184000.0) in _flows(text), _flows(text)
        assert accused(text) == []
    for text in both_scripts(PREFECTURE.format(fall="18.04")):
        assert ("difference", "inconsistent", [32000.0, 216000.0], -180400.0) in accused(text)


def test_of_two_pairs_of_the_same_years_the_one_of_its_place() -> None:
    for text in both_scripts(PROVINCE.format(end="26.2")):
        flows = _flows(text)
        assert ("consistent", [262000.0, 785000.0], -523000.0) in flows, flows
        assert accused(text) == []
    # 78.5 − 24.2 = 54.3, not 52.3: the title and the lead are both caught
    for text in both_scripts(PROVINCE.format(end="24.2")):
        found = [r for r in accused(text) if r[0] == "difference"]
        assert len(found) == 2 and all(r[2] == [242000.0, 785000.0] for r in found), found


def test_a_fall_over_other_years_is_not_bound() -> None:
    """三年 is neither the four years from 2015 to 2019 nor the five counted: no binding."""
    text = PREFECTURE.format(fall="18.40").replace("某州五年减贫", "某州三年减贫")
    for version in both_scripts(text):
        assert _flows(version) == [], version
