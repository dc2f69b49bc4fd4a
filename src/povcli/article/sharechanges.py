"""A share's change in points from the levels the text gives: "普惠性幼儿园23.64万所,比上年减少
9301所,…,占全国幼儿园的比例86.16%,比上年提高1.2个百分点" after "全国共有幼儿园27.44万所,比上年
减少14808所": last year's share is (236400 + 9301) / (274400 + 14808) = 84.96%, so the share rose
86.16 − 84.96 = 1.20 points."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import attached, signed, text_span
from povcli.article.notes import CHANGE, LEVEL, POINTS, RATE, Note, Reading, simplified
from povcli.article.relations import Relation

SHARE_CHANGE_NOTE = "last year's share is the part less its change over the whole less its change"
SHARE_RATES_NOTE = "last year's ratio is each level over one plus its rate"


# the terms of a share or a margin, by the kind of relation that binds them
TERMS = {"share": ("part", "whole"), "percent-of": ("a", "b")}
# amounts whose growth is at constant prices (增加值, 生产总值): no nominal share's change
REAL_GROWTH = re.compile(r"增加值|生产总值|GDP|国内生产总值")


def share_changes(reading: Reading, relations: list[Relation]) -> Iterator[Relation]:
    """For each share bound to its part and whole (and confident), with a change in points on
    the year before: the points from the two levels' changes on the same year, or from their
    rates (a margin's too: 营业收入利润率 over the profit's and the revenue's rates)."""
    by_start = {n.figure.start: n for n in reading.notes}
    for relation in relations:
        terms = TERMS.get(relation.kind)
        if terms is None or not relation.confident or relation.claimed is None:
            continue
        share = by_start.get(relation.claimed.start)
        part, whole = (_note(by_start, relation.roles.get(r)) for r in terms)
        if share is None or part is None or whole is None:
            continue
        points = attached(reading, share, POINTS)
        if points is None or points.base not in ("previous", None):
            continue  # (points written bare, "提高1.1个百分点", are on the year its terms' are)
        found = _from_changes(reading, share, part, whole, points)
        yield from found or _from_rates(reading, share, part, whole, points)


def _from_changes(
    reading: Reading, share: Note, part: Note, whole: Note, points: Note
) -> list[Relation]:
    changes = [attached(reading, n, CHANGE) for n in (part, whole)]
    if changes[0] is None or changes[1] is None:
        return []
    if not _on_the_year_before(changes[0].base, changes[1].base, points.base):
        return []  # changes since different times make no one change of the share
    start, end, spans = text_span(reading, whole, part, share, points)
    roles: dict[str, Figure | list[Figure]] = {
        "share": share.figure, "part": part.figure, "part_change": signed(changes[0]),
        "whole": whole.figure, "whole_change": signed(changes[1]),
    }  # fmt: skip
    return [Relation("share-change", roles, start, end, signed(points),
                     notes=[SHARE_CHANGE_NOTE], spans=spans)]  # fmt: skip


def _from_rates(
    reading: Reading, share: Note, part: Note, whole: Note, points: Note
) -> list[Relation]:
    """ "利润总额982.8亿元,同比增长43.7%", "主营业务收入13397.8亿元,同比增长36.3%", "主营业务
    收入利润率7.34%,同比提高0.38个百分点": last year's ratio from the two rates, when both are
    nominal rates on the year before (a value added's rate is at constant prices)."""
    part_rate, whole_rate = (attached(reading, n, RATE) for n in (part, whole))
    if part_rate is None or whole_rate is None:
        return []
    if not _on_the_year_before(part_rate.base, whole_rate.base, points.base):
        return []  # rates on other years make no one change of the ratio (增长 alone, as a
        # bulletin writes the rates after the first, is on the year before)
    if "real" in (part_rate.qualifier, whole_rate.qualifier):
        return []
    if any(REAL_GROWTH.search(simplified(n.subject)) for n in (part, whole)):
        return []
    start, end, spans = text_span(reading, whole, part, share, points)
    roles: dict[str, Figure | list[Figure]] = {
        "share": share.figure, "part": part.figure, "part_rate": signed(part_rate),
        "whole": whole.figure, "whole_rate": signed(whole_rate),
    }  # fmt: skip
    return [Relation("share-change-rates", roles, start, end, signed(points),
                     notes=[SHARE_RATES_NOTE], spans=spans)]  # fmt: skip


def _on_the_year_before(*bases: str | None) -> bool:
    """Whether the terms' changes and the points are all on the year before: each says so
    (比上年) or is written bare (增加, 提高, as a bulletin writes those after the first), and one
    at least says so."""
    return set(bases) <= {"previous", None} and "previous" in bases


def _note(by_start: dict[int, Note], figure: object) -> Note | None:
    if not isinstance(figure, Figure):
        return None
    note = by_start.get(figure.start)
    return note if note is not None and note.role == LEVEL else None
