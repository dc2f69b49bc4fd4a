"""A table scraped one cell a line whose header puts spans over measures, as NBS's monthly
releases have it (fresh trial 16's A05: `10月 | 1-10月` over `绝对量(亿元) | 同比增长(%)` twice,
the unit cut onto a line of its own), after the prose that states its figures. Our own figures,
worked by hand: 城镇 1260 + 乡村 260 = 1520 and 餐饮 180 + 商品零售 1340 = 1520 for May;
6050 + 1260 = 7310 and 850 + 6460 = 7310 for 1-5月. Each span's cells are read as a table of
their own; a planted 乡村 of 280 (May) is called wrong, and the prose is found restated."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

PROSE = (
    "5月份,全省社会消费品零售总额1520亿元,同比增长4.2%。"
    "1-5月份,全省社会消费品零售总额7310亿元,同比增长5.1%。\n\n"
)
CELLS = [
    "2024年5月份全省社会消费品零售总额主要数据", "指 标", "5月", "1-5月", "绝对量", "(亿元)",
    "同比增长(%)", "绝对量", "(亿元)", "同比增长(%)", "社会消费品零售总额", "1520", "4.2",
    "7310", "5.1", "按经营地分", " 城镇", "1260", "4.0", "6050", "4.9", " 乡村", "{rural}",
    "5.2", "1260", "6.1", "按消费类型分", " 餐饮收入", "180", "6.5", "850", "7.3", " 商品零售",
    "1340", "3.9", "6460", "4.8",
]  # fmt: skip
TEXT = PROSE + "\n\n".join(CELLS) + "\n"


def _sums(found: list[tuple[str, str, list[float], float | None]], verdict: str) -> list[object]:
    return [(r[2], r[3]) for r in found if r[0] == "sum" and r[1] == verdict]


def test_each_spans_cells_make_their_totals() -> None:
    for variant in both_scripts(TEXT.replace("{rural}", "260")):
        found = article_relations(variant)
        sums = _sums(found, "consistent")
        assert ([260e8, 1260e8], 1520e8) in sums, sums
        assert ([180e8, 1340e8], 1520e8) in sums, sums
        assert ([1260e8, 6050e8], 7310e8) in sums, sums
        assert ([850e8, 6460e8], 7310e8) in sums, sums
        equal = [r for r in found if r[0] == "equal" and r[1] == "consistent"]
        assert ("equal", "consistent", [7310e8, 7310e8], None) in equal, equal
        assert not accused(variant)


def test_a_planted_cell_of_one_span_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.replace("{rural}", "280")):
        assert ([280e8, 1260e8], 1520e8) in _sums(accused(variant), "inconsistent"), variant


def test_measures_that_differ_between_spans_make_no_table() -> None:
    from povcli.article.annotate import annotate

    text = TEXT.replace("{rural}", "260").replace("同比增长(%)", "比重(%)", 1)
    assert not annotate("标题\n\n" + text).grids
