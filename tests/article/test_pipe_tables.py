"""A pipe table as a district's retail release pastes it: each row opened and closed by a bar,
a header over three lines (项目名称 | 计算单位, then 3月 | 1-3月累计, then 增长 | 结构(%)), a unit
column (万元, 个) and numbered rows under each total. Figures my own, worked by hand:
47120 + 4920 = 52040 and 132650 + 17580 = 150230 (万元); 132650 / 150230 = 88.30% and
17580 / 150230 = 11.70%; 200 + 40 = 240 enterprises."""

from __future__ import annotations

import pytest

from tests.helpers import accused, both_scripts, of_kind

TABLE = """\
| 项 目 名 称 | 计算 单位 |

3月 | 1-3月 累计 |

累计比上年同期增长(%) | 结构(%) |

| 一、商品零售总额 | 万元 | 52040 | 150230 | 3.1 | 100 |

| 1、批发零售业 | 万元 | 47120 | 132650 | 2.2 | 88.30 |

| 2、餐饮业 | 万元 | 4920 | {catering} | 10.4 | 11.70 |

| 二、限额以上企业数 | 个 | - | 240 | ||

| 1、批发零售企业 | 个 | - | 200 | ||

| 2、住宿餐饮企业 | 个 | - | 40 | ||
"""


def test_a_bar_opened_tables_rows_add_up_in_the_unit_its_column_gives() -> None:
    for text in both_scripts(TABLE.format(catering="17580")):
        sums = of_kind(text, "sum")
        assert ("consistent", [49.2e6, 471.2e6], 520.4e6) in sums, sums
        assert ("consistent", [175.8e6, 1326.5e6], 1502.3e6) in sums, sums
        assert ("consistent", [40.0, 200.0], 240.0) in sums, sums
        assert accused(text) == []


@pytest.mark.parametrize("catering", ["15780"])
def test_a_mistyped_cell_of_a_bar_opened_table_is_caught(catering: str) -> None:
    """132650 + 15780 = 148430, not 150230."""
    for text in both_scripts(TABLE.format(catering=catering)):
        assert ("sum", "inconsistent", [157.8e6, 1326.5e6], 1502.3e6) in accused(text), text


def test_the_structure_column_divides_the_months_so_far() -> None:
    """结构(%) beside 3月 and 1-3月累计: each row's share of the total's cumulative level,
    132650 / 150230 = 88.30% and 17580 / 150230 = 11.70%; 83.80 is wrong."""
    for text in both_scripts(TABLE.format(catering="17580")):
        shares = [(verdict, claimed) for verdict, _, claimed in of_kind(text, "share")]
        assert ("consistent", 88.3) in shares and ("consistent", 11.7) in shares, shares
    for text in both_scripts(TABLE.format(catering="17580").replace("88.30", "83.80")):
        assert ("share", 83.8) in [(kind, claimed) for kind, _, _, claimed in accused(text)], text
