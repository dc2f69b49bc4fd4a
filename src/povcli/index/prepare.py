"""A fact made ready for its index rows from the fact alone: checked against the schema,
its JSON text, the numbers it is found by, and its normalised and pinyin fields."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from povcli.catalog.load import fact_problems
from povcli.catalog.validate import figure_problems
from povcli.index.reads import MEMO_SIZE
from povcli.index.tables import ID_DIGITS, NUMBER, PERIOD_DIGITS
from povcli.jsontext import indented
from povcli.model import Fact
from povcli.numbers import NumberError, parse_quantity
from povcli.search.query import numbers_of
from povcli.search.rules import digit_runs
from povcli.search.textnorm import (
    Normaliser,
    char_reading,
    initials,
    pinyin_chars,
    pinyin_phrase,
)

CJK_RUN = r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}"


# a fact made ready for its rows: ("fact", fact, JSON text, number keys, searchable fields),
# or ("problems", how many, the first described)
Prepared = tuple[Any, ...]


class Preparer:
    """What a fact's rows need from the fact alone: checked against the schema, its JSON
    text, its number keys and its normalised and pinyin fields. In a pipeline the parser's
    process checks each fact (`checked`) and this one completes it (`completed`), so that
    the two processes share the work about evenly."""

    def __init__(self) -> None:
        self.normalise = Normaliser({})
        self.normal: dict[str, str] = {}
        self.readings: dict[str, str] = {}
        self.parsed: dict[str, Any] = {}  # written figure: what the parser read, or the error
        self.figure_problem: str | None = None  # the first fact whose figure is wrong

    def __call__(self, item: Any, position: int) -> Prepared:
        return self.completed(self.checked(item, position))

    def checked(self, item: Any, position: int) -> Prepared:
        """("checked", fact, the figure's problem) for a fact the schema accepts, else
        ("problems", how many, the first described)."""
        problems = fact_problems(item, position)
        if problems:
            return ("problems", len(problems), problems[0].describe())
        fact = Fact.from_dict(item)
        if self.figure_problem is None:
            self._check_figure(fact)
            wrong = self.figure_problem
        else:
            wrong = None  # said once, by the fact that first had it
        return ("checked", fact, wrong)

    def completed(self, checked: Prepared) -> Prepared:
        """A checked fact with its JSON text, number keys and searchable fields:
        ("fact", fact, text, numbers, fields, the figure's problem)."""
        if checked[0] != "checked":
            return checked
        _, fact, wrong = checked
        try:
            text = indented(fact.to_dict())
            numbers = list(number_keys(fact))
        except (ValueError, OverflowError) as exc:
            return ("problems", 1, f"fact {fact.id}: {exc}")
        return ("fact", fact, text, numbers, self._fields(fact), wrong)

    def _check_figure(self, fact: Fact) -> None:
        """`written` is in the quote and means `value`: what `validate` says of a fact's own
        figure, checked on every catalog however big (a borrowed figure rests on it)."""
        problems = figure_problems(fact, self._parse)
        if problems:
            self.figure_problem = f"fact {fact.id}: {problems[0][0]}"

    def _parse(self, written: str) -> Any:
        """parse_quantity, each written form read once (generated catalogs repeat them)."""
        known = self.parsed.get(written)
        if known is None:
            try:
                known = parse_quantity(written)
            except NumberError as exc:
                known = exc
            if len(self.parsed) >= MEMO_SIZE:
                self.parsed.clear()
            self.parsed[written] = known
        if isinstance(known, NumberError):
            raise known
        return known

    def _fields(self, fact: Any) -> dict[str, str]:
        normalise = self._normalised
        subject, quote = normalise(fact.subject), normalise(fact.quote)
        reading = pinyin_phrase(subject)
        quote_reading = self.readings.get(quote)
        if quote_reading is None:
            quote_reading = self._remember(self.readings, quote, pinyin_chars(quote))
        return {
            "written": normalise(fact.written),
            "subject": subject,
            "label": normalise(fact.label),
            "aliases": normalise(" | ".join(fact.aliases)),
            "topic": normalise(" | ".join(fact.topic)),
            "quote": quote,
            "section": "",
            "pinyin": f"{reading} / {quote_reading}",
            "initials": initials(reading),
        }

    def _normalised(self, text: str) -> str:
        """Normalised text; texts repeat (labels, topics, quotes): each is done once."""
        known = self.normal.get(text)
        return self._remember(self.normal, text, self.normalise(text)) if known is None else known

    @staticmethod
    def _remember(memo: dict[str, str], key: str, value: str) -> str:
        if len(memo) >= MEMO_SIZE:
            memo.clear()  # bounded: a catalog of distinct texts must not fill memory
        memo[key] = value
        return value


def reading_entries(text: str) -> set[str]:
    """Each piece of 2 to 4 Chinese characters of a text, as "reading<TAB>piece"
    (光伏扶贫 → guangfu<TAB>光伏, guangfufu<TAB>光伏扶, …)."""
    entries = set()
    for run in re.findall(CJK_RUN, text):
        readings = [char_reading(char) for char in run]
        for size in range(2, min(len(run), 4) + 1):
            for at in range(len(run) - size + 1):
                piece = readings[at : at + size]
                if all(piece):
                    entries.add("".join(piece) + "\t" + run[at : at + size])
    return entries


def sql_number(value: Any) -> Any:
    """A fact's value as SQLite can store it: an integer beyond 64 bits as a float, or
    none when even a float cannot hold it."""
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        try:
            return float(value)
        except OverflowError:
            return None
    return value


def number_keys(fact: Any) -> Iterable[tuple[int, str]]:
    """The numbers a fact is found by: its values, the number as written, and the
    runs of digits standing alone in its id and its period."""
    for token in numbers_of(fact.value, fact.value_max, fact.written):
        yield NUMBER, token
    for run in digit_runs(fact.id):
        yield ID_DIGITS, run
    for run in digit_runs(fact.period or ""):
        yield PERIOD_DIGITS, run
