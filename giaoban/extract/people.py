"""Chairs and attendees: who they are and every title they held at the meeting.

Reports write people two ways: name first ("đồng chí Lâm Văn Năm, Phó Bí thư Thường trực Tỉnh ủy;
Lò Văn Muôn, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh" — people split by ";", titles by ",") or title
first ("Bí thư Tỉnh ủy Trần Công Chánh"). A name is 2–4 capitalised syllables led by a Vietnamese
surname and never inside an organisation or place mention (so "Đoàn Thanh niên" is not a person).
Roles come from cues: "Chủ trì …, đồng chí X" / "X … chủ trì" make chairs, "dự", "tham dự" make
attendees; with no explicit chair, whoever speaks "thay mặt" the host or gives the concluding
directions chairs. Rules rather than a statistical NER model keep this at well under a millisecond
per report (underthesea's NER costs ~12 ms per sentence) and keep titles whole.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from giaoban.text import fold_aligned

SURNAMES = set(
    [
        "nguyen",
        "tran",
        "le",
        "pham",
        "hoang",
        "huynh",
        "phan",
        "vu",
        "vo",
        "dang",
        "bui",
        "do",
        "ho",
        "ngo",
        "duong",
        "ly",
        "lam",
        "lo",
        "chu",
        "dinh",
        "trinh",
        "mai",
        "doan",
        "cao",
        "luong",
        "ha",
        "ta",
        "to",
        "vuong",
        "trieu",
        "quach",
        "kieu",
        "thai",
        "phung",
        "luu",
        "la",
        "giap",
        "hua",
        "dam",
        "khong",
        "vi",
        "luc",
        "nong",
        "sam",
        "quang",
        "cam",
        "luong",
        "mac",
        "than",
        "tang",
        "tong",
        "dao",
        "khuc",
        "lai",
        "chau",
        "che",
        "la",
        "au",
        "hau",
        "khuat",
        "man",
        "nghiem",
        "ong",
        "phi",
        "ton",
        "bach",
        "be",
        "cu",
        "diep",
        "doan",
        "giang",
        "han",
        "khuong",
        "kha",
        "lac",
        "ma",
        "nham",
        "thach",
        "thieu",
        "truong",
        "lang",
        "sung",
        "vang",
        "thao",
        "giang",
        "mua",
        "ksor",
        "siu",
        "dieu",
        "rah",
        "y",
        "ninh",
        "mong",
        "vuong",
        "lu",
        "chieu",
        "tao",
        "hong",
        "hoa",
        "quan",
    ]
)
_NOT_NAMES = {"ho chi minh", "le loi", "tran hung dao", "quang trung", "hai ba trung"}
# Words that start a title ("Phó Bí thư …", "Chủ tịch …"); matched on folded lower-case text.
_TITLE_HEADS = (
    "pho bi thu",
    "bi thu",
    "pho chu tich",
    "chu tich",
    "pho truong ban",
    "truong ban",
    "pho truong",
    "truong khoi",
    "chu nhiem",
    "pho chu nhiem",
    "uy vien",
    "uvtu",
    "uvtw",
    "uv",
    "tinh uy vien",
    "huyen uy vien",
    "giam doc",
    "pho giam doc",
    "chanh van phong",
    "pho chanh van phong",
    "dai bieu quoc hoi",
    "truong doan",
    "pho truong doan",
    "bo truong",
    "thu truong",
    "truong phong",
    "chi huy truong",
    "dai ta",
    "thuong ta",
    "trung ta",
    "thieu tuong",
    "chanh an",
    "vien truong",
    "tong bien tap",
    "truong",
    "pbtdu",
    "btdu",
    "pbt",
    "ctubnd",
    "chu tich ubnd",
    "nguyen",
    "dang uy vien",
    "thuong truc",
)
_TITLE_HEAD_RE = re.compile(r"^(?:" + "|".join(sorted(map(re.escape, _TITLE_HEADS), key=len, reverse=True)) + r")\b")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CHAIR_LEAD = re.compile(r"\b(?:chu tri(?: hoi nghi| buoi lam viec| buoi giao ban)?|dong chu tri)\s*(?:co|la|:|,)")
_ATTEND_LEAD = re.compile(
    r"\b(?:(?:tham |cung |toi )?du (?:hoi nghi|buoi lam viec|buoi giao ban)?\s*(?:co|:)|"
    r"co su tham du cua|tham du co)"
)
_CHAIR_TRAIL = re.compile(r"\b(?:dong chu tri|chu tri|co buoi lam viec|lam viec (?:dinh ky )?voi|giao ban voi)\b")
_ATTEND_TRAIL = re.compile(r"\b(?:tham du|cung du|toi du|du)\b")
_SPEAKS = re.compile(
    r"\b(?:thay mat|phat bieu chi dao|phat bieu ket luan|ket luan hoi nghi|ket luan buoi|"
    r"phat bieu tai hoi nghi|phat bieu chi dao tai)\b"
)
_TITLE_STOP = re.compile(
    r"\s+(?:chu tri|dong chu tri|phat bieu|tham du|cung du|toi du|du hoi nghi|cho biet|nhan manh|bieu duong|"
    r"de nghi|yeu cau|ket luan|co buoi|lam viec|da |va cac|cung cac|tai hoi nghi|ghi nhan|khang dinh|"
    r"chi dao|danh gia|neu ro|thong tin)\b"
)


@dataclass
class Person:
    name: str
    title: str | None
    role: str  # chair or attendee
    start: int
    end: int


def _words(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(folded)]


def find_names(text: str, folded: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of person names: surname + 1–3 capitalised syllables, outside blocked spans."""
    words = _words(folded)
    blocked = sorted(blocked)
    names: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        s, e = words[i]
        if folded[s:e] in SURNAMES and text[s].isupper() and not _inside(s, blocked):
            j = i + 1
            while (
                j < len(words)
                and j - i < 4
                and text[words[j][0]].isupper()
                and _gap_ok(text, words[j - 1][1], words[j][0])
                and not _inside(words[j][0], blocked)
                and not _TITLE_HEAD_RE.match(folded[words[j][0] :])
            ):
                j += 1
            if j - i >= 2 and folded[s : words[j - 1][1]] not in _NOT_NAMES and _not_all_caps(text, words[i:j]):
                names.append((s, words[j - 1][1]))
                i = j
                continue
        i += 1
    return names


