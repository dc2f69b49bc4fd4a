"""A multiple of a base year and, in the next statement, the yearly rate it implies: "2016年,
贫困地区农村居民人均可支配收入8452元,名义水平是2012年的1.6倍;扣除价格因素,实际水平是2012年的
1.5倍。2013-2016年…年均名义增长12.8%,扣除价格因素,年均实际增长10.7%". The nominal multiple
goes with the nominal rate and the real with the real (one of each, or one unqualified pair);
a span of years the rates name must be the multiple's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from povcli.article.figures import Figure, Sentence
from povcli.article.near import shared_run
from povcli.article.notes import Reading
from povcli.article.relations import AVERAGE, FIG, YEAR_RANGE, Relation, sign_of
from povcli.numbers import MULTIPLE

# "(2016年…,)名义水平是2012年的1.6倍": the year compared with and the multiple
MULTIPLE_OF_YEAR = re.compile(rf"是(?P<y1>\d{{4}})年的?{FIG}")
YEAR = re.compile(r"(\d{4})年")
REAL = re.compile(r"实际|扣除价格因素|剔除价格因素")
SENTENCES_AFTER = 2  # statements on from the multiple the rates may stand in
NOTE = "the {} multiple of {} and the {} yearly rate in the next statement"


@dataclass
class _Multiple:
    figure: Figure
    y1: int
    y2: int
    real: bool
    sentence: int


def multiples_then_rates(reading: Reading) -> Iterator[Relation]:
    multiples = [m for number, s in enumerate(reading.sentences) for m in _multiples(number, s)]
    # a multiple whose statement gives its own rate (是2012年的1.99倍,年均增长12.1%) has it
    by_sentence: dict[int, list[_Multiple]] = {}
    for multiple in multiples:
        if not list(_rates(reading.sentences[multiple.sentence])):
            by_sentence.setdefault(multiple.sentence, []).append(multiple)
    for number, sentence in enumerate(reading.sentences):
        rates = list(_rates(sentence))
        earlier = [
            m
            for back in range(1, SENTENCES_AFTER + 1)
            for m in by_sentence.get(number - back, [])
            if _of_the_same(reading, m, sentence)
        ]
        if not rates or not earlier or _own_multiple(sentence) or _own_level(sentence):
            continue
        for real in (False, True):
            mine = [m for m in earlier if m.real == real]
            theirs = [(figure, sign) for figure, sign, is_real in rates if is_real == real]
            if len(mine) != 1 or len(theirs) != 1 or not _same_span(sentence, mine[0]):
                continue
            yield _relation(reading, mine[0], sentence, *theirs[0])


def _multiples(number: int, sentence: Sentence) -> Iterator[_Multiple]:
    template = sentence.template
    for match in MULTIPLE_OF_YEAR.finditer(template):
        figure = sentence.figure(match.group(2))
        if figure.kind != MULTIPLE:
            continue
        years = YEAR.findall(sentence.carried + template[: match.start()])
        later = [int(y) for y in years if int(y) > int(match["y1"])]
        if not later:
            continue
        clause = re.split(r"[,，;；]", template[: match.start()])[-1]
        real = REAL.search(clause) is not None or REAL.search(_clause_before(template, match))
        yield _Multiple(figure, int(match["y1"]), later[-1], bool(real), number)


def _clause_before(template: str, match: re.Match[str]) -> str:
    """The clause before the multiple's, where 扣除价格因素 stands on its own."""
    clauses = re.split(r"[,，;；]", template[: match.start()])
    return clauses[-2] if len(clauses) > 1 else ""


def _rates(sentence: Sentence) -> Iterator[tuple[Figure, int, bool]]:
    """Each yearly rate of the statement, its direction, and whether it is real."""
    template = sentence.template
    for match in AVERAGE.finditer(template):
        figure = sentence.figure(match.group(2))
        if not figure.is_rate:
            continue
        before = template[max(0, match.start() - 12) : match.end()]
        clause = re.split(r"[,，;；]", template[: match.start()])[-1]
        real = bool(REAL.search(before)) or bool(REAL.search(clause))
        yield figure, sign_of(match["verb"]), real


def _own_level(sentence: Sentence) -> bool:
    """Whether the statement gives a level of its own (消费支出8956元,…年均增长11.4%): its
    rates are that level's, not the multiple's."""
    return any(f.unit not in (None, "year", "%") and not f.is_rate for f in sentence.figures)


SUBJECT_RUN = 6  # characters the multiple's words and the rates' share at least


def _of_the_same(reading: Reading, multiple: _Multiple, sentence: Sentence) -> bool:
    """Whether the rates' statement speaks of what the multiple measures: a run of words
    (贫困地区农村居民人均) its own statement has too."""
    own = reading.sentences[multiple.sentence]
    words = own.carried + own.text
    return shared_run(re.sub(r"[^\u4e00-\u9fff]", "", sentence.text), words) >= SUBJECT_RUN


def _own_multiple(sentence: Sentence) -> bool:
    """Whether the statement gives a multiple itself: its rates are that one's."""
    return any(f.kind == MULTIPLE for f in sentence.figures)


def _same_span(sentence: Sentence, multiple: _Multiple) -> bool:
    """The rates' span of years, if they name one, is the multiple's (2013-2016年 for 2016
    against 2012)."""
    found = YEAR_RANGE.search(sentence.template)
    if found is None:
        return True
    first, last = int(found.group(1)), int(found.group(2))
    return last == multiple.y2 and first in (multiple.y1, multiple.y1 + 1)


def _relation(
    reading: Reading, multiple: _Multiple, sentence: Sentence, rate: Figure, sign: int
) -> Relation:
    own = reading.sentences[multiple.sentence]
    count = float(multiple.y2 - multiple.y1)
    kind = "real" if multiple.real else "nominal"
    relation = Relation("cagr-multiple", {"multiple": multiple.figure}, own.start, sentence.end,
                        rate, sign, notes=[NOTE.format(kind, multiple.y1, kind)],
                        spans=[(own.start, own.end), (sentence.start, sentence.end)])  # fmt: skip
    relation.periods = [(count, f"{multiple.y1} → {multiple.y2}: the years compared")]
    return relation
