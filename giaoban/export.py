"""Print-quality chart export: PNG (≥ 300 dpi at its printed width), SVG and PDF, many charts per browser.

Contract
- ``PrintStyle`` fixes a chart's printed size in millimetres and its fonts in points, so a chart
  inserted at its printed width (16 cm = the text width of an A4 page with 3 cm / 2 cm margins) is
  readable without scaling; ``serif=True`` uses Times New Roman (Liberation Serif where Times is
  missing), as Vietnamese administrative documents do.
- ``print_figure(fig, style, title=, caption=)`` returns a restyled copy: white background, thin
  grey grid, decimal comma ("82,9%"), legend on top, and below the plot an optional bold title and
  a small caption line (``caption_line(scope, period, data_date)``).
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
import datetime as dt
import queue
import shutil
import struct
import subprocess
import tempfile
import textwrap
import threading
import zlib
from collections.abc import Callable, Coroutine, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

FORMATS = ("png", "svg", "pdf")
CSS_DPI = 96  # plotly lays out in CSS pixels; kaleido's PDF page is the layout size at 96 px/in
SERIF = "'Times New Roman', 'Liberation Serif', 'Noto Serif', serif"
SANS = "Arial, 'Liberation Sans', 'Noto Sans', sans-serif"
INK = "#1a1a1a"
GRID = "#d9d9d9"
MUTED = "#555555"
# Colours that stay distinct in print and in greyscale photocopies (dark blue, orange, green, ...).
PALETTE = ["#1f4e79", "#e07b24", "#4e8a3a", "#9e2a2b", "#7b5ea7", "#8c8c8c", "#2e86c1", "#b7950b"]


class ExportError(RuntimeError):
    """The browser or poppler failed; the message says which figure and why."""


@dataclass(frozen=True)
class PrintStyle:
    """A chart's printed size and type; pixels are derived so the printed size is exact."""

    width_mm: float = 160.0
    height_mm: float = 90.0
    font_pt: float = 10.5
    serif: bool = True
    dpi: int = 300

    @property
    def family(self) -> str:
        return SERIF if self.serif else SANS

    def px(self, mm: float) -> int:
        return round(mm / 25.4 * CSS_DPI)

    def font_px(self, pt: float | None = None) -> float:
        return round((pt or self.font_pt) * CSS_DPI / 72, 2)

    @property
    def width_px(self) -> int:
        return self.px(self.width_mm)

    @property
    def height_px(self) -> int:
        return self.px(self.height_mm)

    def with_height(self, height_mm: float) -> PrintStyle:
        return replace(self, height_mm=height_mm)


def vn_date(day: dt.date | dt.datetime | str | None) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates."""
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return day.strftime("%d/%m/%Y")


def caption_line(scope: str, period: str, data_date: dt.date | str | None, sample: bool = False) -> str:
    """ "Phạm vi: … · Kỳ: … · Số liệu đến dd/mm/yyyy": what a chart shows, pasted anywhere."""
    parts = [f"Phạm vi: {scope}", f"Kỳ: {period}"]
    if data_date:
        parts.append(f"Số liệu tính đến {vn_date(data_date)}")
    if sample:
        parts.append("DỮ LIỆU MẪU")
    return " · ".join(parts)


# --- print style ------------------------------------------------------------------------------
# Styling works on the figure's plain dict (what kaleido sends to the browser anyway): plotly's
# validated setters cost ~80 ms a figure, the dict edits almost nothing.


def _label_lines(values: Iterable[Any]) -> int:
    """Lines of the tallest category label (labels are pre-wrapped with <br>)."""
    return max((str(v).count("<br>") + 1 for v in values if isinstance(v, str)), default=1)


def _x_tick_lines(data: list[dict], layout: dict) -> int:
    """How many text lines the bottom axis's tick labels take: what the bottom margin must hold."""
    lines = 1
    for trace in data:
        x = trace.get("x")
        if (
            x is not None
            and trace.get("orientation") != "h"
            and trace.get("type", "scatter") in ("bar", "heatmap", "scatter")
        ):
            lines = max(lines, _label_lines(x))
    angle = layout.get("xaxis", {}).get("tickangle")
    return lines + (1 if angle not in (None, 0) else 0)


def _title_text(axis: dict) -> str:
    title = axis.get("title")
    return (title.get("text") if isinstance(title, dict) else title) or ""


def _text_lines(style: PrintStyle, title: str | None, caption: str | None) -> tuple[list[str], float]:
    """The title (bold, body size) and caption (small, grey) as wrapped lines, and the em plotly spaces them by."""
    small = style.font_px(style.font_pt - 1.5)
    lines = [f"<b>{t}</b>" for t in (_wrap(title, style.width_px, style.font_px() * 0.56) if title else [])]
    lines += [
        f"<span style='font-size:{small}px;color:{MUTED}'>{t}</span>"
        for t in (_wrap(caption, style.width_px, small * 0.5) if caption else [])
    ]
    return lines, style.font_px() if title else small


