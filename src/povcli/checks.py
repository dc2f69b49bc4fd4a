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
from typing import Any

from povcli.catalog import Catalog, Fact
from povcli.errors import PovcliError, did_you_mean, require_choice
from povcli.numbers import (
    MAX_MAGNITUDE,
    PERCENT,
    Interval,
    NumberError,
    NumberTooLarge,
    bounds_of,
    parse_quantity,
)

CONSISTENT = "consistent"
INCONSISTENT = "inconsistent"
DERIVED = "derived"
UNVERIFIABLE = "unverifiable"
VERDICTS = (CONSISTENT, INCONSISTENT, DERIVED, UNVERIFIABLE)
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


def input_from_text(role: str, text: str, catalog: Catalog | None = None) -> Input:
    """A calc argument: a fact id, a written figure (329萬, 39.4亿) or a plain number."""
    fact = catalog.fact(text) if catalog is not None else None
    if fact is not None:
        return input_from_fact(role, fact)
    try:
        quantity = parse_quantity(text)
    except NumberTooLarge as exc:
        raise PovcliError(f"{role}: {exc}") from None
    except NumberError:
        hint = None
        if catalog is not None:
            hint = did_you_mean(text, [f.id for f in catalog.facts])
        raise PovcliError(
            f"{role}: {text!r} is neither a number, a written figure nor a fact id",
            hint=hint or "write a number such as 4875, 329萬 or 39.4亿, or a fact id",
        ) from None
    unit = "%" if quantity.kind == PERCENT else None
    return Input(role, float(quantity.value), bounds_of(quantity), text, unit)


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
    derived_as: str = ""  # what a derived result is, where "derived" alone says too little
    signed_claim: bool = True  # False: the claim is a size whatever the direction (年均減少81.6萬)
    ceiling: float | None = None  # a result above it is impossible (a share of a whole over 100%)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.directions)


@dataclass
class Result:
    id: str
    kind: str
    verdict: str
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
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


# ----------------------------------------------------------------- kinds


def _ratio(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["a"] / values["b"])


def _share(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["part"] / values["whole"] * 100)


