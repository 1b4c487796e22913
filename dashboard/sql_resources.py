"""Where the SQL page meets the core: the shared sandbox pool, the cached schema catalogue, its strings.

One ``SandboxPool`` per server process (``st.cache_resource``): its worker processes stay warm
between queries and at most GIAOBAN_SQL_WORKERS analysts' queries run at once. The pool reads
GIAOBAN_DB at each run, so a swapped-in snapshot is picked up. The catalogue is cached per
database file identity, like resources.py caches named queries.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st

from giaoban.config import settings
from giaoban.sandbox import Limits, SqlResult, analyst_queries
from giaoban.sandbox_catalog import Catalog, read_catalog
from giaoban.sandbox_worker import SandboxPool

HERE = Path(__file__).parent


@cache
def _strings(lang: str) -> dict[str, str]:
    return json.loads((HERE / "i18n" / f"sql_{lang}.json").read_text(encoding="utf-8"))


def ts(key: str, lang: str = "vi", **fields: object) -> str:
    """The SQL page's strings (i18n/sql_vi.json, sql_en.json); Vietnamese when English lacks one."""
    text = _strings(lang if lang in ("vi", "en") else "vi").get(key) or _strings("vi").get(key) or key
    return text.format(**fields) if fields else text


def limits() -> Limits:
    return Limits.from_env()


@st.cache_resource(max_entries=2, show_spinner=False)
def _pool(current: Limits) -> SandboxPool:
    return SandboxPool(None, current)


def run(sql: str, params: dict[str, Any] | None = None, max_rows: int | None = None) -> SqlResult:
    """Run in the sandbox; raises SandboxError (refused, failed, stopped)."""
    current = limits()
    return _pool(current).run(sql, params, max_rows=max_rows)


def _identity() -> tuple[str, int, int]:
    path = settings().db_path
    stat = os.stat(path)
    return (str(path), stat.st_ino, stat.st_mtime_ns)


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def _catalog(identity: tuple[str, int, int]) -> Catalog:
    return read_catalog(identity[0])


def catalog() -> Catalog:
    return _catalog(_identity())


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def _completions(identity: tuple[str, int, int]) -> list[dict[str, object]]:
    return _catalog(identity).completions()


def completions() -> list[dict[str, object]]:
    """The editor's name list, computed once per snapshot rather than on every rerun of the page."""
    return _completions(_identity())


@st.cache_data(ttl=60, show_spinner=False)
def library() -> dict[str, Any]:
    """Named queries the analyst can open (queries/ without _ops)."""
    return analyst_queries()
