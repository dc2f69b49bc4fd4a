"""A city's education bulletin in the shape of fresh trial 17's A06: all schools, students and
teachers first (各级各类学校), then a section per stage, each opening with its schools and
carrying its name to the counts after (幼儿园 for 学前教育, 在园幼儿 for its students, 中等职业
学校 for 中等职业教育, 特殊教育学校). Our own figures, worked by hand:
schools 52 + 38 + 5 + 1 = 96; students 9120 + 30455 + 12010 + 215 = 51800;
teachers 640 + 2870 + 1020 + 30 = 4560; 高中阶段 5 = 4 + 1, 12010 = 9880 + 2130.
The stages' sums are shown and never called wrong (a bulletin may count other schools in its
total), and a stage the bulletin never names (高等教育, 成人高中) is none of the city's."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

BULLETIN = (
    "根据教育事业统计,2024-2025学年全市共有各级各类学校96所,在校生{students}人,"
    "专任教师4560人。具体情况如下:\n\n"
    "一、学前教育\n\n全市共有幼儿园52所,入园儿童2710人,在园幼儿9120人。"
    "幼儿园共有教职工1180人,专任教师640人。\n\n"
    "二、义务教育\n\n全市共有义务教育阶段学校38所,招生6020人,在校生30455人,专任教师2870人。"
    "\n\n其中普通小学27所,在校生20340人。其中普通初中11所,在校生10115人。\n\n"
    "三、高中阶段教育\n\n全市高中阶段共有学校5所。招生4105人,在校生12010人,专任教师1020人。"
    "\n\n其中普通高中4所,招生3300人,在校生9880人。其中中等职业学校1所,招生805人,"
    "在校生2130人。\n\n"
    "四、特殊教育\n\n全市共有特殊教育学校1所,在校生215人,专任教师30人。\n"
)


def sums(text: str) -> list[tuple[str, list[float], float | None]]:
    return of_kind(text, "sum")


def test_the_stages_make_all_schools_students_and_teachers() -> None:
    for text in both_scripts(BULLETIN.format(students="51800")):
        found = sums(text)
        assert ("consistent", [1.0, 5.0, 38.0, 52.0], 96.0) in found, found
        assert ("consistent", [215.0, 9120.0, 12010.0, 30455.0], 51800.0) in found, found
        assert ("consistent", [30.0, 640.0, 1020.0, 2870.0], 4560.0) in found, found
        assert accused(text) == [], text


def test_upper_secondary_is_its_general_and_vocational_schools() -> None:
    for text in both_scripts(BULLETIN.format(students="51800")):
        found = sums(text)
        assert ("consistent", [1.0, 4.0], 5.0) in found, found
        assert ("consistent", [2130.0, 9880.0], 12010.0) in found, found
        assert ("consistent", [805.0, 3300.0], 4105.0) in found, found


def test_a_wrong_total_of_students_is_shown_never_accused() -> None:
    for text in both_scripts(BULLETIN.format(students="51080")):
        found = sums(text)
        assert ("unverifiable", [215.0, 9120.0, 12010.0, 30455.0], 51080.0) in found, found
        assert accused(text) == [], text


def test_a_stage_the_bulletin_names_without_its_count_leaves_the_total_unsummed() -> None:
    # the colleges are named, their schools not given: the four stages are not all of it
    named = BULLETIN.format(students="51800") + "\n五、高等教育\n\n全市高等教育稳步发展。\n"
    for text in both_scripts(named):
        assert not any(total == 96.0 for _, _, total in sums(text)), sums(text)
