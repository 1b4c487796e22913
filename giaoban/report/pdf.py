"""The report pack as PDF: the same contents as the DOCX, as HTML printed by chromium.

Contract: ``write_html(contents, images, out_html)`` writes a self-describing HTML page (A4 and
margins in CSS ``@page``, charts as the SVG files beside it); ``write_pdf(contents, images, out,
exporter)`` prints it through the exporter's running browser (no second chromium start), with
page numbers in the footer and, for sample data, a warning in every page header.

Why HTML and chromium: chromium is already there for the charts, it shapes Vietnamese text
correctly with the system fonts, and CSS gives repeating table headers and page-break control
that a hand-drawn PDF would have to reimplement.
"""

from __future__ import annotations

import html
from pathlib import Path

from giaoban.export import ChartExporter
from giaoban.report import vn
from giaoban.report.model import Chart, Paragraph, ReportContents, Table
from giaoban.report.wording import MADE_BY

NUMERIC = ("int", "pct", "float", "days", "auto", "change")
CSS = """
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
* { box-sizing: border-box; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 13pt; line-height: 1.35; color: #000;
       margin: 0; }
.cover { page-break-after: always; padding-top: 45mm; text-align: center; }
.cover h1 { font-size: 15pt; margin: 0 0 6pt; }
.cover .sub { font-style: italic; margin-bottom: 18pt; }
.cover table.meta { margin: 0 auto 18pt; border-collapse: collapse; text-align: left; }
.cover table.meta td { border: none; padding: 2pt 6pt; vertical-align: top; }
.sample { border: 1.5pt solid #9e2a2b; color: #9e2a2b; font-weight: bold; padding: 6pt 10pt; margin: 12pt 10mm; }
.made { font-style: italic; font-size: 12pt; }
h1 { font-size: 13pt; margin: 14pt 0 6pt; page-break-after: avoid; }
h2 { font-size: 13pt; margin: 10pt 0 6pt; page-break-after: avoid; }
p { text-align: justify; text-indent: 10mm; margin: 0 0 6pt; }
figure { margin: 6pt 0 12pt; page-break-inside: avoid; text-align: center; }
figure img { width: 160mm; display: block; margin: 0 auto; }
.caption { font-weight: bold; font-size: 12pt; text-align: center; text-indent: 0; margin: 4pt 0 6pt; }
.table-caption { page-break-after: avoid; margin-top: 10pt; }
table.data { border-collapse: collapse; width: 100%; margin-bottom: 4pt; page-break-inside: auto; }
table.data thead { display: table-header-group; }
table.data tr { page-break-inside: avoid; }
table.data th, table.data td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; line-height: 1.2; }
table.data th { background: #d9d9d9; text-align: center; font-weight: bold; }
table.data td.n { text-align: right; white-space: nowrap; }
table.data tr.total td { font-weight: bold; }
.note { font-style: italic; font-size: 11.5pt; text-indent: 0; margin-bottom: 10pt; }
.term { text-indent: 10mm; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _cover(contents: ReportContents) -> str:
    spec = contents.spec
    rows = [
        ("Phạm vi", spec.scope_label),
        ("Kỳ báo cáo", f"{spec.period_label} ({vn.date(spec.period.start)} – {vn.date(spec.period.end)})"),
        ("So sánh với", spec.previous_label),
        ("Số liệu tính đến", vn.date(contents.data_date)),
        ("Ngày lập", contents.generated_at.strftime("%d/%m/%Y")),
    ]
    meta = "".join(f"<tr><td><b>{_e(k)}:</b></td><td>{_e(v)}</td></tr>" for k, v in rows)
    sample = f'<div class="sample">{_e(contents.sample_note)}</div>' if contents.is_sample else ""
    return (
        f'<section class="cover"><h1>{_e(contents.title)}</h1><div class="sub">{_e(contents.subtitle)}</div>'
        f'<table class="meta">{meta}</table>{sample}<div class="made">{_e(MADE_BY)}</div></section>'
    )


def _chart(chart: Chart, image: Path) -> str:
    return (
        f'<figure><img src="{_e(image.name)}" alt="{_e(chart.caption)}">'
        f'<figcaption class="caption">{_e(chart.caption)}</figcaption></figure>'
    )


def _table(table: Table) -> str:
    total = sum(c.width for c in table.columns)
    cols = "".join(f'<col style="width:{c.width / total * 100:.1f}%">' for c in table.columns)
    head = "".join(f"<th>{_e(c.header)}</th>" for c in table.columns)
    rows = table.text_rows()
    body = []
    for index, values in enumerate(rows):
        css = ' class="total"' if table.total_last and index == len(rows) - 1 else ""
        cells = "".join(
            f'<td class="n">{_e(v)}</td>' if c.kind in NUMERIC else f"<td>{_e(v)}</td>"
            for c, v in zip(table.columns, values, strict=True)
        )
        body.append(f"<tr{css}>{cells}</tr>")
    if not rows:
        body.append(
            f'<tr><td colspan="{len(table.columns)}" style="text-align:center">Không có số liệu trong kỳ</td></tr>'
        )
    size = f"{table.font_pt}pt"
    note = f'<p class="note">{_e(table.note)}</p>' if table.note else ""
    return (
        f'<p class="caption table-caption">{_e(table.caption)}</p>'
        f'<table class="data" style="font-size:{size}"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>{note}"
    )


def _terms(items: list[tuple[str, str]]) -> str:
    return "".join(f'<p class="term"><b>{_e(k)}:</b> {_e(v)}</p>' for k, v in items)


def render_html(contents: ReportContents, images: dict[str, Path]) -> str:
    parts = [_cover(contents)]
    for number, section in enumerate(contents.sections, start=1):
        parts.append(f"<h1>{vn.ROMAN[number - 1]}. {_e(section.title)}</h1>")
        for item in section.items:
            if isinstance(item, Paragraph):
                parts.append(f"<p>{_e(item.text)}</p>")
            elif isinstance(item, Chart):
                parts.append(_chart(item, images[item.key]))
            else:
                parts.append(_table(item))
    parts.append(f"<h1>{vn.ROMAN[len(contents.sections)]}. PHẠM VI, BỘ LỌC VÀ ĐỊNH NGHĨA</h1>")
    parts.append(f"<h2>1. Phạm vi và bộ lọc đã dùng</h2>{_terms(contents.filters)}")
    parts.append(f"<h2>2. Định nghĩa các chỉ số</h2>{_terms(contents.definitions)}")
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{_e(contents.title)}</title>'
        f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def write_html(contents: ReportContents, images: dict[str, Path], out: Path) -> Path:
    """HTML next to the chart images (``images`` must sit in ``out``'s folder: they are linked by name)."""
    out.write_text(render_html(contents, images), encoding="utf-8")
    return out


def _margin_box(text: str, css: str = "") -> str:
    style = "font-family:'Times New Roman','Liberation Serif',serif;font-size:9.5pt;width:100%;text-align:center;"
    return f'<div style="{style}{css}">{text}</div>'


def write_pdf(contents: ReportContents, images: dict[str, Path], out: Path, exporter: ChartExporter) -> Path:
    page = write_html(contents, images, out.with_suffix(".html"))
    footer = _margin_box('Trang <span class="pageNumber"></span>/<span class="totalPages"></span>')
    header = (
        _margin_box("DỮ LIỆU MẪU – không dùng để báo cáo", "color:#9e2a2b;font-weight:bold;")
        if contents.is_sample
        else ""
    )
    out.write_bytes(exporter.print_html(page, footer=footer, header=header))
    return out
