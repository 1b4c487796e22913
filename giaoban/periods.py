"""Reporting periods as Vietnamese texts name them, turned into [start, end] date ranges.

"Quý I-2021", "quý 1/2024", "6 tháng đầu năm 2017", "9 tháng năm 2023", "năm 2023",
"tháng 5/2024", "nhiệm kỳ 2020 - 2025", "giai đoạn 2021–2025". A meeting's date is not its period
(Q1 meetings fall in April, annual ones in December or January), and cumulative periods overlap
quarters, so the period is stored beside the date and never summed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from giaoban.text import fold_aligned

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SEP = r"\s*(?:[-/–]|năm|nam)\s*"


@dataclass(frozen=True)
class Period:
    label: str
    kind: str  # month, quarter, half, ytd, year, term, phase
    start: dt.date
    end: dt.date

    def as_json(self) -> dict[str, str]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter(year: int, q: int) -> Period:
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[q]
    return Period(f"Quý {roman}-{year}", "quarter", dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def half(year: int, second: bool) -> Period:
    if second:
        return Period(f"6 tháng cuối năm {year}", "half", dt.date(year, 7, 1), dt.date(year, 12, 31))
    return Period(f"6 tháng đầu năm {year}", "half", dt.date(year, 1, 1), dt.date(year, 6, 30))


def year_to_date(year: int, months: int) -> Period:
    return Period(f"{months} tháng đầu năm {year}", "ytd", dt.date(year, 1, 1), _month_end(year, months))


def whole_year(year: int) -> Period:
    return Period(f"Năm {year}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def month(year: int, m: int) -> Period:
    return Period(f"Tháng {m}/{year}", "month", dt.date(year, m, 1), _month_end(year, m))


# Patterns run on folded lower-case text (so "Quý"/"quy", "năm"/"nam" both match); offsets are
# unchanged by folding because fold() keeps one character per NFC character.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("quarter", re.compile(rf"\bquy\s+(?P<q>iv|iii|ii|i|[1-4])\b(?:{_SEP}){_YEAR}")),
    ("half", re.compile(rf"\b6\s+thang\s+(?P<which>dau|cuoi)\s+nam\s+{_YEAR}")),
    ("ytd", re.compile(rf"\b(?P<n>[1-9]|1[01])\s+thang\s+(?:dau\s+)?nam\s+{_YEAR}")),
    ("term", re.compile(r"\b(?P<what>nhiem ky|giai doan)\s+(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)\d{2})")),
    ("month", re.compile(rf"\bthang\s+(?P<m>1[0-2]|0?[1-9])(?:{_SEP}){_YEAR}")),
    ("year", re.compile(rf"\bnam\s+{_YEAR}\b")),
]


def _build(kind: str, m: re.Match[str]) -> Period | None:
    if kind == "term":
        y1, y2 = int(m["y1"]), int(m["y2"])
        label = f"{'Nhiệm kỳ' if m['what'] == 'nhiem ky' else 'Giai đoạn'} {y1}-{y2}"
        return Period(label, "term" if m["what"] == "nhiem ky" else "phase", dt.date(y1, 1, 1), dt.date(y2, 12, 31))
    year = int(m["year"])
    if kind == "quarter":
        q = m["q"]
        return quarter(year, ROMAN.get(q) or int(q))
    if kind == "half":
        return half(year, m["which"] == "cuoi")
    if kind == "ytd":
        n = int(m["n"])
        return half(year, False) if n == 6 else year_to_date(year, n)
    if kind == "month":
        return month(year, int(m["m"]))
    return whole_year(year)


def find_periods(text: str) -> list[tuple[Period, int, int]]:
    """Every period named in ``text`` with its character span, in order, overlaps removed.

    Longer, more specific matches win: "6 tháng đầu năm 2017" is one half-year, not also "năm 2017".
    """
    folded = fold_aligned(text)
    found: list[tuple[Period, int, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            period = _build(kind, m)
            if period:
                found.append((period, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda item: item[1])


def parse_period(text: str) -> Period | None:
    """The first period named in ``text``, or None."""
    found = find_periods(text)
    return found[0][0] if found else None
