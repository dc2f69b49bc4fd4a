"""Ranking a search's matches in SQL: each match is a row (term, fact, weight) of the arms
the finder planned; a fact scores its best field per term, facts holding every term first.
Only the page shown is read back; SQLite counts the rest."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from povcli.index.store import Index


def filter_join(
    units: Sequence[str], minimum: float | None, maximum: float | None
) -> tuple[str, list[Any]]:
    """The join that keeps facts of these units and values (empty when unfiltered), and
    its parameters."""
    filters: list[str] = []
    params: list[Any] = []
    if units:
        filters.append(f"f.unit IN ({','.join('?' * len(units))})")
        params.extend(units)
    if minimum is not None:
        filters.append("f.value >= ?")
        params.append(minimum)
    if maximum is not None:
        filters.append("f.value <= ?")
        params.append(maximum)
    join = (" JOIN facts f ON f.fid = a.fact AND " + " AND ".join(filters)) if filters else ""
    return join, params


def ranked_sql(arms: Sequence[str], n: int, joined: bool, join: str) -> str:
    """The statement ranking the facts the arms match for a query of `n` terms (`joined`:
    the words also looked for as one pinyin word), as rows (fact, score, total), best first,
    ties in catalog order, the page's size its last parameter."""
    hits = f"WITH hits(t, fact, w) AS ({' UNION ALL '.join(arms)})"
    if n == 1 and not joined:  # one term: a fact scores its best field's weight
        return (
            f"{hits} SELECT a.fact, max(a.w) AS score, count(*) OVER () FROM hits a{join}"
            " GROUP BY a.fact ORDER BY score DESC, a.fact LIMIT ?"
        )
    # every term's best field, plus one for each reading of the joined words;
    # facts holding the words as one pinyin word (光伏 for guang fu) come first
    return (
        f"{hits}, per AS (SELECT fact, t, max(w) AS w FROM hits GROUP BY fact, t),"
        " agg AS (SELECT fact, sum(w) FILTER (WHERE t >= 0) AS s,"
        " count(*) FILTER (WHERE t >= 0) AS n, count(*) FILTER (WHERE t < 0) AS j"
        " FROM per GROUP BY fact)"
        f" SELECT a.fact, CASE WHEN a.n = {n} THEN a.s + a.j ELSE {n} + a.j - 1 END"
        f" AS score, count(*) OVER () FROM agg a{join} WHERE a.n = {n} OR a.j > 0"
        " ORDER BY a.j > 0 DESC, score DESC, a.fact LIMIT ?"
    )


def by_tiers(
    index: Index, chosen: Sequence[tuple[int, int, int]], limit: int
) -> tuple[int, list[tuple[int, int, int]]]:
    """One word found only in stored values (光伏): the best-ranked facts tier by
    tier (a fact scores its best field), each tier in catalog order, and the
    number of facts; cheaper than ranking every match when only a page is shown."""
    tiers: dict[int, list[int]] = {}
    for _, vid, weight in chosen:
        tiers.setdefault(weight, []).append(vid)
    if not tiers:
        return 0, []
    every = ",".join(str(vid) for vids in tiers.values() for vid in vids)
    rows: list[tuple[int, int, int]] = []
    total = index.query(f"SELECT count(DISTINCT fact) FROM post WHERE vid IN ({every})")[0][0]
    higher: list[int] = []
    for weight in sorted(tiers, reverse=True):
        vids = ",".join(str(vid) for vid in tiers[weight])
        above = ",".join(str(vid) for vid in higher)
        unless = (
            f" AND NOT EXISTS (SELECT 1 FROM post q WHERE q.vid IN ({above}) AND q.fact = p.fact)"
            if higher
            else ""
        )
        found = index.query(
            f"SELECT DISTINCT p.fact FROM post p WHERE p.vid IN ({vids}){unless}"
            " ORDER BY p.fact LIMIT ?",
            (limit - len(rows),),
        )
        rows.extend((int(fact), weight, int(total)) for (fact,) in found)
        higher.extend(tiers[weight])
        if len(rows) >= limit:
            break
    return int(total), rows


def over_sqlite_limits(exc: sqlite3.DatabaseError) -> bool:
    """A statement SQLite refuses for its size (a query of many words and spellings)."""
    message = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and message.startswith(
        ("too many terms in compound SELECT", "Expression tree is too large", "too many SQL")
    )
