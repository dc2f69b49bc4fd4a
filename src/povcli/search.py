"""Search facts however the user writes: Simplified or Traditional, pinyin, English, numbers.

The normalised index (Simplified text, pinyin, numbers) is built once per
catalog content and version and cached (see `povcli.cache`); a warm search
reads neither YAML nor pypinyin.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from povcli import __version__
from povcli.catalog import FACT_FIELDS, Catalog
from povcli.errors import PovcliError
from povcli.numbers import NumberError, parse_quantity
from povcli.textnorm import Normaliser, pinyin, script_table

INDEX_FORMAT = 1
# Search fields by rank: an id or number match outranks subject and label,
# which outrank the quote, which outranks pinyin.
FIELD_WEIGHTS: dict[str, int] = {
    "id": 8,
    "number": 8,
    "written": 8,
    "subject": 4,
    "label": 4,
    "aliases": 4,
    "topic": 4,
    "quote": 2,
    "section": 2,
    "pinyin": 1,
    "initials": 1,
}
TEXT_FIELDS = [name for name in FIELD_WEIGHTS if name != "number"]
PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)')
SEPARATOR = "\x00"


@dataclass
class Index:
    """Everything a search needs, in plain lists, ready to cache as JSON."""

    facts: list[list[Any]]
    fields: dict[str, list[str]]
    numbers: list[list[float]]
    periods: list[str]
    script: dict[str, str]
    version: str = __version__
    format: int = INDEX_FORMAT
    _haystacks: dict[str, tuple[str, list[int]]] = field(default_factory=dict, repr=False)
    _tokens: dict[str, dict[str, set[int]]] = field(default_factory=dict, repr=False)
    _syllable_starts: bytearray = field(default_factory=bytearray, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "version": self.version,
            "facts": self.facts,
            "fields": self.fields,
            "numbers": self.numbers,
            "periods": self.periods,
            "script": self.script,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Index:
        if data.get("format") != INDEX_FORMAT or data.get("version") != __version__:
            raise ValueError("index of another format or version")
        index = cls(
            facts=data["facts"],
            fields=data["fields"],
            numbers=data["numbers"],
            periods=data["periods"],
            script=data["script"],
        )
        count = len(index.facts)
        lengths = [len(values) for values in index.fields.values()]
        lengths += [len(index.numbers), len(index.periods)]
        if set(index.fields) != set(TEXT_FIELDS) or any(n != count for n in lengths):
            raise ValueError("index fields do not line up")
        return index

    def fact(self, position: int) -> dict[str, Any]:
        return dict(zip(FACT_FIELDS, self.facts[position], strict=True))

    def haystack(self, name: str) -> tuple[str, list[int]]:
        """All facts' values of one field joined, with each fact's start offset."""
        if name not in self._haystacks:
            values = self.fields[name]
            if name == "pinyin":
                values = [self._join_syllables(value) for value in values]
            starts, offset = [], 0
            for value in values:
                starts.append(offset)
                offset += len(value) + 1
            self._haystacks[name] = (SEPARATOR.join(values), starts)
        return self._haystacks[name]

    def _join_syllables(self, spaced: str) -> str:
        """Syllables joined (guangfu), noting where each starts so a match must too."""
        marks = bytearray(len(spaced.replace(" ", "")) + 1)
        position = 0
        for syllable in spaced.split():
            marks[position] = 1
            position += len(syllable)
        self._syllable_starts.extend(marks)
        return spaced.replace(" ", "")

    def starts_syllable(self, at: int) -> bool:
        return bool(self._syllable_starts[at])


def _numbers_of(fact: dict[str, Any]) -> list[float]:
    """The numbers a fact can be found by: its value(s) and the number as written."""
    numbers = [float(fact["value"])]
    if fact.get("value_max") is not None:
        numbers.append(float(fact["value_max"]))
    bare = re.match(r"\d+(?:[.,]\d+)*", fact["written"])
    if bare:
        numbers.append(float(bare.group().replace(",", "")))
    return sorted(set(numbers))


def build_index(catalog: Catalog) -> Index:
    """Normalise every searchable field; computes pinyin, so it is slow (index build only)."""
    headings = {
        s.get("id"): " ".join(str(s.get(k) or "") for k in ("id", "heading", "heading_en"))
        for s in catalog.sections
        if isinstance(s, dict)
    }
    raw_fields: dict[str, list[str]] = {name: [] for name in TEXT_FIELDS}
    for fact in catalog.facts:
        raw_fields["id"].append(fact.id)
        raw_fields["written"].append(fact.written)
        raw_fields["subject"].append(fact.subject)
        raw_fields["label"].append(fact.label)
        raw_fields["aliases"].append(" | ".join(fact.aliases))
        raw_fields["topic"].append(" | ".join(fact.topic))
        raw_fields["quote"].append(fact.quote)
        raw_fields["section"].append(headings.get(fact.section, fact.section))
    script = script_table(
        text for name in ("subject", "quote", "section") for text in raw_fields[name]
    )
    normalise = Normaliser(script)
    fields = {name: [normalise(text) for text in values] for name, values in raw_fields.items()}
    readings = [
        pinyin(s + " " + q) for s, q in zip(fields["subject"], fields["quote"], strict=True)
    ]
    subject_readings = [pinyin(s) for s in fields["subject"]]
    fields["pinyin"] = [reading for reading, _ in readings]
    fields["initials"] = [initials for _, initials in subject_readings]
    return Index(
        facts=[[fact.to_dict()[name] for name in FACT_FIELDS] for fact in catalog.facts],
        fields=fields,
        numbers=[_numbers_of(fact.to_dict()) for fact in catalog.facts],
        periods=[fact.period or "" for fact in catalog.facts],
        script=script,
    )


# ----------------------------------------------------------------- queries


@dataclass(frozen=True)
class Term:
    text: str
    number: float | None = None
    phrase: bool = False


def parse_query(query: str, normalise: Normaliser) -> list[Term]:
    """Words and quoted phrases, normalised; a word that reads as a figure is a number."""
    terms = []
    for match in PHRASE.finditer(normalise(query)):
        phrase = next((g for g in match.groups()[:3] if g is not None), None)
        text = (phrase if phrase is not None else match.group(4)).strip()
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
    try:
        return float(parse_quantity(text).value)
    except NumberError:
        return None


def _find_all(index: Index, name: str, needle: str) -> set[int]:
    """Positions of the facts whose field contains the needle (no regex: literal)."""
    haystack, starts = index.haystack(name)
    found: set[int] = set()
    at = haystack.find(needle)
    while at != -1:
        if name == "pinyin" and not index.starts_syllable(at):
            at = haystack.find(needle, at + 1)  # "gf" inside "sheng fu" is no match
            continue
        position = bisect.bisect_right(starts, at) - 1
        found.add(position)
        next_start = starts[position + 1] if position + 1 < len(starts) else len(haystack)
        at = haystack.find(needle, max(at + 1, next_start))
    return found


def _number_matches(index: Index, number: float) -> set[int]:
    key = round(number, 6)
    return {
        position
        for position, numbers in enumerate(index.numbers)
        if any(round(n, 6) == key for n in numbers)
    }


def _token_matches(index: Index, name: str, token: str) -> set[int]:
    """Facts whose id or period holds the number as a whole token (2013 in income-2013)."""
    key = f"tokens:{name}"
    if key not in index._tokens:
        values = index.fields[name] if name != "period" else index.periods
        tokens: dict[str, set[int]] = {}
        for position, value in enumerate(values):
            for part in re.split(r"[^0-9a-z.]+", value):
                tokens.setdefault(part, set()).add(position)
        index._tokens[key] = tokens
    return index._tokens[key].get(token, set())


def _term_matches(index: Index, term: Term) -> dict[int, set[str]]:
    """For one term: fact position → the fields it matched in."""
    hits: dict[int, set[str]] = {}

    def add(positions: set[int], name: str) -> None:
        for position in positions:
            hits.setdefault(position, set()).add(name)

    if term.number is not None and not term.phrase:
        add(_number_matches(index, term.number), "number")
        if term.text.isdigit():
            add(_token_matches(index, "id", term.text), "id")
            add(_token_matches(index, "period", term.text), "number")
        return hits
    for name in TEXT_FIELDS:
        add(_find_all(index, name, term.text), name)
    return hits


@dataclass
class Hit:
    position: int
    score: int
    matched: list[str]


def search(index: Index, query: str) -> list[Hit]:
    """Facts matching every word of the query, best first; ties keep catalog order."""
    normalise = Normaliser(index.script)
    terms = parse_query(query, normalise)
    per_term = [_term_matches(index, term) for term in terms]
    hits: dict[int, Hit] = {}
    for position in set.intersection(*(set(found) for found in per_term)):
        fields = [found[position] for found in per_term]
        score = sum(max(FIELD_WEIGHTS[name] for name in names) for names in fields)
        matched = sorted(set().union(*fields), key=list(FIELD_WEIGHTS).index)
        hits[position] = Hit(position, score, matched)
    joined = _joined_pinyin(terms)
    for name in ("pinyin", "initials") if joined else ():
        for position in _find_all(index, name, joined or ""):
            if position in hits:
                hits[position].score += 1  # the words also read as one pinyin phrase
            else:
                hits[position] = Hit(position, FIELD_WEIGHTS[name] * len(terms), [name])
    return sorted(hits.values(), key=lambda hit: (-hit.score, hit.position))


def _joined_pinyin(terms: Sequence[Term]) -> str | None:
    """`guang fu` typed as two words is also the syllables `guangfu`."""
    words = [term.text for term in terms if term.number is None]
    if len(words) < 2 or not all(word.isascii() and word.isalpha() for word in words):
        return None
    return "".join(words)


def highlight_spans(text: str, query: str, script: dict[str, str]) -> list[tuple[int, int]]:
    """Where the query's words occur in the original text, through normalisation."""
    normalise = Normaliser(script)
    normal, origin = normalise.with_map(text)
    spans = []
    for term in parse_query(query, normalise):
        at = normal.find(term.text)
        while at != -1:
            end = at + len(term.text) - 1
            spans.append((origin[at], origin[end] + 1))
            at = normal.find(term.text, at + 1)
    return spans


def filter_hits(
    index: Index,
    hits: list[Hit],
    units: Sequence[str] = (),
    minimum: float | None = None,
    maximum: float | None = None,
) -> list[Hit]:
    unit_at = FACT_FIELDS_INDEX["unit"]
    value_at = FACT_FIELDS_INDEX["value"]
    kept = []
    for hit in hits:
        fact = index.facts[hit.position]
        if units and fact[unit_at] not in units:
            continue
        if minimum is not None and fact[value_at] < minimum:
            continue
        if maximum is not None and fact[value_at] > maximum:
            continue
        kept.append(hit)
    return kept


FACT_FIELDS_INDEX = {name: position for position, name in enumerate(FACT_FIELDS)}
