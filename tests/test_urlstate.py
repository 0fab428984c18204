"""URL state: every view parameter round-trips; bad values become notices, never errors."""

from __future__ import annotations

import pytest

from ecotown.filters import Filters
from ecotown.urlstate import ViewState, encode_view, parse_view

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
