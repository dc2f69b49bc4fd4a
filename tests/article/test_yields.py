"""Yields in prose (`article/yields.py`) and amounts per unit in two units (`conversions`), in
the shape of the bureau's yearly grain release (trial 2's U01, trial 3's V06): the area, the
yield per hectare with its figure per mu in brackets, the output, each for 粮食 and then
其中谷物. Our own province and figures, in both scripts, correct and planted."""

from __future__ import annotations

from povcli.article.clean import clean_article
from tests.helpers import both_scripts, judged_relations

# 3000万吨 = 30,000,000 吨 × 1000 公斤 / 5,000,000 公顷 = 6000 公斤/公顷 = 400 公斤/亩 (÷ 15);
# 谷物: 26,000,000,000 公斤 / 4,000,000 公顷 = 6500 = 433.3 公斤/亩; 30.0 / 15 = 2.0
GRAIN = (
    "统计局公告,根据对全省的调查,2024年全省粮食播种面积、单位面积产量和总产量分别如下:\n\n"
    "一、全省粮食播种面积5000千公顷(7500万亩),比2023年增加20千公顷(30万亩),增长0.4%。"
    "其中谷物播种面积4000千公顷(6000万亩),比2023年增加16千公顷(24万亩),增长0.4%。\n\n"
    "二、全省粮食单位面积产量{grain}公斤/公顷({grain_mu}公斤/亩),比2023年增加30.0公斤/公顷"
    "(2.0公斤/亩),增长0.5%。其中谷物单位面积产量{cereal}公斤/公顷(433公斤/亩)。\n\n"
    "三、全省粮食总产量3000万吨(600亿斤),比2023年增加30万吨(6亿斤),增长1.0%。"
    "其中谷物产量2600万吨(520亿斤)。\n"
)
CORRECT = GRAIN.format(grain="6000", grain_mu="400", cereal="6500")


def found(text: str) -> list[tuple[str, str, list[float], float | None]]:
    return judged_relations(clean_article(text).text)


def test_a_yield_is_the_output_over_the_area_named_for_the_same_crop() -> None:
    for text in both_scripts(CORRECT):
        relations = found(text)
        per_unit = [r for r in relations if r[0] == "per-unit"]
        # (kind, verdict, output in 吨 / area in 公顷 / factor, yield as written)
        assert ("per-unit", "consistent", [1000.0, 5_000_000.0, 30_000_000.0], 6000.0) in per_unit
        assert ("per-unit", "consistent", [1000.0, 4_000_000.0, 26_000_000.0], 6500.0) in per_unit
        assert len(per_unit) == 2, per_unit
        assert all(verdict != "inconsistent" for _, verdict, _, _ in relations), relations


def test_a_yield_per_hectare_and_per_mu_are_one_figure() -> None:
    for text in both_scripts(CORRECT):
        conversions = [r for r in found(text) if r[0] == "conversion"]
        # 6000 公斤/公顷 × 1/15 = 400 公斤/亩; the change 30.0 → 2.0; 6500 → 433
        assert any(r[1] == "consistent" and {6000.0, 400.0} <= set(r[2]) for r in conversions)
        assert any(r[1] == "consistent" and {30.0, 2.0} <= set(r[2]) for r in conversions)
        assert any(r[1] == "consistent" and {6500.0, 433.0} <= set(r[2]) for r in conversions)


def test_a_yield_mistyped_is_caught_in_both_scripts() -> None:
    """谷物 6800 for 2600万吨 over 4000千公顷 = 6500."""
    planted = GRAIN.format(grain="6000", grain_mu="400", cereal="6800")
    for text in both_scripts(planted):
        wrong = [r for r in found(text) if r[1] == "inconsistent"]
        assert ("per-unit", "inconsistent", [1000.0, 4_000_000.0, 26_000_000.0], 6800.0) in wrong
        assert {r[0] for r in wrong} == {"per-unit", "conversion"}  # 6800 / 15 is no 433


def test_a_yield_per_mu_mistyped_is_caught() -> None:
    planted = GRAIN.format(grain="6000", grain_mu="420", cereal="6500")  # 6000 / 15 = 400
    for text in both_scripts(planted):
        wrong = [r for r in found(text) if r[1] == "inconsistent"]
        assert [r[0] for r in wrong] == ["conversion"]
        assert {6000.0, 420.0} <= set(wrong[0][2])


def test_a_yield_of_another_crop_is_no_yield_of_the_grain() -> None:
    """夏粮单位面积产量 names no crop whose output and area the text gives."""
    text = CORRECT.replace("其中谷物单位面积产量6500", "其中夏粮单位面积产量5600").replace(
        "(433公斤/亩)", "(373公斤/亩)"
    )
    relations = found(text)
    assert not any(r[3] == 5600.0 for r in relations if r[0] in ("per-unit", "ratio"))
    assert all(verdict != "inconsistent" for _, verdict, _, _ in relations)


def test_two_outputs_for_one_crop_bind_no_yield() -> None:
    """Two different 粮食总产量 in the yield's year: neither binds."""
    text = CORRECT.replace(
        "。其中谷物产量2600万吨", "。全省粮食总产量3100万吨。其中谷物产量2600万吨"
    )
    relations = found(text)
    assert not any(r[3] == 6000.0 for r in relations if r[0] == "per-unit")
