"""A total the words before 中 name otherwise (总诊疗量 for 医疗卫生机构总诊疗人次) and its parts
with their shares in brackets, the last of them 其他 (the health statistics bulletin's shape);
figures my own, worked by hand: 41.2 + 45.6 + 3.2 = 90.0亿人次; 41.2 / 90.0 = 45.8%,
45.6 / 90.0 = 50.7%, 3.2 / 90.0 = 3.6%; 45.8 + 50.7 + 3.6 = 100.1, within the rounding."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

VISITS = (
    "2031年,医疗卫生机构总诊疗人次90.0亿,比上年增加2.1亿人次(增长2.4%)。\n\n"
    "2031年总诊疗量中,医院41.2亿人次(占45.8%),基层医疗卫生机构{primary}亿人次(占50.7%),"
    "其他医疗卫生机构3.2亿人次(占3.6%)。"
)


def test_parts_of_a_total_named_otherwise_make_it() -> None:
    for text in both_scripts(VISITS.format(primary="45.6")):
        sums = of_kind(text, "sum")
        assert ("consistent", [3.2e8, 41.2e8, 45.6e8], 90.0e8) in sums, sums
        assert ("consistent", [3.6, 45.8, 50.7], 100.0) in sums, sums
        assert accused(text) == []


def test_a_part_of_a_total_named_otherwise_too_large_is_caught() -> None:
    """45.6 mistyped 54.6: 41.2 + 54.6 + 3.2 = 99.0 > 90.0, and 54.6 / 90.0 is 60.7%."""
    for text in both_scripts(VISITS.format(primary="54.6")):
        assert accused(text) != [], text


def test_no_total_named_otherwise_without_zong() -> None:
    """诊疗量 alone names no total: no level is taken for it on three shared characters."""
    text = (
        "2031年,医疗卫生机构诊疗人次90.0亿。\n\n"
        "2031年诊疗量中,医院41.2亿人次,基层医疗卫生机构55.6亿人次。"
    )
    for version in both_scripts(text):
        assert accused(version) == [], version
