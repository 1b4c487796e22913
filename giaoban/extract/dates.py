"""Dates in Vietnamese news reports: publication stamps, the meeting date, deadlines.

Day comes first ("20/12", "1-4", "24.11", "ngày 10 tháng 02 năm 2023"). A report often names the
meeting date without a year ("Chiều 20/12"): the year comes from the publication stamp, stepping
back a year when that would put the meeting more than a few days after publication. Portal
headers print *today's* date ("Thứ 3, Ngày 16/07/2024") above the real stamp, so labelled stamps
and stamps with a time of day win over bare header dates. Deadlines ("trước ngày 30/6") point
forward instead. All matching runs on fold_aligned text so spans index the original.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from giaoban.text import fold_aligned

_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])"
_MON = r"(?P<m>1[0-2]|0?[1-9])"
_YR = r"(?P<y>(?:19|20)\d{2})"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?"
_WEEKDAY = r"(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat)"

# A date that follows a cue word (time of day, "ngày", a dateline) may use "/", "-" or ".".
_CUED = re.compile(
    rf"(?P<cue>\b(?:sang|trua|chieu|toi|dem)\b(?:\s+(?:nay|qua|hom nay|hom qua|{_WEEKDAY}))?(?:\s+ngay)?"
    rf"|\bngay)\s*\(?\s*"
    rf"(?:tu\s+ngay\s*)?{_DAY}(?:\s*[-–]\s*\d{{1,2}})?\s*[/.\-]\s*{_MON}(?:\s*[/.\-]\s*{_YR})?(?!\s*[/.\-]?\d)"
)
_WORDS = re.compile(rf"\bngay\s+{_DAY}\s+thang\s+{_MON}(?:\s+nam\s+{_YR})?")
_RANGE = re.compile(rf"\btu\s+ngay\s+{_DAY}\s*[-–]\s*\d{{1,2}}\s*/\s*{_MON}(?:\s*/\s*{_YR})?")
_PLAIN = re.compile(rf"(?<![\d/.\-]){_DAY}\s*/\s*{_MON}\s*/\s*{_YR}(?![\d/])")

_STAMPS = [
    # (pattern, weight): labelled stamps beat bare ones; a time of day suggests a real stamp.
    (
        re.compile(
            rf"(?:ngay dang|dang ngay|cap nhat|xuat ban|dang luc|ngay cap nhat)\s*:?\s*(?:{_WEEKDAY}\s*,?\s*)?"
            rf"{_DAY}\s*[/\-.]\s*{_MON}\s*[/\-.]\s*{_YR}"
        ),
        5,
    ),
    (re.compile(rf"{_TIME}\s*[-,|]?\s*(?:{_WEEKDAY}\s*,?\s*)?(?:ngay\s*)?{_DAY}\s*[/\-]\s*{_MON}\s*[/\-]\s*{_YR}"), 4),
    (re.compile(rf"(?:{_WEEKDAY}\s*,?\s*)?{_DAY}\s*/\s*{_MON}\s*/\s*{_YR}\s*[,|-]?\s*{_TIME}"), 4),
    (re.compile(rf"\b{_YR}-(?P<m2>1[0-2]|0[1-9])-(?P<d2>3[01]|[12]\d|0[1-9])[ t]\d{{2}}:\d{{2}}"), 4),
    (re.compile(rf"^\s*date\s+{_YR}-(?P<m3>1[0-2]|0?[1-9])\b"), 3),
    (re.compile(rf"{_WEEKDAY}\s*,?\s*(?:ngay\s*)?{_DAY}\s*[/\-]\s*{_MON}\s*[/\-]\s*{_YR}"), 1),
]


@dataclass(frozen=True)
class Found:
    """A date found in text; ``year_given`` is False when the year was not written."""

    date: dt.date
    start: int
    end: int
    year_given: bool
    precision: str = "day"  # day or month (scraper stamps like "date 2021-04")


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_publication(text: str, head_chars: int = 600) -> Found | None:
    """The publication stamp in the first lines of a report, or None."""
    head = fold_aligned(text[:head_chars])
    best: tuple[int, int, Found] | None = None
    for pattern, weight in _STAMPS:
        for m in pattern.finditer(head):
            found = _stamp(m)
            if found and (best is None or (weight, -m.start()) > (best[0], best[1])):
                best = (weight, -m.start(), found)
    return best[2] if best else None


def _stamp(m: re.Match[str]) -> Found | None:
    groups = m.groupdict()
    if groups.get("m3"):
        date = _safe_date(int(groups["y"]), int(groups["m3"]), 1)
        return Found(date, m.start(), m.end(), True, "month") if date else None
    day = groups.get("d") or groups.get("d2")
    month = groups.get("m") or groups.get("m2")
    date = _safe_date(int(groups["y"]), int(month), int(day))
    return Found(date, m.start(), m.end(), True) if date else None


def find_dates(text: str) -> list[Found]:
    """Cued day-month dates ("Chiều 20/12", "ngày 10 tháng 02 năm 2023", "ngày 1-4") in order.

    Year-less dates get year 2000 as a placeholder and ``year_given=False``; callers infer it.
    """
    folded = fold_aligned(text)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_RANGE, _WORDS, _CUED, _PLAIN):
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            year = m.group("y")
            date = _safe_date(int(year) if year else 2000, int(m.group("m")), int(m.group("d")))
            if date:
                found.append(Found(date, m.start(), m.end(), bool(year)))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def infer_year(found: Found, published: dt.date | None, slack_days: int = 7) -> dt.date | None:
    """Complete a year-less event date from the publication date (events precede their report)."""
    if found.year_given:
        return found.date
    if published is None:
        return None
    candidate = _safe_date(published.year, found.date.month, found.date.day)
    if candidate is None:  # 29/2 in a non-leap year
        return None
    if candidate > published + dt.timedelta(days=slack_days):
        candidate = _safe_date(published.year - 1, found.date.month, found.date.day)
    return candidate


def infer_deadline_year(found: Found, meeting: dt.date | None) -> dt.date | None:
    """Complete a year-less deadline ("trước ngày 30/6") from the meeting date: it lies ahead."""
    if found.year_given:
        return found.date
    if meeting is None:
        return None
    candidate = _safe_date(meeting.year, found.date.month, found.date.day)
    if candidate is not None and candidate < meeting:
        candidate = _safe_date(meeting.year + 1, found.date.month, found.date.day)
    return candidate
