"""Search facts however the user writes: Simplified or Traditional, pinyin, English, numbers.

The index (see `povcli.index`) finds and ranks the facts; this module reads
the query, and checks each hit that is shown against its fact's own fields
(which also says which fields matched). A warm search reads neither YAML
nor pypinyin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from povcli.errors import PovcliError
from povcli.index import FIELD_WEIGHTS, TEXT_FIELDS, Hit, contains, digit_runs
from povcli.textnorm import Normaliser

if TYPE_CHECKING:
    from povcli.index import Index

__all__ = ["Hit", "Normaliser", "highlight_spans", "parse_query", "search"]

PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)')


class Term(NamedTuple):
    text: str
    number: float | None = None
    phrase: bool = False


def parse_query(query: str, normalise: Normaliser) -> list[Term]:
    """Words and quoted phrases, normalised; a word that reads as a figure is a number."""
    terms = []
    query = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in query)
    # words are split before they are normalised: the normaliser joins CJK across
    # spaces (scrapes space characters apart), and 光伏 電站 is two words, not 光伏電站
    for match in PHRASE.finditer(unicodedata.normalize("NFKC", query)):
        phrase = next((g for g in match.groups()[:3] if g is not None), None)
        text = normalise(phrase if phrase is not None else match.group(4)).strip()
        if text:
            terms.append(Term(text, _as_number(text), phrase is not None))
    if not terms:
        raise PovcliError(
            "empty query", hint="search for a word or a number, e.g. povcli search 光伏"
        )
    return terms


def _as_number(text: str) -> float | None:
    """The value of a word that is a figure written with digits (1122, 329萬, ５４７９座)."""
    if not re.search(r"\d", text):
        return None
    from povcli.numbers import NumberError, parse_quantity

    try:
        return float(parse_quantity(text).value)
    except NumberError:
        return None


def number_token(value: float) -> str:
    """One spelling per number, so 1122, 1122.0 and １１２２ meet."""
    from decimal import Decimal

    return format(Decimal(repr(float(value))).normalize(), "f")


def numbers_of(value: float, value_max: float | None, written: str) -> list[str]:
    """The numbers a fact can be found by: its value(s) and the number as written."""
    numbers = {value} | ({value_max} if value_max is not None else set())
    bare = re.match(r"\d+(?:[.,]\d+)*", written)
    if bare:
        numbers.add(float(bare.group().replace(",", "")))
    return sorted({number_token(n) for n in numbers})


def joined_pinyin(terms: Sequence[Term]) -> str | None:
    """`guang fu` typed as two words is also the syllables `guangfu`."""
    words = [term.text for term in terms if term.number is None]
    if len(words) < 2 or not all(word.isascii() and word.isalpha() for word in words):
        return None
    return "".join(words)


def term_fields(
    record: dict[str, Any], fields: dict[str, tuple[str, str | None]], term: Term
) -> set[str]:
    """The fields of one fact a term matches."""
    if term.number is not None and not term.phrase:
        found = set()
        numbers = numbers_of(record["value"], record.get("value_max"), record["written"])
        if number_token(term.number) in numbers:
            found.add("number")
        if term.text.isdigit():
            if term.text in digit_runs(record["id"]):
                found.add("id")
            if term.text in digit_runs(record.get("period") or ""):
                found.add("number")
        return found
    return {name for name in TEXT_FIELDS if contains(fields[name][0], term.text, fields[name][1])}


def score_of(
    record: dict[str, Any],
    fields: dict[str, tuple[str, str | None]],
    terms: Sequence[Term],
    joined: str | None,
) -> tuple[int, list[str]] | None:
    """A fact's score and matched fields for a query, or None when it does not match.

    Every term adds the weight of its best field; when the words also read
    as one pinyin phrase, each of pinyin and initials holding it adds one,
    and a fact found only that way scores one per word.
    """
    per_term = [term_fields(record, fields, term) for term in terms]
    readings = [
        name
        for name in ("pinyin", "initials")
        if joined and contains(fields[name][0], joined, fields[name][1])
    ]
    if all(per_term):
        score = sum(max(FIELD_WEIGHTS[name] for name in names) for names in per_term)
        matched = sorted(set().union(*per_term), key=list(FIELD_WEIGHTS).index)
        return score + len(readings), matched
    if readings:
        return len(terms) + len(readings) - 1, readings[:1]
    return None


# keyed by id, holding the table itself so the id cannot be reused
_NORMALISERS: dict[int, tuple[dict[str, str], Normaliser]] = {}


def normaliser_for(script: dict[str, str]) -> Normaliser:
    """One normaliser per script table: building its translate table costs."""
    if id(script) not in _NORMALISERS:
        _NORMALISERS[id(script)] = (script, Normaliser(script))
    return _NORMALISERS[id(script)][1]


def search(index: Index, query: str) -> list[Hit]:
    """Every fact matching the query, best first; ties keep catalog order."""
    return [hit for hit, _ in index.search(query).hits]


def highlight_spans(text: str, query: str, script: dict[str, str]) -> list[tuple[int, int]]:
    """Where the query's words occur in the original text, through normalisation."""
    normalise = normaliser_for(script)
    normal, origin = normalise.with_map(text)
    spans = []
    for term in parse_query(query, normalise):
        at = normal.find(term.text)
        while at != -1:
            end = at + len(term.text) - 1
            spans.append((origin[at], origin[end] + 1))
            at = normal.find(term.text, at + 1)
    return spans
