"""Themes on the fixture database, 2024 by year, statuses as of 2024-12-31.

theme_links: labour = r1 (m1), r3 (m2), d4 (m6) → 3 meetings, 2 recommendations, 1 directive;
funding = r4 (m2), r11 (m8); cadres = r2 (m1); poverty_housing = r5 (m5). r8 (restructuring) is 2025.
"""

from __future__ import annotations

from tests.app.helpers import figures, markdown, table

PAGE = "app_pages/themes.py"


def test_heatmap_counts_meetings_per_theme(open_page):
    at = open_page(PAGE, grain="year")
    assert not at.exception
    heat = figures(at)[0]["data"][0]
    cells = dict(zip(heat["y"], [row[0] for row in heat["z"]], strict=True))
    assert cells == {
        "Lao động, việc làm, BHXH": 3,
        "Kinh phí, cơ sở vật chất": 2,
        "Công tác cán bộ, kiện toàn": 1,
        "Giảm nghèo, nhà ở": 1,
    }
    assert heat["x"] == ["2024"]


def test_recurring_themes_table(open_page):
    at = open_page(PAGE, grain="quarter")
    rec = table(at, "Liên tiếp dài nhất (kỳ)")
    labour = rec[rec["Chủ đề"] == "Lao động, việc làm, BHXH"].iloc[0]
    # Q1 (r1), Q3 (r3, meeting 2024-07-05), Q4 (d4): three quarters, the longest run Q3–Q4 = 2.
    assert (labour["Cuộc họp"], labour["Số kỳ có chủ đề"], labour["Liên tiếp dài nhất (kỳ)"]) == (3, 3, 2)
    assert labour["Kỳ gần nhất"] == "Quý IV/2024"


def test_cell_lists_items_and_item_shows_its_source_sentence(open_page):
    at = open_page(PAGE, grain="year", cell="labour|2024-01-01", item="recommendation|r1")
    assert not at.exception
    items = table(at, "Nội dung")
    assert sorted(items["item_id"]) == ["d4", "r1", "r3"]
    assert set(items["Loại"]) == {"Kiến nghị", "Chỉ đạo"}
    text = markdown(at)
    marked = "<mark>giải quyết tình trạng doanh nghiệp nợ đọng bảo hiểm xã hội</mark>."
    assert f"Liên đoàn Lao động tỉnh kiến nghị {marked}" in text
    assert at.query_params["cell"] == "labour|2024-01-01"


def test_item_without_a_report_shows_its_own_text(open_page):
    at = open_page(PAGE, grain="year", cell="labour|2024-01-01", item="recommendation|r3")
    assert "Tiếp tục đề nghị xử lý nợ đọng BHXH của doanh nghiệp" in markdown(at)
    assert any("không kèm văn bản gốc" in c.value for c in at.caption)


def test_theme_filter_narrows_the_heatmap(open_page):
    at = open_page(PAGE, grain="year", theme="funding")
    heat = figures(at)[0]["data"][0]
    assert heat["y"] == ["Kinh phí, cơ sở vật chất"] and heat["z"] == [[2]]
