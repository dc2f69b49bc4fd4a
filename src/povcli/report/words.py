"""The verdict sentence and role names of a card in the page's language.

`povcli check` and the JSON keep the English explanation (Result.explanation); a page with
Chinese labels says the same in Chinese, from the structured result, with the words kept
as data in verdicts.json (Simplified; a Traditional page converts them with OpenCC).
"""

from __future__ import annotations

import functools
import json
import math
import re
from importlib.resources import files
from typing import Any

from povcli.units import MINUS
from povcli.verdict import Verdict


@functools.cache
def _words(script: str) -> dict[str, Any]:
    words: dict[str, Any] = json.loads(
        files("povcli.report").joinpath("verdicts.json").read_text(encoding="utf-8")
    )
    if script == "zh-Hant":
        import opencc  # only for a Traditional page (~45 ms)

        convert = opencc.OpenCC("s2tw").convert
        words = json.loads(convert(json.dumps(words, ensure_ascii=False)))
    return words


def role_names(lang: str) -> dict[str, str]:
    """Each role's name on the page: the role itself in English."""
    return {} if lang == "en" else dict(_words(lang)["roles"])


def unit_names(lang: str) -> dict[str, str]:
    """Each unit's name beside a figure on the page (人, 个百分点); the unit itself in English."""
    return {} if lang == "en" else dict(_words(lang)["units"])


def unit_name(unit: str | None, lang: str) -> str:
    """A unit's name on the page, "X per Y" as 人/天 (English: the unit itself)."""
    if not unit or lang == "en":
        return unit or ""
    return _unit(unit, _words(lang)).strip()


def phrase_in(text: str, lang: str) -> str:
    """A reading's name, where a count of years comes from, or a card's note, in the page's
    language: the first phrase of verdicts.json that matches it whole; else as written."""
    if lang == "en" or not text:
        return text
    tried = READING_TRIED.match(text)
    if tried:
        return _reading_tried(tried, lang)
    for pattern, replacement in _words(lang)["phrases"]:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, replacement, text)
    return text


# "reading sum over 5 years: consistent: computed … (used)": a reading tried, as a note says it
READING_TRIED = re.compile(
    r"^reading (?P<name>.+?)(?: over (?P<years>[\d.]+) years)?: "
    r"(?P<verdict>consistent|inconsistent|unverifiable|derived)\b.*?(?P<used> \(used\))?$",
    re.S,
)


def _reading_tried(tried: re.Match[str], lang: str) -> str:
    """The reading's name and verdict in the page's language (its working stays on the card of
    the reading used, which the page shows in full)."""
    words = _words(lang)["readings_tried"]
    name = phrase_in(tried["name"], lang)
    if name == tried["name"]:
        name = kind_name(name, lang)
    years = words["years"].format(years=tried["years"]) if tried["years"] else ""
    used = words["used"] if tried["used"] else ""
    return str(
        words["frame"].format(name=name, years=years, verdict=words[tried["verdict"]], used=used)
    )


def kind_name(kind: str, lang: str) -> str:
    return kind if lang == "en" else str(_words(lang)["kinds"].get(kind, kind))


def formula_in(formula: str, lang: str) -> str:
    """The formula with its roles named in the page's language (新值 − 原值)."""
    if lang == "en" or not formula:
        return formula
    names = _words(lang)["roles"]
    return re.sub(
        r"(?<![A-Za-z])[a-z]+(?![A-Za-z])",
        lambda word: names.get(word.group(), word.group()),
        formula,
    )


def verdict_sentence(record: dict[str, Any], labels: dict[str, str]) -> str:
    """The card's verdict in the page's language (the English explanation under --lang en)."""
    lang = labels["lang"]
    if lang == "en":
        return str(record.get("explanation") or "")
    words = _words(lang)
    said = words["sentences"]
    unit = record.get("unit")
    shown = {
        "computed": _value(record.get("computed"), unit, words),
        "bounds": _span(record.get("bounds"), unit, words),
        "claimed": record.get("claimed_written") or "",
        "claimed_bounds": _span(record.get("claimed_bounds"), unit, words),
        "low": _value((record.get("bounds") or [None])[0], unit, words),
        "verdict": labels.get(record["verdict"], record["verdict"]),
    }
    return "".join(part.format(**shown) for part in _parts(record, said, words))


def _parts(record: dict[str, Any], said: dict[str, str], words: dict[str, Any]) -> list[str]:
    verdict = record["verdict"]
    if verdict == Verdict.UNVERIFIABLE:
        return _unverifiable(record, said, words)
    if verdict == Verdict.DERIVED:
        return [said["derived"]]
    if record.get("claimed_written") is None:  # judged by its kind (a share's ceiling, subset…)
        if record.get("gross"):
            return [said["share_ceiling" if record["kind"] == "share" else "subset_gross"]]
        return [said["judged"]]
    parts = [said[str(verdict)]]
    if record.get("by_rounding_only"):
        parts.append(said["by_rounding_only"])
    if record.get("gross"):
        parts.append(said["gross"])
    return parts


def _unverifiable(record: dict[str, Any], said: dict[str, str], words: dict[str, Any]) -> list[str]:
    missing = record.get("missing") or {}
    if not missing:
        return [said["no_number"]]
    if "certainty" in missing:  # the figures disagree, but the text may state no relation
        return [said["uncertain"], said["missing_computed"]]
    if "rounding" in missing:  # they disagree only if a count ending in zeros is exact
        counts = str(missing["rounding"]).split(" may be rounded")[0]
        return [said["rounded_counts"].replace("{counts}", counts), said["missing_computed"]]
    names = words["joiner"].join(words["roles"].get(role, role) for role in missing)
    parts = [said["missing"].replace("{roles}", names)]
    if record.get("computed") is not None:
        parts.append(said["missing_computed"])
    return parts


def _number(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else f"{MINUS}∞"
    text = f"{int(value)}" if float(value).is_integer() else f"{value:.6g}"
    return text.replace("-", MINUS)


def _value(value: Any, unit: str | None, words: dict[str, Any]) -> str:
    if value is None:
        return ""
    return _number(float(value)) + _unit(unit, words)


def _span(bounds: Any, unit: str | None, words: dict[str, Any]) -> str:
    if not bounds:
        return ""
    low, high = (_number(float(bound)) for bound in bounds)
    return f"{low}{words['range']}{high}{_unit(unit, words)}"


def _unit(unit: str | None, words: dict[str, Any]) -> str:
    if not unit:
        return ""
    name = words["units"].get(unit)
    top, per, bottom = unit.partition(" per ")
    if name is None and per and words["units"]:  # "kilogram per hectare": 公斤/公顷
        sides = [words["units"].get(side) for side in (top, bottom)]
        if None not in sides:
            name = "/".join(str(side) for side in sides)
    return str(name) if name is not None else f" {unit}"
