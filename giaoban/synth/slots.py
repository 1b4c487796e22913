"""Filling phrase templates: per-series context, slot values, and template sampling tables.

``SeriesInfo`` holds what the texts of one series need (unit word, Party committee, sub-places,
the organisations that may raise recommendations). ``Slots`` holds the random draws for a batch
of items as arrays, so the per-item Python work is only string formatting. ``TemplateTable`` turns
theme weights (giaoban.synth.weights) into cumulative distributions over templates, cached per
(profile, year, quarter), and samples a whole batch at once.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date

import numpy as np

from giaoban.synth import vocab
from giaoban.synth.calendar import Series
from giaoban.synth.people import party_of
from giaoban.synth.phrases import Template
from giaoban.synth.refdata import RefData
from giaoban.synth.weights import CONGRESS_YEARS, PARTY_CONGRESS_YEARS, PROFILES, season

PROFILE_KEYS = ("mttq", "ldld", "doan", "hlhpn", "hnd", "ccb", "assoc")
RAISER_WEIGHTS = {"mttq": 1.3, "ldld": 1.0, "doan": 1.0, "hlhpn": 1.0, "hnd": 1.0, "ccb": 0.8}
ASSOC_WEIGHT = 0.35
ASSOCS_PER_PROVINCE = 4
MID_DAY = date(2020, 1, 1)


@dataclass(frozen=True)
class SeriesInfo:
    series: Series
    party: str
    unit: str
    youth_union: str
    subs: tuple[str, ...]
    raisers: tuple[str, ...]  # generic org ids that may raise recommendations here
    profiles: tuple[int, ...]  # PROFILE_KEYS index of each raiser
    weights: tuple[float, ...]


def series_info(s: Series, ref: RefData) -> SeriesInfo:
    u = s.unit
    kids = [ref.units[i] for i in ref.children.get(u.locality_id, ())]
    below = [k for k in kids if k.level == "district"] or [k for k in kids if k.level == "commune"]
    subs = tuple(k.phrase for k in below)[:40] or vocab.VILLAGES
    on = max(u.valid_from, min(u.valid_to, MID_DAY))
    raisers = [(f, RAISER_WEIGHTS[f], PROFILE_KEYS.index(f)) for f in RAISER_WEIGHTS if ref.role_org(f, u.level, on)]
    if s.host == "dan_van" and u.level == "province":
        raisers += [(a, ASSOC_WEIGHT, PROFILE_KEYS.index("assoc")) for a in assoc_subset(ref, u.locality_id)]
    return SeriesInfo(
        s,
        party_of(s),
        u.unit_type,
        vocab.YOUTH_UNION_OF_UNIT.get(u.unit_type, "Huyện đoàn"),
        subs,
        tuple(r[0] for r in raisers),
        tuple(r[2] for r in raisers),
        tuple(r[1] for r in raisers),
    )


def assoc_subset(ref: RefData, locality_id: str) -> list[str]:
    """A stable handful of mass associations that attend a province's dân vận meetings."""
    ids = ref.assoc_ids()
    if not ids:
        return []
    start = sum(locality_id.encode()) % len(ids)
    return [ids[(start + k) % len(ids)] for k in range(min(ASSOCS_PER_PROVINCE, len(ids)))]


def fields_of(text: str) -> tuple[str, ...]:
    return tuple(f for _, f, _, _ in string.Formatter().parse(text) if f)


def next_term(year: int, years: tuple[int, ...]) -> str:
    """The term a congress at or after ``year`` opens: "2020–2025"."""
    first = min(years) if years else 2020
    c = next((y for y in range(first, 2100, 5) if y >= year), year)
    return f"{c}–{c + 5}"


def term_for(profile: str, year: int) -> str:
    return next_term(year, CONGRESS_YEARS.get(profile, PARTY_CONGRESS_YEARS))


