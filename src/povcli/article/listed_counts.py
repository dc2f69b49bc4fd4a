"""Counts of the names listed right before them: "楚雄牟定、姚安、双柏、南华、大姚、永仁等6个
贫困县", "邵阳县、隆回县、…、龙山县20个县市均符合", "批准日喀则市谢通门县、江孜县、…,昌都市
八宿县、…,阿里地区措勤县、改则县、革吉县共19个县(区)退出". The names between 、 are counted;
groups a comma apart (a prefecture's counties, then the next's) may belong to the list too, so
each reading is tried.

A count that agrees with some reading is shown. One that agrees with none is called wrong only
where the words leave one reading: no 等 (which may mean "and others"), no comma-apart group, no
和 or 及 inside a name (和田, or a joined last name), and every name ending in a place word
the count's noun names (县, 市, 区: "…县、…市20个县市") and every kind it names among them
(cities alone before 28个县市区 hold those counties); a noun of what places hold (社区, 景区,
自然村, 县直部门) or a name holding a count (…湘潭市三市) is never accused. Names run together
with no 、 ("铜川市榆林市汉中市安康市商洛市等5个地市", a scrape's loss) are counted by their place
word, and only ever shown."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.notes import Reading
from povcli.article.relations import Relation
from povcli.numbers import COUNT, Interval, parse_chinese_numeral

# a count of places right after a list: 6个贫困县, 20个县市, 19个县(区), 四县, 5个地市
COUNT_OF_PLACES = re.compile(
    r"(?P<n>\d{1,3}|[两二三四五六七八九十]{1,3})\s*(?:个)?(?P<noun>[^\d\s,，。;；、()（）]{0,6}?"
    r"(?:县|市|区|州|旗|盟|省|镇|乡|村)(?:[(（]\s*[区市]\s*[)）]|[市区])?)"
)
PLACE_WORDS = "县市区州旗盟省镇乡村"
# what may stand between a list and its count
BETWEEN = re.compile(r"(?P<etc>等)?\s*(?P<all>共计|共|合计|总计|计|这)?\s*$")
GROUP_APART = re.compile(r"[,，]")
CLAUSE_END = re.compile(r"[:：;；。!?！？“”\"()（）]")
LONGEST_NAME = 16  # characters: a first name may carry the verb before it (批准日喀则市谢通门县)
JOINED = re.compile(r"[和及与]")
# a count of places inside a name: the list already counted ("…湘潭市三市28个县市区")
COUNTED_IN_NAME = re.compile(r"[县市区州旗盟省镇乡村][两二三四五六七八九十]")
# what may qualify a noun that counts the places themselves (贫困县, 深度贫困县, 重点县); any other
# word makes it a count of what they hold (社区, 景区, 小区, 自然村)
QUALIFIER = re.compile(r"^(?:|.*(?:贫困|重点|试点|示范))$")
# what after the noun makes it a count of bodies of the places (县直部门, 市级单位), of visits
# (12个县次), or of places of another kind too (12个区县 after districts alone)
OF_BODIES = re.compile(r"^[直级属次县市区州旗盟省镇乡村]")
RUN_TOGETHER = re.compile(r"(?:[\u4e00-\u9fff]{2,3}?[市县])")
# the words a list's first name may carry before it (批准日喀则市谢通门县, 涉及铜川市)
LEAD = re.compile(r"^(?:分别是|分别为|涉及|包括|包含|批准|同意|即|有|及|和|与)")
LISTED_NOTE = "the names listed right before the count: {}"
READINGS_NOTE = (
    "the list may go on before a comma, or end in two names joined: each reading is tried"
)


def listed_counts(reading: Reading) -> Iterator[Relation]:
    for sentence in reading.sentences:
        for found in COUNT_OF_PLACES.finditer(sentence.text):
            relation = _relation(sentence.text, sentence.start, found)
            if relation is not None:
                yield relation


def _relation(text: str, offset: int, found: re.Match[str]) -> Relation | None:
    before = text[: found.start()]
    between = BETWEEN.search(before)
    listed = before[: between.start()] if between else ""
    if not listed or not "\u4e00" <= listed[-1] <= "\u9fff" or listed.endswith("的"):
        return None  # "…南山县的3个乡镇": the count is of what the places hold
    groups = GROUP_APART.split(CLAUSE_END.split(listed)[-1])
    names = groups[-1].split("、")
    stated = _stated(found, offset)
    if len(names) < 2 and "、" not in "".join(groups[:-1]):
        # names run together, 、 lost: counted by their place word, only ever shown
        run = RUN_TOGETHER.findall(groups[-1])
        if len(run) < 2 or not groups[-1].endswith("".join(run)) or stated.value != len(run):
            return None
        return _relation_of(stated, run, offset, [])
    readings = [named for named in _readings(names, groups[:-1]) if len(named) >= 2]
    matching = [named for named in readings if len(named) == stated.value]
    if matching:
        return _relation_of(
            stated, matching[0], offset, [READINGS_NOTE] if len(readings) > 1 else []
        )
    etc = between is not None and between.group("etc")
    if (
        len(readings) == 1
        and len(names) >= 2
        and not etc
        and _places_named(names, found.group("noun"))
        and not OF_BODIES.match(text[found.end() :])
    ):
        return _relation_of(stated, names, offset, [])
    return None


def _readings(names: list[str], earlier: list[str]) -> list[list[str]]:
    """The names the list may hold: those between 、, the last split if it is two joined
    (A和B), and with each group a comma before it that is itself a list of names (no figure
    in it: a prefecture's counties before the next's), or one name of a place."""
    readings = [names]
    last = JOINED.split(names[-1])
    if len(last) == 2 and all(last):
        readings.append([*names[:-1], *last])
    so_far = names
    for group in reversed(earlier):
        if re.search(r"\d", group):
            break
        if "、" not in group:
            # "青山县,白水县、红岭县3个县": one name a comma before may be the list's first
            name = group.strip()
            if 2 <= len(name) <= LONGEST_NAME and name[-1] in PLACE_WORDS:
                readings.append([name, *so_far])
            break
        so_far = [*group.split("、"), *so_far]
        readings.append(so_far)
    return readings


def _places_named(names: list[str], noun: str) -> bool:
    """Whether every name is a place of a kind the count's noun names (…县、…市 with 县市), of
    no figure, not too long, and none two joined."""
    if any(re.search(r"\d", name) or JOINED.search(name) for name in names):
        return False
    if any(len(name) > LONGEST_NAME or len(name) < 2 for name in names):
        return False
    if any(COUNTED_IN_NAME.search(name) for name in names):
        return False
    first = next(i for i, char in enumerate(noun) if char in PLACE_WORDS)
    if not QUALIFIER.match(noun[:first]):
        return False  # 社区, 景区, 自然村: what the places hold
    kinds = {char for char in re.sub(r"[(（].*", "", noun[first:]) if char in PLACE_WORDS}
    if kinds - {name[-1] for name in names}:
        return False  # 28个县市区 after cities alone: the counties of those cities
    return all(name[-1] in PLACE_WORDS and name[-1] in noun for name in names)


def _stated(found: re.Match[str], offset: int) -> Figure:
    written = found.group("n")
    value = float(written) if written.isdigit() else float(parse_chinese_numeral(written))
    start, end = offset + found.start("n"), offset + found.end()
    return Figure(found.group(), value, "item", COUNT, start, end, Interval(value, value))


def _relation_of(stated: Figure, names: list[str], offset: int, notes: list[str]) -> Relation:
    """The count of the names against the count stated after them."""
    names = [name.strip() for name in names]
    if re.search(r"\d", names[0]):  # "10个深度贫困县和赤城": the list starts after 和
        names[0] = JOINED.split(names[0])[-1]
    names[0] = LEAD.sub("", names[0]) or names[0]
    written = f"{names[0]}…{names[-1]}" if len(names) > 2 else "、".join(names)
    start = stated.start - (len("、".join(names)) + len(stated.written))
    count = float(len(names))
    listed = Figure(written, count, "item", COUNT, start, start, Interval(count, count))
    roles: dict[str, Figure | list[Figure]] = {"a": listed, "b": stated}
    notes = [LISTED_NOTE.format(written), *notes]
    return Relation("equal", roles, max(0, start), stated.end, notes=notes)
