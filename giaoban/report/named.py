"""Named queries for the pack, each read from its own file (not the whole registry on every call).

``giaoban.queries.run_query(con, "name")`` parses every file under queries/ to find one; a pack runs
about twenty queries, and one half-edited file elsewhere would stop them all. Here each query is
parsed once (cached by path and modification time) and run through the same ``run_query``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from giaoban.config import settings
from giaoban.queries import NamedQuery, QueryError, parse_query, run_query


@lru_cache(maxsize=64)
def _parsed(name: str, path: str, mtime_ns: int) -> NamedQuery:
    return parse_query(name, Path(path))


def query(name: str) -> NamedQuery:
    path = settings().queries_dir / f"{name}.sql"
    if not path.is_file():
        raise QueryError(f"no named query {name!r} ({path} is missing)")
    return _parsed(name, str(path), path.stat().st_mtime_ns)


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
    return run_query(con, query(name), params)
