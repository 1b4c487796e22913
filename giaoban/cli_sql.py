"""CLI commands for analysts: ``sql`` (one statement in the sandbox) and ``export-data``.

``register(app)`` adds both to the main typer app. ``sql`` goes through exactly the sandbox the
SQL page uses, so a statement refused there is refused here, with the same reason, and the exit
code is non-zero (1 refused or stopped, 2 a usage mistake).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _params(items: list[str] | None) -> dict[str, str]:
    values = {}
    for item in items or []:
        if "=" not in item:
            _fail(f"--param {item!r}: use name=value", 2)
        key, value = item.split("=", 1)
        values[key.strip().lstrip("$")] = value
    return values


def sql(
    statement: Annotated[str | None, typer.Argument(help="one reading statement; '-' reads it from stdin")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="read the statement from this .sql file")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value for $name, repeatable")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
    max_rows: Annotated[int | None, typer.Option(help="row cap (default: GIAOBAN_SQL_DOWNLOAD_ROWS)")] = None,
    lang: Annotated[str, typer.Option(help="language of error messages: en or vi")] = "en",
    db: Annotated[Path | None, typer.Option("--db", help="database file (default: GIAOBAN_DB)")] = None,
) -> None:
    """Run one read-only SQL statement in the analysts' sandbox (the same one as the SQL page).

    Limits: GIAOBAN_SQL_TIMEOUT seconds, GIAOBAN_SQL_MEMORY, no file or network access, one
    statement. Example: python -m giaoban sql "FROM rec_metrics('2024-01-01', '2024-12-31')"
    """
    from giaoban.output import render
    from giaoban.sandbox import Limits, SandboxError, run_sql

    if fmt not in ("table", "csv", "json"):
        _fail(f"unknown format {fmt!r}; use table, csv or json", 2)
    text = _statement_text(statement, file)
    try:
        limits = Limits.from_env()
        result = run_sql(text, _params(param), db_path=db, limits=limits, max_rows=max_rows or limits.download_rows)
    except SandboxError as err:
        _fail(err.message(lang))
    except ValueError as err:
        _fail(str(err), 2)
    render(result.frame, fmt)  # type: ignore[arg-type]
    if result.truncated:
        typer.echo(f"warning: only the first {result.row_cap:,} rows; raise --max-rows to get more", err=True)


def _statement_text(statement: str | None, file: Path | None) -> str:
    if file is not None:
        if not file.exists():
            _fail(f"no such file: {file}", 2)
        return file.read_text(encoding="utf-8")
    if statement == "-":
        return sys.stdin.read()
    if not statement:
        _fail("give a statement, '-' for stdin, or --file FILE.sql", 2)
    return statement


def export_data(
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet (partitioned by year), csv or xlsx")] = "parquet",
    out: Annotated[Path, typer.Option("--out", help="folder to write into")] = Path("giaoban-export"),
    db: Annotated[Path | None, typer.Option("--db", help="database file (default: GIAOBAN_DB)")] = None,
) -> None:
    """Write every table of the database as Parquet, CSV or XLSX, with a manifest.json."""
    from giaoban.export_data import ExportError
    from giaoban.export_data import export_data as run

    try:
        manifest = run(out, fmt, db)
    except (ExportError, FileNotFoundError) as err:
        _fail(str(err), 2)
    for table in manifest["tables"]:
        typer.echo(f"{table['name']:24} {table['rows']:>9,} rows  {out / table['path']}")
    typer.echo(f"wrote {len(manifest['tables'])} tables to {out} (manifest.json lists them)")


def register(app: typer.Typer) -> None:
    """Add ``sql`` and ``export-data`` to the main CLI."""
    app.command("sql")(sql)
    app.command("export-data")(export_data)
