"""A part's contribution to a total's increase, where no pull is given: "农村居民人均纯收入5919元,
比上年增加766元 … 工资性收入每人平均2431元,增加370元 … 工资性收入对农村居民全年增收的贡献率达
48.3%" (370 / 766 = 48.3%). The part is the level the contribution's words open with, its
increase the one just before; the total is the one increase of the text whose level names what
the words say it contributes to (农村居民 … 收入) and none of the parts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import PLACE, signed, text_span
from povcli.article.notes import CHANGE, POINTS, Note, Reading, simplified
from povcli.article.pulls import PULL_VERBS
from povcli.article.relations import Relation
from povcli.numbers import PERCENT

# "工资性收入对农村居民全年增收的贡献率达48.3%": the part, and what it adds to
TO_INCREASE = re.compile(
    r"(?P<part>[\u4e00-\u9fff]{2,12}?)对(?P<whole>[\u4e00-\u9fff]{2,16}?)(?:全年)?"
    r"(?:增收|收入增长|收入的增长)的?贡献率(?:为|达到?|是)?\s*$"
)
INCOME = re.compile(r"收入")
# the words of an income's components: none is the total
COMPONENTS = re.compile(r"工资|经营|财产|转移|农业|非农")
PULL_WORDS = re.compile(PULL_VERBS)
PART_WITHIN = 4  # figures back from the contribution to the part's increase
INCREASE_NOTE = (
    "a part's contribution to the total's increase is its increase as a percentage of the"
    " total's increase"
)


def increase_contributions(reading: Reading) -> Iterator[Relation]:
    for note in reading.notes:
        if note.figure.kind != PERCENT:
            continue
        sentence = reading.sentence_of(note)
        found = TO_INCREASE.search(sentence.words_before(note.figure, limit=40))
        if found is None or _pulled(reading, note):
            continue
        part = _part_increase(reading, note, found["part"])
        whole = PLACE.sub("", found["whole"])
        total = _total_increase(reading, whole, part) if part is not None else None
        if part is None or total is None:
            continue
        start, end, spans = text_span(reading, total, part, note)
        yield Relation("percent-of", {"a": signed(part), "b": signed(total)}, start, end,
                       note.figure, notes=[INCREASE_NOTE], spans=spans)  # fmt: skip


def _pulled(reading: Reading, note: Note) -> bool:
    """A pull in points beside it (拉动…个百分点): the contribution is of a rate (pulls.py);
    points of its own change (比上年提高16.8个百分点) are none."""
    return any(
        n.role == POINTS
        and n.sentence == note.sentence
        and PULL_WORDS.search(reading.sentence_of(n).words_before(n.figure))
        for n in reading.notes[max(0, note.index - 2) : note.index + 3]
    )


def _part_increase(reading: Reading, share: Note, part_words: str) -> Note | None:
    """The increase just before the contribution whose level its words name."""
    for note in reversed(reading.notes[max(0, share.index - PART_WITHIN) : share.index]):
        if note.paragraph != share.paragraph:
            return None
        if note.role != CHANGE or note.head is None:
            continue
        level = reading.notes[note.head]
        return note if part_words in simplified(level.subject) else None
    return None


def _total_increase(reading: Reading, whole: str, part: Note) -> Note | None:
    """The one increase of the text (its value once) of a level of income that names the
    contribution's whole (农村居民) and no component of it."""
    fitting = []
    for note in reading.notes[: part.index]:
        if note.role != CHANGE or note.head is None or note.base not in (None, "previous"):
            continue
        subject = simplified(reading.notes[note.head].subject)
        named = whole in subject and INCOME.search(subject) and not COMPONENTS.search(subject)
        if named and note.figure.same_unit(part.figure):
            fitting.append(note)
    return fitting[0] if len({n.figure.value for n in fitting}) == 1 else None
