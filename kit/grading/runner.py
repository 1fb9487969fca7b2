"""Running a submission's cells in a fresh sandboxed kernel and reading the answers back.

The grader's own process drives the kernel over the Jupyter protocol (as
``pytest --nbval-lax`` does: one cell at a time, an error fails that cell
and the next cells still run). Only the kernel runs in the sandbox
(:mod:`kit.grading.sandbox`); it shares one folder with the grader, holding
its connection file and its Jupyter sockets, and cannot see or signal the
grader's process (another pid namespace, no ``/proc`` of the host).

The answer channel: after each answer cell, a *record cell* of the
exercise's own (never the submission's) sends the answer variable as plain
JSON in one ``display_data`` output. The grader reads it from that cell's
outputs only, and keeps it only if it is the one record for that question,
with a known status and a bounded size (:func:`_read_record`). Every
message from the kernel is bounded too: the grader's sockets drop any
message over :func:`_max_message_bytes` and hold at most 16 messages
(so at most 256 MB), and each cell's stored output stops at the output
limit (stderr, which never costs points, is dropped past it).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from kit.grading import sandbox
from kit.grading.limits import _Limits
from kit.grading.messages import _GRADER_ERROR, _short_evalue
from kit.grading.values import _RECORD_MIME, MAX_ANSWER_BYTES

SETUP_TIMEOUT = 120
"""Seconds one of the exercise's own setup cells may run (they build the article's tables)."""

RECORD_STATUSES = ("ok", "unanswered", "unreadable", "undefined")
"""The statuses an answer record may have; any other record is refused."""

_LAUNCH = """\
import resource as r
for res, v in ((r.RLIMIT_AS, {memory}), (r.RLIMIT_NPROC, {nproc}), (r.RLIMIT_CORE, 0),
               (r.RLIMIT_FSIZE, 64 << 20), (r.RLIMIT_NOFILE, 1024)):
    try:
        r.setrlimit(res, (v, v))
    except (ValueError, OSError):
        pass
from ipykernel.kernelapp import launch_new_instance
launch_new_instance()
"""


def _record_source(qid: str, variable: str) -> str:
    return (
        "__import__('kit.grading.values').grading.values.export_answer("
        f"{qid!r}, globals().get({variable!r}, __import__('kit.grading.values').grading.values._UNDEFINED))"
    )


def _max_message_bytes(limits: _Limits) -> int:
    """The largest message the grader accepts from the kernel."""
    return max(16 * limits.max_output_bytes, 4 * MAX_ANSWER_BYTES, 16 << 20)


def _kernel_manager(limits: _Limits, conn_dir: Path, mode: str, cgroup: sandbox.Cgroup) -> Any:
    """A kernel manager whose kernel runs in the sandbox (``mode`` from :func:`sandbox.plan`)."""
    import sys

    import zmq
    import zmq.asyncio
    from jupyter_client.manager import AsyncKernelManager

    context = zmq.asyncio.Context()
    context.setsockopt(zmq.MAXMSGSIZE, _max_message_bytes(limits))
    context.setsockopt(zmq.RCVHWM, 16)
    pythonpath = sandbox.kit_pythonpath()
    env = sandbox.clean_env(pythonpath)
    launch = _LAUNCH.format(memory=limits.memory_mb * 1024 * 1024, nproc=sandbox.MAX_PROCESSES)

    class SandboxedKernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            if mode == "drop":
                with contextlib.suppress(OSError):
                    os.chown(self.connection_file, sandbox.SANDBOX_UID, sandbox.SANDBOX_UID)
            cmd = [sys.executable, "-c", launch, "-f", self.connection_file]
            if mode == "off":
                return [*cgroup.prefix(), *cmd]
            return [*cgroup.prefix(), *sandbox.wrap(mode, [str(conn_dir)], sandbox.setenv_args(env)), *cmd]

        def client(self, **kwargs: Any) -> Any:
            return super().client(context=context, **kwargs)

    km = SandboxedKernelManager(
        kernel_name="python3",
        transport="ipc",
        ip=str(conn_dir / "kernel"),
        connection_file=str(conn_dir / "kernel.json"),
        context=context,
    )
    # An interrupt travels as a message: a signal to the launched process would reach
    # bwrap, not the kernel in its own session and pid namespace.
    km.kernel_spec.interrupt_mode = "message"
    if mode == "off":
        # No sandbox: still a clean environment, but the host's folders are reachable.
        km._kit_env = {**env, "HOME": str(conn_dir), "TMPDIR": str(conn_dir)}
    return km


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


def _run_in_kernel(plan: list[dict], answers: dict[str, str], limits: _Limits) -> dict:
    """Run the plan with the student's answers in a sandboxed kernel; return what came back.

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
    with tempfile.TemporaryDirectory(prefix="kit-grade-", ignore_cleanup_errors=True) as tmp:
        tmp_path = Path(tmp)
        conn_dir = tmp_path / "conn"
        conn_dir.mkdir()
        if mode == "drop":
            os.chmod(tmp_path, 0o711)
            os.chown(conn_dir, sandbox.SANDBOX_UID, sandbox.SANDBOX_UID)
        cgroup = sandbox.Cgroup(limits.memory_mb)
        km = _kernel_manager(limits, conn_dir, mode, cgroup)
        try:
            _run_cells(cells, km, limits, tmp_path, result)
        except Exception as exc:  # the kernel could not start, or died between cells
            if not result["answers"]:
                result["fatal"] = _GRADER_ERROR.format(
                    f"the grading kernel could not run: {type(exc).__name__}{_short_evalue(str(exc))}"
                )
            elif not result["stopped"]:
                result["stopped"] = f"the grading kernel stopped ({type(exc).__name__})"
        finally:
            cgroup.remove()
    return result


