"""What a new user tripped on (issue 20): hints, signs, numbers in CSV, extract's coverage."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from povcli.errors import PovcliError, require_choice


def _hint(run: Any) -> str:
    found = re.search(r"\(hint: (.*)\)$", run.stderr.strip())
    assert found, run.stderr
    return found.group(1)


def test_an_unknown_check_suggests_a_few_names_once_each(cli: Any) -> None:
    run = cli("verify", "nosuch")
    assert run.exit_code == 2
    hint = _hint(run)
    names = hint.rpartition(": ")[2].split(", ")
    assert len(names) == 3 and len(set(names)) == 3
    # the bundled library names its checks by id; no id is offered both bare and qualified
    assert not any(":" in name for name in names)
    assert len(hint) < 200


def test_a_mistyped_check_is_offered_once(cli: Any) -> None:
    hint = _hint(cli("verify", "grwth"))
    assert hint.startswith("did you mean growth")
    offered = hint.removeprefix("did you mean ").rstrip("?").split(" or ")
    assert len(offered) == len(set(offered))


def test_the_hint_of_an_unknown_series_has_no_plural_typo(cli: Any) -> None:
    run = cli("series", "nosuch")
    assert run.exit_code == 2
    hint = _hint(run)
    assert "seriess" not in hint and "nearest" in hint
    assert len(hint.rpartition(": ")[2].split(", ")) == 3


def test_few_choices_are_listed_in_full() -> None:
    with pytest.raises(PovcliError) as caught:
        require_choice("median", ["cagr", "growth"], "calc kind")
    assert caught.value.hint == "one of: cagr, growth"
    with pytest.raises(PovcliError) as caught:
        require_choice("grwth", ["growth", "growth", "cagr"], "calc kind")
    assert caught.value.hint == "did you mean growth?"


def test_csv_prints_numbers_without_float_noise_and_json_keeps_them(cli: Any) -> None:
    # 14.9% stands for [14.85, 14.95]; 14.9 + 0.05 is 14.950000000000001 in floating point
    args = ("calc", "growth", "100", "115", "--claimed", "14.9")
    row = next(csv.DictReader(io.StringIO(cli(*args, "--format", "csv").stdout)))
    assert row["claimed_bounds"] == "14.85; 14.95"
    assert "0000000" not in row["inputs"] and "9999999" not in row["inputs"]
    assert cli(*args, "--format", "json").json()["claimed_bounds"][1] == 14.9 + 0.05


def test_human_output_has_one_minus_sign(cli: Any) -> None:
    # (−5 / 10 − 1) × 100 = −150
    table = cli("calc", "growth", "10", "-5", "--claimed", "-150")
    assert table.exit_code == 0, table.stderr
    assert not re.search(r"-\d", table.stdout), table.stdout
    assert "(−5 / 10 − 1) × 100 = −150" in table.stdout
    record = cli("calc", "growth", "10", "-5", "--format", "json").json()
    assert record["computed"] == -150 and record["working"].endswith("= −150")


def test_extract_claims_coverage_only_of_a_catalog_of_the_article(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "other.txt"
    article.write_text("某縣簡報\n\n全縣建成扶貧車間12個,惠及3.5萬人。\n", encoding="utf-8")
    bare = cli("extract", str(article))
    assert bare.exit_code == 0
    last = bare.stderr.strip().splitlines()[-1]
    assert last.startswith("2 mentions, 2 statistics") and "coverage" not in last
    assert "--facts" in last and "uncurated" not in last
    named = cli("extract", str(article), "--facts", "data/facts.yaml")
    assert named.stderr.strip().endswith("(coverage 0.0%), 2 uncurated")
    # the bundled article itself: its catalog covers it
    seed = cli("extract", "docs/examples/shanxi-scraped.txt")
    assert "(coverage 100.0%)" in seed.stderr
