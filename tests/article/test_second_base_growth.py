"""Parts' rates on a second base, in the shapes of a customs office's monthly release (fresh
trial 21's A02: `与2020年同期相比(下同)增长…,与2019年同期相比增长…,其中出口…`) and of a
ministry's daily travel figures (A04: a total and `其中:` ending its sentence, each mode of
transport on a line of its own, each with `环比…` and `比2019年同期…`). Our own figures, worked
by hand:

  trade: exports 3000.0 (+12.0%, +35.0% on 2019), imports 2000.0 (+7.0%, +23.0% on 2019)
    a year before 3000 / 1.12 + 2000 / 1.07 = 2678.571 + 1869.159 = 4547.730;
    5000 / 4547.730 = 1.09945 → 9.9%
    in 2019 3000 / 1.35 + 2000 / 1.23 = 2222.222 + 1626.016 = 3848.238;
    5000 / 3848.238 = 1.29930 → 29.9% (planted 33.9%)
  travel: rail 500.0 (环比 +6.0%, −20.0% on 2019), road 1500.0 (+3.3%, −45.0%)
    the day before 500 / 1.06 + 1500 / 1.033 = 471.698 + 1452.081 = 1923.779;
    2000 / 1923.779 = 1.03962 → 4.0%
    in 2019 500 / 0.80 + 1500 / 0.55 = 625 + 2727.273 = 3352.273;
    2000 / 3352.273 = 0.59661 → −40.3% (planted −35.3%)
"""

from __future__ import annotations

from povcli.article.annotate import annotate
from tests.helpers import accused, article_relations, both_scripts

TRADE = (
    "本报讯 海关17日公布统计数据:1—9月,全省货物贸易进出口总值5000.0亿元,与2020年同期相比"
    "(下同)增长9.9%,与2019年同期相比增长{on_2019}%,其中出口3000.0亿元,增长12.0%,与2019年同期"
    "相比增长35.0%;进口2000.0亿元,增长7.0%,与2019年同期相比增长23.0%。\n"
)
TRAVEL = (
    "本报讯 据省交通运输厅消息,2月3日(春运第10天)全省铁路、公路共发送旅客2000.0万人次,"
    "环比增长4.0%,比2019年同期下降{on_2019}%。其中:\n"
    "铁路发送旅客500.0万人次,环比增长6.0%,比2019年同期下降20.0%;\n"
    "公路发送旅客1500.0万人次,环比增长3.3%,比2019年同期下降45.0%。\n"
)


def _growths(text: str, verdict: str) -> list[float | None]:
    return [r[3] for r in article_relations(text) if r[0] == "growth-of-sum" and r[1] == verdict]


def test_the_parts_rates_on_2019_make_the_totals_rate_on_2019() -> None:
    for variant in both_scripts(TRADE.format(on_2019="29.9")):
        assert sorted(_growths(variant, "consistent")) == [9.9, 29.9], variant
        assert not accused(variant), variant


def test_a_totals_rate_on_2019_its_parts_do_not_make_is_called_wrong() -> None:
    for variant in both_scripts(TRADE.format(on_2019="33.9")):
        assert _growths(variant, "inconsistent") == [33.9], variant
        assert _growths(variant, "consistent") == [9.9], variant


def test_parts_on_the_lines_after_a_closing_qizhong_make_the_total() -> None:
    for variant in both_scripts(TRAVEL.format(on_2019="40.3")):
        found = article_relations(variant)
        sums = [r for r in found if r[0] == "sum" and r[3] == 20_000_000]
        assert [r[1] for r in sums] == ["consistent"], variant
        assert sorted(_growths(variant, "consistent")) == [-40.3, 4.0], variant
        assert not accused(variant), variant


def test_a_day_on_day_and_a_2019_rate_are_each_judged_on_their_own_base() -> None:
    for variant in both_scripts(TRAVEL.format(on_2019="35.3")):
        assert _growths(variant, "inconsistent") == [-35.3], variant
        assert _growths(variant, "consistent") == [4.0], variant


def test_a_first_line_that_is_the_lead_dates_nothing_by_its_comparison() -> None:
    """A scraped page whose first line is the lead: `比2019年同期` is the base of a rate, no
    period of the day's figures."""
    for variant in both_scripts(TRAVEL.format(on_2019="40.3")):
        reading = annotate(variant)
        assert reading.period is None, variant
        assert all(note.period != "2019" for note in reading.notes), variant
