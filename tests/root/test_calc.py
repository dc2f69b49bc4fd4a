"""`calc` as a new user types it (issue 20): how bare figures are read, changes written with
their direction, and every kind `check` judges that fits on a command line. Every expected
value is worked by hand in the comment beside it."""

from __future__ import annotations

from typing import Any

import pytest

from povcli.calc import USAGES, calc
from povcli.errors import PovcliError
from povcli.verdict import Verdict

MINUS = "\u2212"


def _notes(result: Any) -> str:
    return " | ".join(result.notes)


# ----------------------------------------------------------------- bare and written figures


def test_a_bare_number_is_rounded_as_a_written_amount_is() -> None:
    # 2431 / 2061 − 1 = 17.9525%; at the corners 2430.5 / 2061.5 − 1 = 17.8996% and
    # 2431.5 / 2060.5 − 1 = 18.0053%, which reach the 17.85–17.95% that 17.9% stands for
    bare = calc("growth", ["2061", "2431"], claimed="17.9")
    written = calc("growth", ["2061元", "2431元"], claimed="17.9")
    assert bare.inputs[0]["bounds"] == [2060.5, 2061.5]
    assert bare.bounds == pytest.approx([17.89958768, 18.00533851])
    assert (bare.verdict, bare.by_rounding_only) == (Verdict.CONSISTENT, True)
    assert (bare.verdict, bare.bounds) == (written.verdict, written.bounds)


def test_the_result_says_which_figures_were_read_as_exact_and_why() -> None:
    bare = _notes(calc("growth", ["2061", "2431"], claimed="17.9"))
    assert "2061, 2431: bare numbers" in bare and "rounded" in bare and "2061個" in bare
    counted = _notes(calc("share", ["35個", "58個"]))
    assert "35個, 58個: exact counts" in counted
    # a written amount needs no word: its bounds are shown beside it
    assert calc("growth", ["2061元", "2431元"]).notes == []


def test_a_decimal_and_a_claimed_rate_are_rounded_at_their_last_digit() -> None:
    result = calc("growth", ["100元", "33.2"], claimed="下降66.8%")
    assert result.inputs[1]["bounds"] == pytest.approx([33.15, 33.25])
    assert result.claimed_bounds == pytest.approx([-66.85, -66.75])


# ----------------------------------------------------------------- a change and its direction


@pytest.mark.parametrize("claimed", ["下降66.8%", "下降66.8", "-66.8", "−66.8%", "同比下降66.8%"])
def test_a_fall_is_claimed_as_the_article_writes_it(claimed: str) -> None:
    # 33.2 / 100 − 1 = −66.8%
    result = calc("growth", ["100元", "33.2元"], claimed=claimed)
    assert result.claimed == pytest.approx(-66.8)
    assert result.verdict == Verdict.CONSISTENT
    assert f"read as a fall ({MINUS}66.8%)" in _notes(result)


def test_a_claim_without_sign_or_word_is_a_rise_and_says_so() -> None:
    result = calc("growth", ["100元", "33.2元"], claimed="66.8")
    assert (result.verdict, result.gross) == (Verdict.INCONSISTENT, True)
    assert "no sign or direction word, read as a rise (+66.8%)" in _notes(result)
    assert f"下降66.8% or {MINUS}66.8%" in _notes(result)
    rise = calc("growth", ["100元", "109.5元"], claimed="增長9.5%")
    assert (rise.claimed, rise.verdict) == (9.5, Verdict.CONSISTENT)
    assert "read as a rise (+9.5%)" in _notes(rise)


def test_a_direction_and_a_minus_sign_together_are_refused() -> None:
    with pytest.raises(PovcliError):
        calc("growth", ["100元", "33.2元"], claimed="下降-66.8%")


# ----------------------------------------------------------------- the kinds check judges


def test_difference() -> None:
    # 551萬 − 1660萬 = −1109萬; corners 550.5 − 1660.5 = −1110萬 and 551.5 − 1659.5 = −1108萬
    result = calc("difference", ["1660万人", "551万人"], claimed="減少1109萬")
    assert result.computed == -11_090_000
    assert result.bounds == [-11_100_000, -11_080_000]
    assert result.claimed == -11_090_000 and result.verdict == Verdict.CONSISTENT
    wrong = calc("difference", ["1660万人", "551万人"], claimed="減少1000萬")
    assert wrong.verdict == Verdict.INCONSISTENT


def test_point_change() -> None:
    # 0.3 − 9.8 = −9.5 points; corners 0.25 − 9.85 = −9.6 and 0.35 − 9.75 = −9.4
    result = calc("point-change", ["9.8%", "0.3%"], claimed="下降9.5個百分點")
    assert result.computed == pytest.approx(-9.5)
    assert result.bounds == pytest.approx([-9.6, -9.4])
    assert (result.unit, result.verdict) == ("percentage-point", Verdict.CONSISTENT)
    wrong = calc("point-change", ["9.8%", "0.3%"], claimed="下降8.5個百分點")
    assert wrong.verdict == Verdict.INCONSISTENT


