"""Who raises what, and when: theme weights per organisation family and per period.

A recommendation's theme is drawn with weight ``PROFILES[family][theme] × season(theme, year,
quarter, family)``, so labour issues come from the union, youth issues from the Đoàn, COVID-19
peaks in 2020–2021, restructuring in 2025, congresses in each organisation's congress years, and
Tết welfare around the turn of the year (DOMAIN.md §4, seasonality).
"""

from __future__ import annotations

_COMMON = {
    "membership": 0.8,
    "education": 0.3,
    "culture_lifestyle": 0.3,
    "funding": 1.4,
    "cadres": 1.0,
    "propaganda": 0.5,
    "congresses": 0.4,
    "restructuring": 0.3,
    "digital": 0.4,
    "admin_reform": 0.3,
    "party_building": 0.4,
    "emulation": 0.5,
}

PROFILES: dict[str, dict[str, float]] = {
    "mttq": _COMMON
    | {
        "supervision": 2.5,
        "grassroots_democracy": 2.0,
        "poverty_housing": 2.5,
        "unity_ethnic_religion": 1.8,
        "complaints_land": 1.8,
        "voter_dialogue": 1.8,
        "elections": 0.6,
        "social_security": 1.8,
        "new_rural": 1.2,
        "anti_corruption": 0.8,
        "party_building": 1.0,
        "disaster_relief": 0.6,
        "people_diplomacy": 0.3,
        "environment": 0.6,
        "admin_reform": 0.8,
        "education": 0.8,
        "culture_lifestyle": 1.0,
    },
    "ldld": _COMMON
    | {"labour": 7.0, "membership": 1.5, "social_security": 1.0, "health_covid": 0.8, "women_family": 0.4},
    "doan": _COMMON
    | {
        "youth": 6.0,
        "membership": 1.5,
        "education": 1.0,
        "cadres": 2.2,
        "digital": 1.2,
        "environment": 1.0,
        "security": 1.0,
        "people_diplomacy": 0.3,
    },
    "hlhpn": _COMMON
    | {"women_family": 6.0, "education": 0.6, "poverty_housing": 1.5, "social_security": 1.0, "security": 0.5},
    "hnd": _COMMON
    | {"farmers_economy": 6.0, "complaints_land": 2.0, "environment": 1.0, "new_rural": 1.5, "disaster_relief": 0.8},
    "ccb": _COMMON
    | {"merit_families": 4.0, "security": 2.0, "cadres": 1.5, "complaints_land": 1.0, "anti_corruption": 1.0},
    "assoc": {
        "education": 1.0,
        "membership": 1.0,
        "social_security": 3.0,
        "funding": 3.0,
        "cadres": 2.0,
        "emulation": 1.0,
        "restructuring": 0.5,
    },
}

# Congress years of each organisation (term starts); Party congresses are 2015, 2020, 2025.
CONGRESS_YEARS: dict[str, tuple[int, ...]] = {
    "mttq": (2019, 2024),
    "ldld": (2018, 2023),
    "doan": (2017, 2022),
    "hlhpn": (2016, 2021),
    "hnd": (2018, 2023),
    "ccb": (2017, 2022),
}
PARTY_CONGRESS_YEARS = (2015, 2020, 2025)
ELECTION_PERIODS = ((2016, 1), (2016, 2), (2021, 1), (2021, 2), (2025, 4))  # (year, quarter) before each vote


def season(theme: str, year: int, quarter: int, family: str) -> float:
    """Multiplier on a theme's weight for a period (year, quarter) and a raising family."""
    rule = _RULES.get(theme)
    return rule(year, quarter, family) if rule else 1.0


def _covid(year: int, quarter: int, family: str) -> float:
    return 8.0 if (2020, 1) <= (year, quarter) <= (2022, 1) else 0.25


def _disaster(year: int, quarter: int, family: str) -> float:
    base = 3.0 if quarter == 3 else 0.6
    return base * (3.0 if year == 2024 and quarter >= 3 else 1.0)  # typhoon Yagi, September 2024


def _restructuring(year: int, quarter: int, family: str) -> float:
    return 0.2 if year < 2018 else 8.0 if year == 2025 else 1.0


def _congresses(year: int, quarter: int, family: str) -> float:
    own = CONGRESS_YEARS.get(family, ())
    hot = year in own or (year + 1 in own and quarter == 4) or year in PARTY_CONGRESS_YEARS
    return 5.0 if hot else 0.3


def _elections(year: int, quarter: int, family: str) -> float:
    return 8.0 if (year, quarter) in ELECTION_PERIODS else 0.1


def _digital(year: int, quarter: int, family: str) -> float:
    return 0.2 if year < 2020 else 1.5 if year < 2022 else 3.0


def _tet(year: int, quarter: int, family: str) -> float:
    return 2.0 if quarter in (1, 4) else 0.7


def _youth(year: int, quarter: int, family: str) -> float:
    return 2.0 if quarter in (1, 2) else 1.0  # Tháng Thanh niên (March), summer volunteering


def _merit(year: int, quarter: int, family: str) -> float:
    return 2.5 if quarter == 3 else 1.0  # 27/7


def _poverty(year: int, quarter: int, family: str) -> float:
    base = 1.5 if quarter == 4 else 1.0  # Tháng cao điểm "Vì người nghèo" (17/10–18/11)
    return base * (2.5 if year >= 2024 else 1.0)  # the 2024–2025 drive to remove makeshift houses


def _labour(year: int, quarter: int, family: str) -> float:
    return 1.5 if quarter in (1, 4) else 1.2 if quarter == 2 else 1.0  # Tết, Tháng Công nhân (May)


_RULES = {
    "health_covid": _covid,
    "disaster_relief": _disaster,
    "restructuring": _restructuring,
    "congresses": _congresses,
    "elections": _elections,
    "digital": _digital,
    "social_security": _tet,
    "youth": _youth,
    "merit_families": _merit,
    "poverty_housing": _poverty,
    "labour": _labour,
}
