"""Activity on the fixture database in 2024: organisation × period, calendar, localities.

meeting_orgs 2024: m1 host TTTU + MTTQ, LĐLĐ Bắc Giang, Tỉnh đoàn; m2 TTTU + LĐLĐ, Hội LHPN. So LĐLĐ
attended 2 meetings and raised r1, r3 and received d4. All six 2024 meetings are in Bắc Giang as
recorded (m5, m8 in its commune Đồng Tâm) and in Bắc Ninh (from 7/2025) when harmonised.
"""

from __future__ import annotations

from tests.app.helpers import figures, table

PAGE = "app_pages/activity.py"


def test_heatmap_of_meetings_attended(open_page):
    at = open_page(PAGE, grain="year")
    assert not at.exception
    heat = figures(at)[0]["data"][0]
    cells = dict(zip(heat["y"], [row[0] for row in heat["z"]], strict=True))
    assert cells["LĐLĐ"] == 2 and cells["TTTU"] == 2 and cells["MTTQ"] == 1


def test_heatmap_switches_to_recommendations_raised(open_page):
    at = open_page(PAGE, grain="year")
    at.segmented_control(key="ac_measure").set_value("recommendations").run()
    heat = figures(at)[0]["data"][0]
    cells = dict(zip(heat["y"], [row[0] for row in heat["z"]], strict=True))
    assert cells["LĐLĐ"] == 2 and cells["Hội LHPN"] == 2


def test_localities_as_recorded_and_harmonised(open_page):
    at = open_page(PAGE)
    places = table(at, "Tỉnh, thành")
    assert places["Tỉnh, thành"].tolist() == ["Bắc Giang (đến 2025)"]
    assert places["Cuộc họp"].tolist() == [6]
    at = open_page(PAGE, harm="1")
    places = table(at, "Tỉnh, thành")
    assert places["Tỉnh, thành"].tolist() == ["Bắc Ninh"] and places["Cuộc họp"].tolist() == [6]


def test_calendar_has_every_meeting_day(open_page):
    at = open_page(PAGE)
    cal = figures(at)[1]["data"][0]
    days = sum(v for row in cal["z"] for v in row if v)
    assert days == 6
