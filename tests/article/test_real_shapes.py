"""`check` on the shapes real bulletins use, in texts of our own: the connectives, the order of
the figures, the qualifiers and the document structure of the real corpus (see
benchmarks/real-corpus.tsv), with our own subjects and figures. Each shape has a correct text
and one with a planted error, in Simplified script; each is also checked in Traditional script
(converted by OpenCC, as a Taiwanese or Hong Kong copy would be written)."""

from __future__ import annotations

import opencc
import pytest

from povcli.article.annotate import annotate
from povcli.article.clean import clean_article
from povcli.article.extract import find_mentions
from povcli.article.factcheck import check_text
from povcli.article.figures import figures_of
from povcli.verdict import Verdict
from tests.helpers import both_scripts, judged_relations

TO_TRADITIONAL = opencc.OpenCC("s2t")
TO_SIMPLIFIED = opencc.OpenCC("t2s")


def verdicts(text: str) -> list[tuple[str, str]]:
    cleaned = clean_article("标题\n\n" + text + "\n").text
    return [(f.result.kind, str(f.result.verdict.value)) for f in check_text(cleaned)]


# (kind, correct text, planted-error text) — the working by hand in the comments; "a|b": the
# correct text is an a, the planted one may be found as either
SHAPES = [
    # a count to the thousand, as Taiwan's releases write it, with 或 before its rate:
    # 8萬4千 / (512萬3千 − 8萬4千) = 84000 / 5039000 = 1.67%; planted 1.76%
    ("change-rate",
     "8月底受僱員工人數512萬3千人,較上年同月底增8萬4千人或1.67%。",
     "8月底受僱員工人數512萬3千人,較上年同月底增8萬4千人或1.76%。"),
    # containers in TEU, a port release's 其中 after the month's total: 1350.00 + 150.00 =
    # 1500.00; planted as a real release once printed it, a digit too many: 13500.00 + 150.00
    # (a part larger than its whole is judged, not passed over, when the parts are every
    # member of a partition)
    ("sum",
     "7月份,全国港口完成集装箱吞吐量1500.00万TEU,同比增长8.0%。其中,沿海港口完成"
     "1350.00万TEU,内河港口完成150.00万TEU。",
     "7月份,全国港口完成集装箱吞吐量1500.00万TEU,同比增长8.0%。其中,沿海港口完成"
     "13500.00万TEU,内河港口完成150.00万TEU。"),
    # 标箱 is TEU: 8000.00 + 1000.00 = 9000.00; planted 8000.00 + 1100.00 = 9100.00
    ("sum",
     "1-7月,全国港口完成集装箱吞吐量9000.00万标箱,其中,沿海港口完成8000.00万标箱,"
     "内河港口完成1000.00万标箱。",
     "1-7月,全国港口完成集装箱吞吐量9000.00万标箱,其中,沿海港口完成8000.00万标箱,"
     "内河港口完成1100.00万标箱。"),
    # a structure of three sectors after their levels: 160/2000 = 8.0%, 760/2000 = 38.0%,
    # 1080/2000 = 54.0%, and 8.0 + 38.0 + 54.0 = 100; planted: 8.0 + 36.0 + 54.0 = 98
    ("sum",
     "全市地区生产总值2000亿元。其中,第一产业增加值160亿元,第二产业增加值760亿元,"
     "第三产业增加值1080亿元。三次产业结构为8.0:38.0:54.0。",
     "全市地区生产总值2000亿元。其中,第一产业增加值160亿元,第二产业增加值760亿元,"
     "第三产业增加值1080亿元。三次产业结构为8.0:36.0:54.0。"),
    # a part stated a sentence earlier, named before 占, its whole in brackets:
    # 90 / 250 = 36.0%; planted 38.0%
    ("share",
     "民族地区贫困人口90万人。民族地区贫困人口占全省贫困人口(250万人)的比重为36.0%。",
     "民族地区贫困人口90万人。民族地区贫困人口占全省贫困人口(250万人)的比重为38.0%。"),
    # 其中 opens the next sentence, its whole the sentence before: 602.3 + 258.2 = 860.5;
    # planted: 602.3 + 358.2 = 960.5 > 860.5 (parts that do not add up are checked to fit)
    ("sum|subset",
     "全年一般公共预算收入860.5亿元。其中,税收收入602.3亿元,非税收入258.2亿元。",
     "全年一般公共预算收入860.5亿元。其中,税收收入602.3亿元,非税收入358.2亿元。"),
    # a count, its noun, then a thing and its complement in brackets: 450 + 750 = 1200;
    # planted 450 + 705 = 1155 (脱贫村 and 非脱贫村 are all the villages)
    ("sum",
     "监测对象分布在15个县、1200个村(450个脱贫村、750个非脱贫村)。",
     "监测对象分布在15个县、1200个村(450个脱贫村、705个非脱贫村)。"),
    # 其中: then the two kinds every hospital is of: 0.9 + 1.6 = 2.5; planted 0.9 + 1.4 = 2.3
    ("sum",
     "截至2024年6月底,全省医院2.5万个,其中:公立医院0.9万个,民营医院1.6万个。",
     "截至2024年6月底,全省医院2.5万个,其中:公立医院0.9万个,民营医院1.4万个。"),
    # the two kinds every marriage is of, one named inside the other's word (同性 in 不同性别):
    # 5210 + 130 = 5340; planted 5120 + 130 = 5250
    ("sum",
     "5月结婚对数合计5340对,其中不同性别5210对,相同性别130对。",
     "5月结婚对数合计5340对,其中不同性别5120对,相同性别130对。"),
    # a share of increments, the whole named 新增X: 120 / 200 = 60.0%; planted 65.0%
    ("share",
     "全省农民工总量5000万人,比上年增加200万人。其中,外出农民工3000万人,比上年增加120万人;"
     "本地农民工2000万人,比上年增加80万人。外出农民工增量占新增农民工的60.0%。",
     "全省农民工总量5000万人,比上年增加200万人。其中,外出农民工3000万人,比上年增加120万人;"
     "本地农民工2000万人,比上年增加80万人。外出农民工增量占新增农民工的65.0%。"),
    # …增量占…增量的: 90 / 120 = 75.0%; planted 80.0%
    ("share",
     "外出农民工3000万人,比上年增加120万人。在外出农民工中,跨省流动农民工1200万人,比上年增加"
     "30万人;省内流动农民工1800万人,比上年增加90万人。省内流动农民工增量占外出农民工增量的75.0%。",
     "外出农民工3000万人,比上年增加120万人。在外出农民工中,跨省流动农民工1200万人,比上年增加"
     "30万人;省内流动农民工1800万人,比上年增加90万人。省内流动农民工增量占外出农民工增量的80.0%。"),
    # a rate written with its own minus beside a fall: −20 / (980 + 20) = −2.0%; 负 is a minus
    # too; planted −3.0% (the fall's words must not turn −2.0 into +2.0)
    ("change-rate",
     "2024年全市工业增加值980亿元,比上年减少20亿元,增长-2.0%。",
     "2024年全市工业增加值980亿元,比上年减少20亿元,增长-3.0%。"),
    ("change-rate",
     "2024年全市工业增加值980亿元,比上年减少20亿元,增长负2.0%。",
     "2024年全市工业增加值980亿元,比上年减少20亿元,增长负3.0%。"),
    # one figure in two units: 1650万吨 × 2000 = 330亿斤; 3200千公顷 × 15 = 4800万亩; planted
    # 340亿斤 and 4900万亩
    ("conversion",
     "全年夏粮产量1650万吨(330.0亿斤),夏粮播种面积3200.0千公顷(4800.0万亩)。",
     "全年夏粮产量1650万吨(340.0亿斤),夏粮播种面积3200.0千公顷(4800.0万亩)。"),
    ("conversion",
     "全年夏粮产量1650万吨,折合330.0亿斤;夏粮播种面积3200.0千公顷(4800.0万亩)。",
     "全年夏粮产量1650万吨,折合330.0亿斤;夏粮播种面积3200.0千公顷(4900.0万亩)。"),
    # a share's change in points from the levels and their changes: last year (8.50 + 0.50) /
    # (11.20 + 0.80) = 9.00 / 12.00 = 75.00%, this year 8.50 / 11.20 = 75.89% → 75.9; 75.9 − 75.00
    # = 0.9 points; planted 1.9 points
    ("share-change",
     "全市共有幼儿园11.20万所,比上年减少0.80万所。其中,普惠性幼儿园8.50万所,比上年减少0.50万所,"
     "占全市幼儿园的比例75.9%,比上年提高0.9个百分点。",
     "全市共有幼儿园11.20万所,比上年减少0.80万所。其中,普惠性幼儿园8.50万所,比上年减少0.50万所,"
     "占全市幼儿园的比例75.9%,比上年提高1.9个百分点。"),
    # 含 in brackets: 42 of 350; planted 420 > 350
    ("subset",
     "全市共有中小学350所(含民办学校42所)。",
     "全市共有中小学350所(含民办学校420所)。"),
    # what brackets hold is part of the level before them, no part of the list after 其中:
    # 2358 + 365 = 2723 (323 is within 2358); planted: 2358 + 465 = 2823 > 2723
    ("subset",
     "全市共有医疗机构2723个。其中,医院2358个(含民营医院323个),基层医疗机构365个。",
     "全市共有医疗机构2723个。其中,医院2358个(含民营医院323个),基层医疗机构465个。"),
    # X中有Y: 58 of 119 counties; planted 158 > 119
    ("subset",
     "全省119个县中有58个县是贫困县。",
     "全省119个县中有158个县是贫困县。"),
    # a rate in brackets after a change, years of the Republic of China (113年 is 2024):
    # 37 / (412 − 37) = 9.87% → 9.9%; planted 12.9%
    ("change-rate",
     "113年底全市托育机构计412家,较112年底增加37家(9.9%)。",
     "113年底全市托育机构计412家,较112年底增加37家(12.9%)。"),
    # the level compared with, a note in brackets between: 50 / 1000 = 5.0% (read as the
    # current level it would be 50 / 950 = 5.26%); planted 5.5%
    ("growth",
     "全市常住人口为1050万人,与2010年(第六次全国人口普查数据,下同)的1000万人相比,"
     "增加50万人,增长5.0%。",
     "全市常住人口为1050万人,与2010年(第六次全国人口普查数据,下同)的1000万人相比,"
     "增加50万人,增长5.5%。"),
    # 其中 binds a partition's parts across a ;: 2925 + 245 = 3170; planted 2925 + 345 = 3270
    ("sum",
     "1月份,全省港口完成货物吞吐量3170万吨,同比增长10.1%。其中,沿海港口完成2925万吨,"
     "同比增长10.4%;内河港口完成245万吨,同比增长6.9%。",
     "1月份,全省港口完成货物吞吐量3170万吨,同比增长10.1%。其中,沿海港口完成2925万吨,"
     "同比增长10.4%;内河港口完成345万吨,同比增长6.9%。"),
    # levels written with 万 and no measure word, the change with 人: 642 − 215 = 427;
    # planted 437
    ("difference",
     "东部地区农村低收入人口由2015年的642万减少到2019年的215万,累计减少427万人。",
     "东部地区农村低收入人口由2015年的642万减少到2019年的215万,累计减少437万人。"),
    # the verb opens the clause and names what changed: 86 − 12 = 74; planted 84
    ("difference",
     "全县贫困人口从2014年的86万人减少到2019年的12万人,减少农村贫困人口74万人。",
     "全县贫困人口从2014年的86万人减少到2019年的12万人,减少农村贫困人口84万人。"),
    # a population bulletin's natural growth, births and deaths each with its rate, the rates'
    # changes in per-mille points: 9.20 − 6.85 = 2.35‰; planted 2.53‰
    ("difference",
     "全年出生人口52.4万人,出生率为9.20‰;死亡人口39.0万人,死亡率为6.85‰;"
     "人口自然增长率为2.35‰。",
     "全年出生人口52.4万人,出生率为9.20‰;死亡人口39.0万人,死亡率为6.85‰;"
     "人口自然增长率为2.53‰。"),
    # a negative natural growth written with a minus sign: 6.40 − 8.15 = −1.75‰, and its
    # change −0.48 − 0.36 = −0.84 points; planted: −1.57‰ (the sign kept, the digits swapped)
    ("difference",
     "全年人口出生率为6.40‰,比上年下降0.48个千分点;人口死亡率为8.15‰,比上年上升0.36个千分点;"
     "人口自然增长率为-1.75‰,比上年下降0.84个千分点。",
     "全年人口出生率为6.40‰,比上年下降0.48个千分点;人口死亡率为8.15‰,比上年上升0.36个千分点;"
     "人口自然增长率为-1.57‰,比上年下降0.84个千分点。"),
    # the natural increase as a head count: 41.3 − 45.8 = −4.5万; planted −5.4万
    ("difference",
     "全年出生人口41.3万人;死亡人口45.8万人;自然增长人口-4.5万人。",
     "全年出生人口41.3万人;死亡人口45.8万人;自然增长人口-5.4万人。"),
    # counts written in 萬 with four digits after it, the rate after 、: 31204 / (452318 +
    # 31204) = 6.4535% → 6.45%; planted 6.54%
    ("change-rate",
     "全县户籍人口45萬2318人,较上年减少3萬1204人、6.45%。",
     "全县户籍人口45萬2318人,较上年减少3萬1204人、6.54%。"),
    # each figure restated in another unit in brackets, the rate after the restatement:
    # 15 / (245 − 15) = 6.52%; planted 7.5%
    ("change-rate",
     "全省油菜籽产量245万吨(49亿斤),比上年增加15万吨(3亿斤),增长6.5%。",
     "全省油菜籽产量245万吨(49亿斤),比上年增加15万吨(3亿斤),增长7.5%。"),
    # a share in brackets right after its part, the whole a sentence before 其中:
    # 412.6 / 1530.4 = 26.96% → 27.0%; planted 29.0%
    ("share",
     "全省公路总里程1530.4万公里。其中:高速公路412.6万公里(占27.0%),一级公路88.5万公里(占5.8%)。",
     "全省公路总里程1530.4万公里。其中:高速公路412.6万公里(占29.0%),一级公路88.5万公里(占5.8%)。"),
    # a change said to be above a figure (增长超9岁): 43.1 − 34 = 9.1 > 9; planted 超10岁
    ("difference",
     "职工平均年龄由2010年的34岁,增加到2020年的43.1岁,增长超9岁。",
     "职工平均年龄由2010年的34岁,增加到2020年的43.1岁,增长超10岁。"),
    # income by source: each source's share names 可支配收入, which the words bind to the mean
    # two paragraphs earlier (the median between is no such figure): 18000 + 4500 + 2400 + 5100
    # = 30000, and 60.0 + 15.0 + 8.0 + 17.0 = 100; planted 5600: 18000 + 4500 + 2400 + 5600 =
    # 30500 ≠ 30000
    ("sum",
     "前三季度,全市居民人均可支配收入30000元,比上年同期名义增长6.0%。\n\n"
     "前三季度,全市居民人均可支配收入中位数26000元,增长5.5%,中位数是平均数的86.7%。\n\n"
     "按收入来源分,全市居民人均工资性收入18000元,增长6.2%,占可支配收入的比重为60.0%;"
     "人均经营净收入4500元,增长5.1%,占可支配收入的比重为15.0%;人均财产净收入2400元,"
     "增长3.0%,占可支配收入的比重为8.0%;人均转移净收入5100元,增长7.5%,"
     "占可支配收入的比重为17.0%。",
     "前三季度,全市居民人均可支配收入30000元,比上年同期名义增长6.0%。\n\n"
     "前三季度,全市居民人均可支配收入中位数26000元,增长5.5%,中位数是平均数的86.7%。\n\n"
     "按收入来源分,全市居民人均工资性收入18000元,增长6.2%,占可支配收入的比重为60.0%;"
     "人均经营净收入4500元,增长5.1%,占可支配收入的比重为15.0%;人均财产净收入2400元,"
     "增长3.0%,占可支配收入的比重为8.0%;人均转移净收入5600元,增长7.5%,"
     "占可支配收入的比重为17.0%。"),
    # a whole whose subject and figure stand apart, an aside with figures and a province
    # between them, and restated coarsely in a headline: the share divides by the precise one,
    # 300.08 / 480.12 = 62.50%; planted 62.6%, which 300.08 / 480万 (62.43–62.58%) would let by
    ("share",
     "2023年末全市总人口480万 出生率为9.1‰\n\n"
     "年末全市总人口(包括3个开发区和驻市部队,不包括广东省来此务工人员)480.12万人,"
     "比上年末增加1.02万人。\n\n"
     "从年龄构成看,16至59周岁的劳动年龄人口300.08万人,占总人口的比重为62.5%。",
     "2023年末全市总人口480万 出生率为9.1‰\n\n"
     "年末全市总人口(包括3个开发区和驻市部队,不包括广东省来此务工人员)480.12万人,"
     "比上年末增加1.02万人。\n\n"
     "从年龄构成看,16至59周岁的劳动年龄人口300.08万人,占总人口的比重为62.6%。"),
    # comparisons with the wholes the place belongs to, their figures in brackets after the
    # difference; a comparison with no words of its own compares what the one before did, and
    # 增幅 is the rate of the paragraph's level: 25000 − 26800 = −1800, 25000 − 24400 = 600,
    # 4.2 − 5.0 = −0.8; planted 比全省高700元
    ("difference",
     "上半年青溪县城镇居民人均可支配收入25000元,同比增长4.2%。上半年青溪县城镇居民人均可支配"
     "收入比全市低1800元(全市为26800元),比全省高600元(全省为24400元);增幅比全市低0.8个"
     "百分点(全市为5.0%)。",
     "上半年青溪县城镇居民人均可支配收入25000元,同比增长4.2%。上半年青溪县城镇居民人均可支配"
     "收入比全市低1800元(全市为26800元),比全省高700元(全省为24400元);增幅比全市低0.8个"
     "百分点(全市为5.0%)。"),
    ("point-change",
     "上半年青溪县城镇居民人均可支配收入25000元,同比增长4.2%。上半年青溪县城镇居民人均可支配"
     "收入比全市低1800元(全市为26800元);增幅比全市低0.8个百分点(全市为5.0%)。",
     "上半年青溪县城镇居民人均可支配收入25000元,同比增长4.2%。上半年青溪县城镇居民人均可支配"
     "收入比全市低1800元(全市为26800元);增幅比全市低0.6个百分点(全市为5.0%)。"),
    # the whole's figure in brackets before the difference, the place's level a paragraph
    # earlier: 5.1 − 1.7 = 3.4 points; planted 3.6
    ("point-change",
     "年末全区贫困发生率为5.1%,下降0.6个百分点。\n\n贫困发生率比全国(1.7%)高3.4个百分点。",
     "年末全区贫困发生率为5.1%,下降0.6个百分点。\n\n贫困发生率比全国(1.7%)高3.6个百分点。"),
    # 增收 is a change, not a level: the share's part is the level before it, 4500 / 5000 =
    # 90.0% (not 900 / 5000); 900 / (4500 − 900) = 25.0%; planted 92.0%
    ("share",
     "全年财政总收入5000亿元,比上年同期增收1000亿元,增长25.0%。其中,税收收入4500亿元,"
     "比上年增收900亿元,同比增长25.0%,占财政总收入的比重为90.0%;非税收入500亿元,"
     "比上年同期增收100亿元,增长25.0%,占财政总收入的比重为10.0%。",
     "全年财政总收入5000亿元,比上年同期增收1000亿元,增长25.0%。其中,税收收入4500亿元,"
     "比上年增收900亿元,同比增长25.0%,占财政总收入的比重为92.0%;非税收入500亿元,"
     "比上年同期增收100亿元,增长25.0%,占财政总收入的比重为10.0%。"),
    # a share in a sentence of its own names its part, stated in the sentence before:
    # 48 / 80 = 60.0%; planted 62.0%
    ("share",
     "2023年末,全县常住人口80万人,其中城镇人口48万人,乡村人口32万人。"
     "城镇人口占总人口的比重为60.0%。",
     "2023年末,全县常住人口80万人,其中城镇人口48万人,乡村人口32万人。"
     "城镇人口占总人口的比重为62.0%。"),
    # 共, a verb and what it counts, then the total, and 分别为 listing all of it: a sum,
    # 300 + 500 + 400 = 1200; planted 350: 1150 ≠ 1200 (within it, so no subset would tell)
    ("sum",
     "全市共建成农村公路1200公里,分别为县道300公里、乡道500公里和村道400公里。",
     "全市共建成农村公路1200公里,分别为县道300公里、乡道500公里和村道350公里。"),
    # the whole stated twice alike (the lead and its paragraph) is one figure, no choice to
    # refuse: 400 / 5000 = 8.0%; planted 8.5%
    ("share",
     "初步核算,全年全市地区生产总值5000亿元,比上年增长5.0%。\n\n"
     "全年全市地区生产总值5000亿元。第一产业增加值400亿元,增长3.0%,"
     "第一产业增加值占地区生产总值比重为8.0%。",
     "初步核算,全年全市地区生产总值5000亿元,比上年增长5.0%。\n\n"
     "全年全市地区生产总值5000亿元。第一产业增加值400亿元,增长3.0%,"
     "第一产业增加值占地区生产总值比重为8.5%。"),
    # a 比重 with no 占 right after a share is a share of the same whole: 3800 / 10000 = 38.0%,
    # 5500 / 10000 = 55.0%; planted 40.0%
    ("share",
     "全年国内生产总值10000亿元。第一产业增加值700亿元,第二产业增加值3800亿元,第三产业增加值"
     "5500亿元。第一产业增加值占国内生产总值比重为7.0%,第二产业增加值比重为38.0%,"
     "第三产业增加值比重为55.0%。",
     "全年国内生产总值10000亿元。第一产业增加值700亿元,第二产业增加值3800亿元,第三产业增加值"
     "5500亿元。第一产业增加值占国内生产总值比重为7.0%,第二产业增加值比重为40.0%,"
     "第三产业增加值比重为55.0%。"),
    # age groups named by their ranges (0—14岁), the whole named before 中 at the head of
    # their sentence and stated paragraphs before: 7.50 + 33.00 + 9.50 = 50.00 (the shares
    # 15.00 + 66.00 + 19.00 = 100 too); planted 9.80: 50.30 ≠ 50.00
    ("sum",
     "2024年末全县常住人口50.00万人,比上年末减少0.30万人。\n\n全年出生人口0.35万人。\n\n"
     "2024年末全县常住人口中,0—14岁人口为7.50万人,占15.00%;15—64岁人口为33.00万人,"
     "占66.00%;65岁及以上人口为9.50万人,占19.00%。",
     "2024年末全县常住人口50.00万人,比上年末减少0.30万人。\n\n全年出生人口0.35万人。\n\n"
     "2024年末全县常住人口中,0—14岁人口为7.50万人,占15.00%;15—64岁人口为33.00万人,"
     "占66.00%;65岁及以上人口为9.80万人,占19.00%。"),
    # the same, men and women: 105.2 + 102.8 = 208.0; planted 103.8: 209.0 ≠ 208.0
    ("sum",
     "2024年末全市常住人口208.0万人。\n\n全年城镇新增就业2.1万人。\n\n"
     "2024年末全市常住人口中,男性为105.2万人,占50.6%;女性为102.8万人,占49.4%。",
     "2024年末全市常住人口208.0万人。\n\n全年城镇新增就业2.1万人。\n\n"
     "2024年末全市常住人口中,男性为103.8万人,占50.6%;女性为102.8万人,占49.4%。"),
    # a whole named before 中 at the head of the next sentence, its parts after it:
    # 86.4 ≤ 112.0 and 40.3 ≤ 86.4; planted: a part of 121.0 > 112.0
    ("subset",
     "2024年末,全市卫生人员总数112.0万人,比上年增加3.1万人。2024年末卫生人员总数中,"
     "卫生技术人员86.4万人。卫生技术人员中,注册护士40.3万人。",
     "2024年末,全市卫生人员总数112.0万人,比上年增加3.1万人。2024年末卫生人员总数中,"
     "卫生技术人员121.0万人。卫生技术人员中,注册护士40.3万人。"),
    # 在…中 with a part of its own and its change: 9800 ≤ 12600; planted 13600 > 12600
    ("subset",
     "全年外出务工人员12600万人,比上年增加120万人。在外出务工人员中,年末在城镇居住的"
     "务工人员9800万人,比上年减少60万人。",
     "全年外出务工人员12600万人,比上年增加120万人。在外出务工人员中,年末在城镇居住的"
     "务工人员13600万人,比上年减少60万人。"),
    # 中 right before the part: 88 of 104; planted 188 > 104
    ("subset",
     "全市104个乡镇中88个通了快递。",
     "全市104个乡镇中188个通了快递。"),
    # shares of every level of schooling, their whole named before 中, no levels given:
    # 2.0 + 15.0 + 50.0 + 18.0 + 15.0 = 100; planted 17.0: 102 ≠ 100
    ("sum",
     "在全部务工人员中,未上过学的占2.0%,小学文化程度占15.0%,初中文化程度占50.0%,"
     "高中文化程度占18.0%,大专及以上占15.0%。",
     "在全部务工人员中,未上过学的占2.0%,小学文化程度占15.0%,初中文化程度占50.0%,"
     "高中文化程度占18.0%,大专及以上占17.0%。"),
    # the three sectors' shares of the employed, across ;: 20.5 + 30.2 + 49.3 = 100;
    # planted 49.8: 100.5 ≠ 100
    ("sum",
     "2024年,全市就业人员中,第一产业就业人员占20.5%;第二产业就业人员占30.2%;"
     "第三产业就业人员占49.3%。",
     "2024年,全市就业人员中,第一产业就业人员占20.5%;第二产业就业人员占30.2%;"
     "第三产业就业人员占49.8%。"),
    # shares after 其中 and the level it follows, one with its level: 30.0 + 45.5 + 24.5 = 100
    # (294.0 / 1200.0 = 24.5%); planted 46.5: 101 ≠ 100
    ("sum",
     "全年全省卫生总费用初步推算为1200.0亿元,其中政府卫生支出占30.0%;社会卫生支出占45.5%;"
     "个人卫生支出294.0亿元,占24.5%。",
     "全年全省卫生总费用初步推算为1200.0亿元,其中政府卫生支出占30.0%;社会卫生支出占46.5%;"
     "个人卫生支出294.0亿元,占24.5%。"),
    # the urbanisation rate, in a sentence of its own, is the urban people's share of all:
    # 41.4 / 94.9 = 43.62%; planted 45.6%
    ("share",
     "年末常住人口94.9万人,比上年末增加0.1万人,其中城镇人口41.4万人,乡村人口53.5万人。"
     "常住人口城镇化率43.6%,比上年末提高0.7个百分点。",
     "年末常住人口94.9万人,比上年末增加0.1万人,其中城镇人口41.4万人,乡村人口53.5万人。"
     "常住人口城镇化率45.6%,比上年末提高0.7个百分点。"),
    # 占比 with no whole named, in the ;-joined half of a statement that opens with its whole
    # and 中: 10907 / 17658 = 61.77%; planted 63.8%
    ("share",
     "全年外出务工人员17658万人。在外出务工人员中,跨省流动6751万人,占比38.2%;"
     "省内流动10907万人,占比61.8%。",
     "全年外出务工人员17658万人。在外出务工人员中,跨省流动6751万人,占比38.2%;"
     "省内流动10907万人,占比63.8%。"),
    # the parts' changes, one with its base left unsaid, make the total's change:
    # +0.9 − 0.5 = +0.4; planted 减少0.9: +0.9 − 0.9 = 0 ≠ +0.4
    ("sum",
     "年末全县常住人口50.0万人,比上年末增加0.4万人。其中,城镇人口30.0万人,比上年末增加"
     "0.9万人;乡村人口20.0万人,减少0.5万人。",
     "年末全县常住人口50.0万人,比上年末增加0.4万人。其中,城镇人口30.0万人,比上年末增加"
     "0.9万人;乡村人口20.0万人,减少0.9万人。"),
    # the people who left poverty are its fall: 12.4 − 0.6 = 11.8; planted 12.8 (共有 or
    # 累计 would count those who entered meanwhile too: shown, never an accusation)
    ("difference",
     "全县贫困人口由2015年的12.4万人减少到2019年的0.6万人,11.8万人脱贫。",
     "全县贫困人口由2015年的12.4万人减少到2019年的0.6万人,12.8万人实现脱贫。"),
    # a growth over two years and its yearly average, a remark in brackets between:
    # (1.148^(1/2) − 1) = 7.14%; planted 7.4%
    ("cagr-growth",
     "全市居民人均可支配收入26265元,比上年名义增长10.4%;比2019年增长(以下如无特别说明,"
     "均为同比名义增速)14.8%,两年平均增长7.1%。",
     "全市居民人均可支配收入26265元,比上年名义增长10.4%;比2019年增长(以下如无特别说明,"
     "均为同比名义增速)14.8%,两年平均增长7.4%。"),
    # the whole named with scope words (全市常住人口中) binds its level stated without them:
    # 105.2 + 102.8 = 208.0; planted 103.8: 209.0 ≠ 208.0
    ("sum",
     "2024年末常住人口208.0万人。\n\n全年城镇新增就业2.1万人。\n\n"
     "2024年末全市常住人口中,男性为105.2万人,占50.6%;女性为102.8万人,占49.4%。",
     "2024年末常住人口208.0万人。\n\n全年城镇新增就业2.1万人。\n\n"
     "2024年末全市常住人口中,男性为103.8万人,占50.6%;女性为102.8万人,占49.4%。"),
    # 增产 is a rise: 160 / (5320 − 160) = 3.10%; planted 4.1%
    ("change-rate",
     "全年粮食总产量5320万吨,比上年增产160万吨,增长3.1%。",
     "全年粮食总产量5320万吨,比上年增产160万吨,增长4.1%。"),
    # 少投产 is a fall: 500 / (8000 + 500) = 5.88%; planted 6.9%
    ("change-rate",
     "全年新增发电装机8000万千瓦,较上年少投产500万千瓦,同比下降5.9%。",
     "全年新增发电装机8000万千瓦,较上年少投产500万千瓦,同比下降6.9%。"),
    # 多投产 is a rise: 300 / (2400 − 300) = 14.29%; planted 12.3%
    ("change-rate",
     "新增风电装机2400万千瓦,较上年同期多投产300万千瓦,同比增长14.3%。",
     "新增风电装机2400万千瓦,较上年同期多投产300万千瓦,同比增长12.3%。"),
    # parts after 其中 that add up (1000 + 3000 + 4000 = 8000), each with its change on the
    # year before: −200 − 700 + 400 = −500; planted 多投产300: −200 − 700 + 300 = −600
    ("sum",
     "全年新增发电装机8000万千瓦,较上年少投产500万千瓦。其中水电1000万千瓦,较上年少投产200万千瓦;"
     "火电3000万千瓦,较上年同期少投产700万千瓦;风电4000万千瓦,较上年同期多投产400万千瓦。",
     "全年新增发电装机8000万千瓦,较上年少投产500万千瓦。其中水电1000万千瓦,较上年少投产200万千瓦;"
     "火电3000万千瓦,较上年同期少投产700万千瓦;风电4000万千瓦,较上年同期多投产300万千瓦。"),
    # a base year of the Republic (112年 is 2023) with its level, then another comparison
    # with a base of its own: 1,050,000 / 1,000,000 − 1 = 5.00%; 120,000 / (1,050,000 −
    # 120,000) = 12.90% over the years since 110年; planted 5.50%
    ("growth",
     "113年平均每户可支配所得达1,050,000元,较112年的1,000,000元增加50,000元(5.00%),"
     "较之110年以来,三年间增加了120,000元(12.90%)。",
     "113年平均每户可支配所得达1,050,000元,较112年的1,000,000元增加50,000元(5.50%),"
     "较之110年以来,三年间增加了120,000元(12.90%)。"),
    # the same, the planted error in the second comparison: 120,000 / 930,000 = 12.90%, not
    # 13.90% (and never against the 112年 level: 120,000 / 1,000,000 = 12.0%)
    ("change-rate",
     "113年平均每户储蓄达330,000元,较112年之300,000元增加30,000元(10.00%),"
     "较110年增加12,000元(3.77%)。",
     "113年平均每户储蓄达330,000元,较112年之300,000元增加30,000元(10.00%),"
     "较110年增加12,000元(4.77%)。"),
    # thousands set apart by spaces: 1 234 / (12 345 − 1 234) = 11.11%; planted 12.1%
    ("change-rate",
     "全省公路总里程12 345公里,比上年增加1 234公里,增长11.1%。",
     "全省公路总里程12 345公里,比上年增加1 234公里,增长12.1%。"),
    # lengths in 万m after 其中, beside counts of bridges: only the lengths are parts of the
    # length, 1000.25 + 1100.10 = 2100.35 ≤ 2100.50; planted 1000.25 + 1200.10 > 2100.50
    ("subset",
     "全省公路桥梁3.2万座、2 100.50万m,其中,特大桥梁1 200座、1 000.25万m,"
     "大桥9 800座、1 100.10万m。",
     "全省公路桥梁3.2万座、2 100.50万m,其中,特大桥梁1 200座、1 000.25万m,"
     "大桥9 800座、1 200.10万m。"),
    # shares listed with 分别 after every sector's name, of the sectors' own whole:
    # 5.2 + 38.6 + 56.2 = 100; planted 5.2 + 38.6 + 56.8 = 100.6
    ("sum",
     "2024年第一、第二、第三产业增加值占地区生产总值的比重分别为5.2%、38.6%、56.2%。",
     "2024年第一、第二、第三产业增加值占地区生产总值的比重分别为5.2%、38.6%、56.8%。"),
    # 轻、重工业: 28.4 + 71.6 = 100; planted 28.4 + 71.9 = 100.3
    ("sum",
     "规模以上工业中,轻、重工业增加值占比分别为28.4%和71.6%。",
     "规模以上工业中,轻、重工业增加值占比分别为28.4%和71.9%。"),
    # the three sectors named at once, contributions to the growth of their whole:
    # 8.1 + 35.2 + 56.7 = 100; planted 8.1 + 35.2 + 57.7 = 101
    ("sum",
     "全年三次产业对GDP增长的贡献率分别为8.1%、35.2%和56.7%。",
     "全年三次产业对GDP增长的贡献率分别为8.1%、35.2%和57.7%。"),
    # a level as a percentage of another the phrase states: 12600 / 15000 = 84.0%; planted
    # 86.0% (the figure in brackets, or written out before 的)
    ("percent-of",
     "全县农村居民人均可支配收入为12600元,比上年增加900元,是全省平均水平(15000元)的84.0%。",
     "全县农村居民人均可支配收入为12600元,比上年增加900元,是全省平均水平(15000元)的86.0%。"),
    # over 100%, after a ; inside brackets that ends no sentence: 949,847 / 936,252 = 101.45%;
    # planted 103.45%
    ("percent-of",
     "平均每户可支配所得为949,847元,排名第9位(东部的花莲县排名第19位;离岛的澎湖县排名第22位),"
     "达全国22县市平均每户可支配所得936,252元之101.45%。",
     "平均每户可支配所得为949,847元,排名第9位(东部的花莲县排名第19位;离岛的澎湖县排名第22位),"
     "达全国22县市平均每户可支配所得936,252元之103.45%。"),
    # shares listed after 分别, each its part's in order, of a whole the text states:
    # 300/2000 = 15.0%, 500/2000 = 25.0%, 200/2000 = 10.0%; planted 27.0% for the second
    ("share",
     "全年新增发电装机2000万千瓦。其中,水电新增300万千瓦、风电新增500万千瓦、光伏新增200万千瓦,"
     "分别占新增发电装机的15.0%、25.0%和10.0%。",
     "全年新增发电装机2000万千瓦。其中,水电新增300万千瓦、风电新增500万千瓦、光伏新增200万千瓦,"
     "分别占新增发电装机的15.0%、27.0%和10.0%。"),
    # 其中 in brackets breaks down its own part; the list goes on after it: 4.10 + 3.20 +
    # 2.90 + 0.40 = 10.60; planted 风电 3.60: 11.00, more than the whole
    ("sum|subset",
     "截至年底,可再生能源发电装机达10.60亿千瓦。其中,水电装机4.10亿千瓦(其中抽水蓄能0.45亿千瓦)、"
     "风电装机3.20亿千瓦、光伏发电装机2.90亿千瓦、生物质发电装机4000万千瓦。",
     "截至年底,可再生能源发电装机达10.60亿千瓦。其中,水电装机4.10亿千瓦(其中抽水蓄能0.45亿千瓦)、"
     "风电装机3.60亿千瓦、光伏发电装机2.90亿千瓦、生物质发电装机4000万千瓦。"),
    # a breakdown in brackets between a level and its change is an aside: 200 / (1000 + 200)
    # = 16.7% of the 1000, not of the bracket's 500; planted 18.7%
    ("change-rate",
     "全县贫困人口1000人(其中:因病致贫300人;缺劳力500人),比上年减少200人,下降16.7%。",
     "全县贫困人口1000人(其中:因病致贫300人;缺劳力500人),比上年减少200人,下降18.7%。"),
    # the four quarters of the year after its total: 3.10 + 5.25 + 8.40 + 7.75 = 24.50;
    # planted 四季度 8.15: 24.90
    ("sum",
     "全年接待游客24.50亿人次,比上年增长10.2%。分季度看,一季度接待游客3.10亿人次;"
     "二季度接待游客5.25亿人次;三季度接待游客8.40亿人次;四季度接待游客7.75亿人次。",
     "全年接待游客24.50亿人次,比上年增长10.2%。分季度看,一季度接待游客3.10亿人次;"
     "二季度接待游客5.25亿人次;三季度接待游客8.40亿人次;四季度接待游客8.15亿人次。"),
    # the employed and the unemployed make the labour force: 1150 + 50 = 1200; planted 1160
    # (其中 binds them to it; named in sentences of their own they are shown, never accuse)
    ("sum",
     "全市劳动力1200万人,其中就业人数1150万人,失业人数50万人,失业率为4.2%。",
     "全市劳动力1200万人,其中就业人数1160万人,失业人数50万人,失业率为4.2%。"),
    # 与…(a note)的B相比: one comparison: 320 / 4800 = 6.67%; planted 7.67%
    ("growth",
     "全省人口共5120万人,与2010年(第六次人口普查数据,下同)的4800万人相比,增加320万人,增长6.67%。",
     "全省人口共5120万人,与2010年(第六次人口普查数据,下同)的4800万人相比,增加320万人,增长7.67%。"),
    # the changes of a structure's shares, in the sentence after it: −0.4 − 1.2 + 1.6 = 0;
    # planted 1.9 (the three would change by 0.3 points in all)
    ("sum",
     "全市地区生产总值2000亿元。其中,第一产业增加值160亿元,第二产业增加值760亿元,第三产业增加值1080亿元。"
     "三次产业结构为8.0:38.0:54.0。与上年相比,第一产业比重下降0.4个百分点,第二产业比重下降1.2个百分点,"
     "第三产业比重提高1.6个百分点。",
     "全市地区生产总值2000亿元。其中,第一产业增加值160亿元,第二产业增加值760亿元,第三产业增加值1080亿元。"
     "三次产业结构为8.0:38.0:54.0。与上年相比,第一产业比重下降0.4个百分点,第二产业比重下降1.2个百分点,"
     "第三产业比重提高1.9个百分点。"),
    # a structure and the year before's, with the full-width ratio colon: 2.0 + 36.0 + 62.0 =
    # 3.0 + 37.0 + 60.0 = 100; planted 61.0 (101)
    ("sum",
     "全市三次产业投资的比重由上年同期的2.0∶36.0∶62.0调整为3.0∶37.0∶60.0。",
     "全市三次产业投资的比重由上年同期的2.0∶36.0∶62.0调整为3.0∶37.0∶61.0。"),
    # a two-year average after a span of months (fresh trial 12's A08): 1.172^(1/2) − 1 = 8.26%;
    # planted 9.2%
    ("cagr-growth",
     "上半年,全市社会消费品零售总额1200亿元,比2019年1—6月份增长17.2%,两年平均增长8.2%。",
     "上半年,全市社会消费品零售总额1200亿元,比2019年1—6月份增长17.2%,两年平均增长9.2%。"),
    # regions whose qualifier is said once (fresh trial 12's A08): 东部地区房地产开发投资 then
    # 中部地区投资…: 3000 + 1500 + 1200 + 300 = 6000; planted 中部 1600 (6100)
    ("sum",
     "1-6月份,全国房地产开发投资6000亿元,同比增长10.0%。\n\n1-6月份,东部地区房地产开发投资3000亿元,"
     "增长9.0%;中部地区投资1500亿元,增长11.0%;西部地区投资1200亿元,增长12.0%;东北地区投资300亿元,"
     "增长8.0%。",
     "1-6月份,全国房地产开发投资6000亿元,同比增长10.0%。\n\n1-6月份,东部地区房地产开发投资3000亿元,"
     "增长9.0%;中部地区投资1600亿元,增长11.0%;西部地区投资1200亿元,增长12.0%;东北地区投资300亿元,"
     "增长8.0%。"),
    # an average written 平均每年, after two dated levels: (480 − 80) / (2019 − 2015) = 100;
    # planted 120
    ("average",
     "全省农村贫困人口由2015年的480万人减少至2019年的80万人,累计减少400万人,平均每年减少100万人。",
     "全省农村贫困人口由2015年的480万人减少至2019年的80万人,累计减少400万人,平均每年减少120万人。"),
    # age groups' shares, the whole named by the first only (a province's communiqué quoted in
    # the news): 16.5 + 64.0 + 19.5 = 100.0; planted 66.0 (102.0)
    ("sum",
     "截至2024年末,全市常住人口620.50万人。其中,0-14岁人口占总人口的16.5%,15-64岁人口占64.0%,"
     "65岁及以上人口占19.5%。",
     "截至2024年末,全市常住人口620.50万人。其中,0-14岁人口占总人口的16.5%,15-64岁人口占66.0%,"
     "65岁及以上人口占19.5%。"),
    # a census communiqué: a span compared with (比2000年到2010年的…) dates no figure after it,
    # so the sexes' shares are of this census's total: 2550 / 5000 = 51.00%; planted 52.00
    ("share|sum",
     "全省人口共5000万人,与2010年的4800万人相比,增加200万人,增长4.17%,年平均增长率为0.41%,"
     "比2000年到2010年的年平均增长率0.50%下降0.09个百分点。\n\n男性人口为2550万人,占51.00%;"
     "女性人口为2450万人,占49.00%。",
     "全省人口共5000万人,与2010年的4800万人相比,增加200万人,增长4.17%,年平均增长率为0.41%,"
     "比2000年到2010年的年平均增长率0.50%下降0.09个百分点。\n\n男性人口为2550万人,占52.00%;"
     "女性人口为2450万人,占49.00%。"),
    # marital status, opened by the whole and 中 (a monitoring report's shape): 18.5 + 77.5 + 4.0
    # = 100.0; planted 5.0 (101.0)
    ("sum",
     "在全部外来务工人员中,未婚的占18.5%,有配偶的占77.5%,丧偶或离婚的占4.0%。",
     "在全部外来务工人员中,未婚的占18.5%,有配偶的占77.5%,丧偶或离婚的占5.0%。"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "correct", "planted"), SHAPES)
