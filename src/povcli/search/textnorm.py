"""Text normalisation for search: width, case, script and spacing, the same for facts and queries.

Script conversion is OpenCC's t2s, applied character by character so that a
fact and a query always agree on a character (phrase-level conversion can
turn 著 into 着 in one context and not another). The conversions of every
character in the catalog are kept in the search index, so OpenCC is only
imported for a query holding a character the catalog does not have.
Pinyin comes from pypinyin and is computed only when the index is built.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

WHITESPACE = re.compile(r"\s+")


def is_cjk(char: str) -> bool:
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0002fa1f"
    )


# conversions known without OpenCC: every catalog read in this run shares its index's
# table (a query searched in five catalogs is converted once, not loaded five times)
KNOWN: dict[str, str] = {}


def share_known(table: dict[str, str]) -> None:
    """Add a catalog's conversions (OpenCC's, kept in its index) to those every
    normaliser of this run consults before OpenCC."""
    KNOWN.update(table)


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # imported here: it costs ~45 ms

    return opencc.OpenCC("t2s")


def t2s_char(char: str) -> str:
    """One character to Simplified script with OpenCC (no-op for non-CJK)."""
    if not is_cjk(char):
        return char
    return str(_converter().convert(char))


class Normaliser:
    """NFKC, case-folding, Traditional → Simplified; spaces between CJK characters dropped."""

    def __init__(self, table: dict[str, str] | None = None) -> None:
        self.table = table if table is not None else {}
        self.translation = {ord(k): v for k, v in self.table.items() if k != v}
        self.seen: set[str] = set(self.table)
        self.pieces: dict[str, str] = {}  # each character's normal form, for `with_map`

    def __call__(self, text: str) -> str:
        """The fast path: whole-string NFKC, case-folding and a translate table."""
        text = drop_spaces_between_cjk(unicodedata.normalize("NFKC", text).casefold())
        new = set(text) - self.seen
        if new:
            for char in new:
                if is_cjk(char) and char not in self.table:
                    self._learn(char)
            self.seen |= new
        return text.translate(self.translation)

    def _learn(self, char: str) -> None:
        simplified = KNOWN.get(char) or t2s_char(char)
        self.table[char] = simplified
        if simplified != char:
            self.translation[ord(char)] = simplified

    def _char(self, char: str) -> str:
        piece = self.pieces.get(char)
        if piece is None:
            piece = self.pieces[char] = self._normal_char(char)
        return piece

    def _normal_char(self, char: str) -> str:
        out = []
        for piece in unicodedata.normalize("NFKC", char).casefold():
            if is_cjk(piece):
                if piece not in self.table:
                    self._learn(piece)
                out.append(self.table[piece])
            else:
                out.append(piece)
        return "".join(out)

    def with_map(self, text: str) -> tuple[str, list[int]]:
        """The normalised text and, for each of its characters, its index in `text`."""
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(text):
            if char.isspace() and _between_cjk(text, index):
                continue
            for piece in self._char(char):
                chars.append(piece)
                origin.append(index)
        return "".join(chars), origin


def drop_spaces_between_cjk(text: str) -> str:
    """貧困 縣 → 貧困縣; spaces elsewhere stay (a regex with the CJK ranges costs 5 ms to build)."""

    def keep(run: re.Match[str]) -> str:
        before = text[run.start() - 1] if run.start() else ""
        after = text[run.end()] if run.end() < len(text) else ""
        return "" if before and after and is_cjk(before) and is_cjk(after) else run.group()

    return WHITESPACE.sub(keep, text)


def _between_cjk(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    after = text[index:].lstrip()
    return bool(before and after and is_cjk(before[-1]) and is_cjk(after[0]))


@lru_cache(maxsize=65536)
def pinyin_phrase(text: str) -> str:
    """Toneless pinyin, syllables spaced, read phrase by phrase (長城 → chang cheng)."""
    from pypinyin import lazy_pinyin  # ~0.4 s to import: index build only

    hanzi = "".join(char for char in text if is_cjk(char))
    return " ".join(s for s in lazy_pinyin(hanzi, errors="ignore") if s.isalpha()).lower()


@cache
def _char_reading(char: str) -> str:
    return pinyin_phrase(char)


def char_reading(char: str) -> str:
    """A character's toneless pinyin ("" for none), read alone."""
    return _char_reading(char)


def reading_of(text: str) -> str:
    """A word's toneless pinyin read character by character, joined (光副 → guangfu)."""
    return "".join(_char_reading(char) for char in text if is_cjk(char))


def pinyin_chars(text: str) -> str:
    """Toneless pinyin read character by character: fast, for long texts.

    Runs of Chinese characters apart in the text (光伏、扶貧; 5479座集中) are
    apart in the reading too, with a `/` between them: syllables typed as one
    word never match across a punctuation mark or a figure.
    """
    words: list[str] = []
    for char in text:
        if is_cjk(char):
            reading = _char_reading(char)
            if reading:
                words.append(reading)
        elif words and words[-1] != "/":
            words.append("/")
    if words and words[-1] == "/":
        words.pop()
    return " ".join(words)


def initials(spaced_pinyin: str) -> str:
    return "".join(syllable[0] for syllable in spaced_pinyin.split() if syllable.isalpha())
