"""The year's total, then the towns' and villages', then each quarter in a paragraph of its own
(文化和旅游部's release as Taiwan copy writes it: "分季看,去年第一季,大陆境内出游人次14.19亿,年增长
16.7%;第二季出游人次13.06亿,…"): the first quarter is named by the words before its comma, and
the quarters make the year two paragraphs up. My figures: 9.50 + 9.80 + 10.90 + 9.80 = 40.00;
last year's quarters 9.50 / 1.12 + 9.80 / 1.14 + 10.90 / 1.13 + 9.80 / 1.134 = 35.367, and
40.00 / 35.367 − 1 = 13.1% (as 28.00 / 1.14 + 12.00 / 1.11 = 35.372 gives)."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

TRIPS = (
    "2024年,全省居民出游人次40.00亿,年增长13.1%。\n\n"
    "城镇居民出游人次28.00亿,年增长14.0%;农村居民出游人次12.00亿,年增长11.0%。\n\n"
    "分季看,去年第一季,全省居民出游人次9.50亿,年增长12.0%;第二季出游人次{second}亿,"
    "年增长{rate}%;第三季出游人次10.90亿,年增长13.0%;第四季出游人次9.80亿,年增长13.4%。"
)


def test_the_quarters_make_the_year_two_paragraphs_up() -> None:
    for text in both_scripts(TRIPS.format(second="9.80", rate="14.0")):
        sums = [(verdict, values) for verdict, values, _ in of_kind(text, "sum")]
        quarters = [950_000_000.0, 980_000_000.0, 980_000_000.0, 1_090_000_000.0]
        assert ("consistent", quarters) in sums, sums
        assert accused(text) == [], text


def test_a_quarter_written_wrong_is_caught() -> None:
    for text in both_scripts(TRIPS.format(second="8.90", rate="14.0")):
        wrong = [values for _, _, values, _ in accused(text)]
        assert [890_000_000.0, 950_000_000.0, 980_000_000.0, 1_090_000_000.0] in wrong, wrong
    for text in both_scripts(TRIPS.format(second="9.80", rate="18.0")):
        kinds = {kind for kind, verdict, _, _ in accused_kinds(text)}
        assert kinds == {"growth-of-sum"}, text


def accused_kinds(text: str) -> list[tuple[str, str, list[float], float | None]]:
    from tests.helpers import article_relations

    return [r for r in article_relations(text) if r[1] == "inconsistent"]
