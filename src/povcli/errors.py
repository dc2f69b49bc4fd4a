"""The one error type the command line turns into `error: …` and an exit code."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import IntEnum


class ExitStatus(IntEnum):
    """What povcli's exit code says, for scripts (grep's convention for 1)."""

    OK = 0
    # nothing found (`list`, `search`), or a claim judged inconsistent (`check`, `verify`)
    NOT_FOUND = 1
    # bad input: usage, an unknown id, an unreadable or invalid catalog or article
    USAGE = 2
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `povcli list | head -1`


class PovcliError(Exception):
    """A failure the user can act on: a message, an optional hint, an exit code."""

    def __init__(self, message: str, hint: str | None = None, code: int = ExitStatus.USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


class OutputClosed(Exception):
    """The reader of stdout went away (`povcli … | head -1`): end quietly.

    Not an OSError, so that Click does not turn it into exit code 1 on the way out.
    """


class CatalogError(PovcliError):
    """The catalog cannot be read or does not have the catalog's shape."""


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choices to a mistyped word (each once), if any is close."""
    close = difflib.get_close_matches(word, list(dict.fromkeys(choices)), n=3, cutoff=0.5)
    return "did you mean " + " or ".join(close) + "?" if close else None


# up to so many choices are listed in full when none is close to what was typed
LISTED_CHOICES = 10


def closest(word: str, choices: Iterable[str], count: int = 3) -> list[str]:
    """The few choices most like a word, however unlike (each once, the likest first)."""
    names = list(dict.fromkeys(choices))
    return sorted(names, key=lambda name: -difflib.SequenceMatcher(None, word, name).ratio())[
        :count
    ]


def choice_hint(value: str, choices: Iterable[str]) -> str:
    """What to say of a value that is none of the choices: the close ones ("did you mean");
    else every choice when they are few, else the closest few and how many there are."""
    names = list(dict.fromkeys(choices))
    close = did_you_mean(value, names)
    if close:
        return close
    if len(names) <= LISTED_CHOICES:
        return "one of: " + ", ".join(names)
    return f"nothing close among {len(names)}; the nearest: " + ", ".join(closest(value, names))


def require_choice(
    value: str, choices: Iterable[str], what: str, suggest: Iterable[str] | None = None
) -> str:
    """The value if it is one of the choices; else an error naming the closest ones.

    The one "did you mean" of every command: formats, languages, sections,
    topics, units, series, check names and calc kinds. `suggest`: the names to
    offer, where the choices hold several spellings of one (a check by its id and
    by CATALOG:ID).
    """
    known = list(choices)
    if value in known:
        return value
    hint = choice_hint(value, known if suggest is None else suggest)
    raise PovcliError(f"unknown {what} {value!r}", hint=hint)
