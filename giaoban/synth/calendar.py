"""Which meetings happen when: series of meetings per unit, their periods and dates.

A *series* is one host at one unit (Thường trực Tỉnh ủy of Bắc Giang, the Đảng ủy of one commune)
with a cadence. Each cadence lists the periods reviewed per year and the window in which such a
meeting is held (DOMAIN.md §1: Q1 meetings late March–April, H1 June–July, annual Dec–Jan; monthly
ones around the turn of the month). A period is scheduled when its window meets the unit's life in
[2015-01-01, 2025-12-31] and, except for the year-to-date and annual reviews, the unit existed when
the period began, so Bắc Giang's last meeting is the H1-2025 review in June and the new Bắc Ninh
starts with Q3-2025 (and reviews "9 tháng" and "Năm 2025" for its whole territory).
Counts depend only on the plan (no randomness); the day inside the window is drawn, weekdays only.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from giaoban.synth.refdata import END, REFORM_DAY, START, RefData, Unit

EPOCH = date(1970, 1, 1).toordinal()
ROMAN = ("I", "II", "III", "IV")


class Period(NamedTuple):
    kind: str  # meeting kind: giao_ban, lam_viec, so_ket, tong_ket
    period_kind: str  # month, quarter, half, ytd, year
    label: str  # "Quý I-2021", "6 tháng đầu năm 2017", "Năm 2023"
    start: date
    end: date
    lo: int  # window, days since 1970-01-01
    hi: int


@dataclass(frozen=True)
class Series:
    unit: Unit
    host: str  # org role (refdata.ORG_ROLES): tttu, dan_van, huyen, xa
    cadence: str
    rec_mean: float
    dir_mean: float
    group: str  # province the series is chunked with

    @property
    def level(self) -> str:
        return self.unit.level


def day(d: date) -> int:
    return d.toordinal() - EPOCH


def to_date(n: int) -> date:
    return date.fromordinal(int(n) + EPOCH)


def _month_end(y: int, m: int) -> date:
    return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)


def _quarter(y: int, q: int, kind: str = "giao_ban") -> Period:
    end = _month_end(y, 3 * q)
    return Period(kind, "quarter", f"Quý {ROMAN[q - 1]}-{y}", date(y, 3 * q - 2, 1), end, day(end) - 10, day(end) + 20)


def _window(kind: str, period_kind: str, label: str, start: date, end: date, lo: date, hi: date) -> Period:
    return Period(kind, period_kind, label, start, end, day(lo), day(hi))


def _half(y: int) -> Period:
    return _window(
        "so_ket", "half", f"6 tháng đầu năm {y}", date(y, 1, 1), date(y, 6, 30), date(y, 6, 10), date(y, 7, 15)
    )


def _nine_months(y: int) -> Period:
    label = f"9 tháng đầu năm {y}"
    return _window("giao_ban", "ytd", label, date(y, 1, 1), date(y, 9, 30), date(y, 9, 20), date(y, 10, 20))


def _year(y: int) -> Period:
    return _window("tong_ket", "year", f"Năm {y}", date(y, 1, 1), date(y, 12, 31), date(y, 12, 5), date(y + 1, 1, 15))


def _month(y: int, m: int) -> Period:
    end = _month_end(y, m)
    return Period("lam_viec", "month", f"Tháng {m}-{y}", date(y, m, 1), end, day(end) - 8, day(end) + 7)


def _periods_of_year(cadence: str, y: int) -> list[Period]:
    if cadence == "province":
        return [_quarter(y, 1), _half(y), _nine_months(y), _year(y)]
    if cadence in ("dan_van", "quarterly"):
        return [_quarter(y, 1), _half(y), _quarter(y, 3), _year(y)]
    if cadence == "half":
        return [_half(y), _year(y)]
    if cadence == "monthly":
        return [_half(y) if m == 6 else _year(y) if m == 12 else _month(y, m) for m in range(1, 13)]
    raise ValueError(f"unknown cadence {cadence!r}")


@lru_cache(maxsize=4096)
def schedule(cadence: str, first: date, last: date, born: date) -> tuple[Period, ...]:
    """Periods of a series alive from ``first`` to ``last``, windows clamped to that span."""
    lo, hi = day(first), day(last)
    out = []
    for y in range(first.year - 1, last.year + 1):
        for p in _periods_of_year(cadence, y):
            if p.period_kind not in ("year", "ytd") and p.start < born:
                continue
            a, b = max(p.lo, lo), min(p.hi, hi)
            if a <= b:
                out.append(p._replace(lo=a, hi=b))
    return tuple(sorted(out, key=lambda p: (p.lo, p.end)))


def series_schedule(s: Series) -> tuple[Period, ...]:
    first, last = max(START, s.unit.valid_from), min(END, s.unit.valid_to)
    if first > last:
        return ()
    return schedule(s.cadence, first, last, s.unit.valid_from)


# Fixed-date public holidays (New Year, 30/4, 1/5, 2/9): a meeting drawn on one moves a day later.
HOLIDAYS = np.array([day(date(y, m, d)) for y in range(2014, 2027) for m, d in ((1, 1), (4, 30), (5, 1), (9, 2))])


def _off_days(d: np.ndarray) -> np.ndarray:
    wd = (d + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    return (wd >= 5) | np.isin(d, HOLIDAYS)


def draw_days(lo: np.ndarray, hi: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A working day in each window [lo, hi]: weekends and holidays move forward, or back at the end."""
    d = lo + np.floor(rng.random(lo.shape[0]) * (hi - lo + 1)).astype(np.int64)
    for _ in range(4):
        d = np.where(_off_days(d), d + 1, d)
    late = d > hi
    d = np.where(late, hi, d)
    for _ in range(4):
        d = np.where(late & _off_days(d), d - 1, d)
    return np.clip(d, lo, hi)


