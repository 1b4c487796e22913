"""TCVN3 / VNI tables, detection and the no-misfire guarantees for UTF-8, Windows-1258 and ASCII."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from giaoban import legacy_encodings as le

GOLD = Path(__file__).resolve().parents[1] / "gold"

LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
ALL_LETTERS = LOWER + LOWER.upper()

PARAGRAPH = (
    "Chiều 20/12, Thường trực Tỉnh ủy tổ chức hội nghị giao ban với Ủy ban Mặt trận Tổ quốc Việt Nam "
    "tỉnh và các đoàn thể chính trị - xã hội. Liên đoàn Lao động tỉnh kiến nghị giải quyết dứt điểm "
    "tình trạng doanh nghiệp nợ đọng bảo hiểm xã hội, nợ lương người lao động; Tỉnh đoàn đề xuất "
    "kiện toàn chức danh Chủ tịch Hội Liên hiệp thanh niên. Đồng chí Phó Bí thư Thường trực yêu cầu "
    "Mặt trận và các đoàn thể đẩy mạnh tuyên truyền, vận động hội viên tham gia xây dựng nông thôn mới."
)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 has precomposed vowel letters but separate tone marks; Python's codec wants that split."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in parts if c in le.TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in le.TONES))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def test_tables_cover_all_134_letters_both_ways():
    assert len(set(ALL_LETTERS)) == 134
    assert set(ALL_LETTERS) <= set(le.TCVN3_ENCODE)
    assert set(le.VNI_ENCODE) == set(ALL_LETTERS)
    assert len(set(le.VNI_ENCODE.values())) == 134  # no two letters share a spelling
    assert len(set(le.TCVN3_DECODE.values())) == len(le.TCVN3_DECODE)


@pytest.mark.parametrize(("encode", "decode"), [(le.encode_tcvn3, le.decode_tcvn3), (le.encode_vni, le.decode_vni)])
def test_round_trip_every_letter_and_a_paragraph(encode, decode):
    every_letter = " ".join(ALL_LETTERS[i : i + 7] for i in range(0, len(ALL_LETTERS), 7))
    for text in (every_letter, PARAGRAPH, PARAGRAPH.upper()):
        data = encode(text)
        assert not data.decode("latin-1").isascii() or text.isascii()
        assert decode(data) == text


def test_domain_examples():
    assert le.decode_tcvn3("hép møt tÕt".encode("latin-1")) == "hộp mứt tết"
    assert le.decode_vni("chaøo".encode("latin-1")) == "chào"
    assert le.encode_vni("chào") == "chaøo".encode("latin-1")
    assert le.encode_tcvn3("hộp mứt tết") == "hép møt tÕt".encode("latin-1")
    assert le.detect_legacy("hép møt tÕt".encode("latin-1")) == "tcvn3"


def test_known_vni_spellings():
    cases = {"Hội nghị": "Hoäi nghò", "đường": "ñöôøng", "Đoàn": "Ñoaøn", "ỵ": "î", "Ặ": "AË", "ĩ": "ó"}
    for text, vni in cases.items():
        assert le.encode_vni(text) == vni.encode("latin-1"), text


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv")
def test_tcvn3_table_matches_glibc_tcvn5712_1():
    probe = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=b"a", capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    text = ALL_LETTERS + " " + PARAGRAPH
    theirs = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode(), capture_output=True)
    assert theirs.stdout == le.encode_tcvn3(text)


def test_abc_capitals_in_upper_case_font_are_restored():
    # VN3/ABC files put headings in .VnTimeH: lower-case codes, upper-case glyphs.
    assert le.decode_tcvn3("HéI NGHÞ GIAO BAN QUý I".encode("latin-1")) == "HỘI NGHỊ GIAO BAN QUÝ I"
    assert le.decode_tcvn3("Hµ Néi, UBND".encode("latin-1")) == "Hà Nội, UBND"


@pytest.mark.parametrize(("kind", "encode"), [("tcvn3", le.encode_tcvn3), ("vni", le.encode_vni)])
def test_detects_and_decodes_legacy_paragraphs(kind, encode):
    data = encode(PARAGRAPH)
    assert le.detect_legacy(data) == kind
    assert le.decode_legacy(data) == PARAGRAPH
    assert unicodedata.is_normalized("NFC", le.decode_legacy(data))


def test_no_false_positive_on_utf8_cp1258_ascii_or_latin1():
    assert le.detect_legacy(PARAGRAPH.encode("utf-8")) is None
    assert le.detect_legacy(PARAGRAPH.encode("utf-8-sig")) is None
    assert le.detect_legacy(to_cp1258(PARAGRAPH)) is None
    assert le.decode_legacy(to_cp1258(PARAGRAPH)) is None
    assert le.detect_legacy(b"Hoi nghi giao ban quy I/2024, UBND tinh") is None
    assert le.detect_legacy("Café crème, déjà vu à Noël; Müller, Größe".encode("cp1252")) is None
    assert le.detect_legacy(b"") is None


def test_cp1258_decodes_back_to_the_text_the_test_encoded():
    # Guards the helper above: a broken helper would make the no-misfire test vacuous.
    assert unicodedata.normalize("NFC", to_cp1258(PARAGRAPH).decode("cp1258")) == PARAGRAPH


def test_too_little_evidence_is_not_a_verdict():
    assert le.detect_legacy("chaøo".encode("latin-1")) is None


def test_repair_text_read_through_windows_1252():
    mojibake = le.encode_vni(PARAGRAPH).decode("cp1252")
    assert le.repair_legacy_text(mojibake) == PARAGRAPH
    assert le.repair_legacy_text(PARAGRAPH) is None  # already real Vietnamese
    assert le.repair_legacy_text("plain ASCII text") is None


def test_encode_errors():
    with pytest.raises(UnicodeEncodeError):
        le.encode_tcvn3("Hội nghị “giao ban”")
    assert le.encode_tcvn3("“Hà”", errors="replace") == b"?H\xb5?"
    assert le.decode_vni(le.encode_vni("“Hà Nội” – 2024…")) == "“Hà Nội” – 2024…"


def test_nfd_input_encodes_like_nfc():
    nfd = unicodedata.normalize("NFD", PARAGRAPH)
    assert le.encode_vni(nfd) == le.encode_vni(PARAGRAPH)
    assert le.encode_tcvn3(nfd) == le.encode_tcvn3(PARAGRAPH)


def test_syllable_checker():
    assert all(map(le.is_syllable, ["nghiêng", "Quyết", "người", "ĐƯỜNG", "khuya", "gì", "oải"]))
    assert not any(map(le.is_syllable, ["chaứo", "b¸o", "hộị", "xyz", "tØnh"]))


@pytest.mark.parametrize(("suffix", "kind"), [("_tcvn3.txt", "tcvn3"), ("_vni.txt", "vni")])
def test_gold_corpus_legacy_files_are_detected(suffix, kind):
    files = sorted(GOLD.glob(f"*{suffix}"))
    assert files, f"no *{suffix} in tests/gold"
    for path in files:
        data = path.read_bytes()
        assert le.detect_legacy(data) == kind, path.name
        assert "Tỉnh ủy" in le.decode_legacy(data) or "Đảng ủy" in le.decode_legacy(data)


def _corpus_texts() -> list[tuple[str, str]]:
    """The gold corpus's plain-text reports, decoded (UTF-8, NFD or legacy) to NFC."""
    texts = []
    for path in sorted(GOLD.glob("*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = le.decode_legacy(data)
        texts.append((path.name, unicodedata.normalize("NFC", text)))
    return texts


def test_every_corpus_report_is_told_apart_in_four_encodings():
    texts = _corpus_texts()
    assert len(texts) >= 20
    for name, text in texts:
        plain = text.replace("“", '"').replace("”", '"').replace("–", "-")
        assert le.detect_legacy(text.encode("utf-8")) is None, name
        assert le.detect_legacy(to_cp1258(plain)) is None, name
        assert le.detect_legacy(le.encode_tcvn3(plain, errors="replace")) == "tcvn3", name
        assert le.detect_legacy(le.encode_vni(plain, errors="replace")) == "vni", name
