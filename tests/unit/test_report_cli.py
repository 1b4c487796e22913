"""``report`` command: scriptable (path on stdout, exit codes, clear errors); XLSX needs no browser, so it is fast."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import typer
from typer.testing import CliRunner

from giaoban.cli_report import register


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    cli = typer.Typer()
    cli.command("noop")(lambda: None)  # a second command keeps "report" a subcommand, as in giaoban.cli
    register(cli)
    return cli


def run(app, mini_db: Path, *args: str):
    return CliRunner().invoke(app, ["report", "--db", str(mini_db), *args])


def test_xlsx_for_a_quarter_and_an_organisation(app, mini_db, tmp_path):
    out = tmp_path / "quy1.xlsx"
    result = run(app, mini_db, "--period", "Quý I/2024", "--scope", "MTTQ", "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    book = openpyxl.load_workbook(out)
    info = [c.value for c in book["Thông tin"]["B"] if c.value]
    assert any("quý I năm 2024" in v for v in info) and "Ủy ban Mặt trận Tổ quốc Việt Nam" in info


def test_a_folder_gets_the_default_name(app, mini_db, tmp_path):
    result = run(app, mini_db, "--year", "2024", "--format", "xlsx", "--out", str(tmp_path), "-q")
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()) == tmp_path / "bao-cao-giao-ban-nam-2024.xlsx"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1850"], "out of range"),
        (["--year", "2019"], "no meetings in"),
        (["--period", "quý V/2024"], "cannot read the period"),
        (["--year", "2024", "--period", "quarter:2023Q1"], "disagree"),
        (["--year", "2024", "--scope", "Xứ Sở Thần Tiên"], "no province or organisation"),
        (["--year", "2024", "--scope", "Bắc Ninh"], "no meetings for"),
        (["--year", "2024", "--format", "pdf"], "does not match"),
        (["--year", "2024", "--format", "odt"], "unknown format"),
    ],
)
def test_usage_mistakes_exit_2_with_a_reason(app, mini_db, tmp_path, args, message):
    result = run(app, mini_db, *args, "--out", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_a_missing_database_exits_2(app, tmp_path):
    result = CliRunner().invoke(
        app, ["report", "--db", str(tmp_path / "none.duckdb"), "--year", "2024", "--out", str(tmp_path / "a.xlsx")]
    )
    assert result.exit_code == 2 and "does not exist" in result.output
