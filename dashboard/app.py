"""Streamlit entry point: a router. Shared controls (language) live here; pages live in app_pages/."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from i18n import LANGS, t

HERE = Path(__file__).parent

st.set_page_config(page_title="Giao ban", page_icon="📋", layout="wide")

if "lang" not in st.session_state:
    st.session_state.lang = st.query_params.get("lang", "vi") if st.query_params.get("lang") in LANGS else "vi"
lang = st.sidebar.radio(
    t("lang.label", st.session_state.lang),
    LANGS,
    key="lang",
    horizontal=True,
    format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
)
st.query_params["lang"] = lang

pages = [
    st.Page(
        str(HERE / "app_pages" / "home.py"), title=t("nav.home", lang), icon="🏠", url_path="tong-quan", default=True
    ),
]
st.navigation(pages).run()
