"""Commands that read an article: extract, check, report, draft."""

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from povcli.cli.base import (
    ChartOption,
    FactsOption,
    FormatOption,
    ReviewedOnOption,
    ReviewerOption,
    app,
    cleaned_article,
    handles_errors,
    language,
    note,
    output_format,
    shown_limit,
)
from povcli.errors import ExitStatus, PovcliError

ArticleArgument = Annotated[
    str, typer.Argument(metavar="FILE", help="Article text, or - for stdin.")
]


@app.command("extract")
@handles_errors
def extract_command(
    file: ArticleArgument,
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

    Example: povcli extract docs/examples/report-card.txt --uncurated
    """
    from povcli.article.extract import (
        coverage_summary,
        find_mentions,
        link_mentions,
        mention_records,
    )
    from povcli.catalog.load import load_catalog
    from povcli.catalog.locate import catalog_specs, first_catalog
    from povcli.output import formats, tables

    fmt = output_format(fmt)
    cleaned = cleaned_article(file)
    if clean:  # a scraped page's controls made visible, where they were
        formats.write(formats.safe_text(cleaned.shown()))
        return
    mentions = find_mentions(cleaned.text)
    link_mentions(mentions, cleaned.text, load_catalog(first_catalog(facts)))
    shown = [m for m in mentions if m.is_statistic and m.fact is None] if uncurated else mentions
    count = shown_limit(limit, fmt)
    records = mention_records(shown[:count] if count else shown)
    if len(records) < len(shown):
        note(f"showing {len(records)} of {len(shown)} mentions (--limit 0 shows all)")
    formats.output(records, fmt, lambda: tables.mentions_table(records))
    # coverage of the bundled catalog only when the text is its article (see coverage_summary)
    note(coverage_summary(mentions, named=bool(catalog_specs(facts))))


@app.command("check")
@handles_errors
def check_command(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Article files or folders of them (every file inside); - for stdin.",
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table, json, jsonl (one relation a line), csv, yaml or claimreview.",
        ),
    ] = "table",
    reviewer: ReviewerOption = "povcli",
    reviewed_on: ReviewedOnOption = None,
    chart: ChartOption = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Processes for several articles (default: the cores)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="SCHEDULER",
            help="Check several articles on this Dask scheduler (tcp://host:8786, or local).",
        ),
    ] = None,
    facts: FactsOption = None,
    figures: Annotated[
        bool,
        typer.Option(
            "--figures",
            help="Show how each figure is read (role, subject, period, scope) instead of judging.",
        ),
    ] = False,
) -> None:
    """Find every relation an article states between its figures and judge it, borrowing
    what it leaves implicit from the reference library. Several files (or a folder): each
    article with one start-up and one library, on every core.

    Example: povcli check docs/examples/report-card.txt
    """
    from povcli.output.many import MANY_FORMATS

    if jobs is not None and jobs < 1:  # for one article as for many, where it is used
        raise PovcliError(f"--jobs must be 1 or more, not {jobs}")
    if figures:
        _figures_of(files, output_format(fmt))
        return
    fmt = output_format(fmt, MANY_FORMATS)
    if len(files) == 1 and not Path(files[0]).is_dir() and dask is None:
        if fmt == "jsonl":
            fmt = "jsonl-one"
        _check_one(files[0], fmt, reviewer, reviewed_on, chart, facts)
    else:
        _check_many(files, fmt, reviewer, reviewed_on, jobs, dask, facts)


def _figures_of(files: list[str], fmt: str) -> None:
    """`check --figures`: each figure of one article as check reads it."""
    from povcli.api import read_figures
    from povcli.output import formats, tables

    if len(files) != 1 or Path(files[0]).is_dir():
        raise PovcliError(
            "--figures reads one article", hint="name one file: povcli check FILE --figures"
        )
    cleaned = cleaned_article(files[0])
    if not cleaned.text.strip():
        raise PovcliError(f"article is empty: {files[0]}")
    records = read_figures(cleaned)
    formats.output(records, fmt, lambda: tables.figures_table(records))


def _check_one(
    file: str, fmt: str, reviewer: str, reviewed_on: str | None, chart: bool, facts: FactsOption
) -> None:
    """One article, as `povcli check FILE` has always printed it."""
    from povcli.api import check_cleaned
    from povcli.article.factcheck import summary
    from povcli.output import formats, tables
    from povcli.output.charts import charted
    from povcli.output.claimreview import claim_reviews, review_date
    from povcli.verdict import Verdict

    cleaned = cleaned_article(file)
    if not cleaned.text.strip():
        raise PovcliError(f"article is empty: {file}")
    findings = check_cleaned(cleaned, facts)
    records = [finding.to_dict() for finding in findings]
    if fmt == "claimreview":
        results = [finding.result for finding in findings]
        day = review_date(reviewed_on)
        formats.emit_data(claim_reviews(results, cleaned.metadata, reviewer, day), "json")
    elif fmt == "jsonl-one":
        from povcli.output.many import json_line

        if records:
            formats.write("".join(json_line({"file": file, **r}) + "\n" for r in records))
    else:
        body = tables.check_findings
        formats.output(records, fmt, lambda: charted(records, body(records), chart))
    counts = summary(findings)
    note(", ".join(f"{count} {name}" for name, count in counts.items()))
    if counts[Verdict.INCONSISTENT]:
        raise typer.Exit(ExitStatus.NOT_FOUND)


def _check_many(
    specs: list[str],
    fmt: str,
    reviewer: str,
    reviewed_on: str | None,
    jobs: int | None,
    dask: str | None,
    facts: FactsOption,
) -> None:
    """Every article: records streamed as they are judged (in the order of the files), a
    line on stderr for a file that cannot be checked, then the table of files."""
    from povcli.article.batch import article_files, check_many, default_jobs, reference_for
    from povcli.output.claimreview import review_date
    from povcli.output.many import ManyWriter, print_summary

    names = article_files(specs)
    if not names:
        raise PovcliError("no article files in " + ", ".join(specs))
    if "-" in names and len(names) > 1:
        raise PovcliError("stdin (-) is one article: name it alone")
    day = review_date(reviewed_on) if fmt == "claimreview" else ""
    writer = ManyWriter(fmt, reviewer, day)
    checked = check_many(
        names, reference_for(facts), default_jobs() if jobs is None else jobs, dask
    )
    done = []
    with _progress(len(names)) as advance:
        for result in checked:
            if result.error is not None:
                advance(f"error: {result.name}: {result.error}")  # one line, then go on
            writer.article(result)
            done.append(result.slim())
            advance(None)
    writer.close()
    print_summary(done, on_stdout=fmt == "table")
    if all(result.error is not None for result in done):
        raise typer.Exit(ExitStatus.USAGE)
    if any(result.counts()["inconsistent"] for result in done):
        raise typer.Exit(ExitStatus.NOT_FOUND)


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[str | None], None]]:
    """A progress bar on stderr when it is a terminal; `advance(line)` prints a line above
    it, `advance(None)` counts an article done."""
    from povcli.output.formats import safe_text

    if not sys.stderr.isatty():

        def plain(line: str | None) -> None:
            if line is not None:
                note(line)

        yield plain
        return
    from rich.progress import Progress

    from povcli.output.formats import console

    # stdout is the data: Rich would otherwise move what is written there onto the terminal
    with Progress(
        console=console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False
    ) as bar:
        task = bar.add_task("checking", total=total)

        def advance(line: str | None) -> None:
            if line is None:
                bar.advance(task)
            else:
                from rich.text import Text

                bar.console.print(Text(safe_text(line)))

        yield advance


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
        typer.Option("--output", "-o", help="HTML file to write (default, or -: standard output)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    lang: Annotated[str, typer.Option("--lang", help="zh: the article's script; en.")] = "zh",
    reviewer: ReviewerOption = "povcli",
    reviewed_on: ReviewedOnOption = None,
    facts: FactsOption = None,
) -> None:
    """Write a fact-check report people can read: one self-contained HTML page.

    Example: povcli report docs/examples/report-card.txt -o report.html
    """
    from povcli.files import STDIN, check_output, write_whole
    from povcli.output.claimreview import review_date
    from povcli.output.formats import write
    from povcli.report import article_report, catalog_report, render_html

    language(lang)
    day = review_date(reviewed_on)
    output = None if output == STDIN else output  # `-`: standard output, as everywhere
    if output is not None:  # said before any work is done
        check_output(Path(output), force)
    if file is not None:
        cleaned = cleaned_article(file)
        if not cleaned.text.strip():
            raise PovcliError(f"article is empty: {file}")
        name = "" if file == STDIN else Path(file).name
        page = article_report(cleaned, facts, lang, reviewer, day, name)
    else:
        page = catalog_report(facts, lang, reviewer, day)
    html = render_html(page)
    if output is None:
        write(html)
    else:
        write_whole(Path(output), html, replace=force)
    counts = ", ".join(f"{n} {verdict}" for verdict, n in page.counts.items())
    where = f"wrote {output}" if output is not None else "report"
    note(f"{where}: {len(page.cards)} relations ({counts}), {page.figure_count} figures marked")
    if page.counts["inconsistent"]:
        raise typer.Exit(ExitStatus.NOT_FOUND)


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
    from povcli.article.batch import reference_for
    from povcli.article.draft import draft_catalog, to_yaml
    from povcli.files import write_whole

    catalog_path = Path(output)
    text_path = catalog_path.with_suffix(".source.txt")
    if catalog_path.suffix not in (".yaml", ".yml"):
        raise PovcliError(f"the catalog must be a .yaml file, not {output}")
    for path in (catalog_path, text_path):
        if path.exists() and not force:
            raise PovcliError(f"{path} exists", hint="choose another name, or add --force")
    cleaned = cleaned_article(file)
    if not cleaned.text.strip():
        raise PovcliError(f"article is empty: {file}")
    # the library `check` borrows from: what the draft cannot hold is named in it
    draft = draft_catalog(cleaned.text, cleaned.metadata, text_path.name, reference_for(None))
    try:
        catalog_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PovcliError(f"cannot make the folder {catalog_path.parent}: {exc.strerror}") from None
    write_whole(text_path, draft.text, replace=force)
    write_whole(catalog_path, to_yaml(draft.catalog, draft.left_out), replace=force)
    note(
        f"wrote {catalog_path} and {text_path.name}: {draft.statistics} facts, {draft.checks} "
        f"checks, {draft.to_fill} fields to fill (povcli validate {catalog_path} lists them)"
    )
