#!/usr/bin/env python3
"""Set up the kit and run it: the README's two commands.

    python3 dev.py lab     # set everything up, open the notebooks in JupyterLab
    python3 dev.py test    # set everything up, run the whole test suite
    python3 dev.py test --fast   # leave out the tests marked slow (under a minute)

Other commands: ``setup`` (only set up), ``lint`` (ruff), ``bench`` (the
benchmarks), ``lock`` (re-pin constraints.txt from a fresh environment).

Setting up means: a virtual environment in ``.venv`` beside this file, with
the kit and every pinned dependency from ``constraints.txt`` installed. It
is done once and redone only when ``pyproject.toml`` or ``constraints.txt``
changes. Nothing but the Python standard library is needed to run this file.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "constraints.txt"
STAMP = VENV / ".kit-installed"
EXTRAS = "test"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def _run(*args: str | Path, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", CONSTRAINTS):
        if path.exists():
            digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _bootstrap_pip(python: Path) -> None:
    """Install pip into a venv made without it (Debian's python3 lacks ensurepip).

    The pip wheel comes from PyPI; pip can run from its own wheel to install itself.
    """
    _say("this Python has no ensurepip; fetching pip from PyPI to bootstrap it")
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(f for f in release["urls"] if f["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        with urllib.request.urlopen(wheel["url"], timeout=120) as response:
            data = response.read()
        if hashlib.sha256(data).hexdigest() != wheel["digests"]["sha256"]:
            raise SystemExit("[dev.py] the pip wheel downloaded from PyPI failed its checksum; try again")
        target.write_bytes(data)
        _run(python, str(target / "pip"), "install", "--no-index", str(target))


def _check_bwrap() -> None:
    """Say what to install when bubblewrap, the grading sandbox, is missing (never installs it)."""
    import shutil

    if sys.platform == "linux" and not shutil.which("bwrap"):
        _say(
            "bubblewrap (bwrap) is missing: `kit grade` runs each student's code in its sandbox and"
            " refuses to grade without it. Install it with `sudo apt-get install bubblewrap` (Debian,"
            " Ubuntu) or `sudo dnf install bubblewrap` (Fedora); the grading tests need it too."
        )


def setup() -> Path:
    """Create ``.venv`` and install the kit with its pinned dependencies."""
    if sys.version_info < (3, 11):  # noqa: UP036 (this file may run under an older python3)
        raise SystemExit(f"[dev.py] the kit needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    _check_bwrap()
    python = _venv_python()
    if python.exists() and STAMP.exists() and STAMP.read_text() == _fingerprint():
        return python
    if not python.exists():
        _say(f"creating a virtual environment in {VENV}")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (subprocess.CalledProcessError, OSError):
            venv.EnvBuilder(with_pip=False, clear=True).create(VENV)
        if subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True).returncode:
            _bootstrap_pip(python)
    _say("installing the kit and its pinned dependencies (the first time takes a few minutes)")
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    _run(*pip, "--upgrade", "pip", "-c", CONSTRAINTS)
    _run(*pip, "-c", CONSTRAINTS, "-e", f"{ROOT}[{EXTRAS}]")
    STAMP.write_text(_fingerprint())
    return python


def lab(args: list[str]) -> int:
    python = setup()
    # No "get notified about Jupyter news?" pop-up over the lesson: JupyterLab's
    # settings overrides, in this environment only (the user's own settings are untouched).
    overrides = Path(python).parent.parent / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = json.loads(overrides.read_text()) if overrides.exists() else {}
    settings.setdefault("@jupyterlab/apputils-extension:notification", {}).update(
        fetchNews="false", checkForUpdates=False
    )
    overrides.parent.mkdir(parents=True, exist_ok=True)
    overrides.write_text(json.dumps(settings, indent=2))
    # Jupyter draws the widgets saved in a notebook only if it trusts the notebook:
    # trust the lessons of this checkout, so they open with every widget drawn.
    lessons = sorted(str(p) for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
    subprocess.call([str(python), "-m", "jupyter", "trust", *lessons], stdout=subprocess.DEVNULL)
    _say("opening JupyterLab on notebooks/ (stop it with Ctrl+C)")
    cmd = [
        str(python),
        "-m",
        "jupyter",
        "lab",
        f"--ServerApp.root_dir={ROOT / 'notebooks'}",
        # The extension manager would ask PyPI for extensions: the kit works offline.
        "--LabApp.extension_manager=readonly",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and some hubs run everything as root
    start = ROOT / "notebooks" / "01_start_here.ipynb"
    if start.exists() and not any(a.endswith(".ipynb") for a in args):
        cmd.append(start.name)
    return subprocess.call(cmd + args, cwd=ROOT / "notebooks")


def test(args: list[str]) -> int:
    python = setup()
    if "--fast" in args:
        # kernels, notebooks, browsers, packaging and megabyte inputs: see conftest.py
        args = ["-m", "not slow", *(a for a in args if a != "--fast")]
        _say("running the test suite without the tests marked slow")
    else:
        _say("running the test suite")
    return subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT)


def lint(args: list[str]) -> int:
    python = setup()
    code = subprocess.call(
        [str(python), "-m", "ruff", "check", "kit", "tests", "benchmarks", "dev.py"], cwd=ROOT
    )
    return code or subprocess.call(
        [str(python), "-m", "ruff", "format", "--check", "kit", "tests", "benchmarks", "dev.py"], cwd=ROOT
    )


def bench(args: list[str]) -> int:
    python = setup()
    code = 0
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        _say(f"running {script.relative_to(ROOT)}")
        code |= subprocess.call([str(python), str(script), *args], cwd=ROOT)
    return code


def lock(args: list[str]) -> int:
    """Resolve the newest allowed versions in a scratch venv and pin them."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "venv"
        venv.EnvBuilder(with_pip=True).create(scratch)
        py = scratch / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        _run(py, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _run(py, "-m", "pip", "install", "--quiet", f"{ROOT}[{EXTRAS}]")
        frozen = subprocess.run(
            [str(py), "-m", "pip", "freeze", "--exclude-editable", "--all"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pins = sorted(
        (line for line in frozen.splitlines() if "==" in line and not line.startswith("newsreading-kit")),
        key=str.lower,
    )
    CONSTRAINTS.write_text(
        "# Pinned versions of every package the kit and its tests install.\n"
        "# Regenerate with: python3 dev.py lock\n" + "\n".join(pins) + "\n"
    )
    _say(f"pinned {len(pins)} packages in {CONSTRAINTS.name}")
    return 0


COMMANDS = {"lab": lab, "test": test, "lint": lint, "bench": bench, "lock": lock}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {*COMMANDS, "setup"}:
        print(__doc__)
        return 2
    if argv[0] == "setup":
        setup()
        return 0
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
