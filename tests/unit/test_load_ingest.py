"""The tabular import end to end: exact messages, rejection leaves the database alone, re-import is a no-op."""

from __future__ import annotations

import hashlib
import json
import shutil
import unicodedata
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest
import xlsxwriter

from giaoban import db
from giaoban.config import ROOT
from giaoban.load import ingest_tables
from giaoban.load.spec import TABLES
from giaoban.reference import load_reference

FIXTURES = ROOT / "tests" / "fixtures" / "import"
GOOD = sorted((FIXTURES / "good").glob("*.csv"))
UNKNOWN_ORG = "use an id, name or alias from the organisations sheet or add it there"


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    with db.new_database(path) as con:
        load_reference(con, ROOT / "data")
    return path


@pytest.fixture()
def db_path(reference_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "giaoban.duckdb"
    shutil.copy(reference_db, target)
    return target


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def snapshot(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def rows(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def one(paths: list[Path], db_path: Path):
    results = ingest_tables(paths, db_path)
    assert len(results) == len(paths)
    return results


def test_good_files_load_then_reimport_changes_nothing(db_path):
    first = one(GOOD, db_path)
    assert [r.status for r in first] == ["loaded"] * len(GOOD), [e for r in first for e in r.errors]
    assert sum(r.rows_loaded for r in first) == 16
    before = snapshot(db_path)
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    second = one(GOOD, db_path)
    assert [r.status for r in second] == ["skipped"] * len(GOOD)
    assert sum(r.rows_skipped for r in second) == 16 and sum(r.rows_loaded for r in second) == 0
    assert snapshot(db_path) == before
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest  # nothing to write: file untouched


def test_vietnamese_headers_statuses_and_names_resolve(db_path):
    one(GOOD, db_path)
    recs = rows(db_path, "SELECT rec_id, raised_by_org_id, due_on FROM recommendations ORDER BY rec_id")
    assert recs == [
        ("kn-1", "ldld@dien-bien", date(2024, 6, 30)),  # "LĐLĐ tỉnh" at a Điện Biên meeting: the instance
        ("kn-2", "hoi_tho_san@dien-bien", None),  # an organisation the same batch adds, by name
        ("kn-3", "hoi_tho_san@dien-bien", None),  # … and by the alias the batch adds
    ]
    statuses = rows(db_path, "SELECT rec_id, status FROM recommendation_events ORDER BY rec_id, happened_on")
    assert statuses == [
        ("kn-1", "raised"),
        ("kn-1", "in_progress"),
        ("kn-1", "resolved"),
        ("kn-2", "answered"),
        ("kn-3", "explained"),
    ]
    meetings = rows(db_path, "SELECT meeting_id, held_on, level, locality_id, kind, period_kind FROM meetings")
    assert ("m-db-2", date(2024, 7, 5), "province", "dien-bien", "giao_ban", "half") in meetings


def test_instances_are_created_once_with_their_parent(db_path, tmp_path):
    recs = write(tmp_path / "kien_nghi.csv", "Cuộc họp,Tổ chức kiến nghị,Nội dung\nm-db-1,LĐLĐ tỉnh,Nợ BHXH\n")
    result = one([FIXTURES / "good" / "meetings.csv", recs], db_path)[1]
    assert result.status == "loaded", result.errors
    assert result.notes == ["adds 2 organisation(s) for the places of its meetings: ldld@dien-bien, mttq@dien-bien"]
    org = rows(
        db_path, "SELECT name, family, locality_id, parent_org_id FROM organisations WHERE org_id = 'ldld@dien-bien'"
    )
    assert org == [("Liên đoàn Lao động tỉnh Điện Biên", "ldld", "dien-bien", "mttq@dien-bien")]
    assert one([recs], db_path)[0].notes == []  # stored now: found, not created again


def test_derived_ids_are_stable(db_path, tmp_path):
    meetings = write(tmp_path / "meetings.csv", "held_on,title\n2024-03-28,Giao ban\n")
    one([meetings], db_path)
    second = one([meetings], db_path)[0]
    assert second.status == "skipped"
    [(meeting_id,)] = rows(db_path, "SELECT meeting_id FROM meetings")
    assert meeting_id.startswith("m-") and len(meeting_id) == 14


def test_bad_cells_are_reported_exactly(db_path):
    [result] = one([FIXTURES / "bad" / "meetings.csv"], db_path)
    assert result.status == "rejected"
    assert result.errors == [
        'meetings.csv:3:held_on: "31/02/2024" is not a date; use YYYY-MM-DD or DD/MM/YYYY',
        'meetings.csv:4:meeting_id: duplicate meeting_id "m1" (first on row 2); each row needs its own',
        'meetings.csv:5:level: "tỉnh lỵ" is not a level; use one of: national, province, district, commune '
        "(or: toàn quốc, tỉnh, huyện, xã)",
        'meetings.csv:5:locality_id: unknown or ambiguous locality "Tỉnh Không Có"; use a locality_id from the '
        "localities table (like dien-bien) or a name that names one unit",
        'meetings.csv:5:kind: "họp chợ" is not a kind; use one of: giao_ban, lam_viec, hoi_nghi, so_ket, tong_ket '
        "(or: giao ban, làm việc, hội nghị, sơ kết, tổng kết)",
        'meetings.csv:5:confidence: "cao" is not a number; write it like 0.8',
    ]
    assert result.summary() == "meetings.csv: rejected, 6 problem(s); nothing from this file was loaded"


def test_unknown_organisation_meeting_and_wrong_type(db_path):
    [result] = one([FIXTURES / "bad" / "recommendations.csv"], db_path)
    assert result.errors == [
        'recommendations.csv:2:meeting_id: no meeting "m9" in these files or in the database; '
        "add it to the meetings sheet or correct the id",
        f'recommendations.csv:2:raised_by_org_id: unknown organisation "Hội Thợ Săn"; {UNKNOWN_ORG}',
        'recommendations.csv:2:span_start: "abc" is not a whole number; write digits only, like 120',
        'recommendations.csv:3:meeting_id: no meeting "m9" in these files or in the database; '
        "add it to the meetings sheet or correct the id",
        "recommendations.csv:3:text: empty; every recommendation needs a text; fill it in",
    ]


def test_missing_column_names_the_accepted_headers(db_path):
    [result] = one([FIXTURES / "bad" / "2024_meetings.csv"], db_path)
    assert result.errors == ["2024_meetings.csv:1: missing required column held_on (also accepted: Ngày họp, Ngày)"]


def test_rejected_file_leaves_the_database_byte_for_byte_unchanged(db_path):
    one(GOOD, db_path)
    before = snapshot(db_path)
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    results = one(sorted((FIXTURES / "bad").glob("*.csv")), db_path)
    assert {r.status for r in results} == {"rejected"}
    assert snapshot(db_path) == before
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest


def test_a_bad_file_rejects_itself_and_the_files_that_need_it(db_path, tmp_path):
    meetings = write(tmp_path / "meetings.csv", "meeting_id,held_on\nm1,2024-03-28\nm2,31/02/2024\n")
    recs = write(tmp_path / "kien_nghi.csv", "rec_id,meeting_id,text\nr1,m1,Hỗ trợ kinh phí\n")
    docs = write(tmp_path / "documents.csv", "title,text\nTin,Nội dung bài\n")
    meet_res, rec_res, doc_res = one([meetings, recs, docs], db_path)
    assert meet_res.status == "rejected"
    assert rec_res.errors == [
        'kien_nghi.csv:2:meeting_id: meeting "m1" is only in meetings.csv, which was rejected; fix that file first'
    ]
    assert doc_res.status == "loaded"  # unrelated files still load
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM recommendations") == [(0,)]


def test_stored_id_with_other_content_names_the_column(db_path, tmp_path):
    one([write(tmp_path / "meetings.csv", "meeting_id,held_on,title\nm1,2024-03-28,Giao ban quý I\n")], db_path)
    [result] = one(
        [write(tmp_path / "meetings.csv", "meeting_id,held_on,title\nm1,2024-03-28,Giao ban quý II\n")], db_path
    )
    assert result.errors == [
        'meetings.csv:2:title: meeting_id "m1" is already in the database with title "Giao ban quý I" '
        '(this file: "Giao ban quý II"); an import never overwrites: use a new id for a different record, '
        "or make this cell match"
    ]


def test_nfd_text_is_stored_as_nfc(db_path, tmp_path):
    nfd = unicodedata.normalize("NFD", "meeting_id,held_on,title\nm1,2024-03-28,Giao ban Tỉnh ủy Điện Biên\n")
    assert nfd != unicodedata.normalize("NFC", nfd)
    [result] = one([write(tmp_path / "meetings.csv", nfd)], db_path)
    assert result.status == "loaded", result.errors
    assert rows(db_path, "SELECT title FROM meetings") == [("Giao ban Tỉnh ủy Điện Biên",)]


def test_bom_and_semicolons_are_tolerated(db_path, tmp_path):
    path = tmp_path / "meetings.csv"
    path.write_bytes(b"\xef\xbb\xbf" + b"meeting_id;held_on;title\nm1;28/03/2024;Giao ban\n")
    [result] = one([path], db_path)
    assert result.status == "loaded", result.errors
    assert rows(db_path, "SELECT meeting_id, held_on FROM meetings") == [("m1", date(2024, 3, 28))]


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out, base, marks = [], "", ""
    for ch in unicodedata.normalize("NFD", text) + "\0":
        if unicodedata.combining(ch):
            marks += ch
            continue
        keep = "".join(m for m in marks if m not in tones)
        out.append(unicodedata.normalize("NFC", base + keep) + "".join(m for m in marks if m in tones))
        base, marks = ch, ""
    return "".join(out).encode("cp1258")


def test_windows_1258_csv(db_path, tmp_path):
    text = "Mã cuộc họp,Ngày họp,Tiêu đề\nm1,28/03/2024,Giao ban Mặt trận Tổ quốc\n"
    path = tmp_path / "cuoc_hop.csv"
    path.write_bytes(cp1258(text))
    assert path.read_bytes() != text.encode("utf-8")
    [result] = one([path], db_path)
    assert result.status == "loaded", result.errors
    assert rows(db_path, "SELECT title FROM meetings") == [("Giao ban Mặt trận Tổ quốc",)]


def test_empty_file_binary_file_and_unknown_table(db_path, tmp_path):
    empty = write(tmp_path / "meetings.csv", "")
    binary = tmp_path / "recommendations.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    results = one([empty, binary], db_path)
    assert [r.errors for r in results] == [
        ["meetings.csv: the file is empty; it needs a header row naming the columns, then one row per record"],
        ["recommendations.csv: looks like a binary file (NUL bytes), not text; save it as UTF-8 text or CSV"],
    ]
    header_only = write(tmp_path / "directives.csv", "dir_id,meeting_id,text\n")
    [result] = one([header_only], db_path)
    assert result.status == "skipped" and result.rows_loaded == 0


def test_xlsx_renamed_csv_says_so(db_path, tmp_path):
    book = tmp_path / "book.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    wb.add_worksheet("meetings").write_row(0, 0, ["held_on"])
    wb.close()
    fake = tmp_path / "meetings.csv"
    shutil.copy(book, fake)
    [result] = one([fake], db_path)
    assert result.errors == ["meetings.csv: this is an Excel workbook with a .csv name; rename it to .xlsx"]


def test_xlsx_with_several_sheets(db_path, tmp_path):
    path = tmp_path / "so_lieu.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    dates = wb.add_format({"num_format": "dd/mm/yyyy"})
    meetings = wb.add_worksheet("Cuộc họp")
    meetings.write_row(0, 0, ["Mã cuộc họp", "Ngày họp", "Địa bàn", "Tiêu đề"])
    meetings.write_row(1, 0, ["m1"])
    meetings.write_datetime(1, 1, datetime(2024, 3, 28), dates)
    meetings.write_row(1, 2, ["Điện Biên", "Giao ban"])
    recs = wb.add_worksheet("Kiến nghị")
    recs.write_row(
        0, 0, ["Mã kiến nghị", "Cuộc họp", "Tổ chức kiến nghị", "Nội dung", "Vị trí bắt đầu", "Vị trí kết thúc"]
    )
    recs.write_row(1, 0, ["r1", "m1", "Hội Nông dân tỉnh", "Hỗ trợ vốn vay", 5.0, 12])
    recs.write_row(3, 0, ["r2", "m9", "Hội Thợ Săn", "Săn bắn"])  # row 4; row 3 left empty
    wb.add_worksheet("Ghi chép")
    wb.close()
    [result] = one([path], db_path)
    assert result.tables == ["meetings", "recommendations"]
    assert result.warnings == ['so_lieu.xlsx: sheet "Ghi chép" is not a table; ignored']
    assert result.errors == [
        'so_lieu.xlsx[Kiến nghị]:4:Cuộc họp: no meeting "m9" in these files or in the database; '
        "add it to the meetings sheet or correct the id",
        f'so_lieu.xlsx[Kiến nghị]:4:Tổ chức kiến nghị: unknown organisation "Hội Thợ Săn"; {UNKNOWN_ORG}',
    ]
    (tmp_path / "fixed").mkdir()
    fixed = tmp_path / "fixed" / "so_lieu.xlsx"
    wb = xlsxwriter.Workbook(str(fixed))
    dates = wb.add_format({"num_format": "dd/mm/yyyy"})  # a format belongs to its workbook
    ws = wb.add_worksheet("Cuộc họp")
    ws.write_row(0, 0, ["Mã cuộc họp", "Ngày họp", "Địa bàn"])
    ws.write_row(1, 0, ["m1"])
    ws.write_datetime(1, 1, datetime(2024, 3, 28), dates)
    ws.write(1, 2, "Điện Biên")
    ws = wb.add_worksheet("Kiến nghị")
    ws.write_row(
        0, 0, ["Mã kiến nghị", "Cuộc họp", "Tổ chức kiến nghị", "Nội dung", "Vị trí bắt đầu", "Vị trí kết thúc"]
    )
    ws.write_row(1, 0, ["r1", "m1", "Hội Nông dân tỉnh", "Hỗ trợ vốn vay", 5.0, 12])
    wb.close()
    [result] = one([fixed], db_path)
    assert result.status == "loaded" and result.rows_loaded == 2, result.errors
    assert rows(db_path, "SELECT held_on, locality_id FROM meetings") == [(date(2024, 3, 28), "dien-bien")]
    assert rows(db_path, "SELECT raised_by_org_id, span_start FROM recommendations") == [("hnd@dien-bien", 5)]


def test_json_both_shapes(db_path, tmp_path):
    many = tmp_path / "batch.json"
    many.write_text(
        json.dumps(
            {
                "meetings": [{"meeting_id": "m1", "held_on": "2024-03-28"}],
                "Kiến nghị": [{"rec_id": "r1", "meeting_id": "m1", "text": "Hỗ trợ", "confidence": 0.75}],
                "ghi_chu": [{"x": 1}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    events = tmp_path / "recommendation_events.json"
    events.write_text(json.dumps([{"rec_id": "r1", "happened_on": "28/03/2024", "status": "đã nêu"}]), encoding="utf-8")
    res_many, res_events = one([many, events], db_path)
    assert res_many.status == "loaded" and res_many.tables == ["meetings", "recommendations"], res_many.errors
    assert res_many.warnings == ['batch.json: "ghi_chu" is not a table of the import format; ignored']
    assert res_events.status == "loaded", res_events.errors
    assert rows(db_path, "SELECT rec_id, confidence FROM recommendations") == [("r1", 0.75)]
    bad = tmp_path / "meetings.json"
    bad.write_text('[{"held_on": "2024-02-30"}]', encoding="utf-8")
    [result] = one([bad], db_path)
    assert result.errors == ['meetings.json:2:held_on: "2024-02-30" is not a date; use YYYY-MM-DD or DD/MM/YYYY']


def test_parquet(db_path, tmp_path):
    path = tmp_path / "meetings.parquet"
    pl.DataFrame({"meeting_id": ["m1"], "held_on": [date(2024, 3, 28)], "level": ["province"]}).write_parquet(path)
    [result] = one([path], db_path)
    assert result.status == "loaded", result.errors
    assert rows(db_path, "SELECT held_on, level FROM meetings") == [(date(2024, 3, 28), "province")]


def test_errors_are_capped(db_path, tmp_path):
    body = "".join(f"m{i},not a date\n" for i in range(250))
    [result] = one([write(tmp_path / "meetings.csv", "meeting_id,held_on\n" + body)], db_path)
    assert len(result.errors) == 201
    assert result.errors[-1] == "… and 50 more errors not shown"
    assert result.summary() == "meetings.csv: rejected, 250 problem(s); nothing from this file was loaded"


def test_files_with_one_name_are_told_apart(db_path, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    good = write(tmp_path / "a" / "meetings.csv", "meeting_id,held_on\nm1,2024-03-28\n")
    bad = write(tmp_path / "b" / "meetings.csv", "meeting_id,held_on\nm2,hôm qua\n")
    ok, rejected = one([good, bad], db_path)
    assert ok.file == str(good) and ok.status == "loaded"
    assert rejected.errors == [f'{bad}:2:held_on: "hôm qua" is not a date; use YYYY-MM-DD or DD/MM/YYYY']
