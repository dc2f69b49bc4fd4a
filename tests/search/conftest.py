"""The bundled catalog's index, built once per test module in a cache folder of its own."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from povcli.catalog.locate import bundled_catalog
from povcli.index.build import open_index
from povcli.index.store import Index


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield open_index(bundled_catalog())
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old
