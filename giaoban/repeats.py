"""Link a recommendation raised again at a later meeting to its first occurrence (``repeat_of``).

"Same problem, different words" ("doanh nghiệp nợ đọng BHXH" in April, "37 doanh nghiệp nợ bảo
hiểm xã hội trên 6 tháng" in December). Texts become accent-folded syllables and syllable pairs
(abbreviations expanded, request verbs and filler dropped), weighted by TF-IDF over all the
candidates so that rare shared words ("trụ sở", "phụ cấp", "Địa chỉ tin cậy") count and common
ones ("hỗ trợ kinh phí") barely do. Two requests are one when they come from the same
organisation family in the same province, at different meetings, and either their cosine is high,
or it is moderate, their themes (data/themes.yaml) mostly agree and the later one says the problem
persists. ``repeat_of`` always names the first occurrence, so "raised N times" is one GROUP BY.
bench/extraction_eval.py measures precision and recall of these links on tests/gold/repeats.json.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import duckdb

from giaoban.db import fetch
from giaoban.text import match_key

STRONG = 0.30  # cosine that links on its own
MODERATE = 0.15  # cosine that links when the themes agree
THEME_AGREEMENT = 0.5  # Jaccard of the two texts' theme sets
_ABBREVIATIONS = {
    "bhxh": "bao hiem xa hoi",
    "bhyt": "bao hiem y te",
    "nhcsxh": "ngan hang chinh sach xa hoi",
    "gpmb": "giai phong mat bang",
    "ntm": "nong thon moi",
    "cds": "chuyen doi so",
    "mttq": "mat tran to quoc",
    "ldld": "lien doan lao dong",
    "ccb": "cuu chien binh",
    "hlhpn": "hoi lien hiep phu nu",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "dttS": "dan toc thieu so",
    "nld": "nguoi lao dong",
    "httx": "hop tac xa",
}
_PERSISTS = re.compile(
    r"\b(?:tiep tuc|nhac lai|neu lai|van con|van chua|chua duoc|den nay|mot lan nua|lai de nghi|"
    r"keo dai|ton dong|chua khac phuc)\b"
)
_STOP = set(
    "kien nghi de xuat de nghi can quan tam xem xet tinh huyen xa cho cac va cua de trong voi nhung mot so duoc co "
    "tiep tuc som chi dao giai quyet viec ve tai la thi thuc hien nham hon nua den nay van con chua da dang se phai "
    "nhieu ho tro bo tri".split()
)


def words(text: str) -> list[str]:
    key = match_key(text)
    for short, long in _ABBREVIATIONS.items():
        key = re.sub(rf"\b{short.lower()}\b", long, key)
    return [w for w in re.findall(r"[a-z0-9]+", key) if w not in _STOP]


def grams(text: str) -> Counter[str]:
    w = words(text)
    return Counter(w) + Counter(f"{a} {b}" for a, b in itertools.pairwise(w))


class Scorer:
    """TF-IDF cosine over a set of texts, plus theme agreement when a lexicon is given."""

    def __init__(self, texts: list[str], themes=None):
        self.docs = len(texts)
        self.df = Counter(g for t in texts for g in set(grams(t)))
        self.themes = themes
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}

    def _vector(self, text: str) -> tuple[dict[str, float], float]:
        if text not in self._vectors:
            vec = {g: n * math.log((self.docs + 1) / (self.df.get(g, 0) + 1)) for g, n in grams(text).items()}
            self._vectors[text] = (vec, math.sqrt(sum(v * v for v in vec.values())))
        return self._vectors[text]

    def cosine(self, a: str, b: str) -> float:
        (va, na), (vb, nb) = self._vector(a), self._vector(b)
        return sum(w * vb.get(g, 0.0) for g, w in va.items()) / (na * nb) if na and nb else 0.0

    def theme_agreement(self, a: str, b: str) -> float:
        if self.themes is None:
            return 0.0
        ta, tb = set(self.themes.theme_ids(a)), set(self.themes.theme_ids(b))
        return len(ta & tb) / len(ta | tb) if ta | tb else 0.0

    def same_request(self, earlier: str, later: str) -> bool:
        """Strong wording overlap, or moderate overlap on the same themes when the later text says
        the problem persists ("vẫn chưa được", "đến nay", "tiếp tục") — how repeats are phrased."""
        cos = self.cosine(earlier, later)
        if cos >= STRONG:
            return True
        return (
            cos >= MODERATE
            and self.theme_agreement(earlier, later) >= THEME_AGREEMENT
            and _PERSISTS.search(match_key(later)) is not None
        )


def similarity(a: str, b: str) -> float:
    """Overlap of two texts' syllables and pairs (pairs count double), relative to the shorter one.

    Used to match an extracted item to a hand-written one (same sentence, maybe trimmed differently).
    """
    ga, gb = grams(a), grams(b)
    if not ga or not gb:
        return 0.0
    weight = sum(2 if " " in g else 1 for g in set(ga) & set(gb))
    return weight / sum(2 if " " in g else 1 for g in min(set(ga), set(gb), key=len))


@dataclass
class Candidate:
    rec_id: str
    text: str
    raised_on: date
    family: str
    province: str | None
    repeat_of: str | None


def find_links(recs: list[Candidate], themes=None) -> dict[str, str]:
    """rec_id → first occurrence's rec_id, for recs that repeat an earlier one."""
    scorer = Scorer([r.text for r in recs], themes)
    links: dict[str, str] = {}
    groups: dict[tuple[str, str | None], list[Candidate]] = {}
    for rec in sorted(recs, key=lambda r: (r.raised_on, r.rec_id)):
        group = groups.setdefault((rec.family, rec.province), [])
        earlier = [c for c in group if c.raised_on < rec.raised_on]
        best = max(earlier, key=lambda c: scorer.cosine(c.text, rec.text), default=None)
        if (
            best is not None
            and scorer.same_request(best.text, rec.text)
            and (rec.province is not None or scorer.cosine(best.text, rec.text) >= 1.5 * STRONG)
        ):
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


def link_repeats(con: duckdb.DuckDBPyConnection, themes=None) -> int:
    """Set repeat_of for non-sample recommendations that repeat an earlier one; returns links added."""
    rows = [Candidate(**r) for r in fetch(con, _CANDIDATES).to_dicts()]
    unlinked = {r.rec_id for r in rows if r.repeat_of is None}
    links = {k: v for k, v in find_links(rows, themes).items() if k in unlinked}
    if links:
        con.executemany(
            "UPDATE recommendations SET repeat_of = ? WHERE rec_id = ? AND repeat_of IS NULL",
            [(root, rec) for rec, root in links.items()],
        )
    return len(links)
