"""Search facts however the user writes: Simplified or Traditional, pinyin, English, numbers.

The normalised index (Simplified text, pinyin, numbers) is built once per
catalog content and version and cached (see `povcli.cache`); a warm search
reads neither YAML nor pypinyin.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, NamedTuple, overload

from povcli import __version__
from povcli.errors import PovcliError
from povcli.textnorm import Normaliser, initials, pinyin_chars, pinyin_phrase, script_table

if TYPE_CHECKING:
    from povcli.catalog import Catalog, Fact

INDEX_FORMAT = 4
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
STORED_FIELDS = [*TEXT_FIELDS, "numbers", "periods", "syllables"]
PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)')
# Each field of all facts is one string, facts joined by NUL: few large
# objects load fast and keep memory small at 100,000 facts.
SEPARATOR = "\x00"
SYLLABLE_START = "1"
INDEX_MAGIC = b"povcli-index\n"


class BlobFacts(Sequence[str]):
    """The facts' JSON texts, kept encoded in the cache file and decoded one at a time."""

    def __init__(self, blob: memoryview, offsets: array[int]) -> None:
        self.blob, self.offsets = blob, offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, position: int) -> str: ...
    @overload
    def __getitem__(self, position: slice) -> list[str]: ...
    def __getitem__(self, position: int | slice) -> str | list[str]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if not -len(self) <= position < len(self):
            raise IndexError(position)
        position %= len(self)
        return str(self.blob[self.offsets[position] : self.offsets[position + 1]], "utf-8")


@dataclass
class Index:
    """Each field of every fact, normalised and joined; the facts as JSON text."""

    stored: dict[str, str]
    facts: Sequence[str]
    script: dict[str, str]

    @property
    def count(self) -> int:
        return len(self.facts)

    def write_to(self, handle: IO[bytes]) -> None:
        """Each field as UTF-8, then the facts and their offsets, then a JSON trailer.

        Fields are encoded one at a time, so writing never holds two copies.
        """
        handle.write(INDEX_MAGIC)
        sizes = []
        for name in STORED_FIELDS:
            sizes.append([name, handle.write(self.stored[name].encode("utf-8"))])
        offsets = array("Q", [0])
        for text in self.facts:
            offsets.append(offsets[-1] + handle.write(text.encode("utf-8")))
        sizes.append(["facts", offsets[-1]])
        sizes.append(["offsets", handle.write(offsets.tobytes())])
        trailer = {
            "format": INDEX_FORMAT,
            "version": __version__,
            "count": self.count,
            "script": self.script,
            "fields": sizes,
        }
        encoded = json.dumps(trailer, ensure_ascii=False).encode("utf-8")
        handle.write(encoded)
        handle.write(len(encoded).to_bytes(8, "big"))

    @classmethod
    def from_bytes(cls, data: bytes) -> Index:
        """Read an index back; ValueError when it is damaged or of another version."""
        if not data.startswith(INDEX_MAGIC) or len(data) < len(INDEX_MAGIC) + 8:
            raise ValueError("not a povcli index")
        size = int.from_bytes(data[-8:], "big")
        trailer = json.loads(data[len(data) - 8 - size : -8])
        if trailer.get("format") != INDEX_FORMAT or trailer.get("version") != __version__:
            raise ValueError("index of another format or version")
        view = memoryview(data)
        parts: dict[str, memoryview] = {}
        offset = len(INDEX_MAGIC)
        for name, length in trailer["fields"]:
            parts[name] = view[offset : offset + length]
            offset += length
        if offset != len(data) - 8 - size or set(parts) != {*STORED_FIELDS, "facts", "offsets"}:
            raise ValueError("index truncated or of another layout")
        offsets = array("Q")
        offsets.frombytes(parts.pop("offsets"))
        count = int(trailer["count"])
        if len(offsets) != count + 1 or offsets[-1] != len(parts["facts"]):
            raise ValueError("index fact offsets do not line up")
        facts = BlobFacts(parts.pop("facts"), offsets)
        fields = {name: str(part, "utf-8") for name, part in parts.items()}
        joined = (text for name, text in fields.items() if name != "syllables")
        if count and any(text.count(SEPARATOR) != count - 1 for text in joined):
            raise ValueError("index fields do not line up")
        if len(fields["pinyin"]) != len(fields["syllables"]):
            raise ValueError("index fields do not line up")
        return cls(stored=fields, facts=facts, script=dict(trailer["script"]))

    def fact(self, position: int) -> dict[str, Any]:
        record: dict[str, Any] = json.loads(self.facts[position])
        return record

    def starts_syllable(self, at: int) -> bool:
        """Whether a pinyin match at this offset begins where a syllable does."""
        return self.stored["syllables"][at] == SYLLABLE_START


