"""Words the sample texts are built from: addressees, organisation wording, slot fillers.

Addressee texts depend on the level and the date, because the bodies changed: from 1/3/2025 Sở
Lao động - Thương binh và Xã hội went into Sở Nội vụ, Tài nguyên và Môi trường into Nông nghiệp và
Môi trường, Ban Tuyên giáo and Ban Dân vận into Ban Tuyên giáo và Dân vận (DOMAIN.md §5). A text
format may use ``{unit}`` (the unit type of the meeting's locality: "tỉnh", "huyện", "xã", …) and
``{party}`` (its Party committee: "Tỉnh ủy", "Huyện ủy", "Đảng ủy xã").
"""

from __future__ import annotations

from datetime import date

MERGER_DAY = date(2025, 3, 1)  # departments and Party boards merged (NĐ 45/2025, DOMAIN.md §5)

# role -> (province before 1/3/2025, province from 1/3/2025, district, commune)
ADDRESSEES: dict[str, tuple[str, str, str, str]] = {
    "ubnd": ("UBND {unit}", "UBND {unit}", "UBND {unit}", "UBND {unit}"),
    "thuong_truc": ("Thường trực {party}", "Thường trực {party}", "Thường trực {party}", "Thường trực {party}"),
    "to_chuc": ("Ban Tổ chức {party}", "Ban Tổ chức {party}", "Ban Tổ chức {party}", "Ban Thường vụ {party}"),
    "ubkt": (
        "Ủy ban Kiểm tra {party}",
        "Ủy ban Kiểm tra {party}",
        "Ủy ban Kiểm tra {party}",
        "Ủy ban Kiểm tra {party}",
    ),
    "tuyen_giao": (
        "Ban Tuyên giáo {party}",
        "Ban Tuyên giáo và Dân vận {party}",
        "Ban Tuyên giáo {party}",
        "Ban Thường vụ {party}",
    ),
    "tai_chinh": ("Sở Tài chính", "Sở Tài chính", "Phòng Tài chính - Kế hoạch {unit}", "UBND {unit}"),
    "noi_vu": ("Sở Nội vụ", "Sở Nội vụ", "Phòng Nội vụ {unit}", "UBND {unit}"),
    "ldtbxh": (
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Nội vụ",
        "Phòng Lao động - Thương binh và Xã hội {unit}",
        "UBND {unit}",
    ),
    "bhxh": ("BHXH {unit}", "BHXH {unit}", "BHXH {unit}", "cơ quan BHXH"),
    "nong_nghiep": (
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Nông nghiệp và Môi trường",
        "Phòng Nông nghiệp và Phát triển nông thôn {unit}",
        "UBND {unit}",
    ),
    "tai_nguyen": (
        "Sở Tài nguyên và Môi trường",
        "Sở Nông nghiệp và Môi trường",
        "Phòng Tài nguyên và Môi trường {unit}",
        "UBND {unit}",
    ),
    "cong_an": ("Công an {unit}", "Công an {unit}", "Công an {unit}", "Công an {unit}"),
    "y_te": ("Sở Y tế", "Sở Y tế", "Trung tâm Y tế {unit}", "Trạm Y tế {unit}"),
    "giao_duc": ("Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo {unit}", "UBND {unit}"),
    "nhcsxh": (
        "Chi nhánh Ngân hàng Chính sách xã hội {unit}",
        "Chi nhánh Ngân hàng Chính sách xã hội {unit}",
        "Phòng giao dịch Ngân hàng Chính sách xã hội {unit}",
        "Ngân hàng Chính sách xã hội",
    ),
    "vhttdl": (
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Phòng Văn hóa và Thông tin {unit}",
        "UBND {unit}",
    ),
    "tttt": (
        "Sở Thông tin và Truyền thông",
        "Sở Khoa học và Công nghệ",
        "Phòng Văn hóa và Thông tin {unit}",
        "UBND {unit}",
    ),
    "cong_thuong": ("Sở Công Thương", "Sở Công Thương", "Phòng Kinh tế {unit}", "UBND {unit}"),
    "dan_toc": ("Ban Dân tộc {unit}", "Sở Dân tộc và Tôn giáo", "Phòng Dân tộc {unit}", "UBND {unit}"),
    "xay_dung": ("Sở Xây dựng", "Sở Xây dựng", "Phòng Kinh tế và Hạ tầng {unit}", "UBND {unit}"),
    "giao_thong": ("Sở Giao thông vận tải", "Sở Xây dựng", "Phòng Kinh tế và Hạ tầng {unit}", "UBND {unit}"),
    "thanh_tra": ("Thanh tra {unit}", "Thanh tra {unit}", "Thanh tra {unit}", "UBND {unit}"),
    "tu_phap": ("Sở Tư pháp", "Sở Tư pháp", "Phòng Tư pháp {unit}", "UBND {unit}"),
    "ngoai_vu": ("Sở Ngoại vụ", "Sở Ngoại vụ", "UBND {unit}", "UBND {unit}"),
}

