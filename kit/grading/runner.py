"""Running a submission's cells in a fresh sandboxed child and reading the answers back.

Each grading worker keeps one *warm process* in the sandbox
(:mod:`kit.grading.warm`): it imports pandas, the kit and IPython and runs
the exercise's first setup cells once; for each submission it forks a child
with namespaces, a ``/tmp`` and a home of its own and no capability, which
runs the cells the grader sends one at a time, as ``pytest --nbval-lax``
does (an error fails that cell and the next cells still run). The grader
cannot be seen or signalled from the sandbox (another PID namespace, no
``/proc`` of the host).

The answer channel: each submission's child gets its own ``SOCK_SEQPACKET``
socket. For each cell the grader sends the code with a fresh random nonce;
the child replies with the cell's status, error name and message, output
size and the answer records it displayed, in parts that carry the nonce.
The grader keeps only parts with the nonce of the cell it waits for (a
student's code cannot know the next cell's nonce, so it cannot answer for
another cell), drops anything else, stops reading past a byte budget, and
after each *record cell* of the exercise's own (never the submission's)
keeps the answer only if it is the one record for that question, with a
known status and a bounded size (:func:`_read_record`).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from typing import Any

from kit.grading import sandbox
from kit.grading.limits import _Limits
from kit.grading.messages import _GRADER_ERROR, _short_evalue
from kit.grading.values import MAX_ANSWER_BYTES

SETUP_TIMEOUT = 120
"""Seconds one of the exercise's own setup cells may run (they build the article's tables)."""

RECORD_STATUSES = ("ok", "unanswered", "unreadable", "undefined")
"""The statuses an answer record may have; any other record is refused."""

WARM_MEMORY_MB = 768
"""Memory the warm process itself may hold, added to the tree's limit (its pages are shared)."""

_MAX_REPLY = 2 * MAX_ANSWER_BYTES + 200_000
_JUNK_BUDGET = 64 << 20  # bytes of messages without the awaited nonce before the channel is dropped


def _record_source(qid: str, variable: str) -> str:
    return (
        "__import__('kit.grading.values').grading.values.export_answer("
        f"{qid!r}, globals().get({variable!r}, __import__('kit.grading.values').grading.values._UNDEFINED))"
    )


def _plan_cells(plan: list[dict], answers: dict[str, str]) -> list[dict]:
    cells = []
    for item in plan:
        qid = item.get("question")
        if item["kind"] == "setup":
            cells.append({"kind": "setup", "source": item["source"]})
        elif qid in answers and item["kind"] == "answer":
            cells.append({"kind": "answer", "question": qid, "source": answers[qid]})
        elif qid in answers:
            cells.append(
                {
                    "kind": "record",
                    "question": qid,
                    "variable": item["variable"],
                    "source": _record_source(qid, item["variable"]),
                }
            )
    return cells


def _first_setup(plan: list[dict]) -> list[str]:
    """The setup cells before the first question: the warm process runs them once."""
    out = []
    for item in plan:
        if item["kind"] != "setup":
            break
        out.append(item["source"])
    return out


class _ChannelError(Exception):
    """The child's channel closed or broke: the kernel is gone."""


