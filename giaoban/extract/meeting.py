"""Meeting-level facts: title, kind, date (with how it was found), host, level, place, period.

The meeting date is the first cued date in the opening sentences ("Chiều 20/12, Tỉnh ủy tổ chức
…"), completed with the publication year when the year is missing. The host is the body that
"tổ chức / chủ trì / làm việc với / giao ban với", else the chair's own body ("Bí thư Tỉnh ủy"),
and the level follows the host (Tỉnh ủy → province, Huyện ủy → district, Đảng ủy xã/phường →
commune). The reviewed period is the first named period that has ended by the meeting date, since
a report also names the period it plans for ("định hướng nhiệm vụ năm 2024").
"""

from __future__ import annotations

import datetime as dt
import re

from giaoban.extract.dates import Found, find_dates, find_publication, infer_year
from giaoban.extract.mentions import Mention
from giaoban.extract.sentences import Span
from giaoban.periods import Period, find_periods
from giaoban.text import fold_aligned

OTHER_KINDS = re.compile(
    r"\b(?:tiep xuc cu tri|doi thoai|du luan xa hoi|giai (?:bong|the thao|chay)|hoi thao|hoi thi|le ky niem|"
    r"le ra mat|le khanh thanh|trao (?:tang|qua)|hien mau|dai hoi (?:dai bieu|lan thu|dieu le)|van nghe)\b"
)
KINDS = [
    ("giao_ban", r"\bgiao ban\b"),
    ("lam_viec", r"\b(?:buoi lam viec|lam viec (?:voi|dinh ky|tai))\b"),
    ("so_ket", r"\bso ket\b"),
    ("tong_ket", r"\btong ket\b"),
    ("hoi_nghi", r"\bhoi nghi\b"),
]
_EVENT = re.compile(r"\b(?:to chuc|giao ban|lam viec|hoi nghi|chu tri|hop|so ket|tong ket|dien ra)\b")
_HOST_VERB = re.compile(r"\s*(?:[a-z ]{0,30}?)\b(?:to chuc|chu tri|lam viec|giao ban|co buoi lam viec|hop)\b")
HOST_FROM_TITLE = [
    ("thuong_truc_tinh_uy", r"pho bi thu thuong truc tinh uy|thuong truc tinh uy"),
    ("tinh_uy", r"bi thu tinh uy|bi thu thanh uy"),
    ("ban_dan_van", r"truong ban dan van tinh uy"),
    ("thuong_truc_huyen_uy", r"pho bi thu thuong truc huyen uy"),
    ("huyen_uy", r"bi thu huyen uy|bi thu quan uy|bi thu thi uy"),
    ("dang_uy_xa", r"bi thu dang uy"),
]


def title_of(text: str, given: str | None) -> str | None:
    if given:
        return given.strip()
    for line in text.splitlines()[:12]:
        line = line.strip()
        if not line or (line.isupper() and len(line.split()) <= 4):
            continue
        stamp = find_publication(line)
        if stamp:  # " date 2021-04 Thường trực Tỉnh ủy giao ban …": a scraper's stamp before the title
            line = (line[: stamp.start] + line[stamp.end :]).strip(" -|,")
            if len(line.split()) < 5:
                continue
        return line
    return None


def kind_of(title: str | None, opening: str) -> str:
    key = fold_aligned(f"{title or ''} {opening}")
    if re.search(r"\b(?:du luan xa hoi|tiep xuc cu tri|bao chi|hop bao|cung cap thong tin cho bao chi)\b", key) or (
        OTHER_KINDS.search(key) and not re.search(r"\bgiao ban (?:voi|giua|thuong truc|cong tac|dinh ky)", key)
    ):
        return "other"
    for kind, pattern in KINDS:
        if re.search(pattern, key):
            return kind
    return "other"


def opening_sentences(text: str, sentences: list[Span], pub: Found | None, n: int = 4) -> list[Span]:
    """The first sentences after the stamp that describe an event (the dateline and who chaired)."""
    folded = fold_aligned(text)
    after = pub.end if pub else 0
    body = [s for s in sentences if s.start >= after and len(s.text) > 40]
    return [s for s in body[:8] if _EVENT.search(folded, s.start, s.end)][:n] or body[:n]


