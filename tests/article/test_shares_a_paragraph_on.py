"""A region's figures in one paragraph, and in the next their shares of the province's totals in
brackets and their shares compared with the province's (the shape of 国家民委's release on the
eight minority provinces): "合计数量占全省(160.0万人)的比重为31.3%" names its part a paragraph
back, and "占乡村人口的比重比全省(3.6%)高6.4个百分点" compares the share the region has of the
rural population (农村人口 in the paragraph before), of the part the statement's share before
it is of. My figures: 42.0 / 120.0 = 35.0%; 50.0 / 160.0 = 31.25%; 8.4 − 3.0 = 5.4; 10.0 − 3.6
= 6.4."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

REGION = (
    "2024年末山区五县农村低保对象为42.0万人,比上年减少3.1万人;低保对象占农村人口的比重为8.4%,"
    "下降0.6个百分点。山区五县低保对象与特困人员合计数量为50.0万人,占农村人口的比重为10.0%。\n\n"
    "2024年末山区五县低保对象占全省低保对象(120.0万人)的比重为35.0%,比上年(33.2%)增加1.8个百分点;"
    "低保对象占乡村人口的比重比全省(3.0%)高{low}个百分点。低保对象与特困人员合计数量占全省"
    "(160.0万人)的比重为{share}%,比上年(30.0%)增加1.3个百分点;占乡村人口的比重比全省(3.6%)"
    "高{both}个百分点。"
)


def _text(low: str = "5.4", share: str = "31.3", both: str = "6.4") -> str:
    return REGION.format(low=low, share=share, both=both)


def test_a_share_of_the_province_names_its_part_a_paragraph_back() -> None:
    for text in both_scripts(_text()):
        shares = [(verdict, values) for verdict, values, _ in of_kind(text, "share")]
        assert ("consistent", [500000.0, 1600000.0]) in shares, shares
        assert accused(text) == [], text


def test_a_share_compared_with_the_provinces_is_the_regions_share() -> None:
    for text in both_scripts(_text()):
        points = [(verdict, values) for verdict, values, _ in of_kind(text, "point-change")]
        assert ("consistent", [3.0, 8.4]) in points, points
        assert ("consistent", [3.6, 10.0]) in points, points


def test_the_planted_errors_are_caught() -> None:
    for text in both_scripts(_text(share="13.3")):  # 50.0 / 160.0 is 31.25%
        wrong = [values for _, _, values, _ in accused(text)]
        # (and 30.0% to 13.3% is no rise of 1.3 points)
        assert wrong == [[500000.0, 1600000.0], [13.3, 30.0]], text
    for text in both_scripts(_text(both="4.6")):  # 10.0 − 3.6 is 6.4
        assert [values for _, _, values, _ in accused(text)] == [[3.6, 10.0]], text
    for text in both_scripts(_text(low="4.5")):  # 8.4 − 3.0 is 5.4
        assert [values for _, _, values, _ in accused(text)] == [[3.0, 8.4]], text
