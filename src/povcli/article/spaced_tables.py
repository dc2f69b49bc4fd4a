"""Tables whose cells stand a space apart, as a statistical yearbook's page scrapes:

    单位:万美元
    项目 Item 2020 2021
    合 计 进 口 出 口 合 计 进 口 出 口
    总  计 Total 13761247 5939398 7821849 16745149 6983278 9761871
    一般贸易 Ordinary Trade 7061597 3663684 3397912 9235196 4346229 4888967

A row is a label and two figures or more at the end of its line. The page's layout — which
rows stand indented under which, which header cell stands over which column — is lost, so
what the table states is read from the rows' figures and the words the table keeps:

- rows that add up: a row equal, in every column, to the rows that follow it (a row that
  breaks down further counted once, with its own parts skipped) — shown, as the table's
  arithmetic; where they fail in one column, it is called wrong only when the same rows add
  up in other columns, the table shows that column adds up elsewhere and the parts come to
  more than their whole (a whole above them may hold a part not listed: 全省 = 各市 + 省本级),
  or the same labels add up in every column elsewhere in the table;
- columns that add up: a column equal to the sum of the next ones in three rows or more
  (合计 = 进口 + 出口); a row where it fails is called wrong only when the header names a
  total (合计, 总计, Total) and the other rows hold three to one.

A cell that lies between its parts (a growth rate, a share, a figure per head, an index: a
weighted mean of the parts') is no sum, and is called wrong in neither way. A table's title
(表 5, 續表, Table 5) starts another table, whose header and unit are read below it only.

Each row is read once; its figures are no prose (a row's cells read as a sentence would be
taken for a list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from povcli.article.figures import Figure, figures_of
from povcli.article.grids import unit_word
from povcli.article.relations import Relation

NUMBER = re.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?")
TOKEN = re.compile(r"\S+")
YEAR = re.compile(r"(?:19|20)\d{2}")
MIN_ROWS = 3  # rows of one width before they are a table
MAX_GAP = 2  # lines of words (a section's name) a table's rows may stand apart
MAX_RUN = 12  # rows one row may break down into
MAX_LABEL = 160
HEADER_LINES = 14  # lines above a table (a blank line between two) read for its unit, header
UNIT = re.compile(r"(?:单位|單位)\s*[:：]\s*([^\s(（]+)")
TOTAL_WORDS = re.compile(r"合计|合計|总计|總計|小计|小計|(?i:total)")
CJK = re.compile(r"[\u3400-\u9fff]+")
# a table's title line (表 3-2 …, 續表, Table 5): the rows after it are another table's
TITLE = re.compile(r"\s*(?:续表|續表|表\s*[\dA-Z一二三四五六七八九十]|(?i:table)\s*\d)")

ROWS_NOTE = "the table's rows: {} adds up from the rows under it"
ROWS_ELSEWHERE_NOTE = "the same rows add up to it in every column elsewhere in the table ({})"
ROWS_COLUMNS_NOTE = (
    "the same rows add up to it in {} other columns, and this column adds up elsewhere in the table"
)
COLUMNS_NOTE = "the table's columns: column {} is the sum of the columns after it ({})"
COLUMNS_RULE_NOTE = "{} other rows of the table add up so, and its header names a total"
UNSURE_COLUMNS_NOTE = "the header names no total: the columns may only happen to add up"


@dataclass
class SpacedRow:
    """A line of a label and its figures (`None` for a figure not read)."""

    line: int
    label: str
    cells: list[Figure]


@dataclass
class SpacedTable:
    rows: list[SpacedRow]
    header: str  # the lines above the first row, compacted
    start: int
    end: int


def spaced_tables(text: str) -> list[SpacedTable]:
    """The tables of rows whose cells stand a space apart, with the lines above each."""
    lines = _lines(text)
    found: list[SpacedTable] = []
    group: list[SpacedRow] = []
    gap = 0
    floor = 0  # the first line a table's header may take: none of an earlier table's lines
    for number, (line, offset) in enumerate(lines):
        row = _row(line, offset, number)
        if row is not None:
            group.append(row)
            gap = 0
        elif line.strip():
            gap += 1
            titled = bool(TITLE.match(line))
            if group and (gap > MAX_GAP or titled):  # a table's title starts another table
                found.extend(_table(group, lines, floor))
                floor = group[-1].line + 1
                group = []
            if titled:
                floor = number
    if group:
        found.extend(_table(group, lines, floor))
    return found


def spaced_row_spans(tables: list[SpacedTable]) -> list[tuple[int, int]]:
    """Where the tables' rows stand: no prose is read there."""
    return [(row.cells[0].start, row.cells[-1].end) for table in tables for row in table.rows]


