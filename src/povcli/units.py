"""The unit vocabulary of the catalog: what a fact's `value` counts."""

from __future__ import annotations

from povcli.errors import did_you_mean

# one minus sign in what people read (tables, workings, explanations): U+2212, never "-";
# a figure typed with either is read (numbers in JSON and CSV are numbers, with "-").
# Here rather than beside the number parser: tables and reports write it without parsing.
MINUS = "\u2212"

# what an article counts with 个 and a noun after it (51个贫困县): a bare 个 (40个) beside such
# a figure counts the same things
COUNTED_WITH_GE = frozenset(
    {"county", "village", "natural-village", "enterprise", "organisation", "project",
     "programme", "industry", "brand", "workshop", "product", "clinic", "site", "household"}
)  # fmt: skip

UNITS: dict[str, str] = {
    "yuan": "renminbi yuan (元)",
    "%": "a percentage; the value is the percent number (11.5 for 11.5%)",
    "percentage-point": "a difference of two percentages (個百分點)",
    "multiple": "a ratio written with 倍",
    "person": "people (人); counted once each",
    "person-time": "person-times (人次); one person helped twice counts twice",
    "household": "households (戶)",
    "county": "counties (縣)",
    "village": "administrative villages (村)",
    "natural-village": "natural villages (自然村); not administrative villages",
    "enterprise": "enterprises (企業, 民企)",
    "organisation": "organisations and units (組織, 單位)",
    "project": "projects and works (項目, 工程, 處)",
    "programme": "named programmes of a plan (八大工程, 五大項目)",
    "station": "power stations (座)",
    "school": "schools (所)",
    "clinic": "clinics (衛生室)",
    "site": "sites such as resettlement areas (安置區)",
    "industry": "industries (產業)",
    "brand": "brands (品牌)",
    "workshop": "workshops (車間)",
    "product": "products (產品)",
    "head": "head of livestock (頭)",
    "year": "years: a duration or an age (年, 歲)",
    "visit": "visits (次)",
    "level": "levels of an administration (級)",
    "method": "methods (種)",
    "item": "the elements of an enumerated list (五有, 七個問題)",
    # what `extract` and `draft` give a figure of these measures
    "‰": "a per-mille rate; the value is the per-mille number (3.34 for 3.34‰)",
    "per-mille-point": "a difference of two per-mille rates (個千分點)",
    "day": "days (天)",
    "minute": "minutes (分钟)",
    "month": "months (月)",
    "hour": "hours (小時)",
    "tonne": "metric tonnes (噸)",
    "kilogram": "kilograms (公斤, 千克)",
    "jin": "jin (斤), half a kilogram",
    "mu": "mu (畝), a fifteenth of a hectare",
    "hectare": "hectares (公頃)",
    "kilometre": "kilometres (公里, 千米)",
    "tonne-kilometre": "tonne-kilometres of freight moved (吨公里)",
    "passenger-kilometre": "passenger-kilometres travelled (人公里)",
    "metre": "metres (米, m)",
    "cubic-metre": "cubic metres (立方米, m³)",
    "teu": "containers counted in twenty-foot equivalent units (标准箱, 标箱, TEU)",
    "square-metre": "square metres (平方米)",
    "square-kilometre": "square kilometres (平方公里)",
    "kilowatt": "kilowatts of capacity (千瓦)",
    "kilowatt-hour": "kilowatt-hours of energy (千瓦時)",
    "US-dollar": "US dollars (美元)",
    "bed": "beds (床, 張床位)",
    "vehicle": "vehicles (輛)",
    "pair": "pairs and couples (對): marriages, divorces",
}


def unknown_unit(unit: object) -> str:
    """The problem with a unit outside the vocabulary, with the nearest units in it."""
    hint = did_you_mean(unit, UNITS) if isinstance(unit, str) else None
    return f"unit {unit!r} is not in the unit vocabulary" + (f" ({hint})" if hint else "")
