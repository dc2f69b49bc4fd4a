"""Every `console` example in the README is run, and its output must be what the README shows."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

README = ROOT / "README.md"
# the path the README's examples were recorded under
RECORDED_ROOT = "/work/main"


def _examples() -> list[tuple[str, str]]:
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


EXAMPLES = _examples()


def test_readme_has_examples_of_every_command() -> None:
    commands = {command.split()[1] for command, _ in EXAMPLES if command.startswith("povcli ")}
    assert commands >= {
        "list",
        "show",
        "info",
        "validate",
        "search",
        "verify",
        "calc",
        "extract",
        "check",
    }


def test_readme_has_exactly_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    setup = re.search(r"## Quick start\n.*?```sh\n(.*?)```", text, re.S)
    assert setup, "no Quick start block"
    lines = [line for line in setup.group(1).splitlines() if line and not line.startswith("#")]
    assert len(lines) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1] in ci.splitlines()


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example(command: str, expected: str, tmp_path: Path) -> None:
    if "shared/seed" in command and not SEED.is_file():
        pytest.skip("the seed article is not beside this checkout")
    env = {k: v for k, v in os.environ.items() if not k.startswith("POVCLI_")}
    env.update(
        COLUMNS="100",
        NO_COLOR="1",
        TERM="dumb",
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    )
    run = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    shown = (run.stdout + run.stderr).replace(str(ROOT), RECORDED_ROOT)
    assert [line.rstrip() for line in shown.splitlines()] == [
        line.rstrip() for line in expected.splitlines()
    ]
