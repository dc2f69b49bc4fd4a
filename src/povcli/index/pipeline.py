"""Parsing a catalog for its index: in this process, or, for a large catalog, in a forked
process that parses and prepares the facts while this one inserts their rows."""

from __future__ import annotations

import os
import sys
from typing import IO, Any

from povcli.errors import CatalogError
from povcli.index.prepare import Prepared, Preparer

# a catalog at least this large is parsed in a process of its own while this one indexes
# the facts it hands over (a pipeline on two cores); a smaller one costs more to hand over
PIPELINE_BYTES = 4 * 1024 * 1024
HANDED = 500  # facts handed over at a time


def streamed(handle: IO[bytes], prepare: Preparer, take: Any) -> Any:
    """The catalog's top level, each fact prepared and taken as it is parsed: here, or, when
    the catalog is large and the system forks, by a forked child that parses and checks each
    fact while this process completes it and inserts its rows (two cores at work, not one:
    of a million facts, parsing takes about 140 s, checking 60, completing 90, inserting 110)."""
    # PyYAML only when a catalog is parsed: a warm run opens the built index and stops there
    from povcli.catalog.yamlload import load

    size = os.fstat(handle.fileno()).st_size
    if size < PIPELINE_BYTES or not sys.platform.startswith("linux"):
        return load(handle, on_fact=lambda item, at: take(prepare(item, at)))[0]
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    parser = context.Process(target=_parse_for, args=(handle, prepare, sender), daemon=True)
    parser.start()
    sender.close()
    try:
        while True:
            kind, payload = receiver.recv()
            if kind == "facts":
                for checked in payload:
                    take(prepare.completed(checked))
            elif kind == "done":  # the top level
                return payload
            else:  # the parser's exception, raised here as if parsed here
                raise payload
    except EOFError:
        raise CatalogError("the catalog's parser stopped unexpectedly") from None
    finally:
        receiver.close()
        if parser.is_alive():
            parser.terminate()
        parser.join()


def _parse_for(handle: IO[bytes], prepare: Preparer, sender: Any) -> None:
    """The forked parser: facts checked and sent in batches as they are parsed, then the
    top level, or the exception that stopped it. Ctrl-C is the parent's to handle."""
    import signal

    from povcli.catalog.yamlload import load  # PyYAML: as in `streamed`

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    batch: list[Prepared] = []

    def hand(item: Any, position: int) -> None:
        batch.append(prepare.checked(item, position))
        if len(batch) >= HANDED:
            sender.send(("facts", batch[:]))
            batch.clear()

    try:
        root = load(handle, on_fact=hand)[0]
        sender.send(("facts", batch))
        sender.send(("done", root))
    except Exception as exc:  # every failure goes to the parent, which says what it is
        try:
            sender.send(("error", exc))
        except Exception:  # an exception that cannot be pickled: its words
            sender.send(("error", CatalogError(f"cannot parse the catalog: {exc}")))
    finally:
        sender.close()
