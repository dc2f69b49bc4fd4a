"""Step two of `check`: the relations an article states, inferred from its annotated figures.

Each relation binds figures to the roles of a check kind (povcli.kinds). It is found from
the words — a change and its rate after a level, a part after 其中, a share whose whole the
text names, parts named by every member of a partition (东部, 中部, 西部) — never from the
figures alone. How sure the binding is decides what a mismatch may mean: a relation bound
by the text's own words (`confident`) is judged; one the words leave open (a whole named by
words several figures fit) is shown when its arithmetic holds and is never called
inconsistent: the verdict is `unverifiable`, with the reason.

The word-by-word grammar of single sentences (由A下降到B,減少C; 分別為…合計…) is in
povcli.article.relations; what needs the notes of povcli.article.annotate is in one module per
kind of relation — chains (a level, its change and rate), shares, parts (partitions, 其中,
brackets, structures) and restatements — with what they share in povcli.article.near. This
module runs them all and keeps one relation per kind and set of figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from povcli.article.annualised import annualised_rates, intervals
from povcli.article.breakdowns import breakdowns
from povcli.article.chains import chains
from povcli.article.compared import compared_shares
from povcli.article.comparisons import comparisons
from povcli.article.complements import complements
from povcli.article.components import natural_increase, net_moves, population_balance
from povcli.article.conversions import conversions
from povcli.article.crude import crude_rates
from povcli.article.daily import daily_averages, monthly_averages, span_daily_averages
from povcli.article.figures import Figure
from povcli.article.flows import restated_flows
from povcli.article.gaps import gaps
from povcli.article.grid_relations import grid_relations
from povcli.article.grid_restatements import grid_restatements
from povcli.article.hierarchies import nested_levels
from povcli.article.identities import (
    national_balance,
    natural_growth,
    trade_balance,
    urbanisation,
)
from povcli.article.increases import increase_contributions
from povcli.article.increments import shares_of_increments
from povcli.article.indented_rows import indented_relations
from povcli.article.labour_force import labour_force_rates
from povcli.article.listed_counts import listed_counts
from povcli.article.member_shares import member_shares
from povcli.article.multiples import multiples_then_rates
from povcli.article.named_ratios import named_ratios
from povcli.article.named_shares import named_shares
from povcli.article.named_totals import defined_totals, named_totals
from povcli.article.notes import Reading
from povcli.article.numbered_items import numbered_items
from povcli.article.partitions import listed_shares, partitions, share_partitions
from povcli.article.parts import parts_after_qizhong, parts_among, parts_in_brackets, some_of
from povcli.article.plan_progress import plan_progress
from povcli.article.pulls import pulls
from povcli.article.rate_gaps import rate_gaps
from povcli.article.ratio_lists import ratio_lists
from povcli.article.relations import Relation, levels_and_averages, lists_with_totals
from povcli.article.respective import respective_shares
from povcli.article.respective_levels import respective_levels
from povcli.article.respective_order import out_of_order
from povcli.article.respective_parts import respective_parts
from povcli.article.restatements import restatements
from povcli.article.row_restatements import row_restatements
from povcli.article.row_tables import spaced_tables
from povcli.article.sex_ratios import sex_ratios
from povcli.article.sharechanges import share_changes
from povcli.article.shared_bases import shared_bases
from povcli.article.shares import shares
from povcli.article.spaced_tables import spaced_relations
from povcli.article.span_subsets import span_subsets
from povcli.article.stated_bases import stated_bases
from povcli.article.stated_wholes import stated_wholes
from povcli.article.structures import structures
from povcli.article.student_ratios import student_ratios
from povcli.article.table_columns import share_sections
from povcli.article.weighted_averages import weighted_averages
from povcli.article.yearly_lists import monthly_lists, yearly_lists
from povcli.article.yields import yields


def infer(reading: Reading) -> list[Relation]:
    """Every relation the article states, in the order of the text."""
    relations: list[Relation] = []
    for sentence in reading.sentences:
        relations.extend(levels_and_averages(sentence))
        relations.extend(lists_with_totals(sentence))
    relations.extend(chains(reading))
    relations.extend(multiples_then_rates(reading))
    compared = list(compared_shares(reading))
    relations.extend(compared)
    relations.extend(_besides(shares(reading), compared))
    relations.extend(partitions(reading))
    relations.extend(share_partitions(reading))
    relations.extend(listed_shares(reading))
    relations.extend(respective_shares(reading))
    relations.extend(respective_levels(reading))
    relations.extend(parts_after_qizhong(reading))
    relations.extend(parts_in_brackets(reading))
    relations.extend(parts_among(reading))
    relations.extend(some_of(reading))
    relations.extend(nested_levels(reading))
    relations.extend(structures(reading))
    relations.extend(natural_growth(reading))
    relations.extend(national_balance(reading))
    relations.extend(natural_increase(reading))
    relations.extend(population_balance(reading))
    relations.extend(net_moves(reading))
    relations.extend(urbanisation(reading))
    relations.extend(trade_balance(reading))
    relations.extend(comparisons(reading))
    relations.extend(rate_gaps(reading))
    relations.extend(shared_bases(reading))
    relations.extend(pulls(reading))
    relations.extend(increase_contributions(reading))
    relations.extend(restatements(reading))
    relations.extend(listed_counts(reading))
    relations.extend(respective_parts(reading))
    relations.extend(yearly_lists(reading))
    relations.extend(monthly_lists(reading))
    relations.extend(complements(reading))
    relations.extend(restated_flows(reading))
    relations.extend(grid_relations(reading))
    relations.extend(grid_restatements(reading))
    relations.extend(spaced_relations(reading.row_tables))
    relations.extend(indented_relations(reading.row_tables))
    relations.extend(row_restatements(reading))
    relations.extend(labour_force_rates(reading))
    relations.extend(span_subsets(reading))
    taken = [(grid.start, grid.end) for grid in reading.grids]
    # a table read by its header may still hold a section of shares of its levels (构成(%))
    if taken:
        relations.extend(share_sections(spaced_tables(reading.text), taken))
    relations.extend(gaps(reading))
    relations.extend(shares_of_increments(reading))
    relations.extend(crude_rates(reading))
    relations.extend(annualised_rates(reading))
    relations.extend(intervals(reading))
    relations.extend(daily_averages(reading))
    relations.extend(monthly_averages(reading))
    relations.extend(span_daily_averages(reading))
    relations.extend(named_shares(reading))
    relations.extend(conversions(reading))
    relations.extend(yields(reading))
    relations.extend(student_ratios(reading))
    relations.extend(sex_ratios(reading))
    relations.extend(named_ratios(reading))
    relations.extend(weighted_averages(reading))
    relations.extend(plan_progress(reading))
    relations.extend(ratio_lists(reading))
    relations.extend(named_totals(reading))
    relations.extend(defined_totals(reading))
    relations.extend(numbered_items(reading))
    relations.extend(breakdowns(reading))
    relations.extend(stated_bases(reading))
    relations = _with_member_shares(reading, relations)
    relations.extend(list(share_changes(reading, relations)))
    out_of_order(reading, relations)
    relations = _answered(relations)
    return _distinct(sorted(relations, key=lambda r: (r.start, r.kind)))


def _answered(relations: list[Relation]) -> list[Relation]:
    """Without a rate's "the text gives no level a year before" where another relation found
    that level and judged the rate on it (a year's level stated sentences earlier)."""
    judged = {r.claimed.start for r in relations if r.kind == "growth" and r.claimed is not None}
    return [r for r in relations if not (r.kind == "yoy" and _growth_of(r) in judged)]


def _growth_of(relation: Relation) -> int:
    growth = relation.roles["growth"]
    return growth.start if isinstance(growth, Figure) else -1


def _with_member_shares(reading: Reading, relations: list[Relation]) -> list[Relation]:
    """The relations with the shares of listed parts named later (`member_shares`) and those
    whose whole the 占 phrase states (`stated_wholes`), each in place of the share of no whole
    the same figure gave."""
    members = [*member_shares(reading, relations), *stated_wholes(reading)]
    taken = {r.claimed.start for r in members if r.claimed is not None}
    kept = [
        r
        for r in relations
        if not (r.kind == "share" and r.missing and r.claimed and r.claimed.start in taken)
    ]
    return kept + members


def _besides(found: Iterable[Relation], compared: list[Relation]) -> Iterator[Relation]:
    """The shares, less those with no whole whose figure is a level's percentage of another
    level the phrase states ("是全省平均水平(15000元)的80.0%": no share of an unnamed whole)."""
    taken = {r.claimed.start for r in compared if r.claimed is not None}
    for relation in found:
        if not (relation.missing and relation.claimed and relation.claimed.start in taken):
            yield relation


def _distinct(relations: list[Relation]) -> list[Relation]:
    """One relation per kind and set of figures (two detectors may find the same)."""
    seen: set[tuple[str, tuple[int, ...]]] = set()
    kept = []
    for relation in relations:
        key = (relation.kind, tuple(sorted(f.start for f in relation.figures())))
        if key in seen:
            continue
        seen.add(key)
        kept.append(relation)
    return kept
