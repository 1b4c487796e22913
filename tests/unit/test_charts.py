"""Figure builders: the house style, the sample-data mark, clickable heatmap cells; no Streamlit."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import polars as pl

from giaoban import charts


def test_style_sets_language_separators_and_sample_mark():
    fig = charts.style(
        charts.lines(pl.DataFrame({"p": ["a", "b"], "n": [1, 2]}), "p", {"n": "Số"}), "vi", "Dữ liệu mẫu"
    )
    assert fig.layout.separators == ",."
    assert "Dữ liệu mẫu" in fig.layout.title.text
    assert (
        charts.style(charts.lines(pl.DataFrame({"p": ["a"], "n": [1]}), "p", {"n": "N"}), "en").layout.separators
        == ".,"
    )


def test_heatmap_cells_carry_their_keys_for_clicks():
    frame = pl.DataFrame(
        {
            "period": ["2024", "2025", "2024"],
            "theme": ["Lao động", "Lao động", "Kinh phí"],
            "n": [3, 1, 2],
            "theme_id": ["labour", "labour", "funding"],
            "start": ["2024-01-01", "2025-01-01", "2024-01-01"],
        }
    )
    fig = charts.heatmap(
        frame,
        "period",
        "theme",
        "n",
        keys=("theme_id", "start"),
        x_order=["2024", "2025"],
        y_order=["Lao động", "Kinh phí"],
    )
    heat, points = fig.data
    assert [list(row) for row in heat.z] == [[3, 1], [2, None]]
    assert [tuple(c) for c in points.customdata] == [
        ("labour", "2024-01-01"),
        ("labour", "2025-01-01"),
        ("funding", "2024-01-01"),
    ]
    assert fig.layout.clickmode == "event+select"


def test_bars_percent_axis_and_diverging_room_for_labels():
    frame = pl.DataFrame({"org": ["MTTQ", "LĐLĐ"], "a": [0.7, 0.5], "r": [0.1, 0.2]})
    fig = charts.bars(frame, "org", {"a": "Phản hồi", "r": "Giải quyết"}, percent=True, horizontal=True)
    assert fig.layout.xaxis.tickformat == ".0%" and len(fig.data) == 2
    div = charts.diverging(pl.DataFrame({"t": ["x", "y"], "c": [0.2, -0.1]}), "t", "c", "green", "red")
    assert div.layout.xaxis.range == (-0.29, 0.29) and list(div.data[0].marker.color) == ["green", "red"]
    pts = charts.diverging(pl.DataFrame({"t": ["x", "y"], "c": [0.21, -0.1]}), "t", "c", "green", "red", "điểm")
    assert list(pts.data[0].text) == ["+21 điểm", "-10 điểm"]  # shares' difference: points, not a relative %
    assert pts.layout.xaxis.range == (-42.0, 42.0)  # wider: the labels are longer


def test_calendar_by_day_for_a_year_and_by_month_for_longer():
    days = pl.DataFrame({"d": [dt.date(2024, 3, 28), dt.date(2024, 7, 5)], "n": [1, 2]})
    short = charts.calendar(days, "d", "n", list("1234567"), [str(m) for m in range(1, 13)])
    assert len(short.data[0].y) == 7
    long = pl.DataFrame({"d": [dt.date(2016, 1, 5), dt.date(2024, 7, 5)], "n": [1, 2]})
    grid = charts.calendar(long, "d", "n", list("1234567"), [str(m) for m in range(1, 13)])
    assert list(grid.data[0].y) == ["2016", "2024"] and grid.data[0].z[1][6] == 2


def test_the_core_package_never_imports_streamlit():
    """Images come from giaoban.export (no screen-only kaleido path here); Streamlit stays in dashboard/."""
    assert not hasattr(charts, "figure_image")
    package = Path(charts.__file__).parent
    importing = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if re.search(r"^\s*(import|from)\s+streamlit\b", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert importing == []
