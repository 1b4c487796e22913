"""The schema applies cleanly, twice, and documents itself in Vietnamese and English."""

from __future__ import annotations

import duckdb

from giaoban import db

TABLES = {
    "documents",
    "localities",
    "organisations",
    "org_aliases",
    "meetings",
    "meeting_people",
    "meeting_orgs",
    "recommendations",
    "recommendation_events",
    "directives",
    "directive_events",
    "themes",
    "theme_links",
    "build_info",
}


def test_schema_applies_twice():
    con = duckdb.connect()
    db.apply_schema(con)
    db.apply_schema(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert tables >= TABLES


def test_every_column_has_a_bilingual_comment():
    con = duckdb.connect()
    db.apply_schema(con)
    rows = con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE table_name IN (SELECT unnest($t))",
        {"t": sorted(TABLES)},
    ).fetchall()
    missing = [f"{t}.{c}" for t, c, comment in rows if not comment or " / " not in comment]
    assert not missing, f"columns without 'Vietnamese / English' comments: {missing}"


def test_status_vocabulary_is_enforced():
    con = duckdb.connect()
    db.apply_schema(con)
    try:
        con.execute("INSERT INTO recommendation_events VALUES ('r', DATE '2024-01-01', 'done', NULL, NULL)")
    except duckdb.ConstraintException as err:
        assert "CHECK" in str(err)
    else:
        raise AssertionError("an unknown status was accepted")
