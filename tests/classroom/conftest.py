"""Fixtures for the classroom test: a real JupyterHub on 127.0.0.1, and an offline Chromium.

The hub is the one instructors run (pip ``jupyterhub``, npm
``configurable-http-proxy``), with the dummy authenticator (any user named in
the config, one shared password) and ``SimpleLocalProcessSpawner``: each
student's single-user JupyterLab runs as the same system user as the test,
with its own home folder in a temporary directory. The hub-wide environment is
the test's own Python environment, where the kit, JupyterLab and nbgitpuller
are installed. Every process the hub starts is stopped at the end.

configurable-http-proxy is installed, when missing, with npm into
``.cache/chp`` beside the checkout (``.ci/run`` does the same).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, _free_port, offline_guard, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
CHP_VERSION = "4.6.3"
CHP_PREFIX = ROOT / ".cache" / "chp"
CHP = CHP_PREFIX / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "classroom-test"
STUDENTS = ("alice", "bob")


def _unavailable(problem: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"The classroom test cannot run under CI: {problem}.", pytrace=False)
    pytest.skip(f"The classroom test is skipped: {problem}.")


def _configurable_http_proxy() -> Path:
    if CHP.exists():
        return CHP
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        _unavailable(
            "node and npm are needed to install configurable-http-proxy (apt-get install -y nodejs npm)"
        )
    result = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(CHP_PREFIX),
            "--no-audit",
            "--no-fund",
            "--no-save",
            f"configurable-http-proxy@{CHP_VERSION}",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode or not CHP.exists():
        _unavailable(f"npm could not install configurable-http-proxy: {result.stderr.strip()[-500:]}")
    return CHP


class Hub:
    """A running JupyterHub: its URL, the students' home folders and its log."""

    def __init__(self, url: str, homes: Path, log: Path, process: subprocess.Popen):
        self.url, self.homes, self.log, self.process = url, homes, log, process

    def home(self, user: str) -> Path:
        return self.homes / user

    def pull_link(self, repo: str, branch: str, path: str) -> str:
        """An nbgitpuller link, as an instructor writes it (no hub-specific part but the host)."""
        from urllib.parse import urlencode

        target = Path(urlparse(repo).path).name
        query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{target}/{path}"})
        return f"{self.url}/hub/user-redirect/git-pull?{query}"


CONFIG = """
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.ConfigurableHTTPProxy.pid_file = {base!r} + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + {base!r} + "/hub.sqlite"
c.JupyterHub.cookie_secret_file = {base!r} + "/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = set({students!r})
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = {args!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
"""


@pytest.fixture(scope="session")
def hub(tmp_path_factory) -> Hub:
    chp = _configurable_http_proxy()
    try:
        import jupyterhub  # noqa: F401
        import nbgitpuller  # noqa: F401
    except ImportError as exc:
        _unavailable(f"{exc.name} is not installed (python3 dev.py setup installs it)")
    base = tmp_path_factory.mktemp("hub")
    homes = base / "homes"
    homes.mkdir()
    port, hub_port, api_port = _free_port(), _free_port(), _free_port()
    singleuser = Path(sys.executable).parent / "jupyterhub-singleuser"
    args = [
        "--ServerApp.terminals_enabled=False",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    config = base / "jupyterhub_config.py"
    config.write_text(
        CONFIG.format(
            port=port,
            hub_port=hub_port,
            api_port=api_port,
            chp=str(chp),
            base=str(base),
            password=PASSWORD,
            students=list(STUDENTS),
            homes=str(homes),
            singleuser=str(singleuser),
            args=args,
        )
    )
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("JUPYTER_CONFIG_DIR", None)
    log = base / "hub.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        cwd=base,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(f"{url}/hub/api", process, seconds=90):
        _stop(process)
        pytest.fail(f"JupyterHub did not start; its log:\n{log.read_text()[-4000:]}", pytrace=False)
    yield Hub(url, homes, log, process)
    _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """Stop the hub and every process it started (proxy, single-user servers, kernels)."""
    import psutil

    try:
        tree = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        tree = []
    # Everything is asked to stop at once (the hub would stop its servers one by one).
    for proc in tree:
        try:
            proc.terminate()
        except psutil.NoSuchProcess:
            pass
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    _, alive = psutil.wait_procs(tree, timeout=10)
    for proc in alive:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=10)


@pytest.fixture(scope="session")
def browser(hub, request):
    if not CHROMIUM.exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the Python package 'playwright' is not installed")
    pw = request.getfixturevalue("playwright_driver")
    chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
    yield chromium
    chromium.close()


@pytest.fixture
def offline_context(browser):
    """Make browser contexts (one per student) whose requests off 127.0.0.1 are aborted and recorded."""
    contexts, blocked = [], []
    guard = offline_guard(blocked)

    def make():
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", guard)
        contexts.append(context)
        return context

    make.blocked = blocked
    yield make
    for context in contexts:
        context.close()
