"""Parts given in brackets after their names, then their shares after 分别占 (Macau's visitor
releases), in own words and figures."""

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
