"""Print-quality chart export: PNG (≥ 300 dpi at its printed width), SVG and PDF, many charts per browser.

Contract
- What a chart looks like on paper (``PrintStyle``, ``print_layout``, ``caption_line``) is
  ``giaoban.print_style``; this module draws it.
- ``ChartExporter`` starts one headless chromium through kaleido (Debian's ``/usr/bin/chromium``,
  no download, no network: MathJax off, plotly.js from the installed package) and renders any
  number of figures through it; ``print_html`` prints an HTML page to PDF in the same browser.
- ``figure_bytes(fig, fmt, ...)`` is the single-chart form for a download button; pass a running
  ``exporter`` to reuse its browser (the dashboard keeps one per server: ``resources.chart_images``).

How: kaleido renders the vector PDF (its page is the printed size) and the PNG at ``dpi / 96``
times the layout size, to which we add the dpi (pHYs), so Word places it at its printed size;
poppler's ``pdftocairo`` turns the PDF into the SVG (text as outlines, so it looks the same on a
PC without the fonts) on another thread while the browser draws the next figure.
"""

from __future__ import annotations

import asyncio
import base64
import queue
import shutil
import struct
import subprocess
import tempfile
import threading
import zlib
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from giaoban.print_style import CSS_DPI, PrintStyle, print_layout

FORMATS = ("png", "svg", "pdf")


class ExportError(RuntimeError):
    """The browser or poppler failed; the message says which figure and why."""


# --- rendering --------------------------------------------------------------------------------


def _pdf_to_svg(pdf: Path, out: Path) -> Path:
    """SVG from the figure's one-page vector PDF (text as outlines: it looks the same without the fonts)."""
    done = subprocess.run(
        ["pdftocairo", "-svg", str(pdf), str(out)], capture_output=True, text=True, timeout=60, check=False
    )
    if done.returncode != 0:
        raise ExportError(f"pdftocairo could not make {out.name}: {done.stderr.strip()}")
    return out