class _Warm:
    """One warm process in the sandbox (see :mod:`kit.grading.warm`) and its control socket."""

    def __init__(self, setup: list[str], limits: _Limits, mode: str) -> None:
        self.mode = mode
        self.limits = limits
        self.child_cgroup: sandbox.Cgroup | None = None
        self.cgroup = sandbox.Cgroup(limits.memory_mb + WARM_MEMORY_MB)
        self.base = tempfile.mkdtemp(prefix="kit-grade-")
        self.log = tempfile.TemporaryFile()
        ctl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.ctl = ctl
        env = sandbox.clean_env(sandbox.kit_pythonpath())
        code = f"from kit.grading.warm import main; main({theirs.fileno()})"
        cmd = [sys.executable, "-c", code]
        popen_env = None
        if mode == "off":
            # No sandbox: still a clean environment, but the host's folders are reachable.
            popen_env = {**env, "HOME": self.base, "TMPDIR": self.base}
            full = [*self.cgroup.prefix(), *cmd]
        else:
            full = [
                *self.cgroup.prefix(),
                *sandbox.wrap(mode, [], sandbox.setenv_args(env), keep_caps=sandbox.WARM_CAPS),
                *cmd,
            ]
        try:
            self.proc = subprocess.Popen(
                full,
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self.log,
                env=popen_env,
                start_new_session=True,
            )
        finally:
            theirs.close()
        config = {
            "isolate": mode != "off",
            "setup": setup,
            "tmp_bytes": sandbox.TMP_BYTES,
            "memory": limits.memory_mb << 20,
            "nproc": sandbox.MAX_PROCESSES,
            "base": self.base,
            # the sandbox's read-only binds under /tmp, bound again on each child's fresh /tmp
            "keep": [p for p in sandbox._ro_paths() if p.startswith("/tmp/")] if mode != "off" else [],
        }
        self.wait = 60 + SETUP_TIMEOUT * max(1, len(setup))
        self.setup: list[dict] | None = None
        try:
            self.ctl.sendall(json.dumps(config).encode())
        except OSError:
            pass  # reported when the grader waits for it to be ready

    def ready(self) -> list[dict]:
        """Wait until the warm process has run the setup; the setup cells' results."""
        if self.setup is None:
            self.ctl.settimeout(self.wait)
            try:
                ready = self.ctl.recv(1 << 20)
            except OSError:
                ready = b""
            if not ready:
                raise RuntimeError(f"the grading sandbox did not start ({self._last_log()})")
            self.setup = json.loads(ready)["setup"]
        return self.setup

    def _last_log(self) -> str:
        with contextlib.suppress(OSError):
            self.log.seek(0)
            lines = self.log.read()[-2000:].decode("utf-8", "replace").strip().splitlines()
            if lines:
                return lines[-1][:200]
        return "no message"

    def alive(self) -> bool:
        return self.proc.poll() is None

    def start(self) -> socket.socket:
        """A new submission's child, in a cgroup of its own where the host allows it; its channel."""
        self.ready()
        known = self.cgroup.pids()
        self.ctl.settimeout(30)
        self.ctl.sendall(b'{"op": "start"}')
        msg, fds, _, _ = socket.recv_fds(self.ctl, 4096, 1)
        if not msg or not fds:
            raise RuntimeError("the grading sandbox stopped")
        self._limit_child(known)
        return socket.socket(fileno=fds[0])

    def _limit_child(self, known: set[int]) -> None:
        """Move the new child's processes into a cgroup with the submission's own memory limit.

        The worker's cgroup also holds the warm process (``WARM_MEMORY_MB`` more), so without
        this a submission could use that share too. The child runs no student code before its
        first cell arrives; a process forked before it was moved is found by the next look,
        and one forked after is inside already.
        """
        self.child_cgroup = None
        if "memory" not in self.cgroup.limits:
            return
        child = sandbox.Cgroup(self.limits.memory_mb, inside=self.cgroup)
        if not child.dirs:
            return
        self.child_cgroup = child
        for _ in range(200):
            new = self.cgroup.pids() - known
            if not new:
                break
            child.adopt(new)

    def interrupt(self) -> None:
        with contextlib.suppress(OSError):
            self.ctl.sendall(b'{"op": "interrupt"}')

    def stop(self) -> None:
        """End the submission's child and everything it started."""
        self.ctl.settimeout(30)
        try:
            self.ctl.sendall(b'{"op": "stop"}')
            if not self.ctl.recv(4096):
                raise RuntimeError("the grading sandbox stopped")
        finally:
            child, self.child_cgroup = getattr(self, "child_cgroup", None), None
            if child is not None:
                child.remove()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.ctl.close()
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=30)
        self.cgroup.remove()
        with contextlib.suppress(OSError):
            self.log.close()
        import shutil

        shutil.rmtree(self.base, ignore_errors=True)


_WARM: dict[tuple, _Warm] = {}


def close_warm() -> None:
    """Stop the warm processes of this process (the end of a batch)."""
    while _WARM:
        _, warm = _WARM.popitem()
        warm.close()


atexit.register(close_warm)


def prepare(plan: list[dict], limits: _Limits) -> None:
    """Start this worker's warm process for ``plan`` without waiting for it (it is ready sooner)."""
    mode = "off" if limits.sandbox == "off" else sandbox.plan()["mode"]
    if mode != "none":
        with contextlib.suppress(Exception):
            _warm_for(_first_setup(plan), limits, mode)


