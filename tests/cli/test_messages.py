"""What a new user's trial found wrong: verdicts, messages and machine output (issue 10)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from povcli.article.clean import clean_article, strip_readings
from tests.helpers import SMALL_CATALOG, write_catalog


@pytest.mark.parametrize(
    ("args", "working"),
    [
        # new − old over old: (−5 / 10 − 1) × 100 = −150
        # the working is for people: its minus sign is U+2212, as everywhere they read
        (["growth", "10", "-5"], "(−5 / 10 − 1) × 100 = −150"),
        (["growth", "--", "10", "-5"], "(−5 / 10 − 1) × 100 = −150"),
        (["ratio", "-10", "5"], "−10 / 5 = −2"),
        (["share", "-3", "10"], "−3 / 10 × 100 = −30"),
        # a value of 110 after a fall of 10% had a base of 110 / 0.9 = 122.2
        (["yoy", "110", "-10"], "110 / (1 + (−10) / 100) = 122.222"),
        (["cagr", "100", "121", "--years", "2", "--claimed", "-5"], "((121 / 100)^(1 / 2) − 1)"),
    ],
)
def test_negative_figures_need_no_double_dash(cli: Any, args: list[str], working: str) -> None:
    # "--" ends the options, so here they come first
    run = cli("calc", "--format", "json", *args)
    assert run.exit_code in (0, 1), run.stderr
    assert json.loads(run.stdout)["working"].startswith(working)


def test_options_after_negative_figures(cli: Any) -> None:
    run = cli("calc", "growth", "10", "-5", "--claimed", "-150", "--format", "json")
    assert run.exit_code == 0
    result = json.loads(run.stdout)
    assert result["verdict"] == "consistent"
    assert result["claimed"] == -150


def test_a_share_above_the_whole_is_impossible(cli: Any) -> None:
    run = cli("calc", "share", "8000", "7993")
    assert run.exit_code == 1
    assert "inconsistent" in run.stdout
    assert "cannot be 100.09%" in " ".join(run.stdout.split())


def test_a_ratio_of_bare_numbers_has_no_dangling_per(cli: Any) -> None:
    run = cli("calc", "ratio", "-10", "5", "--format", "json")
    result = json.loads(run.stdout)
    assert result["unit"] == ""
    assert "per" not in result["explanation"]


def test_cagr_of_facts_takes_the_years_from_their_periods(cli: Any) -> None:
    run = cli("calc", "cagr", "income-2013", "income-2019", "--claimed", "11.5", "-f", "json")
    assert run.exit_code == 0, run.stderr
    result = json.loads(run.stdout)
    # 2019 − 2013 = 6 periods: ((9379 / 4875)^(1/6) − 1) × 100 = 11.52
    assert "^(1 / 6)" in result["working"]
    assert result["verdict"] == "consistent"


def test_cagr_of_bare_figures_still_asks_for_years(cli: Any) -> None:
    run = cli("calc", "cagr", "4875元", "9379元")
    assert run.exit_code == 2
    assert "needs --years" in run.stderr


def _bad_catalog(tmp_path: Path) -> Path:
    catalog = SMALL_CATALOG.replace('date: "2021-01-01"', "date: 2021-01-01").replace(
        "unit: village", "unit: villages"
    )
    return write_catalog(tmp_path / "bad", catalog)


def test_validate_suggests_a_unit_and_quoting_a_date(cli: Any, tmp_path: Path) -> None:
    run = cli("validate", str(_bad_catalog(tmp_path)), "--format", "json")
    assert run.exit_code == 2
    problems = [p["problem"] for p in json.loads(run.stdout)["problems"]]
    assert 'date must be text, not date — quote it: "2021-01-01"' in problems
    assert "unit 'villages' is not in the unit vocabulary (did you mean village" in " ".join(
        problems
    )


def test_validate_csv_has_one_row_per_problem(cli: Any, tmp_path: Path) -> None:
    run = cli("validate", str(_bad_catalog(tmp_path)), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert list(rows[0]) == ["line", "fact", "level", "problem"]
    assert len(rows) == 2
    assert {row["fact"] for row in rows} == {"", "villages"}


def test_verify_csv_writes_booleans_as_json_does(cli: Any) -> None:
    run = cli("verify", "growth", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(run.stdout)))
    assert row["by_rounding_only"] == "false"
    assert row["gross"] == "false"


def test_a_reading_after_a_mojibake_character_is_removed() -> None:
    # 績 decoded through the wrong code page is "ç»©"; its reading (jì) must still go
    text, count = strip_readings("成ç»©(jì)單")
    assert (text, count) == ("成ç»©單", 1)
    # an untoned word in brackets after Latin text is not a reading
    assert strip_readings("the note (a) and café (ab)")[1] == 0
    cleaned = clean_article("標題\n考核成ç»©(jì)優秀,國(guó)家級。\n").text
    assert "(jì)" not in cleaned and "(guó)" not in cleaned


def test_list_and_search_accept_the_same_units(cli: Any) -> None:
    # "multiple" is in the unit vocabulary but no fact of the bundled catalog has it
    listed = cli("list", "--unit", "multiple")
    searched = cli("search", "光伏", "--unit", "multiple")
    assert (listed.exit_code, searched.exit_code) == (1, 1)
    unknown = cli("list", "--unit", "villages")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("error: unknown unit 'villages' (hint: did you mean village")


def test_one_did_you_mean_for_every_choice(cli: Any) -> None:
    for args, wrong in (
        (["list", "--format", "jsn"], "unknown format 'jsn' (hint: did you mean json"),
        (["verify", "grwth"], "unknown check 'grwth' (hint: did you mean growth"),
        (["calc", "grwth", "1", "2"], "unknown calc kind 'grwth' (hint: did you mean growth"),
        (["list", "--section", "leed"], "unknown section 'leed' (hint: did you mean lead"),
    ):
        run = cli(*args)
        assert run.exit_code == 2
        assert run.stderr.startswith(f"error: {wrong}"), run.stderr


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # every word must match, wherever it stands in the fact: 建成光伏扶貧村級電站5479座
        (["光伏", "電站"], {"pv-village-stations", "pv-central-stations"}),
        (["電站", "光伏"], {"pv-village-stations", "pv-central-stations"}),
        (["貧困縣", "摘帽"], {"poor-counties"}),
    ],
)
def test_search_words_need_not_stand_together(
    cli: Any, query: list[str], expected: set[str]
) -> None:
    run = cli("search", *query, "--facts", "data/facts.yaml", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert {fact["id"] for fact in json.loads(run.stdout)} == expected


def test_scraped_page_furniture_is_not_article_text() -> None:
    raw = (
        "標題\n2021年01月20日 07:10 來源:某市日報\n"
        "<script>var views = 12345;</script><style>p { margin: 0 }</style>\n"
        "脫貧(tuō pín)攻堅成績(jì)單(見附表 a b)。\n"
        "版權所有 某市日報社\n手機看新聞 掃一掃\n"
    )
    cleaned = clean_article(raw)
    assert cleaned.text == "標題\n\n脫貧攻堅成績單(見附表 a b)。\n"
    assert cleaned.metadata["date"] == "2021-01-20"
    assert cleaned.metadata["publisher"] == "某市日報"
    assert cleaned.removed_readings == 2


def test_piped_tables_carry_no_trailing_spaces_and_keep_ids_whole() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    povcli = str(Path(sys.executable).parent / "povcli")
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    for args in (["info"], ["list", "--section", "leadership"], ["verify", "growth"]):
        out = subprocess.run(
            [povcli, *args], capture_output=True, text=True, env=env, timeout=60
        ).stdout
        assert out and all(line == line.rstrip() for line in out.splitlines()), args
    table = subprocess.run(
        [povcli, "list"], capture_output=True, text=True, env=env, timeout=60
    ).stdout
    ids = [
        fact["id"]
        for fact in json.loads(
            subprocess.run(
                [povcli, "list", "--format", "json"], capture_output=True, text=True, timeout=60
            ).stdout
        )
    ]
    # every id stands whole in the 80-column table (inspection-visits was split as …visit / s)
    assert [fact_id for fact_id in ids if fact_id not in table] == []


def test_years_in_extract_tables_are_written_as_years(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("標題\n從2012年的100元增長到2019年的200元。\n", encoding="utf-8")
    run = cli("extract", str(article), env={"COLUMNS": "120"})
    assert "2012" in run.stdout and "2,012" not in run.stdout


def test_verify_refuses_what_validate_rejects(cli: Any, tmp_path: Path) -> None:
    # the shape is sound, but 5個 is not 6: only validate's content checks see it
    broken = write_catalog(tmp_path / "b", SMALL_CATALOG.replace("value: 5\n", "value: 6\n"))
    validated = cli("validate", str(broken), "--format", "json")
    first = json.loads(validated.stdout)["problems"][0]
    for _ in range(2):  # worked out once, then remembered for this content
        run = cli("verify", "--facts", str(broken))
        assert run.exit_code == 2
        assert run.stdout == ""
        assert run.stderr == (
            f"error: {broken}: line {first['line']}: fact {first['fact']}: {first['problem']}"
            f" (hint: run: povcli validate {broken})\n"
        )
    mended = broken.read_text(encoding="utf-8").replace("value: 6\n", "value: 5\n")
    broken.write_text(mended, encoding="utf-8")
    assert cli("verify", "--facts", str(broken)).exit_code == 0
