"""Browser fixtures: the dashboard served by a real Streamlit process, driven by Debian's chromium.

No browser is downloaded: Playwright launches /usr/bin/chromium (apt package ``chromium``) with the
flags this closed network needs. Screenshots go to tests/artifacts/ (git-ignored) for a person to
look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from giaoban.serve import streamlit_command

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"dashboard at {url} did not become healthy in {timeout}s")


@pytest.fixture(scope="session")
def dashboard_url(mini_db, tmp_path_factory) -> str:
    """One Streamlit server per test session, on the fixture with its facts as of 2024-12-31."""
    from tests.app.facts import AS_OF, build_facts_db

    facts = build_facts_db(mini_db, tmp_path_factory.mktemp("browser") / "mini_facts.duckdb")
    port = _free_port()
    env = {**os.environ, "GIAOBAN_DB": str(facts), "GIAOBAN_AS_OF": AS_OF, "HF_HUB_OFFLINE": "1"}
    cmd = streamlit_command(port, address="127.0.0.1")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs the Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN")
    pg = context.new_page()
    yield pg
    context.close()


def settle(page) -> None:
    """Wait until Streamlit has finished running the script (the status widget disappears) and has
    drawn what it sent: on a loaded machine the first run can start after the status check, and a
    screenshot then shows grey loading placeholders instead of the page."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=30000)
    page.wait_for_timeout(500)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30000)
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]\')',
        timeout=30000,
    )
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30000)
    page.wait_for_timeout(300)


def shoot(page, name: str) -> Path:
    """Save a screenshot of the whole app; the page scrolls inside Streamlit's main block, so the
    viewport is first made as tall as the content."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = page.evaluate(
        '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], section.main, '
        '[data-testid="stAppViewContainer"]\')].map(e => e.scrollHeight), 900)'
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 6000)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def click_plot(page, plot: int, x: str, y: str) -> None:
    """Click the point at category (x, y) of the plot-th Plotly chart, as a person would."""
    chart = page.locator(".js-plotly-plot").nth(plot)
    chart.scroll_into_view_if_needed()
    spot = chart.evaluate(
        """(gd, xy) => {
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            return {x: xa._offset + xa.l2p(xa.d2l(xy[0])), y: ya._offset + ya.l2p(ya.d2l(xy[1]))};
        }""",
        [x, y],
    )
    box = chart.bounding_box()
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def click_table_row(page, table: int, row: int) -> None:
    """Select row ``row`` (0-based) of the table-th st.dataframe by clicking its row marker."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(table)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    header, height = 36, 35
    page.mouse.click(box["x"] + 20, box["y"] + header + height * row + height / 2)