def test_average() -> None:
    # 408.2萬 / 5 = 81.64萬, between 408.15 / 5 = 81.63萬 and 408.25 / 5 = 81.65萬; the
    # claim is a size (年均減少): 81.6萬 stands for 81.55萬 to 81.65萬
    result = calc("average", ["408.2萬人"], years=5, claimed="年均減少81.6萬人")
    assert result.computed == pytest.approx(816_400)
    assert result.bounds == pytest.approx([816_300, 816_500])
    assert result.verdict == Verdict.CONSISTENT
    assert "compares sizes" in _notes(result)
    wrong = calc("average", ["408.2萬人"], years=5, claimed="80萬")
    assert wrong.verdict == Verdict.INCONSISTENT


def test_average_change() -> None:
    # (12.3萬 − 420.5萬) / 5 = −81.64萬
    result = calc("average-change", ["420.5萬人", "12.3萬人"], years=5, claimed="減少81.6萬人")
    assert result.computed == pytest.approx(-816_400)
    assert result.verdict == Verdict.CONSISTENT


def test_sum() -> None:
    # 5479 + 53 = 5532, exact counts
    result = calc("sum", ["5479座", "53座"], claimed="5532座")
    assert (result.computed, result.bounds, result.verdict) == (
        5532, [5532, 5532], Verdict.CONSISTENT
    )  # fmt: skip
    assert calc("sum", ["5479座", "53座"], claimed="5600座").verdict == Verdict.INCONSISTENT
    three = calc("sum", ["1萬", "2萬", "3萬"])
    assert (three.computed, three.verdict) == (60_000, Verdict.DERIVED)


def test_change_rate_rise_and_fall() -> None:
    # a rise of 760 to 8800 from 8040: 760 / 8040 = 9.4527%; the corners are
    # 759.5 / (8800.5 − 759.5) = 9.4454% and 760.5 / (8799.5 − 760.5) = 9.4601%
    rise = calc("change-rate", ["8800元", "增加760元"], claimed="9.5")
    assert rise.computed == pytest.approx(9.45274, abs=1e-5)
    assert rise.bounds == pytest.approx([9.44534, 9.46013], abs=1e-5)
    assert rise.verdict == Verdict.CONSISTENT
    # a fall of 760 to 8040 from 8800: −760 / 8800 = −8.6364%
    fall = calc("change-rate", ["8040元", "減少760元"], claimed="下降8.6%")
    assert fall.computed == pytest.approx(-8.63636, abs=1e-5)
    assert fall.verdict == Verdict.CONSISTENT
    assert "change 減少760元: read as a fall" in _notes(fall)
    signed = calc("change-rate", ["8040元", "-760元"], claimed="-8.6")
    assert signed.computed == pytest.approx(fall.computed)


def test_cagr_multiple() -> None:
    # 1.82^(1/5) − 1: ln 1.82 = 0.598837, / 5 = 0.119767, e^0.119767 = 1.127235 → 12.7235%
    result = calc("cagr-multiple", ["1.82倍"], years=5, claimed="12.7")
    assert result.computed == pytest.approx(12.7235, abs=1e-4)
    assert result.verdict == Verdict.CONSISTENT


def test_subset_takes_its_parts_then_the_whole() -> None:
    # 35 + 10 = 45 ≤ 58; 35 + 30 = 65 > 58
    inside = calc("subset", ["35個", "10個", "58個"])
    assert (inside.computed, inside.verdict) == (13, Verdict.CONSISTENT)
    outside = calc("subset", ["35個", "30個", "58個"])
    assert (outside.verdict, outside.gross) == (Verdict.INCONSISTENT, True)
    with pytest.raises(PovcliError, match="takes no --claimed"):
        calc("subset", ["35個", "58個"], claimed="3")


def test_yoy_growth_may_be_written_with_its_direction() -> None:
    # 7667 / (1 − 0.095) = 8471.82
    result = calc("yoy", ["7667元", "下降9.5%"])
    assert result.computed == pytest.approx(8471.823, abs=1e-3)


@pytest.mark.parametrize(
    ("kind", "args", "years", "message"),
    [
        ("average", ["408.2萬人"], None, "needs --years"),
        ("cagr-multiple", ["1.82倍"], None, "needs --years"),
        ("growth", ["1", "2"], 3, "--years applies to"),
        ("sum", ["1"], None, "PART PART..."),
        ("difference", ["1", "2", "3"], None, "OLD NEW"),
    ],
)
def test_usage_errors_name_the_figures(
    kind: str, args: list[str], years: float | None, message: str
) -> None:
    with pytest.raises(PovcliError) as caught:
        calc(kind, args, years=years)
    assert message in str(caught.value)


def test_help_lists_every_kind_with_its_figures(cli: Any) -> None:
    text = " ".join(cli("calc", "--help").stdout.split())
    for name, usage in USAGES.items():
        assert f"{name} {usage.figures}" in text


def test_calc_average_is_a_kind_not_a_typo(cli: Any) -> None:
    run = cli("calc", "average", "408.2萬人", "--years", "5", "--claimed", "81.6萬", "-f", "json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["verdict"] == "consistent"


def test_an_amount_without_direction_is_told_how_a_fall_is_written() -> None:
    result = calc("difference", ["1660万人", "551万人"], claimed="1109萬")
    # read as a rise of 1109萬 against a computed fall of 1109萬: gross
    assert (result.verdict, result.gross) == (Verdict.INCONSISTENT, True)
    assert f"a fall is written 減少1109萬 or {MINUS}1109萬" in _notes(result)
