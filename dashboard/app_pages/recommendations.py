"""Kiến nghị / Recommendations: answered is not resolved. Both rates side by side by organisation
and period, how far the period's recommendations got, how old the open ones are, how long
resolution takes, what keeps being raised, and the list itself with each item's history."""

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
sample = ui.header("recs.title", lang, f, "recs.intro")
note = t("sample.badge", lang) if sample else None
RATES = {"answered_rate": t("kpi.answered_rate", lang), "resolution_rate": t("kpi.resolution_rate", lang)}

by_org = scoped("recommendations/rates_by_org", p)
if by_org.is_empty():
    ui.empty(lang)
    st.stop()
# "MTTQ (120)": a rate over a handful of recommendations should look like one.
by_org = by_org.with_columns(label=pl.format("{} ({})", "organisation", "raised"))

left, right = st.columns(2)
with left:
    st.subheader(t("recs.by_org", lang))
    fig = charts.bars(
        by_org,
        "label",
        RATES,
        percent=True,
        horizontal=True,
        colors={"answered_rate": charts.COLORS["answered"], "resolution_rate": charts.COLORS["resolved"]},
    )
    fig = charts.style(fig, lang, note, height=max(320, 60 + 48 * by_org.height))
    cols = {
        "organisation_name": t("col.organisation", lang),
        "raised": t("col.raised", lang),
        "answered": t("col.answered", lang),
        "answered_rate": RATES["answered_rate"],
        "resolved": t("col.resolved", lang),
        "resolution_rate": RATES["resolution_rate"],
        "overdue": t("col.overdue", lang),
        "median_days": t("col.median_days", lang),
    }
    chart.show(fig, by_org, cols, "tra-loi-giai-quyet-theo-to-chuc", lang, "rc_org")
with right:
    st.subheader(t("recs.by_period", lang))
    by_period = scoped("recommendations/rates_by_period", p)
    by_period = by_period.with_columns(
        label=pl.col("period_start").map_elements(lambda d: fmt.period_label(d, f.grain, lang), return_dtype=str)
    )
    fig = charts.bars(
        by_period,
        "label",
        RATES,
        percent=True,
        colors={"answered_rate": charts.COLORS["answered"], "resolution_rate": charts.COLORS["resolved"]},
        text=by_period.height <= 8,
    )
    fig = charts.style(fig, lang, note, height=max(320, 60 + 48 * by_org.height))
    pcols = {
        "label": t("col.period", lang),
        "raised": t("col.raised", lang),
        "answered_rate": RATES["answered_rate"],
        "resolution_rate": RATES["resolution_rate"],
        "overdue": t("col.overdue", lang),
    }
    chart.show(fig, by_period, pcols, "tra-loi-giai-quyet-theo-ky", lang, "rc_period")
st.caption(t("recs.rates_help", lang))

c1, c2, c3 = st.columns(3)
with c1:
    st.subheader(t("recs.funnel", lang))
    funnel = scoped("recommendations/funnel", p)
    funnel = funnel.with_columns(label=pl.col("stage").map_elements(lambda s: t(f"funnel.{s}", lang), return_dtype=str))
    fig = charts.style(charts.funnel(funnel, "label", "n"), lang, note, height=320)
    chart.show(
        fig,
        funnel,
        {"label": t("col.stage", lang), "n": t("col.count", lang), "share": t("col.share", lang)},
        "pheu-trang-thai",
        lang,
        "rc_funnel",
    )
with c2:
    st.subheader(t("recs.aging", lang))
    aging = scoped("recommendations/backlog_aging", p)
    aging = aging.with_columns(label=pl.col("aging_bucket"))
    fig = charts.bars(aging, "label", {"open": t("col.open", lang), "overdue": t("col.overdue", lang)})
    fig = charts.style(fig, lang, note, height=320)
    fig.update_xaxes(title=t("recs.days_axis", lang))
    chart.show(
        fig,
        aging,
        {"label": t("col.age", lang), "open": t("col.open", lang), "overdue": t("col.overdue", lang)},
        "ton-dong-theo-tuoi",
        lang,
        "rc_aging",
    )
