"""Restatements: one figure said twice in an article, the same or rounded, and two figures
for one thing that differ."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import (
    clause_up_to,
    scopes_fit,
    shared_run,
    span_of,
    span_word,
    spans_named,
    text_span,
)
from povcli.article.notes import (
    AVERAGE,
    CHANGE,
    LEVEL,
    POINTS,
    RATE,
    SHARE,
    Note,
    Reading,
)
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PER_MILLE, PERCENT
from povcli.units import COUNTED_WITH_GE


def restatements(reading: Reading) -> Iterator[Relation]:
    """The same figure stated twice — in the title and the text, the lead and the body — must
    agree. Figures of one value, role and unit that share the words around them (the word
    before, the noun after, or the subject) are the same figure restated: shown as agreeing.
    A figure restated with another value is caught only where the words leave no doubt: the
    same long subject, period, role and noun after, and no third figure of those words."""
    yield from _same_value_restatements(reading)
    yield from _differing_restatements(reading)
    yield from _title_restated(reading)


RESTATEMENTS_SHOWN = 3  # of one figure, each with its first statement
RANGE_WRITTEN = re.compile(r"\d\s*[-—–~至到]\s*\d")
RESTATED_ROLES = (LEVEL, CHANGE, RATE, SHARE, POINTS, AVERAGE)
GROUP_NAME = re.compile(r"[二两兩三四五六七八九十]+大")  # 三大产业, 四大项收入, 五大发展理念


def _same_value_restatements(reading: Reading) -> Iterator[Relation]:
    groups: dict[tuple[str, str, float], list[Note]] = {}
    for note in reading.notes:
        if note.role not in RESTATED_ROLES or note.figure.unit in ("year", "age"):
            continue
        if re.fullmatch(r"[\d.,\s]+", note.figure.written):
            continue  # a bare number says too little of what it counts (民族8省区 twice)
        if _compared_with(reading, note) or RANGE_WRITTEN.search(note.figure.written):
            continue
        if GROUP_NAME.fullmatch(note.figure.written):
            continue  # 四大项收入 twice: the name of a group, no statistic said twice
        key = (note.role, note.figure.kind, round(note.figure.value, 9))
        groups.setdefault(key, []).append(note)
    for notes in groups.values():
        first, shown = notes[0], 0
        for later in notes[1:]:
            if shown == RESTATEMENTS_SHOWN:
                break  # the same figure again agrees again: more says nothing
            if later.sentence == first.sentence or not _same_place(reading, first, later, True):
                continue
            if _qualifier(first) != _qualifier(later):
                continue  # 3000多个 is more than 3000个: no figure said twice
            if _two_places(reading, first, later):
                continue  # 东山县有…3万人, 西山县有…3万人: two places' counts
            if (
                _specific(first.figure)
                or _same_words(reading, first, later)
                or _counted_alike(reading, first, later)
            ):
                shown += 1
                yield _restated(reading, first, later)
    yield from _approximate_restatements(reading)
    yield from _thresholds_then_levels(reading)


# a comparison's own word (not the 比 of 比重, 比例, 占比)
COMPARING = re.compile(r"(?<![占对])比(?![重例率])|较|与")


def _compared_with(reading: Reading, note: Note) -> bool:
    """Whether a figure is the base a comparison names ("比上年(36.6%)增加…"): no figure said
    twice. One in brackets after what it measures ("占全国的比重(31.4%)是…") is."""
    if "base-level" not in note.cues:
        return False
    clause = clause_up_to(reading, note)
    return COMPARING.search(clause) is not None


# the words of counts that say nothing of what is counted: units, times and verbs
TRIVIAL_RUN = re.compile(
    r"^(?:[个万亿千百人元户家所年月日]+|全年|今年|上年|去年|同比|比上|增长|增加|减少|下降|其中|全省|全国)$"
)
COUNTED = frozenset({*COUNTED_WITH_GE, "person"})
AROUND = (12, 8)  # characters of a count's own words before and after it


def _counted_alike(reading: Reading, a: Note, b: Note) -> bool:
    """Counts of one value written alike (9000个贫困村 and 贫困村9000个; 960多万 twice) whose own
    words share a run of two characters that names something ("贫困村", "迁新居"): the same
    count restated, shown as agreeing, never more."""
    units = {a.figure.unit, b.figure.unit}
    if a.figure.kind != COUNT or not units <= COUNTED | {"item"} or units == {"item"}:
        return False
    if len(units - {"item"}) > 1 or _qualifier(a) != _qualifier(b):
        return False  # a bare 个 (贫困村9000个) counts what the other's noun names
    words = (_own_words(reading, a), _own_words(reading, b))
    return any(len(run) >= 2 and not TRIVIAL_RUN.match(run) for run in _shared_runs(*words))


# the place a count's clause opens with (东山县有贫困人口…), not a kind of place (贫困县, 全省)
PLACE_NAMED = re.compile(r"^\s*([\u4e00-\u9fff]{2,3}?[省市县区州旗])")
NO_PLACE = re.compile(r"^(?:全|本|该|各|每|其|贫困|重点|深度|试点|示范|城市|城区|市区|地区|郊区)")


def _places_named(reading: Reading, note: Note) -> str:
    """The place a count's clause opens with, "" for none."""
    before = clause_up_to(reading, note)
    found = PLACE_NAMED.match(before)
    return found.group(1) if found and not NO_PLACE.match(found.group(1)) else ""


