"""Issue 28: the overview's first screen answers "are we on course for 2037" without a
toggle: the verdict strip is in the page on its first run, in the reader's language."""

from __future__ import annotations

import pytest

from tests.pages.apptest import open_page


def _verdict(app) -> str:
    found = [h.proto.body for h in app.get("html") if 'data-testid="verdict-2037"' in
             h.proto.body]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(("params", "words", "verdict"), [
    ({"dataset": "demo", "lang": "en"}, "Not on course for 2037:", "not_on_course"),
    ({"dataset": "demo", "lang": "th", "year": "2565"}, "ไม่ตามเป้า พ.ศ. 2580:", "not_on_course"),
    ({"lang": "en"}, "Not known whether the programme is on course for 2037", "not_known"),
    ({"lang": "th"}, "ยังบอกไม่ได้ว่าตามเป้า พ.ศ. 2580", "not_known"),
])
def test_the_2037_verdict_is_on_the_first_screen(params, words, verdict):
    app = open_page("app.py", params)
    strip = _verdict(app)
    assert words in strip and f'data-verdict="{verdict}"' in strip
    assert not [t for t in app.toggle if t.value]  # no toggle was needed
