"""The only place Streamlit meets core I/O: a cached read-only connection and cached named queries.

The connection is cached per database *file identity* (inode + mtime), so when a build or an
ingest swaps a new file in, the next rerun opens the new snapshot while sessions mid-run finish on
the old one. Pages never see a connection: they call ``run(name, **params)`` and get a polars frame.
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import streamlit as st

from giaoban import db, queries
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


@st.cache_data(ttl=600, max_entries=512, show_spinner=False)
def _run(identity: tuple[str, int, int], name: str, params: tuple[tuple[str, object], ...]) -> pl.DataFrame:
    return queries.run_query(_connection(identity), name, dict(params))


def run(name: str, **params: object) -> pl.DataFrame:
    """Run a named query on the current snapshot; results are cached per snapshot and parameters."""
    return _run(_identity(db_path()), name, tuple(sorted(params.items())))
