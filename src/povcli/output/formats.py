"""Output plumbing: one switch for every format, JSON built as data and written once,
streamed lists, and text made safe for a terminal."""

from __future__ import annotations

import errno
import io
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from povcli.errors import OutputClosed, PovcliError
from povcli.jsontext import indented
from povcli.units import MINUS

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


FORMATS = ("table", "json", "csv", "yaml")
STREAM_AFTER = 1000
# Numbers as text: a float is printed as the shortest text that gives back its value rounded
# to so many significant digits, which drops float noise (14.950000000000001 is 14.95) and
# keeps every digit a figure of a report has. JSON and YAML keep full values.
TABLE_DIGITS = 10
CSV_DIGITS = 12
# Widths outside this range are taken as a mistake (COLUMNS=0 printed nothing, COLUMNS=10000000
# padded every rule to ten million cells) and clamped: below MIN_WIDTH records are stacked
# at MIN_WIDTH, and no line is ever wider than MAX_WIDTH.
MIN_WIDTH, MAX_WIDTH = 20, 500
BATCH = 64  # lines handed to Rich at once on a terminal


def write(text: str) -> None:
    text = text if text.endswith("\n") else text + "\n"
    encoding = _stdout_encoding()
    if not _is_utf(encoding):  # check first, so no half-written output
        try:
            text.encode(encoding, errors=getattr(sys.stdout, "errors", None) or "strict")
        except UnicodeEncodeError as exc:
            raise unencodable(encoding, exc) from None
        except LookupError:
            pass  # an unknown error handler: let the stream decide
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as exc:
        raise cannot_write(exc) from None


def cannot_write(exc: OSError) -> PovcliError:
    """Output that cannot be written (a full disk, /dev/full, a closed stdout): one line.
    What is still buffered is sent to /dev/null, so that the exit flushes quietly."""
    silence_stdout()
    return PovcliError(f"cannot write output: {exc.strerror or exc}")


def flush_output() -> None:
    """Flush stdout before exit: a write that fails only here fails as every other."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as exc:
        raise cannot_write(exc) from None


def silence_stdout() -> None:
    """Point stdout's file descriptor at /dev/null (what stays buffered goes there)."""
    import os

    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return  # no descriptor: nothing will flush
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


class ClosedOutput(io.TextIOBase):
    """Standard output when the process was started without one (`povcli list >&-`):
    writing to it is an error, like writing to any output that cannot take it."""

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _stdout_encoding() -> str:
    return getattr(sys.stdout, "encoding", None) or "utf-8"


def _is_utf(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32")
    except LookupError:
        return False


def unencodable(encoding: str, exc: UnicodeEncodeError) -> Exception:
    """The one-line error for output the terminal's encoding cannot hold."""
    char = exc.object[exc.start : exc.start + 1]
    return PovcliError(
        f"the output holds {char!r}, which the output encoding ({encoding}) cannot write",
        hint="use a UTF-8 locale or set PYTHONIOENCODING=utf-8",
    )


# ----------------------------------------------------------------- data as text

# What a terminal would act on instead of showing: C0 controls but tab and
# newline, DEL, C1 controls, and the bidirectional overrides, embeddings,
# isolates and marks that reorder what follows them (U+202E shows text
# reversed), and the line and paragraph separators.
_VISIBLE_C0 = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n"}
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)
_SAFE: dict[int, int | str] = {
    **_VISIBLE_C0,
    0x7F: "\u2421",
    **{code: f"<U+{code:04X}>" for code in (*range(0x80, 0xA0), *_BIDI)},
}
_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in _SAFE) + "]")
# the same characters JSON leaves raw (it escapes C0 itself), escaped as JSON does
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *_BIDI)}
_JSON_RAW = re.compile("[" + "".join(map(chr, _JSON_ESCAPES)) + "]")


def safe_text(value: str) -> str:
    """Data as a terminal shows it without acting on it.

    Control characters become their visible symbols (\\x1b → ␛, \\r → ␍),
    C1 controls and bidirectional overrides a visible name (<U+202E>); tab
    and newline stay. Rich markup needs no escaping here because a cell is
    written as plain text or given to Rich as a `rich.text.Text`, which Rich
    never parses.
    """
    return value.translate(_SAFE) if _UNSAFE.search(value) else value


