"""Levels that lie within others by what they count, with no 其中 between them: a stage of
schooling within the stage that holds it (普通高中 within 高中阶段教育, 小学 within 义务教育),
and full-time teachers within a school level's staff (教职工 … 专任教师). The stages and the
words of what they count are data (`nested` in grammar.json)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from povcli.article.figures import Figure
from povcli.article.near import (
    additive,
    adds_up,
    scopes_agree,
    scopes_fit,
    span_of,
    text_span,
)
from povcli.article.notes import LEVEL, Note, Reading, grammar, simplified
from povcli.article.partitions import changes_on_one_base, growth_of_sum, signed_sum
from povcli.article.relations import Relation

GOAL_WITHIN = 120  # characters back, in its sentence, to the words that set a goal
STAGE_NOTE = "{part} is within {whole}: its {measure} are among the whole's"
STAGES_NOTE = (
    "the stages {whole} holds make its {measure} when they are all of it; shown when it holds,"
    " never called wrong (a bulletin may count other schools in it)"
)
STAGES_WITHIN_NOTE = "the stages of {whole} the text gives are some of it: their {measure} together"
STAFF_NOTE = "full-time teachers are among the staff the text gives before them"
FOOTNOTE_MARK = re.compile(r"\[\d+\]|\d+$")
GOAL = re.compile(r"力争|预计|目标|十[一二三四五]五[”\"」』]?末")


@cache
def _nested() -> dict[str, Any]:
    data: dict[str, Any] = grammar()["nested"]
    return data


@cache
def _stage_words() -> list[str]:
    stages = _nested()["stages"]
    words = {*stages, *(part for parts in stages.values() for part in parts), *_aliases()}
    return sorted(words, key=len, reverse=True)


@cache
def _aliases() -> dict[str, str]:
    """Other words for a stage (幼儿园 for 学前教育, 中等职业学校 for 中等职业教育)."""
    aliases: dict[str, str] = _nested()["aliases"]
    return {word: stage for word, stage in aliases.items() if not word.startswith("_")}


def nested_levels(reading: Reading) -> Iterator[Relation]:
    yield from _stages_within(reading)
    yield from _staff_within(reading)


# ----------------------------------------------------------------- stages of schooling


def _stages_within(reading: Reading) -> Iterator[Relation]:
    """ "全国高中阶段教育共有学校2.46万所,…在校学生3970.99万人" and, a paragraph on, "全国普通
    高中1.36万所,…在校生2374.55万人": each count of the part stage is among the count of
    the same thing of the stage that holds it, when the text gives each once for the period."""
    keyed: dict[tuple[str, str, str | None, str | None, str], list[Note]] = {}
    for note in reading.notes:
        key = _stage_and_measure(reading, note)
        if key is not None:
            stage, measure = key
            # of one span of the year too: 上半年's income holds nothing of the year's
            span = span_of(reading, note)  # 上半年's income holds nothing of the year's
            keyed.setdefault((stage, measure, note.figure.unit, note.period, span), []).append(note)
    for (whole_stage, measure, unit, period, span), wholes in keyed.items():
        for part_stage in _within(whole_stage):
            parts = keyed.get((part_stage, measure, unit, period, span), [])
            if not _one_value(wholes) or len(parts) != 1:
                continue  # two figures of one thing: which is the whole is not for us to guess
            part = parts[0]
            whole = min(wholes, key=lambda w: abs(w.index - part.index))
            if not _one_place(whole, part) or part_stage in _left_out(reading, whole):
                continue  # "各级各类学校(不含幼儿园)1236所": no kindergarten is among them
            why = STAGE_NOTE.format(part=part_stage, whole=whole_stage, measure=measure)
            subset = _subset(reading, part, whole, why)
            # a total may leave 幼儿园 out, or count 特殊教育's pupils twice: shown only
            subset.confident = part_stage not in _nested()["counted_apart"]
            yield subset
        if _one_value(wholes):
            yield from _stages_adding_up(reading, keyed, wholes, (whole_stage, measure))


def _stages_adding_up(
    reading: Reading,
    keyed: dict[tuple[str, str, str | None, str | None, str], list[Note]],
    wholes: list[Note],
    what: tuple[str, str],
) -> Iterator[Relation]:
    """ "义务教育中小学5734所,较上年减少184所" and "小学3989所,比上年减少158所…初中1745所,比上年
    减少26所": the stages a stage holds, each given once, make it, and their changes its change.
    Shown when it holds and never called wrong: a bulletin may count other schools in it
    (九年一贯制学校) or leave some out."""
    whole_stage, measure = what
    unit, period, span = next(k[2:] for k, v in keyed.items() if v is wholes)
    # a stage the text never names is none of the place's (a county has no 高等教育)
    stages = [s for s in _parts_of(whole_stage) if _named(reading, s)]
    stages = [s for s in stages if s not in _left_out(reading, wholes[0])]
    found = [(s, keyed.get((s, measure, unit, period, span), [])) for s in stages]
    # (a stage named with none of the measure, as a page cut short names it, gives no part)
    given = [(stage, notes) for stage, notes in found if notes]
    if len(given) < 2 or any(len(notes) != 1 for _, notes in given):
        return
    parts = [notes[0] for _, notes in given]
    whole = min(wholes, key=lambda w: abs(w.index - parts[0].index))
    if not all(_one_place(whole, part) for part in parts):
        return
    start, end, spans = text_span(reading, *sorted([whole, *parts], key=lambda n: n.index))
    if len(given) < len(found) or not adds_up(whole, parts):
        # not all of it (a page cut before 高中阶段, or schools counted beside the stages): the
        # stages given, none within another, are some of it, never more; called wrong only
        # of stages every total counts (a total may leave out 幼儿园, or count 特殊教育's pupils
        # in ordinary schools twice)
        within = STAGES_WITHIN_NOTE.format(whole=whole_stage, measure=measure)
        roles: dict[str, Figure | list[Figure]] = {
            "part": [p.figure for p in parts], "whole": whole.figure,
        }  # fmt: skip
        apart = set(_nested()["counted_apart"])
        yield Relation("subset", roles, start, end, notes=[within], spans=spans,
                       confident=not apart & {stage for stage, _ in given})  # fmt: skip
    if len(given) < len(found):
        return  # a stage named without its count: the others are not all of it
    note = STAGES_NOTE.format(whole=whole_stage, measure=measure)
    yield Relation("sum", {"parts": [p.figure for p in parts]}, start, end, whole.figure,
                   notes=[note], spans=spans, confident=False)  # fmt: skip
    # their rates make its rate as they make its level (shown, never called wrong)
    yield from growth_of_sum(reading, parts, whole, named=False)
    changed = changes_on_one_base(reading, whole, parts)
    if changed is not None:
        change_sum = signed_sum(reading, *changed)
        change_sum.confident = False
        change_sum.notes.append(note)
        yield change_sum


# "(不含幼儿园)", "不包括技工学校": what a total leaves out, in its clause or just after it
LEFT_OUT = re.compile(r"(?:不含|不包括|未含|未包括)([^,，;；。:：)）]{1,12})")
LEFT_OUT_AFTER = 12  # characters after a total's figure its bracket may take


def _left_out(reading: Reading, whole: Note) -> set[str]:
    """The stages a total's words say it leaves out."""
    sentence = reading.sentences[whole.sentence]
    start = max(sentence.start, whole.figure.start - 60)
    words = reading.simple[start : min(sentence.end, whole.figure.end + LEFT_OUT_AFTER)]
    clause = re.split(r"[,，;；。]", words[: whole.figure.start - start])[-1]
    after = words[whole.figure.start - start :]
    return {
        stage
        for found in LEFT_OUT.finditer(clause + after)
        if (stage := _stage(found.group(1))) is not None
    }


