"""Insert a snippet into editor text at an Ace cursor (row, column).

The SQL page's schema browser inserts table and column names where the analyst's cursor is. The
editor reports its cursor as Ace does: a zero-based row and a column counted in UTF-16 code units
(JavaScript string indices), so a column is converted through UTF-16 rather than used as a Python
index; otherwise any character outside the BMP earlier on the line would shift the insertion.
"""

from __future__ import annotations

from dataclasses import dataclass

_TIGHT_BEFORE = set("( \t\n.,;")  # no space needed after these
_TIGHT_AFTER = set(") \t\n.,;")  # no space needed before these


@dataclass(frozen=True)
class Cursor:
    row: int
    column: int

    @classmethod
    def end_of(cls, text: str) -> Cursor:
        lines = text.split("\n")
        return cls(len(lines) - 1, _utf16_len(lines[-1]))

    @classmethod
    def parse(cls, value: object) -> Cursor | None:
        """The editor's ``{"row": r, "column": c}``; None when it is missing or malformed."""
        if not isinstance(value, dict):
            return None
        row, column = value.get("row"), value.get("column")
        if isinstance(row, int) and isinstance(column, int) and row >= 0 and column >= 0:
            return cls(row, column)
        return None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _offset(text: str, cursor: Cursor) -> int:
    """Python index in ``text`` of the cursor, clamped to the text (a stale cursor stays inside)."""
    lines = text.split("\n")
    row = min(cursor.row, len(lines) - 1)
    line = lines[row]
    units = line.encode("utf-16-le")[: 2 * cursor.column]
    column = len(units.decode("utf-16-le", errors="ignore"))
    return sum(len(earlier) + 1 for earlier in lines[:row]) + min(column, len(line))


def insert_at(text: str, cursor: Cursor | None, snippet: str) -> tuple[str, Cursor]:
    """``text`` with ``snippet`` at ``cursor`` (at the end when None), spaced from touching words.

    Returns the new text and the cursor just after the snippet, so that a second insertion follows
    the first one, as typing would.
    """
    at = len(text) if cursor is None else _offset(text, cursor)
    before, after = text[:at], text[at:]
    lead = " " if before and before[-1] not in _TIGHT_BEFORE and snippet[:1] not in _TIGHT_AFTER else ""
    trail = " " if after and after[0] not in _TIGHT_AFTER and snippet[-1:] not in _TIGHT_BEFORE else ""
    head = before + lead + snippet
    return head + trail + after, Cursor.end_of(head)
