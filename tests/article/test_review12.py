"""False alarms and wrong bindings an adversarial review of the session's detectors (stages
and schemes within the whole that holds them, staff and their full-time teachers, sex ratios,
ratios named by their words, a level after the threshold it passed) built in its own words:
correct texts, every figure in them true (worked by hand in each comment), on which `check`
said "inconsistent" or bound figures that are not the relation's. Each is checked in both
scripts, and beside most a planted error in the legitimate shape next to it that must still
be caught."""

from __future__ import annotations

from povcli.article.clean import clean_article
from tests.helpers import both_scripts, judged_relations

Found = list[tuple[str, str, list[float], float | None]]


def found_in(text: str) -> list[Found]:
    """What `check` finds in the text, in each script."""
    return [judged_relations(clean_article("标题\n\n" + s).text) for s in both_scripts(text)]


def no_alarm(text: str) -> list[Found]:
    found = found_in(text)
    for one in found:
        assert [f for f in one if f[1] == "inconsistent"] == [], one
    return found


def subsets(found: Found) -> list[tuple[str, list[float]]]:
    return [(verdict, values) for kind, verdict, values, _ in found if kind == "subset"]


# ------------------------------------------------------------------ stages carried


def test_students_of_all_schools_after_a_list_of_stages_are_no_stages() -> None:
    """A county's schools listed by stage, then the students of them all (5.2万) and of the
    compulsory stage (4.1万): the students are not the last stage's (小学)."""
    for found in no_alarm(
        "全县共有各类学校58所,其中普通高中2所,初中10所,小学45所。在校学生5.20万人,"
        "义务教育阶段在校生4.10万人。\n"
    ):
        assert not any(5.2e4 in values for _, values in subsets(found)), found


def test_figures_after_another_kind_of_school_are_not_the_stages() -> None:
    """普通高中710所, then the higher schools (普通高等学校85所) and their students (160万):
    those are no senior-secondary students, which the whole stage has 151.2万 of."""
    for found in no_alarm(
        "全省高中阶段教育在校生151.20万人。\n\n全省普通高中710所。普通高等学校85所,"
        "在校生160.00万人。\n"
    ):
        assert not any(1.6e6 in values for _, values in subsets(found)), found
    # the vocational schools' students, carried past their own count, are no 普通高中's
    for found in found_in(
        "全省高中阶段教育在校生151.20万人。\n\n全省普通高中710所,招生31.40万人。"
        "全省中等职业学校230所,招生18.00万人,在校生55.00万人。\n"
    ):
        assert not any(5.5e5 in values for _, values in subsets(found)), found


def test_spending_after_another_insurance_is_not_the_pension_schemes() -> None:
    """The residents' pension income, then the medical insurance's income and spending (700
    亿): its spending is not the pension scheme's, which the whole pension has 500亿 of."""
    for found in no_alarm(
        "全年基本养老保险基金支出500亿元。\n\n全年城乡居民基本养老保险基金收入120亿元。"
        "全年基本医疗保险基金收入800亿元,基金支出700亿元。\n"
    ):
        assert not any(7e10 in values for _, values in subsets(found)), found


def test_a_stage_carried_in_its_own_sentences_is_still_caught() -> None:
    """普通高中 named once, its students in the sentence after: 163.6万 of 151.2万 is wrong."""
    text = (
        "全省高中阶段教育在校生151.20万人。\n\n全省普通高中710所,比上年增加9所;"
        "在校生{students}万人。全省中等职业学校230所。\n"
    )
    for found in found_in(text.format(students="93.60")):
        assert ("consistent", [936_000.0, 1_512_000.0]) in subsets(found), found
    for found in found_in(text.format(students="163.60")):
        assert ("inconsistent", [1_512_000.0, 1_636_000.0]) in subsets(found), found


def test_a_citys_stage_is_not_the_provinces() -> None:
    """The province's senior-secondary students (93.6万), then the city's whole stage (12.3万,
    8.1% of the province's 151.2万): the city's stage holds none of the province's."""
    text = "全省普通高中在校生93.60万人。\n\n全市高中阶段教育在校生12.30万人,占全省的8.1%。\n"
    for found in no_alarm(text):
        assert subsets(found) == [], found


# ------------------------------------------------------------------ staff and teachers


def test_the_teachers_of_all_are_not_among_a_groups_staff() -> None:
    """Kindergartens' staff (40万), the private ones' (18万), then all kindergartens' teachers
    (25万): they are among the 40万, not the 18万."""
    for found in no_alarm(
        "全省幼儿园教职工40.00万人,其中民办幼儿园教职工18.00万人;幼儿园专任教师25.00万人。\n"
    ):
        assert not any(values == [180_000.0, 250_000.0] for _, values in subsets(found))


def test_teachers_after_a_group_of_the_staff_are_no_groups() -> None:
    """A group of the staff (少数民族 1.1万 of 10.6万; 女 19万 of 26万), then 专任教师: the
    teachers of the level (8.1万, 23.4万), which the group's staff need not hold."""
    for text in (
        "普通高中教职工10.60万人,其中少数民族教职工1.10万人;专任教师8.10万人。\n",
        "全省小学教职工26.00万人,女教职工19.00万人;专任教师23.40万人。\n",
    ):
        for found in no_alarm(text):
            assert not any("full-time" in str(f) for f in found)
            assert len(subsets(found)) <= 1, found  # the group within the staff, at most


def test_a_groups_own_teachers_outnumbering_its_staff_are_caught() -> None:
    text = "全省幼儿园教职工40.00万人。民办幼儿园教职工18.00万人,民办幼儿园专任教师{n}万人。\n"
    for found in found_in(text.format(n="11.00")):
        assert ("consistent", [110_000.0, 180_000.0]) in subsets(found), found
    for found in found_in(text.format(n="19.00")):
        assert ("inconsistent", [180_000.0, 190_000.0]) in subsets(found), found
