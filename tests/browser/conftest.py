"""Fixtures for the browser tests: a JupyterLab server on 127.0.0.1 and an offline Chromium.

The server runs from a temporary folder holding copies of ``notebooks/``, with
its own settings, on a free port with a random token. The browser is
Debian's Chromium driven by Playwright, and every request that does not go to
127.0.0.1 or localhost is aborted, so the page really has no network.

With no browser these tests skip with a message, except when the environment
variable ``CI`` is set: then a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(p.name for p in NOTEBOOKS.glob("[0-9]*.ipynb"))
# Text on a page that means a chart or widget did not render.
NOT_RENDERED = (
    r"Error loading script|Error displaying widget|Failed to load model class|"
    r"Loading widget\.\.\.|Traceback \(most recent call last\)|"
    r"\b(?:IntSlider|Dropdown|VBox|HBox|HTML|Button|Select|JupyterChart|ArticleViewer|"
    r"SourceSorter|ReframingLab|EventOrderer)\((?:value|children|options|layout|description)|"
    r"<altair\.jupyter\.jupyter_chart\.JupyterChart object"
)
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path(os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
AXE_VERSION = "4.10.3"
AXE = Path(os.environ.get("KIT_AXE", ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))

# Settings that keep every cell in the page (no windowing) and stop JupyterLab
# from asking to fetch news.
USER_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def _need_browser() -> None:
    problem = None
    if not CHROMIUM.exists():
        problem = f"Chromium is not installed at {CHROMIUM} (install it with: apt-get install -y chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the Python package 'playwright' is not installed (pip install playwright)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests cannot run under CI: {problem}.", pytrace=False)
        pytest.skip(f"Browser tests skipped: {problem}.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float) -> bool:
    """Poll ``url`` until it answers 200; False if ``process`` exits or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.3)


def open_lesson(page, url: str) -> None:
    """Go to a notebook's URL and wait until JupyterLab shows its cells."""
    page.goto(url)
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.content"
        " && window.jupyterapp.shell.currentWidget.content.widgets",
        timeout=60_000,
    )
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)


def assert_drawn(page, failure_text: re.Pattern, charts: int) -> None:
    """No text on the page says a chart or widget failed, and exactly ``charts`` charts are drawn."""
    text = page.locator(".jp-Notebook").inner_text()
    bad = failure_text.search(text)
    assert bad is None, f"something did not render: {text[max(0, bad.start() - 200) : bad.end() + 200]!r}"
    svgs = page.locator(".jp-Notebook .vega-embed svg.marks")
    assert svgs.count() == charts, f"expected {charts} charts, found {svgs.count()}"


def offline_guard(blocked: list[str]):
    """A Playwright route handler that lets only local requests through and records the rest."""

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    return guard


class Server:
    """A running Jupyter server: its base URL, token and root folder."""

    def __init__(self, url: str, token: str, root: Path, process: subprocess.Popen, log: Path):
        self.url, self.token, self.root, self.process, self.log = url, token, root, process, log

    def lab(self, notebook: str) -> str:
        return f"{self.url}/lab/tree/{notebook}?token={self.token}&reset"

    def notebook7(self, notebook: str) -> str:
        return f"{self.url}/notebooks/{notebook}?token={self.token}"


@pytest.fixture(scope="session")
def jupyter_server(tmp_path_factory) -> Server:
    _need_browser()
    base = tmp_path_factory.mktemp("jupyter")
    root = base / "root"
    shutil.copytree(
        NOTEBOOKS, root, ignore=shutil.ignore_patterns("conftest.py", "__pycache__", ".ipynb_checkpoints")
    )
    config = base / "config"
    for name, value in USER_SETTINGS.items():
        path = config / "lab" / "user-settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        JUPYTER_CONFIG_DIR=str(config),
        JUPYTER_DATA_DIR=str(base / "data"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
    )
    log = base / "server.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.expose_app_in_browser=True",
            "--JupyterNotebookApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        ],
        cwd=root,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(f"{url}/api/status?token={token}", process, seconds=60):
        process.kill()
        pytest.fail(f"JupyterLab did not start; its log:\n{log.read_text()[-3000:]}", pytrace=False)
    server = Server(url, token, root, process, log)
    yield server
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def browser(jupyter_server, playwright_driver):
    chromium = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
    )
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser):
    """A fresh offline page: every request not to 127.0.0.1/localhost is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocked: list[str] = []
    context.route("**/*", offline_guard(blocked))
    page = context.new_page()
    page.blocked = blocked  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's ``axe.min.js``, installed from npm once into ``.cache/axe`` (offline after that).

    ``KIT_AXE`` may point to another copy. With neither the file nor npm, the
    accessibility checks skip with a message (fail under ``CI``).
    """
    if not AXE.is_file() and shutil.which("npm"):
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(AXE.parents[2]),
                f"axe-core@{AXE_VERSION}",
            ],
            check=False,
            capture_output=True,
            timeout=300,
        )
    if not AXE.is_file():
        problem = (
            f"axe-core is not at {AXE} (install it: npm install --prefix .cache/axe axe-core@{AXE_VERSION})"
        )
        if os.environ.get("CI"):
            pytest.fail(f"Accessibility tests cannot run under CI: {problem}.", pytrace=False)
        pytest.skip(f"Accessibility tests skipped: {problem}.")
    return AXE.read_text(encoding="utf-8")
