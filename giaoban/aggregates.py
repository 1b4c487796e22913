"""Pre-computed dashboard facts and the search index, materialised at build and ingest time.

The definitions live in SQL (queries/schema/150_search.sql, 160_aggregates.sql) as ``*_live``
views. ``refresh(con)`` turns each into a table of the same name without ``_live``, sorted so
that the dashboard's range filters (dates) and lookups (search terms) touch few row groups: the
metric macros walk every status event, which is fine for one report but too slow for a page at
national scale, while a page over these tables stays within its time budget.

Contract: after any write that changes meetings, items, events or theme tags, call ``refresh``
on the same connection (``giaoban.build`` does; ingest should too). A database that was never
refreshed still works: the schema defines a plain view under each name that reads the live
definition. ``as_of`` (``build_info.aggregates_as_of``) records the date statuses were judged on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import duckdb

from giaoban import db
from giaoban.db import fetch
from giaoban.text import fold

# table name -> sort key; the live definition is the view "<name>_live".
TABLES: dict[str, str] = {
    "family_names": "family",  # first: the item facts read it
    "agg_meetings": "held_on, meeting_id",
    # newest first (list_seq DESC = date DESC, id): the lists' top-N fills from the first row
    # groups and its dynamic filter skips the rest; date filters still prune by zone maps
    "agg_recs": "list_seq DESC",
    "agg_dirs": "list_seq DESC",
    "agg_theme_items": "held_on, theme_id",
    "agg_activity": "held_on, family",
    "agg_theme_months": "month, family, theme_id",  # after agg_theme_items, which it counts
}


def _kind(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()",
        [name],
    ).fetchone()
    return row[0] if row else None


def _drop_fallback_view(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """The schema's plain view under a fact table's name, which the first refresh replaces."""
    if _kind(con, name) == "VIEW":
        con.execute(f"DROP VIEW {name}")


def _materialise(con: duckdb.DuckDBPyConnection, name: str, order_by: str) -> int:
    """Replace the fallback view (or the previous table) by a fresh sorted table."""
    _drop_fallback_view(con, name)
    con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {name}_live ORDER BY {order_by}")
    # the definition's description goes with the table, for analysts browsing the file
    comment = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [f"{name}_live"]).fetchone()
    if comment and comment[0]:
        con.execute(f"COMMENT ON TABLE {name} IS {db.sql_literal(comment[0])}")
    return con.table(name).aggregate("count(*)").fetchone()[0]


def _materialise_search(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The search index, built one year of meetings at a time, each year sorted by term; after a
    write, only the years whose searchable parts changed are built again.

    One sort of the whole corpus would need ~370 M rows in flight at national scale (it spilled
    13 GB and passed 20 GB of memory); a year is ~35 M rows. Row groups stay ordered by (year,
    term, date) within each year's insert, so a lookup of one term over a period still reads only
    that term's row groups of the years in the period. The full build took 417 s of the 662 s
    national refresh, while an upload usually touches one year: ``search_years`` keeps the
    fingerprint (``search_fingerprints()``) each year was built from, and a year is deleted and
    inserted again only when its fingerprint moved. A change of the definitions (the schema hash)
    or a missing index means a full build. search_docs is read back from the postings (each
    carries its meeting's length) instead of tokenising every text a second time.
    """
    # compared in SQL: the fingerprints are HUGEINTs, which a Python round trip would round
    con.execute("CREATE OR REPLACE TEMP TABLE search_years_now AS SELECT * FROM search_fingerprints()")
    fresh = {row[0] for row in con.execute("SELECT year FROM search_years_now").fetchall()}
    if _search_index_current(con):
        years = [
            row[0]
            for row in con.execute(
                "SELECT year FROM search_years_now n FULL JOIN search_years s USING (year)"
                " WHERE n.fingerprint IS DISTINCT FROM s.fingerprint ORDER BY year"
            ).fetchall()
        ]
        for year in years:
            _drop_search_year(con, year)
    else:
        for name in ("search_postings", "search_docs"):
            _drop_fallback_view(con, name)
        con.execute(
            "CREATE OR REPLACE TABLE search_postings AS "
            "SELECT * FROM search_postings_between(DATE '0001-01-01', DATE '0001-01-01') LIMIT 0"
        )
        con.execute("CREATE OR REPLACE TABLE search_docs AS SELECT * FROM search_docs_live LIMIT 0")
        years = sorted(fresh)
    for year in (y for y in years if y in fresh):
        _insert_search_year(con, year)
    con.execute("DELETE FROM search_years")
    con.execute("INSERT INTO search_years SELECT * FROM search_years_now")
    con.execute("DROP TABLE search_years_now")
    return {name: con.table(name).aggregate("count(*)").fetchone()[0] for name in ("search_docs", "search_postings")}


_YEAR_FROM, _YEAR_TO = "make_date($y, 1, 1)", "make_date($y, 12, 31)"  # one year, bound as $y


