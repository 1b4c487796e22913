"""The report pack on the fixture database, built once for the module as the ZIP that holds everything.

PDF pages are rendered to PNG (pdftoppm) and read back as text (pdftotext); the DOCX is opened with
python-docx, the XLSX with openpyxl and checked against the named queries it came from.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.shared import Mm
from PIL import Image

from giaoban import db
from giaoban.queries import run_query
from giaoban.report.build import build_report
from giaoban.report.vn import REC_STATUS

NOW = dt.datetime(2025, 1, 15, 9, 30)
SECTIONS = [
    "I. TỔNG QUAN",
    "II. KIẾN NGHỊ CỦA MẶT TRẬN VÀ CÁC TỔ CHỨC",
    "III. THỰC HIỆN CHỈ ĐẠO, NHIỆM VỤ",
    "IV. CHỦ ĐỀ ĐƯỢC QUAN TÂM",
    "V. HOẠT ĐỘNG CỦA CÁC TỔ CHỨC",
    "VI. PHẠM VI, BỘ LỌC VÀ ĐỊNH NGHĨA",
]
PARAMS = {
    "date_from": dt.date(2024, 1, 1),
    "date_to": dt.date(2024, 12, 31),
    "level": None,
    "province": None,
    "harmonised": False,
    "family": None,
    "theme": None,
}


@pytest.fixture(scope="module")
def pack(mini_db: Path, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("pack")
    steps: list[tuple[float, str]] = []
    result = build_report(
        out / "pack.zip", "zip", year=2024, db_path=mini_db, now=NOW, progress=lambda f, m: steps.append((f, m))
    )
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        archive.extractall(out / "x")
    files = {Path(n).suffix: out / "x" / n for n in names if "/" not in n}
    return {"result": result, "names": names, "files": files, "dir": out / "x", "steps": steps}


@pytest.fixture(scope="module")
def con(mini_db: Path):
    connection = db.connect(mini_db)
    yield connection
    connection.close()


def test_zip_holds_documents_and_every_chart_in_every_format(pack):
    contents = pack["result"].contents
    assert len(contents.charts) == 15 and len(contents.tables) == 6
    charts = [n for n in pack["names"] if n.startswith("bieu-do/") and not n.endswith(".csv")]
    assert len(charts) == 45
    for fmt in ("png", "svg", "pdf"):
        assert f"bieu-do/{fmt}/{contents.charts[5].stem}.{fmt}" in pack["names"]
    assert {".docx", ".pdf", ".xlsx", ".txt"} <= set(pack["files"])
    assert "Trong gói" in pack["files"][".txt"].read_text(encoding="utf-8")
    index = (pack["dir"] / "bieu-do" / "danh-muc.csv").read_text(encoding="utf-8-sig")
    assert "Biểu đồ 6. Tỷ lệ được trả lời và tỷ lệ giải quyết dứt điểm theo tổ chức kiến nghị" in index


def test_progress_is_reported_in_order_up_to_done(pack):
    fractions = [f for f, _ in pack["steps"]]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("15/15 biểu đồ" in m for _, m in pack["steps"])


def test_pdf_pages_render_and_are_not_blank(pack, tmp_path):
    pdf = pack["files"][".pdf"]
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert 8 <= len(pages) <= 20
    for page in pages:
        image = Image.open(page).convert("L")
        assert image.width / 30 * 25.4 == pytest.approx(210, abs=2)  # A4
        assert image.getextrema()[0] < 100, f"{page.name} is blank"


def test_pdf_text_has_the_structure_and_intact_diacritics(pack):
    text = subprocess.run(
        ["pdftotext", str(pack["files"][".pdf"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text == unicodedata.normalize("NFC", text)
    for words in [
        "SỐ LIỆU TỔNG KẾT CÔNG TÁC GIAO BAN NĂM 2024",
        "Bảng 1. Các chỉ tiêu chính so với cùng kỳ năm trước",
        "Biểu đồ 15.",
        "Bảng 6.",
        "Tỷ lệ kiến nghị được giải quyết dứt điểm",
        "Định nghĩa các chỉ số",
        "Trang 1/",
        *SECTIONS,
    ]:
        assert words in text, words
    assert "DỮ LIỆU MẪU" not in text  # the fixture's meetings are imported, not sample data


def test_docx_has_word_headings_captions_tables_and_images(pack):
    doc = Document(str(pack["files"][".docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert sum(c.startswith("Biểu đồ ") for c in captions) == 15 and sum(c.startswith("Bảng ") for c in captions) == 6
    assert "SEQ Biểu_đồ" in doc.paragraphs[[p.text for p in doc.paragraphs].index(captions[1])]._p.xml
    assert len(doc.inline_shapes) == 15
    assert all(abs(shape.width - Mm(160)) < Mm(1) for shape in doc.inline_shapes)
    assert len(doc.tables) == 7  # the cover's details + six numbered tables
    header = [c.text for c in doc.tables[1].rows[0].cells]
    assert header[0] == "Chỉ tiêu" and doc.tables[1].rows[1].cells[0].text == "Số cuộc họp giao ban"


def test_docx_page_and_type_follow_administrative_style(pack):
    doc = Document(str(pack["files"][".docx"]))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [
        round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [20, 20, 30, 20]
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 13
    assert 'w:eastAsia="Times New Roman"' in doc.styles["Heading 1"].element.xml


def test_docx_table_values_are_the_named_query_formatted(pack, con):
    doc = Document(str(pack["files"][".docx"]))
    frame = run_query(con, "report/recs_by_org_status", PARAMS)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Tổ chức" and len(t.columns) == 10)
    assert [r.cells[0].text for r in table.rows[1:]] == frame["organisation"].to_list()
    assert table.rows[-1].cells[1].text == str(frame["raised"][-1])


def _sheet(book, prefix: str):
    return book[next(n for n in book.sheetnames if n.startswith(prefix))]


def _rows(sheet) -> list[dict]:
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:] if any(v is not None for v in row)]


def test_xlsx_has_one_sheet_per_table_with_formatted_headers(pack):
    book = openpyxl.load_workbook(pack["files"][".xlsx"])
    assert book.sheetnames[0] == "Thông tin" and book.sheetnames[-1] == "Biểu đồ"
    assert [n.split(" ")[0] for n in book.sheetnames[1:-1]] == ["B1", "B2", "B3", "B4", "B5", "B6"]
    sheet = _sheet(book, "B2")
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet.freeze_panes == "A2"
    assert "Kỳ báo cáo" in [c.value for c in book["Thông tin"]["A"]]


def test_xlsx_values_match_the_named_queries(pack, con):
    book = openpyxl.load_workbook(pack["files"][".xlsx"])
    status = run_query(con, "report/recs_by_org_status", PARAMS)
    rows = _rows(_sheet(book, "B2"))
    assert [r["Số kiến nghị"] for r in rows] == status["raised"].to_list()
    assert [r["Tỷ lệ giải quyết"] for r in rows] == pytest.approx(status["resolution_rate"].to_list())
    overdue = run_query(con, "overview/most_overdue", {**PARAMS, "limit": 20})
    rows = _rows(_sheet(book, "B3"))
    assert [r["Số ngày quá hạn"] for r in rows] == overdue["days_overdue"].to_list()
    assert [r["Hạn"].date() for r in rows] == overdue["due_effective"].to_list()
    assert [r["Trạng thái"] for r in rows] == [REC_STATUS[s] for s in overdue["status"]]
    kpi = run_query(con, "overview/kpi_cards", PARAMS)
    headline = {r["Chỉ tiêu"]: r for r in _rows(_sheet(book, "B1"))}
    current = kpi.filter(kpi["period"] == "current").row(0, named=True)
    assert headline["Số kiến nghị, đề xuất được nêu"]["Năm 2024"] == current["recommendations"]
    assert headline["Tỷ lệ kiến nghị được trả lời"]["Năm 2024"] == pytest.approx(current["answered_rate"])


def test_png_charts_are_print_resolution(pack):
    png = next((pack["dir"] / "bieu-do" / "png").glob("bieu-do-06-*.png"))
    image = Image.open(png)
    assert image.info["dpi"][0] == pytest.approx(300, abs=0.5) and image.width >= 1880
