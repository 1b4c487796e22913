"""Manual corrections (overrides): fix a date, merge an organisation alias, drop a false
recommendation, set a status. They live in the ``overrides`` table and are applied after every
ingest and re-extraction; one whose target no longer exists is reported, never silently lost.

Only whitelisted fields can be set, each with its own prepared statement, so an override can never
become arbitrary SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import duckdb

from giaoban.db import fetch
from giaoban.text import match_key

SETTABLE = {
    "meeting": {
        "held_on": "DATE",
        "level": "VARCHAR",
        "locality_id": "VARCHAR",
        "host_body": "VARCHAR",
        "kind": "VARCHAR",
        "title": "VARCHAR",
        "period_label": "VARCHAR",
        "period_start": "DATE",
        "period_end": "DATE",
    },
    "recommendation": {
        "raised_by_org_id": "VARCHAR",
        "text": "VARCHAR",
        "addressed_to": "VARCHAR",
        "due_on": "DATE",
        "repeat_of": "VARCHAR",
    },
    "directive": {"addressee_org_id": "VARCHAR", "addressee_text": "VARCHAR", "text": "VARCHAR", "due_on": "DATE"},
}
TABLE = {
    "meeting": ("meetings", "meeting_id"),
    "recommendation": ("recommendations", "rec_id"),
    "directive": ("directives", "dir_id"),
}
REC_STATUSES = ("raised", "referred", "answered", "explained", "in_progress", "resolved", "declined")
DIR_STATUSES = ("issued", "in_progress", "completed", "cancelled")


class OverrideError(ValueError):
    """An override that cannot be made; the message says why and what is allowed."""


@dataclass(frozen=True)
class Override:
    target_type: str
    target_id: str
    action: str
    field: str | None = None
    value: str | None = None
    happened_on: dt.date | None = None
    note: str | None = None

    @property
    def override_id(self) -> str:
        key = "|".join(
            str(x)
            for x in (
                self.target_type,
                self.target_id,
                self.action,
                self.field,
                self.happened_on if self.action == "status" else None,
            )
        )
        return "o-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def check(o: Override) -> None:
    if o.action == "set":
        allowed = SETTABLE.get(o.target_type, {})
        if o.field not in allowed:
            raise OverrideError(f"cannot set {o.target_type}.{o.field}; settable: {', '.join(allowed) or 'nothing'}")
        if allowed[o.field] == "DATE" and o.value:
            try:
                dt.date.fromisoformat(o.value)
            except ValueError:
                raise OverrideError(f"{o.field}: {o.value!r} is not a date; use YYYY-MM-DD") from None
    elif o.action == "status":
        vocab = REC_STATUSES if o.target_type == "recommendation" else DIR_STATUSES
        if o.target_type not in ("recommendation", "directive") or o.value not in vocab:
            raise OverrideError(f"status of a {o.target_type} must be one of: {', '.join(vocab)}")
        if o.happened_on is None:
            raise OverrideError("a status needs the date it happened on (--on YYYY-MM-DD)")
    elif o.action == "drop" and o.target_type not in TABLE:
        raise OverrideError("only meetings, recommendations and directives can be dropped")
    elif o.action == "alias" and not (o.target_id.strip() and o.value):
        raise OverrideError("an alias override needs the alias text and the organisation id")


def save(con: duckdb.DuckDBPyConnection, o: Override) -> str:
    """Store (or replace) one override; it takes effect at the next apply()."""
    check(o)
    con.execute(
        "INSERT OR REPLACE INTO overrides (override_id, target_type, target_id, action, field, value, "
        "happened_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [o.override_id, o.target_type, o.target_id, o.action, o.field, o.value, o.happened_on, o.note],
    )
    return o.override_id


def apply(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every stored override; returns messages about those whose target is gone."""
    problems = []
    rows = fetch(con, "SELECT * FROM overrides ORDER BY created_at, override_id").to_dicts()
    for row in rows:
        o = Override(
            row["target_type"],
            row["target_id"],
            row["action"],
            row["field"],
            row["value"],
            row["happened_on"],
            row["note"],
        )
        if o.action != "alias" and not _exists(con, o):
            problems.append(
                f"override {row['override_id']}: {o.target_type} {o.target_id} no longer exists "
                "(re-extraction changed it); review it with: giaoban review list"
            )
            continue
        _APPLY[o.action](con, o)
    return problems


_EXISTS = {
    "meeting": "SELECT count(*) FROM meetings WHERE meeting_id = ?",
    "recommendation": "SELECT count(*) FROM recommendations WHERE rec_id = ?",
    "directive": "SELECT count(*) FROM directives WHERE dir_id = ?",
}


def _exists(con, o: Override) -> bool:
    return con.execute(_EXISTS[o.target_type], [o.target_id]).fetchone()[0] > 0


def _set(con, o: Override) -> None:
    table, key = TABLE[o.target_type]
    cast = SETTABLE[o.target_type][o.field]
    con.execute(f"UPDATE {table} SET {o.field} = CAST(? AS {cast}) WHERE {key} = ?", [o.value, o.target_id])


def _drop(con, o: Override) -> None:
    table, key = TABLE[o.target_type]
    if o.target_type == "recommendation":
        con.execute("DELETE FROM recommendation_events WHERE rec_id = ?", [o.target_id])
    if o.target_type == "directive":
        con.execute("DELETE FROM directive_events WHERE dir_id = ?", [o.target_id])
    con.execute("DELETE FROM theme_links WHERE item_type = ? AND item_id = ?", [o.target_type, o.target_id])
    con.execute(f"DELETE FROM {table} WHERE {key} = ?", [o.target_id])


def _status(con, o: Override) -> None:
    table = "recommendation_events" if o.target_type == "recommendation" else "directive_events"
    key = "rec_id" if o.target_type == "recommendation" else "dir_id"
    con.execute(
        f"INSERT INTO {table} ({key}, happened_on, status, note, source) VALUES (?, ?, ?, ?, 'override') "
        "ON CONFLICT DO NOTHING",
        [o.target_id, o.happened_on, o.value, o.note],
    )


def _alias(con, o: Override) -> None:
    con.execute(
        "INSERT INTO org_aliases (alias, alias_folded, org_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [o.target_id, match_key(o.target_id), o.value],
    )


_APPLY = {"set": _set, "drop": _drop, "status": _status, "alias": _alias}


def meeting_date_override(con: duckdb.DuckDBPyConnection, meeting_id: str) -> dt.date | None:
    """A date a person set for a meeting the extractor could not date (its rows need one to exist)."""
    row = con.execute(
        "SELECT value FROM overrides WHERE target_type = 'meeting' AND target_id = ? AND action = 'set' "
        "AND field = 'held_on'",
        [meeting_id],
    ).fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None
