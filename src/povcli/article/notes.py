"""What `check` knows of each figure of an article (a `Note`: role, subject, period, scope,
head) and of the article read once (a `Reading`), with the grammar of phrasings they are
read with (grammar.json beside this module)."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from povcli.article.figures import Figure, Sentence
from povcli.article.grids import Grid
from povcli.article.row_tables import SpacedTable
from povcli.numbers import CHINESE_DIGITS
from povcli.search.textnorm import is_cjk, t2s_char

LEVEL = "level"
CHANGE = "change"
RATE = "rate"  # a relative change in %: 增长11.5%
POINTS = "points"  # a change of a rate, in percentage points
SHARE = "share"  # a part of a whole, in % (占…比重, 是…的)
MULTIPLE_OF = "multiple"  # 是2012年的1.6倍
AVERAGE = "average"  # a change per year: 年均减少1237万人, 年均增长12.4% (a compound rate)
YEARS = "years"  # a count of years a flow runs over: 五年, 8年来
LABEL = "label"  # not a statistic of its own: an age, a footnote mark, the 1 of a ratio

# Figures are attached to a head within its statement, within so many figures of it: none
# looks further, so that the work grows with the text
ATTACHED_WITHIN = 64
# the cue of a 比重 with no 占 after a share: a share of the same whole (第二产业增加值比重为38.3%)
CARRIED_SHARE = "the whole of the share before"


@cache
def grammar() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        files("povcli.article").joinpath("grammar.json").read_text(encoding="utf-8")
    )
    return data


@cache
def alternatives(name: str) -> str:
    words = sorted(grammar()[name], key=len, reverse=True)
    return "|".join(re.escape(word) for word in words)


@cache
def any_of(name: str) -> re.Pattern[str]:
    """The words of a grammar list as one compiled pattern (asked for every figure)."""
    return re.compile(alternatives(name))


@dataclass
class Note:
    """What the text says a figure is."""

    figure: Figure
    index: int
    role: str = LEVEL
    sign: int = 1
    # "previous" (比上年, 同比), "period-before" (环比, 比上月), a year (比2012年), or None
    base: str | None = None
    qualifier: str | None = None  # "nominal" or "real", for rates
    subject: str = ""
    scope: str | None = None  # where: "national", a province's name, "province" (全省)
    segment: str | None = None  # which part of it: 东部地区, 贫困地区, 民族八省区 …
    period: str | None = None
    period_from: str = ""
    whole: str | None = None  # the words naming the whole of a share or a multiple's base
    cues: list[str] = field(default_factory=list)
    paragraph: int = 0
    sentence: int = 0
    clause: int = 0
    head: int | None = None  # the level a change, rate, points or share qualifies

    def to_dict(self) -> dict[str, Any]:
        figure = self.figure
        return {
            "written": figure.written,
            "value": figure.value,
            "bounds": figure.bounds.to_list(),
            "unit": figure.unit,
            "role": self.role,
            "sign": self.sign,
            "subject": self.subject,
            "scope": self.scope,
            "segment": self.segment,
            "period": self.period,
            "period_from": self.period_from,
            "base": self.base,
            "qualifier": self.qualifier,
            "whole": self.whole,
            "cues": self.cues,
            "head": self.head,
            "start": figure.start,
            "end": figure.end,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
        }


@dataclass
class Reading:
    """An article read once: its figures with their notes, sentences and paragraphs; every
    later step (relations, borrowing, the report) works on this and reads nothing again."""

    text: str
    simple: str  # the text in Simplified script, character for character
    figures: list[Figure]
    notes: list[Note]
    sentences: list[Sentence]
    paragraphs: list[tuple[int, int]]
    title: str
    scope: str | None
    period: str | None
    # the one province the title names: what 全省 and 我省 mean in the article
    home: str | None = None
    # its tables, read as tables (their cells are none of `figures`)
    grids: list[Grid] = field(default_factory=list)
    # the tables no header was read for, read as rows (`row_tables`)
    row_tables: list[SpacedTable] = field(default_factory=list)

    def note(self, figure: Figure) -> Note:
        return self.notes[self.position[figure.start]]

    def __post_init__(self) -> None:
        self.position = {note.figure.start: note.index for note in self.notes}
        self._levels: list[Note] | None = None
        self._level_at: list[int] = []
        self._provinces: set[str] | None = None

    def sentence_of(self, note: Note) -> Sentence:
        return self.sentences[note.sentence]

    def in_sentence(self, number: int) -> list[Note]:
        return [self.note(f) for f in self.sentences[number].figures]

    def only_province(self) -> str | None:
        """The one province the figures are of, when they name one and no other: what 全省
        means where the title names none."""
        if self._provinces is None:
            known = set(grammar()["provinces"])
            self._provinces = {n.scope for n in self.notes if n.scope and n.scope in known}
        return next(iter(self._provinces)) if len(self._provinces) == 1 else None

    def levels_between(self, first: int, last: int) -> list[Note]:
        """The levels among notes[first:last], found by bisection once the reading is done
        (its roles no longer change): a whole is sought among levels only."""
        if self._levels is None:
            self._levels = [n for n in self.notes if n.role == LEVEL]
            self._level_at = [n.index for n in self._levels]
        low = bisect.bisect_left(self._level_at, first)
        high = bisect.bisect_left(self._level_at, last)
        return self._levels[low:high]


# ----------------------------------------------------------------- script


def simplified(text: str) -> str:
    """The text in Simplified script, one character for one (offsets stay the article's), its
    years written in Chinese digits in Arabic ones (二〇二四年 is 2024年)."""
    table = {}
    for char in set(text):
        if is_cjk(char):
            simple = t2s_char(char)
            if len(simple) == 1 and simple != char:
                table[ord(char)] = simple
    return years_in_digits(text.translate(table))


# a year written digit by digit in Chinese (二〇二四年, 二零二三年度): four characters, as many
# as its Arabic digits, so that offsets stay
CHINESE_YEAR = re.compile(
    r"(?<![〇○零一二两三四五六七八九十百千万亿])[〇○零一二三四五六七八九]{4}(?=年)"
)
YEAR_DIGITS = str.maketrans({"○": "0", **{c: str(d) for c, d in CHINESE_DIGITS.items()}})


def years_in_digits(text: str) -> str:
    """The text with its years written in Chinese digits written in Arabic ones."""
    if not CHINESE_YEAR.search(text):
        return text
    return CHINESE_YEAR.sub(lambda m: m.group().translate(YEAR_DIGITS), text)


LOOK_BACK = 400  # characters before a figure that may date, scope or name it


def sentence_clauses(text: str) -> list[int]:
    """Where the clauses of a sentence start: after , ; : outside brackets."""
    starts, depth = [0], 0
    for at, char in enumerate(text):
        if char in "(（[":
            depth += 1
        elif char in ")）]":
            depth = max(0, depth - 1)
        elif depth == 0 and char in ",，;；:：" and not _thousands(text, at):
            starts.append(at + 1)
    return starts


def _thousands(text: str, at: int) -> bool:
    """Whether the comma at a place groups a figure's digits (2,765人): no clause ends there."""
    return (
        text[at] == ","
        and text[at - 1 : at].isdigit()
        and text[at + 1 : at + 4].isdigit()
        and not text[at + 4 : at + 5].isdigit()
    )
