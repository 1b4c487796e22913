"""Tabular import: CSV / XLSX / Parquet / JSON tables → validated rows → DuckDB (docs/import-format.md)."""

from giaoban.load.ingest import FileResult, ingest_into, ingest_tables
from giaoban.load.template import write_template

__all__ = ["FileResult", "ingest_into", "ingest_tables", "write_template"]
