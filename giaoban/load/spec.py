"""What the tabular import accepts: tables, columns, their Vietnamese names, types and vocabularies.

One ``TableSpec`` per importable table, columns in schema order (queries/schema/*.sql; a test checks
they agree). Headers and table names are matched on ``giaoban.text.match_key`` (accents, case,
spaces, hyphens and underscores ignored), so "Ngày họp", "ngay hop", "NGÀY HỌP" and "held_on" all
name one column, and "Ngày họp* (held_on)" — the template's bilingual form — does too.

Column types: ``str`` (one line, spaces collapsed), ``text`` (NFC, outer spaces trimmed), ``raw``
(a document's text: NFC, nothing else touched, so character offsets stay valid), ``date``,
``timestamp``, ``int``, ``float``, ``vocab`` (a closed list, Vietnamese variants accepted),
``org`` (an organisation id, name or alias), ``locality`` (a locality id or name) and ``ref``
(an id of a row in another table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from giaoban.load.vocabularies import (
    DATE_BASIS,
    DIR_STATUS,
    LEVEL,
    MEETING_KIND,
    ORG_KIND,
    ORG_LEVEL,
    ORG_ROLE,
    ORIGIN,
    PERIOD_KIND,
    PERSON_ROLE,
    REC_STATUS,
)
from giaoban.text import match_key

TYPES = ("str", "text", "raw", "date", "timestamp", "int", "float", "vocab", "org", "locality", "ref")


@dataclass(frozen=True)
class ColumnSpec:
    """One importable column; ``vi`` are its Vietnamese headers, the first being the template's."""

    name: str
    type: str
    vi: tuple[str, ...]
    required: bool = False
    vocab: dict[str, tuple[str, ...]] | None = None
    default: str | None = None
    ref: str | None = None  # for type "ref": the table whose id this names
    en: str = ""  # a few English words for the template's comments

    def accepted(self) -> str:
        """The headers a user may write, for messages: "Ngày họp, Ngày"."""
        return ", ".join(self.vi)


