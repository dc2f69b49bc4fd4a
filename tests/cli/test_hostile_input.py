"""Issue 11, hostile input: catalogs, articles and arguments from strangers never hang, leak
or paint the terminal. One section per item of the issue; each test fails on the code before it.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from povcli.article.extract import Sentences, Spans
from povcli.files import MAX_ARTICLE_BYTES, read_article
from povcli.numbers import NumberTooLarge, parse_quantity
from povcli.output.formats import safe_text, to_json
from tests.helpers import SMALL_CATALOG, SMALL_SOURCE, run_povcli, write_catalog

POVCLI = str(Path(sys.executable).parent / "povcli")
MEMORY_LIMIT = 1024 * 2**20  # the bound: 1 GB
TIMEOUT = 60  # only a real hang takes this long
ROOT_EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "report-card.txt"


def _run(args: list[str], tmp_path: Path, env: dict[str, str] | None = None, **kw: Any) -> Any:
    """The real command in a child with 1 GB of address space (the issue's bound)."""
    return run_povcli(args, tmp_path, env, MEMORY_LIMIT, **kw)


def _one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: "), stderr
    assert "internal error" not in lines[0] and "Traceback" not in stderr
    return lines[0]


# ----------------------------------------------------------------- 1. data shown as text

MARKUP = "[link=file:///etc/passwd]CLICKME[/link]"
EVIL_LABEL = "\x1b[31mRED\x1b[2J \u202eevil\x85"


def _evil_catalog(folder: Path) -> Path:
    catalog = (
        SMALL_CATALOG.replace("subject: 村", f'subject: "{MARKUP}"')
        .replace("label: Villages", 'label: "\\e[31mRED\\e[2J \\u202eevil\\x85"')
        .replace("title: 標題", 'title: "[bold]T[/bold]\\e]8;;http://x\\e\\\\"')
    )
    return write_catalog(folder, catalog)


def _assert_shown_as_text(output: str) -> None:
    assert "\x1b" not in output and "\u202e" not in output and "\x85" not in output
    assert "␛[31mRED␛[2J" in output
    assert "<U+202E>evil<U+0085>" in output


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--lang", "en"],
        ["show", "villages"],
        # (a word of the label: "RED" follows "[31m", and English matches from a word's start)
        ["search", "evil", "--lang", "en"],
    ],
    ids=["list", "show", "search"],
)
def test_catalog_text_is_never_markup_or_escape_codes(
    cli: Any, tmp_path: Path, args: list[str]
) -> None:
    catalog = _evil_catalog(tmp_path / "evil")
    run = cli(*args, "--facts", str(catalog))
    assert run.exit_code == 0, run.stderr
    _assert_shown_as_text(run.stdout)


def test_markup_in_a_subject_is_shown_literally(cli: Any, tmp_path: Path) -> None:
    catalog = _evil_catalog(tmp_path / "evil")
    for args in (["list"], ["show", "villages"], ["search", "CLICKME"]):
        run = cli(*args, "--facts", str(catalog), env={"COLUMNS": "200"})
        assert MARKUP in run.stdout, (args, run.stdout)


def test_info_shows_source_fields_as_text(cli: Any, tmp_path: Path) -> None:
    run = cli("info", "--facts", str(_evil_catalog(tmp_path / "evil")))
    assert run.exit_code == 0, run.stderr
    assert "\x1b" not in run.stdout
    assert "[bold]T[/bold]␛]8;;http://x␛\\" in run.stdout


def test_validate_table_shows_ids_as_text(cli: Any, tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path / "c", SMALL_CATALOG.replace("id: villages", 'id: "\\e[2J"'))
    run = cli("validate", str(catalog))
    assert run.exit_code == 2
    assert "\x1b" not in run.stdout
    assert "␛[2J" in run.stdout


