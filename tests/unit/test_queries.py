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


@pytest.mark.parametrize("name", MARKED)
def test_lines_left_out_for_empty_parameters_were_no_ops(name, mini_con):
    """The file as written and the statement without its ``-- @if`` lines give the same rows, so
    leaving them out only saves work (and an analyst running the file gets the same answer)."""
    q = ALL[name]
    bound = q.bind({"date_from": "2015-01-01", "date_to": "2026-12-31"})
    sql, params = q.statement(bound)
    assert sql != q.sql and "@if" not in sql
    assert fetch(mini_con, sql, params).rows() == fetch(mini_con, q.sql, bound).rows() != []


def test_if_lines_stay_when_their_parameter_is_set(mini_con):
    q = ALL["recommendations/list"]
    bound = q.bind({"q": "bảo hiểm xã hội"})
    sql, params = q.statement(bound)
    assert sql == q.sql and params == bound
    assert fetch(mini_con, sql, params)["rec_id"].to_list() == ["r1"]  # the one about social insurance debts


def test_if_must_name_a_declared_parameter(tmp_path: Path):
    bad = tmp_path / "x.sql"
    bad.write_text("-- a filter on nothing\n-- @param a int = 3 : a\nSELECT $a AS a  -- @if b\n", encoding="utf-8")
    with pytest.raises(QueryError, match="@if b"):
        queries.parse_query("x", bad)


def test_repeats_follow_each_chain_to_its_latest_raise_in_the_period(mini_con):
    """Against a plain re-computation from the facts, for ranges that cut the chain r1 → r3."""
    facts = fetch(mini_con, "SELECT * FROM agg_recs")
    for a, b in [("2015-01-01", "2026-12-31"), ("2024-01-01", "2024-04-30"), ("2024-04-01", "2024-12-31")]:
        got = queries.run_query(mini_con, "recommendations/repeats", {"date_from": a, "date_to": b})
        scoped = facts.filter(
            pl.col("raised_on").is_between(dt.date.fromisoformat(a), dt.date.fromisoformat(b)),
            pl.col("times_raised") >= 2,
        )
        latest = (
            scoped.sort("list_seq", descending=True)
            .group_by("root_id", maintain_order=True)
            .agg(
                pl.col("rec_id").first(),
                pl.col("times_raised").first(),
                pl.col("raised_on").min().alias("first_raised_on"),
                pl.col("raised_on").first().alias("last_raised_on"),
                pl.col("status").first().alias("latest_status"),
                pl.col("list_seq").first(),
            )
        )
        expected = latest.sort(["times_raised", "list_seq"], descending=True).drop("list_seq")
        assert got.select(expected.columns).rows() == expected.rows(), (a, b)
        assert not got.is_empty()
