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


def test_a_measure_named_after_fenbie_and_four_regions() -> None:
    # 18204.6 + 7711.3 + 6764.2 + 2013.0 = 34693.1; the total's words only suggest it: shown
    text = (
        "2024年,全国规模以上工业企业实现利润总额{total}亿元。分地区看,东部、中部、西部和"
        "东北地区规模以上工业企业分别实现利润18204.6亿元、7711.3亿元、6764.2亿元和2013.0亿元。\n"
    )
    parts = sorted([18204.6e8, 7711.3e8, 6764.2e8, 2013.0e8])
    for variant in both_scripts(text.format(total="34693.1")):
        assert ("sum", "consistent", parts, 34693.1e8) in article_relations(variant), variant
    for variant in both_scripts(text.format(total="36693.1")):
        assert not accused(variant), variant  # (a whole the words only suggest is not judged)


def test_taiwans_five_regions_make_its_population() -> None:
    # 10,512,340 + 5,730,118 + 6,201,455 + 531,870 + 152,006 = 23,127,789
    text = (
        "113年底全國戶籍登記人口為{total}人。按區域別觀察,北部、中部、南部、東部及金馬地區人口"
        "分別為10,512,340人、5,730,118人、6,201,455人、531,870人及152,006人。\n"
    )
    parts = [10512340.0, 5730118.0, 6201455.0, 531870.0, 152006.0]
    for variant in both_scripts(text.format(total="23,127,789")):
        assert ("sum", "consistent", sorted(parts), 23127789.0) in article_relations(variant)
    for variant in both_scripts(text.format(total="23,172,789")):
        assert [r[0] for r in accused(variant)] == ["sum"], variant


CHANNELS = (
    "今年5月入境旅客共2,318,420人次,按年上升12.4%。按入境渠道统计,5月经陆路入境的旅客共"
    "{land}人次,当中经关闸口岸有803,115人次。另一方面,经海路及空路入境的旅客分别有"
    "302,664人次及161,230人次。\n"
)


def test_members_stated_before_a_list_of_the_others_make_the_whole() -> None:
    # 1,854,526 + 302,664 + 161,230 = 2,318,420 (land, then sea and air listed with 分别);
    # the total's words only suggest it is their whole: shown, never called wrong
    parts = [161230.0, 302664.0, 1854526.0]
    for variant in both_scripts(CHANNELS.format(land="1,854,526")):
        assert ("sum", "consistent", parts, 2318420.0) in article_relations(variant), variant
    for variant in both_scripts(CHANNELS.format(land="1,845,526")):
        assert not accused(variant), variant


def test_a_member_before_that_counts_something_else_is_no_part() -> None:
    other = CHANNELS.format(land="1,854,526").replace("经陆路入境的旅客共", "经陆路入境的货车共")
    for variant in both_scripts(other):
        assert not [r for r in article_relations(variant) if r[0] == "sum"], variant
