"""A county communiqué's population written without its 人 ("年末全县常住人口766579,比上年末增加
2028人"): a whole number whose change counts people is a count of people, and the crude rates
after it are over its year's mean (article/crude.py). Figures my own, worked by hand: the mean
is 523410 − 1510 / 2 = 522655; 4620 / 522655 = 8.84‰, 3105 / 522655 = 5.94‰."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

COMMUNIQUE = (
    "据2024年人口抽样调查,年末全县常住人口523410,比上年末增加1510人。全年全县出生人口4620人,"
    "人口出生率{births}‰;死亡人口3105人,死亡率5.94‰;自然增长率2.90‰。"
)


def test_a_population_without_its_unit_makes_the_crude_rates() -> None:
    for text in both_scripts(COMMUNIQUE.format(births="8.84")):
        rates = [(verdict, claimed) for verdict, _, claimed in of_kind(text, "crude-rate")]
        assert ("consistent", 8.84) in rates and ("consistent", 5.94) in rates, rates
        assert accused(text) == [], text
    for text in both_scripts(COMMUNIQUE.format(births="8.48")):
        assert "crude-rate" in [kind for kind, *_ in accused(text)], text


def test_a_number_of_no_unit_whose_change_is_not_of_people_is_none() -> None:
    # 523410 tonnes, say: its change in 吨 makes it no population
    text = "年末全县常住人口523410,比上年末增加1510吨。全年全县出生人口4620人,人口出生率8.84‰。"
    for each in both_scripts(text):
        assert of_kind(each, "crude-rate") == [], each
