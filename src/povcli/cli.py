"""The command line: parse arguments, call the library, hand results to `render`.

No `from __future__ import annotations` here: Typer would have to evaluate every
string annotation at each start-up (~8 ms).
"""

import functools
import itertools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from povcli import __version__
from povcli.errors import (
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    OutputClosed,
    PovcliError,
    require_choice,
)

app = typer.Typer(
    name="povcli",
    help="Look up and fact-check the statistics in Chinese official reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

# paths are taken as text: click's Path type calls os.stat, which fails on a NUL byte
# several catalogs: --facts again, or $POVCLI_FACTS separated by os.pathsep (read in
# povcli.locate: Click would split the variable at spaces)
FactsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--facts",
        help="Catalog file or folder of catalogs to read instead of the bundled ones"
        " (repeatable; also $POVCLI_FACTS).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", help="Output format: table, json, csv or yaml."),
]
ReviewFormatOption = Annotated[
    str,
    typer.Option("--format", "-f", help="Output format: table, json, csv, yaml or claimreview."),
]
ReviewerOption = Annotated[
    str, typer.Option("--reviewer", help="Reviewer named in ClaimReview output.")
]
ChartOption = Annotated[
    bool,
    typer.Option(
        "--chart", help="Under the results, a chart of each compound rate (terminal only)."
    ),
]
ReviewedOnOption = Annotated[
    str | None,
    typer.Option("--reviewed-on", help="Review date for ClaimReview (default: today)."),
]


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr, then exit with a defined code."""
    from povcli.render import safe_text

    line = f"error: {message}" + (f" (hint: {hint})" if hint else "")
    typer.echo(safe_text(" ".join(line.split("\n"))), err=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    from povcli.render import safe_text

    typer.echo(safe_text(message), err=True)


def handles_errors(command: F) -> F:
    """Turn library errors into `error: …` and their exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PovcliError as exc:
            fail(exc.message, exc.hint, exc.code)

    return wrapper  # type: ignore[return-value]


def with_library(facts: list[str] | None, work: Callable[[Any], T], library: bool = True) -> T:
    """Run `work` on the catalogs' indexes (a povcli.library.Library); a damaged index is
    rebuilt and the work done again. Without --facts, `library=False` reads the bundled
    article's catalog only."""
    from povcli.index import IndexDamaged
    from povcli.library import open_library

    try:
        return work(open_library(facts, library))
    except IndexDamaged:
        pass
    try:
        return work(open_library(facts, library, rebuild=True))
    except IndexDamaged as exc:
        raise PovcliError(f"an index is damaged even when rebuilt: {exc}") from None


def first_catalog(facts: list[str] | None) -> Any:
    """The one catalog of a command that reads one: the first named, else the article's."""
    from povcli.locate import locate_catalogs

    return locate_catalogs(facts, library=False)[0]


def output_format(fmt: str) -> str:
    from povcli.render import FORMATS

    return require_choice(fmt, FORMATS, "format")


def _library_for_completion(ctx: typer.Context) -> Any:
    from povcli.index import IndexDamaged
    from povcli.library import open_library

    try:
        return open_library(ctx.params.get("facts"))
    except (PovcliError, IndexDamaged):
        return None


def complete_fact_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the catalogs' fact ids."""
    from povcli.index import IndexDamaged

    library = _library_for_completion(ctx)
    try:
        return (
            [i for index in library.indexes for i in index.ids_starting(incomplete)]
            if library
            else []
        )
    except IndexDamaged:
        return []


