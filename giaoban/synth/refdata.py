"""Reference data the generator reads: localities, generic organisations, theme ids.

Reads data/localities_full.csv.gz when present (else data/localities.csv), data/organisations.csv
and data/themes.yaml. Organisations are found by *role* (``ORG_ROLES``: the host, the Front, the
provincial finance department …), each role listing candidate family ids per level; the first
candidate present in organisations.csv and valid on the day wins, so a renamed or missing body does
not break the generator (the role is just left out). Units are plain ``Unit`` tuples; ``phrase``
gives the mid-sentence form ("tỉnh Bắc Giang", "huyện Yên Thế") that giaoban.orgs.instance_row wants.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl
import yaml

from giaoban.text import nfc

START = date(2015, 1, 1)
END = date(2025, 12, 31)
REFORM_DAY = date(2025, 7, 1)

# role -> {level: candidate family ids, best first}
ORG_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "tttu": {"province": ("thuong_truc_tinh_uy", "tinh_uy")},
    "dan_van": {"province": ("ban_tuyen_giao_dan_van", "ban_dan_van"), "district": ("ban_dan_van_huyen",)},
    "huyen": {"district": ("thuong_truc_huyen_uy", "huyen_uy")},
    "xa": {"commune": ("thuong_truc_dang_uy", "btv_dang_uy", "dang_uy_xa")},
    "ubnd": {"province": ("ubnd_tinh",), "district": ("ubnd_huyen",), "commune": ("ubnd_xa",)},
    "noi_vu": {"province": ("so_noi_vu",)},
    "tai_chinh": {"province": ("so_tai_chinh",)},
    "tai_nguyen": {"province": ("so_nn_mt", "so_tn_mt")},
    "to_chuc": {"province": ("ban_to_chuc",)},
    "bhxh": {"province": ("bhxh",), "district": ("bhxh",)},
    "cong_an": {"province": ("cong_an",), "district": ("cong_an",), "commune": ("cong_an",)},
} | {
    fam: {lvl: (fam,) for lvl in ("province", "district", "commune")} for fam in ("mttq", "doan", "hlhpn", "hnd", "ccb")
}
ORG_ROLES["ldld"] = {"province": ("ldld",), "district": ("ldld",)}


class Unit(NamedTuple):
    locality_id: str
    name: str
    unit_type: str
    level: str
    parent_id: str | None
    valid_from: date
    valid_to: date
    successor_id: str | None
    code: str | None = None

    @property
    def phrase(self) -> str:
        """The name as it reads mid-sentence (same rule as giaoban.localities)."""
        if self.level == "province":
            return f"{self.unit_type} {self.name}"
        return self.name[0].lower() + self.name[1:]

    @property
    def bare(self) -> str:
        """The name without its type word: "Huyện Yên Thế" → "Yên Thế"."""
        if self.level != "province" and self.name.lower().startswith(self.unit_type + " "):
            return self.name[len(self.unit_type) + 1 :]
        return self.name


@dataclass
class RefData:
    units: dict[str, Unit]
    generics: dict[str, dict[str, Any]]
    themes: frozenset[str] | None = None
    synthetic: frozenset[str] = frozenset()  # ids of units made up here (no localities_full)
    children: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        kids: dict[str, list[str]] = defaultdict(list)
        for unit in self.units.values():
            if unit.parent_id:
                kids[unit.parent_id].append(unit.locality_id)
        self.children = {k: sorted(v) for k, v in kids.items()}

    def role_org(self, role: str, level: str, on: date) -> str | None:
        """The generic org id playing ``role`` at ``level`` on ``on``, or None."""
        for cand in ORG_ROLES.get(role, {}).get(level, ()):
            row = self.generics.get(cand)
            if row and _valid(row, on):
                return cand
        return None

    def assoc_ids(self) -> list[str]:
        return sorted(k for k, r in self.generics.items() if r["kind"] == "mass_association")


def _valid(row: dict[str, Any], on: date) -> bool:
    lo, hi = row.get("valid_from"), row.get("valid_to")
    return (lo is None or lo <= on) and (hi is None or on <= hi)


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def read_units(data_dir: Path) -> dict[str, Unit]:
    full = data_dir / "localities_full.csv.gz"
    path = full if full.exists() else data_dir / "localities.csv"
    frame = pl.read_csv(path, infer_schema=False)
    units = {}
    for r in frame.iter_rows(named=True):
        if r["level"] not in ("province", "district", "commune"):
            continue
        units[r["locality_id"]] = Unit(
            r["locality_id"],
            nfc(r["name"]),
            nfc(r["unit_type"] or ""),
            r["level"],
            r["parent_id"] or None,
            _parse_date(r["valid_from"]) or date.min,
            _parse_date(r["valid_to"]) or date.max,
            r["successor_id"] or None,
            r["code"] or None,
        )
    return units


def read_generics(data_dir: Path) -> dict[str, dict[str, Any]]:
    frame = pl.read_csv(data_dir / "organisations.csv", infer_schema=False)
    out = {}
    for r in frame.iter_rows(named=True):
        if r.get("locality_id"):
            continue
        row = {k: (nfc(v) if isinstance(v, str) and v else None) for k, v in r.items()}
        row["valid_from"], row["valid_to"] = _parse_date(row["valid_from"]), _parse_date(row["valid_to"])
        out[row["org_id"]] = row
    return out


def read_themes(data_dir: Path) -> frozenset[str] | None:
    path = data_dir / "themes.yaml"
    if not path.exists():
        return None
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = doc.get("themes", doc) if isinstance(doc, dict) else doc
    return frozenset(str(t["id"]) for t in items)


def load(data_dir: Path, synthesise_below: bool = False) -> RefData:
    """Read everything; with ``synthesise_below`` and no localities_full.csv.gz, provinces without
    districts or communes get made-up ones (the national scale needs every unit)."""
    units = read_units(data_dir)
    synthetic: frozenset[str] = frozenset()
    if synthesise_below and not (data_dir / "localities_full.csv.gz").exists():
        extra = synthesise_units(units)
        synthetic = frozenset(extra)
        units |= extra
    return RefData(units, read_generics(data_dir), read_themes(data_dir), synthetic)


_NAME_PARTS = ("An", "Bình", "Hòa", "Tân", "Phú", "Đông", "Tây", "Nam", "Bắc", "Trung", "Thịnh", "Hưng", "Lạc", "Sơn")
_NAME_ENDS = ("Lập", "Phong", "Thành", "Lợi", "Tiến", "Long", "Yên", "Mỹ", "Thuận", "Hải", "Lâm", "Xuân", "Quang")
LAST_OLD_DAY = date(2025, 6, 30)


def _made_up_name(key: str) -> str:
    h = zlib.crc32(key.encode())
    return f"{_NAME_PARTS[h % len(_NAME_PARTS)]} {_NAME_ENDS[(h // 97) % len(_NAME_ENDS)]}"


def synthesise_units(units: dict[str, Unit]) -> dict[str, Unit]:
    """Invent units for provinces that have none below them: 11 districts × 15 communes while the
    province existed before the reform, and 100 communes once it exists after it."""
    out: dict[str, Unit] = {}
    has_children = {u.parent_id for u in units.values()}
    for prov in sorted(u for u in units.values() if u.level == "province"):
        if prov.valid_to < START or prov.valid_from > END or prov.locality_id in has_children:
            continue
        if prov.valid_from < REFORM_DAY:
            for i in range(11):
                d = _district(prov, i)
                out[d.locality_id] = d
                out |= {c.locality_id: c for c in (_commune(d, j, d.valid_from, d.valid_to) for j in range(15))}
        if prov.valid_to >= REFORM_DAY:
            first = max(prov.valid_from, REFORM_DAY)
            out |= {c.locality_id: c for c in (_commune(prov, j, first, prov.valid_to) for j in range(100))}
    return out


def _district(prov: Unit, i: int) -> Unit:
    name = f"Huyện {_made_up_name(prov.locality_id + str(i))}"
    lid = f"{prov.locality_id}/huyen-{i + 1:02d}"
    return Unit(
        lid, name, "huyện", "district", prov.locality_id, prov.valid_from, min(prov.valid_to, LAST_OLD_DAY), None
    )


def _commune(parent: Unit, j: int, first: date, last: date) -> Unit:
    name = f"Xã {_made_up_name(parent.locality_id + '/' + str(j))} {j + 1}"
    return Unit(f"{parent.locality_id}/xa-{j + 1:03d}", name, "xã", "commune", parent.locality_id, first, last, None)
