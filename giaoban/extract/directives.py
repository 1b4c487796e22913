"""Directives and tasks the chair sets (chỉ đạo, nhiệm vụ), each with its addressee.

They live in the chair's closing speech: it starts at "Phát biểu chỉ đạo …", "Kết luận hội nghị …",
"đồng chí X nhấn mạnh / đề nghị / yêu cầu …" and runs to the end. The speech usually praises
first ("biểu dương", "ghi nhận", "nổi bật là …" — not tasks, even when phrased like them) and then
turns forward ("thời gian tới", "nhiệm vụ trọng tâm", "cần", "đề nghị"). From then on every list
item ("1.", "(1)", "a)", "-", "Một là …") is one directive, and prose sentences are split on ";"
into one directive per task. The addressee is the organisation named as the subject ("MTTQ và các
đoàn thể cần …") or after "đề nghị / yêu cầu / giao"; later tasks inherit it, and list items
inherit it from their lead-in ("đề nghị UBMTTQ và các đoàn thể thực hiện tốt các nhiệm vụ sau:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from giaoban.extract.mentions import Mention
from giaoban.extract.sentences import Span, clauses, strip_item_marker
from giaoban.text import fold_aligned

# "giao" assigns a task ("giao Ban Dân vận …"), but "giao ban" is the meeting itself.
_GIAO = r"giao(?!\s+ban\b(?!\s+(?:dan van|to chuc|tuyen giao|thuong vu|chi dao|quan ly)))"
_SPEECH = re.compile(
    r"\b(?:phat bieu (?:chi dao|ket luan)|ket luan (?:hoi nghi|buoi|tai|nhu sau|cua dong chi)"
    r"|thay mat (?:thuong truc|ban thuong vu|lanh dao)"
    r"|(?:dong chi|bi thu|chu tich|pho bi thu|truong ban)\b[^.;]{0,120}?"
    r"\b(?:nhan manh|de nghi|yeu cau|chi dao|luu y))\b"
)
_PRAISE = re.compile(r"\b(?:bieu duong|ghi nhan|danh gia cao|noi bat la|trong do|chuc mung|hoan nghenh)\b")
_FORWARD = re.compile(
    r"\b(?:thoi gian toi|nhiem vu (?:trong tam|thoi gian toi|chu yeu)|can|phai|(?<!dung )(?<!theo )(?<!dap ung )"
    rf"(?:de nghi|yeu cau)|de khac phuc|{_GIAO}|trong (?:quy|nam|6 thang|nhung thang) (?:toi|cuoi|con lai)|"
    r"nhan manh|luu y|dong thoi)\b"
)
_VERBS = (
    r"tap trung|day manh|tiep tuc|quan tam|trien khai|chu dong|thuc hien|nang cao|doi moi|tang cuong|lam tot|"
    r"phoi hop|chu trong|ra soat|xay dung|khan truong|duy tri|phat huy|thuong xuyen|to chuc|van dong|chi dao|"
    r"nam (?:chac|bat)|kip thoi|quan triet|tich cuc|bam sat|huy dong|dam bao|bao dam|phan dau|hoan thanh|"
    r"kien toan|cung co|sap xep|theo doi|don doc|giam sat|tham muu|tuyen truyen|cham lo|huong dan|nghien cuu|"
    r"phat dong|danh gia|chuan bi|nhan rong|ung dung|day nhanh|tiep thu|xem xet|giai quyet|bo tri|ho tro|chu tri"
)
_IMPERATIVE = re.compile(rf"^(?:(?:dac biet|dong thoi|ben canh do|mat khac|ngoai ra|truoc mat)\s*,?\s*)?(?:{_VERBS})\b")
_VERB_ANYWHERE = re.compile(rf"\b(?:can|phai|{_VERBS})\b")
_DEONTIC = re.compile(rf"\b(?:can|phai|(?<!dung )(?<!theo )(?:de nghi|yeu cau)|{_GIAO}|nhan manh|luu y)\b")
_LEAD_VERB = re.compile(rf".*?\b(?:nhan manh|de nghi|yeu cau|{_GIAO}|luu y)\b\s*:?\s*(?:thoi gian toi,?\s*)?")
_CAN = re.compile(r"\b(?:can|phai)\b\s*")
_PAST = re.compile(r"\bda (?:phat bieu|neu|danh gia|bao cao|thao luan|chi dao doi voi)\b")


@dataclass
class Directive:
    text: str
    start: int
    end: int
    addressee: Mention | None
    addressee_text: str | None = None
    confidence: float = 0.75
    themes: list[str] = field(default_factory=list)


@dataclass
class _Who:
    mention: Mention | None = None
    text: str | None = None

    def __bool__(self) -> bool:
        return bool(self.mention or self.text)


_HEADING = re.compile(
    r"(?:[ivx]+|\d+)\.\s*(?:nhiem vu|phuong huong)(?: nhiem vu)? (?:trong tam|thoi gian toi|chu yeu|"
    r"tiep theo|quy|nam|6 thang)"
)
_END_OF_TASKS = re.compile(r"(?:noi nhan|t/l |tm\. |k/t |\(da ky\)|van phong (?:tinh|huyen|dang) uy thong bao)")
_ABOUT = re.compile(r"(?:doi voi|ve phia|rieng doi voi|rieng)\s+")


def speech_start(folded: str, sentences: list[Span], skip: set[int]) -> int | None:
    """Index of the sentence where the chair's speech (or a notice's task section) begins, or None."""
    for i, s in enumerate(sentences):
        if i in skip or _PAST.search(folded, s.start, s.end):
            continue
        if _SPEECH.search(folded, s.start, s.end) or (len(s.text) < 90 and _HEADING.match(folded, s.start, s.end)):
            return i
    return None


def forward_from(key: str) -> int | None:
    """Where a sentence turns from praise to tasks (offset into ``key``), or None if it only praises."""
    forward = _FORWARD.search(key)
    if not forward:
        return None
    praise = _PRAISE.search(key)
    if not praise or forward.start() < praise.start():
        return 0
    turn = re.search(r"[;,.]\s*(?:dong thoi|tuy nhien|de nghi|yeu cau|thoi gian toi)", key[praise.end() :])
    return praise.end() + turn.start() + 1 if turn else None


def find_directives(text: str, sentences: list[Span], mentions: list[Mention], skip: set[int]) -> list[Directive]:
    """``skip``: indexes of sentences already taken as recommendations or their answers."""
    folded = fold_aligned(text)
    first = speech_start(folded, sentences, skip)
    if first is None:
        return []
    out: list[Directive] = []
    forward = False
    inherited = _Who()
    consumed_until = -1
    for i in range(first, len(sentences)):
        s = sentences[i]
        if _END_OF_TASKS.match(folded, s.start, s.end):
            break  # a notice's distribution list and signature follow its tasks
        if i in skip or s.start < consumed_until or _PAST.search(folded, s.start, s.end):
            continue
        if _shouting(s.text):
            forward = forward or bool(_HEADING.match(folded, s.start, s.end))
            continue
        if s.is_item:  # a list item runs to the end of its paragraph, however many sentences it holds
            last = max(j for j in range(i, len(sentences)) if sentences[j].paragraph == s.paragraph)
            s = Span(text[s.start : sentences[last].end], s.start, sentences[last].end, s.paragraph, True)
            consumed_until = s.end
        turn = forward_from(folded[s.start : s.end])
        if not forward and turn is None:
            continue
        start = s.start + (turn or 0) if not forward else s.start
        forward = True
        found, who = _directives_in(text, folded, s, start, mentions, inherited)
        if who:
            inherited = who
        out.extend(found)
    return out


def _shouting(line: str) -> bool:
    """Letterheads and section titles in capitals ("ĐẢNG CỘNG SẢN VIỆT NAM") are not tasks."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _directives_in(text, folded, s: Span, start: int, mentions, inherited: _Who) -> tuple[list[Directive], _Who]:
    if s.is_item:
        _, cut = strip_item_marker(text[s.start : s.end])
        own = _subject(folded, s.start + cut, s.end, mentions)
        d = _make(text, folded, s.start + cut, s.end, own or inherited)
        return ([d] if d else []), _Who()
    about = _ABOUT.match(folded, start, s.end)
    if about:  # "Đối với Ủy ban MTTQ thành phố, cần …" / "Về phía các đoàn thể, …"
        named = next((m for m in mentions if m.start == about.end()), None)
        comma = folded.find(",", about.end(), s.end)
        if named is not None and comma != -1 and comma - named.end < 25:
            inherited = _Who(named, text[about.end() : comma].strip())
            start = comma + 1
    key = folded[start : s.end]
    lead = _LEAD_VERB.match(folded, start, s.end)
    if lead:
        who, body_start = _after_lead(text, folded, lead.end(), s.end, mentions)
    else:
        who, body_start = _Who(_subject(folded, start, s.end, mentions)), start
    if folded[start : s.end].rstrip().endswith(":"):
        return [], who or _praised(folded, s, mentions) or inherited  # a lead-in: its addressee carries to the items
    head = _subject(folded, start, s.end, mentions)
    acts = head is not None and _IMPERATIVE.match(folded[head.end : s.end].lstrip(" ,")) is not None
    if not (_DEONTIC.search(key) or _IMPERATIVE.match(key.lstrip()) or lead or acts):
        return [], _Who()
    out = []
    current = who or inherited
    for piece in clauses(Span(text[body_start : s.end], body_start, s.end, s.paragraph)):
        own = _subject(folded, piece.start, piece.end, mentions)
        if own:  # a clause with its own subject sets it for the clauses after it
            current = _Who(own, _subject_phrase(text, folded, piece.start, own))
        d = _make(text, folded, piece.start, piece.end, current)
        if d:
            out.append(d)
    return out, (who or current if out else who)


