"""The base a rate implies, where the text gives no level of the year before: for a fall it is
above the level, not below (a bug shown on every falling figure: `利润总额46558.2亿元,同比下降
11.7%` was shown with a base of 41681 亿元, the base of a rise). Our own figures, worked by
hand: 8830 / (1 − 0.117) = 10000; 11170 / (1 + 0.117) = 10000."""

from __future__ import annotations

import povcli


def _implied(text: str) -> list[float]:
    return [
        f.result.computed
        for f in povcli.check_text(text, borrow=False)
        if f.result.kind == "yoy" and f.result.computed is not None
    ]


def test_a_fall_implies_a_base_above_the_level() -> None:
    (base,) = _implied("1—8月份,全省规模以上工业企业实现利润总额8830亿元,同比下降11.7%。")
    assert abs(base - 10000e8) < 1e6, base


def test_a_rise_implies_a_base_below_the_level() -> None:
    (base,) = _implied("1—8月份,全省规模以上工业企业实现利润总额11170亿元,同比增长11.7%。")
    assert abs(base - 10000e8) < 1e6, base
