"""A county finance bureau's monthly budget report, in the shape of fresh trial 20's A09: the
revenue and its 税收收入 in one paragraph, then a line of words alone (`主要收入项目情况如下:`),
numbered items, one item opening lines of its own (`4.土地和房地产相关税收中:` then `契税…;`),
`非税收入` the last item; the same for spending, the page cut inside its last item. Our own
figures, worked by hand:

  taxes listed: 25000 + 12000 + 5000 + 6000 + 3000 = 51000 ≤ 61000 (税收收入)
  every item: 51000 + 21000 = 72000 ≤ 82000 (一般公共预算收入)
  税收收入 + 非税收入 = 61000 + 21000 = 82000
  rates: 61000 / 1.12 = 54464.3; 82000 / 1.105 = 74208.1; 非税 a year before 19743.8, so
         21000 / 19743.8 = +6.36%
  spending items: 30000 + 25000 + 20000 = 75000 ≤ 150000"""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

REPORT = (
    "一、全县一般公共预算收支情况\n"
    "(一)一般公共预算收入情况\n"
    "1-6月累计,全县一般公共预算收入82000万元,同比增长10.50%。全县一般公共预算收入中的税收收入"
    "61000万元,同比增长12.00%,占总收入比重为74.39%。\n"
    "主要收入项目情况如下:\n"
    "1.增值税{vat}万元,同比增长9.00%。\n"
    "2.企业所得税12000万元,同比增长15.00%。\n"
    "3.个人所得税5000万元,同比增长20.00%。\n"
    "4.土地和房地产相关税收中:\n"
    "契税6000万元,同比增长30.00%;\n"
    "土地增值税3000万元,同比下降5.00%。\n"
    "5.非税收入{nontax}万元,同比增长6.36%。\n"
    "(二)一般公共预算支出情况\n"
    "1-6月累计,全县一般公共预算支出150000万元,同比增长8.00%。\n"
    "主要支出项目情况如下:\n"
    "1.教育支出{education}万元,同比增长6.00%;\n"
    "2.社会保障和就业支出25000万元,同比增长9.00%;\n"
    "3.农林水支出20000万元,同比增长4.00%;\n"
    "4.城乡社区支出"
)
CORRECT = REPORT.format(vat="25000", nontax="21000", education="30000")

Found = list[tuple[str, str, list[float], float | None]]


def _subsets(found: Found, whole: float, verdict: str) -> list[object]:
    return [r for r in found if r[0] == "subset" and r[1] == verdict and whole * 1e4 in r[2]]


def _sums(found: Found, total: float, verdict: str) -> list[object]:
    return [r for r in found if r[0] == "sum" and r[1] == verdict and r[3] == total * 1e4]


def test_the_listed_taxes_are_within_the_tax_revenue_and_every_item_within_the_revenue() -> None:
    for variant in both_scripts(CORRECT):
        found = article_relations(variant)
        taxes = _subsets(found, 61000, "consistent")
        assert [sorted(r[2]) for r in taxes] == [  # type: ignore[index]
            sorted(v * 1e4 for v in (25000, 12000, 5000, 6000, 3000, 61000))
        ], variant
        assert _subsets(found, 82000, "consistent"), variant
        assert not accused(variant), variant


def test_tax_and_non_tax_revenue_make_the_budgets_revenue() -> None:
    for variant in both_scripts(CORRECT):
        found = article_relations(variant)
        assert _sums(found, 82000, "consistent"), variant
        growth = [r for r in found if r[0] == "growth-of-sum" and 21000e4 in r[2]]
        assert growth and all(r[1] == "consistent" for r in growth), variant
    for variant in both_scripts(REPORT.format(vat="25000", nontax="24000", education="30000")):
        assert _sums(accused(variant), 82000, "inconsistent"), variant


def test_taxes_beyond_the_tax_revenue_are_called_wrong() -> None:
    # 45000 + 12000 + 5000 + 6000 + 3000 = 71000 > 61000
    for variant in both_scripts(REPORT.format(vat="45000", nontax="21000", education="30000")):
        assert _subsets(accused(variant), 61000, "inconsistent"), variant


def test_a_list_cut_inside_its_last_item_is_read_to_the_item_before() -> None:
    for variant in both_scripts(CORRECT):
        assert _subsets(article_relations(variant), 150000, "consistent"), variant
    # 130000 + 25000 + 20000 = 175000 > 150000
    for variant in both_scripts(REPORT.format(vat="25000", nontax="21000", education="130000")):
        assert _subsets(accused(variant), 150000, "inconsistent"), variant


def test_a_list_whose_last_item_has_no_amount_but_goes_on_is_no_list() -> None:
    # the item without an amount is not where the page ends: the list is not read at all
    text = CORRECT + ";\n5.其他支出5000万元。\n"
    for variant in both_scripts(text):
        assert not _subsets(article_relations(variant), 150000, "consistent"), variant


def test_a_local_tax_revenue_is_no_whole_of_the_listed_taxes() -> None:
    # 地方税收收入 is a part of the tax revenue: the listed taxes are not held within it, nor
    # does it make the revenue with 非税收入
    text = REPORT.format(vat="25000", nontax="21000", education="30000").replace(
        "全县一般公共预算收入中的税收收入61000万元,同比增长12.00%,占总收入比重为74.39%",
        "全县地方税收收入40000万元,同比增长12.00%",
    )
    for variant in both_scripts(text):
        found = article_relations(variant)
        assert not _subsets(found, 40000, "inconsistent"), variant
        assert not _sums(found, 82000, "inconsistent"), variant
        assert not accused(variant), variant