def complete_check_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the catalogs' check names."""
    library = _library_for_completion(ctx)
    indexes = library.indexes if library else []
    names = [str(check.get("id")) for index in indexes for check in index.checks]
    return [name for name in names if name.startswith(incomplete)]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"povcli {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Look up and fact-check the statistics in Chinese official reports.

    Every statistic of the Shanxi Daily poverty report card (2021-01-20), each traced
    to a verbatim quote. Start with: povcli list
    """


@app.command("list")
@handles_errors
def list_command(
    section: Annotated[
        list[str] | None, typer.Option("--section", help="Only this section (repeatable).")
    ] = None,
    topic: Annotated[
        list[str] | None, typer.Option("--topic", help="Only facts with this topic (repeatable).")
    ] = None,
    unit: Annotated[
        list[str] | None, typer.Option("--unit", help="Only facts in this unit (repeatable).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="zh: the article's words; en.")] = "zh",
    limit: Annotated[int, typer.Option("--limit", help="Show at most N facts (0: all).")] = 0,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """List every statistic of the article.

    Example: povcli list --topic income --lang en
    """
    import json

    from povcli import render

    fmt = output_format(fmt)
    require_choice(lang, ("zh", "en"), "language")
    if limit < 0:
        raise PovcliError(f"--limit must be 0 (all) or more, not {limit}")

    def work(library: Any) -> int:
        found = library.select(section or [], topic or [], unit or [], limit)
        several = library.several
        if fmt == "json":  # streamed: memory stays flat however many facts
            if not several:
                return render.write_json_items(library.indexes[0].guarded(t for _, _, t in found))
            return render.write_json_items(library.guarded(found, several))
        records = [
            {"catalog": cid, **json.loads(text)} if several else json.loads(text)
            for cid, _, text in found
        ]
        render.output(records, fmt, lambda: render.facts_table(records, lang, several))
        return len(records)

    # without --facts: the article's facts (name the library with --facts to list it all)
    if not with_library(facts, work, library=False):
        note("no facts match these filters")
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command("show")
@handles_errors
def show_command(
    fact_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A fact id, e.g. income-2013.", autocompletion=complete_fact_ids
        ),
    ],
    context: Annotated[
        bool, typer.Option("--context", "-c", help="Also print the paragraph around the quote.")
    ] = False,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Show one fact in full, its number highlighted in its quote.

    Example: povcli show pv-village-stations --context
    """
    import json

    from povcli import render

    fmt = output_format(fmt)

    def work(library: Any) -> dict[str, Any]:
        catalog, text = library.fact_json(fact_id)
        record: dict[str, Any] = json.loads(text)
        if library.several:
            record = {"catalog": catalog, **record}
        if context:
            from povcli.catalog import Fact
            from povcli.listing import paragraph_of

            own = library.catalog(catalog)
            record["context"] = paragraph_of(own, Fact.from_dict(record)) if own.text_path else None
        return record

    record = with_library(facts, work)
    render.output(record, fmt, lambda: render.fact_detail(record))


@app.command("info")
@handles_errors
def info_command(fmt: FormatOption = "table", facts: FactsOption = None) -> None:
    """Version, the catalog in use, its source and how many facts and checks it holds.

    Example: povcli info --format json
    """
    from povcli import render

    fmt = output_format(fmt)
    infos = with_library(
        facts, lambda library: [index.info(__version__) for index in library.indexes], False
    )
    info: Any = infos[0] if len(infos) == 1 else infos
    render.output(info, fmt, lambda: render.info_tables(infos))


