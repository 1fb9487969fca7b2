"""The sandbox the grading kernel runs in: bubblewrap, an unprivileged user, nothing of the host.

Each grading worker runs one warm process (:mod:`kit.grading.warm`) under
`bubblewrap <https://github.com/containers/bubblewrap>`_ (``bwrap``, Debian's
``bubblewrap``, the tool Flatpak uses), and the warm process forks a fresh
child for each submission in namespaces of its own (mount, IPC, PID,
network, UTS), with its own tmpfs ``/tmp`` and ``/dev/shm`` and a ``/proc``
that shows only itself, and without any capability. The sandbox has:

* every namespace of its own (user, mount, pid, network, IPC, UTS, cgroup)
  and no further user namespaces inside;
* the uid and gid 65534 (``nobody``) inside, no capabilities but
  ``CAP_SYS_ADMIN`` and ``CAP_SETPCAP`` for the warm process (inside its
  own user namespace only, to make each submission's namespaces; each
  submission's child drops every capability before any student code runs),
  ``no_new_privs``, a new session (no terminal to inject keys into);
* outside, the uid of the grader, or 65534 when the grader runs as root
  (see :func:`plan` and :data:`_DROP`): never root;
* a fresh ``/proc`` (only the sandbox's own processes), a minimal ``/dev``,
  a private size-limited tmpfs for ``/tmp`` (work folder and home);
* read-only binds of exactly ``/usr``, the Python environment
  (``sys.prefix``, ``sys.base_prefix``) and the ``kit`` package with its
  seeds: no checkout, no grader bundle, no submissions, no ``/run``, no
  ``/var/tmp``, no ``/etc``;
* no read-write folder of the host: the grader talks to the warm process
  and to each submission's child over inherited unix sockets, nothing else;
* a clean environment built from an allowlist;
* ``--die-with-parent``: when the grader's worker stops, the sandbox dies
  with it; and when a submission ends, every process it started dies with
  its child's PID namespace.

Limits: ``RLIMIT_AS`` (memory) and ``RLIMIT_CORE``/``RLIMIT_FSIZE``/
``RLIMIT_NOFILE`` per process, and ``RLIMIT_NPROC`` (processes and threads),
which Linux counts per user of the sandbox's own user namespace, so it
bounds the whole tree. Where the grader may make cgroups (:class:`Cgroup`:
v2, or the v1 ``memory`` and ``pids`` hierarchies), the worker's sandbox gets
a memory limit (the memory limit plus the warm process's own share,
``runner.WARM_MEMORY_MB``) and a process limit for the whole tree; with v1,
each submission's child also gets a cgroup of its own inside it, with the
memory limit alone; a submission's child asks to be the first to go when
memory runs out. Without
a memory cgroup the memory limit is per process only: the tree holds at most
``max_processes`` times ``memory_mb``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kit.grading.paths import _kit_root

SANDBOX_UID = 65534
"""The uid and gid the kernel runs as inside the sandbox (and outside, when the grader is root)."""

MAX_PROCESSES = 128
"""``RLIMIT_NPROC`` of the kernel: processes and threads of one submission's sandbox."""

TMP_BYTES = 256 * 1024 * 1024
"""Size of the sandbox's private ``/tmp`` (work folder, home)."""

INSTALL_HINT = (
    "Install bubblewrap (Debian/Ubuntu: `sudo apt-get install bubblewrap`; Fedora: `sudo dnf"
    " install bubblewrap`) and allow unprivileged user namespaces"
    " (`sysctl kernel.unprivileged_userns_clone=1` where that setting exists)."
)

WARM_CAPS = ("CAP_SYS_ADMIN", "CAP_SETPCAP")
"""What the warm process keeps inside the sandbox's user namespace (see :mod:`kit.grading.warm`)."""

_PROBE = """\
import ctypes, os
pid = os.fork()
if pid == 0:  # as the warm process's child does: CLONE_NEWNS, NEWUTS, NEWIPC, NEWPID, NEWNET
    os._exit(ctypes.get_errno() if ctypes.CDLL(None, use_errno=True).unshare(0x6C020000) else 0)
code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
if code:
    raise SystemExit("it cannot make namespaces for each submission: " + os.strerror(code))
import kit.grading.values
"""

_PLAN: list[dict] = []


_FEATURES: dict[str, bool] = {}


