"""Accent-insensitive matching on the Python side of search: where a query's words sit in a text,
and the sentence around an extracted span, so the dashboard can highlight the evidence.

The index itself is SQL (queries/schema/150_search.sql: words folded to ASCII, đ→d, lower case);
``query_words`` folds a query the same way, so "bao hiem xa hoi" and "Bảo hiểm xã hội" are the same
four words. Offsets always point into the original (NFC) text: ``fold_aligned`` keeps one output
character per input character, so a match in the folded copy is a span in the text people read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from giaoban.extract.sentences import sentences
from giaoban.text import fold, fold_aligned

_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Piece:
    """A run of text, marked when it is a highlighted span."""

    text: str
    marked: bool = False


def query_words(query: str | None) -> list[str]:
    """The folded words of a query, as the index stores them (duplicates dropped, order kept)."""
    words = _NON_WORD.split(fold(query or "").lower())
    return list(dict.fromkeys(w for w in words if w))


def word_spans(text: str, query: str | None) -> list[tuple[int, int]]:
    """Spans of ``text`` holding one of the query's words as a whole word, in order."""
    words = query_words(query)
    if not words or not text:
        return []
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z0-9])")
    return [m.span() for m in pattern.finditer(fold_aligned(text))]


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping or touching spans joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def pieces(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    """``text`` cut into plain and marked pieces; spans outside the text are clipped."""
    out, at = [], 0
    for start, end in merge([(max(0, s), min(len(text), e)) for s, e in spans if s < e]):
        if start > at:
            out.append(Piece(text[at:start]))
        out.append(Piece(text[start:end], marked=True))
        at = end
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding ``text[start:end]``; the span itself if none is found.

    Extracted spans are often a clause ("giải quyết tình trạng nợ đọng BHXH"); a leader wants the
    whole sentence it came from ("Liên đoàn Lao động tỉnh kiến nghị giải quyết …").
    """
    found = [s for s in sentences(text) if s.start < end and s.end > start]
    if not found:
        return max(0, start), min(len(text), end)
    return min(start, found[0].start), max(end, found[-1].end)
