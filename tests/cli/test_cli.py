from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import yaml

from povcli import __version__
from tests.helpers import CATALOG, SMALL_CATALOG, write_catalog

LEAD_IDS = [
    "inspection-visits",
    "poor-counties",
    "poor-villages",
    "poor-population",
    "income-2013",
    "income-2019",
    "income-growth-2013-2019",
    "income-2020-q1-q3",
    "income-growth-2020-q1-q3",
]
FIELDS = [
    "id",
    "section",
    "topic",
    "subject",
    "label",
    "aliases",
    "value",
    "value_max",
    "unit",
    "written",
    "qualifier",
    "period",
    "quote",
    "note",
]


def _one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in stderr
    return lines[0]


def test_list_json_is_every_fact_with_catalog_field_names(cli: Any) -> None:
    run = cli("list", "--format", "json")
    assert run.exit_code == 0
    assert run.stderr == ""
    facts = run.json()
    assert len(facts) == len(yaml.safe_load(CATALOG.read_text(encoding="utf-8"))["facts"])
    assert all(list(fact) == FIELDS for fact in facts)
    population = next(f for f in facts if f["id"] == "poor-population")
    assert (population["value"], population["unit"], population["written"]) == (
        3290000,
        "person",
        "329萬",
    )


def test_list_filters(cli: Any) -> None:
    assert [f["id"] for f in cli("list", "--section", "lead", "-f", "json").json()] == LEAD_IDS
    times = cli("list", "--unit", "person-time", "-f", "json").json()
    assert [f["id"] for f in times] == ["health-beneficiaries", "temporary-assistance"]
    pv = cli("list", "--topic", "photovoltaic", "--unit", "station", "-f", "json").json()
    assert [f["id"] for f in pv] == ["pv-village-stations", "pv-central-stations"]
    either = cli("list", "--unit", "household", "--unit", "head", "-f", "json").json()
    assert [f["id"] for f in either] == ["anecdote-calves-sold", "dilapidated-houses-renovated"]


def test_list_empty_result_prints_empty_array_and_exits_1(cli: Any) -> None:
    run = cli("list", "--section", "lead", "--unit", "station", "--format", "json")
    assert run.exit_code == 1
    assert json.loads(run.stdout) == []
    assert run.stderr.strip() == "no facts match these filters"


def test_list_csv_and_yaml_carry_the_same_facts(cli: Any) -> None:
    as_json = cli("list", "--section", "lead", "-f", "json").json()
    rows = list(csv.DictReader(io.StringIO(cli("list", "--section", "lead", "-f", "csv").stdout)))
    assert [row["id"] for row in rows] == LEAD_IDS
    assert rows[3]["value"] == "3290000"
    assert rows[0]["topic"] == "leadership"
    assert yaml.safe_load(cli("list", "--section", "lead", "-f", "yaml").stdout) == as_json


def test_list_table_shows_subject_or_label(cli: Any) -> None:
    zh = cli("list", "--section", "lead", env={"COLUMNS": "200"})
    assert zh.exit_code == 0
    assert "貧困人口全部脫貧" in zh.stdout
    assert "3,290,000" in zh.stdout
    en = cli("list", "--section", "lead", "--lang", "en", env={"COLUMNS": "200"})
    assert "Poor people, all lifted out of poverty" in en.stdout
    assert "\x1b[" not in en.stdout


def test_narrow_table_wraps_cjk_and_loses_nothing(cli: Any) -> None:
    run = cli("list", "--section", "key-projects", env={"COLUMNS": "40"})
    assert run.exit_code == 0
    assert "…" not in run.stdout
    assert max(len(line) for line in run.stdout.splitlines()) <= 40
    squeezed = re.sub(r"[\s│┃|]", "", run.stdout)
    for fact in cli("list", "--section", "key-projects", "-f", "json").json():
        for key in ("id", "subject", "written", "unit"):
            assert fact[key] in squeezed


def test_unknown_choices_are_one_line_errors(cli: Any) -> None:
    run = cli("list", "--format", "jsn")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "did you mean json" in _one_error_line(run.stderr)
    line = _one_error_line(cli("list", "--section", "leed").stderr)
    assert "unknown section 'leed'" in line and "lead" in line
    assert cli("list", "--lang", "fr").exit_code == 2


def test_show_highlights_and_gives_context(cli: Any) -> None:
    run = cli("show", "pv-village-stations", "--context", "-f", "json")
    assert run.exit_code == 0
    record = run.json()
    assert record["written"] == "5479座"
    assert record["context"].startswith("——產業就業“到村到戶”。")
    assert record["quote"] in record["context"]
    table = cli("show", "pv-village-stations", "--context", env={"COLUMNS": "120"})
    text = re.sub(r"[\s│╭╮╰╯─]", "", table.stdout)
    assert "建成光伏扶貧村級電站5479座、集中電站53座" in text
    assert "實現貧困村光伏扶貧收益全覆蓋" in text


def test_show_unknown_id_suggests(cli: Any) -> None:
    run = cli("show", "income-2031")
    assert run.exit_code == 2
    assert run.stdout == ""
    line = _one_error_line(run.stderr)
    assert "no fact with id 'income-2031'" in line
    assert "did you mean" in line and "income-2013" in line


def test_info_json(cli: Any) -> None:
    info = cli("info", "--format", "json").json()
    assert info["version"] == __version__
    assert Path(info["catalog"]).is_absolute()
    assert Path(info["catalog"]).samefile(CATALOG)
    assert info["facts"] == len(cli("list", "-f", "json").json())
    assert info["checks"] == len(yaml.safe_load(CATALOG.read_text(encoding="utf-8"))["checks"])
    assert info["date"] == "2021-01-20"


def test_facts_option_and_environment(cli: Any, small_catalog: Path) -> None:
    ids = [f["id"] for f in cli("list", "--facts", str(small_catalog), "-f", "json").json()]
    assert ids == ["income-2013", "income-2019", "income-growth", "villages"]
    info = cli("info", "-f", "json", env={"POVCLI_FACTS": str(small_catalog)}).json()
    assert info["facts"] == 4


def test_validate_clean_and_broken(cli: Any, tmp_path: Path) -> None:
    run = cli("validate")
    assert run.exit_code == 0
    assert run.stdout == ""
    assert run.stderr.startswith("ok: ")
    broken = write_catalog(tmp_path / "b", SMALL_CATALOG.replace("value: 5\n", "value: 6\n"))
    run = cli("validate", str(broken), "-f", "json")
    assert run.exit_code == 2
    report = run.json()
    assert report["ok"] is False
    assert report["problems"] == [
        {"line": 45, "fact": "villages", "level": "error", "problem": "value 6 but '5個' means 5"}
    ]
    table = cli("validate", str(broken), env={"COLUMNS": "120"})
    assert "value 6 but '5個' means 5" in table.stdout
    assert table.stderr.strip() == f"error: 1 problem in {broken}"


def test_bad_catalogs_are_one_line_errors(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts: [\n")
    for command in (["list"], ["show", "x"], ["info"], ["validate"]):
        run = cli(*command, "--facts", str(bad))
        assert run.exit_code == 2
        assert "YAML syntax error at line 2" in _one_error_line(run.stderr)
    run = cli("list", "--facts", str(tmp_path / "missing.yaml"))
    assert run.exit_code == 2
    assert "catalog not found" in _one_error_line(run.stderr)


def test_version(cli: Any) -> None:
    run = cli("--version")
    assert run.exit_code == 0
    assert run.stdout.strip() == f"povcli {__version__}"
