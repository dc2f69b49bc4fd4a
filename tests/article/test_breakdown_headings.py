"""A budget's revenue broken down under headings of their own, in the shapes of two county finance
bureaus' monthly reports (fresh trial 21's A01 and A03): numbered sections `二、分收入结构看:`,
`三、分征收部门完成情况为:` a paragraph after the total, and `按级次分:`, `地方收入按部门分:` whose
parts run over two sentences, each amount with `占年初预算…万元的…%` and then its rate. Our own
county and figures, worked by hand:

  sections: 36000 + 10000 + 4000 = 50000; changes 3000 + 600 + 400 = 4000
    taxes 30000 + 20000 = 50000 (shares 60.00%, 40.00%); changes 1500 + 2500 = 4000
    departments 32000 + 18000 = 50000; changes 1800 + 2200 = 4000;
    a year before 30200 + 15800 = 46000, 50000 / 46000 = 1.08696 → 8.70%
    planted: 财政局 增加2700万元, 增长17.65% (2700 / 15300): 1800 + 2700 = 4500, not 4000;
    30200 + 15300 = 45500, 50000 / 45500 → 9.89%, not 8.70%
  headings: 4500 + 1500 = 6000, plans 12000 + 3000 = 15000
    4500 / 0.96 + 1500 / 0.921 = 4687.5 + 1628.664 = 6316.164; 6000 / 6316.164 → −5.0%
    by level 3600 + 2400 = 6000, plans 9000 + 6000 = 15000;
    3600 / 1.02 + 2400 / 0.861 = 3529.412 + 2787.456 = 6316.868; 6000 / 6316.868 → −5.0%
    by department 2000 + 400 = 2400, plans 4800 + 1200 = 6000;
    2000 / 0.9 + 400 / 0.709 = 2222.222 + 564.175 = 2786.397; 2400 / 2786.397 → −13.9%
    planted: the 财政部门 plan 1700 for 1200: 400 / 1700 = 23.5%, not 33.3%; the plans' sum
    (6500, not 6000) is shown, never called wrong
"""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts, claimed_of

SECTIONS = (
    "一、截至2024年6月底,累计完成公共财政预算总收入50000万元,为年初预算55.00%,比上年同期增加"
    "4000万元,增长8.70%。其中:地方公共财政预算收入完成36000万元,增加3000万元,增长9.09%;"
    "上划中央收入完成10000万元,增加600万元,增长6.38%;上划省级收入完成4000万元,增加400万元,"
    "增长11.11%。\n"
    "二、分收入结构看:截至2024年6月底,累计完成税收收入30000万元,增加1500万元,增长5.26%,"
    "税收占财政总收入的比重为60.00%;累计完成非税收入20000万元,增加2500万元,增长14.29%,"
    "非税收入占财政总收入比重为40.00%。\n"
    "三、分征收部门完成情况为:截至2024年6月底,税务局完成32000万元,增加1800万元,增长5.96%;"
    "财政局完成18000万元,增加{finance_change}万元,增长{finance_rate}%。\n"
)
HEADINGS = (
    "一、一般公共预算收支情况\n"
    "(一)收入情况。1-5月,全县完成财政总收入6000万元,占年初预算15000万元的40.0%,同比下降5.0%。"
    "其中:税收收入4500万元,占年初预算12000万元的37.5%,同比下降4.0%;非税收入1500万元,"
    "占年初预算3000万元的50.0%,同比下降7.9%。按级次分:上划中省收入3600万元,占年初预算9000万元"
    "的40.0%,同比增长2.0%。完成地方一般公共预算收入2400万元,占年初预算6000万元的40.0%,"
    "同比下降13.9%。\n"
    "地方收入按部门分:税务部门完成2000万元,占年初预算4800万元的41.7%,同比下降10.0%;"
    "财政部门完成400万元,占年初预算{finance_plan}万元的33.3%,同比下降29.1%。\n"
)


def test_a_numbered_sections_parts_make_the_total_a_paragraph_before() -> None:
    for variant in both_scripts(SECTIONS.format(finance_change="2200", finance_rate="13.92")):
        found = article_relations(variant)
        departments = [
            r for r in found if r[0] == "sum" and 320_000_000.0 in r[2] and 180_000_000.0 in r[2]
        ]
        assert [(r[1], r[3]) for r in departments] == [("consistent", 500_000_000.0)], variant
        changes = [r for r in found if r[0] == "sum" and {18_000_000.0, 22_000_000.0} <= set(r[2])]
        assert [(r[1], r[3]) for r in changes] == [("consistent", 40_000_000.0)], variant
        assert 8.7 in claimed_of(variant, "growth-of-sum", "consistent"), variant
        assert not accused(variant), variant


def test_a_departments_change_that_breaks_the_sum_is_called_wrong() -> None:
    for variant in both_scripts(SECTIONS.format(finance_change="2700", finance_rate="17.65")):
        wrong = sorted((r[0], r[3]) for r in accused(variant))
        assert wrong == [("growth-of-sum", 8.7), ("sum", 40_000_000.0)], variant


def test_a_share_of_the_tax_revenue_named_tax_binds_its_amount() -> None:
    for variant in both_scripts(SECTIONS.format(finance_change="2200", finance_rate="13.92")):
        assert claimed_of(variant, "share", "consistent") == [40.0, 60.0], variant


def test_parts_under_by_headings_make_the_total_and_its_rate() -> None:
    for variant in both_scripts(HEADINGS.format(finance_plan="1200")):
        sums = claimed_of(variant, "sum", "consistent")
        assert sums.count(60_000_000.0) >= 2 and 24_000_000.0 in sums, (sums, variant)
        growths = claimed_of(variant, "growth-of-sum", "consistent")
        assert growths.count(-5.0) == 2 and -13.9 in growths, (growths, variant)
        assert not accused(variant), variant


def test_the_plans_beside_the_parts_add_up_to_the_whole_plan() -> None:
    for variant in both_scripts(HEADINGS.format(finance_plan="1200")):
        sums = claimed_of(variant, "sum", "consistent")
        assert sums.count(150_000_000.0) == 2 and 60_000_000.0 in sums, (sums, variant)


def test_a_plan_that_breaks_the_plans_sum_is_shown_and_its_percentage_called_wrong() -> None:
    for variant in both_scripts(HEADINGS.format(finance_plan="1700")):
        assert [(r[0], r[3]) for r in accused(variant)] == [("percent-of", 33.3)], variant
        plans = [r for r in article_relations(variant) if r[0] == "sum" and 17_000_000.0 in r[2]]
        assert [r[1] for r in plans] == ["unverifiable"], variant
