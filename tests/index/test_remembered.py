"""`verify`'s records remembered between runs: read back only for the very state they were
judged in (the catalogs' contents, the checks asked for, povcli's own files)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import povcli
from povcli.index import library as library_module
from povcli.index import remembered as remembered_module
from povcli.index.remembered import JudgedRecords, package_fingerprint, remember, remembered
from tests.helpers import SMALL_CATALOG, SMALL_SOURCE, write_catalog

# 100元 in 2013 to 200元 in 2019: (200 / 100)^(1/6) − 1 = 12.246%, written 12.2%
GROWTH_CHECK = """\
  - id: growth
    kind: cagr
    inputs: {start: income-2013, end: income-2019, claimed: income-growth}
"""
CHECKED = SMALL_CATALOG.replace("checks: []\n", "checks:\n" + GROWTH_CHECK)


def checked_catalog(folder: Path, end: str = "200") -> Path:
    """The small catalog with its growth check; `end`: the 2019 income, in the fact and
    in the source text alike (300: (300 / 100)^(1/6) − 1 = 20.09%, not the 12.2% claimed)."""
    catalog = CHECKED.replace("value: 200\n", f"value: {end}\n").replace("200元", f"{end}元")
    return write_catalog(folder, catalog, SMALL_SOURCE.replace("200元", f"{end}元"))


def verdicts(facts: Path) -> list[str]:
    return [record["verdict"] for record in povcli.verify_records(facts=[str(facts)])]


def refuse_to_judge(monkeypatch: pytest.MonkeyPatch) -> None:
    def judged(*_: Any) -> Any:
        raise AssertionError("judged again")

    monkeypatch.setattr(library_module, "run_checks", judged)


def test_a_second_run_reads_the_first_runs_records_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = checked_catalog(tmp_path / "a")
    first = list(povcli.verify_records(facts=[str(facts)]))
    assert [r["verdict"] for r in first] == ["consistent"]
    refuse_to_judge(monkeypatch)
    again = povcli.verify_records(facts=[str(facts)])
    assert list(again) == first
    assert again.verdicts == ["consistent"]
    assert [json.loads(text) for text in again.texts] == first


def test_the_records_read_back_are_those_judged_now(tmp_path: Path) -> None:
    facts = checked_catalog(tmp_path / "a")
    povcli.verify_records(facts=[str(facts)])
    judged_now = povcli.verify(facts=[str(facts)]).records()
    assert list(povcli.verify_records(facts=[str(facts)])) == judged_now


def test_an_edited_catalog_is_judged_again(tmp_path: Path) -> None:
    facts = checked_catalog(tmp_path / "a")
    assert verdicts(facts) == ["consistent"]
    checked_catalog(tmp_path / "a", end="300")
    assert verdicts(facts) == ["inconsistent"]


def test_an_edit_of_the_same_size_and_time_is_judged_again(tmp_path: Path) -> None:
    """`cp -p` of a same-size edit: size and modification time as before; the content hash
    the index is built from tells them apart."""
    facts = checked_catalog(tmp_path / "a")
    before = os.stat(facts)
    assert verdicts(facts) == ["consistent"]
    checked_catalog(tmp_path / "a", end="400")  # 200 and 400: as many bytes
    os.utime(facts, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(facts).st_size == before.st_size
    # (400 / 100)^(1/6) − 1 = 25.99%, not 12.2%
    assert verdicts(facts) == ["inconsistent"]


def test_the_checks_asked_for_are_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = CHECKED + GROWTH_CHECK.replace("id: growth", "id: growth-again")
    facts = write_catalog(tmp_path / "a", catalog)
    assert len(povcli.verify_records(facts=[str(facts)])) == 2
    one = povcli.verify_records(["growth-again"], facts=[str(facts)])
    assert [record["id"] for record in one] == ["growth-again"]


def test_an_edited_module_of_povcli_is_a_new_key(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "article").mkdir(parents=True)
    module = package / "article" / "shares.py"
    module.write_text("A = 1\n", encoding="utf-8")
    (package / "grammar.json").write_text("{}", encoding="utf-8")
    first = package_fingerprint(package)
    assert package_fingerprint(package) == first
    module.write_text("A = 2\n", encoding="utf-8")  # the same size
    os.utime(module, ns=(1, 1_000_000_000))
    assert package_fingerprint(package) != first
    second = package_fingerprint(package)
    (package / "grammar.json").write_text("{} ", encoding="utf-8")
    assert package_fingerprint(package) != second


def test_this_installs_own_files_are_in_the_key() -> None:
    fingerprint = package_fingerprint()
    assert f"{os.sep}checks.py\0" in fingerprint
    assert f"{os.sep}grammar.json\0" in fingerprint
    assert "__pycache__" not in fingerprint


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"key": [], "texts": [], "verdicts": []}',
        b'{"key": null}',
    ],
)
def test_a_damaged_record_file_is_judged_again(
    tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = checked_catalog(tmp_path / "a")
    first = list(povcli.verify_records(facts=[str(facts)]))
    [path] = (Path(os.environ["XDG_CACHE_HOME"]) / "povcli").glob("verify-*.json")
    path.write_bytes(content)
    assert list(povcli.verify_records(facts=[str(facts)])) == first
    assert json.loads(path.read_text(encoding="utf-8"))["verdicts"] == ["consistent"]


def test_a_record_file_of_wrong_shapes_is_judged_again(tmp_path: Path) -> None:
    facts = checked_catalog(tmp_path / "a")
    first = list(povcli.verify_records(facts=[str(facts)]))
    [path] = (Path(os.environ["XDG_CACHE_HOME"]) / "povcli").glob("verify-*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for texts, verdicts_kept in ([1], ["consistent"]), (data["texts"], []), ("x", ["x"]):
        path.write_text(json.dumps({**data, "texts": texts, "verdicts": verdicts_kept}))
        assert list(povcli.verify_records(facts=[str(facts)])) == first


def test_a_record_file_over_the_limit_is_judged_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = checked_catalog(tmp_path / "a")
    first = list(povcli.verify_records(facts=[str(facts)]))
    monkeypatch.setattr(remembered_module, "MAX_REMEMBERED_BYTES", 10)
    calls = []
    real = library_module.run_checks
    monkeypatch.setattr(library_module, "run_checks", lambda *a: calls.append(1) or real(*a))
    assert list(povcli.verify_records(facts=[str(facts)])) == first
    assert calls == [1]


def test_records_json_cannot_hold_are_never_remembered(tmp_path: Path) -> None:
    """NaN would come back as null, a tuple as a list: such records are judged each run."""
    calls = []
    strange = [{"verdict": "derived", "computed": float("nan")}]

    def judge() -> list[dict[str, Any]]:
        calls.append(1)
        return strange

    found = remembered([], ["x"], judge)
    assert found.records is strange  # as judged, NaN and all
    remembered([], ["x"], judge)
    assert calls == [1, 1]


def test_an_unwritable_cache_leaves_the_run_as_it_was(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    found = JudgedRecords.of([{"verdict": "consistent", "id": "a"}])
    remember(blocker / "verify-x.json", ["key"], found)  # no error
    assert blocker.read_text(encoding="utf-8") == "a file where the folder would be"


def test_at_most_sixteen_record_files_are_kept(tmp_path: Path) -> None:
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "povcli"
    for number in range(20):
        remembered([], [f"check-{number}"], lambda: [{"verdict": "consistent"}])
    assert len(list(folder.glob("verify-*.json"))) == remembered_module.KEPT == 16


def test_the_command_prints_the_same_text_judged_or_read_back(tmp_path: Path, main: Any) -> None:
    facts = str(checked_catalog(tmp_path / "a", end="300"))
    runs = {
        fmt: [main(["verify", "--facts", facts, "--format", fmt]) for _ in range(2)]
        for fmt in ("json", "table", "csv", "yaml")
    }
    for fmt, (judged, read_back) in runs.items():
        assert judged.returncode == read_back.returncode == 1, fmt  # inconsistent
        assert (judged.stdout, judged.stderr) == (read_back.stdout, read_back.stderr), fmt
    [record] = json.loads(runs["json"][1].stdout)
    assert record["verdict"] == "inconsistent"
    assert record["claimed_written"] == "12.2%"
    assert runs["json"][1].stderr.strip() == (
        "1 checked, 0 consistent, 1 inconsistent, 0 derived, 0 unverifiable"
    )
