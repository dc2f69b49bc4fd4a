"""Identities by definition that population bulletins state in one statement: the natural
growth rate is the birth rate less the death rate (出生率10.48‰ … 死亡率7.14‰ … 自然增长率3.34‰),
the natural increase the births less the deaths (出生人口103万 … 死亡人口68万 … 自然增长人口35万),
and a change of the one the changes of the others (出生率比上年下降0.75个千分点 …); and the
urbanisation rate is the urban population's share of the whole (城镇化率 = 城镇人口 / 常住人口)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import attached, clause_up_to, made_of, scopes_fit, signed, text_span
from povcli.article.notes import CHANGE, LEVEL, POINTS, Note, Reading, simplified
from povcli.article.partitions import on_base
from povcli.article.relations import Relation
from povcli.article.roles import scope_of
from povcli.numbers import COUNT, PERCENT

# (what is born, what dies, what the two make), as the bulletins name them
NATURAL_GROWTH = (("出生率", "死亡率", "自然增长率"), ("出生人口", "死亡人口", "自然增长人口"))
STATEMENT_WITHIN = 12  # figures back from the natural growth to its births and deaths
IDENTITY_NOTE = "by definition: natural growth = births − deaths"


def natural_growth(reading: Reading) -> Iterator[Relation]:
    """The natural growth against the births and deaths stated before it, of one scope and
    period in one paragraph; and their changes on the year before, when all three give one."""
    for natural in reading.notes:
        if natural.role != LEVEL:
            continue
        for birth_word, death_word, natural_word in NATURAL_GROWTH:
            if natural_word not in natural.subject:
                continue
            earlier = reading.notes[max(0, natural.index - STATEMENT_WITHIN) : natural.index]
            death = _nearest_named(earlier, death_word, natural)
            birth = _nearest_named(earlier, birth_word, natural)
            if birth is None or death is None or birth.index > death.index:
                continue
            if len({n.scope for n in (birth, death, natural)} - {None}) > 1:
                continue  # 广东's births and 河南's deaths make no one place's growth
            yield _difference(reading, birth, death, natural)
            changes = [attached(reading, n, POINTS) for n in (birth, death, natural)]
            if natural.figure.kind.startswith("per-mille") and all(changes):
                yield _change_difference(reading, changes)


def _nearest_named(earlier: list[Note], word: str, natural: Note) -> Note | None:
    """The last level before the natural growth that the word names, of its paragraph, scope
    (or none named: "河南省…出生率为7.06‰;…死亡率为8.00‰;…自然增长率为-0.94‰" names the place
    once), period, kind and unit (出生率 never stands for 出生人口)."""
    for note in reversed(earlier):
        if (
            note.role == LEVEL
            and word in note.subject
            and note.paragraph == natural.paragraph
            and scopes_fit(note.scope, natural.scope)
            and note.period == natural.period
            and (note.figure.kind, note.figure.unit) == (natural.figure.kind, natural.figure.unit)
        ):
            return note
    return None


def _difference(reading: Reading, birth: Note, death: Note, natural: Note) -> Relation:
    start, end, spans = text_span(reading, birth, death, natural)
    roles = {"old": death.figure, "new": birth.figure}
    return Relation("difference", dict(roles), start, end, natural.figure,
                    notes=[IDENTITY_NOTE], spans=spans)  # fmt: skip


def _change_difference(reading: Reading, changes: list[Note | None]) -> Relation:
    birth, death, natural = (n for n in changes if n is not None)
    start, end, spans = text_span(reading, birth, death, natural)
    roles = {"old": signed(death), "new": signed(birth)}
    return Relation("difference", dict(roles), start, end, signed(natural),
                    notes=[IDENTITY_NOTE + ", so are their changes"], spans=spans)  # fmt: skip


# what would make a nation's count change other than births and deaths (Taiwan's releases
# give 社會增加, its moves in and out)
MOVES = re.compile(r"迁入|迁出|移入|移出|社会增加|净迁|迁移")
NATION_PEOPLE = re.compile(r"(?:总人口|全国人口|人口总量|大陆人口)$")
# the nation the bulletins count with no moves (全国, 中国大陆), not one its speaker calls 我国,
# nor Taiwan's registered people (内政部, years of the Republic: 112年底), who move in and out
MAINLAND = re.compile(r"全国|中国|大陆")
LEFT_OUT = re.compile(r"不包括[^()（）。]*")
TAIWAN = re.compile(r"民国|内政部|台湾|(?<!\d)1[01]\d年")
BALANCE_NOTE = (
    "a nation's population changes by its births less its deaths, no one being counted in or"
    " out of it"
)


def national_balance(reading: Reading) -> Iterator[Relation]:
    """ "年末全国人口140967万人,比上年末减少208万人。全年出生人口902万人,…;死亡人口1110万人":
    the nation's year-end change is its births less its deaths. Only where the text is of the
    nation and names no moves in or out (a province's people move; Taiwan's release gives its
    社會增加)."""
    # the mainland's count names Taiwan only to leave it out: "(…不包括香港、澳门特别行政区和
    # 台湾省以及海外华侨人数)"
    named = LEFT_OUT.sub("", reading.simple)
    if reading.scope != "national" or MOVES.search(named) or TAIWAN.search(named):
        return
    for total in reading.notes:
        subject = simplified(total.subject.rstrip("(（"))
        if total.role != LEVEL or not NATION_PEOPLE.search(subject) or not MAINLAND.search(subject):
            continue
        change = attached(reading, total, CHANGE)
        if change is None or total.scope not in (None, "national"):
            continue
        if on_base(change) != "previous":
            continue  # "比2010年末增加7206万人": ten years of changes, not the year's births
        later = reading.notes[total.index + 1 : total.index + 1 + STATEMENT_WITHIN]
        births = [n for n in later if _counts(n, "出生人口", total)]
        deaths = [n for n in later if _counts(n, "死亡人口", total)]
        if len(births) != 1 or len(deaths) != 1:
            continue
        start, end, spans = text_span(reading, total, births[0], deaths[0])
        roles = {"old": deaths[0].figure, "new": births[0].figure}
        yield Relation("difference", dict(roles), start, end, signed(change),
                       notes=[BALANCE_NOTE], spans=spans)  # fmt: skip


def _counts(note: Note, word: str, total: Note) -> bool:
    """A level of the people born (or dead) in the total's year, of the nation."""
    return (
        note.role == LEVEL
        and note.subject.endswith(word)
        and note.scope in (None, "national")
        and note.period == total.period
        and note.figure.same_unit(total.figure)
    )


