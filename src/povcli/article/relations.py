"""Find the arithmetic relations an article states between its own figures.

A relation is found from the words around the figures, never from the figures
alone: "由A下降到B,減少C" states C = A − B; "年均增長R%" after two dated
levels states a compound rate. The detector reads the text with every statistic
replaced by a placeholder, so its patterns see only the words and the order of
the figures. What it cannot tell for sure is marked: the judge never calls an
unsure relation inconsistent.

Keywords are written once, in Simplified script; the text is matched through a
character table that maps the Traditional forms of those keywords to them
(the same length, so offsets stay the article's own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from povcli.article.figures import Figure, Sentence, figures_of, sentences_of
from povcli.numbers import COUNT, MULTIPLE, PERCENTAGE_POINT, parse_chinese_numeral

FIG = r"\x01(\d+)\x02"
UP = r"增长|增加|提高|上升|上涨|提升|扩大|增|升"
DOWN = r"下降|减少|降低|回落|缩小|减|降"
YEAR = r"(\d{4})年(?:底|末|初)?"
TOTAL_WORDS = r"合计|共计|总计|总共|累计|共"

FROM_TO = re.compile(
    rf"(?:从|由)(?:{YEAR}的?)?{FIG}(?P<verb>{UP}|{DOWN})(?:到|至|为)(?:{YEAR}的?)?{FIG}"
)
# "累計減少C", "7年累計減少C" (the years, a figure, are left to the averages)
CHANGE = re.compile(rf"^(?:\x01\d+\x02)?(?:{TOTAL_WORDS})?(?P<verb>{UP}|{DOWN})了?{FIG}")
AVERAGE = re.compile(rf"年均(?P<verb>{UP}|{DOWN}|[^\x01\d,，;；、]{{0,4}}?)了?(?:为|达)?{FIG}")
MULTIPLE_OF = re.compile(rf"(?P<y2>\d{{4}})年[^。;；]{{0,40}}?是(?P<y1>\d{{4}})年的?{FIG}")
COMPARED = re.compile(
    rf"(?:同比|(?:比|较)(?:上年|去年|上一年|\d{{4}}年)(?:同期|底|末)?)"
    rf"(?P<verb>{UP}|{DOWN})了?{FIG}(?:[,，]?(?P<verb2>{UP}|{DOWN}|增幅为?|降幅为?)了?{FIG})?"
)
SHARE = re.compile(
    rf"{FIG}[^\x01,，;；。]{{0,8}}?[,，]?(?:占|占到)(?P<whole>[^\x01,，;；。]{{0,16}}?)(?:的)?"
    rf"(?:比重|比例)?(?:为|达|达到)?{FIG}"
)
SHARE_OF_TOTAL = re.compile(rf"{FIG}[,，]?占比(?:为|达)?{FIG}")
WHOLE_THEN_PARTS = re.compile(rf"{FIG}[^\x01。]{{0,6}}?[,，]?其中")
_LABELLED_FIG = r"[^\x01,，;；。]{0,8}?\x01\d+\x02"
RESPECTIVELY = re.compile(
    rf"分别(?:为|是|有|达|达到)?(?P<parts>{_LABELLED_FIG}(?:[、,，和及与]{_LABELLED_FIG})+)"
    rf"(?:[,，]?(?:{TOTAL_WORDS})(?:为|达|达到)?(?P<total>\x01\d+\x02))?"
)
LIST_THEN_TOTAL = re.compile(
    rf"{FIG}((?:[、和及与][^\x01,，;；。]{{0,8}}?{FIG})+)[,，]?(?:合计|共计|总计|总共|共)"
    rf"(?:为|达|达到)?{FIG}"
)
YEARS_SINCE = re.compile(
    r"(?:近|过去)?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})年(?:来|以来|间|中)"
    r"|(?:近|过去)(?P<m>\d{1,2}|[一二两三四五六七八九十]{1,3})年"
)
YEAR_RANGE = re.compile(r"(\d{4})年?(?:—|–|-|~|～|至|到)(\d{4})年")
FIVE_YEAR_PLAN = re.compile(r"[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)")
SCOPES = {
    "全国": "全国", "全省": "全省", "我省": "全省", "本省": "全省", "全市": "全市",
    "我市": "全市", "本市": "全市", "全县": "全县", "我县": "全县", "全区": "全区",
    "我区": "全区", "东部": "东部", "中部": "中部", "西部": "西部", "东北": "东北",
}  # fmt: skip
SCOPE = re.compile("|".join(SCOPES))
PARTITIONS = (
    ("东部", "中部", "西部", "东北"),
    ("东部", "中部", "西部"),
    ("城镇", "农村"),
    ("城市", "农村"),
    ("男性", "女性"),
    ("第一产业", "第二产业", "第三产业"),
)
PARTITION_NOTE = "the parts name every member of a partition, so they make the total"
# words that say nothing of what a figure counts, dropped before two figures' subjects are compared
FILLERS = re.compile(r"全部|全都|均|都|已经|已|累计|共|全")


@dataclass
class Relation:
    """A relation the text states, its figures bound to the roles of a check kind."""

    kind: str
    roles: dict[str, Figure | list[Figure]]
    start: int
    end: int
    claimed: Figure | None = None
    sign: int = 1
    periods: list[tuple[float, str]] = field(default_factory=list)
    confident: bool = True
    notes: list[str] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)
    alternative: str | None = None  # another kind the same words can mean
    spans: list[tuple[int, int]] = field(default_factory=list)  # the sentences, when apart

    def sentences(self) -> list[tuple[int, int]]:
        return self.spans or [(self.start, self.end)]


def _sign(verb: str | None) -> int:
    return -1 if verb and re.fullmatch(DOWN + r"|降幅为?", verb) else 1


def _comparable(*figures: Figure) -> bool:
    """Figures of one measure: all in the same unit and of the same kind."""
    return len({(f.unit, f.kind) for f in figures}) == 1


def _alike(whole: Figure, part: Figure) -> bool:
    """Of one measure, where "個" alone (unit item) may count what the words name."""
    units = {whole.unit, part.unit}
    return whole.kind == part.kind and (len(units) == 1 or "item" in units)


# ----------------------------------------------------------------- the detectors


def find_relations(text: str) -> list[Relation]:
    """Every relation the cleaned text states, in the order of the text."""
    figures = figures_of(text)
    sentences = sentences_of(text, figures)
    relations: list[Relation] = []
    for number, sentence in enumerate(sentences):
        previous = sentences[number - 1] if number else None
        relations.extend(_levels(sentence))
        relations.extend(_totals_and_averages(sentence, relations))
        relations.extend(_compared(sentence))
        relations.extend(_multiples(sentence))
        relations.extend(_shares(sentence, sentences[:number]))
        relations.extend(_breakdowns(sentence, previous))
    relations.extend(_restatements(sentences))
    return sorted(relations, key=lambda r: (r.start, r.kind))


def _levels(sentence: Sentence) -> Iterator[Relation]:
    """ "由A下降到B": the change, the points, the average or the compound rate that follow."""
    for match in FROM_TO.finditer(sentence.template):
        old, new = sentence.figure(match.group(2)), sentence.figure(match.group(5))
        if not _comparable(old, new):
            continue
        years = _span_of_levels(match.group(1), match.group(4), sentence)
        rest = sentence.template[match.end() :]
        stated: Figure | None = None
        for clause in re.split(r"[,，;；]", rest)[:4]:
            for relation in _after_levels(sentence, clause.strip(), old, new, years):
                if relation.kind == "average-change" and stated is not None:
                    # "減少C,年均減少M": the average is of the change as stated
                    relation.kind, relation.roles = "average", {"total": stated}
                if relation.kind == "difference":
                    stated = relation.claimed
                yield relation


def _span_of_levels(
    first: str | None, last: str | None, sentence: Sentence
) -> list[tuple[float, str]]:
    if first and last:
        return [(int(last) - int(first), f"{first} → {last}: the years of the two levels")]
    found = YEAR_RANGE.search(sentence.template)
    if found:
        a, b = found.groups()
        return [(int(b) - int(a), f"{a} → {b}: the years of the two levels")]
    return _counted_years(sentence)


def _after_levels(
    sentence: Sentence, clause: str, old: Figure, new: Figure, years: list[tuple[float, str]]
) -> Iterator[Relation]:
    span = (sentence.start, sentence.end)
    average = AVERAGE.search(clause)
    if average and clause.startswith("年均"):
        claimed = sentence.figure(average.group(2))
        sign = _sign(average["verb"]) if average["verb"] else _sign_between(old, new)
        if claimed.is_rate and not old.is_rate:
            yield _with_years(Relation("cagr", {"start": old, "end": new}, *span, claimed, sign),
                              years)  # fmt: skip
        elif _comparable(claimed, old):
            yield _with_years(
                Relation("average-change", {"old": old, "new": new}, *span, claimed, sign), years
            )
        return
    change = CHANGE.match(clause)
    if not change:
        return
    claimed, sign = sentence.figure(change.group(2)), _sign(change["verb"])
    if old.is_rate and claimed.kind == PERCENTAGE_POINT:
        yield Relation("point-change", {"old": old, "new": new}, *span, claimed, sign)
    elif old.is_rate and claimed.is_rate:
        # "下降了2%" of a rate: percentage points or a relative fall — either reading may hold
        yield Relation("point-change", {"old": old, "new": new}, *span, claimed, sign,
                       alternative="growth",
                       notes=["a change of a rate written in % may mean points or a relative "
                              "change; both readings are tried"])  # fmt: skip
    elif claimed.is_rate and not old.is_rate:
        yield Relation("growth", {"old": old, "new": new}, *span, claimed, sign)
    elif _comparable(old, claimed):
        yield Relation("difference", {"old": old, "new": new}, *span, claimed, sign)


def _sign_between(old: Figure, new: Figure) -> int:
    return -1 if new.value < old.value else 1


def _with_years(relation: Relation, years: list[tuple[float, str]]) -> Relation:
    relation.periods = years
    if not years:
        relation.missing["periods"] = "the text does not say over how many years"
    return relation


def _counted_years(sentence: Sentence) -> list[tuple[float, str]]:
    """Years a flow runs over, as the sentence counts them: 六年來, 2015—2019年, 十三五期間."""
    found: list[tuple[float, str]] = []
    template = sentence.template
    for match in YEARS_SINCE.finditer(template):
        written = match["n"] or match["m"]
        count = int(written) if written.isdigit() else parse_chinese_numeral(written)
        found.append((count, f"{match.group()}: {count} years"))
    for match in YEAR_RANGE.finditer(template):
        a, b = (int(y) for y in match.groups())
        found.append((b - a + 1, f"{match.group()}: the {b - a + 1} years {a} to {b}"))
    for match in re.finditer(rf"(?:近|过去)?{FIG}(?:来|以来|间|中)", template):
        figure = sentence.figure(match.group(1))
        if figure.unit == "year" and figure.bounds.exact and figure.value >= 1:
            found.append((figure.value, f"{figure.written}: {figure.value:g} years"))
    for match in FIVE_YEAR_PLAN.finditer(template):
        found.append((5, f"{match.group()}: a five-year plan"))
    distinct: dict[float, str] = {}
    for years, origin in found:
        distinct.setdefault(years, origin)
    return list(distinct.items())


def _totals_and_averages(sentence: Sentence, found: Sequence[Relation]) -> Iterator[Relation]:
    """ "累計減少T,年均減少M": the average over the years the text counts."""
    template = sentence.template
    for match in re.finditer(rf"(?:{TOTAL_WORDS})[^\x01,，;；]{{0,8}}?{FIG}", template):
        total = sentence.figure(match.group(1))
        average = AVERAGE.search(template, match.end())
        if not average or re.search(r"[。;；]", template[match.end() : average.start()]):
            continue
        claimed = sentence.figure(average.group(2))
        if not _comparable(total, claimed) or any(
            r.kind == "average" and r.claimed is claimed for r in found
        ):
            continue
        years = _levels_years(sentence, found) or _counted_years(sentence)
        relation = Relation("average", {"total": total}, sentence.start, sentence.end, claimed)
        yield _with_years(relation, years)


def _levels_years(sentence: Sentence, found: Sequence[Relation]) -> list[tuple[float, str]]:
    """The years between two levels stated in the same sentence, if any."""
    for relation in found:
        if relation.start == sentence.start and relation.periods and relation.kind != "average":
            return relation.periods
    match = FROM_TO.search(sentence.template)
    if match and match.group(1) and match.group(4):
        return _span_of_levels(match.group(1), match.group(4), sentence)
    return []


def _compared(sentence: Sentence) -> Iterator[Relation]:
    """ "收入8800元,比上年增加760元,增長9.5%": the rate of a change from its base."""
    for match in COMPARED.finditer(sentence.template):
        first = sentence.figure(match.group(2))
        second = sentence.figure(match.group(4)) if match.group(4) else None
        level = _level_before(sentence, match.start(), first)
        span = (sentence.start, sentence.end)
        if second is not None and second.is_rate and not first.is_rate:
            sign = _sign(match["verb"])
            roles: dict[str, Figure | list[Figure]] = {"change": first}
            relation = Relation("change-rate", roles, *span, second, sign)
            if level is None:
                relation.missing["level"] = "the text does not give the level the change ends at"
            else:
                roles["level"] = level
            yield relation
        elif first.is_rate and second is None and level is not None and not level.is_rate:
            relation = Relation("yoy", {"value": level, "growth": first}, *span,
                                sign=_sign(match["verb"]))  # fmt: skip
            relation.missing["base"] = "the text does not give the level a year before"
            yield relation


def _level_before(sentence: Sentence, at: int, change: Figure) -> Figure | None:
    """The nearest figure before the comparison that the change can be a change of."""
    before = [f for f in sentence.figures if f.end <= change.start]
    for figure in reversed(before):
        if f"\x01{sentence.figures.index(figure)}\x02" not in sentence.template[:at]:
            continue
        if change.is_rate and not figure.is_rate:
            return figure
        if _comparable(figure, change):
            return figure
    return None


def _multiples(sentence: Sentence) -> Iterator[Relation]:
    """ "2019年收入是2014年的1.82倍,年均增長12.7%": the rate a multiple implies."""
    for match in MULTIPLE_OF.finditer(sentence.template):
        multiple = sentence.figure(match.group(3))
        if multiple.kind != MULTIPLE:
            continue
        average = AVERAGE.search(sentence.template, match.end())
        if not average or not sentence.figure(average.group(2)).is_rate:
            continue
        claimed = sentence.figure(average.group(2))
        count = float(int(match["y2"]) - int(match["y1"]))
        years = [(count, f"{match['y1']} → {match['y2']}: the years compared")]
        relation = Relation("cagr-multiple", {"multiple": multiple}, sentence.start,
                            sentence.end, claimed, _sign(average["verb"]))  # fmt: skip
        yield _with_years(relation, years)


def _shares(sentence: Sentence, earlier: Sequence[Sentence]) -> Iterator[Relation]:
    """ "其中易地搬遷32萬人,占全部脫貧人口的5.3%": the part over its whole."""
    template = sentence.template
    matches = [(m.group(1), m.group(3), m["whole"]) for m in SHARE.finditer(template)]
    matches += [(m.group(1), m.group(2), "") for m in SHARE_OF_TOTAL.finditer(template)]
    seen: set[tuple[str, str]] = set()
    for part_group, rate_group, phrase in matches:
        if (part_group, rate_group) in seen:
            continue  # "占比" reads both as a share and as a share of a named whole
        seen.add((part_group, rate_group))
        part, rate = sentence.figure(part_group), sentence.figure(rate_group)
        if part.is_rate or not rate.is_rate:
            continue
        relation = Relation("share", {"part": part}, sentence.start, sentence.end, rate)
        whole, note = _whole_of(sentence, earlier, part, phrase.strip())
        if whole is None:
            relation.missing["whole"] = note
        else:
            relation.roles["whole"] = whole
            relation.notes.append(note)
        yield relation


def _whole_of(
    sentence: Sentence, earlier: Sequence[Sentence], part: Figure, phrase: str
) -> tuple[Figure | None, str]:
    index = sentence.figures.index(part)
    head = WHOLE_THEN_PARTS.search(sentence.template)
    if head and int(head.group(1)) < index and _comparable(sentence.figure(head.group(1)), part):
        return sentence.figure(head.group(1)), "the whole is the total before 其中"
    if not head and not phrase and earlier:
        # "其中因病4萬人,占33.3%;因學2萬人,占16.7%": the list of 其中 goes on past the ;
        last = earlier[-1]
        before = WHOLE_THEN_PARTS.search(last.template)
        if before and _comparable(last.figure(before.group(1)), part):
            return last.figure(before.group(1)), "the whole is the total before 其中"
    core = re.sub(r"^(?:全部|所有|总|全体|全)", "", phrase)
    if len(core) < 2:
        return None, "the text does not say what the share is a share of"
    candidates = {
        f.value: f
        for s in [*earlier, sentence]
        for f in s.figures
        if f is not part and _alike(f, part) and core in s.words_before(f) + s.words_after(f)
    }
    if len(candidates) == 1:
        # "7993個" after 貧困村 counts villages, as the part does
        whole = replace(next(iter(candidates.values())), unit=part.unit)
        return whole, f"the whole is the figure the text gives for {core}"
    if candidates:
        listed = ", ".join(f.written for f in candidates.values())
        return None, f"the text gives several figures for {core} ({listed}); povcli does not guess"
    return None, f"the text gives no figure for {core}"


def _breakdowns(sentence: Sentence, previous: Sentence | None) -> Iterator[Relation]:
    """Parts and the total they make: 分別為…、…,合計…; …其中…、…; 東部…,中部…,西部…."""
    yield from _respectively(sentence)
    yield from _listed_with_total(sentence)
    yield from _whole_with_parts(sentence)
    yield from _partition_after_total(sentence, previous)


PER_HEAD = re.compile(r"人均|户均|平均|均值|每")


def _additive(sentence: Sentence, *figures: Figure) -> bool:
    """Figures that can add up: counts and amounts, not rates, multiples or averages per head."""
    return all(
        f.kind == COUNT and not PER_HEAD.search(sentence.words_before(f, 12)) for f in figures
    )


def _group_figures(sentence: Sentence, text: str) -> list[Figure]:
    return [sentence.figure(g) for g in re.findall(FIG, text)]


def _respectively(sentence: Sentence) -> Iterator[Relation]:
    """ "分別為A、B、C,合計T", or "共T,分別為A、B、C": the parts and their total."""
    for match in RESPECTIVELY.finditer(sentence.template):
        listed = _group_figures(sentence, match["parts"])
        parts = [listed[0]]
        for figure in listed[1:]:
            if not _comparable(figure, parts[0]):
                break  # the list has moved on to another measure
            parts.append(figure)
        if len(parts) < 2 or not _additive(sentence, *parts):
            continue
        span = (sentence.start, sentence.end)
        total = _group_figures(sentence, match["total"] or "")
        if total and _comparable(total[0], parts[0]) and _additive(sentence, total[0]):
            yield Relation("sum", {"parts": parts}, *span, total[0])
            continue
        before = [
            f for f in sentence.figures if f.end <= parts[0].start and _comparable(f, parts[0])
        ]
        if before and _additive(sentence, before[-1]):
            words = sentence.text[: parts[0].start - sentence.start]
            # "共45個,分別為…": the parts of a stated total are all of it
            stated = re.search(
                rf"(?:{TOTAL_WORDS})(?:有|为|达)?$", sentence.words_before(before[-1])
            )
            relation = _sum_or_subset(parts, before[-1], span, _is_partition(words, len(parts)))
            if stated and relation.kind == "subset":
                note = "共 names the total, and 分別 lists all of it"
                relation = Relation("sum", {"parts": parts}, *span, before[-1], notes=[note])
            yield relation


def _listed_with_total(sentence: Sentence) -> Iterator[Relation]:
    for match in LIST_THEN_TOTAL.finditer(sentence.template):
        parts = [sentence.figure(match.group(1)), *_group_figures(sentence, match.group(2))]
        total = sentence.figure(match.group(match.lastindex or 0))
        if _comparable(total, *parts) and _additive(sentence, total, *parts):
            yield Relation("sum", {"parts": parts}, sentence.start, sentence.end, total)


def _whole_with_parts(sentence: Sentence) -> Iterator[Relation]:
    """ "全國…600萬人,其中東部52萬人、中部…": parts after 其中, all of one measure."""
    head = WHOLE_THEN_PARTS.search(sentence.template)
    if not head:
        return
    whole = sentence.figure(head.group(1))
    rest = sentence.template[head.end() :]
    if "分别" in rest:
        return
    parts = [f for f in _group_figures(sentence, rest) if _comparable(f, whole)]
    shared = [f for f in parts if not re.match(r"[,，]?占", sentence.words_after(f))]
    if not parts or not shared or not _additive(sentence, whole, *parts):
        return
    labels = "".join(sentence.words_before(f) for f in parts)
    yield _sum_or_subset(
        parts, whole, (sentence.start, sentence.end), _is_partition(labels, len(parts))
    )


def _partition_after_total(sentence: Sentence, previous: Sentence | None) -> Iterator[Relation]:
    """ "全國貧困人口600萬人。東部地區…52萬人,中部地區210萬人,西部地區338萬人。\""""
    if "其中" in sentence.template or "分别" in sentence.template:
        return
    groups: dict[tuple[str | None, str], list[Figure]] = {}
    for figure in sentence.figures:
        groups.setdefault((figure.unit, figure.kind), []).append(figure)
    for parts in groups.values():
        labels = [_partition_word(sentence.words_before(f)) for f in parts]
        if (
            len(parts) < 2
            or not _additive(sentence, *parts)
            or None in labels
            or not _is_partition("".join(sentence.words_before(f) for f in parts), len(parts))
        ):
            continue
        before = [
            f for f in sentence.figures if f.end <= parts[0].start and _comparable(f, parts[0])
        ]
        candidates = before or [
            f for f in (previous.figures if previous else []) if _comparable(f, parts[0])
        ]
        if not candidates:
            continue
        total = candidates[-1]
        home = sentence if before or previous is None else previous
        if not _additive(home, total):
            continue
        start = sentence.start if before or previous is None else previous.start
        yield Relation("sum", {"parts": parts}, start, sentence.end, total,
                       notes=[PARTITION_NOTE])  # fmt: skip


