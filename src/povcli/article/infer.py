"""Step two of `check`: the relations an article states, inferred from its annotated figures.

Each relation binds figures to the roles of a check kind (povcli.kinds). It is found from
the words — a change and its rate after a level, a part after 其中, a share whose whole the
text names, parts named by every member of a partition (东部, 中部, 西部) — never from the
figures alone. How sure the binding is decides what a mismatch may mean: a relation bound
by the text's own words (`confident`) is judged; one the words leave open (a whole named by
words several figures fit) is shown when its arithmetic holds and is never called
inconsistent: the verdict is `unverifiable`, with the reason.

The word-by-word grammar of single sentences (由A下降到B,減少C; 分別為…合計…) stays in
povcli.article.relations; this module adds what needs the notes of povcli.article.annotate.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from povcli.article.annotate import (
    AVERAGE,
    CHANGE,
    LEVEL,
    POINTS,
    RATE,
    SHARE,
    Note,
    Reading,
    grammar,
)
from povcli.article.figures import Figure, Sentence
from povcli.article.relations import (
    Relation,
    levels_and_averages,
    lists_with_totals,
)
from povcli.numbers import COUNT, PER_MILLE, PERCENT, Interval
from povcli.periods import year_span

PARTITION_NOTE = "the parts name every member of a partition, so they make the total"
LOOSE = "the words allow more than one binding; shown because its arithmetic holds"


def infer(reading: Reading) -> list[Relation]:
    """Every relation the article states, in the order of the text."""
    relations: list[Relation] = []
    for sentence in reading.sentences:
        relations.extend(levels_and_averages(sentence))
        relations.extend(lists_with_totals(sentence))
    relations.extend(chains(reading))
    relations.extend(shares(reading))
    relations.extend(partitions(reading))
    relations.extend(parts_after_qizhong(reading))
    relations.extend(parts_in_brackets(reading))
    relations.extend(some_of(reading))
    relations.extend(structures(reading))
    relations.extend(restatements(reading))
    return _distinct(sorted(relations, key=lambda r: (r.start, r.kind)))


def _distinct(relations: list[Relation]) -> list[Relation]:
    """One relation per kind and set of figures (two detectors may find the same)."""
    seen: set[tuple[str, tuple[int, ...]]] = set()
    kept = []
    for relation in relations:
        key = (relation.kind, tuple(sorted(f.start for f in _figures(relation))))
        if key in seen:
            continue
        seen.add(key)
        kept.append(relation)
    return kept


def _figures(relation: Relation) -> list[Figure]:
    found: list[Figure] = []
    for value in relation.roles.values():
        found.extend(value if isinstance(value, list) else [value])
    if relation.claimed is not None:
        found.append(relation.claimed)
    return found


def _span(reading: Reading, *notes: Note) -> tuple[int, int, list[tuple[int, int]]]:
    """Where the relation stands: from its first sentence to its last, with each sentence."""
    numbers = sorted({note.sentence for note in notes})
    sentences = [reading.sentences[n] for n in numbers]
    spans = [(s.start, s.end) for s in sentences]
    return sentences[0].start, sentences[-1].end, spans if len(spans) > 1 else []


# ----------------------------------------------------------------- level, change, rate


def chains(reading: Reading) -> Iterator[Relation]:
    """ "收入11567元,比上年增加994元,名义增长10.6%": the rate of the change from its base;
    "增长11.5%" alone after a level: a year-on-year rate whose base the text leaves out."""
    by_head: dict[int, list[Note]] = {}
    for note in reading.notes:
        if note.head is not None and note.role in (CHANGE, RATE, AVERAGE, LEVEL, POINTS):
            by_head.setdefault(note.head, []).append(note)
    yield from _headless(reading)
    yield from _from_to_levels(reading)
    for head_index, attached in by_head.items():
        head = reading.notes[head_index]
        yield from _against_base_level(reading, head, attached)
        attached = [n for n in attached if n.role in (CHANGE, RATE)]
        if any("base-level" in n.cues for n in by_head[head_index]):
            continue  # compared with a stated level, not with last year's
        if head.figure.kind in (PERCENT, PER_MILLE) and any(n.role == RATE for n in attached):
            continue  # the relative change of a rate: left to the points it changes by
        changes = [n for n in attached if n.role == CHANGE and n.base != "comparable"]
        rates = [n for n in attached if n.role == RATE and n.qualifier != "real"]
        if any(n.qualifier == "real" for n in attached) and not rates:
            continue  # a real rate follows from no two nominal levels
        paired: set[int] = set()
        for rate in rates:
            change = _change_before(changes, rate)
            if change is not None and change.index not in paired:
                paired.add(change.index)
                yield _change_rate(reading, head, change, rate)
            elif change is None and rate.base is not None and not _is_to_level(head):
                yield _year_on_year(reading, head, rate)


def _from_to_levels(reading: Reading) -> Iterator[Relation]:
    """ "从2014年的574万人下降至2015年的471万人;…减贫103万人": what the text says of the way
    from one level to the other, in the clauses after it (a ; does not end it)."""
    for end in reading.notes:
        if "to" not in end.cues or end.head is None:
            continue
        start = reading.notes[end.head]
        for note in _after(reading, end):
            if note.head != end.index:
                continue
            span, finish, spans = _span(reading, start, end, note)
            roles: dict[str, Figure | list[Figure]] = {"old": start.figure, "new": end.figure}
            if note.role == CHANGE and note.figure.same_unit(end.figure):
                yield Relation("difference", roles, span, finish, note.figure, note.sign,
                               spans=spans)  # fmt: skip
            elif note.role == POINTS and end.figure.kind in (PERCENT, PER_MILLE):
                yield Relation("point-change", roles, span, finish, note.figure, note.sign,
                               spans=spans)  # fmt: skip


def _headless(reading: Reading) -> Iterator[Relation]:
    """ "比上年末減少1109萬人,下降66.8%": a change and its rate whose level the text leaves out."""
    for change, rate in itertools.pairwise(reading.notes):
        if (
            change.role == CHANGE
            and change.head is None
            and change.base == "previous"
            and rate.role == RATE
            and rate.sentence == change.sentence
            and rate.qualifier != "real"
        ):
            start, end, _ = _span(reading, change, rate)
            relation = Relation("change-rate", {"change": change.figure}, start, end,
                                rate.figure, change.sign)  # fmt: skip
            relation.missing["level"] = "the text does not give the level the change ends at"
            yield relation


def _against_base_level(reading: Reading, head: Note, attached: list[Note]) -> Iterator[Relation]:
    """ "收入35128元,比2012年的16510元增加18618元,累计名义增长112.8%,年均名义增长8.8%": the
    change, the growth and the compound rate from the level compared with."""
    bases = [n for n in attached if n.role == LEVEL and "base-level" in n.cues]
    if not bases:
        return
    base = bases[0]
    later = [
        n
        for n in attached
        if n.qualifier != "real"
        and n is not base
        and (n.index > base.index or n.sentence == base.sentence)
    ]
    for note in later:
        start, end, spans = _span(reading, head, base, note)
        roles: dict[str, Figure | list[Figure]]
        if note.role == CHANGE and note.figure.same_unit(head.figure):
            roles = {"old": base.figure, "new": head.figure}
            yield Relation("difference", roles, start, end, note.figure, note.sign, spans=spans)
        elif note.role == POINTS and head.figure.kind in (PERCENT, PER_MILLE):
            roles = {"old": base.figure, "new": head.figure}
            yield Relation("point-change", roles, start, end, note.figure, note.sign, spans=spans)
        elif note.role == RATE:
            roles = {"old": base.figure, "new": head.figure}
            yield Relation("growth", roles, start, end, note.figure, note.sign, spans=spans)
        elif note.role == AVERAGE and note.figure.kind == PERCENT:
            years = year_span(base.period, head.period)
            relation = Relation("cagr", {"start": base.figure, "end": head.figure}, start, end,
                                note.figure, note.sign, spans=spans)  # fmt: skip
            if years:
                relation.periods = [
                    (years, f"{base.period} → {head.period}: the years of the two levels")
                ]
            else:
                relation.missing["periods"] = "the text does not say over how many years"
            yield relation


def _change_before(changes: Sequence[Note], rate: Note) -> Note | None:
    before = [n for n in changes if n.index < rate.index]
    return before[-1] if before else None


def _is_to_level(note: Note) -> bool:
    return "to" in note.cues


def _change_rate(reading: Reading, head: Note, change: Note, rate: Note) -> Relation:
    start, end, spans = _span(reading, head, change, rate)
    relation = Relation(
        "change-rate",
        {"level": head.figure, "change": change.figure},
        start,
        end,
        rate.figure,
        change.sign,
        spans=spans,
    )
    if rate.sign != change.sign and "rate_word" not in rate.cues:
        relation.notes.append("the change and its rate point opposite ways as written")
    return relation


def _year_on_year(reading: Reading, head: Note, rate: Note) -> Relation:
    start, end, spans = _span(reading, head, rate)
    relation = Relation(
        "yoy", {"value": head.figure, "growth": rate.figure}, start, end, sign=rate.sign,
        spans=spans,
    )  # fmt: skip
    relation.missing["base"] = "the text does not give the level a year before"
    return relation


# ----------------------------------------------------------------- shares


def shares(reading: Reading) -> Iterator[Relation]:
    """A part over its whole: "占可支配收入的比重为57.5%", "占比83%", "是平均数的86.7%"."""
    for note in reading.notes:
        if note.role != SHARE or note.head is None:
            continue
        named = _part_named(reading, note)
        if named is NAMED_BUT_ABSENT:
            continue  # the words name a part the text gives no figure for
        part = named or reading.notes[note.head]
        if part.role != LEVEL:
            continue
        if part.figure.kind not in (COUNT,):
            continue
        candidates = _in_brackets(reading, part, note) or _wholes(reading, part, note)
        start, end, _ = _span(reading, part, note)
        relation = Relation("share", {"part": part.figure}, start, end, note.figure)
        if not candidates:
            relation.missing["whole"] = _no_whole(note)
            yield relation
            continue
        candidates = list({c.index: c for c in candidates}.values())
        whole = candidates[0]
        relation.roles["whole"] = replace(whole.figure, unit=part.figure.unit)
        if not note.whole and "whole after 其中" not in note.cues:
            relation.confident = False  # 占X% names no whole: the words do not bind one
        elif not note.whole:
            relation.alternatives = []  # the list after 其中 binds the whole it follows
        start, end, spans = _span(reading, whole, part, note)
        relation.start, relation.end, relation.spans = start, end, spans
        if len(candidates) > 1 and note.whole:
            # which of several figures the words name is not guessed, even one that fits
            listed = ", ".join(c.figure.written for c in sorted(candidates, key=lambda c: c.index))
            del relation.roles["whole"]
            relation.missing["whole"] = (
                f"the text gives several figures for {note.whole} ({listed}); povcli does not guess"
            )
        elif len(candidates) > 1:
            relation.confident = False
            relation.alternatives = [
                {"whole": replace(c.figure, unit=part.figure.unit)} for c in candidates[1:]
            ]
            listed = ", ".join(c.figure.written for c in candidates)
            relation.notes.append(f"the text names no whole; figures it could be: {listed}")
        else:
            relation.notes.append(
                f"the whole is {whole.subject or 'the total'} {whole.figure.written}"
            )
        yield relation


# the words before 占 name a part, but no level of the text is it
NAMED_BUT_ABSENT = Note(Figure("", 0.0, None, COUNT, -1, -1, Interval(0, 0)), -1)


def _part_named(reading: Reading, share: Note) -> Note | None:
    """ "第一产业增加值占国内生产总值比重为7.1%", "民族八省区农村贫困人口占全国农村贫困人口
    (2365万人)的比重为37.2%": the part is named by the words before 占 in the share's clause,
    its figure stated before (the latest level those words end)."""
    sentence = reading.sentences[share.sentence]
    words = sentence.text[: share.figure.start - sentence.start]
    clause = re.split(r"[,，;；]", words)[-1]
    if "占" not in clause:
        return None
    named = re.sub(r"^\d{4}年(?:末|底)?|[(（][^()（）]*[)）]", "", clause.split("占")[0]).strip()
    # what names no part: "其占", "分别占", "约占" (the part is the figure before)
    named = re.sub(
        r"(?:其|分别|分別|各|均|共|合计|合計|约|約|大约|大約|则|則|这|這|此|并|並|也|仍|已)+$",
        "",
        named,
    )
    if len(named) < 2 or not re.search(r"[\u4e00-\u9fff]{2}", named):
        return None
    # stated before the 占 (the figure in brackets after it is the whole)
    zhan = sentence.start + len(words) - len(clause) + clause.index("占")
    for other in reversed(reading.notes[: share.index]):
        if other.figure.start > zhan:
            continue
        if other.role == LEVEL and additive(other) and _names(other.subject, named):
            return other
    return NAMED_BUT_ABSENT


def _names(subject: str, named: str) -> bool:
    """Whether a level's subject is what the words name: 城镇常住人口 for 城镇人口."""
    return subject.endswith(named[-8:]) or (named[:2] in subject and subject.endswith(named[-2:]))


