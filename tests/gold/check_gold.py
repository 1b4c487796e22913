"""Consistency check of the gold corpus: run ``python tests/gold/check_gold.py`` after editing it.

Reads each report the way an extractor sees it (``document_text``: UTF-8 or TCVN3/VNI bytes, HTML
stripped of tags, .docx paragraphs and table cells, all NFC) and checks its ``.gold.json``: the
contract's keys and enums, ISO dates, organisation ids and names against data/organisations.csv,
theme ids against data/themes.yaml, that every quoted string (item texts, responses, people) occurs
in the document, and that repeats.json points at real recommendations of one organisation.
Prints one line per problem and exits non-zero if there is any.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from giaoban.legacy_encodings import decode_legacy  # noqa: E402
from giaoban.text import nfc  # noqa: E402

DATE_BASIS = {"explicit", "inferred_year", "from_publication", "from_period", None}
LEVELS = {"province", "district", "commune"}
KINDS = {"giao_ban", "lam_viec", "hoi_nghi", "so_ket", "tong_ket", "other"}
STATUSES = {"raised", "answered", "explained", "referred", "in_progress", "resolved", "declined"}
MEETING_KEYS = {"held_on", "date_basis", "level", "locality", "host_body", "kind", "title", "period"}
TOP_KEYS = {"meeting", "chairs", "attendees", "organisations", "recommendations", "directives", "themes", "warnings"}
INPUT_SUFFIXES = (".txt", ".html", ".docx")


def document_text(path: Path) -> str:
    """The report's text as an extractor should see it (NFC, tags and boilerplate markup gone)."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        import docx

        doc = docx.Document(io.BytesIO(data))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return nfc("\n".join([p.text for p in doc.paragraphs] + cells))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = decode_legacy(data) or data.decode("cp1258")
    if path.suffix == ".html":
        from bs4 import BeautifulSoup

        text = BeautifulSoup(text, "html.parser").get_text("\n")
    return nfc(text)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _registry() -> dict[str, str]:
    with open(ROOT / "data" / "organisations.csv", encoding="utf-8") as fh:
        return {row["org_id"]: row["name"] for row in csv.DictReader(fh)}


def _themes() -> set[str]:
    return {t["id"] for t in yaml.safe_load((ROOT / "data" / "themes.yaml").read_text(encoding="utf-8"))}


def _date_ok(value: object) -> bool:
    if value is None:
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


class Checker:
    def __init__(self) -> None:
        self.orgs = _registry()
        self.themes = _themes()
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def quoted(self, where: str, text: str | None, doc: str) -> None:
        if text is not None and squash(text) not in doc:
            self.fail(where, f"not in the document: {text[:80]!r}")

    def org(self, where: str, org_id: str | None, name: str | None) -> None:
        if org_id is not None and org_id not in self.orgs:
            self.fail(where, f"unknown org_id {org_id!r}")
        elif org_id is not None and name != self.orgs[org_id]:
            self.fail(where, f"name {name!r} is not the registry's {self.orgs[org_id]!r}")

    def theme_list(self, where: str, themes: list[str]) -> None:
        for theme in themes:
            if theme not in self.themes:
                self.fail(where, f"unknown theme {theme!r}")

    def meeting(self, where: str, m: dict) -> None:
        if not set(m) >= MEETING_KEYS:
            self.fail(where, f"meeting lacks {sorted(MEETING_KEYS - set(m))}")
        if m.get("date_basis") not in DATE_BASIS or m.get("level") not in LEVELS or m.get("kind") not in KINDS:
            self.fail(where, "date_basis, level or kind outside the contract's values")
        if (m.get("held_on") is None) != (m.get("date_basis") is None):
            self.fail(where, "held_on and date_basis must be both set or both null")
        period = m.get("period") or {}
        for key in ("held_on", "held_until", "published_on"):
            if not _date_ok(m.get(key)):
                self.fail(where, f"{key} is not an ISO date")
        if not (_date_ok(period.get("start")) and _date_ok(period.get("end"))):
            self.fail(where, "period dates are not ISO")
        self.org(where + " host", m.get("host_org_id"), m.get("host_body"))

    def items(self, where: str, gold: dict, doc: str) -> None:
        for i, rec in enumerate(gold["recommendations"]):
            at = f"{where} rec {i}"
            self.quoted(at, rec["text"], doc)
            self.quoted(at + " response", rec["response"], doc)
            self.org(at, rec.get("raised_by_id"), rec["raised_by"])
            self.theme_list(at, rec["themes"])
            if rec.get("status") not in STATUSES or (rec["response"] is None) != (rec["status"] == "raised"):
                self.fail(at, f"status {rec.get('status')!r} does not fit the response")
            if not _date_ok(rec.get("due_on")):
                self.fail(at, "due_on is not an ISO date")
        for i, item in enumerate(gold["directives"]):
            at = f"{where} dir {i}"
            self.quoted(at, item["text"], doc)
            self.theme_list(at, item["themes"])
            for org_id in item.get("addressee_ids", []):
                self.org(at, org_id, self.orgs.get(org_id))
            if not _date_ok(item.get("due_on")):
                self.fail(at, "due_on is not an ISO date")

    def gold_file(self, path: Path, source: Path) -> dict:
        gold = json.loads(path.read_text(encoding="utf-8"))
        where = path.name
        if not set(gold) >= TOP_KEYS:
            self.fail(where, f"lacks {sorted(TOP_KEYS - set(gold))}")
            return gold
        doc = squash(document_text(source))
        self.meeting(where, gold["meeting"])
        for person in gold["chairs"] + gold["attendees"]:
            self.quoted(where + " person", person["name"], doc)
            self.quoted(where + " title", person["title"], doc)
        for org in gold["organisations"]:
            self.org(where + " organisations", org["org_id"], org["name"])
        self.items(where, gold, doc)
        union = sorted({t for item in gold["recommendations"] + gold["directives"] for t in item["themes"]})
        if sorted(gold["themes"]) != union:
            self.fail(where, "themes is not the union of the items' themes")
        if gold["meeting"]["kind"] == "other" and (gold["recommendations"] or gold["directives"]):
            self.fail(where, "a meeting of kind 'other' has items")
        return gold

    def repeats(self, golds: dict[str, dict]) -> None:
        spec = json.loads((GOLD / "repeats.json").read_text(encoding="utf-8"))
        for group in ("repeats", "not_repeats"):
            for pair in spec[group]:
                recs = []
                for file, index in (pair["earlier"], pair["later"]):
                    gold = golds.get(file)
                    if gold is None or index >= len(gold["recommendations"]):
                        self.fail("repeats.json", f"no recommendation {index} in {file}")
                        break
                    recs.append(gold["recommendations"][index])
                if len(recs) == 2 and recs[0]["raised_by_id"] != recs[1]["raised_by_id"]:
                    self.fail("repeats.json", f"{group} pair {pair} has two different organisations")


def inputs() -> list[Path]:
    return sorted(p for p in GOLD.iterdir() if p.suffix in INPUT_SUFFIXES and not p.name.startswith("."))


def main() -> int:
    checker = Checker()
    golds: dict[str, dict] = {}
    for source in inputs():
        gold_path = source.with_name(source.stem + ".gold.json")
        if not gold_path.exists():
            checker.fail(source.name, "has no .gold.json")
            continue
        golds[source.name] = checker.gold_file(gold_path, source)
    checker.repeats(golds)
    for problem in checker.problems:
        print(problem)
    print(f"{len(golds)} reports, {len(checker.problems)} problems")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
