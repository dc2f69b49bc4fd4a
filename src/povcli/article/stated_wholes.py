"""A share whose whole the 占 phrase states with its figure: "山西精准识别出建档立卡贫困人口232万,
占全省2410万农村人口的9.6%" (232 / 2410 = 9.6%). The part is the level right before 占, the
whole the figure right after it (its place word aside), the share the percentage after the
whole's words and 的: every figure bound by the words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PERCENT

# the words between the part and the whole's figure: 占, and the whole's place
BETWEEN = re.compile(
    r"\s*[,，]?\s*(?:其|约|約)?占(?:全国|全省|全市|全区|全县|全州|我国|本省|本市)?\s*"
)
# the whole's words, then 的 and what the share is called
BEFORE_SHARE = re.compile(r"^[^\d,，;；。、()（）]{1,12}的(?:比重|比例)?(?:为|是|达)?\s*$")
STATED_NOTE = "the words after 占 state the whole's figure"


def stated_wholes(reading: Reading) -> Iterator[Relation]:
    for at, share in enumerate(reading.notes):
        if share.figure.kind != PERCENT or at < 2:
            continue
        whole, part = reading.notes[at - 1], reading.notes[at - 2]
        if not _bound(reading, part, whole, share):
            continue
        start, end, spans = text_span(reading, part, whole, share)
        yield Relation("share", {"part": part.figure, "whole": whole.figure}, start, end,
                       share.figure, notes=[STATED_NOTE], spans=spans)  # fmt: skip


def _bound(reading: Reading, part: Note, whole: Note, share: Note) -> bool:
    if len({part.sentence, whole.sentence, share.sentence}) != 1:
        return False
    if part.role != LEVEL or whole.figure.kind != COUNT or part.figure.kind != COUNT:
        return False
    if not part.figure.same_unit(whole.figure) and None not in (
        part.figure.unit,
        whole.figure.unit,
    ):
        return False
    between = reading.simple[part.figure.end : whole.figure.start]
    after = reading.simple[whole.figure.end : share.figure.start]
    return BETWEEN.fullmatch(between) is not None and BEFORE_SHARE.match(after) is not None
