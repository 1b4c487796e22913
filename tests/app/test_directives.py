"""Directives on the fixture database, issued in 2024, statuses as of 2024-12-31.

d1 MTTQ on time (done 15/6, due 30/6), d2 Tỉnh đoàn late (done 20/7, due 30/6), d3 Hội LHPN overdue
(no deadline: 5/7 + 90 days = 3/10), d4 LĐLĐ open (due 31/3/2025).
"""

from __future__ import annotations

from tests.app.helpers import captions, figures, table

PAGE = "app_pages/directives.py"


def test_outcomes_by_addressee(open_page):
    at = open_page(PAGE)
    assert not at.exception
    fig = figures(at)[0]
    counts = {tr["name"]: dict(zip(tr["y"], tr["x"], strict=True)) for tr in fig["data"]}
    assert counts["Hoàn thành đúng hạn"]["MTTQ"] == 1
    assert counts["Hoàn thành trễ hạn"]["Tỉnh đoàn"] == 1
    assert counts["Quá hạn"]["Hội LHPN"] == 1
    assert counts["Còn trong hạn"]["LĐLĐ"] == 1


def test_list_and_outcome_filter(open_page):
    at = open_page(PAGE)
    listing = table(at, "Ngày giao")
    assert len(listing) == 4 and "4 chỉ đạo" in captions(at)
    assert dict(zip(listing["dir_id"], listing["Kết quả"], strict=True)) == {
        "d1": "Hoàn thành đúng hạn",
        "d2": "Hoàn thành trễ hạn",
        "d3": "Quá hạn",
        "d4": "Còn trong hạn",
    }
    at.selectbox(key="dr_outcome").set_value("overdue").run()
    assert table(at, "Ngày giao")["dir_id"].tolist() == ["d3"]


def test_theme_chart_uses_tagged_directives(open_page):
    at = open_page(PAGE)
    by_theme = figures(at)[1]
    assert by_theme["data"][0]["y"] == ["Lao động, việc làm, BHXH"]  # d4 is the only tagged directive