def _named(reading: Reading, stage: str) -> bool:
    """Whether the text names the stage, by its name or another word for it."""
    words = [stage, *(word for word, named in _aliases().items() if named == stage)]
    return any(word in reading.simple for word in words)


def _parts_of(stage: str) -> list[str]:
    parts: list[str] = _nested()["stages"].get(stage, [])
    return parts


@cache
def _within(stage: str) -> list[str]:
    """The stages within a stage, however deep (城镇职工基本养老保险 within 社会保险)."""
    stages: dict[str, list[str]] = _nested()["stages"]
    found: list[str] = []
    for part in stages.get(stage, []):
        found += [part, *_within(part)]
    return found


def _stage_and_measure(reading: Reading, note: Note) -> tuple[str, str] | None:
    """The stage a level counts (named in its words or, failing that, by the last level of its
    paragraph that names one and what it counts) and what it counts, when its words say
    nothing else."""
    if note.role != LEVEL or not additive(note):
        return None
    words = _words(note)
    written = _stage_word(words)
    stage = _aliases().get(written, written) if written else None
    rest = words.replace(written, "", 1) if written else words  # 参加(基本养老保险)人数
    if stage:  # "义务教育 全市义务教育中小学214所": a heading run into the line names it again
        rest = rest.replace(stage, "")
    places = list(WHOLE_PLACE.finditer(rest))
    if places:  # "1、教育事业发展统计公报全省义务教育中小学5734所": a heading before the place
        rest = rest[places[-1].start() :]
    measure = _measure(rest, note)
    if measure is None:
        return None
    if stage is None:
        heading = _inline_heading(reading, note)
        since, headed = (heading.end(), _stage(heading.group(1))) if heading else (0, None)
        stage = _stage_carried(reading, note, since) or headed or _stage_of_heading(reading, note)
    if stage is None:
        return None
    rest = rest.replace(_measure_word(rest, measure), "", 1)
    if not _only_filler(rest) or _a_goal(reading, note):  # (the goal's words read last: slowest)
        return None
    return stage, measure


