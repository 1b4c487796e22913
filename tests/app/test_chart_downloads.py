"""A dashboard chart's image downloads: PNG, SVG and PDF in the report pack's print style
(``giaoban.export``: 16 cm wide, 300 dpi PNG, vector SVG and PDF) with a caption line saying what
the numbers cover, made only on click, in one browser the whole server shares and restarts when
it died.

The download callables are caught where Streamlit registers them (``MediaFileManager.add_deferred``)
and called on another thread, as Streamlit's server calls them when a button is clicked. The
``ChartImages`` tests with a fake exporter need no browser; the others start one chromium for the
module.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import plotly.graph_objects as go
import pytest
from PIL import Image
from streamlit.runtime.media_file_manager import MediaFileManager

from giaoban.export import ExportError
from giaoban.print_style import PrintStyle

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
if str(DASHBOARD) not in sys.path:  # as dashboard/app.py runs: its folder on sys.path
    sys.path.insert(0, str(DASHBOARD))

import resources  # noqa: E402  (needs the dashboard folder on sys.path)

CAPTION_2024 = "Phạm vi: Toàn bộ dữ liệu · Kỳ: Quý I/2024 – Quý IV/2024 · Số liệu tính đến 31/12/2024"
TREND_MM = 75  # the overview's trend is 340 px tall on screen: 340 × 0.22 mm in print


@pytest.fixture()
def clicks(open_page, monkeypatch) -> Callable[..., dict[str, Callable[[], bytes]]]:
    """clicks(**url_params) → {file name: what its download button runs on click} for the overview."""
    seen: dict[str, Callable[[], bytes]] = {}
    register = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        seen[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)

    def _open(**params: str) -> dict[str, Callable[[], bytes]]:
        seen.clear()
        at = open_page(**params)
        assert not at.exception
        return dict(seen)

    return _open


def click(callable_: Callable[[], bytes]) -> bytes:
    """Run a download callable on a worker thread, as Streamlit's server does (no script context)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(callable_).result(timeout=120)


def flat(text: str) -> str:
    """Words only: the caption wraps between its " · " parts where the chart is too narrow."""
    return " ".join(text.replace("·", " ").split())


def pdf_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "chart.pdf"
    pdf.write_bytes(data)
    return flat(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)


@pytest.fixture(scope="module", autouse=True)
def _close_the_browser():
    yield
    resources.chart_images.clear()  # on_release closes the browser this module started


# --- the buttons -------------------------------------------------------------------------------


def test_a_chart_offers_png_svg_and_pdf_and_renders_nothing_until_clicked(open_page, monkeypatch):
    calls = []
    monkeypatch.setattr(resources.ChartImages, "render", lambda *args, **kwargs: calls.append(args))
    at = open_page()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:5] == ["Dữ liệu (CSV)", "Dữ liệu (Excel)", "Hình (PNG)", "Hình (SVG)", "Hình (PDF)"]
    assert labels.count("Hình (PDF)") == 3  # every chart of the overview; the overdue table has none
    assert calls == []  # images are made on click only


def test_print_height_follows_the_screen_height():
    from components.chart import print_style

    assert print_style(go.Figure(layout={"height": 340})) == PrintStyle(height_mm=TREND_MM)
    assert print_style(go.Figure(layout={"height": 120})).height_mm == 60  # never squashed
    assert print_style(go.Figure(layout={"height": 3000})).height_mm == 230  # a page at most


# --- real renders ------------------------------------------------------------------------------


def test_png_svg_and_pdf_are_print_styled_with_the_caption(clicks, tmp_path):
    buttons = clicks()
    png = click(buttons["xu-huong.png"])
    image = Image.open(io.BytesIO(png))
    assert image.info["dpi"][0] == pytest.approx(300, abs=0.5)
    assert image.width / 300 * 25.4 == pytest.approx(160, abs=0.5)  # 16 cm, the report pack's width
    assert image.height / 300 * 25.4 == pytest.approx(TREND_MM, abs=0.5)

    svg = click(buttons["xu-huong.svg"]).decode("utf-8")
    size = re.search(r'<svg[^>]* width="([\d.]+)pt" height="([\d.]+)pt"', svg[:600])
    assert float(size[1]) / 72 * 25.4 == pytest.approx(160, abs=1)
    assert float(size[2]) / 72 * 25.4 == pytest.approx(TREND_MM, abs=1)
    assert "<path" in svg and "<text" not in svg  # vector, text as outlines (looks the same without fonts)

    text = pdf_text(click(buttons["xu-huong.pdf"]), tmp_path)
    assert flat(CAPTION_2024) in text  # the same words as the report pack's caption line
    assert "Cuộc họp" in text and "Quý I/2024" in text  # the chart itself, in the page's language