def _warm_for(setup: list[str], limits: _Limits, mode: str) -> _Warm:
    key = (tuple(setup), limits.memory_mb, mode)
    warm = _WARM.get(key)
    if warm is not None and not warm.alive():
        _WARM.pop(key).close()
        warm = None
    if warm is None:
        close_warm()  # one warm process per worker: a new exercise or new limits replace it
        if not _WARM_FINALIZER:
            import multiprocessing.util

            # A worker of the pool exits without running atexit: stop it there too.
            _WARM_FINALIZER.append(multiprocessing.util.Finalize(None, close_warm, exitpriority=100))
        warm = _WARM[key] = _Warm(setup, limits, mode)
    return warm


_WARM_FINALIZER: list = []


def _run_in_kernel(plan: list[dict], answers: dict[str, str], limits: _Limits) -> dict:
    """Run the plan with the student's answers in a fresh sandboxed child; return what came back.

    Returns ``{"answers": {qid: info}, "records": {qid: record}, "fatal":
    message or None, "stopped": message or None, "broken": {qid: message}}``
    (``broken``: questions whose answer cell ran after one of the
    exercise's setup cells failed because of an earlier answer).
    """
    cells = _plan_cells(plan, answers)
    mode = "off" if limits.sandbox == "off" else sandbox.plan()["mode"]
    if mode == "none":
        raise RuntimeError("no sandbox: " + sandbox.plan()["reason"])
    result: dict = {"answers": {}, "records": {}, "fatal": None, "stopped": None, "broken": {}}
    setup = _first_setup(plan)
    try:
        warm = _warm_for(setup, limits, mode)
        for info in warm.ready():
            if info["status"] != "ok":
                detail = f"{info.get('ename', 'an error')}{_short_evalue(info.get('evalue', ''))}"
                result["fatal"] = _GRADER_ERROR.format(f"the exercise's setup cell raised {detail}")
                return result
        chan = warm.start()
    except Exception as exc:  # the sandbox could not start
        close_warm()
        result["fatal"] = _GRADER_ERROR.format(
            f"the grading kernel could not run: {type(exc).__name__}{_short_evalue(str(exc))}"
        )
        return result
    log_size = os.fstat(warm.log.fileno()).st_size
    try:
        _run_cells(cells[len(setup) :], chan, warm, limits, result)
        first = next(iter(result["answers"].values()), None)
        if first is not None and first["status"] == "dead" and os.fstat(warm.log.fileno()).st_size > log_size:
            # The child failed before any of the student's code ran: the grader's fault.
            result["fatal"] = _GRADER_ERROR.format(f"the sandbox could not start ({warm._last_log()})")
    finally:
        chan.close()
        try:
            warm.stop()
        except Exception:  # the warm process is in a bad state: the next submission gets a new one
            close_warm()
    return result


def _run_cells(cells: list[dict], chan: socket.socket, warm: _Warm, limits: _Limits, result: dict) -> None:
    max_bytes = limits.max_output_bytes
    wall = limits.wall_time or (60 + limits.cell_timeout * (sum(c["kind"] == "answer" for c in cells) + 2))
    deadline = time.monotonic() + wall
    stuck = None
    answered: list[str] = []
    broken: str | None = None
    for spec in cells:
        kind, qid = spec["kind"], spec.get("question")
        if stuck is None and time.monotonic() > deadline:
            stuck = f"the whole notebook ran longer than {wall:g} s and was stopped"
        if stuck:
            result["stopped"] = stuck
            break
        if broken and kind == "answer":
            result["broken"][qid] = broken
        timeout = SETUP_TIMEOUT if kind == "setup" else limits.cell_timeout
        info, reply, stuck = _execute(chan, warm, spec["source"], timeout, max_bytes)
        if stuck:
            stuck = stuck.format(qid or ("a setup cell" if "died" in stuck else "a cell"))
        info.update(kind=kind, question=qid)
        status = info["status"]
        if kind == "setup" and status != "ok":
            what = info.get("ename") or {"timeout": "a timeout", "dead": "a dead kernel"}.get(status, status)
            detail = f"{what}{_short_evalue(info.get('evalue', ''))}"
            if not answered:
                result["fatal"] = _GRADER_ERROR.format(f"the exercise's setup cell raised {detail}")
                break
            broken = broken or (
                f"One of the exercise's own cells failed ({detail}) after your answer to"
                f" {answered[-1]} ran: did your code change a name the exercise uses (such as"
                " pd, kit or article)? Keep those names as they are."
            )
        elif kind == "answer":
            answered.append(qid)
            result["answers"][qid] = info
        elif kind == "record":
            records = reply.get("records") if isinstance(reply, dict) else None
            result["records"][qid] = _read_record(records if isinstance(records, list) else [], spec, status)


