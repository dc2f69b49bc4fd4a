"""`series` (issue 20, from the library issue): a period two sources state differently is
marked, and changes read in the units the figures are written in."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from povcli.index.series import disputed_periods, written_change

MINUS = "\u2212"


def _fact(fact_id: str, series: str, period: str, written: str, value: float, unit: str) -> str:
    return f"""\
  - id: {fact_id}
    section: x
    topic: [poverty]
    series: {series}
    subject: 贫困
    label: Poverty
    value: {value}
    unit: "{unit}"
    written: "{written}"
    period: "{period}"
    quote: 为{written}
    citation: {{publisher: 测试报, date: "2019-01-01", title: t, url: "http://example.org/"}}
"""


def _reference(tmp_path: Path, facts: list[str]) -> Path:
    head = """\
source:
  id: two-sources
  title: Two sources
  publisher: test
  date: "2026-01-01"
  kind: reference
facts:
"""
    path = tmp_path / "ref.yaml"
    path.write_text(head + "".join(facts), encoding="utf-8")
    return path


# Tibet's end-2015 incidence as two sources give it (data/library/provinces.yaml): 25.32%
# stands for 25.315–25.325%, 25.2% for 25.15–25.25%: they disagree beyond their rounding
TIBET = [
    _fact("incidence-2015", "incidence", "2015", "25.32%", 25.32, "%"),
    _fact("incidence-2015-pd", "incidence", "2015", "25.2%", 25.2, "%"),
    _fact("incidence-2017", "incidence", "2017", "7.9%", 7.9, "%"),
    # two sources of 2018 that agree: 551万 is 550.5–551.5万, 551.2万 is 551.15–551.25万
    _fact("poor-2018", "poor", "2018", "551万人", 5510000, "person"),
    _fact("poor-2018-b", "poor", "2018", "551.2万人", 5512000, "person"),
]


def test_a_period_two_sources_state_differently_is_marked(tmp_path: Path, cli: Any) -> None:
    ref = _reference(tmp_path, TIBET)
    rows = cli("series", "incidence", "--facts", str(ref), "-f", "json").json()
    assert [(r["period"], r["disputed"]) for r in rows] == [
        ("2015", True), ("2015", True), ("2017", False)
    ]  # fmt: skip
    table = cli("series", "incidence", "--facts", str(ref)).stdout
    assert "2015 (disputed)" in table and "2017 (disputed)" not in table
    assert "the sources disagree beyond their rounding: 25.32%" in " ".join(table.split())
    agreeing = cli("series", "poor", "--facts", str(ref), "-f", "csv").stdout
    assert {row["disputed"] for row in csv.DictReader(io.StringIO(agreeing))} == {"false"}


def test_changes_read_in_the_units_the_figures_are_written_in(tmp_path: Path, cli: Any) -> None:
    ref = _reference(tmp_path, TIBET)
    rows = cli("series", "incidence", "--facts", str(ref), "-f", "json").json()
    # 7.9 − 25.32 = −17.42 points, from the first source of 2015
    assert rows[2]["change"] == -17.42 and rows[2]["change_written"] == f"{MINUS}17.42个百分点"
    table = cli("series", "incidence", "--facts", str(ref)).stdout
    assert f"{MINUS}17.42个百分点" in table and "percentage-point" not in table


def test_written_change_by_hand() -> None:
    def record(written: str, value: float, unit: str = "person") -> dict[str, Any]:
        return {"written": written, "value": value, "unit": unit}

    # 551万 − 1660万 = −1109万; 3046万 − 4335万 = −1289万
    assert written_change(
        -11_090_000, record("551万人", 5_510_000), record("1660万人", 16_600_000)
    ) == (f"{MINUS}1109万人")
    # 8452元 − 6079元 = +2373元
    assert written_change(2373, record("8452元", 8452, "yuan"), record("6079元", 6079, "yuan")) == (
        "+2373元"
    )
    # 1.2亿 − 9899万 = +2101万: the finer scale of the two
    assert written_change(
        21_010_000, record("1.2亿", 120_000_000), record("9899万", 98_990_000)
    ) == ("+2101万")
    # a figure that is not a plain one (20多万) has no written change
    assert written_change(1, record("20多万", 200_000), record("19万", 190_000)) is None


def test_disputed_periods_compare_like_units_only() -> None:
    members = [
        {"period": "2015", "written": "25.32%", "value": 25.32, "unit": "%"},
        {"period": "2015", "written": "25.3%", "value": 25.3, "unit": "%"},
        {"period": "2016", "written": "58個", "value": 58, "unit": "county"},
        {"period": "2016", "written": "57個", "value": 57, "unit": "county"},
    ]
    # 25.3% is 25.25–25.35%, which holds 25.32%; 58 and 57 counties are exact and differ
    assert disputed_periods(members) == {"2016"}


def test_the_changes_of_a_library_series(cli: Any) -> None:
    rows = cli("series", "rural-poor-population", "-f", "json").json()
    by_period = {r["period"]: r for r in rows}
    # 551万 in 2019 after 1660万 in 2018
    assert by_period["2019"]["change_written"] == f"{MINUS}1109万人"


def test_the_list_of_series_names_the_disputed_periods(tmp_path: Path, cli: Any) -> None:
    ref = _reference(tmp_path, TIBET)
    found = {s["series"]: s for s in cli("series", "--facts", str(ref), "-f", "json").json()}
    assert found["incidence"]["disputed"] == ["2015"] and found["poor"]["disputed"] == []
