"""AppTest for the home page on the fixture database: the counts a person can check by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture()
def app(mini_db, monkeypatch) -> AppTest:
    monkeypatch.setenv("GIAOBAN_DB", str(mini_db))
    at = AppTest.from_file(APP, default_timeout=30)
    return at.run()


def test_home_shows_fixture_counts(app: AppTest):
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    # tests/fixtures/mini: 8 meetings, 11 recommendations, 5 directives, 1 source document.
    assert metrics == {"Cuộc họp": "8", "Kiến nghị": "11", "Chỉ đạo": "5", "Văn bản nguồn": "1"}
    assert any("28/03/2023" in c.value or "30/03/2023" in c.value for c in app.caption)


def test_home_in_english(app: AppTest):
    app.sidebar.radio[0].set_value("en").run()
    assert not app.exception
    assert {m.label for m in app.metric} == {"Meetings", "Recommendations", "Directives", "Source documents"}


def test_home_without_database_explains_how_to_build(tmp_path, monkeypatch):
    monkeypatch.setenv("GIAOBAN_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "python -m giaoban build" in at.warning[0].value
