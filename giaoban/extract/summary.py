"""A human-readable summary of an extraction record, for `giaoban extract FILE` without --json."""

from __future__ import annotations

from typing import Any


def summarise(data: dict[str, Any]) -> str:
    m = data["meeting"]
    period = (m.get("period") or {}).get("label", "—")
    lines = [
        f"{m.get('title') or '(no title)'}",
        f"  date {m.get('held_on') or '?'} ({m.get('date_basis') or 'unknown'}), kind {m['kind']}, "
        f"level {m.get('level') or '?'}, host {m.get('host_body') or '?'}, "
        f"place {m.get('locality') or '?'}, period {period}",
    ]
    for role in ("chairs", "attendees"):
        for p in data[role]:
            lines.append(f"  {role[:-1]:9} {p['name']} — {p.get('title') or ''}")
    lines.append(f"  organisations: {', '.join(o['name'] for o in data['organisations']) or '—'}")
    for i, r in enumerate(data["recommendations"], 1):
        lines.append(f"  R{i} [{r.get('raised_by') or '?'}] {r['text']}")
        if r.get("response"):
            lines.append(f"     → {r['response']} ({r.get('status') or 'no status'})")
    for i, d in enumerate(data["directives"], 1):
        lines.append(f"  D{i} [{d.get('addressee') or '?'}] {d['text']}")
    lines.append(f"  themes: {', '.join(data['themes']) or '—'}")
    lines.extend(f"  warning: {w}" for w in data["warnings"])
    return "\n".join(lines)
