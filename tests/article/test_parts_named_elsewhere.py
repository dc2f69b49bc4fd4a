"""`check` on shapes of the real corpus (benchmarks/real-corpus.tsv) where what binds the
figures is said apart from them: a part after 其中 that also gives its share of another
whole, a figure restated under 全省 in an article whose title names no province, a structure
written 产业增加值比例. Texts of our own, in both scripts, correct and planted."""

from __future__ import annotations

from povcli.article.clean import clean_article
from povcli.article.factcheck import check_text
from tests.helpers import both_scripts, judged_relations


def judged(text: str) -> dict[tuple[str, float | None], str]:
    """Each finding's kind and claimed figure (None where it claims none), with its verdict."""
    cleaned = clean_article(text).text
    found: dict[tuple[str, float | None], str] = {}
    for finding in check_text(cleaned):
        key = (finding.result.kind, finding.result.claimed)
        found[key] = str(finding.result.verdict)
    return found


def kinds(text: str) -> list[tuple[str, str, list[float]]]:
    """Each finding's kind, verdict and figures (its inputs' values and its claimed one)."""
    found = []
    for kind, verdict, values, claimed in judged_relations(clean_article(text).text):
        figures = values if claimed is None else sorted([*values, round(claimed, 4)])
        found.append((kind, verdict, figures))
    return found


# -------------------------------------------- a part with its share of another whole

# 实物商品网上零售额 is part of 网上零售额 (2000 ≤ 2400) and a share of 社会消费品零售总额,
# whose figure the text does not give; planted: 2600 > 2400
ONLINE = (
    "2023年,全市网上零售额2400亿元,比上年增长9.0%。其中,实物商品网上零售额{part}亿元,"
    "增长8.0%,占社会消费品零售总额的比重为25.0%。"
)


def _subsets(text: str) -> list[tuple[str, list[float]]]:
    return [(verdict, values) for kind, verdict, values in kinds(text) if kind == "subset"]


def test_a_part_that_shares_another_whole_still_fits_within_its_own() -> None:
    for text in both_scripts(ONLINE.format(part=2000)):
        assert _subsets(text) == [("consistent", [2000e8, 2400e8])], text


def test_a_part_larger_than_its_whole_is_caught_beside_its_share_of_another() -> None:
    for text in both_scripts(ONLINE.format(part=2600)):
        assert _subsets(text) == [("inconsistent", [2400e8, 2600e8])], text


def test_a_part_with_its_share_of_the_same_whole_is_judged_by_the_share() -> None:
    """占网上零售额的比重: the share says more than the part's fitting within it."""
    text = ONLINE.format(part=2000).replace("社会消费品零售总额", "全市网上零售额")
    text = text.replace("25.0%", "83.3%")  # 2000 / 2400 = 83.33%
    assert _subsets(text) == []
    assert judged(text)[("share", 83.3)] == "consistent"


# -------------------------------------------- 全省 in an article whose title names none

# the lead and the body give the same 188万; the page's first lines are furniture (a menu
# and a link), so no province is named where the title would be
PROVINCE_RESTATED = (
    "EN\nhttps://www.example.gov.cn/\n\n河北贫困发生率降至3%以下\n\n"
    "新华社石家庄1月20日电 记者从会上获悉,河北过去五年累计减少贫困人口188万,"
    "贫困发生率从12.4%下降到2.9%。\n\n"
    "省政府工作报告指出,过去五年,全省累计退出3100个贫困村,{again}万农村贫困人口脱贫。"
)


def _restated(text: str) -> list[tuple[str, list[float]]]:
    return [(verdict, values) for kind, verdict, values in kinds(text) if kind == "equal"]


def test_a_figure_restated_under_quansheng_is_the_named_provinces() -> None:
    for text in (PROVINCE_RESTATED.format(again=188),):
        for script in both_scripts(text):
            assert ("consistent", [188e4, 188e4]) in _restated(script), script