def _bottom_block(data: list[dict], layout: dict, style: PrintStyle, title: str | None, caption: str | None):
    """Bottom margin (tick labels, axis title, title and caption) and the layout.title holding the text.

    The text goes in layout.title anchored to the container, because plotly's automargin does not
    keep a bottom title clear of tick labels; the margin is computed from what the axis shows.
    Plotly spaces a title's lines 1.3 em apart (em = the title's font size), puts a one-line title's
    baseline 0.7 em below its anchor and a longer one's first baseline on the anchor.
    """
    line = style.font_px() * 1.35
    xaxis = layout.get("xaxis", {})
    has_axis = bool(data) and xaxis.get("visible", True) and data[0].get("type") != "pie"
    axis_h = (_x_tick_lines(data, layout) * line + 8) if has_axis else 0
    if has_axis and _title_text(xaxis):
        axis_h += line + 16
    lines, em = _text_lines(style, title, caption)
    if not lines:
        return round(axis_h + 6), {"text": ""}
    last_baseline = style.height_px - 6 - 0.3 * em  # descenders clear of the bottom edge
    first_baseline = last_baseline - 1.3 * em * (len(lines) - 1)
    anchor = first_baseline - (0.7 * em if len(lines) == 1 else 0)
    block_top = first_baseline - 1.0 * em  # room for stacked Vietnamese diacritics (ể, ỗ)
    block = {
        "text": "<br>".join(lines),
        "x": 0.01,
        "xref": "container",
        "xanchor": "left",
        "y": 1 - anchor / style.height_px,
        "yref": "container",
        "yanchor": "top",
        "font": {"size": em, "color": INK, "family": style.family},
    }
    return round(axis_h + (style.height_px - block_top) + 4), block


def _wrap(text: str, width_px: float, char_px: float) -> list[str]:
    """Lines that fit the chart's width (plotly does not wrap titles itself). A caption's " · "
    parts stay whole where they fit, so "DỮ LIỆU MẪU" or a date is never split across lines."""
    width = max(20, int((width_px - 16) / char_px))
    lines: list[str] = []
    for part in text.split(" · "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines += textwrap.wrap(part, width=width, break_long_words=False) or [part]
    return lines or [text]


def _value_axes(data: list[dict]) -> tuple[bool, bool]:
    """Which axes carry values (and so a grid): y for columns and lines, x for horizontal bars."""
    first = data[0] if data else {}
    if not first or first.get("type") in ("heatmap", "pie", "table"):
        return False, False
    horizontal = first.get("orientation") == "h"
    return horizontal, not horizontal


def _merge(base: dict, extra: dict) -> dict:
    """``extra`` over ``base``, recursively: print settings win, the builder's other choices stay."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _axis(style: PrintStyle, grid: bool) -> dict:
    return {
        "showline": True,
        "linecolor": "#7f7f7f",
        "linewidth": 0.8,
        "ticks": "outside",
        "tickcolor": "#7f7f7f",
        "ticklen": 3,
        "showgrid": grid,
        "gridcolor": GRID,
        "gridwidth": 0.6,
        "zeroline": False,
        "automargin": True,
        "tickfont": {"size": style.font_px(style.font_pt - 0.5), "color": INK},
        "title": {"font": {"size": style.font_px(), "color": INK}},
    }


def print_layout(
    spec: dict, style: PrintStyle | None = None, *, title: str | None = None, caption: str | None = None
) -> dict:
    """A figure dict (``fig.to_dict()``) laid out for print; the input is not changed."""
    style = style or PrintStyle()
    data = spec.get("data", [])
    layout = {k: v for k, v in spec.get("layout", {}).items() if k != "template"}  # plotly.py's screen template
    for key in [k for k in layout if k.startswith(("xaxis", "yaxis"))] or []:
        layout[key] = dict(layout[key]) if isinstance(layout[key], dict) else {}
    if isinstance(layout.get("title"), str):
        layout["title"] = {"text": layout["title"]}
    for key in ("xaxis", "yaxis"):
        if isinstance(layout.get(key, {}).get("title"), str):
            layout[key]["title"] = {"text": layout[key]["title"]}
    grid_x, grid_y = _value_axes(data)
    bottom, block = _bottom_block(data, layout, style, title, caption)
    # a figure that brings its own title (charts.style's "Dữ liệu mẫu" corner note) keeps it and its room
    top = 8 if (title or caption or not _title_text(layout)) else layout.get("margin", {}).get("t", 40)
    for key in [k for k in layout if k.startswith("xaxis")] or ["xaxis"]:
        layout[key] = _merge(_axis(style, grid_x), layout.get(key, {}))
    for key in [k for k in layout if k.startswith("yaxis")] or ["yaxis"]:
        layout[key] = _merge(_axis(style, grid_y), layout.get(key, {}))
    legend = {
        "orientation": "h",
        "x": 0,
        "xanchor": "left",
        "y": 1.01,
        "yanchor": "bottom",
        "bgcolor": "rgba(0,0,0,0)",
        "font": {"size": style.font_px(style.font_pt - 0.5)},
        "title": {"text": ""},
    }
    layout.update(
        width=style.width_px,
        height=style.height_px,
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=PALETTE,
        separators=",.",
        font={"family": style.family, "size": style.font_px(), "color": INK},
        title=block if (title or caption) else layout.get("title", block),
        margin={"l": 8, "r": 12, "t": top, "b": bottom, "pad": 2, "autoexpand": True},
        legend=_merge(layout.get("legend", {}), legend),
        uniformtext={"minsize": style.font_px(style.font_pt - 3), "mode": "hide"},
    )
    return {"data": data, "layout": layout}


def print_figure(
    fig: go.Figure, style: PrintStyle | None = None, *, title: str | None = None, caption: str | None = None
) -> go.Figure:
    """A copy of ``fig`` laid out for print at ``style``'s size, with the title and caption below the plot."""
    return go.Figure(print_layout(fig.to_dict(), style, title=title, caption=caption))


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
