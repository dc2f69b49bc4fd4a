"""Shares of listed parts named paragraphs later (`article/member_shares.py`), in the shape of
a power-capacity bulletin (trial 1's T02, trial 5's X01): the year's new capacity, its parts
after 其中 with their changes, then a paragraph of each part's share of the total and its change
in points. Our own province and figures, in both scripts, correct and planted."""

from __future__ import annotations

from povcli.article.clean import clean_article
from tests.helpers import both_scripts, judged_relations

# 300 + 800 + 400 + 500 = 2000; −50 − 200 + 50 + 100 = −100 (−100 / 2100 = −4.8%).
# Shares: 300/2000 = 15.00%, 800/2000 = 40.00%, 400/2000 = 20.00%, 500/2000 = 25.00%.
# Last year (levels less their changes over 2100): 350 → 16.67%, 1000 → 47.62%, 350 → 16.67%,
# 400 → 19.05%; so −1.67, −7.62, +3.33 and +5.95 points.
CAPACITY = (
    "1-12月,全省电源新增生产能力2000万千瓦,较上年少投产100万千瓦,同比下降4.8%。\n"
    "其中水电300万千瓦,较上年少投产50万千瓦;\n"
    "火电800万千瓦,较上年少投产200万千瓦;\n"
    "风电400万千瓦,较上年多投产50万千瓦;\n"
    "太阳能发电500万千瓦,较上年多投产100万千瓦。\n"
    "全省新增太阳能发电比重明显上升。\n"
    "其中,新增水电占新增总装机的15.00%,较上年下降1.67个百分点;\n"
    "新增火电装机比重达40.00%,较上年下降7.62个百分点;\n"
    "新增风电占{wind}%,较上年提高3.33个百分点;\n"
    "新增太阳能发电装机占25.00%,较上年提高5.95个百分点。\n"
)


def shares(text: str) -> list[tuple[str, str, list[float], float | None]]:
    relations = judged_relations(clean_article("标题\n\n" + text).text)
    return [r for r in relations if r[0] in ("share", "share-change")]


def test_each_parts_share_of_the_listed_whole_is_read_in_both_scripts() -> None:
    text = CAPACITY.format(wind="20.00")
    for script in both_scripts(text):
        found = shares(script)
        assert ("share", "consistent", [3e6, 20e6], 15.0) in found, found
        assert ("share", "consistent", [8e6, 20e6], 40.0) in found
        assert ("share", "consistent", [4e6, 20e6], 20.0) in found
        assert ("share", "consistent", [5e6, 20e6], 25.0) in found
        changes = [r for r in found if r[0] == "share-change"]
        assert len(changes) == 4 and all(r[1] == "consistent" for r in changes), changes


def test_a_parts_share_mistyped_is_caught_in_both_scripts() -> None:
    text = CAPACITY.format(wind="22.00")  # 400 / 2000 = 20.00%
    for script in both_scripts(text):
        found = shares(script)
        assert ("share", "inconsistent", [4e6, 20e6], 22.0) in found, found
        assert ("share", "consistent", [3e6, 20e6], 15.0) in found


def test_shares_of_another_whole_are_no_shares_of_the_list() -> None:
    """占全国新增装机的比重: the nation's new capacity, which the text does not give."""
    text = CAPACITY.format(wind="20.00").replace("占新增总装机的", "占全国新增装机的")
    text = text.replace("新增火电装机比重达", "新增火电占全国新增装机的比重达")
    text = text.replace("新增风电占", "新增风电占全国新增装机的")
    text = text.replace("太阳能发电装机占", "太阳能发电装机占全国新增装机的")
    for script in both_scripts(text):
        assert not any(20e6 in values for _, _, values, _ in shares(script))


def test_two_parts_named_with_shares_call_none_wrong() -> None:
    """Two of the four named, one off: too few to be sure the words bind the list's whole."""
    prose = CAPACITY.format(wind="20.00").splitlines()[:6]
    text = "\n".join([*prose, "其中,新增水电占新增总装机的15.00%;新增风电占22.00%。", ""])
    found = shares(text)
    assert ("share", "unverifiable", [4e6, 20e6], 22.0) in found, found
    assert all(verdict != "inconsistent" for _, verdict, _, _ in found)
