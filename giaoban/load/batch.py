"""Checks across the files of one import and against the database.

Files given together are validated together: a recommendations file may name meetings, documents and
organisations that a sibling file adds. The unit of acceptance is the file: a file with any error is
rejected whole, and a file that refers to rows only a rejected file would add is rejected too
(``settle_references`` repeats until no more files fall), so whatever is written is consistent.

Steps, in the order one depends on the other: localities → organisation ids and aliases → document
and meeting ids → organisation cells (dated by the meeting, localised by the instance rule) →
recommendation and directive ids → duplicate keys → rows already stored (same content: skipped;
different content: an error naming the column) → references.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from giaoban.load import ids
from giaoban.load.refs import LocalityIndex, OrgFacts, OrgIndex
from giaoban.load.spec import TableSpec
from giaoban.load.stored import Stored
from giaoban.load.validate import Row, Sheet
from giaoban.text import match_key

# (table, column) → table whose id it names; organisation columns are checked through OrgIndex.
REFERENCES = {
    ("meetings", "doc_id"): "documents",
    ("meeting_people", "meeting_id"): "meetings",
    ("meeting_orgs", "meeting_id"): "meetings",
    ("recommendations", "meeting_id"): "meetings",
    ("recommendations", "repeat_of"): "recommendations",
    ("recommendations", "doc_id"): "documents",
    ("recommendation_events", "rec_id"): "recommendations",
    ("directives", "meeting_id"): "meetings",
    ("directives", "doc_id"): "documents",
    ("directive_events", "dir_id"): "directives",
}
ID_COLUMN = {"documents": "doc_id", "meetings": "meeting_id", "recommendations": "rec_id", "directives": "dir_id"}
NOUN = {"documents": "document", "meetings": "meeting", "recommendations": "recommendation", "directives": "directive"}
UNKNOWN_ORG = "use an id, name or alias from the organisations sheet or add it there"


@dataclass
class FileState:
    path: Path
    label: str
    sheets: list[Sheet] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the file's own (cannot read it) and reference errors
    warnings: list[str] = field(default_factory=list)

    def all_errors(self) -> list[str]:
        return self.errors + [e for s in self.sheets for e in s.errors]

    @property
    def rejected(self) -> bool:
        return bool(self.errors) or any(s.problems for s in self.sheets)


class Batch:
    """The sheets of all files, by table, with the lookups every step shares."""

    def __init__(self, files: list[FileState], stored: Stored, orgs: OrgIndex, localities: LocalityIndex):
        self.files = files
        self.stored = stored
        self.orgs = orgs
        self.localities = localities
        self.owner: dict[int, FileState] = {id(s): f for f in files for s in f.sheets}
        self.tables: dict[str, list[Sheet]] = defaultdict(list)
        for f in files:
            for s in f.sheets:
                self.tables[s.spec.name].append(s)
        self.meeting_info: dict[str, tuple[date | None, str | None, str | None]] = {}  # held_on, locality, level

    def rows(self, table: str):
        for sheet in self.tables.get(table, []):
            for row in sheet.rows:
                yield sheet, row

    def label_of(self, sheet: Sheet) -> str:
        return self.owner[id(sheet)].label


def _resolve_localities(batch: Batch) -> None:
    for table, date_col in (("organisations", "valid_from"), ("meetings", "held_on")):
        for sheet, row in batch.rows(table):
            text = row.values.get("locality_id")
            if not isinstance(text, str):
                continue
            level = row.values.get("level")
            found = batch.localities.resolve(text, level=level, on_date=row.values.get(date_col))
            row.values["locality_id"] = found
            if found is None:
                sheet.error(
                    row,
                    "locality_id",
                    f'unknown or ambiguous locality "{text}"; use a locality_id from the localities table '
                    "(like dien-bien) or a name that names one unit",
                )


def _org_cell(
    batch: Batch, sheet: Sheet, row: Row, column: str, meeting: tuple[date | None, str | None, str | None]
) -> None:
    """Resolve one organisation cell; ``meeting`` is (held_on, locality, level) of the row's meeting."""
    text = row.values.get(column)
    if not isinstance(text, str) or column in row.bad:
        return
    on_date, locality, level = meeting
    found = batch.orgs.resolve(text, on_date=on_date, level=level)
    if found is None:
        row.values[column] = None
        sheet.error(row, column, f'unknown organisation "{text}"; {UNKNOWN_ORG}')
        return
    row.values[column] = batch.orgs.localise(found, locality)


def _organisations(batch: Batch) -> None:
    """Ids and families of new organisations, then aliases, then parents (which may name either)."""
    for sheet, row in batch.rows("organisations"):
        v = row.values
        if not v.get("name") or "locality_id" in row.bad:
            continue
        v["org_id"] = v.get("org_id") or ids.org_id_for(str(v["name"]), v.get("locality_id"))
        v["family"] = v.get("family") or str(v["org_id"]).split("@")[0]
        facts = OrgFacts(str(v["family"]), v.get("locality_id"), batch.label_of(sheet), v.get("level"))
        # the row itself, not a copy: its parent_org_id is resolved below and instances copy it
        batch.orgs.add(str(v["org_id"]), [v.get("name")], facts, v)
    for sheet, row in batch.rows("org_aliases"):
        _org_cell(batch, sheet, row, "org_id", (row.values.get("valid_from"), None, None))
        alias = row.values.get("alias")
        if isinstance(alias, str):
            row.values["alias_folded"] = match_key(alias)
            if row.values.get("org_id"):
                batch.orgs.add_alias(alias, str(row.values["org_id"]))
    for sheet, row in batch.rows("organisations"):
        _org_cell(batch, sheet, row, "parent_org_id", (row.values.get("valid_from"), None, None))


