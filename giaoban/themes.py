"""Theme lexicon: which topics (labour, funding, congresses …) a recommendation or report is about.

data/themes.yaml lists themes with Vietnamese keywords. ``ThemeLexicon.match`` is multi-label and
ranks themes by a score in 0..1 that grows with the number and length of distinct keywords found.

Folding all text would make short words collide ("bão" storm and "bảo" protect both fold to
"bao"), so the match mode depends on the keyword:
- one- and two-word keywords match with their diacritics (NFC, lower case; old and new tone
  placement, "hoà"/"hòa", count as one spelling);
- keywords of three or more words match folded, where a collision is very unlikely and typing
  without diacritics is common;
- words written in capitals in a keyword (BHXH, GPMB, NTM) must be capitals in the text.
Matching is on whole words (the token trie of ``giaoban.orgs.PhraseMatcher``), longest first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import yaml

from giaoban.db import fetch
from giaoban.phrases import PhraseMatcher, tokenize
from giaoban.text import nfc

THEMES_FILE = "themes.yaml"
FOLDED_MIN_WORDS = 3


@dataclass(frozen=True)
class Theme:
    theme_id: str
    label_vi: str
    label_en: str
    parent_id: str | None
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class ThemeMatch:
    theme_id: str
    score: float
    matched: list[str]


def keyword_weight(keyword: str) -> float:
    """Longer keywords are stronger evidence: one word 0.5, two 0.85, three or more 1.0."""
    return min(1.0, 0.15 + 0.35 * len(tokenize(keyword)))


def read_themes(data_dir: Path) -> list[dict[str, Any]]:
    """The raw YAML list; ``giaoban.reference`` validates it, ``ThemeLexicon`` uses it."""
    with open(Path(data_dir) / THEMES_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, list):
        raise ValueError(f"{THEMES_FILE}: expected a list of themes, got {type(data).__name__}")
    return data


class ThemeLexicon:
    """Themes and their keywords, compiled into one phrase matcher."""

    def __init__(self, themes: list[Theme]):
        self.themes = {t.theme_id: t for t in themes}
        self._matcher = PhraseMatcher()
        for theme in themes:
            for keyword in dict.fromkeys(theme.keywords):
                accented = len(tokenize(keyword)) < FOLDED_MIN_WORDS
                self._matcher.add(keyword, (theme.theme_id, keyword), accented=accented)

    @classmethod
    def from_records(cls, records: list[dict[str, Any]]) -> ThemeLexicon:
        return cls([_theme(r) for r in records])

    @classmethod
    def from_data_dir(cls, path: Path) -> ThemeLexicon:
        return cls.from_records(read_themes(path))

    @classmethod
    def from_db(cls, con: duckdb.DuckDBPyConnection) -> ThemeLexicon:
        frame = fetch(con, "SELECT theme_id AS id, label_vi, label_en, parent_id AS parent, keywords FROM themes")
        return cls.from_records(frame.to_dicts())

    def label(self, theme_id: str, lang: str = "vi") -> str:
        theme = self.themes[theme_id]
        return theme.label_en if lang == "en" else theme.label_vi

    def match(self, text: str, min_score: float = 0.0) -> list[ThemeMatch]:
        """Themes found in ``text``, best first; each keyword counts once however often it recurs."""
        found: dict[str, dict[str, None]] = {}
        for hit in self._matcher.find(text):
            for theme_id, keyword in hit.payloads:
                found.setdefault(theme_id, {})[keyword] = None
        out = []
        for theme_id, keywords in found.items():
            score = 1.0 - math.exp(-sum(keyword_weight(k) for k in keywords))
            if score >= min_score:
                out.append(ThemeMatch(theme_id, round(score, 4), list(keywords)))
        return sorted(out, key=lambda m: (-m.score, m.theme_id))

    def theme_ids(self, text: str, min_score: float = 0.0) -> list[str]:
        return [m.theme_id for m in self.match(text, min_score)]


def _theme(record: dict[str, Any]) -> Theme:
    keywords = record.get("keywords") or []
    return Theme(
        theme_id=str(record["id"]),
        label_vi=nfc(str(record["label_vi"])),
        label_en=str(record["label_en"]),
        parent_id=record.get("parent") or None,
        keywords=tuple(nfc(str(k)) for k in keywords),
    )
