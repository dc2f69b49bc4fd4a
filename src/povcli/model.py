"""The catalog's model: a fact, a catalog, a problem found in one, and the field names the
loader, the schema and the index share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from povcli.errors import CatalogError
from povcli.fields import FACT_FIELDS, REFERENCE, REFERENCE_FIELDS, catalog_id
from povcli.files import MAX_CATALOG_BYTES, confined_path, read_bounded

if TYPE_CHECKING:  # the number parser's patterns are compiled only by what parses figures
    from povcli.numbers import Number


@dataclass(frozen=True)
class Fact:
    """One statistic as the article states it."""

    id: str
    section: str
    topic: tuple[str, ...]
    subject: str
    label: str
    value: Number
    unit: str
    written: str
    quote: str
    aliases: tuple[str, ...] = ()
    value_max: Number | None = None
    qualifier: str | None = None
    period: str | None = None
    note: str | None = None
    series: str | None = None
    scope: str | None = None
    citation: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fact with the catalog's own field names, in the catalog's order
        (`series` and `citation` only when it has them)."""
        record = {
            name: getattr(self, name)
            for name in FACT_FIELDS
            if name not in REFERENCE_FIELDS or getattr(self, name) is not None
        }
        record["topic"] = list(self.topic)
        record["aliases"] = list(self.aliases)
        if self.citation is not None:
            record["citation"] = dict(self.citation)
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        fields: dict[str, Any] = {name: data.get(name) for name in FACT_FIELDS}
        fields["topic"] = tuple(data["topic"])
        fields["aliases"] = tuple(data.get("aliases") or ())
        return cls(**fields)


@dataclass
class Catalog:
    path: Path
    source: dict[str, Any]
    facts: Sequence[Fact]
    checks: list[dict[str, Any]] = field(default_factory=list)

    def fact(self, fact_id: str) -> Fact | None:
        if fact_id.startswith(f"{self.id}:"):  # its own qualified name
            fact_id = fact_id[len(self.id) + 1 :]
        return next((fact for fact in self.facts if fact.id == fact_id), None)

    def holds(self, name: str) -> bool:
        """Whether a qualified name `CATALOG:ID` names a catalog read with this one (this
        one alone: only its own id)."""
        return name.rpartition(":")[0] == self.id

    @property
    def id(self) -> str:
        """The catalog's own id: `source.id`, else the file name's stem."""
        return catalog_id(self.source, self.path)

    @property
    def is_reference(self) -> bool:
        return self.source.get("kind") == REFERENCE

    @property
    def sections(self) -> list[dict[str, Any]]:
        return list(self.source.get("sections") or [])

    @property
    def text_path(self) -> Path | None:
        """The source text's file, checked to lie inside the catalog's folder tree."""
        text = self.source.get("text")
        return confined_path(self.path, text) if isinstance(text, str) else None

    def source_text(self) -> str:
        """The cleaned article the quotes come from."""
        path = self.text_path
        if path is None:
            raise CatalogError(f"{self.path}: source.text does not name the article's text file")
        data = read_bounded(path, "source text", MAX_CATALOG_BYTES)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogError(
                f"source text is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset"
                f" {exc.start}): {path}",
                hint="save it as UTF-8",
            ) from None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalog, located by its path in the YAML tree."""

    message: str
    where: tuple[str | int, ...] = ()
    fact_id: str | None = None

    def describe(self) -> str:
        if not self.fact_id:
            return self.message
        # an id with a line break or a control character in it is shown escaped: one line
        shown = self.fact_id if self.fact_id.isprintable() else repr(self.fact_id)
        return f"fact {shown}: {self.message}"
