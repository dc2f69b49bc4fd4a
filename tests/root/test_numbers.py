from __future__ import annotations

import pytest
import yaml

from povcli.numbers import (
    ABOUT,
    MORE_THAN,
    MULTIPLE,
    NEARLY,
    PERCENT,
    PERCENTAGE_POINT,
    RANGE,
    NumberError,
    parse_chinese_numeral,
    parse_quantity,
)
from tests.helpers import CATALOG

# Every written form in the shipped catalog, with its value worked out by hand.
CATALOG_FORMS = {
    "兩次": 2,
    "58個": 58,
    "7993個": 7993,
    "329萬": 3_290_000,
    "4875元": 4875,
    "9379元": 9379,
    "11.5%": 11.5,
    "7667元": 7667,
    "9.5%": 9.5,
    "五級": 5,
    "5年": 5,
    "四種": 4,
    "26家": 26,
    "35個": 35,
    "14家": 14,
    "47個": 47,
    "1105個": 1105,
    "2516家": 2516,
    "39.4億元": 3_940_000_000,
    "6222個": 6222,
    "10095個": 10095,
    "2309個": 2309,
    "3.26億元": 326_000_000,
    "12231個": 12231,
    "3240個": 3240,
    "6095個": 6095,
    "20多頭": 20,
    "20多萬元": 200_000,
    "八大": 8,
    "2至3個": 2,
    "127.7萬": 1_277_000,
    "五有": 5,
    "5479座": 5479,
    "53座": 53,
    "20萬元": 200_000,
    "三大": 3,
    "300個": 300,
    "6833個": 6833,
    "90多個": 90,
    "1009個": 1009,
    "五大": 5,
    "52.3萬": 523_000,
    "六環": 6,
    "七個": 7,
    "3365個": 3365,
    "1122個": 1122,
    "1049所": 1049,
    "1044所": 1044,
    "三保險": 3,
    "三救助": 3,
    "185.67萬人次": 1_856_700,
    "25.03萬人": 250_300,
    "12.45萬人": 124_500,
    "三個": 3,
    "5319元": 5319,
    "44.6萬": 446_000,
    "145.7萬人次": 1_457_000,
    "20.65萬": 206_500,
    "兩項": 2,
    "兩年": 2,
    "70多歲": 70,
    "10個": 10,
    "1.8萬處": 18_000,
    "190萬": 1_900_000,
    "33.3萬戶": 333_000,
    "7835所": 7835,
    "13045個": 13045,
    "五進": 5,
    "九銷": 9,
    "2294個": 2294,
    "88億元": 8_800_000_000,
    "24.22萬": 242_200,
    "八年": 8,
    "五年": 5,
}


def test_table_covers_every_written_form_of_the_catalog() -> None:
    with CATALOG.open(encoding="utf-8") as handle:
        written = {fact["written"] for fact in yaml.safe_load(handle)["facts"]}
    assert written == set(CATALOG_FORMS)


@pytest.mark.parametrize(("written", "expected"), sorted(CATALOG_FORMS.items()))
def test_catalog_forms(written: str, expected: float) -> None:
    assert parse_quantity(written).value == expected


@pytest.mark.parametrize(
    ("written", "value", "value_max", "qualifier", "measure"),
    [
        ("185.67萬人次", 1_856_700, None, None, "人次"),
        ("20多萬元", 200_000, None, MORE_THAN, "元"),
        ("2至3個", 2, 3, RANGE, "個"),
        ("2萬至3萬人", 20_000, 30_000, RANGE, "人"),
        ("2至3萬人", 20_000, 30_000, RANGE, "人"),
        ("近20萬人", 200_000, None, NEARLY, "人"),
        ("約5萬戶", 50_000, None, ABOUT, "戶"),
        ("5萬戶左右", 50_000, None, ABOUT, "戶"),
        ("20個以上", 20, None, MORE_THAN, "個"),
        ("1000余人", 1000, None, MORE_THAN, "人"),
        ("3,215億元", 321_500_000_000, None, None, "元"),
        ("12,350元", 12_350, None, None, "元"),
        ("2.3萬億元", 2_300_000_000_000, None, None, "元"),
        ("2.3万亿元", 2_300_000_000_000, None, None, "元"),
        ("39.4亿元", 3_940_000_000, None, None, "元"),
        ("329万", 3_290_000, None, None, ""),
        ("3千米", 3, None, None, "千米"),  # a kilometre count, not 3000 metres
        ("5千元", 5_000, None, None, "元"),
        ("5.75兆元", 5_750_000_000_000, None, None, "元"),  # Taiwan's million million
        ("0.84兆元", 840_000_000_000, None, None, "元"),
        ("120兆瓦", 120, None, None, "兆瓦"),  # a megawatt, no scale
        ("2兆赫", 2, None, None, "兆赫"),
        ("１１２２個", 1122, None, None, "個"),
    ],
)
def test_forms_of_the_genre(
    written: str, value: float, value_max: float | None, qualifier: str | None, measure: str
) -> None:
    quantity = parse_quantity(written)
    assert (quantity.value, quantity.value_max, quantity.qualifier, quantity.measure) == (
        value,
        value_max,
        qualifier,
        measure,
    )


@pytest.mark.parametrize(
    ("written", "kind", "value"),
    [
        ("11.5%", PERCENT, 11.5),
        ("11.5％", PERCENT, 11.5),
        ("0.8個百分點", PERCENTAGE_POINT, 0.8),
        ("0.8个百分点", PERCENTAGE_POINT, 0.8),
        ("2.05倍", MULTIPLE, 2.05),
    ],
)
def test_kinds(written: str, kind: str, value: float) -> None:
    quantity = parse_quantity(written)
    assert (quantity.kind, quantity.value) == (kind, value)


@pytest.mark.parametrize(
    ("written", "resolution"),
    [("11.5%", 0.1), ("4875元", 1), ("39.4億元", 10_000_000), ("329萬", 10_000), ("185.67萬", 100)],
)
def test_resolution_is_one_unit_of_the_last_written_digit(written: str, resolution: float) -> None:
    assert parse_quantity(written).resolution == pytest.approx(resolution)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十三", 13),
        ("二十", 20),
        ("兩百零五", 205),
        ("三千二百", 3200),
        ("二〇二一", 2021),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert parse_chinese_numeral(numeral) == value


@pytest.mark.parametrize("bad", ["", "abc", "元", "1.2.3", "十三五"])
def test_not_a_figure(bad: str) -> None:
    with pytest.raises(NumberError):
        parse_quantity(bad)


def test_values_are_exact_not_binary_floats() -> None:
    # 185.67 * 10000 in binary floating point is 1856699.9999999998
    assert parse_quantity("185.67萬").value == 1_856_700
    assert isinstance(parse_quantity("185.67萬").value, int)


def test_a_figure_after_chaoguo_is_open_above() -> None:
    from povcli.numbers import MORE_THAN, bounds_of, parse_quantity

    # 超过5000万 / 超過5000萬 / 逾20%: anything from the figure up, with no upper end
    for written, low in (("超过5000万", 5e7), ("超過5000萬人", 5e7), ("逾20%", 20.0)):
        quantity = parse_quantity(written)
        assert quantity.qualifier == MORE_THAN
        assert (bounds_of(quantity).low, bounds_of(quantity).high) == (low, float("inf"))