# Directive addressee role -> (text by level as above, organisation role for the addressee id).
# The organisation role is looked up in giaoban.synth.refdata (None: no single organisation).
DIRECTIVE_ADDRESSEES: dict[str, tuple[tuple[str, str, str, str], str | None]] = {
    "mttq_ctxh": (("Ủy ban MTTQ và các tổ chức chính trị - xã hội {unit}",) * 4, "mttq"),
    "mttq": (("Ủy ban MTTQ {unit}",) * 4, "mttq"),
    "ldld": (("Liên đoàn Lao động {unit}",) * 3 + ("Công đoàn cơ sở",), "ldld"),
    "doan": (("Tỉnh đoàn", "Tỉnh đoàn", "{youth_union}", "Đoàn Thanh niên {unit}"), "doan"),
    "hlhpn": (("Hội Liên hiệp Phụ nữ {unit}",) * 3 + ("Hội Phụ nữ {unit}",), "hlhpn"),
    "hnd": (("Hội Nông dân {unit}",) * 4, "hnd"),
    "ccb": (("Hội Cựu chiến binh {unit}",) * 4, "ccb"),
    "dan_van": (
        ("Ban Dân vận {party}", "Ban Tuyên giáo và Dân vận {party}", "Ban Dân vận {party}", "Khối dân vận {unit}"),
        "dan_van",
    ),
    "ubnd": (ADDRESSEES["ubnd"], "ubnd"),
    "noi_vu": (ADDRESSEES["noi_vu"], "noi_vu"),
    "tai_chinh": (ADDRESSEES["tai_chinh"], "tai_chinh"),
    "bhxh": (ADDRESSEES["bhxh"], "bhxh"),
    "cong_an": (ADDRESSEES["cong_an"], "cong_an"),
    "to_chuc": (ADDRESSEES["to_chuc"], None),
    "tai_nguyen": (ADDRESSEES["tai_nguyen"], None),
}

LEVEL_COLUMN = {"province": 0, "district": 2, "commune": 3}


def column(level: str, on: date) -> int:
    """Which column of ADDRESSEES applies at this level on this day."""
    if level == "province":
        return 1 if on >= MERGER_DAY else 0
    return LEVEL_COLUMN[level]


# Family -> (short name in a sentence, its members, a post that may be vacant).
FAMILY_WORDS: dict[str, tuple[str, str, str]] = {
    "mttq": ("Mặt trận", "đoàn viên, hội viên và nhân dân", "Phó Chủ tịch Ủy ban MTTQ {unit}"),
    "ldld": ("Công đoàn", "đoàn viên công đoàn, người lao động", "Phó Chủ tịch Liên đoàn Lao động {unit}"),
    "doan": ("Đoàn Thanh niên", "đoàn viên, thanh niên", "Chủ tịch Hội Liên hiệp Thanh niên Việt Nam {unit}"),
    "hlhpn": ("Hội Liên hiệp Phụ nữ", "hội viên phụ nữ", "Phó Chủ tịch Hội Liên hiệp Phụ nữ {unit}"),
    "hnd": ("Hội Nông dân", "hội viên nông dân", "Phó Chủ tịch Hội Nông dân {unit}"),
    "ccb": ("Hội Cựu chiến binh", "hội viên cựu chiến binh", "Phó Chủ tịch Hội Cựu chiến binh {unit}"),
    "assoc": ("hội", "hội viên", "Phó Chủ tịch hội"),
}

# The unit word's Party committee: district "thành phố" → "Thành ủy" (DOMAIN.md §2).
PARTY_OF_UNIT = {
    "tỉnh": "Tỉnh ủy",
    "thành phố": "Thành ủy",
    "huyện": "Huyện ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
}
YOUTH_UNION_OF_UNIT = {"huyện": "Huyện đoàn", "quận": "Quận đoàn", "thị xã": "Thị đoàn", "thành phố": "Thành đoàn"}

COMPANIES = (
    "Công ty TNHH May xuất khẩu Minh Phát",
    "Công ty TNHH Điện tử Hòa Bình",
    "Công ty CP Giày da Tân Hưng",
    "Công ty TNHH Cơ khí Việt Thắng",
    "Công ty CP Chế biến nông sản An Khang",
    "Công ty TNHH Bao bì Phú Cường",
    "Công ty CP Gạch ngói Đại Thành",
    "Công ty TNHH Linh kiện Sao Việt",
    "Công ty CP Thực phẩm Hưng Thịnh",
    "Công ty TNHH Dệt may Thành Công",
    "Công ty CP Xây dựng Đông Bắc",
    "Công ty TNHH Nhựa Trường An",
)
PROJECTS = (
    "mở rộng quốc lộ",
    "khu đô thị mới phía Nam",
    "cụm công nghiệp",
    "đường vành đai",
    "khu dân cư số 2",
    "hồ chứa nước",
    "đường tỉnh lộ",
    "khu tái định cư",
    "trạm biến áp 110kV",
    "khu công nghiệp phía Bắc",
)
PRODUCTS = ("vải thiều", "lúa", "rau màu", "cam, bưởi", "gà đồi", "chè", "na", "khoai tây", "dưa hấu", "keo")
HOT_ISSUES = (
    "giá vật tư nông nghiệp tăng cao",
    "giải phóng mặt bằng các dự án",
    "sắp xếp đơn vị hành chính",
    "ô nhiễm môi trường",
    "tăng học phí, viện phí",
    "tín dụng đen",
    "thiếu việc làm sau Tết",
)
POLICIES = (
    "chính sách bảo hiểm y tế học sinh",
    "chính sách hỗ trợ hộ nghèo",
    "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "chính sách đối với người có công",
    "quy định về thu, chi các khoản đóng góp ở trường học",
    "chính sách đất đai",
)
VILLAGES = (
    "thôn Đông",
    "thôn Trung",
    "thôn Đoài",
    "thôn Hạ",
    "thôn Thượng",
    "thôn Tân Sơn",
    "thôn Hòa Bình",
    "thôn Đồng Quan",
    "thôn Bình An",
    "tổ dân phố số 3",
    "tổ dân phố Tiền Phong",
    "tổ dân phố Hòa Sơn",
)
