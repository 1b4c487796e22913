"""Regenerate data/localities.csv and data/localities_full.csv.gz from the vietnamadminunits package.

Source: PyPI ``vietnamadminunits`` 1.0.4 (pinned in requirements.txt), its ``data/dataset.db``
(table ``admin_units_legacy``: 63 provinces, 696 districts and 10,035 communes as they stood until
30/6/2025; table ``admin_units``: 34 provinces and 3,321 communes from 1/7/2025) and
``data/converter_2025.json`` (old commune → new commune, the same data ``underthesea.address`` is
built from). Added by hand: the country row, Hà Tây (merged into Hà Nội on 1/8/2008) and Thừa Thiên
Huế (became Thành phố Huế on 1/1/2025). The package does not date earlier district and commune
mergers, so pre-2025 units have an empty valid_from.

Output is deterministic (rows sorted by locality_id, gzip without a timestamp), so re-running on
the same package version gives byte-identical files. ``data/localities.csv`` holds the country,
every province (old and new) and the demo province Bắc Giang in full (districts, communes and the
new Bắc Ninh communes that cover it); ``data/localities_full.csv.gz`` holds every unit.

Usage: .venv/bin/python scripts/make_localities.py [--out-dir data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from giaoban.localities import COLUMNS, slugify  # noqa: E402
from giaoban.text import nfc  # noqa: E402

REFORM_END = "2025-06-30"
REFORM_START = "2025-07-01"
COUNTRY = "viet-nam"
DEMO_OLD_PROVINCE = "bac-giang"

# Canonical capitalisation of unit types (the package has "Thị Xã", "Thành Phố" in places).
UNIT_TYPES = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")


def package_dir() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent


def unit_type(raw: str) -> str:
    low = nfc(raw).strip().lower()
    if low not in UNIT_TYPES:
        raise ValueError(f"unknown unit type {raw!r}")
    return low


def full_name(raw_name: str, kind: str) -> str:
    """'Thị Xã Việt Yên' → 'Thị xã Việt Yên': the type word in canonical case, the rest as given."""
    name = nfc(raw_name).strip()
    if name.lower().startswith(kind + " "):
        name = name[len(kind) + 1 :]
    return f"{kind[0].upper()}{kind[1:]} {name}"


def child_ids(units: list[tuple[str, str, str]]) -> dict[str, str]:
    """(parent id, full name, code) → "parent/slug", keyed by code.

    Siblings whose names fold alike ("Phường Sa Pa", "Phường Sa Pả") all get "-<code>" appended,
    so ids stay unique and do not depend on row order.
    """
    ids = {code: f"{parent}/{slugify(name)}" for parent, name, code in units}
    counts: dict[str, int] = {}
    for cid in ids.values():
        counts[cid] = counts.get(cid, 0) + 1
    return {code: cid if counts[cid] == 1 else f"{cid}-{code}" for code, cid in ids.items()}


def row(locality_id: str, name: str, kind: str, level: str, parent: str, **extra: str) -> dict[str, str]:
    out = dict.fromkeys(COLUMNS, "")
    out.update(locality_id=locality_id, name=name, unit_type=kind, level=level, parent_id=parent, **extra)
    return out


def read_tables(db: Path) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        legacy = con.execute("SELECT DISTINCT * FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode")
        legacy_rows = legacy.fetchall()
        new = con.execute("SELECT DISTINCT * FROM admin_units ORDER BY provinceCode, wardCode").fetchall()
    return legacy_rows, new


def province_ids(converter: dict, legacy: list, new: list) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Ids for old and new provinces, and old key → new id. Unchanged provinces keep one id."""
    short_old = {r["provinceKey"]: r["provinceShort"] for r in legacy}
    short_new = {r["provinceKey"]: r["provinceShort"] for r in new}
    old_ids = {k: slugify(v) for k, v in short_old.items()}
    new_ids, successor = {}, {}
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        merged = sorted(old_keys) != [new_key]
        new_ids[new_key] = slugify(short_new[new_key]) + ("-2025" if merged else "")
        for old in old_keys:
            successor[old] = new_ids[new_key]
    return old_ids, new_ids, successor


def province_rows(legacy: list, new: list, old_ids: dict, new_ids: dict, successor: dict) -> list[dict]:
    rows = {COUNTRY: row(COUNTRY, "Việt Nam", "quốc gia", "country", "")}
    for r in legacy:
        pid = old_ids[r["provinceKey"]]
        merged = successor[r["provinceKey"]] != pid
        rows[pid] = row(
            pid,
            nfc(r["provinceShort"]),
            "tỉnh" if r["province"].startswith("Tỉnh") else "thành phố",
            "province",
            COUNTRY,
            valid_to=REFORM_END if merged else "",
            successor_id=successor[r["provinceKey"]] if merged else "",
            code=r["provinceCode"],
        )
    for r in new:
        pid = new_ids[r["provinceKey"]]
        if pid not in rows:
            kind = "tỉnh" if r["province"].startswith("Tỉnh") else "thành phố"
            rows[pid] = row(pid, nfc(r["provinceShort"]), kind, "province", COUNTRY, valid_from=REFORM_START)
            rows[pid]["code"] = r["provinceCode"]
    rows["hue"]["valid_from"] = "2025-01-01"
    rows["thua-thien-hue"] = row(
        "thua-thien-hue", "Thừa Thiên Huế", "tỉnh", "province", COUNTRY, valid_to="2024-12-31", successor_id="hue"
    )
    rows["thua-thien-hue"]["code"] = "46"
    rows["ha-tay"] = row("ha-tay", "Hà Tây", "tỉnh", "province", COUNTRY, valid_to="2008-07-31", successor_id="ha-noi")
    return list(rows.values())


