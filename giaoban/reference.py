"""Load the reference data (localities, organisations, aliases, themes) into DuckDB.

``load_reference(con, data_dir)`` validates every file before it writes anything, so a bad file
leaves the database untouched; the error names the file, the row (1-based, header not counted;
the line number follows in brackets) and the column. Loading is idempotent: rows are keyed by
their primary keys and written with INSERT OR REPLACE, so a second load changes nothing.

Aliases whose folded form repeats for one organisation ("Tỉnh ủy"/"Tỉnh uỷ", "HĐND"/"HÐND") are
spelling variants kept in the CSV as documentation; the first one is stored.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from giaoban.localities import COLUMNS as LOCALITY_COLUMNS
from giaoban.localities import CSV_FILE, FULL_FILE, LEVELS, read_localities
from giaoban.orgs import ALIAS_COLUMNS, ALIAS_FILE, KINDS, ORG_COLUMNS, ORG_FILE
from giaoban.text import match_key, nfc
from giaoban.themes import THEMES_FILE, read_themes


class _Rows:
    """Row-by-row checks on one file; ``fail`` raises the ValueError with file/row/column."""

    def __init__(self, file: str, frame: pl.DataFrame, columns: tuple[str, ...]):
        self.file, self.frame = file, frame
        if tuple(frame.columns) != columns:
            raise ValueError(f"{file}: columns are {list(frame.columns)}, expected {list(columns)}")

    def fail(self, index: int, column: str, problem: str) -> None:
        raise ValueError(f"{self.file}: row {index + 1} (line {index + 2}), column {column}: {problem}")

    def records(self) -> list[dict[str, Any]]:
        return self.frame.to_dicts()

    def unique(self, column: str) -> set[str]:
        seen: set[str] = set()
        for i, value in enumerate(self.frame[column].to_list()):
            if not value:
                self.fail(i, column, "is empty")
            if value in seen:
                self.fail(i, column, f"duplicate id {value!r}")
            seen.add(value)
        return seen

    def dates(self, i: int, rec: dict[str, Any]) -> None:
        parsed = {}
        for column in ("valid_from", "valid_to"):
            value = rec[column]
            try:
                parsed[column] = date.fromisoformat(value) if value else None
            except ValueError:
                self.fail(i, column, f"bad date {value!r} (expected YYYY-MM-DD)")
        if parsed["valid_from"] and parsed["valid_to"] and parsed["valid_from"] > parsed["valid_to"]:
            self.fail(i, "valid_to", f"{rec['valid_to']} is before valid_from {rec['valid_from']}")

    def refers(self, i: int, column: str, value: str | None, known: set[str]) -> None:
        if value and value not in known:
            self.fail(i, column, f"unknown {column} {value!r}")


def _csv(data_dir: Path, name: str) -> pl.DataFrame:
    return pl.read_csv(Path(data_dir) / name, infer_schema=False).with_columns(
        pl.col(pl.String).map_elements(nfc, return_dtype=pl.String)
    )


def validate_localities(frame: pl.DataFrame, file: str = CSV_FILE) -> pl.DataFrame:
    rows = _Rows(file, frame, LOCALITY_COLUMNS)
    ids = rows.unique("locality_id")
    for i, rec in enumerate(rows.records()):
        if not rec["name"]:
            rows.fail(i, "name", "is empty")
        if rec["level"] not in LEVELS:
            rows.fail(i, "level", f"unknown level {rec['level']!r} (expected one of {', '.join(LEVELS)})")
        rows.refers(i, "parent_id", rec["parent_id"], ids)
        rows.refers(i, "successor_id", rec["successor_id"], ids)
        rows.dates(i, rec)
    return frame


def validate_organisations(frame: pl.DataFrame, locality_ids: set[str]) -> pl.DataFrame:
    rows = _Rows(ORG_FILE, frame, ORG_COLUMNS)
    ids = rows.unique("org_id")
    for i, rec in enumerate(rows.records()):
        if not rec["name"]:
            rows.fail(i, "name", "is empty")
        if rec["kind"] not in KINDS:
            rows.fail(i, "kind", f"unknown kind {rec['kind']!r} (expected one of {', '.join(KINDS)})")
        if not rec["family"]:
            rows.fail(i, "family", "is empty")
        if rec["level"] and rec["level"] not in LEVELS:
            rows.fail(i, "level", f"unknown level {rec['level']!r}")
        rows.refers(i, "parent_org_id", rec["parent_org_id"], ids)
        rows.refers(i, "locality_id", rec["locality_id"], locality_ids)
        rows.dates(i, rec)
    return frame


def validate_aliases(frame: pl.DataFrame, org_ids: set[str]) -> pl.DataFrame:
    """Checked aliases with ``alias_folded``, one row per (alias_folded, org_id)."""
    rows = _Rows(ALIAS_FILE, frame, ALIAS_COLUMNS)
    kept: dict[tuple[str, str], dict[str, Any]] = {}
    for i, rec in enumerate(rows.records()):
        if not rec["alias"] or not match_key(rec["alias"]):
            rows.fail(i, "alias", "is empty")
        rows.refers(i, "org_id", rec["org_id"], org_ids)
        if not rec["org_id"]:
            rows.fail(i, "org_id", "is empty")
        rows.dates(i, rec)
        key = (match_key(rec["alias"]), rec["org_id"])
        first = kept.setdefault(key, {**rec, "alias_folded": key[0]})
        if (first["valid_from"], first["valid_to"]) != (rec["valid_from"], rec["valid_to"]):
            rows.fail(i, "valid_from", f"alias {rec['alias']!r} repeats an earlier spelling with other dates")
    columns = ["alias", "alias_folded", "org_id", "valid_from", "valid_to"]
    return pl.DataFrame(list(kept.values()), schema=dict.fromkeys(columns, pl.String)).select(columns)


def validate_themes(records: list[dict[str, Any]]) -> pl.DataFrame:
    ids = [r.get("id") if isinstance(r, dict) else None for r in records]
    out = []
    for i, rec in enumerate(records):
        where = f"{THEMES_FILE}: theme {i + 1} ({ids[i]!r})"
        if not isinstance(rec, dict) or not rec.get("id"):
            raise ValueError(f"{where}, field id: missing")
        if ids.count(rec["id"]) > 1:
            raise ValueError(f"{where}, field id: duplicate id")
        for field in ("label_vi", "label_en"):
            if not rec.get(field):
                raise ValueError(f"{where}, field {field}: missing")
        if rec.get("parent") and rec["parent"] not in ids:
            raise ValueError(f"{where}, field parent: unknown theme {rec['parent']!r}")
        keywords = rec.get("keywords")
        if (
            not isinstance(keywords, list)
            or not keywords
            or not all(isinstance(k, str) and k.strip() for k in keywords)
        ):
            raise ValueError(f"{where}, field keywords: expected a non-empty list of words")
        out.append(
            {
                "theme_id": str(rec["id"]),
                "label_vi": nfc(str(rec["label_vi"])),
                "label_en": str(rec["label_en"]),
                "parent_id": rec.get("parent") or None,
                "keywords": list(dict.fromkeys(nfc(k.strip()) for k in keywords)),
            }
        )
    schema = {"theme_id": pl.String, "label_vi": pl.String, "label_en": pl.String, "parent_id": pl.String}
    return pl.DataFrame(out, schema={**schema, "keywords": pl.List(pl.String)})


def read_reference(data_dir: Path, full_localities: bool = False) -> dict[str, pl.DataFrame]:
    """Every reference file, validated; raises ValueError on the first bad row."""
    data_dir = Path(data_dir)
    loc_file = FULL_FILE if full_localities else CSV_FILE
    localities = validate_localities(read_localities(data_dir, full_localities), loc_file)
    organisations = validate_organisations(_csv(data_dir, ORG_FILE), set(localities["locality_id"]))
    aliases = validate_aliases(_csv(data_dir, ALIAS_FILE), set(organisations["org_id"]))
    themes = validate_themes(read_themes(data_dir))
    return {"localities": localities, "organisations": organisations, "org_aliases": aliases, "themes": themes}


_DATE_COLUMNS = ("valid_from", "valid_to")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    columns = ", ".join(frame.columns)
    select = ", ".join(f"CAST({c} AS DATE) AS {c}" if c in _DATE_COLUMNS else c for c in frame.columns)
    view = f"_reference_{table}"
    con.register(view, frame)
    try:
        con.execute(f"INSERT OR REPLACE INTO {table} ({columns}) SELECT {select} FROM {view}")
    finally:
        con.unregister(view)
    return frame.height


def load_reference(con: duckdb.DuckDBPyConnection, data_dir: Path, full_localities: bool = False) -> dict[str, int]:
    """Insert (or replace) the reference tables; returns rows loaded per table.

    ``full_localities`` loads every district and commune in the country (localities_full.csv.gz)
    instead of the demo set; the full file is a superset, so either choice keeps ids stable.
    """
    frames = read_reference(data_dir, full_localities)
    return {table: _insert(con, table, frame) for table, frame in frames.items()}
