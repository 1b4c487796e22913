"""Status words (DOMAIN.md §3) → the normalised recommendation statuses, and deadlines in text.

The same vocabulary serves the extractor (a response sentence → a status) and the importer
(a spreadsheet's "Trạng thái" column), so "đã giải quyết dứt điểm" means one thing everywhere.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from giaoban.extract.dates import Found, infer_deadline_year
from giaoban.periods import ROMAN
from giaoban.text import fold_aligned

# Checked in order: the first status whose words appear wins, so "đã giải quyết" beats the
# "giao" of "giao Sở … giải quyết" only when it says it was done.
STATUS_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (
        "declined",
        (
            "khong co co so",
            "khong du dieu kien",
            "khong phu hop quy dinh",
            "khong the giai quyet",
            "chua the dap ung",
            "khong chap thuan",
        ),
    ),
    (
        "in_progress",
        (
            "dang giai quyet",
            "dang xem xet",
            "dang nghien cuu",
            "dang trien khai",
            "dang thuc hien",
            "co lo trinh",
            "co thoi gian giai quyet",
            "chua can doi duoc",
            "du kien bo tri",
            "se xem xet",
            "se bo tri",
            "se xu ly",
        ),
    ),
    (
        "resolved",
        (
            "da giai quyet",
            "giai quyet dut diem",
            "giai quyet xong",
            "da hoan thanh",
            "da thuc hien",
            "da duoc giai quyet",
            "da bo tri",
            "da ho tro",
            "da cap",
            "da phe duyet",
            "dong y ho tro",
            "tinh ho tro",
            "thong nhat ho tro",
            "da kien toan",
        ),
    ),
    (
        "explained",
        (
            "da tra loi",
            "tra loi, lam ro",
            "tra loi truc tiep",
            "giai trinh",
            "lam ro",
            "da thong tin",
            "cung cap thong tin",
            "thong tin cu the",
            "cho biet",
        ),
    ),
    (
        "referred",
        (
            "thuoc tham quyen trung uong",
            "chuyen co quan co tham quyen",
            "bao cao cap co tham quyen",
            "de nghi cac so",
            "giao so",
            "giao ubnd",
            "giao ban",
            "giao cac",
            "duoc giao",
            "chuyen den",
            "nghien cuu, tham muu",
            "tham muu",
            "kien nghi trung uong",
            "chi dao cac so",
        ),
    ),
    ("answered", ("tiep thu", "ghi nhan", "cho y kien chi dao", "cho y kien", "thong nhat", "dong y")),
]
VIETNAMESE_STATUS = {
    "resolved": ("đã giải quyết", "đã hoàn thành", "đã thực hiện", "giải quyết dứt điểm", "hoàn thành"),
    "explained": ("đã trả lời", "đã giải trình", "đã thông tin", "giải trình", "trả lời"),
    "in_progress": ("đang giải quyết", "đang xem xét", "đang nghiên cứu", "đang triển khai", "đang thực hiện"),
    "answered": ("ghi nhận", "tiếp thu", "đã tiếp thu"),
    "referred": ("chuyển", "đã chuyển", "chuyển cơ quan có thẩm quyền", "thuộc thẩm quyền trung ương"),
    "declined": ("không có cơ sở", "không đủ điều kiện", "không phù hợp quy định", "từ chối"),
    "raised": ("chưa giải quyết", "tồn đọng", "kéo dài", "mới nêu", "đã nêu"),
}


def status_of(response: str | None) -> str | None:
    """The status a response sentence implies, or None when it says nothing about one."""
    if not response:
        return None
    key = fold_aligned(response)
    for status, words in STATUS_WORDS:
        if any(w in key for w in words):
            return status
    return None


_BEFORE = re.compile(
    r"\b(?:truoc|cham nhat|han chot|den) ngay\s+(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})"
    r"(?:\s*[/.\-]\s*(?P<y>(?:19|20)\d{2}))?"
)
_IN_QUARTER = re.compile(r"\btrong quy\s+(?P<q>iv|iii|ii|i|[1-4])\b(?:\s*(?:[/-]|nam)\s*(?P<y>(?:19|20)\d{2}))?")
_IN_MONTH = re.compile(r"\btrong thang\s+(?P<m>1[0-2]|0?[1-9])\b(?:\s*(?:[/-]|nam)\s*(?P<y>(?:19|20)\d{2}))?")
_IN_YEAR = re.compile(r"\btrong nam\s+(?P<y>(?:19|20)\d{2})\b")


def deadline(text: str, meeting: dt.date | None) -> dt.date | None:
    """A stated deadline ("trước ngày 30/6", "trong quý III", "trong tháng 9/2024"), completed forward."""
    key = fold_aligned(text)
    if m := _BEFORE.search(key):
        try:
            found = Found(dt.date(int(m["y"] or 2000), int(m["m"]), int(m["d"])), 0, 0, bool(m["y"]))
        except ValueError:
            return None
        return infer_deadline_year(found, meeting)
    for pattern, end_of in ((_IN_QUARTER, _quarter_end), (_IN_MONTH, _month_end)):
        if m := pattern.search(key):
            return _forward(end_of, m, meeting)
    if m := _IN_YEAR.search(key):
        return dt.date(int(m["y"]), 12, 31)
    return None


def _quarter_end(year: int, m: re.Match[str]) -> dt.date:
    q = ROMAN.get(m["q"]) or int(m["q"])
    return dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])


def _month_end(year: int, m: re.Match[str]) -> dt.date:
    month = int(m["m"])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _forward(end_of, m: re.Match[str], meeting: dt.date | None) -> dt.date | None:
    if m["y"]:
        return end_of(int(m["y"]), m)
    if meeting is None:
        return None
    candidate = end_of(meeting.year, m)
    return candidate if candidate >= meeting else end_of(meeting.year + 1, m)
