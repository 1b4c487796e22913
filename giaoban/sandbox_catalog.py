"""What an analyst can query: tables, views and macros with their columns, types and comments.

Read from DuckDB's own catalogue (``duckdb_tables()``, ``duckdb_columns()``, ``duckdb_views()``,
``duckdb_functions()``) of the snapshot, so the SQL page's schema browser always matches the file
the sandbox runs on, comments included (``COMMENT ON`` in queries/schema/, Vietnamese / English).
Tables get exact row counts (cheap); views do not (a view such as ``rec_state`` is a computation).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from giaoban import db

_RELATIONS = """
SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
UNION ALL
SELECT view_name, 'view', comment FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
ORDER BY kind, name
"""
_COLUMNS = """
SELECT table_name AS relation, column_name AS "column", data_type AS type, comment
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY table_name, column_index
"""
_MACROS = """
SELECT function_name AS name, any_value(function_type) AS kind,
       any_value(array_to_string(parameters, ', ')) AS parameters
FROM duckdb_functions()
WHERE database_name = current_database() AND function_type IN ('macro', 'table_macro')
GROUP BY ALL ORDER BY kind DESC, name
"""


@dataclass(frozen=True)
class Catalog:
    relations: pl.DataFrame  # name, kind (table | view), comment, rows (tables only)
    columns: pl.DataFrame  # relation, column, type, comment
    macros: pl.DataFrame  # name, kind (macro | table_macro), parameters

    def columns_of(self, relation: str) -> pl.DataFrame:
        return self.columns.filter(pl.col("relation") == relation).drop("relation")

    def snippet(self, name: str) -> str:
        """What clicking a name inserts: the name, or a macro call with its parameter names."""
        macro = self.macros.filter(pl.col("name") == name)
        return f"{name}({macro['parameters'][0] or ''})" if macro.height else name

    def completions(self) -> list[dict[str, object]]:
        """Names for the editor's completion list (Ctrl+Space), relations ranked above columns.

        A column that several relations share is offered once, its ``meta`` naming where it lives; a
        column named like a relation is left to the relation.
        """
        items: list[dict[str, object]] = [
            {"caption": name, "value": name, "meta": kind, "score": 1000}
            for name, kind in self.relations.select("name", "kind").iter_rows()
        ]
        items += [
            {"caption": name, "value": self.snippet(name), "meta": kind, "score": 900}
            for name, kind in self.macros.select("name", "kind").iter_rows()
        ]
        owners = self.columns.group_by("column", maintain_order=True).agg(
            pl.col("relation").unique(maintain_order=True)
        )
        offered = {item["caption"] for item in items}
        for column, relations in owners.iter_rows():
            if column in offered:
                continue
            where = relations[0] if len(relations) == 1 else f"{relations[0]} +{len(relations) - 1}"
            items.append({"caption": column, "value": column, "meta": where, "score": 500})
        return items


def read_catalog(db_path: Path | str | None = None) -> Catalog:
    con = db.connect(db_path, read_only=True)
    try:
        relations = db.fetch(con, _RELATIONS)
        counts = [
            int(con.table(name).aggregate("count(*)").fetchone()[0]) if kind == "table" else None
            for name, kind in relations.select("name", "kind").iter_rows()
        ]
        relations = relations.with_columns(pl.Series("rows", counts, pl.Int64))
        return Catalog(relations, db.fetch(con, _COLUMNS), db.fetch(con, _MACROS))
    finally:
        con.close()
