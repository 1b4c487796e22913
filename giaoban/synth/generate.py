"""Entry point: plan the series of a scale, generate chunk by chunk, stream each chunk to Parquet.

Deterministic: the plan depends only on the reference data and the seed; chunk ``k`` draws from
``PCG64(SeedSequence([seed, k]))`` and writes part ``k`` of every table, and ids are numbered from
the plan (meeting ``n`` is "s{seed}-m{n:07d}"), so the same seed and scale give byte-identical
files. Memory stays bounded by one chunk (about ``CHUNK_MEETINGS`` meetings and their items) plus
the set of organisation instances used, which becomes the organisations table at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal

import numpy as np

from giaoban.orgs import instance_row
from giaoban.synth import directives, meetings, recs, writer
from giaoban.synth.calendar import Series, day, plan, series_schedule
from giaoban.synth.phrases import DIRECTIVES, RECOMMENDATIONS, Template
from giaoban.synth.refdata import END, RefData, load
from giaoban.synth.slots import TemplateTable, series_info

Scale = Literal["demo", "province", "national"]
SCALES: tuple[Scale, ...] = ("demo", "province", "national")
CHUNK_MEETINGS = 50_000
LAST_DAY = day(END)  # no event after the demo's "today"
Progress = Callable[[int, int], None]


def generate(
    seed: int, scale: Scale, out_dir: Path, data_dir: Path, progress: Progress | None = None
) -> dict[str, int]:
    """Write the sample history of ``scale`` under ``out_dir``; returns rows per table."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; use one of {', '.join(SCALES)}")
    out_dir = Path(out_dir)
    ref = load(Path(data_dir), synthesise_below=scale == "national")
    chunks = make_chunks(plan(scale, ref, seed))
    tables = (
        TemplateTable(_usable(RECOMMENDATIONS, ref), by_profile=True),
        TemplateTable(_usable(DIRECTIVES, ref), by_profile=False),
    )
    writer.prepare(out_dir)
    counts: Counter[str] = Counter()
    used: set[tuple[str, str]] = set()
    total, done = sum(n for _, n in chunks), 0
    for no, (chunk, n) in enumerate(chunks):
        counts.update(run_chunk(seed, no, done, chunk, ref, tables, out_dir, used))
        done += n
        if progress:
            progress(done, total)
    counts["organisations"] = writer.write_part(out_dir, "organisations", 0, org_columns(used, ref))
    units = {s.unit.locality_id for chunk, _ in chunks for s in chunk}
    counts["localities"] = writer.write_part(out_dir, "localities", 0, locality_columns(units, ref))
    return dict(counts)


def _usable(templates: tuple[Template, ...], ref: RefData) -> tuple[Template, ...]:
    """Templates whose theme exists in data/themes.yaml (all of them when it is absent)."""
    kept = tuple(t for t in templates if ref.themes is None or t.theme in ref.themes)
    if not kept:
        raise ValueError("no phrase template matches a theme id of data/themes.yaml")
    return kept


def make_chunks(series: list[Series]) -> list[tuple[list[Series], int]]:
    """Whole provinces per chunk, about CHUNK_MEETINGS meetings each: (series, meetings)."""
    chunks: list[tuple[list[Series], int]] = []
    current: list[Series] = []
    count = 0
    for i, s in enumerate(series):
        current.append(s)
        count += len(series_schedule(s))
        boundary = i + 1 == len(series) or series[i + 1].group != s.group
        if boundary and count >= CHUNK_MEETINGS:
            chunks.append((current, count))
            current, count = [], 0
    if current:
        chunks.append((current, count))
    return chunks


def run_chunk(seed, no, first_number, chunk, ref, tables, out_dir: Path, used: set) -> Counter[str]:
    """Generate and write part ``no`` of every table."""
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, no])))
    block = meetings.build_block(seed, first_number, [series_schedule(s) for s in chunk], rng)
    infos = [series_info(s, ref) for s in chunk]
    cols = meetings.meeting_columns(block, infos)
    cols |= {"meeting_id": block.ids, "held_on": block.held, "date_basis": "explicit", "origin": "sample"}
    rec, rec_ev, rec_links = recs.generate(rng, block, infos, tables[0], used, LAST_DAY)
    dirs, dir_ev, dir_links = directives.generate(rng, block, infos, tables[1], ref, used, LAST_DAY)
    links = {k: rec_links[k] + dir_links[k] for k in rec_links}
    parts = {
        "meetings": cols,
        "meeting_orgs": meetings.org_rows(block, chunk, ref, used),
        "meeting_people": meetings.people_rows(seed, block, chunk, ref, used),
        "recommendations": rec,
        "recommendation_events": rec_ev,
        "directives": dirs,
        "directive_events": dir_ev,
        "theme_links": links,
    }
    return Counter({name: writer.write_part(out_dir, name, no, c) for name, c in parts.items()})


def _ancestor(ref: RefData, locality_id: str, level: str) -> str | None:
    unit = ref.units.get(locality_id)
    while unit is not None and unit.level != level:
        unit = ref.units.get(unit.parent_id or "")
    return unit.locality_id if unit else None


def _instance(ref: RefData, gid: str, lid: str) -> tuple[dict, tuple[str, str] | None]:
    """One organisations row (validity narrowed to the unit's life) and its parent instance, if any."""
    g, u = ref.generics[gid], ref.units[lid]
    parent = g.get("parent_org_id") if g.get("parent_org_id") in ref.generics else None
    plevel = ref.generics[parent].get("level") if parent else None
    plid = (lid if plevel in (None, u.level) else _ancestor(ref, lid, plevel)) if parent else None
    row = instance_row(g, lid, u.phrase, u.level, plid)
    lows = [d for d in (g["valid_from"], u.valid_from) if d and d > date.min]
    highs = [d for d in (g["valid_to"], u.valid_to) if d and d < date.max]
    row["valid_from"], row["valid_to"] = max(lows, default=None), min(highs, default=None)
    if parent and not plid:
        row["parent_org_id"] = None
    return row, ((parent, plid) if parent and plid else None)


def org_columns(used: set[tuple[str, str]], ref: RefData) -> dict[str, list]:
    """Organisation instance rows for everything used, closed over parents, sorted by id."""
    rows: dict[str, dict] = {}
    todo = sorted(used)
    while todo:
        gid, lid = todo.pop()
        row, parent = _instance(ref, gid, lid)
        if row["org_id"] in rows:
            continue
        rows[row["org_id"]] = row
        if parent:
            todo.append(parent)
    ordered = [rows[k] for k in sorted(rows)]
    return {name: [r[name] for r in ordered] for name in writer.SCHEMAS["organisations"].names}


def locality_columns(ids: set[str], ref: RefData) -> dict[str, list]:
    """Rows for the units meetings refer to and their ancestors (missing from localities.csv at scale)."""
    closed: set[str] = set()
    for lid in ids:
        while lid and lid in ref.units and lid not in closed:
            closed.add(lid)
            lid = ref.units[lid].parent_id or ""
    units = [ref.units[i] for i in sorted(closed)]
    return {
        "locality_id": [u.locality_id for u in units],
        "name": [u.name for u in units],
        "unit_type": [u.unit_type or None for u in units],
        "level": [u.level for u in units],
        "parent_id": [u.parent_id for u in units],
        "valid_from": [u.valid_from if u.valid_from > date.min else None for u in units],
        "valid_to": [u.valid_to if u.valid_to < date.max else None for u in units],
        "successor_id": [u.successor_id for u in units],
        "code": [u.code for u in units],
    }
