"""Streaming the generated tables to Parquet, and loading them into DuckDB.

Layout: ``out_dir/<table>/part-NNNNN.parquet``, one part per chunk, columns exactly those of
queries/schema/*.sql (``SCHEMAS``; a unit test compares them with the real tables). Parts are
written with fixed settings (zstd, one row group per part), so the same data gives the same bytes.

Column values handed to ``write_part`` may be: a list (converted as is), a numpy array (dates as
days since 1970-01-01, negative = NULL), a scalar or None (repeated), or a pair ``(codes, values)``
that is decoded with ``take`` (event statuses, notes, ids).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

S, D, F, INT = pa.string(), pa.date32(), pa.float64(), pa.int32()
_DOC = [("doc_id", S), ("span_start", INT), ("span_end", INT), ("confidence", F)]
_EVENT = [("happened_on", D), ("status", S), ("note", S), ("source", S)]

SCHEMAS: dict[str, pa.Schema] = {
    "meetings": pa.schema(
        [
            ("meeting_id", S),
            ("doc_id", S),
            ("held_on", D),
            ("date_basis", S),
            ("level", S),
            ("locality_id", S),
            ("host_body", S),
            ("kind", S),
            ("title", S),
            ("period_label", S),
            ("period_kind", S),
            ("period_start", D),
            ("period_end", D),
            ("origin", S),
            ("confidence", F),
        ]
    ),
    "meeting_orgs": pa.schema([("meeting_id", S), ("org_id", S), ("role", S)]),
    "meeting_people": pa.schema([("meeting_id", S), ("name", S), ("title", S), ("role", S), ("org_id", S)]),
    "recommendations": pa.schema(
        [
            ("rec_id", S),
            ("meeting_id", S),
            ("raised_by_org_id", S),
            ("text", S),
            ("addressed_to", S),
            ("due_on", D),
            ("repeat_of", S),
            *_DOC,
        ]
    ),
    "recommendation_events": pa.schema([("rec_id", S), *_EVENT]),
    "directives": pa.schema(
        [
            ("dir_id", S),
            ("meeting_id", S),
            ("addressee_org_id", S),
            ("addressee_text", S),
            ("text", S),
            ("due_on", D),
            *_DOC,
        ]
    ),
    "directive_events": pa.schema([("dir_id", S), *_EVENT]),
    "theme_links": pa.schema([("item_type", S), ("item_id", S), ("theme_id", S), ("score", F), ("matched", S)]),
    "organisations": pa.schema(
        [
            ("org_id", S),
            ("name", S),
            ("short_name", S),
            ("kind", S),
            ("family", S),
            ("level", S),
            ("locality_id", S),
            ("parent_org_id", S),
            ("valid_from", D),
            ("valid_to", D),
        ]
    ),
    "localities": pa.schema(
        [
            ("locality_id", S),
            ("name", S),
            ("unit_type", S),
            ("level", S),
            ("parent_id", S),
            ("valid_from", D),
            ("valid_to", D),
            ("successor_id", S),
            ("code", S),
        ]
    ),
}
# Rows another loader may also write (reference data, extracted reports): keep the first.
IGNORE_DUPLICATES = frozenset({"organisations", "localities"})


def _length(columns: dict[str, Any]) -> int:
    for v in columns.values():
        if isinstance(v, tuple):
            return len(v[0])
        if isinstance(v, list | np.ndarray):
            return len(v)
    raise ValueError("no column gives the row count")


def _array(value: Any, typ: pa.DataType, n: int) -> pa.Array:
    if value is None:
        return pa.nulls(n, typ)
    if isinstance(value, tuple):
        codes, values = value
        return pc.take(pa.array(values, typ), pa.array(np.asarray(codes, dtype=np.int64)))
    if isinstance(value, np.ndarray):
        if typ == D:
            return pa.array(value.astype(np.int32), mask=value < 0).cast(D)
        return pa.array(value, typ)
    if isinstance(value, list):
        return pa.array(value, typ)
    return pc.take(pa.array([value], typ), pa.array(np.zeros(n, dtype=np.int64)))


def to_table(name: str, columns: dict[str, Any]) -> pa.Table:
    """The table with exactly ``SCHEMAS[name]``'s columns; missing ones are NULL."""
    schema, n = SCHEMAS[name], _length(columns)
    unknown = set(columns) - set(schema.names)
    if unknown:
        raise KeyError(f"{name}: columns not in the schema: {sorted(unknown)}")
    return pa.Table.from_arrays([_array(columns.get(f.name), f.type, n) for f in schema], schema=schema)


def prepare(out_dir: Path) -> None:
    """Create the table folders and remove parts left by an earlier run."""
    for name in SCHEMAS:
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*.parquet"):
            old.unlink()


def write_part(out_dir: Path, name: str, part: int, columns: dict[str, Any]) -> int:
    table = to_table(name, columns)
    pq.write_table(table, out_dir / name / f"part-{part:05d}.parquet", compression="zstd", row_group_size=1 << 24)
    return table.num_rows


def load_into(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, int]:
    """Insert every generated table into ``con`` (schema already applied); returns rows read."""
    counts = {}
    for name in SCHEMAS:
        parts = sorted((Path(out_dir) / name).glob("part-*.parquet"))
        if not parts:
            continue
        verb = "INSERT OR IGNORE INTO" if name in IGNORE_DUPLICATES else "INSERT INTO"
        files = [str(p) for p in parts]
        con.execute(f"{verb} {name} BY NAME SELECT * FROM read_parquet($files)", {"files": files})
        counts[name] = sum(pq.ParquetFile(p).metadata.num_rows for p in parts)
    return counts