def _supports(option: str) -> bool:
    """True when this bwrap knows ``option`` (``--disable-userns`` and ``--size`` came in 0.8)."""
    if option not in _FEATURES:
        try:
            out = subprocess.run(
                [bwrap_path() or "bwrap", "--help"], capture_output=True, text=True, timeout=10
            )
            _FEATURES[option] = option in out.stdout + out.stderr
        except (OSError, subprocess.TimeoutExpired):
            _FEATURES[option] = False
    return _FEATURES[option]


def bwrap_path() -> str | None:
    """The ``bwrap`` executable, or None."""
    return shutil.which("bwrap") or next(
        (p for p in ("/usr/bin/bwrap", "/bin/bwrap") if os.access(p, os.X_OK)), None
    )


def _readable_by_others(path: str, *, parents: bool = True) -> bool:
    """True when ``path`` is o+rx and (with ``parents``) every folder on the way lets any user through."""
    p = Path(path).resolve()
    for part in [*reversed(p.parents), p] if parents else [p]:
        try:
            mode = part.stat().st_mode
        except OSError:
            return False
        if not mode & 0o001:
            return False
    return bool(p.stat().st_mode & 0o004)


def _ro_paths() -> list[str]:
    """Folders the kernel sees read-only: the Python environment, the kit, its seeds."""
    import kit
    from kit.loading import seeds_dir

    kit_dir = Path(kit.__file__).resolve().parent
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(kit_dir)}
    with contextlib.suppress(Exception):
        paths.add(str(seeds_dir()))
    # Other import folders (a dependency installed elsewhere), but never the checkout
    # the kit was installed from in editable mode, nor a folder that holds it.
    checkout = kit_dir.parent
    for entry in sys.path:
        if not entry or not Path(entry).is_dir():
            continue
        r = Path(entry).resolve()
        if r == checkout or r == Path("/") or checkout.is_relative_to(r) or Path.cwd().resolve() == r:
            continue
        paths.add(entry)
    exe = Path(sys.executable)
    paths.add(str(exe.resolve().parent))
    out = set()
    for p in paths:
        if p and Path(p).is_dir():
            out.add(str(Path(p)))
            out.add(str(Path(p).resolve()))
    # /usr is bound whole; a folder inside a bound one needs no bind of its own.
    kept: list[str] = ["/usr"]
    for p in sorted(out, key=len):
        if not any(p == k or p.startswith(k.rstrip("/") + "/") for k in kept):
            kept.append(p)
    return sorted(kept[1:])


def kit_pythonpath() -> str | None:
    """The folder to put on ``PYTHONPATH`` so ``import kit`` works (None when installed normally)."""
    root = str(_kit_root())
    return None if any(root == p or root.startswith(p + "/") for p in (sys.prefix, sys.base_prefix)) else root


def plan() -> dict:
    """How kernels run here: ``{"mode": "drop"|"user"|"none", "reason": str}`` (cached).

    ``user``: the grader is an ordinary user; the kernel runs as that user
    outside (65534 inside). ``drop``: the grader is root; a small launcher
    (:data:`_DROP`) drops to uid and gid 65534 before ``bwrap`` starts, so
    the kernel is unprivileged inside and outside, and root's files are
    not its own. When the Python environment or the kit lies behind a
    folder only root may enter (such as ``/root/.pyenv``), the launcher
    first makes a private mount namespace in which that folder is an empty
    tmpfs holding only read-only binds of those paths (the host's mounts
    are untouched). ``none``: no sandbox can run here (``reason`` says why;
    ``--sandbox off`` grades anyway, without one). The kernel never runs
    as root: there is no mode in which it does.
    """
    if _PLAN:
        return _PLAN[0]
    result = _probe()
    _PLAN.append(result)
    return result


