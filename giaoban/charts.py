"""Plotly figure builders shared by the dashboard and the report exporter.

Every builder takes a polars frame (the result of a named query) and the words to show (labels
come from the caller, so the same figure serves Vietnamese and English) and returns a
``go.Figure`` with the house style: one font that has every Vietnamese glyph, the number
separators of the language, a legend above the plot, and, when the data holds sample meetings,
a "Dữ liệu mẫu" mark. Figures never query anything; images of them (print-styled PNG, SVG, PDF)
come from ``giaoban.export``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import plotly.graph_objects as go
import polars as pl

FONT = "Noto Sans, Liberation Sans, Arial, sans-serif"
INK, MUTED, GRID = "#1f2937", "#6b7280", "#e5e7eb"
COLORS = {
    "meetings": "#1d4ed8",
    "recommendations": "#b91c1c",
    "directives": "#0f766e",
    "answered": "#2563eb",
    "resolved": "#16a34a",
    "overdue": "#dc2626",
    "open": "#93c5fd",
    "on_time": "#16a34a",
    "late": "#f97316",
    "cancelled": "#9ca3af",
    "acted": "#7c3aed",
    "raised": "#64748b",
    "answered_rate": "#2563eb",
    "resolution_rate": "#16a34a",
    "completed_rate": "#0f766e",
}
SEQUENTIAL = [[0.0, "#fff7ed"], [0.25, "#fed7aa"], [0.5, "#fb923c"], [0.75, "#dc2626"], [1.0, "#7f1d1d"]]
_SEPARATORS = {"vi": ",.", "en": ".,"}


def style(fig: go.Figure, lang: str = "vi", sample_note: str | None = None, height: int = 380) -> go.Figure:
    """The house layout; ``sample_note`` (e.g. "Dữ liệu mẫu") is written in the top-right corner."""
    fig.update_layout(
        font={"family": FONT, "size": 13, "color": INK},
        separators=_SEPARATORS.get(lang, ",."),
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": None},
        hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(gridcolor=GRID, zeroline=False, automargin=True)
    fig.update_yaxes(gridcolor=GRID, zeroline=False, automargin=True)
    if sample_note:
        # As a small title in the top-right corner of the whole figure, above the legend row, so
        # neither covers the other however wide the legend grows.
        fig.update_layout(
            title={
                "text": f"<i>{sample_note}</i>",
                "font": {"size": 12, "color": MUTED},
                "x": 0.995,
                "xanchor": "right",
                "xref": "container",
                "y": 0.995,
                "yanchor": "top",
                "yref": "container",
            },
            margin={"t": 76},
        )
    return fig


def _percent_axis(fig: go.Figure, axis: str = "y") -> None:
    getattr(fig, f"update_{axis}axes")(tickformat=".0%", rangemode="tozero")


def lines(
    frame: pl.DataFrame, x: str, series: dict[str, str], percent: bool = False, markers: bool = True
) -> go.Figure:
    """One line per column of ``series`` ({column: legend label}) over ``x`` (period labels)."""
    fig = go.Figure()
    for col, label in series.items():
        fig.add_trace(
            go.Scatter(
                x=frame[x].to_list(),
                y=frame[col].to_list(),
                name=label,
                mode="lines+markers" if markers else "lines",
                line={"color": COLORS.get(col), "width": 2.5},
                hovertemplate=f"{label}: %{{y{':.1%' if percent else ':,'}}}<extra>%{{x}}</extra>",
            )
        )
    fig.update_xaxes(type="category")
    if percent:
        _percent_axis(fig)
    elif max([v for c in series for v in frame[c].to_list() if v is not None] or [0]) <= 8:
        fig.update_yaxes(dtick=1, rangemode="tozero")  # small counts: whole numbers only
    return fig


def bars(
    frame: pl.DataFrame,
    category: str,
    series: dict[str, str],
    percent: bool = False,
    horizontal: bool = False,
    stacked: bool = False,
    colors: dict[str, str] | None = None,
    text: bool = True,
) -> go.Figure:
    """Grouped (or stacked) bars, one bar per column of ``series`` for each ``category``."""
    fig = go.Figure()
    cats = frame[category].to_list()
    value, cat = ("x", "y") if horizontal else ("y", "x")
    fmt = ".0%" if percent else ",d"
    for col, label in series.items():
        values = frame[col].to_list()
        bar = go.Bar(
            name=label,
            marker_color=(colors or COLORS).get(col),
            texttemplate=f"%{{{value}:{fmt}}}" if text else None,
            textposition="auto" if stacked else "outside",
            cliponaxis=False,
            hovertemplate=f"{label}: %{{{value}:{fmt}}}<extra>%{{{cat}}}</extra>",
        )
        bar.update(x=values, y=cats, orientation="h") if horizontal else bar.update(x=cats, y=values)
        fig.add_trace(bar)
    fig.update_layout(barmode="stack" if stacked else "group", bargap=0.25, legend_traceorder="normal")
    getattr(fig, f"update_{cat}axes")(type="category", gridcolor="rgba(0,0,0,0)")
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    if percent:
        _percent_axis(fig, value)
        getattr(fig, f"update_{value}axes")(range=[0, 1.12])
    elif max([v for c in series for v in frame[c].to_list() if v is not None] or [0]) <= 8:
        getattr(fig, f"update_{value}axes")(dtick=1)  # small counts: whole numbers only
    return fig


def funnel(frame: pl.DataFrame, stage: str, value: str, colors: Sequence[str] | None = None) -> go.Figure:
    """Stages narrowing from all raised to actually resolved, each with its share of the first."""
    fig = go.Figure(
        go.Funnel(
            y=frame[stage].to_list(),
            x=frame[value].to_list(),
            textinfo="value+percent initial",
            marker={
                "color": list(colors or [COLORS["raised"], COLORS["answered"], COLORS["acted"], COLORS["resolved"]])
            },
            connector={"fillcolor": "#f3f4f6"},
            hovertemplate="%{y}: %{x:,d}<extra></extra>",
        )
    )
    return fig


def heatmap(
    frame: pl.DataFrame,
    x: str,
    y: str,
    z: str,
    keys: Sequence[str] = (),
    x_order: Sequence[str] | None = None,
    y_order: Sequence[str] | None = None,
    hover: str = "%{y}<br>%{x}: %{z:,d}",
) -> go.Figure:
    """A grid of ``z`` by ``x`` (periods) and ``y`` (themes, organisations), counts written in the cells.

    Clicking a cell must work in Streamlit, which reports selections of scatter points but not
    of heatmap cells, so an invisible square marker sits on every cell; its ``customdata`` carries
    ``keys`` (e.g. theme id and period start) so a click names the cell without parsing labels.
    """
    xs = list(x_order or dict.fromkeys(frame[x].to_list()))
    ys = list(y_order or dict.fromkeys(frame[y].to_list()))
    cell = {(r[x], r[y]): r[z] for r in frame.iter_rows(named=True)}
    grid = [[cell.get((xv, yv)) for xv in xs] for yv in ys]
    fig = go.Figure(
        go.Heatmap(
            x=xs,
            y=ys,
            z=grid,
            colorscale=SEQUENTIAL,
            showscale=False,
            xgap=2,
            ygap=2,
            hoverinfo="skip",
            texttemplate="%{z:,d}" if len(xs) <= 24 else None,
            hoverongaps=False,
        )
    )
    if keys:
        fig.add_trace(
            go.Scatter(
                x=frame[x].to_list(),
                y=frame[y].to_list(),
                customdata=frame.select(list(keys)).rows(),
                text=[f"{v:,}" for v in frame[z].to_list()],
                mode="markers",
                marker={"symbol": "square", "size": _cell_px(len(xs)), "color": "rgba(0,0,0,0)"},
                hovertemplate=hover.replace("%{z:,d}", "%{text}") + "<extra></extra>",
                showlegend=False,
            )
        )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=xs, side="top", gridcolor="rgba(0,0,0,0)")
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=ys, autorange="reversed", gridcolor="rgba(0,0,0,0)"
    )
    fig.update_layout(clickmode="event+select", dragmode=False, hovermode="closest")
    return fig


def _cell_px(columns: int) -> int:
    return max(8, min(34, 900 // max(columns, 1)))


def heatmap_height(rows: int) -> int:
    """Enough height for every row label to be readable."""
    return max(220, 90 + 30 * rows)


def diverging(
    frame: pl.DataFrame, category: str, value: str, up: str, down: str, points: str | None = None
) -> go.Figure:
    """Horizontal bars left (fading, ``down`` colour) or right (emerging, ``up`` colour) of zero.

    With ``points`` (the unit's word: "điểm", "pts") the values are differences of two shares and
    read as percentage points, "+21 điểm": "+21%" would read as a relative change."""
    scale = 100 if points else 1
    shown = [None if v is None else v * scale for v in frame[value].to_list()]
    label = (lambda v: f"{v:+.0f} {points}") if points else (lambda v: f"{v:+.0%}")
    fig = go.Figure(
        go.Bar(
            x=shown,
            y=frame[category].to_list(),
            orientation="h",
            marker_color=[up if (v or 0) >= 0 else down for v in shown],
            text=[None if v is None else label(v) for v in shown],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    # room beyond the longest bar for its label: "+50 điểm" is twice as long as "+50%"
    reach = max([abs(v) for v in shown if v is not None] or [0.1 * scale]) * (2.0 if points else 1.45)
    fig.update_xaxes(tickformat="+.0f" if points else "+.0%", zeroline=True, zerolinecolor=MUTED, range=[-reach, reach])
    fig.update_yaxes(autorange="reversed", type="category")
    return fig


def calendar(frame: pl.DataFrame, day: str, value: str, weekdays: Sequence[str], months: Sequence[str]) -> go.Figure:
    """Meetings per day: a week-by-weekday grid for up to about a year, else a month-by-year grid."""
    days = frame[day].to_list()
    if not days or (max(days) - min(days)).days > 400:
        by_month = frame.group_by(pl.col(day).dt.year().alias("year"), pl.col(day).dt.month().alias("month")).agg(
            pl.col(value).sum()
        )
        cells = {(r["year"], r["month"]): r[value] for r in by_month.iter_rows(named=True)}
        years = sorted({y for y, _ in cells}) or [dt.date.today().year]
        grid = [[cells.get((y, m)) for m in range(1, 13)] for y in years]
        fig = go.Figure(
            go.Heatmap(
                x=list(months),
                y=[str(y) for y in years],
                z=grid,
                colorscale=SEQUENTIAL,
                showscale=False,
                xgap=2,
                ygap=2,
                texttemplate="%{z}",
                hovertemplate="%{x} %{y}: %{z}<extra></extra>",
                hoverongaps=False,
            )
        )
        fig.update_yaxes(autorange="reversed", type="category")
        return fig
    start = min(days) - dt.timedelta(days=min(days).weekday())
    counts = dict(zip(days, frame[value].to_list(), strict=True))
    weeks = (max(days) - start).days // 7 + 1
    week_starts = [start + dt.timedelta(weeks=w) for w in range(weeks)]
    grid = [[counts.get(ws + dt.timedelta(days=d)) for ws in week_starts] for d in range(7)]
    text = [[(ws + dt.timedelta(days=d)).strftime("%d/%m/%Y") for ws in week_starts] for d in range(7)]
    fig = go.Figure(
        go.Heatmap(
            x=week_starts,
            y=list(weekdays),
            z=grid,
            text=text,
            colorscale=SEQUENTIAL,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{text}: %{z}<extra></extra>",
            hoverongaps=False,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(tickformat="%m/%Y", dtick="M1", gridcolor="rgba(0,0,0,0)")
    return fig
