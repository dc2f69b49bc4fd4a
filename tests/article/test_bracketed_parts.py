"""Shares and the wholes they are of: parts given in brackets after their names, then their
shares after 分别占 (Macau's visitor releases), and a whole named with its place (占全市投资比重)
among many figures of its kind; in own words and figures."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# 96,000 / 400,000 = 24.0%; 84,000 / 400,000 = 21.0% (planted 23.0%)
VISITORS = (
    "本月经大湾区入境的旅客增加20.0%至400,000人次,当中经甲口岸(96,000人次)及乙口岸旅客(84,000人次)"
    "分别占24.0%及{second}%。"
)


@pytest.mark.parametrize("text", both_scripts(VISITORS.format(second="21.0")))
def test_parts_in_brackets_are_paired_with_the_shares_after_them(text: str) -> None:
    found = of_kind(text, "share")
    assert ("consistent", [96000.0, 400000.0], 24.0) in found
    assert ("consistent", [84000.0, 400000.0], 21.0) in found


@pytest.mark.parametrize("text", both_scripts(VISITORS.format(second="23.0")))
def test_a_planted_share_of_a_bracketed_part_is_wrong(text: str) -> None:
    assert ("inconsistent", [84000.0, 400000.0], 23.0) in of_kind(text, "share")


# a whole named with its place (占全市投资比重) among many investments: the one figure whose
# sentence names 全市 right before it (全市固定资产投资…累计完成80.00亿元), not the part after it
# in its sentence (其中房地产…30.00亿元) nor the sectors' own: 4.00 / 80.00 = 5.0%; 30.00 / 80.00
# = 37.5% (planted 5.5% and 38.5%)
INVESTMENT = (
    "1-9月,全市固定资产投资继续保持平稳增长,固定资产投资累计完成80.00亿元,同比增长12.0%,其中房地产开发"
    "项目累计完成投资30.00亿元。\n\n分产业看,第一产业完成投资4.00亿元,占全市投资比重为{first}%;第二产业"
    "完成投资20.00亿元,占全市投资比重为25.0%。\n\n1-9月,房地产开发完成投资30.00亿元,占全市投资比重为"
    "{estate}%。"
)


@pytest.mark.parametrize("text", both_scripts(INVESTMENT.format(first="5.0", estate="37.5")))
def test_a_whole_named_with_its_place_is_the_figure_the_place_names(text: str) -> None:
    found = of_kind(text, "share")
    assert ("consistent", [400000000.0, 8e9], 5.0) in found
    assert ("consistent", [2e9, 8e9], 25.0) in found
    assert ("consistent", [3e9, 8e9], 37.5) in found


@pytest.mark.parametrize("text", both_scripts(INVESTMENT.format(first="5.5", estate="38.5")))
def test_planted_shares_of_the_placed_whole_are_wrong(text: str) -> None:
    found = of_kind(text, "share")
    assert ("inconsistent", [400000000.0, 8e9], 5.5) in found
    assert ("inconsistent", [3e9, 8e9], 38.5) in found