def _in_brackets(reading: Reading, part: Note, share: Note) -> list[Note]:
    """ "占全国农村贫困人口(2365万人)的比重为37.2%": the whole the words put in brackets."""
    if "whole in brackets" not in share.cues:
        return []
    found = [
        n
        for n in reading.notes[part.index + 1 : share.index]
        if n.sentence == share.sentence
        and n.figure.kind == part.figure.kind
        and n.figure.same_unit(part.figure)
    ]
    return found[-1:]


def _no_whole(note: Note) -> str:
    if note.whole:
        return f"the text gives no figure for {note.whole}"
    return "the text does not say what the share is a share of"


MEDIAN = "中位数"


def _wholes(reading: Reading, part: Note, share: Note) -> list[Note]:
    """The figures the words name as the whole, nearest first."""
    phrase = (share.whole or "").strip()
    levels = [
        n
        for n in _around(reading, part)
        if n.role == LEVEL
        and n.index != part.index
        and n.figure.kind == part.figure.kind
        and n.figure.same_unit(part.figure)
        and n.figure.bounds.low > part.figure.bounds.low
    ]
    if not phrase:
        head = _whole_before_qizhong(reading, part, levels)
        largest = _largest_before(part, levels)
        if head and (not largest or head[0].figure.value >= largest[0].figure.value):
            share.cues.append("whole after 其中")  # the head of 其中 is the largest: it binds
            return head
        return head + [n for n in largest if n not in head]
    if any(word in phrase for word in grammar()["mean_words"]) and MEDIAN in part.subject:
        mean = part.subject.replace(MEDIAN, "")
        return _nearest(part, [n for n in levels if n.subject == mean])
    total = re.match(r"^(?:全部|所有|总|全体|整个)", phrase)
    core = re.sub(r"^(?:全部|所有|总|全体|整个)", "", phrase.rstrip("的"))
    national = re.match(r"^(?:全国|我国|全省|全市)", core)
    core = re.sub(r"^(?:全国|我国|全省|全市|当年|同期)", "", core)
    if len(core) < 2:
        return []
    fitting = [n for n in levels if core in n.subject and MEDIAN not in n.subject]
    if national:
        fitting = [n for n in fitting if n.scope == part.scope or n.scope == "national"]
    narrowed = _narrowed(part, fitting)
    if (total or national) and len(narrowed) > 1:
        # "占总人口的比重": the whole of them all, where one figure says it is a total
        totals = [n for n in narrowed if any(w in n.subject for w in grammar()["total_nouns"])]
        if len(totals) == 1:
            return totals
    return narrowed


