"""False alarms an adversarial review of 44ba7ea..4ecac23 (tables after the prose, gaps,
complements in brackets, parts naming every member of a partition, 2萬374) built in its own
words: correct texts, every relation in them true (worked by hand in each comment), on which
`check` said "inconsistent". Each is checked in Simplified and in Traditional script."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.clean import clean_article
from povcli.article.factcheck import check_text

TO_TRADITIONAL = opencc.OpenCC("s2t")


def inconsistent(text: str) -> list[str]:
    cleaned = clean_article("标题\n\n" + text + "\n").text
    return [
        f"{f.result.kind}: {f.result.working}"
        for f in check_text(cleaned)
        if f.result.verdict.value == "inconsistent"
    ]


# --- tables -------------------------------------------------------------------------------

# a 其中 row inside the numbered components: 80 + 380 + 540 = 1000, 78 + 362 + 510 = 950,
# 2 + 18 + 30 = 50 (工业 is within 第二产业, no fourth component); each row's change is its
# two levels' difference (320 − 305 = 15, …)
QIZHONG_ROW_AMONG_COMPONENTS = """\
2024年全市地区生产总值1000.0亿元。

表1 2024年全市地区生产总值
指标 | 2024年 (亿元) | 2023年 (亿元) | 增量 (亿元) |
地区生产总值 | 1000.0 | 950.0 | 50.0 |
一、第一产业 | 80.0 | 78.0 | 2.0 |
二、第二产业 | 380.0 | 362.0 | 18.0 |
其中:工业 | 320.0 | 305.0 | 15.0 |
三、第三产业 | 540.0 | 510.0 | 30.0 |
"""

# components numbered (一)、(二) under 二、: the same three sectors (80 + 380 + 540 = 1000),
# and 工业 + 建筑业 = 320 + 60 = 380, 305 + 57 = 362, 15 + 3 = 18 make 第二产业
NESTED_ORDINALS = """\
2024年全市地区生产总值1000.0亿元。

表1 2024年全市地区生产总值
指标 | 2024年 (亿元) | 2023年 (亿元) | 增量 (亿元) |
地区生产总值 | 1000.0 | 950.0 | 50.0 |
一、第一产业 | 80.0 | 78.0 | 2.0 |
二、第二产业 | 380.0 | 362.0 | 18.0 |
(一)工业 | 320.0 | 305.0 | 15.0 |
(二)建筑业 | 60.0 | 57.0 | 3.0 |
三、第三产业 | 540.0 | 510.0 | 30.0 |
"""

# 其中 rows under the third and fourth components: 12000 + 3000 + 1000 + 4000 = 20000,
# 11500 + 2800 + 900 + 3800 = 19000, 500 + 200 + 100 + 200 = 1000 (出租房屋 and 养老金 are
# within their components); every row's change is the difference of its levels
QIZHONG_ROWS_UNDER_COMPONENTS = """\
2024年全市居民人均可支配收入20000元。

指标 | 2024年 (元) | 2023年 (元) | 增量 (元) |
可支配收入 | 20000 | 19000 | 1000 |
一、工资性收入 | 12000 | 11500 | 500 |
二、经营净收入 | 3000 | 2800 | 200 |
三、财产净收入 | 1000 | 900 | 100 |
其中:出租房屋净收入 | 600 | 550 | 50 |
四、转移净收入 | 4000 | 3800 | 200 |
其中:养老金或离退休金 | 2500 | 2350 | 150 |
消费支出 | 15000 | 14000 | 1000 |
"""

# totals at the bottom of each block (合计): 450 + 150 = 600, 420 + 140 = 560; 100 + 300 + 500
# = 900, 95 + 280 + 475 = 850; 600 is no total of the spending under it. Rates: 600/560 =
# 7.14%, 450/420 = 7.14%, 150/140 = 7.14%, 100/95 = 5.26%, 300/280 = 7.14%, 500/475 = 5.26%,
# 900/850 = 5.88%
TOTALS_AT_THE_BOTTOM = """\
2024年全市一般公共预算收入600.0亿元,一般公共预算支出900.0亿元。

