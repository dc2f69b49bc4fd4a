"""A change a title or another paragraph gives over a span of years, against the two dated
levels the body gives for that span: "四川彝区藏区贫困人口5年减少79.6万人" beside "贫困人口从
2013年底的116万人减少到2018年底的36.4万人" (116 − 36.4 = 79.6), "楚雄五年减贫29.86万人" beside
"全州建档立卡贫困人口从2014年的34.36万人减少到2018年底的4.5万人".

The change is bound to the levels when its sentence names their span (both years, or the count
of years between them), its words name what they count (减贫 the poor's fall), it runs their
way, and, where several pairs fit, the words around one of them name the change's place
(彝区藏区) more than any other's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import signed, text_span
from povcli.article.notes import CHANGE, LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation
from povcli.numbers import COUNT

# what the poor's fall is called where the levels count the poor
POOR = "贫困人口"
POOR_FALL = re.compile(r"减贫|脱贫人口")
FLOW_NOTE = (
    "the change over the span is the difference of the levels the text gives at its two ends"
)


def restated_flows(reading: Reading) -> Iterator[Relation]:
    pairs = [pair for note in reading.notes if (pair := _dated_pair(reading, note))]
    if not pairs:
        return
    for change in reading.notes:
        if change.role != CHANGE or change.head is not None:
            continue  # a change of a level before it is that level's, not a span's
        fitting = [(old, new) for old, new in pairs if _fits(reading, change, old, new)]
        chosen = _best_placed(reading, change, fitting)
        if chosen is None:
            continue
        old, new = chosen
        start, end, spans = text_span(reading, change, old, new)
        yield Relation("difference", {"old": old.figure, "new": new.figure}, start, end,
                       signed(change), notes=[FLOW_NOTE], spans=spans)  # fmt: skip


def _dated_pair(reading: Reading, new: Note) -> tuple[Note, Note] | None:
    """ "从2014年的34.36万人减少到2018年底的4.5万人": the level a "to" runs from, and it."""
    if new.role != LEVEL or "to" not in new.cues or new.head is None:
        return None
    old = reading.notes[new.head]
    if not (_year(old) and _year(new) and _year(old) < _year(new)):
        return None
    if old.figure.kind != COUNT or not old.figure.same_unit(new.figure):
        return None
    return old, new


def _year(note: Note) -> int:
    return int(note.period) if note.period and note.period.isdigit() else 0


def _fits(reading: Reading, change: Note, old: Note, new: Note) -> bool:
    if change.sentence in (old.sentence, new.sentence):
        return False  # the levels' own sentence states its change itself
    if not change.figure.same_unit(old.figure):
        return False
    if change.sign != (1 if new.figure.value > old.figure.value else -1):
        return False
    words = _words(reading, change)
    if not _same_place(reading, words, old):
        return False
    return _names_the_thing(words, old) and _names_the_span(reading, change, old, new)


# a whole place's name: "全省五年减贫300万人" is no fall of 全市's poor, nor of the poor of one
# county after 其中
WHOLE_PLACE = re.compile(r"全(?:国|省|区|市|州|盟|县|旗|乡|镇)")


def _same_place(reading: Reading, words: str, old: Note) -> bool:
    named = set(WHOLE_PLACE.findall(words))
    if not named:
        return True
    sentence = reading.sentences[old.sentence]
    before = reading.simple[sentence.start : old.figure.start]
    places = set(WHOLE_PLACE.findall(before))
    if places and not places & named:
        return False
    return "其中" not in before or bool(places & named)


def _words(reading: Reading, change: Note) -> str:
    sentence = reading.sentences[change.sentence]
    return reading.simple[sentence.start : change.figure.start]


def _names_the_thing(words: str, old: Note) -> bool:
    counted = simplified(old.subject)
    if POOR in counted and (POOR in words or POOR_FALL.search(words)):
        return True
    return any(counted[i : i + 4] in words for i in range(max(0, len(counted) - 3)))


def _names_the_span(reading: Reading, change: Note, old: Note, new: Note) -> bool:
    """Both years in the change's sentence, or the count of years between them (2014年的…
    到2018年底的… is four years from end to end, five counting each year the flow ran)."""
    sentence = reading.sentences[change.sentence]
    text = reading.simple[sentence.start : sentence.end]
    if f"{_year(old)}" in text and f"{_year(new)}" in text:
        return True
    years = _year(new) - _year(old)
    counted = [
        n
        for n in reading.in_sentence(change.sentence)
        if n.index < change.index and n.figure.unit == "year" and n.figure.bounds.exact
    ]
    return any(n.figure.value in (years, years + 1) for n in counted)


def _best_placed(
    reading: Reading, change: Note, fitting: list[tuple[Note, Note]]
) -> tuple[Note, Note] | None:
    """The one pair that fits; of several, the one whose sentences share the most of the
    change's words (彝区, 藏区), when no other shares as many."""
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    words = re.sub(r"[\d\s.]+", "", _words(reading, change))
    pieces = {words[i : i + 2] for i in range(len(words) - 1)}

    def shared(pair: tuple[Note, Note]) -> int:
        first = reading.sentences[min(pair[0].sentence, pair[1].sentence)]
        last = reading.sentences[max(pair[0].sentence, pair[1].sentence)]
        around = reading.simple[first.start : last.end]
        return sum(piece in around for piece in pieces)

    scored = sorted(((shared(pair), pair) for pair in fitting), key=lambda s: -s[0])
    if scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]
