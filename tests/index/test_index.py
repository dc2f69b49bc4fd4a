"""The SQLite index: where it lives, when it is rebuilt, and that damage never shows."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from povcli.catalog.locate import bundled_catalog
from povcli.errors import PovcliError
from povcli.index import build as build_module
from povcli.index import cache as cache_module
from povcli.index import store as store_module
from povcli.index.build import open_index
from povcli.index.cache import cache_dir, index_path
from povcli.index.find import find
from povcli.index.reads import IndexDamaged
from tests.helpers import SMALL_CATALOG, write_catalog


@pytest.fixture(autouse=True)
def _empty_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The tests of the cache itself start from an empty cache folder (what they count and
    prune is theirs alone), not the library's indexes every other test starts with."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


POVCLI = str(Path(sys.executable).parent / "povcli")
LONG_AGO = time.time() - 3600


def _settled(path: Path) -> Path:
    """A catalog whose modification time is old enough for its metadata to be trusted."""
    os.utime(path, (LONG_AGO, LONG_AGO))
    return path


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return _settled(write_catalog(tmp_path / "small"))


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the index was rebuilt")

    monkeypatch.setattr(build_module, "build_index", refuse)


# ----------------------------------------------------------------- the claims behind the design


def test_fts5_trigram_finds_no_short_cjk_terms() -> None:
    """The claim behind the 1-2 character table, checked on this SQLite (3.40):
    a trigram table's MATCH finds nothing under three characters; LIKE (and GLOB)
    handed to FTS5 find nothing for 光伏 (two characters, six UTF-8 bytes) though
    they do find the ASCII "pv"; where FTS5 is not handed the LIKE (a
    case-sensitive table), SQLite scans every row, which finds it but is slow."""
    rows = [("建成光伏扶貧村級電站",), ("貧困縣",), ("pv ab",)]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    db.executemany("INSERT INTO t VALUES (?)", rows)

    def found(sql: str, pattern: str) -> list[Any]:
        return db.execute(sql, (pattern,)).fetchall()

    assert found("SELECT rowid FROM t WHERE t MATCH ?", '"光伏"') == []
    assert found("SELECT rowid FROM t WHERE t MATCH ?", '"光伏扶"') == [(1,)]
    assert found("SELECT rowid FROM t WHERE x LIKE ?", "%光伏%") == []
    assert found("SELECT rowid FROM t WHERE x GLOB ?", "*光伏*") == []
    assert found("SELECT rowid FROM t WHERE x LIKE ?", "%光伏扶%") == [(1,)]
    assert found("SELECT rowid FROM t WHERE x LIKE ?", "%pv%") == [(3,)]
    db.execute("CREATE VIRTUAL TABLE s USING fts5(x, tokenize='trigram case_sensitive 1')")
    db.executemany("INSERT INTO s VALUES (?)", rows)
    assert found("SELECT rowid FROM s WHERE x LIKE ?", "%光伏%") == [(1,)]
    plan = found("EXPLAIN QUERY PLAN SELECT rowid FROM s WHERE x LIKE ?", "%光伏%")
    assert plan[0][3] == "SCAN s VIRTUAL TABLE INDEX 0:"  # no constraint: every row read
    assert found("SELECT rowid FROM s WHERE x GLOB ?", "*光伏*") == []


def test_missing_fts5_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, catalog: Path) -> None:
    monkeypatch.setattr(store_module, "_FTS5", [False])
    with pytest.raises(PovcliError, match="lacks FTS5"):
        open_index(catalog)


def test_short_and_long_terms_and_ids(catalog: Path) -> None:
    index = open_index(catalog)

    def ids(query: str) -> list[str]:
        return [index.fact(hit.position)["id"] for hit, _ in find(index, query).hits]

    assert ids("收") == ["income-2013", "income-2019"]  # one character
    assert ids("收入") == ["income-2013", "income-2019"]  # two
    assert ids("全縣收入") == ["income-2013", "income-2019"]  # four, in the quote only
    assert ids("inc") == ["income-2013", "income-2019", "income-growth"]  # the ids
    assert ids("gro") == ["income-growth"]  # in the id and "growth"
    # an English word matches from a word's start (issue 20): "ome" is inside "income"
    assert ids("ome") == [] and ids("ow") == []
    assert ids("shou") == ["income-2013", "income-2019"]  # pinyin from a syllable's start
    assert ids("hou") == []  # not from inside one
    # a number: in the id and the period (2013–2019), never in the quote's text
    assert ids("2019") == ["income-2019", "income-growth"]


def test_every_fact_knows_its_catalog(catalog: Path) -> None:
    index = open_index(catalog)
    rows = index.db.execute("SELECT DISTINCT catalog FROM facts").fetchall()
    assert rows == [(index.cid,)]
    path = index.db.execute("SELECT path FROM catalogs WHERE cid = ?", (index.cid,)).fetchone()
    assert path == (str(catalog),)


# ----------------------------------------------------------------- where and when


def test_index_is_built_once_and_reused(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_index(catalog)
    assert first.count == 4
    built = index_path(catalog)
    assert built.is_file() and built.parent == cache_dir()
    _no_build(monkeypatch)
    assert open_index(catalog).count == 4


def test_warm_run_reads_no_yaml(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_index(catalog)

    def no_reading(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the catalog was read")

    monkeypatch.setattr(build_module, "content_key", no_reading)
    _no_build(monkeypatch)
    assert open_index(catalog).count == 4


def test_warm_commands_import_no_yaml(catalog: Path) -> None:
    open_index(catalog)
    code = (
        "import sys; from povcli.cli import app;"
        "[app(args, standalone_mode=False) for args in (['search', '收入'], ['list'],"
        " ['show', 'villages'], ['info'], ['verify'])];"
        "print('yaml' in sys.modules, 'pypinyin' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "POVCLI_FACTS": str(catalog)}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert run.stderr.strip().splitlines()[-1] == "False False"


def test_touched_catalog_is_hashed_not_rebuilt(
    catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(catalog)
    os.utime(catalog, (LONG_AGO + 60, LONG_AGO + 60))  # same content, new metadata
    _no_build(monkeypatch)
    assert open_index(catalog).count == 4
    stored = sqlite3.connect(index_path(catalog)).execute("SELECT mtime_ns FROM catalogs")
    assert stored.fetchone() == (catalog.stat().st_mtime_ns,)  # restamped: no hash next time


def test_changed_catalog_is_rebuilt(catalog: Path) -> None:
    assert open_index(catalog).fact_json("villages") is not None
    catalog.write_text(SMALL_CATALOG.replace("id: villages", "id: hamlets"), encoding="utf-8")
    _settled(catalog)
    index = open_index(catalog)
    assert index.fact_json("villages") is None
    assert json.loads(index.fact_json("hamlets") or "")["value"] == 5


def test_edit_within_the_clock_resolution_is_not_trusted(catalog: Path) -> None:
    """A catalog changed just now may change again with the same size and time:
    its metadata is not stored, so the next run compares content."""
    catalog.write_text(SMALL_CATALOG, encoding="utf-8")  # modified now
    open_index(catalog)
    stored = sqlite3.connect(index_path(catalog)).execute("SELECT size, mtime_ns FROM catalogs")
    assert stored.fetchone() == (None, None)
    stat = catalog.stat()
    changed = SMALL_CATALOG.replace("value: 5\n", "value: 7\n").replace("5個", "7個")
    catalog.write_text(changed, encoding="utf-8")
    os.utime(catalog, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    assert json.loads(open_index(catalog).fact_json("villages") or "")["value"] == 7


def test_an_edit_that_keeps_size_time_and_inode_is_seen(catalog: Path) -> None:
    """`cp -p` of a same-size edit over the catalog keeps its inode, size and modification
    time: only the change time tells, and the index must not show the old content."""
    assert json.loads(open_index(catalog).fact_json("villages") or "")["value"] == 5
    before = catalog.stat()
    edited = SMALL_CATALOG.replace("value: 5\n", "value: 7\n").replace("5個", "7個")
    assert len(edited.encode()) == before.st_size
    with open(catalog, "r+b") as handle:  # in place, as cp writes over an existing file
        handle.write(edited.encode())
    os.utime(catalog, ns=(before.st_atime_ns, before.st_mtime_ns))  # as cp -p does
    after = catalog.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino, before.st_size, before.st_mtime_ns,
    )  # fmt: skip
    assert json.loads(open_index(catalog).fact_json("villages") or "")["value"] == 7


def test_relative_xdg_cache_home_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, catalog: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert cache_dir() == tmp_path / "home" / ".cache" / "povcli"
    open_index(catalog)
    assert not (tmp_path / "relative").exists()
    assert index_path(catalog).is_file()


def test_unwritable_cache_location_means_an_index_in_memory(
    catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # povcli/ cannot be made under a file
    assert open_index(catalog).count == 4
    assert not (blocker / "povcli").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only modes")
def test_read_only_cache_folder_means_an_index_in_memory(
    catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    assert open_index(catalog).count == 4


def test_failing_temporary_file_means_an_index_in_memory(
    catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert open_index(catalog).count == 4
    assert not index_path(catalog).exists()


def test_full_disk_during_the_build_means_an_index_in_memory(
    catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build_module._build

    def full(db: sqlite3.Connection, *args: Any) -> None:
        if db.execute("PRAGMA database_list").fetchone()[2]:  # a file, not :memory:
            raise sqlite3.OperationalError("database or disk is full")
        real(db, *args)

    monkeypatch.setattr(build_module, "_build", full)
    assert open_index(catalog).count == 4
    assert list(cache_dir().iterdir()) == []  # no temporary file left behind


def test_symlinked_index_file_only_the_link_is_replaced(catalog: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    target = index_path(catalog)
    target.parent.mkdir(parents=True)
    target.symlink_to(victim)
    assert open_index(catalog).count == 4
    assert victim.read_text() == "keep me\n"
    assert target.is_file() and not target.is_symlink()


# ----------------------------------------------------------------- damage


def _expected(cli: Any, catalog: Path) -> dict[str, str]:
    return {name: _outputs(cli, catalog, args) for name, args in COMMANDS.items()}


COMMANDS = {
    "list": ["list", "-f", "json"],
    "show": ["show", "villages", "-f", "json"],
    "search": ["search", "收入", "-f", "json"],
    "number": ["search", "2019", "-f", "json"],
    "info": ["info", "-f", "json"],
}


def _outputs(cli: Any, catalog: Path, args: list[str]) -> str:
    run = cli(*args, "--facts", str(catalog))
    assert run.exit_code == 0, run.stderr
    return str(run.stdout)


@pytest.mark.parametrize(
    "damage",
    ["truncated", "garbage", "empty", "foreign-sqlite", "other-format", "other-version"],
)
def test_corrupt_truncated_or_foreign_index_is_rebuilt(
    cli: Any, catalog: Path, damage: str
) -> None:
    expected = _expected(cli, catalog)
    target = index_path(catalog)
    data = target.read_bytes()
    if damage == "truncated":
        target.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        target.write_bytes(b"\x00garbage" * 1000)
    elif damage == "empty":
        target.write_bytes(b"")
    elif damage == "foreign-sqlite":
        target.unlink()
        other = sqlite3.connect(target)
        other.execute("CREATE TABLE catalogs(x)")
        other.commit()
        other.close()
    else:
        db = sqlite3.connect(target)
        if damage == "other-format":
            db.execute("PRAGMA user_version = 999")
        else:
            row = db.execute("SELECT data FROM catalogs").fetchone()[0]
            data_text = row.replace('"version": "', '"version": "9')
            db.execute(
                "UPDATE catalogs SET data = ?, crc = ?",
                (data_text, __import__("zlib").crc32(data_text.encode())),
            )
        db.commit()
        db.close()
    assert _expected(cli, catalog) == expected
    assert open_index(catalog).count == 4  # and the file is sound again


def _flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_byte_flipped_inside_a_stored_fact_is_found_and_repaired(cli: Any, catalog: Path) -> None:
    expected = _expected(cli, catalog)
    target = index_path(catalog)
    data = target.read_bytes()
    at = data.index('"written": "5個"'.encode())
    _flip(target, at + len('"written": "'))  # 5 becomes 4: valid JSON, wrong figure
    assert _outputs(cli, catalog, COMMANDS["show"]) == expected["show"]
    assert b'"written": "4' not in target.read_bytes()  # rebuilt
    _flip(target, target.read_bytes().index('"written": "5個"'.encode()) + 12)
    assert _outputs(cli, catalog, COMMANDS["list"]) == expected["list"]
    _flip(target, target.read_bytes().index('"written": "100元"'.encode()) + 12)
    assert _outputs(cli, catalog, COMMANDS["search"]) == expected["search"]
    assert b'"written": "000' not in target.read_bytes()


def test_a_flipped_posting_never_gives_a_wrong_row(cli: Any, catalog: Path) -> None:
    """A posting that points at the wrong fact: the hit is checked against the fact."""
    expected = _outputs(cli, catalog, COMMANDS["search"])
    db = sqlite3.connect(index_path(catalog))
    # income-2013's postings made to point at villages
    db.execute("UPDATE OR IGNORE post SET fact = 4 WHERE fact = 1")
    db.commit()
    db.close()
    assert _outputs(cli, catalog, COMMANDS["search"]) == expected


@pytest.mark.slow
def test_random_byte_flips_never_crash_or_show_wrong_rows(cli: Any, catalog: Path) -> None:
    """Flip one byte at a time anywhere in the file: every run is right, or (a row
    lost from a search table that no check can see) finds less — never a wrong row."""
    expected = _expected(cli, catalog)
    target = index_path(catalog)
    pristine = target.read_bytes()
    chance = random.Random(12)
    for at in sorted(chance.sample(range(100, len(pristine)), 60)):
        for name, args in COMMANDS.items():
            target.write_bytes(pristine)
            _flip(target, at)
            run = cli(*args, "--facts", str(catalog))
            assert run.exit_code in (0, 1), (at, name, run.stderr)
            if run.stdout != expected[name]:
                # only a search may come back short; never with a row it should not have
                assert name in ("search", "number"), (at, name)
                got = {r["id"] for r in json.loads(run.stdout)}
                assert got < {r["id"] for r in json.loads(expected[name])}, (at, name)


def test_damage_found_while_streaming_removes_the_index(
    cli: Any, catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the records read ahead, damage cannot be repaired unseen: the command
    stops with one line, the index is removed, the next run is right."""
    monkeypatch.setattr(store_module, "READ_AHEAD", 2)
    expected = _outputs(cli, catalog, COMMANDS["list"])
    target = index_path(catalog)
    _flip(target, target.read_bytes().index('"written": "5個"'.encode()) + 12)  # the 4th fact
    run = cli(*COMMANDS["list"], "--facts", str(catalog))
    assert run.exit_code == 2
    assert run.stderr.startswith("error: the index of ") and "removed" in run.stderr
    assert "4個" not in run.stdout
    assert expected.startswith(run.stdout)
    assert not target.exists()
    assert _outputs(cli, catalog, COMMANDS["list"]) == expected


