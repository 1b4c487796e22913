"""export-data writes every table, readable back with the same rows, in Parquet (by year), CSV and XLSX."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from giaoban import db
from giaoban.export_data import ExportError, export_data


@pytest.fixture(scope="module")
def counts(mini_db: Path) -> dict[str, int]:
    con = db.connect(mini_db)
    names = db.fetch(con, "SELECT table_name FROM duckdb_tables() WHERE database_name = 'giaoban'")["table_name"]
    found = {n: int(db.fetch(con, f'SELECT count(*) AS n FROM "{n}"')["n"][0]) for n in names}
    con.close()
    return found


def test_parquet_is_partitioned_by_year_and_reads_back(mini_db: Path, tmp_path: Path, counts):
    manifest = export_data(tmp_path, "parquet", mini_db)
    by_name = {t["name"]: t for t in manifest["tables"]}
    assert set(by_name) == set(counts)
    assert by_name["meetings"]["partitioned_by"] == "year(held_on)"
    assert by_name["recommendations"]["partitioned_by"] == "year(meetings.held_on)"
    assert by_name["themes"]["partitioned_by"] is None
    con = db.connect(mini_db)
    years = sorted(db.fetch(con, "SELECT DISTINCT year(held_on) AS y FROM meetings")["y"].to_list())
    con.close()
    assert sorted(p.name for p in (tmp_path / "meetings").iterdir()) == [f"year={y}" for y in years]
    con = duckdb.connect()
    for name, table in by_name.items():
        pattern = str(tmp_path / table["path"])
        rows = con.execute(f"SELECT count(*) FROM read_parquet('{pattern}', hive_partitioning = true)").fetchone()[0]
        assert rows == counts[name], name
    back = pl.read_parquet(tmp_path / "meetings" / "**" / "*.parquet", hive_partitioning=True)["year"].unique()
    assert sorted(back.to_list()) == years
    assert json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["format"] == "parquet"


def test_csv_keeps_vietnamese_text(mini_db: Path, tmp_path: Path, counts):
    export_data(tmp_path, "csv", mini_db)
    meetings = pl.read_csv(tmp_path / "meetings.csv")
    assert meetings.height == counts["meetings"]
    assert "Giao ban quý I-2024" in meetings["title"].to_list()


def test_xlsx_has_one_sheet_per_table(mini_db: Path, tmp_path: Path, counts):
    manifest = export_data(tmp_path, "xlsx", mini_db)
    book = tmp_path / "giaoban.xlsx"
    sheets = pl.read_excel(book, sheet_id=0)
    assert set(sheets) == {t["name"][:31] for t in manifest["tables"]}
    assert sheets["recommendations"].height == counts["recommendations"]
    columns = next(t for t in manifest["tables"] if t["name"] == "recommendations")["columns"]
    assert any("kiến nghị" in (c["comment"] or "").lower() for c in columns)


def test_unknown_format_is_refused(mini_db: Path, tmp_path: Path):
    with pytest.raises(ExportError):
        export_data(tmp_path, "dbf", mini_db)


def test_cli_export_data(mini_db: Path, tmp_path: Path):
    from giaoban.cli import app
    from giaoban.cli_sql import register

    if "export-data" not in {c.name for c in app.registered_commands}:
        register(app)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["export-data", "--format", "csv", "--out", str(out), "--db", str(mini_db)])
    assert result.exit_code == 0, result.output
    assert (out / "meetings.csv").exists() and "tables" in result.output
    bad = CliRunner().invoke(app, ["export-data", "--format", "dbf", "--out", str(out), "--db", str(mini_db)])
    assert bad.exit_code == 2
