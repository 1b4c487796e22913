"""The five seed reports typed as import files: spans point at their text, and they load with no error.

These records double as gold annotations for the extractor, so the checks are strict: every
recommendation and directive text is exactly the document text at its span.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from pathlib import Path

import duckdb
import pytest

from giaoban import db
from giaoban.config import ROOT
from giaoban.load import ingest_tables
from giaoban.load.ids import document_id
from giaoban.reference import load_reference
from giaoban.text import nfc

RECORDS = ROOT / "data" / "seed_records"
SEEDS = ROOT / "data" / "seeds"
SHARED = ROOT.parent / "shared" / "seeds"


def table(name: str) -> list[dict[str, str]]:
    with open(RECORDS / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def texts() -> dict[str, str]:
    return {d["doc_id"]: d["text"] for d in table("documents")}


def test_seed_copies_match_the_shared_reports():
    if not SHARED.is_dir():
        pytest.skip("shared/seeds is not beside the repository")
    names = sorted(p.name for p in SHARED.glob("*.txt"))
    assert names == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in names:
        assert (SEEDS / name).read_bytes() == (SHARED / name).read_bytes()


def test_documents_are_the_seed_texts():
    docs = table("documents")
    seeds = {nfc(p.read_text(encoding="utf-8")): p.name for p in SEEDS.glob("*.txt")}
    assert len(docs) == len(seeds) == 5
    for doc in docs:
        assert doc["text"] in seeds
        assert doc["doc_id"] == document_id(doc["text"])
        assert doc["sha256"] == hashlib.sha256(doc["text"].encode()).hexdigest()
        assert doc["title"] and doc["title"] in doc["text"]


@pytest.mark.parametrize("name", ["recommendations", "directives"])
def test_spans_point_at_the_text(name):
    docs = texts()
    for row in table(name):
        start, end = int(row["span_start"]), int(row["span_end"])
        assert docs[row["doc_id"]][start:end] == row["text"], row


def test_meeting_dates():
    held = {m["meeting_id"]: (m["held_on"], m["date_basis"]) for m in table("meetings")}
    assert held == {
        "seed-000": ("2017-12-20", "inferred_year"),
        "seed-001": ("2021-04-01", "inferred_year"),
        "seed-002": ("2017-06-08", "inferred_year"),
        "seed-003": ("2017-02-10", "explicit"),
        "seed-004": ("2023-12-01", "inferred_year"),
    }


def test_every_item_has_its_first_event():
    raised = {(e["rec_id"], e["happened_on"]) for e in table("recommendation_events") if e["status"] == "raised"}
    issued = {(e["dir_id"], e["happened_on"]) for e in table("directive_events") if e["status"] == "issued"}
    held = {m["meeting_id"]: m["held_on"] for m in table("meetings")}
    assert raised == {(r["rec_id"], held[r["meeting_id"]]) for r in table("recommendations")}
    assert issued == {(d["dir_id"], held[d["meeting_id"]]) for d in table("directives")}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    target = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    with db.new_database(target) as con:
        load_reference(con, ROOT / "data")
    return target, ingest_tables(sorted(RECORDS.glob("*.csv")), target)


def test_seed_records_load_with_no_error(loaded):
    target, results = loaded
    assert [e for r in results for e in r.errors + r.warnings] == []
    assert {r.status for r in results} == {"loaded"}
    con = duckdb.connect(str(target), read_only=True)
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("meetings", "recommendations", "directives")
    }
    assert counts == {"meetings": 5, "recommendations": 3, "directives": 27}
    ldld = con.execute("SELECT raised_by_org_id FROM recommendations WHERE rec_id = 'seed-000-r1'").fetchone()
    assert ldld == ("ldld@dien-bien",)
    assert con.execute("SELECT held_on FROM meetings WHERE meeting_id = 'seed-004'").fetchone() == (date(2023, 12, 1),)
    con.close()


def test_seed_records_reimport_is_a_no_op(loaded):
    target, _ = loaded
    again = ingest_tables(sorted(RECORDS.glob("*.csv")), target)
    assert {r.status for r in again} == {"skipped"}