def _a_goal(reading: Reading, note: Note) -> bool:
    """Whether its sentence sets the figure as a goal (到“十四五”末…达到3200万人, 力争…,
    …1400万人的目标): no count of the year the others are of."""
    sentence = reading.sentences[note.sentence]
    after = reading.simple[note.figure.end : note.figure.end + 4]
    start = max(sentence.start, note.figure.start - GOAL_WITHIN)
    return bool(
        GOAL.search(reading.simple[start : note.figure.start])
        or re.match(r"的?(?:目标|任务)", after)
    )


def _words(note: Note) -> str:
    return BULLET.sub("", FOOTNOTE_MARK.sub("", simplified(note.subject)).strip())


def _stage(words: str) -> str | None:
    """The stage the words name, by its name or another word for it."""
    written = _stage_word(words)
    return _aliases().get(written, written) if written else None


def _stage_word(words: str) -> str | None:
    return next((stage for stage in _stage_words() if stage in words), None)


def _stage_carried(reading: Reading, note: Note, since: int = 0) -> str | None:
    """The stage of the last level before, in the paragraph, that names one and what it
    counts; none past a level that names what it counts of something else (普通高中710所 …
    中等职业学校230所,在校生55万人; 失业保险基金收入80亿元,基金支出60亿元), nor from a
    sentence that lists several stages (其中普通高中2所,初中10所,小学45所。在校学生5.2万人
    are the students of all of them)."""
    for before in reversed(reading.notes[: note.index]):
        if before.paragraph != note.paragraph or before.figure.start < since:
            return None  # (nor from before a heading: "——小学。" opens the primary schools')
        if before.role != LEVEL:
            continue
        words = _words(before)
        stage = _stage(words)
        if stage is None:
            measure = _measure(words, before)
            if measure is not None and not _only_filler(
                words.replace(_measure_word(words, measure), "", 1)
            ):
                return None  # 中等职业学校230所: another thing's figures follow
            continue
        # the level that names the stage names what it counts too (各级财政补贴基本养老保险
        # 基金 is a subsidy, no figure of the scheme whose words come after)
        if _stage_and_measure(reading, before) is not None:
            return stage if _stages_of(reading, before.sentence) == {stage} else None
    return None


WHOLE_PLACE = re.compile(r"全国|全省|全市|全县|全区")
# a line of a list: "- 专任教师276.31万人", "• 学校16.01万所"
BULLET = re.compile(r"^\s*[-–•·●▪○*]\s*")
HEADING_LENGTH = 30  # characters: a line longer than this, or ending its sentence, is prose


def _stage_of_heading(reading: Reading, note: Note) -> str | None:
    """The stage of a list line's heading: "小学 / 学校数量连续42年减少 / - 学校16.01万所" (the
    schools are primary schools). Back over the list's lines and the headings that name no
    stage, to the first that names one; none past a line of prose."""
    if not BULLET.match(_paragraph_text(reading, note.paragraph)):
        return None
    for number in range(note.paragraph - 1, -1, -1):
        line = _paragraph_text(reading, number).strip()
        if BULLET.match(line):
            continue
        if len(line) > HEADING_LENGTH or line.endswith("。"):
            return None
        stage = _stage(line)
        if stage is not None:
            return stage
    return None


# a heading inside a paragraph that a page run together: "…(完成率100%。 ——小学。校数129所"
INLINE_HEADING = re.compile(r"(?:^|[。\s])[—－]{1,2}\s*([\u4e00-\u9fff]{2,8})[。:：]")
HEADING_REACH = 3000  # characters back a section's heading is looked for (linear in a long text)


