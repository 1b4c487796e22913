"""Organisation mentions in a report: single bodies and collective phrases, with spans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from giaoban.orgs import OrgRegistry

# Kinds that raise recommendations at a giao ban (the host's side issues directives instead).
RAISING_KINDS = {"front", "socio_political", "mass_association"}


@dataclass(frozen=True)
class Mention:
    org_ids: tuple[str, ...]  # one id, or the members of a collective phrase
    start: int
    end: int
    text: str

    @property
    def collective(self) -> bool:
        return len(self.org_ids) > 1


def find_mentions(reg: OrgRegistry, text: str, on_date: date | None = None) -> list[Mention]:
    """Collective phrases win over the single names inside them ("MTTQ và các đoàn thể")."""
    collectives = [Mention(tuple(ids), s, e, m) for ids, s, e, m in reg.find_collectives(text)]
    singles = [
        Mention((org_id,), s, e, m)
        for org_id, s, e, m in reg.find_all(text, on_date=on_date)
        if not any(c.start <= s < c.end for c in collectives)
    ]
    return sorted(collectives + singles, key=lambda m: m.start)


def raises(reg: OrgRegistry, mention: Mention) -> bool:
    """Whether this mention can be the one raising a recommendation."""
    return all(reg.get(i).get("kind") in RAISING_KINDS for i in mention.org_ids if i in reg)
