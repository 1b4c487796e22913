"""Link a recommendation raised again at a later meeting to its first occurrence (``repeat_of``).

"Same problem, different words": texts are compared as sets of accent-folded syllable bigrams
(plus single syllables, weighted less), with the share of the *shorter* text's n-grams found in the
other (an overlap coefficient), so a short restatement of a long request still matches. Only
recommendations of the same organisation family in the same province (as recorded) are compared,
and only across meetings (a later meeting, never the same one). ``repeat_of`` always names the
first occurrence, so "raised N times" is one GROUP BY. bench/extraction_eval.py measures precision
of these links on the gold pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import duckdb

from giaoban.db import fetch
from giaoban.text import match_key

THRESHOLD = 0.5
# Words that carry no topic: request verbs, politeness, filler.
_STOP = set(
    "kien nghi de xuat de nghi can quan tam xem xet tinh cho cac va cua de trong voi cua nhung mot so duoc co "
    "tiep tuc som chi dao giai quyet viec ve tai la thi thuc hien nham hon nua".split()
)


def syllables(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", match_key(text)) if w not in _STOP]


def ngrams(text: str) -> set[str]:
    words = syllables(text)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def similarity(a: str, b: str) -> float:
    """Overlap of syllables and syllable pairs; bigrams count double."""
    ga, gb = ngrams(a), ngrams(b)
    if not ga or not gb:
        return 0.0
    common = ga & gb
    weight = sum(2 if " " in g else 1 for g in common)
    small = min(ga, gb, key=len)
    return weight / sum(2 if " " in g else 1 for g in small)


@dataclass
class Candidate:
    rec_id: str
    text: str
    raised_on: date
    family: str
    province: str | None
    repeat_of: str | None


def find_links(recs: list[Candidate], threshold: float = THRESHOLD) -> dict[str, str]:
    """rec_id → first occurrence's rec_id, for recs that repeat an earlier one."""
    links: dict[str, str] = {}
    by_group: dict[tuple[str, str | None], list[Candidate]] = {}
    for rec in sorted(recs, key=lambda r: (r.raised_on, r.rec_id)):
        group = by_group.setdefault((rec.family, rec.province), [])
        earlier = [c for c in group if c.raised_on < rec.raised_on]
        best = max(earlier, key=lambda c: similarity(c.text, rec.text), default=None)
        if best is not None and similarity(best.text, rec.text) >= threshold:
            links[rec.rec_id] = links.get(best.rec_id, best.repeat_of or best.rec_id)
        group.append(rec)
    return links


_CANDIDATES = """
SELECT r.rec_id, r.text, m.held_on AS raised_on, coalesce(o.family, r.raised_by_org_id) AS family,
       lp.province_id AS province, r.repeat_of
FROM recommendations r
JOIN meetings m USING (meeting_id)
LEFT JOIN organisations o ON o.org_id = r.raised_by_org_id
LEFT JOIN locality_province lp ON lp.locality_id = m.locality_id
WHERE r.raised_by_org_id IS NOT NULL AND m.origin <> 'sample'
"""


def link_repeats(con: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD) -> int:
    """Set repeat_of for non-sample recommendations that repeat an earlier one; returns links added."""
    rows = [Candidate(**r) for r in fetch(con, _CANDIDATES).to_dicts()]
    unlinked = {r.rec_id for r in rows if r.repeat_of is None}
    links = {k: v for k, v in find_links(rows, threshold).items() if k in unlinked}
    if links:
        con.executemany("UPDATE recommendations SET repeat_of = ? WHERE rec_id = ? AND repeat_of IS NULL",
                        [(root, rec) for rec, root in links.items()])
    return len(links)
