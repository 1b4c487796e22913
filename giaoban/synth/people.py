"""Sample people: Vietnamese names and who chairs or attends a meeting.

A post (Bí thư, Phó Bí thư Thường trực, Trưởng Ban Dân vận, Chủ tịch Ủy ban MTTQ) at one unit is
held by one made-up person per term, so the same person chairs for years and changes at the Party
congresses (autumn 2015 and 2020; communes in spring), at the 2025 merger of the Party boards and
at the 1/7/2025 reform; the Front's chair changes at its own congresses (2019, 2024). Names come
from a hash of (seed, unit, post, term): stable, and independent of generation order.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import date
from functools import lru_cache

from giaoban.synth.calendar import Series
from giaoban.synth.vocab import MERGER_DAY, PARTY_OF_UNIT

SURNAMES = (
    ("Nguyễn", 31), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4), ("Vũ", 4), ("Đặng", 2),
    ("Bùi", 2), ("Đỗ", 2), ("Ngô", 1.3), ("Dương", 1), ("Hồ", 1), ("Huỳnh", 1), ("Võ", 1), ("Đào", 0.8),
    ("Đinh", 0.8), ("Hà", 0.8), ("Thân", 0.6), ("Lương", 0.6), ("Trịnh", 0.6), ("Giáp", 0.4), ("Mai", 0.5),
    ("Chu", 0.5), ("Lâm", 0.5), ("Tạ", 0.4), ("Nông", 0.3), ("Lý", 0.4),
)  # fmt: skip
MIDDLE_M = ("Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Xuân", "Thanh", "Mạnh", "Đình", "Ngọc", "Trọng", "Quang")
MIDDLE_F = ("Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Kim", "Thúy", "Hồng", "Minh")
SECOND_MIDDLE_F = ("Lan", "Thu", "Kim", "Thanh", "Minh", "Hải")
GIVEN_M = (
    "Hùng", "Dũng", "Tuấn", "Hải", "Hưng", "Long", "Nam", "Sơn", "Thắng", "Bình", "Cường", "Quang", "Trung",
    "Khánh", "Việt", "Hòa", "Thành", "Phong", "Lâm", "Tùng", "Huy", "Đạt", "Toàn", "Hiếu", "Chính", "Lợi", "Tâm",
)  # fmt: skip
GIVEN_F = (
    "Hương", "Lan", "Hà", "Hằng", "Huyền", "Mai", "Nga", "Oanh", "Thảo", "Trang", "Yến", "Loan", "Hạnh",
    "Nhung", "Thủy", "Vân", "Liên", "Dung", "Hoa", "Huế", "Bình", "Tuyết",
)  # fmt: skip

_SURNAME_NAMES = tuple(s for s, _ in SURNAMES)
_SURNAME_WEIGHTS = tuple(w for _, w in SURNAMES)

PARTY_TERMS = (date(2015, 10, 15), date(2020, 10, 15), date(2025, 7, 1), date(2025, 10, 15))
COMMUNE_TERMS = (date(2015, 6, 15), date(2020, 6, 15), date(2025, 7, 1))
DAN_VAN_TERMS = (date(2015, 10, 15), date(2020, 10, 15), MERGER_DAY, date(2025, 7, 1), date(2025, 10, 15))
FRONT_TERMS = (date(2019, 9, 15), date(2024, 9, 15), date(2025, 7, 1))
FRONT_IN_PARTY_FROM = date(2025, 7, 1)  # provincial Front chairs became Phó Bí thư (DOMAIN.md §2)


@lru_cache(maxsize=200_000)
def person(seed: int, locality_id: str, post: str, term: int) -> str:
    """A stable made-up full name for one post at one unit in one term."""
    rnd = random.Random(f"{seed}|{locality_id}|{post}|{term}")
    female = rnd.random() < (0.35 if post == "truong_bdv" else 0.22)
    surname = rnd.choices(_SURNAME_NAMES, _SURNAME_WEIGHTS)[0]
    if female:
        middle = rnd.choice(MIDDLE_F)
        if middle == "Thị" and rnd.random() < 0.25:
            middle += " " + rnd.choice(SECOND_MIDDLE_F)
        return f"{surname} {middle} {rnd.choice(GIVEN_F)}"
    return f"{surname} {rnd.choice(MIDDLE_M)} {rnd.choice(GIVEN_M)}"


def party_of(series: Series) -> str:
    """The unit's Party committee word: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy xã"."""
    u = series.unit
    if u.level == "commune":
        return f"Đảng ủy {u.unit_type}"
    return PARTY_OF_UNIT.get(u.unit_type, "Tỉnh ủy" if u.level == "province" else "Huyện ủy")


