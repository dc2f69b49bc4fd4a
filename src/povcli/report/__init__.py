"""`povcli report`: a self-contained HTML page of a fact-check, for people to read and share.

The page holds the article with every statistic marked, one card per relation
(sentence, formula, working, bounds, verdict, other readings), SVG charts for
compound rates, and ClaimReview JSON-LD. Building the page's data is plain
data in, data out; `render_html` fills the Jinja2 template, escaping every
string from the article or the catalog.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from povcli.article.annotate import annotate
from povcli.article.borrow import reference_of
from povcli.article.clean import CleanResult, stated_source, with_controls
from povcli.article.extract import find_mentions, link_mentions
from povcli.article.factcheck import check_reading
from povcli.article.notes import Reading
from povcli.catalog.checks import run_check
from povcli.catalog.load import load_catalog
from povcli.catalog.locate import first_catalog
from povcli.index.library import require_valid, valid_references, with_library
from povcli.output.claimreview import claim_reviews
from povcli.output.formats import format_value, json_escaped, safe_text
from povcli.periods import compound_years
from povcli.report.charts import cagr_chart, series_chart
from povcli.report.labels import labels_for
from povcli.report.words import (
    formula_in,
    kind_name,
    phrase_in,
    role_names,
    unit_name,
    unit_names,
    verdict_sentence,
)
from povcli.verdict import Verdict

# the order verdicts are counted in on the page
VERDICTS = (Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.UNVERIFIABLE, Verdict.DERIVED)
# how a figure is marked when it takes part in relations: the worst verdict wins
SEVERITY: dict[str, int] = {
    Verdict.INCONSISTENT: 3,
    Verdict.UNVERIFIABLE: 2,
    Verdict.CONSISTENT: 1,
    Verdict.DERIVED: 0,
}


@dataclass
class Page:
    """Everything the template shows, as plain data."""

    labels: dict[str, str]
    title: str
    publisher: str | None
    date: str | None
    reviewer: str
    reviewed_on: str
    counts: dict[str, int]
    paragraphs: list[list[dict[str, Any]]]
    cards: list[dict[str, Any]]
    claim_reviews: list[dict[str, Any]] = field(default_factory=list)

    @property
    def figure_count(self) -> int:
        return sum(1 for paragraph in self.paragraphs for piece in paragraph if piece.get("figure"))


def article_report(
    cleaned: CleanResult,
    facts: Sequence[str] | None,
    lang: str,
    reviewer: str,
    reviewed_on: str,
    name: str = "",
) -> Page:
    """The page for an article (cleaned), judged by `check` with the library named by `facts`;
    `name` (the file's) heads the page when the article opens with no short line."""
    reference = with_library(facts, lambda library: reference_of(valid_references(library)))
    reading = annotate(cleaned.text)
    findings = check_reading(reading, reference)
    return article_page(
        reading, cleaned.metadata, findings, lang, reviewer, reviewed_on, reference,
        cleaned.controls, name,
    )  # fmt: skip


def catalog_report(facts: Sequence[str] | None, lang: str, reviewer: str, reviewed_on: str) -> Page:
    """The page for the first catalog named (else the bundled article's), judged by its checks
    (refused, as `verify` refuses it, when `validate` rejects the catalog)."""
    path = first_catalog(facts)
    with_library([str(path)], require_valid, library=False)
    catalog = load_catalog(path)
    results = [run_check(check, catalog) for check in catalog.checks]
    return catalog_page(catalog, results, lang, reviewer, reviewed_on)


def article_page(
    reading: Reading,
    metadata: dict[str, str],
    findings: Sequence[Any],
    lang: str,
    reviewer: str,
    reviewed_on: str,
    reference: Any = None,
    controls: Sequence[tuple[int, str]] = (),
    name: str = "",
) -> Page:
    """The page for an article judged by `check` (findings from `factcheck.check_text`);
    `reference` (povcli.borrow.Reference) draws the series of each borrowed figure;
    `controls` are the bidirectional controls the cleaner took out, shown where they were."""

    text = reading.text
    records = [finding.to_dict() for finding in findings]
    labels = labels_for(text, lang)
    for record, finding in zip(records, findings, strict=True):
        record["series_chart"] = _series_chart(finding, reference, labels)
    spans: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for record in records:
        places = [(i["start"], i["end"]) for i in record["inputs"]]
        if record.get("claimed_at"):
            places.append(tuple(record["claimed_at"]))
        for place in places:
            spans.setdefault((place[0], place[1]), []).append((record["id"], record["verdict"]))
    marks = [((f.start, f.end), spans.get((f.start, f.end), [])) for f in reading.figures]
    results = [finding.result for finding in findings]
    reviews = claim_reviews(results, metadata, reviewer, reviewed_on)
    marked = (text, marks, list(controls))
    source = {**stated_source(text, metadata), "title": heading(metadata.get("title", ""), name)}
    return _page(labels, source, (reviewer, reviewed_on), records, marked, reviews)


HEADING_LENGTH = 40  # a title line is short; a longer first line is the article's first paragraph
SENTENCE_END = re.compile(r"[。!?！？]")


def heading(first_line: str, name: str = "") -> str:
    """The page's heading: the first line when short, else its first sentence cut short,
    else the file's name (the line itself stays in the text shown below)."""
    line = first_line.strip()
    if len(line) <= HEADING_LENGTH and not SENTENCE_END.search(line[:-1]):
        return line or name
    sentence = SENTENCE_END.split(line, maxsplit=1)[0].strip()
    if not sentence:
        return name or line[:HEADING_LENGTH] + "…"
    return sentence if len(sentence) <= HEADING_LENGTH else sentence[:HEADING_LENGTH] + "…"


def catalog_page(catalog: Any, results: Sequence[Any], lang: str, reviewer: str,
                 reviewed_on: str) -> Page:  # fmt: skip
    """The page for a curated catalog judged by `verify`."""

    text = catalog.source_text()
    records = [result.to_dict() for result in results]
    labels = labels_for(text, lang)
    by_fact: dict[str, list[tuple[str, str]]] = {}
    for record in records:
        for item in record["inputs"]:
            if item.get("fact"):
                by_fact.setdefault(item["fact"], []).append((record["id"], record["verdict"]))
        claimed = _claimed_fact(catalog, record)
        if claimed:
            by_fact.setdefault(claimed, []).append((record["id"], record["verdict"]))
    mentions = [m for m in find_mentions(text) if m.is_statistic]
    link_mentions(mentions, text, catalog)
    marks = [((m.start, m.end), by_fact.get(m.fact or "", [])) for m in mentions]
    for record in records:
        record.setdefault("sentence", record.get("quote") or record.get("title") or "")
    reviews = claim_reviews(results, catalog.source, reviewer, reviewed_on)
    return _page(labels, catalog.source, (reviewer, reviewed_on), records, (text, marks), reviews)


def _page(
    labels: dict[str, str],
    source: dict[str, Any],
    review: tuple[str, str],
    records: list[dict[str, Any]],
    marked_text: tuple[Any, ...],
    reviews: list[dict[str, Any]],
) -> Page:
    return Page(
        labels=labels,
        title=str(source.get("title") or labels["report"]),
        publisher=source.get("publisher"),
        date=source.get("date"),
        reviewer=review[0],
        reviewed_on=review[1],
        counts=_counts(records),
        paragraphs=_paragraphs(*marked_text),
        cards=[_card(record, labels) for record in records],
        claim_reviews=reviews,
    )


# kinds whose borrowed figure is the period before the article's own
LAST_PERIOD_KINDS = ("yoy", "difference", "point-change", "change-rate", "growth")


def _series_chart(finding: Any, reference: Any, labels: dict[str, str]) -> str | None:
    """The series a borrowed figure comes from, the borrowed point and the article's marked."""
    borrowed = next((b for b in getattr(finding, "borrowed", []) if b.record.get("series")), None)
    if borrowed is None or not reference:
        return None
    series = borrowed.record["series"]
    scope = str(borrowed.record.get("scope") or "national")
    points = sorted(
        (int(period), float(record["value"]))
        for (name, period, where), (_, record) in reference.facts.items()
        if name == series and where == scope and str(period).isdigit()
    )
    if len(points) < 2 or not str(borrowed.record.get("period", "")).isdigit():
        return None
    year = int(borrowed.record["period"])
    article = None
    if finding.result.kind in LAST_PERIOD_KINDS:
        unit = borrowed.record.get("unit")
        same = [i for i in finding.result.inputs if i.get("unit") == unit and not i.get("fact")]
        if same:
            article = (year + 1, float(same[0]["value"]), same[0]["written"])

    return series_chart(series, points, (year, borrowed.record["written"]), article, labels)


def _claimed_fact(catalog: Any, record: dict[str, Any]) -> str | None:
    for check in catalog.checks:
        if check.get("id") == record["id"]:
            inputs = check.get("inputs") or {}
            claimed = inputs.get("claimed") or inputs.get("total") or inputs.get("base")
            return claimed if isinstance(claimed, str) else None
    return None


def _counts(records: Sequence[dict[str, Any]]) -> dict[str, int]:
    return {verdict: sum(r["verdict"] == verdict for r in records) for verdict in VERDICTS}


def _paragraphs(
    text: str,
    marks: Sequence[tuple[tuple[int, int], list[tuple[str, str]]]],
    controls: list[tuple[int, str]] | None = None,
) -> list[list[dict[str, Any]]]:
    """The text in paragraphs, each a run of plain pieces and marked figures, with the
    controls the cleaner took out put back where they stood (the page shows them)."""
    controls = controls or []

    def piece(start: int, end: int, edges: bool = True) -> str:
        # a control at a figure's edge stood outside it: the text around shows it
        return with_controls(text, controls, start, end, edges) if controls else text[start:end]

    ordered = sorted(marks, key=lambda mark: mark[0])
    paragraphs: list[list[dict[str, Any]]] = []
    at = 0
    for block in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        pieces: list[dict[str, Any]] = []
        cursor = block.start()
        while at < len(ordered) and ordered[at][0][0] < block.end():
            (start, end), relations = ordered[at]
            at += 1
            if start < cursor:
                continue
            pieces.append(_text_piece(piece(cursor, start)))
            pieces.append(_figure_piece(piece(start, end, edges=False), start, relations))
            cursor = end
        pieces.append(_text_piece(piece(cursor, block.end())))
        paragraphs.append([piece for piece in pieces if piece.get("text") or piece.get("figure")])
    return paragraphs


def _text_piece(text: str) -> dict[str, Any]:
    return {"text": text, "figure": None}


def _figure_piece(written: str, start: int, relations: list[tuple[str, str]]) -> dict[str, Any]:
    state = max((verdict for _, verdict in relations), key=lambda v: SEVERITY[v], default=None)
    return {
        "text": "",
        "figure": written,
        "anchor": f"figure-{start}",
        "relations": sorted({relation for relation, _ in relations}),
        "state": state,
    }


def _card(record: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    needles = [i["written"] for i in record["inputs"]] + [record.get("claimed_written") or ""]
    if record.get("claimed_written"):  # the whole's 100%, which the text leaves unwritten
        record = {**record, "claimed_written": phrase_in(record["claimed_written"], labels["lang"])}
    verdict = labels.get(record["verdict"], record["verdict"])
    qualifiers = [labels[key] for key in ("by_rounding_only", "gross") if record.get(key)]
    optional: dict[str, Any] = {"periods": None, "notes": [], "sentence": "", "title": None}
    optional.update(title_en=None, borrowed=[], series_chart=None)
    return {
        **optional,
        **record,
        "verdict_words": verdict + (f" ({', '.join(qualifiers)})" if qualifiers else ""),
        # the page's language; the record's English explanation stays in the JSON-LD and JSON
        "verdict_sentence": verdict_sentence(record, labels),
        "role_names": role_names(labels["lang"]),
        "unit_names": unit_names(labels["lang"]),
        "kind_name": kind_name(record["kind"], labels["lang"]),
        "unit_shown": unit_name(record.get("unit"), labels["lang"]),
        "formula_shown": formula_in(record.get("formula") or "", labels["lang"]),
        **_phrased(record, labels["lang"]),
        "sentence_pieces": _marked(record.get("sentence") or "", needles),
        "chart": _chart(record, labels),
    }


def _phrased(record: dict[str, Any], lang: str) -> dict[str, Any]:
    """The readings' names, the count of years' origin and the notes in the page's language."""
    shown: dict[str, Any] = {}
    if record.get("readings"):
        shown["readings"] = [
            {**r, "reading": phrase_in(r["reading"], lang)} for r in record["readings"]
        ]
    if record.get("periods"):
        periods = record["periods"]
        shown["periods"] = {**periods, "from": phrase_in(str(periods.get("from") or ""), lang)}
    if record.get("notes"):
        shown["notes"] = [phrase_in(str(note), lang) for note in record["notes"]]
    # a figure the text leaves unwritten (the whole's 100%, a year's 365 days) is named in
    # English by `check`; the article's own figures match no phrase and stay as written
    shown["inputs"] = [
        {**item, "written": phrase_in(str(item.get("written") or ""), lang)}
        for item in record.get("inputs") or []
    ]
    return shown


def _marked(text: str, needles: Sequence[str]) -> list[dict[str, Any]]:
    """The text cut into plain and marked pieces, each needle marked where it occurs."""
    wanted = sorted({n for n in needles if n}, key=len, reverse=True)
    if not wanted:
        return [{"text": text, "mark": None}]
    pattern = re.compile("|".join(re.escape(n) for n in wanted))
    pieces, at = [], 0
    for match in pattern.finditer(text):
        pieces += [{"text": text[at : match.start()], "mark": None}]
        pieces += [{"text": "", "mark": match.group()}]
        at = match.end()
    pieces.append({"text": text[at:], "mark": None})
    return [piece for piece in pieces if piece.get("text") or piece.get("mark")]


def _chart(record: dict[str, Any], labels: dict[str, str]) -> str | None:
    if record["kind"] != "cagr" or record["verdict"] == Verdict.UNVERIFIABLE:
        return None
    values = {item["role"]: item for item in record["inputs"]}
    if "start" not in values or "end" not in values:
        return None
    first_year, periods = compound_years(record)
    if not periods or values["start"]["value"] <= 0:
        return None

    claimed = record.get("claimed")
    return cagr_chart(values["start"]["value"], values["end"]["value"], periods, claimed,
                      first_year, labels)  # fmt: skip


def render_html(page: Page) -> str:
    """The page as one HTML document: inline CSS and SVG, no script but JSON-LD, escaped text."""
    from importlib.resources import files

    import jinja2
    from markupsafe import Markup

    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: (
                files("povcli.report").joinpath("templates").joinpath(name).read_text("utf-8")
            )
        ),
        autoescape=True,
        # data is text: controls and bidirectional overrides are shown, as in the terminal
        finalize=_shown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("report.html.j2")
    return template.render(
        page=page,
        labels=page.labels,
        json_ld=Markup(_script_safe_json(page.claim_reviews)),
        charts={card["id"]: Markup(card["chart"]) for card in page.cards if card["chart"]},
        series_charts={
            card["id"]: Markup(card["series_chart"]) for card in page.cards if card["series_chart"]
        },
        number=_number,
    )


def _shown(value: Any) -> Any:
    """Every string the page shows, with its controls made visible (charts and JSON-LD,
    already markup, pass as they are)."""
    from markupsafe import Markup

    return safe_text(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _script_safe_json(data: Any) -> str:
    """JSON that cannot end its <script> element early: <, > and & written as escapes,
    and controls \\u-escaped as in every JSON povcli writes."""
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return json_escaped(text)


def _number(value: Any) -> str:
    return format_value(value)
