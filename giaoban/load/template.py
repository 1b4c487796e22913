"""The XLSX import template: one sheet per table, bilingual headers, dropdowns, instructions, examples.

The workbook is importable as it is: each header reads "Vietnamese name* (english_name)" (the
star marks a required column), which ``spec.column_for`` understands, and each table sheet has
an example row (ids starting "vi-du-") that loads cleanly into a database with or without the
reference data, because the examples only name each other. Cell comments repeat the English
name, say what the column holds and list the accepted values; status, role, level and kind
columns carry a dropdown of the Vietnamese values (English codes may still be typed).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from giaoban.load.spec import TABLES, ColumnSpec, TableSpec, header_label

INSTRUCTIONS_SHEET = "Hướng dẫn - Instructions"
SHEET_ORDER = (
    "meetings",
    "meeting_people",
    "meeting_orgs",
    "recommendations",
    "recommendation_events",
    "directives",
    "directive_events",
    "documents",
    "organisations",
    "org_aliases",
)
DATA_ROWS = 2000  # rows that get the dropdowns and date format

_DOC_TEXT = (
    "VÍ DỤ. Chiều 28/3, Thường trực Tỉnh ủy giao ban với MTTQ và các đoàn thể. "
    "Câu lạc bộ Hưu trí Ví Dụ kiến nghị hỗ trợ kinh phí hoạt động năm 2024."
)
_REC_TEXT = "hỗ trợ kinh phí hoạt động năm 2024"
_ORG = "CLB Hưu trí VD"  # the alias the org_aliases example adds

EXAMPLES: dict[str, list[dict[str, object]]] = {
    "organisations": [
        {
            "org_id": "vi-du-clb-huu-tri",
            "name": "Câu lạc bộ Hưu trí Ví Dụ",
            "short_name": "CLB Hưu trí Ví Dụ",
            "kind": "khác",
            "family": "vi-du-clb-huu-tri",
        }
    ],
    "org_aliases": [{"alias": _ORG, "org_id": "vi-du-clb-huu-tri"}],
    "documents": [
        {
            "doc_id": "vi-du-van-ban",
            "source": "import",
            "outlet": "Báo Ví Dụ",
            "published_at": datetime(2024, 3, 29, 8, 30),
            "title": "VÍ DỤ - Giao ban quý I-2024",
            "text": _DOC_TEXT,
        }
    ],
    "meetings": [
        {
            "meeting_id": "vi-du-hop-1",
            "doc_id": "vi-du-van-ban",
            "held_on": date(2024, 3, 28),
            "date_basis": "ghi rõ",
            "level": "tỉnh",
            "host_body": "Thường trực Tỉnh ủy",
            "kind": "giao ban",
            "title": "VÍ DỤ (xóa dòng này) - Giao ban quý I-2024",
            "period_label": "Quý I-2024",
            "period_kind": "quý",
            "period_start": date(2024, 1, 1),
            "period_end": date(2024, 3, 31),
            "origin": "nhập",
        }
    ],
    "meeting_people": [
        {
            "meeting_id": "vi-du-hop-1",
            "name": "Nguyễn Văn Ví Dụ",
            "title": "Phó Bí thư Thường trực Tỉnh ủy",
            "role": "chủ trì",
        }
    ],
    "meeting_orgs": [{"meeting_id": "vi-du-hop-1", "org_id": _ORG, "role": "tham gia"}],
    "recommendations": [
        {
            "rec_id": "vi-du-kn-1",
            "meeting_id": "vi-du-hop-1",
            "raised_by_org_id": "Câu lạc bộ Hưu trí Ví Dụ",
            "text": "Hỗ trợ kinh phí hoạt động năm 2024",
            "addressed_to": "Sở Tài chính",
            "due_on": date(2024, 6, 30),
            "doc_id": "vi-du-van-ban",
            "span_start": _DOC_TEXT.index(_REC_TEXT),
            "span_end": _DOC_TEXT.index(_REC_TEXT) + len(_REC_TEXT),
        }
    ],
    "recommendation_events": [
        {"rec_id": "vi-du-kn-1", "happened_on": date(2024, 3, 28), "status": "đã nêu", "source": "hội nghị"},
        {
            "rec_id": "vi-du-kn-1",
            "happened_on": date(2024, 5, 15),
            "status": "đang giải quyết",
            "note": "Sở Tài chính đang cân đối nguồn",
            "source": "báo cáo",
        },
    ],
    "directives": [
        {
            "dir_id": "vi-du-cd-1",
            "meeting_id": "vi-du-hop-1",
            "addressee_org_id": _ORG,
            "addressee_text": "Câu lạc bộ Hưu trí",
            "text": "Tuyên truyền, vận động hội viên tham gia bầu cử",
            "due_on": date(2024, 6, 30),
        }
    ],
    "directive_events": [{"dir_id": "vi-du-cd-1", "happened_on": date(2024, 3, 28), "status": "đã giao"}],
}

INSTRUCTIONS = [
    ("MẪU NHẬP DỮ LIỆU GIAO BAN / GIAO BAN IMPORT TEMPLATE", ""),
    ("Mỗi sheet là một bảng; tên sheet cho biết bảng.", "Each sheet is one table; its name says which."),
    ("Dòng 1 là tiêu đề cột; dấu * là cột bắt buộc.", "Row 1 holds the headers; * marks a required column."),
    ("Xóa các dòng VÍ DỤ (mã bắt đầu bằng vi-du-) trước khi nhập.", "Delete the EXAMPLE rows (ids vi-du-…) first."),
    ("Ngày: YYYY-MM-DD hoặc DD/MM/YYYY, hoặc ô ngày của Excel.", "Dates: YYYY-MM-DD or DD/MM/YYYY, or Excel dates."),
    (
        "Cột tổ chức nhận mã, tên chuẩn hoặc tên gọi khác (MTTQ, LĐLĐ tỉnh…).",
        "Organisation columns take an id, a canonical name or an alias.",
    ),
    ("Cột địa bàn nhận mã (dien-bien) hoặc tên (Điện Biên).", "Locality columns take an id or a name."),
    (
        "Để trống mã cuộc họp/kiến nghị/chỉ đạo thì hệ thống tự tạo; muốn liên kết các sheet thì ghi mã.",
        "Leave an id empty and one is made from the row; give ids to link rows across sheets.",
    ),
    (
        "Trạng thái ghi tiếng Việt (đã giải quyết…) hoặc mã tiếng Anh (resolved…).",
        "Statuses in Vietnamese or as English codes.",
    ),
    (
        "Tệp có lỗi bị từ chối cả tệp; mỗi lỗi ghi rõ sheet, dòng, cột và cách sửa.",
        "A file with any error is rejected whole; each error names sheet, row, column and the fix.",
    ),
    ("Nhập lại cùng tệp không tạo bản ghi trùng.", "Importing the same file again adds nothing."),
]


def _type_hint(col: ColumnSpec) -> str:
    if col.type == "date":
        return "Ngày / Date: YYYY-MM-DD, DD/MM/YYYY"
    if col.type == "timestamp":
        return "Ngày giờ / Date and time: YYYY-MM-DD HH:MM"
    if col.type == "int":
        return "Số nguyên / Whole number"
    if col.type == "float":
        return "Số từ 0 đến 1 / Number from 0 to 1"
    if col.type == "vocab" and col.vocab:
        return "Giá trị / Values: " + "; ".join(f"{v[0]} = {code}" for code, v in col.vocab.items())
    if col.type == "org":
        return "Mã, tên hoặc tên gọi khác của tổ chức / Organisation id, name or alias"
    if col.type == "locality":
        return "Mã hoặc tên địa bàn / Locality id or name"
    if col.type == "ref" and col.ref:
        return f"Mã trong sheet {TABLES[col.ref].label} / An id from sheet {TABLES[col.ref].label}"
    return ""


def _comment(spec: TableSpec, col: ColumnSpec) -> str:
    need = "Bắt buộc / Required" if col.required else "Không bắt buộc / Optional"
    if col.name == spec.id_column:
        need += "; để trống: tự tạo / empty: made for you"
    return "\n".join(x for x in (f"{col.name}: {col.en}", need, _type_hint(col)) if x)


def _write_table(book: xlsxwriter.Workbook, spec: TableSpec, formats: dict) -> None:
    sheet = book.add_worksheet(spec.label)
    for i, col in enumerate(spec.columns):
        sheet.write(0, i, header_label(col), formats["head"])
        sheet.write_comment(0, i, _comment(spec, col), {"x_scale": 2.2, "y_scale": 1.6})
        width = 60 if col.type in ("text", "raw") else 22
        sheet.set_column(i, i, width, formats["date"] if col.type == "date" else None)
        if col.type == "vocab" and col.vocab:
            sheet.data_validation(
                1,
                i,
                DATA_ROWS,
                i,
                {"validate": "list", "source": [v[0] for v in col.vocab.values()], "error_type": "information"},
            )
    for r, example in enumerate(EXAMPLES.get(spec.name, []), 1):
        for i, col in enumerate(spec.columns):
            value = example.get(col.name)
            if isinstance(value, datetime):
                sheet.write_datetime(r, i, value, formats["datetime"])
            elif isinstance(value, date):
                sheet.write_datetime(r, i, datetime(value.year, value.month, value.day), formats["date"])
            elif value is not None:
                sheet.write(r, i, value)
    sheet.freeze_panes(1, 0)


def _write_instructions(book: xlsxwriter.Workbook, formats: dict) -> None:
    sheet = book.add_worksheet(INSTRUCTIONS_SHEET)
    sheet.set_column(0, 1, 70)
    sheet.set_column(2, 5, 24)
    for r, (vi, en) in enumerate(INSTRUCTIONS):
        sheet.write(r, 0, vi, formats["head"] if r == 0 else None)
        sheet.write(r, 1, en)
    r = len(INSTRUCTIONS) + 1
    sheet.write_row(r, 0, ["Sheet / Cột (Column)", "Ý nghĩa / Meaning", "Bắt buộc / Required"], formats["head"])
    for name in SHEET_ORDER:
        spec = TABLES[name]
        r += 1
        sheet.write_row(r, 0, [f"{spec.label} ({spec.name})", spec.en], formats["head"])
        for col in spec.columns:
            r += 1
            meaning = f"{col.en}. {_type_hint(col)}".strip(". ")
            sheet.write_row(r, 0, [header_label(col), meaning, "*" if col.required else ""])


def write_template(path: Path) -> Path:
    """Write the template to ``path`` (parent folders are created); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path))
    formats = {
        "head": book.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True}),
        "date": book.add_format({"num_format": "dd/mm/yyyy"}),
        "datetime": book.add_format({"num_format": "dd/mm/yyyy hh:mm"}),
    }
    _write_instructions(book, formats)
    for name in SHEET_ORDER:
        _write_table(book, TABLES[name], formats)
    book.close()
    return path
