"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, TCVN 5712:1993) and VNI-Windows.

Contract:
- ``detect_legacy(data) -> "tcvn3" | "vni" | None``: which legacy encoding the bytes are in, or None
  for UTF-8, Windows-1258, plain ASCII, or anything that does not read as Vietnamese.
- ``decode_legacy(data) -> str | None``: the NFC text when ``detect_legacy`` names an encoding.
- ``decode_tcvn3`` / ``decode_vni``: decode unconditionally (NFC).
- ``encode_tcvn3`` / ``encode_vni``: the reverse, for tests and the gold corpus.
- ``repair_legacy_text(text) -> str | None``: the same for text that was *already* turned into a str
  through Windows-1252 (a .docx or web page typed in a .VnTime / VNI-Times font).

Both encodings cover all 134 Vietnamese letters. TCVN3 here is the full VN1 table (what glibc
calls TCVN5712-1): lower-case letters in 0xA8-0xFE, upper case in the gaps, 0x80-0x9F and a few
control codes. Real ABC documents (the VN3 subset) have no upper-case toned letters: they set
capitals in an upper-case font (.VnTimeH) over the lower-case codes, so decoded headings read
"HộI NGHị"; ``decode_tcvn3`` upper-cases such shouted words back ("HỘI NGHỊ"). VNI stores a base
letter followed by one mark byte ("chaøo" = "chào"), with a few single-byte letters (ñ = đ, ô = ơ).

Detection decodes the bytes every plausible way (TCVN3, VNI, Windows-1258) and keeps the reading
in which most non-ASCII words are well-formed Vietnamese syllables; mis-decoded text breaks the
syllable structure (stray symbols, two tone marks, impossible vowel clusters), so a wrong reading
scores low. Valid UTF-8 is never treated as legacy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from giaoban.text import nfc

__all__ = [
    "decode_legacy",
    "decode_tcvn3",
    "decode_vni",
    "detect_legacy",
    "encode_tcvn3",
    "encode_vni",
    "repair_legacy_text",
]

GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
TONES = (GRAVE, ACUTE, HOOK, TILDE, DOT)

# ---- TCVN3 (TCVN 5712:1993 VN1) -------------------------------------------------------------
# Bytes 0xA0-0xFF, then 0x80-0x9F, then the control-code slots VN1 reuses for capitals. Checked
# byte by byte against glibc iconv's TCVN5712-1 (tests/unit/test_legacy_encodings.py).
_TCVN3_A0_FF = (
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
    f"{GRAVE}{HOOK}{TILDE}{ACUTE}{DOT}àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
_TCVN3_80_9F = "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
_TCVN3_CONTROLS = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự"}
_TCVN3_CONTROLS |= {0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}

TCVN3_DECODE: dict[int, str] = {
    **_TCVN3_CONTROLS,
    **{0x80 + i: c for i, c in enumerate(_TCVN3_80_9F)},
    **{0xA0 + i: c for i, c in enumerate(_TCVN3_A0_FF)},
}
TCVN3_ENCODE: dict[str, int] = {c: b for b, c in TCVN3_DECODE.items()}

# ---- VNI-Windows ----------------------------------------------------------------------------
# Mark bytes (shown as their Windows-1252 characters) after a plain, circumflex or breve vowel.
_VNI_PLAIN = {GRAVE: "ø", ACUTE: "ù", HOOK: "û", TILDE: "õ", DOT: "ï"}
_VNI_CIRCUMFLEX = {"": "â", GRAVE: "à", ACUTE: "á", HOOK: "å", TILDE: "ã", DOT: "ä"}
_VNI_BREVE = {"": "ê", GRAVE: "è", ACUTE: "é", HOOK: "ú", TILDE: "ü", DOT: "ë"}
_VNI_SINGLE = {"i" + GRAVE: "ì", "i" + ACUTE: "í", "i" + HOOK: "æ", "i" + TILDE: "ó", "i" + DOT: "ò"}
_VNI_SINGLE |= {"y" + DOT: "î", "đ": "ñ"}


def _vni_lower(vowel: str, tone: str) -> str:
    """The VNI spelling of one lower-case vowel with one tone ("" for none)."""
    if (vowel + tone) in _VNI_SINGLE:
        return _VNI_SINGLE[vowel + tone]
    if vowel in "âêô":
        return unicodedata.normalize("NFD", vowel)[0] + _VNI_CIRCUMFLEX[tone]
    if vowel == "ă":
        return "a" + _VNI_BREVE[tone]
    base = {"ơ": "ô", "ư": "ö"}.get(vowel, vowel)
    return base + _VNI_PLAIN.get(tone, "")


def _vni_table() -> dict[str, str]:
    """All 134 letters → VNI spelling (as Windows-1252 characters); plain ASCII vowels left out."""
    table = {"đ": "ñ", "Đ": "Ñ"}
    for vowel in "aăâeêioôơuưy":
        for tone in ("", *TONES):
            letter = unicodedata.normalize("NFC", vowel + tone)
            if not letter.isascii():
                table[letter] = _vni_lower(vowel, tone)
                table[letter.upper()] = _vni_lower(vowel, tone).upper()
    return table


VNI_ENCODE: dict[str, str] = _vni_table()


def _vni_decode_table() -> dict[str, str]:
    """VNI spelling → letter, also accepting a mark byte in the other case ("Aø"), as sloppy fonts do."""
    table = {spelling: letter for letter, spelling in VNI_ENCODE.items()}
    for spelling, letter in list(table.items()):
        if len(spelling) == 2:
            table.setdefault(spelling[0] + spelling[1].swapcase(), letter)
    return table


VNI_DECODE: dict[str, str] = _vni_decode_table()
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_DECODE, key=len, reverse=True)))

