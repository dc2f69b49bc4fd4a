"""The check kinds: each a formula monotonic in its roles, with how it judges and what it
calls a derived figure. Adding a kind is adding an entry to KINDS."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from povcli.checks import Input, Inputs, Kind, Result, _safe, number_text
from povcli.numbers import Interval
from povcli.verdict import Verdict

# ----------------------------------------------------------------- kinds


def _ratio(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["a"] / values["b"])


def _per_unit(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["a"] / values["b"] * values["factor"])


def _share(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["part"] / values["whole"] * 100)


def _total(value: Any) -> float:
    return math.fsum(value) if isinstance(value, list) else float(value)


def _share_of_sum(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(_total(values["part"]) / _total(values["whole"]) * 100)


def _share_of_other(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["a"] / values["b"] * 100)


def _growth(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float((values["new"] / values["old"] - 1) * 100)


def _real_power(base: float, exponent: float) -> float:
    """base ** exponent over the real numbers: NaN where there is none (a negative base
    would give a complex number)."""
    if base < 0:
        return math.nan
    return float(base**exponent)


def _cagr(values: dict[str, Any], options: dict[str, Any]) -> float:
    return (_real_power(values["end"] / values["start"], 1 / options["periods"]) - 1) * 100


def _implied_base(values: dict[str, Any], options: dict[str, Any]) -> float:
    # "同比下降11.7%": a fall, stated as a size and a direction, from a base above the value
    sign = options.get("sign", 1)
    return float(values["value"] / (1 + sign * values["growth"] / 100))


def _sum(values: dict[str, Any], _: dict[str, Any]) -> float:
    # 0.3 − 3.1 + 2.8 is 0, not the −4.4e−16 of adding binary fractions one by one
    return round(math.fsum(values["parts"]), 9)


def _slack(values: dict[str, Any], _: dict[str, Any]) -> float:
    part = values["part"]
    return float(values["whole"] - (sum(part) if isinstance(part, list) else part))


def _crude_rate(values: dict[str, Any], _: dict[str, Any]) -> float:
    # the year's mean population: the mean of its start (end − change) and its end
    return float(values["count"] / (values["level"] - values["change"] / 2) * 1000)


def _annualised_rate(values: dict[str, Any], _: dict[str, Any]) -> float:
    # a month's count as a year's (times the year's days over the month's) per thousand
    return float(values["count"] * values["factor"] / values["level"] * 1000)


def _converted(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["a"] * values["factor"] - values["b"])


def _share_change(values: dict[str, Any], _: dict[str, Any]) -> float:
    before = (values["part"] - values["part_change"]) / (values["whole"] - values["whole_change"])
    return float(values["share"] - before * 100)


def _share_change_rates(values: dict[str, Any], _: dict[str, Any]) -> float:
    part = values["part"] / (1 + values["part_rate"] / 100)
    whole = values["whole"] / (1 + values["whole_rate"] / 100)
    return float(values["share"] - part / whole * 100)


def _pull(values: dict[str, Any], _: dict[str, Any]) -> float:
    increment = values["level"] * values["growth"] / (100 + values["growth"])
    total_before = values["total"] / (1 + values["total_growth"] / 100)
    return float(increment / total_before * 100)


def _weighted_average(values: dict[str, Any], _: dict[str, Any]) -> float:
    high, low = values["high"] * values["high_weight"], values["low"] * values["low_weight"]
    return float((high + low) / (values["high_weight"] + values["low_weight"]))


def _change(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["new"] - values["old"])


def _same_base(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["own"] - (values["other"] - values["other_gap"]))


def _change_rate(values: dict[str, Any], options: dict[str, Any]) -> float:
    # the change is stated as a size and a direction: a fall of c from a base of level + c
    sign = options.get("sign", 1)
    change = values["change"]
    return float(sign * change / (values["level"] - sign * change) * 100)


def _change_rate_per_mille(values: dict[str, Any], options: dict[str, Any]) -> float:
    return _change_rate(values, options) * 10


def _change_rate_mid_year(values: dict[str, Any], options: dict[str, Any]) -> float:
    # the year's change over its mean population, the mean of its start and its end (as the
    # crude rates): Taiwan's yearly 人口增加率
    sign = options.get("sign", 1)
    change = values["change"]
    return float(sign * change / (values["level"] - sign * change / 2) * 1000)


def _average(values: dict[str, Any], options: dict[str, Any]) -> float:
    return float(values["total"] / options["periods"])


def _average_change(values: dict[str, Any], options: dict[str, Any]) -> float:
    return float((values["new"] - values["old"]) / options["periods"])


def _cagr_multiple(values: dict[str, Any], options: dict[str, Any]) -> float:
    return (_real_power(values["multiple"], 1 / options["periods"]) - 1) * 100


def _cagr_growth(values: dict[str, Any], options: dict[str, Any]) -> float:
    return (_real_power(1 + values["growth"] / 100, 1 / options["periods"]) - 1) * 100


def _growth_of_sum(values: dict[str, Any], _: dict[str, Any]) -> float:
    # last year's total is the sum of each part brought back by its own rate
    pairs = zip(_listed(values["parts"]), _listed(values["rates"]), strict=True)
    before = sum(part / (1 + rate / 100) for part, rate in pairs)
    return float((values["total"] / before - 1) * 100)


def _growth_of_sum_working(inputs: Inputs, point: float) -> str:
    """ "(29251 / (12079 / 1.041 + 17172 / 1.013) − 1) × 100 = 2.44": each part and its rate."""
    total = sum(i.value for i in _listed(inputs["total"]))
    parts, rates = _listed(inputs["parts"]), _listed(inputs["rates"])
    terms = " + ".join(
        f"{number_text(part.value)} / {number_text(1 + rate.value / 100)}"
        for part, rate in zip(parts, rates, strict=False)
    )
    return f"({number_text(total)} / ({terms}) − 1) × 100 = {number_text(point)}"


def _listed(value: Any) -> list[Any]:
    """A role a catalog may bind to one fact or to a list of them, as a list."""
    return value if isinstance(value, list) else [value]


def _difference(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["a"] - values["b"])


def _unit_of(role: str) -> Callable[[Inputs], str]:
    def unit(inputs: Inputs) -> str:
        value = inputs[role]
        first = value[0] if isinstance(value, list) else value
        return first.unit or ""

    return unit


def _change_unit(inputs: Inputs) -> str:
    """A change's unit: the levels', in percentage points where they are percentages."""
    unit = _unit_of("new")(inputs)
    return "percentage-point" if unit == "%" else unit


def _per(inputs: Inputs) -> str:
    a, b = inputs["a"], inputs["b"]
    assert isinstance(a, Input) and isinstance(b, Input)
    if a.unit == b.unit:
        return ""  # (a ratio of like amounts is a pure number: 1.39, 城乡收入比 2.5)
    return f"{a.unit or ''} per {b.unit or ''}".strip()


def _per_converted(inputs: Inputs) -> str:
    """The unit of a / b × factor: the factor's unit (what it turns a's unit into) per b's."""
    b, factor = inputs["b"], inputs["factor"]
    assert isinstance(b, Input) and isinstance(factor, Input)
    return f"{factor.unit or ''} per {b.unit or ''}".strip()


