"""The false alarm of fresh trial 17, in my own words and figures: 財訊's copy of 主計總處's labour
figures spaces them ("失業人數 46 萬 1 千人,較上月增加 8 千人或 1.84%"), and the level was read as
1千人 with its 46萬 left behind. 21000 / (11523000 − 21000) = 0.18%; 5000 / (446000 + 5000) =
1.11%."""

from __future__ import annotations

from povcli.numbers import parse_quantity
from tests.helpers import accused, both_scripts, of_kind

LABOUR = (
    "7 月就業人數 1,152 萬 3 千人,較上月增加 2 萬 1 千人或 0.18%;"
    "7 月失業人數 44 萬 6 千人,較上月減少 5 千人或 {rate}%。"
)


def test_a_spaced_count_in_wan_and_thousands_is_one_figure() -> None:
    assert parse_quantity("1,152萬3千人").value == 11_523_000
    for text in both_scripts(LABOUR.format(rate="1.11")):
        rates = [(verdict, values) for verdict, values, _ in of_kind(text, "change-rate")]
        assert ("consistent", [21_000.0, 11_523_000.0]) in rates, rates
        assert ("consistent", [5_000.0, 446_000.0]) in rates, rates
        assert accused(text) == [], text


def test_a_wrong_rate_of_a_spaced_count_is_caught() -> None:
    for text in both_scripts(LABOUR.format(rate="1.81")):
        assert [values for _, _, values, _ in accused(text)] == [[5_000.0, 446_000.0]], text
