"""Generated poverty and income bulletins: the articles `povcli check` is benchmarked and
tested on in bulk.

Every sentence here is written for povcli (no outside prose): template paragraphs in the
genre's phrasing (a level that rose from A to B, a compound rate over a span of years, a
share of a whole, parts and their total, a fall in points), each filled with figures drawn
from a seeded generator, so that every article differs and a given seed always gives the
same one. Most relations are stated correctly (their figures worked out here and rounded as
a reporter would); about one in eight is off on purpose, so the checker has errors to find.

    python benchmarks/bulletins.py FOLDER --count 1000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PLACES = ["青山縣", "河西縣", "南嶺縣", "東坪縣", "石橋縣", "雲溪縣", "北原縣", "松林縣", "白沙縣"]
# townships: each figure sentence of an article is about a township of its own, so that no
# article states two figures for one subject and year (it would contradict itself)
TOWNSHIPS = [a + b + "鎮" for a in "上下東西南北前後" for b in "河山坪溪莊橋"]
SUBJECTS = [
    ("農村居民人均可支配收入", "元"),
    ("脫貧戶人均純收入", "元"),
    ("村集體經濟收入", "萬元"),
    ("特色產業產值", "億元"),
]
FILLER = [
    "各鄉鎮按月調度進度,逐村逐戶核對臺賬,做到底數清、情況明。",
    "駐村工作隊與村兩委一道走訪農戶,把政策講到田間地頭。",
    "下一步,全縣將鞏固拓展脫貧成果,守住不發生規模性返貧的底線。",
    "資金安排向產業項目傾斜,項目收益優先用於幫扶困難群眾。",
    "教育、醫療、住房和飲水保障持續鞏固,監測幫扶機制運行平穩。",
    "消費幫扶專櫃進駐機關食堂和商超,帶動農產品銷路拓寬。",
]


def _off(rng: random.Random, value: float) -> tuple[float, bool]:
    """The value as stated: right most of the time, one time in eight well off."""
    if rng.random() < 0.125:
        return value * rng.choice([0.8, 1.25, 1.5]), True
    return value, False


def growth(rng: random.Random, place: str) -> str:
    subject, unit = rng.choice(SUBJECTS[:2])
    old = rng.randint(4000, 9000)
    new = round(old * rng.uniform(1.05, 1.6))
    rate, _ = _off(rng, (new / old - 1) * 100)
    return f"{place}{subject}由{old}{unit}增加到{new}{unit},增長{rate:.1f}%。"


def change_rate(rng: random.Random, place: str) -> str:
    subject, unit = rng.choice(SUBJECTS[:2])
    level = rng.randint(6000, 16000)
    change = rng.randint(300, 1500)
    rate, _ = _off(rng, change / (level - change) * 100)
    year = rng.randint(2016, 2021)
    return f"{year}年,{place}{subject}{level}{unit},比上年增加{change}{unit},增長{rate:.1f}%。"


def cagr(rng: random.Random, place: str) -> str:
    subject, unit = rng.choice(SUBJECTS[:2])
    start_year = rng.randint(2012, 2015)
    end_year = start_year + rng.randint(4, 6)
    start = rng.randint(3000, 7000)
    end = round(start * rng.uniform(1.3, 2.2))
    rate, _ = _off(rng, ((end / start) ** (1 / (end_year - start_year)) - 1) * 100)
    return (
        f"{place}{subject}從{start_year}年的{start}{unit}增加到{end_year}年的{end}{unit},"
        f"年均增長{rate:.1f}%。"
    )


def point_change(rng: random.Random, place: str) -> str:
    old = rng.randint(50, 250) / 10
    new = rng.randint(0, 30) / 10
    drop, _ = _off(rng, old - new)
    return (
        f"{place}貧困發生率由{old:.1f}%下降到{new:.1f}%,下降{drop:.1f}個百分點,"
        "區域性整體貧困得到解決。"
    )


def difference(rng: random.Random, place: str) -> str:
    old = rng.randint(8000, 60000)
    new = rng.randint(0, old // 10)
    fall, _ = _off(rng, old - new)
    return f"{place}建檔立卡貧困人口由{old}人下降到{new}人,減少{round(fall)}人。"


def share(rng: random.Random, place: str) -> str:
    whole = rng.randint(100, 400)
    part = rng.randint(whole // 5, whole - 10)
    rate, _ = _off(rng, part / whole * 100)
    return f"{place}共有行政村{whole}個,其中{part}個村建成電商服務站點,占全部行政村的{rate:.1f}%。"


def total(rng: random.Random, place: str) -> str:
    parts = [rng.randint(20, 400) for _ in range(3)]
    whole, _ = _off(rng, sum(parts))
    kinds = "、".join(f"{p}個" for p in parts)
    return f"{place}共實施扶貧項目{round(whole)}個,分別為產業項目、基礎設施項目和公益項目{kinds}。"


TEMPLATES = [growth, change_rate, cagr, point_change, difference, share, total]


def bulletin(seed: int, low: int = 3000, high: int = 10000) -> str:
    """One article of `low` to `high` bytes (UTF-8): a title, then paragraphs of figures and
    plain sentences, all from the seed."""
    rng = random.Random(seed)
    county = rng.choice(PLACES)
    towns = rng.sample(TOWNSHIPS, len(TOWNSHIPS))
    size = rng.randint(low, high)
    lines = [f"{county}脫貧攻堅工作簡報(第{seed}期)", ""]
    length = sum(len(line.encode("utf-8")) + 1 for line in lines)
    while True:
        paragraph = "".join(
            rng.choice(TEMPLATES)(rng, towns.pop() if towns else county)
            if rng.random() < 0.7
            else rng.choice(FILLER)
            for _ in range(rng.randint(2, 4))
        )
        grown = length + len(paragraph.encode("utf-8")) + 2
        if grown > size and length >= low:
            break
        if grown > high:
            continue
        lines += [paragraph, ""]
        length = grown
    return "\n".join(lines)


def write_bulletins(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """`count` bulletins in `folder`, named bulletin-0001.txt and on."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"bulletin-{number + 1:04d}.txt"
        path.write_text(bulletin(seed * 100_003 + number), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_bulletins(args.folder, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} bulletins to {args.folder} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
