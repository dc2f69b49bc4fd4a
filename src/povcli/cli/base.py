"""The Typer app, its shared options, and the entry point that turns failures into exit codes.

No `from __future__ import annotations` in `povcli.cli`: Typer would have to evaluate every
string annotation at each start-up (~8 ms). The commands import what they run inside
their own bodies, so that `povcli search` never pays for the report's Jinja2 and
matplotlib, nor `povcli list` for the article pipeline: start-up is the one cost every
command shares.
"""

import functools
import gc
import os
import re
import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from povcli import __version__
from povcli.errors import ExitStatus, OutputClosed, PovcliError, require_choice

app = typer.Typer(
    name="povcli",
    help="Look up and fact-check the statistics in Chinese official reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])

# paths are taken as text: click's Path type calls os.stat, which fails on a NUL byte
# several catalogs: --facts again, or $POVCLI_FACTS separated by os.pathsep (read in
# povcli.catalog.locate: Click would split the variable at spaces)
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
LangOption = Annotated[str, typer.Option("--lang", help="zh: the article's words; en.")]

# a table of thousands of rows takes Rich seconds and nobody reads it: tables stop here
TABLE_LIMIT = 50
REVIEW_FORMATS = ("table", "json", "csv", "yaml", "claimreview")


def fail(message: str, hint: str | None = None, code: int = ExitStatus.USAGE) -> NoReturn:
    """One line on stderr, then exit with a defined code."""
    line = f"error: {message}" + (f" (hint: {hint})" if hint else "")
    note(" ".join(line.split("\n")))
    raise typer.Exit(code)


def note(message: str) -> None:
    """A line on stderr, its control characters shown rather than sent."""
    from povcli.output.formats import safe_text

    typer.echo(safe_text(message), err=True)


def handles_errors(command: F) -> F:
    """Turn library errors into `error: …` and their exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PovcliError as exc:
            _say_notices()
            fail(exc.message, exc.hint, exc.code)
        finally:
            _say_notices()

    return wrapper  # type: ignore[return-value]


def _say_notices() -> None:
    """What the index layer asked to tell once (a cache that cannot be written)."""
    cache = sys.modules.get("povcli.index.cache")  # not loaded: nothing to say
    if cache is not None:
        for message in cache.take_notices():
            note(message)


def output_format(fmt: str, choices: tuple[str, ...] = ("table", "json", "csv", "yaml")) -> str:
    return require_choice(fmt, choices, "format")


def language(lang: str) -> str:
    return require_choice(lang, ("zh", "en"), "language")


def shown_limit(limit: int | None, fmt: str) -> int:
    """How many results to show: 0 for all (a table stops at TABLE_LIMIT unless told)."""
    if limit is not None and limit < 0:
        raise PovcliError(f"--limit must be 0 (all) or more, not {limit}")
    if limit is None:
        return TABLE_LIMIT if fmt == "table" else 0
    return limit


def not_found(message: str) -> NoReturn:
    """Nothing matched: a note, and exit 1 (grep's convention)."""
    note(message)
    raise typer.Exit(ExitStatus.NOT_FOUND)


def article_text(spec: str) -> str:
    """An article file's text (or stdin's, for -), with a note naming a non-UTF-8 encoding."""
    from povcli.files import read_article

    article = read_article(spec)
    if article.encoding != "utf-8":
        shown = "stdin" if spec == "-" else spec
        note(f"note: read {shown} as {article.encoding_name}")
    return article.text


def cleaned_article(spec: str) -> Any:
    """An article read and cleaned (povcli.article.clean.CleanResult), with a warning on
    stderr for each spot the cleaner flagged."""
    from povcli.article.clean import clean_article

    cleaned = clean_article(article_text(spec))
    for flag in cleaned.flags:
        note(flag.describe())
    return cleaned


def _library_for_completion(ctx: typer.Context) -> Any:
    from povcli.index.library import open_library
    from povcli.index.reads import IndexDamaged

    try:
        return open_library(ctx.params.get("facts"))
    except (PovcliError, IndexDamaged):
        return None


def complete_fact_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the catalogs' fact ids."""
    from povcli.index.reads import IndexDamaged

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


def main() -> None:
    """Console entry point: one-line errors, quiet on broken pipes and Ctrl-C.

    A traceback is shown only with POVCLI_DEBUG=1.
    """
    _stand_in_for_closed_stdout()
    # a run is short and makes many small objects with few cycles among them: the collector
    # run every 700 allocations cost a long article's check about an eighth of its time
    # (benchmarks/hostile-round-3.md, row 6); garbage without cycles is freed at once all the same
    gc.set_threshold(20_000, 20, 100)
    every = getattr(app, "registered_commands", [])
    if every:
        app.registered_commands = _only_the_command_asked(sys.argv[1:], every)
    try:
        code = app(standalone_mode=False, prog_name="povcli")
        from povcli.output.formats import flush_output

        flush_output()
    except PovcliError as exc:  # output that failed only when flushed at the end
        typer.echo(f"error: {exc}", err=True)
        sys.exit(exc.code)
    except (KeyboardInterrupt, typer.Abort):
        sys.exit(ExitStatus.INTERRUPTED)
    except (BrokenPipeError, OutputClosed):
        _silence_stdout()
        sys.exit(ExitStatus.BROKEN_PIPE)
    except typer.TyperException as exc:  # the argument parser's usage errors
        sys.exit(_usage_error(exc))
    except UnicodeEncodeError as exc:  # output the terminal's encoding cannot hold
        from povcli.output.formats import unencodable

        typer.echo(f"error: {unencodable(exc.encoding, exc)}", err=True)
        sys.exit(ExitStatus.USAGE)
    except Exception as exc:  # the last guard before a traceback
        if os.environ.get("POVCLI_DEBUG") == "1":
            raise
        typer.echo(f"error: internal error: {exc!r} (hint: rerun with POVCLI_DEBUG=1)", err=True)
        sys.exit(ExitStatus.USAGE)
    finally:
        if every:
            app.registered_commands = every
    sys.exit(code if isinstance(code, int) else ExitStatus.OK)


def _only_the_command_asked(args: list[str], every: list[Any]) -> list[Any]:
    """Only the command named on the command line: Typer turns every registered command into
    a Click command at each start (a twentieth of the start-up), though one runs. Anything
    else (no command, an option first, shell completion) keeps them all."""
    completing = any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)
    chosen = [info for info in every if args and info.name == args[0]]
    return chosen if chosen and not completing else every


def _usage_error(exc: typer.TyperException) -> int:
    if type(exc).__name__ == "NoArgsIsHelpError":
        app(["--help"], standalone_mode=False, prog_name="povcli")
        return ExitStatus.USAGE
    message = getattr(exc, "format_message", lambda: str(exc))()
    context = getattr(exc, "ctx", None)
    command = getattr(context, "command_path", None) or "povcli"
    line = " ".join(str(message).split())
    hint = f"see {command} --help"
    if re.match(r"No such option: -\d", line):
        hint = f"put -- before a negative number: {command} ... -- -5"
    typer.echo(f"error: {line} (hint: {hint})", err=True)
    return int(getattr(exc, "exit_code", ExitStatus.USAGE))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush stays quiet."""
    from povcli.output.formats import silence_stdout

    silence_stdout()


def _stand_in_for_closed_stdout() -> None:
    """Started with stdout closed (`povcli list >&-`): descriptor 1 is held on /dev/null,
    so that no file povcli opens (an index) can take its number, and writing output is
    an error."""
    if sys.stdout is not None:
        return
    from povcli.output.formats import ClosedOutput

    try:
        os.fstat(1)
    except OSError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != 1:
            os.dup2(devnull, 1)
            os.close(devnull)
    sys.stdout = ClosedOutput()
