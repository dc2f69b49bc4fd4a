"""Parts of a row in a statistical table, in the shapes NBS and health releases print them
(our own figures, both scripts): the first part marked # (其中), per-head income sources and
the eight kinds of consumption under a per-head total, a block of urban rows whose total
names 城镇, rows headed 按…分 that break the row above down, the total's rate from its parts'
levels and rates, and a fall in the prose restated as −2.0 in the table. Figures worked by
hand in the comments."""

from __future__ import annotations

import opencc
import pytest

from tests.helpers import judged_relations

TO_TRADITIONAL = opencc.OpenCC("s2t")

# sums: 18000 + 5000 + 1000 + 6000 = 30000; 26000 + 4000 + 2000 + 10000 = 42000
# the total's rate from its parts: last year 18000/1.04 + 5000/1.02 + 1000/0.98 + 6000/1.12
# = 28587.2, 30000/28587.2 − 1 = 4.94% → 4.9; urban 26000/1.03 + 4000/0.99 + 2000/0.97
# + 10000/1.10 = 40435.9, 42000/40435.9 − 1 = 3.87% → 3.9
# consumption: 6000 + 1500 + 4500 + 1200 + 2600 + 2200 + 1500 + 500 = 20000; last year
# 6000/1.01 + 1500/0.97 + 4500/1.02 + 1200/0.96 + 2600/0.95 + 2200/0.94 + 1500/0.99 + 500/0.98
# = 20251.4, 20000/20251.4 − 1 = −1.24% → −1.2
INCOME = """\
全年全体居民人均可支配收入30000元,比上年增长4.9%。全体居民人均消费支出20000元,下降1.2%。

表3 2024年居民人均可支配收入及其增长速度
指标名称 | 绝对量(元) | 比上年增长(%) |
全体居民人均可支配收入 | 30000 | 4.9 |
#工资性收入 | 18000 | 4.0 |
经营净收入 | 5000 | 2.0 |
财产净收入 | 1000 | -2.0 |
转移净收入 | 6000 | 12.0 |
城镇居民人均可支配收入 | 42000 | 3.9 |
#工资性收入 | 26000 | 3.0 |
经营净收入 | 4000 | -1.0 |
财产净收入 | 2000 | -3.0 |
转移净收入 | 10000 | 10.0 |
全体居民人均消费支出 | 20000 | -1.2 |
#食品烟酒 | 6000 | 1.0 |
衣着 | 1500 | -3.0 |
居住 | 4500 | 2.0 |
生活用品及服务 | 1200 | -4.0 |
交通通信 | 2600 | -5.0 |
教育文化娱乐 | 2200 | -6.0 |
医疗保健 | 1500 | -1.0 |
其他用品及服务 | 500 | -2.0 |
"""

# 800 + 200 = 1000, 860 + 240 = 1100; 500 + 300 + 150 + 50 = 1000, 560 + 320 + 160 + 60
# = 1100; growth 1100/1000 → 10.0, 860/800 → 7.5, 240/200 → 20.0, 560/500 → 12.0,
# 320/300 → 6.7, 160/150 → 6.7, 60/50 → 20.0
HOSPITALS = """\
表1 全市医院诊疗人次
指标 | 2023年(万人次) | 2024年(万人次) | 增长(%) |
医院 | 1000 | 1100 | 10.0 |
按经济类型分 | | | |
公立医院 | 800 | 860 | 7.5 |
民营医院 | 200 | 240 | 20.0 |
按医院等级分 | | | |
三级医院 | 500 | 560 | 12.0 |
二级医院 | 300 | 320 | 6.7 |
一级医院 | 150 | 160 | 6.7 |
未定级医院 | 50 | 60 | 20.0 |
"""


def results(text: str, script: str) -> list[tuple[str, str, list[float], float | None]]:
    return judged_relations(text if script == "simplified" else TO_TRADITIONAL.convert(text))


SCRIPTS = pytest.mark.parametrize("script", ["simplified", "traditional"])


@SCRIPTS
def test_per_head_parts_marked_with_a_hash_make_their_total(script: str) -> None:
    found = results(INCOME, script)
    assert ("sum", "consistent", [1000, 5000, 6000, 18000], 30000) in found
    # the urban total names 城镇, a member of another partition: still the parts' whole
    assert ("sum", "consistent", [2000, 4000, 10000, 26000], 42000) in found
    eight = sorted([6000, 1500, 4500, 1200, 2600, 2200, 1500, 500])
    assert ("sum", "consistent", eight, 20000) in found
    assert all(verdict != "inconsistent" for _, verdict, _, _ in found)


@SCRIPTS
def test_the_totals_rate_from_its_parts_is_shown(script: str) -> None:
    found = {(kind, claimed): verdict for kind, verdict, _, claimed in results(INCOME, script)}
    assert found[("growth-of-sum", 4.9)] == "consistent"
    assert found[("growth-of-sum", 3.9)] == "consistent"
    assert found[("growth-of-sum", -1.2)] == "consistent"


@SCRIPTS
def test_a_fall_in_the_prose_agrees_with_its_negative_cell(script: str) -> None:
    found = results(INCOME, script)
    assert ("equal", "consistent", [-1.2, -1.2], None) in found


@SCRIPTS
def test_a_planted_part_is_caught_in_either_block(script: str) -> None:
    # 经营净收入 5000 → 5600: 18000 + 5600 + 1000 + 6000 = 30600 ≠ 30000
    found = results(INCOME.replace("| 5000 |", "| 5600 |"), script)
    assert ("sum", "inconsistent", [1000, 5600, 6000, 18000], 30000) in found
    # urban 工资性收入 26000 → 28000: 28000 + 4000 + 2000 + 10000 = 44000 ≠ 42000
    found = results(INCOME.replace("| 26000 |", "| 28000 |"), script)
    assert ("sum", "inconsistent", [2000, 4000, 10000, 28000], 42000) in found


@SCRIPTS
def test_a_planted_rate_is_never_called_wrong_by_the_totals_rate(script: str) -> None:
    # 转移净收入 12.0 → 21.0: last year 6000/1.21 = 4958.7, the total's rate 5.94%, not 4.9;
    # a bureau's rates are on a comparable basis: shown, not an accusation
    found = results(INCOME.replace("| 6000 | 12.0 |", "| 6000 | 21.0 |"), script)
    assert not any(kind == "growth-of-sum" and v == "inconsistent" for kind, v, _, _ in found)


@SCRIPTS
def test_rows_headed_by_a_breakdown_break_the_row_above_down(script: str) -> None:
    found = results(HOSPITALS, script)
    assert ("sum", "consistent", [200e4, 800e4], 1000e4) in found
    assert ("sum", "consistent", [240e4, 860e4], 1100e4) in found
    assert ("sum", "consistent", [50e4, 150e4, 300e4, 500e4], 1000e4) in found
    assert ("sum", "consistent", [60e4, 160e4, 320e4, 560e4], 1100e4) in found
    assert all(verdict == "consistent" for _, verdict, _, _ in found)


@SCRIPTS
def test_a_planted_cell_under_a_breakdown_is_caught(script: str) -> None:
    # 民营医院 2024: 240 → 250: 860 + 250 = 1110 ≠ 1100; 250/200 = 25% against 20.0
    found = results(HOSPITALS.replace("| 240 |", "| 250 |"), script)
    wrong = sorted(
        (kind, values) for kind, verdict, values, _ in found if verdict == "inconsistent"
    )
    assert wrong == [("growth", [200e4, 250e4]), ("sum", [250e4, 860e4])]
