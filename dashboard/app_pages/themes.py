"""Chủ đề / Themes: which topics come up, when, and for how long. Click a heatmap cell to list the
recommendations and directives behind it, then one of them to read its source sentence."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st
from components import chart, filters, fmt, source, ui
from i18n import t
from resources import not_applied, scoped

from giaoban import charts

lang = st.session_state.get("lang", "vi")
ui.require_database(lang)
f = filters.current()
p = f.params
sample = ui.header("themes.title", lang, f, "themes.intro")
note = t("sample.badge", lang) if sample else None
label_col = "label_en" if lang == "en" else "label_vi"

MEASURES = ("meetings", "recommendations", "directives")
TOP = 15
a, b = st.columns([3, 2], vertical_alignment="bottom")
measure = (
    a.segmented_control(
        t("themes.measure", lang),
        MEASURES,
        default="meetings",
        key=filters.translated("th_measure"),
        format_func=lambda m: t(f"col.{m}", lang),
    )
    or "meetings"
)
show_all = b.toggle(t("themes.show_all", lang), key="th_all")

heat = scoped("themes/heatmap", p)
if heat.is_empty():
    ui.empty(lang, "empty.themes")
    st.stop()
heat = heat.with_columns(
    theme=pl.col(label_col),
    period=pl.col("period_start").map_elements(lambda d: fmt.period_label(d, f.grain, lang), return_dtype=str),
    period_key=pl.col("period_start").cast(pl.String),
)
order = heat.group_by("theme").agg(pl.col(measure).sum()).sort([measure, "theme"], descending=[True, False])
order = order.filter(pl.col(measure) > 0)["theme"].to_list()
if not show_all:
    order = order[:TOP]
    heat = heat.filter(pl.col("theme").is_in(order))
if not order:
    ui.empty(lang, "empty.themes")
    st.stop()
periods = [fmt.period_label(d, f.grain, lang) for d in fmt.periods(f.date_from, f.date_to, f.grain)]
fig = charts.heatmap(
    heat,
    "period",
    "theme",
    measure,
    keys=("theme_id", "period_key"),
    x_order=periods,
    y_order=order,
    hover="%{y}<br>%{x}: %{z:,d} " + t(f"col.{measure}", lang).lower(),
)
fig = charts.style(fig, lang, note, height=charts.heatmap_height(len(order)))
cols = {
    "theme": t("col.theme", lang),
    "period": t("col.period", lang),
    "meetings": t("col.meetings", lang),
    "recommendations": t("col.recommendations", lang),
    "directives": t("col.directives", lang),
}
event = chart.show(fig, heat, cols, "chu-de-theo-ky", lang, "th_heat", select=True)
st.caption(t("themes.click_cell", lang))

cell, item = ui.url_state("cell"), ui.url_state("item")
picked = chart.clicked(event)
if picked and f"{picked[0]}|{picked[1]}" != cell:
    cell, item = f"{picked[0]}|{picked[1]}", None
    ui.set_url_state("cell", cell)
    ui.set_url_state("item", None)
ui.sync_url("cell", "item")

if cell and "|" in cell:
    theme_id, start_text = cell.split("|", 1)
    start = dt.date.fromisoformat(start_text)
    names = dict(zip(heat["theme_id"], heat[label_col], strict=False))
    st.subheader(
        t("themes.cell_title", lang, theme=names.get(theme_id, theme_id), period=fmt.period_label(start, f.grain, lang))
    )
    cell_params = {
        **p,
        "theme": theme_id,
        "date_from": max(start, f.date_from),
        "date_to": min(fmt.period_end(start, f.grain), f.date_to),
    }
    items = scoped("themes/items", cell_params)
    if items.is_empty():
        ui.empty(lang, "empty.cell")
    else:
        items = ui.translate(items, "item_type", "item", lang)
        items = items.with_columns(source_mark=pl.when(pl.col("has_source")).then(pl.lit("✓")).otherwise(pl.lit("")))
        items = ui.translate(items.with_columns(origin_label=pl.col("origin")), "origin_label", "origin", lang)
        icols = {
            "held_on": t("col.held_on", lang),
            "item_type": t("col.item_type", lang),
            "text": t("col.text", lang),
            "organisation": t("col.organisation", lang),
            "locality": t("col.locality", lang),
            "source_mark": t("col.source", lang),
            "origin_label": t("col.origin", lang),
        }
        row = ui.table(
            items,
            icols,
            "th_items",
            select=True,
            config={"held_on": ui.date_column(icols["held_on"]), "text": st.column_config.TextColumn(width="large")},
        )
        chart.downloads("chu-de-muc", lang, lambda: chart.export_frame(items, icols), None, "th_items_dl")
        if row:
            kind = "recommendation" if row["item_type"] == t("item.recommendation", lang) else "directive"
            item = f"{kind}|{row['item_id']}"
            ui.set_url_state("item", item)
        if item and "|" in item:
            kind, item_id = item.split("|", 1)
            if item_id in set(items["item_id"].to_list()):
                source.show(kind, item_id, lang, "th_src")
        else:
            st.caption(t("themes.pick_item", lang))

st.divider()
st.subheader(t("themes.recurring", lang))
rec = scoped("themes/recurring", p)
if rec.is_empty():
    ui.empty(lang, "empty.themes")
else:
    rec = rec.with_columns(
        theme=pl.col(label_col),
        last_period=pl.col("last_held_on").map_elements(
            lambda d: fmt.period_label(fmt.period_start(d, f.grain), f.grain, lang), return_dtype=str
        ),
    )
    rcols = {
        "theme": t("col.theme", lang),
        "meetings": t("col.meetings", lang),
        "items": t("col.items", lang),
        "periods": t("col.periods_active", lang),
        "longest_run": t("col.longest_run", lang),
        "last_period": t("col.last_period", lang),
    }
    ui.table(
        rec,
        rcols,
        "th_recurring",
        config={"longest_run": st.column_config.NumberColumn(help=t("themes.run_help", lang))},
    )
    chart.downloads("chu-de-lap-lai", lang, lambda: chart.export_frame(rec, rcols), None, "th_rec_dl")
left, right = st.columns(2)
with left:
    st.subheader(t("themes.trending", lang))
    trend = scoped("themes/trending", p)
    trend = trend.filter(pl.col("change").is_not_null()) if not trend.is_empty() else trend
    if trend.is_empty():
        ui.empty(lang, "empty.trending")
    else:
        moving = (
            pl.concat([trend.head(5), trend.tail(5)]).unique("theme_id", keep="first").sort("change", descending=True)
        )
        moving = moving.with_columns(theme=pl.col(label_col))
        fig = charts.diverging(
            moving, "theme", "change", charts.COLORS["resolved"], charts.COLORS["overdue"], t("unit.points", lang)
        )
        fig = charts.style(fig, lang, note, height=charts.heatmap_height(moving.height))
        tcols = {
            "theme": t("col.theme", lang),
            "early_share": t("col.early_share", lang),
            "late_share": t("col.late_share", lang),
            "change": t("col.change", lang),
        }
        chart.show(fig, moving, tcols, "chu-de-noi-len-giam-dan", lang, "th_trend")
        st.caption(t("themes.trending_help", lang))

with right:
    st.subheader(t("themes.phrases", lang))
    phrases = scoped("themes/new_phrases", p)
    if phrases.is_empty():
        ui.empty(lang, "empty.phrases")
    else:
        pcols = {
            "phrase": t("col.phrase", lang),
            "meetings": t("col.meetings", lang),
            "first_held_on": t("col.first_seen", lang),
            "last_held_on": t("col.last_seen", lang),
        }
        ui.table(
            phrases,
            pcols,
            "th_phrases",
            height=300,
            config={
                "first_held_on": ui.date_column(pcols["first_held_on"]),
                "last_held_on": ui.date_column(pcols["last_held_on"]),
            },
        )
        st.caption(t("themes.phrases_help", lang))
    ui.not_applied_note(not_applied("themes/new_phrases", p), lang)
