"""`povcli check FILE… | DIR`: many articles with one start-up and one library, on every
core or on Dask, equal to checking each article alone."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.bulletins import bulletin, write_bulletins
from povcli.article.batch import article_files, check_many, reference_for
from tests.helpers import POVCLI


def _alone(paths: list[Path]) -> list[list[dict[str, object]]]:
    """Each article checked by the single-article API, as `povcli check FILE` does."""
    import povcli

    return [[f.to_dict() for f in povcli.check_text(p.read_text("utf-8"))] for p in paths]


def test_generated_bulletins_are_sized_and_differ() -> None:
    texts = [bulletin(seed) for seed in range(12)]
    assert len(set(texts)) == 12
    assert all(3000 <= len(text.encode("utf-8")) <= 10000 for text in texts)


def test_many_articles_equal_each_alone_in_one_and_two_processes(tmp_path: Path) -> None:
    paths = write_bulletins(tmp_path / "articles", 5, seed=7)
    reference = reference_for(None)
    names = [str(p) for p in paths]
    alone = _alone(paths)
    for jobs in (1, 2):
        found = list(check_many(names, reference, jobs=jobs))
        assert [c.name for c in found] == names  # in the order named
        assert [c.records for c in found] == alone
        assert all(c.error is None for c in found)
    assert sum(len(records) for records in alone) > 20


def test_a_folder_is_its_visible_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("x", encoding="utf-8")
    found = article_files([str(tmp_path)])
    assert found == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/c.txt")]


def _articles(tmp_path: Path, count: int = 3) -> Path:
    folder = tmp_path / "articles"
    write_bulletins(folder, count, seed=3)
    return folder


def test_jsonl_streams_every_relation_with_its_file(cli: Any, tmp_path: Path) -> None:
    folder = _articles(tmp_path)
    run = cli("check", str(folder), "--format", "jsonl", "--jobs", "2")
    records = [json.loads(line) for line in run.stdout.splitlines()]
    paths = sorted(folder.iterdir())
    alone = _alone(paths)
    assert records == [
        {"file": str(p), **r} for p, rs in zip(paths, alone, strict=True) for r in rs
    ]
    # some bulletins state a wrong figure on purpose: exit 1, as for one article
    assert run.exit_code == 1
    assert "all 3 files" in run.stderr  # the table of files closes the output, on stderr


def test_json_with_several_files_is_one_json_array(cli: Any, tmp_path: Path) -> None:
    folder = _articles(tmp_path, 2)
    run = cli("check", str(folder), "--format", "json", "--jobs", "1")
    records = json.loads(run.stdout)
    assert {r["file"] for r in records} == {str(p) for p in folder.iterdir()}


def test_csv_has_one_header_and_a_file_column(cli: Any, tmp_path: Path) -> None:
    folder = _articles(tmp_path, 2)
    run = cli("check", str(folder), "--format", "csv")
    lines = run.stdout.splitlines()
    assert lines[0].startswith("file,id,kind,verdict")
    assert sum(line.startswith("file,") for line in lines) == 1
    total = sum(len(rs) for rs in _alone(sorted(folder.iterdir())))
    assert len(lines) == 1 + total


def test_a_bad_file_is_one_line_and_the_others_go_on(cli: Any, tmp_path: Path) -> None:
    folder = _articles(tmp_path, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "zero.bin").write_bytes(b"\x00\x01\x02" * 10)
    run = cli("check", str(folder), "--format", "jsonl")
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any(str(folder / "empty.txt") in line and "empty" in line for line in errors)
    files = {json.loads(line)["file"] for line in run.stdout.splitlines()}
    assert files == {str(folder / "bulletin-0001.txt"), str(folder / "bulletin-0002.txt")}
    assert run.exit_code == 1  # inconsistent relations among the good ones
    assert "Traceback" not in run.stderr


def test_every_file_failing_exits_2(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    run = cli("check", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"))
    assert run.exit_code == 2
    assert len([line for line in run.stderr.splitlines() if line.startswith("error:")]) == 2


def test_consistent_articles_exit_0_and_the_table_follows_in_table_format(
    cli: Any,
    tmp_path: Path,
) -> None:
    text = "標題\n農民收入從2014年的5100元增加到2019年的9300元,年均增長12.8%。\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = cli("check", str(tmp_path), env={"COLUMNS": "120"})
    assert run.exit_code == 0
    assert run.stdout.count("relation-1 · cagr · consistent") == 2
    assert "all 2 files" in run.stdout.splitlines()[-2]  # the table of files, last


def test_one_file_keeps_the_single_article_output(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(bulletin(5), encoding="utf-8")
    run = cli("check", str(article), "--format", "json")
    assert json.loads(run.stdout) == _alone([article])[0]
    assert "files" not in run.stderr


def test_jobs_must_be_positive(cli: Any, tmp_path: Path) -> None:
    folder = _articles(tmp_path, 2)
    run = cli("check", str(folder), "--jobs", "0")
    assert run.exit_code == 2
    assert run.stderr.startswith("error: --jobs must be 1 or more")


def test_dask_is_never_imported_unless_asked(tmp_path: Path) -> None:
    folder = _articles(tmp_path, 2)
    env = dict(os.environ)  # the test's own cache, the library indexed
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "povcli", "check", str(folder), "-f", "jsonl"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "povcli.article.batch" in imported
    assert not {name for name in imported if name.split(".")[0] in ("dask", "distributed")}


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import pty
    import threading

    folder = _articles(tmp_path, 2)
    leader, follower = pty.openpty()
    shown: list[bytes] = []

    def drain() -> None:  # read the terminal while the command draws on it
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the command closed its end
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    env = {**os.environ, "COLUMNS": "100"}  # the test's own cache
    with subprocess.Popen(
        [POVCLI, "check", str(folder), "-f", "jsonl"],
        stdout=subprocess.PIPE, stderr=follower, env=env,
    ) as process:  # fmt: skip
        os.close(follower)
        out, _ = process.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(leader)
    assert b"checking" in b"".join(shown), b"".join(shown)[-2000:]  # the bar, on the terminal
    assert out.count(b"\n") > 10  # and the records, on stdout


def test_dask_local_cluster_equals_one_process(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    paths = write_bulletins(tmp_path / "articles", 4, seed=11)
    names = [str(p) for p in paths]
    found = list(check_many(names, reference_for(None), jobs=2, dask="local"))
    assert [c.records for c in found] == _alone(paths)


def test_an_unreachable_scheduler_is_a_one_line_error(cli: Any, tmp_path: Path) -> None:
    """Before, "internal error: OSError(…)" after Dask's 30 s wait; the wait is Dask's own
    setting, shortened here through Dask's configuration."""
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    article = tmp_path / "a.txt"
    article.write_text(bulletin(3), encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        run = cli("check", str(article), "--dask", f"tcp://127.0.0.1:{port}")
    assert run.exit_code == 2
    assert run.stderr.startswith(
        f"error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"
    )
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


@pytest.mark.slow
def test_a_thousand_articles_on_dask_equal_one_process(tmp_path: Path) -> None:
    paths = write_bulletins(tmp_path / "articles", 1000, seed=1)
    names = [str(p) for p in paths]
    reference = reference_for(None)
    one = [c.records for c in check_many(names, reference, jobs=1)]
    on_dask = [c.records for c in check_many(names, reference, jobs=2, dask="local")]
    assert on_dask == one
    assert sum(map(len, one)) > 10_000


def test_one_file_as_json_lines(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(bulletin(9), encoding="utf-8")
    run = cli("check", str(article), "--format", "jsonl")
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert records == [{"file": str(article), **r} for r in _alone([article])[0]]
    empty = tmp_path / "none.txt"
    empty.write_text("標題\n沒有數字。\n", encoding="utf-8")
    assert cli("check", str(empty), "--format", "jsonl").stdout == ""
