"""Recommendations on the fixture database, raised in 2024, statuses as of 2024-12-31.

By family: LĐLĐ r1 (resolved), r3 (in progress) → 2 raised, answered 100%, resolved 50%;
Đoàn r2 (answered) → 100% / 0%. Funnel: 8 raised, 4 answered, 3 acted on (r3 in progress, r5 explained,
r1 resolved), 1 resolved. Open backlog: r9 ≤30, r10 31–90, r11 91–120, r2 r3 r4 >120.
Only r1 was resolved: 157 days.
"""

from __future__ import annotations

from tests.app.helpers import captions, figures, metrics, table

PAGE = "app_pages/recommendations.py"


def _figure(at, key_words: str) -> dict:
    for fig in figures(at):
        names = " ".join(str(tr.get("name", "")) for tr in fig["data"])
        if key_words in names:
            return fig
    raise AssertionError(key_words)


def test_rates_side_by_side_by_organisation(open_page):
    at = open_page(PAGE)
    assert not at.exception
    fig = _figure(at, "Tỷ lệ giải quyết dứt điểm")
    answered, resolved = fig["data"][0], fig["data"][1]
    by_org = dict(zip(answered["y"], zip(answered["x"], resolved["x"], strict=True), strict=True))
    assert by_org["LĐLĐ (2)"] == (1.0, 0.5)
    assert by_org["Tỉnh đoàn (1)"] == (1.0, 0.0)


def test_funnel_aging_and_time_to_resolution(open_page):
    at = open_page(PAGE)
    funnel = next(f for f in figures(at) if f["data"][0]["type"] == "funnel")["data"][0]
    assert funnel["x"] == [8, 4, 3, 1]
    aging = _figure(at, "Chưa giải quyết")["data"][0]
    assert dict(zip(aging["x"], aging["y"], strict=True)) == {"≤30": 1, "31–90": 1, "91–120": 1, ">120": 3}
    shown = metrics(at)
    assert shown["Trung vị"][0] == "157 ngày" and shown["90% xong trong"][0] == "157 ngày"


def test_repeats_and_list_with_history(open_page):
    at = open_page(PAGE)
    repeats = table(at, "Số lần nêu")
    assert repeats["Số lần nêu"].tolist() == [2]
    # r1 raised again as r3: the latest wording is shown, with r1's date as the first time
    assert repeats["Kiến nghị"].iloc[0].startswith("Tiếp tục đề nghị xử lý nợ đọng BHXH")
    assert str(repeats["Nêu lần đầu"].iloc[0])[:10] == "2024-03-28"
    listing = table(at, "Ngày nêu")
    assert len(listing) == 8
    assert "8 kiến nghị" in captions(at)


def test_list_filters_by_status_overdue_and_words(open_page):
    at = open_page(PAGE)
    at.selectbox(key="rc_status").set_value("resolved").run()
    assert table(at, "Ngày nêu")["rec_id"].tolist() == ["r1"]
    at.selectbox(key="rc_status").set_value(None).run()
    at.toggle(key="rc_overdue").set_value(True).run()
    assert sorted(table(at, "Ngày nêu")["rec_id"]) == ["r11", "r2", "r3"]
    at.toggle(key="rc_overdue").set_value(False).run()
    at.text_input(key="rc_q").set_value("bao hiem xa hoi").run()
    assert table(at, "Ngày nêu")["rec_id"].tolist() == ["r1"]


def test_no_resolved_recommendation_says_so_instead_of_an_empty_chart(open_page):
    at = open_page(PAGE, org="hlhpn")  # Hội LHPN: two recommendations in 2024, none resolved yet
    assert not at.exception
    assert any("Chưa có kiến nghị nào trong lựa chọn này được giải quyết dứt điểm" in i.value for i in at.info)
    assert "Trung vị" not in metrics(at)


def test_the_lists_own_filters_travel_in_the_link(open_page):
    at = open_page(PAGE, rstatus="resolved")
    assert table(at, "Ngày nêu")["rec_id"].tolist() == ["r1"]
    at.toggle(key="rc_overdue").set_value(True).run()
    at.selectbox(key="rc_status").set_value(None).run()
    assert at.query_params["roverdue"] == "1" and "rstatus" not in at.query_params
    at.text_input(key="rc_q").set_value("BHXH").run()
    assert at.query_params["rwords"] == "BHXH"
    again = open_page(PAGE, roverdue="1", rwords="BHXH")
    assert table(again, "Ngày nêu")["rec_id"].tolist() == table(at, "Ngày nêu")["rec_id"].tolist() == ["r3"]