def _run_cells(cells: list[dict], km: Any, limits: _Limits, cwd: Path, result: dict) -> None:
    import nbformat
    from nbclient import NotebookClient

    max_bytes = limits.max_output_bytes
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c["source"]) for c in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    env = getattr(km, "_kit_env", None)

    class Client(NotebookClient):
        sizes: dict[int, int] = {}  # noqa: RUF012
        stderr: dict[int, int] = {}  # noqa: RUF012

        def output(self, outs, msg, display_id, cell_index):  # type: ignore[override]
            content = msg.get("content", {})
            size = len(json.dumps(content, default=str))
            if msg.get("msg_type") == "stream" and content.get("name") == "stderr":
                # Warnings and stderr never cost points: not counted, dropped past the limit.
                self.stderr[cell_index] = self.stderr.get(cell_index, 0) + size
                if self.stderr[cell_index] > max_bytes:
                    return None
                return super().output(outs, msg, display_id, cell_index)
            self.sizes[cell_index] = self.sizes.get(cell_index, 0) + size
            if self.sizes[cell_index] > max_bytes:
                return None  # keep counting, stop storing
            return super().output(outs, msg, display_id, cell_index)

    client = Client(
        nb,
        km=km,
        timeout=limits.cell_timeout,
        allow_errors=True,
        interrupt_on_timeout=False,
        record_timing=False,
        iopub_timeout=5,
        startup_timeout=60,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(cwd)}},
    )
    wall = limits.wall_time or (60 + limits.cell_timeout * (sum(c["kind"] == "answer" for c in cells) + 2))
    import time

    deadline = time.monotonic() + wall
    # The kernel's own output goes nowhere: everything the grader reads comes over the protocol.
    start_kw: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if env:
        start_kw["env"] = env
    with client.setup_kernel(**start_kw):
        stuck = None
        answered: list[str] = []
        broken: str | None = None
        for index, (spec, cell) in enumerate(zip(cells, nb.cells)):
            kind, qid = spec["kind"], spec.get("question")
            if stuck is None and time.monotonic() > deadline:
                stuck = f"the whole notebook ran longer than {wall:g} s and was stopped"
            if stuck:
                result["stopped"] = stuck
                break
            if broken and kind == "answer":
                result["broken"][qid] = broken
            client.timeout = SETUP_TIMEOUT if kind == "setup" else limits.cell_timeout
            info, stuck = _execute(client, cell, index, max_bytes)
            if stuck:
                stuck = stuck.format(qid or ("a setup cell" if "died" in stuck else "a cell"))
            info.update(kind=kind, question=qid)
            status = info["status"]
            if kind == "setup" and status != "ok":
                what = info.get("ename") or {"timeout": "a timeout", "dead": "a dead kernel"}.get(
                    status, status
                )
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
                result["records"][qid] = _read_record(cell, spec, status)


def _execute(client: Any, cell: Any, index: int, max_bytes: int) -> tuple[dict[str, Any], str | None]:
    """Run one cell: its status (``ok``, ``error``, ``timeout``, ``too_large``, ``dead``) and
    whether the kernel is now unusable (a message), else None."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    info: dict[str, Any] = {}
    stuck = None
    try:
        client.execute_cell(cell, index)
        status = "ok"
    except CellTimeoutError:
        status, info["limit"] = "timeout", client.timeout
        if not _recover(client):
            stuck = "the kernel was still stuck in {}'s endless loop after an interrupt"
    except DeadKernelError:
        status, stuck = "dead", "the kernel died in {}"
    if status == "ok" and client.sizes.get(index, 0) > max_bytes:
        status, info["limit"] = "too_large", max_bytes
    if status == "ok":
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        if errors:
            status = "error"
            info["ename"] = str(errors[0].get("ename", "Error"))[:100]
            info["evalue"] = str(errors[0].get("evalue", ""))[:400]
    info["status"] = status
    return info, stuck


def _recover(client: Any) -> bool:
    """Interrupt a stuck kernel and check that it answers again."""
    import asyncio

    import nbformat
    from jupyter_core.utils import ensure_event_loop, run_sync
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    # The timed-out cell's output poller would keep eating the next cells' messages.
    with contextlib.suppress(Exception):
        for task in asyncio.all_tasks(ensure_event_loop()):
            if task.get_coro().__name__ in ("_async_poll_output_msg", "_async_poll_kernel_alive"):
                task.cancel()
    with contextlib.suppress(Exception):
        run_sync(client.km.interrupt_kernel)()
    probe = nbformat.v4.new_code_cell("1")
    saved = client.timeout
    client.timeout = 5
    try:
        client.execute_cell(probe, 0)
        return True
    except (CellTimeoutError, DeadKernelError):
        return False
    finally:
        client.timeout = saved


_UNREADABLE = "the answer could not be read back from the kernel."


def _read_record(cell: Any, spec: dict, status: str) -> dict:
    """The one answer record in a record cell's outputs, checked; anything odd is ``unreadable``."""
    if status != "ok":
        return {"status": "unreadable", "message": f"reading the answer failed ({status})."}
    found = []
    for out in cell.outputs:
        data = out.get("data", {}) if out.get("output_type") == "display_data" else {}
        if isinstance(data, dict) and _RECORD_MIME in data:
            found.append(data[_RECORD_MIME])
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
