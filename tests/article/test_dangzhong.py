"""`当中` as Macao's statistics releases write `其中` (fresh trial 18's A02 and trial 15's A03:
`入境旅客按年增加…至195.7万人次,当中以内地客最多,达…`, `大湾区珠三角九市旅客…至56.3万人次,当中
珠海市约15.7万人次及广州市旅客约11.8万人次`). Our own figures, worked by hand:

  visitors 300.5 万人次: mainland 210.3 + Hong Kong 60.2 = 270.5, within it;
  planted Hong Kong 95.2: 210.3 + 95.2 = 305.5, more than 300.5
"""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

RELEASE = (
    "统计暨普查局资料显示,今年5月入境旅客按年增加12.0%至300.5万人次,当中内地旅客有210.3万人次,"
    "香港旅客有{hong_kong}万人次。\n"
)


def _subsets(text: str) -> list[tuple[str, list[float]]]:
    return [(r[1], r[2]) for r in article_relations(text) if r[0] == "subset"]


def test_the_parts_after_dangzhong_lie_within_the_whole() -> None:
    for variant in both_scripts(RELEASE.format(hong_kong="60.2")):
        assert _subsets(variant) == [("consistent", [602_000.0, 2_103_000.0, 3_005_000.0])]
        assert not accused(variant), variant


def test_parts_after_dangzhong_beyond_the_whole_are_called_wrong() -> None:
    for variant in both_scripts(RELEASE.format(hong_kong="95.2")):
        assert _subsets(variant) == [("inconsistent", [952_000.0, 2_103_000.0, 3_005_000.0])]
