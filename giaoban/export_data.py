"""Every table of the current snapshot in an open format: Parquet, CSV or XLSX.

Contract: ``export_data(out_dir, fmt)`` writes each table of the database (not the views, which
are queries over the tables and are recomputed by whoever reads them) plus ``manifest.json``
(tables, row counts, files, columns with their bilingual comments) and returns the manifest.

- parquet: ``DIR/<table>/year=YYYY/*.parquet`` (Hive partitioning) for tables with a date — their
  own ``held_on`` / ``happened_on`` / ``published_at``, else the date of the meeting they belong to
  — so DuckDB, Polars, Spark or Trino read the same files when the data outgrows one machine
  (``read_parquet('DIR/meetings/*/*.parquet', hive_partitioning = true)``); other tables are one
  file ``DIR/<table>.parquet``. The partition column ``year`` comes back from the folder names.
- csv: ``DIR/<table>.csv``, UTF-8 with a header row.
- xlsx: ``DIR/giaoban.xlsx``, one sheet per table (Excel's limits: 1,048,575 rows a sheet and
  32,767 characters a cell; longer text is cut and the manifest says so).

All tables come from one read-only connection, so they are one consistent snapshot.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb

from giaoban import db
from giaoban.config import settings

FORMATS = ("parquet", "csv", "xlsx")
DATE_COLUMNS = ("held_on", "happened_on", "published_at")  # a table's own date, in order of preference
EXCEL_MAX_ROWS = 1_048_575
EXCEL_MAX_CHARS = 32_767


class ExportError(ValueError):
    """An export that cannot be written as asked (unknown format, a table too big for Excel)."""


def tables(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The snapshot's tables with their comments, columns and row counts."""
    rows = db.fetch(
        con,
        "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT internal ORDER BY table_name",
    ).to_dicts()
    columns = db.fetch(
        con,
        "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name, column_index",
    )
    for row in rows:
        own = columns.filter(table_name=row["table_name"])
        row["columns"] = [
            {"name": c, "type": t, "comment": m}
            for c, t, m in own.select("column_name", "data_type", "comment").iter_rows()
        ]
        row["rows"] = int(con.table(row["table_name"]).aggregate("count(*)").fetchone()[0])
    return rows


def _year_of(column: str) -> duckdb.Expression:
    return duckdb.FunctionExpression("year", duckdb.ColumnExpression(column)).alias("year")


def by_year(con: duckdb.DuckDBPyConnection, table: dict[str, Any]) -> tuple[duckdb.DuckDBPyRelation, str] | None:
    """(the rows plus a ``year`` column, how the year is found) for a table partitioned by year.

    Built on the relation API, so no SQL text is formatted from table or column names.
    """
    names = [c["name"] for c in table["columns"]]
    if "year" in names:
        return None
    rows = con.table(table["table_name"])
    for column in DATE_COLUMNS:
        if column in names:
            return rows.select(duckdb.StarExpression(), _year_of(column)), f"year({column})"
    if "meeting_id" in names:
        dates = con.table("meetings").select(duckdb.ColumnExpression("meeting_id").alias("m_id"), _year_of("held_on"))
        joined = rows.join(dates, duckdb.ColumnExpression("meeting_id") == duckdb.ColumnExpression("m_id"), how="left")
        columns = [duckdb.ColumnExpression(n) for n in names]
        return joined.select(*columns, duckdb.ColumnExpression("year")), "year(meetings.held_on)"
    return None


def export_data(out_dir: Path | str, fmt: str = "parquet", db_path: Path | str | None = None) -> dict[str, Any]:
    """Write every table of the snapshot to ``out_dir`` in ``fmt``; return (and write) the manifest."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    con = db.connect(db_path, read_only=True)
    try:
        found = tables(con)
        writer = {"parquet": _write_parquet, "csv": _write_csv, "xlsx": _write_xlsx}[fmt]
        entries = writer(con, found, out)
    finally:
        con.close()
    manifest = {
        "database": str(db_path or settings().db_path),
        "exported_at": dt.datetime.now().isoformat(timespec="seconds"),
        "format": fmt,
        "tables": entries,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


def _entry(table: dict[str, Any], path: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": table["table_name"],
        "rows": table["rows"],
        "path": path,
        "comment": table["comment"],
        "columns": table["columns"],
        **extra,
    }


def _write_parquet(con: duckdb.DuckDBPyConnection, found: list[dict[str, Any]], out: Path) -> list[dict[str, Any]]:
    entries = []
    for table in found:
        name = table["table_name"]
        partition = by_year(con, table) if table["rows"] else None
        if partition:
            rows, described = partition
            rows.to_parquet(str(out / name), compression="zstd", partition_by=["year"], overwrite=True)
            entries.append(_entry(table, f"{name}/year=*/*.parquet", partitioned_by=described))
        else:
            target = out / f"{name}.parquet"
            con.table(name).to_parquet(str(target), compression="zstd")
            entries.append(_entry(table, target.name, partitioned_by=None))
    return entries


def _write_csv(con: duckdb.DuckDBPyConnection, found: list[dict[str, Any]], out: Path) -> list[dict[str, Any]]:
    entries = []
    for table in found:
        target = out / f"{table['table_name']}.csv"
        con.table(table["table_name"]).to_csv(str(target), header=True)
        entries.append(_entry(table, target.name))
    return entries


def _write_xlsx(con: duckdb.DuckDBPyConnection, found: list[dict[str, Any]], out: Path) -> list[dict[str, Any]]:
    import polars as pl
    import xlsxwriter

    too_big = [t["table_name"] for t in found if t["rows"] > EXCEL_MAX_ROWS]
    if too_big:
        raise ExportError(f"too many rows for one Excel sheet: {', '.join(too_big)}; use --format parquet or csv")
    target = out / "giaoban.xlsx"
    entries = []
    with xlsxwriter.Workbook(str(target)) as book:
        for table in found:
            frame = con.table(table["table_name"]).pl()
            text = [c for c, t in frame.schema.items() if t == pl.String]
            cut = [c for c in text if (frame[c].str.len_chars().max() or 0) > EXCEL_MAX_CHARS]
            frame = frame.with_columns(pl.col(c).str.slice(0, EXCEL_MAX_CHARS) for c in cut)
            frame.write_excel(book, worksheet=table["table_name"][:31], autofit=frame.height <= 5000)
            entries.append(_entry(table, f"{target.name}#{table['table_name'][:31]}", text_cut_in=cut))
    return entries
