"""Shares of increments: "省内流动农民工增量占外出农民工增量的96.4%", "西部地区农民工增量占新增
农民工的52.2%": the part's change over the whole's, each the change the text gives for what
the words name (比上年增加242万人 of 省内流动农民工, 增加251万人 of 外出农民工)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import core_words, text_span
from povcli.article.notes import CHANGE, SHARE, Note, Reading
from povcli.article.relations import Relation

# the whole's words: "外出农民工增量", "外出农民工的增量", "新增农民工", "新增外出农民工"
WHOLE_INCREMENT = re.compile(r"^(?:新增(?P<new>.+)|(?P<of>.+?)的?(?:增量|新增量|增加量))$")
PART_INCREMENT = re.compile(r"(?P<part>[^,，;；。]+?)的?(?:增量|新增量|增加量)占")
INCREMENTS_NOTE = "a share of increments is the part's change over the whole's"


def shares_of_increments(reading: Reading) -> Iterator[Relation]:
    for share in reading.notes:
        if share.role != SHARE or not share.whole:
            continue
        whole_words = WHOLE_INCREMENT.match(share.whole.strip())
        part_words = PART_INCREMENT.search(share.subject)
        if whole_words is None or part_words is None:
            continue
        whole_name = whole_words.group("new") or whole_words.group("of")
        part = _change_of(reading, share, part_words.group("part"))
        whole = _change_of(reading, share, whole_name)
        if part is None or whole is None or part is whole or part.base != whole.base:
            continue  # increments since different times are no part and whole
        if part.figure.bounds.low > whole.figure.bounds.high:
            continue  # a part's increase larger than the whole's is no share of it
        start, end, spans = text_span(reading, part, whole, share)
        yield Relation("share", {"part": part.figure, "whole": whole.figure}, start, end,
                       share.figure, notes=[INCREMENTS_NOTE], spans=spans)  # fmt: skip


def _change_of(reading: Reading, share: Note, name: str) -> Note | None:
    """The one increase before the share, of its period, whose subject is the name (a total's
    name ending 总量 or 总数 too: 农民工总量 for 新增农民工)."""
    wanted = core_words(name)
    found = [
        n
        for n in reading.notes[: share.index]
        if n.role == CHANGE
        and n.sign > 0
        and n.period == share.period
        and core_words(n.subject) == wanted
    ]
    values = {(n.figure.value, n.figure.unit) for n in found}
    return found[-1] if len(values) == 1 else None