def _two_places(reading: Reading, a: Note, b: Note) -> bool:
    """Whether the two figures' clauses open with two different places (a clause that names
    none may be of the other's)."""
    places = {_places_named(reading, a), _places_named(reading, b)} - {""}
    return len(places) > 1


def _qualifier(note: Note) -> str:
    """The words that open a figure's interval (多, 余, 以上), which two alike must share: 3000多
    is more than 3000; 约 and 左右 say a figure is rounded, as every written figure is."""
    return "".join(sorted(set(re.findall(r"多|余|以上|超过|逾", note.figure.written))))


def _own_words(reading: Reading, note: Note) -> str:
    """The Han characters of a count's clause around it, other figures left out."""
    sentence = reading.sentences[note.sentence]
    before = sentence.words_before(note.figure, AROUND[0])
    after = sentence.words_after(note.figure, AROUND[1])
    clause_before = re.split(r"[,，;；。:：、]", before)[-1]
    clause_after = re.split(r"[,，;；。:：、]", after)[0]
    return clause_before + "|" + clause_after


def _shared_runs(one: str, other: str) -> set[str]:
    """Every run of two Han characters the two share."""

    def pairs(text: str) -> set[str]:
        return {
            text[i : i + 2]
            for i in range(len(text) - 1)
            if re.fullmatch(r"[\u4e00-\u9fff]{2}", text[i : i + 2])
        }

    return pairs(one) & pairs(other)


def _specific(figure: Figure) -> bool:
    """A figure of three or more significant digits (1289萬, 13.9%): two of them alike in one
    article are one figure stated twice, not a coincidence."""
    digits = re.sub(r"\D", "", figure.written).strip("0")
    return len(digits) >= 3


def _same_place(reading: Reading, a: Note, b: Note, unplaced: bool = False) -> bool:
    """Whether two figures are of one place and part of it (民族8省区); with `unplaced`, a
    figure of no place or part (a title's 去年民族8省区农村减贫357万人, a subject cut short) is of
    the other's: for one value stated twice, never for two that differ."""
    if not a.figure.same_unit(b.figure) and None not in (a.figure.unit, b.figure.unit):
        return False
    places, segments = (_place(reading, a), _place(reading, b)), (a.segment, b.segment)
    if unplaced:
        return scopes_fit(*places) and scopes_fit(*segments)
    return places[0] == places[1] and segments[0] == segments[1]


def _place(reading: Reading, note: Note) -> str | None:
    """Where a figure is: 全省 (`province`) in an article whose figures name one province
    and no other is that province ("山西过去五年…275万" and "全省…275万农村贫困人口")."""
    scope = note.scope or reading.scope
    return (reading.only_province() or scope) if scope == "province" else scope


APPROXIMATE = re.compile(r"多|余|左右|约|近|超过|逾|以上|突破")
NATION = re.compile(r"^(?:中国|全国|我国)")


NEAREST = 64  # figures, before and after, a rough one is compared with


