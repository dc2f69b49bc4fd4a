"""Benchmark `povcli check` on many articles: one process per article against one start-up.

Run from the project root after installing it (with `.[dask]` for the Dask row):

    python benchmarks/bench_batch.py [--count 1000] [--jobs 2] [--per-article 1000]

Writes `count` generated bulletins of 3–10 KB (benchmarks/bulletins.py) and checks them:
- one `povcli check FILE --format json` process per article, one after another (the first
  `--per-article` articles; the time is scaled to all of them when fewer);
- `povcli check FOLDER --format jsonl --jobs 1`, then `--jobs N`;
- `povcli check FOLDER --format jsonl --dask local --jobs N` (a local Dask cluster).
For each: wall time, articles per second, the speed-up over one process per article, and the
peak memory of the whole process tree (the resident sizes of the command and its workers,
summed, sampled every 20 ms). The records of every one-start-up run are compared with
those of `--jobs 1`. Nothing here is a test: it prints figures for a person to read.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_index import compile_package, povcli
from bulletins import write_bulletins


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_info().rss
    return total


def run(command: list[str], env: dict[str, str]) -> tuple[float, int, bytes]:
    """Wall seconds, peak resident bytes of the process tree, and stdout of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    outputs: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=name, s=stream: outputs.__setitem__(n, s.read()))
        for name, stream in (("out", process.stdout), ("err", process.stderr))
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)  # the command's own peak, however short
    for reader in readers:
        reader.join()
    done.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({code}): {outputs['err'].decode()[-2000:]}")
    return time.perf_counter() - start, max(peak[0], usage.ru_maxrss * 1024), outputs["out"]


def per_article(paths: list[Path], env: dict[str, str]) -> tuple[float, int]:
    """One process per article, one after another: total seconds and the largest peak."""
    seconds, peak = 0.0, 0
    for path in paths:
        elapsed, rss, _ = run([*povcli(), "check", str(path), "--format", "json"], env)
        seconds += elapsed
        peak = max(peak, rss)
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--per-article", type=int, default=1000, help="articles timed alone")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        paths = write_bulletins(folder, args.count)
        size = sum(p.stat().st_size for p in paths)
        print(f"{len(paths)} bulletins, {size / 2**20:.1f} MiB, {args.jobs} jobs", flush=True)
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / "cache")}
        env.pop("POVCLI_FACTS", None)
        run([*povcli(), "check", str(paths[0])], env)  # the library's indexes, built once
        rows: list[tuple[str, float, int]] = []
        timed = paths[: args.per_article]
        seconds, peak = per_article(timed, env)
        scaled = seconds * len(paths) / len(timed)
        label = "one process per article" + (
            f" ({len(timed)} timed, scaled)" if len(timed) < len(paths) else ""
        )
        rows.append((label, scaled, peak))
        print(f"  {label}: {scaled:.1f} s, peak {peak / 2**20:.0f} MiB", flush=True)
        batch = [*povcli(), "check", str(folder), "--format", "jsonl"]
        modes = [("--jobs 1", ["--jobs", "1"]), (f"--jobs {args.jobs}", ["--jobs", str(args.jobs)])]
        if not args.no_dask:
            modes.append(
                (f"--dask local --jobs {args.jobs}", ["--dask", "local", "--jobs", str(args.jobs)])
            )
        reference = None
        for label, extra in modes:
            seconds, peak, out = run([*batch, *extra], env)
            reference = reference if reference is not None else out
            same = "same records" if out == reference else "RECORDS DIFFER"
            rows.append((label, seconds, peak))
            print(f"  {label}: {seconds:.1f} s, peak {peak / 2**20:.0f} MiB, {same}", flush=True)
        base = rows[0][1]
        print("\n| run | time | articles/s | speed-up | peak memory |\n|---|---|---|---|---|")
        for label, seconds, peak in rows:
            print(
                f"| {label} | {seconds:.1f} s | {len(paths) / seconds:.1f} |"
                f" {base / seconds:.1f}× | {peak / 2**20:.0f} MiB |"
            )


if __name__ == "__main__":
    main()
