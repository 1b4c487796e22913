"""Stable ids for rows that arrive without one, so importing the same row twice gives the same id.

A document's id is the hash of its NFC text alone (the same report typed twice is one document);
meetings, recommendations and directives hash the content columns their TableSpec names, after
values are typed and organisation/locality names resolved, so "LĐLĐ" and "ldld" give one id.
An organisation gets a readable slug of its name instead, because people type org ids by hand.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from giaoban.localities import slugify

PREFIX = {"meetings": "m", "recommendations": "r", "directives": "d"}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """``doc-`` and the first 16 hex digits of the SHA-256 of the (NFC) text."""
    return "doc-" + text_sha256(text)[:16]


def _plain(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def content_id(table: str, values: list[object]) -> str:
    """``m-``/``r-``/``d-`` and 12 hex digits of the hash of the row's content columns."""
    payload = json.dumps([_plain(v) for v in values], ensure_ascii=False, default=str)
    return f"{PREFIX[table]}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:12]}"


def org_id_for(name: str, locality_id: str | None) -> str:
    """ "Hội Nông dân xã Tân Lập" in locality x → ``hoi-nong-dan-xa-tan-lap@x``."""
    slug = slugify(name)
    return f"{slug}@{locality_id}" if locality_id else slug
