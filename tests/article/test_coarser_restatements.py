"""A figure restated to a coarser precision with no word saying so: a title's `就业人员增至7.67亿`
(no unit, its magnitude naming an amount) for the text's `就业人员76704万人`, a lead's `1.5亿元`
for `14986万元`. Shown as agreeing when the coarse one's rounding holds the exact one (76704万
is 7.6704亿, within 7.665–7.675亿); never called wrong when it does not, for a title may cut a
figure short (2.8亿 for 28652万) — so no restatement is shown then."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TITLED = (
    "全国就业人员增至7.67亿\n"
    "人社部公报显示,到去年底,我国就业人员{employed}万人,比上年末增加284万人。\n"
)
LEAD = (
    "全县旅游收入达1.5亿元。\n"
    "今年一季度,全县接待游客82.3万人次,同比增长6.1%;实现旅游收入{income}万元,同比增长8.2%。\n"
)


def _restated(text: str, a: float, b: float) -> list[object]:
    return [
        r
        for r in article_relations(text)
        if r[0] == "equal" and r[1] == "consistent" and sorted(r[2]) == sorted([a, b])
    ]


def test_a_titles_coarse_figure_restates_the_texts_exact_one() -> None:
    for variant in both_scripts(TITLED.format(employed="76704")):
        assert _restated(variant, 7.67e8, 76704e4), variant
        assert not accused(variant), variant
    for variant in both_scripts(LEAD.format(income="14986")):
        assert _restated(variant, 1.5e8, 14986e4), variant
        assert not accused(variant), variant


def test_a_coarse_figure_beyond_the_exact_ones_rounding_is_shown_as_nothing() -> None:
    # 77704万 is 7.7704亿, outside 7.665–7.675亿; a cut-short title is no accusation either
    for variant in both_scripts(TITLED.format(employed="77704")):
        assert not [r for r in article_relations(variant) if r[0] == "equal"], variant
        assert not accused(variant), variant


def test_figures_of_other_words_are_no_restatement() -> None:
    # the visitors' 1.5亿人次 is no restatement of the income's 14986万元 (other unit, words)
    text = LEAD.format(income="14986").replace("全县旅游收入达1.5亿元", "全县接待游客突破1.5亿人次")
    for variant in both_scripts(text):
        assert not _restated(variant, 1.5e8, 14986e4), variant
