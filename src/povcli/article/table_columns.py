"""The columns of a table read as rows (`row_tables`): columns that add up, columns of shares,
columns of ratios, and a section of shares under the levels (see `spaced_tables` for the rules
of when each is judged)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from povcli.article.figures import Figure
from povcli.article.relations import Relation
from povcli.article.row_tables import MIN_ROWS, SpacedRow, SpacedTable
from povcli.article.table_cells import (
    IN_BRACKETS,
    SHARE_HEAD,
    TOTAL_WORDS,
    adds_up,
    as_percent,
    bare,
    quotient_holds,
    reads_as_mean,
    share_head,
)
from povcli.article.unit_columns import unit_columns

NAMED_ROWS = 2  # rows that show columns adding up under a header naming a total
COLUMNS_NOTE = "the table's columns: column {} is the sum of the columns after it ({})"
COLUMNS_RULE_NOTE = "{} other rows of the table add up so, and its header names a total"
UNSURE_COLUMNS_NOTE = "the header names no total: the columns may only happen to add up"
FEW_ROWS_NOTE = "only {} other rows of the table add up so: too few to call this one wrong"
SECTION_NOTE = "the table's row {} under {} is its row {} as a percentage of its row {}"


def column_relations(table: SpacedTable) -> Iterator[Relation]:
    """The sums, shares and ratios the table's columns state."""
    yield from _column_sums(table)
    yield from _share_columns(table)
    yield from _ratio_columns(table)
    yield from unit_columns(table)
    yield from _share_sections(table)


# --------------------------------------------------------------- columns that add up


def _column_sums(table: SpacedTable) -> Iterator[Relation]:
    widths = sorted({len(row.cells) for row in table.rows})
    for width in widths:
        rows = [row for row in table.rows if len(row.cells) == width]
        if len(rows) < NAMED_ROWS:
            continue
        for total in range(width):
            for last in range(total + 2, width):
                yield from _column_identity(table, rows, total, list(range(total + 1, last + 1)))


def _column_identity(
    table: SpacedTable, rows: list[SpacedRow], total: int, parts: list[int]
) -> Iterator[Relation]:
    holding = [r for r in rows if adds_up(r.cells[total], [r.cells[c] for c in parts])]
    # a row whose total lies between its parts is of means (上年增长%, 比重, 人均): no sum
    failing = [
        r
        for r in rows
        if r not in holding and not reads_as_mean(r.cells[total], [r.cells[c] for c in parts])
    ]
    # rows that show it: every part in them counts (x = x + 0 shows nothing), and not by chance
    telling = [
        r
        for r in holding
        if abs(r.cells[total].value) >= 10 and all(r.cells[c].value for c in parts)
    ]
    named = bool(TOTAL_WORDS.search(table.header))
    judged = len(telling) >= MIN_ROWS and len(telling) >= 3 * len(failing)
    if not judged and not (named and len(telling) >= NAMED_ROWS):
        return  # (two rows under a header naming a total show it, three to one judge it)
    # a row that adds up with the next column too (合计 = 国有 + 集体 + 其他, 其他 mostly 0):
    # the parts may be more columns than these
    failing = [r for r in failing if not _adds_up_further(r, total, parts)]
    columns = f"{parts[0] + 1}–{parts[-1] + 1}"
    note = COLUMNS_NOTE.format(total + 1, columns)
    # shares and their whole at 100.0, in a table whose 单位 line gives shares in %
    percent = table.has_shares and all(row.raw[total].value == 100 for row in rows)
    for row in [*holding, *failing]:
        cells = [as_percent(cell) for cell in row.raw] if percent else row.cells
        figures = [cells[c] for c in parts]
        extra = [COLUMNS_RULE_NOTE.format(len(telling))] if row in failing else []
        if not named:
            extra = [UNSURE_COLUMNS_NOTE]
        elif row in failing and not judged:
            extra = [FEW_ROWS_NOTE.format(len(telling))]
        sure = named and (judged or row not in failing)
        start, end = row.cells[total].start, row.cells[parts[-1]].end
        yield Relation("sum", {"parts": figures}, start, end, cells[total],
                       notes=[note, *extra], confident=sure, spaced_cells=True)  # fmt: skip


def _adds_up_further(row: SpacedRow, total: int, parts: list[int]) -> bool:
    more = range(parts[-1] + 1, len(row.cells))
    return any(
        adds_up(row.cells[total], [row.cells[c] for c in range(parts[0], last + 1)])
        for last in more
    )


