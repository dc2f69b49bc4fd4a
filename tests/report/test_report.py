"""`povcli report`: the HTML page's content, its escaping, and the page in a real browser."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from povcli.article.annotate import annotate
from povcli.article.clean import clean_article
from povcli.article.factcheck import check_reading
from povcli.article.figures import figures_of
from povcli.output.claimreview import review_date
from povcli.report import article_page, render_html
from tests.helpers import ROOT, SMALL_CATALOG, write_catalog

EXAMPLE = ROOT / "docs" / "examples" / "report-card.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# the browser tests run on one worker: one browser started, not one per worker
IN_ONE_BROWSER = pytest.mark.xdist_group("chromium")
INJECTED = "<script>window.__injected = 1</script>"
BREAKOUT = "</script><script>window.__injected = 2</script>"


def _page(text: str, lang: str = "zh") -> Any:
    cleaned = clean_article(text)
    reading = annotate(cleaned.text)
    findings = check_reading(reading)
    return article_page(reading, cleaned.metadata, findings, lang, "tester", "2026-11-29")


def test_page_counts_marks_and_cards() -> None:
    raw = EXAMPLE.read_text(encoding="utf-8")
    page = _page(raw)
    cleaned = clean_article(raw).text
    # every statistic of the cleaned text is marked once; six relations, one planted error
    assert page.figure_count == len(figures_of(cleaned)) == 16
    assert len(page.cards) == 6
    assert page.counts == {"consistent": 5, "inconsistent": 1, "unverifiable": 0, "derived": 0}
    marked = [p for paragraph in page.paragraphs for p in paragraph if p["figure"]]
    bad = {p["figure"] for p in marked if p["state"] == "inconsistent"}
    assert bad == {"5100元", "9300元", "16.5%"}
    assert page.title == "某省脫貧攻堅成績單(示例)"
    assert page.publisher == "示例日報"


def test_html_has_cards_chart_and_claim_review() -> None:
    document = render_html(_page(EXAMPLE.read_text(encoding="utf-8")))
    assert document.count('<article class="card') == 6
    assert document.count("<svg") == 1  # the one compound rate
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', document, re.S)
    reviews = json.loads(ld)
    assert len(reviews) == 6
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {
        "Consistent",
        "Grossly inconsistent",
    }
    # nothing is fetched: no external URL in any src, href or CSS url()
    assert not re.search(r'(?:src|href)="(?!#)|url\((?!#)', document)


def test_labels_follow_the_script_or_english() -> None:
    traditional = render_html(_page(EXAMPLE.read_text(encoding="utf-8")))
    assert '<html lang="zh-Hant">' in traditional and "事實核查報告" in traditional
    simplified = render_html(_page("标题\n贫困发生率由9.8%下降到0.3%,下降9.5个百分点。\n"))
    assert '<html lang="zh-Hans">' in simplified and "事实核查报告" in simplified
    english = render_html(_page(EXAMPLE.read_text(encoding="utf-8"), lang="en"))
    assert '<html lang="en">' in english and "Fact-check report" in english


def _hostile_catalog(tmp_path: Path) -> Path:
    source = (
        f"標題{INJECTED}\n\n今年全縣收入從2013年的100元增長到2019年200元,年均增長12.2%。"
        f"{BREAKOUT}\n\n共有5個村。\n"
    )
    catalog = (
        SMALL_CATALOG.replace("title: 標題", f"title: '標題{INJECTED}'")
        .replace(
            "quote: 年均增長12.2%",
            f"quote: '年均增長12.2%。{BREAKOUT}'",
        )
        .replace(
            "checks: []",
            "checks:\n  - id: growth\n    kind: cagr\n"
            "    inputs: {start: income-2013, end: income-2019, claimed: income-growth}",
        )
    )
    return write_catalog(tmp_path / "hostile", catalog, source)


def test_catalog_strings_come_out_as_text(cli: Any, tmp_path: Path) -> None:
    catalog = _hostile_catalog(tmp_path)
    out = tmp_path / "report.html"
    run = cli("report", "--facts", str(catalog), "-o", str(out), "--reviewed-on", "2026-11-29")
    assert run.exit_code == 0, run.stderr
    document = out.read_text(encoding="utf-8")
    # one script element only: the JSON-LD, whose "<" are escapes
    assert document.count("<script") == 1
    assert html.escape(INJECTED) in document
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', document, re.S)
    assert BREAKOUT in json.loads(ld)[0]["claimReviewed"]


def test_report_command_writes_and_exits_like_check(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = cli("report", str(EXAMPLE), "-o", str(out), "--reviewed-on", "2026-11-29")
    assert run.exit_code == 1  # the planted error, as check exits
    assert run.stdout == ""
    assert run.stderr.strip() == (
        f"wrote {out}: 6 relations (5 consistent, 1 inconsistent, 0 unverifiable, 0 derived),"
        " 16 figures marked"
    )
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    to_stdout = cli("report", str(EXAMPLE), "--reviewed-on", "2026-11-29")
    assert to_stdout.stdout.rstrip("\n") == out.read_text(encoding="utf-8").rstrip("\n")


def test_report_of_the_bundled_catalog(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "catalog.html"
    run = cli("report", "-o", str(out), "--lang", "en")
    assert run.exit_code == 0, run.stderr
    document = out.read_text(encoding="utf-8")
    assert document.count('<article class="card') == 26  # the catalog's 26 checks
    assert "Fact-check report" in document
    assert document.count("<svg") >= 1  # the headline compound rate


def test_report_refuses_a_folder_and_keeps_it(cli: Any, tmp_path: Path) -> None:
    run = cli("report", str(EXAMPLE), "-o", str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.startswith("error: output is a folder")
    assert list(tmp_path.iterdir()) == []


def test_report_leaves_no_file_when_the_article_is_bad(cli: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "report.html"
    run = cli("report", str(empty), "-o", str(out))
    assert run.exit_code == 2
    assert not out.exists()


# ----------------------------------------------------------------- in a real browser


@pytest.fixture(scope="module")
def browser() -> Any:
    if CHROMIUM is None:
        pytest.skip("needs Debian's chromium package (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api", reason="needs playwright (test extra)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield launched
        launched.close()


def _open(browser: Any, path: Path, width: int, height: int) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, requests, errors


@IN_ONE_BROWSER
def test_report_in_chromium(browser: Any, cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    cli("report", str(EXAMPLE), "-o", str(out), "--reviewed-on", "2026-11-29")
    for width, height in ((1280, 800), (390, 844)):
        page, requests, errors = _open(browser, out, width, height)
        assert errors == []
        assert requests == [out.as_uri()]  # the page itself, nothing else
        assert page.locator("section.article .fig").count() == 16
        assert page.locator("article.card").count() == 6
        assert page.locator(".fig.inconsistent").count() == 3
        # the inconsistent figures stand out without colour: a wavy underline and an icon
        style = page.locator(".fig.inconsistent").first.evaluate(
            "e => [getComputedStyle(e).textDecorationStyle,"
            " getComputedStyle(e, '::before').content]"
        )
        assert style == ["wavy", '"⚠"']
        # no horizontal scrolling, on a phone too
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(tmp_path / f"report-{width}x{height}.png"), full_page=True)
        page.close()
    assert (tmp_path / "report-1280x800.png").stat().st_size > 0
    assert (tmp_path / "report-390x844.png").stat().st_size > 0


@IN_ONE_BROWSER
def test_injected_script_does_not_run(browser: Any, cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    cli("report", "--facts", str(_hostile_catalog(tmp_path)), "-o", str(out))
    page, requests, errors = _open(browser, out, 1280, 800)
    assert page.evaluate("typeof window.__injected") == "undefined"
    assert INJECTED in page.locator("h1").inner_text()
    assert errors == [] and requests == [out.as_uri()]
    page.close()


@IN_ONE_BROWSER
def test_report_prints_to_pdf_with_its_cards(browser: Any, cli: Any, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (Debian's poppler-utils) to read the PDF")
    out = tmp_path / "report.html"
    cli("report", str(EXAMPLE), "-o", str(out), "--lang", "en", "--reviewed-on", "2026-11-29")
    page, _, _ = _open(browser, out, 1280, 800)
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    for number in range(1, 7):
        assert f"relation-{number}" in text
    assert "inconsistent" in text


def test_review_date_is_checked() -> None:
    assert review_date("2026-11-29") == "2026-11-29"


def test_terminal_chart_of_a_compound_rate(cli: Any) -> None:
    from rich.console import Console

    from povcli.output.charts import cagr_chart

    run = cli("check", str(EXAMPLE), "--format", "json")
    record = next(r for r in json.loads(run.stdout) if r["kind"] == "cagr")
    console = Console(force_terminal=True, width=100, color_system=None)
    with console.capture() as captured:
        console.print(cagr_chart(record))
    lines = captured.get().splitlines()
    # 5100元 in 2014, then each year at 12.77% (the figures) and at 16.5% (the text)
    assert lines[0].split()[:4] == ["period", "figures", "imply", "12.77%"]
    assert lines[1].split()[0] == "2014" and lines[-1].split()[0] == "2019"
    assert lines[-1].split()[-1] == f"{round(5100 * 1.165**5):,}"  # 10,945
    assert "9,300" in lines[-1]
    # piped, --chart adds nothing: the chart is for a terminal
    piped = cli("check", str(EXAMPLE), "--chart")
    assert piped.stdout == cli("check", str(EXAMPLE)).stdout
    assert cli("verify", "growth", "--chart").stdout == cli("verify", "growth").stdout


BORROWING = (
    "全國扶貧簡報\n\n2019年末,全國農村貧困人口551萬人,比上年末減少1109萬人。"
    "2019年,全國貧困地區農村居民人均可支配收入11567元,比上年增長11.5%。\n"
)


def test_borrowed_figures_show_their_source_and_series(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "brief.txt"
    article.write_text(BORROWING, encoding="utf-8")
    out = tmp_path / "brief.html"
    run = cli("report", str(article), "-o", str(out), "--reviewed-on", "2026-11-29")
    assert run.exit_code == 0, run.stderr
    document = out.read_text(encoding="utf-8")
    # last year's levels come from the reference catalog, each with its citation
    assert "national-poverty:poor-population-2018" in document
    assert "national-poverty:poor-area-income-2018" in document
    assert document.count('<ul class="borrowed">') == 2
    assert "国家统计局" in document
    # a chart of each borrowed series; the citation's address is text, never a link
    assert document.count("<svg") == 2
    assert "rural-poor-population" in document
    assert not re.search(r'(?:src|href)="(?!#)', document)


@IN_ONE_BROWSER
def test_report_of_the_bundled_catalog_in_chromium(browser: Any, cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "catalog.html"
    run = cli("report", "-o", str(out), "--reviewed-on", "2026-11-29")
    assert run.exit_code == 0, run.stderr
    page, requests, errors = _open(browser, out, 1280, 800)
    assert errors == [] and requests == [out.as_uri()]
    assert page.locator("article.card").count() == 26  # the catalog's checks
    # every statistic of the article is marked, those in a check linked to it
    assert page.locator("section.article .fig").count() >= 78
    assert page.locator("section.article a.fig").count() > 0
    page.screenshot(path=str(tmp_path / "catalog-1280x800.png"))
    page.close()


def test_chart_labels_from_a_catalog_are_text_not_mathtext() -> None:
    """`$\\fra{1}$` in a borrowed figure crashed matplotlib's mathtext parser."""
    from povcli.report.charts import series_chart
    from povcli.report.labels import labels_for

    svg = series_chart(
        "$\\fra{1}$ \u202e",
        [(2016, 4335.0), (2017, 3046.0), (2018, 1660.0)],
        (2018, "$\\fra{1}$"),
        (2019, 551.0, "$x^2$"),
        labels_for("", "en"),
    )
    assert "$\\fra{1}$" in svg and "$x^2$" in svg
    assert "\u202e" not in svg and "&lt;U+202E&gt;" in svg


