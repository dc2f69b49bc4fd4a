"""`povcli calc`: a check kind run on figures typed on the command line (numbers, written
figures such as 329萬, or fact ids).

A figure typed here follows the project's interval rule: a written figure stands for the
interval of its last digit, unless it is an exact count. A count is known by its measure
word (58個, 7993个, 5年); a bare number (2061, 17.9) says nothing of what it counts, so it
is read as rounded, as an amount written with its unit is (2061元): reading it as exact
could call a claim inconsistent that its rounding allows, the worst error povcli can make.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from povcli.checks import Input, Inputs, Kind, Result, evaluate, falling, input_from_fact
from povcli.errors import PovcliError, did_you_mean, require_choice
from povcli.fields import FACT_ID
from povcli.kinds import KINDS
from povcli.model import Catalog
from povcli.numbers import (
    MAX_MAGNITUDE,
    PERCENT,
    NumberError,
    NumberTooLarge,
    Quantity,
    bounds_of,
    parse_quantity,
)
from povcli.periods import year_span
from povcli.units import MINUS


class Usage(NamedTuple):
    """How a kind is typed: its figures in order, and what --claimed states."""

    figures: str
    claimed: str | None


# the kinds whose figures fit on a command line, in the order --help lists them
# (equal and agree compare two catalog facts: `verify` runs them)
USAGES: dict[str, Usage] = {
    "growth": Usage("OLD NEW", "the growth in % (增長9.5%, 下降66.8%, -66.8)"),
    "cagr": Usage("START END --years N", "the average annual growth in %"),
    "cagr-multiple": Usage("MULTIPLE --years N", "the average annual growth in %"),
    "change-rate": Usage(
        "LEVEL CHANGE", "the growth in % of LEVEL over the level before the CHANGE"
    ),
    "difference": Usage("OLD NEW", "the change NEW − OLD (減少1109萬, 增加760元, -1109萬)"),
    "point-change": Usage("OLD NEW", "the change in percentage points (下降9.5個百分點, -9.5)"),
    "average": Usage("TOTAL --years N", "the average per period (a size: 年均減少81.6萬)"),
    "average-change": Usage("OLD NEW --years N", "the average change per period"),
    "share": Usage("PART WHOLE", "the share in %"),
    "ratio": Usage("A B", "A / B"),
    "sum": Usage("PART PART...", "the total"),
    "subset": Usage("PART... WHOLE", None),
    "yoy": Usage("VALUE GROWTH", "the base a year before"),
}
CALC_KINDS = tuple(USAGES)
# roles that must be above zero for the kind's formula to mean anything
POSITIVE_ROLES = {
    "cagr": ("start", "end"),
    "growth": ("old",),
    "share": ("whole",),
    "yoy": ("value",),
    "cagr-multiple": ("multiple",),
    "change-rate": ("level",),
}
EXAMPLES = "2061 (read as rounded), 2061元, 329萬, 39.4亿, 58個 (an exact count) or a fact id"

# A direction written before a figure, as the articles write it: 下降66.8%, 減少1109萬,
# 增長9.5%; optionally after the comparison it is made with (比上年增長, 同比下降, 年均減少).
FALL_WORDS = ("下降", "減少", "减少", "降低", "下跌", "下滑", "回落", "縮小", "缩小", "減", "减",
              "降", "跌")  # fmt: skip
RISE_WORDS = ("增長", "增长", "增加", "提高", "上升", "上漲", "上涨", "增", "升", "漲", "涨")
COMPARISONS = r"(?:比上年末|比上年|較上年|较上年|同比|環比|环比|年均|累計|累计)?"
# a pattern, compiled (and cached by `re`) only when a figure is read for its direction
DIRECTED = (
    rf"{COMPARISONS}(?P<word>{'|'.join(sorted(FALL_WORDS + RISE_WORDS, key=len, reverse=True))})"
    r"(?P<figure>.+)"
)


class CalcResult(Result):
    """A calc result, with notes on how each typed figure was read (exact or rounded, and
    the direction of a change). Not a dataclass of its own: one more class of twenty
    fields would cost each `calc` a few milliseconds to build."""

    def __init__(self, result: Result, notes: list[str]) -> None:
        self.__dict__.update(vars(result))
        self.notes = notes

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "notes": self.notes}


BARE, EXACT = "bare", "exact"
# kinds whose claim is a change, stated with its direction (average: a size, either way)
CHANGE_KINDS = ("growth", "cagr", "cagr-multiple", "change-rate", "difference", "point-change",
                "average-change", "average")  # fmt: skip
# roles typed with a direction, as the article writes them (change-rate's CHANGE, yoy's GROWTH)
DIRECTED_ROLES = ("change", "growth")


class Typed(NamedTuple):
    """A figure as typed: its Input, and what to tell the user of how it was read."""

    item: Input
    notes: tuple[str, ...] = ()
    sign: int = 1  # −1: written as a fall (下降, 減少, a minus sign)
    how: str | None = None  # BARE: a bare number read as rounded; EXACT: a count


def calc(
    kind_name: str,
    args: Sequence[str],
    catalog: Catalog | None = None,
    years: float | None = None,
    claimed: str | None = None,
) -> CalcResult:
    """`povcli calc`: the check engine on figures typed by the user."""
    kind = KINDS[require_choice(kind_name, CALC_KINDS, "calc kind")]
    typed = _bind(kind, args, catalog)
    inputs: Inputs = {
        role: [t.item for t in value] if isinstance(value, list) else value.item
        for role, value in typed.items()
    }
    options = _calc_options(kind, years, inputs)
    figures = [t for value in typed.values() for t in _listed(value)]
    notes = [note for t in figures for note in t.notes]
    if kind.name == "change-rate":  # the change is a size; its direction is the formula's
        options["sign"] = _listed(typed["change"])[0].sign
    claim = None
    if claimed is not None:
        if kind.claim_role is None:
            raise PovcliError(
                f"calc {kind.name} judges the figures themselves and takes no --claimed",
                hint=f"usage: povcli calc {kind.name} {USAGES[kind.name].figures}",
            )
        stated = _claim(kind, inputs, claimed, catalog)
        notes.extend(stated.notes)
        claim = stated.item
        figures.append(stated)
    notes = reading_notes(figures) + notes
    return CalcResult(evaluate(f"calc-{kind.name}", kind, inputs, claim, options), notes)


def _listed(value: Typed | list[Typed]) -> list[Typed]:
    return value if isinstance(value, list) else [value]


def _bind(kind: Kind, args: Sequence[str], catalog: Catalog | None) -> dict[str, Any]:
    """The typed figures bound to the kind's roles, in the order its usage gives."""
    usage = USAGES[kind.name]
    wrong = len(args) < 2 if kind.name in ("sum", "subset") else len(args) != len(kind.roles)
    if wrong:
        raise PovcliError(
            f"calc {kind.name} takes the figures {usage.figures}, not {len(args)} figure"
            + ("s" if len(args) != 1 else ""),
            hint=f"figures are {EXAMPLES}; see povcli calc --help",
        )
    if kind.name == "sum":
        return {"parts": [_typed(kind, "parts", text, catalog) for text in args]}
    if kind.name == "subset":
        parts = [_typed(kind, "part", text, catalog) for text in args[:-1]]
        return {"part": parts, "whole": _typed(kind, "whole", args[-1], catalog)}
    return {
        role: _typed(kind, role, text, catalog) for role, text in zip(kind.roles, args, strict=True)
    }


