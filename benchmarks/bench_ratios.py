"""Ratios to the import floor, before and after: two installs of povcli run alternating.

    python benchmarks/bench_ratios.py --before /path/to/old/venv/bin/povcli [--runs 11]

Each round runs the floor (`python -c "import typer, rich.table, yaml"`), then each command
with the old install, then with this one; the ratio of a run is its time over the floor's
time of the same round, and the figure is the median over the rounds. Both installs read the
same catalogs (the bundled ones of this checkout, through one cache folder each, warmed
first). Nothing here is a test: it prints a Markdown table for a person to read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_index import FLOOR, compile_package, povcli, timed

COMMANDS = {
    "search 光伏": ["search", "光伏"],
    "list": ["list"],
    "verify": ["verify"],
    "verify growth": ["verify", "growth"],
    "show income-2013": ["show", "income-2013"],
    "info": ["info"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the old install's povcli")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    compile_package()
    after = povcli()
    before = [args.before]
    with tempfile.TemporaryDirectory() as scratch:
        envs = {}
        for name in ("before", "after"):
            env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / name), "NO_COLOR": "1"}
            env.pop("POVCLI_FACTS", None)
            envs[name] = env
        rows = []
        for label, command in COMMANDS.items():
            for fmt in ("table", "json"):
                extra = [] if fmt == "table" else ["--format", "json"]
                old, new = [*before, *command, *extra], [*after, *command, *extra]
                timed(old, envs["before"]), timed(new, envs["after"])  # warm
                ratios: dict[str, list[float]] = {"before": [], "after": []}
                for _ in range(args.runs):
                    floor = timed(FLOOR, envs["after"])[0]
                    ratios["before"].append(timed(old, envs["before"])[0] / floor)
                    ratios["after"].append(timed(new, envs["after"])[0] / floor)
                medians = {k: statistics.median(v) for k, v in ratios.items()}
                rows.append((label, fmt, medians["before"], medians["after"]))
                print(
                    f"  {label:20} {fmt:5} before {medians['before']:.2f}"
                    f"  after {medians['after']:.2f}",
                    flush=True,
                )
    print("\n| command | format | before | after | goal |\n|---|---|---|---|---|")
    for label, fmt, old_ratio, new_ratio in rows:
        goal = "≤ 1.3" if fmt == "table" else "≤ 1.0"
        print(f"| `{label}` | {fmt} | {old_ratio:.2f} | {new_ratio:.2f} | {goal} |")


if __name__ == "__main__":
    main()