def _probe() -> dict:
    if sys.platform != "linux":
        return {"mode": "none", "reason": f"the sandbox needs Linux (this is {sys.platform})."}
    if bwrap_path() is None:
        return {"mode": "none", "reason": "bubblewrap (`bwrap`) is not installed. " + INSTALL_HINT}
    modes = ["drop"] if os.geteuid() == 0 else ["user"]
    unreadable = [p for p in _ro_paths() if not _readable_by_others(p, parents=False)]
    if modes == ["drop"] and unreadable:
        return {
            "mode": "none",
            "reason": f"the grader runs as root and {unreadable[0]} cannot be read by other users, so"
            f" the sandbox's unprivileged user (uid {SANDBOX_UID}) could not import it. Run"
            " `chmod -R o+rX` on it, or run kit grade as an ordinary user.",
        }
    last = ""
    probe = f"assert os.getuid() == os.getgid() == {SANDBOX_UID}\n"
    for mode in modes:
        cmd = [*wrap(mode, [], [], keep_caps=WARM_CAPS), sys.executable, "-c", _PROBE + probe]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=60, env=clean_env(None))
        except (OSError, subprocess.TimeoutExpired) as exc:
            last = str(exc)
            continue
        if proc.returncode == 0:
            return {"mode": mode, "reason": ""}
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        last = last[0]
    return {"mode": "none", "reason": f"bubblewrap could not start a sandbox here ({last}). " + INSTALL_HINT}


_DROP = r"""
import ctypes, os, stat, sys
uid, n = int(sys.argv[1]), int(sys.argv[2])
paths, cmd = [a[3:] for a in sys.argv[3:3 + n]], sys.argv[3 + n:]
writable = {a[3:] for a in sys.argv[3:3 + n] if a.startswith("rw:")}
libc = ctypes.CDLL(None, use_errno=True)
def need(ok, what):
    if not ok:
        sys.stderr.write(f"kit sandbox: {what}: {os.strerror(ctypes.get_errno())}\n")
        os._exit(126)
def closed(d):
    return not os.stat(d).st_mode & stat.S_IXOTH
blocked = {}
for p in paths:
    parts = p.rstrip("/").split("/")
    for i in range(2, len(parts)):
        d = "/".join(parts[:i])
        if closed(d):
            blocked.setdefault(d, []).append(p)
            break
if blocked:
    need(libc.unshare(0x00020000) == 0, "unshare(CLONE_NEWNS)")
    need(libc.mount(b"none", b"/", None, 0x4000 | 0x40000, None) == 0, "make / private")
    tops = sorted(blocked, key=len)
    tops = [d for d in tops if not any(d.startswith(t + "/") for t in tops if t != d)]
    inside = {d: [p for t in blocked if t == d or t.startswith(d + "/") for p in blocked[t]] for d in tops}
    fds = {p: os.open(p, os.O_PATH | os.O_DIRECTORY) for ps in inside.values() for p in ps}
    for d, ps in inside.items():
        need(libc.mount(b"tmpfs", d.encode(), b"tmpfs", 2 | 4 | 8, b"mode=0755,size=64k") == 0, "tmpfs on " + d)
        for p in sorted(set(ps), key=len):
            os.makedirs(p, mode=0o755, exist_ok=True)
            src = f"/proc/self/fd/{fds[p]}".encode()
            need(libc.mount(src, p.encode(), None, 0x1000 | 0x4000, None) == 0, "bind " + p)
            flags = 0x1000 | 0x20 | 2 | 4 | (0 if p in writable else 1)
            need(libc.mount(None, p.encode(), None, flags, None) == 0, "nosuid, nodev, read-only " + p)
    for fd in fds.values():
        os.close(fd)
os.setgroups([])
os.setresgid(uid, uid, uid)
os.setresuid(uid, uid, uid)
need(os.getuid() == uid and os.geteuid() == uid and os.getgroups() == [], "drop to uid %d" % uid)
os.execv(cmd[0], cmd)
"""
"""The launcher that runs ``bwrap`` as the unprivileged uid and gid when the grader is root.

Arguments: the uid, the number of paths the sandbox binds, those paths
(``ro:/path`` or ``rw:/path``), then the ``bwrap`` command. A folder on the way to one of the paths that
other users may not enter (``/root``) is covered, in a mount namespace of
the launcher's own (private, so nothing reaches the host), by a tmpfs
holding only read-only binds of the paths below it. Then the launcher
drops every group, sets its real, effective and saved uid and gid to the
sandbox's, checks that it has, and runs ``bwrap``, which starts its
user namespace from that unprivileged user: the kernel has no
capability on the host and owns none of root's files.
"""


def _state() -> tuple[list[dict], dict[str, bool]]:
    """What this process found out about the sandbox, to hand to a worker process."""
    plan()
    _supports("--disable-userns")
    _supports("--size")
    return list(_PLAN), dict(_FEATURES)


