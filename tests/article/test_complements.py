"""A part, the others and all of them (article/complements.py), as a region's decree on its
last poor counties is reported: this year's counties in one paragraph, "其他N个县(区)" and
"全部M个县(区)" in the next. Figures my own: 12 + 35 = 47; a planted 53 others make 65."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

DECREE = (
    "2024年12月,省扶贫办发布公告,批准12个县(区)退出贫困县序列。\n\n"
    "此前,本省其他{others}个县(区)已经宣布退出。这意味着,本省全部47个县(区)均已实现脱贫摘帽。"
)


def test_the_part_and_the_others_make_all_of_them() -> None:
    for text in both_scripts(DECREE.format(others="35")):
        assert ("consistent", 47.0) in [(v, c) for v, _, c in of_kind(text, "sum")], text
        assert accused(text) == [], text
    for text in both_scripts(DECREE.format(others="53")):
        assert ("sum", 47.0) in [(k, c) for k, _, _, c in accused(text)], text


@pytest.mark.parametrize(
    "text",
    [
        # two counts before the others: which they leave out is not guessed
        "批准12个县退出,其中5个县为深度贫困县。此前,其他30个县已经退出。全部47个县均已摘帽。",
        # no count of all of them
        "批准12个县退出。此前,其他30个县已经退出。",
    ],
)
def test_no_whole_or_no_one_part_says_nothing(text: str) -> None:
    for each in both_scripts(text):
        assert [c for _, _, c in of_kind(each, "sum")] == [], each
        assert accused(each) == [], each
