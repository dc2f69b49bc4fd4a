"""A whole broken down by aspects, with chart captions between its paragraphs, in the shape
of fresh trial 23's A02 (a health bulletin reposted with its charts' captions: "其中:医院…个;…"
then "医院从经营方式来看,有公立医院…和民营医院…,占比分别为…;从医院等级看,三级医院…,
二级医院…,一级医院…,未定级医院…,占比…"). Our own figures, by hand: 公立 9400 + 民营 15600 =
25000 (医院), shares 37.6% and 62.4%; grades 2100 + 8300 + 9100 + 5500 = 25000, 未定级 5500 /
25000 = 22.0% (planted 24.0); beds 其中 520.0 / 700.0 = 74.3%, 150.0 / 700.0 = 21.4%, 30.0 /
700.0 = 4.3%, the whole a caption and a source line before them. 三级 and 二级 name grades, no
figures."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

BULLETIN = (
    "一、2023年末全省医疗卫生机构总数\n"
    "2023年末全省医疗卫生机构总数60000个,比上年增加800个。其中:医院25000个,与上年相比增加了500个;"
    "基层医疗卫生机构33000个;专业公共卫生机构2000个。\n"
    "2018-2023年全省医疗卫生机构数量统计图\n"
    "数据来源:省统计局,某某研究院整理\n"
    "医院从经营方式来看,有公立医院9400个和民营医院15600个,占比分别为37.6%和62.4%;从医院等级看,"
    "三级医院2100个(其中:三级甲等医院900个),二级医院8300个,一级医院9100个,未定级医院5500个,"
    "占比{unrated}%。\n"
    "二、2023年末全省医疗卫生机构床位数\n"
    "2023年末,全省医疗卫生机构床位700.0万张,与上年比较增加了20.0万张。\n"
    "2018-2023年全省医疗卫生机构床位数量统计图\n"
    "数据来源:省统计局,某某研究院整理\n"
    "其中:医院520.0万张,占比74.3%;基层医疗卫生机构150.0万张,占比21.4%;专业公共卫生机构30.0万张,"
    "占比4.3%。\n"
)


def _kind(text: str, kind: str, verdict: str) -> list[tuple[list[float], float | None]]:
    return [(r[2], r[3]) for r in article_relations(text) if r[0] == kind and r[1] == verdict]


def test_each_aspect_breaks_the_whole_down() -> None:
    for variant in both_scripts(BULLETIN.format(unrated="22.0")):
        sums = _kind(variant, "sum", "consistent")
        assert ([9400, 15600], 25000) in sums, sums
        assert ([2100, 5500, 8300, 9100], 25000) in sums, sums
        shares = _kind(variant, "share", "consistent")
        for part, share in ((9400, 37.6), (15600, 62.4), (5500, 22.0)):
            assert ([part, 25000], share) in shares, (part, shares)
        for part, share in ((520e4, 74.3), (150e4, 21.4), (30e4, 4.3)):
            assert ([part, 700e4], share) in shares, (part, shares)
        assert not accused(variant)


def test_a_planted_share_of_the_aspects_whole_is_called_wrong() -> None:
    for variant in both_scripts(BULLETIN.format(unrated="24.0")):
        assert ([5500, 25000], 24.0) in _kind(variant, "share", "inconsistent"), variant
