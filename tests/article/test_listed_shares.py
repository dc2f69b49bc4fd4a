"""Shares listed one after another that make their whole (partitions.listed_shares), and a
share named by 比重 alone (roles: "新增火电装机比重达40.1%"). The shapes are those of a city's
weekly bulletin, a survey of travel arrangements and an energy review; subjects and figures are
my own, every sum worked by hand."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

# "上述诊所中,西医占…、牙医占…、中医占…": 52.5 + 30.1 + 17.4 = 100.0
AMONG_LIST = (
    "年底全区门店计2,400家,其中超市180家、便利店2,220家;"
    "上述便利店中,连锁占52.5%、加盟占30.1%、个体占{last}%。"
)
# a ranking in brackets: 41 + 35 + 18 + 6 = 100
RANKED = (
    "全年出游的旅次中,交通方式以「自驾」(占41%)最多,其次依序为「高铁」(占35%)、"
    "「长途客车」(占18%)及「飞机」(占{last}%)。"
)
# an energy review: shares on lines of their own, each with its change in points, one named by
# 比重 alone: 12.40 + 45.2 + 6.35 + 14.05 + 22.00 = 100.00
LINES = (
    "其中,新增水电占新增总装机的12.40%,较上年下降1.2个百分点;\n"
    "新增火电装机比重达45.2%,较上年下降6.3个百分点;\n"
    "新增核电占6.35%,较上年增长0.8个百分点;\n"
    "新增风电占14.05%,较上年下降2.1个百分点;\n"
    "新增太阳能发电装机占{last}%,较上年增加8.8个百分点。"
)


def _sums(text: str) -> list[tuple[str, list[float], float | None]]:
    return [found for found in of_kind(text, "sum") if found[2] == 100.0]


@pytest.mark.parametrize(
    ("shape", "last", "parts"),
    [
        (AMONG_LIST, "17.4", [17.4, 30.1, 52.5]),
        (RANKED, "6", [6.0, 18.0, 35.0, 41.0]),
        (LINES, "22.00", [6.35, 12.4, 14.05, 22.0, 45.2]),
    ],
)
def test_listed_shares_that_make_their_whole_are_shown(
    shape: str, last: str, parts: list[float]
) -> None:
    for text in both_scripts(shape.format(last=last)):
        assert ("consistent", parts, 100.0) in _sums(text), text
        assert accused(text) == []


@pytest.mark.parametrize(("shape", "last"), [(AMONG_LIST, "14.7"), (RANKED, "2"), (LINES, "20.00")])
def test_a_list_short_of_its_whole_says_nothing(shape: str, last: str) -> None:
    """A list may leave parts out: one short of 100% is neither shown nor called wrong."""
    for text in both_scripts(shape.format(last=last)):
        assert _sums(text) == [], text
        assert accused(text) == []