项目 | 2024年 (亿元) | 2023年 (亿元) | 增长 (%) |
一、税收收入 | 450.0 | 420.0 | 7.1 |
二、非税收入 | 150.0 | 140.0 | 7.1 |
一般公共预算收入合计 | 600.0 | 560.0 | 7.1 |
一、一般公共服务支出 | 100.0 | 95.0 | 5.3 |
二、教育支出 | 300.0 | 280.0 | 7.1 |
三、其他支出 | 500.0 | 475.0 | 5.3 |
一般公共预算支出合计 | 900.0 | 850.0 | 5.9 |
"""

# a table of the main spending items: four numbered items are a selection, not all the
# spending (80 + 50 + 150 + 120 = 400 of 800); rates 800/750 = 6.7%, 80/75 = 6.7%, 50/48 =
# 4.2%, 150/140 = 7.1%, 120/110 = 9.1%, 300/320 = −6.3%
MAIN_ITEMS = """\
2024年全市一般公共预算支出800.0亿元,比上年增长6.7%。

表2 2024年全市一般公共预算主要支出项目
项目 | 2024年 (亿元) | 2023年 (亿元) | 增长 (%) |
一般公共预算支出 | 800.0 | 750.0 | 6.7 |
一、一般公共服务 | 80.0 | 75.0 | 6.7 |
二、公共安全 | 50.0 | 48.0 | 4.2 |
三、教育 | 150.0 | 140.0 | 7.1 |
四、社会保障和就业 | 120.0 | 110.0 | 9.1 |
政府性基金预算支出 | 300.0 | 320.0 | -6.3 |
"""

# GDP rates are at constant prices (the prose says 按不变价格计算; every bureau's GDP and
# value-added rates are): the nominal levels grew 1050/980 = 7.1%, the volume 5.0% (prices
# 1.0714/1.050 = +2.0%); so the sectors, 80/76 = 5.3% nominal, 3.5% real, …. The sectors
# make the total: 80 + 400 + 570 = 1050, 76 + 380 + 524 = 980
GDP_REAL_RATES = """\
2024年全市地区生产总值1050.0亿元,按不变价格计算,比上年增长5.0%。

表1 2024年全市地区生产总值
指标 | 2024年 (亿元) | 2023年 (亿元) | 比上年增长 (%) |
地区生产总值 | 1050.0 | 980.0 | 5.0 |
第一产业 | 80.0 | 76.0 | 3.5 |
第二产业 | 400.0 | 380.0 | 4.8 |
第三产业 | 570.0 | 524.0 | 5.5 |
"""

# the header says it: 按可比价格计算 (same figures as above)
GDP_COMPARABLE_HEADER = GDP_REAL_RATES.replace("比上年增长 (%)", "按可比价格计算增长 (%)")

# a quarter's GDP and industrial value added: 750/712 = 5.3% and 200/188 = 6.4% nominal,
# 5.0% and 6.0% in volume
QUARTERS_VALUE_ADDED = """\
2024年前三季度全市地区生产总值750.0亿元。

指标 | 2024年1-9月 (亿元) | 2023年1-9月 (亿元) | 增长 (%) |
地区生产总值 | 750.0 | 712.0 | 5.0 |
规模以上工业增加值 | 200.0 | 188.0 | 6.0 |
"""

# contributions and pulls of GDP growth are of the real increments: at 2023 prices the sectors
# grew 76 × 3.0% = 2.28, 380 × 4.5% = 17.10, 524 × 5.8% = 30.39 (亿元), 49.77 in all:
# 49.77/980 = 5.08% → 5.1; contributions 2.28/49.77 = 4.6%, 17.10/49.77 = 34.4%, 30.39/49.77
# = 61.1% (sum 100.1 ≈ 100); pulls 2.28/980 = 0.2, 17.10/980 = 1.7, 30.39/980 = 3.1 (sum 5.0
# ≈ 5.1). The nominal increments (4 + 20 + 46 = 70; 1050 − 980 = 70, 80 − 76 = 4, …) are
# right too, but no rate or contribution of them is stated
GDP_CONTRIBUTIONS = """\
2024年全市地区生产总值1050.0亿元,按不变价格计算,比上年增长5.1%。

表1 2024年全市地区生产总值
指标 | 2024年 (亿元) | 2023年 (亿元) | 增量 (亿元) | 增长 (%) | 贡献率 (%) | 拉动 (百分点) |
地区生产总值 | 1050.0 | 980.0 | 70.0 | 5.1 | 100.0 | 5.1 |
一、第一产业 | 80.0 | 76.0 | 4.0 | 3.0 | 4.6 | 0.2 |
二、第二产业 | 400.0 | 380.0 | 20.0 | 4.5 | 34.4 | 1.7 |
三、第三产业 | 570.0 | 524.0 | 46.0 | 5.8 | 61.1 | 3.1 |
"""

# the rate column is since 2020 (2020: 24000 and 32500 元; 30000/24000 = 25.0%, 40000/32500
# = 23.1%), not the growth from the 2023 column
RATE_SINCE_ANOTHER_YEAR = """\
2024年全市居民人均可支配收入30000元。