def meeting_date(
    text: str, opening: list[Span], published: dt.date | None
) -> tuple[dt.date | None, str | None, Found | None]:
    for s in opening:
        found = find_dates(text[s.start : s.end])
        if found:
            f = found[0]
            if f.year_given:
                return f.date, "explicit", f
            inferred = infer_year(f, published)
            if inferred:
                return inferred, "inferred_year", f
            return None, None, f
    if published:
        return published, "from_publication", None
    return None, None, None


def host_of(text: str, opening: list[Span], mentions: list[Mention], chairs_titles: list[str], reg) -> str | None:
    """The body that held the meeting: subject of "tổ chức / chủ trì / làm việc với" or the chair's body."""
    folded = fold_aligned(text)
    for s in opening[:2]:
        for m in (m for m in mentions if s.start <= m.start < s.end and not m.collective):
            kind = reg.get(m.org_ids[0]).get("kind") if m.org_ids[0] in reg else None
            if kind == "party_body" and _HOST_VERB.match(folded, m.end, s.end):
                return m.org_ids[0]
    for title in chairs_titles:
        key = fold_aligned(title)
        for org_id, pattern in HOST_FROM_TITLE:
            if re.search(pattern, key):
                return org_id
    for s in opening[:2]:
        for m in (m for m in mentions if s.start <= m.start < s.end and not m.collective):
            if m.org_ids[0] in reg and reg.get(m.org_ids[0]).get("kind") == "party_body":
                return m.org_ids[0]
    return None


# Capital letters, Vietnamese included: place names are capitalised words ("Tuyên Quang", "Đồng Tâm").
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isalpha() and c.isupper())
_NAME = rf"(?P<name>[{_UPPER}][^\W\d_]*(?:\s+[{_UPPER}0-9][^\W_]*){{0,3}})"
_PLACE = re.compile(
    rf"\b(?P<type>[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường|[Tt]hị trấn)\s+{_NAME}"
)
_COMMITTEE = re.compile(
    rf"\b(?P<body>Tỉnh [uủ]y|Thành [uủ]y|Huyện [uủ]y|Quận [uủ]y|Thị [uủ]y|Tỉnh đoàn|Thành đoàn|Huyện đoàn)\s+{_NAME}"
)
_BODY_TYPE = {"tinh": "tỉnh", "thanh": "thành phố", "huyen": "huyện", "quan": "quận", "thi": "thị xã"}


def _place_names(text: str) -> list[str]:
    """Place names with their type, in order: "tỉnh Tuyên Quang", "Tỉnh ủy Tuyên Quang" → "tỉnh Tuyên Quang"."""
    found = [(m.start(), f"{m['type'].lower()} {m['name'].strip()}") for m in _PLACE.finditer(text)]
    for m in _COMMITTEE.finditer(text):
        kind = _BODY_TYPE.get(fold_aligned(m["body"]).split()[0])
        if kind:
            found.append((m.start(), f"{kind} {m['name'].strip()}"))
    return [name for _, name in sorted(found)]


def locality_of(text: str, level: str | None, held_on: dt.date | None, localities) -> str | None:
    """The first place name that resolves to a unit at the meeting's level (or a province)."""
    wanted = {"province": ("province",), "district": ("district", "province"), "commune": ("commune", "province")}
    levels = wanted.get(level or "", ("province", "district", "commune"))
    found: dict[str, str] = {}
    for name in _place_names(text[:3000]):
        for lvl in levels:
            unit = localities.resolve(name, level=lvl, on_date=held_on)
            if unit:
                found.setdefault(lvl, unit)
                break
    for lvl in levels:
        if lvl in found:
            return found[lvl]
    return None


def reviewed_period(text: str, title: str | None, held_on: dt.date | None) -> Period | None:
    candidates = [p for p, _, _ in find_periods(f"{title or ''}\n{text[:2500]}")]
    if not candidates:
        return None
    if held_on:
        done = [
            p
            for p in candidates
            if p.kind != "term"
            and p.kind != "phase"
            and p.start <= held_on
            and p.end <= held_on + dt.timedelta(days=45)
        ]
        if done:
            return done[0]
    plain = [p for p in candidates if p.kind not in ("term", "phase")]
    return (plain or candidates)[0]
