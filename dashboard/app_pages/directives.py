"""Chỉ đạo / Directives: what the chair assigned, to whom, and whether it was done on time, late,
or is now overdue — by addressee and by theme, then the list with each directive's history."""

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
sample = ui.header("dirs.title", lang, f, "dirs.intro")
note = t("sample.badge", lang) if sample else None
OUTCOMES = ("on_time", "late", "overdue", "open", "cancelled")
series = {o: t(f"outcome.{o}", lang) for o in OUTCOMES}

by_org = scoped("directives/outcomes_by_org", p)
if by_org.is_empty():
    ui.empty(lang)
    st.stop()
left, right = st.columns(2)
with left:
    st.subheader(t("dirs.by_org", lang))
    fig = charts.bars(by_org, "organisation", series, horizontal=True, stacked=True)
    fig = charts.style(fig, lang, note, height=max(320, 70 + 40 * by_org.height))
    cols = {
        "organisation_name": t("col.organisation", lang),
        "issued": t("col.issued", lang),
        **series,
        "completed_rate": t("kpi.completed_rate", lang),
    }
    chart.show(fig, by_org, cols, "chi-dao-theo-to-chuc", lang, "dr_org")
with right:
    st.subheader(t("dirs.by_theme", lang))
    by_theme = scoped("directives/outcomes_by_theme", p)
    if by_theme.is_empty():
        ui.empty(lang, "empty.themes")
    else:
        by_theme = by_theme.with_columns(theme=pl.col("label_en" if lang == "en" else "label_vi"))
        fig = charts.bars(by_theme, "theme", series, horizontal=True, stacked=True)
        fig = charts.style(fig, lang, note, height=max(320, 70 + 40 * by_theme.height))
        tcols = {
            "theme": t("col.theme", lang),
            "issued": t("col.issued", lang),
            **series,
            "completed_rate": t("kpi.completed_rate", lang),
        }
        chart.show(fig, by_theme, tcols, "chi-dao-theo-chu-de", lang, "dr_theme")
st.caption(t("dirs.outcome_help", lang))

st.subheader(t("dirs.list", lang))
a, b = st.columns([2, 3])
# the list's own filters travel in the link too (doutcome, dwords)
ui.seed_from_url("dr_outcome", "doutcome", allowed=OUTCOMES)
ui.seed_from_url("dr_q", "dwords", empty="")
outcome = a.selectbox(
    t("col.outcome", lang),
    [None, *OUTCOMES],
    key=filters.translated("dr_outcome"),
    format_func=lambda o: t("filter.all", lang) if o is None else series[o],
)
words = b.text_input(t("recs.search", lang), key="dr_q", placeholder=t("dirs.search_hint", lang))
ui.set_url_state("doutcome", outcome)
ui.set_url_state("dwords", words.strip() or None)
listing = scoped("directives/list", p, outcome=outcome, q=words or None)
if listing.is_empty():
    ui.empty(lang, "empty.list")
    st.stop()
listing = ui.translate(listing, "outcome", "outcome", lang)
listing = ui.translate(listing.with_columns(origin_label=pl.col("origin")), "origin_label", "origin", lang)
listing = listing.with_columns(source_mark=pl.when(pl.col("has_source")).then(pl.lit("✓")).otherwise(pl.lit("")))
lcols = {
    "issued_on": t("col.issued_on", lang),
    "text": t("col.directive", lang),
    "addressee": t("col.addressee", lang),
    "locality": t("col.locality", lang),
    "outcome": t("col.outcome", lang),
    "due_effective": t("col.due", lang),
    "completed_on": t("col.completed_on", lang),
    "source_mark": t("col.source", lang),
    "origin_label": t("col.origin", lang),
}
st.caption(t("dirs.list_count", lang, n=fmt.number(listing.height, lang)))
source.item_list(
    "directive", listing, lcols, ("issued_on", "due_effective", "completed_on"), "dr", "danh-sach-chi-dao", lang
)
