"""`povcli check`: relations found in texts written for these tests, in both scripts.

Each kind has a correct text and texts with one figure changed (the planted
error). The expected verdicts are worked out by hand in the comments; the
figures are public national figures or made up, the sentences are our own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from povcli.article.annotate import annotate
from povcli.article.clean import clean_article
from povcli.article.factcheck import check_text
from povcli.article.figures import KEYWORDS, figures_of
from povcli.article.infer import infer
from tests.helpers import SHIPPED_ARTICLE

POVCLI = str(Path(sys.executable).parent / "povcli")


def verdicts(text: str) -> list[tuple[str, str]]:
    """(kind, verdict) of every relation found in a raw text with a title line."""
    cleaned = clean_article("標題\n" + text + "\n").text
    return [(f.result.kind, f.result.verdict) for f in check_text(cleaned)]


# (kind, correct text, [texts with a planted error]) — working by hand in the comments
CASES = [
    # 52 + 210 + 338 = 600; a partition (east, centre, west) makes the whole
    ("sum",
     "全國農村貧困人口600萬人。東部地區貧困人口52萬人,中部地區210萬人,西部地區338萬人。",
     ["全國農村貧困人口600萬人。東部地區貧困人口52萬人,中部地區250萬人,西部地區338萬人。",
      "全國農村貧困人口600萬人。東部地區貧困人口52萬人,中部地區110萬人,西部地區338萬人。"]),
    ("sum",
     "今年东、中、西部地区分别减贫52万人、210万人、338万人,合计600万人。",
     ["今年东、中、西部地区分别减贫52万人、210万人、338万人,合计650万人。"]),
    # 49 + 44 = 93 schools, exact counts
    ("sum",
     "配套新建小學49所、初中44所,共計93所。",
     ["配套新建小學49所、初中44所,共計92所。"]),
    # parts after 其中 need not be all of the whole: 32 + 45 = 77 ≤ 600, but 320 + 450 > 600
    ("subset",
     "全省脱贫人口600万人,其中易地搬迁32万人、生态扶贫45万人。",
     ["全省脱贫人口600万人,其中易地搬迁320万人、生态扶贫450万人。"]),
    # 420.5 − 12.3 = 408.2
    ("difference",
     "貧困人口由2014年底的420.5萬人下降到2019年底的12.3萬人,減少408.2萬人。",
     ["貧困人口由2014年底的420.5萬人下降到2019年底的12.3萬人,減少418.2萬人。",
      "贫困人口由2014年底的420.5万人下降到2019年底的12.3万人,增加408.2万人。"]),
    # 9.8 − 0.3 = 9.5 points
    ("point-change",
     "貧困發生率由9.8%下降到0.3%,下降9.5個百分點。",
     ["貧困發生率由9.8%下降到0.3%,下降8.5個百分點。"]),
    # 760 / (8800 − 760) = 9.4527% → 9.5% [9.45, 9.55) holds; 8.6% does not
    ("change-rate",
     "农民人均收入8800元,比上年增加760元,增长9.5%。",
     ["农民人均收入8800元,比上年增加760元,增长8.6%。"]),
    # 1109 / (551 + 1109) = 66.807%
    ("change-rate",
     "年末農村貧困人口551萬人,比上年末減少1109萬人,下降66.8%。",
     ["年末農村貧困人口551萬人,比上年末減少1109萬人,下降60.8%。"]),
    # six years: 408 / 6 = 68
    ("average",
     "六年來累計減貧408萬人,年均減貧68萬人。",
     ["六年來累計減貧408萬人,年均減貧80萬人."]),
    # the years 2015—2019 are five: 5024 / 5 = 1004.8; over four it would be 1256
    ("average",
     "2015—2019年,全国农村贫困人口累计减少5024万人,年均减少1005万人。",
     ["2015—2019年,全国农村贫困人口累计减少5024万人,年均减少1256万人。"]),
    # (9300 / 5100)^(1/5) − 1 = 12.767%; the simple average (9300/5100 − 1)/5 = 16.47% is wrong
    ("cagr",
     "農民收入從2014年的5100元增加到2019年的9300元,年均增長12.8%。",
     ["農民收入從2014年的5100元增加到2019年的9300元,年均增長16.5%。"]),
    # 1.82^(1/5) − 1 = 12.72%; the simple reading (1.82 − 1)/5 = 16.4% is wrong
    ("cagr-multiple",
     "2019年农民收入是2014年的1.82倍,年均增长12.7%。",
     ["2019年农民收入是2014年的1.82倍,年均增长16.4%。"]),
    # 32 / 600 = 5.33%
    ("share",
     "全年脫貧人口600萬人,其中易地搬遷32萬人,占全部脫貧人口的5.3%。",
     ["全年脫貧人口600萬人,其中易地搬遷32萬人,占全部脫貧人口的6.3%。"]),
    # the whole named by its noun earlier in the text: 6833 / 7993 = 85.49%
    ("share",
     "全省共有贫困村7993个。电商扶贫覆盖6833个贫困村,占全部贫困村的85.5%。",
     ["全省共有贫困村7993个。电商扶贫覆盖6833个贫困村,占全部贫困村的58.5%。"]),
    # 共 states the total, 分別 lists all of it: 12 + 18 + 16 = 46
    ("sum",
     "全縣安置點共46個,分別為縣城安置點12個、集鎮安置點18個、中心村安置點16個。",
     ["全縣安置點共45個,分別為縣城安置點12個、集鎮安置點18個、中心村安置點16個。"]),
    # a level between the years and the multiple: 2.5^(1/5) − 1 = 20.11%
    ("cagr-multiple",
     "2020年全县扶贫资金投入5.6亿元,是2015年的2.5倍,年均增长20.1%。",
     ["2020年全县扶贫资金投入5.6亿元,是2015年的2.5倍,年均增长30%。"]),
    # 十三五 is 2016–2020, five years: (11500 / 6200)^(1/5) − 1 = 13.15%
    ("cagr",
     '"十三五"期間,農民人均收入由6200元增加到11500元,年均增長13.1%。',
     ['"十三五"期間,農民人均收入由6200元增加到11500元,年均增長17.1%。']),
    # the list of 其中 goes on past the semicolon: 2 / 12 = 16.7%
    ("share",
     "全縣貧困人口12萬人,其中因病致貧4萬人,占33.3%;因學致貧2萬人,占16.7%。",
     ["全縣貧困人口12萬人,其中因病致貧4萬人,占33.3%;因學致貧2萬人,占26.7%。"]),
    # the years before the change: 12.6 − 0.8 = 11.8
    ("difference",
     "貧困人口由2013年底的12.6萬人下降到2020年底的0.8萬人,7年累計減少11.8萬人。",
     ["貧困人口由2013年底的12.6萬人下降到2020年底的0.8萬人,7年累計減少13.8萬人。"]),
    # the same subject stated twice
    ("equal",
     "全省58個貧困縣全部摘帽。截至目前,58個貧困縣全部摘帽。",
     ["全省58個貧困縣全部摘帽。截至目前,57個貧困縣全部摘帽。"]),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "correct", "planted"), CASES)
def test_correct_text_raises_no_alarm(kind: str, correct: str, planted: list[str]) -> None:
    found = verdicts(correct)
    assert (kind, "consistent") in found
    assert all(verdict != "inconsistent" for _, verdict in found)


@pytest.mark.parametrize(("kind", "correct", "planted"), CASES)
def test_planted_error_is_caught(kind: str, correct: str, planted: list[str]) -> None:
    for text in planted:
        assert (kind, "inconsistent") in verdicts(text), text


# sentences of the genre that state nothing wrong, several of them tempting to misread
NO_ALARM = [
    "城乡居民人均收入分别增长9%和8%,全省居民人均收入增长8.5%。",
    "全國農村居民人均可支配收入10000元,東部地區人均收入12000元,中部地區9000元,西部地區8000元。",
    "今年一季度全國增長8%。東部地區增長9%,中部地區增長8%,西部地區增長7%。",
    "特色產業惠及127.7萬貧困人口。生態建設增收,惠及52.3萬貧困人口。",
    "建成光伏扶貧村級電站5479座、集中電站53座。",
    "全年新增就業120萬人,其中高校畢業生60萬人、農民工30萬人。",
    "農民收入比上年增長9.5%,增速比上年加快1.2個百分點。",
    # (10740 / 3416)^(1/5) − 1 = 25.75%, within the rounding of 25.7%
    "脫貧人口人均純收入由2015年的3416元增加到2020年的10740元,年均增長25.7%。",
    "贫困发生率从2012年底的10.2%下降到2019年底的0.6%,累计下降9.6个百分点。",
    "贫困地区农村居民人均可支配收入2019年达到11567元,比上年增长11.5%。",
    "共认定2294个扶贫产品,累计销售贫困地区农产品88亿元,带动24.22万贫困人口增收。",
    # 9680 / 8000 = 1.21 = 1.1², two years at 10%
    "两年间,收入由8000元增至9680元,年均增长10%。",
    # 900萬 fits within 960多萬
    "易地扶贫搬迁960多万人,其中建档立卡贫困人口900万人。",
    "全国832个贫困县全部摘帽。我省58个贫困县全部摘帽。2019年我省退出17个贫困县。",
]


@pytest.mark.parametrize("text", NO_ALARM)
def test_no_false_alarm(text: str) -> None:
    assert all(verdict != "inconsistent" for _, verdict in verdicts(text))


def test_what_the_no_alarm_texts_hold() -> None:
    found = [v for text in NO_ALARM for v in verdicts(text)]
    assert sorted(found) == [
        ("cagr", "consistent"),
        ("cagr", "consistent"),
        ("point-change", "consistent"),
        ("subset", "consistent"),
        ("subset", "consistent"),
        ("yoy", "unverifiable"),
    ]


def test_difference_average_and_points_of_one_sentence() -> None:
    text = (
        "農村貧困人口從2012年末的9899萬人減少到2019年末的551萬人,累計減少9348萬人,"
        "年均減少1335萬人;2015—2019年,全國農村貧困人口累計減少5024萬人,年均減少1005萬人。"
    )
    # 9899 − 551 = 9348; 9348 / 7 = 1335.4 (2012 → 2019); 5024 / 5 = 1004.8 (2015—2019)
    findings = check_text(clean_article("標題\n" + text).text)
    kinds = [(f.result.kind, f.result.verdict, f.periods) for f in findings]
    assert ("difference", "consistent", None) in kinds
    assert (
        "average",
        "consistent",
        {"value": 7, "from": "2012 → 2019: the years of the two levels"},
    ) in kinds
    assert any(
        k == "average" and p and p["value"] == 5 and "2015—2019" in p["from"] for k, _, p in kinds
    )
    assert len(kinds) == 3


def test_nothing_is_computed_over_years_the_text_does_not_give() -> None:
    (finding,) = check_text(clean_article("標題\n累計減貧35.2萬人,年均減少7.04萬人。").text)
    assert finding.result.verdict == "unverifiable"
    assert finding.result.computed is None and finding.result.working == ""
    assert "gross" not in finding.result.explanation


def test_a_share_read_twice_is_one_relation() -> None:
    # 占比 reads as a share of the total before 其中 and as a share of nothing named
    text = "2020年全縣農民人均可支配收入10260元,其中工資性收入4100元,占比40.0%。"
    assert verdicts(text) == [("share", "consistent")]


def test_unverifiable_when_the_text_leaves_a_figure_out() -> None:
    # the base of a rate, the level of a change, the whole of a share, the years of an average
    assert verdicts("去年前三季度為7667元,同比增長9.5%。") == [("yoy", "unverifiable")]
    assert verdicts("比上年末減少1109萬人,下降66.8%。") == [("change-rate", "unverifiable")]
    assert verdicts("其中易地搬迁32万人,占全部脱贫人口的5.3%。") == [("share", "unverifiable")]
    assert verdicts("累計減貧408萬人,年均減貧68萬人。") == [("average", "unverifiable")]


def test_share_with_two_candidate_wholes_is_not_guessed() -> None:
    text = "甲市贫困村100个。乙市贫困村200个。电商覆盖50个贫困村,占全部贫困村的25%。"
    findings = check_text(clean_article("標題\n" + text).text)
    assert [f.result.verdict for f in findings] == ["unverifiable"]
    assert "100个, 200个" in findings[0].result.missing["whole"]


def test_figures_of_different_subjects_are_not_paired() -> None:
    # the same noun after different figures counts different people
    text = (
        "特色產業惠及127.7萬貧困人口。生態建設增收,惠及52.3萬貧困人口。"
        "農村低保惠及44.6萬貧困人口;全國832個貧困縣全部摘帽,我省58個貧困縣全部摘帽。"
    )
    assert verdicts(text) == []


def test_changes_of_a_rate_in_percent_try_both_readings() -> None:
    # 20% → 15%: 5 points, or a relative fall of 25%; "下降25%" fits the second reading
    assert verdicts("貧困發生率由20%下降到15%,下降25%。") == [("growth", "consistent")]
    assert verdicts("貧困發生率由20%下降到15%,下降5%。") == [("point-change", "consistent")]
    assert verdicts("貧困發生率由20%下降到15%,下降9%。") == [("point-change", "inconsistent")]


def test_ambiguous_year_counts_are_both_tried() -> None:
    # 六年來 says 6; the levels 2014 → 2019 say 5: 408.2 / 5 = 81.64 fits, so no alarm
    text = "六年來,貧困人口由2014年底的420.5萬人下降到2019年底的12.3萬人,年均減少81.6萬人。"
    assert verdicts(text) == [("average-change", "consistent")]


def test_scraped_damage_does_not_hide_relations() -> None:
    damaged = (
        "<p>貧困發(fā)生率由９.８%下降到0.3 %,下降9.5個百分點。</p>\n"
        "全國(guó)農村貧困人口由2014年底的7017 萬人下降到2019年底的551萬人,減少6,466萬人。\n"
        "熱門推薦_今日頭條_免費下載\n"
    )
    # 9.8 − 0.3 = 9.5; 7017 − 551 = 6466
    assert verdicts(damaged) == [("point-change", "consistent"), ("difference", "consistent")]


def test_seed_article_relations() -> None:
    findings = check_text(clean_article(SHIPPED_ARTICLE.read_text(encoding="utf-8")).text)
    found = {(f.result.kind, f.result.verdict, f.result.claimed_written) for f in findings}
    assert found == {
        ("cagr", "consistent", "11.5%"),
        ("yoy", "unverifiable", None),
        ("equal", "consistent", None),
    }
    cagr = next(f for f in findings if f.result.kind == "cagr")
    # ln(9379/4875)/6 → 11.5228%; the years 2013 → 2019 are 6
    assert cagr.result.computed == pytest.approx(11.5228, abs=1e-4)
    assert cagr.periods == {"value": 6, "from": "2013 → 2019: the years of the two levels"}
    equal = sorted(f.result.inputs[0]["written"] for f in findings if f.result.kind == "equal")
    # each stated twice in the article: 127.7萬 and 58個 in the lead and the body, 五級 (書記)
    # and 六環 (聯動) in a heading and the paragraph under it
    assert equal == ["127.7萬", "58個", "五級", "六環"]


def test_keyword_table_agrees_with_opencc() -> None:
    import opencc

    converter = opencc.OpenCC("t2s")
    for traditional, simplified in KEYWORDS.items():
        assert converter.convert(chr(traditional)) == chr(simplified)


def test_offsets_point_at_the_figures() -> None:
    text = clean_article("標題\n貧困發生率由9.8%下降到0.3%,下降9.5個百分點。").text
    (relation,) = infer(annotate(text))
    record = check_text(text)[0].to_dict()
    assert [text[i["start"] : i["end"]] for i in record["inputs"]] == ["9.8%", "0.3%"]
    start, end = record["claimed_at"]
    assert text[start:end] == "9.5個百分點"
    assert text[record["start"] : record["end"]].startswith("貧困發生率")
    assert relation.kind == "point-change"


# ----------------------------------------------------------------- command line


def _article(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(("標題\n" + text + "\n").encode(encoding))
    return path


def test_check_json_fields(cli: Any, tmp_path: Path) -> None:
    path = _article(tmp_path, "農民收入從2014年的5100元增加到2019年的9300元,年均增長16.5%。")
    run = cli("check", str(path), "--format", "json")
    assert run.exit_code == 1
    (record,) = json.loads(run.stdout)
    assert record["kind"] == "cagr"
    assert record["verdict"] == "inconsistent"
    assert record["gross"] is True
    assert record["claimed_written"] == "16.5%"
    assert record["claimed_bounds"] == [16.45, 16.55]
    assert [i["role"] for i in record["inputs"]] == ["start", "end"]
    assert record["inputs"][0]["written"] == "5100元"
    assert record["inputs"][0]["bounds"] == [5099.5, 5100.5]
    assert record["periods"]["value"] == 5
    assert record["sentence"].startswith("農民收入")
    # the simple average is the reading the article used: (9300/5100 − 1) / 5 = 16.47%
    simple = next(r for r in record["readings"] if r["reading"].startswith("simple"))
    assert simple["matches_claim"] is True
    assert run.stderr.strip().splitlines()[-1] == (
        "1 found, 0 consistent, 1 inconsistent, 0 unverifiable"
    )


def test_check_table_and_exit_zero(cli: Any, tmp_path: Path) -> None:
    path = _article(tmp_path, "貧困發生率由9.8%下降到0.3%,下降9.5個百分點。")
    run = cli("check", str(path))
    assert run.exit_code == 0
    assert "relation-1 · point-change · consistent" in run.stdout
    assert "0.3 − 9.8 = −9.5" in run.stdout
    assert run.stderr.strip() == "1 found, 1 consistent, 0 inconsistent, 0 unverifiable"


def test_check_formats(cli: Any, tmp_path: Path) -> None:
    path = _article(tmp_path, "貧困發生率由9.8%下降到0.3%,下降8.5個百分點。")
    csv_run = cli("check", str(path), "--format", "csv")
    assert csv_run.stdout.splitlines()[0].startswith("id,kind,verdict")
    assert csv_run.exit_code == 1
    yaml_run = cli("check", str(path), "--format", "yaml")
    assert "verdict: inconsistent" in yaml_run.stdout
    review = cli("check", str(path), "--format", "claimreview", "--reviewed-on", "2026-11-29")
    (item,) = json.loads(review.stdout)
    assert item["@type"] == "ClaimReview"
    assert item["datePublished"] == "2026-11-29"
    assert item["reviewRating"]["ratingValue"] == 1
    assert item["claimReviewed"].startswith("貧困發生率")


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # years the wrong way round: 2013 − 2020 = −7 periods, 2015 − 2019 = −4 + 1 = −3
        ("農民收入從2020年的5100元增加到2013年的9300元,年均增長12.8%。", "−7"),
        ("2019—2015年,全国农村贫困人口累计减少5024万人,年均减少1005万人。", "−3"),
        # two levels of one year are no span: 0 periods, not an invented one
        ("農民收入從2019年的5100元增加到2019年的9300元,年均增長12.8%。", "0"),
    ],
)
def test_periods_that_make_no_span_are_unverifiable(text: str, periods: str) -> None:
    cleaned = clean_article("標題\n" + text + "\n").text
    (finding,) = [f for f in check_text(cleaned) if f.result.kind in ("cagr", "average")]
    assert finding.result.verdict == "unverifiable"
    assert f"the number of periods ({periods}) is not above zero" in finding.result.explanation


def test_terminal_escape_codes_are_no_figures() -> None:
    # colour codes and a terminal link around a sentence: 8800 and 9.5% are its only figures
    text = (
        "\x1b[31m農民收入8800元,比上年增加760元,增長9.5%。\x1b[0m"
        "\x1b]8;;http://example.com/x\x1b\\鏈接\x1b]8;;\x1b\\"
    )
    cleaned = clean_article("標題\n" + text + "\n")
    assert "\x1b" not in cleaned.text
    assert [f.written for f in figures_of(cleaned.text)] == ["8800元", "760元", "9.5%"]
    (finding,) = check_text(cleaned.text)
    assert (finding.result.kind, finding.result.verdict) == ("change-rate", "consistent")


def test_check_figures_shows_how_each_figure_is_read(cli: Any, tmp_path: Path) -> None:
    path = _article(tmp_path, "2020年全縣農民人均收入8800元,比上年增加760元,增長9.5%。")
    run = cli("check", str(path), "--figures", "--format", "json")
    assert run.exit_code == 0
    records = json.loads(run.stdout)
    assert [r["written"] for r in records] == ["8800元", "760元", "9.5%"]
    assert [r["role"] for r in records] == ["level", "change", "rate"]
    # the change and the rate are of the level: the first figure
    assert [r["head"] for r in records] == [None, 0, 0]
    assert records[0]["subject"] == "全縣農民人均收入"  # as the article writes it
    assert [r["period"] for r in records] == ["2020"] * 3
    assert records[2]["base"] == "previous"  # 比上年


def test_check_figures_reads_one_article(cli: Any, tmp_path: Path) -> None:
    path = _article(tmp_path, "全縣農民人均收入8800元。")
    run = cli("check", str(path), str(path), "--figures")
    assert run.exit_code == 2
    assert "error: --figures reads one article" in run.stderr


def test_check_reads_stdin(tmp_path: Path) -> None:
    article = "標題\n收入8800元,比上年增加760元,增長9.5%。\n"
    run = subprocess.run(
        [POVCLI, "check", "-", "--format", "json"],
        input=article.encode(),
        capture_output=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert [r["kind"] for r in json.loads(run.stdout)] == ["change-rate"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "article is empty"),
        (b"   \n\n", "article is empty"),
        (b"\x00\x01\x02binary\xff\xfe" * 50, "error:"),
    ],
)
def test_check_bad_input(cli: Any, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    run = cli("check", str(path))
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("error:") and message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_check_missing_file(cli: Any, tmp_path: Path) -> None:
    run = cli("check", str(tmp_path / "nope.txt"))
    assert run.exit_code == 2
    assert run.stderr.startswith("error: article not found")


@pytest.mark.parametrize(("encoding", "name"), [("gb18030", "GB18030"), ("big5", "Big5")])
def test_check_reads_legacy_chinese_encodings(
    cli: Any, tmp_path: Path, encoding: str, name: str
) -> None:
    text = "貧困發生率由9.8%下降到0.3%,下降9.5個百分點。"
    if encoding == "gb18030":
        text = "贫困发生率由9.8%下降到0.3%,下降9.5个百分点。"
    path = _article(tmp_path, text, encoding)
    run = cli("check", str(path), "--format", "json")
    assert run.exit_code == 0
    assert [r["kind"] for r in json.loads(run.stdout)] == ["point-change"]
    assert run.stderr.splitlines()[0] == f"note: read {path} as {name}"
