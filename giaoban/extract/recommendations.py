"""Recommendations (kiến nghị, đề xuất) raised by the Front and the organisations, with responses.

A recommendation is a clause where an organisation (front, socio-political or mass association)
is the subject of a request verb — "Liên đoàn Lao động tỉnh kiến nghị …", "đại diện Hội Nông dân
tỉnh phản ánh khó khăn và kiến nghị: …", "Tỉnh đoàn tiếp tục đề nghị tỉnh quan tâm …". The same
verbs used as nouns ("báo cáo tổng hợp kiến nghị của các hội", "giải quyết các kiến nghị") are not
recommendations, and requests by the host (Thường trực Tỉnh ủy "đề nghị …") are directives.
A response is the clause or sentence that answers it: after ";" in the same sentence, or a later
sentence such as "Đối với kiến nghị của Tỉnh đoàn, …" / "Về vấn đề này, …" / "Đại diện UBND tỉnh
cho biết …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from giaoban.extract.mentions import Mention
from giaoban.extract.sentences import Span
from giaoban.text import fold_aligned

_TRIGGER = re.compile(
    r"\b(?:phan anh(?: kho khan)?(?:,| va) (?:kien nghi|de xuat|de nghi)|kien nghi,? de xuat|de xuat,? kien nghi|"
    r"kien nghi|de xuat|de nghi|mong muon|kien nghi voi|xin)\b"
)
_GAP_WORDS = set(
    "tinh huyen xa phuong thanh pho dai dien cung tiep tuc da co y kien lanh dao thi tran quan thi va "
    "trinh bay tai hoi nghi nay lan nua".split()
)
_NOUN_AFTER = re.compile(r"^\s*(?:cua|nay|tren|do|duoc|da duoc|,? de xuat cua)\b")
_VAGUE = re.compile(r"^\s*:?\s*(?:nhieu|mot so|cac) (?:noi dung|giai phap|y kien|van de|kien nghi)\b")
_LEAD = re.compile(r"^\s*(?:[:,]\s*)?(?:voi (?:tinh|thuong truc tinh uy|ubnd tinh)\s*)?")
_RESPONSE_START = re.compile(
    r"^(?:doi voi|ve|tra loi|tiep thu|giai trinh|lien quan den|truoc) (?:cac |nhung )?(?:kien nghi|de xuat|de nghi|"
    r"van de|y kien|noi dung)|^(?:kien nghi|de xuat) (?:cua|nay|tren)|^ve (?:van de|noi dung) nay"
)
_RESPONDER_VERB = re.compile(
    r"\b(?:cho biet|tra loi|giai trinh|lam ro|tiep thu|ghi nhan|cho y kien|thong tin|khang dinh|giao|"
    r"dang xem xet|se xem xet|da giai quyet|dong y|thong nhat|chi dao)\b"
)


@dataclass
class Recommendation:
    text: str
    start: int
    end: int
    raised_by: Mention | None
    response: str | None = None
    response_span: tuple[int, int] | None = None
    confidence: float = 0.8
    themes: list[str] = field(default_factory=list)


def _words_between(folded: str, start: int, end: int) -> list[str]:
    return re.findall(r"[a-z0-9]+", folded[start:end])


def _subject(folded: str, trigger_start: int, clause_start: int, mentions: list[Mention]) -> Mention | None:
    """The organisation right before the request verb, allowing a few filler words between."""
    for m in sorted((m for m in mentions if clause_start <= m.start and m.end <= trigger_start),
                    key=lambda m: -m.end):
        gap = _words_between(folded, m.end, trigger_start)
        if len(gap) <= 7 and all(w in _GAP_WORDS for w in gap):
            return m
        break
    return None


def find_recommendations(
    text: str, sentences: list[Span], mentions: list[Mention], can_raise
) -> list[Recommendation]:
    folded = fold_aligned(text)
    recs: list[Recommendation] = []
    for s in sentences:
        for trigger in _TRIGGER.finditer(folded, s.start, s.end):
            rec = _from_trigger(text, folded, s, trigger, mentions, can_raise)
            if rec and not any(r.start <= rec.start < r.end for r in recs):
                recs.extend(_split(text, rec))
    _attach_responses(text, folded, sentences, recs, mentions)
    return recs


def _from_trigger(text, folded, s: Span, trigger, mentions, can_raise) -> Recommendation | None:
    clause_start = max(s.start, folded.rfind(";", s.start, trigger.start()) + 1)
    after = folded[trigger.end(): s.end]
    if _NOUN_AFTER.match(after) or _VAGUE.match(after):
        return None
    subject = _subject(folded, trigger.start(), clause_start, mentions)
    if subject is None or not can_raise(subject):
        return None
    lead = _LEAD.match(after)
    start = trigger.end() + (lead.end() if lead else 0)
    end = _clause_end(text, folded, start, s.end)
    body = text[start:end].strip(" ,:;")
    if len(body.split()) < 4:
        return None
    start = text.index(body, start)
    return Recommendation(body, start, start + len(body), subject)


def _clause_end(text: str, folded: str, start: int, sentence_end: int) -> int:
    """End at the sentence end, or at a ';' that starts the answer ("; Thường trực Tỉnh ủy cho ý kiến …")."""
    pos = start
    while (semi := folded.find(";", pos, sentence_end)) != -1:
        if _RESPONDER_VERB.search(folded[semi:sentence_end]) and _looks_like_response(folded[semi + 1: sentence_end]):
            return semi
        pos = semi + 1
    end = sentence_end
    while end > start and text[end - 1] in ". …":
        end -= 1
    return end


def _looks_like_response(clause: str) -> bool:
    head = clause.strip()[:60]
    return bool(re.match(r"(?:thuong truc|ban thuong vu|dong chi|lanh dao|dai dien|ubnd|so |tinh |bi thu|chu tich)",
                         head))


def _split(text: str, rec: Recommendation) -> list[Recommendation]:
    """One request per ';'-separated part when each part is a request of its own."""
    parts = [p for p in re.split(r";", rec.text)]
    if len(parts) < 2 or any(len(p.split()) < 4 for p in parts):
        return [rec]
    out, pos = [], rec.start
    for part in parts:
        body = part.strip(" ,.")
        begin = text.index(body, pos)
        out.append(Recommendation(body, begin, begin + len(body), rec.raised_by, confidence=rec.confidence))
        pos = begin + len(body)
    return out


def _attach_responses(text, folded, sentences: list[Span], recs: list[Recommendation], mentions) -> None:
    """Same-sentence answers after ';', then answering sentences that follow a recommendation."""
    for rec in recs:
        sentence = next((s for s in sentences if s.start <= rec.start < s.end), None)
        if sentence and rec.end < sentence.end and folded[rec.end] == ";":
            answer = text[rec.end + 1: sentence.end].strip(" ;.")
            rec.response, rec.response_span = answer, (text.index(answer, rec.end), text.index(answer, rec.end) + len(answer))
    for i, s in enumerate(sentences):
        key = folded[s.start:s.end]
        if any(r.start >= s.start and r.start < s.end for r in recs):
            continue
        target = _answered(key, s, recs, mentions, sentences, i)
        if target and target.response is None:
            answer = s.text.strip(" .")
            target.response, target.response_span = answer, (s.start, s.start + len(answer))


def _answered(key: str, s: Span, recs, mentions, sentences, index) -> Recommendation | None:
    named = [m for m in mentions if s.start <= m.start < s.end]
    if _RESPONSE_START.match(key):
        for m in named:  # "Đối với kiến nghị của Tỉnh đoàn" names whose request it answers
            owner = [r for r in recs if r.raised_by and r.raised_by.org_ids == m.org_ids and r.start < s.start]
            if owner:
                return owner[-1]
        return _previous(recs, sentences, index)
    if _RESPONDER_VERB.search(key) and re.match(r"(?:dai dien|lanh dao|thuong truc|ubnd|so )", key):
        return _previous(recs, sentences, index)
    return None


def _previous(recs: list[Recommendation], sentences: list[Span], index: int) -> Recommendation | None:
    """The recommendation in the sentence just before this one, if any."""
    if index == 0:
        return None
    prev = sentences[index - 1]
    inside = [r for r in recs if prev.start <= r.start < prev.end]
    return inside[-1] if inside else None
