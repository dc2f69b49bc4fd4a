""" "Did you mean": the closest words of the catalogs to a word no fact holds.

An index keeps its catalog's English words and pinyin syllables, and the Chinese words
of its subjects and aliases (pieces of 2 to 4 characters) with their readings, as
"reading<TAB>word". A mistyped English or pinyin word is compared with the words and
the readings (guangfo → guangfu, 光伏); a mistyped Chinese word is read, and the words
of the same reading, else of a close one, are offered (光副 guangfu → 光伏).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from povcli.search.textnorm import is_cjk

# how alike two readings must be for a Chinese word to be offered by a close reading
CLOSE_READING = 0.8


class Vocabulary:
    """The words of one or more indexes, for suggestions."""

    def __init__(self, parts: Iterable[Iterable[str]]) -> None:
        self.words: set[str] = set()
        self.readings: dict[str, list[str]] = {}
        for part in parts:
            for line in part:
                reading, tab, word = line.partition("\t")
                if not tab:
                    if line:
                        self.words.add(line)
                elif word not in self.readings.setdefault(reading, []):
                    self.readings[reading].append(word)

    def suggest(self, text: str) -> str | None:
        """ "did you mean …?" for a word of a query no fact holds, or None."""
        if text.isascii():
            close = self._latin(text) if text.isalpha() else []
        elif all(is_cjk(char) for char in text):
            close = self._chinese(text)
        else:
            close = []
        return "did you mean " + " or ".join(close) + "?" if close else None

    def _latin(self, text: str) -> list[str]:
        candidates = sorted(self.words | set(self.readings))
        close = difflib.get_close_matches(text, candidates, n=6, cutoff=0.5)
        offered: list[str] = []
        for word in close:
            # a longer piece of a word already offered (光伏扶 after 光伏) says nothing more
            if not any(word.startswith(other) for other in offered if other in self.readings):
                offered.append(word)
        return [
            f"{word} ({'/'.join(self.readings[word][:2])})" if word in self.readings else word
            for word in offered[:3]
        ]

    def _chinese(self, text: str) -> list[str]:
        from povcli.search.textnorm import reading_of  # reads pypinyin: a failed search only

        reading = reading_of(text)
        if not reading:
            return []
        same = [w for w in self.readings.get(reading, []) if w != text and len(w) == len(text)]
        if same:
            return same[:3]
        close = difflib.get_close_matches(reading, list(self.readings), n=3, cutoff=CLOSE_READING)
        words = [w for r in close for w in self.readings[r] if w != text and len(w) == len(text)]
        return list(dict.fromkeys(words))[:3]