def test_the_correct_text_agrees_in_both_scripts(kind: str, correct: str, planted: str) -> None:
    for text in both_scripts(correct):
        found = verdicts(text)
        assert (kind.split("|")[0], "consistent") in found, text
        assert all(verdict != "inconsistent" for _, verdict in found), (text, found)


@pytest.mark.parametrize(("kind", "correct", "planted"), SHAPES)
def test_the_planted_error_is_caught_in_both_scripts(kind: str, correct: str, planted: str) -> None:
    for text in both_scripts(planted):
        found = verdicts(text)
        assert any((k, "inconsistent") in found for k in kind.split("|")), (text, found)


# shapes that once raised false alarms on correct official figures
NO_ALARM = [
    # the underemployed are among the employed, no third part of the labour force
    "全市劳动力1200万人,就业人数1150万人,就业不足人数30万人,失业人数50万人。",
    # balances at each quarter's end are no parts of the year's (stocks, not flows)
    "一季度末存款余额100亿元;二季度末存款余额110亿元;三季度末存款余额120亿元;"
    "四季度末存款余额130亿元。年末存款余额130亿元。",
    # the words before 是 name the part (收入 100, of 支出 200: 50.0%), not the figure before
    # it (支出 200 of the province's 250 is the next clause's 80.0%)
    "全县财政收入100亿元,支出200亿元,收入是支出的50.0%,支出达全省平均水平250亿元的80.0%。",
    # a level the text gives as a share of the nation's whole is no whole of that name: the
    # shares of 全国新增装机 (not stated) are not of 2000 (300/2000 = 15% ≠ 12.0%)
    "全年可再生能源新增装机2000万千瓦,占全国新增发电装机的80%。其中,水电新增300万千瓦、"
    "风电新增500万千瓦、光伏新增1200万千瓦,分别占全国新增装机的12.0%、20.0%和48.0%。",
    # the terms of a ratio after 其中 in brackets are no parts of it
    "初中生师比13.87:1(其中:城市14.5:1;县镇13.8:1;农村12.5:1)。",
    # each sector's share of the nation's same sector: no sum to 100 (3.1 + 2.5 + 2.8)
    "第一、二、三产业增加值占全国的比重分别为3.1%、2.5%、2.8%。",
    "城镇、乡村居民人均可支配收入占全国平均水平的比例分别为135.2%和70.4%。",
    # digits a space apart that no grouping explains (a PDF's text: 24,681 thousand written
    # "2,468 1"): 9 / (24681 − 9) = 0.04%, and the piece "1 千人" is no level of it
    "3月就业人数 2,468 1 千人,较上月增加 9 千人或 0.04%。",
    # lengths beside counts: 1000.25 + 1100.10 = 2100.35万m of 2100.50万m; the counts of
    # bridges (1200 + 9800) are no metres to add to them
    "全省公路桥梁3.2万座、2100.50万m,其中,特大桥梁1200座、1000.25万m,大桥9800座、1100.10万m。",
    # parts that add up, but the whole's change is since 2020 and the parts' on the year
    # before (−200 − 700 + 400 = −500 against +500): the changes are of different spans
    "全年新增发电装机8000万千瓦,比2020年增加500万千瓦。其中水电1000万千瓦,比上年减少200万千瓦;"
    "火电3000万千瓦,比上年减少700万千瓦;风电4000万千瓦,比上年增加400万千瓦。",
    # parts that do not add up (1000 + 3000 = 4000 of 8000): the list may leave some out,
    # so their changes (−200 − 700 = −900) need not make the whole's (−500)
    "全年新增发电装机8000万千瓦,较上年少投产500万千瓦。其中水电1000万千瓦,较上年少投产200万千瓦;"
    "火电3000万千瓦,较上年同期少投产700万千瓦。",
    # a yield per hectare and per mu (5700 / 15 = 380): 公斤/公顷 is no kilograms, and nothing
    # converts them as counts
    "全年小麦单产5700公斤/公顷(380公斤/亩),比上年增加98.4公斤/公顷(6.6公斤/亩)。",
    # increments since different times: the part's since the last quarter, the whole's since
    # last year (40 / 200 = 20%, not the 60.0% of the year's increments): no share of them
    "全省农民工总量5000万人,比上年增加200万人。外出农民工3000万人,比一季度末增加40万人。"
    "外出农民工增量占新增农民工的60.0%。",
    # 其中 after a whole of another count: public and private hospitals make the hospitals, not
    # every health institution (0.9 + 1.6 = 2.5 of 10): never inconsistent
    "全省卫生机构10万个,其中公立医院0.9万个,民营医院1.6万个。",
    # 113年 and 112年 are years, not figures to divide; the shares of the clinics name parts
    # (西医, 牙医) the text gives no figure for, so they are no shares of 3928
    "113年底全市诊所计3928家,较112年底增加78家(2.0%);上述诊所中,西医占48.5%、牙医占35.7%、"
    "中医占15.8%。",
    # 第六次 is an ordinal: no figure
    "全市常住人口为1050万人,与2010年(第六次全国人口普查数据,下同)的1000万人相比,增加50万人。",
    # the words before 比 name the towns' income, which the text does not give: the villages'
    # 14000 is no figure to compare (14000 − 15000 = −1000 would accuse the −300)
    "青溪县农村居民人均可支配收入14000元。青溪县城镇居民人均可支配收入比全市低300元"
    "(全市为15000元)。",
    # a figure right after 比上年 and a verb povcli does not know (超收) is a change, never the
    # share's part: 450 / 500 = 90.0% (45 / 500 = 9% would accuse the 90.0%)
    "全省税收收入450亿元,比上年超收45亿元,占财政总收入(500亿元)的比重为90.0%。",
    # 分别增加 lists the changes of the levels before it, no parts of the last level:
    # 0.9 + 0.8 = 1.7 > 1.5 would accuse the road lengths
    "全县铺装路面中,沥青路面6.2万公里,水泥路面1.5万公里,分别增加0.9万公里和0.8万公里。",
    # 收入 names either income before it: no figure is compared (15000 − 35000 = −20000 would
    # accuse the −2000, which is the towns': 30000 − 35000 = −5000 is no match either)
    "城镇居民人均可支配收入30000元,农村居民人均可支配收入15000元。"
    "收入比全省低2000元(全省为35000元)。",
    # parts of one whole that overlap (65岁及以上 is within 60岁及以上) are each within it,
    # though together they are more: 30 + 22 = 52 > 50 is no error
    "2024年末全县常住人口50万人。\n\n2024年末全县常住人口中,60岁及以上人口30万人,"
    "65岁及以上人口22万人。",
    # shares within each member's own people are of two wholes: 40.0 + 32.0 is no 100
    "其中,本地务工人员中女性占40.0%,外出务工人员中女性占32.0%。",
    "其中,本地务工人员有配偶的占88.0%,外出务工人员有配偶的占70.0%。",
    # medians as shares of their own means: 90.0 + 85.0 is no 100
    "其中,城镇居民人均可支配收入中位数30000元,是平均数的90.0%;农村居民人均可支配收入中位数"
    "15000元,是平均数的85.0%。",
    # the urbanisation of registered residents counts other people than the residents given:
    # 60 / 100 = 60% is no measure of the 45.0%
    "年末常住人口100万人,其中城镇人口60万人,乡村人口40万人。户籍人口城镇化率45.0%。",
    # a two-year average after a growth on the year before leaves the first year out:
    # (1.082^(1/2) − 1) = 4.0% is no measure of the 6.0%
    "全市地区生产总值5385亿元,比上年增长8.2%,两年平均增长6.0%。",
    # the total's fall is since 2019 (累计), the regions' on the year before: −15 − 50 − 70 =
    # −135 is no measure of the −820 (found by fresh trial 4 on a real bulletin)
    "截至2024年末,全省农村低收入人口从2019年末的980万人减少至160万人,累计减少820万人;"
    "东部地区农村低收入人口20万人,比上年减少15万人;中部地区农村低收入人口60万人,"
    "比上年减少50万人;西部地区农村低收入人口80万人,比上年减少70万人。",
    # 中央 is no 中: 20 of the central budget is not said to be within the 100
    "全年完成投资100亿元中央预算内资金20亿元。",
    # a part in brackets is within its level, not beside it: 2358 + 365 = 2723 exactly
    "全市共有医疗机构2723个。其中,医院2358个(含民营医院323个),基层医疗机构365个。",
    # review5, false alarms of 801d1b2..ba98a38 (each figure worked by hand):
    # shares across a ; whose second half opens with a whole of its own: 50.8% of all residents
    # are men, 53.0% of those aged 60 and over are women (men 47.0% of them); 50.8 + 53.0 is no 100
    "2024年末全省常住人口3500.0万人。\n\n全省常住人口中,男性占50.8%;60岁及以上老年人口中,"
    "女性占53.0%。",
    # the same, 常住 then 户籍: 55.0% of residents live in towns, 62.0% of registered people are
    # rural (38.0% urban); 55.0 + 62.0 is no 100
    "年末全县常住人口中,城镇人口占55.0%;户籍人口中,农村人口占62.0%。",
    # the same with ages: 15.0 + 66.0 = 81.0% of residents are under 65; 21.0% of registered
    # people are 65 and over (an older population than the residents); 15 + 66 + 21 is no 100
    "全县常住人口中,0—14岁人口占15.0%,15—64岁人口占66.0%;户籍人口中,65岁及以上人口占21.0%。",
    # 10—14岁 is no 0—14岁: 66.0 + 19.0 = 85.0%, so 0—14 is 15.0%, of which 10—14 is 5.2%;
    # 66.0 + 19.0 + 5.2 is no 100
    "2024年末全县常住人口50.0万人。\n\n全县常住人口中,15—64岁人口占66.0%,65岁及以上人口"
    "占19.0%,10—14岁人口占5.2%。",
    # 高技术服务业 is no 第三产业: its 6.0% is a part of the third sector's share (52.0%);
    # 8.0 + 40.0 + 6.0 is no 100
    "2024年全市生产总值中,第一产业增加值占8.0%,第二产业增加值占40.0%,高技术服务业增加值占6.0%。",
    # one member's share of another whole: 360 / 1200 = 30.0% of health spending, and 7.5% of
    # the budget (4800亿元); 546 / 1200 = 45.5%, 294 / 1200 = 24.5%; 7.5 + 45.5 + 24.5 is no 100
    "全年全省卫生总费用1200.0亿元,其中政府卫生支出360.0亿元,占一般公共预算支出的7.5%;"
    "社会卫生支出546.0亿元,占45.5%;个人卫生支出294.0亿元,占24.5%。",
    # the urbanisation rate with no total people given: 60.0 / 0.625 = 96.0万 residents;
    # 城镇常住人口 is no whole of itself (60 / 60 = 100% is no measure of 62.5%)
    "年末全县城镇常住人口60.0万人,比上年末增加1.2万人。常住人口城镇化率为62.5%,"
    "比上年末提高0.8个百分点。",
    # nor is 乡村常住人口 the whole: 60.0 / (60.0 + 36.0) = 62.5% (60 / 36 = 166.7% is no measure)
    "年末全县城镇人口60.0万人;乡村常住人口36.0万人。常住人口城镇化率62.5%。",
    # the towns' people after 户籍总人口 are registered people (25.1 + 60.1 = 85.2); the resident
    # urbanisation rate counts residents (45.2% of 70.3万 = 31.8万 in towns): 25.1 / 70.3 is none
    "年末全县户籍总人口85.2万人,其中城镇人口25.1万人,乡村人口60.1万人。年末常住人口70.3万人,"
    "常住人口城镇化率45.2%。",
    # 全市常住人口中 names the city's people, not the province's 4000.0万 stated before:
    # 255.0 + 245.0 = 500.0万 is the city's (not given), no measure of the province's
    "2024年末,全省常住人口4000.0万人,比上年末增加5.0万人。\n\n全市常住人口中,男性为255.0万人,"
    "女性为245.0万人。",
    # the same with the nation's employed (an old alarm, partitions._total_of, scope unchecked):
    # 800 + 1000 + 1700 = 3500万 are the province's, no measure of the nation's 73400万
    "2024年末全国就业人员73400万人。\n\n全省就业人员中,第一产业就业人员800万人,第二产业就业人员"
    "1000万人,第三产业就业人员1700万人。",
    # 占比 after the ; is of the whole its own sentence names (在跨省流动农民工中):
    # 7000 / 17500 = 40.0%, 5600 / 7000 = 80.0% (5600 / 17500 = 32% is no measure of it)
    "全年外出农民工17500万人。在外出农民工中,跨省流动7000万人,占比40.0%;在跨省流动农民工中,"
    "流入东部地区的5600万人,占比80.0%。",
    # a figure of another year in a sentence opened by a whole and 中 is no part of that whole:
    # 0.3 ≤ 0.6 in 2019; the 1.5万 ill-caused poor of 2015 are no part of 2019's 0.6万 poor
    "2019年末全县贫困人口0.6万人。2019年末全县贫困人口中,因病致贫0.3万人,2015年末因病致贫"
    "人口为1.5万人。",
    # those who left poverty include the newly identified: 5.6 + 0.4 − 0.3 = 5.7 left, though
    # the stock fell by 5.6 − 0.3 = 5.3
    "全县建档立卡贫困人口由2014年底的5.6万人减少到2019年底的0.3万人,期间动态新识别0.4万人,"
    "累计5.7万人脱贫。",
    # 初中 is no 中 of some of a whole: 12 junior schools are not among 8 primary schools
    "全县小学8所初中12所。",
    # a real growth over two years and a nominal yearly average: 1.100^(1/2) − 1 = 4.9% real;
    # nominal 1.062^2 − 1 = 12.8% over two years (prices up 1.128 / 1.100 − 1 = 2.5%)
    "全市居民人均可支配收入32000元,比2019年实际增长10.0%,两年平均名义增长6.2%。",
]


