"""Shares listed with 分别 after the parts they are of: "第一、第二、第三产业增加值占GDP的比重分别
为6.8%、40.1%、53.1%", "轻、重工业占比分别为30.6%和69.4%", "三次产业对GDP增长的贡献率分别为
13.3%、40.4%和46.3%". When the names are every member of a partition, once each, and the figures
as many, the shares (or the contributions to the whole's growth) add up to 100%."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import listed_from, text_span
from povcli.article.notes import Note, Reading
from povcli.article.partitions import SHARES_NOTE, Partition, hundred, known_partitions
from povcli.article.relations import Relation
from povcli.article.structures import member_shares
from povcli.numbers import PERCENT

REACH = 120  # characters before the list that may name its parts and what they are
# the words right before the list's first figure
RESPECTIVELY = re.compile(r"分别(?:为|是|占|达到?)?\s*$")
# what the figures are: a share or structure of one whole, or a contribution to its growth
NOUNS = "比重|占比|比例|构成|份额|贡献率"
SHARE_NOUN = re.compile(rf"(?:{NOUNS})$")
# what may open the names: the period, 其中
LEAD = re.compile(r"^(?:\d{4}年(?:末|底)?|全年|其中|在)+")
# names for all the members at once
COLLECTIVE = ("三次产业", "三大产业", "一二三产业")
SECTORS = "第一产业、第二产业、第三产业"
# a whole outside the parts' own (their share of the nation's or the province's same sector)
OTHER_WHOLE = re.compile(r"全国|全省|全市|全区|全球|世界|同类|同行业")
WHOLE_AND_NOUN = re.compile(rf"^(?:(?:占|对)(?P<whole>[^,，;；]*?))?的?(?:{NOUNS})$")


def respective_shares(reading: Reading) -> Iterator[Relation]:
    """The shares a 分别 list gives every member of a partition add up to 100%: judged when
    the names stand in the list's own clause and its whole is theirs (named among the
    partition's totals, or not named); shown when it holds, never called wrong, when the
    names stand earlier in the sentence or another whole is named; never a sum when that
    whole is the nation's or the province's (each part's share of its own kind there)."""
    for number, sentence in enumerate(reading.sentences):
        for first in reading.in_sentence(number):
            before = reading.simple[
                max(sentence.start, first.figure.start - REACH) : first.figure.start
            ]
            if first.figure.kind != PERCENT or not RESPECTIVELY.search(before):
                continue
            listed = listed_from(reading, first)
            clause = re.split(r"[,，;；:：]", RESPECTIVELY.sub("", before))[-1].strip()
            found = _share_clause(clause)
            if found is None or len(listed) < 2:
                continue
            names, whole = found
            if OTHER_WHOLE.search(whole):
                continue  # each part's share of another whole: no sum of them
            partition = partition_named(names, len(listed))
            bound = partition is not None
            tail = ""
            if partition is not None:
                tail = after_members(names, partition)
                if AMONG_EACH.search(tail):
                    continue  # each member's share of its own amount: no sum of them
                bound = not tail or OWN_AMOUNT.fullmatch(tail) is not None
            if bound and whole and partition is not None:
                bound = any(total.upper() in whole.upper() for total in partition.totals)
            order = member_order(names, partition) if partition is not None else None
            if partition is None:
                partition = partition_named(_collective_earlier(before), len(listed))
            if partition is not None:
                yield _sum_to_hundred(reading, listed, bound)
            if partition is not None and order is not None and LEVEL_SHARE.search(clause):
                terms = [n.figure for n in listed]
                yield from member_shares(reading, number, terms, partition, order,
                                         MEMBER_SHARE_NOTE, bound, tail or whole)  # fmt: skip


# "城镇和乡村居民家庭中拥有汽车的比例", "第一、第二、第三产业中民间投资占比": a share within
# each member (中, 所占), no share of the members' whole
AMONG_EACH = re.compile(r"中|内|里|所$")
# what the members' shares may be of when the names say so: an amount the parts make up
# ("第一、第二、第三产业增加值", "城镇、乡村人口", "轻、重工业增加值"); any other noun after the
# names ("轻、重工业出口交货值占比": exports within each one's output) is shown, not judged
OWN_AMOUNT = re.compile(
    r"(?:地区)?(?:居民)?的?(?:增加值|生产总值|总产值|产值|常住人口|人口|就业人员|从业人员|就业人数"
    r"|投资|固定资产投资|贷款|存款|用电量|产量|营业收入|能源消费量)"
)


def after_members(names: str, partition: Partition) -> str:
    """What the last name says after its member's own spelling (第三产业中民间投资 → 中民间投资,
    重工业出口交货值 → 出口交货值)."""
    for collective in COLLECTIVE:  # "三次产业对GDP增长的贡献率": nothing after the name
        if names.startswith(collective):
            return names.removeprefix(collective)
    last = re.split(r"、|和|及|与", names)[-1]
    spellings = sorted((s for member in partition.members for s in member), key=len, reverse=True)
    for spelling in spellings:
        at = last.find(spelling)
        if at >= 0:
            return last[at + len(spelling) :]
    return last


def _share_clause(clause: str) -> tuple[str, str] | None:
    """The names of the parts and the whole the clause gives ("" when it names none)."""
    if not SHARE_NOUN.search(clause):
        return None
    opening = re.search(rf"占|对|的?(?:{NOUNS})$", clause)
    if opening is None:
        return None
    names = LEAD.sub("", clause[: opening.start()])
    tail = WHOLE_AND_NOUN.match(clause[opening.start() :])
    whole = (tail["whole"] or "") if tail else ""
    return names, whole


def listed_names(names: str) -> list[str]:
    """The names a list gives, between 、 and the joining words (东部、中部、西部和东北地区)."""
    return [item for item in re.split(r"、|和|及|与", names) if item]


def partition_named(names: str, count: int) -> Partition | None:
    """The partition whose every member the names give once, in as many figures."""
    if any(names.startswith(collective) for collective in COLLECTIVE):
        names = SECTORS
    items = listed_names(names)
    if len(items) != count:
        return None
    for partition in known_partitions():
        if len(partition.members) == count and _each_member_once(items, partition):
            return partition
    return None


# the figures are each member's share of the whole's level (a 贡献率 is of its growth)
LEVEL_SHARE = re.compile(r"比重|占比|比例|构成|份额")
MEMBER_SHARE_NOTE = "each share the list gives a member is its level over the whole"


def member_order(names: str, partition: Partition) -> list[int] | None:
    """The member each name of the list stands for, in the list's order."""
    if any(names.startswith(collective) for collective in COLLECTIVE):
        return list(range(len(partition.members)))
    return members_of(listed_names(names), partition)


def _each_member_once(items: list[str], partition: Partition) -> bool:
    """Whether the items open with the members' distinctive heads, one each: 第一、第二、第三产业
    (the heads 第一, 第二, 第三 of …产业), 轻、重工业, 东部、中部、西部和东北."""
    return members_of(items, partition) is not None


def members_of(items: list[str], partition: Partition) -> list[int] | None:
    """The member each item opens with, when every member is named once."""
    heads = _heads(partition)
    order: list[int] = []
    for item in items:
        bare = item.removeprefix("第")
        found = [
            member
            for member, spellings in enumerate(heads)
            if any(head and bare.startswith(head.removeprefix("第")) for head in spellings)
        ]
        if len(found) != 1 or found[0] in order:
            return None
        order.append(found[0])
    return order if len(order) == len(partition.members) else None


def _heads(partition: Partition) -> list[tuple[str, ...]]:
    """Each member's spellings without the ending all the members' first spellings share."""
    firsts = [spellings[0] for spellings in partition.members]
    common = 0
    while common < min(map(len, firsts)) and len({f[len(f) - common - 1] for f in firsts}) == 1:
        common += 1
    return [
        tuple(s[: len(s) - common] if s.endswith(firsts[0][len(firsts[0]) - common :]) else s
              for s in spellings)
        for spellings in partition.members
    ]  # fmt: skip


def _collective_earlier(before: str) -> str:
    """ "三次产业结构比为37.2:20.5:42.3,对gdp的贡献率分别为…": the parts named by a collective
    name earlier in the sentence."""
    found = [name for name in COLLECTIVE if name in before]
    return found[0] if found else ""


def _sum_to_hundred(reading: Reading, listed: list[Note], bound: bool) -> Relation:
    start, end, spans = text_span(reading, *listed)
    return Relation("sum", {"parts": [n.figure for n in listed]}, start, end,
                    hundred(listed[-1].figure), notes=[SHARES_NOTE], spans=spans,
                    confident=bound)  # fmt: skip
