"""A Chinese page speaks Chinese: every note `check` writes on the shapes of real bulletins has
its Chinese phrase, the readings tried among them (their name and verdict)."""

from __future__ import annotations

import re

from povcli.article.clean import clean_article
from povcli.article.factcheck import check_text
from povcli.report.words import phrase_in, verdict_sentence
from tests.article.test_breakdown_headings import HEADINGS as BREAKDOWNS
from tests.article.test_budget_item_lists import CORRECT as BUDGET_LISTS
from tests.article.test_cell_lines import COMPARABLE, INDICATORS, RETAIL, TOURISM
from tests.article.test_changes_bind import ADDITIONS, RESIDENCE, VEHICLES
from tests.article.test_defined_totals import text as defined_total
from tests.article.test_gaps import EAST_NORTHEAST, EAST_WEST
from tests.article.test_growth_of_sum import PORTS
from tests.article.test_hierarchies import COMPULSORY, CUT_BULLETIN, STAGES
from tests.article.test_hierarchies import CORRECT as STAGES_CORRECT
from tests.article.test_increases import INCOME as INCREASES
from tests.article.test_indented_rows import table as indented_table
from tests.article.test_investment_pulls import CORRECT as INVESTMENT_PULLS
from tests.article.test_labour_force import text as labour_force
from tests.article.test_loose_heads import ARRIVALS
from tests.article.test_member_shares import CAPACITY
from tests.article.test_named_ratios import TOURISM as TRIPS
from tests.article.test_named_totals import TEXT as NAMED_TOTAL
from tests.article.test_national_balance import NATION
from tests.article.test_numbered_items import text as numbered_items
from tests.article.test_plan_amounts import REPORT as PLAN_AMOUNTS
from tests.article.test_profit_margins import SEGMENTS as SEGMENT_MARGINS
from tests.article.test_pulls import SECTORS as PULLS
from tests.article.test_rate_gaps import QUARTER
from tests.article.test_real_shapes import (
    CRUDE,
    NO_ALARM,
    OIL_CROPS,
    SHAPES,
    THRESHOLD_THEN_LEVEL,
)
from tests.article.test_review6 import MAIN_ITEMS
from tests.article.test_review9 import PROVINCE_SPENDING_PLANTED
from tests.article.test_review10 import FORCED, GROWTH_COLUMN, GROWTH_ROW
from tests.article.test_review11 import PER_HEAD
from tests.article.test_row_restatements import text as total_row
from tests.article.test_sex_ratios import PROVINCE as SEX_RATIO
from tests.article.test_share_pulls import COMMENTARY as SHARE_PULLS
from tests.article.test_shares_named_elsewhere import SCHOOLS as KINDERGARTENS
from tests.article.test_spaced_tables import (
    DISTRICTS,
    HEALTH_PLANTED,
    OUTPUT,
    PUPILS,
    SCHOOLS,
    TRADE_PLANTED,
    TRADE_UNNAMED,
    WORKERS_PLANTED,
)
from tests.article.test_span_daily_averages import ENERGY
from tests.article.test_student_ratios import BULLETIN
from tests.article.test_tables import GDP, HUKOU, INCOME, POPULATION
from tests.article.test_taiwan_population import HOMES, MONTH
from tests.article.test_unit_columns import DENSITY
from tests.article.test_unit_columns import PLANTED as GRAIN_PLANTED
from tests.article.test_weighted_averages import MONTH as STAYS
from tests.article.test_yields import GRAIN