def test_an_article_with_no_title_line_gets_a_short_heading() -> None:
    paragraph = (
        "脱贫攻坚取得决定性成就。2019年末,全国农村贫困人口551万人,贫困发生率0.6%,"
        "比上年下降1.1个百分点,区域性整体贫困基本得到解决。"
    )
    page = _page(paragraph + "\n第二段没有数字。\n")
    assert page.title == "脱贫攻坚取得决定性成就"
    # the paragraph is still the article's first, whole
    shown = "".join(p["text"] or p["figure"] for p in page.paragraphs[0])
    assert shown == paragraph
    long_sentence = (  # 50 characters before its first full stop
        "全国农村贫困人口从二〇一二年末的九千八百九十九万人减少至二〇一九年末的"
        "五百五十一万人累计减少九千三百四十八万人。其余。"
    )
    assert _page(long_sentence + "\n").title == (
        "全国农村贫困人口从二〇一二年末的九千八百九十九万人减少至二〇一九年末的五百五十一…"
    )


def test_a_short_first_line_heads_the_page_and_a_file_name_stands_in() -> None:
    from povcli.report import heading

    assert heading("某省脫貧攻堅成績單") == "某省脫貧攻堅成績單"
    assert heading("", "page.txt") == "page.txt"
    assert heading("。" * 50, "page.txt") == "page.txt"


