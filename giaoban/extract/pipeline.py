"""One report's text → a MeetingRecord. The registries are loaded once per Extractor.

Order matters: the date comes first (alias validity depends on it: "Ban Dân vận" became "Ban
Tuyên giáo và Dân vận" on 1/3/2025), then organisation mentions, people, recommendations, and
directives from what remains of the chair's speech. Articles about other kinds of meetings
(tiếp xúc cử tri, đối thoại …) keep their metadata but yield no recommendations or directives.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from giaoban.config import settings
from giaoban.extract import meeting as mt
from giaoban.extract.dates import find_publication
from giaoban.extract.directives import Directive, find_directives
from giaoban.extract.document import SourceDocument, read_document
from giaoban.extract.mentions import Mention, find_mentions, raises
from giaoban.extract.people import extract_people
from giaoban.extract.recommendations import Recommendation, find_recommendations
from giaoban.extract.record import DirOut, MeetingOut, MeetingRecord, PersonOut, RecOut
from giaoban.extract.sentences import sentences as split_sentences
from giaoban.extract.status import deadline, status_of
from giaoban.localities import LocalityRegistry
from giaoban.orgs import OrgRegistry
from giaoban.text import fold, nfc
from giaoban.themes import ThemeLexicon

# "Hội Thợ Săn": an association-like name (two or more capitalised words) that no alias knows.
_UNKNOWN_ORG = re.compile(r"\b(?:Hội|Liên hiệp|Câu lạc bộ|Hiệp hội)(?: [^\W\d_]+){2,4}")
_GENERIC_HEADS = ("hoi nghi", "hoi dong", "hoi vien", "hoi truong", "hoi thao", "hoi thi", "hoi cho")


class Extractor:
    def __init__(self, orgs: OrgRegistry, localities: LocalityRegistry, themes: ThemeLexicon):
        self.orgs, self.localities, self.themes = orgs, localities, themes

    @classmethod
    def from_data_dir(cls, data_dir: Path | None = None) -> Extractor:
        data_dir = data_dir or settings().data_dir
        return cls(
            OrgRegistry.from_data_dir(data_dir),
            LocalityRegistry.from_data_dir(data_dir, full=True),
            ThemeLexicon.from_data_dir(data_dir),
        )

    def extract_file(self, path: Path) -> tuple[SourceDocument, MeetingRecord]:
        doc = read_document(path)
        return doc, self.extract(doc.text, title=doc.title, published_hint=doc.published_hint)

    def extract(self, text: str, title: str | None = None, published_hint: str | None = None) -> MeetingRecord:
        text = nfc(text)
        warnings: list[str] = []
        sents = split_sentences(text)
        pub = find_publication(text)
        published = pub.date if pub else _iso_date(published_hint)
        title = mt.title_of(text, title)
        opening = mt.opening_sentences(text, sents, pub)
        held_on, basis, _ = mt.meeting_date(text, opening, published)
        mentions = find_mentions(self.orgs, text, on_date=held_on)
        people = extract_people(text, [(m.start, m.end) for m in mentions], [(s.start, s.end) for s in sents])
        kind = mt.kind_of(title, " ".join(s.text for s in opening[:1]))
        chairs = [p for p in people if p.role == "chair"]
        host = mt.host_of(text, opening, mentions, [p.title or "" for p in chairs], self.orgs)
        recs: list[Recommendation] = []
        dirs: list[Directive] = []
        if kind != "other":
            recs = find_recommendations(text, sents, mentions, lambda m: raises(self.orgs, m, host))
            dirs = find_directives(text, sents, mentions, _taken(sents, recs))
        level = self.orgs.get(host).get("level") if host and host in self.orgs else None
        locality_id = mt.locality_of(text, level, held_on, self.localities)
        period = mt.reviewed_period(text, title, held_on)
        if held_on is None and period is not None:
            held_on, basis = period.end, "from_period"
        warnings += _date_warnings(basis, held_on, published)
        warnings += self._unknown_orgs(text, mentions)
        record = MeetingRecord(
            meeting=MeetingOut(
                held_on=held_on,
                date_basis=basis,
                level=level,
                locality=self.localities.name(locality_id) if locality_id else None,
                locality_id=locality_id,
                host_body=self.orgs.name(host) if host else None,
                host_org_id=host,
                kind=kind,
                title=title,
                period=period.as_json() if period else None,
                published_on=published,
                confidence=_meeting_confidence(basis, host),
            ),
            chairs=[PersonOut(p.name, p.title, span=(p.start, p.end)) for p in chairs],
            attendees=[PersonOut(p.name, p.title, span=(p.start, p.end)) for p in people if p.role != "chair"],
            organisations=self._organisations(text, mentions, host, people, recs, dirs, _intro(title, text, opening)),
            recommendations=[self._rec(r, held_on) for r in recs],
            directives=[self._dir(d, held_on) for d in dirs],
            warnings=warnings,
        )
        record.themes = self._meeting_themes(text, record)
        return record

    def _rec(self, r: Recommendation, held_on: dt.date | None) -> RecOut:
        org = r.raised_by.org_ids[0] if r.raised_by and not r.raised_by.collective else None
        confidence = r.confidence - (0.2 if org is None else 0) - (0.1 if len(r.text.split()) > 60 else 0)
        return RecOut(
            raised_by=self.orgs.name(org) if org else (r.raised_by.text if r.raised_by else None),
            raised_by_org_id=org,
            text=r.text,
            response=r.response,
            status=status_of(r.response),
            themes=self.themes.theme_ids(r.text),
            span=(r.start, r.end),
            response_span=r.response_span,
            due_on=deadline(r.text, held_on),
            confidence=round(confidence, 2),
        )

    def _dir(self, d: Directive, held_on: dt.date | None) -> DirOut:
        ids = list(d.addressee.org_ids) if d.addressee else []
        name = self.orgs.name(ids[0]) if len(ids) == 1 and ids[0] in self.orgs else d.addressee_text
        confidence = d.confidence - (0.15 if not name else 0)
        return DirOut(
            addressee=name,
            addressee_org_ids=ids,
            text=d.text,
            themes=self.themes.theme_ids(d.text),
            span=(d.start, d.end),
            due_on=deadline(d.text, held_on),
            confidence=round(confidence, 2),
        )

    def _organisations(
        self, text: str, mentions: list[Mention], host: str | None, people, recs, dirs, intro: list[tuple[int, int]]
    ) -> list[dict[str, str]]:
        """Who took part: the host; bodies named where the meeting and its people are introduced
        (title, dateline, who chaired and attended — not ranks such as "Ủy viên Ban Thường vụ Tỉnh
        ủy" or a chair's second office "Chủ tịch HĐND tỉnh"); those who raised, answered or were
        given tasks. Bodies named only in the narrative of results or inside an answer's
        assignment ("giao Sở Nội vụ …") did not take part."""
        titles = _title_spans(text, people)
        ids = dict.fromkeys([host] if host else [])
        for m in mentions:
            in_title = any(a <= m.start < b for a, b in titles)
            if in_title and all(i in _RANKS for i in m.org_ids):
                continue
            if in_title or any(a <= m.start < b for a, b in intro):
                ids.update(dict.fromkeys(m.org_ids))
        for r in recs:
            if r.raised_by:
                ids.update(dict.fromkeys(r.raised_by.org_ids))
            if r.response_span:
                first = next((m for m in mentions if 0 <= m.start - r.response_span[0] < 60), None)
                if first is not None:
                    ids.update(dict.fromkeys(first.org_ids))
        for d in dirs:
            if d.addressee is not None:
                ids.update(dict.fromkeys(d.addressee.org_ids))
        return [{"org_id": i, "name": self.orgs.name(i)} for i in ids if i in self.orgs]

    def _meeting_themes(self, text: str, record: MeetingRecord) -> list[str]:
        """The union of the items' themes: what the meeting asked and decided, not what it reported."""
        return sorted({t for item in [*record.recommendations, *record.directives] for t in item.themes})

    def _unknown_orgs(self, text: str, mentions: list[Mention]) -> list[str]:
        out = []
        for m in _UNKNOWN_ORG.finditer(text):
            words = m.group().split()
            name = " ".join(
                words[: 1 + next((i for i, w in enumerate(words[1:]) if not w[0].isupper()), len(words) - 1)]
            )
            if len(name.split()) < 3 or fold(name).lower().startswith(_GENERIC_HEADS):
                continue
            if not any(x.start <= m.start() < x.end for x in mentions) and self.orgs.resolve(name) is None:
                out.append(f"unknown organisation name {name!r} at {m.start()}; add it to data/org_aliases.csv")
        return list(dict.fromkeys(out))[:10]


# Bodies that appear in titles as rank or office held, not as the body the person represents here.
_RANKS = {
    "btv_tinh_uy",
    "btv_huyen_uy",
    "btv_dang_uy",
    "tinh_uy",
    "huyen_uy",
    "dang_uy_xa",
    "hdnd_tinh",
    "hdnd_huyen",
    "hdnd_xa",
    "ubnd_tinh",
    "ubnd_huyen",
    "ubnd_xa",
    "thuong_truc_tinh_uy",
    "thuong_truc_huyen_uy",
    "thuong_truc_dang_uy",
    "ubkt",
    "doan_dbqh",
}


def _intro(title: str | None, text: str, opening) -> list[tuple[int, int]]:
    """Where a report says what meeting it was and who came: its headline and opening sentences."""
    spans = [(s.start, s.end) for s in opening[:3]]
    if title and (at := text.find(title)) != -1:
        spans.append((at, at + len(title)))
    return spans


def _title_spans(text: str, people) -> list[tuple[int, int]]:
    spans = []
    for p in people:
        if p.title:
            at = text.find(p.title, max(0, p.start - 250))
            if at != -1 and at < p.end + 250:
                spans.append((at, at + len(p.title)))
    return spans


def _taken(sents, recs: list[Recommendation]) -> set[int]:
    spans = [(r.start, r.end) for r in recs] + [r.response_span for r in recs if r.response_span]
    return {i for i, s in enumerate(sents) if any(s.start <= a < s.end for a, _ in spans)}


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _date_warnings(basis: str | None, held_on: dt.date | None, published: dt.date | None) -> list[str]:
    if held_on is None:
        return ["no meeting date or year found; set it with an override (giaoban review)"]
    if basis == "inferred_year":
        return [f"meeting year inferred from the publication date {published.isoformat()}"] if published else []
    if basis == "from_publication":
        return ["no meeting date in the text; used the publication date"]
    if basis == "from_period":
        return ["no meeting date or publication date; used the end of the reported period"]
    return []


def _meeting_confidence(basis: str | None, host: str | None) -> float:
    base = {"explicit": 0.95, "inferred_year": 0.85, "from_publication": 0.6, "from_period": 0.4}.get(basis or "", 0.2)
    return round(base - (0.1 if host is None else 0), 2)


@cache
def default_extractor() -> Extractor:
    return Extractor.from_data_dir()
