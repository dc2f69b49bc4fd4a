"""Levels within others with no 其中 between them (`article/hierarchies.py`), in the shapes of
the national education bulletins of the real corpus (C01, C06: a stage's paragraph, then a
paragraph per stage it holds, each opening with its schools and carrying its name to the
counts after; C02, C03: a level's staff, then its full-time teachers). Our own figures, in
both scripts, correct and planted."""

from __future__ import annotations

import pytest

from povcli.article.clean import clean_article
from tests.helpers import both_scripts, judged_relations, of_kind

STAGES = (
    "标题\n\n"
    "全省高中阶段教育共有学校1240所,比上年减少6所;招生52.30万人,比上年增加0.80万人;"
    "在校学生151.20万人,比上年增加1.10万人。高中阶段毛入学率92.1%。\n\n"
    "全省普通高中{schools}所,比上年增加9所;招生31.40万人,比上年增加0.40万人;"
    "在校生{students}万人,比上年增加0.70万人;毕业生28.80万人。\n\n"
    "普通高中教职工{staff}万人,比上年增加0.20万人,增长2.1%;专任教师8.10万人,"
    "比上年增加0.10万人。\n"
)
CORRECT = {"schools": "710", "students": "93.60", "staff": "10.60"}


def subsets(text: str) -> list[tuple[str, list[float]]]:
    found = judged_relations(clean_article(text).text)
    return [(verdict, values) for kind, verdict, values, _ in found if kind == "subset"]


def test_a_stages_counts_are_among_the_stage_that_holds_it() -> None:
    for script in both_scripts(STAGES.format(**CORRECT)):
        found = subsets(script)
        assert ("consistent", [710.0, 1240.0]) in found, found  # schools (所) by the unit
        assert ("consistent", [314_000.0, 523_000.0]) in found  # 招生, carried 普通高中
        assert ("consistent", [936_000.0, 1_512_000.0]) in found  # 在校生 / 在校学生
        assert ("consistent", [81_000.0, 106_000.0]) in found  # teachers within staff


def test_a_part_stage_larger_than_its_stage_is_caught() -> None:
    text = STAGES.format(**{**CORRECT, "students": "163.60"})  # 163.60万 > 151.20万
    for script in both_scripts(text):
        assert ("inconsistent", [1_512_000.0, 1_636_000.0]) in subsets(script)


def test_teachers_outnumbering_their_staff_are_caught() -> None:
    text = STAGES.format(**{**CORRECT, "staff": "7.60"})  # 8.10万 teachers of 7.60万 staff
    for script in both_scripts(text):
        assert ("inconsistent", [76_000.0, 81_000.0]) in subsets(script)


PRIMARY = (
    "标题\n\n"
    "全国共有义务教育阶段学校[7]18.50万所。义务教育阶段[8]招生3120.00万人,在校生1.42亿人。\n\n"
    "1.小学阶段教育[9]\n\n"
    "全国共有普通小学{schools}万所,比上年减少2100所。另有小学教学点7.90万个。\n\n"
    "小学阶段招生1690.20万人,比上年减少12.40万人;在校生9900.00万人。\n"
)


def test_footnoted_stage_words_and_a_stage_named_in_a_heading() -> None:
    for script in both_scripts(PRIMARY.format(schools="13.60")):
        found = subsets(script)
        assert ("consistent", [136_000.0, 185_000.0]) in found, found
        assert ("consistent", [16_902_000.0, 31_200_000.0]) in found
        assert ("consistent", [99_000_000.0, 142_000_000.0]) in found
        # 教学点 are counted in 个, not 所: no count of schools
        assert not any(79_000.0 in values for _, values in found)


def test_primary_schools_outnumbering_the_stage_are_caught() -> None:
    for script in both_scripts(PRIMARY.format(schools="19.60")):
        assert ("inconsistent", [185_000.0, 196_000.0]) in subsets(script)


def test_a_group_of_the_whole_stage_is_no_whole() -> None:
    """民办 names a group: private schools' students do not hold every primary pupil."""
    text = "全省民办义务教育在校生120.00万人。\n\n全省小学在校生300.00万人。\n"
    assert subsets("标题\n\n" + text) == []


