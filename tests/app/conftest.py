"""AppTest fixtures: the app on the fixture database with its facts materialised as of 2024-12-31."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.facts import AS_OF, build_facts_db

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
YEAR_2024 = {"from": "2024-01-01", "to": "2024-12-31"}


@pytest.fixture(scope="session")
def facts_db(mini_db, tmp_path_factory) -> Path:
    return build_facts_db(mini_db, tmp_path_factory.mktemp("facts") / "mini_facts.duckdb")


@pytest.fixture()
def open_page(facts_db, monkeypatch):
    """open_page("app_pages/themes.py", cell="labour|2024-01-01") → the page run once with those URL params."""
    monkeypatch.setenv("GIAOBAN_DB", str(facts_db))
    monkeypatch.setenv("GIAOBAN_AS_OF", AS_OF)

    def _open(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in {**YEAR_2024, **params}.items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(page).run()
        return at

    return _open
