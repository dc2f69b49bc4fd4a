"""One span of months written three ways (`前8个月`, `1-8月`, `1—8月份`), in the shape of fresh
trial 19's A02 (a housing release: the nation's sales area for the first eight months, then the
regions' for 1-8月 a paragraph on). Our own figures, worked by hand:

  东部 28410 + 中部 16205 + 西部 15872 = 60487 (万平方米)

A planted total of 61487 is called wrong; a month's own figure (8月) is no part of the span's."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "在商品房销售方面,前8个月,全国商品房销售面积{total}万平方米,同比下降6.1%。\n"
    "从区域来看,{span},东部地区商品房销售面积28410万平方米,同比下降9.0%;中部地区商品房销售面积"
    "16205万平方米,下降2.2%;西部地区商品房销售面积15872万平方米,下降3.4%。\n"
)
PARTS = [158720000.0, 162050000.0, 284100000.0]


def test_one_span_of_months_written_three_ways() -> None:
    for span in ("1-8月", "1—8月份", "前8个月"):
        for variant in both_scripts(TEXT.format(total="60487", span=span)):
            found = article_relations(variant)
            assert ("sum", "consistent", PARTS, 604870000.0) in found, (span, found)
            assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_total_of_the_span_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(total="61487", span="1-8月")):
        assert ("sum", "inconsistent", PARTS, 614870000.0) in accused(variant), variant


def test_a_months_own_figures_are_no_parts_of_the_span() -> None:
    for variant in both_scripts(TEXT.format(total="61487", span="8月份")):
        assert not [r for r in article_relations(variant) if r[0] == "sum"], variant


def test_a_span_of_months_is_no_figure() -> None:
    from povcli.article.figures import figures_of

    text = "前8个月,销售面积60487万平方米;1-8月,东部28410万平方米;1—8月份,中部16205万平方米。"
    read = [f.written for f in figures_of(text)]
    assert read == ["60487万平方米", "28410万平方米", "16205万平方米"], read


def test_a_span_of_months_in_traditional_script_is_no_figure() -> None:
    from povcli.article.figures import figures_of

    read = [f.written for f in figures_of("前8個月,銷售面積60487萬平方米。")]
    assert read == ["60487萬平方米"], read