def _approximate_restatements(reading: Reading) -> Iterator[Relation]:
    """ "累计减少超过9000万人 … 累计减少9348万人": a figure stated roughly and exactly. Each
    rough figure is shown with the nearest figure of its words that states it otherwise
    (they only ever agree: a pair that does not overlap is no restatement), so the work and
    the output grow with the article, not with its square."""
    buckets: dict[tuple[str, str], list[Note]] = {}
    for note in reading.notes:
        if (
            note.role in RESTATED_ROLES
            and note.figure.unit not in ("year", "age")
            # a title's "就业人员增至7.67亿" names no unit: its magnitude says it is an amount
            and (note.figure.unit is not None or MAGNITUDE.search(note.figure.written))
            and not RANGE_WRITTEN.search(note.figure.written)  # a range is no rough figure
        ):
            buckets.setdefault((note.role, note.figure.kind), []).append(note)
    shown: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        for at, rough in enumerate(bucket):
            if _rough(reading, rough):
                others = _nearest_first(bucket, at)
            elif rough.paragraph <= LEAD_PARAGRAPHS:
                others = _finer_within(bucket, at)
            else:
                continue
            for other in others:
                pair = (min(rough.index, other.index), max(rough.index, other.index))
                if pair in shown or not _restates_roughly(reading, rough, other):
                    continue
                shown.add(pair)
                first, second = sorted((rough, other), key=lambda n: n.index)
                yield _restated(reading, first, second)
                break


MAGNITUDE = re.compile(r"\d\s*[万萬亿億]")
# the title and the lead: where a figure is restated coarsely with no word saying so
LEAD_PARAGRAPHS = 2
# a figure written to a tenth of another's precision or coarser (767亿元 and 767.04亿元, a
# title's 20.6亿 and the text's 206270万): the rough one of the two
COARSER = 10


def _coarser(rough: Figure, other: Figure) -> bool:
    own, others = rough.bounds.high - rough.bounds.low, other.bounds.high - other.bounds.low
    return own > 0 and others * COARSER <= own


THRESHOLD = re.compile(r"(?:突破|超过|超|逾)\s*$")
THEN_LEVEL = re.compile(r"^\s*[,，]\s*(?:达到|达|为)\s*$")
THRESHOLD_NOTE = "the level is the one the threshold before it says it passed"


def _thresholds_then_levels(reading: Reading) -> Iterator[Relation]:
    """ "新增装机突破1.2亿千瓦,达到1.25亿千瓦": the level after 达到 is the one the threshold
    just before it says it passed, so it lies above it."""
    for rough, level in itertools.pairwise(reading.notes):
        if rough.sentence != level.sentence or rough.role != LEVEL or level.role != LEVEL:
            continue
        text = reading.simple
        between = text[rough.figure.end : level.figure.start]
        if not THEN_LEVEL.match(between) or not THRESHOLD.search(text[: rough.figure.start]):
            continue
        if rough.figure.unit != level.figure.unit or "open-ended" in level.cues:
            continue
        start, end, spans = text_span(reading, rough, level)
        roles: dict[str, Figure | list[Figure]] = {"a": rough.figure, "b": level.figure}
        yield Relation("equal", roles, start, end, notes=[THRESHOLD_NOTE], spans=spans)


def _finer_within(bucket: list[Note], at: int) -> Iterator[Note]:
    """The figures near a title's or a lead's, nearest first, that it may state coarsely: written
    ten times as finely or more, their value within its rounding."""
    rough = bucket[at].figure
    for other in _nearest_first(bucket, at):
        if rough.bounds.contains(other.figure.value) and _coarser(rough, other.figure):
            yield other


def _nearest_first(bucket: list[Note], at: int) -> Iterator[Note]:
    for distance in range(1, NEAREST + 1):
        for place in (at - distance, at + distance):
            if 0 <= place < len(bucket):
                yield bucket[place]


def _restates_roughly(reading: Reading, a: Note, b: Note) -> bool:
    """Whether b states exactly (or otherwise roughly) what the rough figure a states: the
    value of one within the other's bounds (two open thresholds, 超5亿吨 and 突破2亿吨, are
    no figure restated), and the same subject or the same word before them."""
    if a.sentence == b.sentence or round(a.figure.value, 9) == round(b.figure.value, 9):
        return False
    if "open-ended" in a.cues and "open-ended" in b.cues:
        return False
    if not (b.figure.bounds.contains(a.figure.value) or a.figure.bounds.contains(b.figure.value)):
        return False
    if not _same_place(reading, a, b) or not _same_words(reading, a, b):
        return False
    # 稻谷总产量 is not 秋粮总产量: one subject holds the other whole (中国就业人员 and
    # 全国就业人员 are the nation's alike)
    shorter, longer = sorted((_national_words(a.subject), _national_words(b.subject)), key=len)
    return len(shorter) >= 2 and shorter in longer


def _national_words(subject: str) -> str:
    return NATION.sub("", subject)


