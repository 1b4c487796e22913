"""Chart export: print layout (pure, fast) and real renders through one chromium for the module."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import plotly.graph_objects as go
import pytest
from PIL import Image

from giaoban.export import ChartExporter, ExportJob, figure_bytes
from giaoban.print_style import PrintStyle, caption_line, print_figure, print_layout

LABELS = ["Mặt trận Tổ quốc<br>Việt Nam", "Hội Nông dân", "Đoàn Thanh niên"]
CAPTION = caption_line("tỉnh Bắc Giang", "quý III năm 2024", "2026-11-23", sample=True)


def bars() -> go.Figure:
    fig = go.Figure(go.Bar(x=LABELS, y=[0.8, 0.5, 0.3], name="Tỷ lệ giải quyết dứt điểm"))
    fig.update_layout(xaxis_title="Tổ chức", yaxis_tickformat=".0%")
    return fig


def test_style_sizes_follow_the_printed_width():
    style = PrintStyle()
    assert style.width_px == 605  # 160 mm at 96 px/in: kaleido's PDF page is then exactly 160 mm wide
    assert style.font_px(12) == 16.0
    assert style.with_height(70).height_px == 265
    assert "Times New Roman" in style.family and "Liberation Serif" in style.family
    assert "Times" not in PrintStyle(serif=False).family


def test_caption_line_names_scope_period_date_and_sample():
    assert CAPTION == "Phạm vi: tỉnh Bắc Giang · Kỳ: quý III năm 2024 · Số liệu tính đến 23/11/2026 · DỮ LIỆU MẪU"
    assert "MẪU" not in caption_line("a", "b", None)


def test_print_layout_is_white_sized_and_leaves_the_input_alone():
    fig = bars()
    before = fig.to_dict()
    spec = print_layout(before, PrintStyle(height_mm=80), caption=CAPTION)
    assert fig.to_dict() == before
    layout = spec["layout"]
    assert (layout["width"], layout["height"]) == (605, 302)
    assert layout["paper_bgcolor"] == layout["plot_bgcolor"] == "white"
    assert layout["separators"] == ",."
    assert "template" not in layout
    assert CAPTION in layout["title"]["text"] and layout["title"]["yref"] == "container"
    assert layout["yaxis"]["showgrid"] and not layout["xaxis"]["showgrid"]  # grid on the value axis only
    assert layout["yaxis"]["tickformat"] == ".0%"  # the builder's own settings survive


def test_bottom_margin_makes_room_for_labels_axis_title_and_caption():
    plain = print_layout(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])).to_dict())["layout"]["margin"]["b"]
    wrapped = print_layout(bars().to_dict())["layout"]["margin"]["b"]
    captioned = print_layout(bars().to_dict(), caption=CAPTION, title="Biểu đồ 1. Thử")["layout"]["margin"]["b"]
    assert plain < wrapped < captioned


def test_horizontal_bars_grid_the_x_axis():
    fig = go.Figure(go.Bar(y=["a", "b"], x=[1, 2], orientation="h"))
    layout = print_layout(fig.to_dict())["layout"]
    assert layout["xaxis"]["showgrid"] and not layout["yaxis"]["showgrid"]


def test_print_figure_returns_a_plotly_figure():
    assert isinstance(print_figure(bars(), caption=CAPTION), go.Figure)


# --- real renders: one browser for the module --------------------------------------------------


@pytest.fixture(scope="module")
def exporter():
    with ChartExporter() as running:
        yield running


@pytest.fixture(scope="module")
def written(exporter, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("charts")
    style = PrintStyle(height_mm=80)
    heat = go.Figure(
        go.Heatmap(z=[[1, 2], [3, 4]], x=["Quý I/2024", "Quý II/2024"], y=["Chuyển đổi số", "An sinh xã hội"])
    )
    jobs = [
        ExportJob(
            print_layout(bars().to_dict(), style, title="Biểu đồ 1. Tỷ lệ giải quyết", caption=CAPTION), out / "bars"
        ),
        ExportJob(print_layout(heat.to_dict(), style, caption=CAPTION), out / "heat", ("png",)),
    ]
    seen: list[tuple[int, int]] = []
    paths = exporter.export(jobs, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2, 2)
    return {**{f"bars.{k}": v for k, v in paths[0].items()}, **{f"heat.{k}": v for k, v in paths[1].items()}}


def test_every_format_is_written_and_only_those_asked(written):
    assert set(written) == {"bars.png", "bars.svg", "bars.pdf", "heat.png"}
    assert not (written["heat.png"].parent / "heat.pdf").exists()


def test_png_is_300_dpi_at_16_cm_and_not_blank(written):
    image = Image.open(written["bars.png"])
    assert image.info["dpi"][0] == pytest.approx(300, abs=0.5)
    assert image.width / 300 * 25.4 == pytest.approx(160, abs=0.5)
    grey = image.convert("L")
    assert grey.getextrema()[0] < 80  # dark ink somewhere: bars and text, not an empty page
    assert sum(grey.histogram()[:200]) > 0.02 * grey.width * grey.height


def test_pdf_is_the_printed_size_with_vietnamese_text(written):
    info = subprocess.run(["pdfinfo", str(written["bars.pdf"])], capture_output=True, text=True, check=True).stdout
    width_pt = float(info.split("Page size:")[1].split("x")[0])
    assert width_pt / 72 * 25.4 == pytest.approx(160, abs=1)
    text = subprocess.run(
        ["pdftotext", str(written["bars.pdf"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Mặt trận Tổ quốc", "Hội Nông dân", "Đoàn Thanh niên", "Biểu đồ 1. Tỷ lệ giải quyết", "DỮ LIỆU MẪU"):
        assert words in text


def test_svg_is_vector_of_the_same_size(written):
    head = written["bars.svg"].read_text(encoding="utf-8")[:400]
    width_pt = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', head)[1])
    assert width_pt / 72 * 25.4 == pytest.approx(160, abs=1)
    assert "<path" in written["bars.svg"].read_text(encoding="utf-8")  # text as outlines: no font needed to view it


def test_figure_bytes_reuses_a_running_browser(exporter):
    svg = figure_bytes(bars(), "svg", exporter=exporter, caption=CAPTION)
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg[:300]
    with pytest.raises(ValueError, match="unknown format"):
        figure_bytes(bars(), "gif", exporter=exporter)


def test_print_html_prints_a_page_in_the_same_browser(exporter, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><style>@page{size:A4}</style>'
        "<h1>Báo cáo tổng kết công tác giao ban</h1><p>Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Giang</p></html>",
        encoding="utf-8",
    )
    data = exporter.print_html(page, footer='<div style="font-size:9pt">Trang <span class="pageNumber"></span></div>')
    assert data.startswith(b"%PDF")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Báo cáo tổng kết công tác giao ban" in text and "Trang 1" in text


def test_png_dpi_chunk_replaces_any_earlier_one():
    import struct
    import zlib

    from giaoban.export import ExportError, png_with_dpi

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    png = b"\x89PNG\r\n\x1a\n" + ihdr + chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1)) + chunk(b"IEND", b"")
    fixed = png_with_dpi(png, 300)
    assert fixed.count(b"pHYs") == 1 and struct.pack(">II", 11811, 11811) in fixed
    with pytest.raises(ExportError, match="PNG"):
        png_with_dpi(b"not a png at all", 300)


def test_caption_wraps_between_its_parts():
    from giaoban.print_style import _wrap

    line = "Phạm vi: Toàn bộ dữ liệu · Kỳ: Quý I/2024 – Quý IV/2024 · Số liệu tính đến 31/12/2024 · DỮ LIỆU MẪU"
    lines = _wrap(line, width_px=1000, char_px=12)
    assert " · ".join(lines) == line
    assert all("DỮ LIỆU MẪU" in x for x in lines if "DỮ" in x)
    assert _wrap("short", 1000, 12) == ["short"]
