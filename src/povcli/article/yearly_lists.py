"""A year's figure each, listed after 分别 under a span of years, and their total: "2013至2018年
我国农村减贫人数分别为1650万人、1232万人、1442万人、1240万人、1289万人、1386万人,…。六年来,农村
已累计减贫8239万人". The figures add up to the total of the span the words give it (累计, 共, 合计).

Called wrong only where the list holds a figure for every year of the span and the total is of
that span (六年来, or the same years): then the years listed are all of it. A total of other
words, or a list shorter than its span, is shown where it adds up, never called wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, parse_chinese_numeral

SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:至|到|—|–|-|~)\s*((?:19|20)\d{2})\s*年")
RESPECTIVELY = re.compile(r"分别(?:为|是|达到?|有|完成)?\s*$")
TOTAL_WORDS = re.compile(r"(?:累计|共计|合计|总计|共)[^,，;；。\d]{0,8}$")
YEARS_SINCE = re.compile(r"([两二三四五六七八九十]+|\d+)\s*年(?:来|间|时间|里|中)")
TOTAL_WITHIN = 2  # sentences after the list where its total may stand
LIST_NOTE = "the figures listed are one a year over {}–{}: they add up to its total"
SHORT_NOTE = "the list or the total may not cover every year of the span: shown, not called wrong"


def yearly_lists(reading: Reading) -> Iterator[Relation]:
    for number, sentence in enumerate(reading.sentences):
        span = SPAN.search(sentence.text)
        if span is None:
            continue
        listed = _listed(reading, number, span.end() + sentence.start)
        if len(listed) < 2:
            continue
        years = int(span.group(2)) - int(span.group(1)) + 1
        total = _total_after(reading, number, listed)
        if total is None:
            continue
        yield _relation(reading, listed, total, years, (span.group(1), span.group(2)))


def _listed(reading: Reading, number: int, after: int) -> list[Note]:
    """The figures after 分别 in the sentence, after the span, one unit, one after another."""
    notes = [n for n in reading.in_sentence(number) if n.figure.start >= after]
    for at, note in enumerate(notes):
        words = reading.simple[max(after, note.figure.start - 12) : note.figure.start]
        if not RESPECTIVELY.search(words):
            continue
        run = [note]
        for following in notes[at + 1 :]:
            between = reading.simple[run[-1].figure.end : following.figure.start]
            if not re.fullmatch(r"\s*[、,，]{1,3}\s*", between) or not following.figure.same_unit(
                note.figure
            ):
                break
            run.append(following)
        return run if note.figure.kind == COUNT and note.figure.unit is not None else []
    return []


def _total_after(reading: Reading, number: int, listed: list[Note]) -> Note | None:
    """The total the words give after the list (累计减贫8239万人), of its unit, in the next
    sentences; the first one so named."""
    last = min(number + TOTAL_WITHIN, len(reading.sentences) - 1)
    for sentence in range(number, last + 1):
        for note in reading.in_sentence(sentence):
            if note.index <= listed[-1].index or not note.figure.same_unit(listed[0].figure):
                continue
            words = reading.sentence_of(note).words_before(note.figure, 16)
            if TOTAL_WORDS.search(words):
                return note
    return None


def _relation(
    reading: Reading, listed: list[Note], total: Note, years: int, span: tuple[str, str]
) -> Relation:
    start, end, spans = text_span(reading, *listed, total)
    roles: dict[str, Figure | list[Figure]] = {"parts": [n.figure for n in listed]}
    said = _total_years(reading, total)
    same_span = said == years or (said is None and span[0] in reading.sentence_of(total).text)
    covered = len(listed) == years and same_span
    notes = [LIST_NOTE.format(*span)]
    if not covered:
        notes.append(SHORT_NOTE)
    return Relation("sum", roles, start, end, total.figure, notes=notes, spans=spans,
                    confident=covered)  # fmt: skip


def _total_years(reading: Reading, total: Note) -> int | None:
    """The years the total's sentence says it is over (六年来: 6), if it says."""
    sentence = reading.sentence_of(total)
    found = YEARS_SINCE.search(reading.simple[sentence.start : total.figure.start])
    if found is None:
        return None
    written = found.group(1)
    return int(written) if written.isdigit() else parse_chinese_numeral(written)
