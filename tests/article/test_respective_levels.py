"""Levels a 分别 list gives every member of a partition, in the shapes of the real corpus's NBS
poverty releases and provincial communiqués ("东部、中部、西部地区农村贫困人口分别为…", "第一、二、
三产业增加值分别为…"): the names give each level its member, and the parts make the total the text
states before them. Our own figures, worked by hand:

  农村低收入人口 64 + 195 + 318 = 577 (万人)
  生产总值      312.4 + 1986.7 + 2741.6 = 5040.7 (亿元)

A planted total of 587 (or 5050.7) is called wrong. Incomes per head of the regions' people
make no sum, nor do the members' rates."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

REGIONS = (
    "2023年末,全国农村低收入人口{total}万人。"
    "分地区看,东部、中部、西部地区农村低收入人口分别为64万人、195万人和318万人。\n"
)
SECTORS = (
    "全年全市地区生产总值{total}亿元,比上年增长5.6%。"
    "第一、二、三产业增加值分别为312.4亿元、1986.7亿元、2741.6亿元。\n"
)


def test_listed_regions_make_the_national_total() -> None:
    for variant in both_scripts(REGIONS.format(total="577")):
        found = article_relations(variant)
        assert ("sum", "consistent", [640000.0, 1950000.0, 3180000.0], 5770000.0) in found, found
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_listed_sectors_make_the_product() -> None:
    for variant in both_scripts(SECTORS.format(total="5040.7")):
        found = article_relations(variant)
        parts = [312.4e8, 1986.7e8, 2741.6e8]
        assert ("sum", "consistent", parts, 5040.7e8) in found, found
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_total_is_called_wrong() -> None:
    for variant in both_scripts(REGIONS.format(total="587")):
        wrong = accused(variant)
        assert ("sum", "inconsistent", [640000.0, 1950000.0, 3180000.0], 5870000.0) in wrong
    for variant in both_scripts(SECTORS.format(total="5050.7")):
        wrong = accused(variant)
        assert [r[0] for r in wrong] == ["sum"], wrong


def test_incomes_per_head_and_rates_make_no_sum() -> None:
    incomes = (
        "全国居民人均可支配收入31200元。东部、中部、西部和东北地区居民人均可支配收入分别为"
        "40100元、27300元、26000元和29100元。\n"
    )
    rates = "全国农村低收入人口577万人。东部、中部、西部地区分别下降8.1%、9.2%和7.7%。\n"
    for variant in both_scripts(incomes + rates):
        assert not [r for r in article_relations(variant) if r[0] == "sum"], variant
