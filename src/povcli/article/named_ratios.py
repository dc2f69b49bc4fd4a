"""Ratios whose words name both terms: "城乡居民收入比1.54" is the towns' income per head over
the countryside's, "人均每次出游花费774.14元" the trips' spending over the trips. The words and
the subjects of the two terms are data (`named_ratios` in grammar.json)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from povcli.article.figures import Figure
from povcli.article.near import FROM_VALUE, one_span, scopes_agree, scopes_fit, span_of, text_span
from povcli.article.notes import LEVEL, Note, Reading, grammar, simplified
from povcli.article.relations import Relation

RATIO_WITHIN = 40  # characters back from the ratio's figure to the words that name it
# the base a ratio is written against: "(以农村居民人均收入为1)", "(农村居民收入为1)"
BASE_OF_ONE = re.compile(r"(?:以|[(（])[^()（）,，。]{0,24}为$")
# the first of a pair (1:2.42) is the ratio only when the second is 1 (2.42:1)
PAIRED = re.compile(r"\s*[:：∶]\s*(\d+(?:\.\d+)?)")
# what may come before a term's words: its year (2020年度, whose year the period took), its
# place (全省, 歙县), its population and 国内; any other word (省会城镇居民) names a part of it
OPENING = r"^(?:其中)?(?:全年|年末|\d{2,4}年度?(?:\d{1,2}月)?(?:底|末)?|度)?"
PLACES = r"全国|全省|全市|全县|全区|[\u4e00-\u9fff]{1,6}?[省市县区]"
# 全省工业, 规模以上工业企业: the industry whose profit and revenue the margin is of
INDUSTRY = r"(?:规模以上|规上)?(?:工业)?(?:企业)?"
NAMED_ONLY = OPENING + rf"(?:{PLACES})?{INDUSTRY}(?:(?:城镇|农村)(?:常住)?居民)?(?:国内)?"
POPULATION = re.compile(r"(城镇|农村)(?:常住)?居民")
# the place a term's or a ratio's words open with (福州市户均人口); 全省, 全国 name the whole
PLACE = re.compile(OPENING + rf"({PLACES})?")
# a ranking of places by the ratio: "户量以连江县…最多,其次为金门县…"
RANKED = re.compile(r"以[^。;；,，()（）]{1,10}?[县市区省州镇乡旗]$|其次|最[多高少低]")
# the words from a ratio's name to its figure, in its clause or, for a ratio that ran from an
# earlier value, over a short clause before the next (城乡收入比持续缩小,由上年同期的2.05:1
# 下降为2.02:1)
AFTER_NAME = r"(?:[^。;；,，]{0,12}[,，](?=[由从]))?[^。;；,，]{0,24}$"
NAMED_NOTE = "{words}: {top} over {bottom}, each the one the text gives for its year and place"


@cache
def _entries() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = grammar()["named_ratios"]["ratios"]
    return entries


def named_ratios(reading: Reading) -> Iterator[Relation]:
    for ratio in reading.notes:
        if ratio.role != LEVEL:
            continue
        before = reading.simple[max(0, ratio.figure.start - RATIO_WITHIN) : ratio.figure.start]
        if BASE_OF_ONE.search(before) or _base_of_pair(reading, ratio):
            continue  # "(以农村居民人均收入为1)", "1:2.42": the base the ratio is written against
        for entry in _entries():
            named = re.search(entry["ratio"] + AFTER_NAME, before)
            if named is None:
                continue
            if FROM_VALUE.search(named.group()) or not _of_all_or_named(before[: named.start()]):
                break  # "由上年的2.50缩小到": the value before; "入境游客人均每次…": others'
            if RANKED.search(named.group()):
                break  # "戶量以連江縣3.34人最多": a place's ratio, ranked, not the whole's
            group = _population(before[: named.start()][-6:]) if entry["populations"] else None
            place = _clause_place(before[: named.start()]) or _sentence_place(reading, ratio, entry)
            top = _the_one(reading, ratio, entry["top"], group, place)
            bottom = _the_one(reading, ratio, entry["bottom"], group, place)
            if top is None or bottom is None:
                top, bottom = _of_a_segment(reading, ratio, entry)
            if top is not None and bottom is not None:
                yield _relation(reading, ratio, top, bottom, named.group(), entry)
            break


def _base_of_pair(reading: Reading, ratio: Note) -> bool:
    paired = PAIRED.match(reading.simple[ratio.figure.end :])
    return paired is not None and float(paired.group(1)) != 1


def _of_all_or_named(words: str) -> bool:
    """Whether the words before the ratio's name, in its clause, name only its year, place or
    population, as its terms' may (全省, 城镇居民): 入境游客 are no population of the terms."""
    clause = re.split(r"[,，。;；:：、\n]", words)[-1]
    return re.fullmatch(NAMED_ONLY, clause) is not None


