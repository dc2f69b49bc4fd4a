"""Many articles checked with one start-up and one library: here, on every core, or on Dask.

Checking an article is a pure function of its text and the library's reference series
(`check_one`): the library is opened once, its reference built once and handed to each
worker once; the texts are read here (bounded, decoded) and sent to the workers, so the
same function runs unchanged in this process, in a pool of processes on this machine, or
on the workers of a Dask cluster anywhere. Results come back in the order of the files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from povcli.errors import PovcliError

if TYPE_CHECKING:
    from povcli.article.borrow import Reference
    from povcli.checks import Result

VERDICTS = ("consistent", "inconsistent", "unverifiable")
CHUNK = 4  # articles handed to a process at a time: few enough to keep every core busy


@dataclass
class Checked:
    """One article's outcome: its relations as records (and results, for ClaimReview), or
    why it could not be checked."""

    name: str
    records: list[dict[str, Any]] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    note: str | None = None  # read in another encoding than UTF-8
    counted: dict[str, int] | None = None  # the counts of a result whose records are gone

    def counts(self) -> dict[str, int]:
        """found, then each verdict, as `povcli check` counts them."""
        if self.counted is not None:
            return self.counted
        counts = {"found": len(self.records)}
        counts.update({v: sum(r["verdict"] == v for r in self.records) for v in VERDICTS})
        return counts

    def slim(self) -> Checked:
        """The outcome without its records (kept for the table of files, so that memory
        does not grow with the articles written)."""
        return Checked(self.name, error=self.error, note=self.note, counted=self.counts())


def check_one(text: str, reference: Reference | None) -> tuple[list[Any], list[Any], Any]:
    """One article judged: its relations as records, their results and the article's
    metadata. A pure function of the text and the reference (what a Dask worker runs)."""
    # the article pipeline compiles its patterns at import: a worker pays for it once, here,
    # and `povcli check --help` never
    from povcli.article.clean import clean_article
    from povcli.article.factcheck import check_text

    cleaned = clean_article(text)
    if not cleaned.text.strip():
        raise PovcliError("article is empty")
    findings = check_text(cleaned.text, reference)
    return [f.to_dict() for f in findings], [f.result for f in findings], cleaned.metadata


def article_files(specs: Sequence[str]) -> list[str]:
    """The articles named: files as given, and a folder's files (recursively, sorted, names
    starting with a dot left out). A name that is neither is kept: reading it says why."""
    found: list[str] = []
    for spec in specs:
        path = Path(spec)
        if spec != "-" and path.is_dir():
            inside = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            found.extend(inside)
        else:
            found.append(spec)
    return found


def _visible_file(path: Path, folder: Path) -> bool:
    return path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts)


def _read(name: str) -> tuple[str | None, str | None, str | None]:
    """(text, note, error) of one article file."""
    from povcli.files import read_article  # with the decoders, imported where files are read

    try:
        article = read_article(name)
    except PovcliError as exc:  # said once per file: the file is named beside it
        return None, None, exc.message.removesuffix(f": {name}").replace(f" {name}", "")
    note = None if article.encoding == "utf-8" else f"read as {article.encoding_name}"
    return article.text, note, None


def _judge(item: tuple[str, str | None, str | None, str | None]) -> Checked:
    """A read article judged by the worker's reference; any failure is the article's."""
    name, text, note, error = item
    if error is not None or text is None:
        return Checked(name, error=error or "unreadable")
    try:
        records, results, metadata = check_one(text, _REFERENCE[0] if _REFERENCE else None)
    except PovcliError as exc:
        return Checked(name, error=exc.message, note=note)
    except Exception as exc:  # a bug met on one article must not end the others
        return Checked(name, error=f"internal error: {exc!r}", note=note)
    return Checked(name, records, results, metadata, note=note)


_REFERENCE: list[Reference | None] = []  # the worker's reference, set once per process


def _serve(reference: Reference | None) -> None:
    """A pool worker's start: keep the reference; Ctrl-C is the parent's to handle."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _REFERENCE[:] = [reference]


def _texts(names: Iterable[str]) -> Iterator[tuple[str, str | None, str | None, str | None]]:
    for name in names:
        yield (name, *_read(name))


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_many(
    names: Sequence[str], reference: Reference | None, jobs: int = 1, dask: str | None = None
) -> Iterator[Checked]:
    """Each article checked, in the order named: in this process (`jobs` 1), in `jobs`
    processes, or on the Dask scheduler at `dask` ("local": a local cluster of `jobs`
    workers). Reading is done here, so a worker needs no access to the files."""
    if jobs < 1:
        raise PovcliError(f"--jobs must be 1 or more, not {jobs}")
    items = _texts(names)
    if dask is not None:
        yield from _on_dask(items, reference, jobs, dask)
    elif jobs == 1 or len(names) == 1:
        _REFERENCE[:] = [reference]
        yield from map(_judge, items)
    else:
        yield from _in_processes(items, reference, min(jobs, len(names)))


def _in_processes(
    items: Iterable[tuple[str, str | None, str | None, str | None]],
    reference: Reference | None,
    jobs: int,
) -> Iterator[Checked]:
    import multiprocessing

    # fork where there is one: the workers start with povcli already imported
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = context.Pool(jobs, initializer=_serve, initargs=(reference,))
    try:
        yield from pool.imap(_judge, items, chunksize=CHUNK)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _on_dask(
    items: Iterable[tuple[str, str | None, str | None, str | None]],
    reference: Reference | None,
    jobs: int,
    address: str,
) -> Iterator[Checked]:
    """The same function on a Dask cluster: the reference scattered to every worker once,
    one task per article, results gathered in order."""
    import importlib

    try:  # typed as Any: Dask is optional, and its API untyped
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise PovcliError(
            "--dask needs Dask's distributed scheduler", hint="pip install 'povcli[dask]'"
        ) from None
    cluster = None
    if address == "local":
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
    try:
        with _client(distributed, cluster if cluster is not None else address) as client:
            shared = client.scatter(reference, broadcast=True)
            futures = [client.submit(judge_with, item, shared, pure=False) for item in items]
            for future in futures:
                yield future.result()
    finally:
        if cluster is not None:
            cluster.close()


def _client(distributed: Any, where: Any) -> Any:
    """A client of the cluster; a scheduler that cannot be reached within Dask's connect
    time-out (distributed.comm.timeouts.connect, 30 s unless configured) is a usage error."""
    try:
        return distributed.Client(where)
    except (OSError, TimeoutError) as exc:
        raise PovcliError(
            f"cannot reach the Dask scheduler at {where}: {exc}",
            hint="start one with `dask scheduler`, or use --dask local",
        ) from None


def judge_with(
    item: tuple[str, str | None, str | None, str | None], reference: Reference | None
) -> Checked:
    """`_judge` with the reference given (a Dask task)."""
    _REFERENCE[:] = [reference]
    return _judge(item)


def reference_for(facts: Sequence[str] | None) -> Reference:
    """The reference series of the library named by `facts`, built once for every article."""
    from povcli.article.borrow import reference_of
    from povcli.index.library import with_library

    return with_library(facts, reference_of)
