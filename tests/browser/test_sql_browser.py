"""The SQL page in a real browser: schema browser, named query with a parameter, chart, downloads, refusal.

Served from dashboard/app.py at ``/sql`` once the lead registers the page there; until then from
tests/app/sql_app.py, a router with only this page, on the same fixture database.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from tests.browser.conftest import ROOT, _free_port, _wait_healthy, settle, shoot

pytestmark = pytest.mark.browser


def _registered() -> bool:
    return "app_pages/sql.py" in (ROOT / "dashboard" / "app.py").read_text(encoding="utf-8").replace('" / "', "/")


@pytest.fixture(scope="module")
def sql_url(request, mini_db):
    if _registered():
        yield request.getfixturevalue("dashboard_url") + "/sql"
        return
    port = _free_port()
    env = {**os.environ, "GIAOBAN_DB": str(mini_db), "HF_HUB_OFFLINE": "1", "GIAOBAN_SQL_TIMEOUT": "5"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "tests" / "app" / "sql_app.py")]
    cmd += ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    cmd += ["--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url + "/sql"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _pick(page, label: str, option: str) -> None:
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).click()
    page.keyboard.type(option.split(" ")[0])  # the list is virtualised: filter it first
    page.get_by_role("option").filter(has_text=option).first.click()
    settle(page)


def _run(page, sql: str | None = None) -> None:
    editor = page.get_by_role("textbox", name="Câu lệnh SQL")
    if sql is not None:
        editor.fill(sql)
    editor.press("Control+Enter")
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

    # schema browser: pick a table, see its columns with comments, insert its name
    _pick(page, "Bảng, view hoặc macro", "recommendations ·")
    assert page.get_by_text("Kiến nghị, đề xuất của các tổ chức").first.is_visible()
    page.get_by_role("textbox", name="Câu lệnh SQL").fill("SELECT count(*) AS so_kien_nghi FROM")
    page.get_by_role("textbox", name="Câu lệnh SQL").press("Control+Enter")  # commit the text (a refused run is fine)
    settle(page)
    page.get_by_role("button", name="Chèn tên").click()
    settle(page)
    assert (
        page.get_by_role("textbox", name="Câu lệnh SQL").input_value()
        == "SELECT count(*) AS so_kien_nghi FROM recommendations"
    )
    _run(page)
    assert page.get_by_text(re.compile(r"^1 dòng · [\d.]+ giây$")).is_visible()
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
    assert page.get_by_role("textbox", name="SQL statement").input_value() == "SELECT 42 AS answer"
    assert page.get_by_text(re.compile(r"^1 rows · [\d.]+ s$")).is_visible()
    shoot(page, "sql_link_en")
