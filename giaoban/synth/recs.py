"""Sample recommendations of one chunk: who raised what, repeats, status histories, theme links.

Each meeting gets a Poisson number of recommendations; the raiser is one of the organisations at
the meeting and the theme follows that organisation's profile and the season. About one in eight
is raised again at one or two later meetings of the same series by the same organisation, reworded,
with ``repeat_of`` = the first occurrence (never a chain); the first occurrence then stays open at
least until the last repeat. Ids are "<meeting_id>-rNN" in meeting order.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from giaoban.synth import statuses, vocab
from giaoban.synth.calendar import day
from giaoban.synth.meetings import MeetingBlock
from giaoban.synth.phrases import REC_LEADS, REC_NOTES, REC_TAILS, REPEAT_LEADS
from giaoban.synth.slots import PROFILE_KEYS, SeriesInfo, Slots, TemplateTable, fields_of

REPEAT_BASE = 0.12
STICKY = {"funding": 1.5, "cadres": 1.4, "labour": 1.4, "complaints_land": 1.4, "restructuring": 1.3}
RESOLVE = {
    "funding": 0.6,
    "cadres": 0.8,
    "restructuring": 0.7,
    "complaints_land": 0.7,
    "labour": 0.85,
    "youth": 1.2,
    "emulation": 1.3,
    "propaganda": 1.2,
    "health_covid": 1.3,
    "disaster_relief": 1.3,
}
DUE_OFFSETS = np.array([30, 45, 60, 90, 180])
GAPS, GAP_P = np.array([1, 2, 3]), np.array([0.55, 0.3, 0.15])
SOURCE = "sample"


@lru_cache(maxsize=64)
def _lead_tails(lead: str) -> tuple[str, ...]:
    """The words a lead puts right before its body, longest first: ("chủ trì, phối hợp ", "phối hợp ")."""
    words = lead.split("{body}")[0].rsplit("}", 1)[-1].split()
    return tuple(" ".join(words[-n:]) + " " for n in (3, 2, 1) if len(words) >= n)


def join_lead(lead: str, body: str) -> str:
    """Drop the body's first words when the lead already ends with them ("quan tâm quan tâm")."""
    for tail in _lead_tails(lead):
        if body.startswith(tail):
            return body[len(tail) :]
    return body


def level_columns(block: MeetingBlock, infos: list[SeriesInfo], m: np.ndarray) -> np.ndarray:
    """Which vocab.ADDRESSEES column applies to each item (level, before/after 1/3/2025)."""
    level_col = np.array([vocab.LEVEL_COLUMN[i.series.level] for i in infos])[block.series[m]]
    merged = block.held[m] >= day(vocab.MERGER_DAY)
    return np.where((level_col == 0) & merged, 1, level_col)


def draw_raisers(rng: np.random.Generator, series_of: np.ndarray, infos: list[SeriesInfo]) -> np.ndarray:
    """Index into infos[s].raisers per item, drawn with that series' raiser weights."""
    out = np.zeros(series_of.shape[0], dtype=np.int64)
    groups: dict[tuple, list[int]] = {}
    for si, info in enumerate(infos):
        groups.setdefault(info.weights, []).append(si)
    for weights, members in groups.items():
        sel = np.nonzero(np.isin(series_of, members))[0]
        p = np.array(weights) / sum(weights)
        out[sel] = rng.choice(len(weights), size=sel.shape[0], p=p)
    return out


def _roots(rng, block: MeetingBlock, infos: list[SeriesInfo], table: TemplateTable):
    means = np.array([i.series.rec_mean for i in infos])
    counts = np.clip(rng.poisson(means[block.series]), 1, 14)
    m = np.repeat(np.arange(len(block.ids)), counts)
    s = block.series[m]
    slot = draw_raisers(rng, s, infos)
    profile = np.array([infos[a].profiles[b] for a, b in zip(s.tolist(), slot.tolist(), strict=True)], dtype=np.int64)
    tmpl = table.sample(rng, profile, block.year[m], block.quarter[m])
    return m, slot, profile, tmpl


