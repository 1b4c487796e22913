"""Every setting is documented, and docs/schema.md matches the schema."""

from __future__ import annotations

from pathlib import Path

from giaoban.config import ROOT, SETTINGS
from giaoban.schema_doc import render_schema_doc


def test_every_setting_is_in_the_docs():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in SETTINGS if f"`{name}`" not in text]
    assert not missing, f"document these settings in docs/settings.md: {missing}"


def test_schema_doc_is_current():
    current = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert current == render_schema_doc(), "regenerate with: python -m giaoban schema-doc"


def test_readme_shows_the_two_commands():
    readme = Path(ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
