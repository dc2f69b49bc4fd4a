"""Figures as articles write them: a list that names its unit once, at its end."""

from __future__ import annotations

import pytest

from povcli.article.figures import figures_of


def _read(text: str) -> list[tuple[str, str | None, float, float, float]]:
    return [
        (f.written, f.unit, f.value, round(f.bounds.low, 6), round(f.bounds.high, 6))
        for f in figures_of(text)
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # "2.1和2.4个百分点": 2.1 is in points, its rounding ±0.05
        ("分别拉动增长2.1和2.4个百分点", ("2.1", "percentage-point", 2.1, 2.05, 2.15)),
        ("分別拉動增長2.1和2.4個百分點", ("2.1", "percentage-point", 2.1, 2.05, 2.15)),
        # a scale is of the unit the list names: "3和4万人" are 3万 and 4万 people
        ("分别为3和4万人", ("3", "person", 30000.0, 25000.0, 35000.0)),
        ("分别为1000、2000元", ("1000", "yuan", 1000.0, 999.5, 1000.5)),
    ],
)
def test_a_bare_number_takes_the_unit_its_list_ends_with(text: str, first: tuple) -> None:
    assert _read(text)[0] == first


def test_a_minus_sign_in_the_list_is_the_figures() -> None:
    """ "0.15、-5.64、1.34个百分点": the unit runs back the whole list, and -5.64 is negative."""
    found = _read("拉动贡献分别为0.15、-5.64、1.34个百分点")
    assert found[:2] == [
        ("0.15", "percentage-point", 0.15, 0.145, 0.155),
        ("-5.64", "percentage-point", -5.64, -5.645, -5.635),
    ]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("三次产业结构为6.0:46.9:47.1", "6.0"),  # a ratio's terms are joined by colons
        ("2019、2020年两批", "2019"),  # a year ends the list: a date, no unit
        ("指数为6.0,46.9亿元", "6.0"),  # a comma ends a clause, no list
    ],
)
def test_no_unit_is_given_across_what_is_no_list(text: str, bare: str) -> None:
    assert [unit for written, unit, *_ in _read(text) if written == bare] == [None]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a minus after an enumeration comma is the figure's own, whatever its unit
        ("分别为3.0%、-1.2%", ("-1.2%", "%", -1.2, -1.25, -1.15)),
        ("分别拉动0.5、-1.2个百分点", ("-1.2个百分点", "percentage-point", -1.2, -1.25, -1.15)),
    ],
)
def test_a_minus_after_an_enumeration_comma_is_the_figures(text: str, figure: tuple) -> None:
    assert figure in _read(text)