_WHEN = re.compile(
    r"\s*(?:trong\s+)?(?:thoi gian toi|nam (?:19|20)\d{2}|6 thang (?:dau|cuoi) nam(?: (?:19|20)\d{2})?|"
    r"quy [ivx1-4]+(?:\s*(?:[/-]|nam)\s*(?:19|20)\d{2})?|nhung thang cuoi nam|nam toi|giai doan toi)\s*,?\s*"
)


def _after_lead(text, folded, pos: int, end: int, mentions) -> tuple[_Who, int]:
    """Who follows "đề nghị / yêu cầu / giao" (after any "thời gian tới," / "năm 2022,"), and where their task starts.

    The addressee is the whole phrase up to the first verb when it names organisations or starts
    with "các …" ("các cấp ủy, chính quyền, Mặt trận và các đoàn thể"), so groups keep their words.
    """
    when = _WHEN.match(folded, pos, end)
    pos = when.end() if when else pos
    verb = next(
        (
            v
            for v in _VERB_ANYWHERE.finditer(folded, pos, end)
            if not any(m.start <= v.start() < m.end for m in mentions)
        ),
        None,
    )
    stop = verb.start() if verb and verb.start() > pos else None
    inside = [m for m in mentions if pos <= m.start and (stop is None or m.end <= stop)]
    if stop is not None:
        phrase = text[pos:stop].strip(" ,:")
        words = phrase.split()
        starts_group = re.match(r"(?:các|những|mỗi|từng|cấp|ngành|đơn vị)\b", phrase.lower())
        if 1 <= len(words) <= 14 and (starts_group or (inside and inside[0].start - pos < 8)):
            ids = tuple(dict.fromkeys(i for m in inside for i in m.org_ids))
            mention = Mention(ids, inside[0].start, inside[-1].end, phrase) if ids else None
            return _Who(mention, phrase), stop
    if inside and len(re.findall(r"[a-z0-9]+", folded[pos : inside[0].start])) <= 2:
        return _Who(inside[0]), inside[0].end
    return _Who(), pos


