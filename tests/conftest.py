"""Fixtures: every test in its own cache folder, with no POVCLI_ variable, no colour."""

from __future__ import annotations

import compileall
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from povcli.cli import app
from tests.helpers import Run, with_library_indexed, write_catalog

SRC = Path(__file__).resolve().parent.parent / "src" / "povcli"


def pytest_sessionstart(session: pytest.Session) -> None:
    """povcli's modules compiled once: where PYTHONDONTWRITEBYTECODE is set (as on this
    machine), every command a test runs would compile them all again."""
    compileall.compile_dir(str(SRC), quiet=1)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POVCLI_FACTS", raising=False)
    monkeypatch.delenv("POVCLI_DEBUG", raising=False)
    # beside the test's folder, not in it (a test may read its folder as a folder of
    # articles), with the bundled library indexed already, as on a user's machine after the
    # first run (the tests of cold builds name caches of their own)
    cache = tmp_path.with_name(tmp_path.name + "-cache")
    with_library_indexed(cache)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def small_catalog(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "small")


@pytest.fixture
def cli() -> Any:
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Run:
        result = runner.invoke(app, list(args), env=env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke
