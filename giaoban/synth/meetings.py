"""Sample meetings of one chunk: dates, titles, host, organisations and people present.

Every title starts with "[Dữ liệu mẫu]" (sample data) and every row has origin 'sample', so no
one mistakes generated history for a real report. Meetings of a series are contiguous and in date
order inside a chunk (``first[s]`` + position), which the repeat logic in giaoban.synth.recs uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from giaoban.synth.calendar import Period, Series, draw_days, to_date
from giaoban.synth.people import meeting_people
from giaoban.synth.refdata import RefData
from giaoban.synth.slots import SeriesInfo, assoc_subset
from giaoban.synth.vocab import MERGER_DAY

SAMPLE_PREFIX = "[Dữ liệu mẫu] "
PARTICIPANTS = ("mttq", "ldld", "doan", "hlhpn", "hnd", "ccb")


@dataclass
class MeetingBlock:
    ids: list[str]
    series: np.ndarray  # index into the chunk's series
    pos: np.ndarray  # position inside the series
    held: np.ndarray  # days since 1970-01-01
    year: np.ndarray  # year and quarter of the period's end (seasonal themes)
    quarter: np.ndarray
    periods: list[Period]
    first: np.ndarray  # per series: index of its first meeting
    length: np.ndarray  # per series: number of meetings


def build_block(seed: int, first_number: int, schedules: list[tuple[Period, ...]], rng: np.random.Generator):
    lengths = np.array([len(s) for s in schedules], dtype=np.int64)
    periods = [p for sched in schedules for p in sched]
    n = len(periods)
    lo = np.array([p.lo for p in periods], dtype=np.int64)
    hi = np.array([p.hi for p in periods], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    return MeetingBlock(
        ids=[f"s{seed}-m{k:07d}" for k in range(first_number, first_number + n)],
        series=np.repeat(np.arange(len(schedules)), lengths),
        pos=np.arange(n) - np.repeat(first, lengths),
        held=draw_days(lo, hi, rng) if n else lo,
        year=np.array([p.end.year for p in periods], dtype=np.int64),
        quarter=np.array([(p.end.month - 1) // 3 + 1 for p in periods], dtype=np.int64),
        periods=periods,
        first=first,
        length=lengths,
    )


def host_body(info: SeriesInfo, on: date) -> str:
    if info.series.host == "dan_van":
        board = "Ban Tuyên giáo và Dân vận" if on >= MERGER_DAY else "Ban Dân vận"
        return f"{board} {info.party}"
    return f"Thường trực {info.party}"


def title(info: SeriesInfo, p: Period, host: str) -> str:
    label = p.label[0].lower() + p.label[1:]
    place = f"{host} {info.series.unit.bare}"
    if info.series.host == "dan_van":
        verb = {"giao_ban": "giao ban công tác dân vận", "so_ket": "sơ kết công tác dân vận"}.get(
            p.kind, "tổng kết công tác dân vận"
        )
    else:
        verb = {
            "giao_ban": f"giao ban với Ủy ban MTTQ và các tổ chức chính trị - xã hội {info.unit},",
            "so_ket": "sơ kết công tác Mặt trận và các đoàn thể",
            "tong_ket": "tổng kết công tác Mặt trận và các đoàn thể",
        }.get(p.kind, "làm việc với MTTQ và các đoàn thể")
    return f"{SAMPLE_PREFIX}{place} {verb} {label}"


def meeting_columns(block: MeetingBlock, infos: list[SeriesInfo]) -> dict[str, list]:
    cols: dict[str, list] = {k: [] for k in ("level", "locality_id", "host_body", "kind", "title")}
    for k, p in enumerate(block.periods):
        info = infos[block.series[k]]
        host = host_body(info, to_date(block.held[k]))
        cols["level"].append(info.series.level)
        cols["locality_id"].append(info.series.unit.locality_id)
        cols["host_body"].append(host)
        cols["kind"].append(p.kind)
        cols["title"].append(title(info, p, host))
    cols["period_label"] = [p.label for p in block.periods]
    cols["period_kind"] = [p.period_kind for p in block.periods]
    cols["period_start"] = [p.start for p in block.periods]
    cols["period_end"] = [p.end for p in block.periods]
    return cols


def org_roles(s: Series) -> list[tuple[str, str]]:
    """(org role, meeting role) of the organisations at a meeting of this series."""
    roles = [(s.host, "host")] + [(f, "participant") for f in PARTICIPANTS]
    if s.host == "tttu":
        roles.append(("dan_van", "participant"))
    return roles


def org_rows(block: MeetingBlock, series: list[Series], ref: RefData, used: set[tuple[str, str]]):
    """meeting_orgs rows (meeting_id, org_id, role); records each instance used."""
    mids, oids, roles = [], [], []
    cache: dict[tuple[int, bool], list[tuple[str, str]]] = {}
    for k, mid in enumerate(block.ids):
        si, on = int(block.series[k]), to_date(block.held[k])
        key = (si, on >= MERGER_DAY)
        if key not in cache:
            cache[key] = _orgs_present(series[si], ref, on, used)
        for oid, role in cache[key]:
            mids.append(mid)
            oids.append(oid)
            roles.append(role)
    return {"meeting_id": mids, "org_id": oids, "role": roles}


def _orgs_present(s: Series, ref: RefData, on: date, used: set[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    lid = s.unit.locality_id
    generics = [(ref.role_org(role, s.level, on), mrole) for role, mrole in org_roles(s)]
    if s.host == "dan_van" and s.level == "province":
        generics += [(a, "participant") for a in assoc_subset(ref, lid)]
    for gid, mrole in generics:
        if gid:
            used.add((gid, lid))
            out.append((f"{gid}@{lid}", mrole))
    return out


def people_rows(seed: int, block: MeetingBlock, series: list[Series], ref: RefData, used: set[tuple[str, str]]):
    """meeting_people rows: the chair and one or two attendees per meeting."""
    cols: dict[str, list] = {k: [] for k in ("meeting_id", "name", "title", "role", "org_id")}
    for k, mid in enumerate(block.ids):
        s, on = series[int(block.series[k])], to_date(block.held[k])
        for name, ttl, role, org_role in meeting_people(seed, s, on, block.periods[k].kind):
            gid = ref.role_org(org_role, s.level, on)
            if gid:
                used.add((gid, s.unit.locality_id))
            cols["meeting_id"].append(mid)
            cols["name"].append(name)
            cols["title"].append(ttl)
            cols["role"].append(role)
            cols["org_id"].append(f"{gid}@{s.unit.locality_id}" if gid else None)
    return cols