def _narrowed(part: Note, fitting: list[Note]) -> list[Note]:
    """Among the figures the words fit, those of the part's period and population (城镇居民,
    农村居民, 全国居民), nearest first."""
    same_period = [n for n in fitting if n.period == part.period] or fitting
    prefix = _population(part.subject)
    same_people = [n for n in same_period if _population(n.subject) == prefix]
    if same_people:
        return _nearest(part, same_people)
    unnamed = [n for n in same_period if _population(n.subject) in ("", "全国居民")]
    return _nearest(part, unnamed or same_period)


POPULATION = re.compile(r"^(?:全国居民|城镇居民|农村居民|城镇|农村|乡村|城市)")


def _population(subject: str) -> str:
    found = POPULATION.match(subject)
    return found.group() if found else ""


def _nearest(part: Note, notes: list[Note]) -> list[Note]:
    return sorted(notes, key=lambda n: (n.index > part.index, abs(n.index - part.index)))


def _largest_before(part: Note, levels: list[Note]) -> list[Note]:
    """The largest figure of the part's unit and period before it: what 占X% (no whole
    named) is most often a share of."""
    before = [n for n in levels if n.index < part.index and n.period == part.period]
    return sorted(before, key=lambda n: -n.figure.value)[:1]


def _outside_brackets(text: str) -> str:
    """The text with what closed brackets hold blanked (same length)."""
    return re.sub(r"[(（][^()（）]*[)）]", lambda m: " " * len(m.group()), text)


