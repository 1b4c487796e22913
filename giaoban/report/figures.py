"""Plotly figures of the report pack, one builder per chart, from named-query frames.

Builders only decide *what* a chart shows (series, order, colours with meaning, Vietnamese
labels); size, fonts, grid and caption come later from ``giaoban.print_style.print_figure``, so the
same figure prints in the DOCX, the PDF and the ZIP. Each returns ``(figure, height_mm)``: the
height grows with the number of rows so labels never crowd. An empty frame gives a figure that
says so rather than an empty plot.

Why these are not ``giaoban.charts`` (the dashboard's builders), though several show the same
numbers (rates by organisation, backlog aging, directive outcomes, top themes, heatmaps, trend):
a printed page has no hover, legend toggling or zoom, so these write the values on the marks,
use a sober palette that stays readable when photocopied in grey, speak Vietnamese only (the
report is an official document) and size themselves in millimetres for A4. Both read the same
named queries, so the numbers cannot drift apart; only the drawing differs.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from giaoban.report import vn

BLUE, ORANGE, GREEN, RED, AMBER, GREY, LIGHT = (
    "#1f4e79",
    "#e07b24",
    "#4e8a3a",
    "#9e2a2b",
    "#b7950b",
    "#8497b0",
    "#a9c4e2",
)
OUTCOME_COLOURS = {"on_time": GREEN, "late": AMBER, "overdue": RED, "open": GREY, "cancelled": "#c8c8c8"}
HEAT = [[0.0, "#f4f8fc"], [0.5, "#7fa7cf"], [1.0, BLUE]]
Built = tuple[go.Figure, float]
UNKNOWN_ORG = "Chưa xác định tổ chức"


def _names(values: list, width: int = 26) -> list[str]:
    """Axis labels: wrapped, with a word for items whose organisation or theme is unknown."""
    return [vn.wrap(UNKNOWN_ORG if v is None else v, width) for v in values]


def _periods(values: list) -> list[str]:
    return [vn.period(v) for v in values]


def _empty(message: str = "Không có số liệu trong kỳ") -> Built:
    fig = go.Figure()
    fig.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig, 40.0


def _rows_height(rows: int, per_row: float = 7.0, base: float = 32.0) -> float:
    return min(200.0, base + per_row * max(rows, 1))


def _hbar(y: list[str], x: list, name: str, colour: str, text: list[str] | None = None) -> go.Bar:
    return go.Bar(
        y=y, x=x, name=name, orientation="h", marker_color=colour, text=text, textposition="outside", cliponaxis=False
    )


def _room(values: list, share: float = 1.2) -> list[float]:
    """An axis range with room for labels printed outside the longest bar."""
    top = max((v for v in values if v is not None), default=0) or 1
    return [0, top * share]


def kpi_counts(kpi: pl.DataFrame, current: str, previous: str) -> Built:
    """Meetings, recommendations, overdue and directives: this period against the same one last year."""
    if kpi.is_empty():
        return _empty()
    labels = ["Cuộc họp", "Kiến nghị", "Kiến nghị quá hạn", "Chỉ đạo"]
    cols = ["meetings", "recommendations", "overdue", "directives"]
    fig = go.Figure()
    for period, name, colour in (("previous_year", previous, LIGHT), ("current", current, BLUE)):
        row = kpi.filter(pl.col("period") == period)
        values = [row[c][0] if not row.is_empty() else None for c in cols]
        fig.add_bar(x=labels, y=values, name=name, marker_color=colour, text=[vn.num(v) for v in values])
    fig.update_traces(textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="group", yaxis_title="Số lượng")
    return fig, 80.0


def kpi_rates(kpi: pl.DataFrame, current: str, previous: str) -> Built:
    """Answered, resolved and directive completion rates against the same period last year."""
    if kpi.is_empty():
        return _empty()
    labels = ["Tỷ lệ được trả lời", "Tỷ lệ giải quyết dứt điểm", "Tỷ lệ hoàn thành chỉ đạo"]
    cols = ["answered_rate", "resolution_rate", "completed_rate"]
    fig = go.Figure()
    for period, name, colour in (("previous_year", previous, LIGHT), ("current", current, BLUE)):
        row = kpi.filter(pl.col("period") == period)
        values = [row[c][0] if not row.is_empty() else None for c in cols]
        fig.add_bar(x=labels, y=values, name=name, marker_color=colour, text=[vn.pct(v) for v in values])
    fig.update_traces(textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="group", yaxis={"tickformat": ".0%", "range": [0, 1.12]})
    return fig, 80.0


def _by_period(frame: pl.DataFrame, col: str, periods: list[str], missing: float | None = 0) -> list:
    """``col`` for every period of the report, ``missing`` where the query returned no row."""
    found = dict(zip(frame["period_label"].to_list(), frame[col].to_list(), strict=True))
    return [found.get(p, missing) for p in periods]


def activity_trend(trend: pl.DataFrame, periods: list[str]) -> Built:
    """Meetings, recommendations and directives per month or quarter of the period (empty ones shown as 0)."""
    if trend.is_empty():
        return _empty()
    x = _periods(periods)
    fig = go.Figure()
    for col, name, colour in (
        ("meetings", "Cuộc họp", GREY),
        ("recommendations", "Kiến nghị", BLUE),
        ("directives", "Chỉ đạo", ORANGE),
    ):
        values = _by_period(trend, col, periods)
        fig.add_bar(x=x, y=values, name=name, marker_color=colour, text=[vn.num(v) for v in values])
    fig.update_traces(textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="group", yaxis_title="Số lượng", xaxis_type="category")
    return fig, 80.0


def rates_trend(rates: pl.DataFrame, periods: list[str]) -> Built:
    """Answered and actually-resolved rates of the recommendations raised in each month or quarter."""
    if rates.is_empty():
        return _empty()
    x = _periods(periods)
    fig = go.Figure()
    for col, name, colour in (
        ("answered_rate", "Tỷ lệ được trả lời", BLUE),
        ("resolution_rate", "Tỷ lệ giải quyết dứt điểm", ORANGE),
    ):
        values = _by_period(rates, col, periods, None)
        fig.add_scatter(
            x=x,
            y=values,
            name=name,
            mode="lines+markers+text",
            line={"color": colour, "width": 2.2},
            marker={"size": 7},
            text=[vn.pct(v, 0) for v in values],
            textposition="top center",
        )
    fig.update_layout(yaxis={"tickformat": ".0%", "range": [0, 1.1]}, xaxis_type="category")
    return fig, 75.0


def funnel(stages: pl.DataFrame) -> Built:
    """How far the period's recommendations got: raised, any response, acted on, resolved."""
    if stages.is_empty() or not stages["n"].sum():
        return _empty()
    names = {"raised": "Đã nêu", "answered": "Được phản hồi", "acted": "Được xử lý", "resolved": "Giải quyết dứt điểm"}
    y = [names.get(s, s) for s in stages["stage"].to_list()]
    text = [f"{vn.num(n)} ({vn.pct(s)})" for n, s in zip(stages["n"], stages["share"], strict=True)]
    fig = go.Figure(_hbar(y, stages["n"].to_list(), "Kiến nghị", BLUE, text))
    fig.update_layout(
        yaxis={"autorange": "reversed"},
        showlegend=False,
        xaxis={"title": "Số kiến nghị", "range": _room(stages["n"].to_list(), 1.3)},
    )
    return fig, 62.0


