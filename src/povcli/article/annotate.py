"""Step one of `check`: every figure of an article, annotated.

Each statistic gets its value and interval and its unit (povcli.article.figures), and here
its role — a level, a change, a rate of change, a change in points, a share, a multiple, an
average per year, a count of years, or a label that is no statistic (an age, a footnote, a
ratio's 1) — the subject it counts with its scope (the nation, a province, a region), its
period, the base it is compared with (比上年, 比2012年), and qualifiers (名义/实际). Subject
and period are carried across clauses, sentences and paragraphs: "2019年末,全国农村贫困人口
551万人,比上年末减少1109万人" gives the change the subject and year of the level it follows.

Relations are inferred from these annotations (povcli.article.relations); `povcli check
--figures` shows them, so a reader can see why a relation was or was not found. The
phrasings are data: grammar.json beside this module.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from povcli.article.figures import Figure, Sentence, figures_of, sentences_of
from povcli.numbers import (
    MULTIPLE,
    PER_MILLE,
    PER_MILLE_POINT,
    PERCENT,
    PERCENTAGE_POINT,
    Interval,
)
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


@cache
def grammar() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        files("povcli.article").joinpath("grammar.json").read_text(encoding="utf-8")
    )
    return data


@cache
def _alternatives(name: str) -> str:
    words = sorted(grammar()[name], key=len, reverse=True)
    return "|".join(re.escape(word) for word in words)


@cache
def _any_of(name: str) -> re.Pattern[str]:
    """The words of a grammar list as one compiled pattern (asked for every figure)."""
    return re.compile(_alternatives(name))


@dataclass
class Note:
    """What the text says a figure is."""

    figure: Figure
    index: int
    role: str = LEVEL
    sign: int = 1
    base: str | None = None  # "previous" (比上年), a year (比2012年), or None
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

    def note(self, figure: Figure) -> Note:
        return self.notes[self.position[figure.start]]

    def __post_init__(self) -> None:
        self.position = {note.figure.start: note.index for note in self.notes}
        self._levels: list[Note] | None = None
        self._level_at: list[int] = []

    def sentence_of(self, note: Note) -> Sentence:
        return self.sentences[note.sentence]

    def in_sentence(self, number: int) -> list[Note]:
        return [self.note(f) for f in self.sentences[number].figures]

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
    """The text in Simplified script, one character for one (offsets stay the article's)."""
    table = {}
    for char in set(text):
        if is_cjk(char):
            simple = t2s_char(char)
            if len(simple) == 1 and simple != char:
                table[ord(char)] = simple
    return text.translate(table)


# ----------------------------------------------------------------- reading


CLAUSE_ENDS = re.compile(r"[,，;；:：]")
YEAR = re.compile(
    r"(\d{4})年(上半年|下半年|前三季度|前两季度|一季度|二季度|三季度|四季度|第[一二三四]季度|末|底|初)?"
)
YEAR_SPAN = re.compile(r"(\d{4})(?:年)?(?:—|–|-|~|～|至|到)(\d{4})年")
# years that date another figure, not this one: a comparison's base, a start level's year
MONTHS = re.compile(r"(?:^|[^\d月])(?:(\d{1,2})[-—至~](\d{1,2})月|(\d{1,2})月份)(?!\d{1,2}日)")
FOREIGN_YEAR = re.compile(r"(?:比|较|与|从|由|自)(\d{4})年")
BASE_LEVEL = re.compile(r"(?:比|较|与)(\d{4})年(?:末|底)?的\s*$")
# "比全国(2.5%)高3.7个百分点", "比全市低2568元(全市为21585元)": the figure compared with
COMPARED_IN_BRACKETS = re.compile(
    r"(?:(?:比|较|与)[^,，;；。()（）]{1,12}[(（]|[(（][^,，;；。()（）]{1,8}(?:为|是))\s*$()"
)
NOTE_IN_BRACKETS = re.compile(r"[(（][^()（）\d]*[)）]")
FROM_YEAR = re.compile(r"(?:从|由|自)(\d{4})年(?:末|底)?的?\s*$")
# "下降至2015年的471万人": the level a change ends at (达到 is no change: "达到53.5%")
RATIO_COLON = re.compile(r"\d\s*[:：]\s*$")
CLAUSE_END = re.compile(r"[,，;；]")
REMARK_AT_END = re.compile(r"[(（][^()（）]{0,40}[)）]\s*$")
LISTED = re.compile(r"\s*(?:和|、|及|与|,)\s*")
# what a subject is not: footnote marks and short remarks in brackets; the 从/由 of a start
ASIDES = re.compile(r"\[\d+\]|（[^（）]{0,20}）|\([^()]{0,20}\)")
FROM_AT_END = re.compile(r"(?:从|由|自)(?:\d{4}年(?:末|底)?的?)?$")
FOOTNOTE = re.compile(r"^\]|^\)")


def annotate(text: str) -> Reading:
    """Read the cleaned article: its figures, each with what the text says it is."""
    simple = simplified(text)
    figures = figures_of(text)
    sentences = sentences_of(simple, figures)
    for sentence in sentences:  # sentences_of reads the Simplified text; keep the raw too
        sentence.raw = text[sentence.start : sentence.end]
    paragraphs = _paragraphs(text)
    title = text.strip().split("\n", 1)[0]
    notes = [Note(figure, index) for index, figure in enumerate(figures)]
    reading = Reading(text, simple, figures, notes, sentences, paragraphs, title, None, None)
    reading.scope = article_scope(reading)
    reading.home = _titled_province(simplified(title))
    reading.period = _title_period(simple, title)
    carried_period: tuple[str | None, str] = (reading.period, "the article's title")
    paragraph = 0
    for number, sentence in enumerate(sentences):
        while paragraph + 1 < len(paragraphs) and sentence.start >= paragraphs[paragraph + 1][0]:
            paragraph += 1
            carried_period = _paragraph_period(carried_period)
        carried_period = _read_sentence(reading, number, sentence, paragraph, carried_period)
    return reading


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n+", text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def _paragraph_period(carried: tuple[str | None, str]) -> tuple[str | None, str]:
    period, origin = carried
    if period and "sentence" in origin:
        return period, "an earlier paragraph"
    return carried


def _title_period(simple: str, title: str) -> str | None:
    found = YEAR.search(simple[: len(title)])
    return _period_text(found) if found else None


def _period_text(match: re.Match[str]) -> str:
    part = match.group(2) or ""
    if part in ("末", "底", "初", ""):
        return match.group(1)
    return f"{match.group(1)}{part}"


def article_scope(reading: Reading) -> str | None:
    """The scope a figure has when its words name none: a province or city the title or the
    first paragraph names, else the nation when they say 全国 or 我国."""
    head = reading.simple[: reading.paragraphs[min(1, len(reading.paragraphs) - 1)][1]]
    provinces: list[str] = [p for p in grammar()["provinces"] if p in head]
    if provinces:
        return max(provinces, key=head.count)
    if any(word in head for word in grammar()["province_words"]):
        return "province"
    if _any_of("national").search(head):
        return "national"
    return None


def _read_sentence(
    reading: Reading,
    number: int,
    sentence: Sentence,
    paragraph: int,
    carried: tuple[str | None, str],
) -> tuple[str | None, str]:
    """Annotate the figures of one sentence; the period the next sentence inherits."""
    text = sentence.text
    clause_starts = _clause_starts(text)
    period, origin = carried
    previous_end = 0
    head: Note | None = None
    figures = sentence.figures
    for position, figure in enumerate(figures):
        note = reading.note(figure)
        note.paragraph, note.sentence = paragraph, number
        at = figure.start - sentence.start
        clause = bisect.bisect_right(clause_starts, at) - 1
        note.clause = clause
        before = text[max(previous_end, clause_starts[clause]) : at]
        following = figures[position + 1].start if position + 1 < len(figures) else sentence.end
        after = text[figure.end - sentence.start : following - sentence.start]
        clause_text = text[clause_starts[clause] : at]
        # the words up to the figure, as far back as any phrase reaches: a sentence of
        # thousands of figures (a flattened table) is read in time linear in its length
        upto = text[max(0, at - LOOK_BACK) : at]
        own_period = _own_period(upto, before)
        if own_period:
            period, origin = own_period, "its clause" if YEAR.search(before) else "its sentence"
        note.period, note.period_from = period, origin if period else ""
        start_year = FROM_YEAR.search(before)
        if start_year:  # "从2014年的574万人": the start level's own year, not the sentence's
            note.period, note.period_from = start_year.group(1), "its clause"
        # "与2010年(第六次全国人口普查数据,下同)的133972万人相比": a note in brackets aside
        unnoted = NOTE_IN_BRACKETS.sub("", before)
        base_level = BASE_LEVEL.search(unnoted) or COMPARED_IN_BRACKETS.search(before)
        if base_level:  # "比2012年的16510元增加18618元": the level compared with
            if base_level.group(1):
                note.period, note.period_from = base_level.group(1), "its clause"
            note.cues.append("base-level")
        _open_ended(reading, note, before)
        _role(note, before, after, upto, clause_text)
        previous = reading.note(figures[position - 1]) if position else None
        _rate_in_brackets(note, before, previous)
        _list_continues(reading, note, before)
        note.subject = _subject(before if note.role == LEVEL else clause_text)
        if note.role == LEVEL and "base-level" in note.cues and head is not None:
            note.subject, note.head = head.subject, head.index
        if (
            note.role == LEVEL
            and head is not None
            and _patterns()["to_level"].search(before)
            and (head.figure.unit, head.figure.kind) == (note.figure.unit, note.figure.kind)
        ):
            note.subject = head.subject  # "从A下降至2015年的B": B counts what A counts
            note.cues.append("to")
            note.head = head.index  # the level it runs from
        note.scope = _scope(upto + note.subject) or reading.scope
        if note.scope == "province" and reading.home:
            note.scope = reading.home  # "湖南三农简讯 … 全省农村居民": Hunan's
        note.segment = _segment(note.subject) or _segment(before)
        head = _attach(note, head, sentence, reading)
        if note.role != LABEL:  # a label inside a word (民族8省区) does not end its subject
            previous_end = figure.end - sentence.start
    sentence_period = _own_period(text, text)
    if sentence_period:
        return sentence_period, "an earlier sentence"
    return period, origin


def _rate_in_brackets(note: Note, before: str, previous: Note | None) -> None:
    """ "较112年底增加37家(9.9%)", "年增77家(2.0%)": a percentage in brackets right after a
    change is the rate of that change."""
    if (
        note.figure.kind == PERCENT
        and note.figure.value >= 0
        and before.strip() in ("(", "（")
        and previous is not None
        and previous.role == CHANGE
    ):
        note.role, note.sign, note.base = RATE, previous.sign, previous.base or "previous"
        note.cues.append("rate in brackets")


LOOK_BACK = 400  # characters before a figure that may date, scope or name it


def _last_clause(words: str) -> str:
    return CLAUSE_END.split(words)[-1]


def _clause_starts(text: str) -> list[int]:
    """Where the clauses of a sentence start: after , ; : outside brackets."""
    starts, depth = [0], 0
    for at, char in enumerate(text):
        if char in "(（[":
            depth += 1
        elif char in ")）]":
            depth = max(0, depth - 1)
        elif depth == 0 and char in ",，;；:：":
            starts.append(at + 1)
    return starts


def _own_period(upto: str, before: str) -> str | None:
    """The year the words up to a figure date it with: the last one named, leaving out the
    years of a comparison's base and of a start level (比2012年, 从2014年的)."""
    month = MONTHS.search(upto)
    if month:  # "12月份", "1-3月": a month's or months' figures, in the year named before
        year = _own_year(upto[: month.start()])
        months = month.group(3) or f"{month.group(1)}-{month.group(2)}"
        return f"{year or ''}M{months}"
    return _own_year(upto)


def _own_year(upto: str) -> str | None:
    foreign = {m.start(1) for m in FOREIGN_YEAR.finditer(upto)}
    spans = list(YEAR_SPAN.finditer(upto))
    # "2015—2019年,全国农村贫困人口累计减少5024万人": a span no later year follows
    if spans and not YEAR.search(upto[spans[-1].end() :]):
        first, last = spans[-1].groups()
        return f"{first}–{last}"
    found = [m for m in YEAR.finditer(upto) if m.start(1) not in foreign]
    return _period_text(found[-1]) if found else None


# ----------------------------------------------------------------- roles


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    up, down = _alternatives("up"), _alternatives("down")
    bases = _alternatives("bases")
    share_of = _alternatives("share_of")
    return {
        "verb_end": re.compile(
            rf"(?P<verb>{up}|{down})(?:了|为|达到?)?(?:{_alternatives('qualifier_prefixes')})?\s*$"
        ),
        "open_above": re.compile(r"(?:超过|逾|突破|多于|超)\s*$"),
        "open_below": re.compile(r"(?:不足|不到|少于|低于)\s*$"),
        "average": re.compile(rf"(?:{_alternatives('average')})(?:{up}|{down})?"),
        "two_year": re.compile(_alternatives("two_year_average")),
        "share": re.compile(
            rf"(?:{_alternatives('share_verbs')})(?P<whole>[^,，;；。]*?)(?:的)?"
            rf"(?:{_alternatives('share_nouns')})?(?:为|达到?|约|是)?\s*$"
        ),
        "share_of_total": re.compile(r"占比(?:为|达到?)?\s*$"),
        "part_of": re.compile(rf"(?:{share_of})(?P<whole>[^,，;；。]{{1,20}}?)的\s*$"),
        "multiple": re.compile(rf"(?:{share_of})(?P<whole>[^,，;；。]{{1,20}}?)的?\s*$"),
        "base": re.compile(rf"{bases}|{grammar()['base_year']}"),
        "rate_word": re.compile(rf"(?:{_alternatives('change_of_rate')})(?:为|达到?|是)?\s*$"),
        "down": re.compile(rf"^(?:{down})"),
        "years_after": re.compile(r"^(?:来|以来|间|时间|中|里)"),
        "to_level": re.compile(rf"(?:{up}|{down})(?:至|到)(?:\d{{4}}年(?:末|底)?)?的?\s*$"),
        "verb_then_noun": re.compile(
            rf"\s*(?:累计|共|再|又)?(?P<verb>{up}|{down})(?!值)(?:了)?[\u4e00-\u9fff]{{2,8}}\s*"
        ),
        "new_flow": re.compile(rf"(?:{_alternatives('new_flow')})[^,，;；]{{0,12}}$"),
    }


def _role(note: Note, before: str, after: str, upto: str, clause: str = "") -> None:
    patterns = _patterns()
    figure = note.figure
    # "增长(以下如无特别说明,均为同比名义增长) 7.9%": a remark between verb and figure
    words = REMARK_AT_END.sub("", before.rstrip()).rstrip()
    if _is_label(figure, before, after, upto):
        note.role = LABEL
        return
    base = patterns["base"].search(before)
    if base:
        note.base = base.group(1) if base.group(1) else "previous"
    note.qualifier = _qualifier(upto[-30:])
    verb = patterns["verb_end"].search(words)
    if verb:
        note.sign = -1 if patterns["down"].match(verb["verb"]) else 1
    if patterns["average"].search(words[-8:]) and not patterns["two_year"].search(words[-8:]):
        note.role = AVERAGE
        return
    if figure.kind in (PERCENTAGE_POINT, PER_MILLE_POINT):
        note.role = POINTS
        return
    if figure.kind in (PERCENT, PER_MILLE):
        _rate_role(note, words, verb is not None)
        if note.role != SHARE and "base-level" not in note.cues and re.match(r"^\s*[)）]", words):
            # "占全国农村贫困人口(2365万人)的比重为37.2%": the whole is the figure in brackets
            unbracketed = re.sub(r"[(（][^()（）]*[)）]", "", clause)
            _rate_role(note, unbracketed, verb is not None)
            if note.role == SHARE:
                note.cues.append("whole in brackets")
        return
    if figure.kind == MULTIPLE:
        found = patterns["multiple"].search(words)
        note.role = MULTIPLE_OF if found and not verb else LABEL
        note.whole = found["whole"] if found and not verb else None
        return
    if figure.unit == "year" and (
        patterns["years_after"].match(after) or re.match(r"^(?:累计|共|内|期间)", after)
    ):
        note.role = YEARS
        return
    if not verb:
        # "减少农村贫困人口526万人": a clause that opens with the verb and names what changed
        verb = _verb_then_noun(clause)
        if verb:
            note.sign = -1 if patterns["down"].match(verb["verb"]) else 1
    note.role = CHANGE if verb and not _new_flow(words) else LEVEL


def _verb_then_noun(clause: str) -> re.Match[str] | None:
    return _patterns()["verb_then_noun"].fullmatch(clause)


def _rate_role(note: Note, words: str, verb: bool) -> None:
    patterns = _patterns()
    # "占总人口比重(城镇化率)为60.60%": what the brackets name is no part of the phrase
    words = re.sub(r"[(（][^()（）]*[)）]", "", words)
    share = patterns["share"].search(words[-24:])
    part_of = patterns["part_of"].search(words[-24:])
    if patterns["share_of_total"].search(words):
        note.role, note.whole = SHARE, ""
    elif share:
        note.role, note.whole = SHARE, share["whole"].strip()
    elif part_of and not verb:
        note.role, note.whole = SHARE, part_of["whole"].strip()
    elif verb or patterns["rate_word"].search(words):
        note.role = RATE
    else:
        note.role = LEVEL
    if patterns["two_year"].search(words[-10:]):
        note.cues.append("two-year average")


def _list_continues(reading: Reading, note: Note, before: str) -> None:
    """ "分别比上年末增加2058万人和395万人": a figure joined by 和/、 to the one before it in
    its clause is of the same role (each is a change)."""
    if note.index == 0 or not LISTED.fullmatch(before):
        return
    previous = reading.notes[note.index - 1]
    if (previous.sentence, previous.clause) != (note.sentence, note.clause):
        return
    if previous.role in (CHANGE, RATE, POINTS) and previous.figure.kind == note.figure.kind:
        note.role, note.sign, note.base = previous.role, previous.sign, previous.base
        note.qualifier = previous.qualifier
        note.cues.append("listed")


def _open_ended(reading: Reading, note: Note, before: str) -> None:
    """超过9000万 is any figure above 9000万; 不足 any below: the interval stays open."""
    figure = note.figure
    words = before.rstrip()
    low, high = figure.bounds.low, figure.bounds.high
    if _patterns()["open_above"].search(words):
        low, high = figure.value, math.inf
    elif _patterns()["open_below"].search(words):
        low, high = -math.inf if figure.value <= 0 else 0.0, figure.value
    else:
        return
    opened = dataclasses.replace(figure, bounds=Interval(low, high))
    note.figure = opened
    note.cues.append("open-ended")
    reading.figures[note.index] = opened
    for sentence in reading.sentences:
        if sentence.start <= figure.start < sentence.end:
            sentence.figures[sentence.figures.index(figure)] = opened


def _new_flow(words: str) -> bool:
    """新增装机1.2亿千瓦 is a level of what was added, not a change of a level."""
    return bool(_patterns()["new_flow"].search(words))


def _qualifier(words: str) -> str | None:
    real = _any_of("real").search(words)
    nominal = _any_of("nominal").search(words)
    if nominal and (not real or nominal.start() > real.start()):
        return "nominal"
    return "real" if real else None


def _is_label(figure: Figure, before: str, after: str, upto: str) -> bool:
    """An age (60周岁及以上), a footnote mark ([2]), a ratio's terms (19.4:1), a list number."""
    if figure.unit in ("age",) or (
        figure.unit == "year" and re.match(r"^(?:及以上|以上|以下|及以下|-|—|~)", after)
    ):
        return True
    if figure.unit == "year" and re.search(r"\d\s*[-—~至]\s*$", before):
        return True  # the second age of 16-59岁
    if figure.kind == "count" and figure.unit is None:
        if before.endswith("[") or after.startswith("]"):
            return True
        if RATIO_COLON.search(upto) or re.match(r"^\s*[:：]\s*\d", after):
            return True
        if re.match(r"^[.、．]", after) and not re.search(r"\S", before):
            return True  # "1.小学阶段教育": a heading's number
        if re.search(r"(?:图|表|第|附|注)\s*$", before):
            return True
    return False


# ----------------------------------------------------------------- subjects and scopes


@cache
def _subject_cleaner() -> re.Pattern[str]:
    connectives = _alternatives("connectives")
    return re.compile(
        rf"^(?:(?:{connectives})|\d{{4}}年(?:上半年|下半年|前三季度|末|底|初)?|上半年|前三季度|"
        r"年末|年底|全年|当年|目前|今年|去年|[“”\"'()（）\[\]、,，:：\s])+"
    )


@cache
def _subject_tail() -> re.Pattern[str]:
    """The verbs, connectives and quotes that end a clause before its figure."""
    verbs, connectives = _alternatives("level_verbs"), _alternatives("connectives")
    return re.compile(rf"(?:{verbs}|{connectives}|的|[“”\"\s])+$")


def _subject(words: str) -> str:
    """The words naming what a figure counts: its clause's words before it, without the
    connectives, dates and verbs around them."""
    words = ASIDES.sub("", words)
    words = FROM_AT_END.sub("", words)
    words = _subject_cleaner().sub("", words)
    words = _subject_tail().sub("", words)
    return words.strip(" ,，:：")[-24:]


def _segment(words: str) -> str | None:
    """The part of a place a figure counts: 东部地区, 贫困地区, 民族八省区."""
    regions = [r for r in grammar()["regions"] if r in words]
    return max(regions, key=lambda r: (words.rfind(r), len(r))) if regions else None


def _titled_province(title: str) -> str | None:
    """The province a title names, when it names one only (湖南三农简讯; not 湘鄂两省)."""
    named = [p for p in grammar()["provinces"] if p in title]
    distinct = {p for p in named if not any(p != q and p in q for q in named)}
    return distinct.pop() if len(distinct) == 1 else None


def _scope(words: str) -> str | None:
    provinces: list[str] = [p for p in grammar()["provinces"] if p in words]
    own = [w for w in grammar()["province_words"] if w in words]
    if own and not provinces:
        return "province"  # 全省, 我省: the article's province, whichever it is
    if _any_of("national").search(words) and not provinces:
        return "national"
    if provinces:
        return max(provinces, key=words.rfind)
    return None


# ----------------------------------------------------------------- heads


def _attach(note: Note, head: Note | None, sentence: Sentence, reading: Reading) -> Note | None:
    """A change qualifies the last level of its unit before it in its sentence; a rate the
    level a change just before it qualifies (减贫103万人,减贫率17.9%), else the last level;
    points the last rate level; a share the last amount. A level is the head of what
    follows. Returns the head after this figure."""
    if note.role == LEVEL:
        if "base-level" in note.cues:
            own = _compared_level(reading, note, sentence)
            if own is not None:
                note.head, note.subject = own.index, own.subject
        return head if "base-level" in note.cues else note
    earlier = _statement_before(reading, note, sentence)
    if earlier and "base-level" in earlier[-1].cues and earlier[-1].clause == note.clause:
        # "比全国(2.5%)高3.7个百分点": the change is of the level compared, from the one in brackets
        compared = earlier[-1]
        if compared.head is None:
            return head
        earlier = [n for n in earlier if n.index <= compared.head]
    target = _target(note, earlier)
    if target is None or _names_other_scope(note, target, sentence):
        return head
    if target.sentence != note.sentence and _dated_otherwise(note, target):
        return head  # "…减少至551万人;2015—2019年,…累计减少5024万人": another span
    note.head = target.index
    note.subject = target.subject or note.subject
    note.period = target.period or note.period
    note.scope = target.scope or note.scope
    note.segment = target.segment or note.segment
    if note.base is None and note.role in (CHANGE, RATE, POINTS):
        note.base = _chain_base(note, sentence, reading)
    return head


def _compared_level(reading: Reading, note: Note, sentence: Sentence) -> Note | None:
    """The figure a compared one stands against: "比上年(36.6%)" — the last figure of its
    kind in the statement (this year's share); "贫困发生率比全国(2.5%)高…" — the latest level
    of what is compared (贫困发生率), stated before in the text."""
    at = note.figure.start - sentence.start
    words = _last_clause(sentence.text[max(0, at - LOOK_BACK) : at])
    subject = _subject(re.split(r"比|较|与", words)[0])
    if len(subject) < 2:
        earlier = _statement_before(reading, note, sentence)
        same = [
            n for n in earlier
            if n.figure.kind == note.figure.kind and n.role in (LEVEL, SHARE)
            and "base-level" not in n.cues
        ]  # fmt: skip
        return same[-1] if same else None
    for other in reversed(reading.notes[: note.index]):
        if (
            other.role == LEVEL
            and "base-level" not in other.cues
            and other.figure.kind == note.figure.kind
            and other.subject.endswith(subject)
        ):
            return other
    return None


def _names_other_scope(note: Note, target: Note, sentence: Sentence) -> bool:
    """ "减贫率为13.9%,全国同期减贫率为14.9%": a rate whose own clause names another scope than
    the level before it is that scope's, not the level's."""
    at = note.figure.start - sentence.start
    words = _last_clause(sentence.text[max(0, at - LOOK_BACK) : at])
    own, segment = _scope(words), _segment(words)
    return (own is not None and own != target.scope) or (
        segment is not None and segment != target.segment
    )


def _dated_otherwise(note: Note, target: Note) -> bool:
    """Whether a figure's own clause dates it otherwise than the level before the ;."""
    return note.period_from in ("its clause", "its sentence") and note.period != target.period


def _statement_before(reading: Reading, note: Note, sentence: Sentence) -> list[Note]:
    """The notes before a figure in its statement: its sentence, and the sentences before it
    that a ; joins to it ("…下降至471万人;…减贫103万人,减贫率达17.9%")."""
    number = note.sentence
    first = number
    while first > 0 and reading.sentences[first - 1].raw.rstrip()[-1:] in ";；":
        first -= 1
    notes = [reading.note(f) for s in reading.sentences[first:number] for f in s.figures]
    return notes + [reading.note(f) for f in sentence.figures if f.start < note.figure.start]


def _target(note: Note, earlier: list[Note]) -> Note | None:
    levels = [n for n in earlier if n.role == LEVEL and "base-level" not in n.cues]
    same_unit = [
        n for n in levels if (n.figure.unit, n.figure.kind) == (note.figure.unit, note.figure.kind)
    ] or [n for n in levels[-1:] if n.figure.same_unit(note.figure) and n.figure.unit != "item"]
    rates = [n for n in levels if n.figure.kind in (PERCENT, PER_MILLE)]
    amounts = [n for n in levels if n.figure.kind not in (PERCENT, PER_MILLE, PERCENTAGE_POINT)]
    if note.role == CHANGE:
        return same_unit[-1] if same_unit else None
    if note.role == RATE:
        last = earlier[-1] if earlier else None
        if last is not None and last.role == CHANGE and last.head is not None:
            return next(n for n in earlier if n.index == last.head)
        return levels[-1] if levels else None
    if note.role == POINTS:
        shares = [n for n in earlier if n.role == SHARE]
        last = max([*rates[-1:], *shares[-1:]], key=lambda n: n.index, default=None)
        return last
    if note.role == SHARE:
        return amounts[-1] if amounts else None
    if note.role in (AVERAGE, MULTIPLE_OF):
        return levels[-1] if levels else None
    return None


def _chain_base(note: Note, sentence: Sentence, reading: Reading) -> str | None:
    """A rate after a change compared with last year is compared with last year too:
    "比上年增加994元,名义增长10.6%"."""
    for figure in sentence.figures:
        other = reading.note(figure)
        if other.index >= note.index:
            break
        if other.head == note.head and other.base:
            return other.base
    return None


def figures_table(reading: Reading) -> list[dict[str, Any]]:
    """Every figure's note as a record (`check --figures`), its subject in the article's own
    characters where the words stand before it in its sentence (全縣 in a Traditional text)."""
    records = []
    for note in reading.notes:
        record = note.to_dict()
        record["subject"] = _as_written(reading, note)
        records.append(record)
    return records


def _as_written(reading: Reading, note: Note) -> str:
    sentence = reading.sentences[note.sentence]
    at = sentence.text.rfind(note.subject, 0, note.figure.start - sentence.start)
    if not note.subject or at == -1 or len(sentence.raw) != len(sentence.text):
        return note.subject
    return sentence.raw[at : at + len(note.subject)]


def notes_of(reading: Reading, figures: Sequence[Figure]) -> list[Note]:
    return [reading.note(figure) for figure in figures]
