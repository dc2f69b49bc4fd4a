"""False alarms review 26 found (texts of a reviewer who had not seen the code), in our own words
and figures, worked by hand:

  Taiwan's 兆 before thousands grouped by a comma: 2兆5,000億元 = 25000億; 1250 / (25000 − 1250)
    = 5.26% (read as 5,000億 it would be 33.3%); 10兆2,000億 / 20兆4,000億 = 50.0%
  last year's students-per-teacher ratio: 比上年的18.50:1, 上年…为18.50:1 — none of this year's
    levels (360000 / 20000 = 18.00); a ratio of all compulsory schooling, (30000 + 12000) /
    (2000 + 1000) = 14.00, none of 初中's 12000 / 1000 = 12.00
"""

from __future__ import annotations

from tests.helpers import accused, both_scripts, claimed_of

TAXES = (
    "財政部統計,去年全國賦稅實徵淨額2兆5,000億元,較前年增加1,250億元,增幅5.3%。"
    "同期地區生產總值為新臺幣20兆4,000億元,其中民間消費10兆2,000億元,占50.0%。\n"
)
LAST_YEAR = (
    "——小学。全市小学在校生36.00万人,专任教师2.00万人,生师比18.00:1,比上年的18.50:1下降0.50;"
    "上年小学生师比为18.50:1。\n"
)
COMPULSORY = (
    "——小学。全县小学在校生30,000人,专任教师2,000人,生师比15.00:1。 ——初中。全县初中在校生"
    "12,000人,专任教师1,000人。全县义务教育阶段生师比14.00:1,低于全省平均水平。\n"
)


def test_zhao_before_a_comma_grouped_number_holds_it_all() -> None:
    for variant in both_scripts(TAXES):
        assert not accused(variant), variant
        assert claimed_of(variant, "change-rate", "consistent") == [5.3], variant
        assert claimed_of(variant, "share", "consistent") == [50.0], variant


def test_last_years_ratio_is_none_of_this_years_levels() -> None:
    for variant in both_scripts(LAST_YEAR):
        assert not accused(variant), variant
        assert claimed_of(variant, "ratio", "consistent") == [18.0], variant


def test_a_ratio_of_all_compulsory_schooling_is_none_of_a_stages() -> None:
    for variant in both_scripts(COMPULSORY):
        assert not accused(variant), variant
        assert claimed_of(variant, "ratio", "consistent") == [15.0], variant
