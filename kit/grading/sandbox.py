"""The sandbox the grading kernel runs in."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from kit.grading.paths import _kit_root

_UNSHARE = [
    "unshare",
    "--user",
    "--map-root-user",
    "--mount",
    "--net",
    "--pid",
    "--fork",
    "--kill-child",
    "--mount-proc",
]

"""The sandbox: own user, mount, network and PID namespaces; every process dies with the runner."""


def sandbox_available() -> bool:
    """True when ``unshare`` can give the kernel its own user, mount, network and PID namespaces."""
    if sys.platform != "linux" or not shutil.which("unshare"):
        return False
    try:
        proc = subprocess.run([*_UNSHARE, "true"], capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


def _sandbox_paths(hide: Iterable[str]) -> tuple[list[str], list[str]]:
    """(keep, mask): folders the kernel sees read-only, and folders it sees as empty.

    The kernel needs the Python environment, the ``kit`` package folder and
    the bundled seeds; everything else of the checkout (``.git``, ``tests/``,
    ``exercises/``, ``evaluation/``), the shared ``/tmp``, the home folder,
    the submissions and the output folder are covered by empty mounts.
    """
    from kit.loading import seeds_dir

    root = _kit_root()
    mask = {str(root), "/tmp", str(Path.home()), *hide}
    mask = {str(Path(m).resolve()) for m in mask if m and Path(m).is_dir() and str(Path(m).resolve()) != "/"}
    keep = {str(root / "kit"), sys.prefix, sys.base_prefix, sys.exec_prefix}
    with contextlib.suppress(Exception):
        keep.add(str(seeds_dir()))
    for entry in sys.path:
        if entry and Path(entry).is_dir():
            keep.add(entry)
    resolved = set()
    for k in keep:
        r = str(Path(k).resolve())
        # Never keep a folder that holds a masked one (the checkout root itself, "/").
        if Path(r).is_dir() and not any(m == r or m.startswith(r.rstrip("/") + "/") for m in mask):
            resolved.add(r)
    return sorted(resolved), sorted(mask)


_SANDBOX_CACHE: list[bool] = []


def _sandbox_ok() -> bool:
    if not _SANDBOX_CACHE:
        _SANDBOX_CACHE.append(sandbox_available())
    return _SANDBOX_CACHE[0]


_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC = 1, 2, 4, 8

_MS_REMOUNT, _MS_BIND, _MS_REC = 32, 4096, 16384

_MS_NOATIME, _MS_NODIRATIME, _MS_RELATIME = 1024, 2048, 1 << 21


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    enc = lambda v: v.encode() if v is not None else None  # noqa: E731
    if libc.mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {target}: {os.strerror(err)}")


def _mount_points() -> list[str]:
    points = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            field = line.split()[4]
            points.append(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field))
    return points


def _setup_sandbox(keep: list[str], mask: list[str]) -> None:
    """Empty mounts over ``mask`` (``keep`` bound back inside), then everything read-only but /tmp.

    Runs as root of a fresh user namespace, in its own mount namespace, so
    nothing here is seen outside the grading run.
    """
    fds = {k: os.open(k, os.O_PATH) for k in keep if os.path.isdir(k)}
    me = os.getpid()
    for m in sorted(mask, key=len):  # outer folders first; inner ones may be gone already
        if not os.path.isdir(m):
            continue
        size = "256m" if m == "/tmp" else "1m"
        _mount("kit-empty", m, "tmpfs", _MS_NOSUID | _MS_NODEV, f"size={size},mode=0755")
        for k, fd in fds.items():
            if k == m or k.startswith(m.rstrip("/") + "/"):
                os.makedirs(k, exist_ok=True)
                _mount(f"/proc/{me}/fd/{fd}", k, None, _MS_BIND | _MS_REC)
    for fd in fds.values():
        os.close(fd)
    # Read-only everywhere but the private /tmp (a cell deletes nothing, even as root).
    for point in _mount_points():
        if point == "/tmp" or point.startswith(("/proc", "/sys", "/dev/")):
            continue
        try:
            st = os.statvfs(point).f_flag
        except OSError:
            continue
        flags = _MS_REMOUNT | _MS_BIND | _MS_RDONLY
        for st_bit, ms_bit in (
            (os.ST_NOSUID, _MS_NOSUID),
            (os.ST_NODEV, _MS_NODEV),
            (os.ST_NOEXEC, _MS_NOEXEC),
            (os.ST_NOATIME, _MS_NOATIME),
            (os.ST_NODIRATIME, _MS_NODIRATIME),
            (os.ST_RELATIME, _MS_RELATIME),
        ):
            if st & st_bit:
                flags |= ms_bit
        _mount(None, point, None, flags)
    if os.path.isdir("/dev/shm"):
        _mount("kit-shm", "/dev/shm", "tmpfs", _MS_NOSUID | _MS_NODEV, "size=64m,mode=1777")
    # The kernel talks to this process over the loopback interface only.
    ip = shutil.which("ip")
    if ip:
        subprocess.run([ip, "link", "set", "lo", "up"], capture_output=True)
