"""A part's progress against its own budget line is no share of one whole (fresh trial 15's
false alarm: "税收收入完成11,136万元,占调整预算90.75%,…;非税收入完成17,447万元,占调整预算
117.66%" had been added up to 208.41% against 100%). The shape of a county's budget execution
report; figures my own, worked by hand: 12,000 + 8,000 = 20,000; 60.00% + 40.00% = 100%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

BUDGET = (
    "全县一般公共预算收入完成20,000万元。从收入分类来看,税收收入完成12,000万元,占调整预算95.20%,"
    "占一般公共预算收入的{tax}%;非税收入完成8,000万元,占调整预算112.50%,占一般公共预算收入的40.00%。"
)


def test_progress_against_a_budget_is_no_share_of_one_whole() -> None:
    for text in both_scripts(BUDGET.format(tax="60.00")):
        assert accused(text) == [], text
        sums = of_kind(text, "sum")
        assert ("consistent", [40.0, 60.0], 100.0) in sums, sums
        assert not any(95.2 in values or 112.5 in values for _, values, _ in sums), sums


def test_a_share_of_the_whole_beside_a_progress_still_caught() -> None:
    """60.00 mistyped 66.00: 66.00 + 40.00 = 106, and 12,000 / 20,000 is 60%."""
    for text in both_scripts(BUDGET.format(tax="66.00")):
        assert accused(text) != [], text
