"""Why the analysts' sandbox refused or stopped a query, in words an analyst can act on.

A ``SandboxError`` carries a stable ``code`` (tests and the UI branch on it), the DuckDB detail
shortened to what matters, and the line/column DuckDB pointed at. ``message(lang)`` renders it in
Vietnamese or English; DuckDB's own detail stays in English because it names SQL terms exactly.
The error travels between the sandbox worker process and its caller as a plain dict.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb

READ_STATEMENTS = "SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN"

_MESSAGES: dict[str, tuple[str, str]] = {
    "empty": ("Chưa có câu lệnh SQL nào để chạy.", "There is no SQL statement to run."),
    "too_long": (
        "Câu lệnh quá dài ({n} ký tự; tối đa {max}).",
        "The statement is too long ({n} characters; at most {max}).",
    ),
    "syntax": ("Lỗi cú pháp SQL", "SQL syntax error"),
    "multiple": (
        "Mỗi lần chỉ chạy một câu lệnh (tìm thấy {n}). Xóa các câu lệnh khác hoặc dấu chấm phẩy ở giữa.",
        "Only one statement can run at a time ({n} found). Remove the others, or the semicolon between them.",
    ),
    "not_read": (
        "Chỉ được chạy câu lệnh đọc dữ liệu (" + READ_STATEMENTS + "); câu lệnh {kind} bị từ chối.",
        "Only reading statements may run (" + READ_STATEMENTS + "); {kind} is refused.",
    ),
    "pivot_dynamic": (
        "PIVOT cần liệt kê giá trị: PIVOT bảng ON cột IN ('a', 'b') USING count(*).",
        "PIVOT needs its values listed: PIVOT table ON column IN ('a', 'b') USING count(*).",
    ),
    "positional_param": (
        "Dùng tham số có tên như $org hoặc $as_of, không dùng ? hay $1.",
        "Use named parameters such as $org or $as_of, not ? or $1.",
    ),
    "missing_param": ("Thiếu giá trị cho tham số {names}.", "No value given for parameter {names}."),
    "bad_param": ("Giá trị tham số không hợp lệ", "Invalid parameter value"),
    "file_access": (
        "Truy vấn trong hộp cát không được đọc, ghi tệp hay truy cập mạng.",
        "Sandbox queries may not read or write files or reach the network.",
    ),
    "locked": ("Cấu hình hộp cát đã khóa, không thay đổi được.", "The sandbox configuration is locked."),
    "timeout": (
        "Truy vấn bị dừng vì chạy quá {seconds} giây. Thu hẹp điều kiện lọc hoặc thêm LIMIT.",
        "The query was stopped after {seconds} s (the time limit). Filter more or add a LIMIT.",
    ),
    "memory": (
        "Truy vấn bị dừng vì cần nhiều bộ nhớ hơn giới hạn ({memory}).",
        "The query was stopped: it needed more memory than the limit ({memory}).",
    ),
    "not_found": ("Không tìm thấy bảng, cột hoặc hàm", "Table, column or function not found"),
    "binder": ("Lỗi tên cột hoặc kiểu dữ liệu", "Column name or type error"),
    "conversion": ("Lỗi chuyển kiểu dữ liệu", "Data conversion error"),
    "runtime": ("Truy vấn bị lỗi", "The query failed"),
    "crashed": (
        "Tiến trình chạy truy vấn dừng bất thường; truy vấn có thể quá nặng.",
        "The process running the query stopped unexpectedly; the query may be too heavy.",
    ),
    "busy": (
        "Đang có quá nhiều truy vấn chạy cùng lúc; thử lại sau ít giây.",
        "Too many queries are running at once; try again in a few seconds.",
    ),
    "no_database": (
        "Chưa có cơ sở dữ liệu {path}. Tạo bằng lệnh: python -m giaoban build",
        "The database {path} does not exist; build it with: python -m giaoban build",
    ),
}

_WHERE = ("(dòng {line}, cột {column})", "(line {line}, column {column})")
_EXCEPTION_CODES: tuple[tuple[type[BaseException], str], ...] = (
    (duckdb.InterruptException, "timeout"),
    (duckdb.OutOfMemoryException, "memory"),
    (duckdb.PermissionException, "file_access"),
    (duckdb.ParserException, "syntax"),
    (duckdb.CatalogException, "not_found"),
    (duckdb.BinderException, "binder"),
    (duckdb.ConversionException, "conversion"),
)
_LINE = re.compile(r"LINE (\d+): (.*)\n( *)\^")
_PREFIX = re.compile(r"^[A-Za-z ]*Error: ")


class _Fields(dict):
    """Format fields where a missing one reads as '?' rather than failing the error message itself."""

    def __missing__(self, key: str) -> str:
        return "?"


class SandboxError(Exception):
    """A refused or stopped query; ``code`` is one of the keys of the message table."""

    def __init__(
        self, code: str, detail: str = "", line: int | None = None, column: int | None = None, **fields: Any
    ) -> None:
        self.code, self.detail, self.line, self.column, self.fields = code, detail, line, column, fields
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        """Headline in the UI language, then where, then DuckDB's own short detail."""
        index = 1 if lang == "en" else 0
        text = _MESSAGES.get(self.code, _MESSAGES["runtime"])[index].format_map(_Fields(self.fields))
        if self.line is None and not self.detail:
            return text
        text = text.removesuffix(".")
        if self.line is not None:
            text += " " + _WHERE[index].format(line=self.line, column=self.column or 1)
        return text + (": " + self.detail if self.detail else "")

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "detail": self.detail, "line": self.line, "column": self.column, **self.fields}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SandboxError:
        data = dict(data)
        return cls(data.pop("code"), data.pop("detail", ""), data.pop("line", None), data.pop("column", None), **data)


def from_duckdb(err: BaseException, sql: str, **fields: Any) -> SandboxError:
    """Translate a DuckDB exception: pick the code, keep the detail short, find line and column."""
    code = next((c for kind, c in _EXCEPTION_CODES if isinstance(err, kind)), "runtime")
    text = str(err)
    if code == "runtime" and "lock" in text and "configuration" in text:
        code = "locked"
    line, column = position(text, sql)
    if code == "timeout":
        return SandboxError(code, **fields)
    return SandboxError(code, short_detail(text), line, column, **fields)


def short_detail(text: str) -> str:
    """First sentence of DuckDB's message plus its 'Did you mean' hint; no plan dumps or advice lists."""
    body = text.split("\n\nLINE ")[0]
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if not lines:
        return ""
    keep = [_PREFIX.sub("", lines[0])]
    keep += [ln for ln in lines[1:] if ln.startswith("Did you mean")]
    detail = " ".join(keep)
    return detail if len(detail) <= 300 else detail[:297] + "…"


def position(text: str, sql: str) -> tuple[int | None, int | None]:
    """Line and 1-based column from DuckDB's ``LINE n: …`` excerpt and its caret, in the user's text.

    DuckDB shortens long lines to an excerpt starting with ``...``; the excerpt is found in the
    user's line so the column counts from the real start of the line.
    """
    match = _LINE.search(text)
    if not match:
        return None, None
    line, excerpt = int(match[1]), match[2]
    caret = len(match[3]) - len(f"LINE {line}: ")
    lead = 3 if excerpt.startswith("...") else 0
    lines = sql.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    anchor = excerpt[lead:].rstrip(".")[:40]
    start = source.find(anchor) if anchor else -1
    column = (start + caret - lead if start >= 0 else caret) + 1
    return line, max(column, 1)
