"""A change written after its rate ("同比增长10.9%,增收2,798万元") and a fall's rate written
negative in brackets ("較3月減少704人(-7.5%)"), in the shapes of a county's budget report and
Taiwan's monthly registration release (fresh trial 15 lost two real errors to them); figures my
own, worked by hand: 1,200 / (12,000 − 1,200) = 11.1%; 300 / (5,700 + 300) = 5.0%;
900 / (5,700 + 900) = 13.6%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

BUDGET = "全县一般公共预算收入完成12,000万元,同比增长{rate}%,增收1,200万元。"
BIRTHS = "4月出生數5,700人,較3月減少300人(-{month}%),相較去年同月大減900人(-13.6%)。"


def test_a_change_after_its_rate_makes_it() -> None:
    for text in both_scripts(BUDGET.format(rate="11.1")):
        assert of_kind(text, "change-rate") == [("consistent", [12e6, 120e6], 11.1)], text
    for text in both_scripts(BUDGET.format(rate="9.1")):
        assert ("change-rate", "inconsistent", [12e6, 120e6], 9.1) in accused(text), text


def test_a_falls_rate_written_negative_in_brackets() -> None:
    for text in both_scripts(BIRTHS.format(month="5.0")):
        rates = of_kind(text, "change-rate")
        assert ("consistent", [300.0, 5700.0], -5.0) in rates, rates
        assert ("consistent", [900.0, 5700.0], -13.6) in rates, rates
        assert accused(text) == []
    for text in both_scripts(BIRTHS.format(month="6.0")):
        assert ("change-rate", "inconsistent", [300.0, 5700.0], -6.0) in accused(text), text


def test_a_rise_with_a_negative_rate_in_brackets_is_no_rate_of_it() -> None:
    """增加300人(-5.0%) says two things that disagree on the way: no rate is read."""
    text = "4月出生數5,700人,較3月增加300人(-5.0%)。"
    for version in both_scripts(text):
        assert of_kind(version, "change-rate") == [], version
