"""A ratio of several places' levels against one of them (NBS's
"东部、中部、东北部和西部地区城镇居民 可支配收入的比值为1.39∶1.01∶1.02∶1(以西部地区为1)" after each
region's level): each term is its place's level over the base's. My figures: 46200 / 33000 = 1.40;
35640 / 33000 = 1.08; 34320 / 33000 = 1.04."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

REGIONS = (
    "2024年,东部地区农村居民人均可支配收入为46200.0元,比上年增加2100.0元;中部地区农村居民人均"
    "可支配收入为35640.0元;西部地区农村居民人均可支配收入为33000.0元;东北地区农村居民人均可支配"
    "收入为34320.0元。从相对差距看,2024年东部、中部、东北部和西部地区农村居民可支配收入的比值为"
    "{east}∶1.08∶1.04∶1(以西部地区为1,下同)。"
)


def test_each_term_is_its_places_level_over_the_bases() -> None:
    for text in both_scripts(REGIONS.format(east="1.40")):
        ratios = [(verdict, values) for verdict, values, _ in of_kind(text, "ratio")]
        assert ratios == [
            ("consistent", [33000.0, 46200.0]),
            ("consistent", [33000.0, 35640.0]),
            ("consistent", [33000.0, 34320.0]),
        ], ratios
        assert accused(text) == [], text


def test_a_term_written_wrong_is_caught() -> None:
    for text in both_scripts(REGIONS.format(east="1.04")):
        assert [values for _, _, values, _ in accused(text)] == [[33000.0, 46200.0]], text


def test_no_ratio_where_the_places_and_terms_disagree_in_number() -> None:
    three = REGIONS.format(east="1.40").replace("1.08∶1.04∶1", "1.08∶1")
    for text in both_scripts(three):
        assert of_kind(text, "ratio") == [], text
