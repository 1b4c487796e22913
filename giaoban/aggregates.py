"""Pre-computed dashboard facts and the search index, materialised at build and ingest time.

The definitions live in SQL (queries/schema/150_search.sql, 160_aggregates.sql) as ``*_live``
views. ``refresh(con)`` turns each into a table of the same name without ``_live``, sorted so
that the dashboard's range filters (dates) and lookups (search terms) touch few row groups: the
metric macros walk every status event, which is fine for one report but too slow for a page at
national scale, while a page over these tables stays within its time budget.

Contract: after any write that changes meetings, items, events or theme tags, call ``refresh``
on the same connection (``giaoban.build`` does; ingest should too). A database that was never
refreshed still works: the schema defines a plain view under each name that reads the live
definition. ``as_of`` (``build_info.aggregates_as_of``) records the date statuses were judged on.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from giaoban import db

# table name -> sort key; the live definition is the view "<name>_live".
TABLES: dict[str, str] = {
    "agg_meetings": "held_on, meeting_id",
    "agg_recs": "raised_on, rec_id",
    "agg_dirs": "issued_on, dir_id",
    "agg_theme_items": "held_on, theme_id",
    "agg_activity": "held_on, family",
    "agg_phrase_items": "held_on, phrase_key",
    "search_docs": "meeting_id",
    "search_postings": "term, meeting_id",
}


def _kind(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()",
        [name],
    ).fetchone()
    return row[0] if row else None


def _materialise(con: duckdb.DuckDBPyConnection, name: str, order_by: str) -> int:
    """Replace the fallback view (or the previous table) by a fresh sorted table."""
    if _kind(con, name) == "VIEW":
        con.execute(f"DROP VIEW {name}")
    con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {name}_live ORDER BY {order_by}")
    return con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]


def refresh(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Materialise every fact table and the search index; returns their row counts."""
    if con.execute("SELECT getvariable('giaoban_as_of')").fetchone()[0] is None:
        db.pin_today(con)
    counts = {name: _materialise(con, name, order_by) for name, order_by in TABLES.items()}
    as_of = con.execute("SELECT gb_today()").fetchone()[0]
    con.execute("INSERT OR REPLACE INTO build_info VALUES ('aggregates_as_of', ?)", [as_of.isoformat()])
    return counts


def as_of(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The date the materialised statuses were judged on (None: never refreshed, statuses are live)."""
    row = con.execute("SELECT value FROM build_info WHERE key = 'aggregates_as_of'").fetchone()
    return dt.date.fromisoformat(row[0]) if row else None
