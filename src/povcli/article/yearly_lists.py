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
from povcli.article.relations import YEAR_RANGE, Relation, counted_years
from povcli.numbers import COUNT, parse_chinese_numeral

RESPECTIVELY = re.compile(r"分别(?:为|是|达到?|有|完成)?\s*$")
TOTAL_WORDS = re.compile(r"(?:累计|共计|合计|总计|共)[^,，;；。\d]{0,8}$")
TOTAL_WITHIN = 2  # sentences after the list where its total may stand
LIST_NOTE = "the figures listed are one a year over {}–{}: they add up to its total"
SHORT_NOTE = "the list or the total may not cover every year of the span: shown, not called wrong"
# a span of months (1月到5月) and a month added after the list (,加上6月的1萬440人)
MONTH_SPAN = re.compile(r"(?<!\d)(1[0-2]|[1-9])\s*月\s*(?:到|至|—|–|-|~)\s*(1[0-2]|[1-9])\s*月")
ONE_MORE = re.compile(r"^\s*[,，]?\s*(?:再)?(?:加上|以及)\s*(1[0-2]|[1-9])\s*月份?的?\s*$")
# the months a total's words say it is of
TOTAL_MONTHS = (
    (re.compile(r"上半年"), lambda _: (1, 6)),
    (re.compile(r"下半年"), lambda _: (7, 12)),
    (re.compile(r"前\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*个?月"), lambda n: (1, n)),
    (re.compile(r"(?<!\d)1\s*[-—~至到]\s*(\d{1,2})\s*月"), lambda n: (1, n)),
)
MONTHS_NOTE = "the figures listed are one a month, months {}–{}: they add up to their total"
MONTHS_SHORT_NOTE = (
    "the list or the total may not cover every month of the span: shown, not called wrong"
)


def _lists_under(
    reading: Reading, spans: re.Pattern[str]
) -> Iterator[tuple[int, re.Match[str], list[Note]]]:
    """Each sentence's span (of years, of months) and the list after 分别 that follows it."""
    for number, sentence in enumerate(reading.sentences):
        span = spans.search(sentence.text)
        listed = _listed(reading, number, span.end() + sentence.start) if span else []
        if span is not None and len(listed) >= 2:
            yield number, span, listed


def yearly_lists(reading: Reading) -> Iterator[Relation]:
    for number, span, listed in _lists_under(reading, YEAR_RANGE):
        years = int(span.group(2)) - int(span.group(1)) + 1
        total = _total_after(reading, number, listed)
        if total is None:
            continue
        yield _relation(reading, listed, total, years, (span.group(1), span.group(2)))


def monthly_lists(reading: Reading) -> Iterator[Relation]:
    """ "今年1月到5月出生數分別為1萬1023人、…、1萬1168人,加上6月的1萬440人,上半年新生兒累計6萬
    3874人": a month's figure each, and the total of the months."""
    for number, span, listed in _lists_under(reading, MONTH_SPAN):
        first, last = int(span.group(1)), int(span.group(2))
        added = _month_added(reading, number, listed[-1], last)
        if added is not None:
            listed, last = [*listed, added], last + 1
        total = _total_after(reading, number, listed)
        if total is None or last < first:
            continue
        covered = (
            len(listed) == last - first + 1
            and _total_months(reading, total) == (first, last)
            and _same_thing(reading, listed[0], total)
        )
        start, end, spans = text_span(reading, *listed, total)
        roles: dict[str, Figure | list[Figure]] = {"parts": [n.figure for n in listed]}
        notes = [MONTHS_NOTE.format(first, last)] + ([] if covered else [MONTHS_SHORT_NOTE])
        yield Relation("sum", roles, start, end, total.figure, notes=notes, spans=spans,
                       confident=covered)  # fmt: skip


# the same things counted in other words: births as 出生 or 新生儿, a fall in the poor as 减贫
SAME_THINGS = (re.compile(r"出生|新生儿|婴儿"), re.compile(r"死亡"), re.compile(r"结婚"),
               re.compile(r"离婚"), re.compile(r"迁入"), re.compile(r"迁出"))  # fmt: skip
NOT_A_THING = re.compile(
    r"^(?:今年|去年|全年|累计|合计|共计|总计|上半|下半|半年|人数|分别|年来|以来"
    r"|[全本我该][县市省区国州])$"
)


def _same_thing(reading: Reading, first: Note, total: Note) -> bool:
    """Whether the total's words count what the list's do: a run of two characters they share
    (减贫), or words of one kind of event (出生数 and 新生儿)."""
    listed = _clause_words(reading, first)
    counted = _clause_words(reading, total)
    if any(p.search(listed) and p.search(counted) for p in SAME_THINGS):
        return True
    pairs = {listed[i : i + 2] for i in range(len(listed) - 1)}
    return any(
        counted[i : i + 2] in pairs
        and not NOT_A_THING.match(counted[i : i + 2])
        and re.fullmatch(r"[\u4e00-\u9fff]{2}", counted[i : i + 2])
        for i in range(len(counted) - 1)
    )


def _clause_words(reading: Reading, note: Note) -> str:
    """The words of a figure's sentence before it, back to the clause that names it."""
    sentence = reading.sentence_of(note)
    before = reading.simple[sentence.start : note.figure.start]
    return (
        re.split(r"[,，;；。]", before)[-1]
        if not RESPECTIVELY.search(before[-12:])
        else (re.split(r"[,，;；。]", before[: before.rfind("分别")])[-1])
    )


def _month_added(reading: Reading, number: int, last_listed: Note, last: int) -> Note | None:
    """The figure right after the list that adds the next month to it (加上6月的1萬440人)."""
    following = [n for n in reading.in_sentence(number) if n.index == last_listed.index + 1]
    if not following or not following[0].figure.same_unit(last_listed.figure):
        return None
    between = reading.simple[last_listed.figure.end : following[0].figure.start]
    found = ONE_MORE.match(between)
    return following[0] if found and int(found.group(1)) == last + 1 else None


def _total_months(reading: Reading, total: Note) -> tuple[int, int] | None:
    """The months a total's clause says it is of (上半年: 1–6), if it says."""
    sentence = reading.sentence_of(total)
    clause = re.split(r"[,，;；。]", reading.simple[sentence.start : total.figure.start])[-1]
    for pattern, months in TOTAL_MONTHS:
        found = pattern.search(clause)
        if found:
            written = found.group(1) if found.groups() else ""
            count = (
                int(written)
                if written.isdigit()
                else (parse_chinese_numeral(written) if written else 0)
            )
            return months(count)
    return None


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
    covered = len(listed) == years and same_span and _same_thing(reading, listed[0], total)
    notes = [LIST_NOTE.format(*span)]
    if not covered:
        notes.append(SHORT_NOTE)
    return Relation("sum", roles, start, end, total.figure, notes=notes, spans=spans,
                    confident=covered)  # fmt: skip


def _total_years(reading: Reading, total: Note) -> int | None:
    """The years the total's sentence says it is over (六年来, 2013至2018年), where it gives
    one count of them (the reading of `relations`, which counts a flow's years)."""
    counts = {count for count, _ in counted_years(reading.sentence_of(total))}
    return int(counts.pop()) if len(counts) == 1 else None