def _partition_word(words: str) -> str | None:
    for partition in PARTITIONS:
        for word in partition:
            if word in words:
                return word
    return None


def _is_partition(words: str, count: int) -> bool:
    """True when the words name every member of one partition, and the parts are that many."""
    return any(
        len(partition) == count and all(word in words for word in partition)
        for partition in PARTITIONS
    )


def _sum_or_subset(
    parts: list[Figure], whole: Figure, span: tuple[int, int], exhaustive: bool
) -> Relation:
    if exhaustive:
        return Relation("sum", {"parts": parts}, *span, whole,
                        notes=[PARTITION_NOTE])  # fmt: skip
    return Relation("subset", {"part": parts, "whole": whole}, *span,
                    notes=["the parts listed after 其中 need not be all of the whole: "
                           "they are checked to fit within it"])  # fmt: skip


def _restatements(sentences: Sequence[Sentence]) -> Iterator[Relation]:
    """The same subject and period stated twice: the figures must agree.

    A pair is judged when the words after both figures say the same thing
    (貧困縣全部摘帽), in the same scope and period. Two figures written alike
    before the same noun (58個貧困縣 … 58個貧困縣) are shown as agreeing; figures
    that differ before a noun alone (惠及127.7萬貧困人口, 惠及52.3萬貧困人口) are
    different subjects and are left alone.
    """
    strong: dict[tuple[str, ...], tuple[Sentence, Figure]] = {}
    alike: dict[tuple[str, ...], tuple[Sentence, Figure]] = {}
    default = _usual_scope(sentences)
    for sentence in sentences:
        for figure in sentence.figures:
            for keys, described in ((strong, _subject_key(sentence, figure, default)),
                                    (alike, _written_key(sentence, figure))):  # fmt: skip
                if described is None:
                    continue
                key = described[1:]
                if key in keys and keys[key][0] is not sentence:
                    yield _restated(keys[key], (sentence, figure), described[0])
                    break
                keys.setdefault(key, (sentence, figure))


