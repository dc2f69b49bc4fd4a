"""A census's level compared with, the census named between its year and 的, in the shape
of fresh trial 24's A02 (a city's census bulletin: "全市常住人口为751389人。" then
"全市常住人口与2010年第六次全国人口普查的725482人相比,增加25907人,增长3.57%"). The figure after
的 is the earlier census's level, no level of now: 25907 / 725482 = 3.57%, whereas 25907 /
(725482 − 25907) = 3.70% would be a false accusation. Our own figures: 30000 / 600000 = 5.00%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts

CENSUS = (
    "全市常住人口为630000人。\n"
    "全市常住人口与2010年第六次全国人口普查的600000人相比,增加30000人,增长5.00%,年平均增长率为0.49%。\n"
)


def test_the_level_after_the_census_named_is_the_earlier_one() -> None:
    for variant in both_scripts(CENSUS):
        assert not accused(variant), variant
