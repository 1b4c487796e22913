"""Compare an extraction with a hand-written gold record (tests/gold/README.md conventions).

Items are matched one-to-one by text overlap (best pairs first), organisations by id when both
sides have one and by folded name otherwise. Shared by the evaluation benchmark and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from giaoban.repeats import similarity
from giaoban.text import match_key

MATCH = 0.5


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, pred: set, gold: set) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Acc:
    ok: int = 0
    n: int = 0

    def add(self, good: bool) -> None:
        self.ok += int(good)
        self.n += 1

    def value(self) -> float:
        return self.ok / self.n if self.n else 1.0


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=dict)
    accs: dict[str, Acc] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def c(self, name: str) -> Counts:
        return self.counts.setdefault(name, Counts())

    def a(self, name: str) -> Acc:
        return self.accs.setdefault(name, Acc())


def name_key(value: str | None) -> str:
    return match_key(value or "")


def same_org(pred: dict, gold: dict, kind: str) -> bool:
    if kind == "rec":
        p_id, g_id = pred.get("raised_by_org_id"), gold.get("raised_by_id")
        if p_id and g_id:
            return p_id == g_id
        return name_key(pred.get("raised_by")) == name_key(gold.get("raised_by"))
    p_ids, g_ids = pred.get("addressee_org_ids") or [], gold.get("addressee_ids") or []
    pa, ga = name_key(pred.get("addressee")), name_key(gold.get("addressee"))
    if pa and pa == ga:  # the same words as written
        return True
    if p_ids and g_ids:
        return set(p_ids) == set(g_ids)
    return pa == ga or (bool(pa) and bool(ga) and (pa in ga or ga in pa))


def pair_items(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    scored = sorted(
        ((similarity(p["text"], g["text"]), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True
    )
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in scored:
        if score < MATCH:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs
