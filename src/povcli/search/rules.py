"""What a match is: the searchable fields and their weights, and how stored values are cut
into the pieces the index looks up (short grams, syllable marks, digit runs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

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
FIELDS = list(FIELD_WEIGHTS)
TEXT_FIELDS = [name for name in FIELD_WEIGHTS if name != "number"]
# fields stored once per distinct value, with postings to their facts
VALUE_FIELDS = [name for name in TEXT_FIELDS if name != "id"]
ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
SYLLABLE_START = "1"


def contains(text: str, needle: str, marks: str | None) -> bool:
    """Whether the needle occurs in the text (see `occurrences`)."""
    return next(occurrences(text, needle, marks), None) is not None


def occurrences(text: str, needle: str, marks: str | None = None) -> Iterator[int]:
    """Where the needle occurs in the text: in pinyin (with marks), from a syllable's start;
    an English word from a word's start (rate is not in moderate; photovolt is in
    photovoltaic); Chinese and figures anywhere."""
    at = text.find(needle) if needle else -1
    english = english_word(needle)
    while at != -1:
        if marks is not None:
            if marks[at : at + 1] == SYLLABLE_START:
                yield at
        elif not english or at == 0 or not _word_char(text[at - 1]):
            yield at
        at = text.find(needle, at + 1)


def english_word(needle: str) -> bool:
    """A needle that begins as an English word does: with a Latin letter."""
    return needle[:1].isascii() and needle[:1].isalpha()


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def syllable_marks(spaced: str) -> tuple[str, str]:
    """Pinyin joined (guangfu) and, char for char, "1" where a syllable starts."""
    joined, marks = [], []
    for word in spaced.split(" "):
        if word:
            joined.append(word)
            marks.append(SYLLABLE_START + "0" * (len(word) - 1))
    return "".join(joined), "".join(marks)


def short_grams(text: str, marks: str | None = None) -> set[str]:
    """Every 1- and 2-character piece of a value (of pinyin: from a syllable's start)."""
    grams = set()
    for at in range(len(text)):
        if marks is not None and marks[at] != SYLLABLE_START:
            continue
        grams.add(text[at])
        if at + 1 < len(text):
            grams.add(text[at : at + 2])
    return grams


def digit_runs(text: str) -> set[str]:
    """Runs of digits with no letter, digit or point on either side (2013 in income-2013)."""
    runs, current = set(), []
    for char in [*text, " "]:
        if char.isalnum() or char == ".":
            current.append(char)
            continue
        word = "".join(current)
        if word.isdigit():
            runs.add(word)
        current = []
    return runs


class Hit(NamedTuple):
    position: int
    score: int
    matched: list[str]
