"""The checks a catalog declares (`checks:`): each binds a kind's roles to fact ids and is
judged on those facts' written figures."""

from __future__ import annotations

from typing import Any

from povcli.checks import (
    DIRECTIONS,
    Kind,
    Result,
    evaluate,
    falling,
    input_from_fact,
    mark_unverifiable,
)
from povcli.errors import PovcliError
from povcli.kinds import KINDS
from povcli.model import Catalog
from povcli.periods import year_span
from povcli.verdict import Verdict


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
        periods = check.get("periods") or year_span(
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
        result = Result(
            id=check["id"], kind=kind.name, verdict=Verdict.UNVERIFIABLE, formula=kind.formula
        )
    else:
        result = evaluate(check["id"], kind, bound, claimed, options)
    if missing:
        mark_unverifiable(result, missing)
    result.title, result.title_en = check.get("title"), check.get("title_en")
    if claimed is not None:
        quote = catalog.fact(claimed.fact) if claimed.fact else None
        result.quote = quote.quote if quote else None
    return result