def _inline_heading(reading: Reading, note: Note) -> re.Match[str] | None:
    """The last heading a dash opens before the note in its paragraph, when it names a stage
    ("——初中。"): the figures after it, until another, are that stage's."""
    start = max(reading.paragraphs[note.paragraph][0], note.figure.start - HEADING_REACH)
    found = None
    for heading in INLINE_HEADING.finditer(reading.simple, start, note.figure.start):
        found = heading
    if found is None or _stage(found.group(1)) is None:
        return None
    return found


def _paragraph_text(reading: Reading, number: int) -> str:
    start, end = reading.paragraphs[number]
    return reading.simple[start:end]


def _stages_of(reading: Reading, sentence: int) -> set[str]:
    """The stages the levels of a sentence name, each with what it counts."""
    return {
        stage
        for note in reading.in_sentence(sentence)
        if (stage := _stage(_words(note))) is not None
        and _stage_and_measure(reading, note) is not None
    }


def _measure(words: str, note: Note) -> str | None:
    measures: dict[str, list[str]] = _nested()["measures"]
    named = [m for m, said in measures.items() if any(w in words for w in said)]
    if len(named) == 1:
        return named[0]
    if not named and note.figure.unit == "school":  # "全国普通高中1.36万所": a count of schools
        return "学校"
    return None


def _measure_word(words: str, measure: str) -> str:
    said: list[str] = _nested()["measures"].get(measure, [])
    return next((w for w in sorted(said, key=len, reverse=True) if w in words), "")


def _only_filler(rest: str) -> bool:
    """Whether what is left of the words beside stage and measure only places or links them
    (全国, 共有, 阶段): any other word (民办, 城区, 女) names a group of its own."""
    return not re.sub(_nested()["filler"], "", rest).strip(" ,，:：")


def _one_value(notes: list[Note]) -> bool:
    """One figure, or the same figure restated (a title's and the body's)."""
    return bool(notes) and len({n.figure.value for n in notes}) == 1


def _one_place(whole: Note, part: Note) -> bool:
    """Of one place by their notes and by their words: a scope the words name (全市) is
    theirs, whatever the clause after (占全省的8.1%) made of the note's."""
    return scopes_fit(whole.scope, part.scope) and scopes_agree(_words(whole), _words(part))


# ----------------------------------------------------------------- staff and teachers


def _staff_within(reading: Reading) -> Iterator[Relation]:
    """ "幼儿园教职工491.57万人,比上年增加38.43万人,…;专任教师276.31万人": the full-time
    teachers the text gives next after a level's staff, in its paragraph, are among them."""
    for note in reading.notes:
        if note.role != LEVEL or not _words(note).endswith("专任教师"):
            continue
        staff = _staff_before(reading, note)
        if staff is None or not _one_place(staff, note):
            continue
        teachers_of = _bare(_words(note).removesuffix("专任教师"))
        staff_of = _bare(_words(staff).removesuffix("教职工"))
        if teachers_of and teachers_of != staff_of:
            # "高校教职工…;中职专任教师": another level's teachers; "民办幼儿园教职工…;幼儿园
            # 专任教师": the teachers of all, not of the group whose staff it gave
            continue
        if not teachers_of and _a_group(reading, staff):
            continue  # "女教职工19万人;专任教师23.4万人": the group's teachers, or all?
        yield _subset(reading, note, staff, STAFF_NOTE)


def _bare(words: str) -> str:
    """Words without what only places or links them (全省, 共有)."""
    return re.sub(_nested()["filler"], "", words)


def _staff_before(reading: Reading, teachers: Note) -> Note | None:
    for before in reversed(reading.notes[: teachers.index]):
        if before.paragraph != teachers.paragraph or before.role != LEVEL:
            if before.paragraph != teachers.paragraph:
                return None
            continue
        words = _words(before)
        if not words.endswith("教职工"):
            return None  # another level between them: the teachers are not the staff's
        same = before.figure.unit == teachers.figure.unit and before.period == teachers.period
        return before if same and scopes_agree(words, _words(teachers)) else None
    return None


def _a_group(reading: Reading, staff: Note) -> bool:
    """Whether the staff is a group of a staff the text gives just before it (小学教职工26万人,
    女教职工19万人): the teachers after it may be the group's or all of them."""
    for before in reversed(reading.notes[: staff.index]):
        if before.paragraph != staff.paragraph:
            return False
        if before.role == LEVEL:
            return _words(before).endswith("教职工")
    return False


def _subset(reading: Reading, part: Note, whole: Note, note: str) -> Relation:
    start, end, spans = text_span(reading, part, whole)
    roles: dict[str, Figure | list[Figure]] = {"part": [part.figure], "whole": whole.figure}
    return Relation("subset", roles, start, end, notes=[note], spans=spans)
