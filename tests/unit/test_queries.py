"""Every named query parses, declares its parameters and runs on the fixture database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from giaoban import queries
from giaoban.db import fetch
from giaoban.queries import QueryError

ALL = queries.load_queries()


def test_there_are_named_queries():
    assert len(ALL) >= 10
    assert "recommendations/resolution_by_org" in ALL


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_query_has_a_description_and_runs(name, mini_con):
    q = ALL[name]
    assert len(q.description) > 15, f"{name}: first comment line must describe the query"
    frame = queries.run_query(mini_con, q)
    assert frame.width > 0


def test_resolution_by_org_on_fixture(mini_con):
    frame = queries.run_query(
        mini_con,
        "recommendations/resolution_by_org",
        {"date_from": "2024-01-01", "date_to": "2024-12-31", "as_of": "2024-12-31"},
    )
    ldld = frame.filter(org_id="ldld").to_dicts()[0]
    # r1 (resolved) and r3 (in progress) by LĐLĐ tỉnh Bắc Giang, grouped under the ldld family.
    assert (ldld["n_raised"], ldld["n_answered"], ldld["n_resolved"]) == (2, 2, 1)
    assert ldld["org_name"] == "LĐLĐ"


def test_parameters_are_typed_and_checked(mini_con):
    with pytest.raises(QueryError, match="not a valid date"):
        queries.run_query(mini_con, "overview/kpis", {"date_from": "31/02/2024"})
    with pytest.raises(QueryError, match="has no parameter"):
        queries.run_query(mini_con, "overview/kpis", {"nope": "1"})
    with pytest.raises(QueryError, match="no named query"):
        queries.get_query("overview/nope")


def test_header_must_declare_what_the_body_uses(tmp_path: Path):
    bad = tmp_path / "x.sql"
    bad.write_text("-- uses an undeclared parameter\nSELECT $a\n", encoding="utf-8")
    with pytest.raises(QueryError, match="declared"):
        queries.parse_query("x", bad)
    ok = tmp_path / "y.sql"
    ok.write_text("-- fine\n-- @param a int = 3 : a number\nSELECT $a AS a\n", encoding="utf-8")
    q = queries.parse_query("y", ok)
    assert q.params[0].default == "3" and q.bind({"a": "5"}) == {"a": 5}


def test_words_parameters_are_folded_once_in_python():
    from giaoban.queries import Param

    words = Param("q", "words", None)
    assert words.coerce("Bảo hiểm, XÃ HỘI! bảo") == ["bao", "hiem", "xa", "hoi"]
    assert words.coerce("Đoàn") == ["doan"]
    assert words.coerce("  ") is None and words.coerce("?!") is None and words.coerce(None) is None


def test_search_with_words_parameter_finds_accented_text(mini_con):
    from giaoban import queries

    plain = queries.run_query(mini_con, "recommendations/list", {"q": "bao hiem xa hoi"})
    accented = queries.run_query(mini_con, "recommendations/list", {"q": "BẢO HIỂM xã hội"})
    assert plain["rec_id"].to_list() == accented["rec_id"].to_list() != []


MARKED = sorted(name for name, q in ALL.items() if "-- @if" in q.sql)


def test_some_queries_leave_out_lines_for_empty_parameters():
    assert {"recommendations/list", "directives/list"} <= set(MARKED)


_SET = {"words": "bảo hiểm", "bool": True, "text": "x", "int": 1, "float": 1.0, "date": "2024-06-30"}


def _marked_names(q) -> list[str]:
    return sorted({m["name"] for line in q.sql.splitlines() if (m := queries._IF.search(line))})


@pytest.mark.parametrize("name", MARKED)
def test_lines_left_out_for_empty_parameters_were_no_ops(name, mini_con):
    """The file as written and the statement without its ``-- @if`` lines give the same rows, so
    leaving them out only saves work (and an analyst running the file gets the same answer). Each
    marked parameter is left empty in turn while the others are set, so a line marked with the
    wrong name shows up as a difference."""
    q = ALL[name]
    types = {p.name: p.type for p in q.params}
    for empty in _marked_names(q):
        values = {"date_from": "2015-01-01", "date_to": "2026-12-31"}
        values |= {other: _SET[types[other]] for other in _marked_names(q) if other != empty}
        bound = q.bind(values)
        sql, params = q.statement(bound)
        assert sql != q.sql and f"@if {empty}" not in sql
        assert fetch(mini_con, sql, params).rows() == fetch(mini_con, q.sql, bound).rows(), (name, empty)
    bound = q.bind({"date_from": "2015-01-01", "date_to": "2026-12-31"})
    assert fetch(mini_con, *q.statement(bound)).rows() == fetch(mini_con, q.sql, bound).rows() != []


def _query_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "x.sql"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_zero_is_not_an_empty_parameter(tmp_path: Path):
    path = _query_file(
        tmp_path,
        "-- numbers from n up",
        "-- @param n int = null : lowest",
        "SELECT x FROM range(3) t(x) WHERE true",
        "  AND ($n IS NULL OR x >= $n)  -- @if n",
    )
    q = queries.parse_query("z", path)
    assert q.statement(q.bind({"n": 0}))[0] == q.sql
    assert "@if" not in q.statement(q.bind({}))[0]


def test_if_lines_stay_when_their_parameter_is_set(mini_con):
    q = ALL["recommendations/list"]
    bound = q.bind({"q": "bảo hiểm xã hội"})
    sql, params = q.statement(bound)
    assert sql == q.sql and params == bound
    assert fetch(mini_con, sql, params)["rec_id"].to_list() == ["r1"]  # the one about social insurance debts


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("SELECT $a AS a  -- @if b", "names no declared parameter"),
        ("SELECT $a AS a, $b AS b  -- @IF b", "write a condition"),
        ("SELECT $a AS a, $b AS b  -- @if b (only when set)", "write a condition"),
    ],
)
def test_if_markers_are_checked(tmp_path: Path, line: str, message: str):
    declared = ["-- @param a int = 3 : a", *(["-- @param b int = 3 : b"] if "$b" in line else [])]
    with pytest.raises(QueryError, match=message):
        queries.parse_query("x", _query_file(tmp_path, "-- a query", *declared, line))


def test_a_marked_line_must_test_its_own_parameter(tmp_path: Path):
    """A filter on theme marked '@if family' would vanish whenever family is empty."""
    bad = _query_file(
        tmp_path,
        "-- a query",
        "-- @param theme text = null : t",
        "-- @param family text = null : f",
        "SELECT 1 AS one WHERE ($family IS NULL OR true)",
        "  AND ($theme IS NULL OR false)  -- @if family",
    )
    with pytest.raises(QueryError, match="must use \\$family"):
        queries.parse_query("x", bad)


def _expected_repeats(facts: pl.DataFrame, a: str, b: str, min_times: int = 2, limit: int = 50, **only) -> list:
    """The repeats table recomputed plainly from the facts: per chain, its latest raise in range."""
    first = facts.group_by("root_id").agg(pl.col("raised_on").min().alias("first_raised_on"))
    scoped = facts.filter(
        pl.col("raised_on").is_between(dt.date.fromisoformat(a), dt.date.fromisoformat(b)),
        pl.col("times_raised") >= min_times,
        *[pl.col(column) == value for column, value in only.items() if column != "theme"],
        *([pl.col("themes").list.contains(only["theme"])] if "theme" in only else []),
    )
    latest = (
        scoped.sort("list_seq", descending=True)
        .group_by("root_id", maintain_order=True)
        .agg(
            pl.col("rec_id").first(),
            pl.col("text").first(),
            pl.col("times_raised").first(),
            pl.col("raised_on").first().alias("last_raised_on"),
            pl.col("status").first().alias("latest_status"),
            pl.col("list_seq").first(),
        )
    )
    latest = latest.join(first, on="root_id", how="left").select(
        "root_id", "rec_id", "text", "times_raised", "first_raised_on", "last_raised_on", "latest_status", "list_seq"
    )
    return latest.sort(["times_raised", "list_seq"], descending=True).head(limit).drop("list_seq").rows()


REPEAT_COLUMNS = ["root_id", "rec_id", "text", "times_raised", "first_raised_on", "last_raised_on", "latest_status"]


def test_repeats_follow_each_chain_to_its_latest_raise_in_the_period(mini_con):
    """On the fixture, for ranges that cut the chain r1 → r3."""
    facts = fetch(mini_con, "SELECT * FROM agg_recs")
    for a, b in [("2015-01-01", "2026-12-31"), ("2024-01-01", "2024-04-30"), ("2024-04-01", "2024-12-31")]:
        got = queries.run_query(mini_con, "recommendations/repeats", {"date_from": a, "date_to": b})
        assert got.select(REPEAT_COLUMNS).rows() == _expected_repeats(facts, a, b) != [], (a, b)


@pytest.fixture(scope="module")
def chains_con():
    """Facts with 60 repeat chains of 1-4 raises over three years, many on the same days and with
    equal counts, so ties, limits and filters are all exercised."""
    import random

    import duckdb

    from giaoban import db

    rng = random.Random(7)
    rows = []
    for chain in range(60):
        family, province, level = rng.choice(["mttq", "doan", "ldld"]), rng.choice(["p1", "p2"]), "province"
        days = sorted(
            dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 1095, 7)) for _ in range(rng.randint(1, 4))
        )
        for k, day in enumerate(days):
            rows.append(
                {
                    "rec_id": f"c{chain:02d}-{k}",
                    "root_id": f"c{chain:02d}-0",
                    "raised_on": day,
                    "times_raised": len(days),
                    "family": family,
                    "raised_by": family.upper(),
                    "level": level,
                    "province_recorded_id": province,
                    "province_current_id": province,
                    "themes": rng.sample(["t1", "t2", "t3"], rng.randint(0, 2)),
                    "status": rng.choice(["raised", "answered", "resolved"]),
                    "text": f"chain {chain} raise {k}",
                    "origin": "imported",
                }
            )
    con = duckdb.connect(config=db._config())
    db.apply_schema(con)
    con.execute("DROP VIEW agg_recs")
    con.register("frame", pl.DataFrame(rows))
    con.execute(
        "CREATE TABLE agg_recs AS SELECT *, min(list_seq) OVER (PARTITION BY root_id) AS root_seq FROM "
        "(SELECT *, row_number() OVER (ORDER BY raised_on, rec_id DESC) AS list_seq FROM frame) "
        "ORDER BY list_seq DESC"
    )
    yield con
    con.close()


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2023-01-01", "date_to": "2025-12-31"},
        {"date_from": "2024-03-01", "date_to": "2024-11-30"},
        {"date_from": "2023-01-01", "date_to": "2025-12-31", "limit": 5},
        {"date_from": "2023-01-01", "date_to": "2025-12-31", "limit": 1},
        {"date_from": "2023-01-01", "date_to": "2025-12-31", "min_times": 3},
        {"date_from": "2023-06-01", "date_to": "2025-06-30", "min_times": 1, "limit": 20},
        {"date_from": "2023-01-01", "date_to": "2025-12-31", "family": "doan"},
        {"date_from": "2023-01-01", "date_to": "2025-12-31", "province": "p2", "theme": "t1"},
    ],
)
def test_repeats_against_a_plain_recomputation(chains_con, params):
    facts = fetch(chains_con, "SELECT * FROM agg_recs")
    only = {
        {"family": "family", "province": "province_recorded_id", "theme": "theme"}[k]: v
        for k, v in params.items()
        if k in ("family", "province", "theme")
    }
    extra = {k: params[k] for k in ("min_times", "limit") if k in params}
    expected = _expected_repeats(facts, params["date_from"], params["date_to"], **extra, **only)
    got = queries.run_query(chains_con, "recommendations/repeats", params)
    assert got.select(REPEAT_COLUMNS).rows() == expected != []


def test_trend_shows_every_period_of_the_range_even_without_meetings(mini_con):
    by_month = queries.run_query(
        mini_con, "overview/trend", {"date_from": "2024-01-01", "date_to": "2024-12-31", "grain": "month"}
    )
    assert by_month.height == 12  # a line over months must not jump across the empty ones
    february = by_month.filter(pl.col("period_start") == dt.date(2024, 2, 1)).row(0, named=True)
    assert (february["meetings"], february["recommendations"], february["answered_rate"]) == (0, 0, None)
    assert by_month["meetings"].sum() == 6  # the six meetings of 2024, as before
    nothing = queries.run_query(mini_con, "overview/trend", {"date_from": "2010-01-01", "date_to": "2010-12-31"})
    assert nothing.is_empty()  # an empty selection stays empty, and the page says so
