"""Search facts however the user writes: Simplified or Traditional, pinyin, English, numbers.

The normalised index (Simplified text, pinyin, numbers) is built once per
catalog content and version and cached (see `povcli.cache`); a warm search
reads neither YAML nor pypinyin.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from typing import TYPE_CHECKING, Any, NamedTuple

from povcli import __version__
from povcli.errors import PovcliError
from povcli.textnorm import Normaliser, initials, pinyin_chars, pinyin_phrase, script_table

if TYPE_CHECKING:
    from povcli.catalog import Catalog, Fact

INDEX_FORMAT = 2
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
STORED_FIELDS = [*TEXT_FIELDS, "numbers", "periods", "facts"]
PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)')
# Facts are joined into one string per field: few large objects load fast
# and keep memory small at 100,000 facts.
SEPARATOR = "\x00"


@dataclass
class Index:
    """Each field of every fact, normalised and joined; the facts as JSON text."""

    count: int
    stored: dict[str, str]
    script: dict[str, str]
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _syllable_starts: bytearray | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": INDEX_FORMAT,
            "version": __version__,
            "count": self.count,
            "stored": self.stored,
            "script": self.script,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Index:
        if data.get("format") != INDEX_FORMAT or data.get("version") != __version__:
            raise ValueError("index of another format or version")
        index = cls(count=int(data["count"]), stored=data["stored"], script=data["script"])
        if set(index.stored) != set(STORED_FIELDS) or not all(
            isinstance(text, str) and text.count(SEPARATOR) == index.count - 1
            for text in index.stored.values()
        ):
            raise ValueError("index fields do not line up")
        return index

    def haystack(self, name: str) -> tuple[str, list[int]]:
        """A field of all facts, joined, and where each fact starts in it."""
        if name == "pinyin" and self._syllable_starts is None:
            self._join_syllables()
        text = self.stored[name]
        if name not in self._starts:
            self._starts[name] = list(
                accumulate((len(p) + 1 for p in text.split(SEPARATOR)), initial=0)
            )[:-1]
        return text, self._starts[name]

    def value_of(self, name: str, position: int) -> str:
        text, starts = self.haystack(name)
        end = starts[position + 1] - 1 if position + 1 < self.count else len(text)
        return text[starts[position] : end]

    def fact(self, position: int) -> dict[str, Any]:
        record: dict[str, Any] = json.loads(self.value_of("facts", position))
        return record

    def _join_syllables(self) -> None:
        """Pinyin is stored spaced; join it (guangfu) and mark where syllables start."""
        spaced = self.stored["pinyin"]
        marks = bytearray(len(spaced) + 1)
        position = 0
        for token in re.finditer(r"[^ \x00]+|\x00", spaced):
            marks[position] = 1
            position += len(token.group())
        self._syllable_starts = marks
        self.stored["pinyin"] = spaced.replace(" ", "")

    def starts_syllable(self, at: int) -> bool:
        """Whether a pinyin match at this offset begins where a syllable does."""
        return self._syllable_starts is None or bool(self._syllable_starts[at])


def _number_token(value: float) -> str:
    """One spelling per number, so 1122, 1122.0 and １１２２ meet."""
    return format(Decimal(repr(float(value))).normalize(), "f")


def _numbers_of(fact: Fact) -> str:
    """The numbers a fact can be found by: its value(s) and the number as written."""
    numbers = {fact.value} | ({fact.value_max} if fact.value_max is not None else set())
    bare = re.match(r"\d+(?:[.,]\d+)*", fact.written)
    if bare:
        numbers.add(float(bare.group().replace(",", "")))
    return " " + " ".join(sorted(_number_token(n) for n in numbers)) + " "


def build_index(catalog: Catalog) -> Index:
    """Normalise every searchable field; computes pinyin, so it is slow (index build only)."""
    headings = {
        s.get("id"): " ".join(str(s.get(k) or "") for k in ("id", "heading", "heading_en"))
        for s in catalog.sections
        if isinstance(s, dict)
    }
    raw: dict[str, list[str]] = {
        "id": [f.id for f in catalog.facts],
        "written": [f.written for f in catalog.facts],
        "subject": [f.subject for f in catalog.facts],
        "label": [f.label for f in catalog.facts],
        "aliases": [" | ".join(f.aliases) for f in catalog.facts],
        "topic": [" | ".join(f.topic) for f in catalog.facts],
        "quote": [f.quote for f in catalog.facts],
        "section": [headings.get(f.section, f.section) for f in catalog.facts],
    }
    script = script_table(text for name in ("subject", "quote", "section") for text in raw[name])
    normalise = Normaliser(script)
    fields = {name: [normalise(text) for text in values] for name, values in raw.items()}
    readings = [
        f"{pinyin_phrase(subject)} / {pinyin_chars(quote)}"
        for subject, quote in zip(fields["subject"], fields["quote"], strict=True)
    ]
    fields["pinyin"] = readings
    fields["initials"] = [initials(reading.split(" / ")[0]) for reading in readings]
    fields["numbers"] = [_numbers_of(fact) for fact in catalog.facts]
    fields["periods"] = [f" {fact.period or ''} " for fact in catalog.facts]
    fields["facts"] = [
        json.dumps(fact.to_dict(), ensure_ascii=False, separators=(",", ":"))
        for fact in catalog.facts
    ]
    stored = {name: SEPARATOR.join(values) for name, values in fields.items()}
    return Index(count=len(catalog.facts), stored=stored, script=script)


# ----------------------------------------------------------------- queries


class Term(NamedTuple):
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
    from povcli.numbers import NumberError, parse_quantity

    try:
        return float(parse_quantity(text).value)
    except NumberError:
        return None


def _find_all(index: Index, name: str, needle: str, whole: bool = False) -> set[int]:
    """Positions of the facts whose field contains the needle (no regex: literal).

    With `whole`, the needle must stand alone (2013 in income-2013, not in 20130).
    """
    haystack, starts = index.haystack(name)
    found: set[int] = set()
    at = haystack.find(needle)
    while at != -1:
        if (name == "pinyin" and not index.starts_syllable(at)) or (
            whole and not _stands_alone(haystack, at, len(needle))
        ):
            at = haystack.find(needle, at + 1)  # "gf" inside "sheng fu" is no match
            continue
        position = bisect.bisect_right(starts, at) - 1
        found.add(position)
        next_start = starts[position + 1] if position + 1 < len(starts) else len(haystack)
        at = haystack.find(needle, max(at + 1, next_start))
    return found


def _stands_alone(text: str, at: int, length: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + length] if at + length < len(text) else " "
    return not (before.isalnum() or before == ".") and not (after.isalnum() or after == ".")


def _term_matches(index: Index, term: Term) -> dict[int, set[str]]:
    """For one term: fact position → the fields it matched in."""
    hits: dict[int, set[str]] = {}

    def add(positions: set[int], name: str) -> None:
        for position in positions:
            hits.setdefault(position, set()).add(name)

    if term.number is not None and not term.phrase:
        add(_find_all(index, "numbers", f" {_number_token(term.number)} "), "number")
        if term.text.isdigit():
            add(_find_all(index, "id", term.text, whole=True), "id")
            add(_find_all(index, "periods", term.text, whole=True), "number")
        return hits
    for name in TEXT_FIELDS:
        add(_find_all(index, name, term.text), name)
    return hits


class Hit(NamedTuple):
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
            if position in hits:  # the words also read as one pinyin phrase
                hits[position] = hits[position]._replace(score=hits[position].score + 1)
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


def filter_records(
    records: list[dict[str, Any]],
    units: Sequence[str] = (),
    minimum: float | None = None,
    maximum: float | None = None,
) -> list[dict[str, Any]]:
    """Records in the given units whose value lies within [minimum, maximum]."""
    return [
        record
        for record in records
        if (not units or record["unit"] in units)
        and (minimum is None or record["value"] >= minimum)
        and (maximum is None or record["value"] <= maximum)
    ]
