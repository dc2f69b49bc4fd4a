"""No traceback, no surprise: bad catalogs, arguments, pipes and signals, via the real command."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from povcli.catalog.load import load_catalog
from povcli.catalog.validate import validate_catalog
from povcli.cli import app
from povcli.errors import CatalogError
from tests.helpers import SMALL_CATALOG, big_catalog, run_povcli

POVCLI = str(Path(sys.executable).parent / "povcli")
MEMORY_LIMIT = 1536 * 2**20


def _bad_catalogs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, content: str | bytes) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
    )
    junk = random.Random(7).randbytes(3 * 2**20)
    (folder / "a-folder").mkdir(exist_ok=True)
    return {
        "missing": folder / "no-such-file.yaml",
        "folder": folder / "a-folder",
        "empty": write("empty.yaml", ""),
        "syntax": write("syntax.yaml", "facts:\n  - id: a\n    value: [1, 2\n"),
        "gb18030": write("gbk.yaml", "facts:\n  - subject: 貧困縣\n".encode("gb18030")),
        "unsafe-tag": write(
            "unsafe.yaml", f"facts: !!python/object/apply:os.system ['touch {folder}/RAN']\n"
        ),
        "top-level-list": write("list.yaml", "- a\n- b\n"),
        "facts-not-a-list": write("facts.yaml", "facts: 3\n"),
        "missing-field": write("field.yaml", SMALL_CATALOG.replace("    unit: village\n", "")),
        "duplicate-ids": write(
            "dup.yaml", SMALL_CATALOG.replace("id: income-2019", "id: income-2013")
        ),
        "binary-junk": write("junk.yaml", junk),
        "alias-bomb": write("bomb.yaml", bomb),
        "deep-nesting": write("deep.yaml", "facts: " + "[" * 5000 + "]" * 5000 + "\n"),
    }


def _run(args: list[str], tmp_path: Path, env: dict[str, str] | None = None, **kw: Any) -> Any:
    return run_povcli(args, tmp_path, env, MEMORY_LIMIT, **kw)


def _assert_one_line_error(run: Any, code: int = 2) -> str:
    assert run.returncode == code, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("error: ")
    assert "internal error" not in lines[0]
    return str(lines[0])


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _bad_catalogs(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("article") / "article.txt"
    path.write_text("標題\n\n全縣建成光伏電站12座。\n", encoding="utf-8")
    return path


COMMANDS = {
    "list": ["list"],
    "show": ["show", "income-2013"],
    "search": ["search", "光伏"],
    "verify": ["verify"],
    "calc": ["calc", "ratio", "1", "2"],
    "validate": ["validate"],
    "info": ["info"],
    "extract": ["extract", "ARTICLE"],
}
BAD_NAMES = [
    "missing", "folder", "empty", "syntax", "gb18030", "unsafe-tag", "top-level-list",
    "facts-not-a-list", "missing-field", "duplicate-ids", "binary-junk", "alias-bomb",
    "deep-nesting",
]  # fmt: skip


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_catalog_is_one_line_error(
    bad: dict[str, Path], article: Path, main: Any, name: str, command: str
) -> None:
    args = [str(article) if a == "ARTICLE" else a for a in COMMANDS[command]]
    run = main([*args, "--facts", str(bad[name])])
    line = _assert_one_line_error(run)
    if command != "validate":  # validate lists the problems it found on stdout
        assert run.stdout == ""
    assert not (bad["missing"].parent / "RAN").exists()
    if name == "gb18030":
        assert "GB18030" in line
    if name == "syntax":
        assert "line 4, column 1" in line


# the classes a process limit matters for run in the default tier; the rest (their messages
# proven in-process above, for every command) in the slow tier
IN_A_PROCESS = {"missing", "gb18030", "binary-junk", "alias-bomb", "deep-nesting"}


@pytest.mark.parametrize(
    "name",
    [n if n in IN_A_PROCESS else pytest.param(n, marks=pytest.mark.slow) for n in BAD_NAMES],
)
def test_bad_catalog_through_the_environment(
    bad: dict[str, Path], tmp_path: Path, name: str
) -> None:
    # one real process per failure class: under a memory limit and a time-out,
    # the alias bomb, the deep nesting and the 3 MB of junk must still end in one line
    run = _run(["list"], tmp_path, env={"POVCLI_FACTS": str(bad[name])})
    _assert_one_line_error(run)
    assert run.stdout == ""
    assert not (bad["missing"].parent / "RAN").exists()


BAD_ARGUMENTS = [
    (["search", ""], "empty query"),
    (["search", '""'], "empty query"),
    (["show", "income-2031"], "did you mean"),
    (["verify", "grwth"], "did you mean growth"),
    (["list", "--format", "xml"], "unknown format"),
    (["list", "--lang", "fr"], "unknown language"),
    (["list", "--section", "leed"], "did you mean lead"),
    (["list", "--formt", "json"], "No such option"),
    (["show"], "Missing argument"),
    (["frobnicate"], "No such command"),
    # one article or many, --jobs is checked alike (one article accepted 0 and -1 silently)
    (["check", "docs/examples/report-card.txt", "--jobs", "0"], "--jobs must be 1 or more, not 0"),
    (["check", "docs/examples/report-card.txt", "-j", "-1"], "--jobs must be 1 or more, not -1"),
    (["calc", "cagr", "0", "5", "--years", "3"], "above zero"),
    (["calc", "cagr", "-4", "5", "--years", "3"], "above zero"),
    (["calc", "cagr", "--years", "3", "--", "-4", "5"], "above zero"),
    (["calc", "cagr", "1", "5", "--years", "0"], "above zero"),
    (["calc", "cagr", "1", "5", "--years", "-1"], "above zero"),
    (["calc", "cagr", "1", "5"], "needs --years"),
    (["calc", "growth", "abc", "5"], "neither a number"),
    (["calc", "share", "1", "0"], "above zero"),
    (["calc", "ratio", "5", "0"], "must not be zero"),
    (["calc", "median", "1", "2"], "unknown calc kind"),
    (["search", "光伏", "--min", "lots"], "needs a number"),
    (["search", "光伏", "--limit", "-1"], "--limit"),
    (["verify", "--reviewed-on", "yesterday", "-f", "claimreview"], "needs a date"),
    (["extract", "no-such-article.txt"], "not found"),
]


@pytest.mark.parametrize(
    ("args", "expected"), BAD_ARGUMENTS, ids=[" ".join(a) for a, _ in BAD_ARGUMENTS]
)
def test_bad_arguments(main: Any, args: list[str], expected: str) -> None:
    run = main(args)
    assert expected in _assert_one_line_error(run)
    assert run.stdout == ""


ODD_QUERIES = ["(", "a[b*", "\\", ".*+?", "^$|", "x" * 10_000, "ＧＵＡＮＧＦＵ", "光伏 solar 5479",
               "貧困县 guang", "'; DROP TABLE facts; --", "%", "💡", "１１２２個"]  # fmt: skip


@pytest.mark.parametrize("query", ODD_QUERIES, ids=[q[:20] for q in ODD_QUERIES])
def test_odd_queries_never_crash(main: Any, query: str) -> None:
    run = main(["search", query])
    assert run.returncode in (0, 1), run.stderr
    assert "error" not in run.stderr


def test_nul_byte_query_never_crashes() -> None:
    result = CliRunner().invoke(app, ["search", "光\x00伏", "-f", "json"])
    assert result.exit_code in (0, 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _list_into_head_1(catalog: Path, fmt: str, cache: Path) -> subprocess.CompletedProcess[str]:
    command = (
        f"'{POVCLI}' list --format {fmt} --facts '{catalog}' | head -1; exit ${{PIPESTATUS[0]}}"
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": "100"}
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=60, env=environment
    )


def test_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    """A table streams line by line and JSON is one array: the two ways output ends in a
    closed pipe, on 3,120 facts. JSON first, with the catalog not yet indexed; then the
    table, from the index that run built, whose first row reaches the pipe alone."""
    catalog = big_catalog(tmp_path, 40)
    json_run = _list_into_head_1(catalog, "json", tmp_path / "cache")
    table_run = _list_into_head_1(catalog, "table", tmp_path / "cache")
    for run in (json_run, table_run):
        assert run.stderr == ""
        assert run.returncode in (0, 141)
        assert len(run.stdout.splitlines()) == 1
    assert json_run.stdout == "[\n"
    assert table_run.stdout.startswith("┏")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "yaml"])
def test_broken_pipe_ends_quietly_in_csv_and_yaml(tmp_path: Path, fmt: str) -> None:
    run = _list_into_head_1(big_catalog(tmp_path, 40), fmt, tmp_path / "cache")
    assert run.stderr == ""
    assert run.returncode in (0, 141)
    assert len(run.stdout.splitlines()) == 1


def test_ctrl_c_exits_130_quietly_in_process(main: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import povcli.index.library

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(povcli.index.library, "run_check", interrupted)
    run = main(["verify"])
    assert (run.returncode, run.stdout, run.stderr) == (130, "", "")


def _blocked_reading_stdin(pid: int) -> bool:
    """True once the process waits in read(0, …): Python is running povcli's code by then."""
    read = {"x86_64": "0", "aarch64": "63"}.get(os.uname().machine)
    fields = Path(f"/proc/{pid}/syscall").read_text().split()
    return read is not None and fields[:2] == [read, "0x0"]


