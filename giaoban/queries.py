"""The registry of named queries: every ``queries/**/*.sql`` outside ``schema/`` is one query.

A query's name is its path without ``.sql`` (``recommendations/resolution_by_org``), its first
comment line is its description, and ``-- @param NAME TYPE [= DEFAULT] [: help]`` lines declare
its bind parameters. A line ending in ``-- @if NAME`` is left out of the statement when NAME is
empty (null or false): such a line must already be a no-op then (``AND ($q IS NULL OR …)``), so the
file stays correct SQL as written, and leaving it out only spares DuckDB planning and scanning for
a filter that keeps every row (the word search's index lookups cost ~6 ms to plan at any scale).
Folders starting with "_" (``queries/_ops``) hold internal statements the core runs itself, not
named queries. Pages, the CLI and the report exporter all run queries through here, so a new
``.sql`` file appears everywhere at once and no caller ever formats SQL strings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from giaoban.config import settings
from giaoban.db import fetch
from giaoban.search import query_words

_PARAM_LINE = re.compile(
    r"^--\s*@param\s+(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>\w+)"
    r"(?:\s*=\s*(?P<default>[^:]+?))?\s*(?::\s*(?P<help>.*))?$"
)
_BIND = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")
_IF = re.compile(r"--\s*@if\s+(?P<name>[a-z_][a-z0-9_]*)\s*$")
TYPES = ("date", "int", "float", "text", "bool", "words")


class QueryError(ValueError):
    """A query that does not exist or a parameter value that does not fit; the message says which."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    help: str = ""

    def coerce(self, value: Any) -> Any:
        """Turn a CLI/URL string (or a Python value) into the declared type; None stays None."""
        if value is None or (isinstance(value, str) and value.strip().lower() in ("", "null", "none")):
            return None
        try:
            return _COERCE[self.type](value)
        except (ValueError, TypeError) as err:
            raise QueryError(f"parameter {self.name}: {value!r} is not a valid {self.type} ({err})") from err


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if text == "today":
        return _today()
    return dt.date.fromisoformat(text)


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "y", "on", "có"):
        return True
    if text in ("0", "false", "no", "n", "off", "không"):
        return False
    raise ValueError("use true or false")


def _to_words(value: Any) -> list[str] | None:
    """Search words, folded as the index stores them ("Bảo hiểm XH" → [bao, hiem, xh]); None when
    there are none. Folding here, once, rather than in SQL keeps the query plan small: the search
    macros look each word up separately, and a folding expression copied into every lookup cost
    more to plan than the lookups cost to run."""
    text = " ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    return query_words(text) or None


_COERCE = {"date": _to_date, "int": int, "float": float, "text": str, "bool": _to_bool, "words": _to_words}


def _today() -> dt.date:
    pinned = settings().as_of
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    description: str
    sql: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def bind(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        """Declared defaults overlaid with ``values``, typed; unknown names are an error."""
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(
                f"query {self.name} has no parameter {', '.join(unknown)}; "
                f"its parameters: {', '.join(sorted(known)) or 'none'}"
            )
        return {p.name: p.coerce(values.get(p.name, p.default)) for p in self.params}

    def statement(self, bound: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """The SQL to run for bound values and the parameters it still uses: ``-- @if NAME``
        lines are left out while NAME is empty (see the module docstring)."""
        if "@if" not in self.sql:
            return self.sql, bound
        lines = self.sql.splitlines(keepends=True)
        kept = [line for line in lines if not ((m := _IF.search(line)) and _empty(bound.get(m["name"])))]
        if len(kept) == len(lines):
            return self.sql, bound
        sql = "".join(kept)
        used = set(_BIND.findall(_body(sql)))
        return sql, {name: value for name, value in bound.items() if name in used}


def _empty(value: Any) -> bool:
    """Null or false; not 0 (a number parameter set to 0 still filters)."""
    return value is None or value is False


def _body(sql: str) -> str:
    """The statement without its whole-line comments (the header and notes)."""
    return "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))


def parse_query(name: str, path: Path) -> NamedQuery:
    """Read one .sql file; raise QueryError if its header is malformed or params don't match."""
    sql = path.read_text(encoding="utf-8")
    lines = sql.splitlines()
    if not lines or not lines[0].startswith("--"):
        raise QueryError(f"{path}: the first line must be a '-- description' comment")
    description = lines[0].lstrip("-").strip()
    params = []
    for line in lines:
        if "@param" not in line:
            continue
        match = _PARAM_LINE.match(line.strip())
        if not match or match["type"] not in TYPES:
            raise QueryError(
                f"{path}: bad parameter line {line.strip()!r}; use -- @param name {'|'.join(TYPES)} = default"
            )
        default = match["default"].strip() if match["default"] else None
        params.append(Param(match["name"], match["type"], default, (match["help"] or "").strip()))
    used = set(_BIND.findall(_body(sql)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryError(f"{path}: parameters used {sorted(used)} but declared {sorted(declared)}")
    for number, line in enumerate(lines, 1):
        if "@if" not in line.lower():
            continue
        match = _IF.search(line)
        if not match or line.strip().startswith("--"):
            raise QueryError(f"{path}, line {number}: write a condition as: <SQL>  -- @if name (at the line's end)")
        name = match["name"]
        if name not in declared:
            raise QueryError(f"{path}, line {number}: '-- @if {name}' names no declared parameter")
        if name not in _BIND.findall(line[: match.start()]):
            # the line is left out when NAME is empty, so it must be the line that tests NAME
            raise QueryError(f"{path}, line {number}: a line marked '-- @if {name}' must use ${name}")
    return NamedQuery(name, path, description, sql, tuple(params))


def load_queries(queries_dir: Path | None = None) -> dict[str, NamedQuery]:
    """All named queries under queries_dir (schema/ and _internal folders excluded), keyed by name.

    Each file is parsed once per modification time, so pages and reports can ask on every call.
    """
    root = queries_dir or settings().queries_dir
    found = {}
    for path in sorted(root.rglob("*.sql")):
        rel = path.relative_to(root)
        if rel.parts[0] == "schema" or rel.parts[0].startswith("_"):
            continue
        name = rel.with_suffix("").as_posix()
        found[name] = _parsed(name, path, path.stat().st_mtime_ns)
    return found


@lru_cache(maxsize=1024)
def _parsed(name: str, path: Path, mtime_ns: int) -> NamedQuery:
    return parse_query(name, path)


def ops_statements(name: str, queries_dir: Path | None = None) -> list[str]:
    """The statements of an internal SQL file (queries/_ops/NAME.sql), split with DuckDB's parser."""
    root = queries_dir or settings().queries_dir
    sql = (root / "_ops" / f"{name}.sql").read_text(encoding="utf-8")
    return [statement.query for statement in duckdb.extract_statements(sql)]


def get_query(name: str, queries_dir: Path | None = None) -> NamedQuery:
    queries = load_queries(queries_dir)
    if name not in queries:
        close = [q for q in queries if name.split("/")[-1] in q]
        hint = f"; did you mean {', '.join(close)}?" if close else "; list them with: python -m giaoban query --list"
        raise QueryError(f"no named query {name!r}{hint}")
    return queries[name]


def run_query(
    con: duckdb.DuckDBPyConnection, query: NamedQuery | str, params: dict[str, Any] | None = None
) -> pl.DataFrame:
    """Run a named query with typed parameters and return a polars frame."""
    named = get_query(query) if isinstance(query, str) else query
    return fetch(con, *named.statement(named.bind(params)))