def test_a_different_figure_under_quansheng_is_never_shown_agreeing() -> None:
    """198万 is not 188万: the words (减少贫困人口, 农村贫困人口脱贫) differ too much for an
    accusation, and nothing may show the two as one figure."""
    text = PROVINCE_RESTATED.format(again=198)
    for script in both_scripts(text):
        found = kinds(script)
        assert all(not (188e4 in values and 198e4 in values) for _, _, values in found)
        assert all(verdict != "inconsistent" for _, verdict, _ in found)


def test_quansheng_in_an_article_of_two_provinces_names_neither() -> None:
    """Figures of 河北 and of 山西: 全省 may be either, so no restatement is read across."""
    text = PROVINCE_RESTATED.format(again=188).replace(
        "省政府工作报告指出", "同期山西减少贫困人口90万。省政府工作报告指出"
    )
    assert ("consistent", [188e4, 188e4]) not in _restated(text)


# -------------------------------------------- 三次产业增加值比例

# 410/5000 = 8.2%, 2030/5000 = 40.6%, 2560/5000 = 51.2%; planted 9.2:39.6:51.2 (adds up to 100,
# but 9.2 is not 8.2 nor 39.6 40.6)
PROPORTION = (
    "全年全市地区生产总值5000亿元,增长5.1%。其中,第一产业增加值410亿元,增长3.9%;第二产业增加值"
    "2030亿元,增长5.6%;第三产业增加值2560亿元,增长4.9%。三次产业增加值比例调整为{terms};"
    "第一、二、三产业对经济增长的贡献率分别为8.0%、45.0%、47.0%。"
)


def test_a_proportion_of_the_sectors_value_added_is_their_shares() -> None:
    text = PROPORTION.format(terms="8.2:40.6:51.2")
    for script in both_scripts(text):
        found = judged(script)
        assert found[("share", 8.2)] == found[("share", 40.6)] == "consistent", found
        assert found[("share", 51.2)] == "consistent"
        assert "inconsistent" not in found.values()


def test_a_proportion_with_a_term_mistyped_is_caught() -> None:
    text = PROPORTION.format(terms="9.2:39.6:51.2")
    for script in both_scripts(text):
        found = judged(script)
        assert found[("share", 9.2)] == found[("share", 39.6)] == "inconsistent", found
        assert found[("share", 51.2)] == "consistent"


def test_a_proportion_of_anything_else_is_no_structure_of_the_sectors() -> None:
    """男女比例为51.2:48.8 follows no 产业 or 增加值: no sector's share."""
    text = PROPORTION.format(terms="8.2:40.6:51.2").replace(
        "三次产业增加值比例调整为8.2:40.6:51.2", "常住人口男女比例为51.2:48.8"
    )
    assert ("share", 51.2) not in judged(text)


# -------------------------------------------- a share's whole among several provinces'

# three provinces' communiqués quoted in turn: each share is of its own province's whole;
# 2925/4500 = 65.00%, 3886/5800 = 67.00%, 3960/6600 = 60.00%; planted 湖北 69.00%
PROVINCES = (
    "据《2024年江西省统计公报》,2024年末,江西省常住人口4500万人,其中城镇常住人口2925万人,"
    "占常住人口比重(常住人口城镇化率)65.00%。\n\n"
    "据《2024年湖北省统计公报》,2024年末湖北省常住人口5800万人,其中城镇常住人口3886万人,"
    "占常住人口比重(常住人口城镇化率){hubei}%。\n\n"
    "据《2024年湖南省统计公报》,2024年末湖南省常住人口6600万人,其中城镇常住人口3960万人,"
    "占常住人口比重(常住人口城镇化率)60.00%。\n"
)


def test_each_provinces_share_is_of_its_own_whole() -> None:
    text = PROVINCES.format(hubei="67.00")
    for script in both_scripts(text):
        found = judged(script)
        assert found[("share", 65.0)] == found[("share", 67.0)] == "consistent", found
        assert found[("share", 60.0)] == "consistent"


