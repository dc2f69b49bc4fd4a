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
from dataclasses import dataclass, field

from povcli.article.figures import Figure, Sentence
from povcli.article.notes import grammar
from povcli.numbers import COUNT, MULTIPLE, PERCENT, PERCENTAGE_POINT, parse_chinese_numeral

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
# "591.73万人脱贫", "共有3613万人实现脱贫": the people who left poverty, after its fall
LEFT_POVERTY = re.compile(rf"^(?:共有|共|累计)?{FIG}(?:实现|稳定)?脱贫")
AVERAGE_WORDS = ("年均", "平均每年", "每年平均")  # 年均减少1391万人, 平均每年减少1391万人
AVERAGE = re.compile(
    rf"(?:年均|平均每年|每年平均)(?P<verb>{UP}|{DOWN}|[^\x01\d,，;；、]{{0,8}}?)了?(?:为|达)?{FIG}"
)
# 近5年来, 8年间, 过去五年
YEARS_FIGURE = re.compile(rf"(?:近|过去)?{FIG}(?:来|以来|间|中)|(?:近|过去){FIG}")
TOTAL_FIGURE = re.compile(rf"(?:{TOTAL_WORDS})[^\x01,，;；]{{0,8}}?{FIG}")
# "共45个", and "共完成易地扶贫搬迁35万人" (共, a verb and what it counts, then the total)
TOTAL_STATED = re.compile(
    rf"(?:{TOTAL_WORDS})(?:有|为|达)?$|(?:共|共计|总计|合计)[\u4e00-\u9fff]{{1,14}}$"
)
MULTIPLE_OF = re.compile(rf"(?P<y2>\d{{4}})年[^。;；]{{0,40}}?是(?P<y1>\d{{4}})年的?{FIG}")
# a part of a list: a label of a few words and its figure (a total word opens no part: the
# "合计120所" after "小学80所、初中30所、高中10所" is their total)
_LABELLED_FIG = rf"(?!{TOTAL_WORDS})[^\x01,，;；。]{{0,8}}?\x01\d+\x02"
RESPECTIVELY = re.compile(
    rf"分别(?:为|是|有|达|达到)?(?P<parts>{_LABELLED_FIG}(?:[、,，和及与]{_LABELLED_FIG})+)"
    rf"(?:[,，]?(?:{TOTAL_WORDS})(?:为|达|达到)?(?P<total>\x01\d+\x02))?"
)
CHANGES_LISTED = re.compile(
    rf"分别(?:(?:比|较)(?:上一?年|去年)(?:末|底|同期)?|同比)?(?:{UP}|{DOWN})"
    # "分别比2019年减少…", "分别较106学年减…": compared with a year named
    rf"|分别(?:比|较|与)[^,，;；。]{{1,16}}?(?:{UP}|{DOWN})"
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
PARTITION_NOTE = "the parts name every member of a partition, so they make the total"


# words that say nothing of what a figure counts, dropped before two figures' subjects are compared
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
    # other bindings the words allow (another figure for the whole): each is tried too
    alternatives: list[dict[str, Figure | list[Figure]]] = field(default_factory=list)
    # its figures are cells of a table a space apart, each row of as many cells as the others:
    # digits a space apart there are cells, not the pieces of one number
    spaced_cells: bool = False
    # how far beyond rounding the claim may be, in its unit, before it is called wrong (a
    # total's rate from its parts', which a bureau reckons on a comparable basis)
    slack: float = 0.0

    def sentences(self) -> list[tuple[int, int]]:
        return self.spans or [(self.start, self.end)]

    def figures(self) -> list[Figure]:
        """Every figure the relation binds: its roles' and the claimed one."""
        found: list[Figure] = []
        for value in self.roles.values():
            found.extend(value if isinstance(value, list) else [value])
        return [*found, self.claimed] if self.claimed is not None else found


def sign_of(verb: str | None) -> int:
    return -1 if verb and re.fullmatch(DOWN + r"|降幅为?", verb) else 1


def _comparable(*figures: Figure) -> bool:
    """Figures of one measure: all in the same unit and of the same kind."""
    return len({(f.unit, f.kind) for f in figures}) == 1


def levels_and_averages(sentence: Sentence) -> list[Relation]:
    """What one sentence says of two dated levels (由A下降到B,減少C,年均…), of a total and its
    yearly average (累計減少T,年均減少M), and of a multiple and its compound rate."""
    found = list(_levels(sentence))
    found += list(_totals_and_averages(sentence, found))
    found += list(_multiples(sentence))
    found += list(_two_year_averages(sentence))
    return found


def lists_with_totals(sentence: Sentence) -> list[Relation]:
    """Parts listed with their total in one sentence: 分別為A、B、C,合計T; A、B和C共T."""
    return [*_respectively(sentence), *_listed_with_total(sentence)]


def _levels(sentence: Sentence) -> Iterator[Relation]:
    """ "由A下降到B": the change, the points, the average or the compound rate that follow."""
    matches = list(FROM_TO.finditer(sentence.template))
    for at, match in enumerate(matches):
        old, new = sentence.figure(match.group(2)), sentence.figure(match.group(5))
        if not _comparable(old, new):
            continue
        years = _span_of_levels(match.group(1), match.group(4), sentence)
        # up to the next pair of levels ("劳动人口由A增加至B,失业人数由C增加至D,增加E": D − C)
        until = matches[at + 1].start() if at + 1 < len(matches) else len(sentence.template)
        rest = sentence.template[match.end() : until]
        stated: Figure | None = None
        for clause in re.split(r"[,，;；]", rest)[:4]:
            for relation in _after_levels(sentence, clause.strip(), old, new, years):
                if relation.kind == "average-change" and stated is not None:
                    # "減少C,年均減少M": the average is of the change as stated
                    relation.kind, relation.roles = "average", {"total": stated}
                if relation.kind in ("difference", "point-change"):
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
    return counted_years(sentence)


def _after_levels(
    sentence: Sentence, clause: str, old: Figure, new: Figure, years: list[tuple[float, str]]
) -> Iterator[Relation]:
    span = (sentence.start, sentence.end)
    average = AVERAGE.search(clause)
    if average and clause.startswith(AVERAGE_WORDS):
        claimed = sentence.figure(average.group(2))
        sign = sign_of(average["verb"]) if average["verb"] else _sign_between(old, new)
        if claimed.is_rate and not old.is_rate:
            yield _with_years(Relation("cagr", {"start": old, "end": new}, *span, claimed, sign),
                              years)  # fmt: skip
        elif _comparable(claimed, old) or (old.is_rate and claimed.kind == PERCENTAGE_POINT):
            # (a rate's yearly fall in points: "由10.2%下降至4.5%,下降5.7个百分点,平均每年
            # 下降1.4个百分点", read as the average of the points stated)
            yield _with_years(
                Relation("average-change", {"old": old, "new": new}, *span, claimed, sign), years
            )
        return
    left = LEFT_POVERTY.match(clause)
    if left and new.value < old.value and _of_people(old, new, sentence.figure(left.group(1))):
        # "从775万人减少到183.27万人,591.73万人脱贫": those who left are the fall — unless
        # people entered meanwhile (新识别, 返贫), whom a count of all who left (累计) includes
        relation = Relation("difference", {"old": old, "new": new}, *span,
                            sentence.figure(left.group(1)), -1)  # fmt: skip
        relation.confident = not re.search(r"新识别|返贫|新增|动态|累计|共有", sentence.template)
        yield relation
        return
    change = CHANGE.match(clause)
    if not change:
        return
    claimed, sign = sentence.figure(change.group(2)), sign_of(change["verb"])
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


def _of_people(old: Figure, new: Figure, left: Figure) -> bool:
    """Counts of people, "5306万" standing for 5306万人 beside "3613万人脱贫"."""
    return all(f.kind == COUNT and f.unit in (None, "person") for f in (old, new, left))


def _sign_between(old: Figure, new: Figure) -> int:
    return -1 if new.value < old.value else 1


def _with_years(relation: Relation, years: list[tuple[float, str]]) -> Relation:
    relation.periods = years
    if not years:
        relation.missing["periods"] = "the text does not say over how many years"
    return relation


def counted_years(sentence: Sentence) -> list[tuple[float, str]]:
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
    for match in YEARS_FIGURE.finditer(template):
        figure = sentence.figure(match.group(1) or match.group(2))
        if figure.unit == "year" and figure.bounds.exact and figure.value >= 1:
            found.append((figure.value, f"{figure.written}: {figure.value:g} years"))
    for match in FIVE_YEAR_PLAN.finditer(template):
        found.append((5, f"{match.group()}: a five-year plan"))
    distinct: dict[float, str] = {}
    for years, origin in found:
        distinct.setdefault(years, origin)
    return list(distinct.items())


FLOW_FIGURE = re.compile(rf"(?:{UP}|{DOWN})了?{FIG}")
AVERAGE_WORD = "|".join(AVERAGE_WORDS)
SPAN_OPENS = re.compile(r"(?:^|(?<=[,，:：]))(?:从|自)?" + YEAR_RANGE.pattern)


def _flows_over_a_span(template: str, carried: str = "") -> Iterator[re.Match[str]]:
    """ "从1978年到2017年,我国农村贫困人口减少7.4亿人,年均…": a change after the span of years
    a sentence or its clause opens with, no base (比) between them, is the flow over the span;
    so is one after a ; that goes on with no span of its own (…;农村贫困发生率下降94.4个百分点,
    年均下降2.4个百分点)."""
    span = SPAN_OPENS.search(template)  # at the sentence's start or after a comma (…显示,从…)
    if span is not None:
        after = span.end()
    elif _span_carried(template, carried):
        after = 0
    else:
        return
    for match in FLOW_FIGURE.finditer(template, after):
        if "比" in template[after : match.start()]:
            return  # a change on a base: no flow over the span
        clause = re.split(r"[,，;；]", template[: match.start()])[-1]
        if not re.search(rf"(?:{TOTAL_WORDS})$|{AVERAGE_WORD}", clause):
            yield match  # (a total the words give is read as such, an average is no flow)


def _span_carried(template: str, carried: str) -> bool:
    """Whether the statement a ; goes on opened with a span of years, and nothing in this
    sentence names years or a base of its own."""
    return (
        SPAN_OPENS.search(carried) is not None
        and YEAR_RANGE.search(template) is None
        and re.search(r"\d{4}年|比|较", template) is None
    )


def _totals_and_averages(sentence: Sentence, found: Sequence[Relation]) -> Iterator[Relation]:
    """ "累計減少T,年均減少M": the average over the years the text counts."""
    template = sentence.template
    flows = list(_flows_over_a_span(template, sentence.carried))
    for match in [*TOTAL_FIGURE.finditer(template), *flows]:
        total = sentence.figure(match.group(1))
        average = AVERAGE.search(template, match.end())
        if not average or re.search(r"[。;；]", template[match.end() : average.start()]):
            continue
        claimed = sentence.figure(average.group(2))
        if not _comparable(total, claimed) or any(
            r.kind in ("average", "cagr-growth") and r.claimed is claimed for r in found
        ):
            continue
        years = _levels_years(sentence, found) or counted_years(sentence)
        if not years and match in flows and _span_carried(template, sentence.carried):
            years = counted_years(Sentence(0, len(sentence.carried), sentence.carried, []))
        if total.kind == PERCENT:  # "累计增长40.3%,年均增长7.0%": a rate compounds
            between = template[match.start() : average.end()]
            if "名义" in between and "实际" in between:
                continue  # a nominal growth and a real average (or the other way) are no pair
            growth = total.signed(-1 if re.search(DOWN, match.group()) else 1)
            relation = Relation("cagr-growth", {"growth": growth}, sentence.start, sentence.end,
                                claimed, sign_of(average["verb"]))  # fmt: skip
        elif total.kind in (COUNT, PERCENTAGE_POINT):
            relation = Relation("average", {"total": total}, sentence.start, sentence.end, claimed)
        else:
            continue
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
                            sentence.end, claimed, sign_of(average["verb"]))  # fmt: skip
        yield _with_years(relation, years)


