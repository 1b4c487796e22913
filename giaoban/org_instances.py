"""Organisations in one place: "Liên đoàn Lao động tỉnh Bắc Giang" is family ``ldld`` at ``bac-giang``.

data/organisations.csv lists each family once; the generator and the importer create per-locality
instances with these helpers so that ids ("ldld@bac-giang") and names are built one way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def instance_id(family_org_id: str, locality_id: str) -> str:
    """Id of one family's body in one place: "ldld@bac-giang"."""
    return f"{family_org_id}@{locality_id}"


_PLACE_TYPES = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")
_COMMITTEE_PREFIX = {"tỉnh": "Tỉnh", "thành phố": "Thành", "huyện": "Huyện", "quận": "Quận", "thị xã": "Thị"}
_LEVEL_OF_TYPE = {
    "tỉnh": "province",
    "thành phố": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
}
_COMMITTEES = ("tinh_uy", "huyen_uy", "dang_uy_xa")
_COMMITTEE_WORDS = (" Tỉnh ủy", " Huyện ủy", " Đảng ủy")
_LEVEL_WORDS = (" tỉnh", " huyện", " xã")


def _split_place(place: str) -> tuple[str, str]:
    """'tỉnh Bắc Giang' → ('tỉnh', 'Bắc Giang'); a bare name is taken as a province."""
    low = place.lower()
    for word in _PLACE_TYPES:
        if low.startswith(word + " "):
            return word, place[len(word) + 1 :]
    return "tỉnh", place


def _committee(place: str) -> str:
    """The Party committee of a place: "Tỉnh ủy Bắc Giang", "Thành ủy Hà Nội", "Đảng ủy xã Đồng Tâm"."""
    kind, bare = _split_place(place)
    prefix = _COMMITTEE_PREFIX.get(kind)
    return f"{prefix} ủy {bare}" if prefix else f"Đảng ủy {place}"


def _strip_suffix(name: str, suffixes: Iterable[str]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def instance_name(family_org_id: str, generic_name: str, place: str) -> str:
    """The name a family's body carries in one place ("Liên đoàn Lao động tỉnh Bắc Giang")."""
    kind, bare = _split_place(place)
    if family_org_id in _COMMITTEES:
        return _committee(place)
    if family_org_id == "doan":
        prefix = _COMMITTEE_PREFIX.get(kind)
        return f"{prefix} đoàn {bare}" if prefix else f"Đoàn Thanh niên {place}"
    base = _strip_suffix(generic_name, _COMMITTEE_WORDS)
    if base != generic_name or family_org_id == "ubkt":
        return f"{base} {_committee(place)}"
    return f"{_strip_suffix(generic_name, _LEVEL_WORDS)} {place}"


def instance_row(
    generic: Mapping[str, Any],
    locality_id: str,
    place: str,
    level: str | None = None,
    parent_locality_id: str | None = None,
) -> dict[str, Any]:
    """An organisations row for ``generic``'s body at ``locality_id``.

    ``place`` is the locality as it reads mid-sentence (LocalityRegistry.phrase: "tỉnh Bắc Giang",
    "huyện Yên Thế"). ``level`` defaults to the generic row's, else to the place's type word (pass
    it for a district-level "thành phố"). The parent is the parent family's body at
    ``parent_locality_id`` (default: the same place), so "ldld@bac-giang" hangs under
    "mttq@bac-giang" and "huyen_uy@…/huyen-yen-the" under "tinh_uy@bac-giang". Validity is the
    generic row's; callers narrow it to the locality's.
    """
    family = generic["family"] or generic["org_id"]
    kind, _ = _split_place(place)
    parent = generic.get("parent_org_id")
    return {
        "org_id": instance_id(family, locality_id),
        "name": instance_name(family, generic["name"], place),
        "short_name": generic.get("short_name"),
        "kind": generic["kind"],
        "family": family,
        "level": level or generic.get("level") or _LEVEL_OF_TYPE.get(kind, "commune"),
        "locality_id": locality_id,
        "parent_org_id": instance_id(parent, parent_locality_id or locality_id) if parent else None,
        "valid_from": generic.get("valid_from"),
        "valid_to": generic.get("valid_to"),
    }
