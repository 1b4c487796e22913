"""Every named query parses, declares its parameters and runs on the fixture database."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaoban import queries
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