指标 | 2024年 (元) | 2023年 (元) | 比2020年增长 (%) |
居民人均可支配收入 | 30000 | 28300 | 25.0 |
城镇居民人均可支配收入 | 40000 | 37800 | 23.1 |
"""

# per-head incomes of town and country average to the whole's, they do not add up to it
# (30000 = 54.5% × 40000 + 45.5% × 18000); rates 30000/28302 = 6.0%, 40000/37879 = 5.6%,
# 18000/16822 = 7.0%
PER_HEAD_ROWS = """\
2024年全市居民人均可支配收入30000元,比上年增长6.0%。

指标 | 单位 | 2024年 | 2023年 | 比上年增长 (%) |
全体居民人均可支配收入 | 元 | 30000 | 28302 | 6.0 |
城镇居民人均可支配收入 | 元 | 40000 | 37879 | 5.6 |
农村居民人均可支配收入 | 元 | 18000 | 16822 | 7.0 |
"""

# the same with the rows named by their people only (the table's subject is per head)
PER_HEAD_ROWS_SHORT = """\
2024年全市居民人均可支配收入30000元,比上年增长6.0%。

指标 | 2024年 (元) | 2023年 (元) | 比上年增长 (%) |
全体居民 | 30000 | 28302 | 6.0 |
城镇居民 | 40000 | 37879 | 5.6 |
农村居民 | 18000 | 16822 | 7.0 |
"""

# life expectancy of men and women: 77.00 and 82.20 years average to 79.50, never add up
LIFE_EXPECTANCY = """\
2024年全市人均预期寿命79.50岁。

指标 | 单位 | 2024年 | 2023年 |
人均预期寿命 | 岁 | 79.50 | 79.20 |
男性 | 岁 | 77.00 | 76.70 |
女性 | 岁 | 82.20 | 81.90 |
"""

# a rate's row in the growth column holds its change in points: 65.2 − 64.0 = 1.2,
# 3.5 − 3.6 = −0.1 (and 500.0/495.0 = 1.0%)
RATE_ROWS_IN_POINTS = """\
2024年末全市常住人口500.0万人。

指标 | 单位 | 2024年 | 2023年 | 比上年增长 (%) |
年末常住人口 | 万人 | 500.0 | 495.0 | 1.0 |
常住人口城镇化率 | % | 65.2 | 64.0 | 1.2 |
城镇登记失业率 | % | 3.5 | 3.6 | -0.1 |
"""

# a share row's growth cell is the share's change in points (0.5), no share of the rates:
# 80.0/500.0 = 16.0%
SHARE_ROW_IN_A_GROWTH_COLUMN = """\
2024年全市规模以上工业增加值500.0亿元。

指标 | 单位 | 2024年 | 比上年增长 (%) |
规模以上工业增加值 | 亿元 | 500.0 | 6.0 |
高技术制造业增加值 | 亿元 | 80.0 | 9.0 |
占规模以上工业增加值比重 | % | 16.0 | 0.5 |
"""

# the infant mortality rate is no death rate of the population: 9.00 − 7.00 = 2.00,
# 9.50 − 6.90 = 2.60
INFANT_MORTALITY = """\
2024年全市人口出生率9.00‰。

指标 | 单位 | 2024年 | 2023年 |
人口出生率 | ‰ | 9.00 | 9.50 |
婴儿死亡率 | ‰ | 4.50 | 4.80 |
人口死亡率 | ‰ | 7.00 | 6.90 |
人口自然增长率 | ‰ | 2.00 | 2.60 |
"""

# national and provincial reserves are not all: 10 + 25 + 15 = 50, 10 + 24 + 14 = 48
LEVELS_OF_RESERVES = """\
全市自然保护区50个。

指标 | 单位 | 2024年 | 2023年 |
自然保护区 | 个 | 50 | 48 |
国家级 | 个 | 10 | 10 |
省级 | 个 | 25 | 24 |
市县级 | 个 | 15 | 14 |
"""

# the five kinds of power and the rest: 600 + 200 + 100 + 60 + 30 + 10 = 1000
POWER_AND_THE_REST = """\
2024年全省发电量1000.0亿千瓦时。

