"""A chart's image downloads in a real browser, from a real Streamlit server: the PNG and SVG are
the report pack's print-quality images (16 cm at 300 dpi; vector, the same size), made on click by
the server's one shared chromium (the second download reuses it). One page, two downloads.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import settle

pytestmark = pytest.mark.browser
YEAR = "from=2024-01-01&to=2024-12-31"


def _download(page, label: str) -> bytes:
    """Open the first chart's download popover and click ``label``; the file's bytes."""
    page.get_by_role("button", name="Tải xuống").first.click()
    page.get_by_role("button", name=label).wait_for(state="visible", timeout=10000)
    with page.expect_download(timeout=60000) as download:
        page.get_by_role("button", name=label).click()
    data = Path(download.value.path()).read_bytes()
    page.keyboard.press("Escape")  # close the popover before the next one
    return data


def test_chart_downloads_print_quality_png_and_svg(page, dashboard_url):
    page.goto(f"{dashboard_url}/?{YEAR}", wait_until="networkidle")
    settle(page)
    page.get_by_role("button", name="Tải xuống").first.click()
    for label in ("Hình (PNG)", "Hình (SVG)", "Hình (PDF)"):
        # the popover opens with an animation: wait for it rather than look once
        page.get_by_role("button", name=label).wait_for(state="visible", timeout=10000)
    page.keyboard.press("Escape")

    png = _download(page, "Hình (PNG)")  # the first click starts the server's browser
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    assert image.info["dpi"][0] == pytest.approx(300, abs=0.5)
    assert image.width / 300 * 25.4 == pytest.approx(160, abs=0.5)  # 16 cm wide, as in the report pack

    svg = _download(page, "Hình (SVG)").decode("utf-8")  # the same browser, already running
    width_pt = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', svg[:600])[1])
    assert width_pt / 72 * 25.4 == pytest.approx(160, abs=1)
    assert "<path" in svg
    assert page.locator('[data-testid="stException"]').count() == 0
