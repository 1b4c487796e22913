"""What the database already holds, asked for only the ids an import mentions.

Validation runs on the connection it will write to (inside ``change_database``'s copy, under the
writer lock), so what it sees here is what the write will meet. Queries pass the ids as a registered
polars frame, never as SQL text.
"""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from giaoban.db import fetch
from giaoban.load.refs import OrgFacts
from giaoban.load.spec import TableSpec

_KEYS_VIEW = "_gb_import_keys"


class Stored:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def org_facts(self) -> dict[str, OrgFacts]:
        frame = fetch(self.con, "SELECT org_id, family, locality_id, level FROM organisations")
        return {r[0]: OrgFacts(r[1], r[2], None, r[3]) for r in frame.iter_rows()}

    def locality_ids(self) -> set[str]:
        return set(fetch(self.con, "SELECT locality_id FROM localities")["locality_id"].to_list())

    def _with_keys(self, frame: pl.DataFrame, sql: str) -> pl.DataFrame:
        self.con.register(_KEYS_VIEW, frame)  # registrations are per connection: no fresh cursor here
        try:
            return self.con.execute(sql).pl()
        finally:
            self.con.unregister(_KEYS_VIEW)

    def rows(self, spec: TableSpec, keys: list[tuple]) -> dict[tuple, dict[str, object]]:
        """Stored rows whose primary key is among ``keys``, by key."""
        if not keys:
            return {}
        schema = {c: (pl.Date if c == "happened_on" else pl.Utf8) for c in spec.key}
        frame = pl.DataFrame(sorted(set(keys), key=str), schema=schema, orient="row")
        cols = ", ".join(spec.key)
        found = self._with_keys(frame, f"SELECT t.* FROM {spec.name} t JOIN {_KEYS_VIEW} k USING ({cols})")
        return {tuple(r[c] for c in spec.key): r for r in found.iter_rows(named=True)}

    def present(self, table: str, id_column: str, ids: set[str]) -> set[str]:
        """Which of ``ids`` the table has."""
        if not ids:
            return set()
        frame = pl.DataFrame({"id": sorted(ids)}, schema={"id": pl.Utf8})
        found = self._with_keys(
            frame, f"SELECT {id_column} FROM {table} WHERE {id_column} IN (SELECT id FROM {_KEYS_VIEW})"
        )
        return set(found[id_column].to_list())

    def meetings(self, ids: set[str]) -> dict[str, tuple[date, str | None, str | None]]:
        """held_on, locality and level of stored meetings, for dates and the organisation instance rule."""
        if not ids:
            return {}
        frame = pl.DataFrame({"id": sorted(ids)}, schema={"id": pl.Utf8})
        sql = (
            "SELECT meeting_id, held_on, locality_id, level FROM meetings "
            f"WHERE meeting_id IN (SELECT id FROM {_KEYS_VIEW})"
        )
        return {r[0]: (r[1], r[2], r[3]) for r in self._with_keys(frame, sql).iter_rows()}

    def doc_lengths(self, ids: set[str]) -> dict[str, int]:
        if not ids:
            return {}
        frame = pl.DataFrame({"id": sorted(ids)}, schema={"id": pl.Utf8})
        sql = f"SELECT doc_id, length(text) FROM documents WHERE doc_id IN (SELECT id FROM {_KEYS_VIEW})"
        return {r[0]: r[1] for r in self._with_keys(frame, sql).iter_rows()}
