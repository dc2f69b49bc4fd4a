"""Averages of a whole and of its groups: "3月澳门留宿旅客约97.9万人次,不过夜旅客约97.8万人次…
旅客平均逗留时间维持在1.2日;留宿旅客的平均逗留时间2.2日…,不过夜旅客平均逗留0.3日". The whole's
average is its groups' weighted by their counts: (2.2 × 97.9 + 0.3 × 97.8) / 195.7 = 1.25. The
words of the average, the groups and the whole are data (`weighted_averages` in grammar.json)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from povcli.article.figures import Figure
from povcli.article.near import span_of, text_span
from povcli.article.notes import LEVEL, Note, Reading, grammar, simplified
from povcli.article.partitions import Partition, member_of
from povcli.article.relations import Relation

WEIGHTED_NOTE = (
    "the whole's average is its groups' averages weighted by their counts ({high} and {low})"
)


@cache
def _entries() -> list[tuple[re.Pattern[str], Partition, re.Pattern[str]]]:
    entries: list[dict[str, Any]] = grammar()["weighted_averages"]["averages"]
    return [
        (
            re.compile(entry["average"]),
            Partition(tuple(tuple(m.split("|")) for m in entry["partition"]), False, (), ()),
            re.compile(entry["whole"]),
        )
        for entry in entries
    ]


def weighted_averages(reading: Reading) -> Iterator[Relation]:
    by_paragraph: dict[int, list[Note]] = {}
    for note in reading.notes:
        by_paragraph.setdefault(note.paragraph, []).append(note)
    for notes in by_paragraph.values():
        for average, partition, whole_words in _entries():
            found = _weighted(reading, notes, average, partition, whole_words)
            if found is not None:
                yield found


def _weighted(
    reading: Reading,
    notes: list[Note],
    average: re.Pattern[str],
    partition: Partition,
    whole_words: re.Pattern[str],
) -> Relation | None:
    """The paragraph's one average of the whole and one of each of two groups, after the one
    count of each group in it; none where any of them is in doubt."""
    averages: dict[int | None, list[Note]] = {}
    last: Note | None = None  # the last average named in its sentence
    for note in notes:
        if note.role != LEVEL or note.figure.kind != "count":
            continue
        words = simplified(note.subject)
        found = average.search(words)
        if found is not None:
            named, last = words[: found.start()], note
        elif _goes_on(last, note):
            named = words  # "不过夜旅客的平均逗留时间(0.3日)…,留宿旅客(2.2日)则减少1.4日"
        else:
            continue
        group = member_of(named, partition)
        # the whole's average is named by the whole alone: 内地旅客's is a part's
        if group is None and not whole_words.search(named.strip()):
            continue
        averages.setdefault(group, []).append(note)
    groups = range(len(partition.members))
    if len(groups) != 2 or any(len(averages.get(g, [])) != 1 for g in (None, *groups)):
        return None
    whole = averages[None][0]
    counts = [_count_of(reading, notes, partition, g, whole) for g in groups]
    if None in counts:
        return None
    means = [averages[g][0] for g in groups]
    order = sorted(groups, key=lambda g: means[g].figure.value, reverse=True)
    high, low = order
    if means[high].figure.bounds.low < means[low].figure.bounds.high:
        return None  # the groups' averages may meet: no direction to bound the whole's by
    high_count, low_count = counts[high], counts[low]
    assert high_count is not None and low_count is not None
    roles: dict[str, Figure | list[Figure]] = {
        "high": means[high].figure, "low": means[low].figure,
        "high_weight": high_count.figure, "low_weight": low_count.figure,
    }  # fmt: skip
    start, end, spans = text_span(
        reading, *sorted([whole, *means, high_count, low_count], key=lambda n: n.index)
    )
    why = WEIGHTED_NOTE.format(high=high_count.figure.written, low=low_count.figure.written)
    return Relation("weighted-average", roles, start, end, whole.figure, notes=[why], spans=spans)


def _goes_on(last: Note | None, note: Note) -> bool:
    """Whether a figure named by a group alone, in the sentence of an average and in its unit
    (no count of visitors), is that group's average: the list of averages goes on."""
    return (
        last is not None
        and last.sentence == note.sentence
        and note.figure.unit == last.figure.unit
        and note.figure.unit not in ("person", "person-time")
    )


def _count_of(
    reading: Reading, notes: list[Note], partition: Partition, group: int, whole: Note
) -> Note | None:
    """The one count of the group (its subject naming it, in persons or person-times) before the
    averages in their paragraph, of their span: 上半年's or May's visitors weigh no averages of
    June."""
    span = span_of(reading, whole)
    found = [
        n
        for n in notes
        if n.index < whole.index
        and n.period == whole.period
        and span_of(reading, n) == span
        and n.role == LEVEL
        and n.figure.unit in ("person", "person-time")
        and member_of(simplified(n.subject), partition) == group
    ]
    return found[0] if len({n.figure.value for n in found}) == 1 else None