@app.command("validate")
@handles_errors
def validate_command(
    path: Annotated[
        str | None,
        typer.Argument(help="Catalog to check (default: --facts, $POVCLI_FACTS, bundled)."),
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Check a catalog and report every problem at once, with its YAML line.

    Example: povcli validate data/facts.yaml
    """
    from povcli import render
    from povcli.locate import catalog_specs, locate_catalogs
    from povcli.validate import validate_catalog

    fmt = output_format(fmt)
    named = [path] if path else catalog_specs(facts)
    # several catalogs (folders, --facts again): each is checked
    paths = locate_catalogs(named, library=False) if named else [None]
    reports = [validate_catalog(one) for one in paths]
    summaries = [report.to_dict() for report in reports]
    if fmt == "csv":  # one row per problem
        data: Any = [
            {"catalog": s["catalog"], **p} if len(reports) > 1 else p
            for s in summaries
            for p in s["problems"]
        ]
    else:
        data = summaries[0] if len(reports) == 1 else summaries
    render.output(data, fmt, lambda: _problem_tables(summaries))
    for report in reports:
        note(report.summary())
    if not all(report.ok for report in reports):
        raise typer.Exit(EXIT_USAGE)


def _problem_tables(summaries: list[dict[str, Any]]) -> Any:
    from rich.console import Group

    from povcli import render

    tables = [
        render.problems_table(s["problems"], s["catalog"]) for s in summaries if s["problems"]
    ]
    return Group(*tables) if tables else None


@app.command("search")
@handles_errors
def search_command(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...",
            help='Words (all must match), "quoted phrases" or numbers: 光伏, guangfu, 329万.',
        ),
    ],
    unit: Annotated[
        list[str] | None, typer.Option("--unit", help="Only facts in this unit (repeatable).")
    ] = None,
    minimum: Annotated[
        str | None, typer.Option("--min", help="Only values at least this (329萬 works).")
    ] = None,
    maximum: Annotated[str | None, typer.Option("--max", help="Only values at most this.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="zh: the article's words; en.")] = "zh",
    limit: Annotated[
        int | None,
        typer.Option("--limit", help="Show at most N results (table default 50; 0: all)."),
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Find facts by any word: Simplified or Traditional, pinyin, English or a number.

    Example: povcli search 光伏
    """
    fmt = output_format(fmt)
    require_choice(lang, ("zh", "en"), "language")
    text = " ".join(query)
    if not text.strip(' "“”「」'):
        raise PovcliError("empty query", hint="search for a word or a number: povcli search 光伏")
    bounds = [
        _number_option(name, value) for name, value in (("--min", minimum), ("--max", maximum))
    ]
    from povcli.units import UNITS

    for name in unit or []:
        require_choice(name, list(UNITS), "unit")
    shown = _limit(limit, fmt)

    def work(library: Any) -> int:
        import json

        from povcli import render

        if library.several:
            return _search_several(library, text, unit or [], bounds, shown, fmt, lang)
        index = library.indexes[0]
        # ranked and counted in the index; only the facts shown are read
        found = index.search(text, unit or [], *bounds, limit=shown)
        first = next(found.hits, None)  # damage in the first hit is repaired before output
        hits = itertools.chain([first] if first else [], found.hits)
        if shown and found.total > shown:
            note(f"showing {shown} of {found.total} matches (--limit 0 shows all)")
        if fmt == "json":  # streamed
            render.write_json_items(index.guarded(_scored(text, hit) for hit, text in hits))
            return int(found.total)
        records = [{**json.loads(text), "score": h.score, "matched": h.matched} for h, text in hits]
        render.output(records, fmt, lambda: render.search_table(records, text, index.script, lang))
        return len(records)

    # without --facts: the article's facts, as list
    if not with_library(facts, work, library=False):
        from povcli.search import no_match

        filtered = bool(unit) or any(bound is not None for bound in bounds)
        why = with_library(
            facts, lambda library: no_match(library.indexes[0], text, filtered), library=False
        )
        if why.paragraph and fmt == "table":
            from povcli import render

            render.print_renderable(render.article_paragraph(*why.paragraph, text))
        note(why.message + (f" (hint: {why.hint})" if why.hint else ""))
        raise typer.Exit(EXIT_NOT_FOUND)


def _search_several(
    library: Any, text: str, units: list[str], bounds: list[Any], shown: int, fmt: str, lang: str
) -> int:
    """Search across catalogs: ranked by score, ties in the order the catalogs were named."""
    import json

    from povcli import render
    from povcli.library import with_catalog

    total, hits = library.search(text, units, *bounds, shown)
    if shown and total > shown:
        note(f"showing {shown} of {total} matches (--limit 0 shows all)")
    if fmt == "json":
        render.write_json_items(with_catalog(_scored(t, hit), cid) for cid, _, hit, t in hits)
        return int(total)
    records = [
        {"catalog": cid, **json.loads(t), "score": hit.score, "matched": hit.matched}
        for cid, _, hit, t in hits
    ]
    script = library.indexes[0].script
    render.output(records, fmt, lambda: render.search_table(records, text, script, lang, True))
    return len(records)


TABLE_LIMIT = 50


def _limit(limit: int | None, fmt: str) -> int:
    """How many results to show: 0 for all."""
    if limit is not None and limit < 0:
        raise PovcliError(f"--limit must be 0 (all) or more, not {limit}")
    if limit is None:
        return TABLE_LIMIT if fmt == "table" else 0
    return limit


def _scored(text: str, hit: Any) -> str:
    """A fact's JSON (as printed) with the search's score and matched fields added."""
    import json

    extra = json.dumps({"score": hit.score, "matched": hit.matched}, ensure_ascii=False, indent=2)
    return text[: text.rindex("\n}")] + ",\n" + extra[2:]


def _number_option(name: str, value: str | None) -> float | None:
    if value is None:
        return None
    from povcli.numbers import NumberError, NumberTooLarge, parse_number

    try:
        return float(parse_number(value))
    except NumberTooLarge as exc:
        raise PovcliError(f"{name}: {exc}") from None
    except NumberError:
        raise PovcliError(f"{name} needs a number, not {value!r}") from None


@app.command("series")
@handles_errors
def series_command(
    name: Annotated[
        str | None,
        typer.Argument(metavar="[NAME]", help="A series to show (default: list the series)."),
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """The series of the library (facts measuring one thing over time), or one of them.

    Example: povcli series poor-area-rural-income
    """
    from povcli import render, series

    fmt = output_format(fmt)
    found = with_library(facts, lambda library: series.gather(library.records()))
    if name is None:
        records = series.summaries(found)
        if not records:
            note("no series in these catalogs (facts name one with series:)")
            raise typer.Exit(EXIT_NOT_FOUND)
        render.output(records, fmt, lambda: render.series_list(records))
        return
    rows = series.rows(found, name)
    render.output(rows, fmt, lambda: render.series_chart(rows, name))


@app.command("verify")
@handles_errors
def verify_command(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME]...",
            help="Checks to run (default: all).",
            autocompletion=complete_check_names,
        ),
    ] = None,
    fmt: ReviewFormatOption = "table",
    reviewer: ReviewerOption = "povcli",
    reviewed_on: ReviewedOnOption = None,
    chart: ChartOption = False,
    facts: FactsOption = None,
) -> None:
    """Recompute the article's derived figures and judge each claim.

    Example: povcli verify growth
    """
    from povcli import render
    from povcli.checks import INCONSISTENT, run_check, summarise
    from povcli.render import FORMATS

    fmt = require_choice(fmt, (*FORMATS, "claimreview"), "format")

    def work(library: Any) -> tuple[Any, list[Any], list[str]]:
        from povcli.library import select_checks

        for index in library.indexes:
            problem = index.validation_problem()
            if problem:  # no verdict rests on a catalog validate rejects
                path = index.catalog_path
                raise PovcliError(f"{path}: {problem}", hint=f"run: povcli validate {path}")

        chosen = select_checks(library, names or [])  # each reads only the facts it names
        results = [run_check(check, catalog) for catalog, check in chosen]
        first = chosen[0][0] if chosen else library.catalogs()[0]
        return first, results, [catalog.name for catalog, _ in chosen]

    catalog, results, owners = with_library(facts, work)
    records = [result.to_dict() for result in results]
    if len(set(owners)) > 1:  # checks of several catalogs: each says whose it is
        records = [
            {"catalog": owner, **record} for owner, record in zip(owners, records, strict=True)
        ]
    if fmt == "claimreview":
        from povcli.claimreview import claim_reviews, review_date

        reviews = claim_reviews(results, catalog.source, reviewer, review_date(reviewed_on))
        render.emit_data(reviews, "json")
    else:
        table = render.check_results
        render.output(records, fmt, lambda: _charted(records, table(records), chart))
    counts = summarise(results)
    note(", ".join(f"{count} {name}" for name, count in counts.items()))
    if counts[INCONSISTENT]:
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command("calc", context_settings={"ignore_unknown_options": True})
@handles_errors
def calc_command(
    kind: Annotated[str, typer.Argument(help="cagr, growth, share, ratio or yoy.")],
    figures: Annotated[
        list[str],
        typer.Argument(
            metavar="FIGURE...", help="Numbers (4875), written forms (329萬, 39.4亿) or fact ids."
        ),
    ],
    years: Annotated[
        float | None, typer.Option("--years", help="cagr: number of periods from START to END.")
    ] = None,
    claimed: Annotated[
        str | None, typer.Option("--claimed", help="The stated figure to judge (11.5 or 11.5%).")
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Compute a figure with the verify engine: cagr, growth, share, ratio, yoy.

    Example: povcli calc cagr 4875 9379 --years 6 --claimed 11.5
    """
    from povcli import render
    from povcli.checks import INCONSISTENT, calc

    fmt = output_format(fmt)
    # the catalog is read when a figure may be a fact id, or when one was named
    # negative figures need no "--" (unknown options are figures here); a "--" is dropped
    figures = [figure for figure in figures if figure != "--"]
    from povcli.locate import catalog_specs

    if catalog_specs(facts) or _mentions_fact(figures, claimed):
        from povcli.library import WholeLibrary

        result = with_library(
            facts, lambda library: calc(kind, figures, WholeLibrary(library), years, claimed)
        )
    else:
        result = calc(kind, figures, None, years, claimed)
    record = result.to_dict()
    render.output(record, fmt, lambda: render.check_results([record]))
    if result.verdict == INCONSISTENT:
        raise typer.Exit(EXIT_NOT_FOUND)


def _mentions_fact(figures: list[str], claimed: str | None) -> bool:
    """Only read the catalog when an argument looks like a fact id."""
    from povcli.catalog import FACT_ID

    # a bare id (income-2013) or one named with its catalog (national-poverty:income-2018)
    names = [text.rpartition(":")[2] for text in [*figures, claimed or ""]]
    return any(FACT_ID.fullmatch(name) and not name.isdigit() for name in names)


@app.command("extract")
@handles_errors
def extract_command(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Article text, or - for stdin.")],
    clean: Annotated[
        bool, typer.Option("--clean", help="Print the cleaned text instead of the mentions.")
    ] = False,
    uncurated: Annotated[
        bool, typer.Option("--uncurated", help="Only statistics the catalog lacks.")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option("--limit", help="Show at most N mentions (table default 50; 0: all)."),
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Clean a scraped article and find every figure in it, tied to the catalog.

    Example: povcli extract ../shared/seed/shanxi-daily-2021-01-20-raw.txt --uncurated
    """
    from povcli import render
    from povcli.catalog import load_catalog
    from povcli.clean import clean_article
    from povcli.extract import coverage_summary, find_mentions, link_mentions

    fmt = output_format(fmt)
    cleaned = clean_article(article_text(file))
    for flag in cleaned.flags:
        note(f"warning: offset {flag.offset}: {flag.text!r}: {flag.reason}")
    if clean:
        render.write(render.safe_text(cleaned.text))  # a scraped page's controls, made visible
        return
    mentions = find_mentions(cleaned.text)
    link_mentions(mentions, cleaned.text, load_catalog(first_catalog(facts)))
    shown = [m for m in mentions if m.is_statistic and m.fact is None] if uncurated else mentions
    # a table of thousands of rows takes Rich seconds and nobody reads it: 50, as search
    count = _limit(limit, fmt)
    records = [mention.to_dict() for mention in (shown[:count] if count else shown)]
    if len(records) < len(shown):
        note(f"showing {len(records)} of {len(shown)} mentions (--limit 0 shows all)")
    render.output(records, fmt, lambda: render.mentions_table(records))
    note(coverage_summary(mentions))


@app.command("check")
@handles_errors
def check_command(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Article text, or - for stdin.")],
    fmt: ReviewFormatOption = "table",
    reviewer: ReviewerOption = "povcli",
    reviewed_on: ReviewedOnOption = None,
    chart: ChartOption = False,
    facts: FactsOption = None,
) -> None:
    """Find every relation an article states between its figures and judge it, borrowing
    what it leaves implicit from the reference library.

    Example: povcli check ../shared/seed/shanxi-daily-2021-01-20-raw.txt
    """
    from povcli import render
    from povcli.clean import clean_article
    from povcli.factcheck import check_text, summary

    fmt = require_choice(fmt, (*render.FORMATS, "claimreview"), "format")
    cleaned = clean_article(article_text(file))
    if not cleaned.text.strip():
        raise PovcliError(f"article is empty: {file}")
    findings = check_text(cleaned.text, with_library(facts, _reference))
    records = [finding.to_dict() for finding in findings]
    if fmt == "claimreview":
        from povcli.claimreview import claim_reviews, review_date

        results = [finding.result for finding in findings]
        day = review_date(reviewed_on)
        render.emit_data(claim_reviews(results, cleaned.metadata, reviewer, day), "json")
    else:
        table = render.check_findings
        render.output(records, fmt, lambda: _charted(records, table(records), chart))
    counts = summary(findings)
    note(", ".join(f"{count} {name}" for name, count in counts.items()))
    if counts["inconsistent"]:
        raise typer.Exit(EXIT_NOT_FOUND)


def _reference(library: Any) -> Any:
    """The series of the library's reference catalogs (povcli.borrow.Reference)."""
    import json

    from povcli.borrow import Reference
    from povcli.catalog import REFERENCE

    chosen = [
        (cid, index) for cid, index in library.items() if index.source.get("kind") == REFERENCE
    ]
    return Reference(
        (cid, json.loads(text)) for cid, index in chosen for text in index.facts_json()
    )


@app.command("report")
@handles_errors
def report_command(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="[ARTICLE]",
            help="Article text, or - for stdin; without it, the catalog (--facts or bundled).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="HTML file to write (default: standard output)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="zh: the article's script; en.")] = "zh",
    reviewer: ReviewerOption = "povcli",
    reviewed_on: ReviewedOnOption = None,
    facts: FactsOption = None,
) -> None:
    """Write a fact-check report people can read: one self-contained HTML page.

    Example: povcli report docs/examples/report-card.txt -o report.html
    """
    from povcli import report
    from povcli.claimreview import review_date

    require_choice(lang, ("zh", "en"), "language")
    day = review_date(reviewed_on)
    if output is not None and Path(output).is_dir():  # said before any work is done
        raise PovcliError(f"output is a folder, not a file: {output}")
    if file is not None:
        from povcli.clean import clean_article
        from povcli.factcheck import check_text

        cleaned = clean_article(article_text(file))
        if not cleaned.text.strip():
            raise PovcliError(f"article is empty: {file}")
        reference = with_library(facts, _reference)
        findings = check_text(cleaned.text, reference)
        page = report.article_page(
            cleaned.text, cleaned.metadata, findings, lang, reviewer, day, reference
        )
    else:
        from povcli.catalog import load_catalog
        from povcli.checks import run_check

        catalog = load_catalog(first_catalog(facts))
        results = [run_check(check, catalog) for check in catalog.checks]
        page = report.catalog_page(catalog, results, lang, reviewer, day)
    html = report.render_html(page)
    if output is None:
        from povcli.render import write

        write(html)
    else:
        _write_file(Path(output), html)
    counts = ", ".join(f"{n} {verdict}" for verdict, n in page.counts.items())
    where = f"wrote {output}" if output is not None else "report"
    note(f"{where}: {len(page.cards)} relations ({counts}), {page.figure_count} figures marked")
    if page.counts["inconsistent"]:
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command("draft")
@handles_errors
def draft_command(
    file: Annotated[str, typer.Argument(metavar="ARTICLE", help="Article text, or - for stdin.")],
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="Catalog to write; the cleaned text goes beside it."),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the catalog and text if they exist.")
    ] = False,
) -> None:
    """Turn an article into a catalog: a fact per statistic, a check per relation.

    Example: povcli draft docs/examples/report-card.txt -o my-catalog/facts.yaml
    """
    from povcli.clean import clean_article
    from povcli.draft import draft_catalog, to_yaml

    catalog_path = Path(output)
    text_path = catalog_path.with_suffix(".source.txt")
    if catalog_path.suffix not in (".yaml", ".yml"):
        raise PovcliError(f"the catalog must be a .yaml file, not {output}")
    for path in (catalog_path, text_path):
        if path.exists() and not force:
            raise PovcliError(f"{path} exists", hint="choose another name, or add --force")
    cleaned = clean_article(article_text(file))
    if not cleaned.text.strip():
        raise PovcliError(f"article is empty: {file}")
    draft = draft_catalog(cleaned.text, cleaned.metadata, text_path.name)
    try:
        catalog_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PovcliError(f"cannot make the folder {catalog_path.parent}: {exc.strerror}") from None
    _write_file(text_path, draft.text)
    _write_file(catalog_path, to_yaml(draft.catalog))
    note(
        f"wrote {catalog_path} and {text_path.name}: {draft.statistics} facts, {draft.checks} "
        f"checks, {draft.to_fill} fields to fill (povcli validate {catalog_path} lists them)"
    )


