"""兆 is a million million where Taiwan's and Hong Kong's copy writes money ("總花費5.75兆元"), and
a megawatt's mega before a unit (兆瓦). My figures: 0.60 / (4.20 − 0.60) = 16.67%; 3.15 + 1.05 =
4.20."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

SPENDING = (
    "2024年,全岛观光总收入4.20兆元,比上年增加0.60兆元,年增长{rate}%。"
    "其中,国人旅游支出3.15兆元,来台旅客支出1.05兆元。"
)


def test_a_trillion_written_zhao_is_read_as_one() -> None:
    for text in both_scripts(SPENDING.format(rate="16.7")):
        rates = [(verdict, values) for verdict, values, _ in of_kind(text, "change-rate")]
        assert rates == [("consistent", [600_000_000_000.0, 4_200_000_000_000.0])], rates
        sums = [(verdict, values) for verdict, values, _ in of_kind(text, "sum")]
        assert ("consistent", [1_050_000_000_000.0, 3_150_000_000_000.0]) in sums, sums
        assert accused(text) == [], text


def test_a_wrong_rate_of_trillions_is_caught() -> None:
    for text in both_scripts(SPENDING.format(rate="19.7")):
        wrong = [values for _, _, values, _ in accused(text)]
        assert wrong == [[600_000_000_000.0, 4_200_000_000_000.0]], text
