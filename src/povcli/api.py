"""povcli's Python API: what the command line does, for a notebook or another program.

    >>> import povcli
    >>> findings = povcli.check_text("贫困人口从2012年末的9899万人减少至2019年末的551万人,"
    ...                              "累计减少9348万人。")
    >>> [(f.result.kind, str(f.result.verdict)) for f in findings]
    [('difference', 'consistent')]

The command line calls these functions and only parses arguments and prints what
they return. Every function takes its catalogs as `facts` (paths of catalog files
or folders; None: $POVCLI_FACTS, else the bundled library) and raises
`povcli.PovcliError` with a message and a hint on bad input.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from povcli.errors import PovcliError
from povcli.index.library import (
    Library,
    open_library,
    run_checks,
    valid_references,
    verified_records,
    with_library,
)
from povcli.index.views import Verification

if TYPE_CHECKING:
    from collections.abc import Iterator

    from povcli.article.batch import Checked
    from povcli.article.clean import CleanResult
    from povcli.article.factcheck import Finding
    from povcli.index.remembered import JudgedRecords

# The article pipeline (its patterns compiled at import) is imported by the functions that
# use it: `povcli verify` and `povcli list` go through this module and never need it.

__all__ = [
    "Checked",
    "Finding",
    "Library",
    "PovcliError",
    "Verification",
    "check_article",
    "check_files",
    "check_text",
    "find_facts",
    "open_library",
    "read_figures",
    "verify",
]


def read_figures(cleaned: CleanResult) -> list[dict[str, Any]]:
    """How `check` reads each figure of an article already cleaned: its role (level, change,
    rate, share, …), subject, period (and where the period comes from), scope, the figure it
    is attached to (`head`, an index into the list) and the cues that decided it."""
    from povcli.article.annotate import annotate, figures_table

    if not cleaned.text.strip():
        raise PovcliError("article is empty")
    return figures_table(annotate(cleaned.text))


def check_text(text: str, facts: Sequence[str] | None = None, borrow: bool = True) -> list[Finding]:
    """Every relation an article states between its figures, judged.

    The text is cleaned first (pinyin readings, HTML remnants, page furniture). With
    `borrow`, what the article leaves implicit (last year's level, the whole of a share)
    is borrowed from the reference catalogs of the library named by `facts`.
    """
    from povcli.article.clean import clean_article

    return check_cleaned(clean_article(text), facts, borrow)


def check_cleaned(
    cleaned: CleanResult, facts: Sequence[str] | None = None, borrow: bool = True
) -> list[Finding]:
    """`check_text` on an article already cleaned (the CLI shows the cleaning's notes)."""
    from povcli.article.borrow import reference_of
    from povcli.article.factcheck import check_text as judge_text

    if not cleaned.text.strip():
        raise PovcliError("article is empty")
    # what is borrowed comes from reference catalogs `validate` accepts
    reference = (
        with_library(facts, lambda lib: reference_of(valid_references(lib))) if borrow else None
    )
    return judge_text(cleaned.text, reference)


def check_article(path: str, facts: Sequence[str] | None = None) -> list[Finding]:
    """`check_text` on an article file (UTF-8, GB18030, Big5 or UTF-16; "-": stdin)."""
    from povcli.files import read_article

    return check_text(read_article(path).text, facts)


def check_files(
    files: Sequence[str],
    facts: Sequence[str] | None = None,
    jobs: int | None = None,
    dask: str | None = None,
) -> Iterator[Checked]:
    """Many articles (files, or folders of them) checked with one library, in the order
    named: each a `Checked` with its relations as records, or the error that stopped it.
    `jobs` processes (default: the cores), or the Dask scheduler at `dask` (an address such
    as "tcp://scheduler:8786", or "local" for a local cluster of `jobs` workers)."""
    from povcli.article.batch import article_files, check_many, default_jobs, reference_for

    names = article_files(files)
    return check_many(names, reference_for(facts), default_jobs() if jobs is None else jobs, dask)


def verify(names: Sequence[str] = (), facts: Sequence[str] | None = None) -> Verification:
    """The catalogs' checks (all, or those named), each judged on its facts."""
    return with_library(facts, lambda library: run_checks(library, names))


def verify_records(names: Sequence[str] = (), facts: Sequence[str] | None = None) -> JudgedRecords:
    """`verify(...).records()`: each check's result as a record, as `povcli verify` prints
    them (a sequence of dicts, with `.verdicts` and each record's JSON text in `.texts`).
    Records of a run that judged the same catalogs' contents with the same checks and the
    same povcli are read back rather than judged again."""
    return with_library(facts, lambda library: verified_records(library, names))


def find_facts(
    query: str,
    facts: Sequence[str] | None = None,
    units: Sequence[str] = (),
    minimum: float | None = None,
    maximum: float | None = None,
    limit: int = 0,
) -> list[dict[str, Any]]:
    """Facts matching every word of the query (any script, pinyin, English, a number), best
    first, each a record with its catalog, `score` and `matched` fields."""
    from povcli.index.find import search_library

    def work(library: Library) -> list[dict[str, Any]]:
        _, hits = search_library(library, query, units, minimum, maximum, limit)
        return [
            {"catalog": cid, **json.loads(text), "score": hit.score, "matched": hit.matched}
            for cid, _, hit, text in hits
        ]

    return with_library(facts, work)


def __getattr__(name: str) -> Any:
    # the result types on first use: the pipeline's modules load when an article is checked
    if name == "Finding":
        from povcli.article.factcheck import Finding

        return Finding
    if name == "Checked":
        from povcli.article.batch import Checked

        return Checked
    raise AttributeError(f"module 'povcli.api' has no attribute {name!r}")