def _insert_search_year(con: duckdb.DuckDBPyConnection, year: int) -> None:
    """Index one year of meetings, its postings sorted by term."""
    con.execute(
        f"INSERT INTO search_postings SELECT * FROM search_postings_between({_YEAR_FROM}, {_YEAR_TO})"
        " ORDER BY term, held_on",
        {"y": year},
    )
    con.execute(
        "INSERT INTO search_docs SELECT meeting_id, any_value(doc_len) FROM search_postings"
        f" WHERE held_on BETWEEN {_YEAR_FROM} AND {_YEAR_TO} GROUP BY meeting_id ORDER BY meeting_id",
        {"y": year},
    )


def _search_index_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the stored index can be brought up to date year by year: it exists as tables, and
    was built by today's definitions (a changed tokeniser or part list changes every year)."""
    if _kind(con, "search_postings") != "BASE TABLE" or _kind(con, "search_docs") != "BASE TABLE":
        return False
    built_with = con.execute("SELECT value FROM build_info WHERE key = 'aggregates_schema'").fetchone()
    return bool(built_with) and built_with[0] == db.schema_hash()


def _drop_search_year(con: duckdb.DuckDBPyConnection, year: int) -> None:
    """Remove one year of meetings from the index (its documents first: they are found through
    the postings' dates)."""
    year_of = f"held_on BETWEEN {_YEAR_FROM} AND {_YEAR_TO}"
    con.execute(
        f"DELETE FROM search_docs WHERE meeting_id IN (SELECT meeting_id FROM search_postings WHERE {year_of})",
        {"y": year},
    )
    con.execute(f"DELETE FROM search_postings WHERE {year_of}", {"y": year})


