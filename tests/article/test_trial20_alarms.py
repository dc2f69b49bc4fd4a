"""The two false alarms of fresh trial 20 (helper-86, at 18c62eb), in our own words and figures,
worked by hand:

- a rate the level's rate turned from is last year's: `同比增加16万头,由上年同期下降1.8%转为增长
  1.3%` — 16 / (1215 − 16) = 1.33%, the 1.3%; the 1.8% is of no level here (a planted 转为增长2.3%
  is called wrong);
- a change written with three zeros at its end, beside a level rounded as coarsely (812萬, to
  10,000), may be rounded: `受僱員工人數達812萬人,月增5000人或0.07%` — 5000 exact gives 0.0616%
  (below 0.065), 5000 as 4500 to 5500 up to 0.0678%: two readings disagree, so no accusation;
  `月增5000人或0.17%` is wrong either way, and so is a change written to its last digit
  (`月增5123人或0.07%`: 0.0631%) or one beside a level written exactly
  (`受僱員工人數達8,120,000人`)."""

from __future__ import annotations

from tests.helpers import accused, article_relations, both_scripts

TURNED = "2025年第一季度,全国牛出栏1215万头,同比增加16万头,由上年同期下降1.8%转为增长{rate}%。\n"
ROUNDED = "另一方面,1月底受僱員工人數達812萬人,月增{change}人或{rate}%。\n"


def test_the_rate_a_level_turned_from_is_last_years() -> None:
    for variant in both_scripts(TURNED.format(rate="1.3")):
        found = article_relations(variant)
        assert ("change-rate", "consistent", [160000.0, 12150000.0], 1.3) in found, found
        assert not accused(variant), variant
    for variant in both_scripts(TURNED.format(rate="2.3")):
        assert ("change-rate", "inconsistent", [160000.0, 12150000.0], 2.3) in accused(variant)


def test_a_count_ending_in_zeros_may_be_rounded() -> None:
    for variant in both_scripts(ROUNDED.format(change="5000", rate="0.07")):
        found = article_relations(variant)
        assert ("change-rate", "unverifiable", [5000.0, 8120000.0], 0.07) in found, found
        assert not accused(variant), variant


def test_a_rate_wrong_either_way_is_called_wrong() -> None:
    for change, rate in (("5000", "0.17"), ("5123", "0.07")):
        for variant in both_scripts(ROUNDED.format(change=change, rate=rate)):
            found = accused(variant)
            assert [r for r in found if r[0] == "change-rate"], (change, rate, found)
    exact = ROUNDED.replace("812萬人", "8,120,000人").format(change="5000", rate="0.07")
    for variant in both_scripts(exact):
        assert [r for r in accused(variant) if r[0] == "change-rate"], variant


def test_the_chinese_report_says_why() -> None:
    from povcli.report.words import verdict_sentence

    record = {
        "kind": "change-rate", "verdict": "unverifiable", "computed": 0.0616,
        "bounds": [0.0615, 0.0617], "unit": "%",
        "missing": {"rounding": "5000人 may be rounded at its last digit that is not 0 …"},
    }  # fmt: skip
    sentence = verdict_sentence(record, {"lang": "zh-Hans"})
    assert sentence.startswith("无法核实:5000人可能是舍入到末位非零数字的数"), sentence
