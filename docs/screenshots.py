"""Remake the README's screenshots of `povcli report` (docs/report*.png) in headless Chromium.

    python docs/screenshots.py

Run from the project root after installing povcli with its test extras (Playwright) and a
Chromium (Debian's `chromium`). Writes the reports into a temporary folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
POVCLI = str(Path(sys.executable).parent / "povcli")
BORROWING = "標題\n\n2019年末,全國農村貧困人口551萬人,比上年末減少1109萬人。\n"


def report(article: Path, out: Path) -> None:
    subprocess.run([POVCLI, "report", str(article), "-o", str(out), "--force",
                    "--reviewed-on", "2026-11-29"], check=False, capture_output=True)  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        card_page, borrowed_page = work / "card.html", work / "borrowed.html"
        report(DOCS / "examples" / "report-card.txt", card_page)
        (work / "borrowing.txt").write_text(BORROWING, encoding="utf-8")
        report(work / "borrowing.txt", borrowed_page)
        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as play:
            browser = play.chromium.launch(executable_path=executable)
            page = browser.new_page(viewport={"width": 960, "height": 900})
            page.goto(card_page.as_uri())
            page.screenshot(path=str(DOCS / "report.png"))
            page.locator("article.card.inconsistent").first.screenshot(
                path=str(DOCS / "report-card.png")
            )
            page.goto(borrowed_page.as_uri())
            page.locator("article.card").first.screenshot(path=str(DOCS / "report-borrowed.png"))
            browser.close()


if __name__ == "__main__":
    main()
