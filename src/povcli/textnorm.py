"""Text normalisation for search: width, case, script and spacing, the same for facts and queries.

Script conversion is OpenCC's t2s, applied character by character so that a
fact and a query always agree on a character (phrase-level conversion can
turn 著 into 着 in one context and not another). The conversions of every
character in the catalog are kept in the search index, so OpenCC is only
imported for a query holding a character the catalog does not have.
Pinyin comes from pypinyin and is computed only when the index is built.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
)


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in CJK_RANGES)


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # imported here: it costs ~45 ms

    return opencc.OpenCC("t2s")


def t2s_char(char: str) -> str:
    """One character to Simplified script with OpenCC (no-op for non-CJK)."""
    if not is_cjk(char):
        return char
    return str(_converter().convert(char))


def script_table(texts: Iterable[str]) -> dict[str, str]:
    """Simplified form of every CJK character in the texts and of each result."""
    table: dict[str, str] = {}
    for text in texts:
        for char in unicodedata.normalize("NFKC", text):
            if is_cjk(char) and char not in table:
                simplified = t2s_char(char)
                table[char] = simplified
                for out in simplified:
                    if out not in table:
                        table[out] = t2s_char(out)
    return table


class Normaliser:
    """NFKC, case-folding, Traditional → Simplified; spaces between CJK characters dropped."""

    def __init__(self, table: dict[str, str] | None = None) -> None:
        self.table = table if table is not None else {}

    def _char(self, char: str) -> str:
        out = []
        for piece in unicodedata.normalize("NFKC", char).casefold():
            if is_cjk(piece):
                if piece not in self.table:
                    self.table[piece] = t2s_char(piece)
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

    def __call__(self, text: str) -> str:
        return self.with_map(text)[0]


def _between_cjk(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    after = text[index:].lstrip()
    return bool(before and after and is_cjk(before[-1]) and is_cjk(after[0]))


def pinyin(text: str) -> tuple[str, str]:
    """Toneless pinyin of the CJK characters, syllables separated by spaces, and initials."""
    from pypinyin import Style, lazy_pinyin  # ~0.4 s to import: index build only

    hanzi = "".join(char for char in text if is_cjk(char))
    syllables = [s for s in lazy_pinyin(hanzi, errors="ignore") if s.isalpha()]
    initials = lazy_pinyin(hanzi, style=Style.FIRST_LETTER, errors="ignore")
    return " ".join(syllables).lower(), "".join(s for s in initials if s.isalpha()).lower()
