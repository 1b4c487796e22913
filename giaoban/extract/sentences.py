"""Split report text into paragraphs, sentences and list items, keeping character spans.

Rule-based on purpose: it runs at thousands of reports per second, keeps exact offsets into the
stored text (the dashboard highlights the source sentence), and knows the two things that break
generic splitters on this text: abbreviations with a dot ("TP.", "ThS.", "đ/c") and numbered list
items ("1. Tập trung …", "a) …", "- …") that start a new item rather than end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {"tp", "ts", "ths", "pgs", "gs", "bs", "ks", "q", "p", "tt", "st", "tx", "h", "x", "ng", "v.v", "vv", "đ/c"}
_END = re.compile(r"(?:\.\s*/\s*\.|[.!?…]+)[\"”’)]*(?=\s+)")
_UPPER_START = re.compile(r"\s+[\"“(]?[A-ZÀ-ỸĐ0-9]")
_ITEM = re.compile(
    r"^\s*(?:\(?(?P<num>\d{1,2}(?:\.\d{1,2})*)[.)]|\(?(?P<letter>[a-zđ])\)|[-–•+*]"
    r"|(?P<word>(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là))\s*"
)


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int
    paragraph: int
    is_item: bool = False  # starts with a list marker


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line block; one line = one paragraph in scraped reports."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            spans.append((start, m.end() - (len(m.group()) - len(m.group().rstrip()))))
    return spans


def sentences(text: str) -> list[Span]:
    """Every sentence with its span; list items are their own sentences."""
    out: list[Span] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        chunk = text[p_start:p_end]
        is_item = bool(_ITEM.match(chunk))
        cursor = 0
        for m in _END.finditer(chunk):
            if not _UPPER_START.match(chunk, m.end()) or _abbreviation_before(chunk, m.start()):
                continue
            out.append(_span(text, p_start + cursor, p_start + m.end(), index, is_item and cursor == 0))
            cursor = m.end()
        if chunk[cursor:].strip():
            out.append(_span(text, p_start + cursor, p_end, index, is_item and cursor == 0))
    return [s for s in out if s.text]


# Words that start a sentence, not a place name: "… xã hội TP. Đồng chí đề nghị …" ends at "TP.".
_STARTERS = (
    "Đồng chí",
    "Tại ",
    "Về ",
    "Theo ",
    "Trong ",
    "Các ",
    "Phát biểu",
    "Kết luận",
    "Sáng ",
    "Chiều ",
    "Ngày ",
    "Năm ",
    "Qua ",
    "Để ",
    "Đại diện",
    "Thường trực",
    "Ban ",
    "Hội ",
    "Nhìn chung",
    "Tuy ",
    "Bên cạnh",
)


def _abbreviation_before(chunk: str, dot: int) -> bool:
    word = re.search(r"([\w/.]+)$", chunk[:dot])
    if not word:
        return False
    token = word.group(1).lower()
    if token in _ABBREV:
        return not chunk[dot + 1 :].lstrip().startswith(_STARTERS)
    return len(token) <= 2 and token.isdigit() and dot < 4


def _span(text: str, start: int, end: int, paragraph: int, is_item: bool) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text[start:end], start, end, paragraph, is_item)


def clauses(span: Span, separators: str = ";") -> list[Span]:
    """Split a sentence on ";" (lists of tasks or requests are often one sentence)."""
    out, cursor = [], 0
    for m in re.finditer(f"[{re.escape(separators)}]", span.text):
        out.append(_span(span.text, cursor, m.start(), span.paragraph, False))
        cursor = m.end()
    out.append(_span(span.text, cursor, len(span.text), span.paragraph, False))
    return [
        Span(c.text, span.start + c.start, span.start + c.end, span.paragraph, span.is_item and i == 0)
        for i, c in enumerate(out)
        if c.text
    ]


def strip_item_marker(text: str) -> tuple[str, int]:
    """Remove a leading list marker; returns the rest and how many characters were cut."""
    m = _ITEM.match(text)
    return (text[m.end() :], m.end()) if m else (text, 0)