def test_a_provinces_share_mistyped_is_caught_beside_the_others() -> None:
    text = PROVINCES.format(hubei="69.00")
    for script in both_scripts(text):
        found = judged(script)
        assert found[("share", 69.0)] == "inconsistent", found
        assert found[("share", 65.0)] == "consistent"


# -------------------------------------------- a total paragraphs before, named exactly

# a monitoring report: the total at its head, the regions of origin three paragraphs on;
# 3000 + 2800 + 2400 + 300 = 8500; planted 2400 → 2600 (8700 ≠ 8500)
WORKERS = (
    "2024年全省务工人员总量8500万人,比上年增加60万人,增长0.7%。\n\n"
    "全年务工人员月均收入4800元,比上年增长3.6%。\n\n"
    "从年龄结构看,务工人员平均年龄43.2岁。\n\n"
    "从输出地看,东部地区务工人员3000万人,比上年增加20万人;中部地区2800万人,比上年增加18万人;"
    "西部地区{west}万人,比上年增加15万人;东北地区300万人,比上年增加7万人。\n"
)


def _sums(text: str) -> list[tuple[str, list[float]]]:
    return [(verdict, values) for kind, verdict, values in kinds(text) if kind == "sum"]


def test_regions_make_the_total_named_exactly_paragraphs_before() -> None:
    text = WORKERS.format(west=2400)
    for script in both_scripts(text):
        assert ("consistent", [3e6, 24e6, 28e6, 30e6, 85e6]) in _sums(script), _sums(script)


def test_a_region_mistyped_is_caught_against_a_total_named_exactly() -> None:
    text = WORKERS.format(west=2600)
    for script in both_scripts(text):
        assert ("inconsistent", [3e6, 26e6, 28e6, 30e6, 85e6]) in _sums(script), _sums(script)


def test_a_narrower_total_paragraphs_before_binds_no_parts() -> None:
    """外出务工人员总量 is some of the workers: the regions of all of them are not its parts."""
    text = WORKERS.format(west=2600).replace("全省务工人员总量", "全省外出务工人员总量")
    assert all(verdict != "inconsistent" for verdict, _ in _sums(text))


def test_two_totals_of_one_name_bind_no_parts() -> None:
    """务工人员总量 stated twice with two values (a revised figure): neither binds."""
    text = WORKERS.format(west=2600).replace(
        "全年务工人员月均收入", "据修订,2024年全省务工人员总量8700万人。全年务工人员月均收入"
    )
    assert all(verdict != "inconsistent" for verdict, _ in _sums(text))


# -------------------------------------------- partitions a bulletin's 其中 lists in full

# 农林牧渔业 as a county communiqué lists it, each part with its rate, past semicolons:
# 120000 + 15000 + 40000 + 5000 + 8000 = 188000; planted 林业 15000 → 17000 (190000)
FARMING = (
    "农林牧渔业。全县农林牧渔业总产值188000万元,同比增长4.2%。其中:农业产值120000万元,"
    "同比增长3.1%;林业产值{forestry}万元,同比增长5.3%;牧业产值40000万元,同比增长6.8%;"
    "渔业产值5000万元,同比增长2.7%;农林牧渔服务业产值8000万元,同比增长4.4%。"
)
# a ministry's bulletin: 800 + 20 + 900 + 180 = 1900 schools, the first with its own part in
# brackets, and institutes 另有 beside them; planted 高职 900 → 950
COLLEGES = (
    "全省共有高等学校1900所,比上年增加12所。其中,普通本科学校800所(含独立学院60所);"
    "本科层次职业学校20所;高职(专科)学校{vocational}所;成人高等学校180所。"
    "另有培养研究生的科研机构40所。"
)
# 研究生 = 博士生 + 硕士生: 9.50 + 60.25 = 69.75; planted 硕士生 60.25 → 62.25
GRADUATES = (
    "全省在学研究生69.75万人,比上年增长8.2%。其中,在学博士生9.50万人,在学硕士生{masters}万人。"
)