def _whole_before_qizhong(reading: Reading, part: Note, levels: list[Note]) -> list[Note]:
    """The level before 其中 in the part's statement (the list of 其中 goes on past a ;)."""
    number = part.sentence
    while True:
        sentence = reading.sentences[number]
        upto = (
            sentence.text[: part.figure.start - sentence.start]
            if number == part.sentence
            else sentence.text
        )
        upto = _outside_brackets(upto) if number != part.sentence else upto
        if "其中" in upto:
            qizhong = sentence.start + upto.rindex("其中")
            before = [n for n in levels if n.figure.end <= qizhong and n.sentence == number]
            return before[-1:] if before else []
        if number == 0 or reading.sentences[number - 1].raw.rstrip()[-1:] not in ";；":
            return []
        number -= 1


# ----------------------------------------------------------------- parts and totals


@dataclass(frozen=True)
class Partition:
    """Parts that make a whole when every one is named: each member with its spellings."""

    members: tuple[tuple[str, ...], ...]
    components: bool  # parts of one amount (income sources, sectors), per head or not
    totals: tuple[str, ...]  # words naming the whole, besides what the parts count


@cache
def known_partitions() -> list[Partition]:
    found = [
        Partition(
            tuple(tuple(member.split("|")) for member in spec["members"]),
            spec.get("type") == "components",
            tuple(spec.get("totals", ())),
        )
        for spec in grammar()["partitions"]
    ]
    return sorted(found, key=lambda p: -len(p.members))


def partitions(reading: Reading) -> Iterator[Relation]:
    """Parts named by every member of a partition (东部, 中部, 西部; 城镇, 乡村; 工资性…转移净):
    their levels make the total the text gives for what they count, their changes the
    total's change, and their shares of one whole add up to 100%."""
    used: set[int] = set()
    # which levels add up, asked once for all partitions (it depends only on whether
    # their parts are components)
    adding = {components: _adding(reading, components) for components in (False, True)}
    for partition in known_partitions():
        for parts in _partition_groups(adding[partition.components], partition):
            if any(p.index in used for p in parts):
                continue
            found = list(_partition_relations(reading, partition, parts))
            if found:
                used.update(p.index for p in parts)
                yield from found


def _adding(reading: Reading, components: bool) -> list[Note]:
    return [n for n in reading.levels_between(0, len(reading.notes)) if additive(n, components)]


def _partition_groups(adding: list[Note], partition: Partition) -> Iterator[list[Note]]:
    """Levels (of those that add up), one per member of the partition, of one unit and
    period, within a paragraph and the one before it, each named by its member and the same
    other words."""
    size = len(partition.members)
    by_paragraph: dict[int, dict[int, list[Note]]] = {}
    for note in adding:
        member = _member(note.subject, partition)
        if member is not None:
            by_paragraph.setdefault(note.paragraph, {}).setdefault(member, []).append(note)
    for _, named in sorted(by_paragraph.items()):
        if len(named) != size:
            continue
        for first in named[0]:
            group = [first]
            rest = _remainder(first.subject, partition)
            for member in range(1, size):
                match = [
                    n
                    for n in named[member]
                    if _remainder(n.subject, partition) in (rest, "")
                    and n.figure.same_unit(first.figure)
                    and n.period == first.period
                    and abs(n.sentence - first.sentence) <= 3
                ]
                if not match:
                    break
                group.append(min(match, key=lambda n: abs(n.index - first.index)))
            if len(group) == size:
                yield sorted(group, key=lambda n: n.index)


NOT_A_COMPONENT = re.compile(r"中位数|率|指数|价格|比重|平均年龄|年龄")
PER_HEAD = re.compile(r"人均|户均|平均|均值|月均|年均|每")


def additive(note: Note, components: bool = False) -> bool:
    """Counts and amounts add up, and so do the parts of one amount per head (工资性收入 …
    转移净收入 make 可支配收入); averages of different people, medians, rates and ages do not."""
    if note.figure.kind != COUNT or note.figure.unit in ("age", "year"):
        return False
    if NOT_A_COMPONENT.search(note.subject):
        return False
    return components or not PER_HEAD.search(note.subject)


def _member(subject: str, partition: Partition) -> int | None:
    """Which member a subject names; None when it names none or several (城镇 in 城镇化率
    is no part)."""
    return _member_of(subject, partition.members)


@functools.lru_cache(maxsize=4096)
def _member_of(subject: str, members: tuple[tuple[str, ...], ...]) -> int | None:
    subject = _dashes(subject)
    named = [i for i, spellings in enumerate(members) if any(s in subject for s in spellings)]
    return named[0] if len(named) == 1 else None


def _dashes(text: str) -> str:
    return re.sub(r"[—–~～至]", "-", text)