# --------------------------------------------------------------- columns of shares

SHARE_WORDS = re.compile(r"构成|構成|比重|占比|佔比|%|％")
SHARES_NOTE = "the table's columns: column {} is column {} as a percentage of column {}"
SHARES_RULE_NOTE = "{} other rows of the table hold so, and its header names shares"
UNSURE_SHARES_NOTE = "the header names no shares: the columns may only happen to agree"


def _share_columns(table: SpacedTable) -> Iterator[Relation]:
    for width in sorted({len(row.cells) for row in table.rows}):
        rows = [row for row in table.rows if len(row.cells) == width]
        if len(rows) < MIN_ROWS:
            continue
        for share in range(width):
            if not all(0 <= row.raw[share].value <= 100 for row in rows):
                continue  # a share column holds percentages
            for whole in range(width):
                for part in range(width):
                    if len({share, whole, part}) == 3:
                        yield from _share_identity(table, rows, (part, whole, share))


RATIO_NOTE = "the table's columns: column {} is column {} over column {}"
UNSURE_RATIO_NOTE = "a column of ratios read from the figures alone: shown, never called wrong"


def _ratio_columns(table: SpacedTable) -> Iterator[Relation]:
    """A column equal to one column over another in three rows or more (学生与专任教师比:
    students over teachers): shown where it holds, never called wrong, since no header word
    says for sure that the column is that ratio."""
    for width in sorted({len(row.cells) for row in table.rows}):
        rows = [row for row in table.rows if len(row.cells) == width]
        if len(rows) < MIN_ROWS:
            continue
        for ratio in range(width):
            for a in range(width):
                for b in range(width):
                    if len({ratio, a, b}) == 3:
                        yield from _ratio_identity(rows, (a, b, ratio))


def _ratio_identity(rows: list[SpacedRow], columns: tuple[int, int, int]) -> Iterator[Relation]:
    a, b, ratio = columns
    holding = [r for r in rows if _ratio_holds(r, a, b, ratio, 1)]
    telling = [
        r
        for r in holding
        if abs(r.raw[b].value) >= 10 and r.raw[ratio].value not in (0, 1) and r.raw[a].value
    ]
    if len(telling) < MIN_ROWS or len(telling) < 3 * (len(rows) - len(holding)):
        return
    if not all("." in r.raw[ratio].written for r in telling):
        return  # a count over a ratio gives the other count back: the ratio is what is derived
    note = RATIO_NOTE.format(ratio + 1, a + 1, b + 1)
    for row in holding:
        roles: dict[str, Figure | list[Figure]] = {"a": row.raw[a], "b": row.raw[b]}
        spans = sorted((c.start, c.end) for c in (row.raw[a], row.raw[b], row.raw[ratio]))
        yield Relation("ratio", roles, spans[0][0], spans[-1][1], row.raw[ratio],
                       notes=[note, UNSURE_RATIO_NOTE], confident=False,
                       spaced_cells=True)  # fmt: skip


def _ratio_holds(row: SpacedRow, a: int, b: int, ratio: int, factor: float) -> bool:
    return quotient_holds(row.raw[a], row.raw[b], row.raw[ratio], factor)


# a row of rates or changes under the levels (比上年增长 5.0 8.0 1.7): no row of a part and
# its whole, whatever its share column holds (a share's rise in points)
RATE_ROW = re.compile(r"增长|增長|增速|增幅|增减|增減|比上年|同比|提高|下降|百分点|百分點|%|％")
RATE_NOTE = (
    "column {} is column {} less column {}: column {} is a rate of change, which a bureau may"
    " reckon on a comparable basis, so it is shown, never called wrong"
)


