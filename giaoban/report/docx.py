"""The report pack as an editable Word document (python-docx).

Contract: ``write_docx(contents, images, out)`` writes ``out`` from a ``ReportContents`` and the
charts' PNG files (``images[chart.key]``). The document is meant to be edited, so everything is
real Word structure: Heading 1 section titles (they show in the navigation pane), tables with a
repeating header row, captions with SEQ fields ("Biểu đồ 1.", "Bảng 1.", renumbered by Word when
charts are moved), a PAGE field in the header. Page and type follow the usual Vietnamese
administrative layout (Nghị định 30/2020/NĐ-CP): A4, margins 2 cm top and bottom, 3 cm left,
2 cm right, Times New Roman 13 pt (Liberation Serif shows in its place where Times is missing).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from giaoban.report import vn
from giaoban.report.model import Chart, Paragraph, ReportContents, Table
from giaoban.report.wording import MADE_BY

FONT = "Times New Roman"
BODY_PT = 13
TEXT_WIDTH_MM = 160
SAMPLE_RED = RGBColor(0x9E, 0x2A, 0x2B)
NUMERIC = ("int", "pct", "float", "days", "auto", "change")


def _fonts(style, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> None:
    """Set the font on all four scripts (python-docx sets only ascii/hAnsi; themes override the rest)."""
    font = style.font
    font.name = FONT
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), FONT)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    _fonts(normal, BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.15
    for name, size in (("Heading 1", 13), ("Heading 2", 13), ("Title", 15), ("Caption", 12)):
        style = doc.styles[name]
        _fonts(style, size, bold=True, italic=False)
        style.paragraph_format.space_before = Pt(12 if name.startswith("Heading") else 6)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = name != "Caption"
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    border = doc.styles["Title"].element.pPr.find(qn("w:pBdr"))  # the template's blue rule under titles
    if border is not None:
        border.getparent().remove(border)
    doc.styles["Caption"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table_style = doc.styles["Table Grid"]
    _fonts(table_style, 11)


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True  # no page number on the cover
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(header, "PAGE", "2")


def _field(paragraph, instruction: str, shown: str) -> None:
    """A simple Word field (PAGE, SEQ …) with its current result, so the text is right before Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _caption(doc, label: str, number: int, title: str):
    paragraph = doc.add_paragraph(style="Caption")
    paragraph.add_run(f"{label} ")
    _field(paragraph, f"SEQ {label.replace(' ', '_')} \\* ARABIC", str(number))
    paragraph.add_run(f". {title}")
    return paragraph


def _cover(doc, contents: ReportContents) -> None:
    for _ in range(3):
        doc.add_paragraph()
    doc.add_paragraph(contents.title, style="Title")
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.add_run(contents.subtitle).italic = True
    doc.add_paragraph()
    spec = contents.spec
    rows = [
        ("Phạm vi", spec.scope_label),
        ("Kỳ báo cáo", f"{spec.period_label} ({vn.date(spec.period.start)} – {vn.date(spec.period.end)})"),
        ("So sánh với", spec.previous_label),
        ("Số liệu tính đến", vn.date(contents.data_date)),
        ("Ngày lập", contents.generated_at.strftime("%d/%m/%Y")),
    ]
    table = doc.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Mm(45), Mm(105)
        cells[0].paragraphs[0].add_run(f"{label}:").bold = True
        cells[1].paragraphs[0].add_run(value)
    doc.add_paragraph()
    if contents.is_sample:
        note = doc.add_paragraph()
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = note.add_run(contents.sample_note)
        run.bold, run.font.color.rgb = True, SAMPLE_RED
    tail = doc.add_paragraph()
    tail.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tail.add_run(MADE_BY).italic = True
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _body(doc, text: str) -> None:
    paragraph = doc.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(10)


def _chart(doc, chart: Chart, image: Path) -> None:
    holder = doc.add_paragraph()
    holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
    holder.paragraph_format.keep_with_next = True
    holder.add_run().add_picture(str(image), width=Mm(TEXT_WIDTH_MM))
    _caption(doc, "Biểu đồ", chart.number, chart.title)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _write_cell(cell, text: str, *, bold: bool = False, align=None, size: float = 11) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _table(doc, table: Table) -> None:
    _caption(doc, "Bảng", table.number, table.title).paragraph_format.keep_with_next = True
    rows = table.text_rows()
    size = table.font_pt
    grid = doc.add_table(rows=1, cols=len(table.columns), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(c.width for c in table.columns)
    widths = [Mm(TEXT_WIDTH_MM * c.width / total) for c in table.columns]
    for grid_col, width in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(int(width.twips)))  # LibreOffice reads the grid, Word the cells
    for cell, column, width in zip(grid.rows[0].cells, table.columns, widths, strict=True):
        cell.width = width
        _write_cell(cell, column.header, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=size)
        _shade(cell, "D9D9D9")
    _repeat_header(grid.rows[0])
    for index, values in enumerate(rows):
        bold = table.total_last and index == len(rows) - 1
        cells = grid.add_row().cells
        for cell, column, width, value in zip(cells, table.columns, widths, values, strict=True):
            cell.width = width
            align = WD_ALIGN_PARAGRAPH.RIGHT if column.kind in NUMERIC else None
            _write_cell(cell, value, bold=bold, align=align, size=size)
    if not rows:
        cells = grid.add_row().cells
        merged = cells[0].merge(cells[-1])
        _write_cell(merged, "Không có số liệu trong kỳ", align=WD_ALIGN_PARAGRAPH.CENTER, size=size)
    if table.note:
        note = doc.add_paragraph()
        note.add_run(table.note).italic = True
    else:
        doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _terms(doc, items: list[tuple[str, str]]) -> None:
    for term, text in items:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(10)
        paragraph.add_run(f"{term}: ").bold = True
        paragraph.add_run(text)


def write_docx(contents: ReportContents, images: dict[str, Path], out: Path) -> Path:
    doc = Document()
    _styles(doc)
    _page(doc)
    props = doc.core_properties
    props.title, props.subject = contents.title, contents.spec.scope_label
    props.author, props.language = "giaoban", "vi-VN"
    _cover(doc, contents)
    for number, section in enumerate(contents.sections, start=1):
        doc.add_heading(f"{vn.ROMAN[number - 1]}. {section.title}", level=1)
        for item in section.items:
            if isinstance(item, Paragraph):
                _body(doc, item.text)
            elif isinstance(item, Chart):
                _chart(doc, item, images[item.key])
            else:
                _table(doc, item)
    doc.add_heading(f"{vn.ROMAN[len(contents.sections)]}. PHẠM VI, BỘ LỌC VÀ ĐỊNH NGHĨA", level=1)
    doc.add_heading("1. Phạm vi và bộ lọc đã dùng", level=2)
    _terms(doc, contents.filters)
    doc.add_heading("2. Định nghĩa các chỉ số", level=2)
    _terms(doc, contents.definitions)
    doc.save(str(out))
    return out
