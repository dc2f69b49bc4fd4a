"""A share named by 占比 alone, its whole paragraphs away and named by the end of the part's
words (article/shares.py `_whole_by_noun`), as a news agency reports the education ministry's
school year: "科技类大专生约51.4万人,占比46.9%" and later "大专生共109.5万人". Figures my own:
42.3 / 98.6 = 42.90%, 17.1 / 98.6 = 17.34%. The words bind no whole, so the share is shown when
it holds and never called wrong."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

SCHOOL_YEAR = (
    "教育部今天公布最新统计,113学年理工类大专生约42.3万人,占比{share}%,比108学年提升;"
    "文史类大专生约17.1万人,占比17.34%最低。\n\n"
    "学生数方面,113学年各级学校学生共388.5万人,比112学年减5.1万人。\n\n"
    "教育部统计也显示,113学年大专生共98.6万人,比108学年减12万人。"
)


def test_a_share_named_by_zhanbi_takes_the_whole_the_parts_words_end_with() -> None:
    for text in both_scripts(SCHOOL_YEAR.format(share="42.90")):
        shares = [(verdict, values, claimed) for verdict, values, claimed in of_kind(text, "share")]
        assert ("consistent", [171000.0, 986000.0], 17.34) in shares, shares
        assert ("consistent", [423000.0, 986000.0], 42.9) in shares, shares
        assert accused(text) == [], text


def test_such_a_share_is_never_called_wrong() -> None:
    for text in both_scripts(SCHOOL_YEAR.format(share="24.90")):
        assert "share" not in [kind for kind, *_ in accused(text)], text


def test_two_figures_the_words_could_name_bind_none() -> None:
    text = SCHOOL_YEAR.format(share="42.90").replace("比108学年减12万人", "另有大专生99.0万人")
    for each in both_scripts(text):
        assert 42.9 not in [c for v, _, c in of_kind(each, "share") if v == "consistent"], each


# a share of "the total" in brackets, the statement's total before it (a visitor release):
# 1,402,116 / 2,701,450 = 51.90%
VISITORS = (
    "统计局资料显示,10月入境旅客为2,701,450人次,按年减少6.2%;"
    "不过夜旅客有1,402,116人次(占总数{share}%),较去年同月减少12.0%。"
)


def test_a_share_of_the_total_is_of_the_statements_total_before_it() -> None:
    for text in both_scripts(VISITORS.format(share="51.9")):
        shares = [(verdict, claimed) for verdict, _, claimed in of_kind(text, "share")]
        assert ("consistent", 51.9) in shares, shares
    for text in both_scripts(VISITORS.format(share="59.1")):
        assert "share" not in [kind for kind, *_ in accused(text)], text