def _gap_ok(text: str, end: int, start: int) -> bool:
    return text[end:start] == " "


def _not_all_caps(text: str, words: list[tuple[int, int]]) -> bool:
    return not all(text[s:e].isupper() and e - s > 1 for s, e in words)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1  # spans are sorted by start
    return any(s <= pos < e for s, e in spans[max(0, i - 3) : i + 1])


def title_after(text: str, folded: str, end: int, limit: int) -> str | None:
    """Titles written after a name: ", Phó Bí thư …, Chủ tịch …" or " - Bí thư …" up to ';' or '.'."""
    m = re.match(r"\s*(?:,|[-–]|\()\s*", folded[end:limit])
    if not m:
        return None
    start = end + m.end()
    stop = re.search(r"[;.:()]|\s[-–]\s(?=[a-z])", folded[start:limit])
    segment_end = start + (stop.start() if stop else limit - start)
    segments, pos = [], start
    for part in re.split(r"(,)", text[start:segment_end]):
        if part == ",":
            pos += 1
            continue
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        key = folded[pos + lead : pos + lead + len(stripped)]
        if not _TITLE_HEAD_RE.match(re.sub(r"^[-–\s]+", "", key)):
            break
        cut = _TITLE_STOP.search(key)
        segments.append(stripped[: cut.start()] if cut else stripped)
        pos += len(part)
        if cut:
            break
    title = ", ".join(s.strip(" -–") for s in segments if s.strip(" -–"))
    return title or None  # as written: "PBTĐU- Chủ tịch UBND phường" keeps its hyphen


def title_before(text: str, folded: str, start: int, floor: int) -> str | None:
    """Titles written before a name: "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Đăng Quang"."""
    window = folded[floor:start]
    cut = max(window.rfind(";"), window.rfind(":"), window.rfind("."), window.rfind("("))
    base = floor + cut + 1
    segment = text[base:start].rstrip()
    if not segment or segment.endswith(","):
        return None
    parts = [p for p in segment.split(",")]
    kept: list[str] = []
    for part in reversed(parts):
        key = fold_aligned(part.strip())
        key = re.sub(r"^(?:dong chi|d/c|ong|ba)\s+", "", key)
        head = _TITLE_HEAD_RE.search(key)
        if not head:
            break
        kept.append(part.strip()[head.start() :] if head.start() else part.strip())
        if head.start() > 0:  # words before the title head ("Sáng 24/11, Bí thư …") end the list
            break
    title = ", ".join(reversed(kept))
    return title or None


def extract_people(text: str, org_spans: list[tuple[int, int]], sentence_spans: list[tuple[int, int]]) -> list[Person]:
    folded = fold_aligned(text)
    people: list[Person] = []
    all_names = find_names(text, folded, org_spans)
    for s_start, s_end in sentence_spans:
        names = [n for n in all_names if s_start <= n[0] < s_end]
        for idx, (n_start, n_end) in enumerate(names):
            limit = names[idx + 1][0] if idx + 1 < len(names) else s_end
            floor = names[idx - 1][1] if idx > 0 else s_start
            title = title_after(text, folded, n_end, limit) or title_before(text, folded, n_start, floor)
            role = _role(folded, s_start, s_end, n_start, n_end, limit)
            people.append(Person(text[n_start:n_end], title, role, n_start, n_end))
    return _settle(people, folded, sentence_spans)


def _role(folded: str, s_start: int, s_end: int, n_start: int, n_end: int, limit: int) -> str | None:
    before = folded[s_start:n_start]
    lead = [(m.end(), "chair") for m in _CHAIR_LEAD.finditer(before)] + [
        (m.end(), "attendee") for m in _ATTEND_LEAD.finditer(before)
    ]
    if lead:
        return max(lead)[1]
    after = folded[n_end:s_end]
    trail = [(m.start(), "chair") for m in _CHAIR_TRAIL.finditer(after)] + [
        (m.start(), "attendee") for m in _ATTEND_TRAIL.finditer(after)
    ]
    if trail:
        return min(trail)[1]
    return None


def _settle(people: list[Person], folded: str, sentence_spans: list[tuple[int, int]]) -> list[Person]:
    """One entry per name (first title wins), a chair chosen when no cue named one."""
    by_name: dict[str, Person] = {}
    speakers: list[str] = []
    for p in people:
        sentence = next((folded[s:e] for s, e in sentence_spans if s <= p.start < e), "")
        if _SPEAKS.search(sentence):
            speakers.append(p.name)
        known = by_name.get(p.name)
        if known is None:
            by_name[p.name] = p
            continue
        known.title = known.title or p.title
        if known.role != "chair" and p.role == "chair":
            known.role = "chair"
    if not any(p.role == "chair" for p in by_name.values()) and speakers:
        by_name[speakers[0]].role = "chair"
    # A name with neither a title nor a role cue is a byline or a passing mention, not a participant.
    result = [p for p in by_name.values() if p.title or p.role]
    for p in result:
        p.role = p.role or "attendee"
    return result
