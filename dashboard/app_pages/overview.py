"""Tổng quan / Overview: the period at a glance — six figures against the same period last year,
the trend, the themes raised most, and the recommendations most overdue (click one for its source)."""

from __future__ import annotations

import polars as pl
import streamlit as st
from components import chart, filters, fmt, source, ui
from i18n import t
from resources import scoped

from giaoban import charts

lang = st.session_state.get("lang", "vi")
ui.require_database(lang)
f = filters.current()
p = f.params
sample = ui.header("overview.title", lang, f)
note = t("sample.badge", lang) if sample else None

kpis = {r["period"]: r for r in scoped("overview/kpi_cards", p).to_dicts()}
now, before = kpis.get("current", {}), kpis.get("previous_year", {})


def _delta(key: str, percent: bool = False) -> str | None:
    """Change against the same period last year: percentage points for rates, per cent for counts."""
    a, b = now.get(key), before.get(key)
    if a is None or b is None or (not percent and not b):
        return None
    change = (a - b) * 100 if percent else (a - b) / b * 100
    text = f"{change:+.1f}" if percent else f"{change:+.0f}"
    text = text.replace(".", ",") if lang == "vi" else text
    return t("kpi.points", lang, n=text) if percent else f"{text}%"


CARDS = (
    ("meetings", False, "normal"),
    ("recommendations", False, "normal"),
    ("answered_rate", True, "normal"),
    ("resolution_rate", True, "normal"),
    ("overdue", False, "inverse"),
    ("completed_rate", True, "normal"),
)
if not now.get("meetings") and not now.get("recommendations"):
    ui.empty(lang)
    st.stop()
columns = [*st.columns(3), *st.columns(3)]
for col, (key, percent, color) in zip(columns, CARDS, strict=True):
    value = fmt.percent(now.get(key), lang) if percent else fmt.number(now.get(key), lang)
    delta = _delta(key, percent)
    col.metric(
        t(f"kpi.{key}", lang),
        value,
        delta=delta,
        delta_color=color,
        help=t(f"kpi.{key}.help", lang),
        border=True,
        delta_description=t("kpi.vs_last_year", lang) if delta else None,
    )
st.caption(t("kpi.caption", lang))

left, right = st.columns(2)
trend = scoped("overview/trend", p)
if not trend.is_empty():
    trend = trend.with_columns(
        label=trend["period_start"].map_elements(lambda d: fmt.period_label(d, f.grain, lang), return_dtype=str)
    )
with left:
    st.subheader(t("overview.trend", lang))
    if trend.is_empty():
        ui.empty(lang)
    else:
        series = {k: t(f"kpi.{k}", lang) for k in ("meetings", "recommendations", "directives")}
        fig = charts.style(charts.lines(trend, "label", series), lang, note, height=340)
        chart.show(fig, trend, {"label": t("col.period", lang), **series}, "xu-huong", lang, "ov_trend")
with right:
    st.subheader(t("overview.rates", lang))
    if trend.is_empty():
        ui.empty(lang)
    else:
        series = {k: t(f"kpi.{k}", lang) for k in ("answered_rate", "resolution_rate")}
        fig = charts.style(charts.lines(trend, "label", series, percent=True), lang, note, height=340)
        chart.show(fig, trend, {"label": t("col.period", lang), **series}, "ty-le-tra-loi-giai-quyet", lang, "ov_rates")

left, right = st.columns([2, 3])
with left:
    st.subheader(t("overview.top_themes", lang))
    themes = scoped("overview/top_themes", p)
    if themes.is_empty():
        ui.empty(lang, "empty.themes")
    else:
        themes = themes.with_columns(theme=themes["label_en" if lang == "en" else "label_vi"])
        fig = charts.bars(themes, "theme", {"meetings": t("col.meetings", lang)}, horizontal=True)
        fig = charts.style(fig, lang, note, height=charts.heatmap_height(themes.height))
        fig.update_layout(showlegend=False)
        cols = {
            "theme": t("col.theme", lang),
            "meetings": t("col.meetings", lang),
            "recommendations": t("col.recommendations", lang),
            "directives": t("col.directives", lang),
        }
        chart.show(fig, themes, cols, "chu-de-noi-bat", lang, "ov_themes")
        st.page_link("app_pages/themes.py", label=t("overview.to_themes", lang), icon=":material/arrow_forward:")
with right:
    st.subheader(t("overview.overdue", lang))
    overdue = scoped("overview/most_overdue", p)
    if overdue.is_empty():
        st.success(t("overview.no_overdue", lang), icon=":material/check_circle:")
    else:
        overdue = ui.translate(overdue, "status", "status", lang)
        overdue = ui.translate(overdue.with_columns(origin_label=pl.col("origin")), "origin_label", "origin", lang)
        cols = {
            "days_overdue": t("col.days_overdue", lang),
            "text": t("col.recommendation", lang),
            "raised_by": t("col.raised_by", lang),
            "locality": t("col.locality", lang),
            "raised_on": t("col.raised_on", lang),
            "status": t("col.status", lang),
            "origin_label": t("col.origin", lang),
        }
        config = {"raised_on": ui.date_column(cols["raised_on"]), "text": st.column_config.TextColumn(width="large")}
        picked = ui.table(overdue, cols, "ov_overdue", select=True, config=config)
        chart.downloads("qua-han", lang, lambda: chart.export_frame(overdue, cols), None, "ov_overdue_dl")
        st.caption(t("overview.pick_row", lang))
        if picked:
            source.show("recommendation", picked["rec_id"], lang, "ov_src")
            st.page_link(
                "app_pages/meetings.py",
                label=t("overview.open_meeting", lang),
                icon=":material/event_note:",
                query_params={"meeting": picked["meeting_id"]},
            )