def rates_by_org(rates: pl.DataFrame) -> Built:
    """Answered vs actually-resolved rate per organisation, side by side (most recommendations on top)."""
    if rates.is_empty():
        return _empty()
    y = _names(rates["organisation"].to_list())
    fig = go.Figure()
    for col, name, colour in (
        ("resolution_rate", "Tỷ lệ giải quyết dứt điểm", ORANGE),
        ("answered_rate", "Tỷ lệ được trả lời", BLUE),
    ):
        values = rates[col].to_list()
        fig.add_trace(_hbar(y, values, name, colour, [vn.pct(v) for v in values]))
    fig.update_layout(
        barmode="group",
        yaxis={"autorange": "reversed"},
        xaxis={"tickformat": ".0%", "range": [0, 1.15]},
        legend={"traceorder": "reversed"},
    )
    return fig, _rows_height(rates.height, 11.0)


def overdue_by_org(rates: pl.DataFrame) -> Built:
    """Open recommendations past their deadline, per organisation."""
    frame = rates.filter(pl.col("overdue") > 0).sort("overdue", descending=True)
    if frame.is_empty():
        return _empty("Không có kiến nghị quá hạn trong kỳ")
    y = _names(frame["organisation"].to_list())
    values = frame["overdue"].to_list()
    fig = go.Figure(_hbar(y, values, "Kiến nghị quá hạn", RED, [vn.num(v) for v in values]))
    fig.update_layout(
        yaxis={"autorange": "reversed"},
        showlegend=False,
        xaxis={"title": "Số kiến nghị quá hạn", "range": _room(values)},
    )
    return fig, _rows_height(frame.height)