def to_json(data: Any) -> str:
    """Valid JSON always: NaN and infinities become null (the record says why), and
    characters a terminal would act on are \\u-escaped (the parsed string is exact)."""
    text = indented(data)
    return text.translate(_JSON_ESCAPES) if _JSON_RAW.search(text) else text


def json_escaped(text: str) -> str:
    """JSON text with the characters a terminal or a page would act on \\u-escaped."""
    return text.translate(_JSON_ESCAPES) if _JSON_RAW.search(text) else text


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


def write_json_items(items: Iterable[str]) -> int:
    """A JSON list of records already encoded as `to_json` encodes them, written as they
    come (memory stays flat however many); the same text as `write(to_json(list))`."""
    out = sys.stdout
    encoding = (out.encoding or "utf-8").lower().replace("-", "").replace("_", "")
    count = 0
    try:
        for item in items:
            if encoding != "utf8":
                item.encode(out.encoding)  # fail before a record is half written
            if _JSON_RAW.search(item):  # as to_json: nothing a terminal acts on goes out raw
                item = item.translate(_JSON_ESCAPES)
            out.write(",\n  " if count else "[\n  ")
            out.write(item.replace("\n", "\n  "))  # JSON strings hold no raw newline
            count += 1
        out.write("\n]\n" if count else "[]\n")
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as exc:
        raise cannot_write(exc) from None
    return count


