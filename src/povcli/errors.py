"""The one error type the command line turns into `error: …` and an exit code."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2


class PovcliError(Exception):
    """A failure the user can act on: a message, an optional hint, an exit code."""

    def __init__(self, message: str, hint: str | None = None, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


class CatalogError(PovcliError):
    """The catalog cannot be read or does not have the catalog's shape."""


class OutputClosed(Exception):
    """The reader of streamed output went away (a broken pipe), not an OSError the
    argument parser would turn into its own exit code."""


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choices to a mistyped word, if any is close."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5)
    return "did you mean " + " or ".join(close) + "?" if close else None
