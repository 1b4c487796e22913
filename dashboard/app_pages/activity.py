"""Hoạt động / Activity: who took part, raised and received what, period by period; when meetings
were held; and how localities compare, either as recorded or mapped onto today's 34 provinces."""

from __future__ import annotations

import polars as pl
import streamlit as st
from components import chart, filters, fmt, ui
from i18n import t
from resources import scoped

from giaoban import charts

lang = st.session_state.get("lang", "vi")
ui.require_database(lang)
f = filters.current()
p = f.params
sample = ui.header("activity.title", lang, f, "activity.intro")
note = t("sample.badge", lang) if sample else None

MEASURES = ("meetings", "recommendations", "directives")
measure = (
    st.segmented_control(
        t("activity.measure", lang),
        MEASURES,
        default="meetings",
        key=filters.translated("ac_measure"),
        format_func=lambda m: t(f"activity.{m}", lang),
    )
    or "meetings"
)
heat = scoped("activity/heatmap", p)
if heat.is_empty():
    ui.empty(lang)
    st.stop()
heat = heat.with_columns(
    period=pl.col("period_start").map_elements(lambda d: fmt.period_label(d, f.grain, lang), return_dtype=str)
)
totals = heat.group_by("organisation").agg(pl.col(measure).sum()).filter(pl.col(measure) > 0)
order = totals.sort([measure, "organisation"], descending=[True, False])["organisation"].to_list()
heat = heat.filter(pl.col("organisation").is_in(order))
if not order:
    ui.empty(lang)
    st.stop()
periods = [fmt.period_label(d, f.grain, lang) for d in fmt.periods(f.date_from, f.date_to, f.grain)]
fig = charts.heatmap(heat, "period", "organisation", measure, x_order=periods, y_order=order)
fig = charts.style(fig, lang, note, height=charts.heatmap_height(len(order)))
cols = {
    "organisation_name": t("col.organisation", lang),
    "period": t("col.period", lang),
    "meetings": t("activity.meetings", lang),
    "recommendations": t("activity.recommendations", lang),
    "directives": t("activity.directives", lang),
}
chart.show(fig, heat, cols, "hoat-dong-to-chuc", lang, "ac_heat")
st.caption(t("activity.heat_help", lang))

left, right = st.columns([3, 2])
with left:
    st.subheader(t("activity.calendar", lang))
    cal = scoped("activity/calendar", p)
    if cal.is_empty():
        ui.empty(lang)
    else:
        weekdays = [t(f"weekday.{i}", lang) for i in range(7)]
        months = [t(f"month.{i}", lang) for i in range(1, 13)]
        fig = charts.style(charts.calendar(cal, "held_on", "meetings", weekdays, months), lang, note, height=300)
        chart.show(
            fig,
            cal,
            {
                "held_on": t("col.held_on", lang),
                "meetings": t("col.meetings", lang),
                "sample_meetings": t("col.sample_meetings", lang),
            },
            "lich-hop",
            lang,
            "ac_cal",
        )
with right:
    view = t("activity.harmonised" if f.harmonised else "activity.recorded", lang)
    st.subheader(t("activity.localities", lang))
    st.caption(t("activity.localities_help", lang, view=view))
    loc = scoped("activity/localities", p)
    if loc.is_empty():
        ui.empty(lang)
    else:
        unknown = t("activity.unknown_place", lang)
        loc = loc.with_columns(
            place=pl.when(pl.col("valid_to").is_not_null())
            .then(
                pl.format(
                    "{} ({})",
                    pl.col("name"),
                    pl.lit(t("activity.until", lang)) + pl.col("valid_to").dt.year().cast(pl.String),
                )
            )
            .otherwise(pl.col("name"))
            .fill_null(unknown)
        )
        lcols = {
            "place": t("col.province", lang),
            "meetings": t("col.meetings", lang),
            "recommendations": t("col.recommendations", lang),
            "answered_rate": t("kpi.answered_rate", lang),
            "resolution_rate": t("kpi.resolution_rate", lang),
            "completed_rate": t("kpi.completed_rate", lang),
        }
        ui.table(
            loc,
            lcols,
            "ac_loc",
            config={k: ui.percent_column(lcols[k]) for k in ("answered_rate", "resolution_rate", "completed_rate")},
        )
        chart.downloads("so-sanh-dia-ban", lang, lambda: chart.export_frame(loc, lcols), None, "ac_loc_dl")
        if loc.height > 1:
            fig = charts.bars(
                loc,
                "place",
                {"answered_rate": lcols["answered_rate"], "resolution_rate": lcols["resolution_rate"]},
                percent=True,
                horizontal=True,
                colors={"answered_rate": charts.COLORS["answered"], "resolution_rate": charts.COLORS["resolved"]},
            )
            fig = charts.style(fig, lang, note, height=max(260, 70 + 48 * loc.height))
            chart.show(fig, loc, lcols, "ty-le-theo-dia-ban", lang, "ac_loc_chart")