def _growth(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float((values["new"] / values["old"] - 1) * 100)


def _cagr(values: dict[str, Any], options: dict[str, Any]) -> float:
    return float(((values["end"] / values["start"]) ** (1 / options["periods"]) - 1) * 100)


def _implied_base(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["value"] / (1 + values["growth"] / 100))


def _sum(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(sum(values["parts"]))


def _slack(values: dict[str, Any], _: dict[str, Any]) -> float:
    part = values["part"]
    return float(values["whole"] - (sum(part) if isinstance(part, list) else part))


def _change(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["new"] - values["old"])


def _change_rate(values: dict[str, Any], options: dict[str, Any]) -> float:
    # the change is stated as a size and a direction: a fall of c from a base of level + c
    sign = options.get("sign", 1)
    change = values["change"]
    return float(sign * change / (values["level"] - sign * change) * 100)


def _average(values: dict[str, Any], options: dict[str, Any]) -> float:
    return float(values["total"] / options["periods"])


def _average_change(values: dict[str, Any], options: dict[str, Any]) -> float:
    return float((values["new"] - values["old"]) / options["periods"])


def _cagr_multiple(values: dict[str, Any], options: dict[str, Any]) -> float:
    return float((values["multiple"] ** (1 / options["periods"]) - 1) * 100)


def _difference(values: dict[str, Any], _: dict[str, Any]) -> float:
    return float(values["a"] - values["b"])


def _unit_of(role: str) -> Callable[[Inputs], str]:
    def unit(inputs: Inputs) -> str:
        value = inputs[role]
        first = value[0] if isinstance(value, list) else value
        return first.unit or ""

    return unit


def _per(inputs: Inputs) -> str:
    a, b = inputs["a"], inputs["b"]
    assert isinstance(a, Input) and isinstance(b, Input)
    if not a.unit and not b.unit:
        return ""
    return f"{a.unit or ''} per {b.unit or ''}".strip()


def _percent(_: Inputs) -> str:
    return "%"


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
        result.verdict = CONSISTENT
        # the figures as written add up to more than the whole; their rounding allows it
        result.by_rounding_only = result.computed is not None and result.computed < 0
        rounding = "; only the rounding of the figures allows it" if result.by_rounding_only else ""
        result.explanation = f"consistent: {relation}{rounding}"
    else:
        result.verdict = INCONSISTENT
        result.gross = True
        result.explanation = f"inconsistent — gross: {what} larger than the whole: {relation}"


def _judge_equal(result: Result, _: Inputs, interval: Interval) -> None:
    names = ", ".join(f"{i['written']} ({i['fact'] or i['role']})" for i in result.inputs)
    # the difference of two rounding intervals is open at both ends
    if interval.low < 0 < interval.high or interval == Interval(0, 0):
        result.verdict = CONSISTENT
        result.explanation = f"consistent: the figures agree: {names}"
    else:
        result.verdict = INCONSISTENT
        result.explanation = f"inconsistent: the figures differ: {names}"


def _judge_agree(result: Result, _: Inputs, interval: Interval) -> None:
    """Two sources of one figure agree when their rounding intervals meet."""
    names = " and ".join(f"{i['written']} ({i['fact'] or i['role']})" for i in result.inputs)
    if interval.low < 0 < interval.high or interval == Interval(0, 0):
        result.verdict = CONSISTENT
        result.explanation = f"consistent: the sources agree within their rounding: {names}"
    else:
        result.verdict = INCONSISTENT
        result.explanation = f"inconsistent: the sources disagree beyond their rounding: {names}"


def cagr_readings(
    inputs: Inputs, options: dict[str, Any], claimed: Input | None
) -> list[dict[str, Any]]:
    """The tempting wrong ways to compute an annual rate, and what each gives."""
    start, end, periods = inputs["start"], inputs["end"], options["periods"]
    assert isinstance(start, Input) and isinstance(end, Input)
    total = end.value / start.value
    readings = [
        ("compound over the periods (correct)", (total ** (1 / periods) - 1) * 100),
        (
            f"periods counted as the {_num(periods + 1)} years listed",
            (total ** (1 / (periods + 1)) - 1) * 100,
        ),
        (f"simple average: total growth / {_num(periods)}", (total - 1) / periods * 100),
        ("total growth over the whole span", (total - 1) * 100),
    ]
    result = []
    for reading, value in readings:
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
        Kind("yoy", {"value": 1, "growth": -1}, "value / (1 + growth / 100)", _implied_base,
             _unit_of("value"), claim_role="base", derived_as="implied base"),
        Kind("sum", {"parts": 1}, "part₁ + part₂ + …", _sum, _unit_of("parts"),
             claim_role="total", like_units=("parts",), working="parts"),
        Kind("subset", {"part": -1, "whole": 1}, "whole − part ≥ 0", _slack, _unit_of("part"),
             claim_role=None, like_units=("part", "whole"), judge=_judge_subset,
             working="whole − part"),
        Kind("equal", {"a": 1, "b": -1}, "a − b = 0", _difference, _unit_of("a"),
             claim_role=None, judge=_judge_equal, working="a − b"),
        Kind("share", {"part": 1, "whole": -1}, "part / whole × 100", _share, _percent,
             like_units=("part", "whole"), ceiling=100),
        Kind("ratio", {"a": 1, "b": -1}, "a / b", _ratio, _per),
        Kind("difference", {"old": -1, "new": 1}, "new − old", _change, _unit_of("new"),
             like_units=("old", "new"), derived_as="change"),
        Kind("point-change", {"old": -1, "new": 1}, "new − old", _change, _percentage_points,
             derived_as="change in percentage points"),
        Kind("change-rate", {"level": -1, "change": 1}, "± change / (level ∓ change) × 100",
             _change_rate, _percent, like_units=("level", "change")),
        Kind("average", {"total": 1}, "total / periods", _average, _unit_of("total"),
             needs_periods=True, derived_as="average per period", signed_claim=False),
        Kind("average-change", {"old": -1, "new": 1}, "(new − old) / periods", _average_change,
             _unit_of("new"), like_units=("old", "new"), needs_periods=True,
             derived_as="average change per period"),
        Kind("cagr-multiple", {"multiple": 1}, "(multiple^(1 / periods) − 1) × 100",
             _cagr_multiple, _percent, needs_periods=True),
        # one series and period from two sources (a catalog's fact and a reference's)
        Kind("agree", {"a": 1, "b": -1}, "a − b = 0", _difference, _unit_of("a"),
             claim_role=None, like_units=("a", "b"), judge=_judge_agree, working="a − b"),
    )
}  # fmt: skip


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


