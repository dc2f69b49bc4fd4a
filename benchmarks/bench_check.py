"""Benchmark `povcli check`: the seed against `povcli verify`, and a 1 MB article.

Run from the project root after installing it, with the seed article beside the checkout:

    python benchmarks/bench_check.py [--runs 21]

Reports, as the check issue asks:
- the median ratio of `povcli check SEED` to `povcli verify` (bundled catalog), runs alternating;
- `povcli check` on a 1 MB article (the seed repeated): wall time and peak memory (max RSS),
  the median of a few runs.
Nothing here is a test: it prints figures for a person to read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_index import compile_package, povcli, timed

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "shanxi-daily-2021-01-20-raw.txt"


def alternate(a: list[str], b: list[str], env: dict[str, str], runs: int) -> tuple[list, list]:
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(timed(a, env)[0])
        times_b.append(timed(b, env)[0])
    return times_a, times_b


def repeated_seed(folder: Path, size: int) -> Path:
    """The seed's title, then its body again and again until the file holds `size` bytes."""
    seed = SEED.read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    copies = size // len(body.encode("utf-8")) + 1
    path = folder / "seed-1mb.txt"
    path.write_text(title + "\n" + body * copies, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--big-runs", type=int, default=5)
    args = parser.parse_args()
    if not SEED.is_file():
        sys.exit(f"the seed article is not beside the checkout: {SEED}")
    compile_package()
    exe = povcli()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        env.pop("POVCLI_FACTS", None)
        check = [*exe, "check", str(SEED)]
        verify = [*exe, "verify"]
        timed(check, env), timed(verify, env)  # warm the disk cache
        checks, verifies = alternate(check, verify, env, args.runs)
        ratio = statistics.median(checks) / statistics.median(verifies)
        print(f"check seed     median {statistics.median(checks) * 1000:7.1f} ms")
        print(f"verify         median {statistics.median(verifies) * 1000:7.1f} ms")
        print(f"ratio check / verify  {ratio:.2f}  (goal ≤ 1.5, {args.runs} alternating pairs)")
        big = repeated_seed(Path(tmp), 1_000_000)
        runs = [
            timed([*exe, "check", str(big), "--format", "json"], env) for _ in range(args.big_runs)
        ]
        size = big.stat().st_size
        print(
            f"check 1 MB     median {statistics.median(r[0] for r in runs):.2f} s, "
            f"peak {max(r[1] for r in runs)} MiB  ({size:,} bytes; goal < 10 s, < 300 MB)"
        )


if __name__ == "__main__":
    main()
