"""AppTest for the SQL page on the fixture database, served by the dashboard's router (the page at ``sql``)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP

PAGE = str(Path(APP).parent / "app_pages" / "sql.py")


@pytest.fixture()
def app(mini_db, monkeypatch) -> AppTest:
    monkeypatch.setenv("GIAOBAN_DB", str(mini_db))
    monkeypatch.setenv("GIAOBAN_SQL_TIMEOUT", "5")
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    return at.run()


def editor_text(at: AppTest) -> str:
    return at.session_state["sql_text"]


def type_sql(at: AppTest, sql: str, cursor: tuple[int, int] | None = None, submit: bool = False) -> AppTest:
    """What the Ace editor sends after typing (or Ctrl+Enter): its text and cursor, with a fresh id."""
    row, column = cursor or (sql.count("\n"), len(sql.rsplit("\n", 1)[-1]))
    at.session_state[at.session_state["sql_editor_key"]] = {
        "id": uuid.uuid4().hex,
        "type": "submit" if submit else "change",
        "lang": "sql",
        "text": sql,
        "selected": "",
        "cursor": {"row": row, "column": column},
    }
    return at.run()


def run_sql(at: AppTest, sql: str) -> AppTest:
    return type_sql(at, sql, submit=True)


def test_page_loads_with_schema_and_library(app: AppTest):
    assert not app.exception
    assert app.title[0].value == "SQL cho phân tích viên"
    assert app.selectbox(key="sql_schema_pick").value == "meetings"
    assert "recommendations/resolution_by_org" in app.selectbox(key="sql_library_pick").options


def test_pick_a_table_insert_its_name_and_preview(app: AppTest):
    app.selectbox(key="sql_schema_pick").set_value("recommendations").run()
    assert any("Recommendations raised" in c.value for c in app.caption)
    type_sql(app, "SELECT count(*) AS n FROM")
    app.button(key="sql_ins_name").click().run()
    assert editor_text(app) == "SELECT count(*) AS n FROM recommendations"
    app.button(key="sql_run").click().run()
    assert app.dataframe[-1].value["n"][0] == 11
    app.button(key="sql_ins_from").click().run()
    assert editor_text(app).startswith("FROM recommendations")


def test_names_go_in_at_the_cursor_and_ctrl_enter_runs(app: AppTest):
    """The cursor sits after SELECT on line 1: the names go there, the FROM line is kept."""
    app.selectbox(key="sql_schema_pick").set_value("recommendations").run()
    type_sql(app, "SELECT \nFROM recommendations", cursor=(0, 7))
    app.button(key="sql_ins_name").click().run()
    assert editor_text(app) == "SELECT recommendations\nFROM recommendations"
    run_sql(app, "SELECT count(*) AS n\nFROM recommendations")
    assert app.dataframe[-1].value["n"][0] == 11
    # the same event seen again on a rerun is not a second run
    before = len(app.session_state["sql_history"])
    app.run()
    assert len(app.session_state["sql_history"]) == before


def test_named_query_with_a_parameter(app: AppTest):
    app.selectbox(key="sql_library_pick").set_value("recommendations/resolution_by_org").run()
    app.button(key="sql_lib_open").click().run()
    assert "rec_state_asof($as_of)" in editor_text(app)
    dates = {d.label.split(" ")[0]: d for d in app.date_input}
    assert set(dates) == {"$as_of", "$date_from", "$date_to"}
    import datetime as dt

    dates["$date_from"].set_value(dt.date(2024, 1, 1))
    dates["$date_to"].set_value(dt.date(2024, 12, 31))
    dates["$as_of"].set_value(dt.date(2024, 12, 31))
    app.button(key="sql_run").click().run()
    assert not app.exception and not app.error
    rows = {r["org_id"]: r for r in app.dataframe[-1].value.to_dict("records")}
    assert (rows["ldld"]["n_raised"], rows["ldld"]["n_resolved"]) == (2, 1)


def test_result_has_count_time_chart_and_downloads(app: AppTest):
    run_sql(app, "SELECT level, count(*) AS n FROM meetings GROUP BY ALL ORDER BY level")
    assert any(re.fullmatch(r"2 dòng · \d+,\d\d giây", c.value) for c in app.caption)  # decimal comma
    assert len(app.get("plotly_chart")) == 1
    for kind in ("line", "heatmap"):
        app.selectbox(key="sql_ck").set_value(kind).run()
        assert not app.exception and len(app.get("plotly_chart")) == 1
    labels = [d.label for d in app.get("download_button")]
    assert labels == ["⬇ CSV", "⬇ XLSX", "⬇ PARQUET"]


def test_refused_statement_shows_a_clear_error(app: AppTest):
    run_sql(app, "DROP TABLE meetings")
    assert "DROP bị từ chối" in app.error[0].value
    app.sidebar.radio[0].set_value("en").run()
    assert "DROP is refused" in app.error[0].value


def test_error_position_and_history(app: AppTest):
    run_sql(app, "SELECT *\nFROM nothere")
    assert "dòng 2, cột 6" in app.error[0].value
    run_sql(app, "SELECT 1 AS one")
    history = [c.value for c in app.caption if "·" in c.value and ":" in c.value[:3]]
    assert len(history) == 2 and "not_found" in history[1]
    app.button(key="sql_hist_1").click().run()  # the older entry: the failed one
    assert editor_text(app) == "SELECT *\nFROM nothere"


def test_query_link_reopens_and_runs(mini_db, monkeypatch):
    monkeypatch.setenv("GIAOBAN_DB", str(mini_db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = "SELECT 7 AS seven"
    at.switch_page(PAGE)
    at.run()
    assert editor_text(at) == "SELECT 7 AS seven"
    assert at.dataframe[-1].value["seven"][0] == 7
    assert any("q=SELECT%207%20AS%20seven" in m.value for m in at.markdown)


def test_time_limit_is_reported(app: AppTest, monkeypatch):
    monkeypatch.setenv("GIAOBAN_SQL_TIMEOUT", "1")
    run_sql(app, "SELECT count(*) FROM range(1000000) a, range(1000000) b")
    assert "1 giây" in app.error[0].value


def test_reopening_the_same_query_replaces_edited_text(app: AppTest):
    """The editor only resets when its pushed text changes: the same push twice remounts it."""
    app.selectbox(key="sql_library_pick").set_value("overview/counts").run()
    app.button(key="sql_lib_open").click().run()
    opened, key = editor_text(app), app.session_state["sql_editor_key"]
    type_sql(app, "SELECT 1")
    app.button(key="sql_lib_open").click().run()
    assert editor_text(app) == opened
    assert app.session_state["sql_editor_key"] != key
