"""Reading an import file into raw sheets: header cells and data rows as NFC text, with row numbers.

Nothing here judges values; it only turns CSV / XLSX / Parquet / JSON into the same shape so that
validation can speak about every format in spreadsheet terms (the header is row 1, the first
record row 2). A file that cannot be read at all raises ``ReadError`` with a message that names
the file and says what to do. Excel date cells become ISO text here, so the validators see one
date syntax more, not a different type.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import polars as pl

from giaoban.load.spec import TABLES, TableSpec, key_of, table_for
from giaoban.text import DecodeError, decode_bytes, nfc

SUFFIXES = (".csv", ".xlsx", ".xlsm", ".parquet", ".json")
_INSTRUCTIONS = ("huong dan", "instructions")  # the template's own notes sheet: skipped without a word
csv.field_size_limit(2**31 - 1)  # a document's full text may be one very large cell


class ReadError(ValueError):
    """The file as a whole cannot be read; the message is ready to show."""


@dataclass
class RawSheet:
    """One table's worth of cells from a file (a CSV, a sheet, a JSON list)."""

    label: str  # how messages name it: "meetings.csv" or "book.xlsx[Kiến nghị]"
    spec: TableSpec
    headers: list[str | None]
    rows: list[tuple[int, list[str | None]]]  # (spreadsheet row number, cells)
    header_row: int = 1


@dataclass
class RawFile:
    path: Path
    sheets: list[RawSheet] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def cell_text(value: object) -> str | None:
    """A cell from any reader as text; Excel's whole-number floats lose their ".0"."""
    if value is None:
        return None
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return nfc(str(value))


def _table_or_fail(name: str, label: str) -> TableSpec:
    spec = table_for(name)
    if spec is None:
        names = ", ".join(TABLES)
        raise ReadError(
            f'{label}: cannot tell which table "{name}" is; name the file or sheet after a table '
            f"({names}, or in Vietnamese, e.g. kien_nghi.csv, Cuộc họp)"
        )
    return spec


def _sheet_from_records(label: str, spec: TableSpec, records: list[tuple[int, list[object]]]) -> RawSheet:
    """First non-empty record is the header; the rest keep their own row numbers."""
    rows = [(n, [cell_text(v) for v in cells]) for n, cells in records]
    while rows and not any(c and c.strip() for c in rows[0][1]):
        rows.pop(0)
    if not rows:
        return RawSheet(label, spec, [], [])
    header_row, headers = rows[0]
    return RawSheet(label, spec, headers, rows[1:], header_row)


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def read_csv(path: Path) -> RawFile:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(
            f"{path.name}: the file is empty; it needs a header row naming the columns, then one row per record"
        )
    if data.startswith(b"PK\x03\x04"):
        raise ReadError(f"{path.name}: this is an Excel workbook with a .csv name; rename it to .xlsx")
    try:
        text = decode_bytes(data, path.name)
    except DecodeError as err:
        raise ReadError(str(err)) from None
    spec = _table_or_fail(path.stem, path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    records = [(n, list(cells)) for n, cells in enumerate(reader, 1)]
    return RawFile(path, [_sheet_from_records(path.name, spec, records)])


def read_xlsx(path: Path) -> RawFile:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as err:
        raise ReadError(
            f"{path.name}: not a readable XLSX workbook ({err}); open it in Excel and save as .xlsx"
        ) from None
    result = RawFile(path)
    try:
        for sheet in book.worksheets:
            spec = table_for(sheet.title)
            if spec is None:
                if not key_of(sheet.title).startswith(_INSTRUCTIONS):
                    result.warnings.append(f'{path.name}: sheet "{sheet.title}" is not a table; ignored')
                continue
            records = [(n, list(cells)) for n, cells in enumerate(sheet.iter_rows(values_only=True), 1)]
            result.sheets.append(_sheet_from_records(f"{path.name}[{sheet.title}]", spec, records))
    finally:
        book.close()
    if not result.sheets:
        raise ReadError(
            f"{path.name}: no sheet is named after a table; name sheets like Cuộc họp, Kiến nghị or meetings"
        )
    return result


def read_parquet(path: Path) -> RawFile:
    try:
        frame = pl.read_parquet(path)
    except Exception as err:  # polars raises several unrelated types for a bad file
        raise ReadError(
            f"{path.name}: not a readable Parquet file ({type(err).__name__}); write it again as Parquet"
        ) from None
    spec = _table_or_fail(path.stem, path.name)
    records = [(1, list(frame.columns))] + [(n, list(r)) for n, r in enumerate(frame.iter_rows(), 2)]
    return RawFile(path, [_sheet_from_records(path.name, spec, records)])


def _json_sheet(label: str, spec: TableSpec, items: object) -> RawSheet:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ReadError(f'{label}: expected a list of row objects like [{{"held_on": "2024-03-31", …}}]')
    headers: list[str] = []
    for item in items:
        headers += [k for k in item if k not in headers]
    records = [(1, list(headers))] + [(n, [item.get(h) for h in headers]) for n, item in enumerate(items, 2)]
    sheet = _sheet_from_records(label, spec, records)
    if not items:
        sheet.headers = list(headers)
    return sheet


def read_json(path: Path) -> RawFile:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(f"{path.name}: the file is empty; write a list of row objects, or {{table: [rows]}}")
    try:
        doc = json.loads(decode_bytes(data, path.name))
    except DecodeError as err:
        raise ReadError(str(err)) from None
    except json.JSONDecodeError as err:
        raise ReadError(f"{path.name}: not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})") from None
    if isinstance(doc, list):
        return RawFile(path, [_json_sheet(path.name, _table_or_fail(path.stem, path.name), doc)])
    if not isinstance(doc, dict):
        raise ReadError(f"{path.name}: expected a list of row objects, or an object {{table name: [rows]}}")
    result = RawFile(path)
    for name, items in doc.items():
        spec = table_for(name)
        if spec is None:
            result.warnings.append(f'{path.name}: "{name}" is not a table of the import format; ignored')
            continue
        result.sheets.append(_json_sheet(f"{path.name}[{name}]", spec, items))
    if not result.sheets:
        raise ReadError(f"{path.name}: no key names a table; use keys like meetings, recommendations")
    return result


def read_file(path: Path) -> RawFile:
    """Read any supported file; unsupported suffixes and unreadable files raise ``ReadError``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(f"{path.name}: no such file")
    if suffix == ".xls":
        raise ReadError(f"{path.name}: old .xls workbooks are not read; open it in Excel and save as .xlsx")
    readers = {".csv": read_csv, ".xlsx": read_xlsx, ".xlsm": read_xlsx, ".parquet": read_parquet, ".json": read_json}
    if suffix not in readers:
        raise ReadError(f"{path.name}: {suffix or 'no extension'} is not an import format; use {', '.join(SUFFIXES)}")
    return readers[suffix](path)