def _restore(state: tuple[list[dict], dict[str, bool]]) -> None:
    """Take over :func:`_state` of the process that started this one (no probe again)."""
    _PLAN[:] = state[0]
    _FEATURES.update(state[1])


def sandbox_available() -> bool:
    """True when kernels can run in the bubblewrap sandbox here."""
    return plan()["mode"] != "none"


def clean_env(pythonpath: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The kernel's whole environment, built from an allowlist (nothing of the grader's)."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": "/tmp/home",
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTER_RUNTIME_DIR": "/tmp/runtime",
        "JUPYTER_DATA_DIR": "/tmp/data",
        "IPYTHONDIR": "/tmp/ipython",
        "MPLCONFIGDIR": "/tmp/mpl",
        "MPLBACKEND": "Agg",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "KIT_GRADING_RUN": "1",
    }
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    env.update(extra or {})
    return env


def wrap(
    mode: str,
    rw: list[str],
    env_args: list[str],
    *,
    chdir: str = "/tmp/work",
    keep_caps: tuple[str, ...] = (),
) -> list[str]:
    """The command prefix that runs a program in the sandbox (``mode`` from :func:`plan`).

    ``rw`` are folders bound read-write at the same path; ``env_args`` are
    ``--setenv NAME VALUE`` triples; ``keep_caps`` are capabilities kept
    inside the sandbox's own user namespace (the warm process of
    :mod:`kit.grading.warm` keeps ``CAP_SYS_ADMIN`` to make each
    submission's namespaces, and drops it before any student code runs).
    """
    cmd = []
    if mode == "drop":
        # Root drops to the sandbox's uid and gid before bwrap runs (see _DROP).
        reach = [*(f"ro:{p}" for p in _ro_paths()), *(f"rw:{p}" for p in rw)]
        cmd = [sys.executable, "-I", "-S", "-c", _DROP, str(SANDBOX_UID), str(len(reach)), *reach]
    cmd += [
        bwrap_path() or "bwrap",
        "--unshare-user",
        "--unshare-ipc",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-uts",
        "--unshare-cgroup",
        *(["--disable-userns"] if _supports("--disable-userns") else []),
        "--uid",
        str(SANDBOX_UID),
        "--gid",
        str(SANDBOX_UID),
        "--cap-drop",
        "ALL",
        *[arg for cap in keep_caps for arg in ("--cap-add", cap)],
        "--die-with-parent",
        "--new-session",
        "--hostname",
        "grader",
        "--ro-bind",
        "/usr",
        "/usr",
    ]
    for link in ("bin", "lib", "lib32", "lib64", "libx32", "sbin"):
        host = Path("/") / link
        if host.is_symlink():
            cmd += ["--symlink", os.readlink(host), str(host)]
        elif host.is_dir():
            cmd += ["--ro-bind", str(host), str(host)]
    size = ["--size", str(TMP_BYTES)] if _supports("--size") else []
    cmd += ["--proc", "/proc", "--dev", "/dev", *size, "--tmpfs", "/tmp"]
    for sub in ("work", "home", "runtime", "data", "ipython", "mpl"):
        cmd += ["--dir", f"/tmp/{sub}"]
    for path in _ro_paths():
        cmd += ["--ro-bind", path, path]
    for path in rw:
        cmd += ["--bind", path, path]
    cmd += ["--remount-ro", "/", "--chdir", chdir, "--clearenv", *env_args, "--"]
    return cmd


def setenv_args(env: dict[str, str]) -> list[str]:
    """``--setenv NAME VALUE`` arguments for bwrap."""
    out: list[str] = []
    for k, v in env.items():
        out += ["--setenv", k, v]
    return out