@pytest.mark.parametrize("text", NO_ALARM)
def test_no_false_alarm_in_either_script(text: str) -> None:
    for written in both_scripts(text):
        found = verdicts(written)
        assert all(verdict != "inconsistent" for _, verdict in found), (written, found)


def test_a_minus_sign_after_words_is_the_figures_own_and_a_dash_between_digits_is_not() -> None:
    # 为-1.75‰ is negative; 16-59岁 is a range of ages, 3-5月 of months, 2014年-2018年 of years:
    # no negative figure
    cleaned = clean_article(
        "标题\n\n自然增长率为-1.75‰,16-59岁人口占60.1%,3-5月降雨偏少,2014年-2018年。\n"
    )
    values = [m.value for m in find_mentions(cleaned.text) if m.value is not None]
    assert -1.75 in values and 2018 in values, values
    assert all(v >= 0 for v in values if v != -1.75), values


def test_the_whole_the_parts_after_qizhong_make_may_stand_before_the_last_level() -> None:
    # 增加值 comes after 总产值, and the list after 其中 goes on past ;: 6.2 + 1.4 + 30.5 = 38.1
    # is 总产值, not 增加值 21.4. (A planted error in such a list is not caught: parts that add
    # up to no level are only checked to fit within the last one, 6.2 + 1.4 ≤ 21.4.)
    text = (
        "全年实现农林牧渔业总产值38.1亿元,增加值21.4亿元。其中,农业产值6.2亿元;林业产值1.4亿元;"
        "渔业产值30.5亿元。"
    )
    for written in both_scripts(text):
        assert ("sum", "consistent") in verdicts(written), written


