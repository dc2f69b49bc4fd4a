"""Parts of a whole named by "X中," after the statement's span, the whole a paragraph before, in
the shape of fresh trial 22's A10 (a month's industrial profits: "1—4月份,规模以上工业企业中,
国有控股企业实现利润总额…;股份制企业…"). The kinds of firm overlap (a state-held firm may be a
joint-stock one), so they are parts within the whole, never a sum. Our own figures: 3120.4,
8150.2, 2207.9 and 2861.3 are each within 10416.8 (they come to 16339.8, more than it, as
overlapping kinds may); a planted 11416.8 for the second is more than the whole."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

PROFITS = (
    "1—5月份,全省规模以上工业企业实现利润总额10416.8亿元,同比增长2.1%。\n"
    "1—5月份,规模以上工业企业中,国有控股企业实现利润总额3120.4亿元,同比增长8.3%;股份制企业实现"
    "利润总额{joint}亿元,增长1.6%;外商及港澳台投资企业实现利润总额2207.9亿元,增长0.4%;私营企业"
    "实现利润总额2861.3亿元,下降2.2%。\n"
)


def _subsets(text: str, verdict: str) -> list[list[float]]:
    return [r[2] for r in article_relations(text) if r[0] == "subset" and r[1] == verdict]


def test_each_kind_of_firm_is_within_the_whole_the_frame_names() -> None:
    for variant in both_scripts(PROFITS.format(joint="8150.2")):
        found = _subsets(variant, "consistent")
        for part in (3120.4e8, 8150.2e8, 2207.9e8, 2861.3e8):
            assert sorted([part, 10416.8e8]) in found, (part, found)
        assert not [r for r in article_relations(variant) if r[0] == "sum"]
        assert not accused(variant)


def test_a_kind_above_the_whole_is_called_wrong() -> None:
    for variant in both_scripts(PROFITS.format(joint="11416.8")):
        assert _subsets(variant, "inconsistent") == [[10416.8e8, 11416.8e8]], variant


def test_a_frame_naming_another_whole_binds_none() -> None:
    text = PROFITS.format(joint="11416.8").replace("规模以上工业企业中", "高技术制造业企业中")
    for variant in both_scripts(text):
        assert not accused(variant), variant
