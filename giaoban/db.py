"""The only place that opens DuckDB.

Readers (pages, the CLI's query command) open the database read-only; writers never modify the
file readers use. A build writes a new file and ``os.replace``s it over the old one, and an ingest
copies the current file, changes the copy and swaps it in, so a reader either sees the old
snapshot or the new one, never a half-written state. On POSIX a reader that already has the old
file open keeps reading the old inode until it reconnects.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import weakref
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from giaoban.config import settings


def extension_dir() -> str | None:
    """Where the ``duckdb-ext-*`` wheels put their extensions (INSTALL cannot download here)."""
    try:
        import duckdb_ext  # type: ignore[import-not-found]
    except ImportError:
        return None
    return str(Path(next(iter(duckdb_ext.__path__))) / "extensions")


def _config(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    config: dict[str, Any] = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    ext = extension_dir()
    if ext:
        config["extension_directory"] = ext
    config.update(extra or {})
    return config


SNAPSHOT = "giaoban"


def sql_literal(text: str) -> str:
    """A SQL string literal, for the few statements that take no bind parameters (ATTACH, COMMENT ON)."""
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path | str | None = None, read_only: bool = True, **config: Any) -> duckdb.DuckDBPyConnection:
    """Open the database (default: settings' GIAOBAN_DB); read-only unless a writer asks.

    Readers get an in-memory DuckDB with the file ATTACHed read-only, not ``duckdb.connect(file)``:
    DuckDB caches database instances by path within a process, so after a build swapped a new file
    in, a plain connect would hand the dashboard the old snapshot for as long as any old
    connection lived. ATTACH opens the file that is at the path now.
    """
    target = Path(path) if path is not None else settings().db_path
    if not read_only:
        con = duckdb.connect(str(target), config=_config(config))
        pin_today(con)
        return con
    if not target.exists():
        raise FileNotFoundError(f"database {target} does not exist; build it with: python -m giaoban build")
    con = duckdb.connect(":memory:", config=_config(config))
    con.execute(f"ATTACH {sql_literal(str(target))} AS {SNAPSHOT} (READ_ONLY)")
    _session(con, f"USE {SNAPSHOT}")
    pin_today(con)
    return con


# Cursors start with a fresh session (no USE, no variables), so each connection's session
# statements are remembered and replayed on every cursor fetch() opens.
_SESSION: weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, list[tuple[str, dict]]] = weakref.WeakKeyDictionary()


def _session(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> None:
    con.execute(sql, params or None)
    _SESSION.setdefault(con, []).append((sql, params or {}))


def pin_today(con: duckdb.DuckDBPyConnection, as_of: str | None = None) -> None:
    """Fix the date metrics treat as today (``as_of``, else GIAOBAN_AS_OF) for this connection."""
    value = as_of or settings().as_of
    if value:
        _session(con, "SET VARIABLE giaoban_as_of = CAST($d AS DATE)", {"d": value})


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor with the connection's session (snapshot in use, pinned date) replayed."""
    cur = con.cursor()
    for sql, params in _SESSION.get(con, []):
        cur.execute(sql, params or None)
    return cur


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | list | None = None) -> pl.DataFrame:
    """Run one statement on its own cursor and return a polars frame."""
    cur = cursor(con)
    try:
        return cur.execute(sql, params or None).pl()
    finally:
        cur.close()


def schema_files(schema_dir: Path | None = None) -> list[Path]:
    directory = schema_dir or settings().schema_dir
    return sorted(directory.glob("*.sql"))


def apply_schema(con: duckdb.DuckDBPyConnection, schema_dir: Path | None = None) -> None:
    """Apply queries/schema/*.sql in file-name order; each file is idempotent DDL."""
    for file in schema_files(schema_dir):
        try:
            con.execute(file.read_text(encoding="utf-8"))
        except duckdb.Error as err:
            raise RuntimeError(f"schema file {file.name} failed: {err}") from err


def schema_hash(schema_dir: Path | None = None) -> str:
    """A short hash of the schema files; read again only when one of them changed (the dashboard
    asks on every page run whether the facts were built by these definitions)."""
    files = schema_files(schema_dir)
    return _hash_files(tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


@lru_cache(maxsize=8)
def _hash_files(files: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in files:
        path = Path(name)
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def refresh_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Re-apply the schema only when its files changed since this database last saw them
    (re-creating every macro and view costs more than a small ingest)."""
    current = schema_hash()
    try:
        row = con.execute("SELECT value FROM build_info WHERE key = 'schema_hash'").fetchone()
    except duckdb.CatalogException:
        row = None
    if row and row[0] == current:
        return
    apply_schema(con)
    con.execute("INSERT OR REPLACE INTO build_info VALUES ('schema_hash', ?)", [current])


@contextlib.contextmanager
def _writer_lock(target: Path) -> Iterator[None]:
    """Serialise writers of one database file (two ingests must not both copy-and-swap)."""
    lock_path = target.with_name(target.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _swap_in(tmp: Path, target: Path) -> None:
    os.replace(tmp, target)
    wal = tmp.with_name(tmp.name + ".wal")
    if wal.exists():
        wal.unlink()


@contextlib.contextmanager
def _swapped(target: Path, kind: str, copy: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable temporary file beside ``target`` (a copy of it, or new) that replaces it on success."""
    tmp = target.with_name(f".{target.name}.{kind}-{os.getpid()}")
    with _writer_lock(target):
        _remove(tmp)
        if copy:
            shutil.copy2(target, tmp)
        con = duckdb.connect(str(tmp), config=_config())
        try:
            yield con
            con.execute("CHECKPOINT")
            con.close()
            _swap_in(tmp, target)
        except BaseException:
            con.close()
            _remove(tmp)
            raise


@contextlib.contextmanager
def new_database(target: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a fresh file with the schema applied; swap it in on success.

    On any exception the temporary file is removed and the existing database is untouched.
    """
    target = Path(target or settings().db_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _swapped(target, "build", copy=False) as con:
        apply_schema(con)
        con.execute("INSERT OR REPLACE INTO build_info VALUES ('schema_hash', ?)", [schema_hash()])
        yield con


@contextlib.contextmanager
def change_database(target: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to a copy of the database; swap the copy in on success.

    Used by ingest: if the body raises, the copy is dropped and readers never saw a change.
    The schema is refreshed first so an older file gains new views and tables.
    """
    target = Path(target or settings().db_path)
    if not target.exists():
        with new_database(target):
            pass
    with _swapped(target, "change", copy=True) as con:
        refresh_schema(con)
        yield con


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
