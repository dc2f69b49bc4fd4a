"""Score `povcli check` on real articles against relations judged by hand.

    python benchmarks/bench_real.py FOLDER [--relations benchmarks/real-relations.tsv]
                                    [--povcli PATH] [--json] [--misses] [--jobs N]

FOLDER holds the saved article texts named in the relations file (they stay on the
machine that saved them: third-party prose is not committed); benchmarks/real-corpus.tsv
says where each was read and how to find it again.

The relations file is tab-separated, one relation per line: file, id, kind, values (every
figure of the relation in base units, the stated result included), verdict (consistent or
inconsistent), and optionally the planted copy's name and the relation's values in it.

Per kind, and in total, it prints:
- relations: judged by hand;
- found: some result of `povcli check FILE --format json` holds every value (among its
  claimed figure and its inputs' values; a percentage also as a fraction) with the
  expected verdict;
- wrong unverifiable: not found, but a result holding every value says "unverifiable";
- planted / caught: one figure changed in a copy; caught when a result holding the
  planted values is "inconsistent";
- false alarms: "inconsistent" results in an original article that hold the values of no
  relation expected to be inconsistent.
These are the rules of the project's scoreboard (../shared/tools/scoreboard.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# fields of a result that hold no figure of the relation (bounds, offsets, periods…)
SKIP = {
    "bounds", "claimed_bounds", "computed", "start", "end", "offset", "offsets", "span", "period",
    "periods", "readings", "line", "missing", "explanation", "working", "formula",
}  # fmt: skip


@dataclass
class Relation:
    file: str
    id: str
    kind: str
    values: list[float]
    verdict: str
    planted: str = ""
    planted_values: list[float] = field(default_factory=list)


def read_relations(path: Path) -> list[Relation]:
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + [""] * 7
        numbers = [
            [float(v) for v in cell.split(",") if v.strip()] for cell in (cells[3], cells[6])
        ]
        relations.append(Relation(cells[0], cells[1], cells[2], numbers[0], cells[4], cells[5],
                                  numbers[1]))  # fmt: skip
    return relations


def figures(result: dict[str, Any]) -> list[float]:
    """Every number a result states: its claimed figure and its inputs' values, however nested."""
    out: list[float] = []

    def walk(value: Any) -> None:
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int | float):
            out.append(abs(float(value)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in SKIP:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(result.get("claimed"))
    walk(result.get("inputs"))
    return out


def same(got: float, want: float) -> bool:
    return any(abs(got - w) <= 1e-9 * max(1.0, abs(w)) for w in (want, want / 100))


def holds(result: dict[str, Any], values: list[float]) -> bool:
    pool = figures(result)
    for value in values:
        hit = next((i for i, got in enumerate(pool) if same(got, abs(value))), None)
        if hit is None:
            return False
        pool.pop(hit)
    return True


def check(povcli: str, path: Path) -> list[dict[str, Any]]:
    run = subprocess.run([povcli, "check", str(path), "--format", "json"], capture_output=True,
                         text=True, env=dict(os.environ, NO_COLOR="1"), timeout=600)  # fmt: skip
    try:
        results = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"warning: {path.name}: exit {run.returncode}, no JSON: {run.stderr.strip()[-160:]}",
              file=sys.stderr)  # fmt: skip
        return []
    return results if isinstance(results, list) else []


def score(relations: list[Relation], results: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    per: dict[str, Counter[str]] = defaultdict(Counter)
    expected_wrong: dict[str, list[list[float]]] = defaultdict(list)
    misses, unverifiable = [], []
    for relation in relations:
        counts = per[relation.kind]
        counts["relations"] += 1
        if relation.verdict == "inconsistent":
            expected_wrong[relation.file].append(relation.values)
        found = results.get(relation.file, [])
        if any(holds(r, relation.values) and r.get("verdict") == relation.verdict for r in found):
            counts["found"] += 1
        else:
            misses.append(f"{relation.file}:{relation.id} {relation.kind}")
            if any(holds(r, relation.values) and r.get("verdict") == "unverifiable" for r in found):
                counts["unverifiable"] += 1
                unverifiable.append(f"{relation.file}:{relation.id} {relation.kind}")
        if relation.planted:
            counts["planted"] += 1
            copy = results.get(relation.planted, [])
            if any(holds(r, relation.planted_values) and r.get("verdict") == "inconsistent"
                   for r in copy):  # fmt: skip
                counts["caught"] += 1
    alarms = []
    for name in sorted({r.file for r in relations}):
        for result in results.get(name, []):
            if result.get("verdict") != "inconsistent":
                continue
            if any(holds(result, values) for values in expected_wrong[name]):
                continue
            said = str(result.get("explanation") or "")[:90]
            alarms.append(f"{name}: {result.get('kind')} {result.get('quote', '')[:40]!r} {said}")
    total: Counter[str] = Counter()
    for counts in per.values():
        total.update(counts)
    return {
        "per_kind": {k: dict(v) for k, v in per.items()},
        "total": dict(total),
        "false_alarms": alarms,
        "missed": misses,
        "wrong_unverifiable": unverifiable,
    }


def table(scored: dict[str, Any]) -> str:
    heads = ("kind", "relations", "found", "unverif.", "planted", "caught")
    lines = [f"| {' | '.join(heads)} |", "|" + "---|" * len(heads)]
    rows = sorted(scored["per_kind"].items(), key=lambda item: -item[1].get("relations", 0))
    for kind, counts in [*rows, ("**total**", scored["total"])]:
        cells = [
            counts.get(k, 0) for k in ("relations", "found", "unverifiable", "planted", "caught")
        ]
        lines.append(f"| {kind} | " + " | ".join(str(c) for c in cells) + " |")
    total = scored["total"]
    found = total.get("found", 0) / max(1, total.get("relations", 0))
    caught = total.get("caught", 0) / max(1, total.get("planted", 0))
    lines.append("")
    lines.append(f"found {found:.1%}, planted caught {caught:.1%}, "
                 f"false alarms {len(scored['false_alarms'])}")  # fmt: skip
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--relations", type=Path, default=HERE / "real-relations.tsv")
    parser.add_argument("--povcli", default=shutil.which("povcli") or "povcli")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list every relation missed")
    args = parser.parse_args()
    relations = read_relations(args.relations)
    names = sorted({r.file for r in relations} | {r.planted for r in relations if r.planted})
    missing = [name for name in names if not (args.folder / name).is_file()]
    if missing:
        print(f"error: {len(missing)} articles not in {args.folder}: {', '.join(missing[:5])}",
              file=sys.stderr)  # fmt: skip
        return 2
    with ThreadPoolExecutor(args.jobs) as pool:
        found = dict(zip(names, pool.map(lambda n: check(args.povcli, args.folder / n), names),
                         strict=True))  # fmt: skip
    scored = score(relations, found)
    if args.json:
        print(json.dumps(scored, ensure_ascii=False, indent=2))
        return 0
    print(table(scored))
    for alarm in scored["false_alarms"]:
        print("  false alarm: " + alarm)
    if args.misses:
        print("missed: " + ", ".join(scored["missed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
