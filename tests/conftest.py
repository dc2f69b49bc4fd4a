from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from povcli.cli import app

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "data" / "facts.yaml"
SEED = ROOT.parent / "shared" / "seed" / "shanxi-daily-2021-01-20-raw.txt"

SMALL_SOURCE = (
    "標題\n\n今年全縣收入從2013年的100元增長到2019年200元,年均增長12.2%。\n\n共有5個村。\n"
)
# the source block of a one-section test catalog whose text is source.txt
SOURCE_BLOCK = """\
source:
  title: 標題
  date: "2021-01-01"
  publisher: 測試報
  text: source.txt
  sections:
    - id: lead
      heading: null
"""
SMALL_CATALOG = (
    SOURCE_BLOCK
    + """\
facts:
  - id: income-2013
    section: lead
    topic: [income]
    subject: 收入
    label: Income
    value: 100
    unit: yuan
    written: 100元
    period: "2013"
    quote: 今年全縣收入從2013年的100元增長到2019年200元
  - id: income-2019
    section: lead
    topic: [income]
    subject: 收入
    label: Income
    value: 200
    unit: yuan
    written: 200元
    period: "2019"
    quote: 今年全縣收入從2013年的100元增長到2019年200元
  - id: income-growth
    section: lead
    topic: [income, growth]
    subject: 年均增長
    label: Average annual growth
    value: 12.2
    unit: "%"
    written: 12.2%
    period: 2013–2019
    quote: 年均增長12.2%
  - id: villages
    section: lead
    topic: [village]
    subject: 村
    label: Villages
    value: 5
    unit: village
    written: 5個
    quote: 共有5個村
checks: []
"""
)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POVCLI_FACTS", raising=False)
    monkeypatch.delenv("POVCLI_DEBUG", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")


def write_catalog(folder: Path, catalog: str = SMALL_CATALOG, source: str = SMALL_SOURCE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.txt").write_text(source, encoding="utf-8")
    path = folder / "facts.yaml"
    path.write_text(textwrap.dedent(catalog), encoding="utf-8")
    return path


@pytest.fixture
def small_catalog(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "small")


class Run:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def cli() -> Any:
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Run:
        result = runner.invoke(app, list(args), env=env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke


POVCLI = str(Path(sys.executable).parent / "povcli")


def run_povcli(
    args: list[str],
    tmp_path: Path,
    env: dict[str, str] | None = None,
    memory: int = 1024 * 2**20,
    **kw: Any,
) -> subprocess.CompletedProcess[str]:
    """The installed command in a child: its own cache folder, 100 columns, a memory limit
    and a time-out that only a real hang reaches."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POVCLI_")}
    environment.update({"XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"})
    environment.update(env or {})
    kw.setdefault("stdin", subprocess.DEVNULL)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [POVCLI, *args], cwd=tmp_path, env=environment, capture_output=True, text=True,
        timeout=kw.pop("timeout", 60), preexec_fn=limit_memory, **kw,
    )  # fmt: skip
