"""Resolving organisation and locality cells to ids, against the database and the files being imported.

An organisation cell may hold an org_id, a canonical name, a short name or an alias. The database's
organisations are resolved by ``giaoban.orgs.OrgRegistry`` (built from the database, so orgs an
earlier import added are known); organisations and aliases in this batch of files are indexed here
by their match key, so a recommendations file may name an organisation its sibling file adds.

Instance rule (data/organisations.csv holds one *generic* organisation per family, like ``ldld``;
a body in one place is the instance ``ldld@<locality_id>``): on a row linked to a meeting that has
a locality, a generic organisation becomes its instance in that place — in the meeting's locality,
or the ancestor at the organisation's own level (``ubnd_tinh`` at a commune meeting is the
province's). A missing instance is created with ``orgs.instance_row`` (its parent instance too) and
written with the rows that use it. A cell may also name an instance outright (``ldld@dien-bien``).
"Generic" means: org_id equals family, no locality, level not "country" — for stored organisations
and for those an import adds alike, so importing the same file again resolves the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from giaoban.localities import LocalityRegistry
from giaoban.orgs import OrgRegistry, instance_id, instance_row
from giaoban.text import match_key


@dataclass(frozen=True)
class OrgFacts:
    family: str | None
    locality_id: str | None
    label: str | None  # the import file that adds it; None for the database's
    level: str | None = None


def _later(a: object, b: object) -> object:
    return max((x for x in (a, b) if x), default=None, key=str)


def _earlier(a: object, b: object) -> object:
    return min((x for x in (a, b) if x), default=None, key=str)


class OrgIndex:
    """Organisations this import can name: the database's, the batch's, and instances it creates."""

    def __init__(self, registry: OrgRegistry | None, localities: LocalityRegistry | None, db_orgs: dict[str, OrgFacts]):
        self.registry = registry
        self.localities = localities
        self.facts: dict[str, OrgFacts] = dict(db_orgs)
        self.created: dict[str, dict[str, Any]] = {}  # instance rows this import would add
        self._batch_rows: dict[str, dict[str, Any]] = {}
        self._batch_names: dict[str, str] = {}

    def add(self, org_id: str, names: list[str | None], facts: OrgFacts, row: dict[str, Any]) -> None:
        """Make an organisation from the batch known by its id and name (aliases come from ``add_alias``).

        Short names are not names here because the registry does not resolve them once stored, and
        a file must resolve the same way whether its sibling files come with it or were loaded before.
        """
        if org_id not in self.facts:
            self.facts[org_id] = facts
            self._batch_rows[org_id] = row
        for name in [org_id, *names]:
            if name:
                self._batch_names.setdefault(match_key(name), org_id)

    def add_alias(self, alias: str, org_id: str) -> None:
        self._batch_names.setdefault(match_key(alias), org_id)

    def resolve(self, text: str, on_date: date | None = None, level: str | None = None) -> str | None:
        """Exact id (or ``family@locality``), then the batch's names, then the database's names and aliases."""
        value = text.strip()
        if value in self.facts:
            return value
        family, sep, place = value.partition("@")
        if sep and self._generic(family) and self.localities and place in self.localities:
            return self.localise(family, place)
        if match_key(value) in self._batch_names:
            return self._batch_names[match_key(value)]
        if self.registry is None:
            return None
        reg_level = level if level in ("province", "district", "commune") else None
        return self.registry.resolve(value, on_date=on_date, level=reg_level)

    def _generic(self, org_id: str) -> bool:
        facts = self.facts.get(org_id)
        return (
            facts is not None
            and facts.locality_id is None
            and (facts.family or org_id) == org_id
            and facts.level != "country"
        )

    def _place(self, level: str | None, locality_id: str) -> str | None:
        """The locality itself, or its ancestor at ``level``; None when there is none."""
        assert self.localities is not None
        unit = self.localities.get(locality_id)
        for _ in range(6):
            if level in (None, "", unit.level):
                return unit.locality_id if unit.level != "country" else None
            if not unit.parent_id or unit.parent_id not in self.localities:
                return None
            unit = self.localities.get(unit.parent_id)
        return None

    def localise(self, org_id: str, locality_id: str | None) -> str:
        """The instance rule (module docstring); other organisations come back unchanged."""
        if (
            not locality_id
            or not self._generic(org_id)
            or self.localities is None
            or locality_id not in self.localities
        ):
            return org_id
        facts = self.facts[org_id]
        place = self._place(facts.level, locality_id)
        if place is None:
            return org_id
        inst = instance_id(org_id, place)
        if inst not in self.facts:
            self._create(org_id, place, inst)
        return inst if inst in self.facts else org_id

    def _create(self, org_id: str, place: str, inst: str) -> None:
        assert self.localities is not None
        generic = self._batch_rows.get(org_id) or (self.registry.get(org_id) if self.registry else None)
        if generic is None:
            return
        unit = self.localities.get(place)
        row = instance_row(generic, place, self.localities.phrase(place), level=unit.level)
        row["valid_from"] = _later(generic.get("valid_from"), unit.valid_from)  # narrowed to the locality's life
        row["valid_to"] = _earlier(generic.get("valid_to"), unit.valid_to)
        self.facts[inst] = OrgFacts(row["family"], place, self.facts[org_id].label, row["level"])
        parent = generic.get("parent_org_id")
        row["parent_org_id"] = self.localise(parent, place) if parent else None
        self.created[inst] = row

    def provider(self, org_id: str) -> str | None:
        """The file that adds this organisation, or None when it is stored (or created here)."""
        facts = self.facts.get(org_id)
        return facts.label if facts else None

    def needed(self, org_ids: set[str]) -> list[dict[str, Any]]:
        """Created instance rows that ``org_ids`` use, parents first."""
        out: dict[str, dict[str, Any]] = {}

        def visit(org_id: str | None) -> None:
            if org_id in self.created and org_id not in out:
                visit(self.created[org_id]["parent_org_id"])
                out[org_id] = self.created[org_id]

        for org_id in sorted(org_ids):
            visit(org_id)
        return list(out.values())


class LocalityIndex:
    """Locality ids from the database, and names resolved by ``giaoban.localities.LocalityRegistry``."""

    def __init__(self, registry: LocalityRegistry | None, ids: set[str]):
        self.registry = registry
        self.ids = ids

    def resolve(self, text: str, level: str | None = None, on_date: date | None = None) -> str | None:
        value = text.strip()
        if value in self.ids:
            return value
        if self.registry is None:
            return None
        reg_level = level if level in ("province", "district", "commune") else None
        found = self.registry.resolve(value, level=reg_level, on_date=on_date)
        if found is None and reg_level:
            found = self.registry.resolve(value, on_date=on_date)
        return found
