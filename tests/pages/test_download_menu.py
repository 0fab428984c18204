"""The download menu on every page with a map offers the view as one offline HTML file
(issue 30), beside the briefing and the deck (its bytes and name: tests/unit/briefing/
test_view_html.py, where the command line writes the same file)."""

from __future__ import annotations

import pytest

from ecotown.i18n.labels import t
from tests.pages.apptest import open_page


@pytest.mark.parametrize(("page", "params"), [
    ("app.py", {"dataset": "demo", "phase": "3", "lang": "en"}),
    ("pages/area.py", {"area": "P1-05"}),
    ("pages/province.py", {"code": "21", "dataset": "demo", "lang": "en"}),
])
def test_the_menu_offers_the_view_as_one_html_file(page, params):
    app = open_page(page, params)
    lang = params.get("lang", "th")
    buttons = {b.proto.label: b for b in app.get("download_button")}
    assert t("brief_format_html", lang) in buttons, sorted(buttons)
    assert t("brief_format_pptx", lang) in buttons
