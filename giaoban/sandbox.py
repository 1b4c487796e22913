"""The analysts' SQL sandbox, shared by the SQL page and ``python -m giaoban sql``.

Contract: ``run_sql(text, params)`` runs exactly one reading statement (see sandbox_check) on a
read-only copy of the current snapshot and returns a polars frame, or raises ``SandboxError`` with
a message in Vietnamese or English. The statement runs in a separate worker process
(sandbox_worker) whose connection has external access off and its configuration locked before any
user SQL arrives, a DuckDB memory limit, few threads, a lower CPU priority and an OS memory cap
(DuckDB's own limit does not cover a single huge string such as ``repeat('x', 1e9)``). A timer
interrupts the query at the time limit; the caller kills the worker if it does not stop soon after.
The dashboard's own connection lives in another process, so a runaway query cannot starve it.

The limits are settings, read from the environment when asked for (``Limits.from_env``).
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from giaoban import db
from giaoban.config import SETTINGS as CONFIG_SETTINGS
from giaoban.sandbox_check import Checked, check_sql
from giaoban.sandbox_errors import SandboxError, from_duckdb

__all__ = ["SETTINGS", "Checked", "Limits", "SandboxError", "SqlResult", "check_sql", "run_sql"]

# The sandbox's settings are declared once, with the others, in giaoban.config.
SETTINGS: dict[str, tuple[str, str]] = {k: v for k, v in CONFIG_SETTINGS.items() if k.startswith("GIAOBAN_SQL_")}

# Run before any user SQL, after the snapshot is attached; neither can be undone once locked.
LOCKDOWN = ("SET enable_external_access = false", "SET lock_configuration = true")
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]I?B|B)?\s*$", re.IGNORECASE)


def _env(name: str) -> str:
    import os

    return os.environ.get(name, SETTINGS[name][0]).strip() or SETTINGS[name][0]


@dataclass(frozen=True)
class Limits:
    timeout: float = 10.0
    rows: int = 10_000
    download_rows: int = 1_000_000
    memory: str = "1GB"
    threads: int = 1
    workers: int = 2

    @classmethod
    def from_env(cls) -> Limits:
        """The limits in force now (GIAOBAN_SQL_*); a malformed value is an error that names it."""
        try:
            limits = cls(
                timeout=float(_env("GIAOBAN_SQL_TIMEOUT")),
                rows=int(_env("GIAOBAN_SQL_ROWS")),
                download_rows=int(_env("GIAOBAN_SQL_DOWNLOAD_ROWS")),
                memory=_env("GIAOBAN_SQL_MEMORY"),
                threads=int(_env("GIAOBAN_SQL_THREADS")),
                workers=int(_env("GIAOBAN_SQL_WORKERS")),
            )
            limits.memory_bytes()
        except ValueError as err:
            raise ValueError(f"bad GIAOBAN_SQL_* setting: {err}") from err
        return limits

    def memory_bytes(self) -> int:
        match = _SIZE.match(self.memory)
        if not match:
            raise ValueError(f"memory {self.memory!r}: use a size such as 512MB or 2GB")
        return int(float(match[1]) * _UNITS[(match[2] or "").upper()])


@dataclass(frozen=True)
class SqlResult:
    frame: pl.DataFrame
    truncated: bool  # more rows existed than the cap; the frame holds the first ``row_cap``
    elapsed: float  # seconds, as measured where the query ran
    row_cap: int
    sql: str


def run_sql(
    sql: str,
    params: dict[str, Any] | None = None,
    *,
    db_path: Path | str | None = None,
    limits: Limits | None = None,
    max_rows: int | None = None,
) -> SqlResult:
    """Run one statement in a fresh worker process and stop it; for the CLI, scripts and tests.

    The SQL page keeps a ``SandboxPool`` instead, so workers stay warm between queries.
    """
    from giaoban.sandbox_worker import SandboxPool

    pool = SandboxPool(db_path, limits or Limits.from_env(), size=1)
    try:
        return pool.run(sql, params, max_rows=max_rows)
    finally:
        pool.close()


def bind(checked: Checked, params: dict[str, Any] | None) -> dict[str, Any]:
    """The values for the parameters the statement uses; extra values are ignored, missing ones refused."""
    values = params or {}
    missing = [p for p in checked.params if p not in values]
    if missing:
        raise SandboxError("missing_param", names=", ".join("$" + p for p in missing))
    return {p: values[p] for p in checked.params}


def open_locked(path: Path | str, limits: Limits) -> duckdb.DuckDBPyConnection:
    """The snapshot attached read-only, then file and network access off and configuration locked."""
    con = db.connect(path, read_only=True, threads=limits.threads, memory_limit=limits.memory, temp_directory="")
    for statement in LOCKDOWN:
        con.execute(statement)
    return con


def execute(
    con: duckdb.DuckDBPyConnection, checked: Checked, params: dict[str, Any] | None, max_rows: int, limits: Limits
) -> tuple[pl.DataFrame, bool, float]:
    """Run a checked statement on its own cursor, interrupted by a timer; (frame, truncated, seconds).

    Rows are streamed in batches and reading stops one row past the cap, so ``SELECT * FROM
    range(1e12)`` returns its first rows instead of materialising the lot.
    """
    values = bind(checked, params)
    cur = db.cursor(con)
    timer = threading.Timer(limits.timeout, cur.interrupt)
    start = time.perf_counter()
    timer.start()
    try:
        cur.execute(checked.sql, values or None)
        table = _fetch_capped(cur, max_rows)
    except duckdb.Error as err:
        raise from_duckdb(err, checked.sql, **limit_fields(limits)) from None
    finally:
        timer.cancel()
        cur.close()
    elapsed = time.perf_counter() - start
    truncated = table.num_rows > max_rows
    return to_polars(table.slice(0, max_rows)), truncated, elapsed


def _fetch_capped(cur: duckdb.DuckDBPyConnection, max_rows: int):
    import pyarrow as pa

    reader = cur.fetch_record_batch(min(max_rows + 1, 8192) or 1)
    batches, seen = [], 0
    for batch in reader:
        batches.append(batch)
        seen += batch.num_rows
        if seen > max_rows:
            break
    return pa.Table.from_batches(batches, schema=reader.schema)


def to_polars(table) -> pl.DataFrame:
    """Arrow to polars; a column polars cannot hold (INTERVAL, UNION) becomes text instead of failing."""
    names = _unique(table.column_names)
    if names != table.column_names:
        table = table.rename_columns(names)
    try:
        return pl.from_arrow(table)  # type: ignore[return-value]
    except Exception:
        columns = {}
        for name, column in zip(table.column_names, table.columns, strict=True):
            try:
                columns[name] = pl.from_arrow(column)
            except Exception:
                columns[name] = pl.Series(name, [None if v is None else str(v) for v in column.to_pylist()], pl.String)
        return pl.DataFrame(columns)


def limit_fields(limits: Limits) -> dict[str, str]:
    """The values the timeout and memory messages quote."""
    return {"seconds": f"{limits.timeout:g}", "memory": limits.memory}


def _unique(names: list[str]) -> list[str]:
    """``SELECT 1 AS a, 2 AS a`` is legal SQL but a frame needs distinct names: a, a_2."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def analyst_queries(queries_dir: Path | None = None) -> dict[str, Any]:
    """The named queries the SQL page offers: everything in queries/ except ``_``-prefixed folders.

    ``queries/_ops/`` holds maintenance statements (deletes before a re-extraction) that the sandbox
    would refuse anyway; listing them would only show analysts a query that cannot run.
    """
    from giaoban.queries import load_queries

    return {
        name: query
        for name, query in load_queries(queries_dir).items()
        if not any(part.startswith("_") for part in name.split("/"))
    }
