"""A yield whose unit of area is named before the figure (`单产每公顷4582公斤`), as fresh trial
19's A03 (the summer grain release of 2011) writes it, a paragraph after the output and the area.
Our own figures, worked by hand: 352.6万吨 = 3,526,000 吨 = 3,526,000,000 公斤 over 588.4千公顷 =
588,400 公顷 is 5992.5 公斤 per 公顷 (stated 5993); a planted 5893 is called wrong."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TEXT = (
    "2023年全省早稻总产量为352.6万吨,比上年增加4.1万吨,增长1.2%。\n"
    "全省早稻播种面积为588.4千公顷,比上年减少2.3千公顷。\n"
    "全省早稻单产每公顷{yield_}公斤,比上年增加82公斤,提高1.4%。\n"
)


def _yield(found: list[tuple[str, str, list[float], float | None]], verdict: str) -> list[object]:
    return [r for r in found if r[0] == "per-unit" and r[1] == verdict and 588400.0 in r[2]]


def test_a_yield_per_unit_named_before_it() -> None:
    for variant in both_scripts(TEXT.format(yield_="5993")):
        assert _yield(article_relations(variant), "consistent"), variant
        assert not accused(variant)


def test_a_planted_yield_is_called_wrong() -> None:
    for variant in both_scripts(TEXT.format(yield_="5893")):
        assert _yield(accused(variant), "inconsistent"), variant
