"""The insured of a pension or medical insurance are its working members and its retired ones
(人社部's communiqué: "其中,参保职工…,参保离退休人员…,分别比上年末增加…"): the two make the
total, so a level written wrong is caught even where the changes still add up. My own figures:
951 + 335 = 1286 (万人), 30 + 11 = 41; 1780 + 650 = 2430. A third group named after them
(migrant workers, who are among the workers) is across them, not a part beside them."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

PENSION = (
    "2025年末全省参加城镇职工基本养老保险人数为1286万人,比上年末增加41万人。"
    "其中,参保职工951万人,参保离退休人员{retired}万人,分别比上年末增加30万人和11万人。"
)
MEDICAL = "全省职工基本医疗保险参保人数2430万人,其中在职职工1780万人,退休人员{retired}万人。"


def test_workers_and_retirees_make_the_insured() -> None:
    for text in both_scripts(PENSION.format(retired="335") + MEDICAL.format(retired="650")):
        sums = [(verdict, values) for verdict, values, _ in of_kind(text, "sum")]
        assert ("consistent", [3350000.0, 9510000.0]) in sums, sums
        assert ("consistent", [6500000.0, 17800000.0]) in sums, sums
        assert accused(text) == [], text


def test_a_retirees_level_written_wrong_is_caught_though_the_changes_add_up() -> None:
    # 951 + 353 = 1304, not 1286; the changes 30 + 11 = 41 still do
    for text in both_scripts(PENSION.format(retired="353")):
        sums = [(verdict, values) for verdict, values, _ in of_kind(text, "sum")]
        assert ("inconsistent", [3530000.0, 9510000.0]) in sums, sums
        assert ("consistent", [110000.0, 300000.0]) in sums, sums
    # 1780 + 560 = 2340, not 2430
    for text in both_scripts(MEDICAL.format(retired="560")):
        sums = [(verdict, values) for verdict, values, _ in of_kind(text, "sum")]
        assert sums == [("inconsistent", [5600000.0, 17800000.0])], sums


def test_a_group_across_the_workers_is_not_a_part_beside_them() -> None:
    text = (
        "2025年末全省参加城镇职工基本养老保险人数为1286万人,比上年末增加41万人。"
        "其中,参保职工951万人,参保离退休人员335万人,参保农民工210万人,"
        "分别比上年末增加30万人、11万人和5万人。"
    )
    for version in both_scripts(text):
        assert accused(version) == [], version