def _texts(rng, block, infos, table, m, profile, tmpl):
    """(body, addressee, text) per root recommendation."""
    n = m.shape[0]
    slots, cols = Slots(rng, n), level_columns(block, infos, m)
    u_addr, lead, tail = rng.random(n), rng.integers(0, len(REC_LEADS), n), rng.integers(0, len(REC_TAILS), n)
    tail_fields = [fields_of(t) for t in REC_TAILS]
    bodies, addrs, texts = [], [], []
    cache: dict[tuple, str] = {}
    for i in range(n):
        si, t = int(block.series[m[i]]), table.templates[tmpl[i]]
        info, role = infos[si], t.to[int(u_addr[i] * len(t.to))]
        key = (role, int(cols[i]), si)
        if key not in cache:
            cache[key] = vocab.ADDRESSEES[role][key[1]].format(unit=info.unit, party=info.party)
        fam = PROFILE_KEYS[profile[i]]
        year = int(block.year[m[i]])
        body = t.body.format(**slots.values(table.fields[tmpl[i]], i, info, fam, year))
        if not set(tail_fields[tail[i]]) & set(table.fields[tmpl[i]]):  # no slot twice ("tại X, nhất là tại X")
            body += REC_TAILS[tail[i]].format(**slots.values(tail_fields[tail[i]], i, info, fam, year))
        fmt = REC_LEADS[lead[i]]
        bodies.append(body)
        addrs.append(cache[key])
        texts.append(fmt.format(addr=cache[key], body=join_lead(fmt, body)))
    return bodies, addrs, texts


def _repeats(rng, block: MeetingBlock, m: np.ndarray, tmpl: np.ndarray, table: TemplateTable):
    """(root index, target meeting, k) of each repeat, and per root the last repeat's offset."""
    n = m.shape[0]
    sticky = np.array([STICKY.get(t.theme, 0.85) for t in table.templates])[tmpl]
    s, pos = block.series[m], block.pos[m]
    t1 = pos + rng.choice(GAPS, size=n, p=GAP_P)
    ok1 = (rng.random(n) < REPEAT_BASE * sticky) & (t1 < block.length[s])
    t2 = t1 + rng.choice(GAPS, size=n, p=GAP_P)
    ok2 = ok1 & (rng.random(n) < 0.25) & (t2 < block.length[s])
    r1, r2 = np.nonzero(ok1)[0], np.nonzero(ok2)[0]
    root = np.concatenate([r1, r2])
    target = np.concatenate([block.first[s[r1]] + t1[r1], block.first[s[r2]] + t2[r2]])
    k = np.concatenate([np.full(r1.shape[0], 2), np.full(r2.shape[0], 3)])
    hold = np.full(n, -1, dtype=np.int64)
    hold[r1] = block.held[target[: r1.shape[0]]] - block.held[m[r1]]
    hold[r2] = block.held[target[r1.shape[0] :]] - block.held[m[r2]]
    return root, target, k, hold


def _repeat_texts(rng, block: MeetingBlock, m, root, k, bodies, addrs) -> list[str]:
    lead = rng.integers(0, len(REPEAT_LEADS), root.shape[0])
    out = []
    for j, r in enumerate(root.tolist()):
        label = block.periods[m[r]].label
        fmt = REPEAT_LEADS[lead[j]]
        prev = label[0].lower() + label[1:]
        out.append(fmt.format(addr=addrs[r], body=join_lead(fmt, bodies[r]), prev=prev, k=int(k[j])))
    return out