def to_yaml(data: Any) -> str:
    import yaml

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def to_csv(records: Sequence[dict[str, Any]]) -> str:
    """One row per record; lists joined with "; ", nested data as JSON."""
    import csv
    import io

    keys: list[str] = []
    for record in records:
        keys.extend(key for key in record if key not in keys)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(record.get(key)) for key in keys})
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"  # as JSON writes them, not Python's True
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "; ".join(str(rounded(v)) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(rounded(value), ensure_ascii=False)
    return "" if value is None else rounded(value)


def rounded(data: Any, digits: int = CSV_DIGITS) -> Any:
    """Data with every finite float rounded to `digits` significant digits (see CSV_DIGITS)."""
    if isinstance(data, float):
        return float(f"{data:.{digits}g}") if math.isfinite(data) else data
    if isinstance(data, dict):
        return {key: rounded(value, digits) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [rounded(value, digits) for value in data]
    return data


def output(data: Any, fmt: str, table: Callable[[], RenderableType | None]) -> None:
    """The one format switch of every command: machine formats, or the command's table.

    The table is built only when asked for (Rich is imported only then); an
    empty result prints no table at all.
    """
    if fmt != "table":
        emit_data(data, fmt)
    elif data:
        renderable = table()
        if renderable is not None:
            print_renderable(renderable)


def print_counted(
    layout: Callable[[Iterable[dict[str, Any]]], RenderableType | LineLayout],
    records: Iterable[dict[str, Any]],
) -> int:
    """Print the layout of records read as they are printed; how many there were (none
    prints nothing)."""
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for record in records:
            count += 1
            yield record

    print_renderable(layout(counted()))
    return count


def emit_data(data: Any, fmt: str) -> None:
    """Machine formats of any record or list of records."""
    # thousands of records are written one by one, so the text is never held twice
    streamed = isinstance(data, list) and len(data) > STREAM_AFTER and _is_utf(_stdout_encoding())
    if fmt == "json" and streamed:
        write("[\n")  # the same text as one dump
        for number, record in enumerate(data, 1):
            item = "  " + to_json(record).replace("\n", "\n  ")
            write(item + (",\n" if number < len(data) else "\n"))
        write("]\n")
    elif fmt == "json":
        write(to_json(data))
    elif fmt == "yaml" and streamed:
        for record in data:  # the same text as one dump
            write(_on_terminal(to_yaml([record])))
    elif fmt == "yaml":
        write(_on_terminal(to_yaml(data)))
    elif fmt == "csv":
        write(_on_terminal(to_csv(data if isinstance(data, list) else [data])))
    else:
        raise ValueError(f"not a machine format: {fmt}")


def _on_terminal(text: str) -> str:
    """CSV and YAML as written, into a pipe or a file (exact: CSV has no escapes, and YAML's
    leave U+202E raw); on a terminal, with what it would act on made visible (␛, <U+202E>),
    as tables show it."""
    try:
        terminal = sys.stdout.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        terminal = False
    return safe_text(text) if terminal else text


def clamp_width(width: int) -> int:
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def output_width() -> int:
    """The width Rich would use for standard output (COLUMNS, else the terminal of stdin,
    stdout or stderr, else 80), clamped to MIN_WIDTH–MAX_WIDTH."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return clamp_width(int(columns))
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        return clamp_width(width or 80)
    return clamp_width(80)


def styled_stdout() -> bool:
    """Whether a Rich console on stdout could write escape codes."""
    return _styled(sys.stdout)


def _styled(stream: Any) -> bool:
    """Rich's own test of a stream: TTY_COMPATIBLE, then FORCE_COLOR, then whether it is a
    terminal."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return bool(stream.isatty())
    except (ValueError, AttributeError):
        return False


def console(stderr: bool = False) -> Console:
    """A Rich console on stdout (or stderr), its width clamped to MIN_WIDTH–MAX_WIDTH."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            # let the entry point end quietly with one exit code for every format
            raise BrokenPipeError

    made = PipeAwareConsole(stderr=stderr, highlight=False, soft_wrap=False)
    if made.width != clamp_width(made.width):
        made.width = clamp_width(made.width)
    return made


@runtime_checkable
class LineLayout(Protocol):
    """Output laid out line by line for a width (`povcli.output.lines.Lines`): plain strings,
    or Rich Text lines when `styled`."""

    notes: list[str]

    def lines(self, width: int, styled: bool = False) -> Iterator[Any]: ...


def print_renderable(renderable: RenderableType | LineLayout, stderr: bool = False) -> None:
    if isinstance(renderable, LineLayout):
        print_lines(renderable, stderr)
        return
    try:
        terminal = console(stderr)
        if terminal.is_terminal:
            terminal.print(renderable)
            return
        # into a pipe or a file: the same lines without the padding Rich puts after them
        with terminal.capture() as captured:
            terminal.print(renderable)
        stream = sys.stderr if stderr else sys.stdout
        stream.write("\n".join(line.rstrip() for line in captured.get().split("\n")))
    except UnicodeEncodeError as exc:  # Rich writes the whole table at once: nothing half-written
        raise unencodable(_stdout_encoding(), exc) from None
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as exc:
        raise cannot_write(exc) from None


def print_lines(layout: LineLayout, stderr: bool = False) -> None:
    """Write a layout as it is produced: plain lines into a pipe (Rich's console is not even
    imported), Rich's styles on a terminal; its notes go to stderr before its first line."""
    stream = sys.stderr if stderr else sys.stdout
    if _styled(stream):
        terminal = console(stderr)
        if terminal.color_system is not None:
            _print_styled(layout, terminal)
            return
        width = terminal.width
    else:
        width = output_width()
    lines = (str(line).rstrip() for line in _noted(layout, layout.lines(width)))
    if _is_utf(getattr(stream, "encoding", None) or "utf-8"):
        try:
            for line in lines:
                stream.write(line + "\n")
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as exc:
            raise cannot_write(exc) from None
    elif stderr:
        stream.write("".join(line + "\n" for line in lines))
    else:  # checked whole before anything is written: nothing half-written
        whole = "\n".join(lines)
        if whole:
            write(whole)


def _noted(layout: LineLayout, lines: Iterator[Any]) -> Iterator[Any]:
    """The lines, the layout's notes written to stderr once the first is laid out: for the
    person at a terminal only (a script reading the table has its own width to choose)."""
    first = next(lines, None)
    for message in layout.notes if _stderr_is_terminal() else []:
        sys.stderr.write(safe_text(message) + "\n")
    if first is not None:
        yield first
        yield from lines


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except ValueError:
        return False


def _print_styled(layout: LineLayout, terminal: Console) -> None:
    from rich.text import Text

    batch: list[Text] = []
    try:
        for line in _noted(layout, layout.lines(terminal.width, styled=True)):
            batch.append(line)
            if len(batch) == BATCH:
                terminal.print(Text("\n").join(batch), soft_wrap=True)
                batch.clear()
        if batch:
            terminal.print(Text("\n").join(batch), soft_wrap=True)
    except UnicodeEncodeError as exc:
        raise unencodable(_stdout_encoding(), exc) from None


def format_value(value: Any) -> str:
    """A number as people read it: 3,290,000, 11.5 (no trailing .0), −4.5 (U+2212)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.{TABLE_DIGITS}g}"
    return text.replace("-", MINUS)