def _population(words: str) -> str:
    """Whose the words say a figure is (城镇居民人均每次出游花费: the towns'), "" for all."""
    found = POPULATION.search(words)
    return found.group(1) if found else ""


def _place(words: str) -> str:
    """The place words open with, "" for none or the whole (全省)."""
    found = PLACE.match(words)
    place = found.group(1) if found and found.group(1) else ""
    return "" if place.startswith("全") else place


def _clause_place(words: str) -> str:
    return _place(re.split(r"[,，。;；:：、\n]", words)[-1])


def _named_here(reading: Reading, ratio: Note, subject: str) -> list[Note]:
    """The levels before the ratio in its sentence whose words end with a term's, whoever's
    they are (原住民户数, 台北市户数): the ratio's clause carries their group and place."""
    return [
        n
        for n in reading.notes[: ratio.index]
        if n.sentence == ratio.sentence and n.role == LEVEL and re.search(subject, _words(n))
    ]


def _sentence_place(reading: Reading, ratio: Note, entry: dict[str, Any]) -> str:
    """The place of the terms its sentence names before the ratio (台北市户数为105万户,户量为…)."""
    here = _named_here(reading, ratio, entry["top"]) + _named_here(reading, ratio, entry["bottom"])
    return next((_place(_words(n)) for n in here if _place(_words(n))), "")


def _the_one(
    reading: Reading, ratio: Note, subject: str, group: str | None, place: str
) -> Note | None:
    """The one level so named for the ratio's year, place and span: the one its sentence names
    before it if any (原住民户数 for 原住民's 户量: none of the whole's), else in its paragraph if
    there, else in the whole text, and of the place the ratio's words name (福州市户均人口: no
    province's homes); two different figures bind nothing."""
    span = span_of(reading, ratio)
    found = [
        n
        for n in reading.notes
        if n.role == LEVEL
        and n.index != ratio.index
        and re.match(NAMED_ONLY + "(?:" + subject + ")", _words(n))
        and (group is None or (_population(_words(n)) == group and "人均" not in _words(n)))
        and n.period == ratio.period
        and scopes_fit(n.scope, ratio.scope)
        and scopes_agree(_words(n), _words(ratio))  # 全市城乡居民收入比: no 全省 income
        and one_span(span_of(reading, n), span, n.period)
    ]
    named_here = _named_here(reading, ratio, subject)
    if named_here:
        found = [n for n in found if n.index in {h.index for h in named_here}]
    else:
        found = [n for n in found if _place(_words(n)) == place]
    here = [n for n in found if n.paragraph == ratio.paragraph]
    found = here or found
    return found[0] if len({n.figure.value for n in found}) == 1 else None


def _of_a_segment(
    reading: Reading, ratio: Note, entry: dict[str, Any]
) -> tuple[Note | None, Note | None]:
    """ "国有及国有控股企业实现主营业务收入176233亿元,…,主营业务收入利润率为5.71%" with
    "国有及国有控股企业实现利润10070亿元" a paragraph before: where the ratio's sentence names
    one term of a segment (words before the term's), both terms are the ones named with the
    same words, each the one level so named for the ratio's period and span."""
    segments = {
        found.group(1)
        for term in (entry["top"], entry["bottom"])
        for note in _named_here(reading, ratio, term)
        if (found := re.match(r"^(.{2,24}?)" + term, _words(note))) is not None
        and re.fullmatch(NAMED_ONLY, found.group(1)) is None
    }
    if len(segments) != 1:
        return None, None
    segment = segments.pop()
    terms = [
        _the_segments(reading, ratio, segment, term) for term in (entry["top"], entry["bottom"])
    ]
    return terms[0], terms[1]


def _the_segments(reading: Reading, ratio: Note, segment: str, term: str) -> Note | None:
    span = span_of(reading, ratio)
    found = [
        n
        for n in reading.notes[: ratio.index]
        if n.role == LEVEL
        and re.fullmatch(re.escape(segment) + term, _words(n))
        and n.period == ratio.period
        and scopes_fit(n.scope, ratio.scope)
        and one_span(span_of(reading, n), span, n.period)
    ]
    return found[-1] if found and len({n.figure.value for n in found}) == 1 else None


def _words(note: Note) -> str:
    return simplified(note.subject).strip()


def _relation(
    reading: Reading, ratio: Note, top: Note, bottom: Note, words: str, entry: dict[str, Any]
) -> Relation:
    start, end, spans = text_span(reading, top, bottom, ratio)
    roles: dict[str, Figure | list[Figure]] = {"a": top.figure, "b": bottom.figure}
    why = NAMED_NOTE.format(words=words, top=_words(top), bottom=_words(bottom))
    # "营业收入利润率5.92%": the profit over the revenue, in percent
    kind = "percent-of" if entry.get("percent") else "ratio"
    return Relation(kind, roles, start, end, ratio.figure, notes=[why], spans=spans)
