"""The home page in a real browser: counts visible, language switch works and sticks in the URL."""

from __future__ import annotations

import pytest

from tests.browser.conftest import settle, shoot

pytestmark = pytest.mark.browser


def test_home_page_shows_counts(page, dashboard_url):
    page.goto(dashboard_url, wait_until="networkidle")
    settle(page)
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() == 4
    text = metrics.all_inner_texts()
    assert any("Cuộc họp" in t and "8" in t for t in text), text
    assert page.locator('[data-testid="stException"]').count() == 0
    shoot(page, "home_vi")


def test_language_switch_is_kept_in_the_url(page, dashboard_url):
    page.goto(dashboard_url + "/?lang=en", wait_until="networkidle")
    settle(page)
    assert page.get_by_text("Recommendations", exact=True).first.is_visible()
    assert "lang=en" in page.url
    shoot(page, "home_en")
