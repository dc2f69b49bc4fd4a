"""A city's schools in the shape of an education bureau's yearly summary (fresh trial 21's A08):
one paragraph a page ran together, a heading `义务教育` run into its first line, the compulsory
stage's totals, then `——小学。` and `——初中。` sections each giving the same measures again
(校数, 校舍总面积, 仪器设备值, 图书, 专任教师) and a students-per-teacher ratio whose `:1` is left
unwritten. Our own county and figures, worked by hand:

  schools 40 + 20 = 60; floor space 45.30 + 35.20 = 80.50 万平方米;
  equipment 1.40 + 1.00 = 2.40 亿元; books 170.00 + 130.00 = 300.00 万册;
  teachers 3500 + 1700 = 5200 = 0.52万
  floor space a year before 45.30 / 1.04 + 35.20 / 1.0677 = 43.5577 + 32.9681 = 76.5258;
    80.50 / 76.5258 = 1.05193 → 5.19%
  equipment 1.40 / 1.05 + 1.00 / 1.0741 = 2.26434; 2.40 / 2.26434 = 1.05991 → 5.99%
  books 170 / 1.03 + 130 / 1.0536 = 288.435; 300 / 288.435 = 1.04010 → 4.01%
  primary 63000 / 3500 = 18.00; junior 26000 / 1700 = 15.294 → 15.29 (planted 16.29)

Stages short of the total (初中 15 schools: 55 of 60) are never called wrong: a bulletin may count
other schools (九年一贯制) in the total; stages beyond it (25: 65 of 60) are.
"""

from __future__ import annotations

from tests.helpers import accused, both_scripts, claimed_of

SUMMARY = (
    "全县教育事业保持良好发展态势。 义务教育 全县义务教育中小学60所,比上年减少1所。"
    "校舍总面积80.50万平方米,增长5.19%;仪器设备值2.40亿元,增长5.99%;图书300.00万册,增长4.01%。"
    "专任教师0.52万人,增加2.36%。义务教育入学率为100%。 ——小学。校数40所,比上年减少1所;"
    "在校生6.30万人,比上年增加1200人,增加1.94%。校舍总面积45.30万平方米,增长4.00%;"
    "仪器设备值1.40亿元,增长5.00%;图书170.00万册,增长3.00%。专任教师3500人,比上年增加80人,"
    "小学生师比为18.00。 ——初中。校数{junior_schools}所,与上年持平;在校生2.60万人,比上年增加500人,"
    "增加1.96%。校舍总面积35.20万平方米,增长6.77%;仪器设备值1.00亿元,增长7.41%;"
    "图书130.00万册,增长5.36%。初中专任教师1700人,比上年增加40人,生师比{junior_ratio}。\n"
)
CORRECT = SUMMARY.format(junior_schools="20", junior_ratio="15.29")


def test_the_sections_stages_make_the_compulsory_totals() -> None:
    for variant in both_scripts(CORRECT):
        sums = claimed_of(variant, "sum", "consistent")
        for total in (60, 805_000, 240_000_000, 3_000_000, 5200):
            assert total in sums, (total, sums, variant)
        assert not accused(variant), variant


def test_the_sections_rates_make_the_compulsory_rates() -> None:
    for variant in both_scripts(CORRECT):
        assert claimed_of(variant, "growth-of-sum", "consistent") == [4.01, 5.19, 5.99], variant


def test_a_ratio_with_its_one_unwritten_is_students_per_teacher() -> None:
    for variant in both_scripts(CORRECT):
        assert claimed_of(variant, "ratio", "consistent") == [15.29, 18.0], variant


def test_a_wrong_ratio_with_its_one_unwritten_is_called_wrong() -> None:
    planted = SUMMARY.format(junior_schools="20", junior_ratio="16.29")
    for variant in both_scripts(planted):
        assert [r[3] for r in accused(variant)] == [16.29], variant


def test_stages_short_of_the_total_are_shown_never_called_wrong() -> None:
    fewer = SUMMARY.format(junior_schools="15", junior_ratio="15.29")
    for variant in both_scripts(fewer):
        assert 60 not in claimed_of(variant, "sum", "consistent"), variant
        assert not accused(variant), variant


def test_stages_beyond_the_total_are_called_wrong() -> None:
    more = SUMMARY.format(junior_schools="25", junior_ratio="15.29")
    for variant in both_scripts(more):
        assert [(r[0], r[3]) for r in accused(variant)] == [("subset", None)], variant


def test_a_heading_run_into_the_totals_line_before_its_place_names_nothing() -> None:
    """(the real corpus's C08) "1、教育事业发展统计公报全省义务教育中小学5734所": the words before
    全省 are a heading, not a group of the schools."""
    headed = CORRECT.replace(
        "义务教育 全县义务教育中小学", "1、教育事业发展统计公报全县义务教育中小学"
    )
    for variant in both_scripts(headed):
        assert 60 in claimed_of(variant, "sum", "consistent"), variant
        assert not accused(variant), variant