URBANISATION = "城镇化率"
URBAN_PEOPLE = re.compile(r"城镇(?:常住)?人口$")
ALL_PEOPLE = re.compile(r"(?:常住人口|总人口)$")
RESIDENCE = re.compile(r"城镇|乡村|农村|城市")
# the words a rate's clause may hold before 城镇化率 and still be of the people before it
OF_EVERYONE = re.compile(
    r"年末|年底|全省|全市|全区|全县|全州|全国|本省|本市|本区|本县|我省|我市|我区|我县|常住人口|人口"
    r"|其中|占|比重|的|\d{4}年|[()（）\s]"
)
URBANISATION_NOTE = "by definition: the urbanisation rate is the urban population's share of all"


def urbanisation(reading: Reading) -> Iterator[Relation]:
    """ "年末常住人口94.9万人,…其中城镇人口41.4万人,…。常住人口城镇化率43.6%": the rate named
    城镇化率 against the urban population and all the people stated before it, of its scope
    and period, in its paragraph or the one before (户籍人口城镇化率 counts other people)."""
    for rate in reading.notes:
        if rate.role != LEVEL or rate.figure.kind != PERCENT:
            continue
        if URBANISATION not in rate.subject or "户籍" in rate.subject:
            continue
        if _of_another(reading, rate):
            continue  # "其中,东山县城镇化率为35.20%", 省会城市, 东部地区, 少数民族人口
        earlier = reading.notes[max(0, rate.index - STATEMENT_WITHIN) : rate.index]
        urban = _people(reading, earlier, rate, URBAN_PEOPLE)
        everyone = _people(reading, earlier, rate, ALL_PEOPLE, RESIDENCE)
        if urban is None or everyone is None or not urban.figure.same_unit(everyone.figure):
            continue
        if _of_an_unknown_place(reading, everyone, rate):
            continue  # "长沙市年末常住人口…。全省城镇化率为60.00%": the province's, not the city's
        if _of_a_group(reading, max(urban.index, everyone.index), rate):
            continue  # "…;少数民族人口850万人,城镇化率42.00%": the group's rate
        if urban.scope != everyone.scope:
            continue  # 广东's towns and 河南's people make no rate
        if RESIDENCE.search(everyone.subject) or urban.figure.value >= everyone.figure.value:
            continue  # 城镇常住人口 is no total of all the people
        if "户籍" in reading.simple[reading.sentences[urban.sentence].start : rate.figure.start]:
            continue  # "户籍总人口…,其中城镇人口…": the urban people may be registered ones
        start, end, spans = text_span(reading, everyone, urban, rate)
        yield Relation("share", {"part": urban.figure, "whole": everyone.figure}, start, end,
                       rate.figure, notes=[URBANISATION_NOTE], spans=spans)  # fmt: skip


