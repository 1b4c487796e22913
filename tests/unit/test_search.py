"""Accent-insensitive search: the SQL folding matches Python's, queries find what they should, and
highlight spans point into the original text."""

from __future__ import annotations

import pytest

from giaoban import queries, search
from giaoban.db import fetch
from giaoban.text import fold

SAMPLES = [
    "Bảo hiểm xã hội",
    "ĐẠI ĐOÀN KẾT",
    "Tỉnh uỷ Hoà Bình",
    "nợ đọng BHXH, 37 doanh nghiệp",
    "Thường trực Đảng ủy",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_sql_folding_equals_python_folding(mini_con, text):
    sql = fetch(mini_con, "SELECT gb_fold($t) AS f, gb_qwords($t) AS w", {"t": text}).row(0, named=True)
    assert sql["f"] == fold(text).lower()
    assert sql["w"] == search.query_words(text) or len(set(sql["w"])) < len(sql["w"])


def test_query_words_fold_and_drop_duplicates():
    assert search.query_words("Bảo hiểm, XÃ HỘI! bảo") == ["bao", "hiem", "xa", "hoi"]
    assert search.query_words("Đoàn") == ["doan"] and search.query_words(None) == []


def test_search_finds_accented_text_from_plain_letters(mini_con):
    found = queries.run_query(mini_con, "meetings/search", {"q": "bao hiem xa hoi"})
    assert found["meeting_id"].to_list() == ["m1"]
    both = queries.run_query(mini_con, "meetings/search", {"q": "dai doan ket"})
    assert set(both["meeting_id"]) == {"m3", "m5"}  # d5 "Ngày hội Đại đoàn kết", r5 "nhà Đại đoàn kết"
    assert both["score"].is_sorted(descending=True)


def test_every_word_must_appear(mini_con):
    assert queries.run_query(mini_con, "meetings/search", {"q": "bao hiem sao hoa"}).is_empty()


def test_no_words_lists_every_meeting_newest_first(mini_con):
    every = queries.run_query(mini_con, "meetings/search", {"date_from": "2015-01-01", "date_to": "2030-01-01"})
    assert every.height == 8 and every["held_on"].is_sorted(descending=True)


def test_word_spans_point_into_the_original_text():
    text = "Liên đoàn Lao động tỉnh kiến nghị giải quyết nợ đọng bảo hiểm xã hội."
    spans = search.word_spans(text, "bao hiem")
    assert [text[s:e] for s, e in spans] == ["bảo", "hiểm"]
    assert [text[s:e] for s, e in search.word_spans(text, "DOAN")] == ["đoàn"]


def test_pieces_and_sentence_around():
    text = "Câu đầu. Liên đoàn Lao động tỉnh kiến nghị giải quyết nợ đọng. Câu sau."
    start = text.index("giải quyết")
    end = text.index(". Câu sau")
    assert (
        text[slice(*search.sentence_around(text, start, end))]
        == "Liên đoàn Lao động tỉnh kiến nghị giải quyết nợ đọng."
    )
    parts = search.pieces("abcdef", [(1, 3), (2, 4)])
    assert [(p.text, p.marked) for p in parts] == [("a", False), ("bcd", True), ("ef", False)]


@pytest.mark.parametrize(
    ("name", "q", "expected"),
    [
        ("recommendations/list", "bảo hiểm xã hội", ["r1"]),  # r3 in the same thread says "BHXH"
        ("recommendations/list", "no dong", ["r1", "r3", "r6"]),  # words, not a phrase: r6 "nợ lương … lao động"
        ("recommendations/list", "hội viên", ["r9", "r10"]),
        ("recommendations/list", "khong co tu nay", []),
        ("directives/list", "bao luc gia dinh", ["d3"]),  # m2 also holds r4, which lacks the words
    ],
)
def test_lists_keep_items_whose_own_text_holds_the_words(mini_con, name, q, expected):
    """Meeting-level match through the index first, then each item's own folded text."""
    frame = queries.run_query(mini_con, name, {"date_from": "2015-01-01", "date_to": "2025-12-31", "q": q})
    key = "rec_id" if name.startswith("recommendations") else "dir_id"
    assert sorted(frame[key].to_list(), key=lambda i: int(i[1:])) == expected