def _document_ids(batch: Batch) -> None:
    for sheet, row in batch.rows("documents"):
        text = row.values.get("text")
        if not isinstance(text, str):
            continue
        given, row.values["sha256"] = row.values.get("sha256"), ids.text_sha256(text)
        if given and given != row.values["sha256"]:
            sheet.error(row, "sha256", "does not match the text; leave it empty and it is computed")
        row.values["doc_id"] = row.values.get("doc_id") or ids.document_id(text)


def _content_ids(batch: Batch, table: str) -> None:
    """Rows without an id get the hash of their content columns (only once those are all valid)."""
    for sheet, row in batch.rows(table):
        spec = sheet.spec
        id_col = spec.id_column
        if id_col and not row.values.get(id_col) and not set(spec.id_from) & row.bad:
            row.values[id_col] = ids.content_id(table, [row.values.get(c) for c in spec.id_from])


def _meeting_info(batch: Batch) -> None:
    """held_on and locality of every meeting a row links to, from the files or the database."""
    for _sheet, row in batch.rows("meetings"):
        if row.values.get("meeting_id"):
            v = row.values
            batch.meeting_info[str(v["meeting_id"])] = (v.get("held_on"), v.get("locality_id"), v.get("level"))
    wanted = {
        str(row.values["meeting_id"])
        for table in ("meeting_people", "meeting_orgs", "recommendations", "directives")
        for _s, row in batch.rows(table)
        if row.values.get("meeting_id")
    }
    batch.meeting_info.update(batch.stored.meetings(wanted - set(batch.meeting_info)))


def _meeting_orgs(batch: Batch) -> None:
    columns = {
        "meeting_people": "org_id",
        "meeting_orgs": "org_id",
        "recommendations": "raised_by_org_id",
        "directives": "addressee_org_id",
    }
    for table, column in columns.items():
        for sheet, row in batch.rows(table):
            meeting = batch.meeting_info.get(str(row.values.get("meeting_id")), (None, None, None))
            _org_cell(batch, sheet, row, column, meeting)


def describe_key(spec: TableSpec, key: tuple) -> str:
    if len(key) == 1:
        return f'{spec.key[0]} "{key[0]}"'
    return "/".join(spec.key) + " " + ", ".join(str(k) for k in key)


def _duplicates(batch: Batch) -> None:
    """A key twice in one sheet is an error; in two files, the later copy is skipped if identical."""
    for sheets in batch.tables.values():
        seen: dict[tuple, tuple[Sheet, Row]] = {}
        for sheet in sheets:
            for row in sheet.rows:
                if set(sheet.spec.key) & row.bad or None in row.key(sheet.spec):
                    continue
                key = row.key(sheet.spec)
                if key not in seen:
                    seen[key] = (sheet, row)
                    continue
                first_sheet, first = seen[key]
                _report_duplicate(sheet, row, first_sheet, first, key)


def _report_duplicate(sheet: Sheet, row: Row, first_sheet: Sheet, first: Row, key: tuple) -> None:
    spec = sheet.spec
    column = spec.id_column if spec.id_column and sheet.given(spec.id_column) else None
    if first_sheet is sheet:
        if spec.id_column and not sheet.given(spec.id_column):
            sheet.error(row, None, f"repeats row {first.number} (the same content gives the same id); remove one")
        else:
            sheet.error(
                row,
                column,
                f"duplicate {describe_key(spec, key)} (first on row {first.number}); each row needs its own",
            )
    elif first.values == row.values:
        row.skip = f"also in {first_sheet.label}"
    else:
        sheet.error(
            row,
            column,
            f"{describe_key(spec, key)} is also in {first_sheet.label} row {first.number} with different content; "
            "use another id or make the rows agree",
        )


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float | int):
        return abs(a - b) < 1e-9
    return a == b


def _compare_stored(batch: Batch) -> None:
    """Rows whose key is stored: identical → skipped ("already there"); different → one error per column."""
    for sheets in batch.tables.values():
        spec = sheets[0].spec
        keyed = [(s, r) for s in sheets for r in s.rows if not set(spec.key) & r.bad and None not in r.key(spec)]
        stored = batch.stored.rows(spec, [r.key(spec) for _s, r in keyed])
        for sheet, row in keyed:
            old = stored.get(row.key(spec))
            if old is None:
                continue
            compared = [c for c in sheet.headers if c not in spec.key and c not in spec.computed and c != "alias"]
            differing = [c for c in compared if c not in row.bad and not _same(row.values.get(c), old.get(c))]
            for c in differing:
                sheet.error(
                    row,
                    c,
                    f'{describe_key(spec, row.key(spec))} is already in the database with {c} "{old.get(c)}" '
                    f'(this file: "{row.values.get(c)}"); an import never overwrites: use a new id for a different '
                    "record, or make this cell match",
                )
            if not differing:
                row.skip = "already there"


def check_batch(batch: Batch) -> None:
    """Everything but references, which ``settle_references`` checks once the rejected files are known."""
    _resolve_localities(batch)
    _organisations(batch)
    _document_ids(batch)
    _content_ids(batch, "meetings")
    _meeting_info(batch)
    _meeting_orgs(batch)
    _content_ids(batch, "recommendations")
    _content_ids(batch, "directives")
    _duplicates(batch)
    _compare_stored(batch)
