"""Benchmark `povcli search`: start-up against the floor our libraries set, and 100,000 facts.

Run from the project root after installing it:

    python benchmarks/bench_search.py [--runs 21] [--facts 100000]

Reports, as the search issue asks:
- the median ratio of `povcli search 光伏` (warm cache) to
  `python -c "import typer, rich.table, yaml"`, runs alternating;
- with a generated catalog of N facts (via POVCLI_FACTS): the cold run
  (index built), warm runs, their ratio to the bundled-catalog search, and
  the peak memory (max RSS) of each.
Nothing here is a test: it prints figures for a person to read.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import typer, rich.table, yaml"]


def povcli() -> list[str]:
    beside = Path(sys.executable).parent / "povcli"
    found = str(beside) if beside.exists() else shutil.which("povcli")
    if not found:
        sys.exit("povcli is not installed: pip install -e .")
    return [found]


def compile_package() -> None:
    """Byte-compile povcli as an installer does: with PYTHONDONTWRITEBYTECODE set,
    an editable install would otherwise recompile its sources on every run."""
    import compileall

    import povcli

    compileall.compile_dir(Path(povcli.__file__).parent, quiet=1)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in MiB of one run of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        stderr = process.stderr.read().decode() if process.stderr else ""
        sys.exit(f"{' '.join(command)} failed ({process.returncode}): {stderr}")
    if process.stderr:
        process.stderr.close()
    return elapsed, usage.ru_maxrss // 1024


def alternate(a: list[str], b: list[str], env: dict[str, str], runs: int) -> tuple[list, list]:
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(timed(a, env)[0])
        times_b.append(timed(b, env)[0])
    return times_a, times_b


class NoAliasDumper(yaml.SafeDumper):
    """Write every fact in full, as a curator would, with no YAML anchors."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def generate_catalog(folder: Path, count: int) -> Path:
    """A catalog of `count` facts made from the bundled ones, ids and values varied."""
    bundled = yaml.safe_load((ROOT / "data" / "facts.yaml").read_text(encoding="utf-8"))
    base = bundled["facts"]
    facts = []
    for number in range(count):
        fact = dict(base[number % len(base)])
        copy = number // len(base)
        if copy:
            fact["id"] = f"{fact['id']}-{copy}"
        facts.append(fact)
    source = dict(bundled["source"])
    source["text"] = str(ROOT / "data" / source["text"])
    path = folder / "facts.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(
            {"source": source, "facts": facts, "checks": []},
            handle,
            Dumper=NoAliasDumper,
            allow_unicode=True,
            sort_keys=False,
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--query", default="光伏")
    parser.add_argument("--generate-into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_into:
        generate_catalog(args.generate_into, args.facts)
        return
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(folder) / "cache"), "NO_COLOR": "1"}
        env.pop("POVCLI_FACTS", None)
        search = [*povcli(), "search", args.query]
        timed(search, env)  # build the bundled catalog's index
        floor_times, search_times = alternate(FLOOR, search, env, args.runs)
        ratios = [s / f for s, f in zip(search_times, floor_times, strict=True)]
        bundled = statistics.median(search_times)
        print(f"floor  {FLOOR[-1]!r}: median {statistics.median(floor_times) * 1000:.0f} ms")
        print(f"search {args.query!r} (bundled, warm): median {bundled * 1000:.0f} ms")
        print(f"ratio search/floor: median {statistics.median(ratios):.2f} over {args.runs} pairs")

        started = time.perf_counter()
        # in a child process: a forked child's peak memory would include ours
        subprocess.run(
            [sys.executable, __file__, "--facts", str(args.facts), "--generate-into", folder],
            check=True,
        )
        catalog = Path(folder) / "facts.yaml"
        print(
            f"\ngenerated {args.facts} facts in {time.perf_counter() - started:.1f} s"
            f" ({catalog.stat().st_size / 2**20:.1f} MiB)"
        )
        big = {**env, "POVCLI_FACTS": str(catalog)}
        cold, cold_rss = timed(search, big)
        print(f"cold search (index built): {cold:.1f} s, peak memory {cold_rss} MiB")
        warm = [timed(search, big) for _ in range(max(3, args.runs // 3))]
        warm_median = statistics.median(t for t, _ in warm)
        print(
            f"warm search: median {warm_median * 1000:.0f} ms, "
            f"peak memory {max(r for _, r in warm)} MiB"
        )
        print(f"ratio warm {args.facts} facts / bundled: {warm_median / bundled:.2f}")
        for query in ("1122", "fu", "solar power"):
            seconds, rss = timed([*povcli(), "search", query, "--format", "json"], big)
            print(f"  search {query!r} --format json: {seconds * 1000:.0f} ms, {rss} MiB")


if __name__ == "__main__":
    main()
