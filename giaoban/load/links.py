"""References between rows: every id a row names must be in the database or in a file that is kept.

Run after all other checks. A file that names a meeting (document, recommendation, directive,
organisation) which only a rejected file adds is rejected as well; that can reject further files,
so the check repeats until no file falls. Spans are checked here too, because a document's length
may come from a sibling file or from the database.
"""

from __future__ import annotations

from collections import defaultdict

from giaoban.load.batch import ID_COLUMN, NOUN, REFERENCES, Batch, FileState
from giaoban.load.validate import Row, Sheet

Problem = tuple[Sheet, Row, str, str]


class Links:
    def __init__(self, batch: Batch):
        self.batch = batch
        self.provided: dict[str, dict[str, list[FileState]]] = defaultdict(lambda: defaultdict(list))
        for table, column in ID_COLUMN.items():
            for sheet, row in batch.rows(table):
                if row.values.get(column) and column not in row.bad:
                    self.provided[table][str(row.values[column])].append(batch.owner[id(sheet)])
        self.by_label = {f.label: f for f in batch.files}
        self.present = self._stored_ids()
        self.doc_length = self._doc_lengths()

    def _wanted(self, target: str) -> set[str]:
        return {
            str(row.values[col])
            for (table, col), tgt in REFERENCES.items()
            if tgt == target
            for _s, row in self.batch.rows(table)
            if row.values.get(col)
        }

    def _stored_ids(self) -> dict[str, set[str]]:
        stored = self.batch.stored
        return {t: stored.present(t, ID_COLUMN[t], self._wanted(t) - set(self.provided[t])) for t in ID_COLUMN}

    def _doc_lengths(self) -> dict[str, int]:
        lengths = {
            str(row.values["doc_id"]): len(str(row.values["text"]))
            for _s, row in self.batch.rows("documents")
            if row.values.get("doc_id") and row.values.get("text")
        }
        lengths.update(self.batch.stored.doc_lengths(self._wanted("documents") - set(lengths)))
        return lengths

    def _kept(self, providers: list[FileState], me: FileState, rejected: set[int]) -> bool:
        return any(p is me or id(p) not in rejected for p in providers)

    def _id_problem(self, target: str, value: str, me: FileState, rejected: set[int]) -> str | None:
        providers = self.provided[target].get(value, [])
        if self._kept(providers, me, rejected) or value in self.present[target]:
            return None
        noun = NOUN[target]
        if providers:
            return f'{noun} "{value}" is only in {providers[0].label}, which was rejected; fix that file first'
        return f'no {noun} "{value}" in these files or in the database; add it to the {target} sheet or correct the id'

    def _org_problem(self, value: str, me: FileState, rejected: set[int]) -> str | None:
        label = self.batch.orgs.provider(value)
        provider = self.by_label.get(label) if label else None
        if provider is None or self._kept([provider], me, rejected):
            return None
        return f'organisation "{value}" is only in {provider.label}, which was rejected; fix that file first'

    def _span_problem(self, row: Row) -> tuple[str, str] | None:
        end, doc = row.values.get("span_end"), row.values.get("doc_id")
        if not isinstance(end, int) or not doc or "span_end" in row.bad:
            return None
        length = self.doc_length.get(str(doc))
        if length is None or end <= length:
            return None
        return "span_end", f'{end} is past the end of document "{doc}" ({length} characters)'

    def problems(self, me: FileState, rejected: set[int]) -> list[Problem]:
        found: list[Problem] = []
        for sheet in me.sheets:
            table = sheet.spec.name
            refs = [(c, t) for (tb, c), t in REFERENCES.items() if tb == table]
            orgs = [c.name for c in sheet.spec.columns if c.type == "org"]
            for row in sheet.rows:
                for column, target in refs:
                    value = row.values.get(column)
                    msg = (
                        self._id_problem(target, str(value), me, rejected) if value and column not in row.bad else None
                    )
                    if msg:
                        found.append((sheet, row, column, msg))
                for column in orgs:
                    value = row.values.get(column)
                    msg = self._org_problem(str(value), me, rejected) if value and column not in row.bad else None
                    if msg:
                        found.append((sheet, row, column, msg))
                span = self._span_problem(row)
                if span:
                    found.append((sheet, row, *span))
        return found


def settle_references(batch: Batch) -> None:
    """Add reference errors, rejecting files until every kept file refers only to kept rows."""
    links = Links(batch)
    rejected = {id(f) for f in batch.files if f.rejected}
    while True:
        problems = {id(f): links.problems(f, rejected) for f in batch.files}
        fallen = {key for key, found in problems.items() if found} - rejected
        if not fallen:
            break
        rejected |= fallen
    for found in problems.values():
        for sheet, row, column, message in found:
            sheet.error(row, column, message)
