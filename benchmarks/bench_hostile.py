"""Issue 22, hostile input round 3: each attack of the issue, timed, with its peak memory.

Run from the project root after installing it, once for each povcli to compare:

    python benchmarks/bench_hostile.py [--povcli PATH] [--only ROW] [--json OUT]

PATH is the `povcli` executable to attack (default: the one beside this Python), e.g.
one installed from the code before the fix in a venv of its own. Each attack builds its
input in a fresh temporary folder with a cache of its own and runs the command once, in
a child limited to CAP_SECONDS of wall time and CAP_BYTES of address space; the child's
peak resident memory comes from wait4. What a run did (an error line, a file replaced,
an index rebuilt) is judged by the attack itself. Nothing here is a test: it prints
figures for a person to read (benchmarks/hostile-round-3.md).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import SMALL_CATALOG, SMALL_SOURCE, big_catalog, write_catalog  # noqa: E402

CAP_SECONDS = 60.0
CAP_BYTES = 2 * 1024**3


@dataclass
class Ran:
    seconds: float
    peak_mib: int
    code: int | None  # None: stopped at the time cap
    out_bytes: int
    stderr: str
    outcome: str = ""


@dataclass
class Attack:
    row: str
    name: str
    # (folder) -> (arguments, options for `run`)
    setup: Callable[[Path], tuple[list[str], dict]]
    judge: Callable[[Ran, Path], str] = lambda ran, folder: first_line(ran)
    cap: float = CAP_SECONDS


def run(
    command: list[str],
    folder: Path,
    env: dict[str, str] | None = None,
    stdout: int | object = subprocess.PIPE,
    file_size: int | None = None,
    stdin: object = subprocess.DEVNULL,
    cap: float = CAP_SECONDS,
) -> Ran:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POVCLI_")}
    environment.update({"XDG_CACHE_HOME": str(folder / "cache"), "COLUMNS": "100"})
    environment.update(env or {})

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=folder, env=environment, stdout=stdout, stderr=subprocess.PIPE,
        stdin=stdin, preexec_fn=limits,
    )  # fmt: skip
    counted = [0]
    errors: list[bytes] = []

    def drain_out() -> None:
        while chunk := process.stdout.read(1 << 16):  # type: ignore[union-attr]
            counted[0] += len(chunk)

    def drain_err() -> None:
        errors.append(process.stderr.read())  # type: ignore[union-attr]

    readers = [threading.Thread(target=drain_err, daemon=True)]
    if stdout is subprocess.PIPE:
        readers.append(threading.Thread(target=drain_out, daemon=True))
    for reader in readers:
        reader.start()
    code: int | None = None
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            break
        if time.perf_counter() - start > cap:
            os.kill(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    process.returncode = -9 if code is None else code  # reaped by wait4: tell Popen
    for reader in readers:
        reader.join(5)
    stderr = b"".join(errors).decode("utf-8", "replace")
    return Ran(seconds, usage.ru_maxrss // 1024, code, counted[0], stderr)


def first_line(ran: Ran) -> str:
    if ran.code is None:
        return f"stopped at the {ran.seconds:.0f} s cap"
    lines = [line for line in ran.stderr.splitlines() if line.strip()]
    if "MemoryError" in ran.stderr:
        return "MemoryError (2 GiB cap)"
    head = lines[-1] if lines else ""
    if "Traceback" in ran.stderr:
        head = "traceback: " + head
    return f"exit {ran.code}: {head[:110]}"


# ----------------------------------------------------------------- inputs


def alias_bomb(depth: int = 10, width: int = 10) -> str:
    levels = ["&a0 [" + ", ".join(["x"] * width) + "]"]
    levels += [f"&a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]" for n in range(1, depth)]
    return "[" + ", ".join(levels) + "]"


def bombed(folder: Path) -> Path:
    return write_catalog(
        folder / "c", SMALL_CATALOG.replace("topic: [village]", f"topic: {alias_bomb()}")
    )


def article(folder: Path, text: str, name: str = "article.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


PLAIN = "標題\n\n全縣共有5個村。\n"
SCRIPTS = "標題\n\n" + "<script>" * 20000 + "\n全縣共有5個村。\n"
COMMAS = "標題\n\n" + "1," * 50000 + "\n"
HUGE_RATE = "標題\n\n農民收入從2014年的5100元增加到2019年的9300元,年均增長1" + "0" * 299 + "%。\n"
REVERSED = "標題\n\n農民收入從2019年的5100元增加到2014年的9300元,年均增長16.5%。\n"
BIDI = "標題\n\n農民收入從2014年的5100元增加到\u202e2019年的9300元\u202c,年均增長16.5%。\n"


def cagr_from_zero(folder: Path) -> Path:
    source = SMALL_SOURCE.replace("的100元", "的0元")
    catalog = (
        SMALL_CATALOG.replace("value: 100\n", "value: 0\n")
        .replace("written: 100元", "written: 0元")
        .replace("的100元", "的0元")
        .replace(
            "checks: []\n",
            "checks:\n  - id: g\n    kind: cagr\n"
            "    inputs: {start: income-2013, end: income-2019, claimed: income-growth}\n",
        )
    )
    return write_catalog(folder / "c", catalog, source)


def catalog_folder(folder: Path, count: int) -> Path:
    many = folder / "many"
    write_catalog(many)
    for n in range(count):
        (many / f"c{n}.yaml").write_text(SMALL_CATALOG, encoding="utf-8")
    (many / "facts.yaml").unlink()
    old = time.time() - 3600
    for path in many.iterdir():
        os.utime(path, (old, old))
    return many


REFERENCE_FACT = """\
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
    written: '{written}'
    period: "{year}"
    quote: 贫困人口减少到{year}年的{written}
    citation: {{publisher: 中国新闻网, date: '2019-03-07', title: t, url: "https://example.org/"}}