def test_a_stage_given_twice_with_two_figures_binds_nothing() -> None:
    """Two years' students of 高中阶段: which one holds 普通高中's is not for us to guess."""
    text = (
        "标题\n\n高中阶段在校生151.20万人。\n\n高中阶段在校生149.00万人。\n\n"
        "普通高中在校生93.60万人。\n"
    )
    assert subsets(text) == []


def test_teachers_after_another_levels_figures_are_not_the_staffs() -> None:
    text = (
        "标题\n\n"
        "幼儿园教职工40.20万人,比上年增加1.00万人;小学在校生300.00万人;专任教师21.50万人。\n"
    )
    assert subsets(text) == []


def test_teachers_of_another_level_are_not_the_staffs() -> None:
    text = "标题\n\n普通高校教职工12.40万人;中职专任教师3.10万人。\n"
    assert subsets(text) == []


# the shape of the social-security paragraphs of C14 (a scheme within the insurance, its
# members, income, spending and balance, the insurance's given first) and C15 (the five
# insurances' funds together, then the pension insurance's)
PENSIONS = (
    "标题\n\n"
    "年末全省参加基本养老保险人数为3120万人,比上年末增加45万人。全年基本养老保险基金收入"
    "1860亿元,基金支出{spending}亿元。年末基本养老保险基金累计结存2410亿元。\n"
    "年末全省参加城镇职工基本养老保险人数为1480万人,比上年末增加30万人。全年城镇职工基本"
    "养老保险基金总收入1590亿元,基金支出1530亿元。年末城镇职工基本养老保险基金累计结存1970亿元。\n"
)
FIVE_FUNDS = (
    "标题\n\n"
    "全年五项社会保险基金收入合计2650亿元,比上年增加210亿元。基金支出合计2380亿元。\n"
    "全年基本养老保险基金收入{income}亿元,比上年增长8.0%。全年基本养老保险基金支出1700亿元。\n"
)


def test_a_scheme_is_within_the_insurance_that_holds_it() -> None:
    for script in both_scripts(PENSIONS.format(spending="1690")):
        found = subsets(script)
        assert ("consistent", [14_800_000.0, 31_200_000.0]) in found, found
        assert ("consistent", [159e9, 186e9]) in found
        assert ("consistent", [153e9, 169e9]) in found  # 基金支出 of each, carried
        assert ("consistent", [197e9, 241e9]) in found
    for script in both_scripts(FIVE_FUNDS.format(income="1890")):
        found = subsets(script)
        assert ("consistent", [189e9, 265e9]) in found, found
        assert ("consistent", [170e9, 238e9]) in found


def test_a_scheme_spending_more_than_the_insurance_is_caught() -> None:
    for script in both_scripts(PENSIONS.format(spending="1490")):  # 1530 of 1490
        assert ("inconsistent", [149e9, 153e9]) in subsets(script)
    for script in both_scripts(FIVE_FUNDS.format(income="2890")):  # 2890 of 2650
        assert ("inconsistent", [265e9, 289e9]) in subsets(script)


def test_a_group_within_the_scheme_counts_for_nothing_here() -> None:
    """执行企业制度 names a group of the scheme's members: no count of the scheme itself."""
    text = (
        "标题\n\n年末参加基本养老保险人数为3120万人。\n"
        "年末城镇职工基本养老保险执行企业制度参保人数为3300万人。\n"
    )
    assert subsets(text) == []


def test_a_scheme_within_a_scheme_is_within_the_insurance() -> None:
    """C14's shape of 2012 (trial 5's X06): 城镇基本养老保险 lies within 基本养老保险, which lies
    within the five insurances; 基金总支出 is its spending."""
    text = (
        "标题\n\n全年五项社会保险基金收入2890亿元,基金支出2210亿元。全年城镇基本养老保险基金"
        "总收入{income}亿元,其中征缴收入1640亿元,各级财政补贴基本养老保险基金260亿元。"
        "基金总支出1550亿元。\n"
    )
    for script in both_scripts(text.format(income="2000")):
        found = subsets(script)
        assert ("consistent", [200e9, 289e9]) in found, found
        assert ("consistent", [155e9, 221e9]) in found
    for script in both_scripts(text.format(income="3000")):
        assert ("inconsistent", [289e9, 300e9]) in subsets(script)


