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
)
COUNTED = ("普通高中", "初中", "小学")  # the levels whose ratio is enrolled students per teacher
RATIO = re.compile(r"\s*[:：∶]\s*1(?![\d.])")
TEACHERS_WITHIN = 6  # figures back the teachers may stand from the ratio
RATIO_NOTE = "students per full-time teacher of the {}: its enrolled students over its teachers"


def student_ratios(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if not _a_ratio(reading, note):
            continue
        level = _school_level(reading, note)
        if level not in COUNTED:
            continue
        teachers = _nearest(reading, note, "专任教师", level, TEACHERS_WITHIN)
        students = _nearest(reading, teachers, "在校生", level, 60) if teachers else None
        if teachers is None or students is None:
            continue
        start, end, spans = text_span(reading, students, teachers, note)
        claimed = replace(note.figure, written=note.figure.written + ":1")
        yield Relation("ratio", {"a": students.figure, "b": teachers.figure}, start, end, claimed,
                       notes=[RATIO_NOTE.format(level)], spans=spans)  # fmt: skip


def _a_ratio(reading: Reading, note: Note) -> bool:
    """ "生师比13.87:1", "小学生师比为19.4:1"."""
    return (
        note.role == LEVEL
        and note.figure.unit is None
        and simplified(note.subject).rstrip("为是 ").endswith("生师比")
        and RATIO.match(reading.text, note.figure.end) is not None
    )


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
        if (
            note.role == LEVEL
            and note.figure.unit == "person"
            and note.figure.kind == COUNT
            and simplified(note.subject).endswith(ending)
        ):
            return note if _school_level(reading, note) == level else None
    return None
