"""Comparisons with the whole a place belongs to, its figure in brackets: "歙县城镇居民人均可支配
收入比全市低2568元(全市为21585元)", "增幅比全省低1.7个百分点(全省为5.6%)", "贫困发生率比全国(2.5%)
高3.7个百分点". The place's own figure less the whole's is the difference stated.

The place's figure is the one the words before 比 name, stated before the comparison in its
paragraph or the one before; a comparison with no words of its own before 比 (", 比全省低5121元")
compares what the one before it in the sentence compared. Where no figure, or more than one,
fits those words, nothing is inferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import text_span
from povcli.article.notes import (
    CHANGE,
    LEVEL,
    POINTS,
    RATE,
    SHARE,
    Note,
    Reading,
    sentence_clauses,
)
from povcli.article.relations import Relation
from povcli.article.roles import subject_of
from povcli.numbers import PER_MILLE, PERCENT

WHOLES = r"全国|全省|全市|全县|全区|全州"  # in the Simplified text the reading keeps
HIGHER, LOWER = ("高", "高出", "多"), ("低", "少")
# "…比全国(2.5%)高": the whole's figure in brackets before the difference
BRACKET_BEFORE = re.compile(
    rf"(?P<words>[^,，;；]*?)比(?P<whole>{WHOLES})(?:平均水平)?[(（][^()（）]+[)）]"
    r"(?P<way>高出|高|低|多|少)$"
)
# "…比全市低" and, after the difference, "(全市为21585元)"
BRACKET_AFTER = re.compile(
    rf"(?P<words>[^,，;；]*?)比(?P<whole>{WHOLES})(?:平均水平)?(?P<way>高出|高|低|多|少)$"
)
RATE_WORDS = ("增幅", "增速", "增长", "幅度")
NOTE = "the place's figure less the figure of the whole it is compared with"


def comparisons(reading: Reading) -> Iterator[Relation]:
    """Each difference stated against a whole whose figure the brackets give."""
    carried: dict[int, Note] = {}  # sentence → the place's figure the last comparison used
    for note in reading.notes:
        if note.role not in (CHANGE, POINTS):
            continue
        found = _compared(reading, note)
        if found is None:
            continue
        words, named, whole, higher = found
        subject = subject_of(words)
        own = _own_figure(reading, note, subject, (named, whole), carried.get(note.sentence))
        if own is None or not _comparable(own, whole, note):
            continue
        carried[note.sentence] = own
        start, end, spans = text_span(reading, own, note, whole)
        kind = "point-change" if note.role == POINTS else "difference"
        roles = {"old": whole.figure, "new": own.figure}
        yield Relation(kind, dict(roles), start, end, note.figure, 1 if higher else -1,
                       notes=[NOTE], spans=spans)  # fmt: skip


def _compared(reading: Reading, note: Note) -> tuple[str, str, Note, bool] | None:
    """The words before 比, the whole they name (全市), its figure in brackets, and whether the
    place's is higher; None when the figure is no such difference."""
    sentence = reading.sentences[note.sentence]
    clause = _clause_before(sentence.text[: note.figure.start - sentence.start])
    match = BRACKET_BEFORE.search(clause)
    whole: Note | None = None
    if match is not None:
        inside = reading.notes[note.index - 1] if note.index else None
        whole = inside if inside and _in_last_brackets(reading, inside, note) else None
    else:
        match = BRACKET_AFTER.search(clause)
        whole = _bracket_after(reading, note, match["whole"]) if match else None
    if match is None or whole is None:
        return None
    return match["words"].strip(), match["whole"], whole, match["way"] not in LOWER


def _clause_before(text: str) -> str:
    """The clause a figure stands in, up to it."""
    return text[sentence_clauses(text)[-1] :]


def _in_last_brackets(reading: Reading, inside: Note, note: Note) -> bool:
    between = reading.simple[inside.figure.end : note.figure.start]
    return bool(re.fullmatch(r"\s*[)）](?:高出|高|低|多|少)", between))


