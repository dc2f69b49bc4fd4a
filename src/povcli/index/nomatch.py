"""When a search finds nothing: why, in words a user can act on (facts the filters left out,
a phrase of the article that is no statistic, "did you mean" from the vocabularies)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from povcli.errors import PovcliError
from povcli.index.find import find, finder, is_reference
from povcli.index.indexed import IndexedCatalog
from povcli.index.library import Library
from povcli.index.occurrences import Occurrences
from povcli.index.store import Index
from povcli.search.query import Term, parse_query
from povcli.search.rules import contains

if TYPE_CHECKING:
    from povcli.search.suggest import Vocabulary


class NoMatch(NamedTuple):
    """Why a query found no fact: the message, a hint, and the article's paragraph
    that mentions it (its number and text) when it is a phrase of the article."""

    message: str
    hint: str | None = None
    paragraph: tuple[int, str] | None = None


def no_match(library: Library, query: str, filtered: bool = False) -> NoMatch:
    """What to tell a user whose query found nothing in the library's catalogs
    (`filtered`: with --unit, --min or --max).

    Facts the filters left out are counted; a phrase of an article that no
    fact holds is named as such, with its paragraph; a word no fact holds
    gets "did you mean" from the indexes' vocabularies: English words and
    pinyin (guangfo → guangfu), and for a Chinese word the catalogs' words of
    the same or a close reading (光副 → 光伏).
    """
    message = f"no facts match {query!r}"
    indexes = [index for _, index in library.items()]
    if filtered:
        unfiltered = sum(find(index, query, limit=1).total for index in indexes)
        if unfiltered:
            return NoMatch(message, f"{unfiltered} match without --unit, --min and --max")
    first = finder(indexes[0])
    terms = parse_query(query, first.normalise)
    for index in indexes:
        if is_reference(index):
            continue
        mention = article_mention(index, parse_query(query, finder(index).normalise))
        if mention is not None:
            return NoMatch(
                f"{message}: not a statistic; the article mentions it in paragraph {mention[0]}",
                paragraph=mention,
            )
    hints = []
    vocabulary: Vocabulary | None = None
    for term in terms:
        if term.number is not None and not term.numeral:
            continue
        if any(Occurrences(index).has_term(term) for index in indexes):
            continue
        if vocabulary is None:
            from povcli.search.suggest import Vocabulary  # a failed search only

            vocabulary = Vocabulary([index.vocabulary() for index in indexes])
        hint = vocabulary.suggest(term.text)
        if hint:
            hints.append(hint)
    return NoMatch(message, "; ".join(hints) or None)


def article_mention(index: Index, terms: Sequence[Term]) -> tuple[int, str] | None:
    """The first paragraph of the article holding every word of a query of words (none a
    number), as (its number counting from 1, its text); None if none or no article."""
    if any(not term.as_text for term in terms):
        return None
    try:
        text = IndexedCatalog(index).source_text()
    except PovcliError:
        return None  # no article to look in: the bare message
    normalise = finder(index).normalise
    if all(needle.isascii() for term in terms for needle in term.needles):
        # script conversion makes no Latin letter: the article needs no OpenCC then
        def normalise(paragraph: str) -> str:
            return unicodedata.normalize("NFKC", paragraph).casefold()

    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    for number, paragraph in enumerate(paragraphs, start=1):
        normal = normalise(paragraph)
        if all(any(contains(normal, needle, None) for needle in term.needles) for term in terms):
            return number, paragraph
    return None
