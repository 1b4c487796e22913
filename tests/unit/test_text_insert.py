"""Inserting schema names at the editor's cursor (Ace rows/columns, UTF-16 columns)."""

from __future__ import annotations

from giaoban.text_insert import Cursor, insert_at


def test_inserts_at_the_cursor_and_spaces_from_touching_words():
    text = "SELECT  FROM meetings"
    new, cursor = insert_at(text, Cursor(0, 7), "held_on")
    assert new == "SELECT held_on FROM meetings"
    assert cursor == Cursor(0, 14)
    again, _ = insert_at(new, cursor, ", level")
    assert again == "SELECT held_on, level FROM meetings"


def test_adds_spaces_only_where_words_would_merge():
    assert insert_at("SELECT count(*) FROM", None, "meetings")[0] == "SELECT count(*) FROM meetings"
    assert insert_at("FROMx", Cursor(0, 4), "t")[0] == "FROM t x"
    assert insert_at("count()", Cursor(0, 6), "x")[0] == "count(x)"
    assert insert_at("", None, "meetings") == ("meetings", Cursor(0, 8))


def test_rows_and_a_stale_cursor_stay_inside_the_text():
    text = "SELECT *\nFROM \nLIMIT 5"
    assert insert_at(text, Cursor(1, 5), "meetings")[0] == "SELECT *\nFROM meetings\nLIMIT 5"
    assert insert_at(text, Cursor(9, 99), "x")[0] == "SELECT *\nFROM \nLIMIT 5 x"


def test_columns_count_utf16_units_like_the_browser():
    # "😀" is two UTF-16 units in JavaScript but one Python character; Vietnamese letters are one.
    text = "SELECT '😀đ', "
    new, cursor = insert_at(text, Cursor(0, 14), "x")
    assert new == "SELECT '😀đ', x"
    assert cursor == Cursor(0, 15)
    assert insert_at("-- đồng\nSELECT ", Cursor(1, 7), "n")[0] == "-- đồng\nSELECT n"


def test_parse_rejects_malformed_cursors():
    assert Cursor.parse({"row": 1, "column": 2}) == Cursor(1, 2)
    assert Cursor.parse("") is None
    assert Cursor.parse({"row": -1, "column": 0}) is None
    assert Cursor.parse({"row": "1", "column": 0}) is None