def new_commune_rows(new: list, new_ids: dict) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Communes from 1/7/2025, and (package province key, package ward key) → id for the converter."""
    names = {r["wardCode"]: full_name(r["ward"], unit_type(r["wardType"])) for r in new}
    ids = child_ids([(new_ids[r["provinceKey"]], names[r["wardCode"]], r["wardCode"]) for r in new])
    rows, index = [], {}
    for r in new:
        cid, kind = ids[r["wardCode"]], unit_type(r["wardType"])
        parent = new_ids[r["provinceKey"]]
        rows.append(row(cid, names[r["wardCode"]], kind, "commune", parent, valid_from=REFORM_START))
        rows[-1]["code"] = r["wardCode"]
        index[(r["provinceKey"], r["wardKey"])] = cid
    return rows, index


def old_to_new(converter: dict, index: dict) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Old 'prov_district_ward' key → its successor commune id, and → every new commune it feeds."""
    successor: dict[str, str] = {}
    feeds: dict[str, set[str]] = {}
    for prov, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_key, old_keys in wards.items():
            for old in old_keys:
                successor[old] = index[(prov, new_key)]
                feeds.setdefault(old, set()).add(successor[old])
    for prov, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in olds.items():
            ids = [index[(prov, t["newWardKey"])] for t in targets]
            default = [i for i, t in zip(ids, targets, strict=True) if t["isDefaultNewWard"]]
            successor[old] = default[0] if default else ids[0]
            feeds.setdefault(old, set()).update(ids)
    return successor, feeds


def old_unit_rows(legacy: list, old_ids: dict, successor: dict) -> list[dict]:
    """Districts and communes as they stood until 30/6/2025; communes point to their successor."""
    dnames = {r["districtCode"]: full_name(r["district"], unit_type(r["districtType"])) for r in legacy}
    dparent = {r["districtCode"]: old_ids[r["provinceKey"]] for r in legacy}
    dids = child_ids([(dparent[code], name, code) for code, name in dnames.items()])
    wards = [r for r in legacy if r["ward"]]
    wnames = {r["wardCode"]: full_name(r["ward"], unit_type(r["wardType"])) for r in wards}
    wids = child_ids([(dids[r["districtCode"]], wnames[r["wardCode"]], r["wardCode"]) for r in wards])
    first_row = {r["districtCode"]: r for r in reversed(legacy)}
    rows = []
    for code, name in dnames.items():
        first = first_row[code]
        dist_key = f"{first['provinceKey']}_{first['districtKey']}_"
        kind = unit_type(first["districtType"])
        rows.append(row(dids[code], name, kind, "district", dparent[code], valid_to=REFORM_END))
        rows[-1].update(code=code, successor_id=successor.get(dist_key, ""))
    for r in wards:
        old_key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
        kind = unit_type(r["wardType"])
        rows.append(row(wids[r["wardCode"]], wnames[r["wardCode"]], kind, "commune", dids[r["districtCode"]]))
        rows[-1].update(valid_to=REFORM_END, code=r["wardCode"], successor_id=successor.get(old_key, ""))
    return rows


def build(pkg: Path) -> tuple[list[dict], list[dict]]:
    """Every unit, and the demo subset for data/localities.csv."""
    converter = json.loads((pkg / "data/converter_2025.json").read_text(encoding="utf-8"))
    legacy, new = read_tables(pkg / "data/dataset.db")
    old_ids, new_ids, prov_successor = province_ids(converter, legacy, new)
    provinces = province_rows(legacy, new, old_ids, new_ids, prov_successor)
    communes_new, index = new_commune_rows(new, new_ids)
    successor, feeds = old_to_new(converter, index)
    old_units = old_unit_rows(legacy, old_ids, successor)
    demo_prefix = DEMO_OLD_PROVINCE + "/"
    demo_keys = {k for k in feeds if k.startswith("tinhbacgiang_")}
    covering = set().union(*(feeds[k] for k in demo_keys))
    full = sorted(provinces + old_units + communes_new, key=lambda r: r["locality_id"])
    demo = [
        r
        for r in full
        if r["level"] in ("country", "province")
        or r["locality_id"].startswith(demo_prefix)
        or r["locality_id"] in covering
    ]
    return full, demo


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    full, demo = build(package_dir())
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "localities.csv").write_text(to_csv(demo), encoding="utf-8")
    full_path = args.out_dir / "localities_full.csv.gz"
    with open(full_path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(to_csv(full).encode("utf-8"))
    orphans = sum(1 for r in full if r["level"] == "commune" and r["valid_to"] and not r["successor_id"])
    print(
        f"localities.csv: {len(demo)} rows; {full_path.name}: {len(full)} rows; communes without successor: {orphans}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
