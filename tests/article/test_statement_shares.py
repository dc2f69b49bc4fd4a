"""A bare 占 in a list of partners after a share that named its whole, in the shape of fresh
trial 15's A09 (a customs press release: "对东盟进出口…占进出口总值的15.3%;对欧盟进出口…,
增长1.9%,占13.7%;对美国…占11.2%"). Our own figures, worked by hand:

  whole 8.40 (万亿元); 对日本 1.26 / 8.40 = 15.0%; 对韩国 0.97 / 8.40 = 11.55% → 11.5 or 11.6;
  对印度 0.42 / 8.40 = 5.0%

The second share is of the whole the first named, not of 出口 (which its words end with). A
planted 13.5% is called wrong. After 其中 the share is of the part before it (河北 of 东部)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

PARTNERS = (
    "前三季度,本省货物贸易进出口总值8.40万亿元,其中出口5.10万亿元,进口3.30万亿元。"
    "前三季度,本省对日本进出口1.26万亿元,"
    "同比增长3.1%,占进出口总值的15.0%;对韩国进出口0.97万亿元,增长2.2%,占{korea}%;"
    "对印度进出口0.42万亿元,下降4.4%,占5.0%。\n"
)


def test_each_partner_is_a_share_of_the_named_whole() -> None:
    for variant in both_scripts(PARTNERS.format(korea="11.5")):
        found = article_relations(variant)
        shares = sorted(r[3] for r in found if r[0] == "share" and r[1] == "consistent")
        assert shares == [5.0, 11.5, 15.0], found
        assert not [r for r in found if r[1] == "inconsistent"], found


def test_a_planted_share_of_a_partner_is_called_wrong() -> None:
    for variant in both_scripts(PARTNERS.format(korea="13.5")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("share", 13.5)], variant


def test_after_qizhong_the_share_is_of_the_part_before() -> None:
    # 12 / 47 = 25.5% of the east, not 12 / 551 = 2.2% of the nation
    text = (
        "2019年末全国农村贫困人口551万人。东部地区农村贫困人口47万人,"
        "占全国农村贫困人口的8.5%;其中,河北农村贫困人口12万人,占25.5%。\n"
    )
    for variant in both_scripts(text):
        found = article_relations(variant)
        assert ("share", "consistent", [120000.0, 470000.0], 25.5) in found, found
        assert not [r for r in found if r[1] == "inconsistent"], found
