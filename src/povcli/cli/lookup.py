"""Commands that look facts up: list, show, info, search, series."""

import itertools
from collections.abc import Iterable
from typing import Annotated, Any

import typer

from povcli.cli.base import (
    FactsOption,
    FormatOption,
    LangOption,
    app,
    complete_fact_ids,
    handles_errors,
    language,
    not_found,
    note,
    output_format,
    shown_limit,
)
from povcli.errors import PovcliError, require_choice


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
    lang: LangOption = "zh",
    limit: Annotated[int, typer.Option("--limit", help="Show at most N facts (0: all).")] = 0,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """List every statistic of the article.

    Example: povcli list --topic income --lang en
    """
    from povcli.index.library import Library, with_library
    from povcli.output import formats, tables

    fmt = output_format(fmt)
    language(lang)
    if limit < 0:
        raise PovcliError(f"--limit must be 0 (all) or more, not {limit}")

    def work(library: Library) -> int:
        found = library.select(section or [], topic or [], unit or [], limit)
        several = library.several
        if fmt == "json":  # streamed: memory stays flat however many facts
            if not several:
                return formats.write_json_items(library.indexes[0].guarded(t for *_, t in found))
            return formats.write_json_items(map(formats.to_json, library.guarded(found)))
        if fmt == "table":  # streamed too: the first rows print before the last are read
            return formats.print_counted(
                lambda rows: tables.facts_table(rows, lang, several), _listed(library, found)
            )
        records = list(_listed(library, found))
        formats.output(records, fmt, lambda: tables.facts_table(records, lang, several))
        return len(records)

    # without --facts: the article's facts (name the library with --facts to list it all)
    if not with_library(facts, work, library=False):
        not_found("no facts match these filters")


def _listed(library: Any, found: Iterable[tuple[str, Any, str]]) -> Iterable[dict[str, Any]]:
    """The facts found as records (with their catalog when several are read), read as they
    are printed; damage found after the first were printed fails the command."""
    import json

    if library.several:
        guarded: Iterable[dict[str, Any]] = library.guarded(iter(found))
        return guarded
    return map(json.loads, library.indexes[0].guarded(text for *_, text in found))


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
    from povcli.index.library import fact_record, with_library
    from povcli.output import formats, tables

    fmt = output_format(fmt)
    record = with_library(facts, lambda library: fact_record(library, fact_id, context))
    formats.output(record, fmt, lambda: tables.fact_detail(record))


@app.command("info")
@handles_errors
def info_command(fmt: FormatOption = "table", facts: FactsOption = None) -> None:
    """Version, the catalog in use, its source and how many facts and checks it holds.

    Example: povcli info --format json
    """
    from povcli import __version__
    from povcli.index.library import with_library
    from povcli.output import formats, tables

    fmt = output_format(fmt)
    infos = with_library(
        facts, lambda library: [index.info(__version__) for index in library.indexes], False
    )
    info: Any = infos[0] if len(infos) == 1 else infos
    formats.output(info, fmt, lambda: tables.info_tables(infos))


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
    lang: LangOption = "zh",
    limit: Annotated[
        int | None,
        typer.Option("--limit", help="Show at most N results (table default 50; 0: all)."),
    ] = None,
    fmt: FormatOption = "table",
    facts: FactsOption = None,
) -> None:
    """Find facts by any word: Simplified or Traditional, pinyin, English or a number.

    Searches the whole library (the article's facts first, then the reference catalogs');
    --facts names the catalogs to search instead.

    Example: povcli search 光伏
    """
    from povcli.index.library import with_library
    from povcli.units import UNITS

    fmt = output_format(fmt)
    language(lang)
    text = " ".join(query)
    if not text.strip(' "“”「」'):
        raise PovcliError("empty query", hint="search for a word or a number: povcli search 光伏")
    bounds = [
        _number_option(name, value) for name, value in (("--min", minimum), ("--max", maximum))
    ]
    for name in unit or []:
        require_choice(name, list(UNITS), "unit")
    shown = shown_limit(limit, fmt)

    def work(library: Any) -> int:
        return _print_hits(library, text, unit or [], bounds, shown, fmt, lang)

    # without --facts: the whole library, the article's facts first
    if with_library(facts, work):
        return
    # imported only when nothing matched (a search that finds does not pay for them)
    from povcli.index.nomatch import no_match
    from povcli.output import tables
    from povcli.output.formats import print_renderable

    filtered = bool(unit) or any(bound is not None for bound in bounds)
    why = with_library(facts, lambda library: no_match(library, text, filtered))
    if why.paragraph and fmt == "table":
        print_renderable(tables.article_paragraph(*why.paragraph, text))
    not_found(why.message + (f" (hint: {why.hint})" if why.hint else ""))


def _print_hits(
    library: Any, text: str, units: list[str], bounds: list[float | None], shown: int, fmt: str,
    lang: str,
) -> int:  # fmt: skip
    """Print the hits of one search; how many matched."""
    from povcli.index.find import find, search_library
    from povcli.output import formats

    several = library.several
    hits: Iterable[tuple[str, Any, Any, str]]
    if several:  # every catalog's page is read (and checked) before any is printed
        total, hits = search_library(library, text, units, bounds[0], bounds[1], shown)
    else:  # ranked and counted in the index; only the facts shown are read
        index = library.indexes[0]
        found = find(index, text, units, bounds[0], bounds[1], limit=shown)
        total = found.total
        first = next(found.hits, None)  # damage in the first hit is repaired before output
        rest = itertools.chain([first] if first else [], found.hits)
        hits = ((library.ids[0], index, hit, t) for hit, t in rest)
    if shown and total > shown:
        note(f"showing {shown} of {total} matches (--limit 0 shows all)")
    if fmt == "json":  # streamed
        items = (formats.to_json(_scored(hit, several)) for hit in hits)
        formats.write_json_items(items if several else library.indexes[0].guarded(items))
        return int(total)
    records = [_scored(hit, several) for hit in hits]
    script = library.indexes[0].script

    def table() -> Any:
        from povcli.output import tables  # Rich's layout: the table format only

        return tables.search_table(records, text, script, lang, several)

    formats.output(records, fmt, table)
    return len(records)


def _scored(found: tuple[Any, Any, Any, str], several: bool) -> dict[str, Any]:
    """A hit's fact as a record, with the search's score and matched fields (and the catalog
    it comes from, when several are searched)."""
    import json

    cid, _, hit, text = found
    record: dict[str, Any] = {"catalog": cid} if several else {}
    record.update(json.loads(text))
    record.update(score=hit.score, matched=hit.matched)
    return record


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
    from povcli.index import series
    from povcli.index.library import with_library
    from povcli.output import formats, tables

    fmt = output_format(fmt)
    found = with_library(facts, lambda library: series.gather(library.records()))
    if name is None:
        records = series.summaries(found)
        if not records:
            not_found("no series in these catalogs (facts name one with series:)")
        formats.output(records, fmt, lambda: tables.series_list(records))
        return
    rows = series.rows(found, name)
    formats.output(rows, fmt, lambda: tables.series_chart(rows, name))
