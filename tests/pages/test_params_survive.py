"""Every page keeps its own parameters and the view's through a change of language or
dataset: one mechanism (ui.preamble.set_view via analysis.urlstate.view_params), every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.apptest import open_page

APP = str(Path(__file__).resolve().parents[2] / "app.py")
VIEW = {"dataset": "demo", "color": "phase", "phase": "1,3", "minlevel": "2",
        "region": "east", "q": "ระยอง", "sel": "21"}
PAGES = [("app.py", {}), ("pages/area.py", {"area": "P1-02"}),
         ("pages/province.py", {"code": "21"})]


def _open(page: str, params: dict) -> AppTest:
    return open_page(page, params, timeout=60)


def _query(app: AppTest) -> dict:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in app.query_params.items()}


@pytest.mark.parametrize("page,own", PAGES)
def test_language_switch_keeps_every_parameter(page, own):
    app = _open(page, {**VIEW, **own})
    app.sidebar.segmented_control[0].set_value("en").run()
    assert not app.exception
    assert _query(app) == {**VIEW, **own, "lang": "en"}


@pytest.mark.parametrize("page,own", PAGES)
def test_dataset_switch_keeps_the_pages_own_and_the_filters(page, own):
    app = _open(page, {**VIEW, **own, "lang": "en"})
    app.sidebar.selectbox[0].select("public").run()
    assert not app.exception
    expected = {k: v for k, v in {**VIEW, **own, "lang": "en"}.items()
                if k not in ("dataset", "sel")}  # a selection belongs to its dataset
    assert _query(app) == expected
