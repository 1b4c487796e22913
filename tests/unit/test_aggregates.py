"""The dashboard facts: materialised from the metric macros (never re-derived), as of a pinned day,
with a working fallback before the first refresh; and the recurring-phrase miner."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from giaoban import aggregates, db
from giaoban.db import fetch


@pytest.fixture(scope="module")
def refreshed(mini_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("agg") / "mini.duckdb"
    shutil.copy(mini_db, path)
    con = duckdb.connect(str(path), config=db._config())
    db.pin_today(con, "2024-12-31")
    counts = aggregates.refresh(con)
    yield con, counts
    con.close()


def test_refresh_materialises_every_fact_table(refreshed):
    con, counts = refreshed
    # r8 and m4's items are from 2025, after the pinned day: 10 of 11 recommendations.
    assert counts["agg_meetings"] == 8 and counts["agg_recs"] == 10 and counts["agg_dirs"] == 5
    assert counts["agg_theme_items"] == 9 and counts["search_docs"] == 8
    kinds = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
    assert all(kinds[name] == "BASE TABLE" for name in aggregates.TABLES)
    assert aggregates.as_of(con).isoformat() == "2024-12-31"


def test_facts_carry_the_metric_macros_status(refreshed):
    con, _ = refreshed
    facts = fetch(con, "SELECT rec_id, status, answered, resolved, is_overdue FROM agg_recs ORDER BY rec_id").rows()
    macro = fetch(
        con,
        "SELECT rec_id, status, answered, resolved, is_overdue FROM rec_state_asof(DATE '2024-12-31') ORDER BY rec_id",
    ).rows()
    assert facts == macro
    prev = dict(fetch(con, "SELECT rec_id, py_resolved FROM agg_recs WHERE py_resolved IS NOT NULL").rows())
    assert prev == {"r6": True, "r7": False}  # a year earlier only the 2023 recommendations existed


def test_facts_have_places_families_and_themes(refreshed):
    con, _ = refreshed
    row = fetch(con, "SELECT * FROM agg_recs WHERE rec_id = 'r1'").to_dicts()[0]
    assert (row["family"], row["province_recorded_id"], row["province_current_id"]) == (
        "ldld",
        "bac-giang",
        "bac-ninh-2025",
    )
    assert row["themes"] == ["labour"] and row["locality_name"] == "Bắc Giang"
    assert row["text_key"] == "giai quyet tinh trang doanh nghiep no dong bao hiem xa hoi"
    m5 = fetch(con, "SELECT families, themes FROM agg_meetings WHERE meeting_id = 'm5'").to_dicts()[0]
    assert m5 == {"families": [], "themes": ["poverty_housing"]}


def test_fallback_views_give_the_same_rows_before_any_refresh(mini_con, refreshed):
    con, _ = refreshed
    db.pin_today(mini_con, "2024-12-31")
    live = fetch(mini_con, "SELECT rec_id, status, family FROM agg_recs ORDER BY rec_id").rows()
    assert live == fetch(con, "SELECT rec_id, status, family FROM agg_recs ORDER BY rec_id").rows()


def test_search_index_built_by_year_equals_the_live_definition(refreshed):
    """The index is built a year at a time (bounded memory at national scale); it must hold exactly
    the postings of the one-pass definition, and pairs never span two parts of a meeting."""
    con, counts = refreshed
    order = "ORDER BY term, meeting_id"
    built = fetch(con, f"SELECT term, meeting_id, held_on, tf, doc_len FROM search_postings {order}").rows()
    live = fetch(con, f"SELECT term, meeting_id, held_on, tf, doc_len FROM search_postings_live {order}").rows()
    assert built == live and len(built) == counts["search_postings"]
    years = fetch(con, "SELECT count(DISTINCT year(held_on)) AS n FROM meetings")["n"][0]
    assert years > 1  # the fixture spans years, so the by-year build is exercised
    docs = fetch(con, "SELECT * FROM search_docs ORDER BY meeting_id").rows()
    assert docs == fetch(con, "SELECT * FROM search_docs_live ORDER BY meeting_id").rows()
    kinds = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
    assert kinds["search_postings"] == kinds["search_docs"] == "BASE TABLE"


def test_refresh_twice_is_the_same(refreshed):
    con, counts = refreshed
    assert aggregates.refresh(con) == counts


def test_phrases_are_recurring_free_standing_and_outside_the_taxonomy():
    texts = [
        ("m1", "Đề nghị hỗ trợ tiêu thụ nông sản cho bà con"),
        ("m2", "Tiếp tục hỗ trợ tiêu thụ nông sản vụ vải thiều"),
        ("m3", "Kiến nghị tháo gỡ tiêu thụ nông sản và nợ đọng bảo hiểm xã hội"),
        ("m4", "Giải quyết nợ đọng bảo hiểm xã hội"),
        ("m5", "Xử lý nợ đọng bảo hiểm xã hội của doanh nghiệp"),
    ]
    found = {p["phrase"]: p["n_meetings"] for p in aggregates.mine_phrases(texts, known=["bảo hiểm xã hội"])}
    assert found.get("tiêu thụ nông sản") == 3
    assert not any("bảo hiểm" in p or "hiểm xã" in p for p in found)  # a theme keyword
    assert "đề nghị" not in " ".join(found)  # a verb of asking


# Whole months from the monthly counts, the days at either end from the tags: any range must give
# what counting the tags themselves gives.
_RAW_THEME_MONTHS = """
SELECT theme_id, CAST(date_trunc('month', held_on) AS DATE) AS month, count(DISTINCT meeting_id) AS meetings,
       count(*) FILTER (WHERE item_type = 'recommendation') AS recommendations,
       count(*) FILTER (WHERE item_type = 'directive') AS directives, max(held_on) AS last_held_on
