"""The binder files alone build the class environment, and the lessons pass in it.

BinderHub, repo2docker and a Zero to JupyterHub single-user image install
``binder/requirements.txt`` (the kit with its pinned dependencies) on the
Python of ``binder/runtime.txt``. Without Docker, this test does what
repo2docker does: copy the repository's tracked files, make a fresh virtual
environment, run ``pip install -r binder/requirements.txt`` from the copy's
root, then run the lessons' notebook checks (``pytest --nbval-lax notebooks/``)
with that environment's Python.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_binder_requirements_build_the_environment_the_lessons_pass_in(tmp_path):
    requirements = (ROOT / "binder" / "requirements.txt").read_text()
    assert "-c ../constraints.txt" in requirements.splitlines()
    # repo2docker's Python must be one the kit supports (pyproject.toml: >=3.11).
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.(\d+)", runtime) and int(runtime.split(".")[1]) >= 11, runtime
    # The repository as repo2docker sees it: the tracked files only (no .venv, no caches).
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    repo = tmp_path / "repo"
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # The test's own pip installs into the new environment (Debian's python3 has no ensurepip).
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            "binder/requirements.txt",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    frozen = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "list",
            "--format=freeze",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {
        n.strip().lower().replace("_", "-"): v.strip()
        for n, v in (line.split("==") for line in frozen.splitlines() if "==" in line)
    }
    pins = _pins()
    ignore = {"pip", "setuptools", "wheel", "newsreading-kit"}
    # The same environment as `python3 dev.py setup`: every pinned package, at its pin.
    assert {n: v for n, v in installed.items() if n not in ignore} == {
        n: v for n, v in pins.items() if n not in ignore
    }
    assert installed["newsreading-kit"]
    lessons = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", "notebooks/"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert lessons.returncode == 0, lessons.stdout[-4000:]
    assert " passed" in lessons.stdout.splitlines()[-1] and "failed" not in lessons.stdout.splitlines()[-1]