def _remainder(subject: str, partition: Partition) -> str:
    """What a part counts besides its member word: 西部地区农村贫困人口 → 农村贫困人口."""
    subject = _dashes(subject)
    member = _member(subject, partition)
    if member is None:
        return subject
    spelling = next(s for s in partition.members[member] if s in subject)
    at = subject.find(spelling)
    rest = subject[at + len(spelling) :]
    rest = re.sub(r"^(?:岁及以上|周岁及以上|岁|周岁|地区|居民|人口的?|的)+", "", rest) or ""
    return rest or subject[:at]


def _total_of(
    reading: Reading, parts: list[Note], partition: Partition
) -> tuple[Note | None, bool]:
    """The level before the parts that counts what they count, in their period, unnamed by
    any member: 全国农村贫困人口551万人 for 东部/中部/西部地区农村贫困人口. With it, whether
    the words bind it (its subject holds what the parts count) or only suggest it (a word
    for a whole: 总人口, 生产总值)."""
    first = parts[0]
    rest = _remainder(first.subject, partition)
    before = [
        n
        for n in reading.notes[max(0, first.index - WHOLE_WITHIN) : first.index]
        if n.role == LEVEL
        and n.paragraph >= first.paragraph - 1
        and n.figure.same_unit(first.figure)
        and n.figure.kind == first.figure.kind
        and n.period == first.period
        and n not in parts
        and _member(n.subject, partition) is None
        and n.figure.bounds.high >= max(p.figure.bounds.low for p in parts)
    ]
    people = _population(first.subject)
    before = [n for n in before if _population(n.subject) in (people, "", "全国居民")]
    bound = [n for n in before if rest and rest in n.subject]
    if bound:
        return bound[-1], True
    words = (*partition.totals, *grammar()["total_nouns"], rest[-2:])
    suggested = [n for n in before if any(w and w in n.subject for w in words)]
    return (suggested[-1], False) if suggested else (None, False)


def _partition_relations(
    reading: Reading, partition: Partition, parts: list[Note]
) -> Iterator[Relation]:
    total, bound = _total_of(reading, parts, partition)
    if total is not None and not bound:
        bound = _whole_of_qizhong(reading, total, parts[0])
    if total is not None and additive(total, partition.components):
        start, end, spans = _span(reading, total, *parts)
        relation = Relation("sum", {"parts": [p.figure for p in parts]}, start, end,
                            total.figure, notes=[PARTITION_NOTE], spans=spans,
                            confident=bound)  # fmt: skip
        if not bound:
            relation.notes.append(f"{total.figure.written} is the whole the words suggest")
        others = _siblings(reading, parts, total)
        if others:  # 农业、林业、牧业、渔业 and 农林牧渔服务业: the list may hold more parts
            relation.confident = False
            every = sorted([*parts, *others], key=lambda n: n.index)
            relation.alternatives = [{"parts": [n.figure for n in every]}]
            listed = ", ".join(n.figure.written for n in others)
            relation.notes.append("the text lists other parts beside them: " + listed)
        yield relation
        changes = [_attached(reading, p, CHANGE) for p in parts]
        total_change = _attached(reading, total, CHANGE)
        if total_change is not None and None not in changes:
            found = [c for c in changes if c is not None]
            if len({c.base for c in [*found, total_change]}) == 1:
                change_sum = _signed_sum(reading, found, total_change)
                change_sum.confident = relation.confident
                yield change_sum
    shares_ = [_attached(reading, p, SHARE) for p in parts]
    if None not in shares_:
        found_shares = [s for s in shares_ if s is not None]
        wholes = {s.whole for s in found_shares}
        if len(wholes) == 1 and not _mean_words(next(iter(wholes)) or ""):
            start, end, spans = _span(reading, *found_shares)
            note = PARTITION_NOTE + "; their shares of one whole add up to 100%"
            hundred = _hundred(found_shares[-1].figure)
            shown = [s.figure for s in found_shares]
            yield Relation("sum", {"parts": shown}, start, end, hundred, notes=[note], spans=spans)


def _whole_of_qizhong(reading: Reading, total: Note, first: Note) -> bool:
    """ "吞吐量31705万吨,同比增长10.1%。其中,沿海港口完成29246万吨": the level 其中 follows
    binds the parts named after it (no other level of its unit between)."""
    between = reading.text[total.figure.end : first.figure.start]
    if "其中" not in between or len(between) > 80:
        return False
    return not any(
        n.role == LEVEL and n.figure.same_unit(total.figure)
        for n in reading.notes[total.index + 1 : first.index]
    )


def _siblings(reading: Reading, parts: list[Note], total: Note) -> list[Note]:
    """Other levels of the parts' unit in the sentences the parts stand in."""
    last = parts[-1].sentence
    while last + 1 < len(reading.sentences) and reading.sentences[last].raw.rstrip()[-1:] in ";；":
        last += 1  # the list goes on to the end of its statement
    return [
        n
        for number in range(parts[0].sentence, last + 1)
        for n in reading.in_sentence(number)
        if n.role == LEVEL
        and additive(n)
        and n not in parts
        and n is not total
        and n.figure.same_unit(total.figure)
        and parts[0].index < n.index
    ]


def _attached(reading: Reading, head: Note, role: str) -> Note | None:
    found = [n for n in _after(reading, head) if n.head == head.index and n.role == role]
    return found[0] if found else None


# Figures are attached to a head within its statement, and a whole is stated within so
# many figures of its part: each looks no further, so that the work grows with the text.
ATTACHED_WITHIN = 64
WHOLE_WITHIN = 200


