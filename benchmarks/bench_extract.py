"""Benchmark `povcli extract`: an article of 1 MB, one at the size limit, and one of 100 MB.

Run from the project root after installing it (the seed article must be beside
the checkout, at ../shared/seed):

    python benchmarks/bench_extract.py [--runs 3]

The articles are the seed article repeated (so every copy links to the
catalog) and, to stress sentence finding, the same without sentence
punctuation. Runs alternate between the cases of a round; each case
reports the median wall time and the largest peak memory (max RSS) of its
runs. Nothing here is a test: it prints figures for a person to read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "shanxi-daily-2021-01-20-raw.txt"
MB = 2**20


def povcli() -> list[str]:
    beside = Path(sys.executable).parent / "povcli"
    if not beside.exists():
        sys.exit("povcli is not installed beside this Python: pip install -e .")
    return [str(beside)]


def compile_package() -> None:
    """Byte-compile povcli as an installer does (see bench_search.py)."""
    import compileall

    import povcli

    compileall.compile_dir(Path(povcli.__file__).parent, quiet=1)


def article(folder: Path, name: str, size: int, punctuated: bool = True) -> Path:
    """The seed article repeated to `size` bytes, written by a child process: a child
    forked from a large parent would count the parent's pages in its peak memory."""
    path = folder / name
    command = [sys.executable, __file__, "--make", str(path), str(size), str(int(punctuated))]
    subprocess.run(command, check=True)
    return path


def make_article(path: Path, size: int, punctuated: bool) -> None:
    text = SEED.read_text(encoding="utf-8")
    if not punctuated:
        text = text.replace("。", "").replace("\n", " ")
    data = text.encode("utf-8")
    data = (data * (size // len(data) + 1))[:size]
    path.write_bytes(data.decode("utf-8", errors="ignore").encode("utf-8"))


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS in MiB, exit code and the last line of stderr."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    return elapsed, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--make", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_article(Path(args.make[0]), int(args.make[1]), bool(int(args.make[2])))
        return
    if not SEED.is_file():
        sys.exit(f"the seed article is missing: {SEED}")
    compile_package()
    from povcli.files import MAX_ARTICLE_BYTES

    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        env["XDG_CACHE_HOME"] = str(folder / "cache")
        one = article(folder, "1mb.txt", MB)
        flat = article(folder, "1mb-flat.txt", MB, punctuated=False)
        limit = article(folder, "limit.txt", MAX_ARTICLE_BYTES)
        huge = article(folder, "100mb.txt", 100 * MB)
        cases = {
            "1 MB, table (50 rows shown)": [str(one)],
            "1 MB, table --limit 0 (every row)": [str(one), "--limit", "0"],
            "1 MB, json": [str(one), "-f", "json"],
            "1 MB without 。 or newlines, json": [str(flat), "-f", "json"],
            f"{MAX_ARTICLE_BYTES // MB} MB (the limit), table": [str(limit)],
            f"{MAX_ARTICLE_BYTES // MB} MB (the limit), json": [str(limit), "-f", "json"],
            f"{MAX_ARTICLE_BYTES // MB} MB (the limit), csv": [str(limit), "-f", "csv"],
            f"{MAX_ARTICLE_BYTES // MB} MB (the limit), yaml": [str(limit), "-f", "yaml"],
            "100 MB (refused)": [str(huge), "-f", "json"],
        }
        results: dict[str, list[tuple[float, int, int, str]]] = {name: [] for name in cases}
        for _ in range(args.runs):  # one run of every case per round: cases alternate
            for name, case in cases.items():
                results[name].append(timed([*povcli(), "extract", *case], env))
    print(f"povcli extract, {args.runs} runs each, alternating; median time, largest peak RSS")
    for name, runs in results.items():
        median = statistics.median(run[0] for run in runs)
        peak = max(run[1] for run in runs)
        codes = sorted({run[2] for run in runs})
        print(f"{name:38} {median:7.2f} s {peak:6d} MiB  exit {codes}  {runs[-1][3][:90]}")


if __name__ == "__main__":
    main()
