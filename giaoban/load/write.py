"""Inserting validated rows: one INSERT per sheet, tables in dependency order, inside the caller's transaction.

Rows marked ``skip`` (already stored, or already in another file of the batch) are not written, so
importing the same file twice inserts nothing the second time. Values arrive typed; the frame's
column types are set from the spec so that an all-empty column is still a DATE or INTEGER to DuckDB.
"""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl

from giaoban.load.spec import ORDER, TABLES, TableSpec
from giaoban.load.validate import Sheet

_DTYPES = {"date": pl.Date, "timestamp": pl.Datetime("us"), "int": pl.Int64, "float": pl.Float64}
_VIEW = "_gb_import_rows"


def columns(spec: TableSpec) -> list[str]:
    """Every column the import writes: the spec's and the computed ones (ingested_at keeps its default)."""
    return [c.name for c in spec.columns] + [c for c in spec.computed if c not in spec.by_name]


def frame(sheet: Sheet) -> pl.DataFrame:
    spec = sheet.spec
    names = columns(spec)
    schema = {n: _DTYPES.get(spec.by_name[n].type, pl.Utf8) if n in spec.by_name else pl.Utf8 for n in names}
    data = {n: [row.values.get(n) for row in sheet.rows if not row.skip] for n in names}
    return pl.DataFrame(data, schema=schema)


def write_organisations(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> int:
    """Insert organisation rows made by the import itself (instances of generic organisations)."""
    if not rows:
        return 0
    spec = TABLES["organisations"]
    schema = {c.name: _DTYPES.get(c.type, pl.Utf8) for c in spec.columns}
    data = pl.DataFrame([{n: r.get(n) for n in schema} for r in rows], schema=schema, orient="row")
    return _insert(con, spec.name, data)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pl.DataFrame) -> int:
    cols = ", ".join(rows.columns)
    con.register(_VIEW, rows)
    try:
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {_VIEW}")
    finally:
        con.unregister(_VIEW)
    return rows.height


def write_sheets(con: duckdb.DuckDBPyConnection, sheets: list[Sheet]) -> int:
    """Insert the rows to write of every sheet; returns how many rows went in."""
    total = 0
    for sheet in sorted(sheets, key=lambda s: ORDER[s.spec.name]):
        rows = frame(sheet)
        if not rows.is_empty():
            total += _insert(con, sheet.spec.name, rows)
    return total
