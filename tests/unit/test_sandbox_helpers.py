"""The SQL page's core helpers: the schema catalogue, the quick chart and the download files."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest

from giaoban.sandbox_catalog import read_catalog
from giaoban.sandbox_chart import default_axes, quick_figure
from giaoban.sandbox_files import to_bytes

FRAME = pl.DataFrame(
    {
        "to_chuc": ["Hội Nông dân", "Đoàn Thanh niên", "Hội Nông dân"],
        "nam": [2023, 2023, 2024],
        "so_kien_nghi": [4, 7, 2],
        "ds": [[1], [2, 3], []],
    }
)


def test_catalog_lists_tables_views_macros_with_comments(mini_db: Path):
    cat = read_catalog(mini_db)
    rows = dict(zip(cat.relations["name"], cat.relations["rows"], strict=True))
    assert rows["meetings"] == 8 and rows["recommendations"] == 11
    kinds = dict(zip(cat.relations["name"], cat.relations["kind"], strict=True))
    assert kinds["rec_state"] == "view" and rows["rec_state"] is None
    held_on = cat.columns_of("meetings").filter(pl.col("column") == "held_on").to_dicts()[0]
    assert held_on["type"] == "DATE" and "Ngày họp" in held_on["comment"]
    assert cat.snippet("rec_metrics") == "rec_metrics(date_from, date_to, as_of)"
    assert cat.snippet("meetings") == "meetings"


def test_catalog_completions_offer_each_name_once(mini_db: Path):
    items = read_catalog(mini_db).completions()
    by_caption = {}
    for item in items:
        assert item["caption"] not in by_caption, item["caption"]
        by_caption[item["caption"]] = item
    assert by_caption["meetings"]["meta"] == "table" and by_caption["rec_state"]["meta"] == "view"
    assert by_caption["rec_metrics"]["value"] == "rec_metrics(date_from, date_to, as_of)"
    assert by_caption["short_name"]["meta"] == "organisations"
    assert " +" in by_caption["meeting_id"]["meta"]
    assert by_caption["meetings"]["score"] > by_caption["short_name"]["score"]


def test_default_axes_and_figures():
    assert default_axes(FRAME) == ("to_chuc", "nam")
    bar = quick_figure(FRAME, "bar", "to_chuc", "so_kien_nghi", "nam")
    assert bar.data and bar.data[0].type == "bar"
    line = quick_figure(FRAME, "line", "nam", "so_kien_nghi")
    assert list(line.data[0].x) == [2023, 2023, 2024]
    heat = quick_figure(FRAME, "heatmap", "nam", "to_chuc", "so_kien_nghi")
    assert heat.data[0].type == "histogram2d"
    with pytest.raises(ValueError):
        quick_figure(FRAME, "pie", "nam", "so_kien_nghi")


def test_download_files_read_back():
    csv = to_bytes(FRAME, "csv")
    assert csv.startswith(b"\xef\xbb\xbf") and "Đoàn Thanh niên".encode() in csv
    back = pl.read_csv(io.BytesIO(csv[3:]))
    assert back["so_kien_nghi"].to_list() == [4, 7, 2]
    xlsx = pl.read_excel(io.BytesIO(to_bytes(FRAME, "xlsx")))
    assert xlsx["to_chuc"].to_list() == FRAME["to_chuc"].to_list() and xlsx["ds"][1] == "[2,3]"
    parquet = pl.read_parquet(io.BytesIO(to_bytes(FRAME, "parquet")))
    assert parquet.equals(FRAME)
    with pytest.raises(ValueError):
        to_bytes(FRAME, "dbf")
