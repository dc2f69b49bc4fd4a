from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povcli.calc import calc, input_from_text
from povcli.catalog.checks import run_check
from povcli.catalog.load import load_catalog
from povcli.checks import Input, Interval, bounds_of, evaluate
from povcli.errors import PovcliError
from povcli.kinds import KINDS
from povcli.numbers import parse_quantity
from povcli.verdict import Verdict


def _input(role: str, written: str, unit: str | None = None) -> Input:
    item = input_from_text(role, written)
    return Input(role, item.value, item.bounds, written, unit)


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("11.5%", 11.45, 11.55),
        ("4875元", 4874.5, 4875.5),
        ("20多萬元", 200_000, 300_000),
        ("20多頭", 20, 30),
        ("90多個", 90, 100),
        # a range of counts is exact at both ends: 2 to 3 industries
        ("2至3個", 2, 3),
        ("2.5至3.5萬元", 24_500, 35_500),
        # counts in full digits with no scale word are exact; money is a rounded mean
        ("58個", 58, 58),
        ("5年", 5, 5),
        ("六年", 6, 6),
        ("7993個", 7993, 7993),
        ("329萬", 3_285_000, 3_295_000),
        ("3千米", 2.5, 3.5),
        ("9.5個百分點", 9.45, 9.55),
        ("1.82倍", 1.815, 1.825),
        ("近20萬", 150_000, 200_000),
        ("約5萬", 45_000, 55_000),
        ("39.4億元", 3_935_000_000, 3_945_000_000),
    ],
)
def test_written_figures_stand_for_intervals(written: str, low: float, high: float) -> None:
    bounds = bounds_of(parse_quantity(written))
    assert bounds.low == pytest.approx(low)
    assert bounds.high == pytest.approx(high)


def test_a_count_written_as_one_is_exact_and_a_bare_number_rounded() -> None:
    # 6853萬 / 5 = 1370.6萬: the claim of 1500萬 is 9% off when 5 years are exactly 5
    wrong = calc("ratio", ["6853萬人", "5年"], claimed="1500萬")
    assert wrong.verdict == Verdict.INCONSISTENT
    assert wrong.inputs[1]["bounds"] == [5, 5]
    # a bare 5 says nothing of what it counts: it stands for 4.5 to 5.5 (issue 20), and
    # 6853萬 / 4.5 = 1522.9萬 reaches the claim: only the rounding allows it
    bare = calc("ratio", ["6853萬人", "5"], claimed="1500萬")
    assert bare.inputs[1]["bounds"] == [4.5, 5.5]
    assert (bare.verdict, bare.by_rounding_only) == (Verdict.CONSISTENT, True)
    counted = calc("share", ["6833個", "7993個"])
    assert counted.bounds is not None and counted.bounds[0] == counted.bounds[1]


def test_at_least_has_no_upper_bound() -> None:
    assert bounds_of(parse_quantity("20個以上")) == Interval(20, math.inf)


def test_headline_cagr_worked_by_hand() -> None:
    # ln(9379/4875) = 0.654352; /6 = 0.109059; e^0.109059 = 1.115228
    result = calc("cagr", ["4875元", "9379元"], years=6, claimed="11.5")
    assert result.computed == pytest.approx(11.5228, abs=1e-4)
    assert result.bounds is not None
    low, high = result.bounds
    assert low == pytest.approx(((9378.5 / 4875.5) ** (1 / 6) - 1) * 100)
    assert high == pytest.approx(((9379.5 / 4874.5) ** (1 / 6) - 1) * 100)
    assert result.verdict == Verdict.CONSISTENT
    assert not result.by_rounding_only
    readings = {r["reading"]: round(r["value"], 2) for r in result.readings}
    assert readings["periods counted as the 7 years listed"] == 9.80
    assert readings["simple average: total growth / 6"] == 15.40
    assert readings["total growth over the whole span"] == 92.39


def test_wrong_claim_is_inconsistent_and_a_fall_is_gross() -> None:
    wrong = calc("cagr", ["4875", "9379"], years=6, claimed="11.7%")
    assert (wrong.verdict, wrong.gross) == (Verdict.INCONSISTENT, False)
    far = calc("cagr", ["4875", "9379"], years=6, claimed="15.4")
    assert (far.verdict, far.gross) == (Verdict.INCONSISTENT, True)
    fall = calc("growth", ["100", "90"], claimed="10")
    assert fall.computed == pytest.approx(-10)
    assert (fall.verdict, fall.gross) == (Verdict.INCONSISTENT, True)


