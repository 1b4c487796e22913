"""The report pack's tables as an Excel workbook: one sheet per table, then the charts' index.

Contract: ``write_xlsx(contents, out)`` writes a "Thông tin" sheet (title, scope, period, data
date, sample-data warning, filters, definitions, what each sheet holds), then one sheet per
numbered table ("B1 Chỉ tiêu chính", …) with a formatted header row in row 1, frozen and filtered,
then a "Biểu đồ" sheet listing the charts and the named query behind each. Cells hold the query's
raw values (counts as numbers, rates as fractions shown as %, dates as dates) so they can be
summed and charted in Excel; only status codes become their Vietnamese words.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import xlsxwriter

from giaoban.report import vn
from giaoban.report.model import Column, ReportContents, Table

NUMBER_FORMATS = {"int": "#,##0", "pct": "0.0%", "float": "#,##0.0", "days": "#,##0", "date": "dd/mm/yyyy"}
CHANGE_FORMATS = {"int": "+#,##0;−#,##0;0", "pct": "+0.0%;−0.0%;0.0%"}


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
        self.book, self.base = book, base
        self.header = book.add_format(
            {
                **base,
                "bold": True,
                "bg_color": "#D9D9D9",
                "border": 1,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        )
        self.title = book.add_format({**base, "bold": True, "font_size": 14})
        self.bold = book.add_format({**base, "bold": True})
        self.warn = book.add_format({**base, "bold": True, "font_color": "#9E2A2B", "text_wrap": True})
        self.wrap = book.add_format({**base, "text_wrap": True})
        self._cache: dict[tuple[str, bool], Any] = {}

    def cell(self, num_format: str | None, bold: bool = False):
        key = (num_format or "", bold)
        if key not in self._cache:
            spec = {**self.base, "border": 1, "bold": bold, "text_wrap": num_format is None}
            if num_format:
                spec["num_format"] = num_format
            self._cache[key] = self.book.add_format(spec)
        return self._cache[key]


def sheet_name(table: Table) -> str:
    """ "B3 Danh sách kiến nghị quá…": Excel allows 31 characters and no []:*?/\\."""
    clean = "".join(ch for ch in table.title if ch not in "[]:*?/\\")
    return f"B{table.number} {clean}"[:31].rstrip()


def _value(row: dict[str, Any], column: Column, kind: str) -> tuple[Any, str | None]:
    value = row.get(column.key)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return (column.empty or None), None
    if kind == "change":
        return value, CHANGE_FORMATS.get(row.get("kind", "int"))
    if kind in ("status", "origin", "period"):
        return vn.cell(value, kind), None
    if kind == "date" and isinstance(value, dt.datetime):
        value = value.date()
    return value, NUMBER_FORMATS.get(kind)


def _table_sheet(book: xlsxwriter.Workbook, fmt: _Formats, table: Table) -> None:
    sheet = book.add_worksheet(sheet_name(table))
    for col, column in enumerate(table.columns):
        sheet.write(0, col, column.header, fmt.header)
        sheet.set_column(col, col, max(10, min(70, column.width * 14)))
    rows = list(table.frame.iter_rows(named=True))
    for index, row in enumerate(rows, start=1):
        bold = table.total_last and index == len(rows)
        for col, (column, kind) in enumerate(zip(table.columns, table.kinds(row), strict=True)):
            value, num_format = _value(row, column, kind)
            style = fmt.cell(num_format, bold)
            if kind == "date" and isinstance(value, dt.date):
                sheet.write_datetime(index, col, dt.datetime.combine(value, dt.time()), style)
            elif value is None:
                sheet.write_blank(index, col, None, style)
            else:
                sheet.write(index, col, value, style)
    sheet.set_row(0, 36)
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(table.columns) - 1)
    sheet.repeat_rows(0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_header(f'&C&"Times New Roman,Bold"{table.caption.replace("&", "&&")}')
    if table.note:
        sheet.write(len(rows) + 2, 0, table.note, fmt.wrap)


def _info_sheet(book: xlsxwriter.Workbook, fmt: _Formats, contents: ReportContents) -> None:
    sheet = book.add_worksheet("Thông tin")
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 100)
    sheet.write(0, 0, contents.title, fmt.title)
    sheet.write(1, 0, contents.subtitle, fmt.wrap)
    row = 3
    if contents.is_sample:
        sheet.merge_range(row, 0, row, 1, contents.sample_note, fmt.warn)
        sheet.set_row(row, 34)
        row += 2
    for heading, items in (
        ("Phạm vi và bộ lọc", contents.filters),
        ("Định nghĩa", contents.definitions),
        ("Các trang", [(sheet_name(t), t.caption) for t in contents.tables] + [("Biểu đồ", "Danh mục biểu đồ")]),
    ):
        sheet.write(row, 0, heading, fmt.bold)
        row += 1
        for key, text in items:
            sheet.write(row, 0, key, fmt.bold)
            sheet.write(row, 1, text, fmt.wrap)
            row += 1
        row += 1


def _charts_sheet(book: xlsxwriter.Workbook, fmt: _Formats, contents: ReportContents) -> None:
    sheet = book.add_worksheet("Biểu đồ")
    headers = ("Số", "Tên biểu đồ", "Tệp ảnh (trong gói ZIP)", "Truy vấn nguồn")
    for col, (header, width) in enumerate(zip(headers, (6, 80, 60, 36), strict=True)):
        sheet.write(0, col, header, fmt.header)
        sheet.set_column(col, col, width)
    for row, chart in enumerate(contents.charts, start=1):
        values = (chart.number, chart.caption, f"{chart.stem}.png / .svg / .pdf", chart.query)
        for col, value in enumerate(values):
            sheet.write(row, col, value, fmt.cell(None))
    sheet.freeze_panes(1, 0)


def write_xlsx(contents: ReportContents, out: Path) -> Path:
    book = xlsxwriter.Workbook(str(out), {"default_date_format": "dd/mm/yyyy"})
    book.set_properties({"title": contents.title, "subject": contents.spec.scope_label, "author": "giaoban"})
    fmt = _Formats(book)
    _info_sheet(book, fmt, contents)
    for table in contents.tables:
        _table_sheet(book, fmt, table)
    _charts_sheet(book, fmt, contents)
    book.close()
    return out