TEXTS = [text for _, correct, planted in SHAPES for text in (correct, planted)] + NO_ALARM
# a natural growth by definition, a thing and its complement, a 分别 list after 共
TEXTS += [
    INVESTMENT_PULLS,
    SHARE_PULLS.format(pull="11.0"),
    SEGMENT_MARGINS.format(private="6.32"),
    BUDGET_LISTS,
    BREAKDOWNS.format(finance_plan="1200"),
    BREAKDOWNS.format(finance_plan="1700"),
    # parts under a heading that names a whole they do not add up to
    "1-5月,完成地方一般公共预算收入2400万元。地方收入按部门分:税务部门完成2000万元;财政部门完成300万元。",
    PLAN_AMOUNTS.format(tax="43.2"),
    ARRIVALS.format(north="40.4"),
    ARRIVALS.format(north="45.6"),
    KINDERGARTENS.format(enrolled="71.95"),
    ENERGY.format(crude="53.7"),
    STAYS.format(stay="1.2"),
    CUT_BULLETIN.format(compulsory="12.10"),
    "全年出生人口10万人,出生率为8.00‰;死亡人口6万人,死亡率为4.80‰;自然增长率为3.20‰。",
    # a year's level so much a month
    "全年居民人均可支配收入24000元,平均到每个月为2000元。",
    # parts that may overlap
    "全县总人口50万人,其中女性24万人,少数民族30万人。",
    # a trade surplus
    "前5个月,出口额2.40万亿元,增长3.0%;进口额1.90万亿元,下降1.0%;贸易顺差5000亿元。",
    # shares listed one after another that make their whole
    "上述门店中,甲类占50.5%、乙类占30.3%、丙类占19.2%。",
    # a natural increase and a change made of it and the net moves in; a crude rate
    "本岛人口增加900人,其中自然增长400人,出生人数为1300人,死亡人数为900人;净迁入人口500人。",
    "年末全省常住人口5000.00万人,比上年末增加40.00万人。全年出生人口40.00万人,出生率为8.03‰。",
    "全县共有学校120所。其中,公办学校100所,非公办学校20所。",
    "全市共有医院45个,分别为综合医院30个、专科医院15个。",
    # a change of a rate written in %: points and a relative change are both tried
    "全县贫困发生率由10.2%下降到5.1%,下降50.0%。",
    # tables: rows, components and their shares, a share row, partitions, natural growth,
    # a partition further up, components that end a table cut short
    INCOME,
    POPULATION,
    GDP,
    INCOME[: INCOME.index("四、")],
    HUKOU,
    MAIN_ITEMS,
    # a crude rate of the year's mean population
    CRUDE.format(birth="8.03"),
    # one every so many minutes: 30 × 1440 / 9876 = 4.37
    "6月出生数为9876人,平均约每4.4分钟出生一个婴儿。",
    # a table's sections headed by a row in its own unit: 850.30 + 2360.20 = 3210.50 this year,
    # 820.10 + 2280.10 = 3100.20 last; with one column only, shown unconfirmed; a row short of
    # its head where the other column adds up (800.00 + 2280.10 = 3080.10)
    "指标 | 本年累计 | 上年同期 |\n货运量(万吨) | 3210.50 | 3100.20 |\n铁路 | 850.30 | 820.10 |\n"
    "公路 | 2360.20 | 2280.10 |\n",
    "指标 | 本年累计 |\n货运量(万吨) | 3210.50 |\n铁路 | 850.30 |\n公路 | 2360.20 |\n",
    "指标 | 本年累计 | 上年同期 |\n货运量(万吨) | 3210.50 | 3100.20 |\n铁路 | 850.30 | 800.00 |\n"
    "公路 | 2360.20 | 2280.10 |\n",
    # a count after the names it counts, one reading and several
    "东山县、西山县、南岭县3个县均符合退出条件。",
    "批准甲州市东山县、西山县,乙州市南岭县、北岭县共4个县退出。",
    # totals and parts each a pair after 分别, named and not
    "全省公路水路货运量、货物周转量分别完成2.70亿吨和1860.60亿吨公里。其中:\n"
    "公路货运量和货物周转量分别完成1.95亿吨和210.40亿吨公里;\n"
    "水路货运量和货物周转量分别完成0.75亿吨和1650.20亿吨公里。",
    "全省货运量、货物周转量分别完成2.70亿吨和1860.60亿吨公里。其中:\n"
    "公路货运量和货物周转量分别完成1.95亿吨和210.40亿吨公里;\n"
    "水路货运量和货物周转量分别完成0.75亿吨和1650.20亿吨公里。",
    # a year's figure each and their total, over the span and not
    "2016至2018年全县减贫人数分别为3200人、2850人、2410人。三年来,全县已累计减贫8460人。",
    "2016至2019年全县减贫人数分别为3200人、2850人、2410人。四年来,全县已累计减贫9000人。",
    # a part, the others and all of them
    "批准12个县退出。此前,其他35个县已经退出。全部47个县均已摘帽。",
    # a share named by 占比 alone, its whole named by the end of the part's words
    "理工类大专生约42.3万人,占比42.90%。\n\n大专生共98.6万人。",
    # a share of the total, the statement's larger figure before it
    "11月入境旅客为2,589,451人次;不过夜旅客有1,344,381人次(占总数51.9%)。",
    # a month's figure each and their total, over the span and not
    "今年1月到2月出生数分别为9800人、8700人,加上3月的9500人,前3个月新生儿累计2万8000人。",
    "今年1月到2月出生数分别为9800人、8700人,前3个月新生儿累计2万8000人。",
    # the net moves in: 81234 − 76543 = 4691
    "迁入人口数为8万1234人,迁出人口数为7万6543人,净迁入人口数为4691人。",
    # a month's rate annualised (9876 × 365/30 / 23,412,345 × 1000 = 5.13)
    "截至6月底,人口总数为2341万2345人。6月出生数为9876人,折合年粗出生率为5.13‰。",
    # gaps between two regions and their change
    EAST_WEST,
    EAST_NORTHEAST,
    # tables scraped one cell a line: a 其中 row above numbered rows, indicators under a
    # headline, rates on a comparable basis, a row that lost a cell
    RETAIL,
    INDICATORS,
    COMPARABLE,
    TOURISM.replace("200 |\n180 |\n-10.0 |", "180 |\n-10.0 |"),
    # tables read as rows: breakdowns confirmed elsewhere, columns under a total or none,
    # shares within rows, ratios, a total under its rows, a part left out of a province's sum
    HEALTH_PLANTED,
    TRADE_PLANTED,
    TRADE_UNNAMED,
    WORKERS_PLANTED,
    DISTRICTS.format(share="68.3"),
    SCHOOLS,
    PROVINCE_SPENDING_PLANTED,
    # a growth column that reads as a share; structures adjusted to add up to 100
    GROWTH_COLUMN,
    GROWTH_ROW.replace("57.5", "59.5"),
    FORCED.format("6.8:40.1:53.1"),
    # a section of shares under a table's levels
    OUTPUT.format(industry="47.00"),
    # a table's column total over too few rows to judge
    PUPILS.format(more=""),
    # a change in two units
    OIL_CROPS.format(level="700.12", change="47.4"),
    # columns of amounts per unit, by the header's units
    GRAIN_PLANTED,
    DENSITY.format(second="2800"),
    # a yield in prose, per hectare and per mu
    GRAIN.format(grain="6000", grain_mu="420", cereal="6800"),
    # shares of listed parts named paragraphs later; too few of them named
    CAPACITY.format(wind="22.00"),
    "\n".join(CAPACITY.format(wind="22.00").splitlines()[:7]),
    # gaps between two rates the text gives
    QUARTER.format(industry="1.6"),
    # students per teacher
    BULLETIN.format(primary="19.8"),
    STAGES.format(**STAGES_CORRECT),
    SEX_RATIO.format(ratio="104.84"),
    # 1580.20 / 1650.40 × 100 = 95.75: written against the men
    "年末全省常住人口中,男性为1650.40万人,女性为1580.20万人,性别比(以男性为100)为95.75。",
    TRIPS.format(urban="963.64"),
    NAMED_TOTAL.format(total="829.3", change="67.1"),
    THRESHOLD_THEN_LEVEL.format(added="1.42"),
    # an amount per head of the year, its population grown in a row
    PER_HEAD,
    # a total's rate from parts that add up to it: within the slack of a comparable basis
    PORTS.format(total="5.3", coast="6.0"),
    # parts bound by their changes
    VEHICLES.format(motorbikes="12.3"),
    ADDITIONS.format(added="210"),
    RESIDENCE.format(rural="55600"),
    # a nation's change, its births less its deaths
    "全国人口统计\n\n" + NATION.format(deaths="1100"),
    # the stages of compulsory schooling adding up to it
    COMPULSORY.format(junior="1800"),
    # Taiwan's releases: a rate per thousand, a daily mean, the household size
    MONTH.format(rate="3.17", day="200"),
    HOMES.format(size="2.35"),
    # contributions to an income's increase
    INCREASES.format(wage="52.0"),
    # pulls of the three sectors and their contributions
    PULLS.format(second="2.3"),
    # a table's sex ratio under its men and women
    "指标 | 单位 | 2024年 |\n男性 | 万人 | 52.40 |\n女性 | 万人 | 50.10 |\n"
    "人口性别比(以女性人口为100) | % | 104.59 |\n",
    # a multiple and the yearly rates in the next statement
    "2024年收入16500元,名义水平是2019年的1.45倍;扣除价格因素,实际水平是2019年的1.30倍。"
    "2020-2024年年均名义增长7.7%,扣除价格因素,年均实际增长5.4%。",
    # a ratio of places against one of them
    "2024年东部地区居民人均可支配收入为42000元;西部地区居民人均可支配收入为30000元。"
    "东部和西部地区居民可支配收入的比值为1.40∶1(以西部地区为1)。",
    # a yearbook's rows set under their row, one column planted; numbered items; a note
    # defining a total; a table's total row restating the prose; a labour-force survey
    indented_table(),
    indented_table(junior="16000"),
    numbered_items(),
    defined_total(),
    total_row(),
    labour_force(),
    # a change against a year stated before
    "2022年全市粮食总产量55.0万吨。2023年全市粮食总产量61.5万吨,比上年增加6.5万吨。",
]


