"""Running a submission's cells in a fresh kernel and reading the answers back."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kit.grading.limits import _Limits
from kit.grading.messages import _GRADER_ERROR, _short_evalue
from kit.grading.paths import _kernel_env
from kit.grading.sandbox import _UNSHARE, _sandbox_ok, _sandbox_paths, _setup_sandbox
from kit.grading.values import _RECORD_MIME


def _record_source(qid: str, variable: str) -> str:
    return (
        "__import__('kit.grading').grading.export_answer("
        f"{qid!r}, globals().get({variable!r}, __import__('kit.grading').grading._UNDEFINED))"
    )


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _limit_memory(memory_mb: int) -> Callable[[], None]:
    def preexec() -> None:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024 * 1024, 64 * 1024 * 1024))

    return preexec


def _run_in_kernel(plan: list[dict], answers: dict[str, str], limits: _Limits) -> dict:
    """Run the plan with the student's answers in a sandboxed subprocess; return what came back."""
    cells = []
    for item in plan:
        if item["kind"] == "setup":
            cells.append({"kind": "setup", "source": item["source"]})
        elif item["kind"] == "answer":
            if item["question"] in answers:
                cells.append(
                    {"kind": "answer", "question": item["question"], "source": answers[item["question"]]}
                )
        else:
            if item["question"] in answers:
                cells.append(
                    {
                        "kind": "record",
                        "question": item["question"],
                        "source": _record_source(item["question"], item["variable"]),
                    }
                )
    n_answers = sum(c["kind"] == "answer" for c in cells)
    wall = limits.wall_time or (60 + limits.cell_timeout * (n_answers + 2))
    use_sandbox = limits.sandbox == "on" or (limits.sandbox == "auto" and _sandbox_ok())
    with tempfile.TemporaryDirectory(prefix="kit-grade-", ignore_cleanup_errors=True) as tmp:
        tmp = Path(tmp)
        # In the sandbox the kernel gets a private tmpfs on /tmp: its work folder,
        # home, runtime folder (connection file) and IPython folder live there,
        # out of reach of every other submission.
        base = Path("/tmp") if use_sandbox else tmp
        job = {
            "cells": cells,
            "cell_timeout": limits.cell_timeout,
            "max_output_bytes": limits.max_output_bytes,
            "workdir": str(base / "work"),
            "base": str(base),
        }
        if use_sandbox:
            job["keep"], job["mask"] = _sandbox_paths(limits.hide)
        job_path = tmp / "job.json"
        job_path.write_text(json.dumps(job))
        cmd = [sys.executable, "-m", "kit.grading", "_run", str(job_path)]
        if use_sandbox:
            cmd = [*_UNSHARE, *cmd]
        env = _kernel_env(
            {
                "HOME": str(base / "home"),
                "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
                "JUPYTER_DATA_DIR": str(base / "data"),
                "IPYTHONDIR": str(base / "ipython"),
                "MPLCONFIGDIR": str(base / "mpl"),
                "TMPDIR": str(base),
                "OPENBLAS_NUM_THREADS": "1",
                "OMP_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1",
                "PYTHONDONTWRITEBYTECODE": "1",
                "JUPYTER_PLATFORM_DIRS": "1",
            }
        )
        env.pop("JUPYTER_CONFIG_DIR", None)
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=str(tmp),
            env=env,
            start_new_session=True,
            preexec_fn=_limit_memory(limits.memory_mb),
        )
        stopped = None
        try:
            out, _ = proc.communicate(timeout=wall)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            out, _ = proc.communicate()
            stopped = f"the whole notebook ran longer than {wall:g} s and was stopped"
        finally:
            # Killing unshare kills the runner (PID 1 of the namespace, --kill-child),
            # and with it every process the submission started, setsid or not.
            _kill_group(proc.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
    result: dict = {"answers": {}, "records": {}, "fatal": None, "stopped": stopped}
    done = False
    for line in out.decode("utf-8", "replace").splitlines():
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(msg, dict):
            continue
        if msg.get("kind") == "answer":
            result["answers"][msg["question"]] = msg
        elif msg.get("kind") == "record":
            result["records"][msg["question"]] = msg
        elif msg.get("kind") == "setup" and msg.get("status") != "ok":
            result["fatal"] = _GRADER_ERROR.format(
                f"the exercise's setup cell raised {msg.get('ename')}{_short_evalue(msg.get('evalue', ''))}"
            )
        elif msg.get("kind") == "fatal":
            result["fatal"] = _GRADER_ERROR.format(f"the grading kernel could not run: {msg.get('message')}")
        elif msg.get("kind") == "stopped":
            result["stopped"] = msg.get("message")
        elif msg.get("kind") == "done":
            done = True
    if not done and not result["stopped"]:
        result["stopped"] = "the grading kernel stopped early (out of memory, or killed)"
    return result


def _runner_main(argv: list[str]) -> int:
    """Inside the sandbox: set up mounts, run the cells one by one, stream JSON lines."""
    # Keep a private copy of stdout for the results; everything else (the
    # kernel, the student's subprocesses) writes to /dev/null.
    out = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)

    def emit(**msg: Any) -> None:
        out.write(json.dumps(msg) + "\n")
        out.flush()

    job_path = argv[0]
    job = json.loads(Path(job_path).read_text())
    # Nothing the kernel can reach refers to the job file afterwards.
    with contextlib.suppress(OSError):
        os.unlink(job_path)
    try:
        if "mask" in job:
            _setup_sandbox(job["keep"], job["mask"])
        for sub in ("work", "home", "runtime", "ipython", "mpl", "data"):
            os.makedirs(os.path.join(job["base"], sub), exist_ok=True)
    except Exception as exc:
        emit(kind="fatal", message=f"sandbox setup failed ({type(exc).__name__}: {exc})")
        return 1
    os.chdir(job["workdir"])
    try:
        _run_cells(job, emit)
    except Exception as exc:  # the kernel could not start, or died between cells
        emit(kind="fatal", message=f"{type(exc).__name__}: {exc}")
    emit(kind="done")
    return 0


