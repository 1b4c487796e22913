"""The report pack as data: sections of paragraphs, numbered charts and numbered tables.

``contents.build_contents`` fills it from named queries; ``docx``, ``pdf``, ``xlsx`` and
``zipped`` only render it, so the four formats cannot disagree. Tables keep the query's raw
frame (numbers as numbers, rates as fractions) plus how to show each column; the XLSX writes the
raw values, the documents the formatted text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
import polars as pl

from giaoban.report import vn
from giaoban.report.spec import ReportSpec


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text, int, pct, float, days, date, status, origin, auto (kind in the row's "kind")
    width: float = 1.0  # relative width in the documents
    empty: str = ""  # shown for a missing value (an organisation the extractor could not name…)


@dataclass
class Table:
    key: str
    title: str
    query: str
    params: dict[str, Any]
    frame: pl.DataFrame
    columns: list[Column]
    note: str = ""
    number: int = 0
    total_last: bool = False  # the last row is a total (bold in the documents)

    @property
    def caption(self) -> str:
        return f"Bảng {self.number}. {self.title}"

    @property
    def font_pt(self) -> float:
        """Smaller type for wide tables and for lists of long texts, so rows stay a few lines high."""
        if len(self.columns) > 6:
            return 10.0
        return 10.5 if any(c.width >= 4 for c in self.columns) else 11.0

    def kinds(self, row: dict[str, Any]) -> list[str]:
        return [row.get("kind", "text") if c.kind == "auto" else c.kind for c in self.columns]

    def text_rows(self) -> list[list[str]]:
        """Every row as the documents print it (Vietnamese number and date formats)."""
        out = []
        for row in self.frame.iter_rows(named=True):
            out.append([self._text(row, c, k) for c, k in zip(self.columns, self.kinds(row), strict=True)])
        return out

    @staticmethod
    def _text(row: dict[str, Any], column: Column, kind: str) -> str:
        if kind == "change":  # headline rows: the change of "current" over "previous", as count or points
            return vn.change(row.get("current"), row.get("previous"), row.get("kind", "int"))
        value = row.get(column.key)
        return column.empty if value is None and column.empty else vn.cell(value, kind)


@dataclass
class Chart:
    key: str
    title: str
    query: str
    params: dict[str, Any]
    figure: go.Figure
    height_mm: float
    note: str = ""
    number: int = 0

    @property
    def caption(self) -> str:
        return f"Biểu đồ {self.number}. {self.title}"

    @property
    def stem(self) -> str:
        return f"bieu-do-{self.number:02d}-{vn.slug(self.title)}"


@dataclass
class Paragraph:
    text: str


Item = Paragraph | Chart | Table


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)


@dataclass
class ReportContents:
    spec: ReportSpec
    title: str
    subtitle: str
    data_date: dt.date
    generated_at: dt.datetime
    meetings: int
    sample_meetings: int
    sections: list[Section]
    filters: list[tuple[str, str]]
    definitions: list[tuple[str, str]]

    @property
    def charts(self) -> list[Chart]:
        return [i for s in self.sections for i in s.items if isinstance(i, Chart)]

    @property
    def tables(self) -> list[Table]:
        return [i for s in self.sections for i in s.items if isinstance(i, Table)]

    @property
    def is_sample(self) -> bool:
        return self.sample_meetings > 0

    @property
    def sample_note(self) -> str:
        if not self.is_sample:
            return ""
        whole = self.sample_meetings == self.meetings
        share = "Toàn bộ" if whole else f"{vn.num(self.sample_meetings)}/{vn.num(self.meetings)}"
        return (
            f"LƯU Ý: {share} cuộc họp trong kỳ là DỮ LIỆU MẪU, sinh tự động để minh họa, không phải số liệu "
            "thực tế; không sử dụng để báo cáo cấp trên."
        )

    @property
    def caption_line(self) -> str:
        from giaoban.print_style import caption_line

        return caption_line(self.spec.scope_label, self.spec.period_label, self.data_date, self.is_sample)
