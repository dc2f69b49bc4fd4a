"""Fixtures: every test in its own cache folder, with no POVCLI_ variable, no colour."""

from __future__ import annotations

import compileall
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import povcli.cli
from povcli.cli import app
from tests.helpers import (
    LIBRARY_TEMPLATE_VARIABLE,
    Run,
    start_library_template,
    with_library_indexed,
    write_catalog,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "povcli"


def pytest_configure(config: pytest.Config) -> None:
    """Once per run, in the controlling process before its workers start (they inherit its
    environment): povcli's modules compiled (where PYTHONDONTWRITEBYTECODE is set, as on this
    machine, every command a test runs would compile them all again) and the bundled
    library indexed (in the background: the workers collect their tests meanwhile),
    rather than once in each worker."""
    if hasattr(config, "workerinput"):
        return
    compileall.compile_dir(str(SRC), quiet=1)
    os.environ[LIBRARY_TEMPLATE_VARIABLE] = str(start_library_template())


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


class Ran:
    """A run of the entry point in this process: what `subprocess.run` would report."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Any:
    """Run `povcli ARGS` through the real entry point (`cli.main`) without a new process.

    The entry point is where errors become one line and exit codes; a subprocess
    proves more only where the process itself matters (memory, signals, pipes).
    """

    def run(args: list[str], env: dict[str, str] | None = None) -> Ran:
        for name in [k for k in os.environ if k.startswith("POVCLI_")]:
            monkeypatch.delenv(name)
        for name, value in {"XDG_CACHE_HOME": str(tmp_path / "cache"), **(env or {})}.items():
            monkeypatch.setenv(name, value)
        if os.environ["XDG_CACHE_HOME"] == str(tmp_path / "cache"):
            with_library_indexed(tmp_path / "cache")  # as after a user's first run
        monkeypatch.setattr(sys, "argv", ["povcli", *args])
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            povcli.cli.main()
        out, err = capsys.readouterr()
        return Ran(int(exited.value.code or 0), out, err)

    return run
