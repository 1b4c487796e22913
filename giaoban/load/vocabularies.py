"""The closed vocabularies of the tabular import: each code with the Vietnamese words accepted for it.

The first variant is the label the import template offers; matching is accent- and
case-insensitive (``giaoban.load.spec.key_of``).
"""

from __future__ import annotations

# code -> Vietnamese variants (the first is the label the template offers).
REC_STATUS: dict[str, tuple[str, ...]] = {
    "raised": ("đã nêu", "nêu", "mới nêu", "chưa giải quyết", "tồn đọng", "kéo dài"),
    "referred": ("đã chuyển", "chuyển", "chuyển cơ quan có thẩm quyền", "thuộc thẩm quyền trung ương"),
    "answered": ("tiếp thu", "ghi nhận", "đã tiếp thu", "đã ghi nhận"),
    "explained": ("đã trả lời", "trả lời", "đã giải trình", "giải trình", "đã thông tin", "cung cấp thông tin"),
    "in_progress": (
        "đang giải quyết",
        "đang xem xét",
        "đang nghiên cứu",
        "đang triển khai",
        "có lộ trình",
        "có thời gian giải quyết",
        "chưa cân đối được nguồn lực",
    ),
    "resolved": ("đã giải quyết", "đã hoàn thành", "đã thực hiện", "hoàn thành", "giải quyết xong"),
    "declined": ("không giải quyết", "không có cơ sở", "không đủ điều kiện", "không phù hợp quy định", "từ chối"),
}
DIR_STATUS: dict[str, tuple[str, ...]] = {
    "issued": ("đã giao", "giao", "ban hành", "mới giao"),
    "in_progress": ("đang thực hiện", "đang triển khai", "đang giải quyết"),
    "completed": ("đã hoàn thành", "hoàn thành", "đã thực hiện", "xong"),
    "cancelled": ("đã hủy", "hủy", "hủy bỏ", "không thực hiện"),
}
LEVEL: dict[str, tuple[str, ...]] = {
    "national": ("toàn quốc", "trung ương", "quốc gia", "cấp trung ương"),
    "province": ("tỉnh", "cấp tỉnh", "thành phố trực thuộc trung ương"),
    "district": ("huyện", "cấp huyện", "quận", "thị xã"),
    "commune": ("xã", "cấp xã", "phường", "thị trấn", "đặc khu"),
}
ORG_LEVEL: dict[str, tuple[str, ...]] = {
    "country": ("toàn quốc", "trung ương", "quốc gia", "cấp trung ương"),
    **{k: v for k, v in LEVEL.items() if k != "national"},
}
MEETING_KIND: dict[str, tuple[str, ...]] = {
    "giao_ban": ("giao ban", "hội nghị giao ban", "buổi giao ban"),
    "lam_viec": ("làm việc", "buổi làm việc", "làm việc định kỳ"),
    "hoi_nghi": ("hội nghị",),
    "so_ket": ("sơ kết", "hội nghị sơ kết"),
    "tong_ket": ("tổng kết", "hội nghị tổng kết"),
}
DATE_BASIS: dict[str, tuple[str, ...]] = {
    "explicit": ("ghi rõ", "rõ ngày"),
    "inferred_year": ("suy ra năm", "suy năm"),
    "from_publication": ("theo ngày đăng",),
    "from_period": ("theo kỳ", "theo kỳ báo cáo"),
    "imported": ("nhập", "nhập từ bảng"),
}
PERIOD_KIND: dict[str, tuple[str, ...]] = {
    "month": ("tháng",),
    "quarter": ("quý",),
    "half": ("6 tháng", "sáu tháng", "nửa năm"),
    "ytd": ("lũy kế", "từ đầu năm", "lũy kế từ đầu năm"),
    "year": ("năm", "cả năm"),
    "term": ("nhiệm kỳ", "giai đoạn"),
}
ORIGIN: dict[str, tuple[str, ...]] = {
    "imported": ("nhập", "nhập từ bảng"),
    "extracted": ("trích xuất",),
    "sample": ("mẫu", "dữ liệu mẫu"),
}
PERSON_ROLE: dict[str, tuple[str, ...]] = {
    "chair": ("chủ trì", "chủ tọa"),
    "attendee": ("dự", "tham dự", "dự họp", "đại biểu", "tham gia"),
}
ORG_ROLE: dict[str, tuple[str, ...]] = {
    "host": ("chủ trì", "tổ chức"),
    "participant": ("tham gia", "dự", "tham dự", "dự họp"),
}
ORG_KIND: dict[str, tuple[str, ...]] = {
    "front": ("mặt trận", "mttq"),
    "socio_political": ("chính trị xã hội", "tổ chức chính trị xã hội", "đoàn thể", "đoàn thể chính trị xã hội"),
    "mass_association": ("hội quần chúng", "hội"),
    "party_body": ("cơ quan đảng", "đảng", "cấp ủy"),
    "government": ("chính quyền", "nhà nước", "cơ quan nhà nước"),
    "other": ("khác",),
}
