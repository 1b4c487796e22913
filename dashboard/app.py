"""Streamlit entry point: a router. The language switch and the shared sidebar filters live here
(both kept in the URL); each screen lives in app_pages/ and reads the filters from session state."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from components import filters, ui
from i18n import LANGS, t
from resources import db_exists

HERE = Path(__file__).parent
PAGES = (
    ("overview", "nav.overview", ":material/dashboard:", "tong-quan"),
    ("themes", "nav.themes", ":material/category:", "chu-de"),
    ("recommendations", "nav.recommendations", ":material/campaign:", "kien-nghi"),
    ("directives", "nav.directives", ":material/assignment_turned_in:", "chi-dao"),
    ("activity", "nav.activity", ":material/groups:", "hoat-dong"),
    ("meetings", "nav.meetings", ":material/event_note:", "cuoc-hop"),
    ("data", "nav.data", ":material/upload_file:", "du-lieu"),
    ("reports", "nav.reports", ":material/description:", "bao-cao"),
    ("sql", "nav.sql", ":material/terminal:", "sql"),
)
NO_FILTERS = {"du-lieu", "sql"}

st.set_page_config(page_title="Giao ban", page_icon="📋", layout="wide")
ui.style()

if "lang" not in st.session_state:
    st.session_state.lang = st.query_params.get("lang", "vi") if st.query_params.get("lang") in LANGS else "vi"
lang = st.sidebar.radio(
    t("lang.label", st.session_state.lang),
    LANGS,
    key="lang",
    horizontal=True,
    on_change=filters.forget_translated_widgets,
    format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
)
if lang == "vi":
    st.query_params.pop("lang", None)
else:
    st.query_params["lang"] = lang

pages = [
    st.Page(
        str(HERE / "app_pages" / f"{name}.py"), title=t(key, lang), icon=icon, url_path=url, default=name == "overview"
    )
    for name, key, icon, url in PAGES
]
page = st.navigation(pages)
if db_exists() and page.url_path not in NO_FILTERS:
    filters.sidebar(lang)
page.run()