def compute_interval(kind: Kind, inputs: Inputs, options: dict[str, Any]) -> tuple[float, Interval]:
    """The point estimate and its interval (monotonicity: the corners bound it)."""
    point = _safe(lambda: kind.compute(_points(inputs), options))
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
    point, interval = compute_interval(kind, inputs, options)
    formula = _signed(kind.formula, options.get("sign", 1))
    result = Result(
        id=check_id,
        kind=kind.name,
        verdict=DERIVED,
        computed=point,
        bounds=interval.to_list(),
        unit=kind.unit(inputs),
        formula=formula,
        working=_working(kind.working or formula, inputs, options, point),
        inputs=[i.to_dict() for v in inputs.values() for i in (v if isinstance(v, list) else [v])],
    )
    if not math.isfinite(point) or math.isnan(interval.low) or math.isnan(interval.high):
        result.verdict = UNVERIFIABLE
        result.explanation = _undefined(kind, inputs, options)
        result.computed = result.bounds = None  # no number, and the explanation says why
        return result
    if kind.judge is not None:
        kind.judge(result, inputs, interval)
    elif kind.ceiling is not None and interval.low > kind.ceiling:
        result.verdict, result.gross = INCONSISTENT, True
        result.explanation = (
            f"inconsistent — gross: a part of a whole cannot be {_fmt(point, result.unit)} of it;"
            f" the share is at least {_num(interval.low)}{result.unit or ''}"
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
        result.verdict = CONSISTENT
        result.by_rounding_only = not claim.contains(point)
        rounding = (
            "; only the rounding of the inputs reconciles them — the point estimate alone"
            " would round differently"
            if result.by_rounding_only
            else ""
        )
        result.explanation = f"consistent: computed {span}; {stands}, which overlaps{rounding}"
        return
    result.verdict = INCONSISTENT
    result.gross = _is_gross(claimed.value, point)
    gross = " — gross: the error changes what the claim means" if result.gross else ""
    result.explanation = f"inconsistent: computed {span}, but {stands}; no overlap{gross}"


def _is_gross(claimed: float, point: float) -> bool:
    if claimed * point < 0:
        return True
    return abs(claimed - point) > GROSS_RELATIVE_ERROR * abs(point)


def _signed(formula: str, sign: int) -> str:
    """The formula for a rise (sign 1) or a fall (sign −1): ± and ∓ resolved."""
    if sign < 0:
        return formula.replace("± ", "−").replace("∓", "+")
    return formula.replace("± ", "").replace("∓", "−")


def _working(text: str, inputs: Inputs, options: dict[str, Any], point: float) -> str:
    for role, value in sorted(inputs.items(), key=lambda item: -len(item[0])):
        shown = (
            " + ".join(_num(i.value) for i in value)
            if isinstance(value, list)
            else _num(value.value)
        )
        if isinstance(value, list) and len(value) > 1 and text != role:
            shown = f"({shown})"
        text = re.sub(rf"\b{role}\b", shown, text)
    if "periods" in options:
        text = re.sub(r"\bperiods\b", _num(options["periods"]), text)
    return f"{text} = {_num(point)}"


def _num(value: float) -> str:
    if math.isinf(value):
        return "∞"
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.6g}" if abs(value) < 1e6 else f"{value:.0f}"


def _fmt(value: float, unit: str | None) -> str:
    if unit == "%":
        return f"{value:.2f}%"
    shown = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"
    return f"{shown} {unit}".strip() if unit else shown


