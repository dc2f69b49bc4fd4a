"""A frame `在X中,` opening a paragraph for two spans, in the shape of a national retail release
(fresh trial 22's A01: `在商品零售中,6月份,限额以上单位商品零售13406亿元…。1-6月份,限额以上单位商品
零售72420亿元…`): the second sentence, opening with its own span, is of the same frame. Our own
figures, worked by hand:

  June 13000 within June's 商品零售 27000; January–June 70000 within 150000 (planted 160000:
  more than the whole)
"""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

RELEASE = (
    "按消费类型分,6月份,餐饮收入3000亿元,同比增长10.0%;商品零售27000亿元,增长9.0%。1-6月份,"
    "餐饮收入17000亿元,同比增长9.5%;商品零售150000亿元,增长8.5%。\n"
    "在商品零售中,6月份,限额以上单位商品零售13000亿元,同比增长8.0%。1-6月份,限额以上单位商品零售"
    "{half_year}亿元,同比增长7.5%。\n"
)


def _subsets(text: str) -> list[tuple[str, list[float]]]:
    return [(r[1], r[2]) for r in article_relations(text) if r[0] == "subset"]


def test_the_frame_holds_for_the_sentence_of_the_other_span() -> None:
    for variant in both_scripts(RELEASE.format(half_year="70000")):
        found = _subsets(variant)
        assert ("consistent", [1_300_000_000_000.0, 2_700_000_000_000.0]) in found, variant
        assert ("consistent", [7_000_000_000_000.0, 15_000_000_000_000.0]) in found, variant
        assert not accused(variant), variant


def test_a_part_of_the_other_span_above_its_whole_is_called_wrong() -> None:
    for variant in both_scripts(RELEASE.format(half_year="160000")):
        assert [r[0] for r in accused(variant)] == ["subset"], variant
