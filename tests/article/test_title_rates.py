"""A title that restates the text's rate (央广网's "十年间中国居民人均可支配收入累计实际增长78.0%"
over NBS's "…扣除价格因素,累计实际增长78.0%"), in my own words and figures: with a digit changed in
the title, the two are one figure stated twice with two values. Never where the body gives two
figures of those words, another span of the year, another subject, or an open figure."""

from __future__ import annotations

from tests.helpers import both_scripts, judged_relations

BODY = (
    "2025年全省农民人均可支配收入21000元,比2020年的15000元增加6000元,累计名义增长40.0%,"
    "扣除价格因素,累计实际增长31.6%。"
)


def _article(title: str, body: str = BODY) -> str:
    return f"{title}\n\n省统计局12日发布的数据显示,{body}\n"


def _equal(text: str) -> list[tuple[str, list[float]]]:
    return [(v, values) for kind, v, values, _ in judged_relations(text) if kind == "equal"]


def test_a_title_that_restates_the_rate_agrees() -> None:
    for text in both_scripts(_article("五年来全省农民人均可支配收入累计实际增长31.6%")):
        assert ("consistent", [31.6, 31.6]) in _equal(text), _equal(text)
        assert all(v != "inconsistent" for _, v, _, _ in judged_relations(text)), text


def test_a_title_with_a_digit_changed_is_caught() -> None:
    for text in both_scripts(_article("五年来全省农民人均可支配收入累计实际增长36.1%")):
        assert _equal(text) == [("inconsistent", [31.6, 36.1])], _equal(text)


def test_no_accusation_where_the_title_is_of_something_else() -> None:
    two = (
        "2025年全国居民人均可支配收入累计实际增长28.0%;全省农民人均可支配收入21000元,"
        "累计实际增长31.6%。"
    )
    month = "1-10月份,全省社会消费品零售总额9800亿元,同比增长3.5%。"
    titles = [
        # the body gives two figures of the words, neither the title's
        _article("全国居民人均可支配收入累计实际增长30.0%", two),
        # October's rate over a text that gives only January to October's
        _article("10月份全省社会消费品零售总额同比增长4.8%", month),
        # the urban residents' rate over a text of the farmers'
        _article("全省城镇居民人均可支配收入累计实际增长25.0%"),
        # an open figure: more than 30%
        _article("五年来全省农民人均可支配收入累计实际增长超过30%"),
    ]
    for title in titles:
        for text in both_scripts(title):
            assert all(v != "inconsistent" for _, v, _, _ in judged_relations(text)), text