def backlog_aging(aging: pl.DataFrame) -> Built:
    """Open recommendations by days since the meeting, split into overdue and not yet due."""
    if aging.is_empty() or not aging["open"].sum():
        return _empty("Không có kiến nghị chưa giải quyết")
    x = [f"{b} ngày" for b in aging["aging_bucket"].to_list()]
    overdue = aging["overdue"].to_list()
    not_due = [o - d for o, d in zip(aging["open"], aging["overdue"], strict=True)]
    fig = go.Figure()
    fig.add_bar(x=x, y=not_due, name="Chưa đến hạn", marker_color=GREY, text=[vn.num(v) if v else "" for v in not_due])
    fig.add_bar(x=x, y=overdue, name="Quá hạn", marker_color=RED, text=[vn.num(v) if v else "" for v in overdue])
    fig.update_traces(textposition="inside", insidetextanchor="middle", textfont_color="white")
    fig.update_layout(
        barmode="stack",
        yaxis_title="Số kiến nghị chưa giải quyết",
        xaxis_title="Thời gian kể từ cuộc họp",
        legend={"traceorder": "normal"},
    )
    return fig, 75.0


def resolution_time(bands: pl.DataFrame) -> Built:
    """How long resolved recommendations took, meeting to resolution, with the median and 90th percentile."""
    if bands.is_empty() or not bands["n"].sum():
        return _empty("Chưa có kiến nghị được giải quyết dứt điểm")
    median, p90 = bands["median_days"][0], bands["p90_days"][0]
    x = [f"{b} ngày" for b in bands["band"].to_list()]
    values = bands["n"].to_list()
    fig = go.Figure(go.Bar(x=x, y=values, marker_color=GREEN, text=[vn.num(v) for v in values], textposition="outside"))
    fig.update_traces(cliponaxis=False)
    title = f"Thời gian giải quyết (trung vị {vn.num(median)} ngày; 90% xong trong {vn.num(p90)} ngày)"
    fig.update_layout(showlegend=False, yaxis_title="Số kiến nghị", xaxis_title=title)
    return fig, 72.0


def directive_outcomes(frame: pl.DataFrame, label_col: str, wrap_at: int = 26) -> Built:
    """Directive outcomes (on time, late, overdue, open, cancelled) stacked per addressee or theme."""
    if frame.is_empty():
        return _empty("Không có chỉ đạo trong kỳ")
    y = _names(frame[label_col].to_list(), wrap_at)
    fig = go.Figure()
    for outcome, colour in OUTCOME_COLOURS.items():
        values = frame[outcome].to_list()
        if not any(values):
            continue
        text = [vn.num(v) if v else "" for v in values]
        fig.add_trace(
            go.Bar(y=y, x=values, name=vn.DIR_OUTCOME[outcome], orientation="h", marker_color=colour, text=text)
        )
    fig.update_traces(textposition="inside", insidetextanchor="middle", textfont_color="white")
    fig.update_layout(
        barmode="stack", yaxis={"autorange": "reversed"}, xaxis_title="Số chỉ đạo", legend={"traceorder": "normal"}
    )
    return fig, _rows_height(frame.height, 8.0, 40.0)


def top_themes(themes: pl.DataFrame) -> Built:
    """Themes raised at the most meetings in the period."""
    if themes.is_empty():
        return _empty("Chưa có chủ đề được gắn trong kỳ")
    y = [vn.wrap(v, 30) for v in themes["label_vi"].to_list()]
    values = themes["meetings"].to_list()
    fig = go.Figure(_hbar(y, values, "Cuộc họp", BLUE, [vn.num(v) for v in values]))
    fig.update_layout(
        yaxis={"autorange": "reversed"},
        showlegend=False,
        xaxis={"title": "Số cuộc họp có nêu chủ đề", "range": _room(values)},
    )
    return fig, _rows_height(themes.height)


