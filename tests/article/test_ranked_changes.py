"""A change a ranking gives its group (以大专生少4.5万人(4%)最多, fresh trial 14's false alarm)
is of that group, never of the level before it; in own words and figures."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# all students fell 1.0 of 51.0万 = 1.96% → 2.0%; 初中生 fell 0.6万 (5%) of their own 12万,
# which is no 0.6 / 50.6 = 1.2% of all the students
STUDENTS = (
    "本学年全县各级学校学生共50.0万人,比上学年减1.0万人({rate}%),以初中生少0.6万人(5%)最多;"
    "比五年前少3.0万人(5.7%),以小学生少1.8万人最多。"
)


@pytest.mark.parametrize("text", both_scripts(STUDENTS.format(rate="2.0")))
def test_a_ranked_groups_change_is_not_the_totals(text: str) -> None:
    rates = of_kind(text, "change-rate")
    assert ("consistent", [10000.0, 500000.0], -2.0) in rates
    assert all(verdict != "inconsistent" for verdict, _, _ in rates)
    assert not [r for r in rates if 6000.0 in r[1]]


@pytest.mark.parametrize("text", both_scripts(STUDENTS.format(rate="3.0")))
def test_the_totals_planted_rate_is_still_caught(text: str) -> None:
    assert ("inconsistent", [10000.0, 500000.0], -3.0) in of_kind(text, "change-rate")
