"""Overview on the fixture database, 2024 against 2023, statuses as of 2024-12-31.

Hand count (tests/fixtures/mini; see tests/unit/test_metrics.py for the recommendation arithmetic):
- meetings 2024: m1 m2 m5 m6 m7 m8 = 6; 2023: m3 = 1 → +500%
- recommendations 2024: r1 r2 r3 r4 r5 r9 r10 r11 = 8; 2023: r6 r7 = 2 → +300%
- answered 4/8 = 50,0% (2023: r6 → 1/2 = 50%) → +0,0 points
- actually resolved 1/8 = 12,5% (2023: 1/2 = 50%) → −37,5 points
- overdue r2 r3 r11 = 3 (2023, judged 2023-12-31: r7) → +200%
- directives 2024: d1 on time, d2 late, d3 overdue, d4 open → completed 2/4 = 50%; 2023: d5 on time → 100%
"""

from __future__ import annotations

from tests.app.helpers import captions, metrics, table


def test_kpi_cards_against_last_year(open_page):
    at = open_page()
    assert not at.exception
    shown = metrics(at)
    assert shown["Cuộc họp"] == ("6", "+500%")
    assert shown["Kiến nghị"] == ("8", "+300%")
    assert shown["Tỷ lệ được phản hồi"] == ("50,0%", "+0,0 điểm %")
    assert shown["Tỷ lệ giải quyết dứt điểm"] == ("12,5%", "-37,5 điểm %")
    assert shown["Quá hạn"] == ("3", "+200%")
    assert shown["Chỉ đạo hoàn thành"] == ("50,0%", "-50,0 điểm %")
    assert "Quý I/2024 – Quý IV/2024" in captions(at)


def test_most_overdue_lists_the_three_late_items_longest_first(open_page):
    at = open_page()
    overdue = table(at, "Số ngày quá hạn")
    # r2 due 2024-05-31 (214 days late), r3 due 2024-10-03 (89), r11 due 2024-12-09 (22).
    assert overdue["Số ngày quá hạn"].tolist() == [214, 89, 22]
    assert overdue["Tổ chức kiến nghị"].iloc[0] == "Đoàn Thanh niên Cộng sản Hồ Chí Minh"


def test_trend_and_themes_are_drawn(open_page):
    at = open_page(grain="year")
    assert not at.exception
    subheaders = [s.value for s in at.subheader]
    assert "Chủ đề được nêu nhiều nhất" in subheaders and "Diễn biến theo kỳ" in subheaders


def test_overview_in_english(open_page):
    at = open_page()
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    shown = metrics(at)
    assert shown["Meetings"][0] == "6"
    assert shown["Actually resolved"] == ("12.5%", "-37.5 pts")
    assert at.query_params["lang"] == "en"


def test_empty_selection_explains_itself(open_page):
    at = open_page(**{"from": "2019-01-01", "to": "2019-12-31"})
    assert not at.exception
    assert any("Không có dữ liệu cho lựa chọn này" in i.value for i in at.info)


def test_without_database_says_how_to_build(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    monkeypatch.setenv("GIAOBAN_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "python -m giaoban build" in at.warning[0].value
