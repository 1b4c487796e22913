"""The sidebar filters live in the URL: a link reopens the same view, a change rewrites the link."""

from __future__ import annotations

from tests.app.helpers import metrics


def test_link_sets_the_filters(open_page):
    at = open_page(level="province", org="ldld", grain="half")
    assert not at.exception
    assert at.sidebar.selectbox(key="w_level").value == "province"
    assert at.sidebar.selectbox(key="w_org").value == "ldld"
    # In 2024 LĐLĐ raised r1 and r3, both at province meetings.
    assert metrics(at)["Kiến nghị"][0] == "2"


def test_changing_a_filter_rewrites_the_link(open_page):
    at = open_page()
    at.sidebar.selectbox(key="w_theme").set_value("labour").run()
    assert at.query_params["theme"] == "labour"
    assert metrics(at)["Kiến nghị"][0] == "2"  # r1, r3
    at.sidebar.segmented_control(key="w_grain").set_value("year").run()
    assert at.query_params["grain"] == "year"
    at.sidebar.button[0].click().run()  # clear filters
    assert "theme" not in at.query_params and "grain" not in at.query_params


def test_harmonised_switch_maps_the_province(open_page):
    at = open_page(province="bac-giang")
    assert metrics(at)["Cuộc họp"][0] == "6"
    at.sidebar.toggle(key="w_harm").set_value(True).run()
    assert at.query_params["harm"] == "1" and at.query_params["province"] == "bac-ninh-2025"
    assert metrics(at)["Cuộc họp"][0] == "6"


def test_mangled_link_falls_back_to_defaults(open_page):
    at = open_page(grain="week", level="planet", **{"from": "not-a-date"})
    assert not at.exception
    assert at.sidebar.segmented_control(key="w_grain").value == "quarter"


def test_a_link_naming_unknown_places_or_themes_drops_those_filters(open_page):
    """Ids that name nothing (an edited link, or the labels a language switch once wrote into the
    link) must not empty every page."""
    at = open_page(province="Tất cả", org="nope", theme="Tất cả")
    assert not at.exception
    assert at.sidebar.selectbox(key="w_province").value == ""
    assert metrics(at)["Kiến nghị"][0] == "8"  # all of 2024, as with no filter
    assert "province" not in at.query_params and "org" not in at.query_params and "theme" not in at.query_params


def test_one_click_picks_a_whole_year(open_page):
    at = open_page()
    assert at.sidebar.pills(key="w_year").value == 2024  # the link's range is the whole of 2024
    at.sidebar.pills(key="w_year").set_value(2023).run()
    assert (at.query_params["from"], at.query_params["to"]) == ("2023-01-01", "2023-12-31")
    assert at.sidebar.pills(key="w_year").value == 2023
    assert not at.exception