def _lines(text: str) -> list[tuple[str, int]]:
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((line, at))
        at += len(line) + 1
    return lines


def _row(line: str, offset: int, number: int) -> SpacedRow | None:
    tokens = list(TOKEN.finditer(line))
    trailing: list[re.Match[str]] = []
    for token in reversed(tokens):
        if not NUMBER.fullmatch(token.group()):
            break
        trailing.insert(0, token)
    if len(trailing) < 2 or all(YEAR.fullmatch(t.group()) for t in trailing):
        return None  # one figure, or a header of years (项目 2020 2021)
    label = line[: trailing[0].start()].strip()
    if len(label) > MAX_LABEL or re.search(r"[。，;；]", label):
        return None  # prose that happens to end in figures
    cells = [_cell(t.group(), offset + t.start()) for t in trailing]
    return SpacedRow(number, label, cells)


def _cell(text: str, start: int) -> Figure:
    """A cell in no unit known: a whole number in it stands for what rounds to it (a table's
    cells may be rounded amounts: 1 + 128 = 128 in 万美元), not for an exact count."""
    negative = text[0] in "-−"
    digits = text.lstrip("-−")
    figure = replace(figures_of(digits)[0], start=start, end=start + len(text))
    if figure.bounds.low == figure.bounds.high:
        half = 0.5
        bounds = type(figure.bounds)(figure.value - half, figure.value + half)
        figure = replace(figure, bounds=bounds)
    return figure.signed(-1) if negative else figure


def _table(
    group: list[SpacedRow], lines: list[tuple[str, int]], floor: int
) -> Iterator[SpacedTable]:
    if len(group) < MIN_ROWS:
        return
    first = group[0].line
    above = [line for line, _ in lines[max(floor, first - HEADER_LINES) : first]]
    unit = _unit(above)
    rows = [_in_unit(row, unit) for row in group] if unit else group
    start = rows[0].cells[0].start
    yield SpacedTable(rows, "".join("".join(above).split()), start, rows[-1].cells[-1].end)


def _unit(above: list[str]) -> str:
    """The table's unit from its 单位 line, when it names one unit (单位:人、所 names two)."""
    for line in reversed(above):
        found = UNIT.search(line)
        if found:
            unit = found.group(1)
            return unit if unit_word(unit) and not re.search(r"[、,，和及]", unit) else ""
    return ""


def _in_unit(row: SpacedRow, unit: str) -> SpacedRow:
    cells = []
    for cell in row.cells:
        read = figures_of(cell.written + unit)
        if len(read) != 1:
            return row
        figure = replace(read[0], start=cell.start, end=cell.end)
        cells.append(figure.signed(-1) if cell.value < 0 else figure)
    return SpacedRow(row.line, row.label, cells)


# ------------------------------------------------------------------ rows that add up


def spaced_relations(tables: list[SpacedTable]) -> Iterator[Relation]:
    """The sums each table's rows and columns state."""
    for table in tables:
        yield from _row_sums(table)
        yield from _column_sums(table)


def _adds_up(whole: Figure, parts: list[Figure]) -> bool:
    low = sum(p.bounds.low for p in parts)
    high = sum(p.bounds.high for p in parts)
    return low <= whole.bounds.high and whole.bounds.low <= high


def _blocks(table: SpacedTable) -> Iterator[list[SpacedRow]]:
    """Runs of rows on lines with nothing but blank lines between them."""
    block: list[SpacedRow] = []
    for row in table.rows:
        if block and not _adjacent(block[-1], row, table):
            yield block
            block = []
        block.append(row)
    if block:
        yield block


def _adjacent(before: SpacedRow, row: SpacedRow, table: SpacedTable) -> bool:
    # the cleaned text stands one blank line between lines
    return row.line - before.line <= 2


@dataclass
class Breakdown:
    whole: int  # index in the block
    parts: list[int]


def _breakdowns(block: list[SpacedRow]) -> list[Breakdown]:
    """Each row that the rows after it add up to in every column: a run of rows, a row that
    breaks down further counted with its own parts skipped, and a second run after a first."""
    simple = [b for i in range(len(block)) for b in _runs_from(block, i, i + 1)]
    nested = {b.whole: b for b in simple}
    found = list(simple)
    for i in range(len(block)):
        for parts in _with_subtotals(block, i, nested):
            if not any(b.whole == i and b.parts == parts for b in found):
                found.append(Breakdown(i, parts))
    for b in list(found):  # 医院总计 = two unlabelled rows = 综合医院 + … + 其他医院
        after = b.parts[-1] + 1
        for more in _runs_from(block, b.whole, after):
            if not any(f.whole == b.whole and f.parts == more.parts for f in found):
                found.append(more)
    return found


