"""The values every page shares read-only (``ecotown.ui.cached``: the dataset, its area
tables, the province table, one object per process) are left as they were loaded after
every page has run on them, in many views, with the overview's table and time panel open."""

from __future__ import annotations

import pandas as pd
import pytest

from ecotown.analysis.progress import with_change
from ecotown.analysis.summary import area_table, dataset_years, view_year
from ecotown.model.geography import load_provinces
from ecotown.store import dataset_version, load_dataset
from ecotown.ui import cached
from tests.pages.apptest import open_page

VIEWS = [
    ("app.py", {}),
    ("app.py", {"dataset": "demo", "lang": "en", "phase": "2,3", "province": "21"}),
    ("app.py", {"dataset": "demo", "year": "2567", "since": "2565", "color": "phase"}),
    ("app.py", {"dataset": "demo", "level": "3,4", "q": "ระยอง", "present": "1"}),
    ("pages/area.py", {"dataset": "demo", "area": "ET-001", "lang": "en"}),
    ("pages/province.py", {"dataset": "demo", "code": "21"}),
    ("pages/province.py", {"code": "20", "lang": "en"}),
    ("pages/data.py", {"dataset": "demo"}),
]


def _run(page: str, params: dict) -> None:
    app = open_page(page, params)
    for key in ("w_show_table", "w_show_progress"):  # the overview's table and time panel
        toggle = [w for w in app.toggle if w.key == key]
        if toggle:
            toggle[0].set_value(True)
    app.run()
    assert not app.exception, [e.value for e in app.exception]


@pytest.fixture(scope="module")
def after_every_page():
    for page, params in VIEWS:
        _run(page, params)


@pytest.mark.parametrize("name", ["public", "demo"])
def test_the_shared_dataset_is_as_loaded(after_every_page, name):
    shared = cached.dataset_at(name, dataset_version(name))
    fresh = load_dataset(name)
    assert shared is cached.cached_dataset(name)  # one object, not a copy
    for field, value in vars(fresh).items():
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(getattr(shared, field), value, obj=field)
        else:
            assert getattr(shared, field) == value, field


@pytest.mark.parametrize("name", ["public", "demo"])
def test_the_shared_area_tables_are_as_made(after_every_page, name):
    dataset, provinces = load_dataset(name), load_provinces()
    years = dataset_years(dataset)
    checked = 0
    for year in [None, *years]:
        for since in [None, *years[:1]]:
            if since is not None and year is not None and since >= year:
                continue
            shared = cached.cached_area_table(name, year, since)
            fresh = area_table(dataset, provinces, year)
            if since is not None:
                fresh = with_change(fresh, dataset, since, view_year(dataset, year))
            pd.testing.assert_frame_equal(shared, fresh)
            checked += 1
    assert checked >= 2


def test_the_shared_province_table_is_as_made(after_every_page):
    shared = cached.cached_province_info()
    assert shared is cached.cached_province_info()
    pd.testing.assert_frame_equal(shared, cached._build_province_info())


def test_the_shared_filtered_tables_are_as_made(after_every_page):
    from ecotown.analysis.filters import Filters, apply_filters
    from ecotown.analysis.urlstate import ViewState

    for state in (ViewState(dataset="demo", lang="en", filters=Filters(phases=(2, 3),
                                                                        provinces=("21",))),
                  ViewState()):
        shared = cached.cached_shown(state)
        assert shared is cached.cached_shown(state)
        fresh = apply_filters(area_table(load_dataset(state.dataset), load_provinces()),
                              state.filters)
        pd.testing.assert_frame_equal(shared, fresh)