def generate(rng, block: MeetingBlock, infos: list[SeriesInfo], table: TemplateTable, used: set, last_day: int):
    """Columns of recommendations, recommendation_events and theme_links for one chunk."""
    m, slot, profile, tmpl = _roots(rng, block, infos, table)
    bodies, addrs, texts = _texts(rng, block, infos, table, m, profile, tmpl)
    root, target, k, hold = _repeats(rng, block, m, tmpl, table)
    texts += _repeat_texts(rng, block, m, root, k, bodies, addrs)
    n, r = m.shape[0], root.shape[0]
    meeting = np.concatenate([m, target])
    root_of = np.concatenate([np.full(n, -1), root])
    src = np.concatenate([np.arange(n), root])  # the root each row copies raiser/template from
    due = np.where(rng.random(n + r) < np.where(root_of < 0, 0.22, 0.10), rng.choice(DUE_OFFSETS, n + r), -1)
    order = np.lexsort((np.arange(n + r), root_of >= 0, meeting))
    ids = _ids(block, meeting[order])
    new_pos = np.empty(n + r, dtype=np.int64)
    new_pos[order] = np.arange(n + r)
    rec = _rec_columns(block, infos, meeting, src, slot, order, ids, texts, addrs, due, root_of, new_pos, used)
    outcome = statuses.rec_outcomes(
        rng, n + r, np.array([RESOLVE.get(t.theme, 1.0) for t in table.templates])[tmpl[src]]
    )
    held = block.held[meeting][order]
    ev = statuses.rec_events(rng, held, outcome[order], np.concatenate([hold, np.full(r, -1)])[order], last_day)
    events = event_columns(rng, ev, "rec_id", ids, statuses.REC_STATUSES, REC_NOTES)
    links = link_columns("recommendation", ids, [table.templates[t] for t in tmpl[src][order].tolist()])
    return rec, events, links


def _ids(block: MeetingBlock, meeting_sorted: np.ndarray) -> list[str]:
    starts = np.searchsorted(meeting_sorted, meeting_sorted, side="left")
    rank = np.arange(meeting_sorted.shape[0]) - starts + 1
    return [f"{block.ids[a]}-r{b:02d}" for a, b in zip(meeting_sorted.tolist(), rank.tolist(), strict=True)]


def _rec_columns(block, infos, meeting, src, slot, order, ids, texts, addrs, due, root_of, new_pos, used):
    raised_by, addressed, repeat_of = [], [], []
    for j in order.tolist():
        mi = int(meeting[j])
        info = infos[int(block.series[mi])]
        gid, lid = info.raisers[int(slot[src[j]])], info.series.unit.locality_id
        used.add((gid, lid))
        raised_by.append(f"{gid}@{lid}")
        addressed.append(addrs[src[j]])
        repeat_of.append(ids[new_pos[root_of[j]]] if root_of[j] >= 0 else None)
    held = block.held[meeting][order]
    return {
        "rec_id": ids,
        "meeting_id": [block.ids[i] for i in meeting[order].tolist()],
        "raised_by_org_id": raised_by,
        "text": [texts[j] for j in order.tolist()],
        "addressed_to": addressed,
        "due_on": np.where(due[order] >= 0, held + due[order], -1),
        "repeat_of": repeat_of,
    }


def event_columns(rng, ev: statuses.Events, id_col: str, ids: list[str], names: tuple[str, ...], notes: dict):
    """Event rows with a note drawn from the status' bank; (codes, values) pairs are decoded by the writer."""
    bank = [notes[s] for s in names]
    sizes = np.array([len(b) for b in bank])
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    status = ev.status.astype(np.int64)
    note_idx = offsets[status] + np.floor(rng.random(status.shape[0]) * sizes[status]).astype(np.int64)
    return {
        id_col: (ev.item, ids),
        "happened_on": ev.day,
        "status": (status, names),
        "note": (note_idx, tuple(n for b in bank for n in b)),
        "source": SOURCE,
    }


def link_columns(item_type: str, ids: list[str], templates: list) -> dict:
    return {
        "item_type": [item_type] * len(ids),
        "item_id": ids,
        "theme_id": [t.theme for t in templates],
        "score": [1.0] * len(ids),
        "matched": [t.key for t in templates],
    }
