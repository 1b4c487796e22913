"""Recommendations (kiến nghị, đề xuất) raised by the Front, the organisations and other
participants, with the answers the meeting gave them.

A recommendation is a clause whose subject is a participating organisation (not the host) and whose
verb asks — "Liên đoàn Lao động tỉnh kiến nghị …", "Huyện đoàn đề xuất được hỗ trợ …" — or states a
problem that it then asks about — "Hội Nông dân tỉnh cho biết …; Hội đề nghị …", "Chủ tịch Hội Nông
dân tỉnh nêu thực trạng … và kiến nghị …" — or just "phản ánh" a problem. Thông báo kết luận write
them as "Kiến nghị của Hội Nông dân tỉnh về X: <answer>". The same words used as nouns ("báo cáo
tổng hợp kiến nghị", "giải quyết các kiến nghị") are not recommendations; the host's "đề nghị" are
directives.

Answers are found after ';' in the same sentence ("…; Thường trực Tỉnh ủy đã đồng ý …"), in a sentence
that names the request ("Đối với kiến nghị của Tỉnh đoàn, …", "Về trụ sở Hội Cựu chiến binh tỉnh, …"),
or in a replying sentence right after it ("Đại diện UBND tỉnh cho biết …"). A reply to "các kiến nghị"
goes to every request still unanswered before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from giaoban.extract.mentions import Mention
from giaoban.extract.sentences import Span, strip_item_marker
from giaoban.text import fold_aligned

_ASK = r"(?:kien nghi,? de xuat|de xuat,? kien nghi|kien nghi|de xuat|de nghi|mong muon|xin)"
_STATE = r"(?:phan anh(?: kho khan)?|cho biet|neu(?: lai)?|nhac lai|bay to|trinh bay)"
_VERB = re.compile(rf"\b(?:(?P<state>{_STATE})|(?P<ask>{_ASK}))\b")
_ASK_LATER = re.compile(rf"\b{_ASK}\b")
_GAP_WORDS = set(
    [
        "tinh",
        "huyen",
        "xa",
        "phuong",
        "thanh",
        "pho",
        "tp",
        "tx",
        "dai",
        "dien",
        "cung",
        "tiep",
        "tuc",
        "da",
        "co",
        "y",
        "kien",
        "lanh",
        "dao",
        "thi",
        "tran",
        "quan",
        "thi",
        "va",
        "trinh",
        "bay",
        "tai",
        "hoi",
        "nghi",
        "nay",
        "lan",
        "nua",
        "chu",
        "tich",
        "bi",
        "thu",
        "pho",
        "truong",
        "ban",
        "giam",
        "doc",
        "ong",
        "ba",
        "dong",
        "chi",
        "thuong",
        "truc",
        "cap",
        "uy",
        "vien",
    ]
)
_NOUN_AFTER = re.compile(
    r"\s*(?:cua|nay|tren|do|duoc (?:tra loi|giai quyet|tiep thu|ghi nhan)|da duoc|,? de xuat cua)\b"
)
_VAGUE = re.compile(
    r"\s*:?\s*(?:nhieu|mot so|cac) (?:noi dung|giai phap|y kien|van de|kien nghi|de xuat|kho khan|"
    r"vuong mac|kho khan, vuong mac)\b(?:[^.;:]{0,60})(?::|$)"
)
_ABOUT = re.compile(r"\s*(?:lai )?(?:kien nghi|de xuat|de nghi) (?:ve (?:viec )?)?")
_NOTICE = re.compile(r"(?:kien nghi|de xuat|de nghi)(?:,\s*(?:kien nghi|de xuat))? cua\s+")
_ANAPHOR = re.compile(r"\b(?:hoi|doan|mat tran|cong doan|ban)\s+(?:(?:cung|tiep tuc|da|lai)\s+)*" + _ASK + r"\b")
# Verbs that open a new, separately settleable ask after a comma ("kiện toàn …, bố trí …").
_ASK_VERBS = re.compile(
    r"(?:bo tri|ho tro|quan tam|xem xet|som|bo sung|kien toan|co chinh sach|co co che|tao dieu kien|dau tu|"
    r"phan bo|ban hanh|dieu chinh)\b"
)
_RESPONDER = re.compile(
    r"\b(?:cho biet|tra loi|giai trinh|lam ro|tiep thu|ghi nhan|thong tin|khang dinh|giao|dong y|thong nhat|"
    r"da giai quyet|dang xem xet|se xem xet|dang phoi hop|se phoi hop|da trinh|da co chu truong)\b"
)
_REFERS = re.compile(
    r"\b(?:(?:kien nghi|de xuat|de nghi|van de|noi dung|y kien) (?:nay|tren)|cac (?:kien nghi|de xuat|y kien)|"
    r"(?:kien nghi|de xuat|de nghi|y kien) cua|ve (?:kien nghi|de xuat|van de|noi dung))\b"
)
_LEAD_IN = re.compile(
    r"^(?:(?:doi voi|ve|tra loi|tiep thu|lien quan den|truoc)\s+(?:cac |nhung )?(?:kien nghi|de xuat|de nghi|van de|"
    r"y kien|noi dung)[^,:]{0,120}[,:]\s*|ve [^,]{3,80},\s*)"
)
_CLOSED_ASK = re.compile(r"\b(?:da|dang|se)\b")
# Delegates speaking without an organisation: "Các đại biểu (cũng) kiến nghị …".
_DELEGATES = re.compile(r"(?:cac |nhieu |mot so )?(?:dai bieu|y kien)(?: (?:cung|deu|da|con|tiep tuc|dong thoi))*\s*$")
# What follows ":" in a conclusion notice's item when it is the answer, not more of the request.
_ANSWER_AFTER_COLON = re.compile(
    r"\s*(?:giao|thuong truc|ban thuong vu|noi dung nay|dong y|thong nhat|ubnd|da |chua phu hop|khong|van phong)"
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
    sentence: int = -1
    stated: bool = False  # a stated problem with its ask: one item, not split at ';'
    themes: list[str] = field(default_factory=list)


def _words(folded: str, start: int, end: int) -> list[str]:
    return re.findall(r"[a-z0-9]+", folded[start:end])


def _subject(text: str, folded: str, verb_start: int, clause_start: int, mentions: list[Mention]) -> Mention | None:
    """The organisation right before the verb, allowing titles, fillers and a place name between."""
    before = [m for m in mentions if clause_start <= m.start and m.end <= verb_start]
    if not before:
        return None
    m = before[-1]
    gap_words = _words(folded, m.end, verb_start)
    gap_text = text[m.end : verb_start]
    capitalised = {w.lower() for w in re.findall(r"\b[^\W\d_][\w]*", gap_text) if w[0].isupper()}
    fillers = [
        w
        for w, raw in zip(gap_words, re.findall(r"[^\W_]+", gap_text), strict=False)
        if w not in _GAP_WORDS and raw.lower() not in capitalised
    ]
    if len(gap_words) <= 8 and not fillers and "," not in gap_text.strip(" ,"):
        return m
    return None


def find_recommendations(text: str, sentences: list[Span], mentions: list[Mention], can_raise) -> list[Recommendation]:
    folded = fold_aligned(text)
    recs: list[Recommendation] = []
    for index, s in enumerate(sentences):
        found = _notice_item(text, folded, s, mentions, can_raise) or _in_sentence(text, folded, s, mentions, can_raise)
        for rec in found:
            rec.sentence = index
            recs.append(rec)
    attach_responses(text, folded, sentences, recs, mentions)
    return recs


def _in_sentence(text, folded, s: Span, mentions, can_raise) -> list[Recommendation]:
    out: list[Recommendation] = []
    pos = s.start
    while (verb := _VERB.search(folded, pos, s.end)) is not None:
        pos = verb.end()
        clause_start = max(
            s.start, folded.rfind(";", s.start, verb.start()) + 1, folded.rfind(":", s.start, verb.start()) + 1
        )
        subject = (
            _subject(text, folded, verb.start(), clause_start, mentions)
            or _speaker(folded, verb, clause_start, s, mentions)
            or _anaphor(folded, verb, s, mentions, out)
        )
        delegates = subject is None and verb.group("ask") and _DELEGATES.search(folded, clause_start, verb.start())
        if not delegates and (subject is None or not can_raise(subject)):
            continue
        rec = _clause(text, folded, s, verb, subject, mentions)
        if rec is not None:
            out.extend(_split(text, folded, rec))
            pos = rec.end
    return out


def _speaker(folded: str, verb, clause_start: int, s: Span, mentions) -> Mention | None:
    """Minutes: "- Đồng chí X - Chủ tịch Hội Nông dân xã: Đề nghị …" — the speaker's body asks."""
    if clause_start <= s.start or folded[clause_start - 1] != ":" or folded[clause_start : verb.start()].strip():
        return None
    before = [m for m in mentions if s.start <= m.start and m.end < clause_start]
    return before[-1] if before else None