def _bracket_after(reading: Reading, note: Note, whole: str) -> Note | None:
    """ "比全市低2568元(全市为21585元)": the figure in the brackets right after the difference,
    which name the same whole."""
    following = reading.notes[note.index + 1 : note.index + 2]
    if not following or following[0].sentence != note.sentence:
        return None
    between = reading.simple[note.figure.end : following[0].figure.start]
    pattern = rf"\s*[(（]\s*{re.escape(whole)}(?:平均水平)?(?:为|是)?\s*"
    if not re.fullmatch(pattern, between):
        return None
    after = reading.simple[following[0].figure.end : following[0].figure.end + 1]
    return following[0] if after in (")", "）") else None


def _own_figure(
    reading: Reading, note: Note, subject: str, compared: tuple[str, Note], carried: Note | None
) -> Note | None:
    """The place's figure the words name, the one stated last before the comparison in its
    paragraph or the one before; in points, with no words or with 增幅, the last rate of its
    paragraph; with no words, else, what the sentence compared last."""
    sentence = reading.sentences[note.sentence]
    said = sentence.text[: note.figure.start - sentence.start]
    if subject:
        wants_rate = note.role == POINTS and any(w in subject for w in RATE_WORDS)
    else:  # ", 比全省高0.6个百分点": a rate only where the sentence speaks of one (增幅与全市持平)
        wants_rate = note.role == POINTS and any(w in said for w in RATE_WORDS)
    if not subject and not wants_rate:
        return carried
    named, whole = compared
    share_words = SHARE_WORDS.fullmatch(subject)
    if share_words and note.role == POINTS:
        return _own_share(reading, note, whole, share_words)
    # nearest first, back to the paragraph before (to this paragraph's start for a rate)
    for n in reversed(reading.notes[: note.index]):
        if n.paragraph < note.paragraph - (0 if wants_rate else 1):
            break
        if (
            n is not whole
            and (n.role == RATE if wants_rate else n.role == LEVEL)
            and not n.subject.startswith(named)  # the whole's own figure (全市…) is not the place's
            and (wants_rate or _same_subject(n.subject, subject))
            and n.figure.same_unit(whole.figure)
        ):
            return n
    return None


# "低收入人口占乡村人口的比重比全国(4.3%)高5.9个百分点"; with no part named, the part of the
# share before it in the statement ("合计数量占全国…的比重为36.4%,…;占乡村人口的比重比全国…")
SHARE_WORDS = re.compile(r"(?P<part>[^占]*)占(?P<whole>[^占]+?)的?比重")


def _own_share(reading: Reading, note: Note, whole: Note, words: re.Match[str]) -> Note | None:
    """The place's share of the whole the words name, of the part they name: stated last
    before the comparison, in its paragraph or the one before."""
    part = words["part"] or _part_before(reading, note)
    if len(part) < 4:
        return None
    for n in reversed(reading.notes[: note.index]):
        if n.paragraph < note.paragraph - 1:
            break
        if (
            n is not whole
            and n.role == SHARE
            and _same_whole(n.whole or "", words["whole"])
            and n.subject.endswith(part)
            and n.figure.same_unit(whole.figure)
        ):
            return n
    return None


def _part_before(reading: Reading, note: Note) -> str:
    """What the share before a comparison in its statement is of: the words before its 占."""
    for n in reversed(reading.notes[: note.index]):
        if n.paragraph != note.paragraph or n.sentence < note.sentence - 1:
            break
        if n.role == SHARE and n.subject.split("占")[0] and "占" in n.subject:
            return n.subject.split("占")[0]
    return ""


def _same_whole(one: str, other: str) -> bool:
    """农村人口 and 乡村人口: the countryside's people, in either word."""
    return one.replace("乡村", "农村") == other.replace("乡村", "农村")


def _same_subject(subject: str, words: str) -> bool:
    """ "歙县城镇常住居民人均可支配收入" for "上半年歙县城镇常住居民人均可支配收入"; words of
    fewer than four characters (收入) could name several figures of a paragraph: none."""
    if len(words) < 4:
        return False
    return subject.endswith(words) or (len(subject) >= 4 and words.endswith(subject))


def _comparable(own: Note, whole: Note, note: Note) -> bool:
    """Figures of one kind and unit: two amounts and an amount, or two percentages (or per
    mille) and points."""
    if own.figure.kind != whole.figure.kind or not own.figure.same_unit(whole.figure):
        return False
    if note.role == POINTS:
        return own.figure.kind in (PERCENT, PER_MILLE)
    return note.figure.same_unit(own.figure) and note.figure.kind == own.figure.kind