def _rough(reading: Reading, note: Note) -> bool:
    sentence = reading.sentences[note.sentence]
    around = sentence.text[
        max(0, note.figure.start - sentence.start - 3) : note.figure.end - sentence.start + 2
    ]
    return "open-ended" in note.cues or bool(APPROXIMATE.search(around))


def _same_words(reading: Reading, a: Note, b: Note) -> bool:
    if not a.figure.same_unit(b.figure) and None not in (a.figure.unit, b.figure.unit):
        return False
    if (_place(reading, a), a.segment) != (_place(reading, b), b.segment):
        return False  # 全国增长8%, 中部地区增长8%: two places
    if a.sign != b.sign and a.role != LEVEL:
        return False
    if a.role != LEVEL and a.subject and b.subject and shared_run(a.subject, b.subject) < 3:
        # 地区生产总值增长6.5%, 人均可支配收入增长6.5%: the rates of two levels, whose
        # subjects are the levels' own (a level's subject is read less surely)
        return False
    left = (_word_before(reading, a), _word_before(reading, b))
    right = (_noun_after(reading, a), _noun_after(reading, b))
    return (
        (len(left[0]) >= 2 and left[0] == left[1])
        or (len(right[0]) >= 2 and right[0][:3] == right[1][:3])
        or shared_run(a.subject, b.subject) >= 3
    )


def _word_before(reading: Reading, note: Note) -> str:
    sentence = reading.sentences[note.sentence]
    before = sentence.text[: note.figure.start - sentence.start]
    before = re.sub(r"(?:为|达到?|了|约|是|有|共|累计|超过|近)$", "", before)
    return (
        before[-2:] if before[-2:].strip() and not re.search(r"[\d,，;；。、]", before[-2:]) else ""
    )


def _noun_after(reading: Reading, note: Note) -> str:
    sentence = reading.sentences[note.sentence]
    after = sentence.text[note.figure.end - sentence.start :][:6]
    return re.split(r"[,，;；。、:：“”()（）\d\s]", after)[0][:4]


def _differing_restatements(reading: Reading) -> Iterator[Relation]:
    groups: dict[tuple[str, ...], list[Note]] = {}
    for note in reading.notes:
        key = _restatement_key(reading, note)
        if key is not None:
            groups.setdefault(key, []).append(note)
    groups = {k: v for k, v in groups.items() if len(v) > 1}
    for notes in groups.values():
        values = {round(n.figure.value, 9) for n in notes}
        if len(notes) == 2 and len(values) == 2 and notes[0].sentence != notes[1].sentence:
            yield _restated(reading, notes[0], notes[1])


WORDS_AFTER = 40  # characters: what befell a count is said right after it


def _what_befell(reading: Reading, note: Note) -> str:
    """The words after a figure up to the clause's end: 贫困县全部摘帽."""
    sentence = reading.sentences[note.sentence]
    after = sentence.text[note.figure.end - sentence.start :][:WORDS_AFTER]
    return re.split(r"[,，;；。、:：“”()（）\d]", after)[0]


def _restatement_key(reading: Reading, note: Note) -> tuple[str, ...] | None:
    if note.role not in (LEVEL, CHANGE) or note.figure.kind != COUNT:
        return None
    if note.role == CHANGE and note.head is None:
        return None
    if "open-ended" in note.cues or "base-level" in note.cues:
        return None
    if note.figure.unit in (None, "year", "age"):
        return None
    subject = re.sub(r"去年|今年|当年|全部|均|已|累计|共|实现|再|力争", "", note.subject)
    noun = _noun_after(reading, note)
    befell = _what_befell(reading, note)
    sentence = reading.sentences[note.sentence]
    if sentence.text[: note.figure.start - sentence.start].endswith("等"):
        return None  # "邵阳县等20个贫困县": some of them, named by a list
    # the span a figure's words give it (一季度, 3月份): a quarter's and a month's are two figures
    span = span_of(reading, note)
    if len(befell) >= 5 and not any(c.isdigit() for c in befell):
        # "58个贫困县全部摘帽": what befell the counted things says what they are
        return (note.role, str(note.sign), note.figure.unit or "", note.period or "", span,
                note.scope or reading.scope or "", note.segment or "", befell)  # fmt: skip
    if len(subject) < 6 or len(noun) < 2:
        return None
    return (note.role, str(note.sign), note.figure.unit or "", note.period or "", span,
            note.scope or reading.scope or "", note.segment or "", subject, noun)  # fmt: skip


