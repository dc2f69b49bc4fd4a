"""Tables laid out line by line: streamed, fitted to the terminal, the same plain or styled."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from rich.cells import cell_len
from rich.text import Text

from povcli.output.lines import SAMPLE, Column, _wrap_plain, records_table

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_the_first_row_is_out_before_the_last_is_read() -> None:
    read = []

    def records() -> Any:
        for number in range(3120):
            read.append(number)
            yield {"id": f"fact-{number}", "subject": "貧困人口" * (number % 5 + 1)}

    lines = records_table(records(), [Column("id", "id"), Column("subject", "subject")])
    produced = lines.lines(100)
    for line in produced:  # the top border, the header, the rule under it, the first row
        if str(line).startswith("│"):
            break
    assert len(read) <= SAMPLE  # the widths come from the first rows only
    rest = list(produced)
    assert len(read) == 3120 and str(rest[-1]).startswith("└")


def test_plain_wrapping_is_rich_s() -> None:
    rng = random.Random(5)
    words = [
        "貧困地區農民人均可支配收入",
        "computed",
        "12.77%",
        "(bounds",
        "a",
        "  ",
        "—",
        "x" * 30,
    ]
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", "\n"]) for _ in range(9))
        width = rng.randint(2, 50)
        rich = [line.plain.rstrip() for line in Text(text).wrap(None, width, justify="default")]  # type: ignore[arg-type]
        assert _wrap_plain(text, width) == rich, (text, width)


def _widths(text: str) -> list[int]:
    return [cell_len(line) for line in text.splitlines()]


@pytest.mark.parametrize("columns", ["0", "1", "3", "19"])
def test_a_narrow_or_zero_width_stacks_at_twenty_columns(cli: Any, columns: str) -> None:
    run = cli("list", "--section", "lead", env={"COLUMNS": columns})
    assert run.exit_code == 0
    assert run.stdout.startswith("id ")  # stacked, not cropped, not empty
    assert max(_widths(run.stdout)) <= 20
    assert "…" not in run.stdout
    assert "貧困地區農民人均可支配收入" in run.stdout.replace("\n", "").replace(" ", "")


def test_a_huge_width_is_clamped(cli: Any) -> None:
    run = cli("verify", "growth", env={"COLUMNS": "10000000"})
    assert max(_widths(run.stdout)) == 500  # the rule under the title runs to the width
    assert len(run.stdout) < 10_000


def test_eighty_columns_keep_a_table_and_leave_out_the_period(cli: Any) -> None:
    run = cli("list", "--section", "lead", env={"COLUMNS": "80"})
    lines = run.stdout.splitlines()
    assert lines[0].startswith("┏") and lines[-1].startswith("└")
    assert [h.strip() for h in lines[1].strip("┃").split("┃")] == [
        "id", "subject", "written", "value",
    ]  # fmt: skip
    assert max(_widths(run.stdout)) <= 80
    assert "3,290,000 person" in run.stdout  # a figure is never split


def test_plain_and_styled_tables_say_the_same(cli: Any) -> None:
    for args in (["list", "--section", "lead"], ["verify", "growth"], ["search", "光伏"]):
        plain = cli(*args, env={"COLUMNS": "90"}).stdout
        styled = cli(*args, env={"COLUMNS": "90", "FORCE_COLOR": "1"}).stdout
        assert "\x1b[" in styled
        assert [ANSI.sub("", line).rstrip() for line in styled.splitlines()] == [
            line.rstrip() for line in plain.splitlines()
        ]
