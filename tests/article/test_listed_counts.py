"""Counts of the names listed right before them (article/listed_counts.py), in the shapes of
provincial poverty news: names of bare places with 等, counties and cities a 、 apart with no 等,
a decree's list grouped by prefecture a comma apart after 批准 with 共, a Chinese numeral with
no 个, and a list that begins after 和. Places and figures are my own."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

# bare names with 等: 6 listed
BARE_WITH_ETC = "经过努力,青山、白水、红岭、黄沙、绿洲、蓝溪等{n}个贫困县顺利实现摘帽。"
# counties and a city, no 等: 5 listed
SUFFIXED = "经第三方评估,东山县、西山县、南岭县、北岭市、中原县{n}个县市均符合贫困县退出条件。"
# grouped by prefecture a comma apart: 2 + 3 + 2 = 7
GROUPED = (
    "经省政府研究,批准甲州市东山县、西山县,乙州市南岭县、北岭县、中原县,"
    "丙地区河口县、湖口县共{n}个县(区)退出贫困县序列。"
)
# a Chinese numeral with no 个: 4 listed
NUMERAL = "省扶贫办获悉,本省东川、西川、南川、北川{n}县(区)已退出贫困县序列。"
# the list begins after 和: 3 listed
AFTER_AND = "全省还有未摘帽贫困县13个,分别是10个深度贫困县和东山、西山、南山{n}个国定贫困县。"


def _counts(text: str) -> list[tuple[str, list[float]]]:
    return [(verdict, values) for verdict, values, _ in of_kind(text, "equal")]


@pytest.mark.parametrize(
    ("shape", "listed"),
    [(BARE_WITH_ETC, 6), (SUFFIXED, 5), (GROUPED, 7), (NUMERAL, 4), (AFTER_AND, 3)],
)
def test_a_count_after_a_list_of_names_is_their_number(shape: str, listed: int) -> None:
    written = {4: "四"}.get(listed, str(listed)) if shape is NUMERAL else str(listed)
    for text in both_scripts(shape.format(n=written)):
        assert ("consistent", [listed, listed]) in _counts(text), text
        assert accused(text) == [], text


def test_a_wrong_count_after_places_of_its_kind_is_caught() -> None:
    for text in both_scripts(SUFFIXED.format(n="6")):
        assert ("equal", [5.0, 6.0]) in [(kind, values) for kind, _, values, _ in accused(text)]
    # two counties said to be three
    for text in both_scripts("东山县、西山县3县已脱贫摘帽。"):
        assert "equal" in [kind for kind, *_ in accused(text)], text


@pytest.mark.parametrize(
    "text",
    [
        BARE_WITH_ETC.format(n="20"),  # 等: and others
        GROUPED.format(n="9"),  # the list may go on before a comma: no one reading
        NUMERAL.format(n="五"),  # bare names: of what kind the count is, the words do not say
        AFTER_AND.format(n="4"),  # 和 may join the list's first name to what is before it
        "东山县、西山县12个贫困村已全部出列。",  # villages of the counties
        "东山县、西山县、南山县的3个乡镇受灾。",  # the places' townships
        "和田县、墨玉县3个县",  # 和 in a name: the count of names is unsure
        "东部、中部、西部4个地区",  # regions are no places the noun names
    ],
)
def test_a_count_the_list_may_not_make_is_never_accused(text: str) -> None:
    for each in both_scripts(text):
        assert "equal" not in [kind for kind, *_ in accused(each)], each
