"""``giaoban review``: check low-confidence extractions and store corrections (overrides).

Each command writes one override and applies it in the same atomic swap, so the fix shows at
once and survives every later ``reextract``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from giaoban.config import settings

review_app = typer.Typer(
    help="Review extractions and correct them (corrections survive re-extraction).", no_args_is_help=True
)
DbOption = Annotated[Path | None, typer.Option("--db", help="database file (default: GIAOBAN_DB)")]
TYPES = ("meeting", "recommendation", "directive")


def _store(o, db: Path | None) -> None:
    from giaoban import aggregates, overrides
    from giaoban.db import change_database

    try:
        overrides.check(o)
    except overrides.OverrideError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    with change_database(db or settings().db_path) as con:
        oid = overrides.save(con, o)
        problems = overrides.apply(con)
        aggregates.refresh(con)
    typer.echo(f"saved {oid}")
    for p in problems:
        typer.echo(f"warning: {p}", err=True)


def _type(value: str) -> str:
    if value not in TYPES:
        raise typer.BadParameter(f"use one of: {', '.join(TYPES)}")
    return value


@review_app.command("list")
def list_items(
    below: Annotated[float, typer.Option(help="confidence threshold")] = 0.7,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f")] = "table",
) -> None:
    """Extracted items with confidence below the threshold, lowest first."""
    from giaoban import db as gdb
    from giaoban import queries
    from giaoban.output import render

    render(queries.run_query(gdb.connect(db), "review/low_confidence", {"below": below}), fmt)


@review_app.command("set")
def set_field(
    target_type: Annotated[str, typer.Argument(callback=_type)],
    target_id: str,
    field: str,
    value: str,
    note: Annotated[str | None, typer.Option()] = None,
    db: DbOption = None,
) -> None:
    """Set a field, e.g.: review set meeting m-1a2b held_on 2021-04-01"""
    from giaoban.overrides import Override

    _store(Override(target_type, target_id, "set", field, value, note=note), db)


@review_app.command()
def drop(
    target_type: Annotated[str, typer.Argument(callback=_type)],
    target_id: str,
    note: Annotated[str | None, typer.Option()] = None,
    db: DbOption = None,
) -> None:
    """Drop a false item, e.g.: review drop recommendation r-1a2b"""
    from giaoban.overrides import Override

    _store(Override(target_type, target_id, "drop", note=note), db)


@review_app.command()
def status(
    target_type: Annotated[str, typer.Argument(callback=_type)],
    target_id: str,
    value: str,
    on: Annotated[str, typer.Option(help="date it happened, YYYY-MM-DD")],
    note: Annotated[str | None, typer.Option()] = None,
    db: DbOption = None,
) -> None:
    """Record a status, e.g.: review status recommendation r-1a2b resolved --on 2024-05-01"""
    from giaoban.overrides import Override

    try:
        day = dt.date.fromisoformat(on)
    except ValueError:
        raise typer.BadParameter(f"{on!r} is not a date; use YYYY-MM-DD", param_hint="--on") from None
    _store(Override(target_type, target_id, "status", "status", value, day, note), db)


@review_app.command()
def alias(text: str, org_id: str, db: DbOption = None) -> None:
    """Teach a new name for an organisation, e.g.: review alias "Hội LHPN huyện" hlhpn"""
    from giaoban.overrides import Override

    _store(Override("alias", text, "alias", value=org_id), db)
