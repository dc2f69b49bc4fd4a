"""The results of many articles, written as they come: each relation a record with its file.

`--format jsonl` writes one JSON object a line; `json` one JSON array (streamed, so it is
valid JSON however many files); `csv` one row a relation under one header; `yaml` one list;
`claimreview` one array of ClaimReview objects; `table` each article's relations under its
name. A summary table, one row per file, closes the output (on stderr but for tables).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from povcli.errors import OutputClosed
from povcli.output.formats import (
    _JSON_ESCAPES,
    _JSON_RAW,
    _csv_cell,
    _finite,
    print_renderable,
    to_json,
    to_yaml,
)
from povcli.output.lines import Canvas, Column, Lines, records_table, rule

if TYPE_CHECKING:
    from povcli.article.batch import Checked

MANY_FORMATS = ("table", "json", "jsonl", "csv", "yaml", "claimreview")
SUMMARY = ("found", "consistent", "inconsistent", "unverifiable")


def json_line(record: dict[str, Any]) -> str:
    """One record as one line of JSON (NaN as null, terminal controls \\u-escaped)."""
    text = json.dumps(_finite(record), ensure_ascii=False, allow_nan=False)
    return text.translate(_JSON_ESCAPES) if _JSON_RAW.search(text) else text


class ManyWriter:
    """Writes each article's relations in one format as the articles come."""

    def __init__(self, fmt: str, reviewer: str = "povcli", reviewed_on: str = "") -> None:
        self.fmt, self.reviewer, self.reviewed_on = fmt, reviewer, reviewed_on
        self.items = 0  # JSON array items written so far
        self.columns: list[str] | None = None  # the CSV header, from the first record

    def article(self, checked: Checked) -> None:
        records = [{"file": checked.name, **record} for record in checked.records]
        try:
            if self.fmt == "jsonl":
                sys.stdout.writelines(json_line(record) + "\n" for record in records)
            elif self.fmt == "json":
                self._array(to_json(record) for record in records)
            elif self.fmt == "claimreview":
                self._array(to_json(review) for review in self._reviews(checked))
            elif self.fmt == "csv":
                self._csv(records)
            elif self.fmt == "yaml":
                sys.stdout.writelines(to_yaml([record]) for record in records)
            elif records:
                print_renderable(_article_table(checked))
        except BrokenPipeError:
            raise OutputClosed from None

    def close(self) -> None:
        try:
            if self.fmt in ("json", "claimreview"):
                sys.stdout.write("\n]\n" if self.items else "[]\n")
        except BrokenPipeError:
            raise OutputClosed from None

    def _reviews(self, checked: Checked) -> list[dict[str, Any]]:
        from povcli.output.claimreview import claim_reviews  # --format claimreview only

        return claim_reviews(checked.results, checked.metadata, self.reviewer, self.reviewed_on)

    def _array(self, items: Any) -> None:
        for item in items:
            sys.stdout.write(",\n  " if self.items else "[\n  ")
            sys.stdout.write(item.replace("\n", "\n  "))  # JSON strings hold no raw newline
            self.items += 1

    def _csv(self, records: Sequence[dict[str, Any]]) -> None:
        import csv

        if not records:
            return
        if self.columns is None:
            self.columns = list(records[0])
            if "borrowed" not in self.columns:  # the one key a record may leave out
                self.columns.append("borrowed")
            sys.stdout.write(",".join(self.columns) + "\n")
        writer = csv.DictWriter(
            sys.stdout, fieldnames=self.columns, lineterminator="\n", extrasaction="ignore"
        )
        for record in records:
            writer.writerow({key: _csv_cell(record.get(key)) for key in self.columns})


def _article_table(checked: Checked) -> Lines:
    """An article's name as a heading, then its relations as `povcli check` shows them."""
    from povcli.output.tables import check_findings  # Rich's tables: the table format only

    findings = check_findings(checked.records)

    def produce(lines: Lines, canvas: Canvas) -> Any:
        yield from rule(canvas, canvas.cell(f"file {checked.name}", "bold reverse"))
        yield from findings.produce(lines, canvas)

    return Lines(produce)


def summary_rows(done: Sequence[Checked]) -> list[dict[str, Any]]:
    """One row per file: its counts, or the error that stopped it."""
    rows = []
    for checked in done:
        counts: dict[str, Any] = checked.counts()
        if checked.error is not None:
            counts = {key: "" for key in SUMMARY}
        rows.append({"file": checked.name, **counts, "note": _note(checked)})
    return rows


def _note(checked: Checked) -> str:
    if checked.error is not None:
        return f"error: {checked.error}"
    return checked.note or ""


def summary_table(done: Sequence[Checked]) -> Lines:
    """The per-file table (found / consistent / inconsistent / unverifiable), with a total."""
    rows = summary_rows(done)
    total: dict[str, Any] = {"file": f"all {len(done)} files"}
    for key in SUMMARY:
        total[key] = sum(row[key] for row in rows if row[key] != "")
    failed = sum(checked.error is not None for checked in done)
    total["note"] = f"{failed} could not be checked" if failed else ""
    columns = [
        Column("file", "file", style="cyan", min_width=24),
        *(Column(key, key, justify="right", no_wrap=True) for key in SUMMARY),
        Column("note", "note", min_width=10, drop=1),
    ]
    return records_table([*rows, total], columns)


def print_summary(done: Sequence[Checked], on_stdout: bool) -> None:
    print_renderable(summary_table(done), stderr=not on_stdout)