def png_with_dpi(png: bytes, dpi: int) -> bytes:
    """The PNG with a pHYs chunk saying ``dpi``, so Word and LibreOffice place it at its printed size."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ExportError("the browser did not return a PNG")
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    end_of_ihdr = 8 + 4 + 4 + 13 + 4
    rest = _drop_chunk(png[end_of_ihdr:], b"pHYs")
    return png[:end_of_ihdr] + chunk + rest


def _drop_chunk(chunks: bytes, kind: bytes) -> bytes:
    out, at = [], 0
    while at < len(chunks):
        length = struct.unpack(">I", chunks[at : at + 4])[0]
        end = at + 12 + length
        if chunks[at + 4 : at + 8] != kind:
            out.append(chunks[at:end])
        at = end
    return b"".join(out)


@dataclass
class ExportJob:
    """One figure to write as ``stem.png``, ``stem.svg``, ``stem.pdf`` (print-styled already)."""

    figure: go.Figure | dict
    stem: Path
    formats: Sequence[str] = FORMATS
    dpi: int = 300

    def path(self, fmt: str) -> Path:
        return self.stem.with_name(f"{self.stem.name}.{fmt}")


RELOAD_EVERY = 40


def _kaleido_class() -> type:
    """kaleido.Kaleido, reloading its page every RELOAD_EVERY figures instead of after each one.

    kaleido 1.5 reloads the tab (re-parsing 4.6 MB of plotly.js) after every figure, which is two
    thirds of a figure's time on this machine; its render script replaces the image and the style
    each time, so figures do not leak into each other (the tests compare outputs). This leans on a
    private method of the pinned kaleido version; without it we fall back to kaleido's own way.
    """
    import kaleido

    if not hasattr(kaleido.Kaleido, "_return_kaleido_tab"):
        return kaleido.Kaleido

    class Kaleido(kaleido.Kaleido):
        _renders = 0

        async def _return_kaleido_tab(self, tab: Any) -> None:
            self._renders += 1
            if self._renders % RELOAD_EVERY == 0:
                await super()._return_kaleido_tab(tab)
            else:
                await self.tabs_ready.put(tab)

    return Kaleido


class ChartExporter:
    """One chromium (through kaleido) for many figures and pages; use as a context manager.

    kaleido is asyncio-based; the exporter runs its own event loop in a daemon thread, so callers
    (the CLI, a Streamlit script thread, tests) stay synchronous. Starting the browser takes a few
    seconds, so ``start()`` returns at once and the first render waits for it: callers start the
    exporter, then run their queries while chromium comes up.
    """

    def __init__(self, tabs: int = 1, timeout: float = 90) -> None:
        if not shutil.which("pdftocairo"):
            raise ExportError("pdftocairo (poppler-utils) is not installed")
        self._tabs, self._timeout = tabs, timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._ready: Future | None = None
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pdftocairo")

    # lifecycle
    def start(self) -> ChartExporter:
        if self._loop is not None:
            return self
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True)
        self._thread.start()
        self._ready = asyncio.run_coroutine_threadsafe(self._open(), self._loop)
        return self

    async def _open(self) -> None:
        self._kaleido = _kaleido_class()(n=self._tabs, timeout=self._timeout, mathjax=False)
        await self._kaleido.open()

    def _submit(self, coro: Coroutine[Any, Any, Any]) -> Future:
        if self._loop is None:
            self.start()
        assert self._loop is not None and self._ready is not None
        try:
            self._ready.result(timeout=120)
        except Exception as err:
            coro.close()
            raise ExportError(f"could not start chromium through kaleido: {err}") from err
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def _call(self, coro: Coroutine[Any, Any, Any]) -> Any:
        return self._submit(coro).result()

    def close(self) -> None:
        """Stop the browser; safe to call while it is still starting or after it died."""
        if self._loop is None:
            return
        loop, self._loop = self._loop, None
        try:
            if self._ready is not None:
                self._ready.result(timeout=120)  # closing a half-opened browser leaves chromium behind
            if self._kaleido is not None:
                asyncio.run_coroutine_threadsafe(self._kaleido.close(), loop).result(timeout=30)
        except Exception:  # a browser that failed to start or already died needs no closing
            pass
        finally:
            loop.call_soon_threadsafe(loop.stop)
            if self._thread:
                self._thread.join(timeout=10)
            self._pool.shutdown(wait=True)

    def __enter__(self) -> ChartExporter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # figures
    def render_pdf(self, figure: go.Figure | dict) -> bytes:
        """One figure as a one-page vector PDF the size of its layout."""
        return self._call(self._kaleido_pdf(figure))

    async def _kaleido_pdf(self, figure: go.Figure | dict) -> bytes:
        return await self._kaleido.calc_fig(figure, opts={"format": "pdf"})

    def export(self, jobs: Sequence[ExportJob], progress: Callable[[int, int], None] | None = None) -> list[dict]:
        """Write every job's formats; returns ``{fmt: path}`` per job, in order.

        Figures render one after another in the browser while pdftocairo converts the ones already
        rendered on the other core.
        """
        if progress is None:
            return self._call(self._export(list(jobs), None))
        events: queue.SimpleQueue[tuple[int, int]] = queue.SimpleQueue()
        running = self._submit(self._export(list(jobs), lambda done, total: events.put((done, total))))
        while not (running.done() and events.empty()):  # report in the caller's thread (Streamlit needs that)
            try:
                progress(*events.get(timeout=0.05))
            except queue.Empty:
                continue
        return running.result()

    async def _export(self, jobs: list[ExportJob], progress: Callable[[int, int], None] | None) -> list[dict]:
        done_count = 0

        async def one(job: ExportJob) -> dict:
            nonlocal done_count
            job.stem.parent.mkdir(parents=True, exist_ok=True)
            svg = None
            try:
                if "pdf" in job.formats or "svg" in job.formats:
                    job.path("pdf").write_bytes(await self._kaleido_pdf(job.figure))
                    if "svg" in job.formats:
                        svg = loop.run_in_executor(self._pool, _pdf_to_svg, job.path("pdf"), job.path("svg"))
                if "png" in job.formats:
                    png = await self._kaleido.calc_fig(job.figure, opts={"format": "png", "scale": job.dpi / CSS_DPI})
                    job.path("png").write_bytes(png_with_dpi(png, job.dpi))
                if svg is not None:
                    await svg
            except ExportError:
                raise
            except Exception as err:
                raise ExportError(f"chart {job.stem.name}: {err}") from err
            if "pdf" not in job.formats:
                job.path("pdf").unlink(missing_ok=True)
            done_count += 1
            if progress:
                progress(done_count, len(jobs))
            return {fmt: job.path(fmt) for fmt in job.formats}

        loop = asyncio.get_running_loop()
        return list(await asyncio.gather(*(one(job) for job in jobs)))

    # pages
    def print_html(self, html: Path, footer: str = "", header: str = "") -> bytes:
        """Print an HTML file to PDF in the running browser (its CSS @page sets paper and margins)."""
        return self._call(self._print(html.resolve().as_uri(), footer, header))

    async def _print(self, url: str, footer: str, header: str) -> bytes:
        tab = await self._kaleido.create_tab("about:blank")
        try:
            await tab.send_command("Page.enable")
            loaded = tab.subscribe_once("Page.loadEventFired")
            await tab.send_command("Page.navigate", params={"url": url})
            await asyncio.wait_for(loaded, self._timeout)
            params = {
                "printBackground": True,
                "preferCSSPageSize": True,
                "displayHeaderFooter": bool(footer or header),
                "headerTemplate": header or "<span></span>",
                "footerTemplate": footer or "<span></span>",
            }
            response = await tab.send_command("Page.printToPDF", params=params)
            if "error" in response:
                raise ExportError(f"chromium could not print {url}: {response['error']}")
            return base64.b64decode(response["result"]["data"])
        finally:
            await self._kaleido.close_tab(tab.target_id)


def figure_bytes(
    fig: go.Figure,
    fmt: str = "png",
    style: PrintStyle | None = None,
    *,
    title: str | None = None,
    caption: str | None = None,
    exporter: ChartExporter | None = None,
) -> bytes:
    """One chart in one format, print-styled (a download button); pass ``exporter`` to reuse a browser."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    style = style or PrintStyle()
    printed = print_layout(fig.to_dict(), style, title=title, caption=caption)
    with tempfile.TemporaryDirectory(prefix="giaoban-chart-") as tmp:
        job = ExportJob(printed, Path(tmp) / "chart", (fmt,), style.dpi)
        own = exporter is None
        runner = exporter or ChartExporter().start()
        try:
            runner.export([job])
        finally:
            if own:
                runner.close()
        return job.path(fmt).read_bytes()
