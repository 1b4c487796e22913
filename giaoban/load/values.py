"""Turning one cell's text into a typed value, or into a message that says what to write instead.

Every parser takes the cell as text (readers have already made it NFC text, Excel dates included)
and returns the value; a bad cell raises ``CellError`` whose message is the part after
"file:row:column: ". Dates are ISO (2024-03-31) or day-first (31/03/2024, 31-03-2024,
31.03.2024), never month-first: Vietnamese writes the day first.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from giaoban.load.spec import ColumnSpec, key_of
from giaoban.text import clean_spaces

DATE_HINT = "use YYYY-MM-DD or DD/MM/YYYY"
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$")
_MIDNIGHT = re.compile(r"[ T]00:00(:00(\.0+)?)?$")
_INT = re.compile(r"^[+-]?\d+(\.0+)?$")


class CellError(ValueError):
    """A cell that cannot be read as its column's type."""


def parse_date(text: str) -> date:
    """A calendar date; a datetime at midnight (what Excel and Parquet date cells become) is accepted."""
    value = _MIDNIGHT.sub("", text.strip())
    for pattern, order in ((_ISO, (0, 1, 2)), (_DMY, (2, 1, 0))):
        m = pattern.match(value)
        if m:
            parts = [int(g) for g in m.groups()]
            try:
                return date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                break
    if value.isdigit() and 20000 <= int(value) <= 80000:
        raise CellError(f'"{text}" is not a date; {DATE_HINT} (in Excel, format the cell as a date)')
    raise CellError(f'"{text}" is not a date; {DATE_HINT}')


def parse_timestamp(text: str) -> datetime:
    """A date with an optional time ("2017-12-21 08:46", "21/12/2017 08:46:00"); a zone is dropped."""
    value = text.strip()
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        pass
    day_part, _, time_part = value.replace("T", " ").partition(" ")
    try:
        day = parse_date(day_part)
    except CellError:
        raise CellError(f'"{text}" is not a date and time; use YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM') from None
    m = _TIME.match(time_part.strip()) if time_part.strip() else None
    if time_part.strip() and not m:
        raise CellError(f'"{text}" has a time that is not HH:MM or HH:MM:SS')
    hour, minute, second = (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)) if m else (0, 0, 0)
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        raise CellError(f'"{text}" has a time that does not exist') from None


def parse_int(text: str) -> int:
    value = text.strip().replace(" ", "")
    if not _INT.match(value):
        raise CellError(f'"{text}" is not a whole number; write digits only, like 120')
    return int(float(value)) if "." in value else int(value)


def parse_float(text: str) -> float:
    """A decimal; a comma is read as the decimal mark too ("0,8"), as Vietnamese writes it."""
    value = text.strip().replace(" ", "")
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    try:
        return float(value)
    except ValueError:
        raise CellError(f'"{text}" is not a number; write it like 0.8') from None


_LOOKUPS: dict[int, tuple[dict[str, str], list[str]]] = {}


def vocab_lookup(vocab: dict[str, tuple[str, ...]]) -> tuple[dict[str, str], list[str]]:
    """Match key of every accepted spelling (codes and Vietnamese variants) → code, and the
    multi-word spellings longest first for prefix matching; built once per vocabulary."""
    if id(vocab) not in _LOOKUPS:
        table = {key_of(code): code for code in vocab}
        for code, variants in vocab.items():
            table.update({key_of(v): code for v in variants})
        prefixes = sorted((k for k in table if " " in k), key=len, reverse=True)
        _LOOKUPS[id(vocab)] = (table, prefixes)
    return _LOOKUPS[id(vocab)]


def parse_vocab(text: str, col: ColumnSpec) -> str:
    """A code from a closed list; a phrase that starts with a known variant of two words or more counts too.

    So "đã giải quyết dứt điểm" is resolved and "tiếp thu nhưng chưa có văn bản" is answered, while
    "tỉnh lỵ" is not a level just because it starts with "tỉnh".
    """
    assert col.vocab is not None
    table, prefixes = vocab_lookup(col.vocab)
    key = key_of(text)
    if key in table:
        return table[key]
    for variant in prefixes:
        if key.startswith(variant + " "):
            return table[variant]
    codes = ", ".join(col.vocab)
    labels = ", ".join(v[0] for v in col.vocab.values())
    raise CellError(f'"{text}" is not a {col.name.replace("_", " ")}; use one of: {codes} (or: {labels})')


def parse_cell(text: str, col: ColumnSpec) -> object:
    """The typed value of a non-empty cell for types that need no lookup (org/locality/ref stay text)."""
    if col.type == "date":
        return parse_date(text)
    if col.type == "timestamp":
        return parse_timestamp(text)
    if col.type == "int":
        return parse_int(text)
    if col.type == "float":
        return parse_float(text)
    if col.type == "vocab":
        return parse_vocab(text, col)
    if col.type == "raw":
        return text
    if col.type == "text":
        return text.strip()
    return clean_spaces(text)
