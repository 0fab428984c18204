"""``year=`` and ``since=`` in the URL: either era in, one canonical form out."""

from __future__ import annotations

import pytest

from ecotown.analysis.urlstate import ViewState, encode_view, fit_years, parse_view

YEARS = list(range(2019, 2026))


@pytest.mark.parametrize(("params", "year", "since", "reasons"), [
    ({"year": "2568"}, 2025, None, []),
    ({"year": "2025"}, 2025, None, []),
    ({"year": "พ.ศ. 2565", "since": "2562"}, 2022, 2019, []),
    ({"year": "2022", "since": "2565"}, 2022, None, ["reason_since_after_year"]),
    ({"year": "2020", "since": "2023"}, 2020, None, ["reason_since_after_year"]),
    ({"year": "abc"}, None, None, ["reason_not_a_year"]),
    ({"year": "3000", "since": "<script>"}, None, None, ["reason_not_a_year"] * 2),
    ({"since": "2024"}, None, 2024, []),
])
def test_parse_year_params(params, year, since, reasons):
    state, notices = parse_view(params, ["public", "demo"])
    assert (state.year, state.since) == (year, since)
    assert [n.reason for n in notices] == reasons


@pytest.mark.parametrize("typed", ["2565", "2022", "๒๕๖๕", "พ.ศ. 2565"])
def test_the_url_is_written_in_one_canonical_form(typed):
    state, _ = parse_view({"year": typed, "since": "2562"}, ["public"])
    assert encode_view(state) == {"year": "2022", "since": "2019"}
    again, notices = parse_view(encode_view(state), ["public"])
    assert again == state and not notices


@pytest.mark.parametrize(("year", "since", "kept", "reasons"), [
    (2022, 2019, (2022, 2019), []),
    (2015, None, (None, None), ["reason_year_outside_data"]),
    (None, 2024, (None, 2024), []),          # since the year before the last
    (None, 2025, (None, None), ["reason_since_after_year"]),  # the last year itself
    (2022, 2012, (2022, None), ["reason_year_outside_data"]),
])
def test_fit_years_keeps_the_view_within_the_datasets_years(year, since, kept, reasons):
    state, notices = fit_years(ViewState(year=year, since=since), YEARS)
    assert (state.year, state.since) == kept
    assert [n.reason for n in notices] == reasons