def _typed(kind: Kind, role: str, text: str, catalog: Catalog | None) -> Typed:
    sign, figure, word = (1, text, None)
    if role in DIRECTED_ROLES:  # typed with its direction: 增加760元, 減少5萬, 下降10%, -760
        sign, figure, word = directed(text)
    typed = read_figure(role, figure, catalog)
    item = typed.item
    if role in DIRECTED_ROLES:
        if item.value < 0:
            raise PovcliError(f"{role}: a direction and a minus sign together are unclear: {text}")
        if item.fact is None:  # shown as typed, its direction with it
            note = _direction_note(role, text, word, sign, item)
            item = dataclasses.replace(item, written=_shown(text))
            typed = Typed(item, (note,), sign, typed.how)
        if role == "growth" and sign < 0:  # the formula takes a fall as a negative rate
            item = falling(item)
            typed = Typed(item, typed.notes, sign, typed.how)
    if role in POSITIVE_ROLES.get(kind.name, ()) and item.value <= 0:
        raise PovcliError(f"{role} must be above zero, not {text}")
    if role == "b" and item.value == 0:
        raise PovcliError("b must not be zero: a ratio by zero is undefined")
    if role == "growth" and item.value <= -100:
        raise PovcliError(f"growth must be above -100%, not {text}")
    return typed


def read_figure(role: str, text: str, catalog: Catalog | None = None) -> Typed:
    """A calc argument: a fact id, a written figure (329萬, 39.4亿) or a number, and how it
    was read (`how`: BARE for a bare number read as rounded, EXACT for a count)."""
    fact = catalog.fact(text) if catalog is not None else None
    if fact is not None:
        return Typed(input_from_fact(role, fact))
    quantity = _quantity(role, text, catalog)
    shown = _shown(text)
    unit = "%" if quantity.kind == PERCENT else None
    how = None
    if quantity.exact and not quantity.measure:
        # a bare whole number: no word says it counts things, so it is an interval too
        quantity, how = dataclasses.replace(quantity, exact=False), BARE
    elif quantity.exact:
        how = EXACT
    return Typed(Input(role, float(quantity.value), bounds_of(quantity), shown, unit), how=how)


def reading_notes(figures: Sequence[Typed]) -> list[str]:
    """One note on the bare numbers read as rounded, one on the counts read as exact."""
    notes = []
    bare = [t.item for t in figures if t.how == BARE]
    if bare:
        first = bare[0]
        low, high = (_plain(bound) for bound in first.bounds.to_list())
        notes.append(
            f"{', '.join(i.written for i in bare)}: "
            + ("bare numbers, each read" if len(bare) > 1 else "a bare number, read")
            + f" as rounded at its last digit ({first.written} for {low} to {high});"
            f" write a count with its measure word ({_plain(first.value)}個) to make it exact"
        )
    exact = [t.item for t in figures if t.how == EXACT]
    if exact:
        notes.append(
            f"{', '.join(i.written for i in exact)}: "
            + ("exact counts" if len(exact) > 1 else "an exact count")
            + " (in full digits, with a measure word and no scale word)"
        )
    return notes


