"""Changes 分别 gives the levels listed right before it, one each in order (heads.
respective_heads): "其中,参保职工34917万人,参保离退休人员13157万人,分别比上年末增加2058万人
和395万人" is the shape of the national social-security bulletin; subjects and figures are mine."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

# 250.3 + 70.2 = 320.5 and 9.1 + 3.3 = 12.4 (万人)
INSURED = (
    "年末全市参加失业保险人数为320.5万人,比上年末增加12.4万人。其中,参保职工250.3万人,"
    "参保农民工70.2万人,分别比上年末增加9.1万人和{second}万人。"
)


def test_changes_listed_with_fenbie_are_each_levels() -> None:
    for text in both_scripts(INSURED.format(second="3.3")):
        sums = of_kind(text, "sum")
        assert ("consistent", [33000.0, 91000.0], 124000.0) in sums, sums
        assert accused(text) == []
        # the changes are no parts of the last level (13157 − (2058 + 395) in the real text)
        assert of_kind(text, "subset") == [], text


def test_a_changed_part_that_breaks_the_totals_change_is_wrong() -> None:
    # 9.1 + 3.8 = 12.9, not 12.4
    for text in both_scripts(INSURED.format(second="3.8")):
        assert ("sum", "inconsistent", [38000.0, 91000.0], 124000.0) in accused(text), text


def test_changes_that_do_not_count_out_stay_the_last_levels() -> None:
    """Three levels, two changes: which is whose is not said; nothing is called wrong."""
    text = (
        "年末全市参加失业保险人数为320.5万人,比上年末增加12.4万人。其中,参保职工200.3万人,"
        "参保农民工70.2万人,灵活就业人员50.0万人,分别比上年末增加9.1万人和5.0万人。"
    )
    for version in both_scripts(text):
        assert accused(version) == [], version