def test_the_page_states_its_source_and_date() -> None:
    text = "标题\n《示例日报》2020年01月25日 01版\n贫困发生率由9.8%下降到0.3%,下降9.5个百分点。\n"
    page = _page(text)
    assert (page.publisher, page.date) == ("示例日报", "2020-01-25")
    assert "未注明" not in render_html(page)
    traditional = _page("標題\n發布時間:2020-01-25 08:43 來源:新華社\n貧困發生率0.3%。\n")
    assert (traditional.publisher, traditional.date) == ("新華社", "2020-01-25")


def _shown_text(document: str) -> str:
    """The page as a reader sees it: no JSON-LD, no tags."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", "", document, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


FALL = "标题\n贫困发生率由9.8%下降到0.3%,下降9.5个百分点。\n"


def test_a_chinese_page_says_its_verdicts_and_roles_in_chinese() -> None:
    document = render_html(_page(FALL))
    shown = _shown_text(document)
    # new − old: 0.25 − 9.85 = −9.6 to 0.35 − 9.75 = −9.4; 9.5 points of fall: −9.55 to −9.45
    assert (
        "相符:计算值为−9.5个百分点(区间−9.6至−9.4个百分点);"
        "文中9.5个百分点代表−9.55至−9.45个百分点,两者重叠。"
    ) in shown
    assert re.search(r"<dt>原值</dt>", document) and re.search(r"<dt>新值</dt>", document)
    assert not re.search(r"<dt>(?:old|new)</dt>", document)
    assert "consistent:" not in shown and "computed" not in shown
    # the formula names its roles, the figures their units and the card its kind in Chinese
    assert "新值 − 原值" in shown and "百分点变化" in shown
    assert "percentage-point" not in shown and "point-change" not in shown
    # the ClaimReview data stays as it was: English, from the check's result
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', document, re.S)
    assert json.loads(ld)[0]["reviewRating"]["alternateName"] == "Consistent"


def test_a_traditional_page_in_traditional_and_an_english_page_in_english() -> None:
    traditional = _shown_text(render_html(_page(EXAMPLE.read_text(encoding="utf-8"))))
    assert "兩者重疊" in traditional and "兩者不重疊" in traditional
    assert "嚴重" in traditional and "两者" not in traditional
    english = render_html(_page(FALL, lang="en"))
    assert "consistent: computed −9.5 percentage-point" in _shown_text(english)
    assert "<dt>old</dt>" in english and "原值" not in english


def test_readings_years_and_notes_speak_the_page_language() -> None:
    text = "标题\n\n农民收入从2014年的5100元增加到2019年的9300元,年均增长16.5%。\n"
    shown = _shown_text(render_html(_page(text)))
    assert "按期数复利计算(正确读法): 12.77%" in shown  # (9300/5100)^(1/5) − 1
    assert "简单平均:总增长 / 5: 16.47%" in shown  # (9300/5100 − 1) / 5
    assert "2014 → 2019:两个数据的年份" in shown
    assert "compound over" not in shown and "the years of the two levels" not in shown
    english = _shown_text(render_html(_page(text, lang="en")))
    assert "compound over the periods (correct): 12.77%" in english
    assert "2014 → 2019: the years of the two levels" in english


def test_figures_the_text_leaves_unwritten_speak_the_page_language() -> None:
    """A year's 365 days and a whole's 100%, which `check` names in English, are named in
    Chinese on a Chinese page, and a rate per day's unit is 人/天."""
    text = "标题\n\n5月底人口数为2307万3000人,与去年同月比较增加7万3000人,平均每天增加200人。\n"
    shown = _shown_text(render_html(_page(text)))
    assert "365天(一年)" in shown and "200 人/天" in shown
    assert "days" not in shown and "person per day" not in shown
    shares = "标题\n\n全县常住人口中,男性占51.0%,女性占49.0%。\n"
    assert "100%(总体)" in _shown_text(render_html(_page(shares)))
    english = _shown_text(render_html(_page(text, lang="en")))
    assert "365 days (a year)" in english and "person per day" in english


