"""AppTest for the Báo cáo / Reports page on the fixture database (XLSX builds: no browser, fast).

The page runs under a tiny router written to a temporary file (the lead registers it in
dashboard/app.py): the dashboard folder on sys.path and the language in session state, as app.py
does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
PAGE = DASHBOARD / "app_pages" / "reports.py"
ROUTER = f"""
import sys
import streamlit as st
sys.path.insert(0, {str(DASHBOARD)!r})
if "lang" not in st.session_state:
    st.session_state.lang = st.query_params.get("lang", "vi")
home = st.Page(lambda: st.write("home"), title="Home", url_path="home", default=True)
page = st.Page({str(PAGE)!r}, title="Reports", url_path="bao-cao")
st.navigation([home, page]).run()
"""


@pytest.fixture()
def app(mini_db, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("GIAOBAN_DB", str(mini_db))
    router = tmp_path / "router.py"
    router.write_text(ROUTER, encoding="utf-8")
    at = AppTest.from_file(str(router), default_timeout=60).run()  # pages registered, then switch
    at.switch_page(str(PAGE))
    return at.run()


def test_page_lists_years_scopes_and_formats(app: AppTest):
    assert not app.exception
    assert app.title[0].value == "Báo cáo tổng kết, báo cáo quý"
    assert app.selectbox(key="report_year").options == ["2025", "2024", "2023"]
    provinces = app.selectbox(key="report_province").options
    assert "Tất cả" in provinces and any("Bắc Ninh (từ 01/07/2025" in p for p in provinces)
    assert "MTTQ – Ủy ban Mặt trận Tổ quốc Việt Nam" in app.selectbox(key="report_family").options
    assert "python -m giaoban report --year 2025" in app.code[0].value


def test_quarter_choice_shows_in_the_command_line(app: AppTest):
    app.selectbox(key="report_year").set_value(2024)
    app.radio(key="report_kind").set_value("quarter").run()
    app.selectbox(key="report_quarter").set_value(3).run()
    assert "--period quarter:2024Q3" in app.code[0].value


def test_build_shows_the_result_and_a_download(app: AppTest):
    app.selectbox(key="report_year").set_value(2024)
    app.radio(key="report_format").set_value("xlsx")
    app.selectbox(key="report_family").set_value("mttq").run()
    app.button(key="report_build").click().run()
    assert not app.exception
    assert not app.error
    assert "bao-cao-giao-ban-nam-2024-mttq.xlsx" in app.success[0].value
    built = app.session_state["report_file"]
    assert built["data"][:2] == b"PK" and built["tables"] == 6
    assert app.get("download_button")


def test_english_labels_and_a_clear_error(app: AppTest):
    app.session_state["lang"] = "en"
    app.run()
    assert app.title[0].value == "Year-end and quarterly reports"
    app.selectbox(key="report_year").set_value(2025)  # Bắc Giang's meetings end in 2024 in the fixture
    app.radio(key="report_format").set_value("xlsx")
    app.selectbox(key="report_province").set_value("bac-giang").run()
    app.button(key="report_build").click().run()
    assert not app.exception
    assert "Could not build the report" in app.error[0].value


def test_first_visit_starts_from_the_sidebar_filters(mini_db, monkeypatch, tmp_path):
    import datetime as dt

    monkeypatch.setenv("GIAOBAN_DB", str(mini_db))
    router = tmp_path / "router.py"
    router.write_text(ROUTER, encoding="utf-8")
    at = AppTest.from_file(str(router), default_timeout=60)
    at.session_state["gb_filters"] = {"to": dt.date(2024, 12, 31), "province": "bac-giang", "org": "hnd"}
    at.run()
    at.switch_page(str(PAGE))
    at.run()
    assert at.selectbox(key="report_year").value == 2024
    assert at.selectbox(key="report_province").value == "bac-giang"
    assert at.selectbox(key="report_family").value == "hnd"
    assert "--scope bac-giang --scope hnd" in at.code[0].value
