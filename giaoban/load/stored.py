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


class Stored:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def org_facts(self) -> dict[str, OrgFacts]:
        frame = fetch(self.con, "SELECT org_id, family, locality_id, level FROM organisations")
        return {r[0]: OrgFacts(r[1], r[2], None, r[3]) for r in frame.iter_rows()}

    def locality_ids(self) -> set[str]:
        return set(fetch(self.con, "SELECT locality_id FROM localities")["locality_id"].to_list())

    def _among(self, table: str, column: str, ids: set[str]) -> duckdb.DuckDBPyRelation:
        """Rows of ``table`` whose ``column`` is one of ``ids`` (a semi join on the relation API:
        the ids travel as Arrow, no SQL is formatted from names)."""
        keys = self.con.from_arrow(pl.DataFrame({column: sorted(ids)}, schema={column: pl.Utf8}).to_arrow())
        return self.con.table(table).join(keys, [column], how="semi")

    def rows(self, spec: TableSpec, keys: list[tuple]) -> dict[tuple, dict[str, object]]:
        """Stored rows whose primary key is among ``keys``, by key."""
        if not keys:
            return {}
        schema = {c: (pl.Date if c == "happened_on" else pl.Utf8) for c in spec.key}
        frame = pl.DataFrame(sorted(set(keys), key=str), schema=schema, orient="row")
        found = self.con.table(spec.name).join(self.con.from_arrow(frame.to_arrow()), list(spec.key)).pl()
        return {tuple(r[c] for c in spec.key): r for r in found.iter_rows(named=True)}

    def present(self, table: str, id_column: str, ids: set[str]) -> set[str]:
        """Which of ``ids`` the table has."""
        if not ids:
            return set()
        return {r[0] for r in self._among(table, id_column, ids).select(id_column).fetchall()}

    def meetings(self, ids: set[str]) -> dict[str, tuple[date, str | None, str | None]]:
        """held_on, locality and level of stored meetings, for dates and the organisation instance rule."""
        if not ids:
            return {}
        found = self._among("meetings", "meeting_id", ids).select("meeting_id, held_on, locality_id, level")
        return {r[0]: (r[1], r[2], r[3]) for r in found.fetchall()}

    def doc_lengths(self, ids: set[str]) -> dict[str, int]:
        if not ids:
            return {}
        found = self._among("documents", "doc_id", ids).select("doc_id, length(text)")
        return {r[0]: r[1] for r in found.fetchall()}