def test_context_from_the_source_text_is_shown_as_text(cli: Any, tmp_path: Path) -> None:
    source = SMALL_SOURCE.replace("共有5個村。", "[red]共有5個村[/red]\x1b[2J。")
    catalog = write_catalog(tmp_path / "c", source=source)
    run = cli("show", "villages", "--context", "--facts", str(catalog), env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.stderr
    assert "[red]共有5個村[/red]␛[2J。" in run.stdout


def test_json_keeps_the_exact_strings(cli: Any, tmp_path: Path) -> None:
    run = cli("list", "--facts", str(_evil_catalog(tmp_path / "evil")), "-f", "json")
    facts = {fact["id"]: fact for fact in json.loads(run.stdout)}
    assert facts["villages"]["subject"] == MARKUP
    assert facts["villages"]["label"] == EVIL_LABEL
    # escaped as JSON escapes: nothing a terminal acts on is written raw
    assert "\x1b" not in run.stdout and "\u202e" not in run.stdout and "\x85" not in run.stdout
    assert "\\u202e" in run.stdout


def test_error_lines_show_names_as_text(cli: Any, tmp_path: Path) -> None:
    run = cli("list", "--facts", str(tmp_path / "\x1b[31mred\u202e.yaml"))
    assert run.exit_code == 2
    assert "\x1b" not in run.stderr and "\u202e" not in run.stderr
    assert "␛[31mred<U+202E>.yaml" in _one_line_error(run.stderr)


def test_cleaned_article_shows_controls(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "page.txt"
    article.write_text("標題\n\n全鎮\x1b[2J建成7座電站\u202e。\n", encoding="utf-8")
    run = cli("extract", str(article), "--clean")
    assert run.stdout == "標題\n\n全鎮␛[2J建成7座電站<U+202E>。\n"


def test_safe_text_makes_controls_visible() -> None:
    assert safe_text("a\x1bb") == "a␛b"
    assert safe_text("\r\x00\x7f") == "␍␀␡"
    assert safe_text("x\u202ey\u2066z") == "x<U+202E>y<U+2066>z"
    assert safe_text("\x9b31m") == "<U+009B>31m"
    assert safe_text("貧困縣 [b]x[/b]\tok\n") == "貧困縣 [b]x[/b]\tok\n"


# ----------------------------------------------------------------- 2. source.text confined


def _shadow_catalog(folder: Path, text: str, quote: str = "root:") -> Path:
    catalog = SMALL_CATALOG.replace("text: source.txt", f"text: {text}")
    catalog = catalog.replace("quote: 共有5個村", f"quote: '{quote}'").replace(
        "written: 5個", "written: '5個'"
    )
    return write_catalog(folder, catalog)


def test_source_text_outside_the_catalog_folder_is_refused(cli: Any, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0 共有5個村\n", encoding="utf-8")
    for text in (str(secret), "../secret.txt", "sub/../../secret.txt"):
        catalog = _shadow_catalog(tmp_path / "c", text)
        run = cli("show", "villages", "--context", "--facts", str(catalog))
        assert run.exit_code == 2, (text, run.stdout)
        assert "root:x" not in run.stdout
        assert "source.text" in _one_line_error(run.stderr)
        assert cli("info", "--facts", str(catalog)).exit_code == 2


def test_validate_is_no_oracle_for_files_outside(cli: Any, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    reports = []
    for name, quote in (("present", "root:"), ("absent", "no such text")):
        run = cli(
            "validate", str(_shadow_catalog(tmp_path / name, str(secret), quote)), "-f", "json"
        )
        assert run.exit_code == 2
        reports.append([p["problem"] for p in json.loads(run.stdout)["problems"]])
    assert reports[0] == reports[1]
    assert any("relative to the catalog's folder" in message for message in reports[0])


def test_source_text_with_a_nul_is_an_error_not_a_crash(cli: Any, tmp_path: Path) -> None:
    catalog = write_catalog(
        tmp_path / "c", SMALL_CATALOG.replace("text: source.txt", 'text: "a\\0b"')
    )
    run = cli("show", "villages", "--context", "--facts", str(catalog))
    assert run.exit_code == 2
    assert "source.text must name a file" in _one_line_error(run.stderr)


def test_source_text_symlink_leading_outside_is_refused(cli: Any, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(SMALL_SOURCE, encoding="utf-8")
    catalog = write_catalog(tmp_path / "c")
    (catalog.parent / "source.txt").unlink()
    (catalog.parent / "source.txt").symlink_to(outside)
    run = cli("show", "villages", "--context", "--facts", str(catalog))
    assert run.exit_code == 2
    assert "symbolic link" in _one_line_error(run.stderr)
    # a link that stays inside the folder is fine
    (catalog.parent / "texts").mkdir()
    (catalog.parent / "texts" / "real.txt").write_text(SMALL_SOURCE, encoding="utf-8")
    (catalog.parent / "source.txt").unlink()
    (catalog.parent / "source.txt").symlink_to(catalog.parent / "texts" / "real.txt")
    assert cli("show", "villages", "--context", "--facts", str(catalog)).exit_code == 0


def test_source_text_over_the_size_limit_is_refused(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import povcli.model

    monkeypatch.setattr(povcli.model, "MAX_CATALOG_BYTES", 64)
    catalog = write_catalog(tmp_path / "c")
    run = cli("show", "villages", "--context", "--facts", str(catalog))
    assert run.exit_code == 2
    assert "source text is too large" in _one_line_error(run.stderr)


# ----------------------------------------------------------------- 3. special files


def test_device_as_catalog_is_refused_without_reading(tmp_path: Path) -> None:
    run = _run(["list"], tmp_path, env={"POVCLI_FACTS": "/dev/zero"})
    assert run.returncode == 2
    assert "not a regular file" in _one_line_error(run.stderr)


def test_fifo_catalog_without_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "facts.yaml"
    os.mkfifo(fifo)
    for args in (["list", "--facts", str(fifo)], ["validate", str(fifo)]):
        run = _run(args, tmp_path)
        assert run.returncode == 2
        assert "FIFO" in _one_line_error(run.stderr)


def test_fifo_source_text_does_not_hang(tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path / "c")
    (catalog.parent / "source.txt").unlink()
    os.mkfifo(catalog.parent / "source.txt")
    for args in (["show", "villages", "--context"], ["info"]):
        run = _run([*args, "--facts", str(catalog)], tmp_path)
        if args[0] == "info":  # info names the file and does not read it
            assert run.returncode == 0, run.stderr
            continue
        assert run.returncode == 2
        assert "not a regular file" in _one_line_error(run.stderr)
    run = _run(["validate", str(catalog), "-f", "json"], tmp_path)
    assert run.returncode == 2
    assert "not a regular file" in json.loads(run.stdout)["problems"][0]["problem"]


def test_extract_refuses_a_device(tmp_path: Path) -> None:
    run = _run(["extract", "/dev/zero"], tmp_path)
    assert run.returncode == 2
    assert "character device" in _one_line_error(run.stderr)


def test_extract_stdin_is_bounded(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zeros:
        run = _run(["extract", "-"], tmp_path, stdin=zeros)
    assert run.returncode == 2
    assert "article is too large" in _one_line_error(run.stderr)


def test_extract_fifo_without_writer_ends_and_with_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    run = _run(["extract", str(fifo)], tmp_path)
    assert run.returncode == 2
    assert "article is empty" in _one_line_error(run.stderr)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write("標題\n\n全鎮建成7座電站。\n")

    writer = threading.Thread(target=feed)
    writer.start()
    run = _run(["extract", str(fifo), "-f", "json"], tmp_path)
    writer.join(TIMEOUT)
    assert run.returncode == 0, run.stderr
    assert [m["written"] for m in json.loads(run.stdout)] == ["7座"]


# ----------------------------------------------------------------- 4. huge numbers

DIGITS_1001 = "1" + "0" * 1000
DIGITS_400 = "9" * 400


def test_huge_numbers_in_arguments_are_one_line_errors(cli: Any) -> None:
    run = cli("calc", "growth", DIGITS_1001, "2")
    assert run.exit_code == 2
    assert "number too large: 1001 digits; povcli handles up to 1e300" in run.stderr
    run = cli("search", "光伏", "--min", DIGITS_400)
    assert run.exit_code == 2
    assert _one_line_error(run.stderr) == (
        "error: --min: number too large: 400 digits; povcli handles up to 1e300"
    )
    run = cli("calc", "cagr", "1", "2", "--years", "5", "--claimed", DIGITS_400)
    assert run.exit_code == 2
    assert "number too large: 400 digits" in run.stderr


def test_a_huge_number_as_a_query_is_searched_as_text(cli: Any) -> None:
    run = cli("search", DIGITS_400)
    assert run.exit_code == 1  # nothing matches; not an internal error
    assert run.stderr.startswith("no facts match '9999")


@pytest.mark.parametrize("digits", [350, 5000])
@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "villages"], ["search", "村"], ["verify"], ["validate"]],
    ids=["list", "show", "search", "verify", "validate"],
)
def test_huge_catalog_values_are_refused_by_every_command(
    main: Any, tmp_path: Path, args: list[str], digits: int
) -> None:
    value = "1" + "0" * (digits - 1)
    catalog = write_catalog(
        tmp_path / "c", SMALL_CATALOG.replace("value: 5\n", f"value: {value}\n")
    )
    if args == ["validate"] and digits == 350:  # a problem in the report, as every other
        run = main([*args, "--facts", str(catalog), "-f", "json"])
        assert run.returncode == 2
        problems = [p["problem"] for p in json.loads(run.stdout)["problems"]]
        assert f"value: number too large: {digits} digits; povcli handles up to 1e300" in problems
        return
    run = main([*args, "--facts", str(catalog)])
    assert run.returncode == 2
    assert f"number too large: {digits} digits; povcli handles up to 1e300" in _one_line_error(
        run.stderr
    )


def test_parser_refuses_past_1e300() -> None:
    assert parse_quantity("1" + "0" * 300).value == 10**300
    for written in ("1" + "0" * 301, "1" + "0" * 297 + "萬", "九" * 400, "3至" + DIGITS_400):
        with pytest.raises(NumberTooLarge, match="number too large"):
            parse_quantity(written)


# ----------------------------------------------------------------- 5. NaN and infinity


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_json_output_never_holds_nan_or_infinity(cli: Any) -> None:
    run = cli("calc", "cagr", "1", "2", "--years", "5e-324", "--format", "json")
    result = _strict_json(run.stdout)
    assert result["verdict"] == "unverifiable"
    assert result["computed"] is None
    assert "too large to compute" in result["explanation"]
    # an open-ended figure: its upper bound is null, not Infinity
    run = cli("calc", "growth", "20個以上", "30", "-f", "json")
    assert _strict_json(run.stdout)["inputs"][0]["bounds"] == [20, None]


def test_to_json_turns_non_finite_numbers_into_null() -> None:
    data = {"a": math.nan, "b": [math.inf, -math.inf, 1.5], "c": {"d": 2}}
    assert _strict_json(to_json(data)) == {"a": None, "b": [None, None, 1.5], "c": {"d": 2}}


@pytest.mark.parametrize(
    ("value", "problem"),
    [(".nan", "value must be a number, not NaN"), (".inf", "must be a finite number")],
)
def test_nan_and_infinite_values_are_refused(
    cli: Any, tmp_path: Path, value: str, problem: str
) -> None:
    catalog = write_catalog(
        tmp_path / "c", SMALL_CATALOG.replace("value: 5\n", f"value: {value}\n")
    )
    run = cli("list", "--facts", str(catalog), "-f", "json")
    assert run.exit_code == 2
    assert problem in _one_line_error(run.stderr)
    run = cli("validate", str(catalog), "-f", "json")
    assert run.exit_code == 2
    assert problem in " ".join(p["problem"] for p in _strict_json(run.stdout)["problems"])


def test_nan_periods_of_a_check_are_refused(cli: Any, tmp_path: Path) -> None:
    check = (
        "checks:\n  - id: g\n    kind: cagr\n    periods: .nan\n"
        "    inputs: {start: income-2013, end: income-2019}\n"
    )
    catalog = write_catalog(tmp_path / "c", SMALL_CATALOG.replace("checks: []\n", check))
    run = cli("validate", str(catalog), "-f", "json")
    assert run.exit_code == 2
    assert "periods must be a number, not NaN" in run.stdout
    assert cli("verify", "--facts", str(catalog)).exit_code == 2


# ----------------------------------------------------------------- 6. extract is linear


def test_extract_of_a_large_article_finishes(tmp_path: Path) -> None:
    """Every copy of the text holds the catalog's quotes, names and dates: the old
    scanner compared each mention with every placed fact (hours for this text)."""
    copy = SMALL_SOURCE.replace("標題\n\n", "") + "十三五期間1月5日共有3所學校\n"
    article = tmp_path / "article.txt"
    article.write_text("標題\n\n" + copy * 3000, encoding="utf-8")  # about 350 KB
    catalog = write_catalog(tmp_path / "c")
    run = _run(["extract", str(article), "--facts", str(catalog), "-f", "csv"], tmp_path)
    assert run.returncode == 0, run.stderr
    # each copy: 2013年 and 2019年 (dates), 100元, 200元, 12.2%, 5個, 十三五 (a name),
    # 1月5日 (a date), 3所; four of them tied to facts
    assert run.stderr.strip().endswith(
        "27000 mentions, 15000 statistics, 12000 linked to facts (coverage 80.0%), 3000 uncurated"
    )


def test_articles_over_the_limit_are_refused_up_front(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    with open(article, "wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: nothing is written
    run = _run(["extract", str(article)], tmp_path)
    assert run.returncode == 2
    assert f"article is too large (over {MAX_ARTICLE_BYTES // 2**20} MB)" in _one_line_error(
        run.stderr
    )


def test_extract_table_shows_a_limited_number_of_rows(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("標題\n\n" + "".join(f"甲地有{n}個村。" for n in range(1, 81)))
    run = cli("extract", str(article), env={"COLUMNS": "200"})
    assert run.exit_code == 0
    assert "showing 50 of 80 mentions (--limit 0 shows all)" in run.stderr
    run = cli("extract", str(article), "--limit", "0", "-f", "json")
    assert len(json.loads(run.stdout)) == 80


def test_sentences_and_spans_are_found_by_bisection() -> None:
    text = "甲有1個。乙有2個\n丙有3個"
    sentences = Sentences(text)
    assert sentences.around(2, 4) == "甲有1個。"
    assert sentences.around(7, 9) == "乙有2個"
    assert sentences.around(12, 14) == "丙有3個"
    spans = Spans([(10, 20), (0, 5), (12, 14)])
    assert spans.holds(11, 20) and spans.holds(12, 14) and spans.holds(0, 5)
    assert not spans.holds(4, 6) and not spans.holds(19, 21) and not spans.holds(5, 9)


# ----------------------------------------------------------------- 8. messages


def _article(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "name", "text"),
    [
        ("gb18030", "GB18030", "山西日报\n\n全省58个贫困县全部摘帽，全部脱贫。\n"),
        ("big5", "Big5", "山西日報\n\n全省58個貧困縣全部摘帽，全部脫貧。\n"),
        ("utf-16", "UTF-16", "山西日报\n\n全省58个贫困县全部摘帽。\n"),
    ],
    ids=["gb18030", "big5", "utf-16"],
)
def test_articles_in_chinese_legacy_encodings_are_read(
    cli: Any, tmp_path: Path, encoding: str, name: str, text: str
) -> None:
    path = _article(tmp_path, "page.txt", text.encode(encoding))
    run = cli("extract", str(path), "-f", "json")
    assert run.exit_code == 0, run.stderr
    assert f"note: read {path} as {name}" in run.stderr.splitlines()
    assert [m["value"] for m in json.loads(run.stdout)] == [58]
    assert read_article(str(path)).text == text


def test_undecodable_articles_are_called_articles(cli: Any, tmp_path: Path) -> None:
    cases = {
        "latin.txt": ("café crème brûlée ÿÿ".encode("latin-1"), "not text in UTF-8"),
        "bin.dat": (bytes(range(256)) * 8, "article looks binary"),
        "empty.txt": (b" \n", "article is empty"),
    }
    for name, (data, message) in cases.items():
        run = cli("extract", str(_article(tmp_path, name, data)))
        assert run.exit_code == 2, name
        line = _one_line_error(run.stderr)
        assert message in line and "catalog" not in line, line


def test_years_messages(cli: Any) -> None:
    run = cli("calc", "cagr", "1", "2", "--years", "1e400")
    assert run.exit_code == 2
    assert "number too large" in run.stderr and "above zero" not in run.stderr
    run = cli("calc", "cagr", "1", "2", "--years", "0.0001", "-f", "json")
    result = _strict_json(run.stdout)
    assert result["verdict"] == "unverifiable"
    assert "too large to compute" in result["explanation"]
    assert "zero or negative" not in result["explanation"]


@pytest.mark.parametrize("fmt", ["csv", "json", "yaml", "table"])
def test_output_the_encoding_cannot_hold_is_a_one_line_error(tmp_path: Path, fmt: str) -> None:
    run = _run(["list", "--format", fmt], tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert run.returncode == 2
    assert run.stdout == ""  # nothing half-written
    assert "output encoding (ascii)" in _one_line_error(run.stderr)
    assert len(run.stderr) < 300


# ================================================================= issue 22: round 3
# One section per row of the issue; each test fails on the code before it.

# ----------------------------------------------------------------- 1. alias bombs


def _alias_bomb(depth: int = 10, width: int = 10) -> str:
    """A flow list of anchored lists, each holding `width` aliases of the one before:
    a few hundred bytes standing for width ** depth strings."""
    levels = ["&a0 [" + ", ".join(["x"] * width) + "]"]
    levels += [f"&a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]" for n in range(1, depth)]
    return "[" + ", ".join(levels) + "]"


BOMBED = {
    "topic": lambda bomb: SMALL_CATALOG.replace("topic: [village]", f"topic: {bomb}"),
    "aliases": lambda bomb: SMALL_CATALOG.replace(
        "topic: [village]", f"topic: [village]\n    aliases: {bomb}"
    ),
    "inputs": lambda bomb: SMALL_CATALOG.replace(
        "checks: []\n",
        f"checks:\n  - id: g\n    kind: sum\n    inputs: {{parts: {bomb}, total: villages}}\n",
    ),
}


BOMB_COMMANDS = {
    "validate": ["validate", "CATALOG"],
    "list": ["list", "--facts", "CATALOG"],
    "verify": ["verify", "--facts", "CATALOG"],
    "check": ["check", "ARTICLE", "--facts", "CATALOG"],
}
# every command with the bomb in `topic`, and every place through `list`; the slow tier
# runs every command with every place
BOMB_CASES = [
    pytest.param(where, command, id=f"{command}-{where}",
                 marks=[] if where == "topic" or command == "list" else [pytest.mark.slow])
    for where in BOMBED
    for command in BOMB_COMMANDS
]  # fmt: skip


@pytest.mark.parametrize(("where", "command"), BOMB_CASES)
def test_an_alias_bomb_is_refused_at_once(tmp_path: Path, where: str, command: str) -> None:
    args = BOMB_COMMANDS[command]
    catalog = write_catalog(tmp_path / "c", BOMBED[where](_alias_bomb()))
    assert catalog.stat().st_size < 2500  # the 2 KB catalog
    article = tmp_path / "article.txt"
    article.write_text("標題\n\n全縣共有5個村。\n", encoding="utf-8")
    paths = {"CATALOG": str(catalog), "ARTICLE": str(article)}
    run = _run([paths.get(a, a) for a in args], tmp_path, timeout=30)
    assert run.returncode == 2, run.stderr
    line = _one_line_error(run.stderr)
    assert "aliases expand" in line and str(catalog) in line


def test_a_recursive_alias_is_refused(cli: Any, tmp_path: Path) -> None:
    """An alias inside the collection it names is a cycle: nothing may walk it."""
    catalog = write_catalog(
        tmp_path / "c",
        SMALL_CATALOG.replace("  sections:\n", "  restorations: [&r {a: *r}]\n  sections:\n"),
    )
    for args in (["list", "--facts", str(catalog)], ["validate", str(catalog)]):
        run = cli(*args)
        assert run.exit_code == 2, run.stdout
        assert "refers to the collection that holds it" in _one_line_error(run.stderr)


# ----------------------------------------------------------------- 2, 3, 14, 18. report -o

PLAIN_ARTICLE = "標題\n\n全縣共有5個村。\n"  # no relation: report exits 0


def _plain_article(folder: Path) -> Path:
    article = folder / "article.txt"
    article.write_text(PLAIN_ARTICLE, encoding="utf-8")
    return article


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_report_onto_a_device_writes_through_it(tmp_path: Path) -> None:
    """As root, `-o /dev/null` renamed a temporary file over the device node."""
    import stat

    null, full = tmp_path / "null", tmp_path / "full"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    article = _plain_article(tmp_path)
    run = _run(["report", str(article), "-o", str(null)], tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith(f"wrote {null}: ")
    run = _run(["report", str(article), "-o", str(full)], tmp_path)
    assert run.returncode == 2
    assert _one_line_error(run.stderr) == (f"error: cannot write {full}: No space left on device")
    for node in (null, full):
        assert stat.S_ISCHR(node.stat().st_mode), node  # still the device
    assert _leftovers(tmp_path) == []


def test_report_onto_a_fifo_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    article = _plain_article(tmp_path)
    run = _run(["report", str(article), "-o", str(fifo)], tmp_path)
    assert run.returncode == 2  # nobody reads: said at once, no hang
    assert "nothing reads from the FIFO" in _one_line_error(run.stderr)
    reading = os.open(fifo, os.O_RDWR)  # a reader (on Linux, opening both ends never waits)
    received = bytearray()

    def read() -> None:
        while not received.rstrip().endswith(b"</html>"):
            received.extend(os.read(reading, 65536))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    run = _run(["report", str(article), "-o", str(fifo)], tmp_path)
    reader.join(TIMEOUT)
    os.close(reading)
    assert run.returncode == 0, run.stderr
    assert received.decode("utf-8").startswith("<!DOCTYPE html>")
    assert os.path.exists(fifo) and not os.path.isfile(fifo)
    assert _leftovers(tmp_path) == []


def test_report_refuses_a_socket(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        run = _run(["report", str(_plain_article(tmp_path)), "-o", str(path)], tmp_path)
        assert run.returncode == 2
        assert _one_line_error(run.stderr) == (
            f"error: cannot write {path}: it is a socket, not a file"
        )
        assert path.is_socket()


def test_report_never_replaces_a_file_unless_forced(cli: Any, tmp_path: Path) -> None:
    article = _plain_article(tmp_path)
    mine = tmp_path / "notes.txt"
    mine.write_text("mine\n", encoding="utf-8")
    mine.chmod(0o600)
    link = tmp_path / "link.txt"
    os.link(mine, link)
    for target in (article, mine, link):
        run = cli("report", str(article), "-o", str(target))
        assert run.exit_code == 2
        assert _one_line_error(run.stderr) == (
            f"error: {target} exists (hint: choose another name, or add --force)"
        )
    assert article.read_text(encoding="utf-8") == PLAIN_ARTICLE
    assert mine.read_text(encoding="utf-8") == "mine\n" and mine.stat().st_nlink == 2
    run = cli("report", str(article), "-o", str(mine), "--force")
    assert run.exit_code == 0, run.stderr
    assert mine.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert mine.stat().st_mode & 0o777 == 0o600  # replaced, keeping its permissions
    assert _leftovers(tmp_path) == []


def test_a_catalog_report_never_replaces_the_source_text(cli: Any, tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path / "c")
    text = catalog.parent / "source.txt"
    run = cli("report", "--facts", str(catalog), "-o", str(text))
    assert run.exit_code == 2
    assert f"{text} exists" in _one_line_error(run.stderr)
    assert text.read_text(encoding="utf-8") == SMALL_SOURCE


def test_report_to_stdout_with_a_dash(cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("report", str(_plain_article(tmp_path)), "-o", "-")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("<!DOCTYPE html>")
    assert not (tmp_path / "-").exists()
    assert run.stderr.startswith("report: ")


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A full disk, as the child sees it: files it writes may not pass 4 KB."""
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    article = str(_plain_article(tmp_path))
    assert _run(["check", article], tmp_path).returncode == 0  # the library's indexes, built
    run = run_povcli(["report", article, "-o", str(out)], tmp_path, file_size=4096)
    assert run.returncode == 2
    assert _one_line_error(run.stderr) == f"error: cannot write {out}: File too large"
    assert list(out.parent.iterdir()) == []


KILLED_WRITE = """
import os, signal, sys
from pathlib import Path
import povcli.files
def killed(source, target):
    os.kill(os.getpid(), signal.SIG{signal})
povcli.files.os.replace = killed
povcli.files.write_whole(Path(sys.argv[1]), "<!DOCTYPE html>" * 1000)
"""


def test_a_write_killed_before_its_rename_leaves_nothing(tmp_path: Path) -> None:
    """SIGTERM between the write and the rename: the temporary file is removed on the way
    out; after SIGKILL, by the next write to that folder."""
    out = tmp_path / "report.html"
    for signal_name, code in (("TERM", 143), ("KILL", -9)):
        script = KILLED_WRITE.replace("{signal}", signal_name)
        done = subprocess.run([sys.executable, "-c", script, str(out)], timeout=TIMEOUT)
        assert done.returncode == code, signal_name
        if signal_name == "TERM":
            assert list(tmp_path.iterdir()) == []
    assert len(_leftovers(tmp_path)) == 1  # SIGKILL leaves it: nothing runs after
    live = tmp_path / f".report.html.{os.getpid()}.a1b2c3.povcli-tmp"  # a write under way
    live.write_text("", encoding="utf-8")
    run = _run(["report", str(_plain_article(tmp_path)), "-o", str(out)], tmp_path)
    assert run.returncode == 0, run.stderr
    assert _leftovers(tmp_path) == [live.name]


# ----------------------------------------------------------------- 16. output refused


@pytest.mark.parametrize(
    ("args", "fmt"),
    [(["list"], fmt) for fmt in ("table", "json", "csv", "yaml")]
    + [pytest.param(["show", "income-2013"], fmt, marks=[] if fmt == "json" else
                    [pytest.mark.slow]) for fmt in ("table", "json", "csv", "yaml")],
)  # fmt: skip
def test_output_to_a_full_device_is_a_one_line_error(
    tmp_path: Path, fmt: str, args: list[str]
) -> None:
    with open("/dev/full", "w") as full:
        run = _run([*args, "--format", fmt], tmp_path, stdout=full)
    assert run.returncode == 2
    assert _one_line_error(run.stderr) == "error: cannot write output: No space left on device"


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_closed_standard_output_is_a_one_line_error(tmp_path: Path, fmt: str) -> None:
    closed = ["sh", "-c", 'exec "$0" "$@" >&-', POVCLI]  # povcli with no stdout at all
    run = _run(["list", "--format", fmt], tmp_path, program=closed)
    assert run.returncode == 2
    assert _one_line_error(run.stderr) == ("error: cannot write output: standard output is closed")


# ----------------------------------------------------------------- 5. unclosed hidden blocks

UNCLOSED_SCRIPTS = "標題\n\n" + "<script>" * 20000 + "\n全縣共有5個村。\n"  # 160 KB


@pytest.mark.parametrize(
    "args",
    [["extract", "--clean"], ["check"], ["report"], ["draft", "-o", "draft.yaml"]],
    ids=["extract", "check", "report", "draft"],
)
def test_unclosed_script_tags_are_linear_and_said(tmp_path: Path, args: list[str]) -> None:
    """Every unclosed opener made the old pattern rescan to the end: 30 s and more."""
    article = tmp_path / "page.txt"
    article.write_text(UNCLOSED_SCRIPTS, encoding="utf-8")
    run = _run([args[0], str(article), *args[1:]], tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith(
        "warning: input offset 4: '<script>': 20000 <script> tags never closed: the text after"
        " them is kept as the article's\n"
    )
    if args[0] == "extract":
        assert run.stdout == "標題\n\n全縣共有5個村。\n"


# ----------------------------------------------------------------- 12. bidirectional controls

# the later level reversed: shown as 元0039的年9102, and lost to the relation before
REVERSED_RATE = "標題\n\n農民收入從2014年的5100元增加到\u202e2019年的9300元\u202c,年均增長16.5%。\n"


def test_a_reversed_figure_stays_in_its_relation(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "page.txt"
    article.write_text(REVERSED_RATE, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(REVERSED_RATE.replace("\u202e", "").replace("\u202c", ""), "utf-8")
    run = cli("check", str(article), "-f", "json")
    assert run.exit_code == 1  # the planted wrong rate, found as in the plain text
    (relation,) = json.loads(run.stdout)
    (expected,) = json.loads(cli("check", str(plain), "-f", "json").stdout)
    assert relation["verdict"] == expected["verdict"] == "inconsistent"
    assert [i["written"] for i in relation["inputs"]] == ["5100元", "9300元"]
    assert "bidirectional control U+202E taken out" in run.stderr


def test_a_reversed_figure_is_shown_in_the_report(cli: Any, tmp_path: Path) -> None:
    import html as html_module

    article = tmp_path / "page.txt"
    article.write_text(REVERSED_RATE, encoding="utf-8")
    out = tmp_path / "report.html"
    run = cli("report", str(article), "-o", str(out))
    assert run.exit_code == 1
    document = out.read_text(encoding="utf-8")
    assert "\u202e" not in document and "\u202c" not in document
    # where the controls were, visibly; the figure between them marked, in its relation
    shown = html_module.unescape(re.sub(r"<(?!U\+)[^>]*>", "", document))
    assert "增加到<U+202E>2019年的9300元<U+202C>,年均增長16.5%。" in shown
    assert re.search(r'<a class="fig inconsistent"[^>]*>9300元</a>', document)


def test_catalog_strings_in_the_report_show_their_controls(cli: Any, tmp_path: Path) -> None:
    catalog = write_catalog(
        tmp_path / "c", SMALL_CATALOG.replace("title: 標題", 'title: "標題\\u202e\\x1b[2J"')
    )
    out = tmp_path / "report.html"
    cli("report", "--facts", str(catalog), "-o", str(out))
    document = out.read_text(encoding="utf-8")
    assert "\u202e" not in document and "\x1b" not in document
    assert "標題&lt;U+202E&gt;␛[2J" in document


# ----------------------------------------------------------------- 7. one long sentence


@pytest.mark.parametrize(
    ("fmt", "count"),
    [("json", 5000), ("csv", 5000)]
    + [pytest.param(fmt, 50000, marks=pytest.mark.slow) for fmt in ("json", "csv")],
)
def test_a_long_sentence_is_written_once(tmp_path: Path, fmt: str, count: int) -> None:
    """Each mention carried its whole sentence: for 50,000 figures in 100 KB, over 4 GB
    of JSON (the slow tier runs that; 5,000 show the same)."""
    many_in_one = "標題\n\n" + "1," * count + "\n"  # one sentence of `count` figures
    article = tmp_path / "page.txt"
    article.write_text(many_in_one, encoding="utf-8")
    run = _run(["extract", str(article), "-f", fmt], tmp_path)
    assert run.returncode == 0, run.stderr[-300:]
    sentence = "1," * count  # the line, up to its end
    assert run.stdout.count(sentence) == 1
    assert len(run.stdout) < 200 * len(many_in_one)  # a few hundred bytes per mention
    if fmt == "json":
        mentions = json.loads(run.stdout)
        assert len(mentions) == count
        assert {m["sentence_at"] for m in mentions} == {4}


# ----------------------------------------------------------------- 8. formulas with no answer


def _cagr_catalog(folder: Path, start: str, written: str) -> Path:
    """A valid catalog whose compound rate starts at `start` (written `written`)."""
    source = SMALL_SOURCE.replace("的100元", f"的{written}")
    catalog = (
        SMALL_CATALOG.replace("value: 100\n", f"value: {start}\n")
        .replace("written: 100元", f"written: {written}")
        .replace("的100元", f"的{written}")
        .replace(
            "checks: []\n",
            "checks:\n  - id: g\n    kind: cagr\n"
            "    inputs: {start: income-2013, end: income-2019, claimed: income-growth}\n",
        )
    )
    return write_catalog(folder, catalog, source)


@pytest.mark.parametrize(("start", "written"), [("0", "0元"), ("-100", "-100元")])
def test_a_compound_rate_from_zero_or_below_is_unverifiable(
    cli: Any, tmp_path: Path, start: str, written: str
) -> None:
    catalog = _cagr_catalog(tmp_path / "c", start, written)
    assert cli("validate", str(catalog)).exit_code == 0  # a valid catalog
    run = cli("verify", "--facts", str(catalog), "-f", "json")
    assert run.exit_code == 0, run.stderr
    (result,) = _strict_json(run.stdout)
    assert result["verdict"] == "unverifiable"
    assert result["computed"] is None and result["readings"] == []
    assert "zero or negative" in result["explanation"]
    for args in (["--chart"], ["--format", "csv"], ["--format", "yaml"]):
        run = cli("verify", "--facts", str(catalog), *args, env={"FORCE_COLOR": "1"})
        assert run.exit_code == 0, (args, run.stderr)
    out = tmp_path / "report.html"
    assert cli("report", "--facts", str(catalog), "-o", str(out)).exit_code == 0


HUGE_RATE = "標題\n\n農民收入從2014年的5100元增加到2019年的9300元,年均增長1" + "0" * 299 + "%。\n"
REVERSED_YEARS = "標題\n\n農民收入從2019年的5100元增加到2014年的9300元,年均增長16.5%。\n"


def test_an_astronomical_rate_is_judged_without_a_chart(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "page.txt"
    article.write_text(HUGE_RATE, encoding="utf-8")
    run = cli("check", str(article), "--chart", env={"FORCE_COLOR": "1"})
    assert run.exit_code == 1, run.stderr
    assert "inconsistent" in run.stdout and "year by year" not in run.stdout
    out = tmp_path / "report.html"
    run = cli("report", str(article), "-o", str(out))
    assert run.exit_code == 1, run.stderr
    assert out.read_text(encoding="utf-8").count("<svg") == 0


def test_years_in_reverse_are_no_compound_rate(cli: Any, tmp_path: Path) -> None:
    """From the later year's level to the earlier's: no number of periods to compound
    over, so nothing to call inconsistent."""
    article = tmp_path / "page.txt"
    article.write_text(REVERSED_YEARS, encoding="utf-8")
    run = cli("check", str(article), "--chart", env={"FORCE_COLOR": "1"})
    assert run.exit_code == 0, run.stderr
    run = cli("check", str(article), "-f", "json")
    (relation,) = json.loads(run.stdout)
    assert relation["verdict"] == "unverifiable"
    assert "not above zero" in relation["explanation"]
    out = tmp_path / "report.html"
    assert cli("report", str(article), "-o", str(out)).exit_code == 0


# ----------------------------------------------------------------- 13. validation by content

BRIEF = "全國扶貧簡報\n\n2019年末,全國農村貧困人口551萬人,比上年末減少1109萬人。\n"
REFERENCE = """\
source:
  id: tiny-ref
  title: Rural poor population
  publisher: compiled for a test
  date: '2026-11-29'
  kind: reference
facts:
""" + "".join(
    f"""\
  - id: poor-population-{year}
    section: population
    topic: [poverty]
    series: rural-poor-population
    scope: national
    subject: 农村贫困人口
    label: Rural poor population
    aliases: [农村贫困人口, 農村貧困人口]
    value: {value}
    unit: person
    written: {written}
    period: "{year}"
    quote: 贫困人口减少到{year}年的{written}
    citation: {{publisher: 中国新闻网, date: '2019-03-07', title: t, url: "https://example.org/"}}
"""
    for year, value, written in ((2016, 43350000, "4335万人"), (2017, 30460000, "3046万人"),
                                 (2018, 16600000, "1660万人"))
) + "checks: []\n"  # fmt: skip
PADDING = ("# " + "x" * 1022 + "\n") * (9 * 1024)  # 9 MiB of comment


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("$\\fra{1}$", "written '$\\\\fra{1}$' is not a figure the number parser reads"),
        ("1760万人", "value 16600000 but '1760万人' means 17600000"),
    ],
    ids=["mathtext", "disagreeing"],
)
def test_a_padded_reference_catalog_is_validated_all_the_same(
    tmp_path: Path, written: str, problem: str
) -> None:
    """Comments past 8 MiB skipped the full validation: the chart's mathtext crashed on
    `$\\fra{1}$`, and a written figure disagreeing with its value was borrowed."""
    bad = REFERENCE.replace("written: 1660万人", f"written: '{written}'")
    bad = bad.replace("年的1660万人", f"年的{written}")
    catalog = tmp_path / "ref.yaml"
    catalog.write_text(PADDING + bad, encoding="utf-8")
    assert catalog.stat().st_size > 9 * 2**20
    article = tmp_path / "brief.txt"
    article.write_text(BRIEF, encoding="utf-8")
    for args in (["check", str(article)], ["report", str(article), "-o", "out.html"]):
        run = _run([*args, "--facts", str(catalog)], tmp_path)
        assert run.returncode == 2, (args, run.stderr)
        line = _one_line_error(run.stderr)
        assert f"fact poor-population-2018: {problem}" in line
    assert not (tmp_path / "out.html").exists()


def test_the_sound_reference_catalog_is_borrowed_from(cli: Any, tmp_path: Path) -> None:
    catalog = tmp_path / "ref.yaml"
    catalog.write_text(PADDING + REFERENCE, encoding="utf-8")
    article = tmp_path / "brief.txt"
    article.write_text(BRIEF, encoding="utf-8")
    run = cli("check", str(article), "--facts", str(catalog), "-f", "json")
    assert run.exit_code == 0, run.stderr
    (relation,) = json.loads(run.stdout)
    assert relation["verdict"] == "consistent"
    assert relation["borrowed"][0]["fact"] == "tiny-ref:poor-population-2018"


# ----------------------------------------------------------------- 9. an unwritable cache


def test_an_unwritable_cache_is_said_once_and_work_goes_on(tmp_path: Path) -> None:
    """Every run rebuilt every index in silence (42 s each for a 6.7 MB catalog)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    first = write_catalog(tmp_path / "one")
    second = write_catalog(
        tmp_path / "two", SMALL_CATALOG.replace("title: 標題", "title: T\n  id: two")
    )
    args = ["list", "--facts", str(first), "--facts", str(second), "-f", "json"]
    run = _run(args, tmp_path, env={"XDG_CACHE_HOME": str(blocker)})
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)) == 8
    assert run.stderr == (
        f"note: cannot write the index cache {blocker}/povcli (Not a directory): each run"
        " reads the catalogs in full (hint: set XDG_CACHE_HOME to a folder you can write)\n"
    )


# ----------------------------------------------------------------- 11. long queries


def test_a_query_too_long_is_said_and_the_index_kept(cli: Any, small_catalog: Path) -> None:
    """500 words passed SQLite's limit of terms: taken for damage, the healthy index was
    deleted and rebuilt, and the search failed all the same."""
    from povcli.index.cache import index_path

    assert cli("search", "收入", "--facts", str(small_catalog)).exit_code == 0
    before = os.stat(index_path(small_catalog))
    for words in (["income"] * 500, [f"w{n}" for n in range(500)]):
        run = cli("search", " ".join(words), "--facts", str(small_catalog))
        assert run.exit_code == 2
        assert _one_line_error(run.stderr) == (
            "error: query too long: 500 words; povcli searches for at most 50"
        )
    after = os.stat(index_path(small_catalog))
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    fifty = " ".join(["收入"] * 50)
    assert cli("search", fifty, "--facts", str(small_catalog)).exit_code == 0


def test_a_statement_over_sqlite_limits_is_no_damage(
    cli: Any, small_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the word limit (raised here), SQLite's own refusal says the same, and the
    index stays."""
    import povcli.search.query
    from povcli.index.cache import index_path

    monkeypatch.setattr(povcli.search.query, "MAX_QUERY_WORDS", 10_000)
    assert cli("search", "收入", "--facts", str(small_catalog)).exit_code == 0
    before = os.stat(index_path(small_catalog))
    run = cli("search", " ".join(["income"] * 500), "--facts", str(small_catalog))
    assert run.exit_code == 2
    assert _one_line_error(run.stderr).startswith("error: query too long: 500 words")
    after = os.stat(index_path(small_catalog))
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


# ----------------------------------------------------------------- also: names and limits


def test_a_catalog_prefix_is_case_insensitive_as_ids_are(cli: Any, tmp_path: Path) -> None:
    one = write_catalog(
        tmp_path / "one", SMALL_CATALOG.replace("title: 標題", "title: T\n  id: one")
    )
    two = write_catalog(
        tmp_path / "two", SMALL_CATALOG.replace("title: 標題", "title: T\n  id: two")
    )
    for name in ("two:villages", "TWO:villages", "Two:VILLAGES"):
        run = cli("show", name, "--facts", str(one), "--facts", str(two), "-f", "json")
        assert run.exit_code == 0, (name, run.stderr)
        assert run.json()["catalog"] == "two"
    check = (
        "checks:\n  - id: g\n    kind: growth\n"
        "    inputs: {old: ONE:income-2013, new: One:INCOME-2019}\n"
    )
    three = write_catalog(
        tmp_path / "three",
        SMALL_CATALOG.replace("title: 標題", "title: T\n  id: three").replace(
            "checks: []\n", check
        ),
    )
    run = cli("verify", "g", "--facts", str(three), "--facts", str(one), "-f", "json")
    assert run.exit_code == 0, run.stderr
    assert run.json()[0]["computed"] == 100  # (200 / 100 − 1) × 100


def test_a_catalog_value_of_1e300_is_within_the_limit(cli: Any, tmp_path: Path) -> None:
    """1.0e+300 as a float is a hair above 10**300: it was refused as too large, while calc
    takes 1e300."""
    for value, refused in (("1.0e+300", False), ("-1.0e+300", False), ("1.1e+300", True)):
        catalog = write_catalog(
            tmp_path / value, SMALL_CATALOG.replace("value: 5\n", f"value: {value}\n")
        )
        run = cli("list", "--facts", str(catalog), "-f", "json")
        assert (run.exit_code == 2) == refused, (value, run.stderr)
        assert ("number too large" in run.stderr) == refused
    assert cli("calc", "ratio", "1" + "0" * 300, "1").exit_code == 0  # 10**300 itself


# ----------------------------------------------------------------- 4, 6. long articles


def test_check_of_thousands_of_clauses_joined_by_semicolons_is_bounded(tmp_path: Path) -> None:
    """15,000 clauses joined by ; (105 KB): each clause carried every earlier one (1.7 GB of
    text) and looked back over all of them for its head; now as far as a head may be."""
    article = tmp_path / "clauses.txt"
    article.write_text("T\n\n" + "增长1%;" * 15000, encoding="utf-8")
    run = _run(["check", str(article), "--format", "json"], tmp_path)
    assert run.returncode == 0, run.stderr
    assert all(r["verdict"] == "consistent" for r in json.loads(run.stdout))


@pytest.mark.slow
def test_check_of_thousands_of_comma_joined_comparisons_finishes(tmp_path: Path) -> None:
    """1,000 clauses joined by commas in one sentence (31 KB), each a level as a percentage
    of another (2i / 4i = 50.0%) and a list of shares after 分别: each clause's words and
    parts were looked for from the sentence's start (3,000 such clauses took 71 s in
    `check_text`, 4 s now; the JSON output, quoting the whole sentence for each relation,
    grows with the square of the sentence all the same)."""
    clauses = "".join(
        f"第{i}组收入{2 * i}元,是平均水平{4 * i}元的50.0%,甲乙分别占比为40.0%和60.0%,"
        for i in range(1, 1001)
    )
    article = tmp_path / "clauses.txt"
    article.write_text("T\n\n" + clauses + "。\n", encoding="utf-8")
    run = _run(["check", str(article), "--format", "json"], tmp_path)
    assert run.returncode == 0, run.stderr
    compared = [r for r in json.loads(run.stdout) if r["kind"] == "percent-of"]
    assert len(compared) == 1000 and {r["verdict"] for r in compared} == {"consistent"}


@pytest.mark.slow
def test_check_of_a_flattened_table_is_linear(tmp_path: Path) -> None:
    """32 KB of '1,' (16,000 figures in one sentence): each figure's words were rescanned
    from the sentence's start and found by comparing whole figures (minutes); now seconds."""
    article = tmp_path / "table.txt"
    article.write_text("T\n\n" + "1," * 16000, encoding="utf-8")
    run = _run(["check", str(article), "--format", "json"], tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []  # bare numbers state no relation


@pytest.mark.slow
def test_check_of_a_one_megabyte_article_finishes(tmp_path: Path) -> None:
    """The README's example repeated to 1 MB: every copy's planted compound rate is caught
    (0.25 MB took eight minutes when each rough figure was compared with every other)."""
    text = (ROOT_EXAMPLE).read_text(encoding="utf-8")
    copies = 2**20 // len(text.encode())
    article = tmp_path / "long.txt"
    article.write_text(text * copies, encoding="utf-8")
    run = _run(["check", str(article), "--format", "csv"], tmp_path, timeout=600)
    assert run.returncode == 1, run.stderr
    cagr = [line for line in run.stdout.splitlines() if ",cagr,inconsistent," in line]
    assert len(cagr) == copies


# ----------------------------------------------------------------- csv and yaml on a terminal

HOSTILE_LABEL = "Income \x1b[31mRED\x1b[0m \u202eevil"


def _on_a_terminal(args: list[str], tmp_path: Path) -> str:
    """povcli's standard output as a terminal receives it (a pseudo-terminal)."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"}
    command = [sys.executable, "-m", "povcli", *args]
    quiet = subprocess.DEVNULL
    with subprocess.Popen(command, stdout=follower, stderr=quiet, stdin=quiet, env=env) as child:
        os.close(follower)
        received = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child is gone and the terminal closed
                break
            if not chunk:
                break
            received += chunk
        child.wait(timeout=120)
    os.close(leader)
    return received.decode("utf-8")


@pytest.mark.parametrize("fmt", ["csv", "yaml"])
def test_csv_and_yaml_on_a_terminal_show_escape_codes_as_text(tmp_path: Path, fmt: str) -> None:
    """A catalog's ESC and U+202E reached the terminal raw through csv and yaml (it turned text
    red and reversed it); into a pipe they stay exact, as data."""
    hostile = SMALL_CATALOG.replace("label: Income\n", f"label: {json.dumps(HOSTILE_LABEL)}\n", 1)
    catalog = write_catalog(tmp_path / "c", hostile)
    args = ["list", "--facts", str(catalog), "--format", fmt]
    shown = _on_a_terminal(args, tmp_path)
    assert "\x1b" not in shown and "\u202e" not in shown
    # YAML escapes ESC itself (\e), not U+202E
    assert ("␛[31mRED" if fmt == "csv" else "\\e[31mRED") in shown and "<U+202E>evil" in shown
    piped = run_povcli(args, tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert ("\x1b[31mRED" if fmt == "csv" else "\\e[31mRED") in piped.stdout
    assert "\u202eevil" in piped.stdout