def _subset_parts(text: str) -> list[tuple[list[str], str]]:
    """The parts of each subset `check` finds, written in Simplified script, with its verdict."""
    cleaned = clean_article("标题\n\n" + text + "\n").text
    return [
        (
            [TO_SIMPLIFIED.convert(part.written) for part in finding.relation.roles["part"]],
            finding.result.verdict.value,
        )
        for finding in check_text(cleaned)
        if finding.result.kind == "subset"
    ]


def test_parts_after_a_semicolon_named_alike_are_parts_when_they_fit() -> None:
    # 公路货运量 and 水路货运量 after 其中 and a ;: 40.2 + 9.7 = 49.9 ≤ 52.6 (rail and air
    # carry the rest, so no sum)
    text = (
        "10月,完成营业性货运量52.6亿吨,同比增长9.1%。其中,完成公路货运量40.2亿吨,同比增长10.3%;"
        "完成水路货运量9.7亿吨,同比增长6.2%。"
    )
    for written in both_scripts(text):
        assert _subset_parts(written) == [(["40.2亿吨", "9.7亿吨"], "consistent")], written
    # named alike but no part of it (生猪 are no 大牲畜): 2.9 + 0.9 + 3.3 > 4.2, so the list
    # stops at the ; and nothing is called wrong
    livestock = "年末大牲畜存栏4.2万头,其中:黄牛存栏2.9万头;奶牛存栏0.9万头;生猪存栏3.3万头。"
    for written in both_scripts(livestock):
        assert _subset_parts(written) == [(["2.9万头"], "consistent")], written
        assert all(verdict != "inconsistent" for _, verdict in verdicts(written)), written