def _of_another(reading: Reading, rate: Note) -> bool:
    """Whether a rate's own clause names, before 城镇化率, a body that is no known place (a
    county, a city, a region, a group of people): its rate is of those, not the paragraph's."""
    clause = clause_up_to(reading, rate)
    if URBANISATION not in clause:
        return False
    words = OF_EVERYONE.sub("", clause[: clause.rfind(URBANISATION)])
    return bool(words) and scope_of(words) is None


def _of_an_unknown_place(reading: Reading, everyone: Note, rate: Note) -> bool:
    """Whether the people are of a body no known place (长沙市, 东山县) and the rate's clause
    names a scope of its own (全省): the rate is not of those people."""
    clause = clause_up_to(reading, rate)
    if scope_of(clause) is None:
        return False
    body = OF_EVERYONE.sub("", ALL_PEOPLE.sub("", everyone.subject))
    return bool(body) and scope_of(body) is None


def _of_a_group(reading: Reading, after: int, rate: Note) -> bool:
    """Whether a count of other people (no town's, country's or everyone's) stands between the
    people a rate was found for and the rate: the rate is of that group."""
    return any(
        n.role == LEVEL
        and n.figure.kind == COUNT
        and n.figure.unit == "person"
        and not (URBAN_PEOPLE.search(n.subject) or ALL_PEOPLE.search(n.subject))
        and not RESIDENCE.search(n.subject)
        for n in reading.notes[after + 1 : rate.index]
    )


def _people(
    reading: Reading,
    earlier: list[Note],
    rate: Note,
    named: re.Pattern[str],
    unless: re.Pattern[str] | None = None,
) -> Note | None:
    """The one level before the rate whose subject ends as named, of its period, in its
    paragraph, else the one before and of its scope; None when none or several differ. A
    rate whose own words name no place is of its paragraph's people where they are of one
    place (…湖南省常住人口…;常住人口城镇化率为55.00%, after a paragraph on 湖北)."""
    matching = [
        n
        for n in earlier
        if n.role == LEVEL
        and n.figure.kind == COUNT
        and named.search(n.subject)
        and not (unless and unless.search(n.subject))  # 乡村常住人口 is no total of the people
        and "户籍" not in n.subject
        and n.period == rate.period
    ]
    own = [n for n in matching if n.paragraph == rate.paragraph]
    places = {n.scope for n in own}
    sentence = reading.sentence_of(rate)
    unplaced = scope_of(reading.simple[sentence.start : rate.figure.start]) is None
    if own and (places == {rate.scope} or (unplaced and len(places) == 1)):
        found = own
    else:
        found = [
            n
            for n in matching
            if rate.paragraph - 1 <= n.paragraph <= rate.paragraph and n.scope == rate.scope
        ]
    values = {(n.figure.bounds.low, n.figure.bounds.high) for n in found}
    return found[-1] if len(values) == 1 else None


