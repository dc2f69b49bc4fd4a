"""Issue 22 rows 4 and 6: `povcli check` on long articles, to show the time grows with the text.

    python benchmarks/bench_long_articles.py [--povcli PATH] [--runs N] [--sizes KB,KB,...]

Inputs are made in a temporary folder: a flattened table ('1,' repeated, as a table pasted
without its lines reads) and the README's example article repeated to each size. Each input is
checked N times (default 3), alternating with the import floor (`python -c "import typer,
rich.table, yaml"`), and the medians are printed with the seconds per MB above the floor.
Nothing here is a test: the figures are for a person to read (benchmarks/hostile-round-3.md,
rows 4 and 6).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "report-card.txt"
FLOOR = [sys.executable, "-c", "import typer, rich.table, yaml"]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
    return time.perf_counter() - start


def inputs(folder: Path, sizes_kb: list[int]) -> list[tuple[str, Path]]:
    made = []
    for kb in (16, 64):
        path = folder / f"flat-{kb}k.txt"
        path.write_text("T\n\n" + "1," * (kb * 1024 // 2), encoding="utf-8")
        made.append((f"flattened table {kb} KB", path))
    text = EXAMPLE.read_text(encoding="utf-8")
    for kb in sizes_kb:
        path = folder / f"article-{kb}k.txt"
        path.write_text(text * max(1, kb * 1024 // len(text.encode())), encoding="utf-8")
        made.append((f"example article {kb} KB", path))
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--povcli", default=str(Path(sys.executable).parent / "povcli"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="256,1024,2048")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'input':28} {'bytes':>9} {'median s':>9} {'floor s':>8} {'s per MB':>9}")
        for name, path in inputs(Path(folder), sizes):
            checks, floors = [], []
            for _ in range(args.runs):  # alternating: the machine's load falls on both alike
                checks.append(timed([args.povcli, "check", str(path), "--format", "json"]))
                floors.append(timed(FLOOR))
            size = path.stat().st_size
            check, floor = statistics.median(checks), statistics.median(floors)
            per_mb = (check - floor) / (size / 2**20)
            print(f"{name:28} {size:>9} {check:>9.2f} {floor:>8.2f} {per_mb:>9.2f}")


if __name__ == "__main__":
    main()
