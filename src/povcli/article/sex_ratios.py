"""Sex ratios: "男性人口71351万人,女性人口68187万人,总人口性别比为104.64(以女性为100)" — the
men per hundred women of the population the two counts make."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation

RATIO_WORDS = re.compile(r"性别比")
RATIO_WITHIN = 40  # characters back from the ratio to the words that name it
LIKELY = (50.0, 200.0)  # a ratio of men per hundred women outside these is some other figure
# a count of one sex of the whole population, its place or year before it at most (城镇男性人口
# counts a part of it)
PLACE_WORDS = re.compile(
    r"^(?:\d{4}年)?(?:年末)?(?:全国|全省|全市|全县|全区)?(?:常住人口中|户籍人口中|总人口中)?"
)
SEX_ONLY = re.compile(r"^(?:男|女)性?(?:人口)?(?:为)?$")
MEN_NOTE = "a sex ratio is the men per hundred women"


def sex_ratios(reading: Reading) -> Iterator[Relation]:
    for ratio in reading.notes:
        if not _a_sex_ratio(reading, ratio):
            continue
        men = _count_of(reading, ratio, "男", "女")
        women = _count_of(reading, ratio, "女", "男")
        if men is None or women is None:
            continue
        start, end, spans = text_span(reading, men, women, ratio)
        roles: dict[str, Figure | list[Figure]] = {"a": men.figure, "b": women.figure}
        yield Relation("per-hundred", roles, start, end, ratio.figure, notes=[MEN_NOTE],
                       spans=spans)  # fmt: skip


def _a_sex_ratio(reading: Reading, note: Note) -> bool:
    figure = note.figure
    if note.role != LEVEL or figure.unit is not None or figure.value == 100:
        return False
    if not LIKELY[0] < figure.value < LIKELY[1]:
        return False
    before = reading.simple[max(0, figure.start - RATIO_WITHIN) : figure.start]
    return bool(RATIO_WORDS.search(before)) and not re.search(r"[。;；]", before[-12:])


def _count_of(reading: Reading, ratio: Note, sex: str, other: str) -> Note | None:
    """The one count of the sex for the ratio's period and place: in its paragraph if there,
    else the one the whole text gives (two different counts bind nothing)."""
    counts = [
        n
        for n in reading.notes
        if n.role == LEVEL
        and n.figure.unit == "person"
        and sex in n.subject
        and other not in n.subject
        and SEX_ONLY.match(PLACE_WORDS.sub("", simplified(n.subject).strip()))
        and n.period == ratio.period
        and (n.scope == ratio.scope or None in (n.scope, ratio.scope))
    ]
    here = [n for n in counts if n.paragraph == ratio.paragraph]
    found = here or counts
    return found[0] if len({n.figure.value for n in found}) == 1 else None
