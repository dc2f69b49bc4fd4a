"""`povcli check`: judge every relation an article states, with the engine of `verify`.

The relations come from `relations.find_relations`; each is evaluated by the
check kind of the same name, on the intervals the figures' writing allows.
Where the text allows more than one reading (the number of years, a change of
a rate in % or in points) every reading is computed: the relation is
inconsistent only when no reading fits, and the readings are reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from povcli.article.annotate import annotate
from povcli.article.borrow import Borrowed, Reference, changes_from_last_year, fill_share, fill_yoy
from povcli.article.figures import Figure
from povcli.article.infer import infer
from povcli.article.notes import Reading
from povcli.article.relations import Relation
from povcli.checks import Input, Inputs, Result, evaluate, falling, mark_unverifiable
from povcli.errors import PovcliError
from povcli.kinds import KINDS
from povcli.numbers import Interval
from povcli.units import COUNTED_WITH_GE
from povcli.verdict import Verdict

VERDICT_ORDER = (Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.UNVERIFIABLE)


@dataclass
class Finding:
    """A judged relation and where the article states it."""

    result: Result
    relation: Relation
    sentence: str
    periods: dict[str, Any] | None
    readings_tried: list[str]
    borrowed: list[Borrowed] = field(default_factory=list)  # figures from the library

    def to_dict(self) -> dict[str, Any]:
        record = self.result.to_dict()
        figures = iter(_figures(self.relation))
        lent = {b.name: b for b in self.borrowed}
        for item in record["inputs"]:
            if item.get("fact") in lent:  # not in the article: where it comes from instead
                item["start"] = item["end"] = None
                item["borrowed"] = lent[item["fact"]].to_dict()
                continue
            figure = next(figures, None)
            if figure is not None:
                item["start"], item["end"] = figure.start, figure.end
        claimed = self.relation.claimed
        record["claimed_at"] = [claimed.start, claimed.end] if claimed else None
        record.update(
            sentence=self.sentence,
            start=self.relation.start,
            end=self.relation.end,
            sentences=[list(span) for span in self.relation.sentences()],
            periods=self.periods,
            notes=[*self.relation.notes, *self.readings_tried,
                   *(b.note() for b in self.borrowed)],
            borrowed=[b.to_dict() for b in self.borrowed],
        )  # fmt: skip
        if not self.borrowed:
            del record["borrowed"]
        return record


def check_text(text: str, reference: Reference | None = None) -> list[Finding]:
    """Every relation the cleaned article states, judged; with a `reference` (the series of
    the library's reference catalogs), what the article leaves implicit is borrowed from it."""
    return check_reading(annotate(text), reference)


def check_reading(reading: Reading, reference: Reference | None = None) -> list[Finding]:
    """`check_text` on an article already read (its figures annotated once)."""
    relations = infer(reading)
    split: dict[tuple[int, int], str | None] = {}  # each sentence searched once
    for relation in relations:
        _distrust_split_digits(reading.text, relation, split)
    lent: dict[int, Borrowed] = {}
    if reference:
        relations += _borrowing(reading, relations, reference, lent)
        relations.sort(key=lambda r: (r.start, r.kind))
    findings = []
    for relation in relations:
        finding = judge(relation, reading.text, lent.get(id(relation)))
        if finding is not None:
            findings.append(finding)
    for number, finding in enumerate(findings, 1):
        finding.result.id = f"relation-{number}"
    return findings


# "就業人數 1,153 6 千人": digits a space apart that no grouping explains (a PDF's text): a
# figure of the sentence may be a piece of a longer number
SPLIT_DIGITS = re.compile(r"\d[ \t\u00a0\u2009\u202f]+\d")


def _distrust_split_digits(
    text: str, relation: Relation, split: dict[tuple[int, int], str | None]
) -> None:
    """A relation in a sentence holding split digits accuses no one."""
    if relation.spaced_cells:
        return
    for span in relation.sentences():
        if span not in split:
            found = SPLIT_DIGITS.search(text, *span)
            split[span] = found.group() if found else None
        spot = split[span]
        if spot is not None:
            relation.confident = False
            relation.notes.append(f"digits a space apart in its sentence may be one number: {spot}")
            return


def _borrowing(
    reading: Reading, relations: list[Relation], reference: Reference, lent: dict[int, Borrowed]
) -> list[Relation]:
    """Fill the relations' implicit figures from the library (recorded in `lent`), and the
    relations that exist only with a borrowed figure (a change from last year's level)."""
    for relation in relations:
        borrowed = fill_yoy(reading, relation, reference) or fill_share(
            reading, relation, reference
        )
        if borrowed is not None:
            lent[id(relation)] = borrowed
    added = []
    for relation, borrowed in changes_from_last_year(reading, reference):
        lent[id(relation)] = borrowed
        added.append(relation)
    return added


def judge(relation: Relation, text: str, borrowed: Borrowed | None = None) -> Finding | None:
    kind = KINDS[relation.kind]
    bindings = [relation.roles, *({**relation.roles, **other} for other in relation.alternatives)]
    claimed = _claimed(relation, kind.claim_role)
    if borrowed is not None and borrowed.role == kind.claim_role:
        claimed = borrowed.input()
    periods = relation.periods or [(0.0, "")]
    tried: list[tuple[Result, float, str, str]] = []
    if "periods" in relation.missing:
        # nothing is computed over a number of years the text does not give
        result = Result(id="", kind=kind.name, verdict=Verdict.UNVERIFIABLE, formula=kind.formula)
        mark_unverifiable(result, relation.missing)
        sentence = " … ".join(text[a:b].strip() for a, b in relation.sentences())
        result.quote = sentence
        return Finding(result, relation, sentence, None, [])
    chosen: dict[int, dict[str, Figure | list[Figure]]] = {}
    try:
        for binding in bindings:
            inputs: Inputs = _bare_counts_named(
                {role: _inputs(role, value) for role, value in binding.items()}
            )
            if borrowed is not None and borrowed.role != kind.claim_role:
                inputs = {borrowed.role: borrowed.input(), **inputs}
            for count, origin in periods:
                options = _options(relation, count, origin)
                for name in filter(None, (relation.kind, relation.alternative)):
                    result = _evaluate(name, relation, inputs, claimed, options)
                    chosen[id(result)] = binding
                    tried.append((result, count, origin, name))
    except PovcliError:
        return None  # figures of unlike units are not a relation after all
    result, count, origin, name = _best(tried)
    relation.roles = chosen[id(result)]  # the binding judged, for the figures' offsets
    if relation.missing:
        mark_unverifiable(result, relation.missing)
    elif result.verdict == Verdict.INCONSISTENT and not relation.confident:
        mark_unverifiable(result, {"certainty": "povcli is not sure the text states this relation"})
    elif result.verdict == Verdict.INCONSISTENT and _within_slack(result, relation.slack):
        mark_unverifiable(result, {"certainty": f"within {relation.slack} of it beyond rounding"})
    elif result.verdict == Verdict.INCONSISTENT:
        options = _options(relation, count, origin)
        rounded = _agrees_if_rounded(name, relation, chosen[id(result)], claimed, options)
        if rounded:
            mark_unverifiable(result, {"rounding": ROUNDED_COUNTS.format(", ".join(rounded))})
    sentence = " … ".join(text[start:end].strip() for start, end in relation.sentences())
    result.quote = sentence
    used = {"value": count, "from": origin} if kind.needs_periods and count else None
    lent = [borrowed] if borrowed is not None else []
    return Finding(result, relation, sentence, used, _alternatives(tried, result), lent)


def _options(relation: Relation, count: float, origin: str) -> dict[str, Any]:
    options: dict[str, Any] = {"sign": relation.sign}
    if KINDS[relation.kind].needs_periods:
        # a span the text gives is used as it is: two levels of one year are no span (0
        # periods: unverifiable), never an invented year
        options["periods"] = count if origin else (count or 1)
    return options


ROUNDED_COUNTS = (
    "{} may be rounded at its last digit that is not 0 (as a release writes 月增4千人); so read, "
    "the figures agree"
)
# a count written whole with three zeros or more at its end (4000人, 12,000户): exact, or
# rounded to the thousand
TRAILING_ZEROS = re.compile(r"^[\d,]*[1-9](?:,?0){3,}(?![\d.])")
ROUNDED_ROLES = ("change",)


def _agrees_if_rounded(
    name: str,
    relation: Relation,
    binding: dict[str, Figure | list[Figure]],
    claimed: Input | None,
    options: dict[str, Any],
) -> list[str]:
    """The counts written with zeros at their end whose reading as rounded (4000 as 3500 to
    4500) makes the relation agree, beside a figure rounded as coarsely (750萬人, to 10,000):
    two readings disagree, so no accusation (an exact count of 4000 would be called wrong)."""
    widened: list[str] = []
    figures = [
        f for value in binding.values() for f in (value if isinstance(value, list) else [value])
    ]
    # the coarsest rounding of the other figures: a count may be rounded as finely at most
    coarsest = max((f.bounds.high - f.bounds.low for f in figures), default=0.0)

    def widen(figure: Figure) -> Figure:
        found = TRAILING_ZEROS.match(figure.written)
        if not found or not figure.bounds.exact or figure.unit in (None, "year"):
            return figure
        digits = found.group().replace(",", "")
        unit = 10 ** (len(digits) - len(digits.rstrip("0")))
        if coarsest < unit:
            return figure  # beside figures written exactly (1萬2000人), 1000 is exact too
        widened.append(figure.written)
        return replace(figure, bounds=Interval(figure.value - unit / 2, figure.value + unit / 2))

    # a change (月增4000人) is what a release rounds: the difference of levels it rounds too
    roles = {
        role: value if role not in ROUNDED_ROLES or isinstance(value, list) else widen(value)
        for role, value in binding.items()
    }
    if not widened:
        return []
    inputs: Inputs = _bare_counts_named(
        {role: _inputs(role, value) for role, value in roles.items()}
    )
    result = _evaluate(name, relation, inputs, claimed, options)
    return widened if result.verdict == Verdict.CONSISTENT else []


def _within_slack(result: Result, slack: float) -> bool:
    """Whether the claim lies within `slack` of the computed bounds (a gap a comparable basis
    explains: no accusation)."""
    if not slack or result.bounds is None or result.claimed_bounds is None:
        return False
    (low, high), (claimed_low, claimed_high) = result.bounds, result.claimed_bounds
    return max(claimed_low - high, low - claimed_high) <= slack


def _evaluate(
    name: str, relation: Relation, inputs: Inputs, claimed: Input | None, options: dict[str, Any]
) -> Result:
    kind = KINDS[name]
    present = {role: value for role, value in inputs.items() if role in kind.roles}
    if set(present) != set(kind.roles):
        return Result(id="", kind=name, verdict=Verdict.UNVERIFIABLE, formula=kind.formula)
    return evaluate("", kind, present, claimed, options)


def _best(tried: Sequence[tuple[Result, float, str, str]]) -> tuple[Result, float, str, str]:
    """The reading that fits, else the first (the text's most direct reading)."""
    for attempt in tried:
        if attempt[0].verdict == Verdict.CONSISTENT:
            return attempt
    return tried[0]


def _alternatives(tried: Sequence[tuple[Result, float, str, str]], chosen: Result) -> list[str]:
    if len(tried) < 2:
        return []
    lines = []
    for result, count, _origin, name in tried:
        years = f" over {count:g} years" if count else ""
        mark = " (used)" if result is chosen else ""
        lines.append(f"reading {name}{years}: {result.explanation}{mark}")
    return lines


def _bare_counts_named(inputs: Inputs) -> Inputs:
    """ "共有51个贫困县,其中国家级贫困县40个,省定贫困县11个": a bare 个 (an item) counts what
    the one noun the other figures name (county) counts."""
    items = [i for v in inputs.values() for i in (v if isinstance(v, list) else [v])]
    named = {i.unit for i in items} - {"item", None}
    if len(named) != 1 or not any(_bare_ge(i) for i in items):
        return inputs
    (unit,) = named
    if unit not in COUNTED_WITH_GE:
        return inputs

    def named_as(one: Input) -> Input:
        return replace(one, unit=unit) if _bare_ge(one) else one

    return {
        role: [named_as(i) for i in value] if isinstance(value, list) else named_as(value)
        for role, value in inputs.items()
    }


def _bare_ge(one: Input) -> bool:
    """An item written with 个 ("40个"), not a numeral inside a name ("三大片区")."""
    return one.unit == "item" and one.written.endswith(("个", "個"))


def _inputs(role: str, value: Figure | list[Figure]) -> Input | list[Input]:
    if isinstance(value, list):
        return [_input(role, figure) for figure in value]
    return _input(role, value)


def _input(role: str, figure: Figure) -> Input:
    return Input(role, figure.value, figure.bounds, figure.written, figure.unit)


def _claimed(relation: Relation, role: str | None) -> Input | None:
    if relation.claimed is None or role is None:
        return None
    claimed = _input(role, relation.claimed)
    # a fall's size turns negative (下降2.0%); a figure written with its own minus (增长-2.0%,
    # 增长负2.0% beside 减少20亿元) is signed already
    if relation.sign < 0 and KINDS[relation.kind].signed_claim and claimed.value >= 0:
        claimed = falling(claimed)
    return claimed


def _figures(relation: Relation) -> list[Figure]:
    """The relation's input figures in the order the result lists its inputs."""
    kind = KINDS[relation.kind]
    figures: list[Figure] = []
    for role in kind.roles:
        value = relation.roles.get(role)
        if value is not None:
            figures.extend(value if isinstance(value, list) else [value])
    return figures


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    counts = {"found": len(findings)}
    counts.update({v: sum(f.result.verdict == v for f in findings) for v in VERDICT_ORDER})
    return counts
