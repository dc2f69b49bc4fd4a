"""A month named only as 当月 within the months so far, in the shape of fresh trial 22's A07 (a
province's electricity: "当月:全省完成发电量…;…。累计:1-4月,全省完成发电量…"). Every span the
release names ends with April, so 当月 is April, within 1-4月. Our own figures: 162.45 ≤ 640.12
(亿千瓦时); planted, a month of 682.45 is more than the four months."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

POWER = (
    "当月:全省完成发电量{month}亿千瓦时,同比增长3.12%,环比下降2.40%。其中,火电112.30亿千瓦时,"
    "同比下降1.05%。\n"
    "累计:1-4月,全省完成发电量640.12亿千瓦时,同比增长1.87%。\n"
)


def _subsets(text: str, verdict: str) -> list[list[float]]:
    return [r[2] for r in article_relations(text) if r[0] == "subset" and r[1] == verdict]


def test_the_month_is_within_the_months_so_far() -> None:
    for variant in both_scripts(POWER.format(month="162.45")):
        assert [162.45e8, 640.12e8] in _subsets(variant, "consistent"), variant
        assert not accused(variant)


def test_a_month_above_the_months_so_far_is_called_wrong() -> None:
    for variant in both_scripts(POWER.format(month="682.45")):
        assert [640.12e8, 682.45e8] in _subsets(variant, "inconsistent"), variant


def test_a_month_of_a_release_naming_two_months_binds_none() -> None:
    text = POWER.format(month="682.45").replace("累计:1-4月", "累计:1-5月")
    text += "3月全省完成发电量150.1亿千瓦时。\n"
    for variant in both_scripts(text):
        assert not accused(variant), variant