def test_a_clause_opening_with_gao_or_di_names_a_level_not_a_change() -> None:
    # 高速公路 and 低收入人口 open with 高 and 低, which after 比上年 are verbs: here they are
    # nouns, and their figures are levels (3万人 is part of 12万人, no change of it)
    text = "标题\n\n全县贫困人口12万人,其中,低收入人口3万人;高速公路里程85公里。\n"
    reading = annotate(clean_article(text).text)
    assert [n.role for n in reading.notes] == ["level", "level", "level"]


def test_a_count_in_wan_with_four_digits_after_it_is_one_figure() -> None:
    # 2334萬9666人 is 23,349,666 people; 1億2345萬6789人 is 123,456,789; 2萬374人 (a zero
    # left out) is 20,374 and 7萬886人 70,886; 月薪1万2 (colloquial for 12,000) is no such
    # count and stays 1万 and 2
    cleaned = clean_article(
        "标题\n\n人口2334萬9666人,另1億2345萬6789人,社會增加2萬374人,減少7萬886人,月薪1万2元。\n"
    )
    values = [f.value for f in figures_of(cleaned.text)]
    assert values[:4] == [23349666, 123456789, 20374, 70886]
    assert 10000 in values and 23349666 + 1 not in values


def test_a_count_in_wan_with_a_comma_in_its_four_digits_is_one_figure() -> None:
    # 605萬7,907人次 is 6,057,907 (the comma groups the four digits after 萬), 1億2,345萬6,789
    # is 123,456,789: no figure is its pieces (605萬 and 7,907)
    cleaned = clean_article(
        "标题\n\n旅客605萬7,907人次,另1億2,345萬6,789人次,其中101萬9,035人次。\n"
    )
    assert [f.value for f in figures_of(cleaned.text)] == [6057907, 123456789, 1019035]
    # parts after 其中 in that form: 101萬9,035 + 87萬5,804 ≤ 605萬7,907; planted: 401萬9,035
    # + 287萬5,804 = 689萬4,839 is more than the whole
    text = "前3季来台旅客605萬7,907人次,其中日本旅客101萬9,035人次,香港旅客87萬5,804人次。"
    for written in both_scripts(text):
        assert ("subset", "consistent") in verdicts(written)
        planted = written.replace("101萬", "401萬").replace("87萬", "287萬")
        assert ("subset", "inconsistent") in verdicts(planted)