def test_a_months_minutes_speak_the_page_language() -> None:
    """One every so many minutes: the month's minutes (30 × 1440, which `check` names in
    English) and the minutes per person are Chinese on a Chinese page."""
    text = "标题\n\n6月出生数为9876人,平均约每4.4分钟出生一个婴儿。\n"
    shown = _shown_text(render_html(_page(text)))
    assert "30天 × 1440分钟(当月)" in shown and "分钟/人" in shown, shown
    assert "minute" not in shown and "days" not in shown
    english = _shown_text(render_html(_page(text, lang="en")))
    assert "30 days × 1440 minutes (the month's)" in english


def test_every_verdict_has_its_chinese_sentence() -> None:
    from povcli.report.words import formula_in, kind_name, verdict_sentence

    simplified = {"lang": "zh-Hans", "inconsistent": "不符"}
    lacking = {"kind": "difference", "verdict": "unverifiable", "missing": {"old": "not stated"},
               "computed": 5.0, "bounds": [4.0, 6.0], "unit": "person"}  # fmt: skip
    assert verdict_sentence(lacking, simplified) == (
        "无法核实:文中缺少原值。由已有数字计算:5人(区间4至6人)。"
    )
    too_large = {"kind": "share", "verdict": "inconsistent", "gross": True, "computed": 120.0,
                 "bounds": [119.0, 121.0], "unit": "%"}  # fmt: skip
    assert verdict_sentence(too_large, simplified) == (
        "不符(严重):部分不可能占总体的120%;比重至少为119%。"
    )
    derived = {"kind": "sum", "verdict": "derived", "computed": 6.8, "bounds": [6.75, 6.85],
               "unit": "yuan"}  # fmt: skip
    assert verdict_sentence(derived, simplified) == "推算:6.8元(区间6.75至6.85元)。"
    assert formula_in("((end / start)^(1 / periods) − 1) × 100", "zh-Hant") == (
        "((末期值 / 初期值)^(1 / 期數) − 1) × 100"
    )
    assert formula_in("part₁ + part₂ + …", "zh-Hans") == "部分₁ + 部分₂ + …"
    assert kind_name("point-change", "zh-Hans") == "百分点变化"
    assert kind_name("point-change", "en") == "point-change"
