"""Every `console` example in the README is run, and its output must be what the README shows.

A console block is one session: its commands run in order in a fresh folder of their own
that holds the checkout's `data` and `docs` (as a new user's clone would), so an example
may write files there and the next one read them, and nothing is written to the checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, with_library_indexed

README = ROOT / "README.md"
# the path the README's examples were recorded under
RECORDED_ROOT = "/work/main"


def _sessions() -> list[list[tuple[str, str]]]:
    sessions = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        session = []
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            session.append((command, output))
        sessions.append(session)
    return sessions


SESSIONS = _sessions()
EXAMPLES = [example for session in SESSIONS for example in session]


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


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index cache for the examples a worker runs, as a reader's one clone has: the
    library is indexed once, not once per example (no example shows a cold build)."""
    cache = tmp_path_factory.mktemp("readme") / "cache"
    with_library_indexed(cache)  # the bundled library's indexes, as the other tests start with
    return cache


@pytest.mark.parametrize("session", SESSIONS, ids=[s[0][0] for s in SESSIONS])
def test_readme_example(session: list[tuple[str, str]], tmp_path: Path, shared_cache: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POVCLI_")}
    env.update(
        COLUMNS="100",
        NO_COLOR="1",
        TERM="dumb",
        XDG_CACHE_HOME=str(shared_cache),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    )
    work = tmp_path / "work"
    work.mkdir()
    for name in ("data", "docs"):
        (work / name).symlink_to(ROOT / name)
    for command, expected in session:
        run = subprocess.run(
            ["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )
        # the folder stands for a clone of the checkout: its paths read as the checkout's
        shown = (run.stdout + run.stderr).replace(str(work), RECORDED_ROOT)
        shown = shown.replace(str(ROOT), RECORDED_ROOT)
        assert [line.rstrip() for line in shown.splitlines()] == [
            line.rstrip() for line in expected.splitlines()
        ], command
