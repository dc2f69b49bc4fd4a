"""`povcli calc`: a check kind run on figures typed on the command line (numbers, written
figures such as 329萬, or fact ids)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from povcli.checks import Input, Inputs, Kind, Result, evaluate, input_from_fact
from povcli.errors import PovcliError, did_you_mean, require_choice
from povcli.kinds import KINDS
from povcli.model import FACT_ID, Catalog
from povcli.numbers import (
    MAX_MAGNITUDE,
    PERCENT,
    NumberError,
    NumberTooLarge,
    bounds_of,
    parse_quantity,
)
from povcli.periods import year_span


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
        span = year_span(
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


def mentions_fact(figures: Sequence[str], claimed: str | None) -> bool:
    """Whether an argument looks like a fact id (bare, or CATALOG:ID), so that `calc` reads
    the catalogs only when it must."""
    names = [text.rpartition(":")[2] for text in [*figures, claimed or ""]]
    return any(FACT_ID.fullmatch(name) and not name.isdigit() for name in names)