FULL_LISTS = [  # (text, its blank, the right figure, the planted one, the sum's figures)
    (FARMING, "forestry", "15000", "17000", [5e7, 8e7, 1.5e8, 4e8, 1.2e9, 1.88e9]),
    (COLLEGES, "vocational", "900", "950", [20.0, 180.0, 800.0, 900.0, 1900.0]),
    (GRADUATES, "masters", "60.25", "62.25", [95000.0, 602500.0, 697500.0]),
]


def test_a_partition_listed_in_full_after_qizhong_makes_its_whole() -> None:
    for template, blank, right, _, values in FULL_LISTS:
        text = template.format(**{blank: right})
        for script in both_scripts(text):
            assert ("consistent", sorted(values)) in _sums(script), (script, _sums(script))


def test_a_part_of_a_partition_listed_in_full_mistyped_is_caught() -> None:
    for template, blank, _, wrong, _ in FULL_LISTS:
        text = template.format(**{blank: wrong})
        for script in both_scripts(text):
            verdicts = [verdict for verdict, _ in _sums(script)]
            assert "inconsistent" in verdicts, (script, _sums(script))


def test_four_of_five_farming_parts_are_never_called_short() -> None:
    """农林牧渔服务业 left out: the four listed are not all of the total."""
    text = FARMING.format(forestry="15000").replace(";农林牧渔服务业产值8000万元,同比增长4.4%", "")
    assert all(verdict != "inconsistent" for verdict, _ in _sums(text))


# -------------------------------------------- 其中 after a sentence of a rate alone

# a quarterly report: the sectors' levels in the lead, then a paragraph per sector opening
# with its rate alone, and 其中 a part of it: 工业 900.0 ≤ 第二产业 1000.0; planted 1100.0
SECTOR_PARAGRAPHS = (
    "前三季度全市地区生产总值2500.0亿元,同比增长4.5%。其中,第一产业增加值200.0亿元,同比增长3.5%;"
    "第二产业增加值1000.0亿元,同比增长5.1%;第三产业增加值1300.0亿元,同比增长4.2%。\n\n"
    "工业生产稳中有进。前三季度全市第二产业同比增长5.1%。其中,工业增加值实现{industry}亿元,"
    "同比增长5.6%。\n"
)


def test_a_part_after_a_sentence_of_a_rate_fits_the_level_the_rate_restates() -> None:
    text = SECTOR_PARAGRAPHS.format(industry="900.0")
    for script in both_scripts(text):
        assert ("consistent", [9e10, 1e11]) in _subsets(script), _subsets(script)


def test_a_part_larger_than_the_level_the_rate_restates_is_caught() -> None:
    text = SECTOR_PARAGRAPHS.format(industry="1100.0")
    for script in both_scripts(text):
        assert ("inconsistent", [1e11, 1.1e11]) in _subsets(script), _subsets(script)


def test_a_rate_restating_two_levels_rates_binds_no_whole() -> None:
    """第二产业增加值 and 第二产业投资 both grew 5.1%: which the rate restates is not guessed."""
    text = SECTOR_PARAGRAPHS.format(industry="1100.0").replace(
        "同比增长4.2%。\n", "同比增长4.2%。全市第二产业投资800.0亿元,同比增长5.1%。\n"
    )
    assert "800.0亿元" in text
    assert all(verdict != "inconsistent" for verdict, _ in _subsets(text))


# -------------------------------------------- a dateline names no place of the figures

# a wire copy: the dateline's city (北京) is where it was filed; the lead and the body restate
# the nation's 130.00万 and 5.00%
DATELINED = (
    "新华社北京5月10日电 记者从教育部获悉,全国共招收研究生130.00万人,比上年增长5.00%。\n\n"
    "教育部发布的统计公报显示,全国共招收研究生130.00万人,比上年增长5.00%。其中,招收博士生15.00万人,"
    "硕士生115.00万人。\n"
)


def test_a_datelines_city_is_no_place_of_the_figures() -> None:
    from povcli.article.annotate import annotate

    for script in both_scripts(DATELINED):
        reading = annotate(clean_article(script).text)
        assert {note.scope for note in reading.notes if note.role == "level"} == {"national"}
        assert ("consistent", [1.3e6, 1.3e6]) in _restated(script), _restated(script)


