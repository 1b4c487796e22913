"""Vietnamese text normalisation.

Text is stored in NFC with the original tone placement, so what users read is what the source
said. Matching uses ``fold`` instead: diacritics removed *and* đ/Đ mapped to d/D (Unicode gives
đ no decomposition, so NFD-and-strip, like DuckDB's ``strip_accents``, leaves it alone), which also
makes "Tỉnh uỷ" and "Tỉnh ủy" equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "Ð" (U+00D0, Icelandic eth) is a common stand-in for "Đ" (U+0110) in Vietnamese CMS output.
_CHAR_FIXES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u00a0": " ", "\ufeff": ""})
_DD = str.maketrans({"đ": "d", "Đ": "D"})
_SPACE = re.compile(r"\s+")
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def nfc(text: str) -> str:
    """NFC plus the character fixes every input needs (eth for Đ, NBSP, stray BOM)."""
    return unicodedata.normalize("NFC", text).translate(_CHAR_FIXES)


def fold(text: str) -> str:
    """Accent-insensitive form: no combining marks, đ→d; case is kept."""
    decomposed = unicodedata.normalize("NFD", nfc(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_DD)


def match_key(text: str) -> str:
    """Key for alias and keyword matching: folded, lower case, one space, hyphens as spaces.

    "Chính trị- xã hội", "chinh tri - xa hoi" and "CHÍNH TRỊ XÃ HỘI" share one key.
    """
    folded = fold(text).lower()
    folded = _DASHES.sub(" ", folded)
    return _SPACE.sub(" ", folded).strip()


def clean_spaces(text: str) -> str:
    """Collapse runs of whitespace inside a line, as cell values and titles need."""
    return _SPACE.sub(" ", text).strip()


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we read; the message says what to do."""


def decode_bytes(data: bytes, source: str = "input") -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, TCVN3/VNI, else Windows-1258.

    Returns NFC text. Binary data (NUL bytes outside UTF-16) is refused with a message naming
    ``source``, because guessing would store garbage that looks like Vietnamese.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(data.decode("utf-16"))
    if b"\x00" in data[:4096]:
        raise DecodeError(f"{source}: looks like a binary file (NUL bytes), not text; save it as UTF-8 text or CSV")
    try:
        return nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        from giaoban.legacy_encodings import decode_legacy

        legacy = decode_legacy(data)  # TCVN3 (ABC) or VNI, recognised by valid-syllable statistics
        if legacy is not None:
            return legacy
        try:
            return nfc(data.decode("cp1258"))
        except UnicodeDecodeError:
            raise DecodeError(
                f"{source}: byte {err.start} is not valid UTF-8 or Windows-1258; save the file as UTF-8"
            ) from err


class _AlignedFold(dict):
    """str.translate table that folds and lower-cases one character at a time, filled on demand."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = (fold(char).lower() or char)[:1] if code > 127 else char.lower()
        self[code] = folded
        return folded


_ALIGNED = _AlignedFold()


@lru_cache(maxsize=256)
def fold_aligned(text: str) -> str:
    """``fold(text).lower()`` with exactly one output character per input character.

    Pattern matches on the result map back to spans in ``text`` unchanged, which is how the
    extractor keeps provenance offsets into the stored (NFC) document text. Cached: the extractor
    asks for the same report's folding many times.
    """
    return text.translate(_ALIGNED)
