"""A quick chart of a SQL result: bar, line or heatmap of the columns the analyst picks.

Kept apart from the page so it is testable without Streamlit; the figure is plain Plotly.
"""

from __future__ import annotations

import plotly.express as px
import plotly.graph_objects as go
import polars as pl

KINDS = ("bar", "line", "heatmap")
MAX_POINTS = 10_000


def numeric_columns(frame: pl.DataFrame) -> list[str]:
    return [name for name, dtype in frame.schema.items() if dtype.is_numeric()]


def default_axes(frame: pl.DataFrame) -> tuple[str | None, str | None]:
    """First column across, first numeric column (other than that one) up."""
    if not frame.columns:
        return None, None
    x = frame.columns[0]
    numeric = [c for c in numeric_columns(frame) if c != x]
    return x, (numeric[0] if numeric else None)


def quick_figure(frame: pl.DataFrame, kind: str, x: str, y: str, group: str | None = None) -> go.Figure:
    """Bar or line of ``y`` against ``x`` (one series per ``group``); heatmap of ``group`` summed over x × y.

    For a heatmap ``x`` and ``y`` are the two axes and ``group`` is the numeric value (count of rows
    when it is None).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}; use {', '.join(KINDS)}")
    data = frame.head(MAX_POINTS)
    if kind == "heatmap":
        fig = px.density_heatmap(data, x=x, y=y, z=group, histfunc="sum" if group else "count")
    elif kind == "line":
        fig = px.line(data.sort(x), x=x, y=y, color=group, markers=True)
    else:
        fig = px.bar(data, x=x, y=y, color=group)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 30, "b": 10}, height=420)
    return fig
