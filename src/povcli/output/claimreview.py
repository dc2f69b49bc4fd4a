"""schema.org ClaimReview JSON-LD for judged claims, as fact-checkers publish them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from povcli.checks import Result
from povcli.errors import PovcliError
from povcli.verdict import Verdict

BEST, WORST = 5, 1


def rating(result: Result) -> tuple[int, str]:
    """The rating value and its name for a judged result."""
    if result.verdict == Verdict.CONSISTENT:
        return (4, "Consistent by rounding only") if result.by_rounding_only else (5, "Consistent")
    return (1, "Grossly inconsistent") if result.gross else (2, "Inconsistent")


def claim_review(
    result: Result, source: dict[str, Any], reviewer: str, reviewed_on: str
) -> dict[str, Any]:
    value, name = rating(result)
    publisher = {"@type": "Organization", "name": source.get("publisher")}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": result.id,
        "claimReviewed": result.quote or result.title or result.title_en or result.id,
        "reviewBody": result.explanation,
        "datePublished": reviewed_on,
        "author": {"@type": "Organization", "name": reviewer},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": publisher,
            "datePublished": source.get("date"),
            "appearance": {
                "@type": "NewsArticle",
                "headline": source.get("title"),
                "datePublished": source.get("date"),
                "publisher": publisher,
            },
        },
    }


def claim_reviews(
    results: Sequence[Result], source: dict[str, Any], reviewer: str, reviewed_on: str
) -> list[dict[str, Any]]:
    """One ClaimReview per judged claim; derived and unverifiable results judge nothing."""
    return [
        claim_review(result, source, reviewer, reviewed_on)
        for result in results
        if result.verdict in (Verdict.CONSISTENT, Verdict.INCONSISTENT)
    ]


def review_date(day: str | None) -> str:
    """The review date as ISO text: the given one, checked, or today."""
    import datetime

    if day is None:
        return datetime.date.today().isoformat()
    try:
        return datetime.date.fromisoformat(day).isoformat()
    except ValueError:
        raise PovcliError(f"--reviewed-on needs a date such as 2026-11-29, not {day!r}") from None