class Cgroup:
    """A cgroup for a sandbox's whole process tree: memory and process limits, where allowed.

    Uses cgroup v2 (``memory.max``, ``pids.max``) when the grader's own
    cgroup lets it make children with those controllers, else the v1
    ``memory`` and ``pids`` hierarchies; :attr:`limits` lists what is in
    force (empty where cgroups cannot be written: then only the rlimits
    hold). The sandbox's first process joins it before ``bwrap`` runs, so
    every later process of the sandbox is inside. ``inside=`` makes a cgroup
    within another one (v1 only), as the runner does for each submission:
    :meth:`adopt` moves the submission's first processes into it, and every
    process they start is inside too.
    """

    _count = 0

    def __init__(
        self, memory_mb: int, max_processes: int = MAX_PROCESSES, *, inside: Cgroup | None = None
    ) -> None:
        Cgroup._count += 1
        self.name = f"kit-grade-{os.getpid()}-{Cgroup._count}"
        self.dirs: list[Path] = []
        self.limits: list[str] = []
        self.by_controller: dict[str, Path] = {}
        settings = {
            "memory": [("memory.max", str(memory_mb << 20)), ("memory.limit_in_bytes", str(memory_mb << 20))],
            "pids": [("pids.max", str(max_processes))],
        }
        for controller, files in settings.items():
            base = _cgroup_dir(controller) if inside is None else inside._v1_dir(controller)
            if base is None:
                continue
            d = base / self.name
            try:
                d.mkdir()
            except OSError:
                continue
            written = False
            for fname, value in files:
                with contextlib.suppress(OSError):
                    (d / fname).write_text(value)
                    written = True
            if written:
                self.dirs.append(d)
                self.limits.append(controller)
                self.by_controller[controller] = d
            else:
                with contextlib.suppress(OSError):
                    d.rmdir()
        # v2: one directory holds both controllers; keep it once.
        self.dirs = list(dict.fromkeys(self.dirs))

    def _v1_dir(self, controller: str) -> Path | None:
        """This cgroup's folder in the v1 hierarchy of ``controller``; None under v2 (a v2
        cgroup that holds processes cannot have children with controllers)."""
        d = self.by_controller.get(controller)
        if d is None or (d / "cgroup.controllers").exists():
            return None
        return d

    def pids(self) -> set[int]:
        """The processes directly in this cgroup (not in its children)."""
        out: set[int] = set()
        for d in self.dirs:
            with contextlib.suppress(OSError, ValueError):
                out.update(int(p) for p in (d / "cgroup.procs").read_text().split())
        return out

    def adopt(self, pids: set[int]) -> None:
        """Move these processes into this cgroup (each process forked later by them is inside too)."""
        for d in self.dirs:
            for pid in sorted(pids):
                with contextlib.suppress(OSError):  # a process that has already gone
                    (d / "cgroup.procs").write_text(str(pid))

    def prefix(self) -> list[str]:
        """A command prefix that moves the process into the cgroup, then runs the rest."""
        if not self.dirs:
            return []
        procs = [str(d / "cgroup.procs") for d in self.dirs]
        script = 'for f in $KIT_CGROUPS; do echo $$ > "$f" || exit 97; done; exec "$@"'
        return ["/usr/bin/env", f"KIT_CGROUPS={' '.join(procs)}", "/bin/sh", "-c", script, "sh"]

    def remove(self) -> None:
        """Kill what is left in the cgroup (and in the cgroups made inside it) and remove it."""
        for d in self.dirs:
            with contextlib.suppress(OSError):
                for sub in d.iterdir():
                    if sub.is_dir() and sub.name.startswith("kit-grade-"):
                        _empty_and_remove(sub)
            _empty_and_remove(d)


def _empty_and_remove(d: Path) -> None:
    import signal
    import time

    for _ in range(50):
        try:
            pids = [int(p) for p in (d / "cgroup.procs").read_text().split()]
        except OSError:
            break
        if not pids:
            break
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)
    for _ in range(20):
        try:
            d.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:  # its last processes are still being reaped
            time.sleep(0.05)


def _cgroup_dir(controller: str) -> Path | None:
    """The writable cgroup folder of this process for ``controller`` (v2 first, then v1)."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    paths = {}
    for line in lines:
        _, ctrls, path = line.split(":", 2)
        for c in ctrls.split(",") if ctrls else [""]:
            paths[c] = path
    root = Path("/sys/fs/cgroup")
    if (root / "cgroup.controllers").exists() and "" in paths:  # cgroup v2 only
        d = root / paths[""].lstrip("/")
        try:
            if controller in (d / "cgroup.subtree_control").read_text().split() and os.access(d, os.W_OK):
                return d
        except OSError:
            return None
        return None
    if controller in paths:
        d = root / controller / paths[controller].lstrip("/")
        if d.is_dir() and os.access(d, os.W_OK):
            return d
    return None
