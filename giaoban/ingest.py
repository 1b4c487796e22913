"""``giaoban ingest``: reports (.txt .html .docx .pdf) and tables (.csv .xlsx .parquet .json) in one go.

Reports are read and extracted outside the writer lock (that is the slow part), turned into rows of
the import format (giaoban.extract.to_rows) and validated with the tables, so both obey the same
rules: a file with any problem is rejected whole, rows already stored are skipped, and everything
accepted is written to a copy of the database that is swapped in atomically. After the write,
theme tags, repeat links and the manual overrides are (re)applied.

``reextract`` re-runs the current extractor over every stored report: the old extracted rows of
each report are replaced, rows from other sources are kept, and overrides are applied again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from giaoban import aggregates, overrides
from giaoban.db import change_database, fetch
from giaoban.extract.document import DOCUMENT_TYPES, DocumentError, read_document
from giaoban.extract.pipeline import Extractor, default_extractor
from giaoban.extract.record import MeetingRecord
from giaoban.extract.to_rows import document_row, meeting_id_for, record_rows, theme_rows
from giaoban.load.batch import FileState
from giaoban.load.ingest import FileResult, ingest_files, read_files
from giaoban.load.read import _json_sheet
from giaoban.load.spec import table_for
from giaoban.load.validate import check_sheet
from giaoban.queries import ops_statements
from giaoban.repeats import link_repeats
from giaoban.text import nfc


@dataclass
class Extracted:
    state: FileState
    record: MeetingRecord | None = None
    doc_id: str | None = None


def is_document(path: Path) -> bool:
    return Path(path).suffix.lower() in DOCUMENT_TYPES


def extract_state(path: Path, label: str, extractor: Extractor, source: str) -> Extracted:
    """Read and extract one report into a FileState of import-format sheets (or its one error)."""
    state = FileState(Path(path), label)
    try:
        doc = read_document(Path(path))
    except DocumentError as err:
        state.errors.append(str(err))
        return Extracted(state)
    record = extractor.extract(doc.text, title=doc.title, published_hint=doc.published_hint)
    return _state_for(state, record, doc.text, doc.title, doc.url, source)


def _state_for(state: FileState, record: MeetingRecord, text: str, title, url, source: str) -> Extracted:
    text = nfc(text)
    doc = document_row(text, title or record.meeting.title, source, url, record.meeting.published_on)
    tables = {"documents": [doc], **record_rows(record, doc["doc_id"])}
    if record.meeting.held_on is None:
        state.warnings.append(
            f"{state.label}: stored the text, but no meeting: no date found. Set one with: "
            f"giaoban review set meeting {meeting_id_for(doc['doc_id'])} held_on YYYY-MM-DD"
        )
    for table, rows in tables.items():
        if rows:
            raw = _json_sheet(f"{state.label}[{table}]", table_for(table), _dedupe(rows))
            sheet = check_sheet(raw)
            state.sheets.append(sheet)
            state.warnings += sheet.warnings
    state.warnings += [f"{state.label}: {w}" for w in record.warnings]
    return Extracted(state, record, doc["doc_id"])


def _dedupe(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = tuple(sorted((k, str(v)) for k, v in row.items() if k.endswith("_id") or k in ("name", "role", "status")))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def after_write(con: duckdb.DuckDBPyConnection, extracted: list[Extracted], refresh: bool = True) -> list[str]:
    """Theme tags, meeting dates set by hand, repeat links and overrides, after rows are written."""
    for item in extracted:
        if item.record is not None and item.doc_id and not item.state.rejected:
            con.executemany(
                "INSERT OR IGNORE INTO theme_links VALUES (?, ?, ?, ?, ?)", theme_rows(item.record, item.doc_id)
            )
    link_repeats(con)
    problems = overrides.apply(con)
    if refresh:
        aggregates.refresh(con)  # the dashboard reads pre-computed facts; keep them in step with every write
    return problems


def ingest_paths(
    paths: list[Path], db_path: Path, source: str = "upload", extractor: Extractor | None = None
) -> list[FileResult]:
    """Load reports and tables; one result per file, in the order given."""
    paths = [Path(p) for p in paths]
    extractor = extractor or default_extractor()
    docs = {p: extract_state(p, p.name, extractor, source) for p in paths if is_document(p)}
    tables = dict(
        zip([p for p in paths if not is_document(p)], read_files([p for p in paths if not is_document(p)]), strict=True)
    )
    states = [docs[p].state if p in docs else tables[p] for p in paths]
    with change_database(Path(db_path)) as con:
        results = ingest_into_con(con, states, list(docs.values()))
    return results


def ingest_into_con(
    con: duckdb.DuckDBPyConnection, states: list[FileState], extracted: list[Extracted], refresh: bool = True
) -> list[FileResult]:
    results = ingest_files(con, states)
    problems = after_write(con, extracted, refresh)
    for result in results:
        result.warnings += problems
    return results


def ingest_documents_into(
    con: duckdb.DuckDBPyConnection, paths: list[Path], source: str, extractor: Extractor | None = None
) -> list[FileResult]:
    """For builds: extract reports straight into an open connection (the build refreshes facts once, at the end)."""
    extractor = extractor or default_extractor()
    extracted = [extract_state(p, Path(p).name, extractor, source) for p in paths]
    return ingest_into_con(con, [e.state for e in extracted], extracted, refresh=False)


_EXTRACTED_DOCS = "SELECT doc_id, title, url, source, text FROM documents WHERE source <> 'sample' ORDER BY doc_id"


def reextract(db_path: Path, extractor: Extractor | None = None) -> dict[str, int]:
    """Re-run the extractor over every stored report, keeping manual corrections."""
    extractor = extractor or default_extractor()
    with change_database(Path(db_path)) as con:
        docs = fetch(con, _EXTRACTED_DOCS).to_dicts()
        extracted = []
        for doc in docs:
            _delete_extracted(con, doc["doc_id"])
            record = extractor.extract(doc["text"], title=doc["title"])
            if record.meeting.held_on is None:
                record.meeting.held_on = overrides.meeting_date_override(con, meeting_id_for(doc["doc_id"]))
                record.meeting.date_basis = "explicit" if record.meeting.held_on else None
            state = FileState(Path(doc["doc_id"]), doc["doc_id"])
            extracted.append(_state_for(state, record, doc["text"], doc["title"], doc["url"], doc["source"]))
        results = ingest_into_con(con, [e.state for e in extracted], extracted)
    return {"documents": len(docs), "rejected": sum(r.status == "rejected" for r in results)}


def _delete_extracted(con: duckdb.DuckDBPyConnection, doc_id: str) -> None:
    for statement in ops_statements("delete_extracted"):
        con.execute(statement, {"d": doc_id})
