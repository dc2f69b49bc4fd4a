"""Commands that check catalogs and compute: validate, verify, calc."""

from typing import Annotated, Any

import typer

from povcli.cli.base import (
    REVIEW_FORMATS,
    ChartOption,
    FactsOption,
    FormatOption,
    ReviewedOnOption,
    ReviewerOption,
    ReviewFormatOption,
    app,
    complete_check_names,
    handles_errors,
    note,
    output_format,
)
from povcli.errors import ExitStatus


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
    from povcli.catalog.validate import validate_named
    from povcli.output import formats

    fmt = output_format(fmt)
    # several catalogs (folders, --facts again): each is checked
    reports = validate_named([path] if path else None, facts)
    summaries = [report.to_dict() for report in reports]
    if fmt == "csv":  # one row per problem
        data: Any = [
            {"catalog": s["catalog"], **p} if len(reports) > 1 else p
            for s in summaries
            for p in s["problems"]
        ]
    else:
        data = summaries[0] if len(reports) == 1 else summaries
    formats.output(data, fmt, lambda: _problem_tables(summaries))
    for report in reports:
        note(report.summary())
    if not all(report.ok for report in reports):
        raise typer.Exit(ExitStatus.USAGE)


def _problem_tables(summaries: list[dict[str, Any]]) -> Any:
    from rich.console import Group

    from povcli.output.tables import problems_table

    shown = [problems_table(s["problems"], s["catalog"]) for s in summaries if s["problems"]]
    return Group(*shown) if shown else None


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
    from povcli.api import verify
    from povcli.checks import Verdict, summarise
    from povcli.output import formats

    fmt = output_format(fmt, REVIEW_FORMATS)
    found = verify(names or [], facts)
    records = found.records()
    if fmt == "claimreview":
        from povcli.output.claimreview import claim_reviews, review_date

        day = review_date(reviewed_on)
        reviews = claim_reviews(found.results, found.catalog.source, reviewer, day)
        formats.emit_data(reviews, "json")
    else:
        formats.output(records, fmt, lambda: _results_table(records, chart))
    counts = summarise(found.results)
    note(", ".join(f"{count} {name}" for name, count in counts.items()))
    if counts[Verdict.INCONSISTENT]:
        raise typer.Exit(ExitStatus.NOT_FOUND)


def _results_table(records: list[dict[str, Any]], chart: bool) -> Any:
    from povcli.output import tables
    from povcli.output.charts import charted

    return charted(records, tables.check_results(records), chart)


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
    from povcli.calc import calc, mentions_fact
    from povcli.catalog.locate import catalog_specs
    from povcli.checks import Verdict
    from povcli.index.library import WholeLibrary, with_library
    from povcli.output import formats, tables

    fmt = output_format(fmt)
    # negative figures need no "--" (unknown options are figures here); a "--" is dropped
    figures = [figure for figure in figures if figure != "--"]
    # the catalogs are read when a figure may be a fact id, or when one was named
    if catalog_specs(facts) or mentions_fact(figures, claimed):
        result = with_library(
            facts, lambda library: calc(kind, figures, WholeLibrary(library), years, claimed)
        )
    else:
        result = calc(kind, figures, None, years, claimed)
    record = result.to_dict()
    formats.output(record, fmt, lambda: tables.check_results([record]))
    if result.verdict == Verdict.INCONSISTENT:
        raise typer.Exit(ExitStatus.NOT_FOUND)
