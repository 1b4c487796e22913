"""Sample directives (chỉ đạo, nhiệm vụ) of one chunk, their status histories and theme links.

The chair's conclusion assigns tasks to the Front and the organisations, the People's Committee or
a department; about 40 % carry a deadline, written into the text ("hoàn thành trước ngày
30/6/2021") and stored in ``due_on``. ``addressee_org_id`` is the addressee's instance at the
meeting's unit when one organisation is meant, else NULL. Ids are "<meeting_id>-dNN".
"""

from __future__ import annotations

import numpy as np

from giaoban.synth import statuses, vocab
from giaoban.synth.calendar import to_date
from giaoban.synth.meetings import MeetingBlock
from giaoban.synth.phrases import DEADLINE_SUFFIXES, DIR_NOTES, DIRECTIVE_LEADS
from giaoban.synth.recs import event_columns, join_lead, level_columns, link_columns
from giaoban.synth.refdata import RefData
from giaoban.synth.slots import SeriesInfo, Slots, TemplateTable

DUE_SHARE = 0.40
DUE_OFFSETS = np.array([30, 45, 60, 90, 120, 180])
DEFAULT_DUE_DAYS = 90  # build_info overdue_days: when an item without deadline counts as overdue


def _addressee(role: str, col: int, info: SeriesInfo) -> str:
    forms, _ = vocab.DIRECTIVE_ADDRESSEES[role]
    return forms[col].format(unit=info.unit, party=info.party, youth_union=info.youth_union)


def _org(role: str, info: SeriesInfo, ref: RefData, held: int, used: set) -> str | None:
    org_role = vocab.DIRECTIVE_ADDRESSEES[role][1]
    gid = ref.role_org(org_role, info.series.level, to_date(held)) if org_role else None
    if gid is None:
        return None
    used.add((gid, info.series.unit.locality_id))
    return f"{gid}@{info.series.unit.locality_id}"


def _text(lead: str, addr: str, body: str, due: int, suffix: int) -> str:
    text = lead.format(addr=addr, Addr=addr[0].upper() + addr[1:], body=join_lead(lead, body))
    if due >= 0:
        text += DEADLINE_SUFFIXES[suffix].format(due=f"{to_date(due):%d/%m/%Y}")
    return text + "."


def generate(rng, block: MeetingBlock, infos: list[SeriesInfo], table: TemplateTable, ref: RefData, used, last_day):
    """Columns of directives, directive_events and theme_links for one chunk."""
    means = np.array([i.series.dir_mean for i in infos])
    counts = np.clip(rng.poisson(means[block.series]), 1, 9)
    m = np.repeat(np.arange(len(block.ids)), counts)
    n = m.shape[0]
    tmpl = table.sample(rng, np.zeros(n, dtype=np.int64), block.year[m], block.quarter[m])
    held = block.held[m]
    due_days = np.where(rng.random(n) < DUE_SHARE, rng.choice(DUE_OFFSETS, n), -1)
    due = np.where(due_days >= 0, held + due_days, -1)
    cols, slots = level_columns(block, infos, m), Slots(rng, n)
    u_addr, lead, suffix = rng.random(n), rng.integers(0, len(DIRECTIVE_LEADS), n), rng.integers(0, 2, n)
    out: dict[str, list] = {k: [] for k in ("dir_id", "meeting_id", "addressee_org_id", "addressee_text", "text")}
    starts = np.searchsorted(m, m, side="left")
    for i in range(n):
        mi, t = int(m[i]), table.templates[tmpl[i]]
        info, role = infos[int(block.series[mi])], t.to[int(u_addr[i] * len(t.to))]
        addr = _addressee(role, int(cols[i]), info)
        body = t.body.format(**slots.values(table.fields[tmpl[i]], i, info, "", int(block.year[mi])))
        out["dir_id"].append(f"{block.ids[mi]}-d{i - starts[i] + 1:02d}")
        out["meeting_id"].append(block.ids[mi])
        out["addressee_org_id"].append(_org(role, info, ref, int(held[i]), used))
        out["addressee_text"].append(addr)
        out["text"].append(_text(DIRECTIVE_LEADS[lead[i]], addr, body, int(due[i]), int(suffix[i])))
    out["due_on"] = due
    ev = statuses.dir_events(rng, held, np.where(due_days >= 0, due_days, DEFAULT_DUE_DAYS), last_day)
    events = event_columns(rng, ev, "dir_id", out["dir_id"], statuses.DIR_STATUSES, DIR_NOTES)
    links = link_columns("directive", out["dir_id"], [table.templates[t] for t in tmpl.tolist()])
    return out, events, links