def test_consistent_by_rounding_only() -> None:
    # 111/100 is 11.0%, but 111.5/99.5 reaches 12.06%: "12%" survives only by rounding
    result = calc("growth", ["100元", "111元"], claimed="12")
    assert result.verdict == Verdict.CONSISTENT
    assert result.by_rounding_only
    assert "rounding" in result.explanation


def test_yoy_implied_base() -> None:
    # 1.095 × 7000 = 7665, and 2 / 1.095 = 1.826
    result = calc("yoy", ["7667", "9.5%"])
    assert result.computed == pytest.approx(7001.826, abs=1e-3)
    assert result.verdict == Verdict.DERIVED


def test_share_and_ratio() -> None:
    share = calc("share", ["6833", "7993"])
    assert share.computed == pytest.approx(85.487, abs=1e-3)
    assert share.verdict == Verdict.DERIVED
    ratio = calc("ratio", ["39.4億", "2516"])
    assert ratio.computed == pytest.approx(1_565_977.74, abs=0.01)
    per_firm = calc("ratio", ["39.4亿", "2516"], claimed="156.6萬")
    assert per_firm.verdict == Verdict.CONSISTENT


def test_sum_with_and_without_a_total() -> None:
    parts = [_input("parts", "5479座", "station"), _input("parts", "53座", "station")]
    derived = evaluate("pv", KINDS["sum"], {"parts": parts})
    assert (derived.computed, derived.verdict) == (5532, Verdict.DERIVED)
    wrong = evaluate("pv", KINDS["sum"], {"parts": parts}, _input("total", "5600座"))
    assert wrong.verdict == Verdict.INCONSISTENT


def test_a_percentage_of_another_level_may_pass_100() -> None:
    # 949,847 / 936,252 = 1.014520…: 101.45% holds; a share would refuse over 100%
    a, b = _input("a", "949,847元", "yuan"), _input("b", "936,252元", "yuan")
    holds = evaluate("p", KINDS["percent-of"], {"a": a, "b": b}, _input("claimed", "101.45%"))
    assert holds.verdict == Verdict.CONSISTENT
    assert holds.computed == pytest.approx(101.4520663, abs=1e-6)
    wrong = evaluate("p", KINDS["percent-of"], {"a": a, "b": b}, _input("claimed", "103.45%"))
    assert wrong.verdict == Verdict.INCONSISTENT
    as_share = evaluate("s", KINDS["share"], {"part": a, "whole": b}, _input("claimed", "101.45%"))
    assert as_share.verdict == Verdict.INCONSISTENT


def test_subset_and_equal() -> None:
    inside = evaluate(
        "s", KINDS["subset"], {"part": _input("part", "35個"), "whole": _input("whole", "58個")}
    )
    assert inside.verdict == Verdict.CONSISTENT
    bigger = evaluate(
        "s", KINDS["subset"], {"part": _input("part", "60個"), "whole": _input("whole", "58個")}
    )
    assert (bigger.verdict, bigger.gross) == (Verdict.INCONSISTENT, True)
    same = evaluate("e", KINDS["equal"], {"a": _input("a", "127.7萬"), "b": _input("b", "127.7萬")})
    assert same.verdict == Verdict.CONSISTENT
    differ = evaluate("e", KINDS["equal"], {"a": _input("a", "58個"), "b": _input("b", "57個")})
    assert differ.verdict == Verdict.INCONSISTENT


@pytest.mark.parametrize(
    ("part_unit", "whole_unit", "why"),
    [
        ("person-time", "person", "person-times are not persons"),
        ("natural-village", "village", "natural villages are not administrative villages"),
    ],
)
def test_subset_refuses_unlike_units(part_unit: str, whole_unit: str, why: str) -> None:
    inputs = {
        "part": _input("part", "185.67萬", part_unit),
        "whole": _input("whole", "329萬", whole_unit),
    }
    with pytest.raises(PovcliError) as caught:
        evaluate("s", KINDS["subset"], inputs)
    assert why in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "args", "years"),
    [
        ("cagr", ["0", "9379"], 6),
        ("cagr", ["-5", "9379"], 6),
        ("cagr", ["4875", "9379"], 0),
        ("cagr", ["4875", "9379"], -2),
        ("cagr", ["4875", "9379"], None),
        ("cagr", ["4875", "abc"], 6),
        ("growth", ["0", "5"], None),
        ("share", ["5", "0"], None),
        ("ratio", ["5", "0"], None),
        ("ratio", ["5"], None),
        ("median", ["5", "6"], None),
    ],
)
def test_impossible_input_is_a_usage_error(kind: str, args: list[str], years: float | None) -> None:
    with pytest.raises(PovcliError) as caught:
        calc(kind, args, years=years)
    assert caught.value.code == 2