def _percent(_: Inputs) -> str:
    return "%"


def _per_hundred(_: Inputs) -> str:
    return "per-hundred"


def _per_mille(_: Inputs) -> str:
    return "‰"


def _percentage_points(_: Inputs) -> str:
    return "percentage-point"


def _judge_subset(result: Result, inputs: Inputs, interval: Interval) -> None:
    part, whole = inputs["part"], inputs["whole"]
    assert isinstance(whole, Input)
    parts = part if isinstance(part, list) else [part]
    named = " + ".join(f"{p.written} ({p.fact or 'part'})" for p in parts)
    relation = f"{named} ≤ {whole.written} ({whole.fact or 'whole'})"
    what = "the parts are" if len(parts) > 1 else "the part is"
    if interval.overlaps(Interval(0, math.inf)):
        result.verdict = Verdict.CONSISTENT
        # the figures as written add up to more than the whole; their rounding allows it
        result.by_rounding_only = result.computed is not None and result.computed < 0
        rounding = "; only the rounding of the figures allows it" if result.by_rounding_only else ""
        result.explanation = f"consistent: {relation}{rounding}"
    else:
        result.verdict = Verdict.INCONSISTENT
        result.gross = True
        result.explanation = f"inconsistent — gross: {what} larger than the whole: {relation}"


