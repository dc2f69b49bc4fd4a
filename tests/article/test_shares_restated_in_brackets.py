"""A share stated, then restated in brackets after what it measures (经济日报's
"占全国农村贫困人口的 31.4%" and, a paragraph on,
"农村贫困人口占全国的比重(31.4%)是其乡村人口占全国比重(约17%)的近两倍"): the same figure said twice,
shown as agreeing. A figure in brackets after a comparison's base ("比上年(27.6%)提高…") is last
year's, no restatement; nor is the number in a group's name (山区5县) said twice."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

SHARES = (
    "2024年山区5县农村低收入人口为15.3万人,占全省农村低收入人口的27.6%。\n\n"
    "从山区5县农村低收入人口和乡村人口分别占全省比重来看,山区5县农村低收入人口占全省的比重"
    "(27.6%)是其乡村人口占全省比重(约12%)的两倍多。"
)
BASE = (
    "2024年山区5县农村低收入人口占全省的比重为29.1%,比上年(27.6%)提高1.5个百分点。"
    "山区5县农村低收入人口为15.3万人,占全省农村低收入人口的27.6%。"
)


def test_a_share_restated_in_brackets_agrees() -> None:
    for text in both_scripts(SHARES):
        equal = [(verdict, values) for verdict, values, _ in of_kind(text, "equal")]
        assert equal == [("consistent", [27.6, 27.6])], equal
        assert accused(text) == [], text


def test_a_base_in_brackets_is_no_restatement() -> None:
    for text in both_scripts(BASE):
        assert of_kind(text, "equal") == [], text