def _span(interval: Interval, unit: str | None) -> str:
    # "−119000 to −117000" reads better than "-119000–-117000"
    joint = " to " if interval.low < 0 else "–"
    low, high = (_num(bound).replace("-", "−") for bound in (interval.low, interval.high))
    if unit == "%":
        return f"{low}{joint}{high}%"
    return f"{low}{joint}{high}" + (f" {unit}" if unit else "")


# ----------------------------------------------------------------- catalog checks


def _year_span(start: str | None, end: str | None) -> int | None:
    years = [re.match(r"\d{4}", p or "") for p in (start, end)]
    if not all(years):
        return None
    first, last = (int(m.group()) for m in years if m)
    return last - first


def bind_inputs(check: dict[str, Any], kind: Kind, catalog: Catalog) -> dict[str, Any]:
    """Fact ids of a catalog check, bound to its kind's roles."""
    bound: dict[str, Any] = {}
    raw = check.get("inputs") or {}
    for role in (*kind.roles, kind.claim_role):
        if role is None or raw.get(role) is None:
            continue
        ids = raw[role] if isinstance(raw[role], list) else [raw[role]]
        facts = []
        for fact_id in ids:
            fact = catalog.fact(fact_id)
            if fact is None and ":" in str(fact_id) and not catalog.holds(str(fact_id)):
                break  # another catalog's fact, and that catalog is not read: unverifiable
            if fact is None:
                raise PovcliError(f"check {check['id']}: no fact with id {fact_id!r}")
            facts.append(input_from_fact(role, fact))
        else:
            bound[role] = facts if isinstance(raw[role], list) else facts[0]
    return bound


def elsewhere(check: dict[str, Any], kind: Kind, catalog: Catalog) -> dict[str, str]:
    """Roles bound to a fact of a catalog that is not read, with why."""
    missing = {}
    raw = check.get("inputs") or {}
    for role in (*kind.roles, kind.claim_role):
        values = raw.get(role) if role else None
        for fact_id in values if isinstance(values, list) else [values] if values else []:
            if ":" in str(fact_id) and not catalog.holds(str(fact_id)):
                other = str(fact_id).rpartition(":")[0]
                missing[str(role)] = f"{fact_id} is in catalog {other}, which is not read"
    return missing


def run_check(check: dict[str, Any], catalog: Catalog) -> Result:
    """Run one check declared in the catalog."""
    kind = KINDS.get(str(check.get("kind")))
    if kind is None:
        raise PovcliError(
            f"check {check.get('id')}: unknown kind {check.get('kind')!r}",
            hint=f"kinds: {', '.join(KINDS)}",
        )
    bound = bind_inputs(check, kind, catalog)
    claimed = bound.pop(kind.claim_role, None) if kind.claim_role else None
    missing = {str(k): str(v) for k, v in (check.get("missing") or {}).items()}
    missing.update(elsewhere(check, kind, catalog))
    options: dict[str, Any] = {"sign": DIRECTIONS.get(str(check.get("direction", "up")), 1)}
    if claimed is not None and options["sign"] < 0 and kind.signed_claim:
        claimed = falling(claimed)
    if kind.needs_periods:
        periods = check.get("periods") or _year_span(
            bound["start"].period if "start" in bound else None,
            bound["end"].period if "end" in bound else None,
        )
        if not periods:
            missing.setdefault("periods", "the facts' periods do not give the number of years")
        options["periods"] = periods or 1
    absent = [role for role in kind.roles if role not in bound]
    for role in absent:
        missing.setdefault(role, "the article gives no figure for it")
    if absent:
        result = Result(id=check["id"], kind=kind.name, verdict=UNVERIFIABLE, formula=kind.formula)
    else:
        result = evaluate(check["id"], kind, bound, claimed, options)
    if missing:
        mark_unverifiable(result, missing)
    result.title, result.title_en = check.get("title"), check.get("title_en")
    if claimed is not None:
        quote = catalog.fact(claimed.fact) if claimed.fact else None
        result.quote = quote.quote if quote else None
    return result