FROM agg_theme_items
WHERE held_on BETWEEN $a AND $b AND ($family IS NULL OR family = $family)
GROUP BY ALL ORDER BY ALL
"""
_CUBE_THEME_MONTHS = """
SELECT theme_id, month, meetings, recommendations, directives, last_held_on
FROM gb_theme_months($a, $b, NULL, NULL, false, $family, NULL) ORDER BY ALL
"""


@pytest.fixture(scope="module")
def theme_tags():
    """Theme tags on the days a month split can get wrong (first, second, 15th, last of a month),
    several per meeting and family, in a fresh schema where agg_theme_items is a plain table."""
    import datetime as dt
    import random

    con = duckdb.connect(":memory:", config=db._config())
    db.apply_schema(con)
    con.execute("DROP VIEW agg_theme_items")
    con.execute(
        "CREATE TABLE agg_theme_items (theme_id VARCHAR, item_type VARCHAR, item_id VARCHAR, meeting_id VARCHAR,"
        " held_on DATE, level VARCHAR, province_recorded_id VARCHAR, province_current_id VARCHAR, origin VARCHAR,"
        " family VARCHAR)"
    )
    rng = random.Random(4)
    rows = []
    for year, month in [(2024, m) for m in range(10, 13)] + [(2025, m) for m in range(1, 4)]:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        for day in (1, 2, 15, last):
            for n in range(3):
                meeting, place = f"m{year}{month:02}{day:02}{n}", rng.choice(["p1", "p2"])  # one place a meeting
                for k in range(rng.randint(1, 4)):
                    rows.append(
                        (
                            rng.choice(["labour", "youth"]),
                            rng.choice(["recommendation", "directive", "meeting"]),
                            f"{meeting}-{k}",
                            meeting,
                            dt.date(year, month, day),
                            "province",
                            place,
                            "p1",
                            "sample",
                            rng.choice(["ldld", "mttq", None]),
                        )
                    )
    con.executemany("INSERT INTO agg_theme_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    aggregates._materialise(con, "agg_theme_months", aggregates.TABLES["agg_theme_months"])
    days = sorted({r[4] for r in rows})
    yield con, sorted({d + dt.timedelta(days=k) for d in days for k in (-1, 0, 1)})
    con.close()


@pytest.mark.parametrize("family", [None, "ldld"])
def test_theme_months_equal_counting_the_tags_for_any_range(theme_tags, family):
    con, edges = theme_tags
    checked = 0
    for i, a in enumerate(edges):
        for b in edges[i::3]:
            params = {"a": a, "b": b, "family": family}
            assert fetch(con, _CUBE_THEME_MONTHS, params).rows() == fetch(con, _RAW_THEME_MONTHS, params).rows(), (a, b)
            checked += 1
    assert checked > 400


def test_list_order_key_is_newest_first_then_id(refreshed):
    con, _ = refreshed
    by_key = fetch(con, "SELECT rec_id FROM agg_recs ORDER BY list_seq DESC")["rec_id"].to_list()
    by_columns = fetch(con, "SELECT rec_id FROM agg_recs ORDER BY raised_on DESC, rec_id")["rec_id"].to_list()
    assert by_key == by_columns and len(by_key) == 10
    # stored in that order, so a list's top-N stops after the first row groups
    assert fetch(con, "SELECT rec_id FROM agg_recs")["rec_id"].to_list() == by_key
    stored_dirs = fetch(con, "SELECT list_seq FROM agg_dirs")["list_seq"].to_list()
    assert stored_dirs == sorted(stored_dirs, reverse=True)


def test_root_seq_is_the_list_key_of_the_chains_first_raise(refreshed):
    con, _ = refreshed
    keys = fetch(
        con,
        "SELECT r.rec_id, r.root_seq, f.list_seq AS first_seq FROM agg_recs r JOIN agg_recs f ON f.rec_id = r.root_id",
    )
    assert keys["root_seq"].to_list() == keys["first_seq"].to_list()
    r3 = keys.filter(rec_id="r3").row(0, named=True)  # r3 raises r1 again
    assert r3["root_seq"] == keys.filter(rec_id="r1")["first_seq"][0]


def test_family_names_are_a_small_table_after_refresh(refreshed):
    con, counts = refreshed
    assert counts["family_names"] == fetch(con, "SELECT count(DISTINCT family) AS n FROM organisations")["n"][0]
    comment = fetch(con, "SELECT comment FROM duckdb_tables() WHERE table_name = 'agg_recs'")["comment"][0]
    assert comment.startswith("Kiến nghị kèm trạng thái")  # the definition's description goes with the table


def test_facts_know_which_definitions_built_them(refreshed):
    con, _ = refreshed
    from giaoban import queries

    snapshot = queries.run_query(con, "filters/snapshot").row(0, named=True)
    assert snapshot["facts_schema"] == db.schema_hash()
    assert aggregates.stale_reason(snapshot) is None
    assert aggregates.stale_reason({**snapshot, "facts_schema": "older"}) == "schema"
    assert aggregates.stale_reason({**snapshot, "facts_schema": "unknown"}) == "schema"  # refreshed before it was kept
    assert aggregates.stale_reason({**snapshot, "facts_stale": True}) == "data"
    assert aggregates.stale_reason({"facts_stale": False, "facts_schema": None}) is None  # never refreshed


def test_search_index_rebuilds_only_the_years_a_write_changed(mini_db, tmp_path, monkeypatch):
    path = tmp_path / "mini.duckdb"
    shutil.copy(mini_db, path)
    con = duckdb.connect(str(path), config=db._config())
    db.pin_today(con, "2025-12-31")
    aggregates.refresh(con)
    built: list[int] = []
    insert = aggregates._insert_search_year
    monkeypatch.setattr(aggregates, "_insert_search_year", lambda c, year: (built.append(year), insert(c, year)))

    def refreshed_years() -> list[int]:
        built.clear()
        aggregates.refresh(con)
        order = "ORDER BY term, meeting_id"
        for table, key in (("search_postings", order), ("search_docs", "ORDER BY meeting_id")):
            stored = fetch(con, f"SELECT * FROM {table} {key}").rows()
            assert stored == fetch(con, f"SELECT * FROM {table}_live {key}").rows(), table
        return sorted(built)

    assert refreshed_years() == []  # nothing written: nothing rebuilt
    con.execute("UPDATE recommendations SET text = text || ' về nước sạch nông thôn' WHERE rec_id = 'r1'")
    assert refreshed_years() == [2024]
    assert fetch(con, "SELECT count(*) AS n FROM search_postings WHERE term = 'nuoc sach'")["n"][0] == 1
    con.execute(
        "INSERT INTO meetings (meeting_id, held_on, date_basis, kind, origin, title) "
        "VALUES ('m9', DATE '2022-05-05', 'imported', 'giao_ban', 'imported', 'Giao ban quý II')"
    )
    assert refreshed_years() == [2022]  # a year the index did not have
    con.execute("DELETE FROM meetings WHERE meeting_id = 'm9'")
    assert refreshed_years() == []  # 2022 had only m9: its postings are removed, nothing to build
    assert fetch(con, "SELECT count(*) AS n FROM search_postings WHERE year(held_on) = 2022")["n"][0] == 0
    con.execute("UPDATE build_info SET value = 'older' WHERE key = 'aggregates_schema'")
    assert refreshed_years() == [2023, 2024, 2025]  # other definitions: every year again
    con.close()