"""


def padded_reference(folder: Path) -> Path:
    facts = "".join(
        REFERENCE_FACT.format(year=year, value=value, written=written)
        for year, value, written in (
            (2016, 43350000, "4335万人"), (2017, 30460000, "3046万人"),
            (2018, 16600000, "$\\fra{1}$"),
        )
    )  # fmt: skip
    head = (
        "source:\n  id: tiny-ref\n  title: T\n  publisher: P\n  date: '2026-11-29'\n"
        "  kind: reference\nfacts:\n"
    )
    path = folder / "ref.yaml"
    padding = ("# " + "x" * 1022 + "\n") * (9 * 1024)
    path.write_text(padding + head + facts + "checks: []\n", encoding="utf-8")
    return path


BRIEF = "全國扶貧簡報\n\n2019年末,全國農村貧困人口551萬人,比上年末減少1109萬人。\n"


# ----------------------------------------------------------------- judges


def device_kept(ran: Ran, folder: Path) -> str:
    mode = os.stat(folder / "null").st_mode
    kept = "the device kept" if stat.S_ISCHR(mode) else "the device REPLACED by a file"
    return f"{first_line(ran)}; {kept}"


def article_kept(ran: Ran, folder: Path) -> str:
    text = (folder / "article.txt").read_text(encoding="utf-8")
    kept = "the article kept" if text == PLAIN else "the article REPLACED by HTML"
    return f"{first_line(ran)}; {kept}"


def no_leftovers(ran: Ran, folder: Path) -> str:
    left = [p.name for p in (folder / "out").iterdir()]
    return f"{first_line(ran)}; left in the folder: {left or 'nothing'}"


def output_size(ran: Ran, folder: Path) -> str:
    if ran.code == 0:
        return f"exit 0, {ran.out_bytes / 2**20:.1f} MiB written"
    return f"{first_line(ran)} ({ran.out_bytes / 2**20:.0f} MiB written before)"


def no_dash_file(ran: Ran, folder: Path) -> str:
    dash = "a file named '-' written" if (folder / "-").exists() else "to stdout"
    return f"exit {ran.code}: {dash} ({ran.out_bytes} bytes on stdout)"


def index_kept(ran: Ran, folder: Path) -> str:
    before = (folder / "inode").read_text()
    after = os.stat(next((folder / "cache" / "povcli").glob("index-*.sqlite"))).st_ino
    kept = "index kept" if str(after) == before else "index deleted and rebuilt"
    return f"{first_line(ran)}; {kept}"


def sees_edit(ran: Ran, folder: Path) -> str:
    text = (folder / "out.json").read_text(encoding="utf-8")
    shown = "the new value (7)" if '"value": 7' in text else "the OLD value (5)"
    return f"exit {ran.code}: list shows {shown}"


def reversed_shown(ran: Ran, folder: Path) -> str:
    page = (folder / "out.html").read_text(encoding="utf-8") if ran.code in (0, 1) else ""
    raw = "\u202e" in page
    marked = "&lt;U+202E&gt;" in page
    return f"{first_line(ran)}; raw U+202E in the page: {raw}, shown as <U+202E>: {marked}"


def chart_free(ran: Ran, folder: Path) -> str:
    return first_line(ran)


# ----------------------------------------------------------------- setups


def _with_index(folder: Path, exe: str) -> None:
    catalog = write_catalog(folder / "c")
    run([exe, "search", "收入", "--facts", str(catalog)], folder)
    index = next((folder / "cache" / "povcli").glob("index-*.sqlite"))
    (folder / "inode").write_text(str(os.stat(index).st_ino))


def _cp_p_edit(folder: Path, exe: str) -> Path:
    catalog = write_catalog(folder / "c")
    old = time.time() - 3600
    os.utime(catalog, (old, old))
    run([exe, "list", "--facts", str(catalog), "-f", "json"], folder)
    before = catalog.stat()
    edited = SMALL_CATALOG.replace("value: 5\n", "value: 7\n").replace("5個", "7個")
    with open(catalog, "r+b") as handle:
        handle.write(edited.encode())
    os.utime(catalog, ns=(before.st_atime_ns, before.st_mtime_ns))
    return catalog


def attacks(exe: str) -> list[Attack]:
    def cmd(*args: str) -> list[str]:
        return [exe, *args]

    found: list[Attack] = []
    for name in ("validate", "list", "verify", "check"):

        def setup(folder: Path, name: str = name) -> tuple[list[str], dict]:
            catalog = str(bombed(folder))
            args = {
                "validate": ["validate", catalog],
                "list": ["list", "--facts", catalog],
                "verify": ["verify", "--facts", catalog],
                "check": ["check", str(article(folder, PLAIN)), "--facts", catalog],
            }[name]
            return cmd(*args), {}

        found.append(Attack("1", f"alias bomb (2 KB): {name}", setup))
    if os.geteuid() == 0:

        def device(folder: Path) -> tuple[list[str], dict]:
            os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
            return cmd("report", str(article(folder, PLAIN)), "-o", str(folder / "null")), {}

        found.append(Attack("2", "report -o a device node (root)", device, device_kept))
    found.append(Attack(
        "3", "report -o the article itself",
        lambda f: (cmd("report", str(article(f, PLAIN)), "-o", str(f / "article.txt")), {}),
        article_kept,
    ))  # fmt: skip
    for name, extra in (("extract --clean", ["extract", "--clean"]), ("check", ["check"]),
                        ("report", ["report"]), ("draft", ["draft", "-o", "d.yaml"])):  # fmt: skip

        def scripts(folder: Path, extra: list[str] = extra) -> tuple[list[str], dict]:
            return cmd(extra[0], str(article(folder, SCRIPTS)), *extra[1:]), {}

        found.append(Attack("5", f"'<script>'*20000: {name}", scripts))
    for fmt in ("json", "csv"):

        def commas(folder: Path, fmt: str = fmt) -> tuple[list[str], dict]:
            return cmd("extract", str(article(folder, COMMAS)), "-f", fmt), {}

        found.append(Attack("7", f"'1,'*50000: extract -f {fmt}", commas, output_size))
    found.append(Attack(
        "8", "verify, a cagr from 0",
        lambda f: (cmd("verify", "--facts", str(cagr_from_zero(f))), {}),
    ))  # fmt: skip
    found.append(Attack(
        "8", "check --chart, a rate of 1e299%",
        lambda f: (cmd("check", str(article(f, HUGE_RATE)), "--chart"),
                   {"env": {"FORCE_COLOR": "1"}}),
        chart_free,
    ))  # fmt: skip
    found.append(Attack(
        "8", "report, a rate of 1e299%",
        lambda f: (cmd("report", str(article(f, HUGE_RATE))), {}),
    ))  # fmt: skip
    found.append(Attack(
        "8", "check --chart, years reversed",
        lambda f: (cmd("check", str(article(f, REVERSED)), "--chart"),
                   {"env": {"FORCE_COLOR": "1"}}),
        chart_free,
    ))  # fmt: skip
    for count in (250, 500, 1000):

        def folder_of(folder: Path, count: int = count) -> tuple[list[str], dict]:
            return cmd("list", "--facts", str(catalog_folder(folder, count)), "-f", "csv"), {}

        found.append(Attack("9", f"list --facts DIR, {count} catalogs, cold", folder_of,
                            output_size, cap=300.0))  # fmt: skip

    def long_query(folder: Path) -> tuple[list[str], dict]:
        _with_index(folder, exe)
        return cmd(
            "search", " ".join(["income"] * 500), "--facts", str(folder / "c" / "facts.yaml")
        ), {}

    found.append(Attack("11", "search, 500 words", long_query, index_kept))

    def bidi(folder: Path) -> tuple[list[str], dict]:
        return cmd("report", str(article(folder, BIDI)), "-o", str(folder / "out.html")), {}

    found.append(Attack("12", "report, U+202E around a figure", bidi, reversed_shown))

    def padded(folder: Path) -> tuple[list[str], dict]:
        return cmd(
            "report", str(article(folder, BRIEF)), "--facts", str(padded_reference(folder))
        ), {}

    found.append(Attack("13", "report, a reference padded past 8 MiB", padded))

    def full_disk(folder: Path) -> tuple[list[str], dict]:
        (folder / "out").mkdir()
        target = str(folder / "out" / "report.html")
        return cmd("report", str(article(folder, PLAIN)), "-o", target), {"file_size": 4096}

    found.append(Attack("14", "report -o onto a full disk", full_disk, no_leftovers))

    def dev_full(folder: Path) -> tuple[list[str], dict]:
        return cmd("list"), {"stdout": open("/dev/full", "wb")}

    found.append(Attack("16", "list >/dev/full", dev_full))

    def closed(folder: Path) -> tuple[list[str], dict]:
        return ["sh", "-c", 'exec "$0" list >&-', exe], {"stdout": subprocess.DEVNULL}

    found.append(Attack("16", "list >&-", closed))

    def cp_p(folder: Path) -> tuple[list[str], dict]:
        catalog = _cp_p_edit(folder, exe)
        out = open(folder / "out.json", "wb")  # noqa: SIM115
        return cmd("list", "--facts", str(catalog), "-f", "json"), {"stdout": out}

    found.append(Attack("17", "list after a same-size cp -p edit", cp_p, sees_edit))
    found.append(Attack(
        "18", "report -o -",
        lambda f: (cmd("report", str(article(f, PLAIN)), "-o", "-"), {}),
        no_dash_file,
    ))  # fmt: skip

    def unwritable(folder: Path) -> tuple[list[str], dict]:
        (folder / "blocker").write_text("a file")
        return cmd("list"), {"env": {"XDG_CACHE_HOME": str(folder / "blocker")}}

    found.append(Attack("also", "list, the cache folder unwritable", unwritable,
                        lambda ran, folder: first_line(ran).split(" (hint")[0]))  # fmt: skip
    return found


def cold_builds(exe: str, sizes: list[int], runs: int) -> None:
    """What validation by content costs: a cold `search 光伏` on catalogs of the bundled
    facts repeated (a 20,000-fact catalog is over 8 MiB: validated in full now, skipped
    before; 100,000 facts: each fact's own figure checked now). Medians of `runs`."""
    for size in sizes:
        times, peaks = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                catalog = big_catalog(folder, size // 78)
                ran = run([exe, "search", "光伏", "--facts", str(catalog)], folder, cap=600)
                times.append(ran.seconds)
                peaks.append(ran.peak_mib)
        mib = catalog_size(size)
        print(f"cold build, {size // 78 * 78:,} facts ({mib:.1f} MiB): median"
              f" {sorted(times)[len(times) // 2]:.2f} s, peak {max(peaks)} MiB")  # fmt: skip


def catalog_size(size: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        return big_catalog(Path(tmp), size // 78).stat().st_size / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--povcli", default=str(Path(sys.executable).parent / "povcli"))
    parser.add_argument("--only", help="rows to run, e.g. 1,9")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument(
        "--builds", help="instead: cold builds of catalogs of these sizes, e.g. 20000,100000"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each cold build")
    args = parser.parse_args()
    if args.builds:
        cold_builds(args.povcli, [int(n) for n in args.builds.split(",")], args.runs)
        return
    rows = set(args.only.split(",")) if args.only else None
    results = []
    for attack in attacks(args.povcli):
        if rows and attack.row not in rows:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            command, options = attack.setup(folder)
            ran = run(command, folder, cap=attack.cap, **options)
            out = options.get("stdout")
            if hasattr(out, "close"):
                out.close()
            ran.outcome = attack.judge(ran, folder)
            shutil.rmtree(folder / "cache", ignore_errors=True)
        peak = f"{ran.peak_mib} MiB"
        print(f"{attack.row:>4} {attack.name:42} {ran.seconds:7.2f} s {peak:>9}  {ran.outcome}")
        sys.stdout.flush()
        results.append({"row": attack.row, "attack": attack.name, "seconds": ran.seconds,
                        "peak_mib": ran.peak_mib, "outcome": ran.outcome})  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
