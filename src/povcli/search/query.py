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
from typing import Any, NamedTuple

from povcli.errors import PovcliError
from povcli.search.rules import FIELD_WEIGHTS, TEXT_FIELDS, contains, digit_runs, occurrences
from povcli.search.textnorm import Normaliser

PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)')
# a figure with an English scale word, as an English text writes it: 3.29 million is 3290000
ENGLISH_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
SCALED = (
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(thousand|million|billion|trillion)\b"
)
# what may follow a Chinese numeral in a query that is a figure (五十八个, 三百二十九万人)
# fmt: off
MEASURE_WORDS = frozenset([
    "个", "人", "人次", "户", "村", "县", "座", "所", "家", "项", "处", "头", "岁", "年", "次",
    "级", "种", "名", "亩", "吨", "元", "倍", "%", "个百分点", "百分点", "公里", "平方米",
    "平方公里", "千米", "万人", "万元", "亿元",
])
# fmt: on
# words and phrases of one query: each becomes a few arms of one SQL union, and SQLite
# takes 500 at most (a longer query is no search anyone means)
MAX_QUERY_WORDS = 50


class Term(NamedTuple):
    text: str
    number: float | None = None
    phrase: bool = False
    # other spellings that match as well as `text` (synonyms, the pinyin typed with tones)
    also: tuple[str, ...] = ()
    # a number written in Chinese numerals (三百二十九万): found as a number or as text
    numeral: bool = False

    @property
    def needles(self) -> tuple[str, ...]:
        """Every text the term matches: itself and its other spellings."""
        return (self.text, *self.also)

    @property
    def as_text(self) -> bool:
        """Whether the term is looked for in the facts' text (else only as a number)."""
        return self.number is None or self.phrase or self.numeral


def parse_query(query: str, normalise: Normaliser) -> list[Term]:
    """Words and quoted phrases, normalised; a word that reads as a figure is a number.

    Pinyin typed with tone marks or numbers (guāngfú, guang1fu2) is also read
    toneless, and words the synonym table names also match their synonyms.
    """
    terms = []
    query = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in query)
    query = english_scales(unicodedata.normalize("NFKC", query))
    # words are split before they are normalised: the normaliser joins CJK across
    # spaces (scrapes space characters apart), and 光伏 電站 is two words, not 光伏電站
    for match in PHRASE.finditer(query):
        phrase = next((g for g in match.groups()[:3] if g is not None), None)
        text = normalise(phrase if phrase is not None else match.group(4)).strip()
        if text:
            number, numeral = _as_number(text)
            toneless = None if phrase is not None else toneless_pinyin(text)
            if toneless:
                terms.append(Term(toneless, also=(text,)))
            else:
                terms.append(Term(text, number, phrase is not None, numeral=numeral))
    if not terms:
        raise PovcliError(
            "empty query", hint="search for a word or a number, e.g. povcli search 光伏"
        )
    if len(terms) > MAX_QUERY_WORDS:
        raise query_too_long(len(terms))
    return with_phrases(with_synonyms(terms))


def english_scales(query: str) -> str:
    """Figures with an English scale word as plain numbers: 3.29 million → 3290000."""
    from decimal import Decimal

    def plain(match: re.Match[str]) -> str:
        number = Decimal(match.group(1).replace(",", "")).scaleb(
            ENGLISH_SCALES[match.group(2).lower()]
        )
        return format(number.normalize(), "f")

    if not re.search(r"(?i)thousand|million|billion|trillion", query):
        return query
    return re.sub(SCALED, plain, query, flags=re.IGNORECASE)


def query_too_long(words: int) -> PovcliError:
    return PovcliError(
        f"query too long: {words} words; povcli searches for at most {MAX_QUERY_WORDS}"
    )


CHINESE_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿")


def _as_number(text: str) -> tuple[float | None, bool]:
    """The value of a word that is a figure (1122, 329萬, ５４７９座, 三百二十九万, 五十八个),
    and whether it is written in Chinese numerals."""
    numeral = _numeral_and_measure(text)[0]
    if numeral is None and not re.search(r"\d", text):
        return None, False
    # the number parser (its patterns, decimal) only for a query with a figure: 7 ms
    from povcli.numbers import NumberError, parse_quantity

    try:
        quantity = parse_quantity(numeral or text)
    except NumberError:
        return None, False
    if numeral is not None and quantity.measure:  # numerals the grammar cannot read whole
        return None, False
    return float(quantity.value), numeral is not None


def _numeral_and_measure(text: str) -> tuple[str | None, str]:
    """A word of Chinese numerals, and the measure word after them (五十八个 → 五十八, 个);
    (None, "") when the word is not numerals, or what follows them is no measure word
    (十八大 is a name, not 18)."""
    end = len(text)
    while end and text[end - 1] not in CHINESE_NUMERAL_CHARS:
        end -= 1
    numeral, measure = text[:end], text[end:]
    if not numeral or not set(numeral) <= CHINESE_NUMERAL_CHARS or numeral in ("万", "亿", "千"):
        return None, ""
    if measure and measure not in MEASURE_WORDS:
        return None, ""
    return numeral, measure


# ----------------------------------------------------------------- pinyin with tones

