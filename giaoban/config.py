"""Settings, read from environment variables with defaults.

Every command and page reads its paths and limits from here so that one variable
(e.g. ``GIAOBAN_DB``) redirects the whole product; docs/settings.md lists them all and a test
checks that list against ``SETTINGS``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (default, description); the single source for docs and for Settings below.
SETTINGS: dict[str, tuple[str, str]] = {
    "GIAOBAN_DB": ("data/giaoban.duckdb", "the DuckDB database file (relative paths are from the repo root)"),
    "GIAOBAN_PORT": ("8501", "port the dashboard listens on"),
    "GIAOBAN_DATA_DIR": ("data", "reference data folder (organisations, aliases, localities, themes)"),
    "GIAOBAN_QUERIES_DIR": ("queries", "folder of named queries and schema SQL"),
    "GIAOBAN_OVERDUE_DAYS": ("90", "days after the meeting when an item with no deadline counts as overdue"),
    "GIAOBAN_AS_OF": ("", "pin 'today' for metrics (YYYY-MM-DD); empty means the real date"),
    "GIAOBAN_SQL_TIMEOUT": ("10", "seconds an analyst's SQL statement may run before it is stopped"),
    "GIAOBAN_SQL_ROWS": ("10000", "rows the SQL page and `giaoban sql` show at most"),
    "GIAOBAN_SQL_DOWNLOAD_ROWS": ("1000000", "rows a SQL result download may hold at most"),
    "GIAOBAN_SQL_MEMORY": ("1GB", "memory one sandboxed SQL statement may use"),
    "GIAOBAN_SQL_THREADS": ("1", "DuckDB threads for sandboxed SQL, so analysts never starve the dashboard"),
    "GIAOBAN_SQL_WORKERS": ("2", "sandbox worker processes kept warm for the SQL page"),
}


def _get(name: str) -> str:
    return os.environ.get(name, SETTINGS[name][0])


def _path(name: str) -> Path:
    p = Path(_get(name))
    return p if p.is_absolute() else ROOT / p


@dataclass(frozen=True)
class Settings:
    db_path: Path
    port: int
    data_dir: Path
    queries_dir: Path
    overdue_days: int
    as_of: str

    @property
    def schema_dir(self) -> Path:
        return self.queries_dir / "schema"


def settings() -> Settings:
    """Read the settings now (not at import) so tests can change the environment."""
    return Settings(
        db_path=_path("GIAOBAN_DB"),
        port=int(_get("GIAOBAN_PORT")),
        data_dir=_path("GIAOBAN_DATA_DIR"),
        queries_dir=_path("GIAOBAN_QUERIES_DIR"),
        overdue_days=int(_get("GIAOBAN_OVERDUE_DAYS")),
        as_of=_get("GIAOBAN_AS_OF"),
    )
