"""Sex ratios: "男性人口71351万人,女性人口68187万人,总人口性别比为104.64(以女性为100)" — the
men per hundred women of the population the two counts make."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.near import BRACKETED, FROM_VALUE, scopes_fit, text_span
from povcli.article.notes import LEVEL, Note, Reading, simplified
from povcli.article.relations import Relation

RATIO_WORDS = re.compile(r"性别比")
RATIO_WITHIN = 40  # characters back from the ratio to the words that name it
LIKELY = (50.0, 200.0)  # a ratio of men per hundred women outside these is some other figure
# a count of one sex of the whole population, its place or year before it at most (城镇男性人口
# counts a part of it)
PLACE_WORDS = re.compile(
    r"^(?:\d{4}年)?(?:年末)?(?:全国|全省|全市|全县|全区)?(?:常住人口中|户籍人口中|总人口中)?"
)
SEX_ONLY = re.compile(r"^(?:男|女)性?(?:人口)?(?:为)?$")
MEN_NOTE = "a sex ratio is the men per hundred women"
WOMEN_NOTE = "a sex ratio written against the men is the women per hundred men"
BASE_WRITTEN = re.compile(r"以?(男|女)性?(?:人口)?(?:为|=)100")
# what may stand before 性别比 in its clause beside the population's words: its year, its
# place, 其中
RATIO_PLACE = re.compile(
    r"^(?:其中)?(?:\d{4}年)?(?:年末)?(?:全国|全省|全市|全县|全区|我国|我省|我市|我县|我区)?"
)
WHOLE_POPULATION = ("", "总人口", "人口", "男女", "全体人口")


def sex_ratios(reading: Reading) -> Iterator[Relation]:
    for ratio in reading.notes:
        if not _a_sex_ratio(reading, ratio):
            continue
        men = _count_of(reading, ratio, "男", "女")
        women = _count_of(reading, ratio, "女", "男")
        if men is None or women is None:
            continue
        start, end, spans = text_span(reading, men, women, ratio)
        if _base(reading, ratio) == "男":  # (以男性为100): women per hundred men
            roles: dict[str, Figure | list[Figure]] = {"a": women.figure, "b": men.figure}
            why = WOMEN_NOTE
        else:
            roles, why = {"a": men.figure, "b": women.figure}, MEN_NOTE
        yield Relation("per-hundred", roles, start, end, ratio.figure, notes=[why],
                       spans=spans)  # fmt: skip


def _a_sex_ratio(reading: Reading, note: Note) -> bool:
    """Whether the figure is the sex ratio of the whole population: the figure of the clause
    of words that name one (总人口性别比为, 性别比(以女性为100)为), not its value of another
    time (由105.20下降为104.08) nor of a part (出生人口, 城镇人口, 省会城市人口性别比)."""
    figure = note.figure
    if note.role != LEVEL or figure.unit is not None or figure.value == 100:
        return False
    if not LIKELY[0] < figure.value < LIKELY[1]:
        return False
    before = reading.simple[max(0, figure.start - RATIO_WITHIN) : figure.start]
    named = list(RATIO_WORDS.finditer(before))
    if not named or re.search(r"[。;；]", before[-12:]):
        return False
    between = BRACKETED.sub("", before[named[-1].end() :])
    if re.search(r"[,，]", between) or FROM_VALUE.search(between):
        return False  # "性别比为104.08,比上年的104.30": no figure of the words' clause
    return _population_named(before[: named[-1].start()]) is not None


def _count_of(reading: Reading, ratio: Note, sex: str, other: str) -> Note | None:
    """The one count of the sex for the ratio's period and place: in its paragraph if there,
    else the one the whole text gives (two different counts bind nothing)."""
    counts = [
        n
        for n in reading.notes
        if n.role == LEVEL
        and n.figure.unit == "person"
        and sex in n.subject
        and other not in n.subject
        and SEX_ONLY.match(PLACE_WORDS.sub("", simplified(n.subject).strip()))
        and n.period == ratio.period
        and scopes_fit(n.scope, ratio.scope)
    ]
    named = _population_named(_words_before(reading, ratio))
    if named:  # 户籍人口性别比: not of the resident population's men and women
        counts = [n for n in counts if _population_counted(reading, n) in ("", named)]
    here = [n for n in counts if n.paragraph == ratio.paragraph]
    found = here or counts
    return found[0] if len({n.figure.value for n in found}) == 1 else None


def _words_before(reading: Reading, ratio: Note) -> str:
    before = reading.simple[max(0, ratio.figure.start - RATIO_WITHIN) : ratio.figure.start]
    return before[: list(RATIO_WORDS.finditer(before))[-1].start()]


def _population_named(before: str) -> str | None:
    """The population the words before 性别比, in their clause, name: "" for the whole (总人口,
    男女, nothing), 常住 or 户籍 for the resident or registered population, None for a part
    of it or another (出生人口, 城镇人口, 0-14岁人口, 就业人员)."""
    words = re.split(r"[,，。;；:：、()（）\n]", before)[-1]
    words = RATIO_PLACE.sub("", words)
    if words in WHOLE_POPULATION:
        return ""
    found = re.fullmatch(r"(常住|户籍)人口", words)
    return found.group(1) if found else None


def _population_counted(reading: Reading, count: Note) -> str:
    """常住 or 户籍, whichever its sentence names last before the count (年末全县常住人口45.6万人,
    其中男性…), else ""."""
    sentence = reading.sentences[count.sentence]
    named = re.findall(r"常住|户籍", reading.simple[sentence.start : count.figure.start])
    return named[-1] if named else ""


def _base(reading: Reading, ratio: Note) -> str:
    """The sex the ratio is written against (以女性为100, 以男性为100), in the brackets right
    after it or between its name and it: 女 unless those words say 男."""
    after = re.match(r"\s*[(（]([^()（）]*)[)）]", reading.simple[ratio.figure.end :])
    found = BASE_WRITTEN.search(after.group(1)) if after else None
    if found is None:
        before = reading.simple[max(0, ratio.figure.start - RATIO_WITHIN) : ratio.figure.start]
        between = before[list(RATIO_WORDS.finditer(before))[-1].end() :]
        found = next(reversed(list(BASE_WRITTEN.finditer(between))), None)
    return found.group(1) if found else "女"
