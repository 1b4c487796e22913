"""What a report covers: its period and its scope, parsed from what a person (or cron) typed.

Contract: ``resolve(con, year=, period=, scopes=)`` returns a ``ReportSpec`` or raises
``ReportError`` with a message that says what was wrong and what would work.

- period: ``year:2024``, ``quarter:2024Q3`` (also ``2024Q3``, ``2024-Q3``), ``half:2024H1``,
  ``month:2024-05``, ``ytd:2024-09`` (first nine months), or Vietnamese as reports write it
  ("Quý III/2024", "6 tháng đầu năm 2024", "9 tháng năm 2024"); none means the whole ``year``.
- scope: a province ("Bắc Giang", "tỉnh Bắc Giang", ``bac-giang``) and/or an organisation family
  ("MTTQ", "Hội Nông dân", ``hnd``), or both in one ("Hội Nông dân tỉnh Bắc Giang"); matching is
  accent- and case-insensitive. A province that existed during the period is read *as recorded*;
  a province created later (Bắc Ninh after 1/7/2025) is read *harmonised* (today's 34 provinces,
  which maps the units merged into it), so "bac-ninh-2025" for 2024 covers the old Bắc Giang too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from giaoban import periods
from giaoban.periods import Period
from giaoban.report import named, vn
from giaoban.text import match_key

MIN_YEAR = 1990
_QUARTER = re.compile(r"^(?:q(?:uarter)?:)?(\d{4})-?q([1-4])$")
_HALF = re.compile(r"^(?:h(?:alf)?:)?(\d{4})-?h([12])$")
_MONTH = re.compile(r"^(?:m(?:onth)?:)(\d{4})-(\d{1,2})$")
_YTD = re.compile(r"^ytd:(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(?:y(?:ear)?:)?(\d{4})$")
_PROVINCE_WORDS = ("tinh ", "thanh pho ", "tp ", "tp. ")


class ReportError(ValueError):
    """A bad year, period or scope; the message is meant for the person who typed it."""


@dataclass(frozen=True)
class ReportSpec:
    period: Period
    province: str | None = None
    province_name: str | None = None
    harmonised: bool = False
    family: str | None = None
    family_name: str | None = None

    @property
    def year(self) -> int:
        return self.period.end.year

    @property
    def params(self) -> dict[str, Any]:
        """The filter parameters every dashboard-style named query takes."""
        return {
            "date_from": self.period.start,
            "date_to": self.period.end,
            "level": None,
            "province": self.province,
            "harmonised": self.harmonised,
            "family": self.family,
            "theme": None,
        }

    @property
    def scope_label(self) -> str:
        parts = []
        if self.family_name:
            parts.append(self.family_name)
        if self.province_name:
            suffix = " (địa giới hiện nay)" if self.harmonised else ""
            parts.append(f"{self.province_name}{suffix}")
        return ", ".join(parts) if parts else "Toàn bộ dữ liệu"

    @property
    def period_label(self) -> str:
        return period_words(self.period)

    @property
    def previous_label(self) -> str:
        return f"cùng kỳ năm {self.period.start.year - 1}"

    def period_labels(self) -> list[str]:
        """Every month or quarter of the period, labelled as the metric macros label them (2024-07, 2024-Q3)."""
        start, end = self.period.start, self.period.end
        if self.grain == "month":
            months = range(start.year * 12 + start.month - 1, end.year * 12 + end.month)
            return [f"{m // 12}-{m % 12 + 1:02d}" for m in months]
        quarters = range(start.year * 4 + (start.month - 1) // 3, end.year * 4 + (end.month - 1) // 3 + 1)
        return [f"{q // 4}-Q{q % 4 + 1}" for q in quarters]

    @property
    def grain(self) -> str:
        """Time buckets for trend charts: months inside a quarter or a month, quarters otherwise."""
        return "month" if self.period.kind in ("quarter", "month") else "quarter"


def period_words(period: Period) -> str:
    """ "năm 2024", "quý III năm 2024", "6 tháng đầu năm 2024", "tháng 5 năm 2024"."""
    year = period.start.year
    if period.kind == "quarter":
        return f"quý {vn.ROMAN[(period.start.month - 1) // 3]} năm {year}"
    if period.kind == "month":
        return f"tháng {period.start.month} năm {year}"
    if period.kind in ("half", "ytd"):
        return period.label[0].lower() + period.label[1:]
    return f"năm {year}"


def parse_period(text: str | None, year: int | None) -> Period:
    """The report period from ``--period`` (or the whole ``--year``); ReportError when neither fits."""
    if not text:
        if year is None:
            raise ReportError("give --year YYYY or --period (e.g. quarter:2024Q3)")
        return periods.whole_year(_check_year(year))
    found = _machine_period(text.strip().lower()) or periods.parse_period(text)
    if found is None or found.kind in ("term", "phase"):
        raise ReportError(
            f"cannot read the period {text!r}; use year:2024, quarter:2024Q3, half:2024H1, month:2024-05, "
            "ytd:2024-09 or Vietnamese such as 'Quý III/2024', '6 tháng đầu năm 2024'"
        )
    _check_year(found.start.year)
    if year is not None and year != found.start.year:
        raise ReportError(f"--year {year} and --period {text!r} ({found.label}) disagree; give one or make them match")
    return found


def _machine_period(text: str) -> Period | None:
    if m := _QUARTER.match(text):
        return periods.quarter(int(m[1]), int(m[2]))
    if m := _HALF.match(text):
        return periods.half(int(m[1]), m[2] == "2")
    if (m := _MONTH.match(text)) and 1 <= int(m[2]) <= 12:
        return periods.month(int(m[1]), int(m[2]))
    if (m := _YTD.match(text)) and 1 <= int(m[2]) <= 12:
        n = int(m[2])
        return periods.whole_year(int(m[1])) if n == 12 else periods.year_to_date(int(m[1]), n)
    if m := _YEAR.match(text):
        return periods.whole_year(int(m[1]))
    return None


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= dt.date.today().year + 1:
        raise ReportError(f"year {year} is out of range ({MIN_YEAR}–{dt.date.today().year + 1})")
    return year


# --- scope ------------------------------------------------------------------------------------


def _strip_province_word(key: str) -> str:
    for word in _PROVINCE_WORDS:
        if key.startswith(word):
            return key[len(word) :]
    return key


def _overlaps(row: dict, period: Period) -> bool:
    start, end = row["valid_from"] or dt.date.min, row["valid_to"] or dt.date.max
    return start <= period.end and period.start <= end


def _provinces(names: list[dict], text: str, period: Period) -> list[tuple[dict, bool]]:
    """Provinces named ``text``, each with whether to read it harmonised (created after the period).

    An id (``bac-ninh-2025``) picks one unit; a name may match a unit before and one after the
    2025 reform, and the one that existed during the period wins.
    """
    exact = [r for r in names if r["kind"] == "province" and r["id"] == text.strip().lower()]
    key = _strip_province_word(match_key(text))
    found = exact or [r for r in names if r["kind"] == "province" and key == match_key(r["name"])]
    valid = [r for r in found if _overlaps(r, period)]
    if valid:
        return [(r, False) for r in valid]
    return [(r, r["valid_to"] is None) for r in found if r["valid_to"] is None] or [(r, False) for r in found]


def _families(names: list[dict], key: str) -> dict[str, str]:
    hits = {r["id"]: r["display_name"] for r in names if r["kind"] == "family" and match_key(r["name"]) == key}
    return hits


def _describe(row: dict) -> str:
    when = []
    if row["valid_from"]:
        when.append(f"từ {vn.date(row['valid_from'])}")
    if row["valid_to"]:
        when.append(f"đến {vn.date(row['valid_to'])}")
    return f"{row['id']} ({row['display_name']}{', ' + ' '.join(when) if when else ''})"


def _one_scope(names: list[dict], text: str, period: Period) -> dict[str, Any]:
    key = match_key(text)
    provinces = _provinces(names, text, period)
    families = _families(names, key)
    if len(provinces) + len(families) == 1:
        return _scope_entry(provinces, families)
    if len(provinces) + len(families) > 1:
        options = [_describe(r) for r, _ in provinces] + [f"{k} ({v})" for k, v in families.items()]
        raise ReportError(f"scope {text!r} is ambiguous: {'; '.join(options)}; give one of these ids")
    for row in names:  # "Hội Nông dân tỉnh Bắc Giang": a family and a province in one phrase
        if row["kind"] != "province":
            continue
        name = match_key(row["name"])
        for tail in (f" tinh {name}", f" thanh pho {name}", f" {name}"):
            if key.endswith(tail) and (fam := _families(names, key[: -len(tail)].strip())) and len(fam) == 1:
                return {**_scope_entry([(row, False)], {}), **_scope_entry([], fam)}
    raise ReportError(
        f"no province or organisation called {text!r}; try a province name (Bắc Giang) or id (bac-giang), "
        "or an organisation (MTTQ, Hội Nông dân, Tỉnh đoàn, hnd)"
    )


def _scope_entry(provinces: list[tuple[dict, bool]], families: dict[str, str]) -> dict[str, Any]:
    if provinces:
        row, harmonised = provinces[0]
        return {"province": row["id"], "province_name": row["display_name"], "harmonised": harmonised}
    if families:
        (family, name), *_ = families.items()
        return {"family": family, "family_name": name}
    return {}


def resolve_scope(con: duckdb.DuckDBPyConnection, texts: list[str], period: Period) -> dict[str, Any]:
    """Merge the --scope values into at most one province and one family; ReportError otherwise."""
    if not texts:
        return {}
    names = named.run(con, "report/scope_names").to_dicts()
    merged: dict[str, Any] = {}
    for text in texts:
        entry = _one_scope(names, text, period)
        clash = [k for k in ("province", "family") if k in entry and k in merged and entry[k] != merged[k]]
        if clash:
            raise ReportError(
                f"two different {clash[0]} scopes given ({merged[clash[0]]}, {entry[clash[0]]}); give one"
            )
        merged.update(entry)
    return merged


def resolve(
    con: duckdb.DuckDBPyConnection,
    *,
    year: int | None = None,
    period: str | None = None,
    scopes: list[str] | None = None,
) -> ReportSpec:
    """The full spec, checked against what the database holds (a period with no data at all is an error)."""
    parsed = parse_period(period, year)
    snapshot = named.run(con, "filters/snapshot").row(0, named=True)
    first, last = snapshot["first_meeting"], snapshot["last_meeting"]
    if first is None:
        raise ReportError("the database holds no meetings; load data first (python -m giaoban build or ingest)")
    if parsed.end < first or parsed.start > last:
        raise ReportError(f"no meetings in {parsed.label}: the database covers {vn.date(first)} – {vn.date(last)}")
    return ReportSpec(period=parsed, **resolve_scope(con, [s for s in scopes or [] if s.strip()], parsed))


def same_name_hint(con: duckdb.DuckDBPyConnection, spec: ReportSpec) -> str:
    """For an empty province scope: the other units with its name (before/after the 2025 reform)."""
    if not spec.province:
        return ""
    names = named.run(con, "report/scope_names").to_dicts()
    mine = next((r for r in names if r["id"] == spec.province), None)
    others = [
        r for r in names if mine and r["kind"] == "province" and r["name"] == mine["name"] and r["id"] != mine["id"]
    ]
    return f"; other units with this name: {'; '.join(_describe(r) for r in others)}" if others else ""
