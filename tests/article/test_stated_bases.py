"""A change against a year whose level the text stated sentences before ("2008年40岁及以下农民工
占比为70%。…2023年…占比为44.6%,比2008年下降25.4个百分点"; "比上年减少…" after last year's level):
the change is the two levels' difference. My figures: 5.0 − 4.2 = 0.8 points; 61.5 − 55.0 = 6.5
(万吨); 61.5 / 55.0 − 1 = 11.8%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

RATES = (
    "2020年全县农村低保覆盖率为5.0%。经过三年努力,保障更加精准。\n\n"
    "2023年全县农村低保覆盖率为4.2%,比2020年下降{points}个百分点。"
)
GRAIN = (
    "2022年全市粮食总产量55.0万吨,创历史新高。\n\n"
    "2023年全市粮食总产量61.5万吨,比上年增加{more}万吨,增长{rate}%。"
)


def test_a_change_against_a_year_stated_before_is_its_levels_difference() -> None:
    for text in both_scripts(RATES.format(points="0.8")):
        points = [(verdict, values) for verdict, values, _ in of_kind(text, "point-change")]
        assert points == [("consistent", [4.2, 5.0])], points
    for text in both_scripts(GRAIN.format(more="6.5", rate="11.8")):
        differences = [(verdict, values) for verdict, values, _ in of_kind(text, "difference")]
        assert differences == [("consistent", [550000.0, 615000.0])], differences
        growths = [(verdict, values) for verdict, values, _ in of_kind(text, "growth")]
        assert growths == [("consistent", [550000.0, 615000.0])], growths
        assert of_kind(text, "yoy") == [], text  # the level a year before is given
        assert accused(text) == [], text


def test_a_change_written_wrong_against_the_stated_year_is_caught() -> None:
    for text in both_scripts(RATES.format(points="1.8")):
        assert [values for _, _, values, _ in accused(text)] == [[4.2, 5.0]], text
    for text in both_scripts(GRAIN.format(more="5.6", rate="11.8")):
        wrong = [values for _, _, values, _ in accused(text)]
        # (and 5.6 on 61.5 − 5.6 is no growth of 11.8%)
        assert wrong == [[550000.0, 615000.0], [56000.0, 615000.0]], text


def test_no_base_where_the_text_gives_two_or_another_places() -> None:
    texts = [
        # two figures for the base year that differ (a first and a revised count)
        "2022年全市粮食总产量55.0万吨。据核定,2022年全市粮食总产量56.0万吨。\n\n"
        "2023年全市粮食总产量61.5万吨,比上年增加5.6万吨。",
        # the base year's figure is another place's
        "2022年全省粮食总产量550.0万吨。\n\n2023年全市粮食总产量61.5万吨,比上年增加5.6万吨。",
        # a month's level against last year's is no year's change
        "2022年全市粮食总产量55.0万吨。\n\n2023年10月全市粮食总产量61.5万吨,比上年增加5.6万吨。",
    ]
    for text in texts:
        for version in both_scripts(text):
            assert of_kind(version, "difference") == [], version
            assert accused(version) == [], version


# 第一财经's shape: the base year's share in a clause after a level, the comparison opening the
# next statement and the points running "至" the new share (5.0 − 0.8 = 4.2)
OPENING = (
    "2020年全县农村人口约52.0万人,60岁及以上老人占比为18.0%,总数达9.4万人;"
    "与2020年相比,2023年60岁及以上老人占比上升{points}个百分点至21.5%。"
)


def test_points_to_a_share_against_the_year_the_statement_opens_with() -> None:
    for text in both_scripts(OPENING.format(points="3.5")):
        points = [(verdict, values) for verdict, values, _ in of_kind(text, "point-change")]
        assert points == [("consistent", [18.0, 21.5])], points
    for text in both_scripts(OPENING.format(points="5.3")):
        assert [values for _, _, values, _ in accused(text)] == [[18.0, 21.5]], text