def mark_unverifiable(result: Result, missing: dict[str, str]) -> None:
    computed = result.explanation.split(":", 1)[-1].strip() if result.explanation else ""
    result.verdict = UNVERIFIABLE
    result.by_rounding_only = result.gross = False
    lacking = "; ".join(f"missing {role}: {reason}" for role, reason in missing.items())
    result.missing = missing
    result.explanation = f"unverifiable: {lacking}." + (
        f" From the figures given: {computed}." if computed else ""
    )


def select_checks(catalog: Catalog, names: Sequence[str]) -> list[dict[str, Any]]:
    """The named checks in the order asked, or all of them."""
    if not names:
        return list(catalog.checks)
    by_id = {check["id"]: check for check in catalog.checks}
    return [by_id[require_choice(name, by_id, "check")] for name in names]


def summarise(results: Sequence[Result]) -> dict[str, int]:
    counts = {"checked": len(results)}
    counts.update({verdict: sum(r.verdict == verdict for r in results) for verdict in VERDICTS})
    return counts


# ----------------------------------------------------------------- ad-hoc figures

# the kinds whose figures fit on a command line (sum, subset, equal judge catalog facts)
CALC_KINDS = ("cagr", "growth", "share", "ratio", "yoy")
# roles that must be above zero for the formula to mean anything
POSITIVE_ROLES = {"start", "end", "old", "whole", "value"}


def calc(
    kind_name: str,
    args: Sequence[str],
    catalog: Catalog | None = None,
    years: float | None = None,
    claimed: str | None = None,
) -> Result:
    """`povcli calc`: the check engine on figures typed by the user."""
    kind = KINDS[require_choice(kind_name, CALC_KINDS, "calc kind")]
    roles = kind.roles
    if len(args) != len(roles):
        usage = " ".join(role.upper() for role in roles)
        raise PovcliError(f"calc {kind_name} takes {len(roles)} figures: {usage}")
    inputs: Inputs = {}
    for role, text in zip(roles, args, strict=True):
        inputs[role] = _checked_input(role, text, catalog)
    options = _calc_options(kind, years, inputs)
    claim = _claim(kind, inputs, claimed, catalog) if claimed is not None else None
    return evaluate(f"calc-{kind_name}", kind, inputs, claim, options)


def _claim(kind: Kind, inputs: Inputs, text: str, catalog: Catalog | None) -> Input:
    """The stated figure; a bare number claimed for a rate is a rate (12 means 12%)."""
    claim = input_from_text("claimed", text, catalog)
    if kind.unit(inputs) == "%" and claim.unit is None and claim.fact is None:
        claim = input_from_text("claimed", f"{text}%")
    return claim


def _checked_input(role: str, text: str, catalog: Catalog | None) -> Input:
    item = input_from_text(role, text, catalog)
    if role in POSITIVE_ROLES and item.value <= 0:
        raise PovcliError(f"{role} must be above zero, not {text}")
    if role in ("b",) and item.value == 0:
        raise PovcliError("b must not be zero: a ratio by zero is undefined")
    if role == "growth" and item.value <= -100:
        raise PovcliError(f"growth must be above -100%, not {text}")
    return item


def _calc_options(kind: Kind, years: float | None, inputs: Inputs) -> dict[str, Any]:
    if not kind.needs_periods:
        if years is not None:
            raise PovcliError(f"--years applies to cagr only, not {kind.name}")
        return {}
    if years is None:
        # fact ids carry their periods, as in verify: income-2013 → income-2019 is 6 years
        start, end = inputs.get("start"), inputs.get("end")
        span = _year_span(
            start.period if isinstance(start, Input) else None,
            end.period if isinstance(end, Input) else None,
        )
        if span:
            return {"periods": span}
        raise PovcliError(
            f"calc {kind.name} needs --years N: the number of periods between START and END",
            hint="or give two fact ids whose periods are years, e.g. income-2013 income-2019",
        )
    if math.isinf(years) or abs(years) > MAX_MAGNITUDE:
        raise PovcliError("--years: number too large; povcli handles up to 1e300")
    if not years > 0:
        raise PovcliError(f"--years must be above zero, not {years:g}")
    return {"periods": years}