def test_caption_names_the_sidebar_scope_sample_data_and_the_language(clicks, monkeypatch, tmp_path):
    import components.ui

    with monkeypatch.context() as patch:  # the fixture has no sample meetings: say the scope has some
        patch.setattr(components.ui, "sample_in_scope", lambda filters: True)
        narrowed = clicks(province="bac-giang", org="mttq", level="province")
    text = pdf_text(click(narrowed["xu-huong.pdf"]), tmp_path)
    assert (
        flat(
            "Phạm vi: MTTQ, Bắc Giang (đến 6/2025); cấp tỉnh · Kỳ: Quý I/2024 – Quý IV/2024 · "
            "Số liệu tính đến 31/12/2024 · DỮ LIỆU MẪU"
        )
        in text
    )

    english = clicks(lang="en")
    text = pdf_text(click(english["ty-le-tra-loi-giai-quyet.pdf"]), tmp_path)
    assert flat("Scope: All data · Period: Q1 2024 – Q4 2024 · Data as of 31/12/2024") in text
    assert "MẪU" not in text and "SAMPLE" not in text


def test_one_browser_serves_every_click_and_restarts_after_it_died(clicks):
    images = resources.chart_images()
    assert resources.chart_images() is images  # one per server process, shared by sessions
    buttons = clicks()
    click(buttons["chu-de-noi-bat.png"])
    browser, starts = images._exporter, images.starts
    for name in ("chu-de-noi-bat.svg", "chu-de-noi-bat.pdf", "xu-huong.png"):
        click(buttons[name])
    assert images._exporter is browser and images.starts == starts  # reused between clicks, not restarted

    browser._kaleido.subprocess.kill()  # chromium crashes (or is killed by the OOM killer)
    browser._kaleido.subprocess.wait(timeout=10)
    png = click(buttons["xu-huong.png"])
    assert png.startswith(b"\x89PNG")
    assert images.starts == starts + 1 and images._exporter is not browser


# --- ChartImages with a fake exporter (no browser) ---------------------------------------------


class FakeExporter:
    """Writes a stand-in file per job; ``fail`` makes its renders raise like a dead browser."""

    active = 0
    most = 0
    guard = threading.Lock()

    def __init__(self, fail: bool = False) -> None:
        self.fail, self.started, self.closed = fail, False, False

    def start(self) -> FakeExporter:
        self.started = True
        return self

    def close(self) -> None:
        self.closed = True

    def export(self, jobs, progress=None):
        with FakeExporter.guard:
            FakeExporter.active += 1
            FakeExporter.most = max(FakeExporter.most, FakeExporter.active)
        try:
            time.sleep(0.02)
            if self.fail:
                raise ExportError("chart chart: Executor is closed.")
            for job in jobs:
                for fmt in job.formats:
                    job.path(fmt).write_bytes(f"{fmt} from {id(self)}".encode())
            return [{fmt: job.path(fmt) for fmt in job.formats} for job in jobs]
        finally:
            with FakeExporter.guard:
                FakeExporter.active -= 1


def bars() -> go.Figure:
    return go.Figure(go.Bar(x=["Hội Nông dân", "Đoàn Thanh niên"], y=[3, 5]))


def test_images_start_one_browser_lazily_and_render_one_at_a_time():
    made: list[FakeExporter] = []
    images = resources.ChartImages(lambda: made.append(FakeExporter()) or made[-1])
    assert made == []  # nothing starts until the first click
    FakeExporter.most = 0
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda i: images.render(bars(), ("png", "svg", "pdf")[i % 3]), range(12)))
    assert len(made) == 1 and images.starts == 1
    assert FakeExporter.most == 1  # concurrent clicks wait for the browser instead of sharing it
    assert {r.split(b" ")[0] for r in results} == {b"png", b"svg", b"pdf"}
    images.close()
    assert made[0].closed


def test_a_dead_browser_is_replaced_once_and_a_second_failure_is_reported():
    made: list[FakeExporter] = []
    plan = iter([True, False, True, False])  # whether each browser started is dead

    def factory() -> FakeExporter:
        made.append(FakeExporter(fail=next(plan)))
        return made[-1]

    images = resources.ChartImages(factory)
    assert images.render(bars(), "png") == f"png from {id(made[1])}".encode()
    assert made[0].closed and not made[1].closed and images.starts == 2
    images._exporter.fail = True  # the second browser dies too ...
    with pytest.raises(ExportError, match="Executor is closed"):
        images.render(bars(), "svg")  # ... and so does its replacement: the click reports the error
    assert images.render(bars(), "pdf") == f"pdf from {id(made[3])}".encode()  # the next click recovers
    assert images.starts == 4 and all(e.closed for e in made[:3])
