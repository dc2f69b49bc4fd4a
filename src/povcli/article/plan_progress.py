"""Progress against a plan whose amount the clause states: "全县完成财政总收入4348万元,占年初预算
10065万元的43.2%" is the amount done over the plan's, in percent (4348 / 10065 = 43.2%), and
"完成82316万元,为预算数82000万元的100.4%" likewise (a plan may be exceeded: no ceiling of 100)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import PERCENT

# the words from the amount done to the plan's: ",占年初预算", ",为预算数"
TO_PLAN = re.compile(r"^\s*[,，]?\s*(?:占|为|是|完成)(?:年初|调整|全年|年度)?(?:预算|计划)数?\s*$")
# the words from the plan's amount to the percentage: "的"
OF_PLAN = re.compile(r"^\s*的\s*$")
PROGRESS_NOTE = "the amount done over the plan's amount its clause states, in percent"
PLANS_NOTE = "the plan amounts stated beside the parts add up to the whole's plan amount"
CLAUSE_END = re.compile(r"[;；。]")


def plan_progress(reading: Reading) -> Iterator[Relation]:
    notes = reading.notes
    for at in range(1, len(notes) - 1):
        done, plan, percent = notes[at - 1], notes[at], notes[at + 1]
        if "plan-level" not in plan.cues or not _one_clause_run(reading, done, plan, percent):
            continue
        if done.role != LEVEL or not done.figure.same_unit(plan.figure):
            continue
        if percent.figure.kind != PERCENT:
            continue
        start, end, spans = text_span(reading, done, plan, percent)
        roles: dict[str, Figure | list[Figure]] = {"a": done.figure, "b": plan.figure}
        yield Relation("percent-of", roles, start, end, percent.figure, notes=[PROGRESS_NOTE],
                       spans=spans)  # fmt: skip


def _one_clause_run(reading: Reading, done: Note, plan: Note, percent: Note) -> bool:
    """Whether the three stand as "4348万元,占年初预算10065万元的43.2%", in one sentence."""
    if not done.sentence == plan.sentence == percent.sentence:
        return False
    to_plan = reading.simple[done.figure.end : plan.figure.start]
    of_plan = reading.simple[plan.figure.end : percent.figure.start]
    return TO_PLAN.match(to_plan) is not None and OF_PLAN.match(of_plan) is not None


def plans_add_up(reading: Reading, whole: Note, parts: list[Note]) -> Relation | None:
    """ "财政总收入4348万元,占年初预算10065万元的43.2%。其中:税收收入3511万元,占年初预算8465万元
    的41.5%;非税收入837万元,占年初预算1600万元的52.3%": the plans of parts that add up make the
    whole's plan. Shown, never called wrong: a plan may be set for other items than the ones
    reported."""
    plans = [_plan_of(reading, n) for n in [whole, *parts]]
    if None in plans:
        return None
    found = [p for p in plans if p is not None]
    start, end, spans = text_span(reading, *found)
    return Relation("sum", {"parts": [p.figure for p in found[1:]]}, start, end,
                    found[0].figure, notes=[PLANS_NOTE], spans=spans,
                    confident=False)  # fmt: skip


def _plan_of(reading: Reading, level: Note) -> Note | None:
    following = reading.notes[level.index + 1 : level.index + 3]
    for note in following:
        if note.sentence != level.sentence:
            return None
        if "plan-level" in note.cues and note.figure.same_unit(level.figure):
            between = reading.simple[level.figure.end : note.figure.start]
            return note if not CLAUSE_END.search(between) else None
    return None
