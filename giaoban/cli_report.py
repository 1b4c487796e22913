"""CLI command ``report``: write a report pack (DOCX, PDF, XLSX or ZIP) for a year or a period.

``register(app)`` adds it to the main typer app. Scriptable for cron: no prompts; the written
file's path is the only thing on stdout; progress and errors go to stderr (``--quiet`` silences
progress); exit code 0 on success, 2 for a usage mistake (bad year, period, scope or format, no
database), 1 when rendering failed (chromium or poppler).

    python -m giaoban report --year 2024 --format docx --out bao-cao-2024.docx
    python -m giaoban report --period quarter:2024Q3 --scope "Hội Nông dân" --out reports/
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

FORMATS = ("docx", "pdf", "xlsx", "zip")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _format(fmt: str | None, out: Path) -> str:
    """--format, else the extension of --out; both given must agree."""
    suffix = out.suffix.lower().lstrip(".")
    chosen = (fmt or suffix or "").lower()
    if chosen not in FORMATS:
        _fail(f"unknown format {chosen or '(none)'!r}; use --format docx, pdf, xlsx or zip", 2)
    if fmt and suffix in FORMATS and suffix != chosen:
        _fail(f"--format {chosen} does not match the file name {out.name}", 2)
    return chosen


def _progress(quiet: bool):
    if quiet:
        return None

    def show(fraction: float, message: str) -> None:
        typer.echo(f"[{fraction:4.0%}] {message}", err=True)

    return show


def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="file to write; an existing folder gets the default name")],
    year: Annotated[int | None, typer.Option("--year", help="the report year (the whole year unless --period)")] = None,
    period: Annotated[
        str | None,
        typer.Option(help="quarter:2024Q3, half:2024H1, month:2024-05, ytd:2024-09, or 'Quý III/2024'"),
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option(help="a province (Bắc Giang) and/or an organisation (MTTQ, Hội Nông dân); repeatable"),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="docx, pdf, xlsx or zip (default: from --out)")
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="database file (default: GIAOBAN_DB)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress lines on stderr")] = False,
) -> None:
    """Write the report pack: cover, headline figures vs last year, numbered charts and tables, definitions.

    DOCX is editable Word (A4, Times New Roman 13 pt); PDF has the same content; XLSX one sheet per
    table; ZIP holds all three plus every chart as PNG (300 dpi), SVG and PDF.
    """
    from giaoban.export import ExportError
    from giaoban.report.build import build_report
    from giaoban.report.spec import ReportError

    chosen = _format(fmt, out)
    try:
        result = build_report(
            out, chosen, year=year, period=period, scopes=scope, db_path=db, progress=_progress(quiet)
        )
    except (ReportError, FileNotFoundError) as err:
        _fail(str(err), 2)
    except ExportError as err:
        _fail(f"could not render the report: {err}", 1)
    contents = result.contents
    if not quiet:
        typer.echo(
            f"{len(contents.charts)} charts, {len(contents.tables)} tables, {result.seconds:.1f} s"
            + (" (sample data)" if contents.is_sample else ""),
            err=True,
        )
    typer.echo(str(result.path))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
