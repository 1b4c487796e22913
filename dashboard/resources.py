"""The only place Streamlit meets core I/O: a cached read-only connection, cached named queries, and
the few writes the Data page makes (uploads, overrides), each followed by a refresh of the facts.

The connection is cached per database *file identity* (inode + mtime), so when a build or an
ingest swaps a new file in, the next rerun opens the new snapshot while sessions mid-run finish on
the old one. Pages never see a connection: they call ``run(name, **params)`` or
``scoped(name, filters, **params)`` and get a polars frame.

Chart downloads share one headless browser per server process: ``chart_images().render(...)``.
"""

from __future__ import annotations

import atexit
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from giaoban import aggregates, db, overrides, queries
from giaoban.config import settings
from giaoban.export import ChartExporter, figure_bytes
from giaoban.print_style import PrintStyle


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


def db_identity() -> tuple[str, int, int]:
    """The current database snapshot (path, inode, modification time): a new one after each write."""
    return _identity(db_path())


def run(name: str, **params: object) -> pl.DataFrame:
    """Run a named query on the current snapshot; results are cached per snapshot and parameters."""
    return _run(db_identity(), name, tuple(sorted(params.items())))


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


# --- chart images (download buttons) ---------------------------------------------------------------


class ChartImages:
    """The server's one chromium for chart downloads, shared by every session.

    A ``giaoban.export.ChartExporter`` started on the first click (a page that nobody downloads
    from never starts a browser) and reused afterwards, so a download after the first takes a
    fraction of a second instead of the ~2.5 s a browser costs to start. Download callables run on
    Streamlit's worker threads: one render at a time (the exporter drives one kaleido tab, and
    starting or replacing it is not thread-safe). A render that fails because the browser died
    (``ExportError``; crashed, killed, out of memory) closes it and retries once in a new one.
    """

    def __init__(self, factory: Callable[[], ChartExporter] = ChartExporter) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._exporter: ChartExporter | None = None
        self.starts = 0  # browsers started (tests check the reuse)
        atexit.register(self.close)  # no chromium left behind when the server stops

    def render(self, fig: go.Figure, fmt: str, style: PrintStyle | None = None, caption: str | None = None) -> bytes:
        """``fig`` print-styled as ``fmt`` (png, svg, pdf) with ``caption`` below the plot."""
        with self._lock:
            try:
                return self._render(fig, fmt, style, caption)
            except RuntimeError:  # ExportError: the browser died (or would not draw); once more in a new one
                self._close()
                return self._render(fig, fmt, style, caption)

    def _render(self, fig: go.Figure, fmt: str, style: PrintStyle | None, caption: str | None) -> bytes:
        if self._exporter is None:
            self._exporter = self._factory().start()
            self.starts += 1
        return figure_bytes(fig, fmt, style, caption=caption, exporter=self._exporter)

    def _close(self) -> None:
        exporter, self._exporter = self._exporter, None
        if exporter is not None:
            exporter.close()

    def close(self) -> None:
        with self._lock:
            self._close()


@st.cache_resource(show_spinner=False, on_release=lambda images: images.close())
def chart_images() -> ChartImages:
    """One ``ChartImages`` (one browser) per server process, shared across sessions and clicks."""
    return ChartImages()
