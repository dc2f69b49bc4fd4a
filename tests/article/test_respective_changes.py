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


# a city's weekly bulletin: two levels, then 分别 with each change's own verb and its rate in
# brackets; 2 / (40 + 2) = 4.8% (a fall), 90 / (4,410 − 90) = 2.1%
CLINICS = (
    "年底全市医疗院所计4,450家,其中医院40家、诊所4,410家,较上年底分别减少2家(-{fall}%)"
    "及增加90家(2.1%)。"
)


def test_changes_with_their_own_verbs_and_rates_listed_with_fenbie() -> None:
    for text in both_scripts(CLINICS.format(fall="4.8")):
        rates = of_kind(text, "change-rate")
        assert ("consistent", [2.0, 40.0], -4.8) in rates, rates
        assert ("consistent", [90.0, 4410.0], 2.1) in rates, rates
        assert accused(text) == []
    for text in both_scripts(CLINICS.format(fall="5.8")):
        assert ("change-rate", "inconsistent", [2.0, 40.0], -5.8) in accused(text), text
