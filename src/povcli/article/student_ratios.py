"""Students per teacher, as an education bulletin states them: "初中1745所,…在校生167.13万人,…。
初中专任教师12.05万人,…,生师比13.87:1": the ratio is the school level's students over its
full-time teachers (1,671,300 / 120,500 = 13.87). The level (小学, 初中, 普通高中) is the one its
paragraph names last before each figure; only levels whose ratio counts students as enrolled are
read (a university's counts students converted to full-time equivalents, which the text does not
give)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.numbers import COUNT

LEVELS = re.compile(
    r"普通高中|高中|初中|小学|普通高等学校|高等学校|高校|中等职业|中职|特殊教育|幼儿园|学前"
    r"|义务教育"  # (a ratio of all compulsory schooling is none of 小学's or 初中's)
)
COUNTED = ("普通高中", "初中", "小学")  # the levels whose ratio is enrolled students per teacher
RATIO = re.compile(r"\s*[:：∶]\s*1(?![\d.])")
TEACHERS_WITHIN = 6  # figures back the teachers may stand from the ratio
RATIO_NOTE = "students per full-time teacher of the {}: its enrolled students over its teachers"


# "比上年的17.56:1", "上年小学生师比为17.56:1", "上年为12.02:1": last year's ratio, of no level here
LAST_YEARS = re.compile(r"(?:上年|去年|上一年|前一年)[^,，;；。]*$")


def student_ratios(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if not _a_ratio(reading, note) or _last_years(reading, note):
            continue
        level = _school_level(reading, note)
        if level not in COUNTED:
            continue
        teachers = _teachers(reading, note, level)
        students = _students(reading, teachers, level) if teachers else None
        if teachers is None or students is None:
            continue
        start, end, spans = text_span(reading, students, teachers, note)
        claimed = replace(note.figure, written=note.figure.written + ":1")
        yield Relation("ratio", {"a": students.figure, "b": teachers.figure}, start, end, claimed,
                       notes=[RATIO_NOTE.format(level)], spans=spans)  # fmt: skip


def _teachers(reading: Reading, ratio: Note, level: str) -> Note | None:
    """The level's teachers before the ratio, of its place and year; of those a sentence
    lists, the level's own before a group of them (专任教师23.40万人,其中本科及以上学历专任
    教师15.2万人,生师比…: the ratio is of them all)."""
    found = _nearest(reading, ratio, "专任教师", level, TEACHERS_WITHIN)
    if found is None or (found.scope, found.period) != (ratio.scope, ratio.period):
        return None
    if _group(found, "专任教师"):
        own = [
            n
            for n in reading.in_sentence(found.sentence)
            if n.index < found.index and _counted(n, "专任教师") and not _group(n, "专任教师")
        ]
        return own[-1] if own else found
    return found


def _students(reading: Reading, teachers: Note, level: str) -> Note | None:
    """The level's students before its teachers: a group of them (随迁子女在校生, 民办学校在校生)
    a sentence before the teachers is passed over; one in the teachers' sentence leaves open
    whether the teachers are the group's or the level's, and no ratio is read."""
    before = teachers
    while True:
        found = _nearest(reading, before, "在校生", level, 60)
        if found is None or _group(found, "在校生") == _group(teachers, "专任教师"):
            return found
        if found.sentence == teachers.sentence:
            return None
        before = found


# what names a level's own count besides the count's word: its place, 其中, the level
OWN_WORDS = re.compile(rf"^(?:其中|全省|全市|全区|全县|全国|共有|{LEVELS.pattern}|[,，:：\s])*")


def _group(note: Note, ending: str) -> str:
    """The words that name a group of the level's students or teachers (进城务工人员随迁子女,
    本科及以上学历), none for the level's own."""
    words = simplified(note.subject).strip()
    return OWN_WORDS.sub("", words[: -len(ending)] if words.endswith(ending) else words)


def _counted(note: Note, ending: str) -> bool:
    return (
        note.role == LEVEL
        and note.figure.unit == "person"
        and note.figure.kind == COUNT
        and simplified(note.subject).endswith(ending)
    )


def _last_years(reading: Reading, note: Note) -> bool:
    sentence = reading.sentence_of(note)
    before = reading.simple[max(sentence.start, note.figure.start - 30) : note.figure.start]
    return "base-level" in note.cues or LAST_YEARS.search(before) is not None


def _a_ratio(reading: Reading, note: Note) -> bool:
    """ "生师比13.87:1", "小学生师比为19.4:1", and with its 1 left unwritten: "小学生师比为18.25"
    (a count of students per teacher, never a ratio the other way round: "1:18" is not read)."""
    return (
        note.role == LEVEL
        and note.figure.unit is None
        and simplified(note.subject).rstrip("为是 ").endswith("生师比")
        and (
            RATIO.match(reading.text, note.figure.end) is not None
            or BARE_RATIO_END.match(reading.text, note.figure.end) is not None
        )
    )


# what may follow a ratio whose 1 is unwritten: the clause's or sentence's end
BARE_RATIO_END = re.compile(r"\s*(?:$|[,，;；。、)）])")


def _school_level(reading: Reading, note: Note) -> str:
    """The school level the paragraph (or the one before) names last before the figure."""
    start = reading.paragraphs[max(0, note.paragraph - 1)][0]
    found = LEVELS.findall(reading.simple[start : note.figure.start])
    return found[-1] if found else ""


def _nearest(reading: Reading, before: Note, ending: str, level: str, within: int) -> Note | None:
    """The last level in people, its subject ending with `ending`, of the same school level,
    within `within` figures before `before` and in its paragraph or the one before."""
    for note in reversed(reading.notes[max(0, before.index - within) : before.index]):
        if note.paragraph < before.paragraph - 1:
            return None
        if _counted(note, ending):
            return note if _school_level(reading, note) == level else None
    return None
