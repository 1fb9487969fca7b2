"""The kit works from a normal wheel install, not only from a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("hatchling", reason="building the wheel needs hatchling (installed with the test extras)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (path,) = out.glob("*.whl")
    return path


def test_wheel_holds_the_seed_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kit/seeds/000_32ac5be837c66968.txt" in names
    assert "kit/seeds/000_32ac5be837c66968.toml" in names
    assert "kit/data/stopwords_en.txt" in names
    assert not any(n.startswith(("tests/", "notebooks/", "seeds/")) for n in names)


def test_installed_wheel_loads_the_seed(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
    )
    code = (
        "import kit, pathlib; print(pathlib.Path(kit.__file__).parent); print(kit.list_articles());"
        " a = kit.load_article(); print(len(a.sentences), len(a.tokens), a.metadata['outlet'])"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == str(target / "kit")  # the installed copy, not the checkout
    assert out[1:] == ["['000_32ac5be837c66968']", "18 568 Press TV"]
