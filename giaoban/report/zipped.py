"""The whole pack in one ZIP: the DOCX, the PDF, the XLSX and every chart as PNG, SVG and PDF.

Contract: ``write_zip(contents, files, charts, out)`` where ``files`` are the rendered documents
and ``charts[chart.key]`` maps each format to its file. Chart files keep their numbered names
(``bieu-do/png/bieu-do-06-ty-le-….png``) so they sort in report order; ``bieu-do/danh-muc.csv``
lists number, caption and query, and ``DOC-TOI.txt`` says what is where (UTF-8 names and text).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from giaoban.report.model import ReportContents

README = """{title}
{scope} · {period} · số liệu tính đến {date}
{sample}
Trong gói:
- {docx}: báo cáo dạng Word, sửa được (tiêu đề, bảng, chú thích biểu đồ là cấu trúc Word thật).
- {pdf}: cùng nội dung, để in hoặc gửi.
- {xlsx}: các bảng số liệu, mỗi bảng một trang tính.
- bieu-do/png: biểu đồ PNG {dpi} dpi, rộng 16 cm khi in (chèn vào Word đúng cỡ).
- bieu-do/svg, bieu-do/pdf: cùng biểu đồ dạng vector (phóng to không vỡ nét).
- bieu-do/danh-muc.csv: số thứ tự, tên và truy vấn nguồn của từng biểu đồ.
"""


def _index(contents: ReportContents) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["so", "ten_bieu_do", "tep", "truy_van"])
    for chart in contents.charts:
        writer.writerow([chart.number, chart.caption, chart.stem, chart.query])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


def write_zip(
    contents: ReportContents, files: list[Path], charts: dict[str, dict[str, Path]], out: Path, dpi: int = 300
) -> Path:
    names = {p.suffix.lstrip("."): p.name for p in files}
    readme = README.format(
        title=contents.title,
        scope=contents.spec.scope_label,
        period=contents.spec.period_label,
        date=contents.data_date.strftime("%d/%m/%Y"),
        sample=contents.sample_note + "\n" if contents.is_sample else "",
        docx=names.get("docx", "-"),
        pdf=names.get("pdf", "-"),
        xlsx=names.get("xlsx", "-"),
        dpi=dpi,
    )
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("DOC-TOI.txt", readme.encode("utf-8"))
        for path in files:
            archive.write(path, path.name)
        for chart in contents.charts:
            for fmt, path in sorted(charts.get(chart.key, {}).items()):
                packed = zipfile.ZIP_STORED if fmt == "png" else zipfile.ZIP_DEFLATED  # PNG is compressed already
                archive.write(path, f"bieu-do/{fmt}/{chart.stem}.{fmt}", compress_type=packed)
        archive.writestr("bieu-do/danh-muc.csv", _index(contents))
    return out