def _runs_from(block: list[SpacedRow], whole: int, start: int) -> Iterator[Breakdown]:
    row = block[whole]
    width = len(row.cells)
    if width < 2 or max(abs(c.value) for c in row.cells) < 10:
        return  # two columns at least confirm it; tiny figures add up by chance
    for end in range(start + 1, min(len(block), start + MAX_RUN)):
        run = block[start : end + 1]
        if any(len(r.cells) != width for r in run):
            return
        if all(_adds_up(row.cells[c], [r.cells[c] for r in run]) for c in range(width)):
            yield Breakdown(whole, list(range(start, end + 1)))
            return


def _with_subtotals(
    block: list[SpacedRow], whole: int, nested: dict[int, Breakdown]
) -> Iterator[list[int]]:
    """Children of the row whose own parts follow them (普通中等学校 = 普通中等专业学校 (= 中等
    技术学校 + 中等师范学校) + 普通中学 (= 高中 + 初中) + 职业中学)."""
    row = block[whole]
    width = len(row.cells)
    if width < 2 or max(abs(c.value) for c in row.cells) < 10:
        return
    children: list[int] = []
    at = whole + 1
    skipped = False
    while at < len(block) and len(children) < MAX_RUN and len(block[at].cells) == width:
        children.append(at)
        below = nested.get(at)
        if below is not None and below.parts[0] == at + 1:
            at = below.parts[-1] + 1
            skipped = True
        else:
            at += 1
        if len(children) >= 2 and skipped:
            rows = [block[c] for c in children]
            if all(_adds_up(row.cells[c], [r.cells[c] for r in rows]) for c in range(width)):
                yield children
                return


def _row_sums(table: SpacedTable) -> Iterator[Relation]:
    blocks = list(_blocks(table))
    found = [(block, b) for block in blocks for b in _breakdowns(block)]
    confirmed = {_signature(block, b) for block, b in found} - {None}
    additive = {c for block, b in found for c in range(len(block[b.whole].cells))}
    for block, b in found:
        for column in range(len(block[b.whole].cells)):
            yield _row_sum(table, block, b, column, [], confident=True)
    yield from _failing_breakdowns(table, blocks, found, confirmed, additive)


def _signature(block: list[SpacedRow], b: Breakdown) -> tuple[str, ...] | None:
    """The labels of a breakdown (its Chinese words), when every row has its own."""
    labels = [_words(block[i].label) for i in (b.whole, *b.parts)]
    if not all(labels) or len(set(labels)) != len(labels):
        return None
    return tuple(labels)


def _words(label: str) -> str:
    return "".join(CJK.findall(label))


def _failing_breakdowns(
    table: SpacedTable,
    blocks: list[list[SpacedRow]],
    found: list[tuple[list[SpacedRow], Breakdown]],
    confirmed: set[tuple[str, ...] | None],
    additive: set[int],
) -> Iterator[Relation]:
    """Rows that add up in some columns and not in one: wrong when the table shows that they
    break that row down (the same labels add up elsewhere in every column, or two other
    columns hold and the column adds up in another breakdown)."""
    known = {(id(block), b.whole, tuple(b.parts)) for block, b in found}
    for block in blocks:
        for whole in range(len(block)):
            for parts in _candidate_runs(block, whole):
                if (id(block), whole, tuple(parts)) in known:
                    continue
                b = Breakdown(whole, parts)
                yield from _judged_columns(table, block, b, confirmed, additive)


def _candidate_runs(block: list[SpacedRow], whole: int) -> Iterator[list[int]]:
    width = len(block[whole].cells)
    for end in range(whole + 2, min(len(block), whole + 1 + MAX_RUN)):
        if any(len(block[i].cells) != width for i in range(whole + 1, end + 1)):
            return
        yield list(range(whole + 1, end + 1))


