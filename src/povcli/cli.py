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
from povcli.errors import EXIT_NOT_FOUND, EXIT_USAGE, OutputClosed, PovcliError, did_you_mean

app = typer.Typer(
    name="povcli",
    help="Look up and fact-check the statistics in Chinese official reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

FactsOption = Annotated[
    Path | None,
    typer.Option(
        "--facts",
        envvar="POVCLI_FACTS",
        help="Catalog to read instead of the bundled one (also $POVCLI_FACTS).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", help="Output format: table, json, csv or yaml."),
]


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr, then exit with a defined code."""
    line = f"error: {message}" + (f" (hint: {hint})" if hint else "")
    typer.echo(" ".join(line.split("\n")), err=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    typer.echo(message, err=True)


def handles_errors(command: F) -> F:
    """Turn library errors into `error: …` and their exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PovcliError as exc:
            fail(exc.message, exc.hint, exc.code)

    return wrapper  # type: ignore[return-value]


def with_index(facts: Path | None, work: Callable[[Any], T]) -> T:
    """Run `work` on the catalog's index (povcli.index.Index); a damaged index is
    rebuilt and the work done again."""
    from povcli.index import IndexDamaged, open_index
    from povcli.locate import locate_catalog

    path = locate_catalog(facts)
    try:
        return work(open_index(path))
    except IndexDamaged:
        pass
    try:
        return work(open_index(path, rebuild=True))
    except IndexDamaged as exc:
        raise PovcliError(f"the index of {path} is damaged even when rebuilt: {exc}") from None


def check_choice(value: str, choices: tuple[str, ...] | list[str], what: str) -> str:
    if value not in choices:
        hint = did_you_mean(value, choices) or f"choose one of: {', '.join(choices)}"
        raise PovcliError(f"unknown {what} {value!r}", hint=hint)
    return value


def output_format(fmt: str) -> str:
    from povcli.render import FORMATS

    return check_choice(fmt, FORMATS, "format")


def _index_for_completion(ctx: typer.Context) -> Any:
    from povcli.index import IndexDamaged, open_index
    from povcli.locate import locate_catalog

    try:
        return open_index(locate_catalog(ctx.params.get("facts")))
    except (PovcliError, IndexDamaged):
        return None


def complete_fact_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the catalog's fact ids."""
    from povcli.index import IndexDamaged

    index = _index_for_completion(ctx)
    try:
        return index.ids_starting(incomplete) if index else []
    except IndexDamaged:
        return []


def complete_check_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the catalog's check names."""
    index = _index_for_completion(ctx)
    names = [str(check.get("id")) for check in index.checks] if index else []
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
    check_choice(lang, ("zh", "en"), "language")
    if limit < 0:
        raise PovcliError(f"--limit must be 0 (all) or more, not {limit}")

    def work(index: Any) -> int:
        texts = index.select(section or [], topic or [], unit or [], limit)
        if fmt == "json":  # streamed: memory stays flat however many facts
            return render.write_json_items(index.guarded(texts))
        records = [json.loads(text) for text in texts]
        render.output(records, fmt, lambda: render.facts_table(records, lang))
        return len(records)

    if not with_index(facts, work):
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

    def work(index: Any) -> dict[str, Any]:
        text = index.fact_json(fact_id)
        if text is None:
            raise index.missing_fact(fact_id)
        record: dict[str, Any] = json.loads(text)
        if context:
            from povcli.catalog import Fact
            from povcli.listing import paragraph_of

            record["context"] = paragraph_of(index.catalog(), Fact.from_dict(record))
        return record

    record = with_index(facts, work)
    render.output(record, fmt, lambda: render.fact_detail(record))


@app.command("info")
@handles_errors
def info_command(fmt: FormatOption = "table", facts: FactsOption = None) -> None:
    """Version, the catalog in use, its source and how many facts and checks it holds.

    Example: povcli info --format json
    """
    from povcli import render

    fmt = output_format(fmt)
    info = with_index(facts, lambda index: index.info(__version__))
    render.output(info, fmt, lambda: render.info_table(info))


@app.command("validate")
@handles_errors
def validate_command(
    path: Annotated[
        Path | None,
        typer.Argument(help="Catalog to check (default: --facts, $POVCLI_FACTS, bundled)."),
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Check a catalog and report every problem at once, with its YAML line.

    Example: povcli validate data/facts.yaml
    """
    from povcli import render
    from povcli.validate import validate_catalog

    fmt = output_format(fmt)
    report = validate_catalog(path or facts)
    problems = [problem.to_dict() for problem in report.problems]
    summary = {
        "catalog": str(report.path),
        "ok": report.ok,
        "facts": report.facts,
        "checks": report.checks,
        "problems": problems,
    }
    render.output(
        summary,
        fmt,
        lambda: render.problems_table(problems, str(report.path)) if problems else None,
    )
    if not report.ok:
        count = len(problems)
        note(f"error: {count} problem{'s' if count > 1 else ''} in {report.path}")
        raise typer.Exit(EXIT_USAGE)
    note(f"ok: {report.facts} facts, {report.checks} checks, no problems in {report.path}")


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
    check_choice(lang, ("zh", "en"), "language")
    text = " ".join(query)
    if not text.strip(' "“”「」'):
        raise PovcliError("empty query", hint="search for a word or a number: povcli search 光伏")
    bounds = [
        _number_option(name, value) for name, value in (("--min", minimum), ("--max", maximum))
    ]
    from povcli.units import UNITS

    for name in unit or []:
        check_choice(name, list(UNITS), "unit")
    shown = _limit(limit, fmt)

    def work(index: Any) -> int:
        import json

        from povcli import render

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

    if not with_index(facts, work):
        note(f"no facts match {text!r}")
        raise typer.Exit(EXIT_NOT_FOUND)


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
    from povcli.numbers import NumberError, parse_number

    try:
        return float(parse_number(value))
    except NumberError:
        raise PovcliError(f"{name} needs a number, not {value!r}") from None


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
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Output format: table, json, csv, yaml or claimreview."
        ),
    ] = "table",
    reviewer: Annotated[
        str, typer.Option("--reviewer", help="Reviewer named in ClaimReview output.")
    ] = "povcli",
    reviewed_on: Annotated[
        str | None,
        typer.Option("--reviewed-on", help="Review date for ClaimReview (default: today)."),
    ] = None,
    facts: FactsOption = None,
) -> None:
    """Recompute the article's derived figures and judge each claim.

    Example: povcli verify growth
    """
    from povcli import render
    from povcli.checks import INCONSISTENT, run_check, select_checks, summarise
    from povcli.render import FORMATS

    fmt = check_choice(fmt, (*FORMATS, "claimreview"), "format")

    def work(index: Any) -> tuple[Any, list[Any]]:
        catalog = index.catalog()  # each check reads only the facts it names
        return catalog, [run_check(check, catalog) for check in select_checks(catalog, names or [])]

    catalog, results = with_index(facts, work)
    records = [result.to_dict() for result in results]
    if fmt == "claimreview":
        import datetime

        from povcli.claimreview import claim_reviews

        day = reviewed_on or datetime.date.today().isoformat()
        try:
            day = datetime.date.fromisoformat(day).isoformat()
        except ValueError:
            raise PovcliError(
                f"--reviewed-on needs a date such as 2026-11-29, not {day!r}"
            ) from None
        render.emit_data(claim_reviews(results, catalog.source, reviewer, day), "json")
    else:
        render.output(records, fmt, lambda: render.check_results(records))
    counts = summarise(results)
    note(", ".join(f"{count} {name}" for name, count in counts.items()))
    if counts[INCONSISTENT]:
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command("calc")
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
    if facts is not None or _mentions_fact(figures, claimed):
        result = with_index(
            facts, lambda index: calc(kind, figures, index.catalog(), years, claimed)
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

    return any(FACT_ID.fullmatch(text) and not text.isdigit() for text in [*figures, claimed or ""])


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
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Clean a scraped article and find every figure in it, tied to the catalog.

    Example: povcli extract ../shared/seed/shanxi-daily-2021-01-20-raw.txt --uncurated
    """
    from povcli import render
    from povcli.catalog import load_catalog
    from povcli.clean import clean_article
    from povcli.extract import coverage, find_mentions, link_mentions

    fmt = output_format(fmt)
    cleaned = clean_article(_read_article(file))
    for flag in cleaned.flags:
        note(f"warning: offset {flag.offset}: {flag.text!r}: {flag.reason}")
    if clean:
        render.write(cleaned.text)
        return
    mentions = find_mentions(cleaned.text)
    link_mentions(mentions, cleaned.text, load_catalog(facts))
    linked, statistics = coverage(mentions)
    shown = [m for m in mentions if m.is_statistic and m.fact is None] if uncurated else mentions
    records = [mention.to_dict() for mention in shown]
    render.output(records, fmt, lambda: render.mentions_table(records))
    share = f"{100 * linked / statistics:.1f}%" if statistics else "n/a"
    note(
        f"{len(mentions)} mentions, {statistics} statistics, {linked} linked to facts "
        f"(coverage {share}), {statistics - linked} uncurated"
    )


def _read_article(file: str) -> str:
    from povcli.locate import decode

    if file == "-":
        return decode(sys.stdin.buffer.read(), Path("<stdin>"))
    path = Path(file)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "not found"
        raise PovcliError(f"article {what}: {file}")
    try:
        return decode(path.read_bytes(), path)
    except OSError as exc:
        raise PovcliError(f"cannot read {file}: {exc.strerror}") from None


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
