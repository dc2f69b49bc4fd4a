"""A level as a percentage of another level the same phrase states: "消费支出为620,715元,…,
达全国平均每户消费支出723,078元的85.84%", "人均可支配收入12000元,是全省平均水平(15000元)的80.0%"."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from povcli.article.near import text_span
from povcli.article.notes import ATTACHED_WITHIN, LEVEL, Note, Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, PERCENT

# the verb and the words naming the level compared with, right before its figure
COMPARED_WITH = re.compile(r"(?:是|达到?|相当于)(?P<words>[^,，;；。:：]{1,30}?)[(（]?\s*$")
# between the level compared with and the share
OF_IT = re.compile(r"^\s*[)）]?\s*[的之]\s*$")


def compared_shares(reading: Reading) -> Iterator[Relation]:
    """The level the percentage is of is the last level before the verb in the sentence, in
    the compared level's unit (a level compared with, 比上年的B, is none); the phrase names the
    level compared with and gives its figure: the words leave no doubt."""
    for number, sentence in enumerate(reading.sentences):
        notes = reading.in_sentence(number)
        for at, (whole, share) in enumerate(itertools.pairwise(notes)):
            if share.figure.kind != PERCENT or whole.figure.kind != COUNT:
                continue
            if not OF_IT.match(reading.simple[whole.figure.end : share.figure.start]):
                continue
            # the clause of the whole, looked for in the words just before it (a sentence of
            # thousands of clauses is read in time linear in its length)
            window = max(sentence.start, whole.figure.start - CLAUSE_REACH)
            ends = list(CLAUSE.finditer(reading.simple[window : whole.figure.start]))
            clause_start = window + ends[-1].end() if ends else window
            verb = COMPARED_WITH.search(reading.simple[clause_start : whole.figure.start])
            if verb is None:
                continue
            verb_at = clause_start + verb.start()
            before = notes[max(0, at - ATTACHED_WITHIN) : at]
            part = _part(before, whole, verb_at)
            if part is None or _another_between(before, whole, verb_at):
                continue
            start, end, spans = text_span(reading, part, whole, share)
            relation = Relation("percent-of", {"a": part.figure, "b": whole.figure}, start,
                                end, share.figure, spans=spans)  # fmt: skip
            relation.notes.append(f"compared with {verb['words'].strip()} {whole.figure.written}")
            subject = reading.simple[clause_start:verb_at]
            if not OPENS_CLAUSE.match(subject):  # "收入是…", "总产量相当于…": the clause names
                relation.confident = False  # its own subject, which may be another level
                relation.notes.append(f"the clause names what is compared: {subject.strip()}")
            yield relation


CLAUSE = re.compile(r"[,，;；]")
CLAUSE_REACH = 80  # characters: the verb and the words naming the whole are within 30
# the verb opens its clause, so its subject is the level before ("12000元,是全省…的80.0%");
# a clause with words of its own before the verb ("人均消费支出9000元,收入是…") may compare
# another level than the latest
OPENS_CLAUSE = re.compile(r"^\s*(?:并|已|仅|约|均|也|则|即|已经|大约)?\s*$")


def _another_between(notes: list[Note], whole: Note, verb_at: int) -> bool:
    """A figure in the whole's unit between the verb and it: which one is compared with is
    not guessed ("全国22县市平均…723,078元" is fine: 22 counts counties)."""
    return any(
        verb_at < n.figure.start < whole.figure.start and n.figure.unit == whole.figure.unit
        for n in notes
    )


def _part(notes: list[Note], whole: Note, verb_at: int) -> Note | None:
    """The latest level before the verb in the whole's unit (no level compared with)."""
    levels = [
        n
        for n in notes
        if n.figure.end <= verb_at
        and n.role == LEVEL
        and "base-level" not in n.cues
        and n.figure.kind == COUNT
        and n.figure.unit == whole.figure.unit
    ]
    return levels[-1] if levels else None
