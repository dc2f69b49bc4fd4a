"""What the readers of tables read as rows (`spaced_tables`, `table_columns`) share, and the
readers of listed parts with them: whether figures add up, lie between their parts or make a
quotient, a share cell as the percentage it is, and a row's
label as its words."""

from __future__ import annotations

import re
from dataclasses import replace

from povcli.article.figures import Figure
from povcli.article.row_tables import SpacedRow
from povcli.numbers import PERCENT, Interval

TOTAL_WORDS = re.compile(r"合计|合計|总计|總計|小计|小計|(?i:total)")
CJK = re.compile(r"[\u3400-\u9fff]+")
# a row heading a section of shares at 100 in every column (总产出构成(%), 比重): the rows under it
# are the shares of the rows of the same labels above, in the total the heading names
SHARE_HEAD = re.compile(r"构成|構成|比重|结构|結構")
IN_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


def adds_up(whole: Figure, parts: list[Figure]) -> bool:
    low = sum(p.bounds.low for p in parts)
    high = sum(p.bounds.high for p in parts)
    return low <= whole.bounds.high and whole.bounds.low <= high


def quotient_holds(top: Figure, bottom: Figure, said: Figure, factor: float = 1.0) -> bool:
    """Whether top / bottom × factor, over the figures' rounding intervals, can be what is said
    (a share with factor 100, a yield with the factor of its units)."""
    if bottom.bounds.low <= 0 or top.bounds.low < 0:
        return False
    low = top.bounds.low / bottom.bounds.high * factor
    high = top.bounds.high / bottom.bounds.low * factor
    return low <= said.bounds.high and said.bounds.low <= high


def exceeds_whole(whole: Figure, parts: list[Figure]) -> bool:
    """Parts none below zero that come to more than their whole beyond rounding: no part left
    out explains it."""
    least = sum(p.bounds.low for p in parts)
    return all(p.value >= 0 for p in parts) and whole.value >= 0 and least > whole.bounds.high


def reads_as_mean(whole: Figure, parts: list[Figure]) -> bool:
    """The whole lies between its smallest part and its largest: what a weighted mean of them
    does (a growth rate, a share, an average, an index), and no total of two parts or more."""
    low = min(p.bounds.low for p in parts)
    high = max(p.bounds.high for p in parts)
    return whole.bounds.low <= high and low <= whole.bounds.high


def as_percent(cell: Figure, digits_less: int = 0) -> Figure:
    """A share cell as the percentage it is, rounded at its last written digit (or that many
    digits sooner: 10.50 printed for 10.5)."""
    places = len(cell.written.partition(".")[2]) - digits_less
    half = 0.5 * 10**-places
    return replace(
        cell, unit="%", kind=PERCENT, bounds=Interval(cell.value - half, cell.value + half)
    )


def words(label: str) -> str:
    return "".join(CJK.findall(label))


def share_head(row: SpacedRow) -> bool:
    return bool(SHARE_HEAD.search(row.label)) and all(c.value == 100 for c in row.raw)


def bare(label: str) -> str:
    """A row's label as its words, without what brackets hold (总产出(亿元) → 总产出)."""
    return words(IN_BRACKETS.sub("", label))
