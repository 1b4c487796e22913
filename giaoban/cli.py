"""The command line: ``python -m giaoban COMMAND``.

Commands import their heavy modules lazily so ``--help`` and quick queries start fast. Every
command reads paths from giaoban.config (GIAOBAN_DB …) unless an option overrides them, prints
problems to stderr and exits non-zero on failure, so scripts and cron can rely on the exit code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from giaoban.config import ROOT, settings

app = typer.Typer(
    help="giaoban: the history of giao ban meetings as data (DuckDB) and a dashboard.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from giaoban.cli_report import register as register_report  # noqa: E402
from giaoban.cli_review import review_app  # noqa: E402
from giaoban.cli_sql import register as register_sql  # noqa: E402

app.add_typer(review_app, name="review")
register_sql(app)
register_report(app)

DbOption = Annotated[Path | None, typer.Option("--db", help="database file (default: GIAOBAN_DB)")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json")]


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _check_format(fmt: str) -> str:
    if fmt not in ("table", "csv", "json"):
        _fail(f"unknown format {fmt!r}; use table, csv or json", 2)
    return fmt


@app.command()
def build(
    db: DbOption = None,
    seed: Annotated[int, typer.Option(help="seed of the generated sample history")] = 7,
    scale: Annotated[str, typer.Option(help="demo, province or national")] = "demo",
    if_stale: Annotated[bool, typer.Option("--if-stale", help="skip when inputs are unchanged")] = False,
) -> None:
    """Build the database: reference data, generated sample history and the seed reports.

    Writes a new file and swaps it in atomically; readers never see a half-built database.
    """
    from giaoban import build as builder

    target = db or settings().db_path
    if if_stale and builder.is_current(target, seed, scale):
        typer.echo(f"{target} is up to date")
        return
    with _progress() as progress:
        counts = builder.build_database(target, seed=seed, scale=scale, progress=progress)
    typer.echo(f"built {target}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))


@app.command()
def generate(
    seed: Annotated[int, typer.Option(help="random seed; the same seed gives the same data")] = 7,
    scale: Annotated[str, typer.Option(help="demo, province or national")] = "demo",
    out: Annotated[Path | None, typer.Option(help="folder for the Parquet output")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="also build this database from it")] = None,
) -> None:
    """Generate a deterministic synthetic history (sample data) as Parquet, streamed to disk."""
    from giaoban import build as builder

    if scale not in ("demo", "province", "national"):
        _fail(f"unknown scale {scale!r}; use demo, province or national", 2)
    out_dir = out or ROOT / "data" / "generated" / f"{scale}-{seed}"
    with _progress() as progress:
        counts = builder.generate_parquet(seed, scale, out_dir, progress=progress)
        typer.echo(f"wrote {out_dir}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        if db:
            builder.build_database(db, seed=seed, scale=scale, progress=progress, generated=out_dir, seeds=False)
            typer.echo(f"built {db}")


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="reports (.txt .html .docx .pdf) and tables (.csv .xlsx .parquet .json)")
    ],
    db: DbOption = None,
) -> None:
    """Load files into the database; prints loaded / skipped / rejected (why) per file.

    Reports go through the extractor; tables through the import validation. A file with any error
    is rejected whole and the database keeps what it had. Exit code 1 when any file was rejected.
    """
    from giaoban.ingest import ingest_paths

    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail("no such file: " + ", ".join(map(str, missing)), 2)
    results = ingest_paths(list(paths), db or settings().db_path)
    for result in results:
        typer.echo(result.summary())
        for problem in result.errors:
            typer.echo(f"  {problem}", err=True)
        for warning in result.warnings:
            typer.echo(f"  warning: {warning}", err=True)
    if any(r.status == "rejected" for r in results):
        raise typer.Exit(1)


@app.command()
def reextract(db: DbOption = None) -> None:
    """Re-run the extractor over every stored report, keeping manual corrections (overrides)."""
    from giaoban.ingest import reextract as run

    counts = run(db or settings().db_path)
    typer.echo(f"re-extracted {counts['documents']} report(s); {counts['rejected']} rejected")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="a report: .txt, .html, .docx or .pdf")],
    as_json: Annotated[bool, typer.Option("--json", help="print the JSON record (the extraction contract)")] = False,
) -> None:
    """Extract one report into a meeting record, without writing to the database."""
    import json

    from giaoban.extract.document import DocumentError
    from giaoban.extract.pipeline import default_extractor

    if not file.exists():
        _fail(f"no such file: {file}", 2)
    try:
        _, record = default_extractor().extract_file(file)
    except DocumentError as err:
        _fail(str(err), 2)
    data = record.to_json()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from giaoban.extract.summary import summarise

    typer.echo(summarise(data))


@app.command()
def template(
    out: Annotated[Path, typer.Option(help="where to write the XLSX template")] = Path("giaoban-mau-nhap.xlsx"),
) -> None:
    """Write the XLSX import template (one sheet per table, instructions, example rows)."""
    from giaoban.load import write_template

    write_template(out)
    typer.echo(f"wrote {out}")


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="named query, e.g. recommendations/aging")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="k=v, repeatable")] = None,
    fmt: FormatOption = "table",
    list_: Annotated[bool, typer.Option("--list", help="list the named queries")] = False,
    db: DbOption = None,
) -> None:
    """Run a named query from queries/ with typed parameters."""
    from giaoban import db as gdb
    from giaoban import queries
    from giaoban.output import render

    if list_ or not name:
        for q in queries.load_queries().values():
            params = " ".join(f"{p.name}:{p.type}={p.default}" for p in q.params)
            typer.echo(f"{q.name:45} {q.description}" + (f"\n{'':45}   params: {params}" if params else ""))
        return
    _check_format(fmt)
    values = {}
    for item in param or []:
        if "=" not in item:
            _fail(f"--param {item!r}: use name=value", 2)
        key, value = item.split("=", 1)
        values[key.strip()] = value
    try:
        con = gdb.connect(db)
        frame = queries.run_query(con, name, values)
    except (queries.QueryError, FileNotFoundError) as err:
        _fail(str(err), 2)
    render(frame, fmt)


@app.command()
def serve(
    port: Annotated[int | None, typer.Option(help="port (default: GIAOBAN_PORT)")] = None,
) -> None:
    """Serve the dashboard (Streamlit, headless) on http://localhost:PORT."""
    from giaoban.serve import streamlit_command

    port = port or settings().port
    args = streamlit_command(port)
    typer.echo(f"giaoban dashboard on http://localhost:{port}")
    os.chdir(ROOT)  # .streamlit/config.toml is read from the working directory
    os.execv(sys.executable, args)


@app.command("schema-doc")
def schema_doc(out: Annotated[Path, typer.Option(help="markdown file to write")] = ROOT / "docs" / "schema.md") -> None:
    """Write the schema reference (tables, columns, comments, macros) from the schema itself."""
    from giaoban.schema_doc import write_schema_doc

    write_schema_doc(out)
    typer.echo(f"wrote {out}")


class _progress:
    """A rich progress bar, passed to long jobs as ``progress(done, total, label)``."""

    def __enter__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=True,
            disable=not sys.stderr.isatty(),
        )
        self._bar.__enter__()
        self._tasks: dict[str, int] = {}
        return self

    def __call__(self, done: int, total: int, label: str = "working") -> None:
        if label not in self._tasks:
            self._tasks[label] = self._bar.add_task(label, total=total)
        self._bar.update(self._tasks[label], completed=done, total=total)

    def __exit__(self, *exc):
        return self._bar.__exit__(*exc)


def main() -> None:
    app()
