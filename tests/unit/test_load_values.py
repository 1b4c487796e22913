"""Cell parsing, table and header names of the tabular import, and agreement with the schema."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from giaoban import db
from giaoban.config import ROOT
from giaoban.load.spec import TABLES, column_for, header_label, table_for
from giaoban.load.values import CellError, parse_date, parse_float, parse_int, parse_timestamp, parse_vocab
from giaoban.load.vocabularies import REC_STATUS

STATUS = TABLES["recommendation_events"].column("status")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-31", date(2024, 3, 31)),
        ("31/03/2024", date(2024, 3, 31)),
        ("1/4/2021", date(2021, 4, 1)),
        ("31-03-2024", date(2024, 3, 31)),
        ("31.03.2024", date(2024, 3, 31)),
        ("2024-03-31 00:00:00", date(2024, 3, 31)),  # an Excel or Parquet date cell
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2024", "2024-13-01", "03/31/2024", "hôm qua", "2024-03"])
def test_bad_dates_say_what_to_write(text):
    with pytest.raises(CellError) as err:
        parse_date(text)
    assert str(err.value) == f'"{text}" is not a date; use YYYY-MM-DD or DD/MM/YYYY'


def test_timestamps():
    assert parse_timestamp("2017-12-21 08:46") == datetime(2017, 12, 21, 8, 46)
    assert parse_timestamp("21/12/2017 08:46:30") == datetime(2017, 12, 21, 8, 46, 30)
    assert parse_timestamp("2017-12-21T08:46:00+07:00") == datetime(2017, 12, 21, 8, 46)
    with pytest.raises(CellError, match="not a date and time"):
        parse_timestamp("21/13/2017 08:46")


def test_numbers():
    assert parse_int("120") == 120
    assert parse_int("120.0") == 120  # Excel's floats
    assert parse_float("0,8") == pytest.approx(0.8)
    with pytest.raises(CellError) as err:
        parse_int("1.473")  # Vietnamese thousands separator: ambiguous, refused
    assert str(err.value) == '"1.473" is not a whole number; write digits only, like 120'


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("đã giải quyết", "resolved"),
        ("Đã giải quyết dứt điểm", "resolved"),
        ("đang giải quyết", "in_progress"),
        ("đã trả lời", "explained"),
        ("tiếp thu", "answered"),
        ("tiếp thu nhưng chưa có văn bản chỉ đạo", "answered"),
        ("chưa giải quyết", "raised"),
        ("in progress", "in_progress"),
        ("RESOLVED", "resolved"),
        ("da giai quyet", "resolved"),
    ],
)
def test_statuses_in_vietnamese(text, code):
    assert parse_vocab(text, STATUS) == code


def test_unknown_status_lists_the_choices():
    with pytest.raises(CellError) as err:
        parse_vocab("xong rồi", STATUS)
    assert str(err.value).startswith('"xong rồi" is not a status; use one of: raised, referred, answered')
    assert "đã giải quyết" in str(err.value)


def test_every_status_code_has_vietnamese_variants():
    assert set(REC_STATUS) == {"raised", "referred", "answered", "explained", "in_progress", "resolved", "declined"}
    assert all(REC_STATUS.values())


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("meetings", "meetings"),
        ("2024_meetings", "meetings"),
        ("kien_nghi", "recommendations"),
        ("Kiến nghị", "recommendations"),
        ("KIẾN NGHỊ 2024", "recommendations"),
        ("2024_meeting_people", "meeting_people"),
        ("Tiến độ kiến nghị", "recommendation_events"),
        ("Tổ chức dự họp", "meeting_orgs"),
        ("Tổ chức", "organisations"),
        ("organizations", "organisations"),
        ("Hướng dẫn - Instructions", None),
        ("bien_ban", None),
    ],
)
def test_table_names(name, table):
    spec = table_for(name)
    assert (spec.name if spec else None) == table


@pytest.mark.parametrize(
    ("table", "header", "column"),
    [
        ("meetings", "Ngày họp", "held_on"),
        ("meetings", "NGAY HOP", "held_on"),
        ("meetings", "Ngày họp* (held_on)", "held_on"),
        ("recommendations", "Tổ chức kiến nghị", "raised_by_org_id"),
        ("recommendations", "Nội dung", "text"),
        ("recommendation_events", "Trạng thái", "status"),
        ("recommendation_events", "Ngày", "happened_on"),
        ("recommendations", "Ghi chú riêng", None),
    ],
)
def test_vietnamese_headers(table, header, column):
    assert column_for(TABLES[table], header) == column


def test_every_template_header_reads_back_as_its_column():
    for spec in TABLES.values():
        for col in spec.columns:
            assert column_for(spec, header_label(col)) == col.name


def test_spec_matches_the_schema():
    """Every schema column is importable or computed; the import knows no column the schema lacks."""
    con = duckdb.connect()
    db.apply_schema(con)
    for spec in TABLES.values():
        schema_cols = [r[0] for r in con.execute(f"DESCRIBE {spec.name}").fetchall()]
        ours = [c.name for c in spec.columns] + [c for c in spec.computed if c not in spec.by_name]
        assert set(ours) <= set(schema_cols), spec.name
        assert set(schema_cols) - set(ours) <= {"ingested_at"}, spec.name
        key = con.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() "
            "WHERE table_name = $t AND constraint_type = 'PRIMARY KEY'",
            {"t": spec.name},
        ).fetchone()[0]
        assert tuple(key) == spec.key, spec.name


def test_import_format_doc_lists_every_table_and_column():
    doc = (ROOT / "docs" / "import-format.md").read_text(encoding="utf-8")
    for spec in TABLES.values():
        assert f"### {spec.name} — {spec.label}" in doc
        for col in spec.columns:
            assert f"| `{col.name}` | {', '.join(col.vi)} |" in doc, (spec.name, col.name)