# a title of no place restating the body's figure of a region (民族8省区), the page's first
# lines a site's furniture
TITLED = (
    "首页 > 要闻\n\n去年民族8省区农村减贫512万人\n\n"
    "本报北京4月15日讯 根据国家统计局对全国31个省(自治区、直辖市)农村住户的抽样调查,"
    "2023年民族8省区农村贫困人口为1536万人,比上年减少512万人,减贫率为25.0%。\n"
)


def test_a_titles_figure_of_no_place_restates_the_bodys() -> None:
    for script in both_scripts(TITLED):
        assert ("consistent", [5.12e6, 5.12e6]) in _restated(script), _restated(script)


# -------------------------------------------- a footnote's number after a figure's unit

# an energy report quoting the communiqué, a footnote's 1 right after the total's unit; the
# real corpus's C19 printed its thermal power ten times too large (253302.5 for 53302.5)
FOOTNOTED = (
    "2024年,全省发电量5000.0亿千瓦时1,同比增长3.0%,增速较上年降低1个百分点。其中,火电发电量"
    "{thermal}亿千瓦时,同比增长2.0%;水电发电量1200.0亿千瓦时,同比增长4.0%。\n"
)


def test_a_footnotes_number_is_no_whole_of_the_parts() -> None:
    for thermal, verdict in (("3500.0", "consistent"), ("35000.0", "inconsistent")):
        text = FOOTNOTED.format(thermal=thermal)
        for script in both_scripts(text):
            part = float(thermal) * 1e8
            found = _subsets(script)
            assert any(v == verdict and {part, 5e11} <= set(vs) for v, vs in found), found


# -------------------------------------------- a share whose whole the 占 phrase states

# 348 / 3000 = 11.6%; planted 12.6%
STATED_WHOLE = "截至2016年底,全省精准识别出建档立卡贫困人口348万,占全省3000万农村人口的{share}%。"


def test_a_share_of_the_whole_the_zhan_phrase_states() -> None:
    for share, verdict in (("11.6", "consistent"), ("12.6", "inconsistent")):
        text = STATED_WHOLE.format(share=share)
        for script in both_scripts(text):
            assert judged(script)[("share", float(share))] == verdict, judged(script)


# -------------------------------------------- fresh trial 12's false alarms, in our words

# a month's retail and the year to date's (fresh trial 12, A06): 在商品零售中 opens parts of
# both spans; 1-3月份's 3300 is no part of 3月份's 2600
RETAIL_SPANS = (
    "3月份,社会消费品零售总额3000亿元,同比增长9.0%。其中,商品零售2600亿元,增长9.2%。"
    "1-3月份,社会消费品零售总额8800亿元,同比增长8.5%。其中,商品零售7800亿元,增长8.6%。"
    "在商品零售中,3月份,限额以上单位商品零售1100亿元,同比增长8.0%。1-3月份,限额以上单位商品零售"
    "{ytd}亿元,同比增长7.9%。"
)


def test_parts_among_a_whole_are_of_its_span_of_the_year() -> None:
    text = RETAIL_SPANS.format(ytd="3300")
    for script in both_scripts(text):
        found = _subsets(script)
        assert all(verdict != "inconsistent" for verdict, _ in found), found
        assert ("consistent", [1.1e11, 2.6e11]) in found, found


# airports and the cities they serve (fresh trial 12, A10): two counts after 其中, of two
# things; planted 22 airports of 20
AIRPORTS = "2024年,全省运输机场共有20个,其中定期航班通航机场{airports}个,定期航班通航城市18个。"


def test_parts_counting_another_thing_are_no_parts_of_the_whole() -> None:
    for airports, verdict in (("19", "consistent"), ("22", "inconsistent")):
        text = AIRPORTS.format(airports=airports)
        for script in both_scripts(text):
            assert _subsets(script) == [(verdict, sorted([float(airports), 20.0]))], _subsets(
                script
            )
