"""Organisation mentions in a report: single bodies and collective phrases, with spans."""

from __future__ import annotations

import re
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
    return _merge_joined(text, sorted(collectives + singles, key=lambda m: m.start))


_JOIN = re.compile(r"^\s*(?:,|và|cùng|cùng với|với)\s*$")


def _merge_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """"UBMTTQ và các đoàn thể chính trị - xã hội" is one addressee, not two."""
    merged: list[Mention] = []
    for m in mentions:
        last = merged[-1] if merged else None
        if last and _JOIN.match(text[last.end:m.start]) and text[last.end:m.start].strip() in ("và", ","):
            ids = tuple(dict.fromkeys(last.org_ids + m.org_ids))
            merged[-1] = Mention(ids, last.start, m.end, text[last.start:m.end])
        else:
            merged.append(m)
    return merged


def raises(reg: OrgRegistry, mention: Mention) -> bool:
    """Whether this mention can be the one raising a recommendation."""
    return all(reg.get(i).get("kind") in RAISING_KINDS for i in mention.org_ids if i in reg)
