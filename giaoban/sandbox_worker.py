"""Worker processes that run the analysts' SQL, and the pool that hands queries to them.

Why processes: DuckDB's memory limit covers its buffers, not one giant value (``repeat('x',
1e9)`` allocated 2 GB and ran 14 s in-process before any interrupt could land). A worker caps its
own data segment (RLIMIT_DATA), lowers its CPU priority and may not write files, so such a query
fails fast with an out-of-memory message, and a worker that does not answer by the time limit plus
a grace period is killed and replaced. The dashboard's process is never the one at risk.

Protocol over the worker's stdin/stdout: the parent sends a length-prefixed pickle
``{"sql", "params", "max_rows"}``; the worker answers a length-prefixed JSON header and, on
success, a length-prefixed Arrow IPC stream of the result. The worker re-checks every statement.
Run as ``python -m giaoban.sandbox_worker DB_PATH LIMITS_JSON``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pickle
import struct
import subprocess
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any, BinaryIO

import polars as pl

from giaoban.config import ROOT, settings
from giaoban.sandbox import Limits, SandboxError, SqlResult, bind, check_sql, execute, limit_fields, open_locked
from giaoban.sandbox_errors import short_detail

GRACE_SECONDS = 3.0  # after the time limit, how long an interrupted query may take to unwind
STARTUP_SECONDS = 30.0
HEADROOM_BYTES = 512 * 2**20  # Python, DuckDB and polars themselves, on top of the query's memory limit
_LENGTH = struct.Struct(">Q")


def _send(out: BinaryIO, *parts: bytes) -> None:
    for part in parts:
        out.write(_LENGTH.pack(len(part)) + part)
    out.flush()


def _receive(inp: BinaryIO) -> bytes:
    head = inp.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError("worker pipe closed")
    size = _LENGTH.unpack(head)[0]
    body = inp.read(size)
    if len(body) < size:
        raise EOFError("worker pipe closed mid-message")
    return body


# --- the worker process ---------------------------------------------------------------------------


def _cap_resources(limits: Limits) -> None:
    import resource

    cap = limits.memory_bytes() + HEADROOM_BYTES
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # CPython ignores SIGXFSZ: writes fail with EFBIG
    with contextlib.suppress(OSError):
        os.nice(10)


def _serve(con, request: dict[str, Any], limits: Limits) -> tuple[dict[str, Any], bytes]:
    """One request: (header, Arrow IPC bytes); never raises, so the worker outlives bad queries."""
    try:
        checked = check_sql(request["sql"], con)
        frame, truncated, elapsed = execute(con, checked, request.get("params"), request["max_rows"], limits)
        buffer = io.BytesIO()
        frame.write_ipc_stream(buffer)
        return {"ok": True, "truncated": truncated, "elapsed": elapsed}, buffer.getvalue()
    except SandboxError as err:
        # After an allocation failed the process may be short of memory: answer, then retire.
        return {"ok": False, "error": err.to_dict(), "retire": err.code == "memory"}, b""
    except MemoryError:
        return {"ok": False, "error": SandboxError("memory", **limit_fields(limits)).to_dict(), "retire": True}, b""
    except Exception as err:
        return {"ok": False, "error": SandboxError("runtime", short_detail(str(err))).to_dict()}, b""


def main(argv: list[str]) -> int:
    path, limits = argv[1], Limits(**json.loads(argv[2]))
    out, inp = sys.stdout.buffer, sys.stdin.buffer
    sys.stdout = sys.stderr  # nothing but protocol frames may reach the parent's pipe
    _cap_resources(limits)
    try:
        con = open_locked(path, limits)
    except Exception as err:
        _send(out, json.dumps({"ok": False, "error": {"code": "runtime", "detail": str(err)[:300]}}).encode())
        return 1
    # Warm up the lazy imports (Arrow, parameter binding) before the first analyst waits on them.
    _serve(con, {"sql": "SELECT $x::DATE AS d", "params": {"x": "2024-01-01"}, "max_rows": 1}, limits)
    _send(out, json.dumps({"ok": True, "ready": True}).encode())
    while True:
        try:
            request = pickle.loads(_receive(inp))
        except EOFError:
            return 0
        header, payload = _serve(con, request, limits)
        _send(out, json.dumps(header).encode(), payload)
        if header.get("retire"):
            return 0


# --- the parent side ------------------------------------------------------------------------------


def _identity(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return (stat.st_ino, stat.st_mtime_ns)


class _Worker:
    """One worker process attached to one snapshot; used by one query at a time."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.identity = _identity(path)
        self.limits = limits
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "giaoban.sandbox_worker", str(path), json.dumps(asdict(limits))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        self.killed = False
        header = json.loads(self._exchange(None, STARTUP_SECONDS)[0])
        if not header.get("ok"):
            self.close()
            raise SandboxError.from_dict(header["error"])

    def alive(self) -> bool:
        return self.proc.poll() is None

    def _kill(self) -> None:
        self.killed = True
        self.proc.kill()

    def _exchange(self, request: dict[str, Any] | None, seconds: float) -> tuple[bytes, bytes]:
        """Send a request (None: just read the greeting); read the header and, on success, the payload."""
        killer = threading.Timer(seconds, self._kill)
        killer.start()
        try:
            if request is not None:
                _send(self.proc.stdin, pickle.dumps(request))
            header = _receive(self.proc.stdout)
            payload = _receive(self.proc.stdout) if request is not None else b""
            return header, payload
        except (OSError, EOFError, ValueError):
            self.close()
            raise self._death() from None
        finally:
            killer.cancel()

    def _death(self) -> SandboxError:
        if self.killed:
            return SandboxError("timeout", **limit_fields(self.limits))
        return SandboxError("crashed")

    def run(self, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        header, payload = self._exchange(request, self.limits.timeout + GRACE_SECONDS)
        return json.loads(header), payload

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        with contextlib.suppress(OSError):
            self.proc.stdout.close()


class SandboxPool:
    """Warm worker processes for one server; at most ``limits.workers`` queries run at once.

    Workers are keyed to the database file they attached: after a build or ingest swapped a new
    file in, an idle worker on the old snapshot is retired and a new one attaches the new file.
    """

    def __init__(self, db_path: Path | str | None = None, limits: Limits | None = None, size: int | None = None):
        self._path = Path(db_path) if db_path is not None else None
        self.limits = limits or Limits.from_env()
        self._slots = threading.BoundedSemaphore(size or self.limits.workers)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()

    def db_path(self) -> Path:
        return self._path or settings().db_path

    def run(self, sql: str, params: dict[str, Any] | None = None, *, max_rows: int | None = None) -> SqlResult:
        """Check, then run in a worker; raise SandboxError for a refusal, a failure or a stop."""
        checked = check_sql(sql)
        values = bind(checked, params)
        path = self.db_path()
        if not path.exists():
            raise SandboxError("no_database", path=str(path))
        cap = max_rows if max_rows is not None else self.limits.rows
        if not self._slots.acquire(timeout=self.limits.timeout):
            raise SandboxError("busy")
        try:
            header, payload = self._run_in_worker(path, {"sql": checked.sql, "params": values, "max_rows": cap})
        finally:
            self._slots.release()
        if not header["ok"]:
            raise SandboxError.from_dict(header["error"])
        frame = pl.read_ipc_stream(io.BytesIO(payload))
        return SqlResult(frame, header["truncated"], header["elapsed"], cap, checked.sql)

    def _run_in_worker(self, path: Path, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        worker = self._take(path)
        header, payload = worker.run(request)  # a worker that dies or is killed closes itself and raises
        if header.get("retire"):
            worker.close()
        else:
            with self._lock:
                self._idle.append(worker)
        return header, payload

    def _take(self, path: Path) -> _Worker:
        current = _identity(path)
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive() and worker.identity == current:
                    return worker
                worker.close()
        return _Worker(path, self.limits)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
