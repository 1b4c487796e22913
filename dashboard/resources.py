"""The only place Streamlit meets core I/O: a cached read-only connection, cached named queries, and
the few writes the Data page makes (uploads, overrides), each followed by a refresh of the facts.

The connection is cached per database *file identity* (inode + mtime), so when a build or an
ingest swaps a new file in, the next rerun opens the new snapshot while sessions mid-run finish on
the old one. Pages never see a connection: they call ``run(name, **params)`` or
``scoped(name, filters, **params)`` and get a polars frame.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from giaoban import aggregates, db, overrides, queries
from giaoban.config import settings


def db_path() -> Path:
    return settings().db_path


def db_exists() -> bool:
    return db_path().exists()


def _identity(path: Path) -> tuple[str, int, int]:
    stat = os.stat(path)
    return (str(path), stat.st_ino, stat.st_mtime_ns)


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(identity: tuple[str, int, int]):
    return db.connect(identity[0], read_only=True)


@st.cache_resource(show_spinner=False)
def registry() -> dict[str, queries.NamedQuery]:
    """Named queries parsed once per process (each page runs several)."""
    return queries.load_queries()


@st.cache_data(ttl=600, max_entries=1024, show_spinner=False)
def _run(identity: tuple[str, int, int], name: str, params: tuple[tuple[str, object], ...]) -> pl.DataFrame:
    return queries.run_query(_connection(identity), registry()[name], dict(params))


def run(name: str, **params: object) -> pl.DataFrame:
    """Run a named query on the current snapshot; results are cached per snapshot and parameters."""
    return _run(_identity(db_path()), name, tuple(sorted(params.items())))


def declared(name: str) -> set[str]:
    return {p.name for p in registry()[name].params}


def scoped(name: str, filters: dict[str, Any], **params: object) -> pl.DataFrame:
    """Run ``name`` with the sidebar filters it declares (others do not apply to it) and ``params``."""
    names = declared(name)
    return run(name, **{k: v for k, v in filters.items() if k in names}, **params)


def not_applied(name: str, filters: dict[str, Any]) -> list[str]:
    """Sidebar filters that are set but that ``name`` does not take, to say so under its chart."""
    narrowing = ("level", "province", "family", "theme")
    return [k for k in narrowing if filters.get(k) is not None and k not in declared(name)]


# --- writes (Data page) ----------------------------------------------------------------------------


def refresh_facts() -> None:
    with db.change_database(db_path()) as con:
        aggregates.refresh(con)


def ingest_uploads(files: list[tuple[str, bytes]]) -> list:
    """Load uploaded reports and tables; one FileResult per file."""
    from giaoban.ingest import ingest_paths

    with tempfile.TemporaryDirectory(prefix="giaoban-upload-") as tmp:
        paths = []
        for name, data in files:
            path = Path(tmp) / Path(name).name
            path.write_bytes(data)
            paths.append(path)
        return ingest_paths(paths, db_path())  # refreshes the facts in the same atomic write


def save_override(override: overrides.Override) -> list[str]:
    """Store one correction, apply every override, refresh the facts; returns problems to show."""
    with db.change_database(db_path()) as con:
        overrides.save(con, override)
        problems = overrides.apply(con)
        aggregates.refresh(con)
    return problems


@st.cache_data(show_spinner=False)
def template_bytes() -> bytes:
    from giaoban.load import write_template

    with tempfile.TemporaryDirectory() as tmp:
        return write_template(Path(tmp) / "mau-nhap-lieu.xlsx").read_bytes()