def _judge_equal(result: Result, _: Inputs, interval: Interval) -> None:
    names = ", ".join(f"{i['written']} ({i['fact'] or i['role']})" for i in result.inputs)
    # the difference of two rounding intervals is open at both ends
    if interval.low < 0 < interval.high or interval == Interval(0, 0):
        result.verdict = Verdict.CONSISTENT
        result.explanation = f"consistent: the figures agree: {names}"
    else:
        result.verdict = Verdict.INCONSISTENT
        result.explanation = f"inconsistent: the figures differ: {names}"


def _judge_agree(result: Result, _: Inputs, interval: Interval) -> None:
    """Two sources of one figure agree when their rounding intervals meet."""
    names = " and ".join(f"{i['written']} ({i['fact'] or i['role']})" for i in result.inputs)
    if interval.low < 0 < interval.high or interval == Interval(0, 0):
        result.verdict = Verdict.CONSISTENT
        result.explanation = f"consistent: the sources agree within their rounding: {names}"
    else:
        result.verdict = Verdict.INCONSISTENT
        result.explanation = f"inconsistent: the sources disagree beyond their rounding: {names}"


def cagr_readings(
    inputs: Inputs, options: dict[str, Any], claimed: Input | None
) -> list[dict[str, Any]]:
    """The tempting wrong ways to compute an annual rate, and what each gives."""
    start, end, periods = inputs["start"], inputs["end"], options["periods"]
    assert isinstance(start, Input) and isinstance(end, Input)
    total = _safe(lambda: end.value / start.value)
    readings = [
        ("compound over the periods (correct)",
         lambda: (_real_power(total, 1 / periods) - 1) * 100),
        (f"periods counted as the {number_text(periods + 1)} years listed",
         lambda: (_real_power(total, 1 / (periods + 1)) - 1) * 100),
        (f"simple average: total growth / {number_text(periods)}",
         lambda: (total - 1) / periods * 100),
        ("total growth over the whole span", lambda: (total - 1) * 100),
    ]  # fmt: skip
    result = []
    for reading, compute in readings:
        value = _safe(compute)
        if not math.isfinite(value):
            continue  # a reading with no number is no reading
        entry: dict[str, Any] = {"reading": reading, "value": value}
        if claimed is not None:
            entry["matches_claim"] = claimed.bounds.contains(value)
        result.append(entry)
    return result


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("cagr", {"start": -1, "end": 1}, "((end / start)^(1 / periods) − 1) × 100", _cagr,
             _percent, readings=cagr_readings, needs_periods=True),
        Kind("growth", {"old": -1, "new": 1}, "(new / old − 1) × 100", _growth, _percent),
        Kind("yoy", {"value": 1, "growth": -1}, "value / (1 ± growth / 100)", _implied_base,
             _unit_of("value"), claim_role="base", derived_as="implied base"),
        Kind("sum", {"parts": 1}, "part₁ + part₂ + …", _sum, _unit_of("parts"),
             claim_role="total", like_units=("parts",), working="parts"),
        Kind("subset", {"part": -1, "whole": 1}, "whole − part ≥ 0", _slack, _unit_of("part"),
             claim_role=None, like_units=("part", "whole"), judge=_judge_subset,
             working="whole − part"),
        Kind("equal", {"a": 1, "b": -1}, "a − b = 0", _difference, _unit_of("a"),
             claim_role=None, judge=_judge_equal, working="a − b"),
        # "占全国幼儿园的比例86.16%,比上年提高1.2个百分点" after the part's and the whole's levels
        # and changes: last year's share is (part − its change) / (whole − its change)
        Kind("share-change",
             {"share": 1, "part": -1, "part_change": 1, "whole": 1, "whole_change": -1},
             "share − (part − part_change) / (whole − whole_change) × 100", _share_change,
             _percentage_points, like_units=("part", "part_change", "whole", "whole_change"),
             derived_as="change in percentage points"),
        # "营业收入利润率7.34%,同比提高0.38个百分点" after the profit's and the revenue's rates:
        # last year's ratio is each level over one plus its rate
        Kind("share-change-rates",
             {"share": 1, "part": -1, "part_rate": 1, "whole": 1, "whole_rate": -1},
             "share − part / (1 + part_rate / 100) / (whole / (1 + whole_rate / 100)) × 100",
             _share_change_rates, _percentage_points, like_units=("part", "whole"),
             derived_as="change in percentage points"),
        # "第一产业投资完成16.4亿元,同比增长11.7%,上拉全市投资增速1.1个百分点" after the
        # total's "177.4亿元,同比增长9.6%": the part's increment over the total a year before
        Kind("pull", {"level": 1, "growth": 1, "total": -1, "total_growth": 1},
             "level × growth / (100 + growth) / (total / (1 + total_growth / 100)) × 100",
             _pull, _percentage_points, like_units=("level", "total"),
             derived_as="pull in percentage points", every_corner=True),
        # "留宿旅客约97.9万人次,不过夜旅客约97.8万人次…旅客平均逗留时间1.2日;留宿旅客…2.2日,
        # 不过夜旅客…0.3日": the whole's average is its groups' weighted by their counts (the
        # group of the higher average first, so the result rises with its count, falls with
        # the other's)
        Kind("weighted-average", {"high": 1, "low": 1, "high_weight": 1, "low_weight": -1},
             "(high × high_weight + low × low_weight) / (high_weight + low_weight)",
             _weighted_average, _unit_of("high"), like_units=("high_weight", "low_weight"),
             derived_as="weighted average"),
        # "2802万吨(560.4亿斤)": one figure in two units, the factor between them exact
        Kind("conversion", {"a": 1, "factor": 1, "b": -1}, "a × factor − b = 0", _converted,
             _unit_of("b"), claim_role=None, judge=_judge_equal, working="a × factor − b"),
        Kind("share", {"part": 1, "whole": -1}, "part / whole × 100", _share, _percent,
             like_units=("part", "whole"), ceiling=100),
        # "就业人数…失业人数…失业率3.87%": the unemployed over the labour force, which is the
        # employed and the unemployed; a figure in both sums bounds the share conservatively
        Kind("share-of-sum", {"part": 1, "whole": -1}, "Σ part / Σ whole × 100", _share_of_sum,
             _percent, like_units=("part", "whole"), ceiling=100),
        # "是全省平均水平15000元的80.0%": a level as a percentage of another, no part of it
        Kind("percent-of", {"a": 1, "b": -1}, "a / b × 100", _share_of_other, _percent,
             like_units=("a", "b")),
        # "总人口性别比为104.64(以女性为100)": men per hundred women
        Kind("per-hundred", {"a": 1, "b": -1}, "a / b × 100", _share_of_other, _per_hundred,
             like_units=("a", "b")),
        Kind("ratio", {"a": 1, "b": -1}, "a / b", _ratio, _per),
        Kind("per-unit", {"a": 1, "b": -1, "factor": 1}, "a / b × factor", _per_unit,
             _per_converted),
        Kind("difference", {"old": -1, "new": 1}, "new − old", _change, _unit_of("new"),
             like_units=("old", "new"), derived_as="change"),
        Kind("point-change", {"old": -1, "new": 1}, "new − old", _change, _percentage_points,
             derived_as="change in percentage points"),
        # "增长7.5%,比全国农民收入增速高1.2个百分点" and "增长14.3%,比全国农民收入增速高8个
        # 百分点": the base the one implies (7.5 − 1.2) is the other's
        Kind("same-base", {"own": 1, "other": -1, "other_gap": 1},
             "own − (other − other_gap)", _same_base, _percentage_points,
             derived_as="gap to the base the other comparison implies"),
        Kind("change-rate", {"level": -1, "change": 1}, "± change / (level ∓ change) × 100",
             _change_rate, _percent, like_units=("level", "change")),
        # "人口數為23,315,822人,…增加90,910人,人口增加率為3.91‰": the rate per thousand
        Kind("change-rate-per-mille", {"level": -1, "change": 1},
             "± change / (level ∓ change) × 1000", _change_rate_per_mille, _per_mille,
             like_units=("level", "change")),
        # "109年底人口數為23,561,236人,較上年底減少41,885人,人口增加率為-1.78‰": over the
        # year's mean population (41,885 / 23,582,179), as 內政部 defines it
        Kind("change-rate-per-mille-mid-year", {"level": -1, "change": 1},
             "± change / (level ∓ change / 2) × 1000", _change_rate_mid_year, _per_mille,
             like_units=("level", "change")),
        Kind("average", {"total": 1}, "total / periods", _average, _unit_of("total"),
             needs_periods=True, derived_as="average per period", signed_claim=False),
        Kind("average-change", {"old": -1, "new": 1}, "(new − old) / periods", _average_change,
             _change_unit, like_units=("old", "new"), needs_periods=True,
             derived_as="average change per period"),
        Kind("cagr-multiple", {"multiple": 1}, "(multiple^(1 / periods) − 1) × 100",
             _cagr_multiple, _percent, needs_periods=True),
        # "比2019年增长14.8%,两年平均增长7.1%": the yearly rate of a growth over several years
        Kind("cagr-growth", {"growth": 1}, "((1 + growth / 100)^(1 / periods) − 1) × 100",
             _cagr_growth, _percent, needs_periods=True),
        # "全年出生人口902万人,出生率6.39‰" with "年末人口140967万人,比上年末减少208万人": a
        # crude rate is a count over the year's mean population (the mean of start and end)
        Kind("crude-rate", {"count": 1, "level": -1, "change": 1},
             "count / (level − change / 2) × 1000", _crude_rate, _per_mille,
             like_units=("count", "level", "change"), derived_as="rate per thousand"),
        # "1月出生數為8723人,折合年粗出生率為4.41‰" with "1月底人口數為2328萬9045人": a month's
        # count times the year's days over the month's, per thousand of the population
        Kind("annualised-rate", {"count": 1, "factor": 1, "level": -1},
             "count × factor / level × 1000", _annualised_rate, _per_mille,
             derived_as="rate per thousand, annualised"),
        # a total's rate from its parts' levels and rates: rises with the total and the
        # rates, falls as the parts grow (each part's last year is part / (1 + rate))
        Kind("growth-of-sum", {"total": 1, "parts": -1, "rates": 1},
             "(total / Σ(partᵢ / (1 + rateᵢ / 100)) − 1) × 100", _growth_of_sum, _percent,
             like_units=("total", "parts"), show_working=_growth_of_sum_working),
        # one series and period from two sources (a catalog's fact and a reference's)
        Kind("agree", {"a": 1, "b": -1}, "a − b = 0", _difference, _unit_of("a"),
             claim_role=None, like_units=("a", "b"), judge=_judge_agree, working="a − b"),
    )
}  # fmt: skip
