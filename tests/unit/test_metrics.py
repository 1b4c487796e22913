"""Metric views on the hand-made fixture (tests/fixtures/mini), with the arithmetic shown.

As of 2024-12-31, recommendations raised in 2024: r1 r2 r3 r4 r5 r9 r10 r11 (8).
- answered (any response): r1 referred→resolved, r2 answered, r3 in_progress, r5 explained = 4 → 0.5
- resolved: r1 only = 1 → 0.125; r1 took 2024-03-28 → 2024-09-01 = 157 days
- open: r2 r3 r4 r9 r10 r11 = 6 (r5 explained is closed)
- overdue: r2 (due 2024-05-31), r3 (2024-07-05 + 90 = 2024-10-03), r11 (2024-09-10 + 90) = 3
- raised again later: r1 (r3 repeats it) = 1 → 0.125
Same period a year earlier, as of 2023-12-31: r6 resolved after 92 days, r7 open and overdue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from giaoban import db
from giaoban.db import fetch


def one(con, sql, params=None) -> dict:
    rows = fetch(con, sql, params).to_dicts()
    assert len(rows) == 1, rows
    return rows[0]


def test_rec_metrics_2024(mini_con):
    m = one(mini_con, "SELECT * FROM rec_metrics(DATE '2024-01-01', DATE '2024-12-31', DATE '2024-12-31')")
    assert (m["n_raised"], m["n_answered"], m["n_resolved"], m["n_open"], m["n_overdue"]) == (8, 4, 1, 6, 3)
    assert m["answered_rate"] == pytest.approx(0.5)
    assert m["resolution_rate"] == pytest.approx(0.125)
    assert m["median_days_to_resolution"] == 157
    assert m["repeat_rate"] == pytest.approx(0.125)


def test_same_period_last_year_is_judged_a_year_earlier(mini_con):
    rows = fetch(mini_con, "SELECT * FROM rec_metrics_yoy('2024-01-01', '2024-12-31', '2024-12-31') ORDER BY period")
    previous = rows.filter(period="previous_year").to_dicts()[0]
    assert (previous["n_raised"], previous["n_resolved"], previous["n_overdue"]) == (2, 1, 1)
    assert previous["median_days_to_resolution"] == 92


def test_status_as_of_a_date_ignores_later_events(mini_con):
    # On 2024-04-01: r1 only raised (referred on 04-15), r2 raised (answered 04-02), r6 resolved, r7 raised.
    states = fetch(mini_con, "SELECT rec_id, status FROM rec_state_asof(DATE '2024-04-01') ORDER BY rec_id")
    assert dict(states.iter_rows()) == {"r1": "raised", "r2": "raised", "r6": "resolved", "r7": "raised"}
    later = dict(fetch(mini_con, "SELECT rec_id, status FROM rec_state_asof(DATE '2024-12-31')").iter_rows())
    assert later["r1"] == "resolved" and later["r2"] == "answered" and later["r5"] == "explained"


def test_overdue_uses_stated_deadline_or_default_days(mini_con):
    s = {r["rec_id"]: r for r in fetch(mini_con, "SELECT * FROM rec_state_asof(DATE '2024-12-31')").to_dicts()}
    assert s["r2"]["due_effective"] == dt.date(2024, 5, 31) and s["r2"]["is_overdue"]
    assert s["r3"]["due_effective"] == dt.date(2024, 10, 3) and s["r3"]["is_overdue"]
    assert s["r4"]["due_effective"] == dt.date(2025, 3, 31) and not s["r4"]["is_overdue"]
    assert not s["r5"]["is_open"] and not s["r5"]["is_overdue"]  # explained = a definitive answer


def test_aging_buckets(mini_con):
    # Open on 2024-12-31: r9 16 days, r10 77, r11 112, r2 278, r3 179, r4 179, r7 642.
    rows = fetch(mini_con, "SELECT aging_bucket, count(*) n FROM rec_state_asof('2024-12-31') WHERE is_open GROUP BY 1")
    assert dict(rows.iter_rows()) == {"≤30": 1, "31–90": 1, "91–120": 1, ">120": 4}


def test_repeats_point_to_the_first_occurrence(mini_con):
    s = {r["rec_id"]: r for r in fetch(mini_con, "SELECT * FROM rec_state_asof('2024-12-31')").to_dicts()}
    assert s["r1"]["times_raised"] == 2 and s["r3"]["times_raised"] == 2
    assert s["r1"]["raised_again"] and not s["r3"]["raised_again"]
    # Before r3 existed, r1 had been raised once.
    early = one(mini_con, "SELECT times_raised FROM rec_state_asof('2024-06-30') WHERE rec_id = 'r1'")
    assert early["times_raised"] == 1


def test_directive_outcomes(mini_con):
    outcome = dict(fetch(mini_con, "SELECT dir_id, outcome FROM dir_state_asof('2024-12-31')").iter_rows())
    assert outcome == {"d1": "on_time", "d2": "late", "d3": "overdue", "d4": "open", "d5": "on_time"}
    m = one(mini_con, "SELECT * FROM dir_metrics('2024-01-01', '2024-12-31', '2024-12-31')")
    assert (m["n_issued"], m["n_completed"], m["n_overdue"], m["n_open"]) == (4, 2, 1, 1)
    assert m["completed_rate"] == pytest.approx(0.5)


def test_harmonised_province_follows_the_2025_merger(mini_con):
    lp = dict(fetch(mini_con, "SELECT locality_id, current_province_id FROM locality_province").iter_rows())
    assert lp["bac-giang/yen-the/dong-tam"] == "bac-ninh-2025"
    assert lp["bac-ninh"] == "bac-ninh-2025"
    recorded = one(mini_con, "SELECT province_id FROM locality_province WHERE locality_id = 'bac-giang/yen-the'")
    assert recorded["province_id"] == "bac-giang"


def test_activity_by_org_and_year(mini_con):
    rows = fetch(
        mini_con, "SELECT * FROM activity_by_org('year') WHERE org_id = 'ldld@bac-giang' ORDER BY period_start"
    )
    by_year = {r["period_label"]: (r["meetings"], r["recommendations"], r["directives"]) for r in rows.to_dicts()}
    assert by_year == {"2023": (1, 1, 0), "2024": (2, 2, 1)}


def test_pinned_today_reaches_every_cursor(mini_db):
    con = db.connect(mini_db)
    db.pin_today(con, "2024-04-01")
    assert one(con, "SELECT count(*) n FROM rec_state")["n"] == 4
    con.close()