def test_shipped_checks() -> None:
    catalog = load_catalog()
    results = {check["id"]: run_check(check, catalog) for check in catalog.checks}
    assert len(results) >= 12
    assert len({r.kind for r in results.values()}) >= 5
    assert results["growth"].verdict == Verdict.CONSISTENT
    assert results["growth-real"].verdict == Verdict.UNVERIFIABLE
    assert "price-index" in results["growth-real"].missing
    assert results["income-q1-q3-base"].computed == pytest.approx(7001.83, abs=0.01)
    assert results["ecommerce-share"].computed == pytest.approx(85.49, abs=0.005)
    assert results["private-investment-per-firm"].computed == pytest.approx(1_565_978, abs=1)
    assert not [r.id for r in results.values() if r.verdict == Verdict.INCONSISTENT]


def _independent_cagr(start: float, end: float, years: float) -> float:
    return (math.exp(math.log(end / start) / years) - 1) * 100


positive = st.integers(min_value=1, max_value=10**9)


@settings(max_examples=300, deadline=None)
@given(start=positive, end=positive, years=st.integers(min_value=1, max_value=50))
def test_cagr_matches_an_independent_formula(start: int, end: int, years: int) -> None:
    result = calc("cagr", [str(start), str(end)], years=years)
    assert result.computed == pytest.approx(
        _independent_cagr(start, end, years), rel=1e-9, abs=1e-9
    )


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["cagr", "growth", "share", "ratio", "yoy"]),
    a=st.decimals(min_value=1, max_value=10**7, places=2, allow_nan=False),
    b=st.decimals(min_value=1, max_value=10**7, places=2, allow_nan=False),
)
def test_bounds_always_contain_the_point_estimate(kind: str, a: object, b: object) -> None:
    years = 5 if kind == "cagr" else None
    result = calc(kind, [str(a), str(b)], years=years)
    assert result.bounds is not None and result.computed is not None
    low, high = result.bounds
    assert low <= result.computed <= high


# ----------------------------------------------------------------- no formula fails (issue 22)

EXTREMES = [0.0, -0.0, 1.0, -1.0, 5.0, -5.0, 1e-300, -1e-300, 1e300, -1e300, 12.5]


def _extreme(role: str, value: float) -> Input:
    spread = abs(value) * 0.01 or 0.5
    return Input(role, value, Interval(value - spread, value + spread), f"{value!r}", "yuan")


@settings(max_examples=400, deadline=None)
@given(
    kind=st.sampled_from(sorted(KINDS)),
    values=st.lists(st.sampled_from(EXTREMES), min_size=5, max_size=5),  # the most roles: 5
    claimed=st.none() | st.sampled_from(EXTREMES),
    periods=st.sampled_from([5, 0.5, 1e-300, 1e300, 0, -5]),
    sign=st.sampled_from([1, -1]),
)
def test_every_kind_gives_a_verdict_or_says_why(
    kind: str, values: list[float], claimed: float | None, periods: float, sign: int
) -> None:
    """Zero, negative, tiny and huge figures and periods, in every kind: a result that
    JSON can hold, with a number or the reason there is none, never an exception."""
    import json

    from povcli.output.formats import to_json

    spec = KINDS[kind]
    inputs: dict[str, Input | list[Input]] = {}
    for role, value in zip(spec.roles, values, strict=False):
        inputs[role] = (
            [_extreme(role, value), _extreme(role, values[-1])]
            if role == "parts"
            else _extreme(role, value)
        )
    claim = _extreme("claimed", claimed) if claimed is not None else None
    result = evaluate("x", spec, inputs, claim, {"periods": periods, "sign": sign})
    record = json.loads(to_json(result.to_dict()))
    assert record["verdict"] in {verdict.value for verdict in Verdict}
    if record["computed"] is None:
        assert record["verdict"] == "unverifiable" and record["explanation"]
    else:
        assert math.isfinite(record["computed"])
    if spec.needs_periods and periods <= 0:
        assert record["verdict"] == "unverifiable"
        assert "not above zero" in record["explanation"]


# ----------------------------------------------------------------- a total's rate from its parts


def _exact(role: str, value: float) -> Input:
    return Input(role, value, Interval(value, value), str(value), "yuan")