def input_from_text(role: str, text: str, catalog: Catalog | None = None) -> Input:
    """A calc argument read as `read_figure` reads it."""
    return read_figure(role, text, catalog).item


def _quantity(role: str, text: str, catalog: Catalog | None) -> Quantity:
    try:
        return parse_quantity(text)
    except NumberTooLarge as exc:
        raise PovcliError(f"{role}: {exc}") from None
    except NumberError:
        hint = None
        if catalog is not None:
            hint = did_you_mean(text, [f.id for f in catalog.facts])
        raise PovcliError(
            f"{role}: {text!r} is neither a number, a written figure nor a fact id",
            hint=hint or f"write a figure such as {EXAMPLES}",
        ) from None


def _shown(text: str) -> str:
    """A typed figure as output shows it: its minus sign U+2212."""
    shown = text.strip()
    return MINUS + shown[1:] if shown.startswith("-") else shown


def _plain(value: float) -> str:
    text = f"{value:.15g}"
    return text.replace("-", MINUS)


def directed(text: str) -> tuple[int, str, str | None]:
    """(sign, the figure, the direction word) of a figure typed with a direction:
    下降66.8% → (−1, 66.8%, 下降); -66.8 → (−1, 66.8, None); 66.8 → (1, 66.8, None)."""
    stripped = text.strip()
    found = re.fullmatch(DIRECTED, stripped)
    if found:
        sign = -1 if found["word"] in FALL_WORDS else 1
        return sign, found["figure"], found["word"]
    if stripped[:1] in ("-", MINUS):
        return -1, stripped[1:], None
    return 1, stripped.removeprefix("+"), None


def _direction_note(role: str, text: str, word: str | None, sign: int, item: Input) -> str:
    way = "a fall" if sign < 0 else "a rise"
    figure = item.written.lstrip(MINUS)
    signed = f"{MINUS if sign < 0 else '+'}{figure}"
    if word is None and text.strip()[:1] not in ("-", MINUS, "+"):
        # a rate falls (下降66.8%), an amount is reduced (減少1109萬)
        fall = "下降" if figure.endswith(("%", "百分點", "百分点")) else "減少"
        return (
            f"{role} {text}: no sign or direction word, read as a rise ({signed});"
            f" a fall is written {fall}{figure} or {MINUS}{figure}"
        )
    return f"{role} {_shown(text)}: read as {way} ({signed})"


def _claim(kind: Kind, inputs: Inputs, text: str, catalog: Catalog | None) -> Typed:
    """The stated figure, with its direction where the kind states a change (下降66.8% is
    −66.8%); a bare number claimed for a rate is a rate (12 means 12%)."""
    sign, figure, word = directed(text) if kind.name in CHANGE_KINDS else (1, text, None)
    typed = read_figure("claimed", figure, catalog)
    if kind.unit(inputs) == "%" and typed.item.unit is None and typed.item.fact is None:
        typed = read_figure("claimed", f"{figure}%")
    claim, notes, how = typed.item, list(typed.notes), typed.how
    if kind.name not in CHANGE_KINDS:
        return typed
    if claim.value < 0:
        raise PovcliError(f"claimed: a direction and a minus sign together are unclear: {text}")
    if claim.fact is not None:
        return typed
    if not kind.signed_claim:  # a size whatever the direction (年均減少81.6萬)
        if word is not None or sign < 0:
            notes.append(f"claimed {text}: {kind.name} compares sizes; the direction is not judged")
        return Typed(claim, tuple(notes), how=how)
    notes.append(_direction_note("claimed", text, word, sign, claim))
    return Typed(falling(claim) if sign < 0 else claim, tuple(notes), sign, how)


def _calc_options(kind: Kind, years: float | None, inputs: Inputs) -> dict[str, Any]:
    if not kind.needs_periods:
        if years is not None:
            with_years = ", ".join(name for name in CALC_KINDS if KINDS[name].needs_periods)
            raise PovcliError(f"--years applies to {with_years} only, not {kind.name}")
        return {}
    if years is None:
        # fact ids carry their periods, as in verify: income-2013 → income-2019 is 6 years
        first, last = (inputs.get(kind.roles[0]), inputs.get(kind.roles[-1]))
        span = year_span(
            first.period if isinstance(first, Input) else None,
            last.period if isinstance(last, Input) else None,
        )
        if span:
            return {"periods": span}
        raise PovcliError(
            f"calc {kind.name} needs --years N: the number of periods"
            f" ({USAGES[kind.name].figures})",
            hint="or give two fact ids whose periods are years, e.g. income-2013 income-2019"
            if len(kind.roles) > 1
            else None,
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
