"""Two rates compared with one base the text never gives (国家乡村振兴局's "脱贫地区农民人均可支配
收入…增长7.5%,比全国农民人均可支配收入增速高1.2个百分点。脱贫人口人均纯收入…增长14.3%,比全国
农民人均可支配收入增速高8个百分点"): the base each implies is one. My figures: 6.8 − 0.9 = 5.9 =
9.4 − 3.5."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

TWO = (
    "2024年,山区县农民人均可支配收入达到18200元,增长6.8%,比全省农民人均可支配收入增速高0.9个"
    "百分点。易地搬迁户人均纯收入达到15600元,同比增长9.4%,比全省农民人均可支配收入增速高{gap}个"
    "百分点。"
)


def test_two_comparisons_with_one_unstated_base_agree() -> None:
    for text in both_scripts(TWO.format(gap="3.5")):
        found = [(verdict, values) for verdict, values, _ in of_kind(text, "same-base")]
        assert found == [("consistent", [0.9, 6.8, 9.4])], found
        assert accused(text) == [], text


def test_a_gap_that_implies_another_base_is_caught() -> None:
    for text in both_scripts(TWO.format(gap="4.5")):  # 9.4 − 4.5 = 4.9, not 5.9
        assert [values for _, _, values, _ in accused(text)] == [[0.9, 6.8, 9.4]], text


def test_no_shared_base_where_the_words_name_no_measure_or_another_span() -> None:
    texts = [
        # 全省平均水平 names no measure: income's and spending's averages differ
        "2024年,山区县农民人均可支配收入增长6.8%,比全省平均水平高0.9个百分点;"
        "人均消费支出增长9.4%,比全省平均水平高4.5个百分点。",
        # each rate against its own first quarter (较一季度提高: 提高 is the verb, no base)
        "1-5月,全市规模以上工业增加值同比增长7.6%,较一季度提高1.1个百分点。分行业看,"
        "1-5月,化工业同比增长11.2%,较一季度提高6.3个百分点;纺织业增长5.0%,较一季度提高0.4个"
        "百分点。",
        # the year's rate and the fourth quarter's
        "2024年,山区县农民人均可支配收入增长6.8%,比全省农民人均可支配收入增速高0.9个百分点。"
        "四季度,山区县农民人均可支配收入增长9.4%,比全省农民人均可支配收入增速高4.5个百分点。",
    ]
    for text in texts:
        for version in both_scripts(text):
            assert of_kind(version, "same-base") == [], version
            assert accused(version) == [], version
