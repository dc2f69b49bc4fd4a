"""Recompute derived figures and judge them the way statcheck and GRIM judge p-values.

A written figure carries its precision: "11.5%" stands for [11.45, 11.55],
"4875元" for [4874.5, 4875.5], "20多萬元" for (200000, 300000). Each check
kind is a formula that is monotonic in each of its inputs, so the interval
of the result is the formula evaluated at the corners of the inputs'
intervals. A claim is consistent when its own interval overlaps the
computed one.

Checks are data: `checks:` in the catalog names a kind and binds its roles
to fact ids. Adding a check needs no code; adding a kind does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from povcli.errors import PovcliError
from povcli.model import Fact
from povcli.numbers import Interval, NumberError, bounds_of, parse_quantity
from povcli.units import MINUS
from povcli.verdict import Verdict, count_verdicts

# a stated change is a size and a direction: "減少408.2萬人" is a fall of 408.2萬
DIRECTIONS = {"up": 1, "down": -1}
# A claim off by more than this share of the computed value is a gross error,
# as are a rise reported for a fall and a part larger than its whole.
GROSS_RELATIVE_ERROR = 0.10
# Units that are not the same thing however alike they look.
UNLIKE_UNITS = {
    frozenset({"person", "person-time"}): "person-times are not persons",
    frozenset({"village", "natural-village"}): "natural villages are not administrative villages",
}


@dataclass(frozen=True)
class Input:
    """A figure bound to a role of a formula, with the interval its writing allows."""

    role: str
    value: float
    bounds: Interval
    written: str
    unit: str | None = None
    fact: str | None = None
    period: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "fact": self.fact,
            "written": self.written,
            "value": self.value,
            "bounds": self.bounds.to_list(),
            "unit": self.unit,
            "period": self.period,
        }


def input_from_fact(role: str, fact: Fact) -> Input:
    try:
        quantity = parse_quantity(fact.written)
    except NumberError:
        bounds = Interval(float(fact.value), float(fact.value))
    else:
        bounds = bounds_of(quantity)
    return Input(role, float(fact.value), bounds, fact.written, fact.unit, fact.id, fact.period)


Inputs = dict[str, Input | list[Input]]


def falling(claimed: Input) -> Input:
    """A stated fall as the signed figure the formulas compute: 下降66.8% is −66.8%."""
    return Input(claimed.role, -claimed.value, claimed.bounds.negated(), claimed.written,
                 claimed.unit, claimed.fact, claimed.period)  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """A check kind: a formula over named roles, monotonic in each.

    `directions` names the roles, in order, and says whether the result
    rises (+1) or falls (-1) with each. A kind that judges a relation
    rather than a stated figure (subset, equal) has a `judge`.
    """

    name: str
    directions: dict[str, int]
    formula: str
    compute: Callable[[dict[str, Any], dict[str, Any]], float]
    unit: Callable[[Inputs], str]
    claim_role: str | None = "claimed"
    like_units: tuple[str, ...] = ()
    judge: Callable[[Result, Inputs, Interval], None] | None = None
    readings: Callable[[Inputs, dict[str, Any], Input | None], list[dict[str, Any]]] | None = None
    needs_periods: bool = False
    working: str | None = None  # the formula as the working shows it, where it differs
    # the working written out by the kind itself, where substituting roles would mislead
    show_working: Callable[[Inputs, float], str] | None = None
    derived_as: str = ""  # what a derived result is, where "derived" alone says too little
    signed_claim: bool = True  # False: the claim is a size whatever the direction (年均減少81.6萬)
    ceiling: float | None = None  # a result above it is impossible (a share of a whole over 100%)
    # a formula monotonic in each role whose direction turns with another's sign (a pull rises
    # with its part's level when the part grew, falls with it when the part fell): its bounds
    # are the extremes over every corner of the inputs' intervals
    every_corner: bool = False

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.directions)


@dataclass
class Result:
    id: str
    kind: str
    verdict: Verdict
    title: str | None = None
    title_en: str | None = None
    claimed: float | None = None
    claimed_written: str | None = None
    claimed_bounds: list[float] | None = None
    computed: float | None = None
    bounds: list[float] | None = None
    unit: str | None = None
    formula: str = ""
    working: str = ""
    inputs: list[dict[str, Any]] = field(default_factory=list)
    by_rounding_only: bool = False
    gross: bool = False
    explanation: str = ""
    readings: list[dict[str, Any]] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)
    quote: str | None = None

    def to_dict(self) -> dict[str, Any]:
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record["verdict"] = self.verdict.value  # plain text: YAML and CSV writers know str only
        return record


# ----------------------------------------------------------------- evaluation


def _corner(inputs: Inputs, kind: Kind, upper: bool) -> dict[str, Any]:
    """Input values at the corner of their intervals that maximises (or minimises) the result."""
    values: dict[str, Any] = {}
    for role, value in inputs.items():
        take_high = (kind.directions.get(role, 1) > 0) == upper
        if isinstance(value, list):
            values[role] = [i.bounds.high if take_high else i.bounds.low for i in value]
        else:
            values[role] = value.bounds.high if take_high else value.bounds.low
    return values


def _points(inputs: Inputs) -> dict[str, Any]:
    return {
        role: [i.value for i in value] if isinstance(value, list) else value.value
        for role, value in inputs.items()
    }


def _safe(compute: Callable[[], float]) -> float:
    try:
        result = compute()
    except (ZeroDivisionError, OverflowError, ValueError):
        return math.nan
    return result if not isinstance(result, complex) else math.nan


def _every_corner(inputs: Inputs) -> list[dict[str, Any]]:
    """Input values at every corner of their intervals (a list's items move together)."""
    corners: list[dict[str, Any]] = [{}]
    for role, value in inputs.items():
        ends: list[Any]
        if isinstance(value, list):
            ends = [[i.bounds.low for i in value], [i.bounds.high for i in value]]
        else:
            ends = [value.bounds.low, value.bounds.high]
        corners = [{**corner, role: end} for corner in corners for end in ends]
    return corners


def _at(kind: Kind, values: dict[str, Any], options: dict[str, Any]) -> float:
    return _safe(lambda: kind.compute(values, options))


def compute_interval(kind: Kind, inputs: Inputs, options: dict[str, Any]) -> tuple[float, Interval]:
    """The point estimate and its interval (monotonicity: the corners bound it)."""
    point = _safe(lambda: kind.compute(_points(inputs), options))
    if kind.every_corner:
        found = [_at(kind, corner, options) for corner in _every_corner(inputs)]
        found = [v for v in found if not math.isnan(v)]
        if found:
            return point, Interval(min(found), max(found))
    low = _safe(lambda: kind.compute(_corner(inputs, kind, upper=False), options))
    high = _safe(lambda: kind.compute(_corner(inputs, kind, upper=True), options))
    return point, Interval(min(low, high), max(low, high))


def _check_units(kind: Kind, inputs: Inputs, check_id: str) -> None:
    """Only like with like: person-times are not persons."""
    units: list[str] = []
    for role in kind.like_units:
        value = inputs.get(role)
        for item in value if isinstance(value, list) else [value] if value else []:
            if item.unit:
                units.append(item.unit)
    distinct = set(units)
    if len(distinct) > 1:
        reason = UNLIKE_UNITS.get(frozenset(distinct))
        why = f" — {reason}" if reason else ""
        raise PovcliError(
            f"check {check_id}: {kind.name} refuses to compare {' with '.join(sorted(distinct))}"
            f"{why}",
            hint="a check compares like with like; bind facts of one unit",
        )


def evaluate(
    check_id: str,
    kind: Kind,
    inputs: Inputs,
    claimed: Input | None = None,
    options: dict[str, Any] | None = None,
) -> Result:
    """Compute a kind's formula over bound inputs and judge the claim, if any."""
    options = options or {}
    _check_units(kind, inputs, check_id)
    if kind.needs_periods and not _positive(options.get("periods")):
        return _no_periods(check_id, kind, inputs, options)
    point, interval = compute_interval(kind, inputs, options)
    formula = _signed(kind.formula, options.get("sign", 1))
    result = Result(
        id=check_id,
        kind=kind.name,
        verdict=Verdict.DERIVED,
        computed=point,
        bounds=interval.to_list(),
        unit=kind.unit(inputs),
        formula=formula,
        working=(
            kind.show_working(inputs, point)
            if kind.show_working
            else _working(kind.working or formula, inputs, options, point)
        ),
        inputs=[i.to_dict() for v in inputs.values() for i in (v if isinstance(v, list) else [v])],
    )
    if not math.isfinite(point) or math.isnan(interval.low) or math.isnan(interval.high):
        result.verdict = Verdict.UNVERIFIABLE
        result.explanation = _undefined(kind, inputs, options)
        result.computed = result.bounds = None  # no number, and the explanation says why
        return result
    if kind.judge is not None:
        kind.judge(result, inputs, interval)
    elif kind.ceiling is not None and interval.low > kind.ceiling:
        result.verdict, result.gross = Verdict.INCONSISTENT, True
        result.explanation = (
            f"inconsistent — gross: a part of a whole cannot be {_fmt(point, result.unit)} of it;"
            f" the share is at least {number_text(interval.low)}{result.unit or ''}"
        )
    elif claimed is not None:
        _judge_claim(result, claimed, point, interval)
    else:
        what = f"{kind.derived_as} " if kind.derived_as else ""
        shown = f"{_fmt(point, result.unit)} ({_span(interval, result.unit)})"
        result.explanation = f"derived: {what}{shown}"
    if kind.readings is not None:
        result.readings = kind.readings(inputs, options, claimed)
    return result


def _positive(number: Any) -> bool:
    return isinstance(number, int | float) and math.isfinite(number) and number > 0


def _no_periods(check_id: str, kind: Kind, inputs: Inputs, options: dict[str, Any]) -> Result:
    """A rate or an average over no span (years the wrong way round, or none between the
    levels): nothing to compute, so nothing to call inconsistent."""
    periods = options.get("periods")
    shown = number_text(periods) if isinstance(periods, int | float) else str(periods)
    return Result(
        id=check_id,
        kind=kind.name,
        verdict=Verdict.UNVERIFIABLE,
        unit=kind.unit(inputs),
        formula=_signed(kind.formula, options.get("sign", 1)),
        inputs=[i.to_dict() for v in inputs.values() for i in (v if isinstance(v, list) else [v])],
        explanation=f"unverifiable: the number of periods ({shown}) is not above zero, so there"
        " is no span to compute over (are the years the wrong way round?)",
    )


def _undefined(kind: Kind, inputs: Inputs, options: dict[str, Any]) -> str:
    """Why the formula gives no finite number for these inputs."""
    too_large = "the result is too large to compute (beyond 1e308) for these inputs"
    try:
        point = kind.compute(_points(inputs), options)
    except OverflowError:
        return too_large
    except (ZeroDivisionError, ValueError):
        point = math.nan
    if isinstance(point, float) and math.isinf(point):
        return too_large
    return "the formula is undefined for these inputs (a zero or negative value)"


def _judge_claim(result: Result, claimed: Input, point: float, interval: Interval) -> None:
    claim = claimed.bounds
    result.claimed = claimed.value
    result.claimed_written = claimed.written
    result.claimed_bounds = claim.to_list()
    unit = result.unit
    span = f"{_fmt(point, unit)} (bounds {_span(interval, unit)})"
    fall = "fall of " if claimed.value < 0 and not claimed.written.startswith(("-", "−")) else ""
    stands = f"the stated {fall}{claimed.written} stands for {_span(claim, unit)}"
    if claim.overlaps(interval):
        result.verdict = Verdict.CONSISTENT
        result.by_rounding_only = not claim.contains(point)
        rounding = (
            "; only the rounding of the inputs reconciles them — the point estimate alone"
            " would round differently"
            if result.by_rounding_only
            else ""
        )
        result.explanation = f"consistent: computed {span}; {stands}, which overlaps{rounding}"
        return
    result.verdict = Verdict.INCONSISTENT
    result.gross = _is_gross(claimed.value, point)
    gross = " — gross: the error changes what the claim means" if result.gross else ""
    result.explanation = f"inconsistent: computed {span}, but {stands}; no overlap{gross}"


def _is_gross(claimed: float, point: float) -> bool:
    if claimed * point < 0:
        return True
    return abs(claimed - point) > GROSS_RELATIVE_ERROR * abs(point)


def _signed(formula: str, sign: int) -> str:
    """The formula for a rise (sign 1) or a fall (sign −1): ± and ∓ resolved (1 ± growth is
    1 + growth for a rise, 1 − growth for a fall)."""
    formula = formula.replace("1 ± ", "1 + " if sign > 0 else "1 − ")
    if sign < 0:
        return formula.replace("± ", "−").replace("∓", "+")
    return formula.replace("± ", "").replace("∓", "−")


NEGATIVE_AFTER_MINUS = re.compile(r"([−+] )(−[\d.,]+)")


@cache
def _word(name: str) -> re.Pattern[str]:
    """A role's name as a whole word of a formula."""
    return re.compile(rf"\b{name}\b")


def _working(text: str, inputs: Inputs, options: dict[str, Any], point: float) -> str:
    for role, value in sorted(inputs.items(), key=lambda item: -len(item[0])):
        shown = (
            " + ".join(number_text(i.value) for i in value)
            if isinstance(value, list)
            else number_text(value.value)
        )
        if isinstance(value, list) and len(value) > 1 and text != role:
            shown = f"({shown})"
        text = _word(role).sub(shown, text)
    if "periods" in options:
        text = _word("periods").sub(number_text(options["periods"]), text)
    # a negative number after a sign in brackets: 2 − (−0.33), 1 + (−11.7), never 2 − −0.33
    text = NEGATIVE_AFTER_MINUS.sub(lambda m: f"{m[1]}({m[2]})", text)
    return f"{text} = {number_text(point)}"


def number_text(value: float) -> str:
    """A number in a working or an explanation: 11.5228, 4082000, −150 (U+2212)."""
    if math.isinf(value):
        text = "∞" if value > 0 else "-∞"
    elif float(value).is_integer():
        text = f"{int(value)}"
    else:
        text = f"{value:.6g}" if abs(value) < 1e6 else f"{value:.0f}"
    return text.replace("-", MINUS)


def _fmt(value: float, unit: str | None) -> str:
    if unit == "%":
        return f"{value:.2f}%".replace("-", MINUS)
    shown = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"
    shown = shown.replace("-", MINUS)
    return f"{shown} {unit}".strip() if unit else shown


def _span(interval: Interval, unit: str | None) -> str:
    # "−119000 to −117000" reads better than "−119000–−117000"
    joint = " to " if interval.low < 0 else "–"
    low, high = (number_text(bound) for bound in (interval.low, interval.high))
    if unit == "%":
        return f"{low}{joint}{high}%"
    return f"{low}{joint}{high}" + (f" {unit}" if unit else "")


# ----------------------------------------------------------------- catalog checks


def mark_unverifiable(result: Result, missing: dict[str, str]) -> None:
    computed = result.explanation.split(":", 1)[-1].strip() if result.explanation else ""
    result.verdict = Verdict.UNVERIFIABLE
    result.by_rounding_only = result.gross = False
    lacking = "; ".join(f"missing {role}: {reason}" for role, reason in missing.items())
    result.missing = missing
    result.explanation = f"unverifiable: {lacking}." + (
        f" From the figures given: {computed}." if computed else ""
    )


def summarise(results: Sequence[Result]) -> dict[str, int]:
    return count_verdicts(result.verdict for result in results)
