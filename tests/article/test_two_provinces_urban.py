"""Urbanisation rates in an article that quotes two provinces' communiqués one paragraph after
the other (article/identities.py `urbanisation`), and a share whose whole is also said to pass
a threshold (article/shares.py): the shapes of a news digest of provincial population figures.
Figures my own, worked by hand: 3000 / 5000 = 60.00%, 4400 / 8000 = 55.00%,
6560.00 / 10250.0 = 64.00%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

TWO_PROVINCES = (
    "据《2023年湖北省国民经济和社会发展统计公报》,2023年末湖北省常住人口5000万人,其中城镇常住人口"
    "3000万人,乡村常住人口2000万人;常住人口城镇化率为60.00%。\n\n"
    "据《2023年湖南省国民经济和社会发展统计公报》,2023年末湖南省常住人口8000万人,其中城镇常住人口"
    "4400万人,乡村常住人口3600万人;常住人口城镇化率为{rate}%,比上年末提高1.01个百分点。"
)
THRESHOLD = (
    "2022年末,四川省常住人口10250.0万人,占全国人口总量的7.26%;四川省户籍人口9800.0万人,"
    "成为常住人口达到过亿体量的省份。其中城镇常住人口 6560.00万人,"
    "占常住人口比重(常住人口城镇化率){rate}%,比上年末提高 0.16个百分点。"
)


def _shares(text: str) -> list[tuple[str, float | None]]:
    return [(verdict, claimed) for verdict, _, claimed in of_kind(text, "share")]


def test_the_second_provinces_rate_is_of_its_own_paragraphs_people() -> None:
    for text in both_scripts(TWO_PROVINCES.format(rate="55.00")):
        shares = _shares(text)
        assert ("consistent", 60.0) in shares and ("consistent", 55.0) in shares, shares
        assert accused(text) == [], text
    for text in both_scripts(TWO_PROVINCES.format(rate="50.50")):
        assert ("share", 50.5) in [(kind, claimed) for kind, _, _, claimed in accused(text)]


def test_a_threshold_the_whole_passes_is_no_second_whole() -> None:
    for text in both_scripts(THRESHOLD.format(rate="64.00")):
        assert ("consistent", 64.0) in _shares(text), text
        assert accused(text) == [], text
    for text in both_scripts(THRESHOLD.format(rate="66.00")):
        assert "share" in [kind for kind, *_ in accused(text)], text