def _after(reading: Reading, head: Note) -> list[Note]:
    """The figures after a head that may be attached to it."""
    return reading.notes[head.index + 1 : head.index + 1 + ATTACHED_WITHIN]


def _around(reading: Reading, part: Note) -> list[Note]:
    """The levels near a part that may be its whole."""
    return reading.levels_between(part.index - WHOLE_WITHIN, part.index + WHOLE_WITHIN)


def _mean_words(words: str) -> bool:
    return any(word in words for word in grammar()["mean_words"])


def _signed_sum(reading: Reading, changes: list[Note], total: Note) -> Relation:
    """Changes of the parts make the change of the total; a fall counts negative."""
    parts = [_signed(c) for c in changes]
    start, end, spans = _span(reading, *changes, total)
    relation = Relation("sum", {"parts": parts}, start, end, _signed(total),
                        notes=[PARTITION_NOTE + "; so do their changes"], spans=spans)  # fmt: skip
    return relation


def _signed(note: Note) -> Figure:
    figure = note.figure
    if note.sign > 0:
        return figure
    return replace(figure, value=-figure.value, bounds=figure.bounds.negated())


def _hundred(like: Figure) -> Figure:
    """The whole as a share of itself: 100%, which the text leaves unwritten."""
    return Figure("100% (the whole)", 100.0, "%", PERCENT, like.end, like.end, Interval(100, 100))


def parts_after_qizhong(reading: Reading) -> Iterator[Relation]:
    """ "农民工总量29251万人,其中外出农民工17172万人,本地农民工12079万人": the levels after
    其中 in the level's unit are parts of it — all of it when they add up to it (or name a
    partition), else they must fit within it. The list may go on past a ; when it adds up."""
    for number, sentence in enumerate(reading.sentences):
        notes = reading.in_sentence(number)
        text = sentence.text
        for found in re.finditer(r"其中", text):
            at = sentence.start + found.start()
            before = [n for n in notes if n.figure.end <= at and n.role == LEVEL]
            if not before and not text[: found.start()].strip(" ,，:："):
                before = _previous_levels(reading, number)  # "…1288.7亿元。其中,工业…"
            if not before or not additive(before[-1]):
                continue
            whole = before[-1]
            # "普通高等学校2358所(含独立学院323所)": what brackets hold is part of the level
            # before them, no part of the list
            bracketed = _bracket_spans(sentence)
            after = [n for n in notes if n.figure.start > at and not _inside(n, bracketed)]
            parts = _until_next_qizhong(_parts_of(whole, after), text, sentence.start, found.end())
            bigger = _larger_first_part(whole, after)
            if bigger is not None and not parts:
                parts = [bigger]  # "全国发电量77790.6亿…其中,火电发电量253302.5亿": named alike
            more = _parts_of(whole, _rest_of_statement(reading, number))
            if more and parts and _adds_up(whole, [*parts, *more]):
                parts = [*parts, *more]
            if not parts or (len(parts) == 1 and _attached(reading, parts[0], SHARE)):
                continue  # one part with its share of the whole: the share says more
            yield _sum_or_subset(reading, whole, parts)


def _bracket_spans(sentence: Sentence) -> list[tuple[int, int]]:
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in re.finditer(r"[(（][^()（）]*[)）]", sentence.text)
    ]


def _inside(note: Note, spans: list[tuple[int, int]]) -> bool:
    return any(start < note.figure.start < end for start, end in spans)


def _previous_levels(reading: Reading, number: int) -> list[Note]:
    if number == 0:
        return []
    return [n for n in reading.in_sentence(number - 1) if n.role == LEVEL]


def _larger_first_part(whole: Note, after: list[Note]) -> Note | None:
    """The first level after 其中, larger than the whole, yet named like it (发电量): a part
    too large for its whole, which the words leave no doubt about."""
    first = next((n for n in after if n.role == LEVEL), None)
    if first is None or not additive(first) or not first.figure.same_unit(whole.figure):
        return None
    if first.figure.bounds.high <= whole.figure.bounds.high:
        return None
    return first if _overlap(first.subject, whole.subject) >= 2 else None


def _parts_of(whole: Note, notes: list[Note]) -> list[Note]:
    return [
        n
        for n in notes
        if n.role == LEVEL
        and additive(n)
        and n.figure.same_unit(whole.figure)
        and n.figure.bounds.high <= whole.figure.bounds.high * 1.0001
    ]


def _rest_of_statement(reading: Reading, number: int) -> list[Note]:
    """The notes of the sentences a ; joins after this one."""
    found: list[Note] = []
    while (
        number + 1 < len(reading.sentences) and reading.sentences[number].raw.rstrip()[-1:] in ";；"
    ):
        number += 1
        found.extend(reading.in_sentence(number))
    return found


def _adds_up(whole: Note, parts: list[Note]) -> bool:
    low = sum(p.figure.bounds.low for p in parts)
    high = sum(p.figure.bounds.high for p in parts)
    return low <= whole.figure.bounds.high and high >= whole.figure.bounds.low


STRUCTURE = re.compile(
    r"(?:产业|增加值)?结构(?:比)?(?:调整)?(?:为|是)?\s*"
    r"(?P<terms>\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?){2,4})(?![\d.:：∶])"
)


