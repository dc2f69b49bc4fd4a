"""The verdicts a check or a relation comes to, and how many of each a run found: a module
of its own so that a command that only counts them need not load the checks' engine."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class Verdict(str, Enum):
    """What a check or a relation comes to. A str, so records and JSON carry the word."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    DERIVED = "derived"  # a figure computed where the text states none to judge
    UNVERIFIABLE = "unverifiable"

    # hashed as its word, so that a record's "consistent" finds Verdict.CONSISTENT in a dict
    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


def count_verdicts(verdicts: Iterable[str]) -> dict[str, int]:
    """{"checked": how many, then each verdict: how many}, every verdict named, in order."""
    seen = list(verdicts)
    counts = {"checked": len(seen)}
    counts.update({verdict: seen.count(verdict) for verdict in tuple(Verdict)})
    return counts