# patterns as text: compiled (and cached by `re`) only when a query needs them
TONE_MARKS = r"[\u0300-\u036f]"
# a toneless syllable's shape: an optional initial and a final (ü typed as v)
SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn"
    r"|er|ia|ie|iu|ua|uo|ue|ui|ve|a|o|e|i|u|v)"
)
TONE_NUMBERED = rf"(?:{SYLLABLE}[0-5]?)*{SYLLABLE}[0-5]"


def toneless_pinyin(word: str) -> str | None:
    """guāngfú, guang1fu2 → guangfu; None for a word that is not pinyin with tones."""
    if word.isascii():
        if word.isalpha() or not word.isalnum() or not re.fullmatch(TONE_NUMBERED, word):
            return None
        plain = re.sub(r"[0-5]", "", word)
        return plain if len(plain) >= 2 else None
    if not any("a" <= char <= "z" for char in word):
        return None  # no Latin letter: Chinese, a figure
    decomposed = unicodedata.normalize("NFD", word).replace("u\u0308", "v")
    plain = re.sub(TONE_MARKS, "", decomposed)
    if plain == word or not (plain.isascii() and plain.isalpha()):
        return None
    return plain


# ----------------------------------------------------------------- synonyms

_SYNONYMS: list[dict[tuple[str, ...], list[tuple[str, ...]]]] = []


def synonym_table() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each phrase of the shipped synonym table (as words) and the phrases it stands for."""
    if not _SYNONYMS:
        import json
        import os

        # beside this module (importlib.resources would cost 2 ms at each start)
        path = os.path.join(os.path.dirname(__file__), "synonyms.json")
        with open(path, encoding="utf-8") as handle:
            groups = json.load(handle)
        table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups["groups"]:
            phrases = [tuple(phrase.casefold().split()) for phrase in group]
            for phrase in phrases:
                table.setdefault(phrase, []).extend(p for p in phrases if p != phrase)
        _SYNONYMS.append(table)
    return _SYNONYMS[0]


def with_synonyms(terms: list[Term]) -> list[Term]:
    """Words of the query that spell a phrase of the synonym table also match, word for
    word, its synonyms of as many words (poverty reduction: reduction also finds relief)."""
    words = [
        t.text if t.number is None and not t.phrase and t.text.isascii() else "" for t in terms
    ]
    if not any(word.isalpha() for word in words):
        return terms
    table = synonym_table()
    longest = max((len(phrase) for phrase in table), default=0)
    out = list(terms)
    at = 0
    while at < len(terms):
        for size in range(min(longest, len(terms) - at), 0, -1):
            phrase = tuple(words[at : at + size])
            if phrase not in table:
                continue
            for other in table[phrase]:
                if len(other) != size:
                    continue
                for offset, (mine, theirs) in enumerate(zip(phrase, other, strict=True)):
                    term = out[at + offset]
                    if mine != theirs and theirs not in term.needles:
                        out[at + offset] = term._replace(also=(*term.also, theirs))
            at += size - 1
            break
        at += 1
    return out


def with_phrases(terms: list[Term]) -> list[Term]:
    """A Chinese word holding a phrase of the synonym table also matches the word with that
    phrase replaced by each other phrase of its group (易地搬迁 finds 易地扶贫搬迁), and,
    when it is the phrase itself, the group's one-word English phrases (relocation)."""
    if all(term.text.isascii() or term.phrase for term in terms):
        return terms
    table = synonym_table()
    chinese = sorted(
        (phrase[0] for phrase in table if len(phrase) == 1 and not phrase[0].isascii()),
        key=len,
        reverse=True,
    )
    out = []
    for term in terms:
        found = (
            None
            if term.phrase or term.text.isascii()
            else next((p for p in chinese if p in term.text), None)
        )
        if found is None:
            out.append(term)
            continue
        others = [other[0] for other in table[(found,)] if len(other) == 1]
        also = [term.text.replace(found, other) for other in others if not other.isascii()]
        if term.text == found:
            also += [other for other in others if other.isascii()]
        new = tuple(dict.fromkeys(n for n in also if n not in term.needles))
        out.append(term._replace(also=(*term.also, *new)))
    return out


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
    found = set()
    if term.number is not None and not term.phrase:
        numbers = numbers_of(record["value"], record.get("value_max"), record["written"])
        if number_token(term.number) in numbers:
            found.add("number")
        if term.text.isdigit():
            if term.text in digit_runs(record["id"]):
                found.add("id")
            if term.text in digit_runs(record.get("period") or ""):
                found.add("number")
    if term.as_text:
        found.update(
            name
            for name in TEXT_FIELDS
            for needle in term.needles
            if contains(fields[name][0], needle, fields[name][1])
        )
    return found


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


def highlight_spans(text: str, query: str, script: dict[str, str]) -> list[tuple[int, int]]:
    """Where the query's words occur in the original text, through normalisation."""
    normalise = normaliser_for(script)
    normal, origin = normalise.with_map(text)
    spans = []
    for term in parse_query(query, normalise):
        for needle in term.needles:
            for at in occurrences(normal, needle):
                end = at + len(needle) - 1
                spans.append((origin[at], origin[end] + 1))
    return spans