def _restated(
    first: tuple[Sentence, Figure], second: tuple[Sentence, Figure], what: str
) -> Relation:
    spans = [(first[0].start, first[0].end), (second[0].start, second[0].end)]
    return Relation("equal", {"a": first[1], "b": second[1]}, first[0].start, second[0].end,
                    notes=[f"both figures count {what}"], spans=spans)  # fmt: skip


def _written_key(sentence: Sentence, figure: Figure) -> tuple[str, ...] | None:
    noun = re.split(r"[,，;；。、:：“”()（）\x01]", sentence.words_after(figure, 6))[0][:3]
    if len(noun) < 3 or figure.is_rate:
        return None
    return (sentence.raw[figure.end - sentence.start :][:3], figure.written, noun)


def _usual_scope(sentences: Sequence[Sentence]) -> str:
    """The scope a figure has when its sentence names none: the one the article names most."""
    named = [SCOPES[word] for s in sentences for word in SCOPE.findall(s.text)]
    return max(set(named), key=named.count) if named else ""


def _subject_key(sentence: Sentence, figure: Figure, default: str) -> tuple[str, ...] | None:
    """What a figure counts, when the words say it precisely: the noun and what befell it."""
    after = re.split(r"[,，;；。、:：“”()（）\x01]", sentence.words_after(figure, 16))[0]
    subject = FILLERS.sub("", after)
    if len(subject) < 5 or figure.is_rate:
        return None
    before = sentence.words_before(figure)
    scope = SCOPES.get(next(iter(SCOPE.findall(before)[-1:]), ""), default)
    years = re.findall(r"\d{4}年|上年|去年|今年", before)
    said = sentence.raw[figure.end - sentence.start :][: len(after)]
    return (said, figure.unit or "", subject, scope, years[-1] if years else "")
