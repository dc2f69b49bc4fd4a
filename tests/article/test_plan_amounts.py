"""Progress against a plan whose amount its clause states, in the shape of fresh trial 21's A03 (a
county's budget report: every line `…完成X万元,占年初预算Y万元的Z%,同比…`) and of review 24's
`完成82316万元,为预算数82000万元的100.4%`. Our own figures, worked by hand: 5210 / 12000 = 43.4%;
4100 / 9500 = 43.2% (planted 48.2%); 1110 / 2500 = 44.4%; 30600 / 30000 = 102.0% (a plan may be
exceeded)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

REPORT = (
    "(一)收入情况。1-5月,全县完成财政总收入5210万元,占年初预算12000万元的43.4%,同比下降2.5%。"
    "其中:税收收入4100万元,占年初预算9500万元的{tax}%,同比下降1.2%;非税收入1110万元,"
    "占年初预算2500万元的44.4%,同比下降7.1%。\n"
    "(二)支出情况。全年全县完成一般公共预算支出30600万元,为预算数30000万元的102.0%。\n"
)


def _progress(text: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [
        (r[2], r[3]) for r in article_relations(text) if r[0] == "percent-of" and r[1] == verdict
    ]


def test_the_amount_done_over_the_plans_amount_its_clause_states() -> None:
    for variant in both_scripts(REPORT.format(tax="43.2")):
        found = _progress(variant, "consistent")
        assert ([5210e4, 12000e4], 43.4) in found, found
        assert ([4100e4, 9500e4], 43.2) in found, found
        assert ([1110e4, 2500e4], 44.4) in found, found
        assert ([30000e4, 30600e4], 102.0) in found, found
        assert not accused(variant), variant


def test_a_planted_progress_is_called_wrong() -> None:
    for variant in both_scripts(REPORT.format(tax="48.2")):
        assert ([4100e4, 9500e4], 48.2) in _progress(variant, "inconsistent"), variant


# in the shape of fresh trial 13's A02 and trial 22's A02: `完成年初预算数Y的Z%`, `完成预算Y的Z%`
# (the plan named after 完成), and a plan in 计划. By hand: 18420 / 45600 = 40.39% (stated 40.4,
# planted 44.0); 72310 / 180500 = 40.06% (stated 40.1); 3260 / 62000 = 5.26% (stated 5.26);
# 8800 / 20000 = 44.0%. 其中's part is of the amount done, not of the plan: 6120 ≤ 18420.
COMPLETED = (
    "4月,一般公共预算收入累计完成18420万元,完成年初预算数45600万元的{rate}%,比上年减收630万元,"
    "下降3.3%。其中:税收收入6120万元。\n"
    "4月,一般公共预算支出累计完成72310万元,完成预算数180500万元的40.1%。\n"
    "2月份,全县实现大口径财政收入3260万元,完成预算62000万元的5.26%。\n"
    "全年完成造林8800亩,完成全年计划20000亩的44.0%。\n"
)


def test_a_plan_named_after_wancheng_is_the_plans_amount() -> None:
    for variant in both_scripts(COMPLETED.format(rate="40.4")):
        found = _progress(variant, "consistent")
        assert ([18420e4, 45600e4], 40.4) in found, found
        assert ([72310e4, 180500e4], 40.1) in found, found
        assert ([3260e4, 62000e4], 5.26) in found, found
        assert ([8800, 20000], 44.0) in found, found
        subsets = [r for r in article_relations(variant) if r[0] == "subset"]
        assert subsets == [("subset", "consistent", [6120e4, 18420e4], None)], subsets
        assert not accused(variant)


def test_a_planted_progress_against_a_named_plan_is_called_wrong() -> None:
    for variant in both_scripts(COMPLETED.format(rate="44.0")):
        assert ([18420e4, 45600e4], 44.0) in _progress(variant, "inconsistent"), variant
