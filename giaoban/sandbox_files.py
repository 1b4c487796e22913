"""A SQL result as a downloadable file: CSV (UTF-8 with BOM, so Excel shows Vietnamese), XLSX, Parquet.

Excel cannot hold nested values (lists, structs) or cells over 32,767 characters: those become
text and are cut, so the download never fails on an odd column.
"""

from __future__ import annotations

import io

import polars as pl

FORMATS = {
    "csv": ("text/csv", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
EXCEL_MAX_CHARS = 32_767


def _as_json(name: str) -> pl.Expr:
    """A nested column as JSON text: wrap it in a struct, encode, and strip the ``{"name":`` wrapper."""
    return pl.struct(name).struct.json_encode().str.slice(len(name) + 4).str.head(-1).alias(name)


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    nested = [c for c, t in frame.schema.items() if t.is_nested()]
    binary = [c for c, t in frame.schema.items() if t == pl.Binary]
    flat = frame.with_columns(*(_as_json(c) for c in nested), *(pl.col(c).bin.encode("hex") for c in binary))
    text = [c for c, t in flat.schema.items() if t == pl.String]
    return flat.with_columns(pl.col(c).str.slice(0, EXCEL_MAX_CHARS) for c in text)


def to_bytes(frame: pl.DataFrame, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "csv":
        buffer.write(_flat(frame).write_csv(include_bom=True).encode("utf-8"))
    elif fmt == "xlsx":
        _flat(frame).write_excel(buffer, worksheet="ket_qua", autofit=frame.height <= 2000)
    elif fmt == "parquet":
        frame.write_parquet(buffer)
    else:
        raise ValueError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    return buffer.getvalue()