@dataclass(frozen=True)
class TableSpec:
    name: str
    vi: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]  # primary key columns, in schema order
    id_column: str | None = None  # a key an importer may leave empty: derived from content
    id_from: tuple[str, ...] = ()  # the content the derived id hashes
    computed: tuple[str, ...] = ()  # schema columns the import fills itself
    en: str = ""
    noun: str = "row"  # what one row is, for messages
    by_name: dict[str, ColumnSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_name.update({c.name: c for c in self.columns})

    def column(self, name: str) -> ColumnSpec:
        return self.by_name[name]

    @property
    def label(self) -> str:
        return self.vi[0]


def _c(name: str, type_: str, *vi: str, **kw: object) -> ColumnSpec:
    return ColumnSpec(name, type_, tuple(vi), **kw)


_MEETING_REF = _c("meeting_id", "ref", "Mã cuộc họp", "Cuộc họp", required=True, ref="meetings", en="Meeting id")
_DOC_REF = _c("doc_id", "ref", "Mã văn bản", "Văn bản nguồn", ref="documents", en="Source document id")
_CONFIDENCE = _c("confidence", "float", "Độ tin cậy", en="Extraction confidence 0–1")
_SPAN = (
    _c("span_start", "int", "Vị trí bắt đầu", en="Start offset in the document text"),
    _c("span_end", "int", "Vị trí kết thúc", en="End offset in the document text"),
)


def _events(name: str, vi: tuple[str, ...], id_col: str, id_vi: str, parent: str, vocab: dict, noun: str) -> TableSpec:
    return TableSpec(
        name,
        vi,
        (
            _c(id_col, "ref", id_vi, required=True, ref=parent, en=f"Id of the {parent[:-1]}"),
            _c("happened_on", "date", "Ngày", "Ngày phát sinh", required=True, en="Date of the status change"),
            _c("status", "vocab", "Trạng thái", "Tình trạng", "Kết quả", required=True, vocab=vocab, en="Status"),
            _c("note", "text", "Ghi chú", "Nội dung trả lời", "Trả lời", en="Note, e.g. the answer given"),
            _c("source", "str", "Nguồn", "Nguồn thông tin", en="Where the status came from"),
        ),
        key=(id_col, "happened_on", "status"),
        en=f"Status history of {parent}",
        noun=noun,
    )


DOCUMENTS = TableSpec(
    "documents",
    ("Văn bản", "Tài liệu", "Bài viết"),
    (
        _c("doc_id", "str", "Mã văn bản", en="Document id (empty: hash of the text)"),
        _c("source", "str", "Nguồn nạp", default="import", en="How it entered: seed, upload, import"),
        _c("url", "str", "Địa chỉ gốc", "Đường dẫn", en="Original URL"),
        _c("outlet", "str", "Cơ quan đăng tải", "Báo", en="Publishing outlet"),
        _c("published_at", "timestamp", "Thời điểm đăng", "Ngày đăng", en="Publication time"),
        _c("title", "str", "Tiêu đề", en="Title"),
        _c("text", "raw", "Toàn văn", "Nội dung", required=True, en="Full text, kept exactly (NFC)"),
        _c("sha256", "str", "Mã băm", en="SHA-256 of the text (computed)"),
    ),
    key=("doc_id",),
    id_column="doc_id",
    id_from=("text",),
    computed=("sha256",),
    en="Source documents",
    noun="document",
)

MEETINGS = TableSpec(
    "meetings",
    ("Cuộc họp", "Hội nghị", "Giao ban", "Họp"),
    (
        _c("meeting_id", "str", "Mã cuộc họp", en="Meeting id (empty: derived from the row)"),
        _DOC_REF,
        _c("held_on", "date", "Ngày họp", "Ngày", required=True, en="Date held"),
        _c(
            "date_basis",
            "vocab",
            "Cách xác định ngày",
            vocab=DATE_BASIS,
            default="imported",
            en="How the date was found",
        ),
        _c("level", "vocab", "Cấp", vocab=LEVEL, en="Level: province, district, commune"),
        _c("locality_id", "locality", "Địa bàn", "Địa phương", "Mã địa bàn", en="Locality id or name"),
        _c("host_body", "str", "Cơ quan chủ trì", "Chủ trì", en="Host body"),
        _c("kind", "vocab", "Loại cuộc họp", "Loại", "Hình thức", vocab=MEETING_KIND, default="giao_ban", en="Kind"),
        _c("title", "str", "Tiêu đề", "Tên cuộc họp", en="Title"),
        _c("period_label", "str", "Kỳ báo cáo", en="Period reviewed, as written"),
        _c("period_kind", "vocab", "Loại kỳ", vocab=PERIOD_KIND, en="Period kind"),
        _c("period_start", "date", "Kỳ báo cáo từ ngày", "Từ ngày", en="Period start"),
        _c("period_end", "date", "Kỳ báo cáo đến ngày", "Đến ngày", en="Period end"),
        _c("origin", "vocab", "Nguồn dữ liệu", vocab=ORIGIN, default="imported", en="Data origin"),
        _CONFIDENCE,
    ),
    key=("meeting_id",),
    id_column="meeting_id",
    id_from=("held_on", "level", "locality_id", "host_body", "kind", "title", "doc_id"),
    en="Meetings",
    noun="meeting",
)

MEETING_PEOPLE = TableSpec(
    "meeting_people",
    ("Người dự họp", "Thành phần dự họp", "Đại biểu", "Người tham dự"),
    (
        _MEETING_REF,
        _c("name", "str", "Họ tên", "Họ và tên", required=True, en="Full name"),
        _c("title", "str", "Chức danh", "Chức vụ", en="Title(s) at the meeting date"),
        _c("role", "vocab", "Vai trò", required=True, vocab=PERSON_ROLE, en="chair or attendee"),
        _c("org_id", "org", "Tổ chức", "Đơn vị", "Mã tổ chức", en="Organisation id, name or alias"),
    ),
    key=("meeting_id", "name", "role"),
    en="Chairs and attendees",
    noun="person",
)

MEETING_ORGS = TableSpec(
    "meeting_orgs",
    ("Tổ chức dự họp", "Tổ chức tham gia", "Đơn vị dự họp"),
    (
        _MEETING_REF,
        _c("org_id", "org", "Tổ chức", "Đơn vị", "Mã tổ chức", required=True, en="Organisation id, name or alias"),
        _c("role", "vocab", "Vai trò", vocab=ORG_ROLE, default="participant", en="host or participant"),
    ),
    key=("meeting_id", "org_id", "role"),
    en="Organisations at a meeting",
    noun="meeting organisation",
)

RECOMMENDATIONS = TableSpec(
    "recommendations",
    ("Kiến nghị", "Kiến nghị đề xuất", "Đề xuất"),
    (
        _c("rec_id", "str", "Mã kiến nghị", en="Recommendation id (empty: derived from the row)"),
        _MEETING_REF,
        _c("raised_by_org_id", "org", "Tổ chức kiến nghị", "Đơn vị kiến nghị", "Tổ chức", en="Who raised it"),
        _c("text", "text", "Nội dung", "Nội dung kiến nghị", required=True, en="Text"),
        _c("addressed_to", "str", "Gửi tới", "Cơ quan giải quyết", "Cơ quan tiếp nhận", en="Addressed to"),
        _c("due_on", "date", "Hạn giải quyết", "Thời hạn", "Hạn", en="Deadline"),
        _c("repeat_of", "ref", "Lặp lại của", "Nêu lại từ", ref="recommendations", en="Id of the first occurrence"),
        _DOC_REF,
        *_SPAN,
        _CONFIDENCE,
    ),
    key=("rec_id",),
    id_column="rec_id",
    id_from=("meeting_id", "raised_by_org_id", "text"),
    en="Recommendations",
    noun="recommendation",
)

DIRECTIVES = TableSpec(
    "directives",
    ("Chỉ đạo", "Nhiệm vụ", "Kết luận chỉ đạo"),
    (
        _c("dir_id", "str", "Mã chỉ đạo", "Mã nhiệm vụ", en="Directive id (empty: derived from the row)"),
        _MEETING_REF,
        _c("addressee_org_id", "org", "Tổ chức được giao", "Đơn vị được giao", "Tổ chức", en="Addressee organisation"),
        _c("addressee_text", "str", "Đối tượng được giao", "Giao cho", en="Addressee as written"),
        _c("text", "text", "Nội dung", "Nội dung chỉ đạo", required=True, en="Text"),
        _c("due_on", "date", "Thời hạn", "Hạn", en="Deadline"),
        _DOC_REF,
        *_SPAN,
        _CONFIDENCE,
    ),
    key=("dir_id",),
    id_column="dir_id",
    id_from=("meeting_id", "addressee_org_id", "addressee_text", "text"),
    en="Directives and tasks",
    noun="directive",
)

REC_EVENTS = _events(
    "recommendation_events",
    ("Tiến độ kiến nghị", "Trạng thái kiến nghị", "Lịch sử kiến nghị", "Giải quyết kiến nghị"),
    "rec_id",
    "Mã kiến nghị",
    "recommendations",
    REC_STATUS,
    "recommendation event",
)
DIR_EVENTS = _events(
    "directive_events",
    ("Tiến độ chỉ đạo", "Trạng thái chỉ đạo", "Lịch sử chỉ đạo", "Tiến độ nhiệm vụ"),
    "dir_id",
    "Mã chỉ đạo",
    "directives",
    DIR_STATUS,
    "directive event",
)

ORGANISATIONS = TableSpec(
    "organisations",
    ("Tổ chức", "Danh mục tổ chức", "Organizations"),
    (
        _c("org_id", "str", "Mã tổ chức", en="Organisation id (empty: made from the name)"),
        _c("name", "str", "Tên tổ chức", "Tên", "Tên chuẩn", required=True, en="Canonical name"),
        _c("short_name", "str", "Tên viết tắt", en="Short name"),
        _c("kind", "vocab", "Loại tổ chức", "Loại", required=True, vocab=ORG_KIND, en="Kind"),
        _c("family", "str", "Dòng tổ chức", "Nhóm", en="Family comparable across places (empty: the id)"),
        _c("level", "vocab", "Cấp", vocab=ORG_LEVEL, en="Level (empty: any level)"),
        _c("locality_id", "locality", "Địa bàn", "Địa phương", en="Locality id or name"),
        _c("parent_org_id", "org", "Tổ chức cấp trên", "Trực thuộc", en="Parent organisation"),
        _c("valid_from", "date", "Hiệu lực từ", "Từ ngày", en="Valid from"),
        _c("valid_to", "date", "Hiệu lực đến", "Đến ngày", en="Valid to"),
    ),
    key=("org_id",),
    id_column="org_id",
    id_from=("name", "locality_id"),
    en="Organisations",
    noun="organisation",
)

ORG_ALIASES = TableSpec(
    "org_aliases",
    ("Tên gọi khác", "Tên gọi tổ chức", "Bí danh"),
    (
        _c("alias", "str", "Tên gọi khác", "Tên gọi", required=True, en="Alias as written"),
        _c("org_id", "org", "Mã tổ chức", "Tổ chức", required=True, en="Organisation id, name or alias"),
        _c("valid_from", "date", "Dùng từ ngày", "Từ ngày", en="In use from"),
        _c("valid_to", "date", "Dùng đến ngày", "Đến ngày", en="In use until"),
    ),
    key=("alias_folded", "org_id"),
    computed=("alias_folded",),
    en="Organisation aliases",
    noun="alias",
)

# Dependency order: a table only refers to tables before it, so writes go in this order.
TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in (
        ORGANISATIONS,
        ORG_ALIASES,
        DOCUMENTS,
        MEETINGS,
        MEETING_PEOPLE,
        MEETING_ORGS,
        RECOMMENDATIONS,
        REC_EVENTS,
        DIRECTIVES,
        DIR_EVENTS,
    )
}
ORDER = {name: i for i, name in enumerate(TABLES)}
ENGLISH_TABLE_ALIASES = {"organizations": "organisations", "org_alias": "org_aliases", "people": "meeting_people"}


