"""Administrative units over time, and resolving place names to them.

Ids are stable lower-case ASCII slugs (``slugify``: folded, đ→d, non-alphanumerics → "-"):
- the country is ``viet-nam``;
- a province is the slug of its short name (``bac-giang``, ``ho-chi-minh``, ``thua-thien-hue``);
  a province created by the 1/7/2025 merger gets a ``-2025`` suffix (``bac-ninh-2025``), because
  "Bắc Ninh" before and after that day are different units; the 11 unchanged provinces keep one id;
- a district or commune is its parent's id, "/", and the slug of its full name, type word included:
  ``bac-giang/huyen-yen-the/xa-dong-tam`` (pre-2025), ``bac-ninh-2025/phuong-bac-giang`` (post-2025);
  siblings whose names fold alike ("Phường Sa Pa", "Phường Sa Pả") both get "-<official code>"
  (``lao-cai/thi-xa-sa-pa/phuong-sa-pa-03001``).

Names: provinces carry the short name ("Bắc Giang", unit_type "tỉnh"); districts and communes carry
the full official name ("Huyện Yên Thế", "Phường 1"), since their bare names repeat and some are
numbers. ``phrase`` gives the form used inside a sentence ("tỉnh Bắc Giang", "huyện Yên Thế").

An old commune's successor_id is the new commune that absorbed it, or for a commune split between
several, the one the package marks as default; the district level has no successor (roll district
data up to its province). ``resolve`` prefers the coarser level, then the unit valid on the given
date (or today), and returns None rather than pick between equals.

data/localities.csv has the country, all provinces and the demo province Bắc Giang in full;
data/localities_full.csv.gz (same columns) has every district and commune, from
scripts/make_localities.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from giaoban.db import fetch
from giaoban.text import fold, match_key, nfc

COLUMNS = (
    "locality_id",
    "name",
    "unit_type",
    "level",
    "parent_id",
    "valid_from",
    "valid_to",
    "successor_id",
    "code",
)
LEVELS = ("country", "province", "district", "commune")
CSV_FILE = "localities.csv"
FULL_FILE = "localities_full.csv.gz"

# Type words a place name may start with, as match keys (abbreviations included) → unit_type.
_TYPE_WORDS = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "t p": "thành phố",
    "huyen": "huyện",
    "quan": "quận",
    "thi xa": "thị xã",
    "tx": "thị xã",
    "thi tran": "thị trấn",
    "xa": "xã",
    "phuong": "phường",
    "dac khu": "đặc khu",
}
_TYPE_RE = re.compile(r"^(" + "|".join(sorted(map(re.escape, _TYPE_WORDS), key=len, reverse=True)) + r") (.+)$")

# Other names a unit goes by (keyed by its canonical name); applied to every unit of that name.
_NAME_ALIASES = {
    "Hồ Chí Minh": ("TP HCM", "TPHCM", "HCM", "Sài Gòn", "TP.HCM"),
    "Thừa Thiên Huế": ("Huế", "Thừa Thiên - Huế", "TT Huế", "TT-Huế"),
    "Bà Rịa - Vũng Tàu": ("BR-VT", "BRVT", "Bà Rịa Vũng Tàu"),
    "Đắk Lắk": ("Đắc Lắc", "Đắk Lắc", "Daklak", "Dak Lak"),
    "Đắk Nông": ("Đắc Nông", "Daknong"),
    "Bắc Kạn": ("Bắc Cạn",),
    "Hà Nội": ("Thủ đô Hà Nội",),
}


def slugify(text: str) -> str:
    """Lower-case ASCII slug: "Huyện Yên Thế" → "huyen-yen-the"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def _key(text: str) -> str:
    return match_key(text.replace(".", " ").replace(",", " "))


def _split_type(key: str) -> tuple[str | None, str]:
    """'tinh bac giang' → ('tỉnh', 'bac giang'); a name with no type word → (None, name)."""
    m = _TYPE_RE.match(key)
    return (_TYPE_WORDS[m.group(1)], m.group(2)) if m else (None, key)


_TYPE_WORDS_VI = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã", "tp")


def _bare_lower(name: str) -> str:
    """NFC lower case without a leading type word, diacritics kept: "Phường Sa Pả" → "sa pả"."""
    low = " ".join(nfc(name).lower().replace(".", " ").split())
    for word in _TYPE_WORDS_VI:
        if low.startswith(word + " "):
            return low[len(word) + 1 :]
    return low


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass(frozen=True)
class Locality:
    locality_id: str
    name: str
    unit_type: str
    level: str
    parent_id: str | None
    valid_from: date | None
    valid_to: date | None
    successor_id: str | None
    code: str | None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def read_localities(data_dir: Path, full: bool = False) -> pl.DataFrame:
    """The localities file as strings (empty cells → null); ``full`` reads the gzipped national list."""
    path = Path(data_dir) / (FULL_FILE if full else CSV_FILE)
    return pl.read_csv(path, infer_schema=False)


