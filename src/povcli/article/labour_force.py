"""A labour-force survey's rates from its levels, by their definitions (the ILO's, which 主計
總處, 政府統計處 and the NBS follow): the labour force is the employed and the unemployed, so

- 失业率 = 失业人数 / (就业人数 + 失业人数);
- 劳动力参与率 = (就业人数 + 失业人数) / (就业人数 + 失业人数 + 非劳动力人数).

"8月就業人數1,145萬9千人…失業人數46萬1千人…非勞動力人數為821萬7千人…勞動力參與率為59.19%…
失業率3.87%": read where one paragraph gives one level of each, of one period and place, and
the rate plainly (a seasonally adjusted rate, 经调整季节变动因素后之失业率, or a group's, 青年失
业率, is another measure and binds nothing)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from povcli.article.figures import Figure
from povcli.article.near import text_span
from povcli.article.notes import LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.numbers import PERCENT

# a level's words, after its period (8月, 2024年, 本月): what it counts
MEASURES = {
    "employed": re.compile(r"(?:^|[月年季度])就业(?:人数|人口|者)$"),
    "unemployed": re.compile(r"(?:^|[月年季度])失业(?:人数|人口|者)$"),
    "outside": re.compile(r"(?:^|[月年季度])非劳动力(?:人数|人口)?$"),
    # (the verb a rate runs to may end its words: "4月失業率降到3.36%")
    "unemployment": re.compile(r"(?:^|[月年季度])失业率(?:降|升|下降|上升)?(?:到|至)?$"),
    "participation": re.compile(
        r"(?:^|[月年季度])(?:劳动力参与率|劳动参与率|劳参率)(?:降|升|下降|上升)?(?:到|至)?$"
    ),
}
UNEMPLOYMENT_NOTE = "the unemployment rate is the unemployed over the employed and unemployed"
PARTICIPATION_NOTE = (
    "the participation rate is the labour force (the employed and unemployed) over it and "
    "those outside it"
)


def labour_force_rates(reading: Reading) -> Iterator[Relation]:
    by_paragraph: dict[int, list[Note]] = {}
    for note in reading.notes:
        if note.role == LEVEL:
            by_paragraph.setdefault(note.paragraph, []).append(note)
    judged: set[str] = set()
    for levels in by_paragraph.values():
        found = _measures(levels)
        if found is not None:
            judged.update(found)
            yield from _rates(reading, found)
    if len(by_paragraph) < 2 or {"unemployment", "participation"} <= judged:
        return
    # "就業人數…;失業人數…" and, a paragraph on, "非勞動力人數…;勞動參與率…": one level of each
    # measure in the whole text (the same figure restated counts once), of one month, for
    # each rate no paragraph judged alone
    found = _measures([n for levels in by_paragraph.values() for n in levels], restated_once=True)
    if found is not None:
        yield from _rates(reading, found, judged)


def _rates(
    reading: Reading, found: dict[str, Note], judged: AbstractSet[str] = frozenset()
) -> Iterator[Relation]:
    employed, unemployed = found["employed"], found["unemployed"]
    if "unemployment" in found and "unemployment" not in judged:
        yield _rate(reading, [unemployed], [employed, unemployed], found["unemployment"],
                    UNEMPLOYMENT_NOTE)  # fmt: skip
    if "participation" in found and "outside" in found and "participation" not in judged:
        labour = [employed, unemployed]
        yield _rate(reading, labour, [*labour, found["outside"]], found["participation"],
                    PARTICIPATION_NOTE)  # fmt: skip


def _measures(levels: list[Note], restated_once: bool = False) -> dict[str, Note] | None:
    """One level of each measure a paragraph's levels give (None where they give two of one,
    or no employed and unemployed of one unit, period and place); across paragraphs, a figure
    restated counts once, and every level must name one month (or none)."""
    seen: dict[str, list[Note]] = {}
    for note in levels:
        words = re.sub(r"^.*[的之]", "", simplified(note.subject).replace(" ", ""))
        for name, pattern in MEASURES.items():
            if pattern.search(words) and not _qualified(note):
                seen.setdefault(name, []).append(note)
    if restated_once:
        seen = {name: _once(notes) for name, notes in seen.items()}
    if any(len(notes) > 1 for notes in seen.values()):
        return None
    found = {name: notes[0] for name, notes in seen.items()}
    if restated_once and len({_month(n) for n in found.values()}) > 1:
        return None
    counts = [found.get(name) for name in ("employed", "unemployed", "outside")]
    levels = [n for n in counts if n is not None]
    if "employed" not in found or "unemployed" not in found:
        return None
    first = levels[0]
    if any(
        not n.figure.same_unit(first.figure) or n.period != first.period or n.scope != first.scope
        for n in levels
    ):
        return None
    rates = [found.get(name) for name in ("unemployment", "participation")]
    if any(r is not None and (r.figure.kind != PERCENT or r.period != first.period) for r in rates):
        return None
    return found


def _once(notes: list[Note]) -> list[Note]:
    """The notes of one measure, a figure restated (the same written value) counted once."""
    kept: dict[float, Note] = {}
    for note in notes:
        kept.setdefault(note.figure.value, note)
    return list(kept.values())


def _month(note: Note) -> str:
    """The month a level's words name last (主计处5月22日公布4月就业人数: April's)."""
    found = re.findall(r"前?\d{1,2}月(?!\d{1,2}日)", simplified(note.subject))
    return found[-1] if found else ""


def _qualified(note: Note) -> bool:
    """A measure of a group or adjusted: not the survey's own (15至24岁, 青年, 季调)."""
    return bool(re.search(r"调整|季调|青年|岁|男|女|城镇|农村", simplified(note.subject)))


def _rate(reading: Reading, part: list[Note], whole: list[Note], rate: Note, note: str) -> Relation:
    start, end, spans = text_span(reading, *whole, rate)
    roles: dict[str, Figure | list[Figure]] = {
        "part": [n.figure for n in part],
        "whole": [n.figure for n in whole],
    }
    return Relation("share-of-sum", roles, start, end, rate.figure, notes=[note],
                    spans=spans)  # fmt: skip
