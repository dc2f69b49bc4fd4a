"""The items of a numbered list under a heading that names a whole stated just before it: a
budget release states "税收收入150.6亿元" and then "主要税收收入项目情况:", then
"1.国内增值税74.4亿元,增长10.2%。" … "8.环境保护税、车船税等其他税收收入5亿元,增长9.5%。", one
item a paragraph; or unnumbered, each item a short line closed by ; and the last by 。
("主要税收收入项目情况如下:" then "增值税393.9亿元,同比增长8.1%;" … "契税、土地增值税等地方税收
242.2亿元,同比下降0.3%。"). Each item's amounts in the whole's unit are its parts (an item may list
several: "6.土地和房地产相关税收中,土地增值税9.3亿元…;契税11.2亿元…"; an item with 其中 gives
its own amount first, the rest are within it).

- A list whose last item holds the others (其他, 其它, 契税、土地增值税等) is the whole: its
  items add up to it, and their levels and rates make its rate. Short of the whole, it is
  called wrong only where each item gave one amount (an item of several may hold one not
  read); above it, it is.
- A list of some items (主要支出科目) is part of the whole: called wrong only when its items,
  one amount each, come to more than the whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.near import additive, shared_run, text_span
from povcli.article.notes import LEVEL, Note, Reading, simplified
from povcli.article.partitions import growth_of_sum
from povcli.article.relations import Relation
from povcli.article.table_cells import exceeds_whole

# a paragraph's last words announcing a list: 主要税收收入项目情况:
HEADING = re.compile(r"([\u4e00-\u9fff]{2,20})[:：]\s*$")
ITEM = re.compile(r"\s*(\d{1,2})\s*[.．、]")
OTHERS = re.compile(r"其[他它]|、[^、,，;；。]{1,10}等")
# an unnumbered item: a short line closed by ; (the last by 。), one amount in it
LINE_ITEM = re.compile(r"^[^,，;；。:：]{2,24}\d[^;；。]{0,40}[;；。]\s*$")
MAX_LINE = 80
CLAUSES = re.compile(r"[;；]")
# words of a heading that name no measure
FILLER = re.compile(r"主要|情况|项目|科目|如下|分别|具体|构成")
MIN_ITEMS = 3
MIN_SHARED = 2

SUM_NOTE = "the items listed under '{}' add up to it, the last holding the others"
PART_NOTE = "the items listed under '{}' are some of it"


def numbered_items(reading: Reading) -> Iterator[Relation]:
    by_paragraph: dict[int, list[Note]] = {}
    for note in reading.notes:
        by_paragraph.setdefault(note.paragraph, []).append(note)
    for number, (start, end) in enumerate(reading.paragraphs):
        heading = HEADING.search(reading.simple[start:end])
        if heading is None:
            continue
        named = FILLER.sub("", heading.group(1))
        whole = _whole(by_paragraph.get(_holding(by_paragraph, number), []), named)
        items = _items(reading, number + 1)
        if whole is None or len(items) < MIN_ITEMS:
            continue
        each = [[_amounts(reading, line, by_paragraph, whole) for line in item] for item in items]
        if not any(each[-1]) and items[-1][-1] == len(reading.paragraphs) - 1:
            items, each = items[:-1], each[:-1]  # the text cut inside its last item
        parts = [[n for line in item for n in line] for item in each]
        if len(items) < MIN_ITEMS or not all(parts):
            continue
        # (a line of an item that gives several amounts may hold one within another)
        one_each = all(len(line) <= 1 for item in each for line in item)
        relation = _relation(reading, whole, items, parts, heading.group(1), one_each)
        yield relation
        yield from _taxes_of_revenue(reading, whole, parts, by_paragraph, one_each)
        if relation.kind == "sum":  # all of it: the items' levels and rates make its rate
            yield from growth_of_sum(reading, [n for amounts in parts for n in amounts], whole)


# a tax's name (增值税, 契税, 城镇土地使用税), not 非税收入; the taxes' whole, 税收收入
TAX = re.compile(r"税$")
TAXES_NOTE = "the taxes listed under '{}' are some of the tax revenue"
# what may open a revenue's name besides it: its number, place, the whole it is of, a verb
NAME_OPENING = re.compile(
    r"^(?:\s*\d{1,2}\s*[.．、])?(?:全国|全省|全市|全县|全区|其中|累计|完成|实现|[,，:：\s]|[^,，。;；]{2,16}中的)*"
)
BUDGET_REVENUE = re.compile(r"(?:一般公共预算|公共财政预算)收入$")
REVENUE_NOTE = "tax revenue and non-tax revenue make the budget's revenue"


def _taxes_of_revenue(
    reading: Reading,
    whole: Note,
    parts: list[list[Note]],
    by_paragraph: dict[int, list[Note]],
    one_each: bool,
) -> Iterator[Relation]:
    """ "全市一般公共预算收入535668万元…其中…税收收入430405万元" then "主要收入项目情况如下:
    1.增值税…" … "9.非税收入…": the taxes among the revenue's items are within its 税收收入."""
    amounts = [n for item in parts for n in item]
    taxes = [n for n in amounts if TAX.search(simplified(n.subject).strip())]
    if len(taxes) < MIN_ITEMS or len(taxes) == len(amounts):
        return
    revenue = [
        n
        for n in by_paragraph.get(whole.paragraph, [])
        if n.role == LEVEL
        and _bare_name(n.subject) == "税收收入"  # not 地方税收收入, a part of it
        and n.figure.same_unit(whole.figure)
        and n.period == whole.period
    ]
    if len({n.figure.value for n in revenue}) != 1:
        return
    figures = [n.figure for n in taxes]
    start, end, spans = text_span(reading, revenue[0], *taxes)
    yield Relation("subset", {"part": figures, "whole": revenue[0].figure}, start, end,
                   notes=[TAXES_NOTE.format(simplified(revenue[0].subject))], spans=spans,
                   confident=one_each or not exceeds_whole(revenue[0].figure, figures))  # fmt: skip
    others = [n for n in amounts if _bare_name(n.subject) == "非税收入"]
    if len(others) == 1 and BUDGET_REVENUE.search(simplified(whole.subject)):
        # 税收收入 and 非税收入 make a budget's revenue, the second an item of the list
        made_of = [revenue[0], others[0]]
        start, end, spans = text_span(reading, whole, *made_of)
        yield Relation("sum", {"parts": [n.figure for n in made_of]}, start, end, whole.figure,
                       notes=[REVENUE_NOTE], spans=spans)  # fmt: skip
        yield from growth_of_sum(reading, made_of, whole)


