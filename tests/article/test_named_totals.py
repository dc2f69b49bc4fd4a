"""Totals whose words name their two parts (`article/named_totals.py`), in the shape of the
real corpus's A07 (a poverty release of 2006): each part's level and change in its own
sentence, then `A与B合计数量为T,比上年减少C`. Our own figures, in both scripts, correct and
planted."""

from __future__ import annotations

from tests.helpers import both_scripts, of_kind

# 312.4 + 506.9 = 819.3; 21.5 + 40.2 = 61.7
TEXT = (
    "2008年末西部五省区农村绝对贫困人口为312.4万人,比上年减少21.5万人;贫困发生率为5.1%,"
    "下降0.4个百分点。初步解决温饱但还不稳定的农村低收入人口为506.9万人,比上年减少40.2万人;"
    "低收入人口占农村人口的比重为8.3%。西部五省区绝对贫困人口与低收入人口合计数量为{total}万人,"
    "比上年减少{change}万人,减少7.0%。\n"
)


def sums(text: str) -> list[tuple[str, list[float], float | None]]:
    return of_kind(text, "sum")


def test_a_total_that_names_its_two_parts_is_their_sum() -> None:
    for script in both_scripts(TEXT.format(total="819.3", change="61.7")):
        found = sums(script)
        assert ("consistent", [3_124_000.0, 5_069_000.0], 8_193_000.0) in found, found
        assert ("consistent", [-402_000.0, -215_000.0], -617_000.0) in found


def test_a_named_total_or_its_change_mistyped_is_caught() -> None:
    for script in both_scripts(TEXT.format(total="829.3", change="61.7")):
        assert ("inconsistent", [3_124_000.0, 5_069_000.0], 8_293_000.0) in sums(script)
    for script in both_scripts(TEXT.format(total="819.3", change="67.1")):
        assert ("inconsistent", [-402_000.0, -215_000.0], -671_000.0) in sums(script)


def test_a_part_in_brackets_is_another_places() -> None:
    """The nation's figures in brackets are no parts of the region's total."""
    text = (
        "全国农村绝对贫困人口(1479万人)、低收入人口(2841万人)。西部五省区绝对贫困人口与"
        "低收入人口合计数量为819.3万人。\n"
    )
    assert sums(text) == []