def _term(bounds: tuple[date, ...], on: date) -> int:
    return bisect_right(bounds, on)


def _hdnd(seed: int, locality_id: str, term: int) -> bool:
    """Whether this term's Phó Bí thư Thường trực is also Chủ tịch HĐND (most are)."""
    return random.Random(f"{seed}|{locality_id}|hdnd|{term}").random() < 0.7


def meeting_people(seed: int, s: Series, on: date, kind: str) -> list[tuple[str, str, str, str]]:
    """(name, title, role, org role) for the chair and attendees; names are distinct."""
    u, party, unit = s.unit, party_of(s), s.unit.unit_type
    lid = u.locality_id
    terms = COMMUNE_TERMS if u.level == "commune" else PARTY_TERMS
    t = _term(terms, on)
    out: list[tuple[str, str, str, str]] = []
    if s.host == "dan_van":
        out.append(
            (person(seed, lid, "truong_bdv", _term(DAN_VAN_TERMS, on)), _bdv_title(party, on), "chair", "dan_van")
        )
    elif kind == "tong_ket" or u.level == "commune":
        # the Bí thư chairs the HĐND in communes often, in provinces only when the deputy does not
        hdnd = _hdnd(seed, lid, t) == (u.level == "commune")
        title = f"Bí thư {party}" + (f", Chủ tịch HĐND {unit}" if hdnd else "")
        out.append((person(seed, lid, "bi_thu", t), title, "chair", s.host))
    else:
        title = f"Phó Bí thư Thường trực {party}" + (f", Chủ tịch HĐND {unit}" if _hdnd(seed, lid, t) else "")
        out.append((person(seed, lid, "pbt_tt", t), title, "chair", s.host))
    out += _attendees(seed, s, on, party)
    distinct: dict[str, tuple[str, str, str, str]] = {}
    for p in out:
        distinct.setdefault(p[0], p)  # two posts drawing one name: keep the first (the chair)
    return list(distinct.values())


def _bdv_title(party: str, on: date) -> str:
    board = "Ban Tuyên giáo và Dân vận" if on >= MERGER_DAY else "Ban Dân vận"
    return f"Ủy viên Ban Thường vụ {party}, Trưởng {board} {party}"


def _attendees(seed: int, s: Series, on: date, party: str) -> list[tuple[str, str, str, str]]:
    u, unit, lid = s.unit, s.unit.unit_type, s.unit.locality_id
    front = person(seed, lid, "ct_mttq", _term(FRONT_TERMS, on))
    if u.level == "commune":
        pbt = person(seed, lid, "pbt_tt", _term(COMMUNE_TERMS, on))
        return [
            (pbt, f"Phó Bí thư Thường trực {party}, Trưởng Khối dân vận", "attendee", s.host),
            (front, f"Chủ tịch Ủy ban MTTQ {unit}", "attendee", "mttq"),
        ]
    if u.level == "district":
        bdv = person(seed, lid, "truong_bdv", _term(PARTY_TERMS, on))
        return [(bdv, f"Trưởng Ban Dân vận {party}, Chủ tịch Ủy ban MTTQ {unit}", "attendee", "dan_van")]
    front_title = f"Chủ tịch Ủy ban MTTQ {unit}"
    if on >= FRONT_IN_PARTY_FROM:
        front_title = f"Phó Bí thư {party}, Chủ tịch Ủy ban MTTQ Việt Nam {unit}"
    out = [(front, front_title, "attendee", "mttq")]
    if s.host != "dan_van":
        bdv = person(seed, lid, "truong_bdv", _term(DAN_VAN_TERMS, on))
        out.insert(0, (bdv, _bdv_title(party, on), "attendee", "dan_van"))
    return out
