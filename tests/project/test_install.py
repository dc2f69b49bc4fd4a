"""The installed command, run as a user runs it: a subprocess from another folder."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POVCLI_")}
    env.update({"XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"})
    return env


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True, timeout=120
    )


def test_installed_povcli_runs_from_another_folder(tmp_path: Path) -> None:
    beside = Path(sys.executable).parent / "povcli"
    exe = str(beside) if beside.exists() else shutil.which("povcli")
    assert exe, "povcli is not installed"
    run = _run([exe, "info", "--format", "json"], tmp_path)
    assert run.returncode == 0, run.stderr
    info = json.loads(run.stdout)
    catalog = Path(info["catalog"])
    assert catalog.is_file()
    # editable install: the source tree; wheel install: inside the package
    assert catalog == ROOT / "data" / "facts.yaml" or catalog.parent.name == "_data"
    bad = _run([exe, "show", "no-such-fact"], tmp_path)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.startswith("error: no fact with id 'no-such-fact'")
    assert "Traceback" not in bad.stderr


def test_python_dash_m(tmp_path: Path) -> None:
    run = _run([sys.executable, "-m", "povcli", "--version"], tmp_path)
    assert run.returncode == 0
    assert run.stdout.startswith("povcli ")


@pytest.mark.slow
def test_wheel_ships_the_catalog_and_source_text(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        tmp_path,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(dist.glob("povcli-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # Lend the venv this environment's dependencies (typer, rich, yaml) without
    # its own povcli: a plain path in a .pth file does not run the editable hook.
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp_path
    ).stdout.strip()
    (Path(purelib) / "lend.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    install = _run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], tmp_path
    )
    assert install.returncode == 0, install.stderr
    povcli = str(venv / "bin" / "povcli")
    info = json.loads(_run([povcli, "info", "-f", "json"], tmp_path).stdout)
    catalog = Path(info["catalog"])
    assert catalog.is_relative_to(venv), catalog
    assert catalog.parent.name == "_data"
    assert Path(info["source_text"]).is_file()
    validate = _run([povcli, "validate"], tmp_path)
    assert validate.returncode == 0, validate.stderr
    facts = json.loads(_run([povcli, "list", "-f", "json"], tmp_path).stdout)
    assert len(facts) == info["facts"]
    # the reference library ships beside it: a lookup and a series read it from the wheel
    listing = "from povcli.catalog.locate import bundled_library as b; print(b())"
    where = _run([str(python), "-c", listing], tmp_path).stdout
    assert "_data/library/national-poverty.yaml" in where and str(venv) in where
    shown = json.loads(
        _run([povcli, "show", "poor-population-2019", "-f", "json"], tmp_path).stdout
    )
    assert shown["catalog"] == "national-poverty"
    rows = json.loads(_run([povcli, "series", "poverty-incidence", "-f", "json"], tmp_path).stdout)
    assert rows[-1]["fact"] == "national-poverty:poverty-incidence-2019"
