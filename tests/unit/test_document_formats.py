"""Reports arrive as text, HTML, Word and PDF; each reads to the same clean text."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import docx

from giaoban.extract.document import read_document
from giaoban.extract.pipeline import default_extractor
from giaoban.legacy_encodings import encode_tcvn3, encode_vni

REPORT = (
    "Giao ban quý I-2024\n\nNgày đăng 05/04/2024 | 10:00\n\n"
    "Chiều 4/4, Thường trực Tỉnh ủy tổ chức hội nghị giao ban với Ủy ban MTTQ và các đoàn thể chính trị - xã hội "
    "tỉnh. Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.\n\n"
    "Hội Nông dân tỉnh kiến nghị tỉnh hỗ trợ tiêu thụ vải thiều cho nông dân.\n"
)


def _check(path: Path) -> None:
    record = default_extractor().extract_file(path)[1].to_json()
    assert record["meeting"]["held_on"] == "2024-04-04", path.name
    assert [c["name"] for c in record["chairs"]] == ["Nguyễn Văn An"]
    assert [r["raised_by"] for r in record["recommendations"]] == ["Hội Nông dân"]


def test_plain_nfd_and_legacy_text(tmp_path):
    for name, data in [
        ("utf8.txt", REPORT.encode()),
        ("nfd.txt", unicodedata.normalize("NFD", REPORT).encode()),
        ("tcvn3.txt", encode_tcvn3(REPORT)),
        ("vni.txt", encode_vni(REPORT)),
    ]:
        (tmp_path / name).write_bytes(data)
        _check(tmp_path / name)


def test_html_page_with_chrome(tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in REPORT.split("\n\n")[1:])
    page = (
        f"<html><head><meta charset='utf-8'><title>Báo</title></head><body><div id='header'>Hôm nay: Thứ Hai, "
        f"23/11/2026</div><ul class='menu'><li>Trang chủ</li></ul><article><h1>Giao ban quý I-2024</h1>"
        f"{paragraphs}</article><div class='tin-khac'>Tin khác: Hội Cựu chiến binh kiến nghị điều khác</div>"
        f"</body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = read_document(tmp_path / "page.html")
    assert "Tin khác" not in doc.text and "23/11/2026" not in doc.text
    _check(tmp_path / "page.html")


def test_docx(tmp_path):
    document = docx.Document()
    for paragraph in REPORT.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    document.save(tmp_path / "report.docx")
    _check(tmp_path / "report.docx")


def test_text_pdf_printed_by_chromium(tmp_path):
    html = tmp_path / "r.html"
    html.write_text("<meta charset='utf-8'>" + "".join(f"<p>{p}</p>" for p in REPORT.split("\n\n")), encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    subprocess.run(
        [
            "/usr/bin/chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert "hội nghị giao ban" in read_document(pdf).text
    _check(pdf)
