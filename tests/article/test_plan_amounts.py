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
