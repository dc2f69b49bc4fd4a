"""A bare 个 counts what the noun of the figures beside it names (factcheck._bare_counts_named):
"湖南省共有51个贫困县,其中国家级贫困县40个(含…),省定贫困县11个" is a real release's shape;
the subjects and figures here are my own."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

# 25 + 13 = 38 villages; planted: 25 + 15 = 40, more than the 38 there are
VILLAGES = "全市共有38个重点村,其中市级重点村25个(含20个示范村、5个提升村),县定重点村{county}个。"


def test_bare_counts_beside_named_ones_add_up() -> None:
    for text in both_scripts(VILLAGES.format(county="13")):
        assert ("consistent", [13.0, 25.0], 38.0) in of_kind(text, "sum"), text
        assert accused(text) == []


def test_bare_counts_larger_than_their_named_whole_are_wrong() -> None:
    for text in both_scripts(VILLAGES.format(county="15")):
        assert [kind for kind, *_ in accused(text)] == ["subset"], text


def test_a_bare_count_is_no_person() -> None:
    """个 and 人 count different things: no relation binds 12个 to 30人."""
    text = "全村共有脱贫人口30人,其中帮扶小组12个,结对干部18人。"
    for version in both_scripts(text):
        assert accused(version) == [], version


def test_a_numeral_inside_a_name_is_no_part() -> None:
    """ "三大片区" names three areas: no count of the counties beside it (the real page's
    shape: 58 + 17 = 75, with 三大 between)."""
    text = (
        "全省86个县市区中有75个贫困县,其中58个县市区列入北山、南山和西山“三大片区”贫困县,"
        "此外还有17个插花型贫困县。"
    )
    for version in both_scripts(text):
        assert accused(version) == [], version


def test_parts_that_may_overlap_are_not_called_too_many() -> None:
    """女性 and 少数民族 count along two lines: 24 + 30 above 50 says nothing wrong."""
    for text in both_scripts("全县总人口50万人,其中女性24万人,少数民族30万人。"):
        assert accused(text) == [], text


def test_parts_classed_along_different_lines_are_not_called_too_many() -> None:
    """Review 17's texts: boarders and girls, firms by owner and by field, exports by trade mode
    and by goods, a job programme's groups: each part right, their sum above the whole."""
    texts = [
        "全校在校生12000人,其中女生5800人,寄宿生7000人。",
        "全市规模以上工业企业3000家,其中高新技术企业1800家,国有控股企业400家,外商投资企业900家。",
        "全年出口1500亿元,其中一般贸易出口900亿元,加工贸易出口400亿元,机电产品出口800亿元。",
        "全年城镇新增就业5.2万人,其中高校毕业生3.0万人,农村转移劳动力2.5万人。",
    ]
    for text in texts:
        for version in both_scripts(text):
            assert accused(version) == [], version


def test_the_whole_before_zhong_is_no_parts_total() -> None:
    """医院总诊疗人次中 names the hospitals' visits, not all institutions' 总诊疗人次."""
    text = (
        "2021年,医疗卫生机构总诊疗人次84.7亿,其中医院38.8亿人次。医院总诊疗人次中,"
        "公立医院32.7亿人次(占84.3%),民营医院6.1亿人次(占15.7%)。"
    )
    for version in both_scripts(text):
        assert accused(version) == [], version
