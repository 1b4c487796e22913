"""A MeetingRecord as rows of the import format, so extracted reports go through the same
validation, organisation-instance and idempotency rules as spreadsheets (giaoban.load).

Ids are content hashes: the document by its text, items by the document and their folded text,
so re-ingesting a report is a no-op and a correction (override) keyed by an item id still finds
its item after re-extraction as long as the extracted text is the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from giaoban.extract.record import MeetingRecord
from giaoban.load.ids import document_id
from giaoban.text import match_key


def _h(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def meeting_id_for(doc_id: str) -> str:
    return "m-" + doc_id.removeprefix("doc-")


def item_id(prefix: str, doc_id: str, text: str) -> str:
    return f"{prefix}-{_h(doc_id, match_key(text))}"


def document_row(
    text: str, title: str | None, source: str, url: str | None, published: dt.date | None
) -> dict[str, Any]:
    return {
        "doc_id": document_id(text),
        "source": source,
        "url": url,
        "title": title,
        "text": text,
        "published_at": published.isoformat() if published else None,
    }


def record_rows(record: MeetingRecord, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """Rows per table for one extracted meeting (empty when it has no date to file it under)."""
    m = record.meeting
    if m.held_on is None:
        return {}
    meeting_id = meeting_id_for(doc_id)
    period = m.period or {}
    tables: dict[str, list[dict[str, Any]]] = {
        "meetings": [
            {
                "meeting_id": meeting_id,
                "doc_id": doc_id,
                "held_on": m.held_on.isoformat(),
                "date_basis": m.date_basis,
                "level": m.level,
                "locality_id": m.locality_id,
                "host_body": m.host_body,
                "kind": m.kind,
                "title": m.title,
                "period_label": period.get("label"),
                "period_kind": _period_kind(period.get("label")),
                "period_start": period.get("start"),
                "period_end": period.get("end"),
                "origin": "extracted",
                "confidence": m.confidence,
            }
        ],
        "meeting_people": [
            {"meeting_id": meeting_id, "name": p.name, "title": p.title, "role": role}
            for role, people in (("chair", record.chairs), ("attendee", record.attendees))
            for p in people
        ],
        "meeting_orgs": [
            {
                "meeting_id": meeting_id,
                "org_id": o["org_id"],
                "role": "host" if o["org_id"] == m.host_org_id else "participant",
            }
            for o in record.organisations
        ],
    }
    tables.update(_recommendation_rows(record, doc_id, meeting_id))
    tables.update(_directive_rows(record, doc_id, meeting_id))
    return tables


def _recommendation_rows(record: MeetingRecord, doc_id: str, meeting_id: str) -> dict[str, list[dict[str, Any]]]:
    held = record.meeting.held_on.isoformat()
    recs, events = [], []
    for r in record.recommendations:
        rec_id = item_id("r", doc_id, r.text)
        recs.append(
            {
                "rec_id": rec_id,
                "meeting_id": meeting_id,
                "raised_by_org_id": r.raised_by_org_id,
                "text": r.text,
                "due_on": r.due_on.isoformat() if r.due_on else None,
                "doc_id": doc_id,
                "span_start": r.span[0],
                "span_end": r.span[1],
                "confidence": r.confidence,
            }
        )
        events.append({"rec_id": rec_id, "happened_on": held, "status": "raised", "source": "extracted"})
        if r.status and r.status != "raised":
            events.append(
                {"rec_id": rec_id, "happened_on": held, "status": r.status, "note": r.response, "source": "extracted"}
            )
    return {"recommendations": recs, "recommendation_events": events}


def _directive_rows(record: MeetingRecord, doc_id: str, meeting_id: str) -> dict[str, list[dict[str, Any]]]:
    held = record.meeting.held_on.isoformat()
    dirs, events = [], []
    for d in record.directives:
        dir_id = item_id("d", doc_id, d.text)
        single = d.addressee_org_ids[0] if len(d.addressee_org_ids) == 1 else None
        dirs.append(
            {
                "dir_id": dir_id,
                "meeting_id": meeting_id,
                "addressee_org_id": single,
                "addressee_text": d.addressee,
                "text": d.text,
                "due_on": d.due_on.isoformat() if d.due_on else None,
                "doc_id": doc_id,
                "span_start": d.span[0],
                "span_end": d.span[1],
                "confidence": d.confidence,
            }
        )
        events.append({"dir_id": dir_id, "happened_on": held, "status": "issued", "source": "extracted"})
    return {"directives": dirs, "directive_events": events}


def theme_rows(record: MeetingRecord, doc_id: str) -> list[tuple[str, str, str, float, str]]:
    """(item_type, item_id, theme_id, score, matched) for the meeting and each item."""
    rows = [("meeting", meeting_id_for(doc_id), t, 1.0, "") for t in record.themes]
    rows += [
        ("recommendation", item_id("r", doc_id, r.text), t, 1.0, "") for r in record.recommendations for t in r.themes
    ]
    rows += [("directive", item_id("d", doc_id, d.text), t, 1.0, "") for d in record.directives for t in d.themes]
    return rows


def _period_kind(label: str | None) -> str | None:
    if not label:
        return None
    key = match_key(label)
    for prefix, kind in (
        ("quy", "quarter"),
        ("6 thang", "half"),
        ("nam", "year"),
        ("thang", "month"),
        ("nhiem ky", "term"),
        ("giai doan", "phase"),
    ):
        if key.startswith(prefix):
            return kind
    return "ytd"
