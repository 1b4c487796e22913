"""The synthetic history generator: determinism, schema fit, realistic rates, the 2025 reform.

One demo-scale generation (about a second) is shared by the module; determinism runs it twice
more. Rates are computed with the real metric macros (rec_state_asof) on an in-memory DuckDB.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pytest

from giaoban import db
from giaoban.config import ROOT
from giaoban.synth import generate, load_into
from giaoban.synth.calendar import Series, day, draw_days, schedule
from giaoban.synth.people import meeting_people
from giaoban.synth.recs import join_lead
from giaoban.synth.refdata import END, Unit, synthesise_units
from giaoban.synth.writer import SCHEMAS
from giaoban.text import nfc

DATA = ROOT / "data"
REFORM = date(2025, 7, 1)
pytestmark = pytest.mark.skipif(not (DATA / "organisations.csv").exists(), reason="reference data missing")


def _hashes(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*.parquet"))}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("synth") / "demo"
    return out, generate(7, "demo", out, DATA)


@pytest.fixture(scope="module")
def con(demo):
    c = duckdb.connect()
    db.apply_schema(c)
    load_into(c, demo[0])
    c.execute("SET VARIABLE giaoban_as_of = DATE '2025-12-31'")
    yield c
    c.close()


def one(con, sql: str):
    return con.execute(sql).fetchone()[0]


def test_same_seed_same_bytes_other_seed_other_data(demo, tmp_path):
    again = generate(7, "demo", tmp_path / "again", DATA)
    assert again == demo[1]
    assert _hashes(tmp_path / "again") == _hashes(demo[0])
    generate(8, "demo", tmp_path / "other", DATA)
    assert _hashes(tmp_path / "other")["meetings/part-00000.parquet"] != _hashes(demo[0])["meetings/part-00000.parquet"]


def test_columns_and_types_match_the_schema(con):
    types = {"VARCHAR": "string", "DATE": "date32[day]", "DOUBLE": "double", "INTEGER": "int32"}
    for name, schema in SCHEMAS.items():
        cols = con.execute(f"DESCRIBE {name}").fetchall()
        assert [c[0] for c in cols] == schema.names, name
        assert [types.get(c[1], c[1]) for c in cols] == [str(t) for t in schema.types], name


def test_demo_sizes(demo):
    counts = demo[1]
    assert 1000 <= counts["meetings"] <= 2000
    assert 5000 <= counts["recommendations"] <= 10000
    assert counts["theme_links"] == counts["recommendations"] + counts["directives"]


def test_answered_and_resolved_rates_in_band(con):
    answered, resolved = con.execute("SELECT avg(answered::INT), avg(resolved::INT) FROM rec_state_asof()").fetchone()
    assert 0.75 <= answered <= 0.85
    assert 0.20 <= resolved <= 0.35
    status = dict(con.execute("SELECT status, count(*) FROM rec_state_asof() GROUP BY 1").fetchall())
    assert status["declined"] > 0 and status["raised"] > 0 and status["in_progress"] > 0


def test_repeats_point_to_an_earlier_root_of_the_same_org(con):
    share = one(con, "SELECT avg((repeat_of IS NOT NULL)::INT) FROM recommendations")
    assert 0.10 <= share <= 0.15
    bad = one(
        con,
        """SELECT count(*) FROM recommendations r
           JOIN meetings m USING (meeting_id)
           LEFT JOIN recommendations o ON o.rec_id = r.repeat_of
           LEFT JOIN meetings om ON om.meeting_id = o.meeting_id
           WHERE r.repeat_of IS NOT NULL AND (o.rec_id IS NULL OR o.repeat_of IS NOT NULL
                 OR o.raised_by_org_id <> r.raised_by_org_id OR om.held_on >= m.held_on)""",
    )
    assert bad == 0
    assert (
        one(con, "SELECT count(*) FROM recommendations WHERE repeat_of IS NOT NULL AND text NOT LIKE '%kiến nghị%'")
        == 0
    )


def test_roots_stay_open_until_their_last_repeat(con):
    early = one(
        con,
        """SELECT count(*) FROM recommendations r JOIN meetings m USING (meeting_id)
           JOIN recommendation_events e ON e.rec_id = r.repeat_of
           WHERE e.status IN ('resolved', 'explained', 'declined') AND e.happened_on < m.held_on""",
    )
    assert early == 0


def test_events_lie_between_the_meeting_and_the_cutoff(con):
    pairs = (("recommendation_events", "rec_id", "recommendations"), ("directive_events", "dir_id", "directives"))
    for table, key, items in pairs:
        bad = one(
            con,
            f"""SELECT count(*) FROM {table} e JOIN {items} i USING ({key}) JOIN meetings m USING (meeting_id)
                WHERE e.happened_on < m.held_on OR e.happened_on > DATE '{END}'""",
        )
        assert bad == 0, table
    not_raised = one(
        con,
        """SELECT count(*) FROM recommendations r JOIN meetings m USING (meeting_id)
           LEFT JOIN recommendation_events e
                  ON e.rec_id = r.rec_id AND e.status = 'raised' AND e.happened_on = m.held_on
           WHERE e.rec_id IS NULL""",
    )
    assert not_raised == 0


def test_the_2025_reform(con):
    after = con.execute(
        "SELECT DISTINCT locality_id FROM meetings WHERE level = 'province' AND held_on >= '2025-07-01'"
    )
    assert [r[0] for r in after.fetchall()] == ["bac-ninh-2025"]
    assert one(con, "SELECT count(*) FROM meetings WHERE level = 'district' AND held_on >= '2025-07-01'") == 0
    assert (
        one(con, "SELECT count(*) FROM meetings WHERE locality_id LIKE 'bac-ninh-2025%' AND held_on < '2025-07-01'")
        == 0
    )
    assert (
        one(con, "SELECT count(*) FROM meetings WHERE locality_id LIKE 'bac-giang%' AND held_on >= '2025-07-01'") == 0
    )
    assert (
        one(con, "SELECT count(DISTINCT locality_id) FROM meetings WHERE level = 'commune' AND held_on >= '2025-07-01'")
        >= 10
    )
    hosts = dict(
        con.execute("SELECT host_body, max(held_on) FROM meetings WHERE level = 'province' GROUP BY 1").fetchall()
    )
    assert hosts["Ban Dân vận Tỉnh ủy"] < date(2025, 3, 1) <= hosts["Ban Tuyên giáo và Dân vận Tỉnh ủy"]


def test_meetings_are_sample_data_on_working_days_with_periods(con):
    assert one(con, "SELECT count(*) FROM meetings WHERE origin <> 'sample' OR title NOT LIKE '[Dữ liệu mẫu]%'") == 0
    assert one(con, "SELECT count(*) FROM meetings WHERE dayofweek(held_on) IN (0, 6)") == 0
    assert one(con, "SELECT count(*) FROM meetings WHERE period_start IS NULL OR period_end < period_start") == 0
    labels = {r[0] for r in con.execute("SELECT period_label FROM meetings").fetchall()}
    assert {"Quý I-2021", "6 tháng đầu năm 2017", "Năm 2023"} <= labels
    q1 = con.execute("SELECT min(month(held_on)), max(month(held_on)) FROM meetings WHERE period_label LIKE 'Quý I-%'")
    assert q1.fetchone() == (3, 4)


def test_texts_are_nfc_and_varied(con):
    texts = [r[0] for r in con.execute("SELECT text FROM recommendations").fetchall()]
    assert all(t == nfc(t) for t in texts)
    assert len(set(texts)) > 0.8 * len(texts)
    assert (
        one(con, "SELECT count(*) FROM recommendations WHERE text LIKE '%{%' OR text LIKE '%quan tâm quan tâm%'") == 0
    )


def test_raisers_fit_their_themes(con):
    labour = con.execute(
        """SELECT split_part(raised_by_org_id, '@', 1) AS fam, count(*) FROM recommendations r
           JOIN theme_links t ON t.item_id = r.rec_id WHERE t.theme_id = 'labour' GROUP BY 1 ORDER BY 2 DESC"""
    ).fetchall()
    assert labour[0][0] == "ldld"
    youth = one(
        con,
        """SELECT split_part(raised_by_org_id, '@', 1) FROM recommendations r JOIN theme_links t ON t.item_id = r.rec_id
           WHERE t.theme_id = 'youth' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1""",
    )
    assert youth == "doan"


def test_directives_deadlines_and_outcomes(con):
    share = one(con, "SELECT avg((due_on IS NOT NULL)::INT) FROM directives")
    assert 0.33 <= share <= 0.47
    outcome = dict(con.execute("SELECT status, count(*) FROM dir_state_asof() GROUP BY 1").fetchall())
    total = sum(outcome.values())
    assert 0.55 <= outcome.get("completed", 0) / total <= 0.85
    assert one(con, "SELECT count(*) FROM directives WHERE due_on IS NOT NULL AND text NOT LIKE '%trước ngày%'") == 0


def test_every_referenced_org_exists(con):
    missing = one(
        con,
        """WITH refs AS (SELECT org_id FROM meeting_orgs UNION SELECT raised_by_org_id FROM recommendations
                         UNION SELECT addressee_org_id FROM directives UNION SELECT org_id FROM meeting_people
                         UNION SELECT parent_org_id FROM organisations)
           SELECT count(*) FROM refs WHERE org_id IS NOT NULL AND org_id NOT IN (SELECT org_id FROM organisations)""",
    )
    assert missing == 0
    assert one(con, "SELECT count(*) FROM meetings WHERE locality_id NOT IN (SELECT locality_id FROM localities)") == 0


def test_one_chair_per_meeting_stable_within_a_term(con):
    chairs_per_meeting = "SELECT meeting_id FROM meeting_people WHERE role = 'chair' GROUP BY 1 HAVING count(*) <> 1"
    assert one(con, f"SELECT count(*) FROM ({chairs_per_meeting})") == 0
    chairs = one(
        con,
        """SELECT count(DISTINCT p.name) FROM meeting_people p JOIN meetings m USING (meeting_id)
           WHERE m.locality_id = 'bac-giang' AND m.host_body = 'Thường trực Tỉnh ủy' AND p.role = 'chair'
             AND m.kind <> 'tong_ket' AND m.held_on BETWEEN '2021-01-01' AND '2025-06-30'""",
    )
    assert chairs == 1


# ---------------------------------------------------------------- pieces, without generating

UNIT = Unit("x/xa-a", "Xã A", "xã", "commune", "x", date.min, date(2025, 6, 30), None)
NEW = Unit("y-2025", "Y", "tỉnh", "province", "viet-nam", REFORM, date.max, None)


def test_new_province_schedule_starts_after_the_reform():
    periods = schedule("province", REFORM, END, REFORM)
    assert [p.label for p in periods] == ["9 tháng đầu năm 2025", "Năm 2025"]
    assert all(day(REFORM) <= p.lo <= p.hi <= day(END) for p in periods)
    old = schedule("half", date(2015, 1, 1), date(2025, 6, 30), date.min)
    assert old[-1].label == "6 tháng đầu năm 2025" and len(old) == 22


def test_draw_days_gives_working_days_inside_the_window():
    rng = np.random.default_rng(0)
    lo = rng.integers(16_500, 20_000, 5000)
    hi = lo + 14
    d = draw_days(lo, hi, rng)
    assert ((d >= lo) & (d <= hi)).all()
    assert not (((d + 3) % 7) >= 5).any()


def test_join_lead_drops_doubled_words():
    assert join_lead("Đề nghị {addr} quan tâm {body}.", "quan tâm bố trí kinh phí") == "bố trí kinh phí"
    assert join_lead("{Addr} chủ trì, phối hợp {body}", "phối hợp với BHXH") == "với BHXH"
    assert join_lead("Đề nghị {addr} {body}.", "quan tâm bố trí") == "quan tâm bố trí"


def test_commune_people_change_at_congress():
    s = Series(UNIT, "xa", "half", 4.0, 2.0, "x")
    before = meeting_people(1, s, date(2019, 12, 20), "tong_ket")
    same_term = meeting_people(1, s, date(2018, 12, 20), "tong_ket")
    after = meeting_people(1, s, date(2021, 12, 20), "tong_ket")
    assert before[0][0] == same_term[0][0] and before[0][2] == "chair"
    assert before[0][0] != after[0][0] or before[0][1] != after[0][1]
    assert before[0][1].startswith("Bí thư Đảng ủy xã")


def test_synthesised_units_when_no_commune_list():
    old = Unit("p", "P", "tỉnh", "province", "viet-nam", date.min, date(2025, 6, 30), "y-2025")
    same = Unit("q", "Q", "tỉnh", "province", "viet-nam", date.min, date.max, None)
    units = synthesise_units({"p": old, "y-2025": NEW, "q": same})
    under = {p: [u for u in units.values() if u.locality_id.startswith(p + "/")] for p in ("p", "y-2025", "q")}
    assert [len(under[p]) for p in ("p", "y-2025", "q")] == [11 + 11 * 15, 100, 11 + 11 * 15 + 100]
    assert all(u.valid_to <= date(2025, 6, 30) for u in under["p"])
    assert all(u.valid_from >= REFORM and u.level == "commune" for u in under["y-2025"])
    assert synthesise_units({"p": old, **{u.locality_id: u for u in under["p"]}}) == {}
