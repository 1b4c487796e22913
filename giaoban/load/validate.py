"""Checks one sheet can make alone: its header, each cell's type, and rules inside one row.

Every problem becomes one line ``label:row:column: message`` (row = spreadsheet row, header = 1;
column = the header as the file wrote it, so the user finds the cell), in plain English that
says what to write instead. Lookups that need other files or the database (organisations,
localities, ids, what is already stored) are made afterwards by ``giaoban.load.batch``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from giaoban.load.read import RawSheet
from giaoban.load.spec import ColumnSpec, TableSpec, column_for
from giaoban.load.values import CellError, parse_cell

MAX_ERRORS = 200


@dataclass
class Row:
    number: int
    values: dict[str, object]  # every spec column; org/locality/ref cells stay text until resolved
    bad: set[str] = field(default_factory=set)  # columns that already have an error
    skip: str | None = None  # why this row will not be written although it is fine ("already there")

    def key(self, spec: TableSpec) -> tuple:
        return tuple(self.values.get(c) for c in spec.key)


@dataclass
class Sheet:
    """A sheet after the checks of this module: typed rows and the problems found so far."""

    label: str
    spec: TableSpec
    headers: dict[str, str]  # column -> header as written
    rows: list[Row]
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column position, message)
    warnings: list[str] = field(default_factory=list)
    header_row: int = 1

    @property
    def errors(self) -> list[str]:
        """Messages in reading order: by row, then by column."""
        return [m for _r, _c, m in sorted(self.problems, key=lambda p: (p[0], p[1]))]

    def add(self, row: int, message: str, column: str | None = None) -> None:
        order = list(self.headers).index(column) if column in self.headers else -1
        self.problems.append((row, order, f"{self.where(row, column)}: {message}"))

    def where(self, row: int, column: str | None = None) -> str:
        if column is None:
            return f"{self.label}:{row}"
        return f"{self.label}:{row}:{self.headers.get(column, column)}"

    def error(self, row: Row | int, column: str | None, message: str) -> None:
        number = row.number if isinstance(row, Row) else row
        self.add(number, message, column)
        if isinstance(row, Row) and column:
            row.bad.add(column)

    def given(self, column: str) -> bool:
        return column in self.headers


def _map_header(raw: RawSheet, sheet: Sheet) -> list[str | None]:
    """Column name per header cell (None = ignored); duplicate and unknown headers are reported."""
    mapped: list[str | None] = []
    for cell in raw.headers:
        header = (cell or "").strip()
        column = column_for(raw.spec, header) if header else None
        if header and column is None:
            hint = "alias_folded is computed from alias" if header == "alias_folded" else "not part of the format"
            sheet.warnings.append(f'{sheet.where(raw.header_row)}: column "{header}" is {hint}; ignored')
        elif column and column in sheet.headers:
            sheet.add(raw.header_row, f'columns "{sheet.headers[column]}" and "{header}" both mean {column}; keep one')
            column = None
        elif column:
            sheet.headers[column] = header
        mapped.append(column)
    return mapped


def _check_required_columns(sheet: Sheet) -> None:
    for col in sheet.spec.columns:
        if col.required and not sheet.given(col.name):
            sheet.add(sheet.header_row, f"missing required column {col.name} (also accepted: {col.accepted()})")


def _empty(text: str | None) -> bool:
    return text is None or not text.strip()


def _cell(sheet: Sheet, row: Row, col: ColumnSpec, text: str | None) -> None:
    if _empty(text):
        row.values[col.name] = col.default
        if col.required and col.default is None and sheet.given(col.name):
            sheet.error(row, col.name, f"empty; every {sheet.spec.noun} needs a {col.name}; fill it in")
        return
    assert text is not None
    if col.type in ("org", "locality", "ref"):
        row.values[col.name] = text.strip()
        return
    try:
        row.values[col.name] = parse_cell(text if col.type == "raw" else text.strip(), col)
    except CellError as err:
        row.values[col.name] = None
        sheet.error(row, col.name, str(err))


def _row_rules(sheet: Sheet, row: Row) -> None:
    """Rules between cells of one row: ranges and pairs that must agree."""
    v = row.values
    conf = v.get("confidence")
    if isinstance(conf, float) and not 0 <= conf <= 1:
        sheet.error(row, "confidence", f"{conf} is outside 0–1; write a share like 0.8")
    if "span_start" in sheet.spec.by_name:
        start, end = v.get("span_start"), v.get("span_end")
        if (start is None) != (end is None) and not {"span_start", "span_end"} & row.bad:
            sheet.error(
                row, "span_end" if end is None else "span_start", "give both span_start and span_end, or neither"
            )
        elif isinstance(start, int) and isinstance(end, int) and not 0 <= start < end:
            sheet.error(row, "span_end", f"span {start}–{end} is empty or reversed; span_end must be after span_start")
    for first, last in (("period_start", "period_end"), ("valid_from", "valid_to")):
        a, b = v.get(first), v.get(last)
        if a is not None and b is not None and first in sheet.spec.by_name and a > b:
            sheet.error(row, last, f"{last} {b} is before {first} {a}; swap them or correct one")


def check_sheet(raw: RawSheet) -> Sheet:
    """Header, cells and row rules of one sheet; rows that are entirely empty are dropped."""
    sheet = Sheet(raw.label, raw.spec, {}, [], header_row=raw.header_row)
    if not raw.headers:
        sheet.warnings.append(f"{raw.label}: the sheet is empty (no header row); nothing to load from it")
        return sheet
    mapped = _map_header(raw, sheet)
    _check_required_columns(sheet)
    for number, cells in raw.rows:
        if all(_empty(c) for c in cells):
            continue
        row = Row(number, {})
        by_col = {col: cells[i] if i < len(cells) else None for i, col in enumerate(mapped) if col}
        extra = [c for c in cells[len(mapped) :] if not _empty(c)]
        if extra:
            sheet.error(row, None, f"{len(extra)} value(s) beyond the last header column; add a header or remove them")
        for col in raw.spec.columns:
            _cell(sheet, row, col, by_col.get(col.name))
        _row_rules(sheet, row)
        sheet.rows.append(row)
    return sheet


def capped(errors: list[str], limit: int = MAX_ERRORS) -> list[str]:
    """At most ``limit`` messages, then one line counting the rest."""
    if len(errors) <= limit:
        return errors
    return [*errors[:limit], f"… and {len(errors) - limit} more errors not shown"]