def _heatmap(frame: pl.DataFrame, row_col: str, value_col: str, rows: list[str], periods: list[str]) -> go.Figure:
    cells = {(r, p): v for r, p, v in zip(frame[row_col], frame["period_label"], frame[value_col], strict=True)}
    z = [[cells.get((r, p), 0) for p in periods] for r in rows]
    text = [[vn.num(v) if v else "" for v in line] for line in z]
    fig = go.Figure(
        go.Heatmap(
            x=_periods(periods),
            y=_names(rows, 28),
            z=z,
            text=text,
            texttemplate="%{text}",
            colorscale=HEAT,
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis={"type": "category", "side": "bottom"})
    return fig


def theme_heatmap(heat: pl.DataFrame, periods: list[str], limit: int = 12) -> Built:
    """Recommendations and directives per theme and month/quarter: which themes keep coming back."""
    if heat.is_empty():
        return _empty("Chưa có chủ đề được gắn trong kỳ")
    totals = heat.group_by("label_vi").agg(pl.col("items").sum()).sort(["items", "label_vi"], descending=[True, False])
    rows = totals["label_vi"].head(limit).to_list()
    return _heatmap(heat, "label_vi", "items", rows, periods), _rows_height(len(rows), 7.0, 28.0)


def activity_by_org(heat: pl.DataFrame) -> Built:
    """Meetings attended, recommendations raised and directives received per organisation, whole period."""
    if heat.is_empty():
        return _empty()
    totals = (
        heat.group_by("organisation")
        .agg(pl.col("meetings").sum(), pl.col("recommendations").sum(), pl.col("directives").sum())
        .sort(["recommendations", "organisation"], descending=[True, False])
    )
    y = _names(totals["organisation"].to_list())
    fig = go.Figure()
    for col, name, colour in (
        ("directives", "Chỉ đạo nhận", ORANGE),
        ("recommendations", "Kiến nghị nêu", BLUE),
        ("meetings", "Cuộc họp dự", GREY),
    ):
        values = totals[col].to_list()
        fig.add_trace(_hbar(y, values, name, colour, [vn.num(v) if v else "" for v in values]))
    peak = totals.select(pl.max_horizontal("meetings", "recommendations", "directives").max()).item()
    fig.update_layout(
        barmode="group",
        yaxis={"autorange": "reversed"},
        legend={"traceorder": "reversed"},
        xaxis={"title": "Số lượng", "range": _room([peak])},
    )
    return fig, _rows_height(totals.height, 13.0)


def activity_heatmap(heat: pl.DataFrame, periods: list[str]) -> Built:
    """Recommendations raised per organisation and month/quarter."""
    if heat.is_empty():
        return _empty()
    totals = (
        heat.group_by("organisation")
        .agg(pl.col("recommendations").sum())
        .sort(["recommendations", "organisation"], descending=[True, False])
    )
    rows = totals["organisation"].to_list()
    return _heatmap(heat, "organisation", "recommendations", rows, periods), _rows_height(len(rows), 7.0, 28.0)


def localities(places: pl.DataFrame) -> Built:
    """Meetings and recommendations per province (only drawn when the scope spans several)."""
    frame = places.filter(pl.col("name").is_not_null()).head(20)
    if frame.is_empty():
        return _empty()
    y = [vn.wrap(n, 26) for n in frame["name"].to_list()]
    fig = go.Figure()
    for col, name, colour in (("recommendations", "Kiến nghị", BLUE), ("meetings", "Cuộc họp", GREY)):
        values = frame[col].to_list()
        fig.add_trace(_hbar(y, values, name, colour, [vn.num(v) if v else "" for v in values]))
    peak = frame.select(pl.max_horizontal("meetings", "recommendations").max()).item()
    fig.update_layout(
        barmode="group",
        yaxis={"autorange": "reversed"},
        legend={"traceorder": "reversed"},
        xaxis={"title": "Số lượng", "range": _room([peak])},
    )
    return fig, _rows_height(frame.height, 11.0)
