"""Students per teacher (`article/student_ratios.py`) in the shape of a provincial education
bulletin (the real corpus's C08, and the national one's C06): a paragraph per school level
with its schools, enrolment and students, then its teachers and `生师比R:1`. Our own figures,
in both scripts, correct and planted."""

from __future__ import annotations

from tests.helpers import both_scripts, of_kind

# 小学: 300.00万 / 16.00万 = 18.75 (18.8); 初中: 150.00万 / 11.20万 = 13.39
BULLETIN = (
    "二、义务教育\n\n"
    "全省共有小学3200所,比上年减少40所;招生50.10万人;在校生300.00万人,比上年增加1.20万人。"
    "小学专任教师16.00万人,比上年增加0.10万人,小学生师比为{primary}:1。\n\n"
    "初中1700所,比上年减少20所;招生49.80万人;在校生150.00万人,比上年增加2.10万人。"
    "初中专任教师11.20万人,比上年增加0.05万人,生师比13.39:1。\n"
)


def ratios(text: str) -> list[tuple[str, list[float], float | None]]:
    return of_kind(text, "ratio")


def test_each_levels_ratio_is_its_students_over_its_teachers() -> None:
    text = BULLETIN.format(primary="18.8")
    for script in both_scripts(text):
        found = ratios(script)
        assert ("consistent", [160_000.0, 3_000_000.0], 18.8) in found, found
        assert ("consistent", [112_000.0, 1_500_000.0], 13.39) in found
        assert len(found) == 2


def test_a_ratio_mistyped_is_caught() -> None:
    text = BULLETIN.format(primary="19.8")  # 300.00 / 16.00 = 18.75
    for script in both_scripts(text):
        assert ("inconsistent", [160_000.0, 3_000_000.0], 19.8) in ratios(script)


def test_a_universitys_ratio_counts_no_enrolled_students() -> None:
    """普通高等学校's 生师比 is of students converted to full-time equivalents."""
    text = "普通高等学校在校生120.00万人。普通高等学校专任教师6.00万人,生师比17.5:1。"
    assert ratios(text) == []


def test_teachers_of_another_level_make_no_ratio() -> None:
    """The ratio follows 初中's teachers, the only students before them are 小学's."""
    text = BULLETIN.format(primary="18.8").replace(
        "初中1700所,比上年减少20所;招生49.80万人;在校生150.00万人,比上年增加2.10万人。", ""
    )
    assert [claimed for _, _, claimed in ratios(text)] == [18.8]