def _anaphor(folded: str, verb, s: Span, mentions, earlier: list[Recommendation]) -> Mention | None:
    """ "Hội đề nghị …" refers back to the organisation named just before in the paragraph."""
    head = folded[max(s.start, verb.start() - 25) : verb.end()]
    if not _ANAPHOR.search(head):
        return None
    before = [m for m in mentions if m.end <= verb.start() and m.start >= s.start - 600]
    return before[-1] if before else (earlier[-1].raised_by if earlier else None)


def _clause(text, folded, s: Span, verb, subject: Mention | None, mentions: list[Mention]) -> Recommendation | None:
    after = folded[verb.end() : s.end]
    if verb.group("ask"):
        if _NOUN_AFTER.match(after) or _VAGUE.match(after):
            return None
        start = verb.end()
    else:  # a stated problem counts when it is "phản ánh" or when an ask follows in the sentence
        about = _ABOUT.match(after)
        if about and verb.group("state").startswith(("neu", "nhac")):
            colon = folded.find(":", verb.end(), s.end)
            start = colon + 1 if colon != -1 and colon - verb.end() < 80 else verb.end() + about.end()
        elif verb.group("state").startswith("phan anh") or _real_ask_later(folded, verb.end(), s.end):
            start = verb.end()
        else:
            return None
        if _VAGUE.match(folded, verb.end(), s.end) or _VAGUE.match(after):
            return None
    end = _clause_end(text, folded, start, s.end, mentions)
    body, begin = _trim(text, folded, start, end)
    if len(body.split()) < 4:
        return None
    confidence = 0.8 if subject is not None else 0.6
    return Recommendation(body, begin, begin + len(body), subject, confidence=confidence, stated=not verb.group("ask"))