def _praised(folded: str, s: Span, mentions) -> _Who:
    """ "ghi nhận kết quả Ủy ban MTTQ và các tổ chức … đạt được; đồng thời đề nghị …:" — the praised are addressed."""
    for m in mentions:
        if s.start <= m.start < s.end and (m.collective or len(m.org_ids) == 1):
            return _Who(m)
    return _Who()


def _subject(folded: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """An organisation heading the clause ("MTTQ và các đoàn thể cần …", "Về …, Ban Dân vận Tỉnh ủy cần …")."""
    for m in (m for m in mentions if start <= m.start < end):
        after = folded[m.end : min(end, m.end + 40)]
        words_before = len(re.findall(r"[a-z0-9]+", folded[start : m.start]))
        if words_before <= 1 or re.match(
            r"\s*(?:tinh|huyen|xa|phuong)?\s*(?:voi vai tro[^,]*,\s*)?(?:can|phai|tiep tuc|"
            r"tap trung|chu dong|theo doi)\b",
            after,
        ):
            return m
        if words_before > 12:
            break
    return None


_CONNECTIVE = re.compile(r"\s*(?:(?:dac biet|dong thoi|ben canh do|mat khac|ngoai ra|truoc mat)\s*,\s*)?")


def _subject_phrase(text: str, folded: str, start: int, mention: Mention) -> str:
    """The subject as written, with short nouns listed before the organisation ("dân vận, mặt trận …")."""
    lead = _CONNECTIVE.match(folded, start)
    begin = lead.end() if lead else start
    gap = folded[begin : mention.start]
    if gap and re.fullmatch(r"(?:[a-z ]{2,20},\s*){1,3}", gap):
        return text[begin : mention.end]
    return mention.text


def _make(text: str, folded: str, start: int, end: int, who) -> Directive | None:
    """Trim the subject and "cần" off the front; keep the task itself."""
    who = who if isinstance(who, _Who) else _Who(who)
    mention = who.mention
    if who.text and mention and start <= mention.start < end and text.find(who.text, start, end) != -1:
        start = text.find(who.text, start, end)  # trim a written subject phrase, not just its organisation
    if mention and start <= mention.start < end:
        can = _CAN.search(folded, mention.end, min(end, mention.end + 60))
        start = can.end() if can else start
    elif (can := _CAN.match(folded, start)) is not None:
        start = can.end()
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " .;,…/":
        end -= 1
    body = text[start:end]
    if len(body.split()) < 4:
        return None
    return Directive(body, start, end, mention, who.text or (mention.text if mention else None))
