"""Finding known phrases (organisation aliases, theme keywords) in text, on folded tokens.

Words are folded (no diacritics, đ→d) and lower-cased, punctuation between words is ignored, so
"Hội LHPN tỉnh", "hội lhpn  tỉnh" and "HỘI LHPN TỈNH" are one key. Tokens written in capitals in a
phrase ("LHPN", "MTTQ") must be capitals in the text too, which keeps acronyms from matching
ordinary words. ``PhraseMatcher.find`` scans a whole report with a token trie (leftmost, longest),
keeping character spans into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from giaoban.text import fold, nfc

# A word: letters/digits with any combining marks (NFD input keeps its marks inside the word).
_WORD = re.compile(r"[^\W_][\w\u0300-\u036f]*")
_GAP_OK = re.compile(r"[ \t\-\u2010-\u2015\u2212&/.,+]*")


class Token(NamedTuple):
    start: int
    end: int
    key: str  # folded, lower case: "tinh"
    lower: str  # NFC lower case with diacritics: "tỉnh"
    upper: bool  # written in capitals ("LHPN")


_FORMS: dict[str, tuple[str, str, bool]] = {}
# Old-style tone placement at the end of a word ("hoà", "thuỷ") → the new style ("hòa", "thủy"),
# so accent-sensitive matching treats both spellings as one word. Not after "q" ("quý" is standard).
_OLD_TONES = {
    **{"oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa"},
    **{"oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe"},
    **{"uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"},
}


def _new_tone(lower: str) -> str:
    end = lower[-2:]
    if end in _OLD_TONES and not lower[:-2].endswith("q"):
        return lower[:-2] + _OLD_TONES[end]
    return lower


def _forms(word: str) -> tuple[str, str, bool]:
    forms = _FORMS.get(word)
    if forms is None:
        norm = nfc(word)
        forms = (fold(norm).lower(), _new_tone(norm.lower()), norm.isupper() and len(norm) > 1)
        if len(_FORMS) < 200_000:
            _FORMS[word] = forms
    return forms


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with their spans in ``text`` itself (not in a normalised copy)."""
    return [Token(m.start(), m.end(), *_forms(m.group())) for m in _WORD.finditer(text)]


def _scan(text: str) -> list[tuple[int, int, tuple[str, str, bool]]]:
    """tokenize without the named tuples: (start, end, (key, lower, upper)); the hot path of find."""
    get = _FORMS.get
    return [(m.start(), m.end(), get(m.group()) or _forms(m.group())) for m in _WORD.finditer(text)]


def token_key(text: str) -> str:
    """Folded, lower-case words joined by one space: the key aliases are compared on."""
    return " ".join(t.key for t in tokenize(text))


def _gap_ok(gap: str, prev_key: str) -> bool:
    """Words of one name are separated by spaces, hyphens, '&', '/', commas — not by a line or
    sentence break ("tỉnh. Đoàn" is two sentences; "TP. Hồ Chí Minh" and "T.Ư Đoàn" are abbreviations)."""
    if not _GAP_OK.fullmatch(gap):
        return False
    return not (re.search(r"\.\s", gap) and len(prev_key) > 2)


class _Node:
    """A trie node; ``ends`` holds (indices of words that must be capitals, payload) per phrase."""

    __slots__ = ("accented", "children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[tuple[int, ...], Any]] = []
        self.accented = False  # has a child keyed on an accented word


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    matched: str
    payloads: tuple[Any, ...]


class PhraseMatcher:
    """A token trie: add phrases with payloads, then find every phrase in a text in one pass.

    A phrase is keyed on folded tokens, or with ``accented=True`` on its NFC lower-case tokens
    (so "bão" does not match "bảo"). Capitalised tokens of a phrase must be capitals in the text.
    """

    _ACCENT = "\x00"

    def __init__(self) -> None:
        self._root = _Node()

    def add(self, phrase: str, payload: Any, accented: bool = False) -> None:
        toks = tokenize(phrase)
        if not toks:
            raise ValueError(f"phrase {phrase!r} has no words")
        node = self._root
        for tok in toks:
            node.accented = node.accented or accented
            edge = self._ACCENT + tok.lower if accented else tok.key
            node = node.children.setdefault(edge, _Node())
        node.ends.append((tuple(k for k, t in enumerate(toks) if t.upper), payload))

    def find(self, text: str) -> list[PhraseMatch]:
        """Leftmost-longest, non-overlapping matches, with spans in ``text``."""
        words = _scan(text)
        first = self._root.children
        out, i = [], 0
        while i < len(words):
            key, lower, _ = words[i][2]
            if key not in first and (self._ACCENT + lower) not in first:
                i += 1
                continue
            hit = self._longest(text, words, i)
            if hit is None:
                i += 1
                continue
            j, payloads = hit
            start, end = words[i][0], words[j][1]
            out.append(PhraseMatch(start, end, text[start:end], payloads))
            i = j + 1
        return out

    def _longest(self, text: str, words: list, i: int) -> tuple[int, tuple[Any, ...]] | None:
        best = None
        states = [self._root]
        for j in range(i, len(words)):
            start, _, (key, lower, _upper) = words[j]
            if j > i:
                gap = text[words[j - 1][1] : start]
                if gap != " " and not _gap_ok(gap, words[j - 1][2][0]):
                    break
            states = self._step(states, key, lower)
            if not states:
                break
            payloads = [p for node in states for caps, p in node.ends if self._caps_ok(caps, words, i)]
            if payloads:
                best = (j, tuple(payloads))
        return best

    def _step(self, states: list[_Node], key: str, lower: str) -> list[_Node]:
        nxt = []
        for node in states:
            child = node.children.get(key)
            if child is not None:
                nxt.append(child)
            if node.accented:
                child = node.children.get(self._ACCENT + lower)
                if child is not None:
                    nxt.append(child)
        return nxt

    @staticmethod
    def _caps_ok(caps: tuple[int, ...], words: list, i: int) -> bool:
        return all(words[i + k][2][2] for k in caps)
