"""URL tampering in a real browser: a smoke sample of the generated malformed links (the
property over every kind of tampering lives a layer down, in
``tests/unit/analysis/test_urlstate.py`` and ``tests/pages/test_url_tampering.py``)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.browser.helpers import map_frame
from tests.pages.test_url_tampering import _cases

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("params", _cases()[:2], ids=lambda p: "&".join(p)[:30])
def test_tampered_link_opens_the_normal_page(page, params):
    """The map still paints, no error box, no dialog, nothing leaves the origin."""
    page.goto(page.app_url + "/?" + urlencode(params))
    frame = map_frame(page)
    assert frame.evaluate("window.ecotownProvinces.getLayers().length") == 77
    assert page.get_by_test_id("stException").count() == 0
    assert page.dialogs == [] and page.blocked == []