def test_the_natural_growth_of_one_province_is_not_set_against_anothers_births() -> None:
    # two provinces in one paragraph: Guangdong's births and deaths, then Henan's natural
    # growth rate alone; 8.12 − 5.36 = 2.76 is not Henan's −0.94, and nothing binds them
    text = "2023年广东省出生率8.12‰,死亡率5.36‰。河南省人口自然增长率为-0.94‰。"
    assert all(kind != "difference" for kind, _ in verdicts(text))


def test_years_of_the_republic_of_china_are_no_figures() -> None:
    found = verdicts("113年底全市诊所计3928家,较112年底增加78家(2.0%)。")
    # 78 / (3928 − 78) = 2.03% → 2.0%; no relation holds 113 or 112
    assert found == [("change-rate", "consistent")]


def test_two_open_thresholds_are_not_one_figure_restated() -> None:
    text = "全年粮食总产量超6亿吨。稻谷总产量突破2亿吨,达到21300万吨。"
    pairs = [values for kind, _, values, _ in judged_relations(text) if kind == "equal"]
    assert [200_000_000.0, 600_000_000.0] not in pairs
    # the level after 达到 is the one the threshold before it says it passed
    assert pairs == [[200_000_000.0, 213_000_000.0]]
    # a rough figure and an exact one of the same subject are: 65100万吨 is over 6亿吨
    text += "全年粮食总产量65100万吨。"
    assert ("equal", "consistent") in verdicts(text)


def test_one_rate_of_two_levels_is_no_figure_restated() -> None:
    """Output and income both grew 6.5%: two rates of two things that happen to agree, not one
    figure said twice (an `equal` that says nothing, and would accuse a 6.4% next to it)."""
    text = (
        "全年全市地区生产总值2800亿元,比上年增长6.5%。"
        "全市城镇居民人均可支配收入45600元,比上年增加2800元,增长6.5%。"
    )
    for written in both_scripts(text):
        found = verdicts(written)
        assert ("change-rate", "consistent") in found  # 2800 / (45600 − 2800) = 6.54%
        assert all(kind != "equal" for kind, _ in found), (written, found)


def test_the_name_of_a_group_said_twice_is_no_figure_restated() -> None:
    """四大项收入 in two sentences names the four income sources; it states no count twice."""
    text = (
        "全年居民人均可支配收入30000元,比上年增长5.0%,四大项收入全面增长。"
        "分季度看,四大项收入均保持增长。"
    )
    for written in both_scripts(text):
        assert all(kind != "equal" for kind, _ in verdicts(written)), written


# a communiqué's total at its head, the parts three paragraphs on, no words binding them:
# 84.0 + 56.0 = 140.0 is shown; 84.0 + 57.0 = 141.0 is not called wrong (the whole is only
# suggested, by 总人口)
TOTAL_AT_THE_HEAD = (
    "年末全市总人口140.0万人,比上年末增加0.5万人。\n\n全年出生人口1.1万人,死亡人口0.9万人。"
    "\n\n从性别结构看,男性人口71.3万人,女性人口68.7万人。\n\n"
    "从城乡结构看,城镇常住人口84.0万人;乡村常住人口{rural}万人。"
)


def test_a_total_paragraphs_before_the_parts_is_shown_but_never_accuses() -> None:
    for text in both_scripts(TOTAL_AT_THE_HEAD.format(rural="56.0")):
        assert verdicts(text).count(("sum", "consistent")) == 2, text  # sexes and residence
    for text in both_scripts(TOTAL_AT_THE_HEAD.format(rural="57.0")):
        found = verdicts(text)
        assert ("sum", "unverifiable") in found and ("sum", "inconsistent") not in found, found


# a total's rate from its parts' levels and rates: last year 12079 / 1.041 + 17172 / 1.013 =
# 28555.0, so 29251 / 28555.0 − 1 = 2.44% (2.4% stated). The parts add up to the total, so
# a bureau's comparable basis moves its rate by tenths of a point at most: 2.7% (0.16 points
# beyond the computed 2.38–2.49%) is shown, 3.4% (0.86 beyond) is wrong
GROWTH_OF_PARTS = (
    "全年务工人员总量29251万人,比上年增长{rate}%。其中,外出务工人员17172万人,比上年增长1.3%;"
    "本地务工人员12079万人,比上年增长4.1%。"
)


def test_the_total_rate_from_its_parts_accuses_only_beyond_a_comparable_basis() -> None:
    for text in both_scripts(GROWTH_OF_PARTS.format(rate="2.4")):
        assert ("growth-of-sum", "consistent") in verdicts(text), text
    for text in both_scripts(GROWTH_OF_PARTS.format(rate="2.7")):
        found = verdicts(text)
        assert ("growth-of-sum", "unverifiable") in found, found
        assert all(verdict != "inconsistent" for kind, verdict in found if kind != "change-rate")
    for text in both_scripts(GROWTH_OF_PARTS.format(rate="3.4")):
        assert ("growth-of-sum", "inconsistent") in verdicts(text), text


@pytest.mark.parametrize("text", both_scripts(
    "精品视频_在线观看一区二区_国产综合网\n\n首页>检索页>当前\n\n2024年全国教育事业发展统计公报\n\n"
    "全国共有幼儿园25.00万所,比上年减少1.00万所。其中,普惠性幼儿园21.00万所,"
    "占全国幼儿园的比例84.00%。"
))  # fmt: skip
def test_a_spam_header_and_a_breadcrumb_are_no_title(text: str) -> None:
    """The title under a spam site's keywords and a breadcrumb still says 全国 and the year:
    21 / 25 = 84.00% is the share of the nation's kindergartens (a planted 86.00% is caught)."""
    cleaned = clean_article(text).text
    assert annotate(cleaned).title.endswith("统计公报") or annotate(cleaned).title.endswith(
        "統計公報"
    )
    found = [(f.result.kind, f.result.verdict.value) for f in check_text(cleaned)]
    assert ("share", "consistent") in found
    planted = clean_article(text.replace("84.00%", "86.00%")).text
    assert ("share", "inconsistent") in [
        (f.result.kind, f.result.verdict.value) for f in check_text(planted)
    ]


# births per thousand of the year's mean population: a year-end 5000.00 after a rise of 40.00
# started at 4960.00, the mean 4980.00; 40.00 / 4980 × 1000 = 8.032‰ → 8.03; deaths 30.00 / 4980
# × 1000 = 6.024‰ → 6.02 (the year-end alone would give 8.00 and 6.00)
CRUDE = (
    "年末全省常住人口5000.00万人,比上年末增加40.00万人。全年出生人口40.00万人,出生率为{birth}‰;"
    "死亡人口30.00万人,死亡率为6.02‰。"
)


def test_a_crude_rate_holds_over_the_years_mean_population() -> None:
    for text in both_scripts(CRUDE.format(birth="8.03")):
        assert verdicts(text).count(("crude-rate", "consistent")) == 2, text


def test_a_crude_rate_near_it_is_not_called_wrong() -> None:
    """40万 over 4960万 to 5000万 people is 8.00‰ to 8.06‰; 8.10‰ lies within the year's
    change and a hundredth of itself of that (a bureau's own mean population): not accused."""
    for text in both_scripts(CRUDE.format(birth="8.10")):
        found = verdicts(text)
        assert ("crude-rate", "unverifiable") in found, found
        assert all(verdict != "inconsistent" for _, verdict in found)


def test_a_crude_rate_no_mean_population_gives_is_wrong() -> None:
    """8.30‰ would need 4819万 people, fewer than the year ever had (4960万 to 5000万)."""
    for text in both_scripts(CRUDE.format(birth="8.30")):
        assert ("crude-rate", "inconsistent") in verdicts(text)


def test_no_crude_rate_without_the_populations_change() -> None:
    """The year-end alone does not give the year's mean: nothing is computed."""
    text = "年末全省常住人口5000.00万人。全年出生人口40.00万人,出生率为8.03‰。"
    for version in both_scripts(text):
        assert all(kind != "crude-rate" for kind, _ in verdicts(version))


RETAIL = (
    "全年社会消费品零售总额50000亿元,比上年增长5.0%。按消费类型分,商品零售44000亿元,"
    "增长4.5%;餐饮收入6000亿元,增长8.7%。"
)


