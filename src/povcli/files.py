"""Reading and writing files: catalogs, source texts, articles, reports.

Every read is bounded (at most a size limit, read in chunks, because devices
report a size of 0) and never blocks on a special file; a write is whole or
nothing; a catalog's source text is confined to the catalog's folder. Light enough
for every start-up.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import NamedTuple

from povcli.errors import CatalogError, PovcliError

# read in full (validate, extract): the limit; read through the index, streamed: a guard
MAX_CATALOG_BYTES = 64 * 1024 * 1024
# Articles are news pages of a few dozen KB; 16 MB is hundreds of them.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
CHUNK = 1024 * 1024
STDIN = "-"
MAX_INDEXED_BYTES = 2 * 1024 * 1024 * 1024


def read_text(path: Path) -> str:
    """The catalog file as text, with one clear error for each way it can fail."""
    return decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The catalog's bytes: a regular file of at most MAX_CATALOG_BYTES."""
    if "\x00" in str(path):
        raise CatalogError(f"catalog path holds a NUL byte: {str(path)!r}")
    data = read_bounded(path, "catalog", MAX_CATALOG_BYTES)
    if not data or data.isspace():
        raise CatalogError(f"catalog is empty: {path}")
    return data


def read_bounded(
    path: Path,
    what: str,
    limit: int,
    regular_only: bool = True,
    error: type[PovcliError] = CatalogError,
) -> bytes:
    """A file's bytes, never more than `limit`, never blocking.

    The file is opened without blocking (a FIFO with no writer cannot hang
    the open) and read in chunks up to limit + 1 bytes, because devices and
    /proc files report a size of 0. Catalogs and source texts must be
    regular files; an article may also be a pipe (`<(curl …)`).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise error(f"{what} is a folder, not a file: {path}") from None
    except ValueError:  # a NUL in the name
        raise error(f"{what} name holds a NUL character: {str(path)!r}") from None
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror}") from None
    try:
        status = os.fstat(fd)
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise error(f"{what} is a folder, not a file: {path}")
        pipe = stat.S_ISFIFO(mode)
        if not stat.S_ISREG(mode) and (regular_only or not pipe):
            raise error(f"{what} is not a regular file: {path} ({file_kind(mode)})")
        if status.st_size > limit:  # refused up front; the bounded read covers the rest
            raise _too_large(what, limit, path, error)
        if pipe:
            os.set_blocking(fd, True)  # a writer is there, or the read ends at once
        return _read_at_most(fd, limit, what, path, error)
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror}") from None
    finally:
        os.close(fd)


def read_stream(fd: int, what: str, limit: int, error: type[PovcliError] = PovcliError) -> bytes:
    """Standard input, bounded like a file."""
    try:
        return _read_at_most(fd, limit, what, Path("<stdin>"), error)
    except OSError as exc:
        raise error(f"cannot read {what} from stdin: {exc.strerror}") from None


def _read_at_most(fd: int, limit: int, what: str, path: Path, error: type[PovcliError]) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise _too_large(what, limit, path, error)


def _too_large(what: str, limit: int, path: Path, error: type[PovcliError]) -> PovcliError:
    return error(
        f"{what} is too large (over {_size(limit)}): {path}",
        hint=f"povcli reads {what}s of at most {_size(limit)}",
    )


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = guess_encoding(data)
        raise CatalogError(
            f"catalog is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            f"{guess}: {path}",
            hint="save it as UTF-8",
        ) from None


def guess_encoding(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        return "; it looks binary"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    cjk = sum("\u4e00" <= char <= "\u9fff" for char in text)
    return "; it looks like GB18030 (GBK) Chinese text" if cjk else ""


def file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit % 2**20 == 0 else f"{limit} bytes"


# ----------------------------------------------------------------- articles

# encodings by the name the notes use
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "gb18030": "GB18030",
    "big5": "Big5",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)
# legacy Chinese encodings tried when a page is not UTF-8: (name, codec)
_LEGACY = (("gb18030", "gb18030"), ("big5", "big5"), ("big5", "cp950"))
_SAMPLE = 65536


class Article(NamedTuple):
    """An article's text and the encoding it was read in ("utf-8", "gb18030", …).

    A named tuple, not a dataclass: every command reads files, and the dataclass machinery
    is no part of the start-up of those that need none."""

    text: str
    encoding: str

    @property
    def encoding_name(self) -> str:
        """The encoding as people write it: GB18030, Big5, UTF-16."""
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def read_article(spec: str) -> Article:
    """An article from a file (or a pipe), or stdin for "-": bounded, decoded.

    UTF-8 first; a byte-order mark names UTF-16 or UTF-32; otherwise the
    legacy Chinese encodings GB18030 (GBK) and Big5 are tried, and the one
    whose text is most made of common characters wins. Binary or empty
    input is refused.
    """
    if spec == STDIN:
        import sys

        data = read_stream(sys.stdin.fileno(), "article", MAX_ARTICLE_BYTES)
        where = "<stdin>"
    else:
        data = read_bounded(
            Path(spec), "article", MAX_ARTICLE_BYTES, regular_only=False, error=PovcliError
        )
        where = spec
    return decode_article(data, where)


def decode_article(data: bytes, where: str) -> Article:
    if not data.strip():
        raise PovcliError(f"article is empty: {where}")
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _text_article(data.decode(codec), name, where)
            except UnicodeDecodeError as exc:
                raise PovcliError(
                    f"article starts with a {ENCODING_NAMES[name]} byte-order mark but is not"
                    f" {ENCODING_NAMES[name]} (bad bytes at offset {exc.start}): {where}"
                ) from None
    if b"\x00" in data[:_SAMPLE]:
        raise PovcliError(f"article looks binary, not text (it holds NUL bytes): {where}")
    try:
        return _text_article(data.decode("utf-8"), "utf-8", where)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best: tuple[float, str, str] | None = None
    for name, codec in _LEGACY:
        if best is not None and best[1] == name:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _common_share(text[:_SAMPLE])
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is None or best[0] < 0.5:
        raise PovcliError(
            f"article is not text in UTF-8, GB18030, Big5 or UTF-16 (byte 0x{data[first_bad]:02x}"
            f" at offset {first_bad} is not UTF-8): {where}",
            hint="save it as UTF-8",
        )
    return _text_article(best[2], best[1], where)


def _text_article(text: str, encoding: str, where: str) -> Article:
    if not text.strip():
        raise PovcliError(f"article is empty: {where}")
    controls = sum(1 for char in text[:_SAMPLE] if char < " " and char not in "\t\n\r\f")
    if controls >= 16 and controls * 10 > min(len(text), _SAMPLE):  # over 10% controls
        raise PovcliError(f"article looks binary, not text (control characters): {where}")
    return Article(text, encoding)


def _common_share(text: str) -> float:
    """The share of a text's Chinese characters that are common ones.

    Common: the 3,755 level-1 characters of GB2312 (Simplified) or the 5,401
    level-1 characters of Big5 (Traditional). Text decoded with the wrong
    one of the two legacy encodings comes out as rare characters, private-use
    code points and symbols; ASCII and CJK punctuation count as neither.
    """
    chinese = common = 0
    known = _common_characters()
    for char in text:
        if char < "\u3400" or "\uff00" <= char <= "\uffef":
            continue
        chinese += 1
        common += char in known
    return common / chinese if chinese else 1.0


@functools.cache
def _common_characters() -> frozenset[str]:
    """Level 1 of GB2312 (rows 0xB0–0xD7) and of Big5 (rows 0xA4–0xC6)."""
    found: set[str] = set()
    tables = (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    )
    for codec, rows, cells in tables:
        for row in rows:
            for cell in cells:
                try:
                    found.add(bytes((row, cell)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(found)


# a temporary file beside the output: .NAME.PID.RANDOM.povcli-tmp (the pid says whether
# the process that made it still runs: one killed by SIGKILL leaves it to the next write)
TEMPORARY_SUFFIX = ".povcli-tmp"


def write_whole(path: Path, text: str, replace: bool = False) -> None:
    """Write the whole file or nothing: a temporary file beside it, then a rename.

    An existing file is replaced only when asked (`replace`), keeping its
    permissions; a FIFO or a character device (/dev/null, a terminal) is
    written straight into, never replaced; other special files are refused.
    """
    if "\x00" in str(path):
        raise PovcliError(f"output path holds a NUL byte: {str(path)!r}")
    existing = _existing(path)
    if existing is not None and (stat.S_ISFIFO(existing.st_mode) or stat.S_ISCHR(existing.st_mode)):
        _write_into(path, text)
        return
    refuse_to_replace(path, existing, replace)
    folder = path.parent if str(path.parent) else Path(".")
    _remove_stale_temporaries(folder, path.name)
    with _terminated_as_exit():
        temporary = _temporary_beside(path, folder)
        try:
            _write_temporary(temporary, text, existing)
            os.replace(temporary, path)
        except OSError as exc:
            raise PovcliError(f"cannot write {path}: {exc.strerror}") from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)  # gone already once renamed


def refuse_to_replace(path: Path, existing: os.stat_result | None, replace: bool) -> None:
    """What may not be written over: a folder, a special file, a file unless `replace`."""
    if existing is None:
        return
    mode = existing.st_mode
    if stat.S_ISDIR(mode):
        raise PovcliError(f"output is a folder, not a file: {path}")
    if not stat.S_ISREG(mode):
        kind = file_kind(mode)
        raise PovcliError(f"cannot write {path}: it is {kind}, not a file")
    if not replace:
        raise PovcliError(f"{path} exists", hint="choose another name, or add --force")


def check_output(path: Path, replace: bool) -> None:
    """Refuse an output that `write_whole` would refuse, before any work is done."""
    existing = _existing(path)
    if existing is not None and (stat.S_ISFIFO(existing.st_mode) or stat.S_ISCHR(existing.st_mode)):
        return
    refuse_to_replace(path, existing, replace)


def _existing(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PovcliError(f"cannot write {path}: {exc.strerror}") from None


def _write_into(path: Path, text: str) -> None:
    """A FIFO or a device: opened without creating or truncating anything, and without
    waiting for a reader that is not there."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO with no reader
            raise PovcliError(f"cannot write {path}: nothing reads from the FIFO") from None
        raise PovcliError(f"cannot write {path}: {exc.strerror}") from None
    try:
        os.set_blocking(fd, True)
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(fd, data) :]
    except OSError as exc:
        raise PovcliError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        os.close(fd)