def _real_ask_later(folded: str, start: int, end: int) -> bool:
    """An ask verb later in the sentence that asks ("và đề nghị …"), not a noun ("kiến nghị này")."""
    return any(
        not _NOUN_AFTER.match(folded, m.end(), end) and not _VAGUE.match(folded, m.end(), end)
        for m in _ASK_LATER.finditer(folded, start, end)
    )


def _trim(text: str, folded: str, start: int, end: int) -> tuple[str, int]:
    lead = re.match(
        r"[\s,:]*(?:(?:can|la|rang)\s+)?(?:voi (?:tinh|huyen|thanh pho|thuong truc[a-z ]*?)\s+(?=ve))?",
        folded[start:end],
    )
    start += lead.end() if lead else 0
    while end > start and text[end - 1] in " .…;,":
        end -= 1
    return text[start:end], start


def _clause_end(text: str, folded: str, start: int, sentence_end: int, mentions: list[Mention]) -> int:
    """The sentence end, or a ';' that starts the answer ("; Thường trực Tỉnh ủy đã đồng ý …")."""
    colon = folded.find(":", start, sentence_end)
    if colon != -1 and _ANSWER_AFTER_COLON.match(folded, colon + 1, sentence_end):
        sentence_end = colon  # "2.1. Kiến nghị … : Giao Sở …" — the notice's answer follows the colon
    pos = start
    while (semi := folded.find(";", pos, sentence_end)) != -1:
        rest = folded[semi + 1 : sentence_end].strip()
        if _RESPONDER.search(rest[:120]) and _looks_like_answer(rest):
            return semi
        if _new_asker(folded, semi + 1, sentence_end, mentions):
            return semi  # "…; Tỉnh đoàn kiến nghị …": the next request has its own subject
        pos = semi + 1
    return sentence_end


def _new_asker(folded: str, start: int, end: int, mentions: list[Mention]) -> bool:
    verb = _VERB.search(folded, start, min(end, start + 120))
    return verb is not None and any(start <= m.start and m.end <= verb.start() for m in mentions)


def _looks_like_answer(clause: str) -> bool:
    head = clause[:80]
    speaker = re.match(
        r"(?:thuong truc|ban thuong vu|dong chi|lanh dao|dai dien|ubnd|so |bi thu|chu tich|pho chu tich)", head
    )
    return bool(speaker) and bool(
        _CLOSED_ASK.search(head) or re.search(r"\b(?:tiep thu|ghi nhan|giao|dong y|tra loi)\b", head)
    )