def refresh(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Materialise every fact table and the search index; returns their row counts."""
    if con.execute("SELECT getvariable('giaoban_as_of')").fetchone()[0] is None:
        db.pin_today(con)
    counts = {name: _materialise(con, name, order_by) for name, order_by in TABLES.items()}
    counts |= _materialise_search(con)
    counts["agg_phrases"] = refresh_phrases(con)
    # after the facts, the index and the phrases it is computed from
    counts["agg_phrase_months"] = _materialise(con, "agg_phrase_months", "month, phrase_key")
    as_of = con.execute("SELECT gb_today()").fetchone()[0]
    con.execute("INSERT OR REPLACE INTO build_info VALUES ('aggregates_as_of', ?)", [as_of.isoformat()])
    # What the facts were computed from, so a reader can tell when a later write skipped refresh().
    source = con.execute("SELECT gb_facts_source()").fetchone()[0]
    con.execute("INSERT OR REPLACE INTO build_info VALUES ('aggregates_source', ?)", [source])
    # ... and by which definitions, so a file refreshed before an upgrade is known to need one
    con.execute("INSERT OR REPLACE INTO build_info VALUES ('aggregates_schema', ?)", [db.schema_hash()])
    return counts


def stale_reason(snapshot: dict) -> str | None:
    """Why the stored facts no longer match, from ``filters/snapshot``: "data" when a write skipped
    ``refresh``, "schema" when they were built by other definitions (a file refreshed before an
    upgrade may lack columns today's queries read); None when they match or were never built."""
    if snapshot.get("facts_stale"):
        return "data"
    built_with = snapshot.get("facts_schema")
    if built_with is not None and built_with != db.schema_hash():
        return "schema"
    return None


def as_of(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The date the materialised statuses were judged on (None: never refreshed, statuses are live)."""
    row = con.execute("SELECT value FROM build_info WHERE key = 'aggregates_as_of'").fetchone()
    return dt.date.fromisoformat(row[0]) if row else None


# --- Recurring phrases outside the taxonomy -------------------------------------------------------
# Two to four syllables. Syllables are not words in Vietnamese, so a window is often half of one word and
# half of the next ("nghị UBND" from "đề nghị UBND"). A phrase is kept only when it stands on its
# own: no single word comes before (or after) it in most of its occurrences, it does not usually
# start or end inside a generic pair, and it holds no function word, verb of asking, number,
# theme keyword or organisation name.
PHRASE_SAMPLE = 12_000  # items read to find candidates; the same ones on every build
PHRASE_MIN_MEETINGS = 3
PHRASE_LIMIT = 100
_STOP = set(
    "va cua cac cho trong voi de la thi co duoc nhung mot nay da dang se theo ve tai tu den tren khi nhu hon nua "
    "cung o ra vao lai bi do neu nen ma so nhieu moi viec nham tung con chua van rat qua sau truoc giua ngay nam "
    "thang quy ky xa huyen phuong tinh thi tran som hien khoang cong ty".split()
)
_GENERIC = set(
    "de nghi|kien nghi|de xuat|quan tam|tao dieu|dieu kien|chi dao|tiep tuc|giai quyet|thuc hien|ho tro|trien khai|"
    "nang cao|tang cuong|day manh|phoi hop|xem xet|som co|bo tri|chu trong|tap trung|hieu qua|chat luong|cong tac|"
    "hoat dong|nhiem vu|tham muu|lanh dao|uy ban|nhan dan|thuong truc|tinh uy|dang uy|huyen uy|mat tran|doan the|"
    "to quoc|chinh tri|xa hoi|co so|dia phuong|cac cap|co quan|don vi|ban nganh|yeu cau|xu ly|kip thoi|ke hoach|"
    "keo dai|tinh trang|lien quan|huong dan|nhan rong|day nhanh|tham gia|bo sung|phat sinh|han che|chan chinh|"
    "quy dinh|dam bao|kiem tra|ra soat|tuyen truyen|van dong|dap ung|phu hop|ket qua|bao cao|chu tri|tich cuc".split(
        "|"
    )
)
_TAILS = {p.split(" ")[1] for p in _GENERIC}  # "trợ" of "hỗ trợ": a verb before a phrase is no cue
_HEADS = {p.split(" ")[0] for p in _GENERIC}
_WORD = re.compile(r"\w+")
_SAMPLE_SQL = (
    "SELECT meeting_id, text FROM recommendations WHERE hash(rec_id) % $k = 0 "
    "UNION ALL SELECT meeting_id, text FROM directives WHERE hash(dir_id) % $k = 0"
)
_KNOWN_SQL = (
    "SELECT DISTINCT unnest(keywords) AS phrase FROM themes UNION SELECT label_vi FROM themes "
    "UNION SELECT alias FROM org_aliases"
)


def _pairs(keys: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in itertools.pairwise(keys)]


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


def _windows(text: str) -> list[tuple[str, str, str, str]]:
    """(key, spelling, word before, word after) of every acceptable 2- to 4-word window."""
    words = _WORD.findall(text.lower())
    keys = [_fold_word(w) for w in words]
    ok = [k not in _STOP and k.isalpha() for k in keys]
    # joint[i]: words i and i+1 may stand in one phrase
    joint = [ok[i] and ok[i + 1] and f"{keys[i]} {keys[i + 1]}" not in _GENERIC for i in range(len(keys) - 1)]
    out = []
    for i in range(len(joint)):
        for n in (2, 3, 4):
            if i + n - 1 > len(joint) or not joint[i + n - 2]:
                break
            before = keys[i - 1] if i else ""
            after = keys[i + n] if i + n < len(keys) else ""
            out.append((" ".join(keys[i : i + n]), " ".join(words[i : i + n]), before, after))
    return out


def mine_phrases(texts: list[tuple[str, str]], known: Iterable[str]) -> list[dict]:
    """Recurring free-standing phrases of (meeting_id, text) pairs, most widespread first."""
    windows = [(meeting_id, _windows(text)) for meeting_id, text in texts]
    meetings: dict[str, set[str]] = defaultdict(set)
    for meeting_id, found in windows:
        for key, *_ in found:
            meetings[key].add(meeting_id)
    frequent = {k for k, m in meetings.items() if len(m) >= PHRASE_MIN_MEETINGS}
    spelled, before, after = defaultdict(Counter), defaultdict(Counter), defaultdict(Counter)
    inside, items = Counter(), Counter()
    for _, found in windows:
        for key, spelling, left, right in found:
            if key not in frequent:
                continue
            items[key] += 1
            spelled[key][spelling] += 1
            before[key][left] += bool(left) and left not in _TAILS
            after[key][right] += bool(right) and right not in _HEADS
            first, last = key.split(" ")[0], key.split(" ")[-1]
            inside[key] += f"{left} {first}" in _GENERIC or f"{last} {right}" in _GENERIC
    padded = [f" {fold(k).lower()} " for k in known if k]
    known_pairs = {p for k in padded for p in _pairs(k.split())}
    out = []
    for key in frequent:
        n = items[key]
        if max(before[key].values()) > 0.6 * n or max(after[key].values()) > 0.6 * n or inside[key] > 0.3 * n:
            continue
        if any(f" {key} " in k or k in f" {key} " for k in padded) or known_pairs & set(_pairs(key.split(" "))):
            continue
        words = key.split(" ")
        out.append(
            {
                "phrase_key": key,
                "phrase": spelled[key].most_common(1)[0][0],
                "pairs": _pairs(words),
                "n_items": n,
                "n_meetings": len(meetings[key]),
            }
        )
    out.sort(key=lambda p: (-p["n_meetings"], p["phrase_key"]))
    return out[:PHRASE_LIMIT]


def refresh_phrases(con: duckdb.DuckDBPyConnection) -> int:
    """Mine phrases from a fixed sample of items and store them in agg_phrases."""
    total = con.execute("SELECT (SELECT count(*) FROM recommendations) + (SELECT count(*) FROM directives)").fetchone()
    every = max(1, total[0] // PHRASE_SAMPLE)
    texts = fetch(con, _SAMPLE_SQL, {"k": every}).rows()
    known = [r[0] for r in fetch(con, _KNOWN_SQL).rows()]
    phrases = mine_phrases(texts, known)
    con.execute("DELETE FROM agg_phrases")
    if not phrases:
        return 0
    con.executemany(
        "INSERT INTO agg_phrases VALUES (?, ?, ?, ?)",
        [[p["phrase_key"], p["phrase"], p["pairs"], p["n_items"]] for p in phrases],
    )
    return len(phrases)