# "比2019年前三季度增长14.8%,两年平均增长7.1%": the growth over two years and its average
TWO_YEARS = re.compile(
    # (a span of months after the year, 比2019年1—6月份, is a figure of the template)
    rf"(?:比|较|与)(?P<year>\d{{4}})年(?:\x01\d+\x02\s*月份?)?[^\x01,，;；。]{{0,8}}?(?P<q1>实际|名义)?"
    rf"(?P<verb>{UP}|{DOWN})"
    rf"(?:[(（][^()（）]{{0,40}}[)）])?了?{FIG}[,，](?:两年|\x01(?P<two>\d+)\x02)平均"
    rf"(?P<q2>实际|名义)?(?P<average>{UP}|{DOWN}){FIG}"
)
TWO_WRITTEN = ("两年", "兩年", "2年")  # 两年 is read as a figure of years
TWO_YEARS_NOTE = "a growth over two years: its yearly average compounds to it"


def _two_year_averages(sentence: Sentence) -> Iterator[Relation]:
    """ "比2019年前三季度增长14.8%,两年平均增长7.1%": the yearly average of a growth of 14.8% over
    two years is (1.148^(1/2) − 1) = 7.14%. ("比上年增长8.2%,两年平均增长6.0%" leaves
    the first year's growth out: no relation.)"""
    for match in TWO_YEARS.finditer(sentence.template):
        rate, claimed = sentence.figure(match.group(4)), sentence.figure(match.group(8))
        two = sentence.figure(match["two"]) if match["two"] else None
        if not (rate.is_rate and claimed.is_rate) or (two and two.written not in TWO_WRITTEN):
            continue
        if (match["q1"] or "名义") != (match["q2"] or "名义"):
            continue  # a real growth and a nominal average (or the other way) are no pair
        relation = Relation("cagr-growth", {"growth": rate.signed(sign_of(match["verb"]))},
                            sentence.start, sentence.end, claimed, sign_of(match["average"]),
                            notes=[TWO_YEARS_NOTE])  # fmt: skip
        yield _with_years(relation, [(2.0, f"两年平均, since {match['year']}: 2 years")])


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
        if CHANGES_LISTED.match(match.group()):
            continue  # "分别增加19.17万公里、5.06万公里": the changes of levels, no parts
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
            stated = TOTAL_STATED.search(sentence.words_before(before[-1]))
            relation = _sum_or_subset(parts, before[-1], span, _is_partition(words, len(parts)))
            if stated and relation.kind == "subset":
                note = "共 names the total, and 分別 lists all of it"
                relation = Relation("sum", {"parts": parts}, *span, before[-1], notes=[note])
            elif relation.kind == "subset" and _each_within(parts, before[-1]):
                relation.confident = False  # kinds named by different traits may overlap
                relation.notes.append(MAY_OVERLAP_NOTE)
            yield relation


MAY_OVERLAP_NOTE = (
    "kinds a list names may overlap (国有控股, 股份制; 轿车, 新能源汽车): their sum above the "
    "whole is shown, never called wrong; a part above it alone would be"
)


def _each_within(parts: list[Figure], whole: Figure) -> bool:
    """Whether no part alone exceeds the whole beyond rounding."""
    return all(p.bounds.low <= whole.bounds.high for p in parts)


def _listed_with_total(sentence: Sentence) -> Iterator[Relation]:
    for match in LIST_THEN_TOTAL.finditer(sentence.template):
        parts = [sentence.figure(match.group(1)), *_group_figures(sentence, match.group(2))]
        total = sentence.figure(match.group(match.lastindex or 0))
        if _comparable(total, *parts) and _additive(sentence, total, *parts):
            yield Relation("sum", {"parts": parts}, sentence.start, sentence.end, total)


def _is_partition(words: str, count: int) -> bool:
    """True when the words name every member of one partition, and the parts are that many."""
    return any(
        len(partition["members"]) == count
        and all(any(s in words for s in m.split("|")) for m in partition["members"])
        for partition in grammar()["partitions"]
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
