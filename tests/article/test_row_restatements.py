"""The prose restated in the total row of a table scraped one cell a line, in the shape of
fresh trial 17's A02 (the bureau's summer-grain release): the prose gives the whole's area,
output and yield, each rounded, and the table's 全省总计 row gives them to a decimal more under
`播 种 面 积 (千公顷) | 总产量 (万吨) | 每公顷产量 (公斤)`. Our own figures, worked by hand:

  area 850千公顷 (849.5–850.5) and 850.4: agree; output 420万吨 (419.5–420.5) and 420.3: agree;
  yield 4942.4公斤/公顷 and 4942.4 (420.3 × 10^7 / 850.4 × 10^3 = 4942.38): agree.
  其中籼稻播种面积600千公顷 is a part's, named alike: no row restates it.

A planted total row of 860.4 restates no prose figure: nothing is said of the area (the
prose is not matched to it by name alone), and no equal is called wrong."""

from __future__ import annotations

from tests.helpers import both_scripts, of_kind

ROWS = (
    ("全省总计", "{area}", "420.3", "4942.4"),
    ("甲 市", "400.0", "200.0", "5000.0"),
    ("乙 市", "450.4", "220.3", "4891.2"),
)
PROSE = (
    "一、全省早稻播种面积850千公顷,比上年减少3千公顷;其中籼稻播种面积600千公顷。\n"
    "二、全省早稻单位面积产量4942.4公斤/公顷,比上年增加20.1公斤/公顷。\n"
    "三、全省早稻总产量420万吨,比上年增加0.2万吨。\n"
)


def text(area: str = "850.4") -> str:
    cells = ["|", "2024年各市早稻产量 |", "|||", "|"]
    cells += ["播 种 面 积 (千公顷) |", "总产量 (万吨) |", "每公顷产量 (公斤) |", "|"]
    for row in ROWS:
        cells += [f"{cell.format(area=area)} |" for cell in row] + ["|"]
    return PROSE + "\n".join(cells) + "\n"


def test_the_total_row_restates_the_prose_levels() -> None:
    for variant in both_scripts(text()):
        equal = of_kind(variant, "equal")
        assert ("consistent", [850_000.0, 850_400.0], None) in equal, equal
        assert ("consistent", [4_200_000.0, 4_203_000.0], None) in equal, equal
        assert ("consistent", [4942.4, 4942.4], None) in equal, equal
        assert not [e for e in equal if 600_000.0 in e[1]], equal


def test_a_total_row_that_differs_restates_nothing_and_accuses_no_one() -> None:
    for variant in both_scripts(text(area="860.4")):
        equal = of_kind(variant, "equal")
        assert not [e for e in equal if 860_400.0 in e[1]], equal
        assert ("consistent", [4_200_000.0, 4_203_000.0], None) in equal, equal
        assert all(e[0] == "consistent" for e in equal), equal