def _run_cells(job: dict, emit: Callable[..., None]) -> None:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    max_bytes = job["max_output_bytes"]
    limit = job["cell_timeout"]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c["source"]) for c in job["cells"]]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}

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
        timeout=limit,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=False,
        record_timing=False,
        iopub_timeout=5,
        startup_timeout=60,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": job["workdir"]}},
    )
    with client.setup_kernel():
        stuck = None
        for index, (spec, cell) in enumerate(zip(job["cells"], nb.cells)):
            kind, qid = spec["kind"], spec.get("question")
            if stuck:
                emit(kind="stopped", message=stuck)
                break
            info: dict[str, Any] = {"kind": kind, "question": qid}
            try:
                client.execute_cell(cell, index)
                status = "ok"
            except CellTimeoutError:
                status = "timeout"
                info["limit"] = limit
                if not _recover(client):
                    stuck = (
                        f"the kernel was still stuck in {qid or 'a cell'}'s endless loop after an interrupt"
                    )
            except DeadKernelError:
                status = "dead"
                stuck = f"the kernel died in {qid or 'a setup cell'}"
            if status == "ok" and client.sizes.get(index, 0) > max_bytes:
                status, info["limit"] = "too_large", max_bytes
            if status == "ok":
                errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                if errors:
                    status = "error"
                    info["ename"] = str(errors[0].get("ename", "Error"))[:100]
                    info["evalue"] = str(errors[0].get("evalue", ""))[:400]
            info["status"] = status
            if kind == "record":
                info.update(_read_record(cell, spec, status))
            emit(**info)


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


def _read_record(cell: Any, spec: dict, status: str) -> dict:
    if status != "ok":
        return {"status": "unreadable", "message": "reading the answer failed", "variable": None}
    for out in cell.outputs:
        data = out.get("data", {}) if out.get("output_type") == "display_data" else {}
        payload = data.get(_RECORD_MIME)
        if isinstance(payload, dict) and payload.get("question") == spec["question"]:
            if payload.get("status") == "undefined":
                return {"status": "undefined", "variable": _variable_of(spec["source"])}
            return {k: payload.get(k) for k in ("status", "value", "message")}
    return {"status": "unreadable", "message": "the answer could not be read back from the kernel."}


def _variable_of(source: str) -> str:
    m = re.search(r"globals\(\)\.get\('([^']+)'", source)
    return m.group(1) if m else "?"