# a trade balance: what is sold abroad less what is bought (贸易顺差), or the other way (逆差)
SURPLUS = re.compile(r"顺差")
DEFICIT = re.compile(r"逆差")
EXPORTS = re.compile(r"(?<!进)出口(?:额|总值|总额|值)?$")
IMPORTS = re.compile(r"进口(?:额|总值|总额|值)?$")
# a balance with one partner ("对美国贸易顺差", "对东盟贸易逆差"; 对外贸易 is all foreign trade)
PARTNER = re.compile(r"[对与同](?!外)([^对与同自从向]{1,8}?)(?:的)?(?:货物|服务)?(?:贸易)?[顺逆]差")
BALANCE_WITHIN = 8  # figures back from a balance to its exports and imports
TRADE_NOTE = (
    "by definition: a trade surplus is the exports less the imports (a deficit the reverse)"
)


def trade_balance(reading: Reading) -> Iterator[Relation]:
    """ "其中,出口额1.43万亿元,…;进口额1.16万亿元,…;贸易顺差2791.2亿元": a surplus is the
    exports less the imports stated before it, of its period and unit, in its statement (a
    deficit the imports less the exports). Judged in one statement; across statements shown
    when it holds."""
    for balance in reading.notes:
        subject = simplified(balance.subject)
        deficit = bool(DEFICIT.search(subject))
        if balance.role != LEVEL or not (deficit or SURPLUS.search(subject)):
            continue
        if "率" in subject or balance.figure.kind != COUNT:
            continue
        earlier = reading.notes[max(0, balance.index - BALANCE_WITHIN) : balance.index]
        exports = _traded(earlier, EXPORTS, balance)
        imports = _traded(earlier, IMPORTS, balance)
        if exports is None or imports is None or not _partners_alike(balance, exports, imports):
            continue
        new, old = (imports, exports) if deficit else (exports, imports)
        one_statement = _same_statement(reading, [exports, imports, balance]) and _in_a_row(
            reading, exports, imports, balance
        )
        if not one_statement and not made_of(balance.figure, new.figure, old.figure, minus=True):
            continue
        start, end, spans = text_span(reading, exports, imports, balance)
        yield Relation("difference", {"old": old.figure, "new": new.figure}, start, end,
                       balance.figure, notes=[TRADE_NOTE], spans=spans,
                       confident=one_statement)  # fmt: skip


def _traded(earlier: list[Note], named: re.Pattern[str], balance: Note) -> Note | None:
    """The last level before the balance its words name as exports (imports), of its
    paragraph, period and unit."""
    for note in reversed(earlier):
        if (
            note.role == LEVEL
            and named.search(simplified(note.subject))
            and note.paragraph == balance.paragraph
            and note.period == balance.period
            and note.figure.same_unit(balance.figure)
        ):
            return note
    return None


def _partners_alike(balance: Note, *traded: Note) -> bool:
    """Whether the exports and imports are with the partner the balance names, if any ("对美国
    出口…,自美国进口…,对美贸易顺差"): a partner's balance is no balance of all the trade."""
    partner = PARTNER.search(simplified(balance.subject))
    if partner is None:
        return True
    named = re.compile(f"[对自从与向同]{re.escape(partner.group(1)[0])}")
    return all(named.search(simplified(note.subject)) for note in traded)


def _in_a_row(reading: Reading, exports: Note, imports: Note, balance: Note) -> bool:
    """Whether nothing but the exports' and imports' own rates and changes stands between
    them and the balance ("出口…,增长7.7%;进口…,下降2.5%;贸易顺差…")."""
    first = min(exports.index, imports.index)
    own = {exports.index, imports.index}
    return all(n.index in own or n.head in own for n in reading.notes[first : balance.index])


def _same_statement(reading: Reading, notes: list[Note]) -> bool:
    first, last = min(n.sentence for n in notes), max(n.sentence for n in notes)
    return all(reading.sentences[n].goes_on for n in range(first, last))
