"""Benchmark the index behind every command: 78 facts, 100,000 and 1,000,000.

Run from the project root after installing it:

    python benchmarks/bench_index.py [--sizes 78,100000,1000000] [--runs 11]

For each catalog size (the bundled facts repeated under unique ids, their
checks kept, the source text beside them):
- the cold run (`search 光伏`, the index built): seconds, peak memory, index size;
- each command, warm, alternating with `python -c "import typer, rich.table, yaml"`:
  median seconds, median ratio to that floor, peak memory; for big catalogs
  also the ratio to the same command on the bundled catalog;
- streamed JSON: `list --format json` and `search 光伏 --format json` (every
  match), rows per second and peak memory.
`--loaders N` compares, on a catalog of N facts, PyYAML's CSafeLoader with
povcli's streaming loader (parse only: the rest of the build is the same).
`--cold-only` times the cold build alone at each size (for 300,000 and 1,000,000 facts:
`--sizes 300000,1000000 --cold-only`), the sum of the resident sizes of povcli and its
parsing child sampled for the peak.
Nothing here is a test: it prints figures for a person to read.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "data" / "facts.yaml"
FLOOR = [sys.executable, "-c", "import typer, rich.table, yaml"]
COMMANDS: dict[str, list[str]] = {
    "search 光伏": ["search", "光伏"],
    "search 光伏 --format json": ["search", "光伏", "--format", "json"],
    # as many rows as the bundled catalog has matches: the index's cost, not the table's
    "search 光伏 --limit 3": ["search", "光伏", "--limit", "3"],
    "search 光伏 --limit 50 --format json": ["search", "光伏", "--limit", "50", "--format", "json"],
    "show income-2013": ["show", "income-2013"],
    "show income-2013 --format json": ["show", "income-2013", "--format", "json"],
    "verify growth": ["verify", "growth"],
    "verify growth --format json": ["verify", "growth", "--format", "json"],
    "list --section lead --limit 50": ["list", "--section", "lead", "--limit", "50"],
    "list --section lead --limit 50 --format json": [
        *("list", "--section", "lead", "--limit", "50", "--format", "json")
    ],
    "info": ["info"],
    "info --format json": ["info", "--format", "json"],
}
# whole-catalog commands: timed on the bundled catalog only
BUNDLED_ONLY: dict[str, list[str]] = {
    "list": ["list"],
    "list --format json": ["list", "--format", "json"],
    "verify": ["verify"],
    "verify --format json": ["verify", "--format", "json"],
}


def povcli() -> list[str]:
    beside = Path(sys.executable).parent / "povcli"
    found = str(beside) if beside.exists() else shutil.which("povcli")
    if not found:
        sys.exit("povcli is not installed: pip install -e .")
    return [found]


def compile_package() -> None:
    """Byte-compile povcli as an installer does."""
    import compileall

    import povcli

    compileall.compile_dir(Path(povcli.__file__).parent, quiet=1)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall time in seconds, peak RSS in MiB and bytes written of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    written = 0
    assert process.stdout is not None
    while chunk := process.stdout.read(1 << 16):
        written += len(chunk)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    process.stdout.close()
    if process.stderr:
        process.stderr.close()
    if code not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({code}): {stderr}")
    return elapsed, usage.ru_maxrss // 1024, written


def generate_catalog(folder: Path, count: int) -> Path:
    """`count` facts: the bundled ones repeated, ids made unique, checks and source kept."""
    text = CATALOG.read_text(encoding="utf-8")
    head, _, rest = text.partition("\nfacts:\n")
    facts, _, checks = rest.partition("\nchecks:\n")
    blocks = re.split(r"(?m)^(?=  - id: )", facts)
    blocks = [block for block in blocks if block.startswith("  - id: ")]
    shutil.copytree(CATALOG.parent / "source", folder / "source", dirs_exist_ok=True)
    path = folder / "facts.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write(head + "\nfacts:\n")
        for number in range(count):
            block = blocks[number % len(blocks)]
            copy = number // len(blocks)
            if copy:
                block = re.sub(r"^  - id: (\S+)", rf"  - id: \1-{copy}", block, count=1)
            out.write(block if block.endswith("\n") else block + "\n")
        out.write("checks:\n" + checks)
    return path


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def bench_commands(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, dict[str, float]]:
    results = {}
    for name, args in commands.items():
        command = [*povcli(), *args]
        timed(command, env)  # warm
        floor_times, times, peaks = [], [], []
        for _ in range(runs):
            floor_times.append(timed(FLOOR, env)[0])
            seconds, peak, _ = timed(command, env)
            times.append(seconds)
            peaks.append(peak)
        ratios = [t / f for t, f in zip(times, floor_times, strict=True)]
        results[name] = {
            "ms": median_ms(times),
            "floor_ms": median_ms(floor_times),
            "ratio": statistics.median(ratios),
            "peak_mib": max(peaks),
        }
        print(
            f"  {name:48} {results[name]['ms']:7.0f} ms  ratio {results[name]['ratio']:.2f}"
            f"  peak {results[name]['peak_mib']} MiB",
            flush=True,
        )
    return results


def cold_build(count: int, folder: Path) -> dict[str, object]:
    """A catalog of `count` facts indexed from cold: seconds, peak memory, index size."""
    from bench_batch import run

    catalog = generate_catalog(folder, count)
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache"), "POVCLI_FACTS": str(catalog)}
    shutil.rmtree(folder / "cache", ignore_errors=True)
    seconds, peak, _ = run([*povcli(), "search", "光伏"], env)
    size = sum(p.stat().st_size for p in (folder / "cache" / "povcli").glob("index-*.sqlite"))
    print(
        f"{count} facts ({catalog.stat().st_size / 2**20:.0f} MiB): cold build {seconds:.1f} s,"
        f" peak {peak / 2**20:.0f} MiB (povcli and its parser), index {size / 2**20:.0f} MiB",
        flush=True,
    )
    return {"facts": count, "cold_s": seconds, "peak_mib": peak / 2**20, "index_mib": size / 2**20}


def bench_size(count: int, folder: Path, runs: int, warm_only: bool = False) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache"), "NO_COLOR": "1"}
    env.pop("POVCLI_FACTS", None)
    if warm_only:
        if count:
            env["POVCLI_FACTS"] = str(folder / "facts.yaml")
        print(f"\n{count or 78} facts, warm only", flush=True)
        return {"facts": count or 78, "commands": bench_commands(COMMANDS, env, runs)}
    if count:
        started = time.perf_counter()
        catalog = generate_catalog(folder, count)
        print(
            f"\n{count} facts: generated in {time.perf_counter() - started:.1f} s"
            f" ({catalog.stat().st_size / 2**20:.1f} MiB)",
            flush=True,
        )
        env["POVCLI_FACTS"] = str(catalog)
    else:
        print("\nbundled catalog (78 facts)", flush=True)
    cold, cold_peak, _ = timed([*povcli(), "search", "光伏"], env)
    size = sum(p.stat().st_size for p in (folder / "cache" / "povcli").glob("index-*.sqlite"))
    print(
        f"  cold search 光伏 (index built): {cold:.2f} s, peak {cold_peak} MiB,"
        f" index {size / 2**20:.1f} MiB",
        flush=True,
    )
    result: dict[str, object] = {
        "facts": count or 78,
        "cold_s": cold,
        "cold_peak_mib": cold_peak,
        "index_mib": size / 2**20,
    }
    result["commands"] = bench_commands(COMMANDS, env, runs)
    if not count:
        result["bundled_only"] = bench_commands(BUNDLED_ONLY, env, runs)
    else:
        streams = {}
        for name, args in (
            ("list --format json", ["list", "--format", "json"]),
            ("search 光伏 --format json --limit 0", ["search", "光伏", "-f", "json", "--limit=0"]),
        ):
            seconds, peak, written = timed([*povcli(), *args], env)
            rows = count if args[0] == "list" else _count_rows(args, env)
            streams[name] = {"s": seconds, "rows": rows, "rows_per_s": rows / seconds,
                             "peak_mib": peak, "mib_written": written / 2**20}  # fmt: skip
            print(
                f"  {name:48} {seconds:7.1f} s  {rows} rows, {rows / seconds:,.0f} rows/s,"
                f" peak {peak} MiB",
                flush=True,
            )
        result["streams"] = streams
    return result


def _count_rows(args: list[str], env: dict[str, str]) -> int:
    run = subprocess.run([*povcli(), *args], env=env, capture_output=True, check=False)
    return len(json.loads(run.stdout))


def compare_loaders(count: int, folder: Path) -> None:
    """Parse a catalog of `count` facts with each loader, in a child each (peak memory)."""
    catalog = generate_catalog(folder, count)
    snippets = {
        "PyYAML CSafeLoader (whole tree)": (
            "import yaml,sys; yaml.load(open(sys.argv[1],'rb'), Loader=yaml.CSafeLoader)"
        ),
        "povcli streaming loader (fact by fact)": (
            "import sys; from povcli.yamlload import load;"
            " load(open(sys.argv[1],'rb'), on_fact=lambda item, position: None)"
        ),
    }
    print(f"\nloaders, {count} facts ({catalog.stat().st_size / 2**20:.0f} MiB):", flush=True)
    for name, code in snippets.items():
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", code, str(catalog)])
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        outcome = "ok" if os.waitstatus_to_exitcode(status) == 0 else "FAILED (memory limit?)"
        print(
            f"  {name:40} {seconds:6.1f} s  peak {usage.ru_maxrss // 1024} MiB  {outcome}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--sizes", default="78,100000,1000000")
    parser.add_argument("--loaders", type=int, default=0, help="compare loaders at N facts")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--warm-only", action="store_true", help="reuse --keep's catalogs and indexes"
    )
    parser.add_argument("--cold-only", action="store_true", help="time the cold builds only")
    args = parser.parse_args()
    compile_package()
    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        if args.loaders:
            compare_loaders(args.loaders, base / "loaders")
        for size in (int(s) for s in args.sizes.split(",") if s):
            folder = base / f"facts-{size}"
            folder.mkdir(parents=True, exist_ok=True)
            if args.cold_only:
                figures.append(cold_build(size, folder))
                continue
            figures.append(bench_size(0 if size == 78 else size, folder, args.runs, args.warm_only))
    bundled = next((f for f in figures if f["facts"] == 78 and "commands" in f), None)
    if bundled:
        for result in figures:
            if result is bundled:
                continue
            # the ratio of the two floor ratios corrects for load that changed between
            # the sizes' runs (the machine is shared); the plain ratio of medians beside it
            print(f"\n{result['facts']} facts / bundled, warm (floor-corrected, plain):")
            for name, values in result["commands"].items():  # type: ignore[attr-defined]
                base = bundled["commands"][name]  # type: ignore[index]
                print(
                    f"  {name:48} {values['ratio'] / base['ratio']:.2f}"
                    f"  {values['ms'] / base['ms']:.2f}"
                )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