def _share_identity(
    table: SpacedTable, rows: list[SpacedRow], columns: tuple[int, int, int]
) -> Iterator[Relation]:
    part, whole, share = columns
    rows = [r for r in rows if not RATE_ROW.search(r.label)]
    holding = [r for r in rows if _share_holds(r, part, whole, share)]
    failing = [r for r in rows if r not in holding and r.raw[whole].value]
    # rows that show it: a whole that counts, a part neither nothing nor all of it
    telling = [r for r in holding if abs(r.raw[whole].value) >= 10 and 0 < r.raw[share].value < 100]
    if len(telling) < MIN_ROWS or len(telling) < 3 * len(failing):
        return
    named = bool(SHARE_WORDS.search(table.header))
    note = SHARES_NOTE.format(share + 1, part + 1, whole + 1)
    later = _later_column(telling, part, whole)
    for row in [*holding, *failing]:
        extra = [SHARES_RULE_NOTE.format(len(telling))] if row in failing else []
        if not named:
            extra = [UNSURE_SHARES_NOTE]
        if later is not None:  # 增加额 over last year's level: a growth rate, no share
            extra = [RATE_NOTE.format(part + 1, later + 1, whole + 1, share + 1)]
        claimed = as_percent(row.raw[share])
        spans = sorted((c.start, c.end) for c in (row.cells[part], row.cells[whole], claimed))
        roles: dict[str, Figure | list[Figure]] = {
            "part": row.cells[part],
            "whole": row.cells[whole],
        }
        yield Relation("share", roles, spans[0][0], spans[-1][1], claimed, notes=[note, *extra],
                       confident=named and later is None, spaced_cells=True)  # fmt: skip


def _later_column(rows: list[SpacedRow], part: int, whole: int) -> int | None:
    """The column the part is the change to from the whole, in every row (2023年 = 2022年 +
    增加额): then part over whole is a growth rate."""
    for column in range(len(rows[0].raw)):
        if column not in (part, whole) and all(
            adds_up(r.raw[column], [r.raw[whole], r.raw[part]]) for r in rows
        ):
            return column
    return None


def _share_holds(row: SpacedRow, part: int, whole: int, share: int) -> bool:
    return _ratio_holds(row, part, whole, share, 100)


# ------------------------------------------------------- a section of shares of levels


# a row heading a section of shares at 100 in every column (总产出构成(%), 比重): the rows under it
# are the shares of the rows of the same labels above, in the total the heading names
def share_sections(tables: list[SpacedTable], taken: list[tuple[int, int]]) -> Iterator[Relation]:
    """The sections of shares of the tables a header was read for (`taken`), which the
    relations of their header do not read."""
    for table in tables:
        if any(start <= table.start < end for start, end in taken):
            yield from _share_sections(table)


def _share_sections(table: SpacedTable) -> Iterator[Relation]:
    rows = table.rows
    for at, head in enumerate(rows):
        if not share_head(head):
            continue
        named = bare(SHARE_HEAD.sub("", IN_BRACKETS.sub("", head.label)))
        wholes = [i for i in range(at) if named and bare(rows[i].label) == named]
        if not wholes:
            continue
        whole = rows[wholes[0]]
        triples = []
        for share in rows[at + 1 :]:
            if share_head(share) or len(share.cells) != len(whole.cells):
                break
            level = next(
                (r for r in rows[wholes[0] + 1 : at] if bare(r.label) == bare(share.label)),
                None,
            )
            if level is not None and bare(share.label) and len(level.cells) == len(whole.cells):
                triples.append((level, share))
        yield from _judged_section(head, whole, triples)


def _judged_section(
    head: SpacedRow, whole: SpacedRow, triples: list[tuple[SpacedRow, SpacedRow]]
) -> Iterator[Relation]:
    cells = [
        (level.cells[c], whole.cells[c], share.raw[c], bare(share.label))
        for level, share in triples
        for c in range(len(whole.cells))
    ]
    if cells and all(re.search(r"\.\d*0$", cell[2].written) for cell in cells):
        # every share printed with a last 0 (10.50, 62.40): a format's digit, not a measured one
        shares = [as_percent(cell[2], digits_less=1) for cell in cells]
    else:
        shares = [as_percent(cell[2]) for cell in cells]
    cells = [(p, t, share, label) for (p, t, _, label), share in zip(cells, shares, strict=True)]
    holding = [cell for cell in cells if quotient_holds(*cell[:3], 100)]
    telling = [cell for cell in holding if 0 < cell[2].value < 100]
    failing = [cell for cell in cells if cell not in holding]
    if len(telling) < MIN_ROWS or len(telling) < 3 * len(failing):
        return
    for part, total, share, label in cells:
        note = SECTION_NOTE.format(label, bare(head.label), label, bare(whole.label))
        roles: dict[str, Figure | list[Figure]] = {"part": part, "whole": total}
        claimed = share  # a percentage, in the bounds it was judged in
        start, end = min(part.start, claimed.start), max(part.end, claimed.end)
        yield Relation("share", roles, start, end, claimed, notes=[note], confident=True,
                       spaced_cells=True)  # fmt: skip