def _syllable_marks(spaced: str) -> tuple[str, str]:
    """Pinyin joined (guangfu) and, char for char, "1" where a syllable starts."""
    joined = spaced.replace(" ", "")
    marks = re.sub(r"[^ \x00]+", lambda m: SYLLABLE_START + "0" * (len(m.group()) - 1), spaced)
    return joined, marks.replace(" ", "").replace(SEPARATOR, SYLLABLE_START)


def _number_token(value: float) -> str:
    """One spelling per number, so 1122, 1122.0 and １１２２ meet."""
    from decimal import Decimal

    return format(Decimal(repr(float(value))).normalize(), "f")


def _numbers_of(fact: Fact) -> str:
    """The numbers a fact can be found by: its value(s) and the number as written."""
    numbers = {fact.value} | ({fact.value_max} if fact.value_max is not None else set())
    bare = re.match(r"\d+(?:[.,]\d+)*", fact.written)
    if bare:
        numbers.add(float(bare.group().replace(",", "")))
    return " " + " ".join(sorted(_number_token(n) for n in numbers)) + " "


def build_index(catalog: Catalog) -> Index:
    """Normalise every searchable field; computes pinyin, so it is slow (index build only).

    Each field is built and joined in turn, so memory holds one field's
    values at a time beside the catalog.
    """
    facts = catalog.facts
    headings = {
        s.get("id"): " ".join(str(s.get(k) or "") for k in ("id", "heading", "heading_en"))
        for s in catalog.sections
        if isinstance(s, dict)
    }
    script = script_table(
        text for f in facts for text in (f.subject, f.quote, headings.get(f.section, ""))
    )
    normalise = Normaliser(script)
    sources: dict[str, Callable[[Fact], str]] = {
        "id": lambda f: f.id,
        "written": lambda f: f.written,
        "subject": lambda f: f.subject,
        "label": lambda f: f.label,
        "aliases": lambda f: " | ".join(f.aliases),
        "topic": lambda f: " | ".join(f.topic),
        "quote": lambda f: f.quote,
        "section": lambda f: headings.get(f.section, f.section),
    }
    stored = {
        name: SEPARATOR.join(normalise(source(f)) for f in facts)
        for name, source in sources.items()
    }
    subjects = stored["subject"].split(SEPARATOR) if facts else []
    quotes = stored["quote"].split(SEPARATOR) if facts else []
    subject_readings = [pinyin_phrase(subject) for subject in subjects]
    stored["initials"] = SEPARATOR.join(initials(reading) for reading in subject_readings)
    spaced = SEPARATOR.join(
        f"{reading} / {pinyin_chars(quote)}"
        for reading, quote in zip(subject_readings, quotes, strict=True)
    )
    del subjects, quotes, subject_readings
    stored["pinyin"], stored["syllables"] = _syllable_marks(spaced)
    del spaced
    stored["numbers"] = SEPARATOR.join(_numbers_of(fact) for fact in facts)
    stored["periods"] = SEPARATOR.join(f" {fact.period or ''} " for fact in facts)
    dumped = [
        json.dumps(fact.to_dict(), ensure_ascii=False, separators=(",", ":")) for fact in facts
    ]
    return Index(stored=stored, facts=dumped, script=script)


# ----------------------------------------------------------------- queries


class Term(NamedTuple):
    text: str
    number: float | None = None
    phrase: bool = False


def parse_query(query: str, normalise: Normaliser) -> list[Term]:
    """Words and quoted phrases, normalised; a word that reads as a figure is a number."""
    terms = []
    query = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in query)
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
    haystack = index.stored[name]
    found: set[int] = set()
    position = counted = 0
    at = haystack.find(needle)
    while at != -1:
        if (name == "pinyin" and not index.starts_syllable(at)) or (
            whole and not _stands_alone(haystack, at, len(needle))
        ):
            at = haystack.find(needle, at + 1)  # "gf" inside "sheng fu" is no match
            continue
        position += haystack.count(SEPARATOR, counted, at)
        counted = at
        found.add(position)
        end = haystack.find(SEPARATOR, at + len(needle))
        at = haystack.find(needle, end + 1) if end != -1 else -1
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


# keyed by id, holding the table itself so the id cannot be reused
_NORMALISERS: dict[int, tuple[dict[str, str], Normaliser]] = {}


def normaliser_for(script: dict[str, str]) -> Normaliser:
    """One normaliser per script table: building its translate table costs."""
    if id(script) not in _NORMALISERS:
        _NORMALISERS[id(script)] = (script, Normaliser(script))
    return _NORMALISERS[id(script)][1]


def search(index: Index, query: str) -> list[Hit]:
    """Facts matching every word of the query, best first; ties keep catalog order."""
    normalise = normaliser_for(index.script)
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
