"""A grain table scraped one cell a line, in the shape of fresh trial 17's A02 (the bureau's
summer-grain release): its header names the yield column by its words, 每公顷产量 (公斤), not
by a unit over another, so the column is in 公斤/公顷 and is the output column over the area
column. Our own figures, worked by hand (万吨 × 10^7 公斤 / 千公顷 × 10^3 公顷):
  total 1200.0 / 2400.0 × 10^4 = 5000.0
  甲省 300.0 / 500.0 × 10^4 = 6000.0; 乙省 450.0 / 1000.0 × 10^4 = 4500.0;
  丙省 250.0 / 400.0 × 10^4 = 6250.0; 丁省 200.0 / 500.0 × 10^4 = 4000.0.
A planted 丙省 yield of 6520.0 is 270 公斤 off where four rows hold: it is called wrong."""

from __future__ import annotations

from tests.helpers import both_scripts, of_kind

ROWS = (
    ("全省总计", "2400.0", "1200.0", "5000.0"),
    ("甲 省", "500.0", "300.0", "6000.0"),
    ("乙 省", "1000.0", "450.0", "4500.0"),
    ("丙 省", "400.0", "250.0", "{yield_c}"),
    ("丁 省", "500.0", "200.0", "4000.0"),
)


def table(yield_c: str) -> str:
    cells = ["|", "2024年各地区夏粮产量 |", "|||", "|", "|"]
    cells += ["播 种 面 积 (千公顷) |", "总产量 (万吨) |", "每公顷产量 (公斤) |", "|"]
    for row in ROWS:
        cells += [f"{cell.format(yield_c=yield_c)} |" for cell in row] + ["|"]
    return "2024年全省夏粮生产情况如下:\n" + "\n".join(cells) + "\n"


def yields(text: str) -> list[tuple[str, list[float], float | None]]:
    return of_kind(text, "per-unit")


def test_each_rows_yield_is_its_output_over_its_area() -> None:
    for text in both_scripts(table("6250.0")):
        found = yields(text)
        # output in 吨, area in 公顷, the factor 1000 公斤 a 吨
        assert ("consistent", [1000.0, 2_400_000.0, 12_000_000.0], 5000.0) in found, found
        assert ("consistent", [1000.0, 400_000.0, 2_500_000.0], 6250.0) in found, found
        assert all(verdict == "consistent" for verdict, _, _ in found), found
        assert len(found) == 5, found


def test_a_planted_yield_is_called_wrong() -> None:
    for text in both_scripts(table("6520.0")):
        wrong = [f for f in yields(text) if f[0] == "inconsistent"]
        assert wrong == [("inconsistent", [1000.0, 400_000.0, 2_500_000.0], 6520.0)], wrong
