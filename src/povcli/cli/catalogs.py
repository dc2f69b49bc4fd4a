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
    from povcli.output import formats
    from povcli.verdict import Verdict, count_verdicts

    fmt = output_format(fmt, REVIEW_FORMATS)
    if fmt == "claimreview":
        from povcli.api import verify
        from povcli.output.claimreview import claim_reviews, review_date

        day = review_date(reviewed_on)
        found = verify(names or [], facts)
        reviews = claim_reviews(found.results, found.catalog.source, reviewer, day)
        formats.emit_data(reviews, "json")
        verdicts = [str(result.verdict) for result in found.results]
    else:
        from povcli.api import verify_records

        judged = verify_records(names or [], facts)
        if fmt == "json":  # each record's text as remembered: nothing decoded, nothing encoded
            formats.write_json_items(judged.texts)
        else:
            records = list(judged)
            formats.output(records, fmt, lambda: _results_table(records, chart))
        verdicts = judged.verdicts
    counts = count_verdicts(verdicts)
    note(", ".join(f"{count} {name}" for name, count in counts.items()))
    if counts[Verdict.INCONSISTENT]:
        raise typer.Exit(ExitStatus.NOT_FOUND)


# the help of calc: its paragraphs are one line each, so that the terminal wraps them
CALC_HELP = "\n\n".join(
    [
        "Compute a figure from figures you type, with the verify engine, and judge a claim.",
        "A written figure stands for the interval of its last digit: 2061元 for 2060.5–2061.5,"
        " and a bare number too (2061, 17.9: povcli cannot tell a count from an amount). Only"
        " a count in full digits with its measure word is exact (58個, 5年). A change is"
        " claimed as the article writes it: 下降66.8%, 減少1109萬, 增長9.5% or -66.8; without"
        " a sign or a direction word it is a rise.",
        """\
growth OLD NEW                    the growth in %
cagr START END --years N          the average annual growth in %
cagr-multiple MULTIPLE --years N  the same, from a multiple (1.82倍)
change-rate LEVEL CHANGE          the growth of LEVEL after CHANGE (減少5萬)
difference OLD NEW                the change NEW − OLD
point-change OLD NEW              the change of a rate in percentage points
average TOTAL --years N           the average per period
average-change OLD NEW --years N  the average change per period
share PART WHOLE                  PART / WHOLE in %
ratio A B                         A / B
sum PART PART...                  the total
subset PART... WHOLE              whether the parts fit within the whole
yoy VALUE GROWTH                  the base a year before VALUE""",
        "Example: povcli calc growth 2061元 2431元 --claimed 17.9",
    ]
)


def _results_table(records: list[dict[str, Any]], chart: bool) -> Any:
    from povcli.output import tables
    from povcli.output.charts import charted

    return charted(records, tables.check_results(records), chart)


@app.command("calc", help=CALC_HELP, context_settings={"ignore_unknown_options": True})
@handles_errors
def calc_command(
    kind: Annotated[
        str, typer.Argument(metavar="KIND", help="What to compute: one of the kinds above.")
    ],
    figures: Annotated[
        list[str],
        typer.Argument(
            metavar="FIGURE...",
            help="In the kind's order: numbers (2061: rounded), written forms (2061元, 329萬,"
            " 58個: exact) or fact ids.",
        ),
    ],
    years: Annotated[
        float | None,
        typer.Option(
            "--years", help="cagr, cagr-multiple, average, average-change: number of periods."
        ),
    ] = None,
    claimed: Annotated[
        str | None,
        typer.Option(
            "--claimed",
            help="The stated figure to judge, as written: 17.9 or 17.9% (a rise), 下降66.8%,"
            " 減少1109萬, -66.8.",
        ),
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    from povcli.calc import calc, mentions_fact
    from povcli.catalog.locate import catalog_specs
    from povcli.index.library import with_library
    from povcli.index.views import WholeLibrary
    from povcli.output import formats, tables
    from povcli.verdict import Verdict

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
