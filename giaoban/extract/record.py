"""The extraction result: one report → one MeetingRecord, serialised as the JSON contract.

The JSON shape is fixed by ARCHITECTURE.md (``python -m giaoban extract FILE --json``); extra
fields the loader needs (org ids, statuses, deadlines, confidences) sit beside the contract's keys
so the contract stays a stable subset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class PersonOut:
    name: str
    title: str | None
    org_id: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class RecOut:
    raised_by: str | None
    raised_by_org_id: str | None
    text: str
    response: str | None
    status: str | None
    themes: list[str]
    span: tuple[int, int]
    response_span: tuple[int, int] | None = None
    due_on: dt.date | None = None
    confidence: float = 0.8


@dataclass
class DirOut:
    addressee: str | None
    addressee_org_ids: list[str]
    text: str
    themes: list[str]
    span: tuple[int, int]
    due_on: dt.date | None = None
    confidence: float = 0.75


@dataclass
class MeetingOut:
    held_on: dt.date | None
    date_basis: str | None
    level: str | None
    locality: str | None
    locality_id: str | None
    host_body: str | None
    host_org_id: str | None
    kind: str
    title: str | None
    period: dict[str, str] | None
    published_on: dt.date | None = None
    confidence: float = 0.8


@dataclass
class MeetingRecord:
    meeting: MeetingOut
    chairs: list[PersonOut] = field(default_factory=list)
    attendees: list[PersonOut] = field(default_factory=list)
    organisations: list[dict[str, str]] = field(default_factory=list)
    recommendations: list[RecOut] = field(default_factory=list)
    directives: list[DirOut] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
