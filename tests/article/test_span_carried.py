"""A span of years opens a statement, and after a ; a second flow and its yearly mean follow
with no span of their own (NBS's "从1978年到2017年,我国农村贫困人口减少7.4亿人,年均…;农村贫困
发生率下降94.4个百分点,年均下降2.4个百分点"). My figures: 2000 to 2024 is 25 years; 40.0 / 25 =
1.6 (万人); 75.0 / 25 = 3.0 points."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

WATER = (
    "从2000年到2024年,全县农村饮水不安全人口减少40.0万人,年均减少1.6万人;"
    "农村自来水普及率提高75.0个百分点,年均提高{mean}个百分点。"
)


def test_a_flow_after_the_semicolon_is_over_the_statements_span() -> None:
    for text in both_scripts(WATER.format(mean="3.0")):
        means = [(verdict, values) for verdict, values, _ in of_kind(text, "average")]
        assert ("consistent", [400000.0]) in means, means
        assert ("consistent", [75.0]) in means, means
        assert accused(text) == [], text


def test_a_wrong_yearly_mean_of_points_is_caught() -> None:
    for text in both_scripts(WATER.format(mean="3.5")):
        assert [values for _, _, values, _ in accused(text)] == [[75.0]], text


def test_a_sentence_with_years_of_its_own_is_not_over_the_span() -> None:
    text = (
        "从2000年到2024年,全县农村饮水不安全人口减少40.0万人,年均减少1.6万人;"
        "2024年农村自来水普及率比2020年提高12.0个百分点,年均提高3.0个百分点。"
    )
    for version in both_scripts(text):
        assert [values for _, values, _ in of_kind(version, "average")] == [[400000.0]], version