def key_of(text: str) -> str:
    """Header/table-name matching key: match_key with underscores and stars as spaces."""
    return match_key(text.replace("_", " ").replace("*", " "))


def _table_keys() -> list[tuple[str, str]]:
    pairs = [(key_of(t.name), t.name) for t in TABLES.values()]
    pairs += [(key_of(v), t.name) for t in TABLES.values() for v in t.vi]
    pairs += [(key_of(a), t) for a, t in ENGLISH_TABLE_ALIASES.items()]
    return sorted(pairs, key=lambda p: -len(p[0]))


_TABLE_KEYS = _table_keys()


def table_for(name: str) -> TableSpec | None:
    """The table a sheet name or file stem names: "meetings", "2024_meetings", "kien_nghi", "Kiến nghị".

    The longest table name (English or Vietnamese) equal to the name, or standing at its start or
    end as whole words, wins: "2024_meeting_people" is meeting_people, not meetings.
    """
    key = key_of(name)
    for candidate, table in _TABLE_KEYS:
        if key == candidate or key.endswith(" " + candidate) or key.startswith(candidate + " "):
            return TABLES[table]
    return None


_PARENS = re.compile(r"^(.*?)\(([^()]*)\)\s*$")


def column_for(spec: TableSpec, header: str) -> str | None:
    """The column a header names; "Ngày họp* (held_on)" is tried as held_on, then as "Ngày họp"."""
    candidates = [header]
    m = _PARENS.match(header)
    if m:
        candidates = [m.group(2), m.group(1), header]
    for text in candidates:
        key = key_of(text)
        for col in spec.columns:
            if key == key_of(col.name) or any(key == key_of(v) for v in col.vi):
                return col.name
    return None


def header_label(col: ColumnSpec) -> str:
    """The template's header: Vietnamese name, a star when required, the English name in brackets."""
    return f"{col.vi[0]}{'*' if col.required else ''} ({col.name})"
