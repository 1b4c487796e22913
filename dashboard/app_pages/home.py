"""Home: what the database holds, with sample data clearly labelled."""

from __future__ import annotations

import streamlit as st
from i18n import t
from resources import db_exists, db_path, run

lang = st.session_state.get("lang", "vi")
st.title(t("app.title", lang))
st.caption(t("app.subtitle", lang))

if not db_exists():
    st.warning(t("home.no_db", lang, path=db_path()))
    st.stop()

counts = run("overview/counts")
if counts.is_empty():
    st.info(t("home.empty", lang))
    st.stop()

cols = st.columns(4)
for col, key in zip(cols, ("meetings", "recommendations", "directives", "documents"), strict=True):
    col.metric(t(f"home.{key}", lang), f"{int(counts[key].sum()):,}".replace(",", "."))

first, last = counts["first_meeting"].min(), counts["last_meeting"].max()
st.caption(t("home.span", lang, first=first.strftime("%d/%m/%Y"), last=last.strftime("%d/%m/%Y")))

sample = counts.filter(origin="sample")
if not sample.is_empty():
    st.info(t("home.sample_note", lang, n=f"{int(sample['meetings'][0]):,}".replace(",", ".")))

st.subheader(t("home.by_origin", lang))
table = counts.with_columns(counts["origin"].map_elements(lambda o: t(f"origin.{o}", lang), return_dtype=str))
st.dataframe(
    table.rename({c: t(f"col.{c}", lang) for c in table.columns}),
    hide_index=True,
    width="stretch",
    column_config={
        t(f"col.{c}", lang): st.column_config.DateColumn(format="DD/MM/YYYY") for c in ("first_meeting", "last_meeting")
    },
)
