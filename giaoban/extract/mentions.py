"""Organisation mentions in a report: single bodies and collective phrases, with spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from giaoban.orgs import OrgRegistry

# Party leadership bodies chair giao ban and issue directives; everyone else present may ask.
LEADERSHIP = {
    "tinh_uy",
    "btv_tinh_uy",
    "thuong_truc_tinh_uy",
    "huyen_uy",
    "btv_huyen_uy",
    "thuong_truc_huyen_uy",
    "dang_uy_xa",
    "btv_dang_uy",
    "thuong_truc_dang_uy",
}


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


_JOIN = re.compile(r"^\s*(?:(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|TP)\s+)?(?:,|và)\s*$")


def _merge_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "UBMTTQ và các đoàn thể chính trị - xã hội" is one addressee, not two."""
    merged: list[Mention] = []
    for m in mentions:
        last = merged[-1] if merged else None
        if last and _JOIN.match(text[last.end : m.start]):
            ids = tuple(dict.fromkeys(last.org_ids + m.org_ids))
            merged[-1] = Mention(ids, last.start, m.end, text[last.start : m.end])
        else:
            merged.append(m)
    return merged


def raises(reg: OrgRegistry, mention: Mention, host: str | None = None) -> bool:
    """Whether this mention can be the one raising a recommendation: anyone but the host side."""
    return all(i != host and i not in LEADERSHIP for i in mention.org_ids)
