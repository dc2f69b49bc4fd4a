from __future__ import annotations

from pathlib import Path

import pytest

from povcli.catalog.load import load_catalog
from povcli.catalog.locate import BUNDLED_CATALOGS, locate_catalog
from povcli.errors import CatalogError
from povcli.model import Fact
from tests.helpers import CATALOG, SMALL_CATALOG, write_catalog


def test_bundled_catalog_is_found_and_loads() -> None:
    catalog = load_catalog()
    assert catalog.path in BUNDLED_CATALOGS
    assert len(catalog.facts) >= 60
    assert catalog.source["date"] == "2021-01-20"
    assert catalog.source["publisher"] == "山西日報"


def test_environment_variable_names_the_catalog(
    small_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POVCLI_FACTS", str(small_catalog))
    assert locate_catalog() == small_catalog
    assert [f.id for f in load_catalog().facts][:2] == ["income-2013", "income-2019"]


def test_explicit_path_wins_over_environment(
    small_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POVCLI_FACTS", "/nonexistent/facts.yaml")
    assert load_catalog(small_catalog).path == small_catalog


def test_fact_round_trips_through_dict() -> None:
    fact = load_catalog().fact("industries-per-county")
    assert fact is not None
    assert Fact.from_dict(fact.to_dict()) == fact
    assert (fact.value, fact.value_max, fact.qualifier) == (2, 3, "range")


def _error(path: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert caught.value.code == 2
    return str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    assert "catalog not found" in _error(tmp_path / "nope.yaml")


def test_folder(tmp_path: Path) -> None:
    assert "is a folder" in _error(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("  \n")
    assert "is empty" in _error(path)


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("facts:\n  - id: a\n    value: [1, 2\n")
    message = _error(path)
    assert "YAML syntax error at line 4, column 1" in message


def test_gb18030_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("facts:\n  - subject: 貧困縣\n".encode("gb18030"))
    message = _error(path)
    assert "not UTF-8" in message
    assert "GB18030" in message


def test_unsafe_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(f"facts: !!python/object/apply:os.system ['touch {marker}']\n")
    message = _error(path)
    assert "refused" in message
    assert "python/object/apply:os.system" in message
    assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a\n- b\n", "top level must be a mapping"),
        ("facts: 3\n", "facts must be a list"),
        ("facts:\n  - 3\n", "must be a mapping"),
        ("facts:\n  - id: a\n", "missing required field"),
        ("facts: []\nextra: 1\n", "unknown top-level key 'extra'"),
    ],
)
def test_wrong_shape(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "shape.yaml"
    path.write_text(text)
    assert expected in _error(path)


def test_schema_error_counts_the_rest(tmp_path: Path) -> None:
    broken = SMALL_CATALOG.replace("value: 100\n", "value: hundred\n").replace(
        "unit: village", "unit: villages"
    )
    message = _error(write_catalog(tmp_path / "c", broken))
    assert "fact income-2013: value must be a number, not text" in message
    assert "(and 1 more)" in message
    assert "povcli validate" in message


def test_shipped_catalog_file_is_the_one_in_the_source_tree() -> None:
    from povcli.catalog.locate import bundled_catalog

    # an editable install has no packaged copy: the bundled catalog is the source tree's
    assert bundled_catalog().resolve() == CATALOG.resolve()
