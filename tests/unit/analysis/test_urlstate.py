"""URL state: every view parameter round-trips; bad values become notices, never errors."""

from __future__ import annotations

import pytest

from ecotown.analysis.filters import Filters
from ecotown.analysis.urlstate import ViewState, encode_view, parse_view

DATASETS = ("public", "demo")


def test_full_example_parses():
    """The documented example link gives exactly the view it describes."""
    state, notices = parse_view({"dataset": "demo", "lang": "en", "color": "phase",
                                 "phase": "1,3", "level": "3,4", "region": "east",
                                 "province": "21", "q": "rayong"}, DATASETS)
    assert notices == []
    assert state == ViewState("demo", "en", "phase",
                              Filters((1, 3), ("3", "4"), ("east",), ("21",), "rayong"))


@pytest.mark.parametrize("state", [
    ViewState(),
    ViewState("demo", "en", "count", Filters((2,), ("none", "5"), ("north", "south"),
                                             ("50", "10"), "เชียง"), "50"),
    ViewState(lang="en", filters=Filters(levels=("1",))),
])
def test_round_trip(state):
    """encode then parse gives the same state back (lists in canonical order)."""
    parsed, notices = parse_view(encode_view(state), DATASETS)
    assert notices == []
    canonical, _ = parse_view(encode_view(parsed), DATASETS)
    assert parsed == canonical
    assert parsed.filters.query == state.filters.query
    assert set(parsed.filters.provinces) == set(state.filters.provinces)


@pytest.mark.parametrize(("params", "param"), [
    ({"lang": "fr"}, "lang"),
    ({"dataset": "../../etc"}, "dataset"),
    ({"color": "<script>"}, "color"),
    ({"phase": "0,4,x"}, "phase"),
    ({"level": "6"}, "level"),
    ({"region": "mars"}, "region"),
    ({"province": "99"}, "province"),
    ({"sel": "1; drop"}, "sel"),
    ({"q": "x" * 5000}, "q"),
    ({"utm_source": "mail"}, "utm_source"),
])
def test_bad_values_are_ignored_with_a_notice(params, param):
    """A bad value falls back to the default and says which parameter it was."""
    state, notices = parse_view(params, DATASETS)
    assert [n.param for n in notices][:1] == [param]
    assert state.lang in ("th", "en") and state.dataset in DATASETS
    assert all(len(n.value) <= 41 for n in notices)


def test_mixed_good_and_bad_keeps_the_good():
    """phase=1,9 keeps phase 1 and reports 9."""
    state, notices = parse_view({"phase": "1,9"}, DATASETS)
    assert state.filters.phases == (1,)
    assert [(n.param, n.value) for n in notices] == [("phase", "9")]


def test_defaults_are_left_out_of_links():
    """A default view encodes to an empty query string."""
    assert encode_view(ViewState()) == {}


# --- issue 11: an ignored parameter must not drop the page's own -------------------------

@pytest.mark.parametrize("extra", [
    {"utm_source": "mail"}, {"fbclid": "IwAR0abc"}, {"lang": "xx"}, {"phase": "9"},
    {"dataset": "no-such"}, {"sel": "99"}, {"level": "<b>"}, {"q": "x" * 500},
])
@pytest.mark.parametrize("own", [{"area": "P1-05"}, {"code": "21"}])
def test_ignored_parameter_keeps_area_and_code(extra, own):
    """Rewriting a URL with an ignored parameter keeps ``area``/``code`` as they were."""
    from ecotown.analysis.urlstate import view_params

    query = {**own, **extra}
    state, notices = parse_view(query, DATASETS)
    assert notices
    written = view_params(state, query)
    assert {k: written[k] for k in own} == own
    assert not set(extra) - {"lang", "phase", "dataset", "sel", "level", "q"} & set(written)


def test_written_parameters_are_bounded():
    """No parameter the app writes is longer than MAX_PARAM; a page id at most 60."""
    from ecotown.analysis.urlstate import MAX_PAGE_PARAM, MAX_PARAM, view_params

    state = ViewState(filters=Filters(provinces=tuple(f"{n:02d}" for n in range(10, 97)),
                                      query="q" * 100))
    written = view_params(state, {"area": "A" * 5000})
    assert all(len(v) <= MAX_PARAM for v in written.values())
    assert len(written["area"]) == MAX_PAGE_PARAM
    assert len("&".join(f"{k}={v}" for k, v in written.items())) < 2_000


# --- the URL parser as a property (the bulk of the tampering cases, cheap) -----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_KEYS = st.sampled_from(["dataset", "lang", "color", "phase", "level", "region", "province",
                         "q", "sel", "present", "area", "code", "utm_source", "fbclid", ""])
_VALUES = st.one_of(st.text(max_size=300), st.sampled_from(
    ["1,2,3", "9", "none", "east", "21", "demo", "en", "xx", "<b>", "%00", "\ufffe", "๒"]))


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_KEYS, st.one_of(_VALUES, st.lists(_VALUES, max_size=3)), max_size=8))
def test_any_query_parses_to_a_valid_view_that_round_trips(params):
    """Whatever the query, parsing gives a valid view, and writing it back then parsing
    again gives the same view with no notice, every written value within bounds."""
    from ecotown.analysis.urlstate import MAX_PARAM, view_params

    state, _ = parse_view(params, DATASETS)
    assert state.dataset in DATASETS and state.lang in ("th", "en")
    assert set(state.filters.phases) <= {1, 2, 3}
    written = view_params(state, params)
    assert all(len(v) <= MAX_PARAM for v in written.values())
    again, notices = parse_view({k: v for k, v in written.items()
                                 if k not in ("area", "code")}, DATASETS)
    assert again == state and notices == []


@pytest.mark.parametrize(("lang", "expected"), [
    ("th", "แผนที่เมืองอุตสาหกรรมเชิงนิเวศ · Eco Town Atlas"), ("en", "Eco Town Atlas")])
def test_browser_tab_title_follows_the_language(lang, expected):
    """Thai first: the tab title is Thai in Thai mode, with the English name after it."""
    from ecotown.analysis.urlstate import page_title

    assert page_title(lang) == expected


@pytest.mark.parametrize("raw,expected", [("2", 2), ("5", 5), ("1", 1), ("", 0)])
def test_min_level_round_trips(raw, expected):
    state, notices = parse_view({"minlevel": raw}, ["public"])
    assert state.filters.min_level == expected and not notices
    assert encode_view(state).get("minlevel", "") == raw
    assert state.filters.active == bool(expected)


@pytest.mark.parametrize("raw", ["0", "6", "two", "2.5", "-1", "٢"])
def test_bad_min_level_is_dropped_with_a_notice(raw):
    state, notices = parse_view({"minlevel": raw}, ["public"])
    assert state.filters.min_level == 0
    assert [(n.param, n.reason) for n in notices] == [("minlevel", "reason_unknown_value")]
