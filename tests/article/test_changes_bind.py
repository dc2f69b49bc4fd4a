"""Parts whose changes add up to the total's change, written closely, may be all of it: a level
among them that then fails to add up is shown, not called wrong (what is left out may not have
changed), though no word names them a partition."""

from __future__ import annotations

import pytest

from tests.helpers import both_scripts, of_kind

# 298.2 + 22.3 = 320.5 vehicles, and their rises 24.1 + 1.2 = 25.3; a planted 12.3 makes
# 310.5 ≠ 320.5, though 12.3 fits within the whole
VEHICLES = (
    "年末全市机动车保有量320.5万辆,比上年末增加25.3万辆。其中,汽车298.2万辆,增加24.1万辆;"
    "摩托车{motorbikes}万辆,增加1.2万辆。"
)


@pytest.mark.parametrize("text", both_scripts(VEHICLES.format(motorbikes="22.3")))
def test_parts_whose_changes_make_the_total_change_make_the_total(text: str) -> None:
    sums = of_kind(text, "sum")
    assert ("consistent", [223000.0, 2982000.0], 3205000.0) in sums
    assert ("consistent", [12000.0, 241000.0], 253000.0) in sums


# a level below the whole whose changes still meet is shown, never called wrong: a rest left
# out that did not change (拖拉机, 挂车 beside 汽车 and 摩托车) makes the same figures
@pytest.mark.parametrize("text", both_scripts(VEHICLES.format(motorbikes="12.3")))
def test_a_level_below_whose_changes_meet_is_shown(text: str) -> None:
    assert ("unverifiable", [123000.0, 2982000.0], 3205000.0) in of_kind(text, "sum")


# changes to the unit (增加3万辆: 2.5–3.5万) may meet by chance: the parts are only checked
# to fit within the whole
LOOSE = (
    "年末全市机动车保有量320.5万辆,比上年末增加3万辆。其中,汽车298.2万辆,增加2万辆;"
    "摩托车12.3万辆,增加1万辆。"
)


@pytest.mark.parametrize("text", both_scripts(LOOSE))
def test_loosely_written_changes_bind_nothing(text: str) -> None:
    assert all(verdict != "inconsistent" for verdict, _, _ in of_kind(text, "sum"))
    assert of_kind(text, "subset")


# what each level gained, written right after it (a capacity release's shape): 180 + 120 = 300
# new, as 1800 + 800 = 2600 installed; a planted 210 makes 390 ≠ 300
ADDITIONS = (
    "截至2024年6月底,全省光伏发电累计装机2600万千瓦,同比增长18%,新增300万千瓦。其中,集中式光伏发电"
    "装机1800万千瓦,同比增长14%,新增180万千瓦;分布式光伏发电装机800万千瓦,同比增长28%,新增{added}万千瓦。"
)


@pytest.mark.parametrize("text", both_scripts(ADDITIONS.format(added="120")))
def test_the_additions_of_parts_that_add_up_make_the_total_addition(text: str) -> None:
    sums = of_kind(text, "sum")
    assert ("consistent", [8e6, 18e6], 26e6) in sums
    assert ("consistent", [1.2e6, 1.8e6], 3e6) in sums


@pytest.mark.parametrize("text", both_scripts(ADDITIONS.format(added="210")))
def test_a_planted_addition_is_wrong(text: str) -> None:
    assert ("inconsistent", [1.8e6, 2.1e6], 3e6) in of_kind(text, "sum")


# a partition's members under a total the words only suggest (总人口 for 城镇/乡村常住人口, a
# paragraph before): their changes 1600 − 1200 = 400 meet the total's, written closely, so the
# total is theirs and 85000 + 55600 = 140600 ≠ 140000 is wrong
RESIDENCE = (
    "年末全国总人口140000万人,比上年末增加400万人。\n\n从城乡结构看,城镇常住人口85000万人,"
    "比上年末增加1600万人;乡村常住人口{rural}万人,减少1200万人。"
)


@pytest.mark.parametrize("text", both_scripts(RESIDENCE.format(rural="55000")))
def test_members_whose_changes_meet_the_totals_make_it(text: str) -> None:
    assert ("consistent", [5.5e8, 8.5e8], 1.4e9) in of_kind(text, "sum")


@pytest.mark.parametrize("text", both_scripts(RESIDENCE.format(rural="55600")))
def test_a_members_planted_level_under_a_suggested_total_is_wrong(text: str) -> None:
    assert ("inconsistent", [5.56e8, 8.5e8], 1.4e9) in of_kind(text, "sum")