# the stages of compulsory schooling, each given once a paragraph after the whole: 3900 + 1800
# = 5700 schools, 16.50 + 11.70 = 28.20万 teachers, and the falls 150 + 30 = 180
COMPULSORY = (
    "全省义务教育学校5700所,较上年减少180所;专任教师28.20万人。\n\n"
    "小学3900所,比上年减少150所;专任教师16.50万人。初中{junior}所,比上年减少30所;专任教师11.70万人。"
)


@pytest.mark.parametrize("text", both_scripts(COMPULSORY.format(junior="1800")))
def test_the_stages_a_stage_holds_make_it_and_its_change(text: str) -> None:
    sums = [(verdict, values, claimed) for verdict, values, claimed in of_kind(text, "sum")]
    assert ("consistent", [1800.0, 3900.0], 5700.0) in sums
    assert ("consistent", [117000.0, 165000.0], 282000.0) in sums
    assert ("consistent", [-150.0, -30.0], -180.0) in sums


@pytest.mark.parametrize("text", both_scripts(COMPULSORY.format(junior="1880")))
def test_stages_that_do_not_add_up_accuse_no_one(text: str) -> None:
    """3900 + 1880 = 5780 ≠ 5700: a bulletin may count 九年一贯制 schools apart, so the sum is
    shown, never called wrong (each stage still fits within the whole)."""
    sums = of_kind(text, "sum")
    assert ("unverifiable", [1880.0, 3900.0], 5700.0) in sums
    assert all(verdict != "inconsistent" for verdict, _, _ in sums)


# fresh trial 19's A08: a bulletin's totals of every school, then the stages one by one, the
# page cut inside a stage with no count. Ours (万): schools 1.62 + 0.35 = 1.97 of 4.90;
# students 12.10 + 4.20 = 16.30 of 21.40; planted 义务教育在校生 19.10: 19.10 + 4.20 = 23.30 >
# 21.40, called wrong. With 幼儿园 (2.15万所, 3.90万人) instead of 高中阶段 the stages above a
# total are shown, never called wrong: a total may leave 幼儿园 out.
CUT_BULLETIN = (
    "标题\n\n"
    "全省各级各类学校4.90万所,比上年增加0.05万所;各级各类学校在校生21.40万人。\n\n"
    "全省义务教育阶段共有学校1.62万所;在校生{compulsory}万人。\n\n"
    "全省高中阶段共有学校0.35万所;在校生4.20万人。\n\n"
    "全省高等教育"
)
WITH_KINDERGARTENS = CUT_BULLETIN.replace(
    "全省高中阶段共有学校0.35万所;在校生4.20万人。",
    "学前教育:全省共有幼儿园2.15万所;在园幼儿3.90万人。",
)


def test_the_stages_a_cut_page_gives_are_some_of_every_school() -> None:
    for script in both_scripts(CUT_BULLETIN.format(compulsory="12.10")):
        found = subsets(script)
        assert ("consistent", [3_500.0, 16_200.0, 49_000.0]) in found, found
        assert ("consistent", [42_000.0, 121_000.0, 214_000.0]) in found, found
    for script in both_scripts(CUT_BULLETIN.format(compulsory="19.10")):
        assert ("inconsistent", [42_000.0, 191_000.0, 214_000.0]) in subsets(script), script


def test_kindergartens_above_a_total_are_shown_never_accused() -> None:
    for script in both_scripts(WITH_KINDERGARTENS.format(compulsory="12.10")):
        assert ("consistent", [39_000.0, 121_000.0, 214_000.0]) in subsets(script), script
    for script in both_scripts(WITH_KINDERGARTENS.format(compulsory="19.10")):
        found = subsets(script)
        assert ("unverifiable", [39_000.0, 191_000.0, 214_000.0]) in found, found