def structures(reading: Reading) -> Iterator[Relation]:
    """ "三次产业结构比为37.2:20.5:42.3": shares of the sectors in the whole, in %, which add
    up to 100 and are each sector's level over the total the text gives."""
    for number, sentence in enumerate(reading.sentences):
        for match in STRUCTURE.finditer(sentence.text):
            terms = _ratio_terms(sentence.start + match.start("terms"), match.group("terms"))
            start, end = sentence.start, sentence.end
            yield Relation("sum", {"parts": terms}, start, end, _hundred(terms[-1]),
                           notes=["the terms of a structure are shares of one whole"])  # fmt: skip
            yield from _structure_shares(reading, number, terms)


def _ratio_terms(offset: int, text: str) -> list[Figure]:
    """Each term of "37.2:20.5:42.3" as a percentage, rounded at its last written digit."""
    terms = []
    for found in re.finditer(r"\d+(?:\.\d+)?", text):
        written = found.group()
        places = len(written.partition(".")[2])
        half = 0.5 * 10**-places
        value = float(written)
        start = offset + found.start()
        terms.append(Figure(written, value, "%", PERCENT, start, start + len(written),
                            Interval(value - half, value + half)))  # fmt: skip
    return terms


def _structure_shares(reading: Reading, number: int, terms: list[Figure]) -> Iterator[Relation]:
    sectors = next(
        (p for p in known_partitions() if len(p.members) == len(terms) and p.components), None
    )
    if sectors is None:
        return
    paragraph = reading.notes[0].paragraph if reading.notes else 0
    for note in reading.notes:
        if note.sentence == number:
            paragraph = note.paragraph
            break
    for parts in _partition_groups(_adding(reading, True), sectors):
        if abs(parts[0].paragraph - paragraph) > 1:
            continue
        total, bound = _total_of(reading, parts, sectors)
        if total is None:
            continue
        for part, term in zip(parts, terms, strict=True):
            start, end, spans = _span(reading, total, part)
            relation = Relation("share", {"part": part.figure, "whole": total.figure}, start,
                                max(end, reading.sentences[number].end), term,
                                confident=bound, spans=spans)  # fmt: skip
            relation.notes.append("a term of the structure is the sector's share of the whole")
            yield relation
        return


def some_of(reading: Reading) -> Iterator[Relation]:
    """ "全省119个县中有58个县是贫困县": some of a whole, said with 中(有)."""
    for number, sentence in enumerate(reading.sentences):
        notes = [n for n in reading.in_sentence(number) if n.role == LEVEL and additive(n)]
        for whole, part in itertools.pairwise(notes):
            between = sentence.text[
                whole.figure.end - sentence.start : part.figure.start - sentence.start
            ]
            if re.fullmatch(
                r"[^,，;；。、\d]{0,12}中(?:有|包括|共有)", between
            ) and part.figure.same_unit(whole.figure):
                yield _sum_or_subset(reading, whole, [part])


def parts_in_brackets(reading: Reading) -> Iterator[Relation]:
    """ "93個縣(57個貧困縣、36個非貧困縣)": the parts of a level, in brackets after it."""
    for number, sentence in enumerate(reading.sentences):
        notes = reading.in_sentence(number)
        for bracket in re.finditer(r"[(（]([^()（）]{2,60})[)）]", sentence.text):
            start, end = sentence.start + bracket.start(), sentence.start + bracket.end()
            before = [n for n in notes if n.figure.end <= start]
            if not before or before[-1].role != LEVEL or not additive(before[-1]):
                continue
            whole = before[-1]
            if sentence.text[whole.figure.end - sentence.start : bracket.start()].strip():
                continue  # the brackets must follow the level at once
            inside = [n for n in notes if start < n.figure.start < end]
            including = re.match(r"[(（]\s*(?:含|包括|其中)", bracket.group())
            if including:  # "(含民办学校42所)": a part of the level, however large it is written
                parts = [
                    n
                    for n in inside
                    if n.role == LEVEL and additive(n) and n.figure.same_unit(whole.figure)
                ]
            else:
                parts = _parts_of(whole, inside)
            if parts and len(parts) == len(inside) and (len(parts) >= 2 or including):
                yield _sum_or_subset(reading, whole, parts)


def _until_next_qizhong(parts: list[Note], text: str, offset: int, after: int) -> list[Note]:
    following = text.find("其中", after)
    if following == -1:
        return parts
    return [p for p in parts if p.figure.start < offset + following]


def _sum_or_subset(reading: Reading, whole: Note, parts: list[Note]) -> Relation:
    start, end, spans = _span(reading, whole, *parts)
    figures = [p.figure for p in parts]
    low = sum(f.bounds.low for f in figures)
    high = sum(f.bounds.high for f in figures)
    adds_up = low <= whole.figure.bounds.high and high >= whole.figure.bounds.low
    if len(parts) > 1 and (adds_up or _complements(parts)):
        note = (
            "the parts after 其中 add up to the whole"
            if adds_up
            else "the parts are a thing and its complement (X, 非X)"
        )
        return Relation("sum", {"parts": figures}, start, end, whole.figure, notes=[note],
                        confident=_complements(parts), spans=spans)  # fmt: skip
    return Relation("subset", {"part": figures, "whole": whole.figure}, start, end,
                    notes=["the parts listed after 其中 need not be all of the whole: they are "
                           "checked to fit within it"], spans=spans)  # fmt: skip


def _complements(parts: list[Note]) -> bool:
    if len(parts) != 2:
        return False
    a, b = (p.subject for p in parts)
    return (f"非{a}" == b) or (f"非{b}" == a) or (a.startswith("非") and a[1:] == b)


# ----------------------------------------------------------------- restatements