def _bare_name(subject: str) -> str:
    """A revenue's name without its number, place, whole or verb: "税收收入" of "全市一般公共预算
    收入中的税收收入", "非税收入" of "9.非税收入"; "地方税收收入" stays as it is."""
    return NAME_OPENING.sub("", simplified(subject).strip())


def _whole(notes: list[Note], named: str) -> Note | None:
    """The level of the paragraph whose words share the most with the heading's measure (税收收入
    for 主要税收收入项目), the first of equals: the paragraph's total before its own parts."""
    best, best_shared = None, MIN_SHARED - 1
    for note in notes:
        if note.role != LEVEL or not additive(note):
            continue
        shared = shared_run(named, note.subject)
        if shared > best_shared:
            best, best_shared = note, shared
    return best


def _holding(by_paragraph: dict[int, list[Note]], heading: int) -> int:
    """The heading's paragraph, or, where it is a line of words alone ("主要收入项目情况如下:"),
    the paragraph before it that holds figures."""
    at = heading
    while at > 0 and at not in by_paragraph:
        at -= 1
    return at


def _items(reading: Reading, first: int) -> list[list[int]]:
    """The paragraphs of each item after the heading, numbered 1, 2, 3 … in turn, else its
    lines up to the one closed by 。, one paragraph an item."""
    return _numbered(reading, first) or [[line] for line in _lines(reading, first)]


def _lines(reading: Reading, first: int) -> list[int]:
    found: list[int] = []
    for number in range(first, len(reading.paragraphs)):
        start, end = reading.paragraphs[number]
        line = reading.simple[start:end].strip()
        if len(line) > MAX_LINE or not LINE_ITEM.match(line):
            return []
        found.append(number)
        if line[-1] == "。":
            return found
    return []


def _numbered(reading: Reading, first: int) -> list[list[int]]:
    """Each numbered item's paragraphs: its own, and where it ends with a colon ("8.土地和房地产
    相关税收中:") the lines after it up to the next number."""
    found: list[list[int]] = []
    for number in range(first, len(reading.paragraphs)):
        start, end = reading.paragraphs[number]
        words = reading.simple[start:end]
        label = ITEM.match(words)
        if label is not None and int(label.group(1)) == len(found) + 1:
            found.append([number])
        elif label is None and found and _opens_lines(reading, found[-1]):
            found[-1].append(number)
        else:
            break
    return found


def _opens_lines(reading: Reading, item: list[int]) -> bool:
    start, end = reading.paragraphs[item[0]]
    return reading.simple[start:end].rstrip().endswith((":", "："))


def _amounts(
    reading: Reading, item: int, by_paragraph: dict[int, list[Note]], whole: Note
) -> list[Note]:
    """The item's amount, or one a clause where ; parts several ("契税11.2亿元…;房产税1.8亿元…"):
    the first in each, so a budget's or last year's amount after it ("教育支出62000万元,为预算数
    的98.4%(预算数63000万元)", "增值税32000万元,上年为30500万元") is none of the parts."""
    levels = [
        n
        for n in by_paragraph.get(item, [])
        if n.role == LEVEL and n.figure.same_unit(whole.figure) and n.period == whole.period
    ]
    start, end = reading.paragraphs[item]
    words = reading.simple[start:end]
    if "其中" in words:
        return levels[:1]
    first: dict[int, Note] = {}
    for n in levels:
        clause = len(CLAUSES.findall(words, 0, n.figure.start - start))
        first.setdefault(clause, n)
    return list(first.values())


def _relation(
    reading: Reading,
    whole: Note,
    items: list[list[int]],
    parts: list[list[Note]],
    heading: str,
    one_each: bool,
) -> Relation:
    notes = [n for amounts in parts for n in amounts]
    figures = [n.figure for n in notes]
    start, end, spans = text_span(reading, whole, *notes)
    last_start, last_end = reading.paragraphs[items[-1][0]]
    exceeds = exceeds_whole(whole.figure, figures)
    if OTHERS.search(reading.simple[last_start:last_end]):
        high = sum(f.bounds.high for f in figures)
        short = high < whole.figure.bounds.low
        # short of the whole, wrong only where each item gave one amount: none was left unread
        return Relation("sum", {"parts": figures}, start, end, whole.figure,
                        notes=[SUM_NOTE.format(heading)], spans=spans,
                        confident=one_each or not short)  # fmt: skip
    return Relation("subset", {"part": figures, "whole": whole.figure}, start, end,
                    notes=[PART_NOTE.format(heading)], spans=spans,
                    confident=one_each or not exceeds)  # fmt: skip