def _notes(text: str) -> list[str]:
    found = check_text(clean_article("标题\n\n" + text + "\n").text)
    return [str(note) for f in found for note in f.to_dict()["notes"]]


# articles with titles of their own (a title that restates the text's figure, wrongly)
TITLED = [
    "全省农民人均可支配收入五年累计实际增长41.5%\n\n2025年全省农民人均可支配收入21000元,"
    "比2020年增加6000元,扣除价格因素,累计实际增长14.5%。\n",
]


def _titled_notes(text: str) -> list[str]:
    return [
        str(note) for f in check_text(clean_article(text).text) for note in f.to_dict()["notes"]
    ]


def test_every_note_has_its_chinese_phrase() -> None:
    notes = {note for text in TEXTS for note in _notes(text)}
    notes |= {note for text in TITLED for note in _titled_notes(text)}
    assert len(notes) >= 8  # the texts above write that many kinds of note at least
    assert any(note.startswith("reading ") for note in notes)
    for lang in ("zh-Hans", "zh-Hant"):
        shown = {note: phrase_in(note, lang) for note in notes}
        assert [note for note, text in shown.items() if re.search(r"[A-Za-z]{3}", text)] == []


def test_an_amount_per_unit_is_written_in_chinese_units() -> None:
    """kilogram per hectare is 公斤/公顷 on a Chinese page, 公斤/公頃 on a Traditional one."""
    record = {
        "verdict": "consistent",
        "computed": 5452.08,
        "bounds": [5452.07, 5452.09],
        "unit": "kilogram per hectare",
        "claimed_written": "5452.1公斤/公顷",
        "claimed_bounds": [5452.05, 5452.15],
    }
    simple = verdict_sentence(record, {"lang": "zh-Hans"})
    assert "5452.08公斤/公顷" in simple and "kilogram" not in simple, simple
    traditional = verdict_sentence(record, {"lang": "zh-Hant"})
    assert "5452.08公斤/公頃" in traditional, traditional
