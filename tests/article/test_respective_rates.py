"""Levels, their changes and their rates each listed with 分别 (or 各), in the shape of fresh
trial 18's A07 (a CNA report on Taiwan's graduates, dated by school year): "…的毕业生各L1、L2,
比Y学年分别减C1、C2,减幅各为R1、R2". Our own figures, worked by hand:

  普通高中 9.3万人, 4年前 9.3 + 1.6 = 10.9, 1.6 / 10.9 = 14.68%  (written 14.7 or 14.5..14.8)
  中职学校 2.5万人, 4年前 2.5 + 4.7 = 7.2,  4.7 / 7.2  = 65.28%  (written 65.3)

(falls are signed: −14.7, −65.3). A planted 75.3% is called wrong. The two changes are no
parts of the second level (the old reading took "分别比2019年减少1.6万人和4.7万人" for parts
of 2.5万人, and called them too large); a school year (110学年, 2023学年) is a date, no figure."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

SHAPES = (
    "2023年全市普通高中、中职学校毕业生分别为9.3万人和2.5万人,分别比2019年减少1.6万人和4.7万人,"
    "分别下降14.7%和{second}%。\n",
    "2023年全市普通高中、中职学校的毕业生分别为9.3万人、2.5万人,比2019年分别减少1.6万人、"
    "4.7万人,降幅分别为14.7%、{second}%。\n",
    "110学年毕业于普通高中、中职学校的毕业生各9.3万人、2.5万人,比106学年分别减1.6万人、4.7万人,"
    "减幅各为14.7%、{second}%。\n",
    "2023学年,全市普通高中、中职学校毕业生各为9.3万人、2.5万人,比2019学年各减少1.6万人、"
    "4.7万人,降幅各为14.7%、{second}%。\n",
)


def test_each_rate_goes_with_its_own_level() -> None:
    for shape in SHAPES:
        for variant in both_scripts(shape.format(second="65.3")):
            found = article_relations(variant)
            rates = [r for r in found if r[0] == "change-rate"]
            assert [(r[1], r[3]) for r in rates] == [
                ("consistent", -14.7),
                ("consistent", -65.3),
            ], found
            assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_rate_is_called_wrong() -> None:
    for shape in SHAPES:
        for variant in both_scripts(shape.format(second="75.3")):
            wrong = accused(variant)
            assert [(r[0], r[3]) for r in wrong] == [("change-rate", -75.3)], wrong


def test_school_years_are_no_figures() -> None:
    text = "110学年高中毕业生人数为17.9万人,比106学年少6.3万人(26%)。\n"
    for variant in both_scripts(text):
        found = article_relations(variant)
        # 6.3 / (17.9 + 6.3) = 26.03%
        assert [(r[0], r[1], r[3]) for r in found] == [("change-rate", "consistent", -26.0)], found


def test_figures_with_thousands_separators_keep_their_list() -> None:
    # 2,518 / (40,306 + 2,518) = 5.88%; 3,104 / (33,871 + 3,104) = 8.39%
    text = (
        "2024年,全省普通高等学校本科、专科毕业生分别为40,306人、33,871人,比2020年分别减少"
        "2,518人、3,104人,降幅分别为5.9%、{second}%。\n"
    )
    for variant in both_scripts(text.format(second="8.4")):
        rates = [(r[1], r[3]) for r in article_relations(variant) if r[0] == "change-rate"]
        assert rates == [("consistent", -5.9), ("consistent", -8.4)], variant
    for variant in both_scripts(text.format(second="9.4")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("change-rate", -9.4)], variant


def test_a_list_of_changes_no_level_list_matches_pairs_nothing() -> None:
    # three levels, two changes: whose they are is not guessed, and no rate is paired wrongly
    text = (
        "2023年,全市小学、初中、高中在校生各为86.1万人、41.3万人、20.2万人,比2019年各增加"
        "5.7万人、4.1万人,增幅各为7.1%、11.1%。\n"
    )
    for variant in both_scripts(text):
        assert not accused(variant), variant