def _execute(
    chan: socket.socket, warm: _Warm, source: str, timeout: float, max_bytes: int
) -> tuple[dict[str, Any], dict | None, str | None]:
    """Run one cell: its status (``ok``, ``error``, ``timeout``, ``too_large``, ``dead``), the
    child's reply, and whether the child is now unusable (a message), else None."""
    info: dict[str, Any] = {}
    nonce = os.urandom(16).hex()
    stuck = None
    reply = None
    try:
        _send_parts(chan, b"run", json.dumps({"nonce": nonce, "source": source}).encode())
        try:
            reply = _receive(chan, nonce, time.monotonic() + timeout)
            status = "ok"
        except TimeoutError:
            status, info["limit"] = "timeout", timeout
            warm.interrupt()
            try:
                _receive(chan, nonce, time.monotonic() + 5)
            except TimeoutError:
                stuck = "the kernel was still stuck in {}'s endless loop after an interrupt"
    except (_ChannelError, OSError):
        status, stuck = "dead", "the kernel died in {}"
    if status == "ok" and not isinstance(reply, dict):
        status, stuck = "dead", "the kernel died in {}"
    if status == "ok":
        size = reply.get("size")
        if isinstance(size, int) and size > max_bytes:
            status, info["limit"] = "too_large", max_bytes
        elif reply.get("status") == "error":
            status = "error"
            info["ename"] = str(reply.get("ename") or "Error")[:100]
            info["evalue"] = str(reply.get("evalue") or "")[:400]
    info["status"] = status
    return info, reply, stuck


def _send_parts(chan: socket.socket, head: bytes, data: bytes) -> None:
    from kit.grading.warm import PART_BYTES

    chan.settimeout(30)
    parts = [data[i : i + PART_BYTES] for i in range(0, len(data), PART_BYTES)] or [b""]
    for i, part in enumerate(parts):
        chan.sendall(head + (b"." if i == len(parts) - 1 else b"+") + part)


def _receive(chan: socket.socket, nonce: str, deadline: float) -> Any:
    """The reply with ``nonce``, read in parts before ``deadline``; anything else is dropped."""
    from kit.grading.warm import PART_BYTES

    head = nonce.encode()
    parts: list[bytes] = []
    size = junk = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        chan.settimeout(left)
        try:
            data, _, flags, _ = chan.recvmsg(PART_BYTES + 64)
        except TimeoutError as exc:
            raise TimeoutError from exc
        if not data and not flags:
            raise _ChannelError("closed")
        if flags & socket.MSG_TRUNC or data[:32] != head or len(data) < 33:
            junk += len(data)
            if junk > _JUNK_BUDGET:
                raise _ChannelError("flooded")
            continue
        parts.append(data[33:])
        size += len(data) - 33
        if size > _MAX_REPLY:
            raise _ChannelError("too large")
        if data[32:33] == b".":
            try:
                return json.loads(b"".join(parts))
            except (ValueError, RecursionError) as exc:
                raise _ChannelError("unreadable") from exc


_UNREADABLE = "the answer could not be read back from the kernel."


def _read_record(found: list, spec: dict, status: str) -> dict:
    """The one answer record a record cell displayed, checked; anything odd is ``unreadable``."""
    if status != "ok":
        return {"status": "unreadable", "message": f"reading the answer failed ({status})."}
    if len(found) != 1:
        return {"status": "unreadable", "message": _UNREADABLE}
    payload = found[0]
    if (
        not isinstance(payload, dict)
        or payload.get("question") != spec["question"]
        or payload.get("status") not in RECORD_STATUSES
        or set(payload) - {"question", "status", "value", "message"}
    ):
        return {"status": "unreadable", "message": _UNREADABLE}
    if payload["status"] == "undefined":
        return {"status": "undefined", "variable": spec["variable"]}
    if payload["status"] == "ok" and "value" not in payload:
        return {"status": "unreadable", "message": _UNREADABLE}
    message = payload.get("message")
    if not isinstance(message, str) or not message.strip():
        message = _UNREADABLE
    return {"status": payload["status"], "value": payload.get("value"), "message": message[:300]}