产品名称 | 单位 | 2024年 | 比上年增长 (%) |
发电量 | 亿千瓦时 | 1000.0 | 5.0 |
火电 | 亿千瓦时 | 600.0 | 2.0 |
水电 | 亿千瓦时 | 200.0 | 8.0 |
核电 | 亿千瓦时 | 100.0 | 3.0 |
风电 | 亿千瓦时 | 60.0 | 15.0 |
太阳能发电 | 亿千瓦时 | 30.0 | 30.0 |
其他 | 亿千瓦时 | 10.0 | 1.0 |
"""

# town and country make all retail sales (850 + 150 = 1000), not the 其中 row above them
# (限额以上单位, 400 of the 1000)
PARTITION_UNDER_A_QIZHONG_ROW = """\
2024年全市社会消费品零售总额1000.0亿元,比上年增长5.0%。

指标 | 2024年 (亿元) | 比上年增长 (%) |
社会消费品零售总额 | 1000.0 | 5.0 |
其中:限额以上单位消费品零售额 | 400.0 | 4.0 |
城镇 | 850.0 | 4.8 |
乡村 | 150.0 | 6.1 |
"""

# four regions make the migrant workers: 10000 + 9500 + 8500 + 1000 = 29000, 10100 + 9400 +
# 8400 + 900 = 28800; the first three are not all of them
FOUR_REGIONS = """\
2024年全国农民工29000万人。

指标 | 2024年 (万人) | 2023年 (万人) |
农民工总量 | 29000 | 28800 |
东部地区 | 10000 | 10100 |
中部地区 | 9500 | 9400 |
西部地区 | 8500 | 8400 |
东北地区 | 1000 | 900 |
"""

# a rate column headed 增减 (%): the components' rates do not add up to the total's
# (4.3 + 7.1 + 11.1 + 5.3 is no 5.3); the levels and the changes do: 12000 + 3000 + 1000 +
# 4000 = 20000, 500 + 200 + 100 + 200 = 1000; rates 1000/19000 = 5.3%, 500/11500 = 4.3%,
# 200/2800 = 7.1%, 100/900 = 11.1%, 200/3800 = 5.3%, 1000/14000 = 7.1%
RATES_IN_A_CHANGE_COLUMN = """\
2024年全市居民人均可支配收入20000元。

指标 | 2024年 (元) | 2023年 (元) | 增减量 (元) | 增减 (%) |
可支配收入 | 20000 | 19000 | 1000 | 5.3 |
一、工资性收入 | 12000 | 11500 | 500 | 4.3 |
二、经营净收入 | 3000 | 2800 | 200 | 7.1 |
三、财产净收入 | 1000 | 900 | 100 | 11.1 |
四、转移净收入 | 4000 | 3800 | 200 | 5.3 |
消费支出 | 15000 | 14000 | 1000 | 7.1 |
"""

# growth on a comparable basis (同口径: last year's revenue restated for a tax moved to the
# province, 571.4 and 432.7亿元): 600/571.4 = 5.0%, 450/432.7 = 4.0%, not 600/580 = 3.4%
COMPARABLE_BASIS = """\
2024年全市一般公共预算收入600亿元。