def restatements(reading: Reading) -> Iterator[Relation]:
    """The same figure stated twice — in the title and the text, the lead and the body — must
    agree. Figures of one value, role and unit that share the words around them (the word
    before, the noun after, or the subject) are the same figure restated: shown as agreeing.
    A figure restated with another value is caught only where the words leave no doubt: the
    same long subject, period, role and noun after, and no third figure of those words."""
    yield from _same_value_restatements(reading)
    yield from _differing_restatements(reading)


RESTATEMENTS_SHOWN = 3  # of one figure, each with its first statement
RANGE_WRITTEN = re.compile(r"\d\s*[-—–~至到]\s*\d")
RESTATED_ROLES = (LEVEL, CHANGE, RATE, SHARE, POINTS, AVERAGE)


def _same_value_restatements(reading: Reading) -> Iterator[Relation]:
    groups: dict[tuple[str, str, float], list[Note]] = {}
    for note in reading.notes:
        if note.role not in RESTATED_ROLES or note.figure.unit in ("year", "age"):
            continue
        if note.figure.unit is None and re.fullmatch(r"[\d.,\s]+", note.figure.written):
            continue  # a bare number says too little of what it counts
        if "base-level" in note.cues or RANGE_WRITTEN.search(note.figure.written):
            continue
        key = (note.role, note.figure.kind, round(note.figure.value, 9))
        groups.setdefault(key, []).append(note)
    for notes in groups.values():
        first, shown = notes[0], 0
        for later in notes[1:]:
            if shown == RESTATEMENTS_SHOWN:
                break  # the same figure again agrees again: more says nothing
            if later.sentence == first.sentence or not _same_place(reading, first, later):
                continue
            if _specific(first.figure) or _same_words(reading, first, later):
                shown += 1
                yield _restated(reading, first, later)
    yield from _approximate_restatements(reading)


def _specific(figure: Figure) -> bool:
    """A figure of three or more significant digits (1289萬, 13.9%): two of them alike in one
    article are one figure stated twice, not a coincidence."""
    digits = re.sub(r"\D", "", figure.written).strip("0")
    return len(digits) >= 3


def _same_place(reading: Reading, a: Note, b: Note) -> bool:
    if not a.figure.same_unit(b.figure) and None not in (a.figure.unit, b.figure.unit):
        return False
    return (a.scope or reading.scope, a.segment) == (b.scope or reading.scope, b.segment)


APPROXIMATE = re.compile(r"多|余|左右|约|近|超过|逾|以上|突破")


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
            and note.figure.unit not in (None, "year", "age")
            and not RANGE_WRITTEN.search(note.figure.written)  # a range is no rough figure
        ):
            buckets.setdefault((note.role, note.figure.kind), []).append(note)
    shown: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        for at, rough in enumerate(bucket):
            if not _rough(reading, rough):
                continue
            for other in _nearest_first(bucket, at):
                pair = (min(rough.index, other.index), max(rough.index, other.index))
                if pair in shown or not _restates_roughly(reading, rough, other):
                    continue
                shown.add(pair)
                first, second = sorted((rough, other), key=lambda n: n.index)
                yield _restated(reading, first, second)
                break


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
    # 稻谷总产量 is not 秋粮总产量: one subject holds the other whole
    shorter, longer = sorted((a.subject, b.subject), key=len)
    return len(shorter) >= 2 and shorter in longer


def _rough(reading: Reading, note: Note) -> bool:
    sentence = reading.sentences[note.sentence]
    around = sentence.text[
        max(0, note.figure.start - sentence.start - 3) : note.figure.end - sentence.start + 2
    ]
    return "open-ended" in note.cues or bool(APPROXIMATE.search(around))


def _same_words(reading: Reading, a: Note, b: Note) -> bool:
    if not a.figure.same_unit(b.figure) and None not in (a.figure.unit, b.figure.unit):
        return False
    if (a.scope or reading.scope, a.segment) != (b.scope or reading.scope, b.segment):
        return False  # 全国增长8%, 中部地区增长8%: two places
    if a.sign != b.sign and a.role != LEVEL:
        return False
    left = (_word_before(reading, a), _word_before(reading, b))
    right = (_noun_after(reading, a), _noun_after(reading, b))
    return (
        (len(left[0]) >= 2 and left[0] == left[1])
        or (len(right[0]) >= 2 and right[0][:3] == right[1][:3])
        or _overlap(a.subject, b.subject) >= 3
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


def _overlap(a: str, b: str) -> int:
    """The length of the longest run of characters two subjects share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


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


def _what_befell(reading: Reading, note: Note) -> str:
    """The words after a figure up to the clause's end: 贫困县全部摘帽."""
    sentence = reading.sentences[note.sentence]
    after = sentence.text[note.figure.end - sentence.start :]
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
    if len(befell) >= 5 and not any(c.isdigit() for c in befell):
        # "58个贫困县全部摘帽": what befell the counted things says what they are
        return (note.role, str(note.sign), note.figure.unit or "", note.period or "",
                note.scope or reading.scope or "", note.segment or "", befell)  # fmt: skip
    if len(subject) < 6 or len(noun) < 2:
        return None
    return (note.role, str(note.sign), note.figure.unit or "", note.period or "",
            note.scope or reading.scope or "", note.segment or "", subject, noun)  # fmt: skip


def _restated(reading: Reading, first: Note, second: Note) -> Relation:
    start, end, spans = _span(reading, first, second)
    return Relation(
        "equal",
        {"a": first.figure, "b": second.figure},
        start,
        end,
        notes=[f"both figures count {second.subject} in the same words"],
        spans=spans or [(start, end)],
    )
