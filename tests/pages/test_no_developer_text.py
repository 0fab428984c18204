"""Issue 28: executive pages (overview, area, province) carry no developer text in either
language, on either dataset: no README, file, script or column name. Everything the page
shows as text is read (tests/pages/apptest.visible_text). Every area page (English) and
every province page (Thai) of both datasets is scanned where it is opened, in
test_app_drilldown; here the overview's views and the Thai area pages."""

from __future__ import annotations

import pytest

from tests.pages.apptest import DEVELOPER, developer_words, open_page, visible_text

PAGES = [("app.py", {}), ("app.py", {"dataset": "demo"}),
         ("app.py", {"dataset": "demo", "since": "2022"}),
         ("pages/area.py", {"area": "P1-05", "lang": "th"}),
         ("pages/area.py", {"area": "P3-11", "dataset": "demo", "lang": "th"})]


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("page", "params"), PAGES)
def test_executive_pages_name_no_file_script_or_column(page, params, lang):
    app = open_page(page, {"lang": lang, **params})
    assert developer_words(app) == [], f"{page} {params} {lang}"


def test_the_scan_sees_developer_text():
    said = type("E", (), {"value": "see README, scripts/make_demo_data.py, column level_year"})()

    class Fake:
        markdown = caption = info = warning = success = error = header = subheader = (said,)
        title = dataframe = ()

        def get(self, _):
            return []
    found = set(DEVELOPER.findall(visible_text(Fake())))
    assert {"README", "scripts/", ".py", "level_year"} <= found