def _temporary_beside(path: Path, folder: Path) -> str:
    import tempfile

    try:
        fd, name = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX
        )
    except OSError as exc:
        raise PovcliError(f"cannot write {path}: {exc.strerror}") from None
    os.close(fd)
    return name


def _write_temporary(name: str, text: str, existing: os.stat_result | None) -> None:
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(text)
    if existing is not None:  # a file replaced keeps its permissions and, for root, owner
        os.chmod(name, stat.S_IMODE(existing.st_mode))
        with contextlib.suppress(OSError):
            os.chown(name, existing.st_uid, existing.st_gid)
    else:  # the mode a new file gets from the umask (a temporary file is private)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(name, 0o666 & ~umask)


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Temporary files of earlier writes of this output whose process is gone (SIGKILL,
    power loss): nothing will ever rename them."""
    prefix = f".{name}."
    try:
        entries = [e.name for e in os.scandir(folder) if e.name.startswith(prefix)]
    except OSError:
        return
    for entry in entries:
        pid = entry[len(prefix) :].split(".", 1)[0]
        if entry.endswith(TEMPORARY_SUFFIX) and pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(folder / entry)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


@contextlib.contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM while writing ends the process as it would (exit 143), but through the
    `finally` blocks that remove the temporary file."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous != signal.SIG_DFL:
        yield
        return

    def terminated(number: int, _: object) -> None:
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def source_text_problem(text: str) -> str | None:
    """Why `source.text` is not a relative path inside the catalog's folder, if it is not."""
    if not text.strip() or "\x00" in text:
        return f"source.text must name a file, not {text!r}"
    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).anchor:
        return f"source.text must be a path relative to the catalog's folder, not {text!r}"
    if os.path.normpath(text).replace("\\", "/").split("/")[0] == "..":
        return f"source.text must stay inside the catalog's folder, not {text!r}"
    return None


def confined_path(catalog_path: Path, text: str) -> Path:
    """The source text's path, refused unless it lies inside the catalog's folder tree
    once symbolic links are resolved."""
    hint = f"run: povcli validate {catalog_path}"
    problem = source_text_problem(text)
    if problem:
        raise CatalogError(problem, hint=hint)
    folder = catalog_path.parent
    path = folder / text
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise CatalogError(
            f"source.text {text!r} leads outside the catalog's folder (a symbolic link)", hint=hint
        )
    return resolved
