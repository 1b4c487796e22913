"""Build one report pack file: DOCX, PDF, XLSX or the ZIP of all of them with every chart.

Contract: ``build_report(out, fmt, year=, period=, scopes=, db_path=, progress=)`` reads the
database read-only, resolves the period and scope (``ReportError`` for bad input, before any
browser starts), gathers the contents from named queries, renders the charts through one
chromium, writes the format asked for and returns a ``BuildResult`` (path, contents, timings).
The output appears atomically: it is written beside ``out`` and renamed, so a cron job or a
download never picks up half a file. ``progress(fraction, message)`` reports each step.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from giaoban import db
from giaoban.config import settings
from giaoban.export import ChartExporter, ExportJob
from giaoban.print_style import PrintStyle, print_layout
from giaoban.report import contents as gather
from giaoban.report import docx, pdf, spec, xlsx, zipped
from giaoban.report.model import ReportContents

FORMATS = ("docx", "pdf", "xlsx", "zip")
CHART_FORMATS = {"docx": ("png",), "pdf": ("svg",), "xlsx": (), "zip": ("png", "svg", "pdf")}
Progress = Callable[[float, str], None]


@dataclass
class BuildResult:
    path: Path
    contents: ReportContents
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())


def default_name(contents: ReportContents, fmt: str) -> str:
    """bao-cao-giao-ban-nam-2024.docx, …-quy-iii-nam-2024-hnd.pdf: what the download is called."""
    from giaoban.report.vn import slug

    scope = "-".join(x for x in (contents.spec.family, contents.spec.province) if x)
    stem = f"bao-cao-giao-ban-{slug(contents.spec.period_label)}" + (f"-{slug(scope)}" if scope else "")
    return f"{stem}.{fmt}"


class _Clock:
    def __init__(self, progress: Progress | None) -> None:
        self.progress, self.timings, self._last = progress, {}, time.perf_counter()

    def step(self, name: str, fraction: float, message: str) -> None:
        now = time.perf_counter()
        self.timings[name] = round(now - self._last, 3)
        self._last = now
        if self.progress:
            self.progress(fraction, message)


def render_charts(
    contents: ReportContents,
    exporter: ChartExporter,
    folder: Path,
    formats: tuple[str, ...],
    style: PrintStyle | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, dict[str, Path]]:
    """Every chart of the pack, print-styled with the pack's caption line, in ``formats``."""
    style = style or PrintStyle()
    caption = contents.caption_line
    jobs = [
        ExportJob(
            print_layout(c.figure.to_dict(), style.with_height(c.height_mm), caption=caption),
            folder / c.stem,
            formats,
            style.dpi,
        )
        for c in contents.charts
    ]
    written = exporter.export(jobs, progress)
    return {c.key: paths for c, paths in zip(contents.charts, written, strict=True)}


def _write(
    fmt: str,
    contents: ReportContents,
    charts: dict[str, dict[str, Path]],
    work: Path,
    exporter: ChartExporter | None,
    clock: _Clock,
) -> Path:
    pngs = {k: v["png"] for k, v in charts.items() if "png" in v}
    svgs = {k: v["svg"] for k, v in charts.items() if "svg" in v}
    files: dict[str, Path] = {}
    if fmt in ("docx", "zip"):
        files["docx"] = docx.write_docx(contents, pngs, work / default_name(contents, "docx"))
        clock.step("docx", 0.85, "Đã tạo tệp Word")
    if fmt in ("pdf", "zip"):
        assert exporter is not None
        files["pdf"] = pdf.write_pdf(contents, svgs, work / default_name(contents, "pdf"), exporter)
        clock.step("pdf", 0.92, "Đã tạo tệp PDF")
    if fmt in ("xlsx", "zip"):
        files["xlsx"] = xlsx.write_xlsx(contents, work / default_name(contents, "xlsx"))
        clock.step("xlsx", 0.96, "Đã tạo tệp Excel")
    if fmt == "zip":
        files["zip"] = zipped.write_zip(
            contents, [files["docx"], files["pdf"], files["xlsx"]], charts, work / default_name(contents, "zip")
        )
        clock.step("zip", 0.99, "Đã đóng gói ZIP")
    return files[fmt]


@contextmanager
def _maybe_exporter(needed: bool, given: ChartExporter | None) -> Iterator[ChartExporter | None]:
    if given is not None or not needed:
        yield given
        return
    exporter = ChartExporter().start()  # chromium starts while the queries run
    try:
        yield exporter
    finally:
        exporter.close()


def build_report(
    out: Path | str,
    fmt: str,
    *,
    year: int | None = None,
    period: str | None = None,
    scopes: list[str] | None = None,
    db_path: Path | str | None = None,
    progress: Progress | None = None,
    exporter: ChartExporter | None = None,
    style: PrintStyle | None = None,
    now: dt.datetime | None = None,
) -> BuildResult:
    if fmt not in FORMATS:
        raise spec.ReportError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    out = Path(out)
    clock = _Clock(progress)
    path = Path(db_path) if db_path else settings().db_path
    con = db.connect(path, read_only=True)
    try:
        report_spec = spec.resolve(con, year=year, period=period, scopes=scopes)
        clock.step("resolve", 0.03, "Đã xác định kỳ và phạm vi")
        with _maybe_exporter(fmt != "xlsx", exporter) as running:
            contents = gather.build_contents(con, report_spec, path.name, now)
            clock.step("queries", 0.1, "Đã lấy số liệu")
            with tempfile.TemporaryDirectory(prefix="giaoban-report-") as tmp:
                work = Path(tmp)
                charts = {}
                if CHART_FORMATS[fmt]:
                    assert running is not None
                    total = len(contents.charts)

                    def tick(done: int, _total: int) -> None:
                        if progress:
                            progress(0.1 + 0.65 * done / total, f"Đã vẽ {done}/{total} biểu đồ")

                    charts = render_charts(contents, running, work, CHART_FORMATS[fmt], style, tick)
                    clock.step("charts", 0.75, "Đã vẽ biểu đồ")
                written = _write(fmt, contents, charts, work, running, clock)
                if out.is_dir():
                    out = out / default_name(contents, fmt)
                out.parent.mkdir(parents=True, exist_ok=True)
                partial = out.with_name(f".{out.name}.partial")
                partial.write_bytes(written.read_bytes())
                os.replace(partial, out)
    finally:
        con.close()
    clock.step("write", 1.0, "Hoàn tất")
    return BuildResult(out, contents, clock.timings)
