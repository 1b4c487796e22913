"""Organisation registry: canonical organisations, their aliases, and finding them in text.

data/organisations.csv holds *generic* organisations, one per family (``mttq``, ``ldld``, ``doan``,
``tinh_uy``, ``ubnd_tinh`` …; org_id == family, locality_id empty). A body in one place is an
*instance* with id ``"<family>@<locality_id>"`` built by ``instance_id`` / ``instance_row``; the
generator and importer write those rows, so the CSV never lists provinces one by one.

data/org_aliases.csv maps names as written ("LĐLĐ tỉnh", "Tỉnh Đoàn", "HÐND tỉnh") to org_ids; an
alias may carry validity dates and may name several organisations ("Thành ủy" is the province's
committee in a centrally-run city but was a district's before 1/7/2025), which ``resolve`` settles
by date or level or else refuses to guess. ``SUCCESSORS`` records reorganisations (Ban Dân vận →
Ban Tuyên giáo và Dân vận on 1/3/2025): an alias used after its organisation ended resolves to the
successor on that date. The five socio-political organisations list ``mttq`` as parent: the
"trực thuộc MTTQ" link of Luật 97/2025/QH15, in law from ``CTXH_UNDER_FRONT_FROM``.

Matching works on tokens: words folded (no diacritics, đ→d) and lower-cased, punctuation ignored,
so "Hội LHPN tỉnh", "hội lhpn  tỉnh" and "HỘI LHPN TỈNH" are one key. Tokens written in capitals in
an alias ("LHPN", "MTTQ", "CCB") must be capitals in the text too, which keeps acronyms from
matching ordinary words. ``find_all`` scans a whole report with a token trie (leftmost, longest).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from giaoban.db import fetch
from giaoban.org_instances import instance_id, instance_name, instance_row  # noqa: F401  (re-exported)
from giaoban.phrases import PhraseMatch, PhraseMatcher, Token, token_key, tokenize  # noqa: F401

ORG_COLUMNS = (
    "org_id",
    "name",
    "short_name",
    "kind",
    "family",
    "level",
    "locality_id",
    "parent_org_id",
    "valid_from",
    "valid_to",
)
ALIAS_COLUMNS = ("alias", "org_id", "valid_from", "valid_to")
KINDS = ("front", "socio_political", "mass_association", "party_body", "government", "other")
ORG_FILE = "organisations.csv"
ALIAS_FILE = "org_aliases.csv"

FRONT = "mttq"
CTXH = ("ldld", "doan", "hlhpn", "hnd", "ccb")
FRONT_AND_CTXH = (FRONT, *CTXH)
MASS_ASSOCIATIONS = (
    "assoc_chu_thap_do",
    "assoc_nguoi_cao_tuoi",
    "assoc_khuyen_hoc",
    "assoc_luat_gia",
    "assoc_nha_bao",
    "assoc_vhnt",
    "assoc_khkt",
    "assoc_dong_y",
    "assoc_nguoi_mu",
    "assoc_da_cam",
    "assoc_cuu_tnxp",
    "assoc_bao_tro_nkt",
)
CTXH_UNDER_FRONT_FROM = date(2025, 7, 1)

# Organisation → the one that took over its work (NĐ 45/2025/NĐ-CP and the 2025 Party reorganisation).
SUCCESSORS = {
    "ban_dan_van": "ban_tuyen_giao_dan_van",
    "ban_tuyen_giao": "ban_tuyen_giao_dan_van",
    "so_ldtbxh": "so_noi_vu",
    "so_nn_ptnt": "so_nn_mt",
    "so_tn_mt": "so_nn_mt",
    "so_ke_hoach_dau_tu": "so_tai_chinh",
    "so_gtvt": "so_xay_dung",
    "so_tttt": "so_khcn",
    "ban_dan_toc": "so_dan_toc_ton_giao",
}

# Phrases that name a group of organisations, not one ("MTTQ và các đoàn thể").
_FRONT_GROUP = (
    "Mặt trận và các đoàn thể",
    "Mặt trận và đoàn thể",
    "Mặt trận, đoàn thể",
    "Mặt trận, các đoàn thể",
    "khối Mặt trận, đoàn thể",
    "khối Mặt trận và các đoàn thể",
    "khối Mặt trận và đoàn thể",
    "MTTQ và các đoàn thể",
    "MTTQ và đoàn thể",
    "MTTQ, các đoàn thể",
    "MTTQ, đoàn thể",
    "MTTQ và các đoàn thể chính trị - xã hội",
    "MTTQ và các đoàn thể CT-XH",
    "MTTQ và các tổ chức chính trị - xã hội",
    "MTTQ và các tổ chức CT-XH",
    "MTTQ và các tổ chức chính trị xã hội",
    "Ủy ban MTTQ và các tổ chức chính trị - xã hội",
    "Ủy ban MTTQ và các đoàn thể",
    "Mặt trận Tổ quốc và các đoàn thể",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
    "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
)
_CTXH_GROUP = (
    "các đoàn thể",
    "các đoàn thể chính trị - xã hội",
    "các đoàn thể CT-XH",
    "các tổ chức chính trị - xã hội",
    "các tổ chức CT-XH",
    "đoàn thể chính trị - xã hội",
    "tổ chức chính trị - xã hội",
    "năm tổ chức chính trị - xã hội",
    "5 tổ chức chính trị - xã hội",
    "các đoàn thể nhân dân",
)
_MASS_GROUP = (
    "các hội quần chúng",
    "hội quần chúng",
    "các hội đặc thù",
    "các hội quần chúng do Đảng, Nhà nước giao nhiệm vụ",
)
_ALL_GROUP = (
    "MTTQ, các đoàn thể và hội quần chúng",
    "MTTQ, các đoàn thể và các hội quần chúng",
    "Mặt trận, đoàn thể và các hội quần chúng",
    "MTTQ, các tổ chức chính trị - xã hội và các hội quần chúng",
)
COLLECTIVES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_FRONT_GROUP, FRONT_AND_CTXH),
    **dict.fromkeys(_CTXH_GROUP, CTXH),
    **dict.fromkeys(_MASS_GROUP, MASS_ASSOCIATIONS),
    **dict.fromkeys(_ALL_GROUP, FRONT_AND_CTXH + MASS_ASSOCIATIONS),
}


# ---------------------------------------------------------------- the registry


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _valid(on: date | None, start: date | None, end: date | None) -> bool:
    return on is None or ((start is None or start <= on) and (end is None or on <= end))


@dataclass(frozen=True)
class AliasEntry:
    org_id: str
    valid_from: date | None
    valid_to: date | None


# Words after an organisation's name that say where it is ("Hội Nông dân tỉnh Bắc Giang").
_PLACE_WORDS = {"tinh", "huyen", "xa", "phuong", "thanh", "thi", "quan", "tp", "tx", "dac", "cap", "cac"}


class OrgRegistry:
    """Canonical organisations and their aliases, resolvable by name or found in text."""

    def __init__(self, organisations: pl.DataFrame, aliases: pl.DataFrame):
        self._orgs: dict[str, dict[str, Any]] = {r["org_id"]: r for r in organisations.iter_rows(named=True)}
        self._exact: dict[str, list[AliasEntry]] = {}
        self._matcher = PhraseMatcher()
        for rec in aliases.iter_rows(named=True):
            entry = AliasEntry(rec["org_id"], _date(rec["valid_from"]), _date(rec["valid_to"]))
            self._exact.setdefault(token_key(rec["alias"]), []).append(entry)
            self._matcher.add(rec["alias"], entry)
        for org in self._orgs.values():  # the canonical name is always an alias, valid while the org is
            entry = AliasEntry(org["org_id"], _date(org.get("valid_from")), _date(org.get("valid_to")))
            self._exact.setdefault(token_key(org["name"]), []).append(entry)
        self._long_keys = sorted(k for k in self._exact if len(k) >= 12)
        self._collectives = PhraseMatcher()
        for phrase, members in COLLECTIVES.items():
            self._collectives.add(phrase, members)

    @classmethod
    def from_data_dir(cls, path: Path) -> OrgRegistry:
        orgs = pl.read_csv(Path(path) / ORG_FILE, infer_schema=False)
        aliases = pl.read_csv(Path(path) / ALIAS_FILE, infer_schema=False)
        return cls(orgs, aliases)

    @classmethod
    def from_db(cls, con: duckdb.DuckDBPyConnection) -> OrgRegistry:
        return cls(fetch(con, "SELECT * FROM organisations"), fetch(con, "SELECT * FROM org_aliases"))

    def __contains__(self, org_id: object) -> bool:
        return org_id in self._orgs

    def ids(self) -> list[str]:
        return sorted(self._orgs)

    def get(self, org_id: str) -> dict[str, Any]:
        return dict(self._orgs[org_id])

    def name(self, org_id: str) -> str:
        return self._orgs[org_id]["name"]

    def short_name(self, org_id: str) -> str:
        org = self._orgs[org_id]
        return org.get("short_name") or org["name"]

    def instance_row(
        self,
        family_org_id: str,
        locality_id: str,
        place: str,
        level: str | None = None,
        parent_locality_id: str | None = None,
    ) -> dict[str, Any]:
        """``instance_row`` for a family; a parent at another level ("huyen_uy" under "tinh_uy")
        with no ``parent_locality_id`` is left empty rather than placed in the wrong locality."""
        row = instance_row(self._orgs[family_org_id], locality_id, place, level, parent_locality_id)
        parent = self._orgs.get(self._orgs[family_org_id].get("parent_org_id") or "")
        if parent and parent.get("level") and parent["level"] != row["level"] and parent_locality_id is None:
            row["parent_org_id"] = None
        return row

    def current(self, org_id: str, on_date: date | None = None) -> str:
        """Follow SUCCESSORS from an organisation that had ended by ``on_date`` (or by today)."""
        seen = {org_id}
        while org_id in SUCCESSORS and not self._org_valid(org_id, on_date or date.today()):
            org_id = SUCCESSORS[org_id]
            if org_id in seen:
                break
            seen.add(org_id)
        return org_id

    def _org_valid(self, org_id: str, on: date | None) -> bool:
        org = self._orgs.get(org_id)
        return org is not None and _valid(on, _date(org.get("valid_from")), _date(org.get("valid_to")))

    # -- resolving one name

    def resolve(self, text: str, on_date: date | None = None, level: str | None = None) -> str | None:
        """The org_id a name means, or None when it is unknown or ambiguous.

        Tries, in order: the exact alias; the longest alias followed by a place ("Hội Nông dân tỉnh
        Bắc Giang", "Tỉnh đoàn Bắc Giang"); a close spelling of a long name (difflib ratio ≥ 0.9,
        clearly ahead of any other organisation). Never a short fuzzy guess.
        """
        key = token_key(text)
        if not key:
            return None
        if key in self._exact:
            return self._choose(self._exact[key], on_date, level)
        found = self._resolve_with_place(text, on_date, level)
        return found if found is not None else self._resolve_fuzzy(key, on_date, level)

    def _choose(self, entries: list[AliasEntry], on_date: date | None, level: str | None) -> str | None:
        ids = {e.org_id for e in entries if _valid(on_date, e.valid_from, e.valid_to)}
        if on_date is not None:
            ids = {self.current(i, on_date) for i in ids}
            ids = {i for i in ids if self._org_valid(i, on_date)} or ids
        if level is not None and len(ids) > 1:
            ids = {i for i in ids if self._orgs.get(i, {}).get("level") in (level, None, "")}
        return next(iter(ids)) if len(ids) == 1 else None

    def _resolve_with_place(self, text: str, on_date: date | None, level: str | None) -> str | None:
        toks = tokenize(text)
        for n in range(len(toks) - 1, 0, -1):
            prefix, tail = toks[:n], toks[n:]
            key = " ".join(t.key for t in prefix)
            if key in self._exact and self._looks_like_place(text, tail, len(prefix)):
                return self._choose(self._exact[key], on_date, level)
        return None

    @staticmethod
    def _looks_like_place(text: str, tail: list[Token], prefix_len: int) -> bool:
        """A tail names a place: it starts with a place word or is capitalised ("Bắc Giang")."""
        if len(tail) > 6:
            return False
        if tail[0].key in _PLACE_WORDS:
            return True
        return prefix_len >= 2 and all(text[t.start].isupper() or text[t.start].isdigit() for t in tail)

    def _resolve_fuzzy(self, key: str, on_date: date | None, level: str | None) -> str | None:
        if len(key) < 15:
            return None
        close = difflib.get_close_matches(key, self._long_keys, n=5, cutoff=0.9)
        if not close:
            return None
        scores = {c: difflib.SequenceMatcher(None, key, c).ratio() for c in close}
        best = max(close, key=scores.__getitem__)
        best_org = self._choose(self._exact[best], on_date, level)
        rivals = [
            c for c in close if scores[c] > scores[best] - 0.03 and self._choose(self._exact[c], None, None) != best_org
        ]
        return best_org if not rivals else None

    # -- scanning text

    def find_all(
        self, text: str, on_date: date | None = None, level: str | None = None
    ) -> list[tuple[str, int, int, str]]:
        """Every organisation mention in ``text``: (org_id, start, end, matched), spans in ``text``.

        Leftmost-longest: "Ban Thường vụ Tỉnh ủy" is one mention of btv_tinh_uy, not also tinh_uy.
        Mentions whose alias names several organisations that date and level cannot separate are
        left out rather than guessed.
        """
        out = []
        for m in self._matcher.find(text):
            org_id = self._choose(list(m.payloads), on_date, level)
            if org_id is not None:
                out.append((org_id, m.start, m.end, m.matched))
        return out

    def find_collectives(self, text: str) -> list[tuple[tuple[str, ...], int, int, str]]:
        """Group phrases in ``text``: (member org_ids, start, end, matched)."""
        return [(m.payloads[0], m.start, m.end, m.matched) for m in self._collectives.find(text)]

    def expand_collective(self, text: str) -> list[str]:
        """Members named by a group phrase in ``text`` ("MTTQ và các đoàn thể tỉnh" → mttq + the
        five CT-XH organisations); [] when the text holds no group phrase."""
        found = self.find_collectives(text)
        return list(found[0][0]) if found else []