def test_damage_in_the_records_read_ahead_is_repaired_unseen(cli: Any, catalog: Path) -> None:
    expected = _outputs(cli, catalog, COMMANDS["list"])
    target = index_path(catalog)
    _flip(target, target.read_bytes().index('"written": "5個"'.encode()) + 12)
    assert _outputs(cli, catalog, COMMANDS["list"]) == expected


def test_a_damaged_id_index_is_not_taken_for_a_missing_fact(cli: Any, catalog: Path) -> None:
    expected = _outputs(cli, catalog, COMMANDS["show"])
    db = sqlite3.connect(index_path(catalog))
    db.execute("DROP INDEX facts_id")
    db.execute("CREATE UNIQUE INDEX facts_id ON facts(catalog, id) WHERE id != 'villages'")
    db.commit()
    db.close()
    assert _outputs(cli, catalog, COMMANDS["show"]) == expected


def test_damage_is_an_exception_the_commands_handle(catalog: Path) -> None:
    index = open_index(catalog)
    index.db.execute("CREATE TEMP TABLE x(y)")  # the connection still works
    with pytest.raises(IndexDamaged):
        index.checked("text", 0)


# ----------------------------------------------------------------- housekeeping


def test_old_indexes_and_leftovers_are_pruned(catalog: Path, tmp_path: Path) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True)
    week = time.time() - 8 * 24 * 3600

    def make(name: str, age: float | None = None) -> Path:
        path = folder / name
        path.write_bytes(b"x" * 100)
        if age is not None:
            os.utime(path, (age, age))
        return path

    legacy = make("index-0.1.0-0123456789abcdef-1234.bin")
    old_version = make("index-0.0.9-0123456789abcdef.sqlite", week)
    recent_other_version = make("index-0.0.9-fedcba9876543210.sqlite")
    dead = make(".index-999999999-abc.tmp")  # no such process
    alive = make(f".index-{os.getppid()}-abc.tmp")  # a build still running
    unrelated = make("notes.txt", week)
    gone_catalog = write_catalog(tmp_path / "gone")
    open_index(_settled(gone_catalog))
    gone_index = index_path(gone_catalog)
    gone_catalog.unlink()
    open_index(catalog)
    left = set(folder.iterdir())
    assert index_path(catalog) in left
    assert not {legacy, old_version, dead, gone_index} & left
    assert {recent_other_version, alive, unrelated} <= left


