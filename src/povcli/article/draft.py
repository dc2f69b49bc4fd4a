"""`povcli draft`: a catalog for an article povcli has never seen.

One fact per statistic `extract` finds (dated as `check` dates it), one check per
relation `check` finds, bound to those facts (a relation on a figure borrowed from the
library is named in a comment instead), and the cleaned text saved beside the catalog.
What only a person can supply (an English label, a title the page does not show) is
written as a value beginning with TO_FILL, which `validate` reports as a
warning, not an error: the draft validates as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from povcli.article.annotate import annotate
from povcli.article.borrow import Reference
from povcli.article.clean import header_spans, stated_source
from povcli.article.extract import Mention, find_mentions
from povcli.article.factcheck import Finding, check_reading
from povcli.article.figures import Figure
from povcli.article.notes import Note
from povcli.catalog.validate import to_fill_places
from povcli.fields import TO_FILL
from povcli.kinds import KINDS
from povcli.numbers import COUNT, OPEN_ABOVE, parse_quantity

CLAUSE_ENDS = ",，;；:：。!?！？\n"
SENTENCE_ENDS = "。!?！？"
# a classifier before a noun: the noun after the figure is what it counts (58個貧困縣)
CLASSIFIERS = "個个家座所處处項项名戶户頭头種种級级"
# words between a subject and its figure that say nothing of what is counted
LINKING = re.compile(
    r"(?:的|為|为|是|有|達到|达到|達|达|到|至|增長|增长|增加|減少|减少|下降|提高|年均|同比|"
    r"比上年|比去年|從|从|由|共|累計|累计|約|约|近|超過|超过|全部|惠及|覆蓋|覆盖|建成|實現|实现)+$"
)
# a figure that is no statistic: a year or a page number standing alone (2011, 01版), or
# a member of a named set (三大攻坚战之一 names one of them, counts nothing)
BARE_YEAR = re.compile(r"(?:19|20)\d\d")
PAGE_NUMBER = re.compile(r"\s*[版頁页]")
NAMED_SET_MEMBER = re.compile(r"[\u4e00-\u9fff]{1,8}之一")


@dataclass
class Draft:
    catalog: dict[str, Any]
    text: str
    statistics: int
    checks: int
    to_fill: int
    left_out: list[str] = field(default_factory=list)  # relations `check` finds, not drafted


def draft_catalog(
    text: str, metadata: dict[str, str], text_name: str, reference: Reference | None = None
) -> Draft:
    """The catalog of a cleaned article whose text will be saved as `text_name` beside it;
    `reference` is the library `check` borrows from (its relations on borrowed figures are
    named as left out: a draft catalog cannot cite a figure of another catalog)."""
    reading = annotate(text)
    notes = {note.figure.start: note for note in reading.notes}
    findings = check_reading(reading, reference)
    units = _units_from_relations(findings)
    sections, section_of = _sections(text)
    facts: list[dict[str, Any]] = []
    ids: dict[tuple[int, int], str] = {}
    statistics = _statistics(text)
    subjects = _subjects(statistics, text)
    for mention in statistics:
        subject = subjects[(mention.start, mention.end)]
        place = (units, section_of(mention.start), set(ids.values()))
        fact = _fact(mention, text, subject, *place, notes.get(mention.start))
        ids[(mention.start, mention.end)] = fact["id"]
        facts.append(fact)
    checks, left_out = [], []
    for number, finding in enumerate(findings, 1):
        check = None if finding.borrowed else _check(finding, ids, number)
        if check is None:
            left_out.append(_left_out(finding, number))
        else:
            checks.append(check)
    stated = stated_source(text, metadata)
    source = {
        "title": metadata.get("title") or f"{TO_FILL} the article's title",
        "date": stated.get("date") or f"{TO_FILL} YYYY-MM-DD",
        "publisher": stated.get("publisher") or f"{TO_FILL} the publisher",
        "text": text_name,
        "sections": sections,
    }
    catalog = {"source": source, "facts": facts, "checks": checks}
    to_fill = sum(1 for _ in to_fill_places(catalog))
    return Draft(catalog, text, len(facts), len(checks), to_fill, left_out)


def _statistics(text: str) -> list[Mention]:
    """The figures that are statistics: not the page header's, not a bare year or page
    number, not the member of a named set."""
    headers = header_spans(text)
    kept = []
    for mention in find_mentions(text):
        if not mention.is_statistic or mention.value is None:
            continue
        if any(start <= mention.start < end for start, end in headers):
            continue
        if _no_statistic(mention, text[mention.end : mention.end + 10]):
            continue
        kept.append(mention)
    return kept


def _no_statistic(mention: Mention, after: str) -> bool:
    bare = not mention.measure and mention.unit is None and mention.written.isdigit()
    if bare and (BARE_YEAR.fullmatch(mention.written) or PAGE_NUMBER.match(after)):
        return True
    return mention.written.endswith("大") and bool(NAMED_SET_MEMBER.match(after))


def _left_out(finding: Finding, number: int) -> str:
    """Why a relation `check` finds has no check in the draft."""
    name = f"relation-{number} ({finding.result.kind}, {finding.sentence[:30]})"
    if finding.borrowed:
        lent = ", ".join(f"{b.name}" for b in finding.borrowed)
        return (
            f"{name}: it uses {lent} from the library, and a draft catalog cannot cite a"
            " figure of another catalog"
        )
    return f"{name}: one of its figures is no statistic of the draft"


RATE_UNITS = ("%", "‰", "percentage-point", "per-mille-point")
CATALOG_UNIT = {"age": "year"}  # an age (岁) is counted in the catalog's years


def _units_from_relations(findings: Sequence[Finding]) -> dict[tuple[int, int], str]:
    """Units a relation settled (7993個 after 貧困村 counts villages, as its part does)."""
    units: dict[tuple[int, int], str] = {}
    for finding in findings:
        for value in finding.relation.roles.values():
            for figure in value if isinstance(value, list) else [value]:
                if isinstance(figure, Figure) and figure.unit:
                    units[(figure.start, figure.end)] = figure.unit
    return units


def _sections(text: str) -> tuple[list[dict[str, Any]], Any]:
    """The lead and one section per heading: a short paragraph with no sentence end."""
    sections: list[dict[str, Any]] = [{"id": "lead", "heading": None}]
    starts: list[tuple[int, str]] = [(0, "lead")]
    paragraphs = list(re.finditer(r"[^\n]+", text))
    for paragraph in paragraphs[1:]:
        line = paragraph.group().strip()
        if len(line) <= 30 and not any(end in line for end in SENTENCE_ENDS):
            section_id = f"section-{len(sections)}"
            sections.append({"id": section_id, "heading": line})
            starts.append((paragraph.start(), section_id))

    def section_of(offset: int) -> str:
        return [sid for start, sid in starts if start <= offset][-1]

    return sections, section_of


def _fact(
    mention: Mention,
    text: str,
    subject: str,
    units: dict[tuple[int, int], str],
    section: str,
    taken: set[str],
    note: Note | None,
) -> dict[str, Any]:
    quote = _clause(text, mention.start, mention.end)
    settled = units.get((mention.start, mention.end))
    if mention.kind == COUNT and settled in RATE_UNITS:
        settled = None  # "结构为8.5:40.2:51.3": a term the relation reads as a share, written bare
    unit = settled or mention.unit or "item"
    unit = CATALOG_UNIT.get(unit, unit)
    fact: dict[str, Any] = {
        "id": _unique(_slug(subject, unit), taken),
        "section": section,
        "topic": ["draft"],
        "subject": subject,
        "label": f"{TO_FILL} what {mention.written} counts, in English",
        "value": mention.value,
        "unit": unit,
        "written": mention.written,
    }
    if mention.value_max is not None:
        fact["value_max"] = mention.value_max
    if mention.qualifier:
        fact["qualifier"] = mention.qualifier
    word = next((w for w in OPEN_ABOVE if text.endswith(w, 0, mention.start)), None)
    if word and not mention.qualifier:
        # 超过5000万: any figure above it, written as the number parser reads it
        fact["written"] = word + mention.written
        fact["qualifier"] = parse_quantity(fact["written"]).qualifier
    if note is not None and note.period:
        fact["period"] = note.period  # from the figure's own clause, or carried to it
    fact["quote"] = quote
    return fact


def _clause(text: str, start: int, end: int) -> str:
    left = max(text.rfind(ch, 0, start) for ch in CLAUSE_ENDS) + 1
    rights = [i for i in (text.find(ch, end) for ch in CLAUSE_ENDS) if i != -1]
    right = min(rights) if rights else len(text)
    return text[left:right].strip()


def _subjects(mentions: Sequence[Mention], text: str) -> dict[tuple[int, int], str]:
    """The phrase each figure counts, read from the words around it.

    The noun after a classifier (58個貧困縣 → 貧困縣); else the words before the
    figure back to the previous figure or clause end, less linking words
    (農民人均可支配收入從…的4875元 → 農民人均可支配收入); a figure with only a
    verb before it (累計減少408.2萬人) counts what the sentence's subject does.
    """
    subjects: dict[tuple[int, int], str] = {}
    paragraph, subject, previous_end = -1, "", 0
    for mention in mentions:
        start = max(text.rfind(ch, 0, mention.start) for ch in SENTENCE_ENDS) + 1
        if text.rfind("\n", 0, mention.start) != paragraph:
            # a paragraph's later sentences often go on about its first subject
            paragraph, subject = text.rfind("\n", 0, mention.start), ""
        clause = max(text.rfind(ch, 0, mention.start) for ch in CLAUSE_ENDS) + 1
        before = text[max(clause, previous_end if previous_end > start else 0) : mention.start]
        before = re.sub(r"\d{4}年(?:底|末|初)?的?|\d{1,2}月\d{1,2}日|[“”()（）「」]", "", before)
        core = LINKING.sub("", before).strip(" ,，的、—")
        core = re.sub(r"^(?:其中|另外|此外|同時|同时)", "", core)
        noun = _noun_after(mention, text)
        if noun:
            found = noun
        elif len(core) >= 2:
            found = subject = core[-16:]
        else:
            found = f"{subject}{before.strip()}" if subject else before.strip()
        subjects[(mention.start, mention.end)] = found or _clause(text, mention.start, mention.end)
        previous_end = mention.end
    return subjects


def _noun_after(mention: Mention, text: str) -> str | None:
    """The noun a classifier or a bare scale word counts: 58個貧困縣, 329萬貧困人口."""
    measure = mention.measure or ""
    counted = (measure and measure[-1] in CLASSIFIERS) or (
        not measure and mention.written[-1] in "萬万億亿"
    )
    after = re.match(r"[\u4e00-\u9fff]{2,8}", text[mention.end :])
    if not counted or not after:
        return None
    noun = re.split(r"全部|均|都|已|實現|实现|達到|达到|的|和|與|与|應|应", after.group())[0]
    return noun if len(noun) >= 2 else None


def _slug(subject: str, unit: str) -> str:
    from pypinyin import lazy_pinyin

    syllables = [re.sub(r"[^a-z0-9]", "", s.lower()) for s in lazy_pinyin(subject[:4])]
    words = [s for s in syllables if s] or [re.sub(r"[^a-z0-9]+", "-", unit).strip("-")]
    return "-".join(words)


def _unique(slug: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"


def _check(finding: Finding, ids: dict[tuple[int, int], str], number: int) -> dict[str, Any] | None:
    """The check `verify` runs to reach the verdict `check` reached."""
    result, relation = finding.result, finding.relation
    kind = KINDS[result.kind]
    inputs: dict[str, Any] = {}
    for role, value in relation.roles.items():
        if role not in kind.roles:
            continue
        figures = value if isinstance(value, list) else [value]
        names = [ids.get((f.start, f.end)) for f in figures]
        if None in names:
            return None
        inputs[role] = names if isinstance(value, list) else names[0]
    if relation.claimed is not None and kind.claim_role:
        claimed = ids.get((relation.claimed.start, relation.claimed.end))
        if claimed is None:
            return None
        inputs[kind.claim_role] = claimed
    check: dict[str, Any] = {
        "id": f"{kind.name}-{number}",
        "kind": kind.name,
        "title": finding.sentence[:60],
        "title_en": f"{TO_FILL} what the check judges, in English",
        "inputs": inputs,
    }
    if finding.periods:
        check["periods"] = finding.periods["value"]
    if relation.sign < 0:
        check["direction"] = "down"
    if relation.missing:
        check["missing"] = dict(relation.missing)
    return check


def to_yaml(catalog: dict[str, Any], left_out: Sequence[str] = ()) -> str:
    import yaml

    header = (
        "# Drafted by povcli from an article it had not seen. Fill every value that begins with\n"
        f"# {TO_FILL} (povcli validate lists them as warnings), then check each fact.\n"
    )
    if left_out:
        header += "# Relations povcli check finds that this draft leaves out:\n"
        header += "".join(f"#   {' '.join(line.split())}\n" for line in left_out)
    return header + yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False, width=100)
