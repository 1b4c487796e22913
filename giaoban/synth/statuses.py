"""Status histories (append-only events) for sample recommendations and directives, vectorised.

Recommendations follow DOMAIN.md §3: raised on the meeting day, most get a response within weeks
(answered on the spot, referred to a department, explained), far fewer are resolved, some are
declined, some stay open. Each item draws an *outcome* first and then the days of its steps, so
the shares are controlled: about 84 % get some response and about 30 % are resolved before the
cut-off, which lands the metrics near "109/139 (78 %)" answered and "18/93" to a third resolved once
recent items (not yet answered on 2025-12-31) are counted. Items raised again later (``hold``) stay
open until after their last repeat. Directives: issued, in progress, completed on time or late, a
few cancelled, some never finished ("833 nhiệm vụ: 585 hoàn thành, 67 còn trong hạn, 181 quá hạn").

Events after the cut-off day (2025-12-31, the demo's "today") are dropped.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

REC_STATUSES = ("raised", "referred", "answered", "explained", "in_progress", "resolved", "declined")
DIR_STATUSES = ("issued", "in_progress", "completed", "cancelled")
RAISED, REFERRED, ANSWERED, EXPLAINED, IN_PROGRESS, RESOLVED, DECLINED = range(7)
ISSUED, D_IN_PROGRESS, COMPLETED, CANCELLED = range(4)

# outcome -> probability: silent, acknowledged, referred, stuck in progress, explained, declined, resolved
REC_OUTCOMES = np.array([0.16, 0.09, 0.07, 0.12, 0.21, 0.05, 0.30])
SILENT, ACKED, REFERRED_ONLY, STUCK, EXPLAINED_O, DECLINED_O, RESOLVED_O = range(7)
# never started, in progress, on time, late, cancelled
DIR_OUTCOMES = np.array([0.08, 0.17, 0.55, 0.18, 0.02])


class Events(NamedTuple):
    item: np.ndarray  # index of the item the event belongs to
    day: np.ndarray  # days since 1970-01-01
    status: np.ndarray  # index into REC_STATUSES / DIR_STATUSES


def _gamma(rng: np.random.Generator, shape: float, scale: float, n: int) -> np.ndarray:
    return np.rint(rng.gamma(shape, scale, n)).astype(np.int64)


def _flatten(held: np.ndarray, status: np.ndarray, offset: np.ndarray, last_day: int) -> Events:
    """Matrix of steps (-1 = none) → event rows on or before ``last_day``, in item order."""
    days = held[:, None] + offset
    keep = (status >= 0) & (days <= last_day)
    rows, _ = np.nonzero(keep)
    return Events(rows.astype(np.int64), days[keep], status[keep].astype(np.int8))


def rec_outcomes(rng: np.random.Generator, n: int, resolve_factor: np.ndarray) -> np.ndarray:
    """Outcome per item; resolve_factor < 1 turns some resolved into stuck, > 1 the reverse."""
    out = rng.choice(len(REC_OUTCOMES), size=n, p=REC_OUTCOMES)
    u = rng.random(n)
    out = np.where((out == RESOLVED_O) & (u < 1 - resolve_factor), STUCK, out)
    return np.where((out == STUCK) & (u < resolve_factor - 1), RESOLVED_O, out)


def rec_events(
    rng: np.random.Generator, held: np.ndarray, outcome: np.ndarray, hold: np.ndarray, last_day: int
) -> Events:
    """Events for recommendations raised on ``held``; ``hold`` ≥ 0 keeps one open past that offset."""
    n = held.shape[0]
    held_back = hold >= 0
    outcome = np.where(held_back & np.isin(outcome, (EXPLAINED_O, DECLINED_O)), STUCK, outcome)
    status = np.full((n, 4), -1, dtype=np.int64)
    off = np.zeros((n, 4), dtype=np.int64)
    status[:, 0] = RAISED
    on_spot = rng.random(n) < 0.22
    t1 = np.where(on_spot, 0, 3 + _gamma(rng, 2.0, 12.0, n))
    t2 = t1 + 10 + _gamma(rng, 2.0, 20.0, n)
    t_close = t1 + 10 + _gamma(rng, 2.0, 15.0, n)
    u1, u2 = rng.random(n), rng.random(n)
    progress = (outcome == STUCK) | ((outcome == RESOLVED_O) & (u2 < 0.7))
    t_res = np.where(progress, t2, t1) + 15 + _gamma(rng, 1.5, 80.0, n)
    t_res = np.where(held_back, np.maximum(t_res, hold + 10 + _gamma(rng, 1.5, 60.0, n)), t_res)
    status[:, 1] = np.where(outcome != SILENT, _first_status(outcome, on_spot | (u1 < 0.5), u1 < 0.3), -1)
    off[:, 1] = t1
    status[:, 2] = np.where(progress, IN_PROGRESS, -1)
    off[:, 2] = t2
    explained_later = (outcome == EXPLAINED_O) & (status[:, 1] == REFERRED)
    status[:, 3] = np.select(
        [explained_later, outcome == DECLINED_O, outcome == RESOLVED_O], [EXPLAINED, DECLINED, RESOLVED], -1
    )
    off[:, 3] = np.where(outcome == RESOLVED_O, t_res, t_close)
    return _flatten(held, status, off, last_day)


def _first_status(outcome: np.ndarray, explain_now: np.ndarray, ack_first: np.ndarray) -> np.ndarray:
    """The first response: acknowledged, explained at once, or referred to a department."""
    first = np.where(outcome == ACKED, ANSWERED, REFERRED)
    first = np.where((outcome == EXPLAINED_O) & explain_now, EXPLAINED, first)
    return np.where((outcome == RESOLVED_O) & ack_first, ANSWERED, first)


def dir_events(rng: np.random.Generator, held: np.ndarray, due_days: np.ndarray, last_day: int) -> Events:
    """Events for directives issued on ``held`` with a deadline ``due_days`` after it."""
    n = held.shape[0]
    outcome = rng.choice(len(DIR_OUTCOMES), size=n, p=DIR_OUTCOMES)
    status = np.full((n, 3), -1, dtype=np.int64)
    off = np.zeros((n, 3), dtype=np.int64)
    status[:, 0] = ISSUED
    t_ip = np.minimum(5 + _gamma(rng, 2.0, 8.0, n), due_days // 2)
    status[:, 1] = np.where(outcome > 0, D_IN_PROGRESS, -1)
    off[:, 1] = t_ip
    on_time = t_ip + np.floor(rng.random(n) * (due_days - t_ip + 1)).astype(np.int64)
    late = due_days + 5 + _gamma(rng, 1.5, 40.0, n)
    cancel = t_ip + 30 + _gamma(rng, 2.0, 30.0, n)
    status[:, 2] = np.select([outcome == 2, outcome == 3, outcome == 4], [COMPLETED, COMPLETED, CANCELLED], -1)
    off[:, 2] = np.select([outcome == 2, outcome == 3], [on_time, late], cancel)
    return _flatten(held, status, off, last_day)