def _split(text: str, folded: str, rec: Recommendation) -> list[Recommendation]:
    """One item per distinct ask: at ';' or ', ' when what follows is an ask of its own."""
    if rec.stated:
        return [rec]
    asks_first = bool(_ASK_VERBS.match(folded, rec.start))
    cuts = [
        m.start()
        for m in re.finditer(r"[;,]\s+", folded[rec.start : rec.end])
        if len(folded[rec.start : rec.start + m.start()].split()) >= 4
        and (folded[rec.start + m.start()] == ";" or (asks_first and _ASK_VERBS.match(folded, rec.start + m.end())))
    ]
    if not cuts:
        return [rec]
    out, begin = [], rec.start
    for cut in [*(rec.start + c for c in cuts), rec.end]:
        body, start = _trim(text, folded, begin, cut)
        if len(body.split()) >= 4:
            out.append(Recommendation(body, start, start + len(body), rec.raised_by, confidence=rec.confidence - 0.05))
        begin = cut + 1
    return out or [rec]


def _notice_item(text, folded, s: Span, mentions, can_raise) -> list[Recommendation]:
    """ "2.1. Kiến nghị của Hội Nông dân tỉnh về X: <answer>" in a Thông báo kết luận."""
    _, cut = strip_item_marker(text[s.start : s.end])
    head = _NOTICE.match(folded, s.start + cut, s.end)
    if not head:
        return []
    owner = next((m for m in mentions if m.start == head.end()), None)
    colon = folded.find(":", head.end(), s.end)
    if owner is None or colon == -1 or not can_raise(owner):
        return []
    about = re.match(r"\s*(?:ve (?:viec )?)?", folded[owner.end : colon])
    body, start = _trim(text, folded, owner.end + about.end(), colon)
    if len(body.split()) < 3:
        return []
    rec = Recommendation(body, start, start + len(body), owner)
    answer = text[colon + 1 : s.end].strip(" .")
    rec.response, rec.response_span = answer, (text.index(answer, colon), text.index(answer, colon) + len(answer))
    return [rec]


def attach_responses(text, folded, sentences: list[Span], recs: list[Recommendation], mentions) -> None:
    """Answers in the same sentence, then sentences that name or follow what they answer."""
    for rec in recs:
        s = sentences[rec.sentence]
        if rec.response is None and rec.end < s.end and folded[rec.end] in ";:":
            _set_answer(text, rec, rec.end + 1, s.end)
    rec_sentences = {r.sentence for r in recs}
    generic: list[int] = []
    for i, s in enumerate(sentences):
        if i in rec_sentences or not _RESPONDER.search(folded, s.start, s.end):
            continue
        targets = _named_targets(folded, s, recs, mentions)
        if targets:
            for rec in targets:
                if rec.response is None:
                    _set_answer(text, rec, s.start, s.end, strip_lead=True)
        elif _REFERS.search(folded, s.start, s.end) or (
            i - 1 in rec_sentences and sentences[i - 1].paragraph == s.paragraph
        ):
            generic.append(i)
    for i in generic:
        s = sentences[i]
        if s.is_item or re.match(r"(?:dong thoi\s*,?\s*)?(?:giao|de nghi|yeu cau)\b", folded[s.start : s.end]):
            continue  # a task the chair sets about the requests is a directive, not their answer
        before = [r for r in recs if r.sentence < i and r.response is None]
        plural = re.search(r"\bcac (?:kien nghi|de xuat|y kien)\b", folded[s.start : s.end])
        for rec in before if plural else before[-1:]:
            _set_answer(text, rec, s.start, s.end, strip_lead=True)


def _named_targets(folded: str, s: Span, recs: list[Recommendation], mentions: list[Mention]) -> list[Recommendation]:
    """Requests whose organisation the answering sentence names ("kiến nghị của Tỉnh đoàn")."""
    key = folded[s.start : s.end]
    if not _REFERS.search(key) and not re.match(r"(?:doi voi|ve|tra loi)\b", key):
        return []
    named = {i for m in mentions if s.start <= m.start < s.end for i in m.org_ids}
    return [
        r for r in recs if r.raised_by and set(r.raised_by.org_ids) & named and r.start < s.start and r.response is None
    ]


def _set_answer(text: str, rec: Recommendation, start: int, end: int, strip_lead: bool = False) -> None:
    folded = fold_aligned(text[start:end])
    if strip_lead and (lead := _LEAD_IN.match(folded)):
        start += lead.end()
    answer = text[start:end].strip(" ;.")
    if len(answer.split()) < 3:
        return
    begin = text.index(answer, start)
    rec.response, rec.response_span = answer, (begin, begin + len(answer))