def _as_from_a_shell() -> None:
    """SIGINT neither ignored nor blocked, as a shell starts a command: a test worker's thread
    may block or ignore it, and a child inherits both (it would then rightly go on reading,
    as a command started with nohup does; the test hung or read an empty article)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_ctrl_c_exits_130_quietly(tmp_path: Path) -> None:
    if not Path(f"/proc/{os.getpid()}/syscall").exists():
        pytest.skip("needs Linux's /proc/PID/syscall to see the process wait on its input")
    environment = dict(os.environ)  # the test's own cache, the library indexed
    process = subprocess.Popen(
        [POVCLI, "check", "-"], env=environment, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_as_from_a_shell,
    )  # fmt: skip
    try:
        for _ in range(6000):  # a real hang fails at the deadline below, not a slow machine
            if process.poll() is not None or _blocked_reading_stdin(process.pid):
                break
            time.sleep(0.01)
        process.send_signal(signal.SIGINT)
        # stdin stays open, as when a person presses Ctrl-C (closing it first would let the
        # command read an empty article before it sees the signal)
        process.wait(timeout=60)
        stderr = process.stderr.read() if process.stderr else ""
    finally:
        process.kill()
        if process.stdin:
            process.stdin.close()
    assert process.returncode == 130, stderr
    assert stderr == ""


def test_traceback_only_with_debug(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    import povcli.cli
    import povcli.cli.base

    def explode(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(povcli.cli.base, "app", explode)
    with pytest.raises(SystemExit) as caught:
        povcli.cli.main()
    assert caught.value.code == 2
    assert capsys.readouterr().err == (
        "error: internal error: RuntimeError('boom') (hint: rerun with POVCLI_DEBUG=1)\n"
    )
    monkeypatch.setenv("POVCLI_DEBUG", "1")
    with pytest.raises(RuntimeError):
        povcli.cli.main()


def test_no_escape_codes_when_piped(tmp_path: Path) -> None:
    for args in (["list"], ["search", "光伏"], ["verify", "growth"], ["show", "income-2013"]):
        run = _run(args, tmp_path)
        assert "\x1b[" not in run.stdout


def test_no_color_is_honoured(tmp_path: Path) -> None:
    run = _run(["verify", "growth"], tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", run.stdout)
    colored = _run(["verify", "growth"], tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert re.search(r"\x1b\[[0-9;]*3[0-7]m", colored.stdout)


@pytest.mark.parametrize("command", [*COMMANDS, ""])
def test_help_has_a_real_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"] if command else ["--help"])
    assert result.exit_code == 0
    assert "povcli" in result.stdout
    if command:
        assert "Example: povcli " + command in result.stdout.replace("\n", " ")


def test_completion_offers_ids_and_check_names(tmp_path: Path) -> None:
    def complete(words: str) -> list[str]:
        env = {"_POVCLI_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - 1)}  # fmt: skip
        return str(_run([], tmp_path, env=env).stdout).split()

    assert complete("povcli show income-20") == [
        "income-2013", "income-2019", "income-2020-q1-q3",
    ]  # fmt: skip
    assert complete("povcli verify grow") == ["growth", "growth-real"]


# ----------------------------------------------------------------- fuzzing

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FACT_KEYS = ["id", "section", "topic", "subject", "label", "value", "unit", "written", "quote",
             "period", "qualifier", "value_max", "aliases", "note", "extra"]  # fmt: skip
facts = st.lists(st.dictionaries(st.sampled_from(FACT_KEYS), values, max_size=10), max_size=5)
catalogs = st.one_of(
    values,
    st.fixed_dictionaries({"facts": facts}, optional={"source": values, "checks": values}),
)


def _loads_or_fails_cleanly(tmp_path: Path, data: Any) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for check in (load_catalog, validate_catalog):
        try:
            check(path)
        except CatalogError as exc:
            assert exc.code == 2
            assert exc.message.strip() and "\n" not in exc.message


FUZZ_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture],
}
# the default tier tries 60 catalogs; the slow tier 1,500
test_fuzz_catalogs_load_or_fail_cleanly = settings(max_examples=60, **FUZZ_SETTINGS)(
    given(data=catalogs)(_loads_or_fails_cleanly)
)
test_fuzz_many_catalogs_load_or_fail_cleanly = pytest.mark.slow(
    settings(max_examples=1500, **FUZZ_SETTINGS)(given(data=catalogs)(_loads_or_fails_cleanly))
)


WORDS = st.sampled_from(
    ["光伏", "guangfu", "1122", "329万", "", " ", "-", "--", "(", "income-2013", "growth",
     "lead", "json", "csv", "yaml", "table", "zh", "en", "0", "-1", "1e9", "nan", "inf",
     "４８７５", "貧困縣", "person", "station"]
) | st.text(max_size=12)  # fmt: skip
OPTIONS = st.sampled_from(
    ["--format", "--lang", "--section", "--topic", "--unit", "--min", "--max", "--limit",
     "--years", "--claimed", "--context", "--uncurated", "--clean", "--reviewer"]
)  # fmt: skip
COMMAND_NAMES = st.sampled_from(["list", "show", "search", "verify", "calc", "info", "validate"])
CALC_KINDS = st.sampled_from(["cagr", "growth", "share", "ratio", "yoy", "sum"])


@st.composite
def arguments(draw: st.DrawFn) -> list[str]:
    command = draw(COMMAND_NAMES)
    args = [command]
    if command == "calc":
        args.append(draw(CALC_KINDS))
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            args.append(draw(OPTIONS))
        args.append(draw(WORDS))
    return args


def _never_crashes(args: list[str], main: Any) -> None:
    run = main(args)
    assert run.returncode in (0, 1, 2), (args, run.returncode)
    if run.returncode == 2:
        # a usage or data error is one line, never the last guard's "internal error"
        _assert_one_line_error(run)


ARGUMENT_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture],
}
# the default tier tries 150 command lines; the slow tier 2,000
test_fuzz_arguments_never_crash = settings(max_examples=150, **ARGUMENT_SETTINGS)(
    given(args=arguments())(_never_crashes)
)
test_fuzz_many_arguments_never_crash = pytest.mark.slow(
    settings(max_examples=2000, **ARGUMENT_SETTINGS)(given(args=arguments())(_never_crashes))
)
