"""The catalog's model: a fact, a catalog, a problem found in one, and the field names the
loader, the schema and the index share."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from povcli.errors import CatalogError
from povcli.files import MAX_CATALOG_BYTES, read_bounded

if TYPE_CHECKING:  # the number parser's patterns are compiled only by what parses figures
    from povcli.numbers import Number

FACT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# name -> (allowed types, required)
FACT_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "id": ((str,), True),
    "section": ((str,), True),
    "topic": ((list,), True),
    "series": ((str,), False),
    # what the figure covers: "national", or a province, region or programme by name; borrowing
    # matches it exactly, so a province's figure never stands in for the nation's
    "scope": ((str,), False),
    "subject": ((str,), True),
    "label": ((str,), True),
    "aliases": ((list,), False),
    "value": ((int, float), True),
    "value_max": ((int, float), False),
    "unit": ((str,), True),
    "written": ((str,), True),
    "qualifier": ((str,), False),
    "period": ((str,), False),
    "quote": ((str,), True),
    "citation": ((dict,), False),
    "note": ((str,), False),
}
# fields of a reference catalog's facts: left out of a fact's record when it has none
REFERENCE_FIELDS = ("series", "scope", "citation")
CITATION_FIELDS = ("publisher", "date", "title", "url")
# where the page read is a copy of the publisher's release: the copy's address
CITATION_OPTIONAL = ("via",)
REFERENCE = "reference"


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


def catalog_id(source: dict[str, Any], path: Path) -> str:
    """`source.id`, else the file name's stem (the name other catalogs use for it)."""
    own = source.get("id")
    return own if isinstance(own, str) and own else path.stem


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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalog, located by its path in the YAML tree."""

    message: str
    where: tuple[str | int, ...] = ()
    fact_id: str | None = None

    def describe(self) -> str:
        who = f"fact {self.fact_id}: " if self.fact_id else ""
        return who + self.message


# what a draft leaves for a person to write: `validate` warns, and nothing refuses it
TO_FILL = "[to fill]"


def type_name(value: Any) -> str:
    """A value's type in the words the error messages use."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    names = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)