class LocalityRegistry:
    """Lookup of units by id and by name, aware of validity dates and successors."""

    def __init__(self, frame: pl.DataFrame):
        self._units: dict[str, Locality] = {}
        self._children: dict[str, list[str]] = defaultdict(list)
        self._by_name: dict[str, set[str]] = defaultdict(set)
        for rec in frame.select(COLUMNS).iter_rows(named=True):
            unit = Locality(
                **{c: (rec[c] or None) for c in COLUMNS if c not in ("valid_from", "valid_to")},
                valid_from=_date(rec["valid_from"]),
                valid_to=_date(rec["valid_to"]),
            )
            self._units[unit.locality_id] = unit
            if unit.parent_id:
                self._children[unit.parent_id].append(unit.locality_id)
            self._index(unit)

    def _index(self, unit: Locality) -> None:
        names = [unit.name, *_NAME_ALIASES.get(unit.name, ())]
        for name in names:
            self._by_name[_split_type(_key(name))[1]].add(unit.locality_id)

    @classmethod
    def from_data_dir(cls, path: Path, full: bool = False) -> LocalityRegistry:
        return cls(read_localities(path, full))

    @classmethod
    def from_db(cls, con: duckdb.DuckDBPyConnection) -> LocalityRegistry:
        frame = fetch(con, "SELECT * FROM localities")
        return cls(frame.with_columns(pl.col("valid_from", "valid_to").cast(pl.Utf8)))

    def __contains__(self, locality_id: object) -> bool:
        return locality_id in self._units

    def __len__(self) -> int:
        return len(self._units)

    def get(self, locality_id: str) -> Locality:
        return self._units[locality_id]

    def name(self, locality_id: str) -> str:
        return self._units[locality_id].name

    def phrase(self, locality_id: str) -> str:
        """The name as it reads mid-sentence: "tỉnh Bắc Giang", "thành phố Hà Nội", "xã Đồng Tâm"."""
        unit = self._units[locality_id]
        if unit.level == "province":
            return f"{unit.unit_type} {unit.name}"
        if unit.level == "country":
            return unit.name
        return unit.name[0].lower() + unit.name[1:]

    def units(self, level: str | None = None, on_date: date | None = None) -> list[str]:
        """Ids of units at a level, valid on a date if one is given, sorted."""
        return sorted(
            u.locality_id
            for u in self._units.values()
            if (level is None or u.level == level) and (on_date is None or u.valid_on(on_date))
        )

    def children(self, locality_id: str, on_date: date | None = None) -> list[str]:
        kids = self._children.get(locality_id, [])
        return sorted(k for k in kids if on_date is None or self._units[k].valid_on(on_date))

    def province_of(self, locality_id: str) -> str | None:
        """The province a unit belonged to as recorded (itself for a province; None for the country)."""
        unit = self._units.get(locality_id)
        for _ in range(6):
            if unit is None or unit.level == "country":
                return None
            if unit.level == "province":
                return unit.locality_id
            unit = self._units.get(unit.parent_id or "")
        return None

    def current(self, locality_id: str) -> str:
        """Follow successor links to the unit that holds this one today (itself if none)."""
        seen = {locality_id}
        while (succ := self._units[locality_id].successor_id) and succ in self._units and succ not in seen:
            locality_id = succ
            seen.add(succ)
        return locality_id

    def current_province(self, locality_id: str) -> str | None:
        """Today's province for a unit: its recorded province, mapped through mergers."""
        province = self.province_of(locality_id)
        return self.current(province) if province else None

    def resolve(
        self, name: str, level: str | None = None, on_date: date | None = None, within: str | None = None
    ) -> str | None:
        """Id of the unit a place name means, or None when unknown or ambiguous.

        A type word ("tỉnh", "TP.", "huyện", "xã" …) restricts the unit type. Among several
        candidates the coarser level wins (so "Bắc Giang" is the province, not the city); then,
        without ``on_date``, the unit valid today. Units of one level in different places (many
        communes share a name) tie, and a tie gives None unless ``within`` (an ancestor id) settles it.
        """
        key = _key(name)
        unit_type, bare = _split_type(key)
        cands = self._candidates(bare, unit_type, level, on_date, within)
        if not cands and unit_type:  # "Xá Lượng" starts with what looks like a type word
            cands = self._candidates(key, None, level, on_date, within)
        if not cands:
            return None
        cands = self._prefer_exact_spelling(name, cands)
        cands.sort(
            key=lambda u: (LEVELS.index(u.level), u.valid_to is not None, -(u.valid_from or date.min).toordinal())
        )
        best = cands[0]
        rivals = [u for u in cands[1:] if u.level == best.level and self._same_slot(u, best)]
        return best.locality_id if not rivals else None

    @staticmethod
    def _prefer_exact_spelling(name: str, cands: list[Locality]) -> list[Locality]:
        """Folding makes "Sa Pa" and "Sa Pả" one key; if the query's own spelling picks some, keep those."""
        wanted = _bare_lower(name)
        exact = [u for u in cands if _bare_lower(u.name) == wanted]
        return exact or cands

    def _candidates(
        self, bare: str, unit_type: str | None, level: str | None, on_date: date | None, within: str | None
    ) -> list[Locality]:
        units = (self._units[i] for i in self._by_name.get(bare, ()))
        return [u for u in units if self._fits(u, unit_type, level, on_date, within)]

    def _fits(
        self, u: Locality, unit_type: str | None, level: str | None, on_date: date | None, within: str | None
    ) -> bool:
        if unit_type and u.unit_type != unit_type:
            return False
        if level and u.level != level:
            return False
        if on_date and not u.valid_on(on_date):
            return False
        return within is None or self._is_under(u.locality_id, within)

    def _is_under(self, locality_id: str, ancestor: str) -> bool:
        unit = self._units.get(locality_id)
        for _ in range(6):
            if unit is None:
                return False
            if unit.locality_id == ancestor:
                return True
            unit = self._units.get(unit.parent_id or "")
        return False

    @staticmethod
    def _same_slot(a: Locality, b: Locality) -> bool:
        """Two candidates tie when neither is preferred by currency or recency."""
        return (a.valid_to is None) == (b.valid_to is None) and a.valid_from == b.valid_from