项目 | 2024年 (亿元) | 2023年 (亿元) | 同口径增长 (%) |
一般公共预算收入 | 600.0 | 580.0 | 5.0 |
税收收入 | 450.0 | 440.0 | 4.0 |
"""

# --- prose --------------------------------------------------------------------------------

# national and provincial sites are some of all (15 + 85 = 100 of 320: 220 are of cities and
# counties)
NATIONAL_AND_PROVINCIAL = "全省共有重点文物保护单位320处,其中国家级15处,省级85处。"
NATIONAL_AND_PROVINCIAL_NAMED = "全市共有A级旅游景区120家,其中国家级景区20家,省级景区45家。"

# public and private hospitals make the hospitals (12 + 18 = 30), not the hospitals and the
# township health centres (60: 30 are health centres)
HOSPITALS_AND_HEALTH_CENTRES = "全县共有医院及乡镇卫生院60个,其中公立医院12个,民营医院18个。"

# the parts are of the year before: 80 + 230 = 310 = 320 − 10 (2023), not 320 (2024)
PARTS_OF_THE_YEAR_BEFORE = (
    "2024年末全市共有医院320个,比上年末增加10个。其中,2023年末公立医院80个,民营医院230个。"
)

# a breakdown of a part after it: public and private hospitals' beds make the hospitals'
# (3.0 + 1.2 = 4.2), which are within all beds (4.2 ≤ 5.0); 4.2 + 3.0 + 1.2 counts them twice
NESTED_PARTS = "全市医疗卫生机构床位5.0万张,其中医院床位4.2万张,公立医院3.0万张,民营医院1.2万张。"

# poor and other villages are all the villages, not all the money: 3.1 + 1.2 + 0.9 = 5.2
VILLAGES_NOT_ALL_THE_MONEY = (
    "全年投入财政扶贫资金5.2亿元(贫困村3.1亿元、非贫困村1.2亿元),其余0.9亿元用于县级产业项目。"
)

# the fourth region in a sentence of its own: 10000 + 9500 + 8500 + 1000 = 29000; the three
# after 其中 are not all of it
FOURTH_REGION_APART = (
    "全国农民工29000万人,其中东部地区农民工10000万人,中部地区农民工9500万人,西部地区农民工"
    "8500万人。东北地区农民工1000万人。"
)

# the hospitals' beds are some of all beds: 3.0 + 1.2 = 4.2 of 5.0 (0.8 in health centres)
HOSPITAL_BEDS_OF_ALL_BEDS = (
    "全市医疗卫生机构床位5.0万张,其中公立医院床位3.0万张,民营医院床位1.2万张。"
)

# the city's hospitals in the province's: 80 + 240 = 320 of the province's 2500
PARTS_OF_ANOTHER_PLACE = "全省共有医院2500个,其中全市公立医院80个,民营医院240个。"

# men and women break the on-post workers down (52 + 38 = 90), within the 100 employed
MEN_AND_WOMEN_OF_A_PART = (
    "全市城镇单位就业人员100万人,其中在岗职工90万人,男性在岗职工52万人,女性在岗职工38万人。"
)

NO_ALARM = [
    pytest.param(QIZHONG_ROW_AMONG_COMPONENTS, id="table-qizhong-row-among-components"),
    pytest.param(NESTED_ORDINALS, id="table-nested-ordinals"),
    pytest.param(QIZHONG_ROWS_UNDER_COMPONENTS, id="table-qizhong-rows-under-components"),
    pytest.param(TOTALS_AT_THE_BOTTOM, id="table-totals-at-the-bottom"),
    # numbered rows under a total are all of it, unless the caption says they are the main
    # items only (主要支出项目): then their sum is shown when it holds, never called wrong
    pytest.param(MAIN_ITEMS, id="table-main-items"),
    pytest.param(GDP_REAL_RATES, id="table-gdp-real-rates"),
    pytest.param(GDP_COMPARABLE_HEADER, id="table-gdp-comparable-header"),
    pytest.param(QUARTERS_VALUE_ADDED, id="table-quarters-value-added"),
    pytest.param(GDP_CONTRIBUTIONS, id="table-gdp-contributions"),
    pytest.param(RATE_SINCE_ANOTHER_YEAR, id="table-rate-since-another-year"),
    pytest.param(PER_HEAD_ROWS, id="table-per-head-rows"),
    pytest.param(PER_HEAD_ROWS_SHORT, id="table-per-head-rows-short"),
    pytest.param(LIFE_EXPECTANCY, id="table-life-expectancy"),
    pytest.param(RATE_ROWS_IN_POINTS, id="table-rate-rows-in-points"),
    pytest.param(SHARE_ROW_IN_A_GROWTH_COLUMN, id="table-share-row-in-a-growth-column"),
    pytest.param(INFANT_MORTALITY, id="table-infant-mortality"),
    pytest.param(LEVELS_OF_RESERVES, id="table-levels-of-reserves"),
    pytest.param(POWER_AND_THE_REST, id="table-power-and-the-rest"),
    pytest.param(PARTITION_UNDER_A_QIZHONG_ROW, id="table-partition-under-a-qizhong-row"),
    pytest.param(FOUR_REGIONS, id="table-four-regions"),
    pytest.param(RATES_IN_A_CHANGE_COLUMN, id="table-rates-in-a-change-column"),
    pytest.param(COMPARABLE_BASIS, id="table-comparable-basis"),
    pytest.param(NATIONAL_AND_PROVINCIAL, id="national-and-provincial"),
    pytest.param(NATIONAL_AND_PROVINCIAL_NAMED, id="national-and-provincial-named"),
    pytest.param(HOSPITALS_AND_HEALTH_CENTRES, id="hospitals-and-health-centres"),
    pytest.param(PARTS_OF_THE_YEAR_BEFORE, id="parts-of-the-year-before"),
    pytest.param(NESTED_PARTS, id="nested-parts"),
    pytest.param(VILLAGES_NOT_ALL_THE_MONEY, id="villages-not-all-the-money"),
    pytest.param(FOURTH_REGION_APART, id="fourth-region-apart"),
    pytest.param(HOSPITAL_BEDS_OF_ALL_BEDS, id="hospital-beds-of-all-beds"),
    pytest.param(PARTS_OF_ANOTHER_PLACE, id="parts-of-another-place"),
    pytest.param(MEN_AND_WOMEN_OF_A_PART, id="men-and-women-of-a-part"),
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("text", NO_ALARM)
def test_no_false_alarm(text: str, script: str) -> None:
    written = TO_TRADITIONAL.convert(text) if script == "traditional" else text
    assert inconsistent(written) == []


# what the fixes must still catch: a planted error in each shape above (old → new, and the
# relation that breaks, worked by hand)
PLANTED = [
    # 经营净收入 3000 → 3100: 12000 + 3100 + 1000 + 4000 = 20100, not 20000 (the 其中 rows
    # passed over); 3100 − 2800 = 300, not 200
    pytest.param(
        QIZHONG_ROWS_UNDER_COMPONENTS,
        "| 3000 | 2800 | 200 |",
        "| 3100 | 2800 | 200 |",
        {"sum", "difference"},
        id="component-among-qizhong-rows",
    ),
    # the (一)(二) rows passed over, and a row after the run (so it is whole): 三、第三产业's
    # change 30 → 40: 2 + 18 + 40 = 60, not 50; 540 − 510 = 30, not 40
    pytest.param(
        NESTED_ORDINALS + "地方一般公共预算收入 | 100.0 | 95.0 | 5.0 |\n",
        "| 540.0 | 510.0 | 30.0 |",
        "| 540.0 | 510.0 | 40.0 |",
        {"sum", "difference"},
        id="component-after-nested-ordinals",
    ),
    # the spending total at the bottom 900 → 950: 100 + 300 + 500 = 900; 950/850 = 11.8%
    pytest.param(
        TOTALS_AT_THE_BOTTOM,
        "一般公共预算支出合计 | 900.0 |",
        "一般公共预算支出合计 | 950.0 |",
        {"sum", "growth"},
        id="total-at-the-bottom",
    ),
    # a nominal rate column is the growth of the levels: 1050/980 = 7.1%, not 7.5
    pytest.param(
        GDP_REAL_RATES.replace("比上年增长 (%)", "名义增长 (%)").replace("| 5.0 |", "| 7.1 |"),
        "| 1050.0 | 980.0 | 7.1 |",
        "| 1050.0 | 980.0 | 7.5 |",
        {"growth"},
        id="nominal-gdp-rate",
    ),
    # the northeast 1000 → 1200: 10000 + 9500 + 8500 + 1200 = 29200, not 29000
    pytest.param(
        FOUR_REGIONS,
        "东北地区 | 1000 |",
        "东北地区 | 1200 |",
        {"sum"},
        id="four-regions",
    ),
    # the natural growth beside an infant mortality row 2.00 → 2.20: 9.00 − 7.00 = 2.00
    pytest.param(
        INFANT_MORTALITY,
        "| 2.00 | 2.60 |",
        "| 2.20 | 2.60 |",
        {"difference"},
        id="natural-growth-beside-infant-mortality",
    ),
    # the public hospitals of a plain whole 80 → 90: 90 + 230 = 320 ≠ 310 of the year before,
    # but the parts are of 2023 and the whole of 2024: nothing to accuse, so a text of one
    # year instead: 90 + 240 = 330, not 320
    pytest.param(
        "2024年末全市共有医院320个。其中,公立医院80个,民营医院240个。",
        "公立医院80个",
        "公立医院90个",
        {"sum"},
        id="public-and-private-hospitals",
    ),
    # a complement of the villages the whole counts: 57 + 46 = 103, not 93
    pytest.param(
        "全县有93个行政村(57个贫困村、36个非贫困村)。",
        "36个非贫困村",
        "46个非贫困村",
        {"sum"},
        id="complement-of-villages",
    ),
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("text", "old", "new", "kinds"), PLANTED)
def test_a_planted_error_is_still_caught(
    text: str, old: str, new: str, kinds: set[str], script: str
) -> None:
    assert old in text
    planted = text.replace(old, new)
    planted = TO_TRADITIONAL.convert(planted) if script == "traditional" else planted
    assert {line.split(":")[0] for line in inconsistent(planted)} == kinds
