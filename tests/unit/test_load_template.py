"""The XLSX template: bilingual headers, dropdowns, instructions, and example rows that import as they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from giaoban import db
from giaoban.config import ROOT
from giaoban.load import ingest_tables, write_template
from giaoban.load.spec import TABLES, header_label
from giaoban.load.template import INSTRUCTIONS_SHEET, SHEET_ORDER
from giaoban.reference import load_reference


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "mau" / "giaoban-mau-nhap.xlsx")


def test_one_sheet_per_table_with_bilingual_headers(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == [INSTRUCTIONS_SHEET] + [TABLES[t].label for t in SHEET_ORDER]
    meetings = book["Cuộc họp"]
    headers = [c.value for c in meetings[1]]
    assert headers == [header_label(c) for c in TABLES["meetings"].columns]
    assert "Ngày họp* (held_on)" in headers
    held_on = meetings.cell(1, headers.index("Ngày họp* (held_on)") + 1)
    assert held_on.comment is not None and "Required" in held_on.comment.text
    events = book["Tiến độ kiến nghị"]
    lists = [dv.formula1 for dv in events.data_validations.dataValidation]
    assert any("đã giải quyết" in f for f in lists)
    notes = " ".join(str(c.value) for row in book[INSTRUCTIONS_SHEET].iter_rows() for c in row if c.value)
    assert "IMPORT TEMPLATE" in notes
    assert all(f"({name})" in notes for name in SHEET_ORDER)


def test_example_rows_import_cleanly_and_once(template, tmp_path):
    target = tmp_path / "ref.duckdb"
    with db.new_database(target) as con:
        load_reference(con, ROOT / "data")
    [first] = ingest_tables([template], target)
    assert first.status == "loaded", first.errors
    assert first.warnings == [] and first.rows_loaded == 11
    assert first.tables == list(SHEET_ORDER)
    [second] = ingest_tables([template], target)
    assert second.status == "skipped" and second.rows_skipped == 11


def test_examples_need_no_reference_data(template, tmp_path):
    copy = tmp_path / "mau.xlsx"
    shutil.copy(template, copy)
    [result] = ingest_tables([copy], tmp_path / "empty.duckdb")
    assert result.status == "loaded", result.errors