# ---- decoding -------------------------------------------------------------------------------
_WORD = re.compile(r"\w+")


def _upcase_shouted(text: str) -> str:
    """Upper-case shouted words ("HộI NGHị" → "HỘI NGHỊ"): ABC capitals are lower-case codes in an upper-case font."""

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        shouted = len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters)
        return word.upper() if shouted and any(c.islower() for c in word) else word

    return _WORD.sub(fix, text)


def _latin1_or_cp1252(char: str) -> str:
    """A byte VNI does not use, read as Windows-1252 (curly quotes, dashes) where that is defined."""
    try:
        return char.encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return char


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 (VN1, hence VN3/ABC too) bytes to NFC text."""
    text = "".join(TCVN3_DECODE.get(b) or chr(b) for b in data)
    return nfc(_upcase_shouted(text))


def decode_vni(data: bytes) -> str:
    """Decode VNI-Windows bytes to NFC text."""
    text = _VNI_PATTERN.sub(lambda m: VNI_DECODE[m.group()], data.decode("latin-1"))
    return nfc(re.sub("[\x80-\x9f]", lambda m: _latin1_or_cp1252(m.group()), text))


def _decode_cp1258(data: bytes) -> str:
    return nfc(data.decode("cp1258", errors="replace"))


_READINGS: dict[str, Callable[[bytes], str]] = {"tcvn3": decode_tcvn3, "vni": decode_vni, "cp1258": _decode_cp1258}

# ---- scoring: how Vietnamese does a reading look? --------------------------------------------
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(f"(?:{_INITIALS})?(?:{_NUCLEI})(?:ch|nh|ng|c|m|n|p|t)?")
_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~0-9]+")
_EDGE_PUNCT = "“”‘’–—…"
_STRIP_TONES = dict.fromkeys(map(ord, TONES))
MIN_WORDS = 3  # fewer non-ASCII words than this is too little evidence to call an encoding
MIN_SCORE = 0.7  # share of non-ASCII words that must be well-formed syllables
MARGIN = 0.15  # lead the winning reading needs over every other reading
SAMPLE_BYTES = 32_768  # detection reads this much; a report's first pages say which encoding it is in


@lru_cache(maxsize=65_536)
def is_syllable(word: str) -> bool:
    """True for one well-formed Vietnamese syllable (any case, at most one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", decomposed.translate(_STRIP_TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str) -> tuple[float, int]:
    """(share of non-ASCII words that are syllables, number of such words)."""
    words = [w.strip(_EDGE_PUNCT) for w in _TOKEN.findall(text)]
    words = [w for w in words if not w.isascii()]
    if not words:
        return 0.0, 0
    return sum(map(is_syllable, words)) / len(words), len(words)


def detect_legacy(data: bytes) -> str | None:
    """Name the legacy encoding of ``data`` ("tcvn3" or "vni"), or None for UTF-8, Windows-1258, ASCII or unsure."""
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    sample = data[:SAMPLE_BYTES]
    scores = {name: vietnamese_score(read(sample)) for name, read in _READINGS.items()}
    best = max(scores, key=lambda name: scores[name][0])
    score, words = scores[best]
    runner_up = max(s for name, (s, _) in scores.items() if name != best)
    if best == "cp1258" or words < MIN_WORDS or score < MIN_SCORE or score - runner_up < MARGIN:
        return None
    return best


def decode_legacy(data: bytes) -> str | None:
    """NFC text if the bytes are TCVN3 or VNI, else None (let the caller try UTF-8 / cp1258)."""
    kind = detect_legacy(data)
    return _READINGS[kind](data) if kind else None


def _as_cp1252_bytes(text: str) -> bytes | None:
    """Undo a Windows-1252 reading of legacy bytes; None if a character could not have come from one."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))
    return bytes(out)


def repair_legacy_text(text: str) -> str | None:
    """Text typed in a TCVN3/VNI font but stored as Windows-1252 characters → real text, else None.

    Word documents and old web pages keep the font's bytes as the characters Windows-1252 gives
    them ("Hoäi nghò"), so the string is valid Unicode yet unreadable. Text holding any character
    Windows-1252 cannot produce (e.g. "ộ") is already real Vietnamese and gets None.
    """
    data = _as_cp1252_bytes(text)
    kind = detect_legacy(data) if data is not None else None
    return _READINGS[kind](data) if kind else None


# ---- encoding -------------------------------------------------------------------------------
def _encode(text: str, codec: str, one: Callable[[str], bytes | None], errors: str) -> bytes:
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for i, char in enumerate(text):
        encoded = char.encode("ascii") if char.isascii() else one(char)
        if encoded is None:
            if errors != "replace":
                raise UnicodeEncodeError(codec, text, i, i + 1, "character not in the table")
            encoded = b"?"
        out += encoded
    return bytes(out)


def _tcvn3_char(char: str) -> bytes | None:
    code = TCVN3_ENCODE.get(char)
    return None if code is None else bytes([code])


def _vni_char(char: str) -> bytes | None:
    if char in VNI_ENCODE:
        return VNI_ENCODE[char].encode("latin-1")
    try:
        encoded = char.encode("cp1252")  # punctuation VNI leaves alone: “ ” – … «
    except UnicodeEncodeError:
        return None
    return encoded if encoded[0] < 0xC0 else None


def encode_tcvn3(text: str, errors: str = "strict") -> bytes:
    """NFC text → TCVN3 (VN1) bytes; errors="replace" writes "?" for characters outside the table."""
    return _encode(text, "tcvn3", _tcvn3_char, errors)


def encode_vni(text: str, errors: str = "strict") -> bytes:
    """NFC text → VNI-Windows bytes; errors="replace" writes "?" for characters outside the table."""
    return _encode(text, "vni", _vni_char, errors)
