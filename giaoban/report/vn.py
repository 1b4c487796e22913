"""Vietnamese labels and number formats for the report pack.

Numbers are written the Vietnamese way ("1.234", "82,9%"), dates dd/mm/yyyy, statuses and
outcomes in the words an office uses. Every renderer (DOCX, PDF, XLSX, chart builders) takes its
words from here, so the pack reads the same in every format.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from typing import Any

REC_STATUS = {
    "raised": "Mới nêu",
    "referred": "Đã chuyển xử lý",
    "answered": "Đã trả lời",
    "in_progress": "Đang giải quyết",
    "explained": "Đã giải thích",
    "declined": "Không tiếp thu",
    "resolved": "Đã giải quyết",
}
DIR_OUTCOME = {
    "on_time": "Hoàn thành đúng hạn",
    "late": "Hoàn thành quá hạn",
    "overdue": "Quá hạn, chưa hoàn thành",
    "open": "Đang thực hiện, chưa đến hạn",
    "cancelled": "Hủy, không thực hiện",
}
ORIGIN = {"sample": "Dữ liệu mẫu", "extracted": "Trích xuất từ văn bản", "imported": "Nhập từ bảng tính"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def num(value: Any, digits: int = 0) -> str:
    """1234.5 → "1.234,5": thousands with ".", decimals with ","."""
    if _missing(value):
        return "–"
    text = f"{float(value):,.{digits}f}" if digits else f"{round(float(value)):,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def pct(value: Any, digits: int = 1) -> str:
    """0.8289 → "82,9%"."""
    return "–" if _missing(value) else num(float(value) * 100, digits) + "%"


def date(value: Any) -> str:
    if _missing(value) or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")


_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?$")


def period(label: Any) -> str:
    """Period labels of the metric macros in Vietnamese: 2024-Q3 → "Quý III/2024", 2024-05 → "T5/2024"."""
    m = _PERIOD.match(str(label or ""))
    if not m:
        return "" if label is None else str(label)
    year, part = m[1], m[2]
    if part is None:
        return year
    if part[0] == "Q":
        return f"Quý {ROMAN[int(part[1]) - 1]}/{year}"
    if part[0] == "H":
        return f"6 tháng {'đầu' if part[1] == '1' else 'cuối'} năm {year}"
    return f"T{int(part)}/{year}"


def signed(value: float, digits: int = 0, suffix: str = "") -> str:
    text = num(abs(value), digits) + suffix
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def change(current: Any, previous: Any, kind: str) -> str:
    """Change vs the same period last year: "+12 (+10,2%)" for counts, "+2,3 điểm %" for rates."""
    if _missing(current) or _missing(previous):
        return "–"
    diff = float(current) - float(previous)
    if kind == "pct":
        return signed(diff * 100, 1, " điểm %")
    relative = f" ({signed(diff / previous * 100, 1, '%')})" if previous else ""
    return signed(diff) + relative


def cell(value: Any, kind: str) -> str:
    """A table cell as printed text."""
    if _missing(value):
        return "–" if kind in ("int", "pct", "float", "days") else ""
    if kind == "int":
        return num(value)
    if kind == "pct":
        return pct(value)
    if kind in ("float", "days"):
        return num(value, 0 if kind == "days" else 1)
    if kind == "date":
        return date(value)
    if kind == "period":
        return period(value)
    if kind == "status":
        return REC_STATUS.get(str(value), str(value))
    if kind == "origin":
        return ORIGIN.get(str(value), str(value))
    return str(value)


def wrap(label: str, width: int = 22) -> str:
    """Break a long axis label over lines (plotly's <br>), at word boundaries."""
    return "<br>".join(textwrap.wrap(str(label), width=width, break_long_words=False)) or str(label)


def slug(text: str) -> str:
    """File-name form of a Vietnamese title: folded, lower case, hyphens."""
    from giaoban.text import match_key

    return re.sub(r"[^a-z0-9]+", "-", match_key(text)).strip("-")[:60]