def test_a_folder_of_catalogs_is_pruned_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each build pruned the cache, opening every index in it: a cold folder of N
    catalogs opened N²/2 indexes (1000 catalogs: 221 s). Now one prune per run."""
    from povcli.index.library import open_library

    earlier = [_settled(write_catalog(tmp_path / f"old{n}")) for n in range(3)]
    for path in earlier:  # indexes other runs left in the cache
        open_index(path)
    folder = tmp_path / "many"
    write_catalog(folder)  # the source text the catalogs share
    for n in range(30):
        (folder / f"c{n}.yaml").write_text(SMALL_CATALOG, encoding="utf-8")
        _settled(folder / f"c{n}.yaml")
    (folder / "facts.yaml").unlink()
    opened: list[Path] = []
    real = cache_module._catalog_gone

    def counted(path: Path) -> bool:
        opened.append(path)
        return real(path)

    monkeypatch.setattr(cache_module, "_catalog_gone", counted)
    library = open_library([str(folder)])
    assert len(library.indexes) == 30
    # the one prune opens the indexes it did not just build: the three of the other run
    assert sorted(opened) == sorted(index_path(path) for path in earlier)


def test_edits_do_not_pile_up_indexes(catalog: Path) -> None:
    for value in range(5):
        catalog.write_text(SMALL_CATALOG.replace("value: 5\n", f"value: {value}\n"), "utf-8")
        open_index(_settled(catalog))
    assert [p.name for p in cache_dir().iterdir()] == [index_path(catalog).name]


def _big_catalog(folder: Path, copies: int) -> Path:
    from tests.helpers import big_catalog as big

    return big(folder, copies)


@pytest.mark.slow  # writing and starting to index 20,000 facts: tens of seconds under load
def test_ctrl_c_during_a_build_leaves_no_temporary_file(tmp_path: Path) -> None:
    catalog = _big_catalog(tmp_path, 250)  # ~20,000 facts: the build takes seconds
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    process = subprocess.Popen(
        [POVCLI, "search", "光伏", "--facts", str(catalog)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 30
    while time.time() < deadline and not list(cache.glob("povcli/.index-*")):
        time.sleep(0.05)
    assert list(cache.glob("povcli/.index-*")), "the build never started"
    process.send_signal(__import__("signal").SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert list((cache / "povcli").iterdir()) == []


@pytest.mark.slow
def test_twenty_cold_searches_at_once_leave_one_sound_index(tmp_path: Path) -> None:
    catalog = _settled(_big_catalog(tmp_path, 20))
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    processes = [
        subprocess.Popen(
            [POVCLI, "search", "光伏", "-f", "json", "--limit", "0", "--facts", str(catalog)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(20)
    ]
    outputs = [process.communicate(timeout=240) for process in processes]
    assert [process.returncode for process in processes] == [0] * 20, outputs[0][1]
    # the bundled catalog has three facts with 光伏 in them, repeated 20 times
    expected = {f"{base}-{n}" for base in ("pv-village-stations", "pv-central-stations",
                "pv-village-income") for n in range(20)}  # fmt: skip
    for stdout, _ in outputs:
        assert {record["id"] for record in json.loads(stdout)} == expected
    files = list((cache / "povcli").iterdir())
    assert [f.name for f in files] == [index_path(catalog).name]
    os.environ["XDG_CACHE_HOME"] = str(cache)
    assert open_index(catalog).count == 20 * 78


def test_bundled_catalog_index(cli: Any) -> None:
    run = cli("info", "-f", "json")
    assert run.json()["facts"] == 78
    assert index_path(bundled_catalog()).is_file()


def test_restamping_leaves_no_journal(catalog: Path) -> None:
    open_index(catalog)
    os.utime(catalog, (LONG_AGO + 60, LONG_AGO + 60))
    open_index(catalog)
    assert [p.name for p in cache_dir().iterdir()] == [index_path(catalog).name]


def test_absurd_catalog_size_is_refused(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_INDEXED_BYTES", 100)
    with pytest.raises(PovcliError, match="catalog is too large"):
        open_index(catalog)


def test_a_fifo_catalog_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "facts.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PovcliError, match="not a regular file"):
        open_index(fifo)


def test_streamed_json_is_the_json_of_the_whole_list(cli: Any, catalog: Path) -> None:
    from povcli.output import formats as render

    listed = cli("list", "-f", "json", "--facts", str(catalog)).stdout
    records = json.loads(listed)
    assert listed == render.to_json(records) + "\n"
    found = cli("search", "收入", "-f", "json", "--facts", str(catalog)).stdout
    assert found == render.to_json(json.loads(found)) + "\n"
    assert json.loads(found)[0] == {**records[0], "score": 4, "matched": ["subject", "quote"]}


def test_list_limit(cli: Any, catalog: Path) -> None:
    run = cli("list", "--limit", "2", "-f", "json", "--facts", str(catalog))
    assert [r["id"] for r in run.json()] == ["income-2013", "income-2019"]
    run = cli("list", "--unit", "yuan", "--limit", "1", "-f", "json", "--facts", str(catalog))
    assert [r["id"] for r in run.json()] == ["income-2013"]
    assert cli("list", "--limit", "-1", "--facts", str(catalog)).exit_code == 2


def test_filters_in_sql_match_the_catalog(cli: Any, catalog: Path) -> None:
    def ids(*args: str) -> list[str]:
        run = cli("list", *args, "-f", "json", "--facts", str(catalog))
        return [r["id"] for r in run.json()]

    assert ids("--topic", "growth") == ["income-growth"]
    assert ids("--topic", "income", "--unit", "yuan") == ["income-2013", "income-2019"]
    assert ids("--topic", "village", "--topic", "growth") == ["income-growth", "villages"]
    unknown = cli("list", "--topic", "incme", "--facts", str(catalog))
    assert unknown.exit_code == 2 and "did you mean income" in unknown.stderr


@pytest.mark.slow
def test_cold_searches_while_the_catalog_is_edited(tmp_path: Path) -> None:
    """Twenty runs while the catalog is rewritten in place: each exits 0 (or 2 when it
    read a half-written file), and once the file settles the index holds its content."""
    import threading

    catalog = _big_catalog(tmp_path, 3)
    first = catalog.read_text(encoding="utf-8")
    second = first.replace("5479座", "5478座").replace("value: 5479", "value: 5478")
    assert second != first
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = threading.Event()

    def edit() -> None:
        texts = [first, second]
        while not done.is_set():
            catalog.write_text(texts[0], encoding="utf-8")
            texts.reverse()
            time.sleep(0.02)
        catalog.write_text(second, encoding="utf-8")

    editor = threading.Thread(target=edit)
    editor.start()
    try:
        processes = [
            subprocess.Popen(
                [POVCLI, "search", "5478", "-f", "json", "--facts", str(catalog)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(20)
        ]
        outputs = [process.communicate(timeout=240) for process in processes]
    finally:
        done.set()
        editor.join()
    codes = [process.returncode for process in processes]
    assert set(codes) <= {0, 1, 2}, outputs
    for (_, stderr), code in zip(outputs, codes, strict=True):
        assert "Traceback" not in stderr and "internal error" not in stderr, stderr
        if code == 2:
            assert stderr.startswith("error: ") and len(stderr.strip().splitlines()) == 1
    _settled(catalog)
    os.environ["XDG_CACHE_HOME"] = str(cache)
    index = open_index(catalog)
    found = [hit for hit, _ in find(index, "5478").hits]
    assert {index.fact(hit.position)["id"] for hit in found} == {
        "pv-village-stations-0", "pv-village-stations-1", "pv-village-stations-2",
    }  # fmt: skip
    assert [hit for hit, _ in find(index, "5479").hits] == []


def test_a_catalog_with_merge_keys_is_indexed_as_safe_load_reads_it(
    cli: Any, tmp_path: Path
) -> None:
    merged = SMALL_CATALOG.replace(
        "  - id: income-2019\n    section: lead\n    topic: [income]\n",
        "  - id: income-2019\n    <<: &common\n      section: lead\n      topic: [income]\n",
    )
    assert "<<:" in merged
    catalog = _settled(write_catalog(tmp_path / "merged", merged))
    run = cli("show", "income-2019", "-f", "json", "--facts", str(catalog))
    assert run.exit_code == 0, run.stderr
    assert run.json()["section"] == "lead" and run.json()["topic"] == ["income"]
    assert open_index(catalog).count == 4


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_a_page_of_results_is_the_start_of_all_of_them(limit: int) -> None:
    """A page (a word found only in stored values is ranked tier by tier) is the
    first `limit` of the full ranking, with the same total."""
    from tests.helpers import QUERIES

    index = open_index(bundled_catalog())
    for query, _, _ in [*QUERIES, ("县", set(), set()), ("扶贫", set(), set())]:
        everything = [hit for hit, _ in find(index, query).hits]
        page = find(index, query, limit=limit)
        assert [hit for hit, _ in page.hits] == everything[:limit], query
        assert page.total == len(everything), query


def test_a_fifo_where_the_index_should_be_is_replaced_not_read(catalog: Path) -> None:
    import subprocess
    import sys

    from povcli.index.cache import index_path

    open_index(catalog)
    target = index_path(catalog)
    target.unlink()
    os.mkfifo(target)
    povcli = str(Path(sys.executable).parent / "povcli")
    run = subprocess.run(
        [povcli, "search", "收入", "--facts", str(catalog), "--format", "json"],
        capture_output=True, text=True, timeout=60, env={**os.environ},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert target.is_file()  # a sound index in its place


def _index_contents(catalog: Path) -> Any:
    index = open_index(catalog, rebuild=True)
    tables = ("vals", "grams", "post", "nums", "topics", "vocab")
    rows = {name: sorted(index.db.execute(f"SELECT * FROM {name}")) for name in tables}
    return list(index.facts_json()), index.data, rows


def test_the_pipelined_build_makes_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large catalog is parsed in a forked child while this process inserts the rows: the
    index is the one a build in one process makes (here forced on a small catalog)."""
    import povcli.index.pipeline

    catalog = _big_catalog(tmp_path, 3)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    inline = _index_contents(catalog)
    monkeypatch.setattr(povcli.index.pipeline, "PIPELINE_BYTES", 0)
    assert _index_contents(catalog) == inline
    assert len(inline[0]) == 3 * 78


def test_a_pipelined_parse_error_reads_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import povcli.index.pipeline

    catalog = _big_catalog(tmp_path, 2)
    catalog.write_text(catalog.read_text("utf-8") + "  - [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pytest.raises(PovcliError) as inline:
        open_index(catalog, rebuild=True)
    monkeypatch.setattr(povcli.index.pipeline, "PIPELINE_BYTES", 0)
    with pytest.raises(PovcliError) as pipelined:
        open_index(catalog, rebuild=True)
    assert pipelined.value.message == inline.value.message
