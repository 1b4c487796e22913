"""Dữ liệu / Data: what the database holds, uploads of reports and spreadsheets with a result per
file, the import template, and the review of low-confidence extractions (corrections are stored as
overrides, so a later re-extraction keeps them)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st
from components import chart, fmt, ui
from i18n import t
from resources import db_exists, ingest_uploads, refresh_facts, run, save_override, template_bytes

from giaoban.overrides import DIR_STATUSES, REC_STATUSES, Override, OverrideError

lang = st.session_state.get("lang", "vi")
st.title(t("data.title", lang))
st.markdown(t("data.intro", lang))

if db_exists():
    counts = run("overview/counts")
    snapshot = (run("filters/snapshot").to_dicts() or [{}])[0]
    if counts.is_empty():
        st.info(t("home.empty", lang))
    else:
        cols = st.columns(4)
        for col, key in zip(cols, ("meetings", "recommendations", "directives", "documents"), strict=True):
            col.metric(t(f"home.{key}", lang), fmt.number(counts[key].sum(), lang), border=True)
        st.caption(
            t(
                "data.span",
                lang,
                first=fmt.day(counts["first_meeting"].min()),
                last=fmt.day(counts["last_meeting"].max()),
                as_of=fmt.day(snapshot.get("as_of")),
            )
        )
        stale = ui.stale_warning(snapshot, lang)
        if stale and st.button(t("data.refresh", lang), icon=":material/refresh:", key="dt_refresh"):
            with st.spinner(t("data.refreshing", lang)):
                refresh_facts()
            st.rerun()
        sample = counts.filter(origin="sample")
        if not sample.is_empty():
            st.info(t("home.sample_note", lang, n=fmt.number(sample["meetings"][0], lang)))
        table = ui.translate(counts, "origin", "origin", lang)
        ocols = {
            c: t(f"col.{c}", lang)
            for c in (
                "origin",
                "meetings",
                "recommendations",
                "directives",
                "documents",
                "first_meeting",
                "last_meeting",
            )
        }
        ui.table(
            table,
            ocols,
            "dt_counts",
            config={
                "first_meeting": ui.date_column(ocols["first_meeting"]),
                "last_meeting": ui.date_column(ocols["last_meeting"]),
            },
        )
else:
    st.warning(t("home.no_db", lang, path=""))

st.subheader(t("data.upload", lang))
st.markdown(t("data.upload_help", lang))
uploads = st.file_uploader(
    t("data.files", lang),
    type=["txt", "html", "htm", "docx", "pdf", "csv", "xlsx", "parquet", "json"],
    accept_multiple_files=True,
    key="dt_files",
)
if st.button(t("data.load", lang), type="primary", disabled=not uploads, icon=":material/upload:", key="dt_load"):
    with st.status(t("data.loading", lang, n=len(uploads)), expanded=True) as status:
        results = ingest_uploads([(u.name, u.getvalue()) for u in uploads])
        status.update(label=t("data.done", lang), state="complete")
    st.session_state["dt_results"] = [
        {
            "file": r.file,
            "status": r.status,
            "rows": r.rows_loaded,
            "skipped": r.rows_skipped,
            "problems": "\n".join(r.errors[:5] + r.warnings[:3]),
        }
        for r in results
    ]
if st.session_state.get("dt_results"):
    res = ui.translate(pl.DataFrame(st.session_state["dt_results"]), "status", "load", lang)
    ui.table(
        res,
        {
            "file": t("col.file", lang),
            "status": t("col.result", lang),
            "rows": t("col.rows_loaded", lang),
            "skipped": t("col.rows_skipped", lang),
            "problems": t("col.problems", lang),
        },
        "dt_res",
        config={"problems": st.column_config.TextColumn(width="large")},
    )

st.subheader(t("data.template", lang))
st.markdown(t("data.template_help", lang))
st.download_button(
    t("data.template_button", lang),
    template_bytes,
    "mau-nhap-lieu-giao-ban.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    on_click="ignore",
    key="dt_template",
)

st.subheader(t("data.review", lang))
if not db_exists():
    st.stop()
below = st.slider(t("data.below", lang), 0.1, 1.0, 0.7, 0.05, key="dt_below")
review = run("review/low_confidence", below=below)
if review.is_empty():
    st.success(t("data.review_none", lang), icon=":material/check_circle:")
    st.stop()
review = ui.translate(review.with_columns(kind=pl.col("item_type")), "kind", "item", lang)
rcols = {
    "kind": t("col.item_type", lang),
    "held_on": t("col.held_on", lang),
    "confidence": t("col.confidence", lang),
    "text": t("col.text", lang),
}
row = ui.table(
    review,
    rcols,
    "dt_review",
    select=True,
    height=300,
    config={
        "held_on": ui.date_column(rcols["held_on"]),
        "text": st.column_config.TextColumn(width="large"),
        "confidence": st.column_config.ProgressColumn(rcols["confidence"], min_value=0, max_value=1, format="%.2f"),
    },
)
chart.downloads("can-kiem-tra", lang, lambda: chart.export_frame(review, rcols), None, "dt_review_dl")
if not row:
    st.caption(t("data.review_pick", lang))
    st.stop()

ACTIONS = {
    "recommendation": ("text", "drop", "status"),
    "directive": ("text", "drop", "status"),
    "meeting": ("held_on", "title", "drop"),
}
with st.form("dt_fix"):
    st.markdown(f"**{t('data.fix', lang)}** — {row['text']}")
    action = st.radio(
        t("data.action", lang),
        ACTIONS[row["item_type"]],
        format_func=lambda a: t(f"data.action.{a}", lang),
        horizontal=True,
    )
    value = st.text_input(t("data.new_value", lang), value=row["text"] if action in ("text", "title") else "")
    is_rec = row["item_type"] == "recommendation"
    prefix = "status" if is_rec else "dstatus"
    status_value = st.selectbox(
        t("col.status", lang), REC_STATUSES if is_rec else DIR_STATUSES, format_func=lambda s: t(f"{prefix}.{s}", lang)
    )
    on = st.date_input(t("data.on", lang), value=dt.date.today(), format="DD/MM/YYYY")
    reason = st.text_input(t("col.note", lang))
    if st.form_submit_button(t("data.save", lang), type="primary", icon=":material/save:"):
        if action == "drop":
            o = Override(row["item_type"], row["item_id"], "drop", note=reason or None)
        elif action == "status":
            o = Override(
                row["item_type"], row["item_id"], "status", value=status_value, happened_on=on, note=reason or None
            )
        else:
            o = Override(
                row["item_type"], row["item_id"], "set", field=action, value=value.strip(), note=reason or None
            )
        try:
            problems = save_override(o)
        except OverrideError as err:
            st.error(str(err))
        else:
            st.success(t("data.saved", lang))
            for problem in problems:
                st.warning(problem)
