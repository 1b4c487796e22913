"""How numbers, dates and periods read in each language: 1.234 and 12,5% in Vietnamese, 1,234 and
12.5% in English; "Quý I/2025" or "Q1 2025". Pure functions, no Streamlit."""

from __future__ import annotations

import datetime as dt
import math

from i18n import t

GRAINS = ("month", "quarter", "half", "year")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def number(value: object, lang: str = "vi") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{round(float(value)):,}"
    return text.replace(",", ".") if lang == "vi" else text


def decimal(value: object, lang: str = "vi", digits: int = 1) -> str:
    """1.234,5 in Vietnamese, 1,234.5 in English (seconds, scores)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{float(value):,.{digits}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def percent(value: object, lang: str = "vi", digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{float(value) * 100:.{digits}f}%"
    return text.replace(".", ",") if lang == "vi" else text


def day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "–"


def period_start(d: dt.date, grain: str) -> dt.date:
    if grain == "month":
        return d.replace(day=1)
    if grain == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if grain == "half":
        return dt.date(d.year, 1 if d.month <= 6 else 7, 1)
    return dt.date(d.year, 1, 1)


def period_end(start: dt.date, grain: str) -> dt.date:
    months = {"month": 1, "quarter": 3, "half": 6}.get(grain, 12)
    year, month = divmod(start.month - 1 + months, 12)
    return dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)


def periods(first: dt.date, last: dt.date, grain: str) -> list[dt.date]:
    """Start dates of every period from the one holding ``first`` to the one holding ``last``."""
    out, at = [], period_start(first, grain)
    while at <= last:
        out.append(at)
        at = period_end(at, grain) + dt.timedelta(days=1)
    return out


def period_label(start: dt.date, grain: str, lang: str = "vi") -> str:
    if grain == "month":
        return t("period.month", lang, m=start.month, y=start.year)
    if grain == "quarter":
        q = (start.month - 1) // 3 + 1
        return t("period.quarter", lang, q=_ROMAN[q] if lang == "vi" else q, y=start.year)
    if grain == "half":
        return t("period.h1" if start.month <= 6 else "period.h2", lang, y=start.year)
    return str(start.year)


def range_label(date_from: dt.date, date_to: dt.date, grain: str, lang: str = "vi") -> str:
    first, last = (
        period_label(period_start(date_from, grain), grain, lang),
        period_label(period_start(date_to, grain), grain, lang),
    )
    return first if first == last else f"{first} – {last}"