def _charted(records: list[dict[str, Any]], body: Any, chart: bool) -> Any:
    from povcli import render

    return render.with_charts(records, body) if chart else body


def _write_file(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file beside it, then a rename."""
    import tempfile

    if "\x00" in str(path):
        raise PovcliError(f"output path holds a NUL byte: {str(path)!r}")
    if path.is_dir():
        raise PovcliError(f"output is a folder, not a file: {path}")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", delete=False
        ) as handle:
            handle.write(text)
        # the mode a new file gets from the umask (a temporary file is private)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)
        os.replace(handle.name, path)
    except OSError as exc:
        raise PovcliError(f"cannot write {path}: {exc.strerror}") from None


def article_text(spec: str) -> str:
    """An article read by `locate.read_article`, with a note naming a non-UTF-8 encoding."""
    from povcli.locate import read_article

    article = read_article(spec)
    if article.encoding != "utf-8":
        shown = "stdin" if spec == "-" else spec
        note(f"note: read {shown} as {article.encoding_name}")
    return article.text


EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `povcli list | head -1`


def main() -> None:
    """Console entry point: one-line errors, quiet on broken pipes and Ctrl-C.

    A traceback is shown only with POVCLI_DEBUG=1.
    """
    try:
        code = app(standalone_mode=False, prog_name="povcli")
    except (KeyboardInterrupt, typer.Abort):
        sys.exit(EXIT_INTERRUPTED)
    except (BrokenPipeError, OutputClosed):
        _silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except typer.TyperException as exc:  # the argument parser's usage errors
        sys.exit(_usage_error(exc))
    except UnicodeEncodeError as exc:  # output the terminal's encoding cannot hold
        from povcli.render import unencodable

        error = unencodable(exc.encoding, exc)
        typer.echo(f"error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # the last guard before a traceback
        if os.environ.get("POVCLI_DEBUG") == "1":
            raise
        typer.echo(f"error: internal error: {exc!r} (hint: rerun with POVCLI_DEBUG=1)", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else 0)


def _usage_error(exc: typer.TyperException) -> int:
    if type(exc).__name__ == "NoArgsIsHelpError":
        app(["--help"], standalone_mode=False, prog_name="povcli")
        return EXIT_USAGE
    message = getattr(exc, "format_message", lambda: str(exc))()
    context = getattr(exc, "ctx", None)
    command = getattr(context, "command_path", None) or "povcli"
    line = " ".join(str(message).split())
    hint = f"see {command} --help"
    if re.match(r"No such option: -\d", line):
        hint = f"put -- before a negative number: {command} ... -- -5"
    typer.echo(f"error: {line} (hint: {hint})", err=True)
    return int(getattr(exc, "exit_code", EXIT_USAGE))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