def test_growth_of_sum_brings_each_part_back_by_its_own_rate() -> None:
    # by hand: last year 60 / 1.2 + 50 / 1.0 = 50 + 50 = 100, this year 110: 10% exactly
    inputs: dict[str, Input | list[Input]] = {
        "total": _exact("total", 110),
        "parts": [_exact("parts", 60), _exact("parts", 50)],
        "rates": [_exact("rates", 20), _exact("rates", 0)],
    }
    claimed = Input("claimed", 10.0, Interval(9.95, 10.05), "10.0%", "%")  # written 10.0%
    result = evaluate("x", KINDS["growth-of-sum"], inputs, claimed)
    assert result.computed == pytest.approx(10.0)
    assert result.verdict == Verdict.CONSISTENT
    assert result.working == "(110 / (60 / 1.2 + 50 / 1) − 1) × 100 = 10"
    # a fall of one part: 30 / 0.75 + 70 / 1.4 = 40 + 50 = 90 last year, 100 now: 11.11%
    inputs = {
        "total": _exact("total", 100),
        "parts": [_exact("parts", 30), _exact("parts", 70)],
        "rates": [_exact("rates", -25), _exact("rates", 40)],
    }
    result = evaluate("x", KINDS["growth-of-sum"], inputs, _exact("claimed", 12))
    assert result.computed == pytest.approx(100 / 90 * 100 - 100)
    assert result.verdict == Verdict.INCONSISTENT  # the kind judges; check never accuses with it


def test_growth_of_sum_bounds_hold_the_point_at_every_rounding() -> None:
    # written 29251 = 12079 + 17172 (万人), rates 4.1% and 1.3% (one decimal): the interval
    # of the total's rate holds its point and the stated 2.4%
    def written(value: float, half: float) -> Input:
        return Input("x", value, Interval(value - half, value + half), str(value), "person")

    inputs: dict[str, Input | list[Input]] = {
        "total": written(29251, 0.5),
        "parts": [written(12079, 0.5), written(17172, 0.5)],
        "rates": [written(4.1, 0.05), written(1.3, 0.05)],
    }
    result = evaluate("x", KINDS["growth-of-sum"], inputs, written(2.4, 0.05))
    assert result.bounds is not None and result.computed is not None
    assert result.bounds[0] <= result.computed <= result.bounds[1]
    assert result.verdict == Verdict.CONSISTENT


def test_a_crude_rate_is_per_thousand_of_the_years_mean_population() -> None:
    # by hand: a year-end 140967 after a fall of 208 started at 141175; the mean 141071;
    # 902 / 141071 × 1000 = 6.3940 (the year-end alone would give 6.3987, the start 6.3893)
    def written(value: float, half: float, unit: str) -> Input:
        return Input("x", value, Interval(value - half, value + half), str(value), unit)

    inputs: dict[str, Input | list[Input]] = {
        "count": written(902, 0.5, "person"),
        "level": written(140967, 0.5, "person"),
        "change": written(-208, 0.5, "person"),
    }
    result = evaluate("x", KINDS["crude-rate"], inputs, written(6.39, 0.005, "‰"))
    assert result.computed == pytest.approx(902 / 141071 * 1000)
    assert result.verdict == Verdict.CONSISTENT
    assert result.unit == "‰"
    result = evaluate("x", KINDS["crude-rate"], inputs, written(6.93, 0.005, "‰"))
    assert result.verdict == Verdict.INCONSISTENT  # the kind judges; check never accuses with it


def test_a_falling_parts_pull_is_bounded_over_every_corner() -> None:
    """A pull rises with its part's level when the part grew and falls with it when the part
    fell: its interval is the extremes over every corner of the inputs, worked out here with the
    formula written out again (level × g / (100 + g) × (1 + R / 100) / total × 100)."""
    written = {"level": "40.0", "growth": "-22.0", "total": "100.0", "total_growth": "10.0"}
    inputs = {role: _input(role, value) for role, value in written.items()}
    result = evaluate("p", KINDS["pull"], inputs)
    assert result.bounds is not None
    corners = [
        level * g / (100 + g) * (1 + r / 100) / total * 100
        for level in (39.95, 40.05)
        for g in (-22.05, -21.95)
        for total in (99.95, 100.05)
        for r in (9.95, 10.05)
    ]
    assert result.bounds[0] == pytest.approx(min(corners), abs=1e-9)
    assert result.bounds[1] == pytest.approx(max(corners), abs=1e-9)
