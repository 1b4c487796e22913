"""The per-file entry point of the tabular import: read, validate together, write what passed.

Contract (the CLI, the dashboard's upload and the build rely on it):
- ``ingest_tables(paths, db_path)`` returns one ``FileResult`` per path, in order. The database is
  changed through ``giaoban.db.change_database`` (copy, one transaction, atomic swap); when no file
  has a row to write the copy is dropped, so the file on disk is untouched.
- ``ingest_into(con, paths)`` does the same on an open read-write connection (used by the build,
  which already writes a fresh file).
- A file with any problem is rejected whole; the other files of the batch still load, unless they
  refer to rows only a rejected file would add (then they are rejected too, saying so).
- Re-importing a file changes nothing: every row is reported "already there" (status "skipped").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from giaoban.db import change_database
from giaoban.load.batch import Batch, FileState, check_batch
from giaoban.load.links import settle_references
from giaoban.load.read import ReadError, read_file
from giaoban.load.refs import LocalityIndex, OrgIndex
from giaoban.load.stored import Stored
from giaoban.load.validate import capped, check_sheet
from giaoban.load.write import write_organisations, write_sheets
from giaoban.localities import LocalityRegistry
from giaoban.orgs import OrgRegistry


@dataclass
class FileResult:
    file: str
    tables: list[str]
    status: str  # "loaded" | "skipped" | "rejected"
    rows_loaded: int = 0
    rows_skipped: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. organisation instances the file's rows added

    @property
    def table(self) -> str:
        return ", ".join(self.tables)

    def summary(self) -> str:
        """One line for the CLI: "meetings.csv: loaded 12 rows (meetings), 3 already there"."""
        if self.status == "rejected":
            return f"{self.file}: rejected, {_count(self.errors)} problem(s); nothing from this file was loaded"
        if self.status == "skipped":
            return f"{self.file}: skipped, {self.rows_skipped} row(s) already there ({self.table or 'no rows'})"
        extra = f", {self.rows_skipped} already there" if self.rows_skipped else ""
        return f"{self.file}: loaded {self.rows_loaded} row(s) ({self.table}){extra}"


def _count(errors: list[str]) -> int:
    if errors and errors[-1].startswith("… and "):
        return len(errors) - 1 + int(errors[-1].split()[2])
    return len(errors)


def _labels(paths: list[Path]) -> list[str]:
    """File names, or full paths where two files share a name."""
    names = Counter(p.name for p in paths)
    return [p.name if names[p.name] == 1 else str(p) for p in paths]


def read_files(paths: list[Path]) -> list[FileState]:
    """Read and check every file alone; unreadable files carry their one error."""
    states = []
    for path, label in zip(paths, _labels([Path(p) for p in paths]), strict=True):
        state = FileState(Path(path), label)
        try:
            raw = read_file(Path(path))
        except ReadError as err:
            state.errors.append(str(err))
            states.append(state)
            continue
        state.warnings += raw.warnings
        for raw_sheet in raw.sheets:
            raw_sheet.label = label + raw_sheet.label[len(Path(path).name) :]  # two files may share a name
            sheet = check_sheet(raw_sheet)
            state.sheets.append(sheet)
            state.warnings += sheet.warnings
        states.append(state)
    return states


def validate_files(con: duckdb.DuckDBPyConnection, files: list[FileState]) -> Batch:
    """Checks across files and against the database (``giaoban.load.batch``, ``giaoban.load.links``)."""
    stored = Stored(con)
    places = LocalityRegistry.from_db(con)
    orgs = OrgIndex(OrgRegistry.from_db(con), places, stored.org_facts())
    batch = Batch(files, stored, orgs, LocalityIndex(places, stored.locality_ids()))
    check_batch(batch)
    settle_references(batch)
    return batch


def _org_ids(state: FileState) -> set[str]:
    """Organisation ids the file's rows to be written name."""
    return {
        str(row.values[c.name])
        for sheet in state.sheets
        for c in sheet.spec.columns
        if c.type == "org"
        for row in sheet.rows
        if not row.skip and row.values.get(c.name)
    }


def _instances(batch: Batch, state: FileState) -> list[dict]:
    return batch.orgs.needed(_org_ids(state)) if not state.rejected else []


def _result(state: FileState, instances: list[dict]) -> FileResult:
    tables = list(dict.fromkeys(s.spec.name for s in state.sheets))
    skipped = sum(1 for s in state.sheets for r in s.rows if r.skip)
    total = sum(len(s.rows) for s in state.sheets)
    if state.rejected:
        return FileResult(state.label, tables, "rejected", 0, 0, capped(state.all_errors()), state.warnings)
    status = "loaded" if total > skipped else "skipped"
    ids = sorted(o["org_id"] for o in instances)
    notes = [f"adds {len(ids)} organisation(s) for the places of its meetings: {', '.join(ids)}"] if ids else []
    return FileResult(state.label, tables, status, total - skipped, skipped, [], state.warnings, notes)


def ingest_files(con: duckdb.DuckDBPyConnection, files: list[FileState]) -> list[FileResult]:
    """Validate already-read files on ``con`` and write the accepted ones in one transaction."""
    batch = validate_files(con, files)
    sheets = [s for f in files if not f.rejected for s in f.sheets]
    instances = batch.orgs.needed(set().union(*(_org_ids(f) for f in files if not f.rejected)))
    if any(not r.skip for s in sheets for r in s.rows):
        con.execute("BEGIN TRANSACTION")
        try:
            write_organisations(con, instances)
            write_sheets(con, sheets)
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    return [_result(f, _instances(batch, f)) for f in files]


def ingest_into(con: duckdb.DuckDBPyConnection, paths: list[Path]) -> list[FileResult]:
    return ingest_files(con, read_files([Path(p) for p in paths]))


class _NothingToWrite(Exception):
    def __init__(self, results: list[FileResult]):
        super().__init__("no rows to write")
        self.results = results


def ingest_tables(paths: list[Path], db_path: Path) -> list[FileResult]:
    """Import files into the database at ``db_path`` (see the module docstring)."""
    files = read_files([Path(p) for p in paths])  # outside the writer lock: reading may be slow
    try:
        with change_database(Path(db_path)) as con:
            results = ingest_files(con, files)
            if not any(r.rows_loaded for r in results):
                raise _NothingToWrite(results)
    except _NothingToWrite as nothing:
        return nothing.results
    return results
