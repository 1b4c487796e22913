"""How a chart looks on paper: its printed size in millimetres, fonts in points, a print palette,
and the layout that puts title and caption below the plot (``print_layout``, ``print_figure``).

Pure dict edits, no browser: ``giaoban.export`` renders what this module lays out, and the report
pack sizes its figures with it. ``PrintStyle`` fixes the printed size, so a chart inserted at its
printed width (16 cm = the text width of an A4 page with 3 cm / 2 cm margins) is readable without
scaling; ``serif=True`` uses Times New Roman (Liberation Serif where Times is missing), as
Vietnamese administrative documents do.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import plotly.graph_objects as go

CSS_DPI = 96  # plotly lays out in CSS pixels; kaleido's PDF page is the layout size at 96 px/in
SERIF = "'Times New Roman', 'Liberation Serif', 'Noto Serif', serif"
SANS = "Arial, 'Liberation Sans', 'Noto Sans', sans-serif"
INK = "#1a1a1a"
GRID = "#d9d9d9"
MUTED = "#555555"
# Colours that stay distinct in print and in greyscale photocopies (dark blue, orange, green, ...).
PALETTE = ["#1f4e79", "#e07b24", "#4e8a3a", "#9e2a2b", "#7b5ea7", "#8c8c8c", "#2e86c1", "#b7950b"]


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