def test_retail_by_type_of_consumption_makes_the_total_and_its_rate() -> None:
    """商品零售 and 餐饮收入 make 社会消费品零售总额: 44000 + 6000 = 50000; last year
    44000/1.045 + 6000/1.087 = 47625.0, so the total grew 50000/47625.0 − 1 = 4.99% → 5.0."""
    for script in (RETAIL, TO_TRADITIONAL.convert(RETAIL)):
        found = {
            (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
        }
        assert found[("sum", 50000e8)] == "consistent"
        assert found[("growth-of-sum", 5.0)] == "consistent"


def test_retail_parts_a_sentence_after_the_total_they_define_are_judged() -> None:
    """商品零售 and 餐饮收入 make 社会消费品零售总额 by definition, and the one level so named
    stands in the sentence before them: a planted part (6000 → 6600: 50600 ≠ 50000) is wrong.
    (Until the partitions said which totals their members define, this was only shown.)"""
    planted = RETAIL.replace("6000亿元", "6600亿元")
    for script in (planted, TO_TRADITIONAL.convert(planted)):
        found = {
            (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
        }
        assert found[("sum", 50000e8)] == "inconsistent"


# the parts of 限额以上单位 sales are no parts of all retail sales (16600 ≠ 50000); with two
# levels named 社会消费品零售总额 before them (all units', and 限额以上's), which one the parts
# make is not said
RETAIL_ABOVE_QUOTA = (
    "全年社会消费品零售总额50000亿元,比上年增长5.0%。按消费类型分,限额以上单位商品零售14000"
    "亿元,增长4.5%;限额以上单位餐饮收入2600亿元,增长8.7%。"
)
RETAIL_TWO_TOTALS = (
    "全年社会消费品零售总额50000亿元,其中限额以上单位社会消费品零售总额17000亿元。按消费类型"
    "分,商品零售15500亿元,增长4.5%;餐饮收入1600亿元,增长8.7%。"
)


@pytest.mark.parametrize("text", [RETAIL_ABOVE_QUOTA, RETAIL_TWO_TOTALS])
def test_parts_of_a_defined_total_qualified_otherwise_or_of_two_never_accuse(text: str) -> None:
    for script in (text, TO_TRADITIONAL.convert(text)):
        verdicts = {(f.result.kind, str(f.result.verdict)) for f in check_text(script)}
        assert not any(verdict == "inconsistent" for _, verdict in verdicts), verdicts


# the three sectors' value added make GDP (地区生产总值), stated in the sentence before:
# 410 + 2030 + 2560 = 5000; each share: 410/5000 = 8.2%, 2030/5000 = 40.6%, 2560/5000 = 51.2%
SECTORS = (
    "全年全市地区生产总值(GDP)实现5000亿元,同比增长5.1%。\n\n分产业看,第一产业增加值实现410亿元,"
    "同比增长3.9%;第二产业增加值实现2030亿元,同比增长5.6%;第三产业增加值实现2560亿元,同比增长"
    "4.9%。第一、第二、第三产业增加值占GDP的比重分别为{shares}。"
)


def test_sectors_make_gdp_and_each_shares_of_it_are_read() -> None:
    text = SECTORS.format(shares="8.2%、40.6%、51.2%")
    for script in (text, TO_TRADITIONAL.convert(text)):
        found = {
            (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
        }
        assert found[("sum", 5000e8)] == "consistent"
        assert found[("share", 8.2)] == found[("share", 40.6)] == "consistent"
        assert found[("share", 51.2)] == "consistent"


def test_a_sectors_share_or_value_added_mistyped_is_caught() -> None:
    """51.3% for 2560/5000 = 51.2%; 2060 for 2030 (410 + 2060 + 2560 = 5030 ≠ 5000)."""
    wrong_share = SECTORS.format(shares="8.2%、40.6%、51.3%")
    wrong_level = SECTORS.format(shares="8.2%、41.2%、51.2%").replace("2030亿元", "2060亿元")
    for script in (wrong_share, TO_TRADITIONAL.convert(wrong_share)):
        found = {
            (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
        }
        assert found[("share", 51.3)] == "inconsistent"
        assert found[("share", 40.6)] == "consistent"
    for script in (wrong_level, TO_TRADITIONAL.convert(wrong_level)):
        found = {
            (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
        }
        assert found[("sum", 5000e8)] == "inconsistent"


def test_a_structure_written_as_a_proportion_is_read() -> None:
    """三次产业结构比例为8.2:40.6:51.2: the same shares, written as a structure."""
    listed = "第一、第二、第三产业增加值占GDP的比重分别为{shares}"
    text = SECTORS.replace(listed, "三次产业结构比例为{s}")
    for script in (text.format(s="8.2:40.6:51.2"), text.format(s="8.2:40.6:51.5")):
        found = {
            (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
        }
        assert found[("share", 8.2)] == "consistent"
        assert found[("share", 51.2 if "51.2" in script else 51.5)] == (
            "consistent" if "51.2" in script else "inconsistent"
        )


# a labour survey: 2.4 / 60.0 = 4.0%; 0.9 / 60.0 = 1.5%
LABOUR = (
    "全市劳动力人口为60.0万人,就业人口57.6万人。失业人数2.4万人,总体失业率为4.0%;"
    "就业不足人数0.9万人,就业不足率为1.5%。"
)


def test_a_named_rate_is_its_part_over_its_whole() -> None:
    for text in (LABOUR, TO_TRADITIONAL.convert(LABOUR)):
        found = {(f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(text)}
        assert found[("share", 4.0)] == "consistent"
        assert found[("share", 1.5)] == "consistent"


def test_a_named_rate_off_its_counts_is_shown_never_called_wrong() -> None:
    """4.4% is not 2.4 / 60.0 = 4.0%, but the bureau's rate may rest on unrounded counts or
    a survey's weights: unverifiable, not inconsistent."""
    planted = LABOUR.replace("4.0%", "4.4%")
    for text in (planted, TO_TRADITIONAL.convert(planted)):
        found = {(f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(text)}
        assert found[("share", 4.4)] == "unverifiable"


def test_a_narrowed_rate_is_no_rate_of_all_the_counts() -> None:
    """本地居民失业率 is the rate of the local residents: 2.4 / 60.0 says nothing of it."""
    text = LABOUR.replace("总体失业率为4.0%", "本地居民失业率为5.0%")
    assert not any(f.result.kind == "share" and f.result.claimed == 5.0 for f in check_text(text))


def test_a_year_of_the_republic_in_brackets_is_no_figure() -> None:
    """較上(112)年同月底: last year, its number in brackets; 3萬2千 / (496萬8千 − 3萬2千)
    = 32000 / 4936000 = 0.65%."""
    text = "8月底受僱員工人數496萬8千人,較上(112)年同月底增3萬2千人或0.65%。"
    for script in (text, TO_TRADITIONAL.convert(text)):
        found = [(f.result.kind, str(f.result.verdict)) for f in check_text(script)]
        assert ("change-rate", "consistent") in found
        assert not any(verdict == "inconsistent" for _, verdict in found)


# three areas, their changes and their rates, each list after 分别 in the same order:
# 6.0 / 194.0 = 3.1%, 10.0 / 990.0 = 1.0%, 15.0 / 1485.0 = 1.0%
RESPECTIVE = (
    "其中,春播面积200.0万亩,早稻面积1000.0万亩,秋播面积1500.0万亩,分别比上年增加6.0万亩、"
    "10.0万亩、15.0万亩,分别增长3.1%、1.0%、1.0%。"
)


def test_lists_after_fenbie_are_never_paired_out_of_order() -> None:
    for text in (RESPECTIVE, TO_TRADITIONAL.convert(RESPECTIVE)):
        assert not any(f.result.verdict == Verdict.INCONSISTENT for f in check_text(text))


# the three industries and, a sentence later, the households: 100 + 5000 + 1600 + 1300 = 8000
ELECTRICITY = (
    "9月份,全社会用电量8000亿千瓦时,同比增长8.0%。其中,第一产业用电量100亿千瓦时;"
    "第二产业用电量5000亿千瓦时;第三产业用电量1600亿千瓦时。城乡居民生活用电量1300亿千瓦时。"
)


def test_a_part_named_alike_after_the_parts_leaves_them_unsure() -> None:
    """The three industries are a partition, yet 城乡居民生活用电量 right after them counts
    what they count: 100 + 5000 + 1600 = 6700 is not called wrong against 8000."""
    for text in (ELECTRICITY, TO_TRADITIONAL.convert(ELECTRICITY)):
        assert not any(f.result.verdict == Verdict.INCONSISTENT for f in check_text(text))


def test_a_whole_broken_down_otherwise_after_the_parts_leaves_them_judged() -> None:
    """全年谷物产量 opens a sentence of its own: another breakdown, no third season. The
    seasons are all the grain: 1000 + 4100 = 5100 ≠ 5000 is caught."""
    planted = "全年粮食产量5000吨,其中,夏粮产量1000吨,秋粮产量4100吨。全年谷物产量3000吨。"
    for text in (planted, TO_TRADITIONAL.convert(planted)):
        wrong = [
            f.result.kind for f in check_text(text) if f.result.verdict == Verdict.INCONSISTENT
        ]
        assert "sum" in wrong


def test_a_structure_of_the_year_before_is_no_share_of_this_years_levels() -> None:
    """The 2023 levels make 8.2:40.6:51.2; the revised 2022 figures that follow carry their
    own structure (7.9:41.5:50.6), which is no share of the 2023 levels."""
    text = SECTORS.format(shares="8.2%、40.6%、51.2%") + (
        "按照统一核算制度,最终核实2022年全市生产总值现价总量为4760亿元,比上年增长4.0%,三次产业"
        "增加值结构为7.9:41.5:50.6。"
    )
    for script in (text, TO_TRADITIONAL.convert(text)):
        verdicts = [(f.result.kind, str(f.result.verdict)) for f in check_text(script)]
        assert ("share", "inconsistent") not in verdicts, verdicts


# a total's comparison with another span (比上半年高…) and a release's date (1月17日) name no
# span of the figures: 30 + 80 + 90 = 200, 15.0:40.0:45.0; 71500 + 68500 = 140000
SPANS_COMPARED = (
    "前三季度,全县实现地区生产总值200.00亿元,同比增长3.6%,比上半年高1.5个百分点。其中,第一产业"
    "完成增加值30.00亿元,增长2.2%;第二产业完成增加值80.00亿元,增长5.7%;第三产业完成增加值"
    "90.00亿元,增长2.4%。三次产业结构比为15.0:40.0:{tertiary}。"
)
DATED_RELEASE = (
    "国家统计局1月17日发布数据。\n\n年末全国人口140000万人,比上年末增加48万人。全年出生人口1000万人。"
    "从性别构成看,男性人口71500万人,女性人口{female}万人。"
)


def test_a_span_compared_with_or_a_date_is_no_span_of_the_parts() -> None:
    for text in (SPANS_COMPARED.format(tertiary="45.0"), DATED_RELEASE.format(female="68500")):
        for script in (text, TO_TRADITIONAL.convert(text)):
            found = {
                (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
            }
            if "三次产业" in text:
                assert found[("share", 45.0)] == found[("share", 15.0)] == "consistent"
            else:
                assert found[("sum", 140000e4)] == "consistent"


def test_parts_of_a_span_compared_with_or_dated_are_still_caught() -> None:
    """46.0 for 90/200 = 45.0%; 68600 + 71500 = 140100 ≠ 140000."""
    for text in (SPANS_COMPARED.format(tertiary="46.0"), DATED_RELEASE.format(female="68600")):
        for script in (text, TO_TRADITIONAL.convert(text)):
            found = {
                (f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(script)
            }
            claimed = ("share", 46.0) if "三次产业" in text else ("sum", 140000e4)
            assert found[claimed] == "inconsistent"


# a change in two units, each the difference of two levels rounded in its own unit:
# 237.4万吨 × 2 = 47.48亿斤, written 47.4 (the 亿斤 levels' difference 700.12 − 652.70 = 47.42);
# each change may be off by a whole unit of its last digit: [237.3, 237.5] × 2 = [47.46,
# 47.50] meets [47.3, 47.5]. A level is one rounding: 3500.6万吨 is 700.12亿斤, 700.2 is wrong.
OIL_CROPS = "全年油料产量3500.6万吨({level}亿斤),比上年增产237.4万吨({change}亿斤),增长7.3%。"


def test_a_change_given_in_two_units_may_differ_by_its_two_roundings() -> None:
    for script in (OIL_CROPS, TO_TRADITIONAL.convert(OIL_CROPS)):
        found = {
            (f.result.kind, f.result.inputs[-1]["written"]): str(f.result.verdict)
            for f in check_text(script.format(level="700.12", change="47.4"))
            if f.result.kind == "conversion"
        }
        assert set(found.values()) == {"consistent"}, found
        assert len(found) == 2


def test_a_change_or_level_in_two_units_beyond_the_roundings_is_caught() -> None:
    """47.9亿斤 for 237.4万吨 (47.48); 700.2亿斤 for 3500.6万吨 (700.12)."""
    for level, change in (("700.12", "47.9"), ("700.2", "47.4")):
        for script in (OIL_CROPS, TO_TRADITIONAL.convert(OIL_CROPS)):
            verdicts = [
                str(f.result.verdict)
                for f in check_text(script.format(level=level, change=change))
                if f.result.kind == "conversion"
            ]
            assert sorted(verdicts) == ["consistent", "inconsistent"], verdicts


# Taiwan's releases write a count in 萬 with its four last digits comma-grouped, spaces between:
# 1,236 萬 5,870 = 12,365,870; 1,107 萬 4,250 / 12,365,870 = 89.5550 → 89.55%;
# 84 萬 0,310 / 12,365,870 = 6.7959 → 6.80%
TRAVEL = (
    "年報 國人出國共計 1,236 萬 5,870 人次,較上年增加 56 萬 1,204 人次。依目的地分析,以亞洲地區"
    "為最多,計 1,107 萬 4,250 人次(占 {asia}%),其次為美洲地區 84 萬 0,310 人次(占 6.80%)。"
)


def test_a_count_in_wan_with_its_last_digits_comma_grouped_is_one_figure() -> None:
    text = clean_article(TRAVEL.format(asia="89.55")).text
    counts = [f.value for f in figures_of(text) if f.unit == "person-time"]
    assert counts == [12365870, 561204, 11074250, 840310]
    found = {(f.result.kind, f.result.claimed): str(f.result.verdict) for f in check_text(text)}
    assert found[("share", 89.55)] == found[("share", 6.8)] == "consistent"


def test_a_share_of_a_count_in_wan_mistyped_is_not_passed() -> None:
    """89.65% for 11,074,250 / 12,365,870 = 89.55%: the whole is the one the sentence opens
    with, not bound for sure — shown as not holding, never as consistent."""
    found = {
        (f.result.kind, f.result.claimed): str(f.result.verdict)
        for f in check_text(clean_article(TRAVEL.format(asia="89.65")).text)
    }
    assert found[("share", 89.65)] in ("inconsistent", "unverifiable")


# 共T,分别为A、B、C,合计T: the total after the list is its total again, no fourth part
LISTED_TWICE = "全县共有学校120所,分别为小学80所、初中30所、高中{high}所,合计120所。"


def test_a_total_after_a_listed_breakdown_is_no_part_of_it() -> None:
    """80 + 30 + 10 = 120, once; 80 + 30 + 20 = 130 ≠ 120 is caught."""
    for high, verdict in (("10", "consistent"), ("20", "inconsistent")):
        text = LISTED_TWICE.format(high=high)
        for script in (text, TO_TRADITIONAL.convert(text)):
            found = [(f.result.kind, str(f.result.verdict)) for f in check_text(script)]
            assert found == [("sum", verdict)], found


def test_provinces_named_alike_in_the_second_paragraph_are_not_the_articles() -> None:
    """B03's shape: a national yearbook's births, then a paragraph of the provinces whose rates
    are highest. The births are the nation's, no province's; a province the head names more
    than any other is still the article's (a provincial report naming its neighbours once)."""
    text = (
        "国家统计局公布了人口数据。年末全国人口为138000万人,比上一年减少了150万人。全年出生"
        "人口为880万人,出生率为6.37‰。\n"
        "从分省数据来看,青海的出生率最高,达到12.10‰,云南和广西的出生率也超过了10‰。\n"
    )
    for script in both_scripts(text):
        reading = annotate(clean_article(script).text)  # its first line is its title
        births = next(n for n in reading.notes if n.figure.written.startswith("880"))
        assert births.scope in (None, "national"), births.scope
    own = "湖南省统计局发布数据。湖南全年出生人口40万人。\n湖南出生率高于湖北,低于江西。\n"
    reading = annotate(clean_article("标题\n\n" + own).text)
    assert reading.scope == "湖南"


# C17's shape: a lead that rounds to a threshold, a body that gives the threshold then the level
THRESHOLD_THEN_LEVEL = (
    "新华社电 全国风电、光伏发电新增装机连续两年突破1亿千瓦,带动可再生能源装机突破15亿千瓦。\n"
    "数据显示,全年风电、光伏发电新增装机突破1.5亿千瓦,达到{added}亿千瓦。截至年底,可再生能源"
    "装机突破15亿千瓦,达到15.16亿千瓦,占全国发电总装机的51.9%。\n"
)


def _equal_pairs(text: str) -> list[tuple[str, list[float]]]:
    found = judged_relations(clean_article("标题\n\n" + text).text)
    return [(verdict, values) for kind, verdict, values, _ in found if kind == "equal"]


def test_a_level_after_the_threshold_it_passed_lies_above_it() -> None:
    for script in both_scripts(THRESHOLD_THEN_LEVEL.format(added="1.62")):
        found = _equal_pairs(script)
        assert ("consistent", [150_000_000.0, 162_000_000.0]) in found, found
        assert ("consistent", [1_500_000_000.0, 1_516_000_000.0]) in found


def test_a_level_below_the_threshold_it_passed_is_caught() -> None:
    for script in both_scripts(THRESHOLD_THEN_LEVEL.format(added="1.42")):
        assert ("inconsistent", [142_000_000.0, 150_000_000.0]) in _equal_pairs(script)


def test_a_title_of_the_nation_restates_the_bodys_figure_roughly() -> None:
    """C15's shape: 中国就业人员 in the title, 全国就业人员 in the body, the same count."""
    text = (
        "人社部发布公报:中国就业人员超过7.4亿人\n"
        "公报显示,截至年末,全国就业人员74520万人,比上年末减少120万人。\n"
    )
    for script in both_scripts(text):
        found = judged_relations(clean_article(script).text)
        assert ("equal", "consistent", [740_000_000.0, 745_200_000.0], None) in found, found


# A03's shape: the total's change on the year's end before it named by its year, the regions'
# on 上年
REGIONS_CHANGES = (
    "2019年末,全省农村贫困人口120万人,比{base}年末减少{change}万人。分区域看,东部地区农村贫困人口"
    "20万人,比上年减少10万人;中部地区农村贫困人口40万人,比上年减少15万人;西部地区农村贫困人口"
    "60万人,比上年减少20万人。\n"
)


def test_a_change_on_the_year_before_named_by_its_year_is_on_the_year_before() -> None:
    for script in both_scripts(REGIONS_CHANGES.format(base="2018", change="45")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        changes = ("sum", "consistent", [-200_000.0, -150_000.0, -100_000.0], -450_000.0)
        assert changes in found, found
    for script in both_scripts(REGIONS_CHANGES.format(base="2018", change="54")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        changes = ("sum", "inconsistent", [-200_000.0, -150_000.0, -100_000.0], -540_000.0)
        assert changes in found, found
    # a change since 2015 is no sum of the regions' changes on 2018
    found = judged_relations(
        clean_article("标题\n\n" + REGIONS_CHANGES.format(base="2015", change="54")).text
    )
    assert not any(values == [-200_000.0, -150_000.0, -100_000.0] for _, _, values, _ in found)


# B14's shape: a whole, then 在…中 with one part a sentence, the statement going on past ;
AMONG_PAST_SEMICOLON = (
    "全年外出务工人员8450万人,比上年减少230万人,下降2.7%。\n"
    "在外出务工人员中,跨省流动务工人员3620万人,比上年减少{change}万人,下降5.5%;"
    "在省内就业的外出务工人员4830万人,比上年减少20万人,下降0.4%。\n"
)


def test_parts_among_a_whole_past_a_semicolon_make_it_and_their_changes_its_change() -> None:
    for script in both_scripts(AMONG_PAST_SEMICOLON.format(change="210")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert ("sum", "consistent", [36_200_000.0, 48_300_000.0], 84_500_000.0) in found, found
        assert ("sum", "consistent", [-2_100_000.0, -200_000.0], -2_300_000.0) in found
    # a change mistyped: its own rate calls it wrong; the sum of the changes, bound by adding
    # up (the words name no partition of 务工人员), is no longer called right
    for script in both_scripts(AMONG_PAST_SEMICOLON.format(change="120")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert ("change-rate", "inconsistent", [1_200_000.0, 36_200_000.0], -5.5) in found
        assert ("sum", "unverifiable", [-1_200_000.0, -200_000.0], -2_300_000.0) in found


def test_a_change_after_the_span_the_sentence_opens_with_is_the_flow_over_it() -> None:
    """A12's shape: "从1978年到2017年,…减少7.4亿人,年均减贫人口规模接近1900万人" — no 累计,
    the span of years says the change is the flow over it (2013 to 2017: 5 years)."""
    text = "2013年至2017年,全省农村贫困人口减少95万人,年均减贫人口规模{avg}。"
    for script in both_scripts(text.format(avg="19万人")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert ("average", "consistent", [950_000.0], 190_000.0) in found, found
    for script in both_scripts(text.format(avg="接近20万人")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert ("average", "consistent", [950_000.0], 200_000.0) in found, found
    for script in both_scripts(text.format(avg="24万人")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert ("average", "inconsistent", [950_000.0], 240_000.0) in found, found
    # the span may open a clause after the source (…报告显示,从2013年到2017年,…)
    text = "省统计局发布的报告显示,从2013年到2017年,全省农村贫困人口减少95万人,年均减少{avg}。"
    for script in both_scripts(text.format(avg="19万人")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert ("average", "consistent", [950_000.0], 190_000.0) in found, found
    # a change on a base (比上年) is no flow over the span
    found = judged_relations(
        "标题\n\n2013年至2017年,全省农村贫困人口比上年减少95万人,年均减少19万人。"
    )
    assert not any(kind == "average" for kind, _, _, _ in found)


def test_a_rate_over_a_span_compounds_to_its_yearly_average() -> None:
    """(1 + 40.3%)^(1/5) − 1 = 7.01%: a growth over five years is no sum of five years' rates
    (40.3 / 5 = 8.06% called 7.0% wrong before)."""
    for words in ("累计增长40.3%", "增长40.3%"):
        text = f"2016年至2020年,全省地区生产总值{words},年均增长{{avg}}%。"
        for script in both_scripts(text.format(avg="7.0")):
            found = judged_relations(clean_article("标题\n\n" + script).text)
            assert ("cagr-growth", "consistent", [40.3], 7.0) in found, found
            assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
        for script in both_scripts(text.format(avg="8.1")):
            found = judged_relations(clean_article("标题\n\n" + script).text)
            assert ("cagr-growth", "inconsistent", [40.3], 8.1) in found, found


def test_an_average_after_the_span_is_no_flow_over_it() -> None:
    """A02's shape: "2013年至2017年,…年均名义增长12.4%,扣除价格因素,年均实际增长10.4%": both
    are averages, neither the growth over the span."""
    text = (
        "2013年至2017年,全省农村居民人均可支配收入年均名义增长11.2%,扣除价格因素,年均实际增长9.1%。"
    )
    for script in both_scripts(text):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert not any(verdict == "inconsistent" for _, verdict, _, _ in found), found


# fresh trial 13's A02: a county's budget progress between the level and its change
BUDGET_PROGRESS = (
    "1-6月,一般公共预算收入累计完成31250万元,完成年初预算数70200万元的44.5%,比上年减收"
    "1380万元,下降{rate}%。其中:税收收入9800万元,比上年增收1100万元,增长12.6%。\n"
)


def test_a_change_after_a_budgets_progress_is_the_levels_not_the_budgets() -> None:
    """1380 / (31250 + 1380) = 4.23%: the change is of the revenue, not of the budget the
    44.5% is a percentage of (1380 / 71580 = 1.93% called 4.2% wrong before)."""
    for script in both_scripts(BUDGET_PROGRESS.format(rate="4.2")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert not any(verdict == "inconsistent" for _, verdict, _, _ in found), found
        assert ("change-rate", "consistent", [13_800_000.0, 312_500_000.0], -4.2) in found
    for script in both_scripts(BUDGET_PROGRESS.format(rate="2.4")):
        found = judged_relations(clean_article("标题\n\n" + script).text)
        assert ("change-rate", "inconsistent", [13_800_000.0, 312_500_000.0], -2.4) in found


# B22's shape: two provinces' births and deaths in one paragraph, each province named once
TWO_PROVINCES = (
    "2023年福建省出生率7.52‰,死亡率6.10‰,自然增长率1.42‰。2023年江西省出生人口36.2万人,"
    "人口出生率为8.05‰;死亡人口31.0万人,人口死亡率为6.88‰;人口自然增长率为{natural}‰。\n"
)


def test_a_place_named_once_is_the_place_of_the_rates_after_it() -> None:
    for script in both_scripts(TWO_PROVINCES.format(natural="1.17")):
        found = judged_relations(clean_article(script).text)  # its first line is its title
        assert ("difference", "consistent", [6.1, 7.52], 1.42) in found, found
        assert ("difference", "consistent", [6.88, 8.05], 1.17) in found
        assert not any(verdict == "inconsistent" for _, verdict, _, _ in found)
    for script in both_scripts(TWO_PROVINCES.format(natural="1.71")):
        found = judged_relations(clean_article(script).text)
        assert ("difference", "inconsistent", [6.88, 8.05], 1.71) in found, found
    # one province's births and another's deaths make no growth of either
    text = "福建省出生率7.52‰。江西省人口死亡率为6.88‰;人口自然增长率为0.64‰。\n"
    found = judged_relations(clean_article(text).text)
    assert not any(kind == "difference" for kind, _, _, _ in found), found
