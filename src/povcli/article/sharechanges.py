"""A share's change in points from the levels the text gives: "普惠性幼儿园23.64万所,比上年减少
9301所,…,占全国幼儿园的比例86.16%,比上年提高1.2个百分点" after "全国共有幼儿园27.44万所,比上年
减少14808所": last year's share is (236400 + 9301) / (274400 + 14808) = 84.96%, so the share rose
86.16 − 84.96 = 1.20 points."""

from __future__ import annotations

from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import attached, signed, text_span
from povcli.article.notes import CHANGE, LEVEL, POINTS, Note, Reading
from povcli.article.relations import Relation

SHARE_CHANGE_NOTE = "last year's share is the part less its change over the whole less its change"


def share_changes(reading: Reading, relations: list[Relation]) -> Iterator[Relation]:
    """For each share bound to its part and whole (and confident), with a change in points on
    the year before: the points from the two levels' changes on the same year."""
    by_start = {n.figure.start: n for n in reading.notes}
    for relation in relations:
        if relation.kind != "share" or not relation.confident or relation.claimed is None:
            continue
        share = by_start.get(relation.claimed.start)
        part, whole = (_note(by_start, relation.roles.get(r)) for r in ("part", "whole"))
        if share is None or part is None or whole is None:
            continue
        points = attached(reading, share, POINTS)
        changes = [attached(reading, n, CHANGE) for n in (part, whole)]
        if points is None or changes[0] is None or changes[1] is None:
            continue
        if {points.base, changes[0].base, changes[1].base} != {"previous"}:
            continue  # changes since different times make no one change of the share
        start, end, spans = text_span(reading, whole, part, share, points)
        roles: dict[str, Figure | list[Figure]] = {
            "share": share.figure, "part": part.figure, "part_change": signed(changes[0]),
            "whole": whole.figure, "whole_change": signed(changes[1]),
        }  # fmt: skip
        yield Relation("share-change", roles, start, end, signed(points),
                       notes=[SHARE_CHANGE_NOTE], spans=spans)  # fmt: skip


def _note(by_start: dict[int, Note], figure: object) -> Note | None:
    if not isinstance(figure, Figure):
        return None
    note = by_start.get(figure.start)
    return note if note is not None and note.role == LEVEL else None
