"""Trade: the total of exports and imports (进出口, a partition that defines it) and the balance
(贸易顺差 = 出口 − 进口, 逆差 the reverse), in the shapes of a customs office's quarterly release
and the national monthly one; subjects and figures my own, worked by hand:
358.3 + 262.2 = 620.5; 358.3 / 1.060 + 262.2 / 1.018 = 595.58 and 620.5 / 595.58 = 1.0418;
2.40 − 1.90 = 0.50万亿 = 5000亿; 1500 − 1200 = 300."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

TOTAL = (
    "今年前三季度,本省货物贸易进出口总值620.5亿元,比去年同期增长4.2%。\n\n"
    "据海关统计,今年前三季度,本省出口{exports}亿元,同比增长6.0%;进口262.2亿元,同比增长1.8%。"
)
SURPLUS = (
    "前5个月,全国进出口总值4.30万亿元。其中,出口额2.40万亿元,同比增长3.0%;"
    "进口额1.90万亿元,同比下降1.0%;贸易顺差{surplus}亿元,扩大20%。"
)
DEFICIT = (
    "前5个月,对东盟出口1200亿元,增长2.0%;自东盟进口1500亿元,增长3.0%;对东盟贸易逆差{deficit}亿元。"
)


def test_exports_and_imports_make_the_trade_total() -> None:
    for text in both_scripts(TOTAL.format(exports="358.3")):
        assert ("consistent", [262.2e8, 358.3e8], 620.5e8) in of_kind(text, "sum"), text
        assert [v for v, _, _ in of_kind(text, "growth-of-sum")] == ["consistent"], text
        assert accused(text) == []


def test_exports_that_break_the_trade_total_are_wrong() -> None:
    for text in both_scripts(TOTAL.format(exports="368.3")):
        assert ("sum", "inconsistent", [262.2e8, 368.3e8], 620.5e8) in accused(text), text


@pytest.mark.parametrize(
    ("shape", "correct", "planted"),
    [(SURPLUS, {"surplus": "5000"}, {"surplus": "6000"}),
     (DEFICIT, {"deficit": "300"}, {"deficit": "400"})],
)  # fmt: skip
def test_a_trade_balance_is_exports_less_imports(
    shape: str, correct: dict[str, str], planted: dict[str, str]
) -> None:
    for text in both_scripts(shape.format(**correct)):
        assert "consistent" in [v for v, _, _ in of_kind(text, "difference")], text
        assert accused(text) == []
    for text in both_scripts(shape.format(**planted)):
        assert "difference" in [k for k, *_ in accused(text)], text


def test_a_balance_after_a_category_in_another_statement_is_not_judged() -> None:
    """The nearest exports before the surplus are a category's (机电产品), in another
    statement: which exports the balance is of is not plain, so nothing is called wrong."""
    text = (
        "前5个月,出口额2.40万亿元,进口额1.90万亿元。机电产品出口1.40万亿元。"
        "前5个月贸易顺差5000亿元。"
    )
    for version in both_scripts(text):
        assert accused(version) == [], version


def test_trade_totals_rate_is_its_exports_and_imports() -> None:
    """Review 13 had this shown only, the parts not being named all of it; exports and
    imports are all of 进出口 by definition, so its rate is theirs: 500 / 1.08 + 300 / 1.032 =
    753.66 and 800 / 753.66 = 1.0615, 6.1%, not 5.0% (beyond the half point of slack)."""
    text = (
        "全年货物进出口总额800亿元,比上年增长5.0%。其中,出口500亿元,增长8.0%;进口300亿元,增长3.2%。"
    )
    for version in both_scripts(text):
        assert "growth-of-sum" in [k for k, *_ in accused(version)], version
