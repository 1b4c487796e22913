"""Render a polars frame for the terminal or for another program (table, csv, json)."""

from __future__ import annotations

import sys
from typing import Literal

import polars as pl
from rich.console import Console
from rich.table import Table

Format = Literal["table", "csv", "json"]


def render(frame: pl.DataFrame, fmt: Format, out=None) -> None:
    out = out or sys.stdout
    if fmt == "csv":
        out.write(frame.write_csv())
    elif fmt == "json":
        out.write(frame.write_json() + "\n")
    else:
        _table(frame, out)


def _table(frame: pl.DataFrame, out) -> None:
    table = Table(show_lines=False, header_style="bold")
    for name in frame.columns:
        table.add_column(name, overflow="fold")
    for row in frame.iter_rows():
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(file=out, width=max(100, Console().width)).print(table)
    out.write(f"{frame.height} rows\n")
