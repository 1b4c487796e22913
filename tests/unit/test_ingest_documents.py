"""Reports in: extracted, stored with provenance, idempotent; bad files rejected with the database
unchanged; manual corrections survive re-extraction."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban import db, overrides
from giaoban.cli import app
from giaoban.config import settings
from giaoban.ingest import ingest_paths, reextract
from giaoban.reference import load_reference

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    with db.new_database(path) as con:
        load_reference(con, settings().data_dir, full_localities=True)
    return path


@pytest.fixture()
def empty_db(reference_db, tmp_path) -> Path:
    path = tmp_path / "g.duckdb"
    shutil.copy(reference_db, path)
    return path


def _count(path: Path, table: str) -> int:
    con = db.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_reports_load_with_provenance_and_reload_is_a_no_op(empty_db):
    results = ingest_paths(SEEDS, empty_db, source="seed")
    assert [r.status for r in results] == ["loaded"] * 5
    assert _count(empty_db, "documents") == 5 and _count(empty_db, "meetings") == 5
    con = db.connect(empty_db)
    rows = con.execute(
        "SELECT r.text, substr(d.text, r.span_start + 1, r.span_end - r.span_start) FROM recommendations r "
        "JOIN documents d USING (doc_id)"
    ).fetchall()
    assert rows and all(a == b for a, b in rows)  # each span is the recommendation's source sentence
    con.close()
    again = ingest_paths(SEEDS, empty_db, source="seed")
    assert [r.status for r in again] == ["skipped"] * 5


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "binary file"),
        ("scan.pdf", b"%PDF-1.4 not really a pdf", "not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 broken zip", "not a readable .docx"),
    ],
)
def test_bad_files_are_rejected_and_nothing_changes(empty_db, tmp_path, name, content, message):
    ingest_paths(SEEDS[:1], empty_db)
    before = empty_db.read_bytes()
    bad = tmp_path / name
    bad.write_bytes(content)
    [result] = ingest_paths([bad], empty_db)
    assert result.status == "rejected"
    assert any(message in e and name in e for e in result.errors), result.errors
    assert _count(empty_db, "documents") == 1
    assert empty_db.read_bytes() == before or _count(empty_db, "meetings") == 1


def test_huge_text_is_refused_with_a_clear_message(empty_db, tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.write(("Hội nghị giao ban. " * 1000 + "\n").encode() * 2700)  # ≈ 50 MB
    [result] = ingest_paths([big], empty_db)
    assert result.status == "rejected" and "too large for one meeting report" in result.errors[0]


def test_a_bad_file_does_not_stop_the_good_ones(empty_db, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    results = ingest_paths([SEEDS[0], bad, SEEDS[1]], empty_db)
    assert [r.status for r in results] == ["loaded", "rejected", "loaded"]


def test_overrides_survive_reextraction(empty_db):
    ingest_paths(SEEDS[:1], empty_db)
    con = db.connect(empty_db)
    meeting_id, rec_id = con.execute(
        "SELECT meeting_id, rec_id FROM recommendations ORDER BY span_start LIMIT 1"
    ).fetchone()
    con.close()
    with db.change_database(empty_db) as con:
        overrides.save(con, overrides.Override("meeting", meeting_id, "set", "held_on", "2017-12-19"))
        overrides.save(con, overrides.Override("recommendation", rec_id, "drop"))
        overrides.apply(con)
    assert reextract(empty_db)["documents"] == 1
    con = db.connect(empty_db)
    assert (
        str(con.execute("SELECT held_on FROM meetings WHERE meeting_id = ?", [meeting_id]).fetchone()[0])
        == "2017-12-19"
    )
    assert con.execute("SELECT count(*) FROM recommendations WHERE rec_id = ?", [rec_id]).fetchone()[0] == 0
    con.close()


def test_review_cli_sets_a_status_and_refuses_bad_ones(empty_db):
    ingest_paths(SEEDS[:1], empty_db)
    con = db.connect(empty_db)
    rec_id = con.execute("SELECT rec_id FROM recommendations LIMIT 1").fetchone()[0]
    con.close()
    runner = CliRunner()
    ok = runner.invoke(
        app, ["review", "status", "recommendation", rec_id, "resolved", "--on", "2018-06-01", "--db", str(empty_db)]
    )
    assert ok.exit_code == 0, ok.output
    con = db.connect(empty_db)
    status = con.execute("SELECT status FROM rec_state_asof(DATE '2018-12-31') WHERE rec_id = ?", [rec_id]).fetchone()
    con.close()
    assert status[0] == "resolved"
    bad = runner.invoke(
        app, ["review", "status", "recommendation", rec_id, "done", "--on", "2018-06-01", "--db", str(empty_db)]
    )
    assert bad.exit_code == 2 and "must be one of" in bad.output


def test_extract_cli_prints_the_contract(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(SEEDS[0]), "--json"])
    assert result.exit_code == 0, result.output
    assert '"held_on": "2017-12-20"' in result.output and '"recommendations"' in result.output
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