def _restated(reading: Reading, first: Note, second: Note) -> Relation:
    start, end, spans = text_span(reading, first, second)
    return Relation(
        "equal",
        {"a": first.figure, "b": second.figure},
        start,
        end,
        notes=[
            f"both figures count {second.subject} in the same words"
            if second.subject
            else "both figures are stated in the same words"
        ],
        spans=spans or [(start, end)],
    )


# what a figure's words may open with that names no more than the article's own scope
OWN_SCOPE = re.compile(r"^(?:全国|中国|我国|全省|全市|全区|全县)")
TITLE_WORDS = 4  # characters at least of the words a title's figure shares with the body's


def _title_restated(reading: Reading) -> Iterator[Relation]:
    """ "十年间中国居民人均可支配收入累计实际增长87.0%" over a text that says
    "全国居民人均可支配收入…,扣除价格因素,累计实际增长78.0%": a rate in the title and the one figure
    of the body with the same words before it (累计实际增长), of a subject the title names, in the
    same span of the year, restated with another value. Where the body gives several figures of
    those words, or one that agrees, nothing is said here."""
    if not reading.title:
        return
    start = reading.text.find(reading.title)
    end = start + len(reading.title)
    for title in (n for n in reading.notes if start <= n.figure.start < end):
        if title.role not in (RATE, SHARE) or title.figure.kind not in (PERCENT, PER_MILLE):
            continue
        words = _han_run(reading.simple[start : title.figure.start])
        body = [
            n
            for n in reading.notes
            if n.figure.start >= end and _restates(reading, n, title, words)
        ]
        values = {round(n.figure.value, 9) for n in body}
        if len(values) == 1 and not any(
            n.figure.bounds.overlaps(title.figure.bounds) for n in body
        ):
            relation = _restated(reading, title, body[0])
            relation.notes = [TITLE_NOTE]
            yield relation


TITLE_NOTE = (
    "the title states the figure the text gives in the same words, of the subject the title "
    "names: the two must agree"
)


# what a title's words may say before the subject and still name the body's: a time, and the
# article's own scope (十年间中国…, 上半年全市…), each scope word as the body writes it
TITLE_TIME = re.compile(
    r"^(?:[一二三四五六七八九十两近]*年(?:间|来|以来)?|以来|[上下]半年|前三季度|[一二三四]季度"
    r"|全年|今年|去年|[一二三四五六七八九十]*月份?)+"
)
SCOPE_WORDS = {
    "中国": "全国",
    "我国": "全国",
    "我省": "全省",
    "本省": "全省",
    "我市": "全市",
    "本市": "全市",
    "我区": "全区",
    "本区": "全区",
    "我县": "全县",
    "本县": "全县",
}


def _names_alone(named: str, core: str, note: Note) -> bool:
    """Whether a title's words before its rate name the body figure's subject and no other:
    they end with it, and what comes before is a time or the body's own scope, never a kind
    of it (全市农村居民… is no 全市居民…) nor another place (中国… is no 全省…)."""
    if not named.endswith(core):
        return False
    before = TITLE_TIME.sub("", named[: len(named) - len(core)])
    if not before:
        return True
    scope = SCOPE_WORDS.get(before, before)
    if not OWN_SCOPE.fullmatch(scope):
        return False
    own = OWN_SCOPE.match(note.subject)
    if own is not None:
        return SCOPE_WORDS.get(own.group(0), own.group(0)) == scope
    return (scope == "全国") == (note.scope == "national")


def _han_run(text: str) -> str:
    """The words right before a figure, back to the last punctuation, space or figure."""
    return re.split(r"[^\u4e00-\u9fff]", text)[-1]


def _restates(reading: Reading, note: Note, title: Note, words: str) -> bool:
    """Whether a figure of the body is the title's in other places: its role, kind, qualifier
    and span, its clause's words ending the title's, its subject (less 全国) named in them."""
    if note.role != title.role or note.figure.kind != title.figure.kind:
        return False
    if _qualifier(note) != _qualifier(title) or not note.figure.same_unit(title.figure):
        return False
    if note.period and title.period and note.period != title.period:
        return False
    own = _han_run(reading.simple[reading.sentences[note.sentence].start : note.figure.start])
    core = OWN_SCOPE.sub("", note.subject)
    if len(own) < TITLE_WORDS or not words.endswith(own) or len(core) < TITLE_WORDS:
        return False
    if not _names_alone(words[: len(words) - len(own)], core, note):
        return False
    title_spans = spans_named(words)
    title_span = span_word(title_spans[-1]) if title_spans else ""
    return span_of(reading, note) == title_span