def _judged_columns(
    table: SpacedTable,
    block: list[SpacedRow],
    b: Breakdown,
    confirmed: set[tuple[str, ...] | None],
    additive: set[int],
) -> Iterator[Relation]:
    row = block[b.whole]
    width = len(row.cells)
    parts = [[block[i].cells[c] for i in b.parts] for c in range(width)]
    holds = [_adds_up(row.cells[c], parts[c]) for c in range(width)]
    # a column of zeros (0 = 0 + 0) or of small counts holds by chance: no evidence
    telling = sum(h and abs(row.cells[c].value) >= 10 for c, h in enumerate(holds))
    if all(holds) or not telling:
        return
    # a cell between its parts is a mean of them (a growth rate, a share, a figure per head)
    failing = [
        c for c in range(width) if not holds[c] and not _reads_as_mean(row.cells[c], parts[c])
    ]
    signature = _signature(block, b)
    named = signature is not None and signature in confirmed
    if not named and (telling < 2 or len(failing) > 1):
        return
    for column in range(width):
        if holds[column]:
            yield _row_sum(table, block, b, column, [], confident=True)
        elif column not in failing:
            continue
        # a total above its parts may hold one the table leaves out (全省 = 各市 + 省本级)
        elif named or (column in additive and _short_of_parts(row.cells[column], parts[column])):
            note = (
                ROWS_ELSEWHERE_NOTE.format(" + ".join(signature[1:]) if signature else "")
                if named
                else ROWS_COLUMNS_NOTE.format(telling)
            )
            yield _row_sum(table, block, b, column, [note], confident=True)


def _reads_as_mean(whole: Figure, parts: list[Figure]) -> bool:
    """The whole lies between its smallest part and its largest: what a weighted mean of them
    does (a growth rate, a share, an average, an index), and no total of two parts or more."""
    low = min(p.bounds.low for p in parts)
    high = max(p.bounds.high for p in parts)
    return whole.bounds.low <= high and low <= whole.bounds.high


def _short_of_parts(whole: Figure, parts: list[Figure]) -> bool:
    """Parts none below zero that come to more than their whole: no part left out explains it."""
    least = sum(p.bounds.low for p in parts)
    return all(p.value >= 0 for p in parts) and whole.value >= 0 and least > whole.bounds.high


def _row_sum(
    table: SpacedTable,
    block: list[SpacedRow],
    b: Breakdown,
    column: int,
    notes: list[str],
    confident: bool,
) -> Relation:
    whole = block[b.whole]
    parts = [block[i].cells[column] for i in b.parts]
    label = whole.label or "the row"
    spans = [(block[i].cells[0].start, block[i].cells[-1].end) for i in (b.whole, *b.parts)]
    return Relation(
        "sum",
        {"parts": parts},
        spans[0][0],
        spans[-1][1],
        whole.cells[column],
        notes=[ROWS_NOTE.format(label), *notes],
        spans=sorted(spans),
        confident=confident,
        spaced_cells=True,
    )


# --------------------------------------------------------------- columns that add up


def _column_sums(table: SpacedTable) -> Iterator[Relation]:
    widths = sorted({len(row.cells) for row in table.rows})
    for width in widths:
        rows = [row for row in table.rows if len(row.cells) == width]
        if len(rows) < MIN_ROWS:
            continue
        for total in range(width):
            for last in range(total + 2, width):
                yield from _column_identity(table, rows, total, list(range(total + 1, last + 1)))


def _column_identity(
    table: SpacedTable, rows: list[SpacedRow], total: int, parts: list[int]
) -> Iterator[Relation]:
    holding = [r for r in rows if _adds_up(r.cells[total], [r.cells[c] for c in parts])]
    # a row whose total lies between its parts is of means (上年增长%, 比重, 人均): no sum
    failing = [
        r
        for r in rows
        if r not in holding and not _reads_as_mean(r.cells[total], [r.cells[c] for c in parts])
    ]
    # rows that show it: every part in them counts (x = x + 0 shows nothing), and not by chance
    telling = [
        r
        for r in holding
        if abs(r.cells[total].value) >= 10 and all(r.cells[c].value for c in parts)
    ]
    if len(telling) < MIN_ROWS or len(telling) < 3 * len(failing):
        return
    # a row that adds up with the next column too (合计 = 国有 + 集体 + 其他, 其他 mostly 0):
    # the parts may be more columns than these
    failing = [r for r in failing if not _adds_up_further(r, total, parts)]
    named = bool(TOTAL_WORDS.search(table.header))
    columns = f"{parts[0] + 1}–{parts[-1] + 1}"
    note = COLUMNS_NOTE.format(total + 1, columns)
    for row in [*holding, *failing]:
        figures = [row.cells[c] for c in parts]
        extra = [COLUMNS_RULE_NOTE.format(len(telling))] if row in failing else []
        if not named:
            extra = [UNSURE_COLUMNS_NOTE]
        start, end = row.cells[total].start, row.cells[parts[-1]].end
        yield Relation("sum", {"parts": figures}, start, end, row.cells[total],
                       notes=[note, *extra], confident=named, spaced_cells=True)  # fmt: skip


def _adds_up_further(row: SpacedRow, total: int, parts: list[int]) -> bool:
    more = range(parts[-1] + 1, len(row.cells))
    return any(
        _adds_up(row.cells[total], [row.cells[c] for c in range(parts[0], last + 1)])
        for last in more
    )