# ---------------------------------------------------------------- plans per scale

REC_MEANS = {"tttu": 9.0, "dan_van": 7.0, "huyen": 5.5, "half": 4.0, "quarterly": 4.0, "monthly": 4.2}
DIR_MEANS = {"tttu": 5.0, "dan_van": 4.0, "huyen": 3.5, "half": 2.2, "quarterly": 2.2, "monthly": 1.6}


def _unit_series(u: Unit, group: str, commune_cadence: str) -> list[Series]:
    if u.level == "province":
        hosts = (("tttu", "province"), ("dan_van", "dan_van"))
        return [Series(u, h, c, REC_MEANS[h], DIR_MEANS[h], group) for h, c in hosts]
    if u.level == "district":
        return [Series(u, "huyen", "quarterly", REC_MEANS["huyen"], DIR_MEANS["huyen"], group)]
    c = commune_cadence
    return [Series(u, "xa", c, REC_MEANS[c], DIR_MEANS[c], group)]


def _demo_province(ref: RefData) -> tuple[Unit, Unit | None]:
    old = [u for u in ref.units.values() if u.level == "province" and u.name == "Bắc Giang" and u.valid_to < END]
    if not old:
        raise ValueError("localities have no province named Bắc Giang (needed by the demo and province scales)")
    new = ref.units.get(old[0].successor_id or "")
    return old[0], new


def _districts(ref: RefData, prov: Unit) -> list[Unit]:
    return [ref.units[i] for i in ref.children.get(prov.locality_id, ()) if ref.units[i].level == "district"]


def _communes_of(ref: RefData, parent: Unit) -> list[Unit]:
    return [ref.units[i] for i in ref.children.get(parent.locality_id, ()) if ref.units[i].level == "commune"]


def _demo_communes(ref: RefData, old: Unit, new: Unit | None, seed: int) -> list[Unit]:
    """Three communes per district before the reform and ~15 new communes after it."""
    rnd = random.Random(f"{seed}|demo-communes")
    before = []
    for d in _districts(ref, old):
        kids = _communes_of(ref, d)
        before += rnd.sample(kids, min(3, len(kids)))
    if new is None:
        return before
    after_all = _communes_of(ref, new)
    succ = {u.successor_id for u in before}
    after = [u for u in after_all if u.locality_id in succ][:15]
    rest = [u for u in after_all if u not in after]
    after += rnd.sample(rest, max(0, min(15 - len(after), len(rest))))
    return before + sorted(after)


def plan(scale: str, ref: RefData, seed: int) -> list[Series]:
    """Every series of the scale, in a stable order (grouped by province)."""
    if scale in ("demo", "province"):
        old, new = _demo_province(ref)
        provinces = [old] + ([new] if new else [])
        districts = _districts(ref, old)
        if scale == "demo":
            communes = _demo_communes(ref, old, new, seed)
        else:
            communes = [c for p in [*districts, *provinces] for c in _communes_of(ref, p)]
        cadence = "half" if scale == "demo" else "monthly"
        units = provinces + districts + communes
        return [s for u in units for s in _unit_series(u, _province_of(ref, u), _cadence(scale, u, cadence))]
    if scale == "national":
        units = [u for u in ref.units.values() if u.valid_from <= END and u.valid_to >= START]
        units.sort(key=lambda u: (_province_of(ref, u), "pdc".index(u.level[0]), u.locality_id))
        return [s for u in units for s in _unit_series(u, _province_of(ref, u), _cadence(scale, u, "monthly"))]
    raise ValueError(f"unknown scale {scale!r}; use demo, province or national")


def _cadence(scale: str, u: Unit, default: str) -> str:
    """Commune cadence: demo communes meet half-yearly (quarterly after the reform); national ones
    meet monthly in ~60 % of communes and quarterly in the rest (stable per commune)."""
    if scale == "demo":
        return "quarterly" if u.valid_from >= REFORM_DAY else "half"
    if scale == "national" and zlib.crc32(u.locality_id.encode()) % 10 >= 6:
        return "quarterly"
    return default


def _province_of(ref: RefData, u: Unit) -> str:
    while u.level != "province" and u.parent_id in ref.units:
        u = ref.units[u.parent_id]
    return u.locality_id
