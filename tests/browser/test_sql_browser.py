"""The SQL page in a real browser: schema browser, named query with a parameter, chart, downloads, refusal.

Served from dashboard/app.py at ``/sql``, on the session's fixture database.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import settle, shoot

pytestmark = pytest.mark.browser


@pytest.fixture()
def sql_url(dashboard_url) -> str:
    return dashboard_url + "/sql"


def _pick(page, label: str, option: str) -> None:
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).click()
    page.keyboard.type(option.split(" ")[0])  # the list is virtualised: filter it first
    page.get_by_role("option").filter(has_text=option).first.click()
    settle(page)


def _editor_frame(page):
    """The Ace editor's iframe (streamlit-code-editor); remounted editors replace it."""
    page.wait_for_selector('iframe[title*="code_editor"]', timeout=30000)
    frame = page.locator('iframe[title*="code_editor"]').last.content_frame
    frame.locator(".ace_editor").wait_for(timeout=30000)
    return frame


def _editor_value(page) -> str:
    return _editor_frame(page).locator(".ace_editor").evaluate("e => e.env.editor.getValue()")


def _type(page, sql: str) -> None:
    """Replace the editor's text by typing, as an analyst does (Ace closes brackets as it goes)."""
    _editor_frame(page).locator(".ace_scroller").click(position={"x": 80, "y": 12})
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type(sql)


def _run(page, sql: str | None = None) -> None:
    """Ctrl+Enter inside the editor (its own shortcut; the page's button has the same one outside)."""
    if sql is not None:
        _type(page, sql)
    else:
        _editor_frame(page).locator(".ace_scroller").click(position={"x": 80, "y": 12})
    page.keyboard.press("Control+Enter")
    settle(page)


def _download(page, label: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_sql_page_end_to_end(page, sql_url, tmp_path):
    page.goto(sql_url, wait_until="networkidle")
    settle(page)
    assert page.get_by_role("heading", name="SQL cho phân tích viên").is_visible()

    # schema browser: pick a table, see its columns with comments, insert its name at the cursor
    _pick(page, "Bảng, view hoặc macro", "recommendations ·")
    assert page.get_by_text("Kiến nghị, đề xuất của các tổ chức").first.is_visible()
    _type(page, "SELECT count(*) AS so_kien_nghi FROM ")
    page.keyboard.press("Enter")
    page.keyboard.type("WHERE rec_id IS NOT NULL")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("End")  # the cursor back after FROM, on the first line
    page.get_by_role("button", name="Chèn tên").click()  # leaving the editor reports text and cursor
    settle(page)
    assert _editor_value(page) == "SELECT count(*) AS so_kien_nghi FROM recommendations\nWHERE rec_id IS NOT NULL"
    _run(page)
    # the editor reports Ctrl+Enter asynchronously: the run may start after settle() returned
    expect(page.get_by_text(re.compile(r"^1 dòng · [\d,]+ giây$"))).to_be_visible(timeout=30_000)
    assert page.locator('[data-testid="stDataFrame"]').last.is_visible()
    # SQL keywords are highlighted in place
    assert _editor_frame(page).locator(".ace_keyword").filter(has_text="SELECT").count() >= 1
    shoot(page, "sql_schema_vi")

    # a named query with a parameter, run, charted
    page.get_by_role("tab", name="Truy vấn mẫu").click()
    _pick(page, "Truy vấn có tên", "activity/by_org_period")
    page.get_by_role("button", name="Mở để sửa").click()
    settle(page)
    grain = page.get_by_label("$grain · month, quarter, half or year")
    grain.fill("quarter")
    grain.press("Enter")
    settle(page)
    page.get_by_role("button", name="▶ Chạy").click()
    settle(page)
    grid = page.locator('[data-testid="stDataFrame"]').last
    assert grid.is_visible()
    assert page.locator('[data-testid="stAlert"]').count() == 0
    page.get_by_role("tab", name="Biểu đồ nhanh").click()
    page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=20000)
    shoot(page, "sql_named_query_chart_vi")

    # downloads: CSV and XLSX hold the same rows
    csv = pl.read_csv(_download(page, "⬇ CSV", tmp_path))
    xlsx = pl.read_excel(_download(page, "⬇ XLSX", tmp_path))
    assert csv.height == xlsx.height > 0
    assert any("-Q" in str(p) for p in csv["period_label"].to_list())
    assert csv.columns == xlsx.columns and csv["org_id"].to_list() == xlsx["org_id"].to_list()

    # a refused statement: a clear error, in Vietnamese
    _run(page, "DELETE FROM meetings")
    error = page.locator('[data-testid="stAlert"]').first
    assert "DELETE bị từ chối" in error.inner_text()
    shoot(page, "sql_refused_vi")
    assert page.locator('[data-testid="stException"]').count() == 0


def test_link_reopens_the_query_in_english(page, sql_url):
    page.goto(sql_url + "?lang=en&q=SELECT%2042%20AS%20answer", wait_until="networkidle")
    settle(page)
    assert _editor_value(page) == "SELECT 42 AS answer"
    expect(page.get_by_text(re.compile(r"^1 row · [\d.]+ s$"))).to_be_visible(timeout=30_000)
    shoot(page, "sql_link_en")
