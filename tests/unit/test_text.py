"""Vietnamese normalisation: NFC in, folding with đ→d for matching, decoding of legacy bytes."""

from __future__ import annotations

import unicodedata

import pytest

from giaoban.text import DecodeError, decode_bytes, fold, match_key, nfc


def test_fold_maps_d_with_stroke_and_strips_tones():
    assert fold("Đoàn Thanh niên đảng viên") == "Doan Thanh nien dang vien"
    assert fold("bảo hiểm xã hội") == "bao hiem xa hoi"


def test_tone_placement_variants_match():
    assert match_key("Tỉnh uỷ") == match_key("Tỉnh ủy") == "tinh uy"
    assert match_key("Hoà") == match_key("Hòa")


def test_match_key_ignores_case_spaces_and_hyphen_variants():
    assert match_key("chính trị- xã hội") == match_key("CHÍNH TRỊ  -  XÃ HỘI") == "chinh tri xa hoi"


def test_nfc_fixes_nfd_and_eth():
    nfd = unicodedata.normalize("NFD", "Hội Liên hiệp Phụ nữ")
    assert nfd != "Hội Liên hiệp Phụ nữ" and nfc(nfd) == "Hội Liên hiệp Phụ nữ"
    assert nfc("HÐND tỉnh") == "HĐND tỉnh"  # U+00D0 stands in for U+0110 in some CMSs


def test_decode_bytes_handles_bom_utf16_and_cp1258():
    assert decode_bytes("\ufeffKiến nghị".encode()) == "Kiến nghị"
    assert decode_bytes("Kiến nghị".encode("utf-16")) == "Kiến nghị"
    # Windows-1258 writes "ộ" as "ô" + a combining dot below; decoding must compose it (NFC).
    assert decode_bytes("H\u00f4\u0323i N\u00f4ng d\u00e2n".encode("cp1258")) == "Hội Nông dân"


def test_decode_bytes_refuses_binary_with_the_source_named():
    with pytest.raises(DecodeError, match=r"report\.csv: looks like a binary file"):
        decode_bytes(b"PK\x03\x04\x00\x00binary", "report.csv")
