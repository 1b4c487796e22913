"""A tiny router serving only the SQL page at url path ``sql``, for tests until app.py registers it.

It mirrors dashboard/app.py: the dashboard folder on sys.path, the language in session state.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
if str(DASHBOARD) not in sys.path:
    sys.path.insert(0, str(DASHBOARD))

st.set_page_config(page_title="Giao ban SQL", layout="wide")
if "lang" not in st.session_state:
    st.session_state.lang = st.query_params.get("lang", "vi") if st.query_params.get("lang") in ("vi", "en") else "vi"
st.sidebar.radio("Ngôn ngữ", ("vi", "en"), key="lang", horizontal=True)
st.query_params["lang"] = st.session_state.lang
home = st.Page(lambda: st.write("home"), title="Home", url_path="home", default=True)
page = st.Page(str(DASHBOARD / "app_pages" / "sql.py"), title="SQL", url_path="sql")
st.navigation([home, page]).run()