class Slots:
    """Random draws for n items; ``values(i, …)`` formats the ones a template asks for."""

    def __init__(self, rng: np.random.Generator, n: int):
        self.n = rng.integers(2, 41, n)
        self.big = rng.integers(120, 3500, n)
        self.money = rng.random(n)
        self.pct = rng.integers(25, 76, n)
        self.pick = rng.random(n)
        self.sub = rng.random(n)

    def values(self, fields: tuple[str, ...], i: int, info: SeriesInfo, profile: str, year: int) -> dict[str, str]:
        return {f: self._one(f, i, info, profile, year) for f in fields}

    def _one(self, f: str, i: int, info: SeriesInfo, profile: str, year: int) -> str:
        if f in _LISTS:
            items = _LISTS[f]
            return items[int(self.pick[i] * len(items))]
        if f == "sub":
            return info.subs[int(self.sub[i] * len(info.subs))]
        if f in ("org_short", "members", "vacant"):
            words = vocab.FAMILY_WORDS[profile]
            return words[("org_short", "members", "vacant").index(f)].format(unit=info.unit)
        return _SIMPLE[f](self, i, info, profile, year)


def _money(s: Slots, i: int) -> str:
    u = float(s.money[i])
    if u < 0.5:
        return f"{50 + int(u * 1800) // 10 * 10} triệu đồng"
    return f"{1 + (u - 0.5) * 50:.1f}".replace(".", ",") + " tỷ đồng"


_LISTS = {
    "company": vocab.COMPANIES,
    "project": vocab.PROJECTS,
    "product": vocab.PRODUCTS,
    "hot_issue": vocab.HOT_ISSUES,
    "policy": vocab.POLICIES,
}
_SIMPLE = {
    "n": lambda s, i, info, p, y: str(s.n[i]),
    "big": lambda s, i, info, p, y: f"{s.big[i]:,}".replace(",", "."),
    "amount": lambda s, i, info, p, y: _money(s, i),
    "pct": lambda s, i, info, p, y: f"{s.pct[i]}%",
    "unit": lambda s, i, info, p, y: info.unit,
    "year": lambda s, i, info, p, y: str(y),
    "next_year": lambda s, i, info, p, y: str(y + 1),
    "term": lambda s, i, info, p, y: term_for(p, y),
}


class TemplateTable:
    """Cumulative template distributions per (profile, year, quarter)."""

    def __init__(self, templates: tuple[Template, ...], by_profile: bool):
        self.templates = templates
        self.fields = [fields_of(t.body) for t in templates]
        self.by_profile = by_profile
        self._cdfs: dict[tuple[int, int, int], np.ndarray] = {}

    def _weights(self, profile: str, year: int, quarter: int) -> np.ndarray:
        if not self.by_profile:
            return np.array([season(t.theme, year, quarter, "") for t in self.templates])
        prof = PROFILES[profile]
        ok = [t.families is None or profile in t.families for t in self.templates]
        per_theme: dict[str, int] = {}
        for t, allowed in zip(self.templates, ok, strict=True):
            per_theme[t.theme] = per_theme.get(t.theme, 0) + allowed
        return np.array(
            [
                prof.get(t.theme, 0.0) / per_theme[t.theme] * season(t.theme, year, quarter, profile) if allowed else 0
                for t, allowed in zip(self.templates, ok, strict=True)
            ]
        )

    def cdf(self, profile: int, year: int, quarter: int) -> np.ndarray:
        key = (profile, year, quarter)
        if key not in self._cdfs:
            w = self._weights(PROFILE_KEYS[profile], year, quarter)
            c = np.cumsum(w if w.sum() > 0 else np.ones_like(w))
            self._cdfs[key] = c / c[-1]
        return self._cdfs[key]

    def sample(self, rng: np.random.Generator, profile: np.ndarray, year: np.ndarray, quarter: np.ndarray):
        """Template index per item, drawn from its (profile, year, quarter) distribution."""
        key = (profile.astype(np.int64) * 10_000 + year) * 10 + quarter
        uniq, inv = np.unique(key, return_inverse=True)
        u = rng.random(key.shape[0])
        idx = np.zeros(key.shape[0], dtype=np.int64)
        for k, combo in enumerate(uniq.tolist()):
            sel = np.nonzero(inv == k)[0]
            cdf = self.cdf(combo // 100_000, combo // 10 % 10_000, combo % 10)
            idx[sel] = np.searchsorted(cdf, u[sel], side="right")
        return np.minimum(idx, len(self.templates) - 1)