with c3:
    st.subheader(t("recs.time", lang))
    times = scoped("recommendations/resolution_time", p)
    first = times.row(0, named=True) if times.height else {}
    if not first.get("resolved"):
        ui.empty(lang, "empty.resolved")  # no median, and five bands of zero on an empty axis
    else:
        m1, m2 = st.columns(2)
        m1.metric(t("recs.median", lang), t("recs.n_days", lang, n=fmt.number(first.get("median_days"), lang)))
        m2.metric(t("recs.p90", lang), t("recs.n_days", lang, n=fmt.number(first.get("p90_days"), lang)))
        times = times.with_columns(label=pl.col("band"))
        fig = charts.bars(times, "label", {"n": t("col.resolved", lang)}, colors={"n": charts.COLORS["resolved"]})
        fig = charts.style(fig, lang, note, height=250)
        fig.update_layout(showlegend=False)
        fig.update_xaxes(title=t("recs.days_axis", lang))
        chart.show(
            fig,
            times,
            {"label": t("col.days_to_resolution", lang), "n": t("col.resolved", lang)},
            "thoi-gian-giai-quyet",
            lang,
            "rc_time",
        )

st.subheader(t("recs.repeats", lang))
repeats = scoped("recommendations/repeats", p)
if repeats.is_empty():
    st.caption(t("empty.repeats", lang))
else:
    repeats = ui.translate(repeats, "latest_status", "status", lang)
    rcols = {
        "text": t("col.recommendation", lang),
        "raised_by": t("col.raised_by", lang),
        "times_raised": t("col.times_raised", lang),
        "first_raised_on": t("col.first_raised", lang),
        "last_raised_on": t("col.last_raised", lang),
        "latest_status": t("col.latest_status", lang),
    }
    picked = ui.table(
        repeats,
        rcols,
        "rc_repeats",
        height=240,
        select=True,
        config={
            "first_raised_on": ui.date_column(rcols["first_raised_on"]),
            "last_raised_on": ui.date_column(rcols["last_raised_on"]),
            "text": st.column_config.TextColumn(width="large"),
        },
    )
    chart.downloads("kien-nghi-lap-lai", lang, lambda: chart.export_frame(repeats, rcols), None, "rc_repeats_dl")
    if picked:  # the latest raise: its wording and status are the ones shown in the row
        source.history_and_source("recommendation", picked["rec_id"], lang, "rc_rep")
    else:
        st.caption(t("recs.pick_repeat", lang))

st.subheader(t("recs.list", lang))
STATUSES = ("raised", "referred", "answered", "in_progress", "explained", "resolved", "declined")
a, b, c = st.columns([2, 2, 3])
# the list's own filters travel in the link too (rstatus, roverdue, rwords), so a shared link shows the same rows
ui.seed_from_url("rc_status", "rstatus", allowed=STATUSES)
ui.seed_from_url("rc_overdue", "roverdue", empty=False, allowed=("1",), parse=lambda v: True)
ui.seed_from_url("rc_q", "rwords", empty="")
status = a.selectbox(
    t("col.status", lang),
    [None, *STATUSES],
    key=filters.translated("rc_status"),
    format_func=lambda s: t("filter.all", lang) if s is None else t(f"status.{s}", lang),
)
overdue_only = b.toggle(t("recs.overdue_only", lang), key="rc_overdue")
words = c.text_input(t("recs.search", lang), key="rc_q", placeholder=t("recs.search_hint", lang))
ui.set_url_state("rstatus", status)
ui.set_url_state("roverdue", "1" if overdue_only else None)
ui.set_url_state("rwords", words.strip() or None)
listing = scoped("recommendations/list", p, status=status, overdue_only=overdue_only, q=words or None)
if listing.is_empty():
    ui.empty(lang, "empty.list")
else:
    listing = ui.translate(listing, "status", "status", lang)
    listing = ui.translate(listing.with_columns(origin_label=pl.col("origin")), "origin_label", "origin", lang)
    listing = listing.with_columns(
        overdue_mark=pl.when(pl.col("is_overdue")).then(pl.lit("⚠")).otherwise(pl.lit("")),
        source_mark=pl.when(pl.col("has_source")).then(pl.lit("✓")).otherwise(pl.lit("")),
    )
    lcols = {
        "raised_on": t("col.raised_on", lang),
        "text": t("col.recommendation", lang),
        "raised_by": t("col.raised_by", lang),
        "locality": t("col.locality", lang),
        "status": t("col.status", lang),
        "overdue_mark": t("col.overdue_mark", lang),
        "due_effective": t("col.due", lang),
        "times_raised": t("col.times_raised", lang),
        "source_mark": t("col.source", lang),
        "origin_label": t("col.origin", lang),
    }
    st.caption(t("recs.list_count", lang, n=fmt.number(listing.height, lang)))
    source.item_list(
        "recommendation", listing, lcols, ("raised_on", "due_effective"), "rc", "danh-sach-kien-nghi", lang
    )
