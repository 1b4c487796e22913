"""The dashboard in a real browser (Debian's chromium), on the fixture with facts as of 2024-12-31:
every page opens without an error, a sidebar filter changes the view and the link, a click on a
heatmap cell leads to the items behind it and one item's source sentence, the copied link reopens
that view, search ignores diacritics, and a chart downloads as PNG. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import click_plot, click_table_row, settle, shoot

pytestmark = pytest.mark.browser
YEAR = "from=2024-01-01&to=2024-12-31"
PAGES = {
    "": "Tổng quan",
    "chu-de": "Chủ đề",
    "kien-nghi": "Kiến nghị",
    "chi-dao": "Chỉ đạo",
    "hoat-dong": "Hoạt động",
    "cuoc-hop": "Cuộc họp",
    "du-lieu": "Dữ liệu",
}


def _open(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    settle(page)


def _no_errors(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Page not found").count() == 0


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_opens(page, dashboard_url, path):
    _open(page, f"{dashboard_url}/{path}?{YEAR}")
    _no_errors(page)
    assert page.locator("h1").first.inner_text().strip() == PAGES[path]
    shoot(page, f"page_{path or 'tong-quan'}")


def test_overview_figures_and_english(page, dashboard_url):
    _open(page, f"{dashboard_url}/?{YEAR}")
    cards = page.locator('[data-testid="stMetric"]').all_inner_texts()
    assert any("Kiến nghị" in c and "8" in c for c in cards), cards
    assert any("Tỷ lệ giải quyết dứt điểm" in c and "12,5%" in c for c in cards), cards
    _open(page, f"{dashboard_url}/?{YEAR}&lang=en")
    assert page.get_by_text("Actually resolved").first.is_visible()
    assert "lang=en" in page.url
    shoot(page, "page_overview_en")


def test_switching_language_back_and_forth_keeps_the_filters(page, dashboard_url):
    _open(page, f"{dashboard_url}/kien-nghi?{YEAR}&grain=year")
    sidebar = page.locator('[data-testid="stSidebar"]')
    for language in ("English", "Tiếng Việt"):
        sidebar.get_by_text(language, exact=True).click()
        settle(page)
    # the choices' labels changed language twice; the filters must still be "all", not a label
    for key in ("level=", "province=", "org=", "theme="):
        assert key not in page.url, page.url
    assert "grain=year" in page.url
    assert page.get_by_text("Không có dữ liệu cho lựa chọn này").count() == 0
    assert page.locator(".js-plotly-plot").count() >= 4
    _no_errors(page)


def test_a_sidebar_filter_changes_the_view_and_the_link(page, dashboard_url):
    _open(page, f"{dashboard_url}/chu-de?{YEAR}")
    page.locator('[data-testid="stSidebar"]').get_by_text("Năm", exact=True).click()
    settle(page)
    assert "grain=year" in page.url
    axis = page.locator(".js-plotly-plot").first.locator(".xtick text").all_text_contents()
    assert axis == ["2024"], axis


def test_drill_down_from_heatmap_to_source_sentence_and_back_from_the_link(page, browser, dashboard_url):
    _open(page, f"{dashboard_url}/chu-de?{YEAR}&grain=year")
    click_plot(page, 0, "2024", "Lao động, việc làm, BHXH")
    settle(page)
    assert page.get_by_role("heading", name="Lao động, việc làm, BHXH · 2024").is_visible()
    assert "cell=labour" in page.url
    # Newest first: d4 (15/12), r3 (05/07), r1 (28/03); r1 is the one with a source report.
    click_table_row(page, 0, 2)
    settle(page)
    sentence = page.locator('[data-testid="gb-source-sentence"]')
    sentence.wait_for(timeout=15000)
    assert "Liên đoàn Lao động tỉnh kiến nghị giải quyết tình trạng doanh nghiệp nợ đọng bảo hiểm xã hội" in (
        sentence.inner_text()
    )
    assert sentence.locator("mark").inner_text().startswith("giải quyết tình trạng")
    shoot(page, "drill_down_source_sentence")

    link = page.url
    assert "item=recommendation" in link
    other = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    try:
        _open(other, link)
        assert other.get_by_role("heading", name="Lao động, việc làm, BHXH · 2024").is_visible()
        assert "bảo hiểm xã hội" in other.locator('[data-testid="gb-source-sentence"]').inner_text()
        shoot(other, "drill_down_reopened_link")
    finally:
        other.context.close()


def test_a_repeated_recommendation_opens_its_latest_raise(page, dashboard_url):
    _open(page, f"{dashboard_url}/kien-nghi?{YEAR}")
    assert page.get_by_text("lần nêu gần nhất").first.is_visible()  # the hint under the table
    click_table_row(page, 0, 0)  # the repeats table: r1 raised again as r3
    settle(page)
    assert page.get_by_text("Lịch sử trạng thái").first.is_visible()
    source = page.locator(".gb-source").first
    source.wait_for(timeout=15000)
    assert source.inner_text().startswith("Tiếp tục đề nghị xử lý nợ đọng BHXH")  # r3's own wording
    shoot(page, "repeats_drill_down")


def test_search_ignores_diacritics_and_opens_the_meeting(page, dashboard_url):
    _open(page, f"{dashboard_url}/cuoc-hop?{YEAR}")
    box = page.get_by_placeholder("ví dụ: bao hiem xa hoi", exact=False)
    box.fill("bao hiem xa hoi")
    box.press("Enter")
    settle(page)
    assert page.get_by_text('1 cuộc họp có đủ các từ "bao hiem xa hoi"').is_visible()
    assert "q=bao+hiem+xa+hoi" in page.url or "q=bao%20hiem%20xa%20hoi" in page.url
    click_table_row(page, 0, 0)
    settle(page)
    assert page.locator("h1").first.inner_text().strip() == "Giao ban quý I-2024"
    document = page.locator('[data-testid="gb-document"]')
    assert document.locator("mark").first.inner_text() == "giải quyết tình trạng doanh nghiệp nợ đọng bảo hiểm xã hội"
    shoot(page, "meeting_page")


def test_chart_downloads_as_png(page, dashboard_url):
    _open(page, f"{dashboard_url}/?{YEAR}")
    page.get_by_role("button", name="Tải xuống").first.click()
    with page.expect_download(timeout=60000) as download:
        page.get_by_role("button", name="Hình (PNG)").click()
    path = download.value.path()
    with open(path, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
