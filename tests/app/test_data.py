"""Data page: what the database holds, the template, the review list; uploads on a copy of the fixture."""

from __future__ import annotations

import os
import shutil

from tests.app.helpers import metrics

PAGE = "app_pages/data.py"


def test_counts_template_and_review(open_page):
    at = open_page(PAGE)
    assert not at.exception
    shown = metrics(at)
    expected = {"Cuộc họp": "8", "Kiến nghị": "11", "Chỉ đạo": "5", "Văn bản nguồn": "1"}
    assert {k: v[0] for k, v in shown.items()} == expected
    assert any(b.label == "Tải mẫu nhập liệu (.xlsx)" for b in at.get("download_button"))
    # No extracted meetings in the fixture: nothing to review.
    assert any("Không có mục nào cần kiểm tra" in s.value for s in at.success)
    assert not any(w.key == "w_grain" for w in at.sidebar.segmented_control)  # no filters on this page


def test_upload_loads_a_report_and_refreshes_the_facts(facts_db, tmp_path, monkeypatch):
    from resources import ingest_uploads, run

    copy = tmp_path / "copy.duckdb"
    shutil.copy(facts_db, copy)
    monkeypatch.setenv("GIAOBAN_DB", str(copy))
    report = (
        "Chiều 20/12/2024, Thường trực Tỉnh ủy tổ chức hội nghị giao ban với Ủy ban MTTQ và các đoàn thể "
        "chính trị - xã hội tỉnh. Hội Nông dân tỉnh kiến nghị hỗ trợ tiêu thụ nông sản cho hội viên."
    ).encode()
    results = ingest_uploads([("giao-ban.txt", report), ("rong.csv", b"")])
    assert [r.status for r in results] == ["loaded", "rejected"]
    found = run("meetings/search", q="tieu thu nong san", date_from="2024-01-01", date_to="2024-12-31")
    assert found.height >= 1  # the new report is searchable: the facts and the index were refreshed


def test_pages_say_when_data_changed_without_a_refresh(facts_db, tmp_path, monkeypatch):
    import duckdb
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    copy = tmp_path / "stale.duckdb"
    shutil.copy(facts_db, copy)
    monkeypatch.setenv("GIAOBAN_DB", str(copy))
    fresh = AppTest.from_file(APP, default_timeout=60).run()
    assert not any("chưa cập nhật" in w.value for w in fresh.warning)
    # Written the way every writer writes: on a copy that is then swapped in.
    changed = tmp_path / "changed.duckdb"
    shutil.copy(copy, changed)
    con = duckdb.connect(str(changed))
    con.execute(
        "INSERT INTO meetings (meeting_id, held_on, date_basis, kind, origin) "
        "VALUES ('m9', DATE '2024-05-05', 'imported', 'giao_ban', 'imported')"
    )
    con.close()
    os.replace(changed, copy)
    stale = AppTest.from_file(APP, default_timeout=60).run()
    assert any("chưa cập nhật" in w.value for w in stale.warning)
    stale.switch_page(PAGE).run()
    assert stale.button(key="dt_refresh").label == "Cập nhật số liệu tổng hợp"
    stale.button(key="dt_refresh").click().run()
    assert not any("chưa cập nhật" in w.value for w in stale.warning)


def test_pages_say_when_the_facts_were_built_by_an_earlier_version(facts_db, tmp_path, monkeypatch):
    import duckdb
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    copy = tmp_path / "old.duckdb"
    shutil.copy(facts_db, copy)
    con = duckdb.connect(str(copy))
    con.execute("UPDATE build_info SET value = 'an-older-schema' WHERE key = 'aggregates_schema'")
    con.close()
    monkeypatch.setenv("GIAOBAN_DB", str(copy))
    old = AppTest.from_file(APP, default_timeout=60).run()
    assert any("phiên bản giaoban trước" in w.value for w in old.warning)
    old.switch_page(PAGE).run()
    old.button(key="dt_refresh").click().run()
    assert not any("phiên bản giaoban trước" in w.value for w in old.warning)
